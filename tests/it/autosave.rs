//! Autosave rotation (`save::autosave`): the last three months are kept per game, and a write
//! that fails (a full disk) or stops half way (a crash) never leaves fewer good saves than
//! there were: never zero once one was written.

use std::path::{Path, PathBuf};

use crate::common;

use tradecraft::save::{self, autosave};
use tradecraft::sim::Simulation;

fn game() -> Simulation {
    Simulation::new(&common::mini(), 3, Some("JPN")).unwrap()
}

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("tradecraft-autosave-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// Every file in `dir`, by name, with its bytes.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| {
                    let p = e.path();
                    let name = p.file_name().unwrap().to_string_lossy().into_owned();
                    (name, std::fs::read(&p).unwrap())
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// A save loads, restores, and is the game as it was at `month`, with `hash`.
fn restores_to(path: &Path, month: u32, hash: u64) {
    let snap = save::load(path).unwrap_or_else(|e| panic!("{e}"));
    let mut sim = save::restore(&snap).unwrap();
    assert_eq!(sim.month(), month, "{}", path.display());
    assert_eq!(sim.state_hash(), hash, "{}", path.display());
}

#[test]
fn autosaves_keep_the_last_three_months() {
    let dir = dir("keep");
    let mut sim = game();
    let mut hashes = vec![sim.state_hash()];
    for m in 1..=7 {
        sim.step();
        hashes.push(sim.state_hash());
        let written = autosave::write(sim.world_mut(), &dir, "g").unwrap();
        assert_eq!(written, autosave::path(&dir, "g", m));
    }
    let names: Vec<String> = files(&dir).into_iter().map(|f| f.0).collect();
    assert_eq!(
        names,
        ["g-autosave-0.ron", "g-autosave-1.ron", "g-autosave-2.ron"],
        "three files, no temporary left"
    );
    let good = autosave::good(&dir, "g");
    assert_eq!(good.iter().map(|g| g.1).collect::<Vec<_>>(), [7, 6, 5]);
    for (p, m) in &good {
        restores_to(p, *m, hashes[*m as usize]);
    }
    // Another game's autosaves are its own.
    autosave::write(game().world_mut(), &dir, "h").unwrap();
    assert_eq!(autosave::good(&dir, "h").len(), 1);
    assert_eq!(autosave::good(&dir, "g").len(), 3);
    let _ = std::fs::remove_dir_all(&dir);
}

/// How a write goes wrong after `share` of the bytes.
#[derive(Debug, Clone, Copy)]
enum Failure {
    /// The disk fills: the write returns an error.
    DiskFull(f64),
    /// The process dies: nothing after the write runs (a panic, caught below; its message goes
    /// to the test's captured output).
    Crash(f64),
}

fn write_failing(sim: &mut Simulation, dir: &Path, how: Failure) {
    let share = match how {
        Failure::DiskFull(s) | Failure::Crash(s) => s,
    };
    let mut step = |f: &mut std::fs::File, bytes: &[u8]| -> std::io::Result<()> {
        use std::io::Write;
        f.write_all(&bytes[..(bytes.len() as f64 * share) as usize])?;
        match how {
            Failure::DiskFull(_) => Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "no space left on device",
            )),
            Failure::Crash(_) => panic!("the process dies here"),
        }
    };
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        autosave::write_via(sim.world_mut(), dir, "g", &mut step)
    }));
    match (how, result) {
        (Failure::DiskFull(_), Ok(Err(e))) => assert_eq!(e.kind(), std::io::ErrorKind::StorageFull),
        (Failure::Crash(_), Err(_)) => {}
        (how, r) => panic!("{how:?} gave {:?}", r.map(|r| r.map_err(|e| e.to_string()))),
    }
}

/// Every month of a game, a write fails before the real autosave: the disk full or a crash,
/// at the start, half way, at the last byte. After each failure the good autosaves are the
/// ones there were, byte for byte (so never none once one was written), the newest restores
/// to its month and hash, and a crash's temporary file is overwritten by the next autosave.
#[test]
fn a_crash_or_a_full_disk_mid_autosave_never_costs_a_good_save() {
    let dir = dir("crash");
    let mut sim = game();
    let mut hashes = vec![sim.state_hash()];
    let failures = [
        Failure::Crash(0.5),
        Failure::DiskFull(0.0),
        Failure::Crash(1.0),
        Failure::DiskFull(0.5),
        Failure::Crash(0.0),
        Failure::DiskFull(1.0),
    ];
    for m in 1..=9u32 {
        sim.step();
        hashes.push(sim.state_hash());
        let how = failures[m as usize % failures.len()];
        let before: Vec<_> = files(&dir)
            .into_iter()
            .filter(|f| !f.0.ends_with(".tmp"))
            .collect();
        let good_before = autosave::good(&dir, "g");
        write_failing(&mut sim, &dir, how);
        let after = files(&dir);
        let kept: Vec<_> = after.iter().filter(|f| !f.0.ends_with(".tmp")).cloned().collect();
        assert_eq!(kept, before, "month {m}, {how:?}: a save changed");
        let tmp = after.iter().any(|f| f.0.ends_with(".tmp"));
        assert_eq!(
            tmp,
            matches!(how, Failure::Crash(_)),
            "month {m}, {how:?}: temporary"
        );
        let good = autosave::good(&dir, "g");
        assert_eq!(good, good_before, "month {m}, {how:?}");
        assert_eq!(good.len(), (m - 1).min(autosave::KEEP) as usize, "month {m}");
        if let Some((p, newest)) = good.first() {
            assert_eq!(*newest, m - 1);
            restores_to(p, m - 1, hashes[m as usize - 1]);
        }
        // The next autosave goes through, over the crash's leftovers.
        autosave::write(sim.world_mut(), &dir, "g").unwrap();
        assert!(!files(&dir).iter().any(|f| f.0.ends_with(".tmp")));
        assert_eq!(autosave::good(&dir, "g")[0].1, m);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
