//! A class game over real UDP on loopback: a host and two teams (Japan and the United States,
//! headless) play 24 months of the 2025 level through renet/netcode, with an offer from one team
//! that the other accepts and a message between them; every machine ends on the host's hash,
//! which equals `tradecraft sim` over the log the host wrote. A team of another scenario file
//! is refused with a message. Prints the bytes a month on the wire and the time from the last
//! Ready to every laptop showing the new month.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use tradecraft::command::{Channel, Command, Offer, TariffCut, Tone};
use tradecraft::net::host::Host;
use tradecraft::net::lockstep;
use tradecraft::net::session::{HostSession, TeamSession};
use tradecraft::net::transport::Server;
use tradecraft::sim::CommandLog;

const LEVEL: &str = "2025_tariff_shock.ron";

fn levels() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("levels")
}

fn host_session(dir: Option<PathBuf>) -> HostSession {
    let path = levels().join(LEVEL);
    let text = std::fs::read_to_string(&path).unwrap();
    let scenario = tradecraft::scenario::load_scenario(&path).unwrap();
    let sides = vec!["JPN".to_string(), "USA".to_string()];
    let host = Host::new(&scenario, lockstep::scenario_hash(&text), 5, sides, "class")
        .unwrap()
        .with_file(LEVEL);
    let server = Server::bind_to("127.0.0.1:0".parse().unwrap()).unwrap();
    HostSession::new(host, server, dir)
}

fn address(host: &HostSession) -> String {
    format!("127.0.0.1:{}", host.server.local_addr().unwrap().port())
}

/// Pump every laptop until `done` holds (at most 20 s: a hang fails, it does not block CI).
fn pump_until(
    host: &mut HostSession,
    teams: &mut [&mut TeamSession],
    mut done: impl FnMut(&HostSession, &[&mut TeamSession]) -> bool,
) {
    let start = Instant::now();
    let mut last = Instant::now();
    while !done(host, teams) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out; host saw {:?}",
            host.events
        );
        std::thread::sleep(Duration::from_millis(1));
        let dt = last.elapsed();
        last = Instant::now();
        host.update(dt);
        for t in teams.iter_mut() {
            if let Err(e) = t.update() {
                panic!("{e}; host saw {:?}", host.events);
            }
        }
    }
}

/// Each side's orders by month, with the note sent beside them.
fn orders(side: &str, month: u32) -> Vec<(Command, String)> {
    let tariff = |target: &str, sector: &str, rate: f64| Command::SetTariff {
        target: target.into(),
        sector: sector.into(),
        rate,
    };
    let note = |t: &str| t.to_string();
    match (side, month) {
        ("USA", 0) => vec![(tariff("JPN", "autos", 0.25), note(""))],
        ("JPN", 1) => vec![(
            Command::Statement {
                dispute: "auto_tariffs".into(),
                tone: Tone::Conciliatory,
            },
            note("We want to settle this quietly."),
        )],
        ("USA", 2) => vec![(
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
            note("15% on autos if you invest in Ohio."),
        )],
        ("JPN", 3) => vec![(
            Command::AcceptOffer {
                dispute: "auto_tariffs".into(),
            },
            note("Agreed."),
        )],
        ("USA", 8) => vec![(tariff("JPN", "steel", 0.25), note(""))],
        ("JPN", 8) => vec![(tariff("USA", "agriculture", 0.3), note(""))],
        _ => vec![],
    }
}

