//! Any text through the strict and lenient TBX readers and the TBX validator.
#![no_main]
use libfuzzer_sys::fuzz_target;
use trame::input::decode;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = decode("fuzz.tbx", data, None) else {
        return;
    };
    let _ = trame::tbx::read_tbx(&source);
    let _ = trame::tbx::reader::read_tbx_lenient(&source);
    let _ = trame::tbx::validate::validate_source(&source);
});
