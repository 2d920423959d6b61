//! trame: French institutional press releases to CAT-tool assets.
//!
//! Data flows one way: [`input`] → [`clean`] → [`segment`] → [`terms`] / [`align`] → formats
//! ([`tmx`], `tbx`). Every stage is a pure function (or a `Send + Sync` value built once) callable
//! on its own: no global state, no printing. See `ARCHITECTURE.md` for the map.

pub mod align;
pub mod audit;
pub mod clean;
pub mod corpus;
pub mod document;
pub mod error;
pub mod glossary;
pub mod input;
pub mod lang;
pub mod leverage;
pub mod output;
pub mod package;
pub mod pipeline;
pub mod records;
pub mod report;
pub mod segment;
pub mod stream;
pub mod tbx;
pub mod terms;
pub mod tmx;
pub mod warning;
pub mod xliff;
pub mod xmlsafe;

pub use error::{Error, Result};
pub use warning::Warning;
