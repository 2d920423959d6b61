//! The one CSV/TSV tokenizer of glossaries: strict RFC 4180 rows of cells, each with the line and
//! column where it starts. The glossary reader ([`super::csv`]) builds concepts from these rows
//! and the audit builds its cell-by-cell view from the same rows, so both see the same cells.
//!
//! The delimiter is the one among `,` `;` and tab that occurs most (outside quotes) in the header
//! line. Quoted fields may hold delimiters, doubled quotes and line breaks; CRLF and CR line ends
//! are accepted; blank lines are skipped; a leading BOM is ignored. Nothing is trimmed: a cell is
//! the text as written, quotes removed.
//!
//! Why not the `csv` crate: its reader accepts a quote inside an unquoted field and text after a
//! closing quote without an error, and reports record positions without the column, while a
//! glossary with a stray quote must be refused with its line and column (the audit stops there,
//! since what follows cannot be trusted).
//!
//! ```
//! use trame::glossary::table::tokenize;
//! use trame::input::Source;
//!
//! let table = tokenize(&Source::utf8("g.csv", "fr;en\nOIM;\"IOM; the agency\"\n")).unwrap();
//! assert_eq!(table.delimiter, ';');
//! let cell = &table.rows[0].cells[1];
//! assert_eq!((cell.text.as_str(), cell.line, cell.column), ("IOM; the agency", 2, 5));
//! ```

use crate::error::{Error, Result};
use crate::input::Source;

/// One cell as written: quotes removed, doubled quotes resolved, nothing trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The cell's text (line breaks inside quotes become `\n`).
    pub text: String,
    /// 1-based line where the cell starts.
    pub line: usize,
    /// 1-based column (in characters) where the cell starts.
    pub column: usize,
}

/// One row of cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 1-based line where the row starts.
    pub line: usize,
    /// The cells, in file order.
    pub cells: Vec<Cell>,
}

impl Row {
    /// Whether every cell is empty or white space (a row of bare delimiters).
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.text.trim().is_empty())
    }
}

/// A CSV/TSV file split into its header row and data rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The delimiter found in the header line.
    pub delimiter: char,
    /// The first non-blank row.
    pub header: Row,
    /// The rows after the header, blank lines left out.
    pub rows: Vec<Row>,
}

/// Splits a CSV/TSV source into rows. An empty file (no header row), an unterminated quote, a
/// quote inside an unquoted field or text after a closing quote is an error naming the file,
/// line and column.
pub fn tokenize(source: &Source) -> Result<Table> {
    let path = source.path.as_str();
    let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
    if text.trim().is_empty() {
        return Err(Error::invalid(path, "empty glossary file (no header row)"));
    }
    let delimiter = detect_delimiter(text);
    let mut rows = Tokenizer::new(path, text, delimiter).rows()?.into_iter();
    let header = rows
        .next()
        .ok_or_else(|| Error::invalid(path, "empty glossary file (no header row)"))?;
    Ok(Table {
        delimiter,
        header,
        rows: rows.collect(),
    })
}

/// Picks the delimiter that occurs most (outside quotes) in the header line; comma on a tie.
pub fn detect_delimiter(text: &str) -> char {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for c in header.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            ',' if !in_quotes => counts[0] += 1,
            ';' if !in_quotes => counts[1] += 1,
            '\t' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let delims = [',', ';', '\t'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    delims[best]
}

/// The state of one pass over the text.
struct Tokenizer<'a> {
    path: &'a str,
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    delimiter: char,
    /// 1-based line of the next character.
    line: usize,
    /// Characters already read on the current line (the next one is at `col + 1`).
    col: usize,
}

impl<'a> Tokenizer<'a> {
    fn new(path: &'a str, text: &'a str, delimiter: char) -> Self {
        Tokenizer {
            path,
            chars: text.chars().peekable(),
            delimiter,
            line: 1,
            col: 0,
        }
    }

    fn error(&self, line: usize, column: usize, message: &str) -> Error {
        Error::syntax(self.path, line, column, message)
    }

    /// Consumes a line end whose first character `c` was just read (CRLF counts once).
    fn end_line(&mut self, c: char) {
        if c == '\r' && self.chars.peek() == Some(&'\n') {
            self.chars.next();
        }
        self.line += 1;
        self.col = 0;
    }

