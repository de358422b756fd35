//! A scenario's text: parsed and validated as `tradecraft check` does; when it is accepted, a
//! world is built from it and runs a few months. A bad file must get diagnostics, and a valid
//! one must never panic the model.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradecraft::scenario::parse_scenario;
use tradecraft::sim::Simulation;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(scenario) = parse_scenario(text, "fuzz") else {
        return;
    };
    let player = scenario.states.first().map(|s| s.id.clone());
    if let Ok(mut sim) = Simulation::new(&scenario, 1, player.as_deref()) {
        sim.run(3);
        sim.state_hash();
    }
});
