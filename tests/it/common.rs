//! Shared helpers for the integration tests.
#![allow(dead_code)]

use tradecraft::command::{Command, ScheduledCommand};
use tradecraft::scenario::{Scenario, load_scenario};

pub fn mini() -> Scenario {
    load_scenario(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/mini.ron"
    )))
    .expect("tests/data/mini.ron is valid")
}

pub fn level(name: &str) -> Scenario {
    let p = format!("{}/levels/{name}", env!("CARGO_MANIFEST_DIR"));
    load_scenario(std::path::Path::new(&p)).unwrap_or_else(|e| panic!("{e}"))
}

pub fn cmd(month: u32, by: &str, command: Command) -> ScheduledCommand {
    ScheduledCommand {
        month,
        by: by.into(),
        command,
    }
}

/// A script that touches most of the command vocabulary.
pub fn busy_script() -> Vec<ScheduledCommand> {
    use tradecraft::command::*;
    vec![
        cmd(
            1,
            "USA",
            Command::SetTariff {
                target: "JPN".into(),
                sector: "autos".into(),
                rate: 0.25,
            },
        ),
        cmd(
            2,
            "JPN",
            Command::Statement {
                dispute: "autos".into(),
                tone: Tone::Firm,
            },
        ),
        cmd(
            3,
            "CHN",
            Command::ImposeExportControl {
                target: "JPN".into(),
                sector: "steel".into(),
            },
        ),
        cmd(
            4,
            "JPN",
            Command::OpenNegotiation {
                dispute: "autos".into(),
                channel: Channel::WorkingLevel,
                scope: vec!["autos".into()],
                excluded: vec!["agri".into()],
            },
        ),
        cmd(
            5,
            "USA",
            Command::MakeOffer {
                dispute: "autos".into(),
                channel: Channel::WorkingLevel,
                offer: Offer {
                    tariff_cuts: vec![TariffCut {
                        sector: "autos".into(),
                        rate: 0.15,
                    }],
                    excluded: vec!["agri".into()],
                    purchases: 0.0,
                    investment: 0.0,
                    asks: vec![],
                },
            },
        ),
        cmd(
            7,
            "USA",
            Command::SetQuota {
                target: "CHN".into(),
                sector: "steel".into(),
                volume: 1.0,
                voluntary: true,
            },
        ),
        cmd(
            8,
            "USA",
            Command::ReviewAcquisition {
                acquisition: "nippon_us_steel".into(),
                approve: true,
                conditions: false,
            },
        ),
        cmd(
            9,
            "JPN",
            Command::VoteOnApplicant {
                framework: "CPTPP".into(),
                applicant: "CHN".into(),
                support: false,
            },
        ),
        cmd(
            10,
            "CHN",
            Command::LiftExportControl {
                target: "JPN".into(),
                sector: "steel".into(),
            },
        ),
        cmd(
            11,
            "USA",
            Command::FileDispute {
                dispute: "farm".into(),
            },
        ),
    ]
}

/// A fresh scratch folder for one test: `tradecraft-AREA-NAME-PID` in the temp folder.
pub fn scratch(area: &str, name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("tradecraft-{area}-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The `tradecraft` binary run from the repository's root (relative paths: `levels/…`).
pub fn tradecraft(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_tradecraft"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap()
}

/// A run's standard output; the test fails with its standard error if the run failed.
pub fn ok(o: std::process::Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).to_string()
}

/// Whether this machine has a command on its PATH (tests of external tools: xvfb-run, chromium).
pub fn have(cmd: &str) -> bool {
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {cmd}"))
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The field's acronyms and the game's name: Latin words a Japanese text writes as they are
/// (Japanese writes "WTO", "CPTPP", "Tradecraft" too). State ids ("JPN") are not among them:
/// a test whose texts may show ids gives them itself (`also` of `english_words`).
pub const ACRONYMS: &[&str] = &[
    "WTO",
    "CPTPP",
    "TPP",
    "USMCA",
    "NAFTA",
    "KORUS",
    "JEEPA",
    "USJTA",
    "RCEP",
    "GATT",
    "IEEPA",
    "USTR",
    "UAW",
    "USW",
    "AISI",
    "AFBF",
    "NCBA",
    "JAMA",
    "JISF",
    "SIA",
    "CPI",
    "GDP",
    "VER",
    "EPA",
    "FTA",
    "MFN",
    "CIT",
    "ITC",
    "CAP",
    "UDP",
    "Tradecraft",
];

/// The Latin words of `text`: its runs of three or more ASCII letters (a Japanese text's
/// English, if any: "tariff" in "tariff率"; "25" and "a" are not words).
pub fn latin_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
}

/// The English words of a Japanese `text`, for the tests that look for English on Japanese
/// screens, pages and messages: its Latin words (`latin_words`) that are neither one of
/// `ACRONYMS` nor one of `also` (what a test allows besides: state ids, file names, what a
/// player typed). Empty when the text is all Japanese.
pub fn english_words<'a>(text: &'a str, also: &[&str]) -> Vec<&'a str> {
    latin_words(text)
        .filter(|w| !ACRONYMS.contains(w) && !also.contains(w))
        .collect()
}

/// The level the class-game tests play (2025) and its file's text: a host checks each team's copy
/// of the file by the text's hash.
pub fn class_level() -> (Scenario, String) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("levels/2025_tariff_shock.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    (load_scenario(&path).unwrap(), text)
}

/// A class game of `class_level` for Japan's and the United States' teams, password "class".
pub fn class_host(scenario: &Scenario, text: &str, seed: u64) -> tradecraft::net::host::Host {
    let sides = vec!["JPN".to_string(), "USA".to_string()];
    tradecraft::net::host::Host::new(
        scenario,
        tradecraft::net::lockstep::scenario_hash(text),
        seed,
        sides,
        "class",
    )
    .unwrap()
    .with_file("2025_tariff_shock.ron")
}
