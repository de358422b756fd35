//! Bytes from the network in a class game: decoded at both ends as the lockstep messages, and
//! handed to a host with a joined team (as its connection and as a stranger's), as
//! `transport.rs` hands them on. Bad bytes are answered or noted, never a panic.
#![no_main]

use std::cell::RefCell;

use libfuzzer_sys::fuzz_target;
use tradecraft::net::host::Host;
use tradecraft::net::lockstep::{MAX_MESSAGE, MAX_STATE, ToHost, ToTeam, decode, scenario_hash};
use tradecraft::net::seat::Team;

thread_local! {
    /// One host for the run (building one per input would be most of the time).
    static HOST: RefCell<Option<Host>> = const { RefCell::new(None) };
}

fn host() -> Host {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../levels/tutorial.ron");
    let text = std::fs::read_to_string(&path).expect("levels/tutorial.ron");
    let scenario = tradecraft::scenario::load_scenario(&path).expect("the tutorial loads");
    let sides = scenario.meta.sides.clone();
    let side = sides[0].clone();
    let mut host = Host::new(&scenario, scenario_hash(&text), 1, sides, "p").expect("a host");
    host.receive(1, Team::hello(&text, &side, "fuzz", "p"));
    host
}

fuzz_target!(|data: &[u8]| {
    let _ = decode::<ToHost>(data, MAX_MESSAGE);
    let _ = decode::<ToTeam>(data, MAX_STATE);
    HOST.with_borrow_mut(|slot| {
        let h = slot.get_or_insert_with(host);
        let _ = h.receive_bytes(1, data);
        let _ = h.receive_bytes(2, data);
        // A game that ran to its end starts again, so the months stay cheap.
        if h.over() {
            *slot = Some(host());
        }
    });
});