#[test]
fn a_host_and_two_teams_play_24_months_over_udp_to_the_hash_of_sim_over_the_log() {
    let dir = std::env::temp_dir().join(format!("tradecraft-network-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut host = host_session(Some(dir.clone()));
    let addr = address(&host);
    let mut japan = TeamSession::connect(&addr, &levels(), "JPN", "Team Japan", "class").unwrap();
    let mut usa = TeamSession::connect(&addr, &levels(), "USA", "Team USA", "class").unwrap();
    pump_until(&mut host, &mut [&mut japan, &mut usa], |_, t| {
        t.iter().all(|t| t.team.is_some())
    });
    japan.say("Hello from Tokyo.");
    let mut waits = Vec::new();
    for month in 0..24 {
        for team in [&mut japan, &mut usa] {
            let side = team.team.as_ref().unwrap().side.clone();
            team.play(orders(&side, month));
        }
        let ready = Instant::now();
        pump_until(&mut host, &mut [&mut japan, &mut usa], |h, t| {
            h.host.month() == month + 1 && t.iter().all(|t| t.team.as_ref().unwrap().month() == month + 1)
        });
        waits.push(ready.elapsed());
    }
    // Every machine on the host's hash, without a desync.
    let want = host.host.simulation().state_hash();
    for t in [&mut japan, &mut usa] {
        let team = t.team.as_mut().unwrap();
        assert!(team.desyncs.is_empty(), "{}: {:?}", team.side, team.desyncs);
        assert_eq!(team.simulation().state_hash(), want, "{}", team.side);
    }
    assert!(host.host.desyncs.is_empty(), "{:?}", host.host.desyncs);
    // The offer went from Washington to Tokyo, and Tokyo accepted it.
    let log = host.host.simulation().world().resource::<CommandLog>().0.clone();
    let accepted = log
        .iter()
        .find(|e| matches!(e.issued.command, Command::AcceptOffer { .. }))
        .expect("the acceptance is in the log");
    assert_eq!(
        (accepted.issued.by.as_str(), accepted.rejected.as_deref()),
        ("JPN", None)
    );
    // The offer's note and the message reached the other team, and the teacher's account.
    let heard = &usa.team.as_ref().unwrap().heard;
    assert!(
        heard
            .iter()
            .any(|(_, side, _, text)| side == "JPN" && text == "Hello from Tokyo."),
        "{heard:?}"
    );
    let heard = &japan.team.as_ref().unwrap().heard;
    assert!(
        heard.iter().any(|(m, side, name, text)| *m == 2
            && side == "USA"
            && name == "Team USA"
            && text.contains("15% on autos if you invest in Ohio.")),
        "{heard:?}"
    );
    assert!(
        host.events.iter().any(|e| e.contains("Agreed.")),
        "{:?}",
        host.events
    );
    assert!(
        host.events.iter().any(|e| e.contains("JPN joined (Team Japan")),
        "{:?}",
        host.events
    );
    // The figures a teacher planning a class needs.
    let bytes: u64 = host.bytes_per_month.iter().map(|(_, b)| b).sum();
    waits.sort();
    eprintln!(
        "24 months over loopback: {} bytes a month on the wire (host, both ways, lockstep messages); last Ready → every laptop on the new month: median {:?}, max {:?}",
        bytes / 24,
        waits[waits.len() / 2],
        waits[waits.len() - 1]
    );
    // The host kept the game on disk: its log replays with `tradecraft sim` to the same hash.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradecraft"))
        .args([
            "sim",
            "levels/2025_tariff_shock.ron",
            "--seed",
            "5",
            "--months",
            "24",
        ])
        .args(["--side", "JPN", "--side", "USA", "--quiet", "--commands"])
        .arg(dir.join("class.commands.ron"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("state-hash: {want:016x}")
    );
    // …and its record resumes the class game at the month it had reached, on the same hash.
    let record: lockstep::ClassRecord =
        ron::from_str(&std::fs::read_to_string(dir.join("class.ron")).unwrap()).unwrap();
    let scenario = tradecraft::scenario::load_scenario(&levels().join(LEVEL)).unwrap();
    let mut resumed = Host::resume(&scenario, &record, "class").unwrap();
    assert_eq!(resumed.month(), 24);
    assert_eq!(resumed.simulation().state_hash(), want);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_team_with_another_scenario_file_is_refused_with_a_message() {
    let mut host = host_session(None);
    let addr = address(&host);
    let elsewhere = std::env::temp_dir().join(format!("tradecraft-network-levels-{}", std::process::id()));
    std::fs::create_dir_all(&elsewhere).unwrap();
    let text = std::fs::read_to_string(levels().join(LEVEL)).unwrap();
    std::fs::write(
        elsewhere.join(LEVEL),
        text.replace("The 2025 Tariff Shock", "Edited"),
    )
    .unwrap();
    let mut team = TeamSession::connect(&addr, &elsewhere, "JPN", "Team Japan", "class").unwrap();
    let start = Instant::now();
    let reason = loop {
        assert!(start.elapsed() < Duration::from_secs(20), "no answer");
        std::thread::sleep(Duration::from_millis(1));
        host.update(Duration::from_millis(1));
        if let Err(e) = team.update() {
            break e;
        }
    };
    assert!(
        reason.contains("your levels/2025_tariff_shock.ron is not the host's"),
        "{reason}"
    );
    assert!(
        host.events.iter().any(|e| e.contains("refused")),
        "{:?}",
        host.events
    );
    let _ = std::fs::remove_dir_all(&elsewhere);
}

/// `tradecraft host --headless` and two `tradecraft join --headless` processes (scripted teams)
/// play a short class game; all three print the same hash, and `tradecraft sim` over the log the
/// host kept prints it too.
#[test]
fn the_host_and_join_commands_play_a_class_game_between_processes() {
    let dir = std::env::temp_dir().join(format!("tradecraft-class-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("usa.ron"),
        r#"[(month: 0, by: "USA", command: SetTariff(target: "JPN", sector: "autos", rate: 0.25)),
            (month: 1, by: "USA", command: MakeOffer(dispute: "auto_tariffs", channel: WorkingLevel,
                offer: (tariff_cuts: [(sector: "autos", rate: 0.15)])))]"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("jpn.ron"),
        r#"[(month: 2, by: "JPN", command: AcceptOffer(dispute: "auto_tariffs"))]"#,
    )
    .unwrap();
    let port = std::net::UdpSocket::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
        .to_string();
    let bin = env!("CARGO_BIN_EXE_tradecraft");
    let root = env!("CARGO_MANIFEST_DIR");
    let host = std::process::Command::new(bin)
        .args([
            "host",
            "levels/2025_tariff_shock.ron",
            "--headless",
            "--seed",
            "9",
            "--turns",
            "4",
        ])
        .args(["--port", &port, "--password", "p"])
        .arg("--out")
        .arg(dir.join("game"))
        .current_dir(root)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let addr = format!("127.0.0.1:{port}");
    let team = |side: &str, file: &str| {
        std::process::Command::new(bin)
            .args([
                "join",
                &addr,
                "--side",
                side,
                "--password",
                "p",
                "--headless",
                "--commands",
            ])
            .arg(dir.join(file))
            .current_dir(root)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (usa, jpn) = (team("USA", "usa.ron"), team("JPN", "jpn.ron"));
    let hash_of = |out: std::process::Output| {
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(out.status.success(), "{text}");
        let line = text
            .lines()
            .find(|l| l.contains("state-hash: "))
            .unwrap_or_else(|| panic!("{text}"));
        line.rsplit(' ').next().unwrap().to_string()
    };
    let hashes = [usa, jpn, host].map(|c| hash_of(c.wait_with_output().unwrap()));
    assert_eq!(hashes[0], hashes[1]);
    assert_eq!(hashes[0], hashes[2]);
    let out = std::process::Command::new(bin)
        .args([
            "sim",
            "levels/2025_tariff_shock.ron",
            "--seed",
            "9",
            "--months",
            "4",
            "--quiet",
        ])
        .args(["--side", "JPN", "--side", "USA", "--commands"])
        .arg(dir.join("game/class.commands.ron"))
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("state-hash: {}", hashes[0])
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Over UDP: the U.S. laptop drops at month 6 (its connection closes), the teacher runs months
/// 6–8 without it, and a new connection for the same side at month 9 catches up from the host's
/// log and stays in sync to month 24.
#[test]
fn a_team_that_drops_at_month_6_rejoins_at_month_9_over_udp_and_stays_in_sync() {
    let mut host = host_session(None);
    let addr = address(&host);
    let mut japan = TeamSession::connect(&addr, &levels(), "JPN", "Team Tokyo", "class").unwrap();
    let mut usa = TeamSession::connect(&addr, &levels(), "USA", "Team DC", "class").unwrap();
    pump_until(&mut host, &mut [&mut japan, &mut usa], |_, t| {
        t.iter().all(|t| t.team.is_some())
    });
    for month in 0..6 {
        for team in [&mut japan, &mut usa] {
            let side = team.team.as_ref().unwrap().side.clone();
            team.play(orders(&side, month));
        }
        pump_until(&mut host, &mut [&mut japan, &mut usa], |h, t| {
            h.host.month() == month + 1 && t.iter().all(|t| t.team.as_ref().unwrap().month() == month + 1)
        });
    }
    // The laptop goes; the host hears of it.
    usa.link.client.disconnect();
    drop(usa);
    pump_until(&mut host, &mut [&mut japan], |h, _| h.host.teams().len() == 1);
    for month in 6..9 {
        japan.play(orders("JPN", month));
        pump_until(&mut host, &mut [&mut japan], |h, _| !h.host.ready().is_empty());
        host.force_month();
        pump_until(&mut host, &mut [&mut japan], |h, t| {
            h.host.month() == month + 1 && t[0].team.as_ref().unwrap().month() == month + 1
        });
    }
    let mut usa = TeamSession::connect(&addr, &levels(), "USA", "Team DC", "class").unwrap();
    pump_until(&mut host, &mut [&mut japan, &mut usa], |_, t| t[1].team.is_some());
    assert_eq!(usa.team.as_ref().unwrap().month(), 9, "caught up from the log");
    for month in 9..24 {
        for team in [&mut japan, &mut usa] {
            let side = team.team.as_ref().unwrap().side.clone();
            team.play(orders(&side, month));
        }
        pump_until(&mut host, &mut [&mut japan, &mut usa], |h, t| {
            h.host.month() == month + 1 && t.iter().all(|t| t.team.as_ref().unwrap().month() == month + 1)
        });
    }
    let want = host.host.simulation().state_hash();
    for t in [&mut japan, &mut usa] {
        let team = t.team.as_mut().unwrap();
        assert!(team.desyncs.is_empty(), "{}: {:?}", team.side, team.desyncs);
        assert_eq!(team.simulation().state_hash(), want, "{}", team.side);
    }
    assert!(
        host.events.iter().any(|e| e.starts_with("USA left")),
        "{:?}",
        host.events
    );
}
