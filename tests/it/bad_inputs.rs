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
