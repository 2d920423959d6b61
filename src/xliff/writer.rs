//! Writing XLIFF 1.2 (strict schema): `<file>` per document, `<trans-unit>` per segment.

use super::{XliffFile, NS};
use crate::error::{Error, Result};
use crate::tmx::xml::{escape_attr, escape_text, strip_illegal};
use std::io::Write;

/// Writes `files` as one XLIFF 1.2 document. The text is built whole before the first byte is
/// written, so an error leaves `out` untouched; XML-illegal characters are removed.
pub fn write_xliff(files: &[XliffFile], out: &mut dyn Write) -> Result<()> {
    if files.is_empty() || files.iter().all(|f| f.units.is_empty()) {
        return Err(Error::unusable("nothing to write: no segment in the input"));
    }
    let t = |s: &str| escape_text(&strip_illegal(s).0);
    let a = |s: &str| escape_attr(&strip_illegal(s).0);
    let mut s = String::with_capacity(4096);
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(&format!("<xliff version=\"1.2\" xmlns=\"{NS}\">\n"));
    for f in files {
        s.push_str(&format!(
            "  <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"plaintext\" tool-id=\"trame\">\n",
            a(&f.original),
            a(&f.source_lang),
            a(&f.target_lang)
        ));
        s.push_str(&format!(
            "    <header>\n      <tool tool-id=\"trame\" tool-name=\"trame\" tool-version=\"{}\"/>\n    </header>\n    <body>\n",
            env!("CARGO_PKG_VERSION")
        ));
        for u in &f.units {
            s.push_str(&format!("      <trans-unit id=\"{}\"", a(&u.id)));
            if let Some(r) = &u.resname {
                s.push_str(&format!(" resname=\"{}\"", a(r)));
            }
            if !u.translate {
                s.push_str(" translate=\"no\"");
            }
            if u.approved {
                s.push_str(" approved=\"yes\"");
            }
            s.push_str(">\n");
            s.push_str(&format!(
                "        <source xml:lang=\"{}\">{}</source>\n",
                a(&f.source_lang),
                t(&u.source)
            ));
            if let Some(tg) = &u.target {
                s.push_str(&format!(
                    "        <target xml:lang=\"{}\"",
                    a(&f.target_lang)
                ));
                if let Some(st) = &tg.state {
                    s.push_str(&format!(" state=\"{}\"", a(st)));
                }
                if let Some(q) = &tg.state_qualifier {
                    s.push_str(&format!(" state-qualifier=\"{}\"", a(q)));
                }
                s.push_str(&format!(">{}</target>\n", t(&tg.text)));
            }
            if let Some((file, line)) = &u.location {
                s.push_str(&format!(
                    "        <context-group purpose=\"location\">\n          <context context-type=\"sourcefile\">{}</context>\n          <context context-type=\"linenumber\">{line}</context>\n        </context-group>\n",
                    t(file)
                ));
            }
            for alt in &u.alternatives {
                s.push_str(&format!(
                    "        <alt-trans match-quality=\"{}\" origin=\"{}\">\n          <source xml:lang=\"{}\">{}</source>\n          <target xml:lang=\"{}\">{}</target>\n        </alt-trans>\n",
                    alt.quality.min(100),
                    a(&alt.origin),
                    a(&f.source_lang),
                    t(&alt.source),
                    a(&f.target_lang),
                    t(&alt.target)
                ));
            }
            if !u.note.is_empty() {
                s.push_str(&format!(
                    "        <note from=\"developer\">{}</note>\n",
                    t(&u.note.join("\n"))
                ));
            }
            s.push_str("      </trans-unit>\n");
        }
        s.push_str("    </body>\n  </file>\n");
    }
    s.push_str("</xliff>\n");
    out.write_all(s.as_bytes()).map_err(Error::output)
}
