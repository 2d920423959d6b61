//! Positions in a text: byte offsets to 1-based lines and 0-based columns counted in Unicode scalars.
//!
//! Line ends are `\n`, `\r\n` and a lone `\r` (old Mac files), so positions agree with what an editor shows.

/// An index of line starts in a text, built once and queried many times.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset where each line starts; `starts[0] == 0`.
    starts: Vec<usize>,
}

/// A line and column in a text: `line` is 1-based, `column` is 0-based in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 0-based column, in Unicode scalar values.
    pub column: usize,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// Number of lines (a text without a final newline still counts its last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Line (1-based) and column (0-based, Unicode scalars) of byte `offset` in `text`.
    ///
    /// `offset` is clamped to the text and moved back to a character boundary, so it never panics.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_idx = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line_idx];
        LineCol {
            line: line_idx + 1,
            column: text[start..offset].chars().count(),
        }
    }

    /// Byte offset where 1-based `line` starts, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        line.checked_sub(1)
            .and_then(|i| self.starts.get(i).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "é1\nabc";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 2), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_col(text, 4), LineCol { line: 2, column: 0 });
    }

    #[test]
    fn crlf_and_lone_cr_both_end_lines() {
        let text = "a\r\nb\rc";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        assert_eq!(idx.line_col(text, 5), LineCol { line: 3, column: 0 });
        assert_eq!(idx.line_col(text, 3), LineCol { line: 2, column: 0 });
    }

    #[test]
    fn offsets_inside_a_character_are_clamped() {
        let text = "é";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 1), LineCol { line: 1, column: 0 });
        assert_eq!(idx.line_col(text, 99), LineCol { line: 1, column: 1 });
    }
}
