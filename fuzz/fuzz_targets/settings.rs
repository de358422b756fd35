//! A settings file's text (`settings.ron`): read as the game reads it at start. A broken file
//! gives a message, and what is accepted has a UI scale in range.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradecraft::save::settings::{SCALE_RANGE, parse};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(s) = parse(text, "fuzz") {
        assert!(
            SCALE_RANGE.contains(&s.ui_scale),
            "scale {} out of range",
            s.ui_scale
        );
    }
});
