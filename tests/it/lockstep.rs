//! Class games in lockstep (`net::lockstep`), with the messages pumped in memory as bytes: a host
//! and two teams (Japan and the United States) play the 2025 level, including an offer one team
//! makes and the other accepts, and every machine ends on the same hash as `tradecraft sim` over
//! the host's command log; a team that drops and rejoins catches up; a desync is seen with both
//! hashes and repaired from the host's state; a team of another scenario file, version or
//! password is refused with a message; bad packets are refused, never a panic.

use std::collections::BTreeMap;

use crate::common::class_level as level;
use tradecraft::command::{Channel, Command, Offer, TariffCut, Tone};
use tradecraft::net::host::Host;
use tradecraft::net::lockstep::{self, MAX_MESSAGE, To, ToHost, ToTeam, decode, encode};
use tradecraft::net::seat::{Seat, Team};
use tradecraft::scenario::Scenario;
use tradecraft::sim::{CommandLog, Origin, Simulation};

const LEVEL: &str = "levels/2025_tariff_shock.ron";

fn host(scenario: &Scenario, text: &str) -> Host {
    crate::common::class_host(scenario, text, 3)
}

thread_local! {
    /// Bytes carried (teams → host, host → each team), for the figure the tests print.
    static WIRE: std::cell::Cell<(usize, usize)> = const { std::cell::Cell::new((0, 0)) };
}

/// Send `msg` from `id` to the host and carry every answer, as bytes, to the teams (and their
/// answers back) until nothing is left to deliver.
fn pump(host: &mut Host, teams: &mut BTreeMap<u64, Team>, first: Vec<(u64, ToHost)>) {
    let mut inbox = first;
    while !inbox.is_empty() {
        let mut out = Vec::new();
        for (id, msg) in inbox.drain(..) {
            let bytes = encode(&msg);
            WIRE.with(|w| w.set((w.get().0 + bytes.len(), w.get().1)));
            out.extend(host.receive_bytes(id, &bytes));
        }
        for (to, msg) in out {
            let bytes = encode(&msg);
            for (&id, team) in teams.iter_mut() {
                if to == To::All || to == To::One(id) {
                    WIRE.with(|w| w.set((w.get().0, w.get().1 + bytes.len())));
                    inbox.extend(team.receive_bytes(&bytes).into_iter().map(|m| (id, m)));
                }
            }
        }
    }
}

/// Join `side` on connection `id`: the Hello, the host's Welcome, the team built from it.
fn join(host: &mut Host, scenario: &Scenario, text: &str, id: u64, side: &str) -> Team {
    let answer = host.receive_bytes(id, &encode(&Team::hello(text, side, side, "class")));
    let (_, welcome) = answer.into_iter().next().expect("an answer");
    let welcome: ToTeam = decode(&encode(&welcome), MAX_MESSAGE).unwrap();
    Team::from_welcome(scenario, &welcome).unwrap_or_else(|e| panic!("{e}: {welcome:?}"))
}

/// The teams' orders by month: tariffs, talks, an offer from Washington that Tokyo accepts.
fn orders(month: u32) -> Vec<(&'static str, Command)> {
    let tariff = |target: &str, sector: &str, rate: f64| Command::SetTariff {
        target: target.into(),
        sector: sector.into(),
        rate,
    };
    match month {
        0 => vec![("USA", tariff("JPN", "autos", 0.25))],
        1 => vec![(
            "JPN",
            Command::Statement {
                dispute: "auto_tariffs".into(),
                tone: Tone::Conciliatory,
            },
        )],
        2 => vec![(
            "USA",
            Command::MakeOffer {
                dispute: "auto_tariffs".into(),
                channel: Channel::WorkingLevel,
                offer: Offer {
                    tariff_cuts: vec![TariffCut {
                        sector: "autos".into(),
                        rate: 0.15,
                    }],
                    ..Offer::default()
                },
            },
        )],
        3 => vec![(
            "JPN",
            Command::AcceptOffer {
                dispute: "auto_tariffs".into(),
            },
        )],
        8 => vec![
            ("USA", tariff("JPN", "steel", 0.25)),
            ("JPN", tariff("USA", "agriculture", 0.3)),
        ],
        _ => vec![],
    }
}

