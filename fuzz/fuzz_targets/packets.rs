//! Bytes from the network in a class game: decoded at both ends as the lockstep messages, and
//! handed to a host with a joined team (as its connection and as a stranger's), as
//! `transport.rs` hands them on; and what a team's laptop does with a host's message it can
//! decode. Bad bytes are answered or noted, never a panic.
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

/// What a team's laptop does with a host's message it can decode: words a refusal or rejection
/// for its reader (`wording::words_of`, which reads sentences inside sentences), and joins from
/// a Welcome (building the world and running it to the host's month).
fn as_a_team(msg: &ToTeam) {
    use tradecraft::i18n::Lang;
    match msg {
        ToTeam::Refused { reason } | ToTeam::Rejected { reason } => {
            let words = tradecraft::net::wording::words_of(reason, &|_| None);
            let _ = (words.in_lang(Lang::En), words.in_lang(Lang::Ja));
        }
        ToTeam::Welcome { .. } => {
            SCENARIO.with(|s| {
                let _ = Team::from_welcome(s, msg);
            });
        }
        _ => {}
    }
}

thread_local! {
    static SCENARIO: tradecraft::scenario::Scenario = {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../levels/tutorial.ron");
        tradecraft::scenario::load_scenario(&path).expect("the tutorial loads")
    };
}

fuzz_target!(|data: &[u8]| {
    let _ = decode::<ToHost>(data, MAX_MESSAGE);
    if let Ok(msg) = decode::<ToTeam>(data, MAX_STATE) {
        as_a_team(&msg);
    }
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
