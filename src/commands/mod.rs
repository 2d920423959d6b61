//! One file per subcommand: its clap arguments and a `run` that calls the library.

pub mod align;
pub mod audit;
pub mod build;
pub mod clean;
pub mod glossary;
pub mod prepare;
pub mod segment;
pub mod tbx;
pub mod terms;
pub mod tmx;
pub mod xliff;

/// How the inputs of `segment`, `terms` and `align` are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum InputFormat {
    /// Each input is one document (`align`: the French file and the English file).
    #[default]
    Text,
    /// Each input holds JSON Lines records, one document each: `{"id","text"}` (`align`:
    /// `{"id","fr","en"}`); outputs name documents by the record's id.
    Jsonl,
}

/// Reads the records of every input (`-` for stdin) with the text `fields`: (id, texts).
pub fn read_records(
    files: &[String],
    encoding: Option<&'static encoding_rs::Encoding>,
    fields: &[&str],
) -> anyhow::Result<Vec<trame::records::Record>> {
    let mut out = Vec::new();
    for f in files {
        let source = trame::input::read_source(f, encoding)?;
        out.extend(trame::records::parse_records(&source, fields)?);
    }
    Ok(out)
}
pub mod tmx_repair;

/// Prints `err` on stderr as one line prefixed `trame: error:` and returns the exit code.
///
/// Library errors carry their own exit code (2 for usage, 1 for data/I/O); a closed stdout
/// (`trame … | head`) ends quietly with 0; anything else is 1.
pub fn report_error(err: &anyhow::Error) -> i32 {
    if let Some(io) = err.downcast_ref::<std::io::Error>() {
        if io.kind() == std::io::ErrorKind::BrokenPipe {
            return 0;
        }
    }
    if let Some(trame::Error::Io { source, .. }) = err.downcast_ref::<trame::Error>() {
        if source.kind() == std::io::ErrorKind::BrokenPipe {
            return 0;
        }
    }
    let hint = match err.downcast_ref::<trame::Error>() {
        Some(trame::Error::Encoding { .. }) => {
            " (use --encoding windows-1252 or another label to read a legacy encoding)"
        }
        _ => "",
    };
    eprintln!("trame: error: {}{hint}", escape_controls(&one_line(err)));
    match err.downcast_ref::<trame::Error>() {
        Some(e) => e.exit_code(),
        None => 1,
    }
}

/// An input encoding named on the command line (`--encoding windows-1252`): any WHATWG label,
/// resolved once by clap's value parser so that an unknown label is a usage error (exit 2).
pub type EncodingArg = &'static encoding_rs::Encoding;

/// clap value parser for [`EncodingArg`] options.
pub fn parse_encoding(label: &str) -> Result<EncodingArg, String> {
    trame::input::encoding_for_label(label).map_err(|e| e.to_string())
}

/// Control characters (a newline in a file name…) shown as escapes, so an error stays on one line.
pub fn escape_controls(line: &str) -> String {
    if !line.chars().any(char::is_control) {
        return line.to_string();
    }
    line.chars()
        .map(|c| match c {
            '\n' => "\\n".to_string(),
            '\r' => "\\r".to_string(),
            '\t' => "\\t".to_string(),
            c if c.is_control() => c.escape_unicode().to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// A usage error (exit code 2) from the command line layer.
pub fn usage(message: impl Into<String>) -> anyhow::Error {
    trame::Error::Usage(message.into()).into()
}

/// The error and its causes on one line, leaving out a cause whose text the message already
/// ends with (trame's I/O errors print their cause themselves).
fn one_line(err: &anyhow::Error) -> String {
    let mut line = err.to_string();
    for cause in err.chain().skip(1) {
        let text = cause.to_string();
        if !line.ends_with(&text) {
            line.push_str(": ");
            line.push_str(&text);
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_io_cause_is_printed_once() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file or directory");
        let err: anyhow::Error = trame::Error::io("fr/a.txt", io).into();
        assert_eq!(one_line(&err), "fr/a.txt: No such file or directory");
        let wrapped = err.context("reading the corpus");
        assert_eq!(
            one_line(&wrapped),
            "reading the corpus: fr/a.txt: No such file or directory"
        );
    }
}
