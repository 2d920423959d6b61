//! The OmegaT project file.

/// OmegaT's tokenizer class for a language (Lucene analysers OmegaT ships).
fn tokenizer(lang: &str) -> &'static str {
    match crate::tmx::primary_subtag(lang)
        .to_ascii_lowercase()
        .as_str()
    {
        "fr" => "org.omegat.tokenizer.LuceneFrenchTokenizer",
        "en" => "org.omegat.tokenizer.LuceneEnglishTokenizer",
        "de" => "org.omegat.tokenizer.LuceneGermanTokenizer",
        "es" => "org.omegat.tokenizer.LuceneSpanishTokenizer",
        "it" => "org.omegat.tokenizer.LuceneItalianTokenizer",
        "pt" => "org.omegat.tokenizer.LucenePortugueseTokenizer",
        "nl" => "org.omegat.tokenizer.LuceneDutchTokenizer",
        _ => "org.omegat.tokenizer.DefaultTokenizer",
    }
}

/// `omegat.project` for a project with the default folders. Sentence segmentation is off: each
/// `<trans-unit>` already is one sentence, cut with the rules that built the memory, so OmegaT's
/// segments meet the memory's sources exactly.
pub fn omegat_project_xml(src_lang: &str, tgt_lang: &str) -> String {
    let esc = crate::tmx::xml::escape_text;
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <source_dir_excludes>
      <mask>**/.svn/**</mask>
      <mask>**/CVS/**</mask>
      <mask>**/.cvs/**</mask>
      <mask>**/desktop.ini</mask>
      <mask>**/Thumbs.db</mask>
      <mask>**/.DS_Store</mask>
    </source_dir_excludes>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>{}</source_lang>
    <target_lang>{}</target_lang>
    <source_tok>{}</source_tok>
    <target_tok>{}</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"#,
        esc(src_lang),
        esc(tgt_lang),
        tokenizer(src_lang),
        tokenizer(tgt_lang)
    )
}
