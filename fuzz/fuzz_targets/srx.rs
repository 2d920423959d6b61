//! Any text as SRX rules; when they compile, segment a fixed text with them.
#![no_main]
use libfuzzer_sys::fuzz_target;

const TEXT: &str = "M. Dupont est arrivé. Il a dit : « Bonjour ! » Puis il est reparti… 3.5 km.\nFin";

fuzz_target!(|data: &[u8]| {
    let Ok(xml) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(seg) = trame::segment::Segmenter::from_srx_named(xml, "fr", "fuzz.srx") {
        let _ = seg.segment(TEXT);
        let _ = seg.check_exhausted("fuzz.srx");
    }
});
