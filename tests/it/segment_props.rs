//! Properties of segmentation on arbitrary input: no panic, valid ordered spans, nothing lost.

use proptest::prelude::*;
use std::sync::OnceLock;
use trame::segment::Segmenter;

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Built once per language: building compiles every rule, which is slow in debug builds.
fn segmenter(lang: &str) -> &'static Segmenter {
    static FR: OnceLock<Segmenter> = OnceLock::new();
    static EN: OnceLock<Segmenter> = OnceLock::new();
    let cell = if lang == "en" { &EN } else { &FR };
    cell.get_or_init(|| Segmenter::builtin(lang).unwrap())
}

fn check(lang: &str, text: &str) {
    let segmenter = segmenter(lang);
    let segs = segmenter.segment(text);
    let mut last = 0;
    for s in &segs {
        assert!(s.start >= last && s.start < s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let span = &text[s.start..s.end];
        assert!(!span.contains('\n') && !span.contains('\r'));
        // No-break spaces may stay as they are; compare with every space kind folded.
        assert_eq!(normalise(&s.text), normalise(span));
        assert_eq!(s.text.trim(), s.text);
        last = s.end;
    }
    let kept: String = segs
        .iter()
        .flat_map(|s| s.text.chars())
        .filter(|c| !c.is_whitespace())
        .collect();
    let all: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(kept, all);
}

proptest! {
    #[test]
    fn french_rules_keep_every_character(text in "[a-zA-Zé É.!?…«»\"'()\\[\\]:;0-9\u{A0}\n\r-]{0,200}") {
        check("fr", &text);
    }

    #[test]
    fn english_rules_keep_every_character(text in "[a-zA-Z .!?…\"'()•⁃0-9\n-]{0,200}") {
        check("en", &text);
    }

    #[test]
    fn any_unicode_is_safe(text in "\\PC{0,100}") {
        check("fr", &text);
    }
}
