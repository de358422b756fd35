//! The bad-input corpus in `tests/bad_inputs/`: every file there but `valid_base.ron` must be
//! refused with a positioned, helpful first diagnostic.
//!
//! Each `NAME.ron` has a sidecar `NAME.expect` holding one line `LINE:COL: substring`: the
//! position of the first diagnostic (the offending token or value) and a piece of text its
//! message or hint must contain. Lines starting with `#` are comments. `generate.py` rebuilds
//! the `.ron` files from `valid_base.ron`; the `.expect` files are written by hand.
//!
//! A file is loaded the way `tradecraft check` loads it: as a commands file when its text is a
//! list (`looks_like_commands`), otherwise as a scenario; commands files are checked against
//! `valid_base.ron`. Files that are not UTF-8 go through `load_scenario`, which reads bytes.
//!
//! Saves have their own folder, `saves/` (cases found by `cargo fuzz run save`): there a
//! `NAME.expect` holds a piece of the message `restore` must refuse the file with. The last
//! tests damage a good snapshot one part at a time, and read broken settings files.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::Command;

use tradecraft::scenario::{Diagnostics, Scenario, load_commands, load_scenario, looks_like_commands};

const BASE: &str = "valid_base.ron";
const MIN_BAD_FILES: usize = 25;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("bad_inputs")
}

fn base() -> Scenario {
    let path = corpus().join(BASE);
    load_scenario(&path).unwrap_or_else(|d| panic!("{BASE} must be valid, but:\n{d}"))
}

/// The bad `.ron` files, sorted by name.
fn bad_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("tests/bad_inputs/ exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .filter(|p| p.file_name().is_some_and(|n| n != BASE))
        .collect();
    files.sort();
    files
}

/// What the first diagnostic of a bad file must be.
#[derive(Debug)]
struct Expect {
    line: usize,
    col: usize,
    text: String,
}

fn expectation(ron: &Path) -> Result<Expect, String> {
    let path = ron.with_extension("expect");
    let src = std::fs::read_to_string(&path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let line = src
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .ok_or_else(|| format!("{}: no expectation line", path.display()))?;
    let bad = || {
        format!(
            "{}: expected `LINE:COL: substring`, found {line:?}",
            path.display()
        )
    };
    let mut parts = line.splitn(3, ':');
    let l = parts.next().and_then(|s| s.trim().parse().ok()).ok_or_else(bad)?;
    let c = parts.next().and_then(|s| s.trim().parse().ok()).ok_or_else(bad)?;
    let text = parts
        .next()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(bad)?;
    Ok(Expect {
        line: l,
        col: c,
        text: text.to_string(),
    })
}

/// Load a file as `tradecraft check` would; `Ok(what)` when it was accepted.
fn load(path: &Path, base: &Scenario) -> Result<String, Diagnostics> {
    let bytes = std::fs::read(path).expect("readable corpus file");
    match String::from_utf8(bytes) {
        Ok(text) if looks_like_commands(&text) => {
            load_commands(path, Some(base)).map(|c| format!("{} commands", c.len()))
        }
        // Not UTF-8 (or a scenario): load_scenario reads the bytes and reports the encoding.
        _ => load_scenario(path).map(|s| format!("scenario \"{}\"", s.meta.id)),
    }
}

/// Every problem with one bad file (empty when it behaves as expected).
fn check_file(path: &Path, base: &Scenario) -> Vec<String> {
    let expect = match expectation(path) {
        Ok(e) => e,
        Err(e) => return vec![e],
    };
    let shown = path.display().to_string();
    let result = match catch_unwind(AssertUnwindSafe(|| load(path, base))) {
        Ok(r) => r,
        Err(payload) => {
            let why = payload
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| payload.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            return vec![format!("the loader PANICKED: {why}")];
        }
    };
    let diags = match result {
        Ok(what) => return vec![format!("accepted ({what}) but it should be refused")],
        Err(d) => d,
    };
    let Some(first) = diags.0.first() else {
        return vec!["refused with no diagnostic at all".into()];
    };
    let mut problems = Vec::new();
    let got = format!(
        "{}:{}: {}\n      help: {}",
        first.line, first.col, first.message, first.hint
    );
    if (first.line, first.col) != (expect.line, expect.col) {
        problems.push(format!(
            "position {}:{}, expected {}:{}; first diagnostic:\n      {got}",
            first.line, first.col, expect.line, expect.col
        ));
    }
    if !first.message.contains(&expect.text) && !first.hint.contains(&expect.text) {
        problems.push(format!(
            "neither message nor hint contains {:?}; first diagnostic:\n      {got}",
            expect.text
        ));
    }
    if first.file != shown {
        problems.push(format!(
            "diagnostic names file {:?}, expected {shown:?}",
            first.file
        ));
    }
    let prefix = format!("{shown}:{}:{}: ", first.line, first.col);
    let text = diags.to_string();
    if !text.starts_with(&prefix) || !first.to_string().starts_with(&prefix) {
        problems.push(format!("displayed text does not start with {prefix:?}: {text:?}"));
    }
    for d in &diags.0 {
        if d.hint.trim().is_empty() {
            problems.push(format!("diagnostic without a hint: {d}"));
        }
        if d.message.trim().is_empty() {
            problems.push(format!("diagnostic without a message at {}:{}", d.line, d.col));
        }
        if d.line == 0 || d.col == 0 {
            problems.push(format!("position is not 1-based: {d}"));
        }
    }
    problems
}

#[test]
fn valid_base_is_accepted() {
    let s = base();
    assert_eq!(s.states.len(), 3);
    assert_eq!(s.sectors.len(), 2);
    let src = std::fs::read_to_string(corpus().join(BASE)).unwrap();
    assert!(!looks_like_commands(&src), "{BASE} must read as a scenario");
}

#[test]
fn corpus_is_complete() {
    let files = bad_files();
    assert!(
        files.len() >= MIN_BAD_FILES,
        "only {} bad files in tests/bad_inputs/, expected at least {MIN_BAD_FILES}",
        files.len()
    );
    for f in &files {
        assert!(
            f.with_extension("expect").is_file(),
            "{} has no .expect sidecar",
            f.display()
        );
    }
    for e in std::fs::read_dir(corpus()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "expect") {
            assert!(
                p.with_extension("ron").is_file(),
                "{} has no .ron file",
                p.display()
            );
        }
    }
}

