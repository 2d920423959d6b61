//! The report layer: rows of analysis data (segments, removals, term occurrences, beads, memory
//! units) rendered as JSON Lines, TSV or a human text view. Algorithm modules return data; the
//! types implement [`Row`]; one [`RowWriter`] writes any of them, so every report escapes TSV
//! the same way, writes its TSV header exactly once (even with no rows), and turns a failed
//! write into [`Error::Output`] for the caller to name.
//!
//! ```
//! use trame::report::{Row, RowFormat, RowWriter, push_tsv};
//!
//! #[derive(serde::Serialize)]
//! struct Count<'a> { term: &'a str, n: usize }
//!
//! impl Row for Count<'_> {
//!     fn columns() -> &'static [&'static str] { &["term", "n"] }
//!     fn tsv(&self, out: &mut Vec<u8>) {
//!         push_tsv(out, self.term);
//!         out.extend_from_slice(format!("\t{}", self.n).as_bytes());
//!     }
//!     fn text(&self, out: &mut Vec<u8>) {
//!         out.extend_from_slice(format!("{} × {}", self.term, self.n).as_bytes());
//!     }
//! }
//!
//! let mut out = Vec::new();
//! let mut w = RowWriter::new(&mut out, RowFormat::Tsv);
//! w.write::<Count>(&Count { term: "OIM\tIOM", n: 2 }).unwrap();
//! w.finish::<Count>().unwrap();
//! assert_eq!(String::from_utf8(out).unwrap(), "term\tn\nOIM\\tIOM\t2\n");
//! ```

mod rows;

pub use rows::{RemovalRow, SegmentRow};

use crate::error::{Error, Result};
use std::io::Write;

/// How rows are rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowFormat {
    /// One JSON object per line (the type's `serde` form).
    Jsonl,
    /// Tab-separated values under a header line; tabs, line breaks and backslashes in values are
    /// written `\t`, `\n`, `\r`, `\\`.
    Tsv,
    /// The type's human view, one entry per line (or block).
    Text,
}

/// A row of a report: its JSON form comes from `serde`, its TSV cells and text view from the
/// type. Implementations append to the buffer and never write a line end (the writer does).
pub trait Row: serde::Serialize {
    /// The TSV header's column names, in the order [`Row::tsv`] writes the cells.
    fn columns() -> &'static [&'static str]
    where
        Self: Sized;

    /// Appends the row as one JSON object.
    fn jsonl(&self, out: &mut Vec<u8>) -> Result<()> {
        serde_json::to_writer(out, self).map_err(|e| Error::output(e.into()))
    }

    /// Appends the row's TSV cells, each escaped with [`push_tsv`], separated by tabs.
    fn tsv(&self, out: &mut Vec<u8>);

    /// Appends the human view of the row.
    fn text(&self, out: &mut Vec<u8>);
}

/// Appends `value` as a TSV cell: `\`, tab, CR and LF escaped as `\\`, `\t`, `\r`, `\n`.
pub fn push_tsv(out: &mut Vec<u8>, value: &str) {
    let bytes = value.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escaped: &[u8] = match b {
            b'\\' => b"\\\\",
            b'\t' => b"\\t",
            b'\r' => b"\\r",
            b'\n' => b"\\n",
            _ => continue,
        };
        out.extend_from_slice(&bytes[from..i]);
        out.extend_from_slice(escaped);
        from = i + 1;
    }
    out.extend_from_slice(&bytes[from..]);
}

/// Bytes buffered before they are handed to the output.
const FLUSH_AT: usize = 1 << 16;

/// Writes rows in one format to an output, buffered; the TSV header goes before the first row
/// (or at [`RowWriter::finish`] when there is none).
pub struct RowWriter<'w> {
    out: &'w mut dyn Write,
    format: RowFormat,
    header_written: bool,
    buf: Vec<u8>,
}

impl<'w> RowWriter<'w> {
    /// A writer of `format` rows to `out`.
    pub fn new(out: &'w mut dyn Write, format: RowFormat) -> Self {
        RowWriter {
            out,
            format,
            header_written: false,
            buf: Vec::with_capacity(FLUSH_AT + 1024),
        }
    }

    /// Writes one row (and the TSV header first if it is the first row).
    pub fn write<R: Row>(&mut self, row: &R) -> Result<()> {
        self.header::<R>();
        match self.format {
            RowFormat::Jsonl => row.jsonl(&mut self.buf)?,
            RowFormat::Tsv => row.tsv(&mut self.buf),
            RowFormat::Text => row.text(&mut self.buf),
        }
        self.buf.push(b'\n');
        if self.buf.len() >= FLUSH_AT {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes raw bytes between rows (a blank line between documents in the text view).
    pub fn write_raw(&mut self, bytes: &[u8]) -> Result<()> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= FLUSH_AT {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes what is buffered (and a TSV header if no row was written) and flushes the output.
    pub fn finish<R: Row>(mut self) -> Result<()> {
        self.header::<R>();
        self.flush()?;
        self.out.flush().map_err(Error::output)
    }

    fn header<R: Row>(&mut self) {
        if self.format == RowFormat::Tsv && !self.header_written {
            self.buf
                .extend_from_slice(R::columns().join("\t").as_bytes());
            self.buf.push(b'\n');
        }
        self.header_written = true;
    }

    fn flush(&mut self) -> Result<()> {
        self.out.write_all(&self.buf).map_err(Error::output)?;
        self.buf.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize)]
    struct Pair {
        a: String,
        b: u32,
    }

    impl Row for Pair {
        fn columns() -> &'static [&'static str] {
            &["a", "b"]
        }
        fn tsv(&self, out: &mut Vec<u8>) {
            push_tsv(out, &self.a);
            out.extend_from_slice(format!("\t{}", self.b).as_bytes());
        }
        fn text(&self, out: &mut Vec<u8>) {
            out.extend_from_slice(format!("{}={}", self.a, self.b).as_bytes());
        }
    }

    fn render(format: RowFormat, rows: &[Pair]) -> String {
        let mut out = Vec::new();
        let mut w = RowWriter::new(&mut out, format);
        for r in rows {
            w.write(r).unwrap();
        }
        w.finish::<Pair>().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn each_format_renders_rows() {
        let rows = [
            Pair {
                a: "x\\y\n\"z\"".into(),
                b: 1,
            },
            Pair {
                a: "é".into(),
                b: 2,
            },
        ];
        assert_eq!(
            render(RowFormat::Jsonl, &rows),
            "{\"a\":\"x\\\\y\\n\\\"z\\\"\",\"b\":1}\n{\"a\":\"é\",\"b\":2}\n"
        );
        assert_eq!(
            render(RowFormat::Tsv, &rows),
            "a\tb\nx\\\\y\\n\"z\"\t1\né\t2\n"
        );
        assert_eq!(render(RowFormat::Text, &rows), "x\\y\n\"z\"=1\né=2\n");
    }

    #[test]
    fn tsv_header_is_written_once_even_without_rows() {
        assert_eq!(render(RowFormat::Tsv, &[]), "a\tb\n");
        assert_eq!(render(RowFormat::Jsonl, &[]), "");
    }

    #[test]
    fn tsv_escaping_covers_every_separator() {
        let mut out = Vec::new();
        push_tsv(&mut out, "a\tb\r\nc\\");
        assert_eq!(out, b"a\\tb\\r\\nc\\\\");
    }
}
