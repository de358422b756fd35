//! A commands file's text: parsed alone and against `tests/bad_inputs/valid_base.ron` (as the
//! bad-input corpus is); when it is accepted, it is played on that scenario for up to six
//! months, so that a valid command never panics the model.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use tradecraft::scenario::{Scenario, parse_commands, parse_scenario};
use tradecraft::sim::Simulation;

const MONTHS: u32 = 6;

fn base() -> &'static Scenario {
    static BASE: OnceLock<Scenario> = OnceLock::new();
    BASE.get_or_init(|| {
        let text = include_str!("../../tests/bad_inputs/valid_base.ron");
        parse_scenario(text, "valid_base.ron").expect("valid_base.ron is valid")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = parse_commands(text, "fuzz", None);
    let base = base();
    let Ok(commands) = parse_commands(text, "fuzz", Some(base)) else {
        return;
    };
    let months = commands
        .iter()
        .map(|c| c.month.saturating_add(1))
        .max()
        .unwrap_or(0);
    let player = base.states.first().map(|s| s.id.as_str());
    let mut sim = Simulation::new(base, 1, player).expect("valid_base.ron builds");
    sim.set_script(commands);
    sim.run(months.min(MONTHS));
    sim.state_hash();
});
