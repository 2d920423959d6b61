//! Any text through the glossary CSV reader and the audit's recovering read.
#![no_main]
use libfuzzer_sys::fuzz_target;
use trame::input::decode;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = decode("fuzz.csv", data, None) else {
        return;
    };
    let _ = trame::glossary::csv::read_csv(&source);
    if let Ok(loaded) = trame::audit::read_glossary(&source) {
        let _ = trame::audit::lint::lint(&loaded.glossary, &loaded.rows, None);
    }
});
