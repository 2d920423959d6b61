//! What trame knows of the languages it reads, in one place: the word lists each stage uses,
//! side by side so that a word added for one stage is seen next to the others.
//!
//! Each list names its role (and the stage that uses it) rather than a grammatical class: the
//! roles differ on purpose (a name may hold `des` inside but never end with it; `a` ends no
//! paragraph but is no complement marker), so they are not one list.

pub(crate) mod en;
pub(crate) mod fold;
pub(crate) mod fr;
pub(crate) mod inflect;

#[cfg(test)]
mod tests {
    /// Every list is lower-case (the stages compare lower-cased words) apart from sentence
    /// openers, and holds no word twice.
    #[test]
    fn lists_are_lower_case_and_without_repeats() {
        let lists: [(&str, &[&str]); 10] = [
            ("fr::NAME_INNER_WORDS", super::fr::NAME_INNER_WORDS),
            ("fr::NAME_ENDING_WORDS", super::fr::NAME_ENDING_WORDS),
            (
                "fr::LINE_CONTINUING_WORDS",
                super::fr::LINE_CONTINUING_WORDS,
            ),
            ("fr::COMPLEMENT_MARKERS", super::fr::COMPLEMENT_MARKERS),
            ("fr::ENGLISH_RUN_ENDERS", super::fr::ENGLISH_RUN_ENDERS),
            ("fr::FUNCTION_WORDS", super::fr::FUNCTION_WORDS),
            (
                "en::FUNCTION_WORDS_NOT_FRENCH",
                super::en::FUNCTION_WORDS_NOT_FRENCH,
            ),
            (
                "en::TITLE_CASE_SMALL_WORDS",
                super::en::TITLE_CASE_SMALL_WORDS,
            ),
            ("en::FUNCTION_WORDS", super::en::FUNCTION_WORDS),
            ("fr::SENTENCE_OPENERS (lower-cased)", &[]),
        ];
        for (name, list) in lists {
            let mut seen = std::collections::HashSet::new();
            for w in list {
                assert_eq!(*w, w.to_lowercase(), "{name}: `{w}` is not lower-case");
                assert!(seen.insert(*w), "{name}: `{w}` twice");
            }
        }
        for w in super::fr::SENTENCE_OPENERS {
            assert!(w.chars().next().is_some_and(char::is_uppercase), "`{w}`");
        }
    }

    /// A name may hold a function word inside, so no inner word also ends a name.
    #[test]
    fn inner_words_never_end_a_name() {
        for w in super::fr::NAME_INNER_WORDS {
            assert!(!super::fr::NAME_ENDING_WORDS.contains(w), "`{w}`");
        }
    }
}
