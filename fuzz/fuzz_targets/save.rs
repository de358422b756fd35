//! A save file's text: what the menu reads of it (`peek_text`), then the whole snapshot
//! (`parse_snapshot`); a snapshot that reads is restored (which checks it against its
//! scenario) and, when accepted, runs a month. A damaged save must be refused with a message,
//! never panic the loader or the model.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradecraft::save::{parse_snapshot, peek_text, restore};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = peek_text(text, "fuzz");
    let Ok(snapshot) = parse_snapshot(text, "fuzz") else {
        return;
    };
    if let Ok(mut sim) = restore(&snapshot) {
        sim.step();
        sim.state_hash();
    }
});
