//! Glossaries: the model, the CSV tokenizer, and the CSV reader and writer.

pub mod model;

pub use model::{Concept, Gender, Glossary, Number, PartOfSpeech, Status, Term, TermType};
pub mod check;
pub mod csv;
pub mod load;
pub mod shipped;
pub mod table;
pub use load::read_glossary;
pub use shipped::{shipped_glossary, SHIPPED_GLOSSARY_NAME};
