//! The library's error type: every failure names the file and, where it applies, the line and column.

use std::fmt;

/// A position inside an input file: 1-based line, 1-based column (Unicode scalar values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in Unicode scalar values.
    pub column: usize,
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// Everything that can go wrong in trame's library.
///
/// `Usage` maps to exit code 2 (bad usage); every other variant to exit code 1 (bad data or I/O).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        #[source]
        /// The I/O error.
        source: std::io::Error,
    },
    /// The bytes are not valid in the expected encoding.
    #[error("{path}: invalid {encoding} at byte {offset}")]
    Encoding {
        /// The file.
        path: String,
        /// The encoding expected.
        encoding: String,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// The input looks binary (it holds a NUL byte).
    #[error("{path}: binary file (NUL byte at byte {offset}); trame reads text only")]
    Binary {
        /// The file.
        path: String,
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// The input is malformed at a known position.
    #[error("{path}:{pos}: {message}")]
    Syntax {
        /// The file.
        path: String,
        /// Where in the file.
        pos: Position,
        /// What is wrong.
        message: String,
    },
    /// The input is invalid as a whole, or at a place without a meaningful position.
    #[error("{path}: {message}")]
    Invalid {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// Writing to an output the library was handed (a `dyn Write`) failed; the caller that owns
    /// the output names it ([`crate::output::write_output`] turns this into [`Error::Io`] with
    /// the output's path).
    #[error("cannot write the output: {0}")]
    Output(#[source] std::io::Error),
    /// Data handed to the library (not read by it from a file: a glossary value, units to
    /// write) cannot be used as a whole. The caller that knows where the data came from names
    /// it with [`Error::in_file`].
    #[error("{0}")]
    Unusable(String),
    /// The command line or an option value is wrong (exit code 2).
    #[error("{0}")]
    Usage(String),
}

impl Error {
    /// The process exit code this error maps to: 2 for bad usage, 1 for everything else.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            _ => 1,
        }
    }

    /// Shorthand for a failed write to an unnamed output ([`Error::Output`]).
    pub fn output(source: std::io::Error) -> Self {
        Error::Output(source)
    }

    /// Names the output of an [`Error::Output`] (other errors are returned as they are).
    pub fn on_output(self, path: &str) -> Self {
        match self {
            Error::Output(source) => Error::io(path, source),
            other => other,
        }
    }

    /// Shorthand for an I/O error on `path`.
    pub fn io(path: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// Shorthand for a syntax error at `line:column` of `path`.
    pub fn syntax(
        path: impl Into<String>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Error::Syntax {
            path: path.into(),
            pos: Position { line, column },
            message: message.into(),
        }
    }

    /// Shorthand for [`Error::Unusable`].
    pub fn unusable(message: impl Into<String>) -> Self {
        Error::Unusable(message.into())
    }

    /// Names the file an [`Error::Unusable`] came from (it becomes [`Error::Invalid`]); other
    /// errors, which name their file already, are returned as they are.
    ///
    /// ```
    /// use trame::Error;
    /// let e = Error::unusable("the glossary has no concept").in_file("g.csv");
    /// assert_eq!(e.to_string(), "g.csv: the glossary has no concept");
    /// ```
    pub fn in_file(self, path: &str) -> Self {
        match self {
            Error::Unusable(message) => Error::invalid(path, message),
            other => other,
        }
    }

    /// Shorthand for an error on a whole file.
    pub fn invalid(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid {
            path: path.into(),
            message: message.into(),
        }
    }
}

/// The library's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
