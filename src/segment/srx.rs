//! Reading SRX 2.0 documents (Segmentation Rules eXchange) into plain data.
//!
//! Only the parts that drive segmentation are kept: the header flags (`cascade`,
//! `segmentsubflows`), the language rule sets with their rules in order, and the map rules.
//! Format handles and Okapi extensions (`okpsrx:` elements) are accepted and listed as
//! warnings, because trame segments plain text and implements none of them.

use crate::document::LineIndex;
use crate::warning::Warning;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// One `<rule>`: break or not, and its two (Java dialect) patterns, either possibly empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SrxRule {
    /// `break="yes"` (the default) or `break="no"`.
    pub is_break: bool,
    /// The `<beforebreak>` pattern ("" when absent).
    pub before: String,
    /// The `<afterbreak>` pattern ("" when absent).
    pub after: String,
    /// 1-based line of the `<rule>` element in the SRX file.
    pub line: usize,
    /// 1-based column of the `<rule>` element.
    pub column: usize,
}

/// A `<languagerule>`: a named, ordered list of rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageRule {
    /// `languagerulename`.
    pub name: String,
    /// The rules in document order.
    pub rules: Vec<SrxRule>,
}

/// A `<languagemap>`: a regex on language codes and the rule set it selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LanguageMap {
    /// `languagepattern` (Java dialect), matched against the whole language code.
    pub pattern: String,
    /// `languagerulename`.
    pub rule_name: String,
    /// 1-based line of the element.
    pub line: usize,
}

/// A parsed SRX 2.0 document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SrxDocument {
    /// `cascade="yes"`: the rule sets of every matching map apply, in map order.
    pub cascade: bool,
    /// `segmentsubflows` (accepted; plain text has no subflows, so it changes nothing here).
    pub segment_subflows: bool,
    /// The language rule sets in document order.
    pub language_rules: Vec<LanguageRule>,
    /// The map rules in document order.
    pub maps: Vec<LanguageMap>,
    /// Things read but not implemented (Okapi options, format handles…), one warning each.
    pub warnings: Vec<Warning>,
}

impl SrxDocument {
    /// Records something read but not applied.
    fn ignored(&mut self, message: impl Into<String>) {
        self.warnings.push(Warning::SrxIgnored {
            message: message.into(),
        });
    }
}

/// An SRX syntax problem at a 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SrxSyntaxError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// Which text element we are inside.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    None,
    Before,
    After,
}

