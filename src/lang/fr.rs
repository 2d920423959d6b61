//! French: the word lists of each stage.

/// Words allowed inside a multi-word name but never at its edges (`Organisation *des* États`):
/// articles and prepositions, elided forms included. Candidate terms in the audit.
pub const NAME_INNER_WORDS: &[&str] = &[
    "de", "des", "du", "la", "le", "les", "l'", "l’", "d'", "d’", "pour", "sur", "à", "au", "aux",
    "en", "contre", "dans", "par", "entre",
];

/// Words that end a name: verbs, pronouns, determiners, frequent adverbs and conjunctions.
/// Candidate terms in the audit.
pub const NAME_ENDING_WORDS: &[&str] = &[
    "notre",
    "nos",
    "votre",
    "vos",
    "mon",
    "ma",
    "mes",
    "ton",
    "ta",
    "tes",
    "a",
    "ai",
    "ont",
    "est",
    "sont",
    "été",
    "était",
    "étaient",
    "sera",
    "seront",
    "fait",
    "qui",
    "que",
    "qu'",
    "qu’",
    "dont",
    "où",
    "et",
    "ou",
    "mais",
    "ni",
    "car",
    "ce",
    "cet",
    "cette",
    "ces",
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "se",
    "s'",
    "s’",
    "sa",
    "son",
    "ses",
    "leur",
    "leurs",
    "un",
    "une",
    "plus",
    "très",
    "ainsi",
    "également",
    "aussi",
    "lors",
    "selon",
    "comme",
    "avec",
    "sans",
    "n'",
];

/// Capitalised words that start sentences rather than names (`Selon`, `Depuis`…). Candidate
/// terms in the audit.
pub const SENTENCE_OPENERS: &[&str] = &[
    "Lors",
    "Selon",
    "Depuis",
    "Parmi",
    "Pendant",
    "Après",
    "Avant",
    "Ainsi",
    "Enfin",
    "Cependant",
    "Toutefois",
    "Pour",
    "Dans",
    "Nous",
];

/// French and English function words that never end a paragraph: a line ending in one of them
/// was hard-wrapped. Cleaning.
pub const LINE_CONTINUING_WORDS: &[&str] = &[
    "a", "à", "au", "aux", "avec", "ce", "ces", "cet", "cette", "d’", "d'", "dans", "de", "des",
    "du", "en", "et", "l’", "l'", "la", "le", "les", "leur", "leurs", "ou", "par", "pour", "que",
    "qui", "sa", "ses", "son", "sur", "un", "une", "an", "and", "at", "by", "for", "from", "in",
    "of", "on", "or", "the", "to", "with",
];

/// Words that end the head phrase of a term (its complements follow and never agree):
/// `Directeur régional *de* l’OIM`. Gender and number inflection.
pub const COMPLEMENT_MARKERS: &[&str] = &[
    "de", "des", "du", "pour", "sur", "en", "à", "a", "au", "aux", "contre", "entre", "dans",
    "par", "avec", "et", "ou", "sans", "selon", "vers", "auprès", "chez", "the", "of",
];

/// French function words, folded (no apostrophe): one of them ends a run of English words in
/// French text. Matching (English titles quoted in a French release are not searched).
pub const ENGLISH_RUN_ENDERS: &[&str] = &[
    "le", "la", "les", "l", "de", "des", "du", "d", "et", "ou", "où", "pour", "par", "dans", "sur",
    "avec", "en", "un", "une", "au", "aux", "est", "sont", "qui", "que", "qu", "ce", "cette",
    "ces", "son", "sa", "ses", "leur", "leurs", "il", "elle", "ils", "elles", "nous", "vous", "se",
    "ne", "pas", "plus", "ont", "été", "être", "dont", "lors", "entre", "chez",
];

/// French words that cannot be terms on their own (articles, prepositions, pronouns,
/// conjunctions, auxiliaries), elided forms included. Glossary checks.
pub const FUNCTION_WORDS: &[&str] = &[
    "a", "à", "au", "aux", "avec", "ce", "ces", "cet", "cette", "d", "d'", "d’", "dans", "de",
    "des", "du", "elle", "en", "est", "et", "il", "ils", "l", "l'", "l’", "la", "le", "les",
    "leur", "leurs", "mais", "ne", "ni", "on", "ou", "où", "par", "pas", "pour", "qu", "qu'",
    "qu’", "que", "qui", "s", "sa", "se", "ses", "son", "sur", "un", "une", "y",
];

/// Words that mark a term as French rather than English, for the audit's wrong-language check.
/// `de` is left out: Spanish and Portuguese names carry it in English too.
pub const LANGUAGE_MARKERS: &[&str] = &[
    "des", "du", "la", "le", "les", "pour", "et", "à", "aux", "sur",
];
