//! The `tradecraft` binary: sim prints a stable hash and a summary with units, writes CSV files
//! that name their run (and a wide history on request) and a resumable final.ron; check
//! validates every level; play without a window explains itself.

use std::collections::BTreeMap;
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
    let (notes, rows) = read_csv(&dir.join("history.csv"));
    assert_eq!(rows[0], "month,date,entity,indicator,value");
    assert!(rows.iter().any(|r| r.contains(",USA,cpi,")), "cpi missing");
    assert!(
        rows.iter().any(|r| r.contains(",autos,escalation,")),
        "escalation missing"
    );
    assert_eq!(notes["months"], "10");
    // The notes at the top of the CSVs do not disturb a resume, and the resumed run's files
    // say where they came from.
    let again = tmp("resume-again");
    let resumed = bin()
        .arg("sim")
        .arg("--resume")
        .arg(dir.join("final.ron"))
        .args(["--months", "10", "--out"])
        .arg(&again)
        .output()
        .unwrap();
    assert_eq!(hash_of(&resumed), hash_of(&straight));
    let (notes, rows) = read_csv(&again.join("history.csv"));
    assert!(
        notes["resumed_from"].contains("final.ron (at 2025-11)"),
        "{notes:?}"
    );
    assert_eq!(
        (
            notes["seed"].as_str(),
            notes["months"].as_str(),
            notes["from"].as_str(),
            notes["to"].as_str()
        ),
        ("3", "20", "2025-01", "2026-08")
    );
    assert_eq!(notes["scenario"], "Mini world");
    assert_eq!(rows[0], "month,date,entity,indicator,value");
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&again);
}

/// A CSV written by `sim --out`: its leading `# key: value` notes, then its lines (the header
/// row first).
fn read_csv(path: &Path) -> (BTreeMap<String, String>, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut notes = BTreeMap::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next_if(|l| l.starts_with('#')) {
        let (key, value) = line
            .strip_prefix("# ")
            .and_then(|l| l.split_once(": "))
            .unwrap_or_else(|| panic!("{}: not a `# key: value` line: {line}", path.display()));
        assert!(
            key.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{}: key {key}",
            path.display()
        );
        assert!(
            notes.insert(key.to_string(), value.to_string()).is_none(),
            "{key} twice"
        );
    }
    (notes, lines.map(String::from).collect())
}

