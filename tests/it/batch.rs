//! `tradecraft batch`: the same runs.csv whatever the thread count; slices merged equal the
//! whole sweep; a missing or doubled slice, bad seeds and a bad shard are refused with a
//! message.

use std::path::Path;
use std::process::Output;

use crate::common::{ok, tradecraft};

const LEVEL: &str = "levels/2025_tariff_shock.ron";

fn scratch(name: &str) -> std::path::PathBuf {
    crate::common::scratch("batch", name)
}

fn batch(args: &[&str]) -> Output {
    tradecraft(&[&["batch"], args].concat())
}

/// Two policies for Japan: history's, and a tit-for-tat tariff on U.S. farm goods.
fn policies(dir: &Path) -> [String; 2] {
    let hawk = dir.join("hawk.ron");
    std::fs::write(
        &hawk,
        r#"[(month: 2, by: "JPN", command: SetTariff(target: "USA", sector: "agriculture", rate: 0.5)),
            (month: 3, by: "JPN", command: Statement(dispute: "auto_tariffs", tone: Hostile))]"#,
    )
    .unwrap();
    [
        "levels/2025_tariff_shock.history.ron".to_string(),
        hawk.display().to_string(),
    ]
}

fn sweep(dir: &Path, out: &str, extra: &[&str]) -> String {
    let [history, hawk] = policies(dir);
    let out = dir.join(out).display().to_string();
    let mut args = vec![
        LEVEL,
        "--seeds",
        "1..9",
        "--months",
        "12",
        "--side",
        "JPN",
        "--commands",
        &history,
        "--commands",
        &hawk,
        "--out",
        &out,
    ];
    args.extend_from_slice(extra);
    ok(batch(&args))
}

#[test]
fn one_thread_or_two_give_the_same_runs_and_the_summary_compares_policies() {
    let dir = scratch("jobs");
    let printed = sweep(&dir, "one", &["--jobs", "1"]);
    sweep(&dir, "two", &["--jobs", "2"]);
    let one = std::fs::read_to_string(dir.join("one/runs.csv")).unwrap();
    let two = std::fs::read_to_string(dir.join("two/runs.csv")).unwrap();
    assert_eq!(one, two);
    // 2 policies × 9 seeds, sorted by policy then seed.
    let rows: Vec<&str> = one.lines().filter(|l| !l.starts_with('#')).skip(1).collect();
    assert_eq!(rows.len(), 18);
    assert!(rows[0].starts_with("2025_tariff_shock.history,1,"));
    assert!(rows[9].starts_with("hawk,1,"));
    assert!(printed.contains("policy hawk: 9 runs"), "{printed}");
    assert!(printed.contains("JPN score: median"), "{printed}");
    assert!(printed.contains("farm_access: public in"), "{printed}");
    // The policies differ where they should: the hawk's agriculture tariff is in every run.
    let header: Vec<&str> = one
        .lines()
        .find(|l| l.starts_with("policy,"))
        .unwrap()
        .split(',')
        .collect();
    let score = header.iter().position(|h| *h == "JPN:score").unwrap();
    let mean = |p: &str| {
        let v: Vec<f64> = rows
            .iter()
            .filter(|r| r.starts_with(&format!("{p},")))
            .map(|r| r.split(',').nth(score).unwrap().parse::<f64>().unwrap())
            .collect();
        v.iter().sum::<f64>() / v.len() as f64
    };
    assert_ne!(mean("hawk"), mean("2025_tariff_shock.history"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn slices_merged_equal_the_whole_sweep_and_a_missing_slice_is_named() {
    let dir = scratch("shards");
    sweep(&dir, "whole", &[]);
    for i in 1..=3 {
        sweep(&dir, &format!("s{i}"), &["--shard", &format!("{i}/3")]);
    }
    let d = |x: &str| dir.join(x).display().to_string();
    let printed = ok(batch(&[
        "--merge",
        &d("s2"),
        &d("s1"),
        &d("s3"),
        "--out",
        &d("merged"),
    ]));
    assert!(printed.contains("18 runs"), "{printed}");
    assert_eq!(
        std::fs::read_to_string(dir.join("merged/runs.csv")).unwrap(),
        std::fs::read_to_string(dir.join("whole/runs.csv")).unwrap()
    );
    // A slice left out, or merged twice: refused, and it says what.
    let o = batch(&["--merge", &d("s1"), &d("s2"), "--out", &d("bad")]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("runs missing"));
    let o = batch(&[
        "--merge",
        &d("s1"),
        &d("s2"),
        &d("s3"),
        &d("s3"),
        "--out",
        &d("bad"),
    ]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("in two slices"));
    assert!(!dir.join("bad").exists(), "nothing is written from a bad merge");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn bad_seeds_and_shards_are_refused_with_what_to_write() {
    let o = batch(&[LEVEL, "--seeds", "9..2"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("the first seed is after the last"));
    let o = batch(&[LEVEL, "--seeds", "one"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("write a range such as 1..1000"));
    let o = batch(&[LEVEL, "--shard", "4/3"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("write I/N"));
    let o = batch(&[LEVEL, "--side", "ATL"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a state"));
    // Every seed there is: too many runs, said as such (not an overflow).
    let o = batch(&[LEVEL, "--seeds", "0..18446744073709551615"]);
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("runs in one invocation"), "{e}");
}

#[test]
fn a_sweep_too_big_for_one_run_or_a_file_that_is_not_runs_csv_is_refused() {
    let o = batch(&[LEVEL, "--seeds", "1..9999999"]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("split the sweep with --shard"));
    let dir = scratch("notruns");
    std::fs::create_dir_all(dir.join("x")).unwrap();
    std::fs::write(
        dir.join("x/runs.csv"),
        "# seeds: 1\n# policies: none\npolicy\nnone\n",
    )
    .unwrap();
    let o = batch(&[
        "--merge",
        dir.join("x").to_str().unwrap(),
        "--out",
        dir.join("y").to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a runs.csv"));
    let _ = std::fs::remove_dir_all(&dir);
}