/// Parses an SRX 2.0 document.
pub fn parse(xml: &str) -> Result<SrxDocument, SrxSyntaxError> {
    let index = LineIndex::new(xml);
    let at = |offset: usize, message: String| {
        let lc = index.line_col(xml, offset);
        SrxSyntaxError {
            line: lc.line,
            column: lc.column + 1,
            message,
        }
    };
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut doc = SrxDocument::default();
    let mut saw_root = false;
    let mut current_rule: Option<SrxRule> = None;
    let mut current_set: Option<LanguageRule> = None;
    let mut field = Field::None;
    let mut in_header = false;
    let mut guard = crate::xmlsafe::XmlGuard::new(None);
    loop {
        let offset = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(ev) => {
                if let Err(message) = guard.check(&ev) {
                    return Err(at(offset, message));
                }
                ev
            }
            Err(e) => {
                let pos = reader.error_position() as usize;
                return Err(at(pos, format!("malformed XML: {e}")));
            }
        };
        // Offset of the tag's `<` (skip any whitespace the reader consumed before it).
        let tag_at = xml[offset.min(xml.len())..]
            .find('<')
            .map_or(offset, |k| offset + k);
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                if !saw_root {
                    if name != "srx" {
                        return Err(at(
                            tag_at,
                            format!("root element is <{name}>, expected <srx>"),
                        ));
                    }
                    saw_root = true;
                    let version = attr(e, "version").unwrap_or_default();
                    if version != "2.0" {
                        doc.ignored(format!("SRX version `{version}`: read as SRX 2.0"));
                    }
                    continue;
                }
                match name.as_str() {
                    "header" => {
                        doc.cascade = yes_no(e, "cascade", false).map_err(|m| at(tag_at, m))?;
                        doc.segment_subflows =
                            yes_no(e, "segmentsubflows", true).map_err(|m| at(tag_at, m))?;
                        in_header = !empty;
                    }
                    "languagerule" => {
                        let Some(rule_name) = attr(e, "languagerulename") else {
                            return Err(at(
                                tag_at,
                                "<languagerule> without languagerulename".into(),
                            ));
                        };
                        let set = LanguageRule {
                            name: rule_name,
                            rules: Vec::new(),
                        };
                        if empty {
                            doc.language_rules.push(set);
                        } else {
                            current_set = Some(set);
                        }
                    }
                    "rule" => {
                        if current_set.is_none() {
                            return Err(at(tag_at, "<rule> outside <languagerule>".into()));
                        }
                        let is_break = yes_no(e, "break", true).map_err(|m| at(tag_at, m))?;
                        let lc = index.line_col(xml, tag_at);
                        let rule = SrxRule {
                            is_break,
                            before: String::new(),
                            after: String::new(),
                            line: lc.line,
                            column: lc.column + 1,
                        };
                        if empty {
                            if let Some(set) = current_set.as_mut() {
                                set.rules.push(rule);
                            }
                        } else {
                            current_rule = Some(rule);
                        }
                    }
                    "beforebreak" | "afterbreak" => {
                        if current_rule.is_none() {
                            return Err(at(tag_at, format!("<{name}> outside <rule>")));
                        }
                        if !empty {
                            field = if name == "beforebreak" {
                                Field::Before
                            } else {
                                Field::After
                            };
                        }
                    }
                    "languagemap" => {
                        let Some(pattern) = attr(e, "languagepattern") else {
                            return Err(at(tag_at, "<languagemap> without languagepattern".into()));
                        };
                        let Some(rule_name) = attr(e, "languagerulename") else {
                            return Err(at(
                                tag_at,
                                "<languagemap> without languagerulename".into(),
                            ));
                        };
                        doc.maps.push(LanguageMap {
                            pattern,
                            rule_name,
                            line: index.line_col(xml, tag_at).line,
                        });
                    }
                    "body" | "languagerules" | "maprules" => {}
                    "formathandle" => {
                        doc.ignored(
                            "<formathandle> ignored: trame segments plain text without inline codes",
                        );
                    }
                    other if other.starts_with("okpsrx:") => {
                        let attrs: Vec<String> = e
                            .attributes()
                            .flatten()
                            .map(|a| {
                                format!(
                                    "{}={}",
                                    String::from_utf8_lossy(a.key.as_ref()),
                                    String::from_utf8_lossy(&a.value)
                                )
                            })
                            .collect();
                        if other == "okpsrx:options"
                            && attr(e, "useIcu4jBreakRules")
                                .or_else(|| attr(e, "useIcu4JBreakRules"))
                                .as_deref()
                                == Some("yes")
                        {
                            doc.ignored(
                                "useIcu4jBreakRules=yes: this file expects ICU's UAX #29 sentence \
                                 breaker underneath its rules; trame has none, so only the file's \
                                 own break rules apply",
                            );
                        }
                        doc.ignored(format!(
                            "Okapi extension <{other}> ignored{}",
                            if attrs.is_empty() {
                                String::new()
                            } else {
                                format!(" ({})", attrs.join(", "))
                            }
                        ));
                    }
                    other if in_header => {
                        doc.ignored(format!("header element <{other}> ignored"));
                    }
                    other => {
                        return Err(at(tag_at, format!("unexpected element <{other}>")));
                    }
                }
            }
            Event::End(ref e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                match name.as_str() {
                    "header" => in_header = false,
                    "beforebreak" | "afterbreak" => field = Field::None,
                    "rule" => {
                        if let (Some(rule), Some(set)) = (current_rule.take(), current_set.as_mut())
                        {
                            set.rules.push(rule);
                        }
                    }
                    "languagerule" => {
                        if let Some(set) = current_set.take() {
                            doc.language_rules.push(set);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if field != Field::None => {
                let text = t
                    .unescape()
                    .map_err(|e| at(tag_at, format!("bad entity: {e}")))?;
                push_field(&mut current_rule, field, &text);
            }
            Event::CData(t) if field != Field::None => {
                let text = String::from_utf8_lossy(&t.into_inner()).into_owned();
                push_field(&mut current_rule, field, &text);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_root {
        return Err(at(0, "no <srx> element".into()));
    }
    if doc.maps.is_empty() {
        return Err(at(xml.len(), "no <languagemap> in <maprules>".into()));
    }
    for map in &doc.maps {
        if !doc.language_rules.iter().any(|r| r.name == map.rule_name) {
            return Err(SrxSyntaxError {
                line: map.line,
                column: 1,
                message: format!(
                    "<languagemap> names languagerulename `{}`, which no <languagerule> defines",
                    map.rule_name
                ),
            });
        }
    }
    Ok(doc)
}

fn push_field(rule: &mut Option<SrxRule>, field: Field, text: &str) {
    if let Some(rule) = rule.as_mut() {
        match field {
            Field::Before => rule.before.push_str(text),
            Field::After => rule.after.push_str(text),
            Field::None => {}
        }
    }
}

fn attr(e: &BytesStart, key: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        if a.key.as_ref() == key.as_bytes() {
            Some(
                a.unescape_value()
                    .map(|v| v.into_owned())
                    .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned()),
            )
        } else {
            None
        }
    })
}

fn yes_no(e: &BytesStart, key: &str, default: bool) -> Result<bool, String> {
    match attr(e, key).as_deref() {
        None => Ok(default),
        Some("yes") => Ok(true),
        Some("no") => Ok(false),
        Some(other) => Err(format!("{key}=\"{other}\": expected \"yes\" or \"no\"")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"<?xml version="1.0"?>
<srx version="2.0" xmlns="http://www.lisa.org/srx20">
<header cascade="no" segmentsubflows="yes"/>
<body>
<languagerules>
<languagerule languagerulename="A">
<rule break="no"><beforebreak>\bM\.</beforebreak><afterbreak>\s</afterbreak></rule>
<rule><beforebreak>[.?!]</beforebreak><afterbreak/></rule>
</languagerule>
</languagerules>
<maprules><languagemap languagepattern="fr.*" languagerulename="A"/></maprules>
</body>
</srx>"#;

    #[test]
    fn reads_rules_in_order_with_defaults() {
        let doc = parse(SMALL).unwrap();
        assert!(!doc.cascade);
        assert!(doc.segment_subflows);
        assert_eq!(doc.language_rules.len(), 1);
        let rules = &doc.language_rules[0].rules;
        assert_eq!(rules.len(), 2);
        assert!(!rules[0].is_break);
        assert_eq!(rules[0].before, r"\bM\.");
        assert_eq!(rules[0].after, r"\s");
        assert_eq!(rules[0].line, 7);
        assert!(rules[1].is_break);
        assert_eq!(rules[1].after, "");
        assert_eq!(doc.maps[0].pattern, "fr.*");
    }

    #[test]
    fn malformed_xml_has_a_position() {
        let bad = "<srx version=\"2.0\">\n<header>\n</srx>";
        let err = parse(bad).unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.message.contains("malformed XML"), "{}", err.message);
    }

    #[test]
    fn unknown_rule_set_in_map_is_an_error() {
        let bad = SMALL.replace(r#"languagerulename="A"/>"#, r#"languagerulename="B"/>"#);
        let err = parse(&bad).unwrap_err();
        assert!(err.message.contains("`B`"));
        assert_eq!(err.line, 11);
    }

    #[test]
    fn bad_break_value_is_an_error() {
        let bad = SMALL.replace(r#"<rule break="no">"#, r#"<rule break="maybe">"#);
        let err = parse(&bad).unwrap_err();
        assert_eq!((err.line, err.column), (7, 1));
    }

    #[test]
    fn okapi_options_are_warnings() {
        let with = SMALL.replace(
            r#"<header cascade="no" segmentsubflows="yes"/>"#,
            r#"<header cascade="no"><okpsrx:options xmlns:okpsrx="x" useJavaRegex="yes"/></header>"#,
        );
        let doc = parse(&with).unwrap();
        assert!(doc
            .warnings
            .iter()
            .any(|w| w.to_string().contains("useJavaRegex=yes")));
    }
}