    fn rows(mut self) -> Result<Vec<Row>> {
        let mut rows = Vec::new();
        let mut cells: Vec<Cell> = Vec::new();
        let mut cell = self.start_cell();
        // Whether the current row has anything yet (a delimiter, a quote, a character).
        let mut row_started = false;
        // Whether the current cell was quoted (and closed): only a delimiter or line end may follow.
        let mut closed_quote = false;
        while let Some(c) = self.chars.next() {
            self.col += 1;
            if c == '"' && cell.text.is_empty() && !closed_quote {
                self.quoted(&mut cell)?;
                closed_quote = true;
                row_started = true;
                match self.chars.peek().copied() {
                    None | Some('\n') | Some('\r') => {}
                    Some(d) if d == self.delimiter => {}
                    Some(_) => {
                        return Err(self.error(
                            self.line,
                            self.col + 1,
                            "unexpected text after a closing quote",
                        ))
                    }
                }
                continue;
            }
            if c == self.delimiter {
                cells.push(std::mem::replace(&mut cell, self.start_cell()));
                closed_quote = false;
                row_started = true;
                continue;
            }
            if c == '\n' || c == '\r' {
                if row_started || !cell.text.is_empty() {
                    cells.push(cell);
                    rows.push(Row {
                        line: cells[0].line,
                        cells: std::mem::take(&mut cells),
                    });
                }
                self.end_line(c);
                cell = self.start_cell();
                closed_quote = false;
                row_started = false;
                continue;
            }
            if c == '"' {
                return Err(self.error(
                    self.line,
                    self.col,
                    "quote inside an unquoted field (quote the whole field and double the quote)",
                ));
            }
            cell.text.push(c);
        }
        if row_started || !cell.text.is_empty() {
            cells.push(cell);
            rows.push(Row {
                line: cells[0].line,
                cells,
            });
        }
        Ok(rows)
    }

    /// An empty cell starting at the next character.
    fn start_cell(&self) -> Cell {
        Cell {
            text: String::new(),
            line: self.line,
            column: self.col + 1,
        }
    }

    /// Reads a quoted field whose opening quote was just read, up to its closing quote.
    fn quoted(&mut self, cell: &mut Cell) -> Result<()> {
        let (open_line, open_col) = (self.line, self.col);
        loop {
            match self.chars.next() {
                None => return Err(self.error(open_line, open_col, "unterminated quoted field")),
                Some('"') => {
                    self.col += 1;
                    if self.chars.peek() == Some(&'"') {
                        self.chars.next();
                        self.col += 1;
                        cell.text.push('"');
                    } else {
                        return Ok(());
                    }
                }
                Some(c @ ('\n' | '\r')) => {
                    self.end_line(c);
                    cell.text.push('\n');
                }
                Some(other) => {
                    self.col += 1;
                    cell.text.push(other);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> Result<Table> {
        tokenize(&Source::utf8("g.csv", text))
    }

    fn texts(row: &Row) -> Vec<&str> {
        row.cells.iter().map(|c| c.text.as_str()).collect()
    }

    #[test]
    fn cells_keep_their_text_and_start() {
        let t = table("\nid,fr,en\r\nx1, OIM ,IOM\n\n,\"a\nb\",\"say \"\"hi\"\"\"\n").unwrap();
        assert_eq!(t.header.line, 2);
        assert_eq!(texts(&t.header), ["id", "fr", "en"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(texts(&t.rows[0]), ["x1", " OIM ", "IOM"]);
        assert_eq!(t.rows[0].line, 3);
        assert_eq!(
            (t.rows[0].cells[2].line, t.rows[0].cells[2].column),
            (3, 10)
        );
        assert_eq!(texts(&t.rows[1]), ["", "a\nb", "say \"hi\""]);
        assert_eq!(t.rows[1].line, 5);
        // The third cell starts on the line after the quoted line break.
        assert_eq!((t.rows[1].cells[2].line, t.rows[1].cells[2].column), (6, 4));
    }

    #[test]
    fn a_row_of_delimiters_is_a_blank_row_not_a_blank_line() {
        let t = table("fr,en\n,\nOIM,IOM").unwrap();
        assert_eq!(t.rows.len(), 2);
        assert!(t.rows[0].is_blank());
        assert!(!t.rows[1].is_blank());
        assert_eq!(t.rows[1].line, 3);
    }

    #[test]
    fn quoting_errors_name_line_and_column() {
        let e = table("fr,en\nOIM,\"IOM\n").unwrap_err().to_string();
        assert!(e.contains("g.csv:2:5") && e.contains("unterminated"), "{e}");
        let e = table("fr,en\nOIM,\"IOM\"x\n").unwrap_err().to_string();
        assert!(
            e.contains("g.csv:2:10") && e.contains("after a closing quote"),
            "{e}"
        );
        let e = table("fr,en\nO\"IM,IOM\n").unwrap_err().to_string();
        assert!(e.contains("g.csv:2:2") && e.contains("unquoted"), "{e}");
        let e = table(" \n\n").unwrap_err().to_string();
        assert!(e.contains("no header row"), "{e}");
    }

    #[test]
    fn delimiter_is_the_most_frequent_outside_quotes() {
        assert_eq!(detect_delimiter("id\tfr\ten\n"), '\t');
        assert_eq!(detect_delimiter("id;fr;en\n"), ';');
        assert_eq!(detect_delimiter("\"a;b\",fr,en\n"), ',');
        assert_eq!(detect_delimiter("\n\nfr;en\n"), ';');
    }
}