#[test]
fn every_bad_input_is_refused_with_a_positioned_helpful_diagnostic() {
    let base = base();
    let files = bad_files();
    let mut failures = Vec::new();
    for f in &files {
        let problems = check_file(f, &base);
        if !problems.is_empty() {
            let name = f.file_name().unwrap().to_string_lossy();
            failures.push(format!("{name}:\n    {}", problems.join("\n    ")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} bad inputs did not get the expected diagnostic:\n\n{}\n",
        failures.len(),
        files.len(),
        failures.join("\n\n")
    );
}

/// `tradecraft check` on a few bad files: exit 1 and `FILE:LINE:COL:` on stderr; on the
/// valid base: exit 0.
#[test]
fn check_command_reports_positions_and_exit_codes() {
    let bin = env!("CARGO_BIN_EXE_tradecraft");
    let root = env!("CARGO_MANIFEST_DIR");
    for name in ["dangling_trade_from", "nan_gdp", "syntax_missing_comma"] {
        let rel = format!("tests/bad_inputs/{name}.ron");
        let expect = expectation(&corpus().join(format!("{name}.ron"))).unwrap();
        let out = Command::new(bin)
            .current_dir(root)
            .args(["check", &rel])
            .output()
            .expect("run tradecraft check");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(1),
            "check {rel}: exit code; stderr:\n{stderr}"
        );
        let want = format!("{rel}:{}:{}:", expect.line, expect.col);
        assert!(
            stderr.contains(&want),
            "check {rel}: stderr lacks {want:?}:\n{stderr}"
        );
        assert!(
            stderr.contains(&expect.text),
            "check {rel}: stderr lacks {:?}:\n{stderr}",
            expect.text
        );
    }
    let rel = format!("tests/bad_inputs/{BASE}");
    let out = Command::new(bin)
        .current_dir(root)
        .args(["check", &rel])
        .output()
        .expect("run tradecraft check");
    assert_eq!(
        out.status.code(),
        Some(0),
        "check {rel} should pass; stderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A good snapshot of `valid_base.ron` three months in, led by the USA.
fn good_snapshot() -> tradecraft::save::Snapshot {
    let mut sim = tradecraft::sim::Simulation::new(&base(), 1, Some("USA")).unwrap();
    sim.run(3);
    tradecraft::save::snapshot(sim.world_mut())
}

/// A save whose state does not fit its scenario (an edited or damaged file) is refused by
/// `restore` with a message, before it touches the world; it never gets to panic the model a
/// month later (`save/check.rs`). Each case damages one part of a good snapshot.
#[test]
fn a_save_that_does_not_fit_its_scenario_is_refused_with_a_message() {
    use tradecraft::save::{Snapshot, restore};
    type Damage = fn(&mut Snapshot);
    let cases: &[(&str, Damage, &str)] = &[
        (
            "industry host",
            |s| s.state.industries[0].host = 99,
            "names state 99",
        ),
        (
            "lobby sector",
            |s| s.state.lobbies[0].sectors.push(7),
            "names sector 7",
        ),
        (
            "measure target",
            |s| s.state.measures[0].target = Some(3),
            "names state 3",
        ),
        (
            "dispute party",
            |s| s.state.disputes[0].respondent = 4,
            "names state 4",
        ),
        (
            "framework member",
            |s| s.state.frameworks[0].members.push(9),
            "names state 9",
        ),
        (
            "acquisition",
            |s| s.state.acquisitions[0].reviewer = 5,
            "names state 5",
        ),
        (
            "player",
            |s| s.state.control.player = Some(3),
            "the player's side",
        ),
        (
            "trade table",
            |s| {
                s.state.trade.flow.pop();
            },
            "trade.flow has",
        ),
        ("trade size", |s| s.state.trade.k = 3, "trade table's size"),
        (
            "base tariff",
            |s| s.state.trade.base_tariff.push((999, 0.1)),
            "cell 999",
        ),
        (
            "trust",
            |s| s.state.relations.trust.truncate(2),
            "relations.trust has 2",
        ),
        (
            "trust0",
            |s| s.state.relations.trust0[1] = 5.3,
            "relations.trust0 holds 5.3",
        ),
        (
            "ceiling",
            |s| s.state.relations.ceiling[1] = f64::NAN,
            "relations.ceiling holds NaN",
        ),
        (
            "risk",
            |s| s.state.risk.risk0 = Some(vec![0.0]),
            "risk.risk0 has 1",
        ),
        (
            "bottlenecks",
            |s| {
                s.state.bottlenecks.stock.pop();
            },
            "bottlenecks.stock",
        ),
        (
            "timeline",
            |s| s.state.timeline_fired.clear(),
            "the timeline has 0",
        ),
        (
            "parameter",
            |s| s.state.params.elasticity = f64::NAN,
            "parameter elasticity",
        ),
        ("calendar", |s| s.state.clock.start_month = 13, "calendar"),
        (
            "month",
            |s| s.state.clock.month = u32::MAX,
            "far past the scenario's end",
        ),
        (
            "counter",
            |s| s.state.disputes[0].quiet_months = u32::MAX,
            "more than the game has run",
        ),
        ("serial", |s| s.state.serial.0 = u64::MAX, "serial numbers"),
        (
            "state order",
            |s| s.state.countries.swap(0, 1),
            "listed in place 0",
        ),
        (
            "measure value",
            |s| s.state.measures[0].kind = tradecraft::scenario::MeasureKind::Tariff(f64::NAN),
            "holds NaN",
        ),
        (
            "tariffs at -100% or below",
            |s| {
                let m = &mut s.state.measures[0];
                m.kind = tradecraft::scenario::MeasureKind::Tariff(-3.0);
            },
            "add up to a rate of -",
        ),
        (
            "offer",
            |s| {
                s.state.disputes[0].offer = Some((
                    0,
                    tradecraft::command::Offer {
                        purchases: -5.0,
                        ..Default::default()
                    },
                ))
            },
            "offer holds -5",
        ),
        (
            "history row",
            |s| {
                let columns = s.records.history.columns.len();
                s.records.history.rows[0].resize(columns + 1, 1.0);
            },
            "history row 0 has",
        ),
        (
            "history start",
            |s| s.records.history.first_month = 4_000_000_000,
            "its history starts at month 4000000000",
        ),
        (
            "history length",
            |s| {
                let row = s.records.history.rows[0].clone();
                s.records.history.rows.extend(std::iter::repeat_n(row, 10));
            },
            "history has",
        ),
    ];
    let good = good_snapshot();
    assert!(restore(&good).is_ok(), "the good snapshot must restore");
    let mut failures = Vec::new();
    for (name, damage, expect) in cases {
        let mut snap = good.clone();
        damage(&mut snap);
        let outcome = catch_unwind(AssertUnwindSafe(|| restore(&snap).map(|mut sim| sim.step())));
        match outcome {
            Err(_) => failures.push(format!("{name}: PANICKED")),
            Ok(Ok(())) => failures.push(format!("{name}: accepted")),
            Ok(Err(m)) if !m.contains(expect) => {
                failures.push(format!("{name}: message {m:?} lacks {expect:?}"))
            }
            Ok(Err(_)) => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The settings file's reader (built without the GUI): a broken file says where, a scale out
/// of range is brought into it.
#[test]
fn a_broken_settings_file_is_reported_with_its_position() {
    use tradecraft::save::settings::{SCALE_RANGE, Settings, parse};
    let e = parse("(ui_scale: 1.25,\n zoom: 2.0)", "settings.ron").unwrap_err();
    assert!(e.starts_with("settings.ron:2:"), "{e}");
    assert_eq!(parse("()", "s").unwrap(), Settings::default());
    let s = parse("(ui_scale: 1e30, player_name: \"3B\")", "s").unwrap();
    assert_eq!((s.ui_scale, s.player_name.as_str()), (*SCALE_RANGE.end(), "3B"));
}

/// Damaged saves in `tests/bad_inputs/saves/` (fuzz finds): each `NAME.ron` is read with
/// `save::load` and, if it reads, restored and run a month; it must be refused with a message
/// containing the first non-comment line of `NAME.expect`, never panic.
#[test]
fn every_damaged_save_is_refused_with_a_message() {
    let dir = corpus().join("saves");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/bad_inputs/saves/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    let mut failures = Vec::new();
    for f in &files {
        let name = f.file_name().unwrap().to_string_lossy();
        let expect = std::fs::read_to_string(f.with_extension("expect"))
            .unwrap_or_else(|e| panic!("{name}: no .expect sidecar: {e}"));
        let expect = expect
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#'))
            .unwrap_or_else(|| panic!("{name}.expect: no expectation line"));
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let snap = tradecraft::save::load(f).map_err(|d| d.to_string())?;
            let mut sim = tradecraft::save::restore(&snap)?;
            sim.step();
            Ok::<(), String>(())
        }));
        match outcome {
            Err(_) => failures.push(format!("{name}: PANICKED")),
            Ok(Ok(())) => failures.push(format!("{name}: accepted")),
            Ok(Err(m)) if !m.contains(expect) => {
                failures.push(format!("{name}: message {m:?} lacks {expect:?}"))
            }
            Ok(Err(_)) => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A scenario with more states² × sectors than the model can hold in a laptop's memory is
/// refused by the validator with the limit, before anything is built (a 2 MB file can list
/// 20,000 states, and the trade table grows with their square).
#[test]
fn a_scenario_too_large_for_the_model_is_refused() {
    use tradecraft::scenario::validate::{MAX_CELLS, scenario};
    let mut s = base();
    let template = s.states[0].clone();
    let k = s.sectors.len();
    let n = (MAX_CELLS / k).isqrt() + 1;
    for i in s.states.len()..n {
        let mut st = template.clone();
        st.id = format!("S{i}");
        st.name = format!("State {i}");
        s.states.push(st);
    }
    let problems = scenario(&s);
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("cells") && p.message.contains(&MAX_CELLS.to_string())),
        "{:?}",
        problems.iter().map(|p| &p.message).take(5).collect::<Vec<_>>()
    );
    // Within the limit, the size is no problem.
    s.states.truncate((MAX_CELLS / k).isqrt());
    assert!(!scenario(&s).iter().any(|p| p.message.contains("cells")));
}
