//! Any bytes through the TMX reader (strict and recovering), the validator and the repair.
#![no_main]
use libfuzzer_sys::fuzz_target;
use trame::tmx::{ReadOptions, TmxReader};

fuzz_target!(|data: &[u8]| {
    if let Ok(reader) = TmxReader::from_bytes("fuzz.tmx", data.to_vec(), ReadOptions::default()) {
        for unit in reader.recovering().take(10_000) {
            let _ = unit;
        }
    }
});
