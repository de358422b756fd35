//! The `tradecraft` binary: sim prints a stable hash, writes history.csv and a resumable
//! final.ron; check validates every level; play without a window explains itself.

use std::path::{Path, PathBuf};
use std::process::Command;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_tradecraft"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn hash_of(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().last().expect("output").to_string();
    let hash = line
        .strip_prefix("state-hash: ")
        .unwrap_or_else(|| panic!("last line: {line}"));
    assert!(
        hash.len() >= 16 && hash.chars().all(|c| c.is_ascii_hexdigit()),
        "{hash}"
    );
    hash.to_string()
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tradecraft-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn sim_prints_the_same_hash_twice() {
    let level = root().join("levels/2025_tariff_shock.ron");
    let run = || {
        bin()
            .args(["sim"])
            .arg(&level)
            .args(["--months", "24", "--seed", "7"])
            .output()
            .unwrap()
    };
    let (a, b) = (run(), run());
    assert_eq!(hash_of(&a), hash_of(&b));
    let text = String::from_utf8_lossy(&a.stdout);
    assert!(text.contains("USA") && text.contains("JPN"), "{text}");
}

#[test]
fn out_writes_history_and_a_snapshot_that_resumes_exactly() {
    let mini = root().join("tests/data/mini.ron");
    let dir = tmp("resume");
    let straight = bin()
        .arg("sim")
        .arg(&mini)
        .args(["--months", "20", "--seed", "3"])
        .output()
        .unwrap();
    let half = bin()
        .arg("sim")
        .arg(&mini)
        .args(["--months", "10", "--seed", "3", "--out"])
        .arg(&dir)
        .output()
        .unwrap();
    hash_of(&half);
    let csv = std::fs::read_to_string(dir.join("history.csv")).unwrap();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("month,date,entity,indicator,value"));
    assert!(csv.contains(",USA,cpi,"), "cpi missing");
    assert!(csv.contains(",autos,escalation,"), "escalation missing");
    let resumed = bin()
        .arg("sim")
        .arg("--resume")
        .arg(dir.join("final.ron"))
        .args(["--months", "10"])
        .output()
        .unwrap();
    assert_eq!(hash_of(&resumed), hash_of(&straight));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn check_passes_every_level() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("levels"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let out = bin().arg("check").args(&files).output().unwrap();
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn malformed_file_gives_position_and_exit_1() {
    let dir = tmp("bad");
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("bad.ron");
    std::fs::write(&f, "(\n  meta: (id: \"x\",, ),\n)").unwrap();
    let out = bin().arg("check").arg(&f).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.starts_with(&format!("{}:2:", f.display())), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn missing_file_is_an_error_not_a_panic() {
    let out = bin().args(["sim", "no/such/file.ron"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no/such/file.ron:1:1: cannot open"), "{err}");
}

#[test]
fn sim_with_commands_file_applies_them() {
    let mini = root().join("tests/data/mini.ron");
    let cmds = root().join("tests/data/mini.commands.ron");
    let with = bin()
        .arg("sim")
        .arg(&mini)
        .arg("--commands")
        .arg(&cmds)
        .output()
        .unwrap();
    let without = bin().arg("sim").arg(&mini).output().unwrap();
    assert_ne!(hash_of(&with), hash_of(&without));
    assert!(Path::new(&cmds).exists());
}

#[test]
fn generated_sentences_are_grammatical() {
    let level = root().join("levels/2025_tariff_shock.ron");
    let dir = tmp("grammar");
    let out = bin()
        .arg("sim")
        .arg(&level)
        .args(["--months", "24", "--out"])
        .arg(&dir)
        .output()
        .unwrap();
    hash_of(&out);
    let news = std::fs::read_to_string(dir.join("news.csv")).unwrap();
    let moves: Vec<&str> = news
        .lines()
        .filter(|l| l.contains("escalates to") || l.contains("comes back down to"))
        .collect();
    assert!(!moves.is_empty(), "{news}");
    // "Japanese car imports cools to the ministerial" → "…: the dispute comes back down to
    // the ministerial level".
    assert!(moves.iter().all(|l| l.contains(": the dispute ")), "{moves:#?}");
    let causes = std::fs::read_to_string(dir.join("causes.csv")).unwrap();
    for text in [&news, &causes] {
        for bad in [
            " cools to",
            "the ministerial\n",
            "the ministerial\"",
            "the formal dispute settlement",
            "the public confrontation",
            "the leaders\n",
            "the leaders\"",
        ] {
            assert!(!text.contains(bad), "{bad}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
