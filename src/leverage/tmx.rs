//! Filling an [`IndexBuilder`](super::IndexBuilder) from TMX files (the only format-aware part).

use super::IndexBuilder;
use crate::error::Result;
use crate::tmx::{ReadOptions, TmxReader};

/// Adds every unit of the TMX file `path` whose source language matches `src_lang` (primary
/// subtag; the header's `srclang` when the unit has no variant in `src_lang`); returns how many
/// units were added. The unit's `x-note` prop, if any, is kept as its note (a unit whose `x-bead` is not
/// `1-1` gets one saying why it is doubtful), `x-confidence` as its confidence.
pub fn add_tmx(builder: &mut IndexBuilder, path: &str, src_lang: &str) -> Result<usize> {
    let reader = TmxReader::open(path, ReadOptions::default())?;
    let origin = builder.origin(path);
    let header_src = reader.header().source_language().map(str::to_string);
    let mut added = 0;
    for tu in reader {
        let tu = tu?;
        let wanted = Some(src_lang).filter(|l| {
            tu.variants.iter().any(|v| {
                crate::tmx::primary_subtag(&v.lang)
                    .eq_ignore_ascii_case(crate::tmx::primary_subtag(l))
            })
        });
        let Some((src, tgt)) = tu.pair(wanted.or(header_src.as_deref())) else {
            continue;
        };
        if !crate::tmx::primary_subtag(&src.lang)
            .eq_ignore_ascii_case(crate::tmx::primary_subtag(src_lang))
        {
            continue;
        }
        let confidence = tu
            .prop("x-confidence")
            .and_then(|c| c.trim().parse::<f64>().ok());
        // a merged alignment bead (2-1, 1-2…) is doubtful whatever its confidence
        let note = tu.prop("x-note").map(str::to_string).or_else(|| {
            let bead = tu.prop("x-bead")?;
            let (s, t) = bead.split_once('-')?;
            let (s, t) = (
                s.trim().parse::<usize>().ok()?,
                t.trim().parse::<usize>().ok()?,
            );
            crate::package::doubt(s, t, 1.0, 0.0)
        });
        if builder.add_with_confidence(&src.text, &tgt.text, origin, note, confidence) {
            added += 1;
        }
    }
    Ok(added)
}