/// Play `months` months: each team sends its orders, then Ready; the host runs the month when
/// both are ready (or, with a team away, when the teacher forces it).
fn play(host: &mut Host, teams: &mut BTreeMap<u64, Team>, months: u32) {
    for _ in 0..months {
        let month = host.month();
        let mut inbox = Vec::new();
        for (&id, team) in teams.iter() {
            for (side, command) in orders(month) {
                if side == team.side {
                    let note = format!("{side}'s order for month {month}");
                    inbox.push((id, ToHost::Order { month, command, note }));
                }
            }
            inbox.push((id, ToHost::Ready { month }));
        }
        pump(host, teams, inbox);
        if host.month() == month {
            // A side is away: the teacher forces the month.
            let out = host.run_month();
            for (_, msg) in out {
                let bytes = encode(&msg);
                let mut answers = Vec::new();
                for (&id, team) in teams.iter_mut() {
                    answers.extend(team.receive_bytes(&bytes).into_iter().map(|m| (id, m)));
                }
                pump(host, teams, answers);
            }
        }
        for team in teams.values() {
            assert_eq!(team.month(), host.month(), "{} is a month behind", team.side);
        }
    }
}

#[test]
fn two_teams_and_a_host_play_24_months_to_the_hash_of_sim_over_the_log() {
    let (scenario, text) = level();
    let mut host = host(&scenario, &text);
    let mut teams = BTreeMap::new();
    teams.insert(1, join(&mut host, &scenario, &text, 1, "JPN"));
    teams.insert(2, join(&mut host, &scenario, &text, 2, "USA"));
    WIRE.with(|w| w.set((0, 0)));
    play(&mut host, &mut teams, 24);
    let (up, down) = WIRE.with(|w| w.get());
    eprintln!(
        "24 months, two teams: {up} bytes to the host, {down} bytes to the teams ({} a month in all)",
        (up + down) / 24
    );
    let want = host.simulation().state_hash();
    for team in teams.values_mut() {
        assert!(team.desyncs.is_empty(), "{}: {:?}", team.side, team.desyncs);
        assert_eq!(team.simulation().state_hash(), want, "{}", team.side);
    }
    assert!(host.desyncs.is_empty());
    // The offer was made by one team and accepted by the other.
    let log = host.simulation().world().resource::<CommandLog>().0.clone();
    let accepted = log
        .iter()
        .find(|e| matches!(e.issued.command, Command::AcceptOffer { .. }));
    let accepted = accepted.expect("the acceptance is in the log");
    assert_eq!(accepted.issued.by, "JPN");
    assert_eq!(accepted.rejected, None, "the offer was accepted");
    assert!(log.iter().any(|e| e.issued.by == "USA"
        && matches!(e.issued.command, Command::MakeOffer { .. })
        && e.rejected.is_none()));
    assert!(
        host.notes
            .iter()
            .any(|(m, side, _, note)| *m == 2 && side == "USA" && note.contains("USA's order"))
    );
    // The host's log is a commands file: the library and `tradecraft sim` replay it exactly.
    let sides = vec!["JPN".to_string(), "USA".to_string()];
    let mut replay = Simulation::with_sides(&scenario, 3, &sides).unwrap();
    replay.set_script(host.log().to_vec());
    replay.run(24);
    assert_eq!(replay.state_hash(), want);
    let dir = std::env::temp_dir().join(format!("tradecraft-lockstep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("class.commands.ron");
    std::fs::write(
        &file,
        ron::ser::to_string_pretty(host.log(), Default::default()).unwrap(),
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradecraft"))
        .args([
            "sim",
            LEVEL,
            "--seed",
            "3",
            "--months",
            "24",
            "--side",
            "JPN",
            "--side",
            "USA",
            "--quiet",
            "--commands",
        ])
        .arg(&file)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8_lossy(&out.stdout);
    assert_eq!(printed.trim(), format!("state-hash: {want:016x}"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_team_that_drops_at_month_6_and_rejoins_at_month_9_catches_up_and_stays_in_sync() {
    let (scenario, text) = level();
    let mut host = host(&scenario, &text);
    let mut teams = BTreeMap::new();
    teams.insert(1, join(&mut host, &scenario, &text, 1, "JPN"));
    teams.insert(2, join(&mut host, &scenario, &text, 2, "USA"));
    play(&mut host, &mut teams, 6);
    // The U.S. laptop drops; the class goes on (the teacher forces the months).
    host.disconnect(2);
    teams.remove(&2);
    play(&mut host, &mut teams, 3);
    assert_eq!(host.month(), 9);
    // It rejoins on a new connection and catches up from the host's log.
    teams.insert(7, join(&mut host, &scenario, &text, 7, "USA"));
    assert_eq!(teams[&7].month(), 9);
    play(&mut host, &mut teams, 15);
    let want = host.simulation().state_hash();
    for team in teams.values_mut() {
        assert!(team.desyncs.is_empty(), "{:?}", team.desyncs);
        assert_eq!(team.simulation().state_hash(), want, "{}", team.side);
    }
}

#[test]
fn a_desync_is_seen_with_both_hashes_and_repaired_from_the_hosts_state() {
    let (scenario, text) = level();
    let mut host = host(&scenario, &text);
    let mut teams = BTreeMap::new();
    teams.insert(1, join(&mut host, &scenario, &text, 1, "JPN"));
    teams.insert(2, join(&mut host, &scenario, &text, 2, "USA"));
    play(&mut host, &mut teams, 4);
    // Japan's machine goes its own way (a move that never went through the host; not one of
    // the team's queued orders, which the host's month replaces).
    let stray = Command::SetTariff {
        target: "USA".into(),
        sector: "autos".into(),
        rate: 0.5,
    };
    teams
        .get_mut(&1)
        .unwrap()
        .simulation()
        .issue("JPN", stray, Origin::Ai);
    play(&mut host, &mut teams, 1);
    let team = &teams[&1];
    assert_eq!(team.desyncs.len(), 1, "the team sees the desync");
    let (month, mine, theirs) = team.desyncs[0];
    assert_eq!(month, 4);
    assert_ne!(mine, theirs);
    assert_eq!(host.desyncs.len(), 1, "the host sees it too");
    assert_eq!(host.desyncs[0].2, mine);
    assert_eq!(host.desyncs[0].3, theirs);
    // Repaired: the host's state was resent, and the next months agree.
    play(&mut host, &mut teams, 3);
    let want = host.simulation().state_hash();
    for team in teams.values_mut() {
        assert_eq!(team.simulation().state_hash(), want, "{}", team.side);
    }
    assert_eq!(teams[&1].desyncs.len(), 1, "no further desync");
}

#[test]
fn teams_of_another_scenario_version_or_password_are_refused_with_a_reason() {
    let (scenario, text) = level();
    let mut host = host(&scenario, &text);
    let refused = |host: &mut Host, id: u64, hello: ToHost| -> String {
        match host.receive_bytes(id, &encode(&hello)).pop() {
            Some((To::One(to), ToTeam::Refused { reason })) if to == id => reason,
            other => panic!("not refused: {other:?}"),
        }
    };
    let other_file = text.replace("The 2025 Tariff Shock", "The 2025 Tariff Shock (edited)");
    let files = |text: &str| vec![("2025_tariff_shock.ron".to_string(), lockstep::scenario_hash(text))];
    let reason = refused(
        &mut host,
        1,
        Seat::hello(files(&other_file), "JPN", "Team Japan", "class"),
    );
    assert!(
        reason.contains("your levels/2025_tariff_shock.ron is not the host's"),
        "{reason}"
    );
    let elsewhere = vec![("2019_trade_agreement.ron".to_string(), 7)];
    let reason = refused(&mut host, 1, Seat::hello(elsewhere, "JPN", "Team Japan", "class"));
    assert!(
        reason.contains("you do not have the host's scenario 2025_tariff_shock.ron"),
        "{reason}"
    );
    let mut old = Team::hello(&text, "JPN", "Team Japan", "class");
    if let ToHost::Hello { version, .. } = &mut old {
        *version = "0.0.1".into();
    }
    let reason = refused(&mut host, 1, old);
    assert!(
        reason.contains("install the same version") && reason.contains("0.0.1"),
        "{reason}"
    );
    let reason = refused(&mut host, 1, Team::hello(&text, "JPN", "Team Japan", "wrong"));
    assert!(reason.contains("wrong password"), "{reason}");
    let reason = refused(&mut host, 1, Team::hello(&text, "CHN", "Team China", "class"));
    assert!(reason.contains("not a side teams lead"), "{reason}");
    join(&mut host, &scenario, &text, 1, "JPN");
    let reason = refused(&mut host, 2, Team::hello(&text, "JPN", "Team Japan 2", "class"));
    assert!(reason.contains("already leads JPN"), "{reason}");
}

#[test]
fn bad_packets_and_out_of_turn_orders_are_refused_without_a_panic() {
    let (scenario, text) = level();
    let mut host = host(&scenario, &text);
    let rejected = |out: Vec<(To, ToTeam)>| -> String {
        match out.as_slice() {
            [(To::One(_), ToTeam::Rejected { reason })] => reason.clone(),
            other => panic!("not rejected: {other:?}"),
        }
    };
    assert!(rejected(host.receive_bytes(1, &[0xff, 0xfe, 0x00])).contains("not text"));
    assert!(rejected(host.receive_bytes(1, b"Order(month: ")).contains("malformed"));
    assert!(rejected(host.receive_bytes(1, &vec![b' '; MAX_MESSAGE + 1])).contains("over the limit"));
    let order = ToHost::Order {
        month: 0,
        command: Command::SetTariff {
            target: "JPN".into(),
            sector: "autos".into(),
            rate: 0.25,
        },
        note: String::new(),
    };
    assert!(rejected(host.receive(1, order.clone())).contains("join the game first"));
    join(&mut host, &scenario, &text, 1, "USA");
    let late = ToHost::Order {
        month: 5,
        command: Command::SetTariff {
            target: "JPN".into(),
            sector: "autos".into(),
            rate: 0.25,
        },
        note: String::new(),
    };
    assert!(rejected(host.receive(1, late)).contains("not the month being played"));
    let unknown = ToHost::Order {
        month: 0,
        command: Command::AcceptOffer {
            dispute: "no_such_dispute".into(),
        },
        note: String::new(),
    };
    assert!(!rejected(host.receive(1, unknown)).is_empty());
    // A team's bytes from a broken host: noted, no panic.
    let (scenario2, _) = level();
    let mut team = join(&mut host, &scenario2, &text, 2, "JPN");
    assert!(team.receive_bytes(b"\x00garbage").is_empty());
    assert!(!team.notice.is_empty());
    // The host's orders still run after all that.
    assert_eq!(host.month(), 0);
    host.receive(1, order);
    host.run_month();
    assert_eq!(host.month(), 1);
}

#[test]
fn quarter_turns_and_a_deadline_fit_a_lesson_and_replay_like_months() {
    let (scenario, text) = level();
    let rules = lockstep::Rules {
        months_per_turn: 3,
        turns: Some(4),
        seconds_per_turn: None,
    };
    let mut host = host(&scenario, &text).with_rules(rules).unwrap();
    let mut teams = BTreeMap::new();
    teams.insert(1, join(&mut host, &scenario, &text, 1, "JPN"));
    teams.insert(2, join(&mut host, &scenario, &text, 2, "USA"));
    play(&mut host, &mut teams, 4);
    assert_eq!(host.month(), 12, "four quarters");
    assert!(host.over());
    let want = host.simulation().state_hash();
    for team in teams.values_mut() {
        assert!(team.over, "{} was told the game is over", team.side);
        assert_eq!(team.simulation().state_hash(), want);
    }
    // Over: no more orders or turns.
    let ready = host.receive(1, ToHost::Ready { month: 12 });
    assert!(matches!(ready.as_slice(), [(_, ToTeam::Rejected { reason })] if reason.contains("over")));
    assert!(host.run_month().is_empty());
    // The log replays: orders at each turn's first month, the same months run.
    let sides = vec!["JPN".to_string(), "USA".to_string()];
    let mut replay = Simulation::with_sides(&scenario, 3, &sides).unwrap();
    replay.set_script(host.log().to_vec());
    replay.run(12);
    assert_eq!(replay.state_hash(), want);
}

#[test]
fn the_turns_timer_runs_the_month_when_time_is_up() {
    let (scenario, text) = level();
    let rules = lockstep::Rules {
        seconds_per_turn: Some(180.0),
        ..lockstep::Rules::default()
    };
    let mut host = host(&scenario, &text).with_rules(rules).unwrap();
    assert!(host.tick(500.0).is_empty(), "the clock waits for the first team");
    join(&mut host, &scenario, &text, 1, "JPN");
    // Paused by the teacher, the clock stands still.
    host.pause(true);
    assert!(host.tick(500.0).is_empty());
    host.pause(false);
    assert!(host.tick(100.0).is_empty());
    match host.receive(1, ToHost::Ready { month: 0 }).as_slice() {
        [
            (
                To::All,
                ToTeam::Waiting {
                    ready, seconds_left, ..
                },
            ),
        ] => {
            assert_eq!(ready, &vec!["JPN".to_string()]);
            assert_eq!(*seconds_left, Some(80.0));
        }
        other => panic!("{other:?}"),
    }
    assert!(host.tick(f64::NAN).is_empty(), "a broken clock is ignored");
    let out = host.tick(90.0);
    assert!(
        matches!(out.as_slice(), [(To::All, ToTeam::Month { month: 0, .. })]),
        "{out:?}"
    );
    assert_eq!(host.month(), 1);
    assert_eq!(
        host.seconds_left(),
        Some(180.0),
        "the next turn's timer starts afresh"
    );
    // Rules that make no sense are refused.
    let bad = lockstep::Rules {
        months_per_turn: 0,
        ..lockstep::Rules::default()
    };
    assert!(self::host(&scenario, &text).with_rules(bad).is_err());
    let bad = lockstep::Rules {
        seconds_per_turn: Some(-1.0),
        ..lockstep::Rules::default()
    };
    assert!(self::host(&scenario, &text).with_rules(bad).is_err());
}

/// The teacher fires an inject during a class game: it goes to every machine with the month,
/// lands in the log as the teacher's command, and the log still replays to the same hash.
#[test]
fn the_teachers_inject_reaches_every_team_and_the_log() {
    let (scenario, text) = level();
    let mut host = host(&scenario, &text);
    let mut teams = BTreeMap::new();
    teams.insert(1, join(&mut host, &scenario, &text, 1, "JPN"));
    teams.insert(2, join(&mut host, &scenario, &text, 2, "USA"));
    play(&mut host, &mut teams, 2);
    host.inject("pause_ends").unwrap();
    let again = host.inject("pause_ends").unwrap_err();
    assert!(again.contains("already been fired"), "{again}");
    let unknown = host.inject("leaked_memo").unwrap_err();
    assert!(
        unknown.contains("\"leaked_memo\"") && unknown.contains("ruling_now"),
        "{unknown}"
    );
    play(&mut host, &mut teams, 4);
    let want = host.simulation().state_hash();
    for team in teams.values_mut() {
        assert_eq!(team.simulation().state_hash(), want, "{} is in step", team.side);
        let news = &team.simulation().world().resource::<tradecraft::sim::News>().0;
        assert!(
            news.iter().any(|n| n.about == "pause_ends" && n.month == 2),
            "{} read it",
            team.side
        );
    }
    let fired: Vec<_> = host
        .log()
        .iter()
        .filter(|c| c.by == tradecraft::command::TEACHER)
        .collect();
    assert_eq!(fired.len(), 1);
    assert_eq!(fired[0].month, 2);
    assert!(host.inject("pause_ends").is_err(), "once fired, refused");
    let sides = vec!["JPN".to_string(), "USA".to_string()];
    let mut replay = Simulation::with_sides(&scenario, 3, &sides).unwrap();
    replay.set_script(host.log().to_vec());
    replay.run(6);
    assert_eq!(replay.state_hash(), want);
}

#[test]
fn a_class_that_starts_at_month_12_takes_over_from_history_and_stays_in_sync() {
    let (scenario, text) = level();
    let mut host = host(&scenario, &text).starting_at(&scenario, 12).unwrap();
    assert_eq!(host.month(), 12);
    // The months before ran as the all-AI, history-driven world does.
    let mut history = Simulation::with_sides(&scenario, 3, &[]).unwrap();
    history.run(12);
    assert_eq!(
        history.world().resource::<tradecraft::sim::News>().0,
        host.simulation().world().resource::<tradecraft::sim::News>().0
    );
    let mut teams = BTreeMap::new();
    teams.insert(1, join(&mut host, &scenario, &text, 1, "JPN"));
    teams.insert(2, join(&mut host, &scenario, &text, 2, "USA"));
    assert_eq!(teams[&1].month(), 12);
    play(&mut host, &mut teams, 6);
    let want = host.simulation().state_hash();
    for team in teams.values_mut() {
        assert!(team.desyncs.is_empty(), "{:?}", team.desyncs);
        assert_eq!(team.simulation().state_hash(), want, "{}", team.side);
    }
    // The record resumes it at month 18 on the same hash.
    let mut resumed = Host::resume(&scenario, &host.record(), "class").unwrap();
    assert_eq!(resumed.simulation().state_hash(), want);
    assert!(host.starting_at(&scenario, 99).is_err());
}

/// A class record or a host's Welcome that puts the game past the scenario's end (an edited
/// record, a host that is not this program) is refused with the scenario's length, instead of
/// running months without end.
#[test]
fn a_record_or_welcome_past_the_scenarios_end_is_refused() {
    let (scenario, text) = level();
    let mut host = host(&scenario, &text);
    let mut record = host.record();
    record.month = 4_000_000_000;
    let e = Host::resume(&scenario, &record, "class").err().expect("refused");
    assert!(e.contains("past the scenario's end"), "{e}");
    let answer = host.receive_bytes(1, &encode(&Team::hello(&text, "JPN", "JPN", "class")));
    let Some((_, ToTeam::Welcome { .. })) = answer.first() else {
        panic!("{answer:?}")
    };
    let mut welcome = answer[0].1.clone();
    if let ToTeam::Welcome { month, .. } = &mut welcome {
        *month = 4_000_000_000;
    }
    let e = Team::from_welcome(&scenario, &welcome).err().expect("refused");
    assert!(e.contains("past the scenario's end"), "{e}");
}

mod garbage {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        /// Any bytes from the network, at either end, are answered or noted, never a panic; a
        /// joined team's world is left as it was.
        #[test]
        fn random_packets_never_panic_either_end(bytes in proptest::collection::vec(any::<u8>(), 0..400),
                                                 text in "[ -~]{0,200}") {
            let (scenario, src) = level();
            let mut host = host(&scenario, &src);
            let mut team = join(&mut host, &scenario, &src, 1, "JPN");
            let before = team.simulation().state_hash();
            let _ = host.receive_bytes(1, &bytes);
            let _ = host.receive_bytes(2, text.as_bytes());
            let _ = team.receive_bytes(&bytes);
            let _ = team.receive_bytes(text.as_bytes());
            prop_assert_eq!(team.simulation().state_hash(), before);
        }
    }
}

/// A laptop leads one side: a second Hello for another side is refused; a team may ask for the
/// host's state once a month (a state is megabytes); a class of 0 turns is refused.
#[test]
fn a_laptop_cannot_switch_sides_or_flood_the_host_with_state_requests() {
    let (scenario, text) = level();
    let mut host = host(&scenario, &text);
    join(&mut host, &scenario, &text, 1, "JPN");
    let answer = host.receive(1, Team::hello(&text, "USA", "Team Japan", "class"));
    assert!(
        matches!(answer.as_slice(), [(To::One(1), ToTeam::Refused { reason })] if reason.contains("already leads JPN")),
        "{answer:?}"
    );
    assert_eq!(host.teams().get(&1).map(String::as_str), Some("JPN"));
    assert!(matches!(
        host.receive(1, ToHost::Resend).as_slice(),
        [(_, ToTeam::State { .. })]
    ));
    assert!(host.receive(1, ToHost::Resend).is_empty(), "one state a month");
    let rules = lockstep::Rules {
        turns: Some(0),
        ..lockstep::Rules::default()
    };
    assert!(host.with_rules(rules).is_err());
}

/// Orders a team queued but did not send before the teacher ran the month stay queued for the
/// next turn, and the team's world still matches the host's.
#[test]
fn unsent_orders_stay_queued_when_the_month_runs_without_them() {
    let (scenario, text) = level();
    let mut host = host(&scenario, &text);
    let mut teams = BTreeMap::new();
    teams.insert(1, join(&mut host, &scenario, &text, 1, "JPN"));
    let order = Command::Statement {
        dispute: "auto_tariffs".into(),
        tone: Tone::Conciliatory,
    };
    teams
        .get_mut(&1)
        .unwrap()
        .simulation()
        .issue("JPN", order.clone(), Origin::Player);
    let out = host.run_month();
    let mut answers = Vec::new();
    for (_, msg) in out {
        answers.extend(teams.get_mut(&1).unwrap().receive(msg));
    }
    assert_eq!(answers.len(), 1, "only the hash, no Resend: {answers:?}");
    let team = teams.get_mut(&1).unwrap();
    assert!(team.desyncs.is_empty(), "{:?}", team.desyncs);
    let pending = &team
        .simulation()
        .world()
        .resource::<tradecraft::sim::PendingCommands>()
        .0;
    assert!(pending.iter().any(|c| c.command == order), "still queued");
}

/// One laptop cannot swell what every team is sent: past `MAX_SENT` orders and messages in a
/// month the host refuses more until the next; an order longer than any the game makes is
/// refused; a hash repeated against the host's is one desync, not one per packet.
#[test]
fn a_team_cannot_flood_the_log_the_notes_or_the_desyncs() {
    use tradecraft::net::lockstep::{MAX_ORDER, MAX_SENT};
    let (scenario, text) = level();
    let mut host = host(&scenario, &text);
    join(&mut host, &scenario, &text, 1, "JPN");
    let order_in = |month: u32, target: String| ToHost::Order {
        month,
        command: Command::SetTariff {
            target,
            sector: "autos".into(),
            rate: 0.1,
        },
        note: String::new(),
    };
    let order = |target: String| order_in(0, target);
    let big = order("X".repeat(MAX_ORDER));
    let answer = host.receive(1, big);
    assert!(
        matches!(answer.as_slice(), [(To::One(1), ToTeam::Rejected { reason })] if reason.contains("longer than any")),
        "{answer:?}"
    );
    for n in 0..MAX_SENT {
        let out = if n % 2 == 0 {
            host.receive(1, order("USA".into()))
        } else {
            host.receive(
                1,
                ToHost::Say {
                    text: format!("note {n}"),
                },
            )
        };
        assert!(
            !out.iter().any(|(_, m)| matches!(m, ToTeam::Rejected { .. })),
            "{n}: {out:?}"
        );
    }
    for extra in [
        order("USA".into()),
        ToHost::Say {
            text: "one more".into(),
        },
    ] {
        let answer = host.receive(1, extra);
        assert!(
            matches!(answer.as_slice(), [(To::One(1), ToTeam::Rejected { reason })] if reason.contains(&format!("{MAX_SENT} orders and messages"))),
            "{answer:?}"
        );
    }
    // The next month takes orders again.
    host.run_month();
    assert!(host.receive(1, order_in(1, "USA".into())).is_empty());
    for _ in 0..100 {
        host.receive(1, ToHost::Hash { month: 0, hash: 1 });
    }
    assert_eq!(host.desyncs.len(), 1, "{:?}", host.desyncs);
}