fn sim_text(args: &[&str]) -> String {
    let out = bin().arg("sim").args(args).output().unwrap();
    hash_of(&out);
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn every_csv_starts_with_notes_naming_the_run() {
    let mini = root().join("tests/data/mini.ron");
    let dir = tmp("notes");
    let out = bin()
        .arg("sim")
        .arg(&mini)
        .args([
            "--months", "10", "--seed", "3", "--side", "JPN", "--wide", "--out",
        ])
        .arg(&dir)
        .output()
        .unwrap();
    hash_of(&out);
    for (file, header) in [
        ("history.csv", "month,date,entity,indicator,value"),
        ("history_wide.csv", "month,date,USA:cpi,"),
        ("causes.csv", "month,date,subject,indicator,delta,because"),
        ("news.csv", "month,date,about,headline,quote"),
        ("commands.csv", "month,date,by,origin,command,result,reason"),
        ("units.csv", "indicator,unit"),
    ] {
        let (notes, rows) = read_csv(&dir.join(file));
        assert!(
            notes["file"].starts_with(&format!("{file} (")),
            "{file}: {notes:?}"
        );
        assert_eq!(
            notes["tool"],
            format!("tradecraft {}", env!("CARGO_PKG_VERSION")),
            "{file}"
        );
        assert!(notes["scenario_file"].ends_with("mini.ron"), "{file}: {notes:?}");
        for (key, value) in [
            ("scenario", "Mini world"),
            ("scenario_id", "mini"),
            ("seed", "3"),
            ("side", "JPN"),
            ("months", "10"),
            ("from", "2025-01"),
            ("to", "2025-10"),
        ] {
            assert_eq!(notes.get(key).map(String::as_str), Some(value), "{file}: {key}");
        }
        assert!(!notes.contains_key("resumed_from"), "{file}");
        assert!(rows[0].starts_with(header), "{file}: {}", rows[0]);
    }
    // Every indicator of the history has its unit.
    let (_, units) = read_csv(&dir.join("units.csv"));
    for ind in [
        "cpi",
        "tariff_revenue",
        "approval",
        "escalation",
        "exports:USA:autos",
    ] {
        let row = units
            .iter()
            .find(|r| r.starts_with(&format!("{ind},")))
            .unwrap_or_else(|| panic!("{ind} missing from units.csv"));
        assert!(row.len() > ind.len() + 3, "{row}");
    }
    assert!(units.contains(&"tariff_revenue,bn USD/yr".to_string()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn wide_history_has_the_same_numbers_as_the_long_file() {
    let mini = root().join("tests/data/mini.ron");
    let dir = tmp("wide");
    let out = bin()
        .arg("sim")
        .arg(&mini)
        .args(["--months", "12", "--seed", "5", "--wide", "--out"])
        .arg(&dir)
        .output()
        .unwrap();
    hash_of(&out);
    let (_, long) = read_csv(&dir.join("history.csv"));
    let (_, wide) = read_csv(&dir.join("history_wide.csv"));
    let columns: Vec<&str> = wide[0].split(',').collect();
    assert_eq!(columns[..2], ["month", "date"]);
    let cells: BTreeMap<(String, &str), &str> = wide[1..]
        .iter()
        .flat_map(|row| {
            let v: Vec<&str> = row.split(',').collect();
            assert_eq!(v.len(), columns.len(), "{row}");
            let month = v[0].to_string();
            columns[2..]
                .iter()
                .zip(&v[2..])
                .filter(|(_, x)| !x.is_empty())
                .map(move |(c, x)| ((month.clone(), *c), *x))
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(wide.len() - 1, 12, "one row per month");
    assert_eq!(
        cells.len(),
        long.len() - 1,
        "a cell for every row of the long file"
    );
    for row in &long[1..] {
        let v: Vec<&str> = row.split(',').collect();
        let column = format!("{}:{}", v[2], v[3]);
        assert_eq!(
            cells.get(&(v[0].to_string(), column.as_str())),
            Some(&v[4]),
            "{row}"
        );
    }
    // A few cells by name.
    for (month, column) in [
        ("0", "USA:cpi"),
        ("11", "JPN:approval"),
        ("5", "autos:escalation"),
    ] {
        assert!(
            cells.contains_key(&(month.to_string(), column)),
            "{month} {column}"
        );
    }
    // --wide belongs to --out.
    let alone = bin().arg("sim").arg(&mini).arg("--wide").output().unwrap();
    assert_eq!(alone.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn summary_gives_units_names_and_titles() {
    let level = root().join("levels/2025_tariff_shock.ron");
    let text = sim_text(&[level.to_str().unwrap(), "--months", "12", "--seed", "2"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("The 2025 Tariff Shock [2025_tariff_shock], seed 2"),
        "{}",
        lines[0]
    );
    assert_eq!(lines[1], "after 12 months, 2025-01 to 2025-12:");
    // The table's two header rows give each column's name and unit.
    for word in [
        "CPI",
        "jobs",
        "welfare",
        "tariff revenue",
        "approval",
        "alignment",
    ] {
        assert!(lines[2].contains(word), "{}", lines[2]);
    }
    for unit in ["index", "thousands", "bn USD/yr", "%", "−1 CHN … +1 USA"] {
        assert!(lines[3].contains(unit), "{}", lines[3]);
    }
    let usa = lines.iter().find(|l| l.starts_with("USA ")).unwrap();
    assert!(usa.contains('%') && usa.ends_with("United States"), "{usa}");
    // Disputes by title, with the id the CSV files use.
    assert!(
        text.contains("  U.S. tariffs on Japanese cars [auto_tariffs], JPN v USA: "),
        "{text}"
    );
    assert!(
        text.contains("score JPN: ") && text.contains(" of 100 points"),
        "{text}"
    );
    // No Rust names leak into the text.
    for leak in ["DisputeSettlement", "WorkingLevel", "Some(", "None"] {
        assert!(!text.contains(leak), "{leak} in {text}");
    }
}

#[test]
fn a_long_run_prints_bounded_paths_in_rung_names() {
    let level = root().join("levels/2025_tariff_shock.ron");
    let text = sim_text(&[level.to_str().unwrap(), "--months", "120", "--seed", "7"]);
    let section = |head: &str| -> Vec<&str> {
        text.lines()
            .skip_while(|l| !l.starts_with(head))
            .skip(1)
            .take_while(|l| l.starts_with("  "))
            .collect()
    };
    let disputes = section("disputes (").len();
    let paths = section("escalation paths");
    assert!(disputes >= 10, "{text}");
    // At most a line a year (2025 … 2034) and a title line per dispute.
    assert!(
        paths.len() <= disputes * 11,
        "{} lines for {disputes} disputes:
{}",
        paths.len(),
        paths.join(
            "
"
        )
    );
    assert!(
        paths.iter().all(|l| l.chars().count() <= 200),
        "{}",
        paths.join(
            "
"
        )
    );
    let all = paths.join(
        "
",
    );
    for rung in [
        "working level",
        "ministerial",
        "formal dispute settlement",
        "settled",
    ] {
        assert!(
            all.contains(rung),
            "{rung} missing:
{all}"
        );
    }
    // Not the old digit strings ("0222221…").
    assert!(
        !paths.iter().any(|l| l
            .split(' ')
            .any(|w| w.len() >= 6 && w.chars().all(|c| "01234s".contains(c)))),
        "{all}"
    );
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
fn a_reader_that_stops_early_is_not_a_crash() {
    // `tradecraft sim … | head`: the pipe closes before the summary is written.
    let level = root().join("levels/2025_tariff_shock.ron");
    let mut child = bin()
        .arg("sim")
        .arg(&level)
        .args(["--months", "60"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && !err.contains("panicked"), "{err}");
}

/// `tradecraft parameters` prints every model number with its default, range, meaning and
/// source, and levels/README.md holds the same table (so a teacher reading the README reads
/// the numbers the build uses).
#[test]
fn the_readme_lists_every_parameter_as_the_build_does() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tradecraft"))
        .arg("parameters")
        .output()
        .unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    for p in tradecraft::scenario::Parameters::TABLE {
        assert!(table.contains(&format!("| `{}` |", p.name)), "{} missing", p.name);
    }
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/levels/README.md")).unwrap();
    let marker = readme.find("<!-- parameters:begin").expect("the begin marker");
    let begin = marker + readme[marker..].find("-->\n").unwrap() + 4;
    let end = readme.find("<!-- parameters:end -->").expect("the end marker");
    assert_eq!(
        readme[begin..end],
        table,
        "levels/README.md's parameter table is out of date: replace it with `tradecraft parameters`"
    );
}
