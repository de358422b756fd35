//! Autosaves: a save after every month, of which the last `KEEP` are kept per game, and a
//! crash or a full disk never costs one.
//!
//! The rule: the month `m` goes to slot `m % KEEP` (`{game}-autosave-{slot}.ron`), which
//! holds the oldest of the kept months. The new save is written whole to a temporary file
//! beside it, flushed to the disk, and only then renamed over that slot (`write_atomic`). So
//! until the rename the old file is there as it was, and after it the new one is; a write
//! that fails or stops half way loses nothing, and leaves at worst a `.tmp` file (named with
//! the process id, so two windows on one folder never share one) that the next autosave of the
//! same process overwrites (the menu lists `.ron` files only). The GUI (`ui/saves.rs`) only
//! names the game and the folder.

use std::io;
use std::path::{Path, PathBuf};

use bevy_ecs::prelude::*;

use super::WriteStep;

/// Autosaves kept per game.
pub const KEEP: u32 = 3;

/// The file that takes the autosave of `month`: slot `month % KEEP`.
pub fn path(dir: &Path, game: &str, month: u32) -> PathBuf {
    dir.join(format!("{game}-autosave-{}.ron", month % KEEP))
}

/// Autosave the month that has just run (the world's `Clock::month`) into `dir`, which is
/// created if need be. Returns the file written.
pub fn write(world: &mut World, dir: &Path, game: &str) -> io::Result<PathBuf> {
    write_via(world, dir, game, &mut |f, bytes| {
        use std::io::Write;
        f.write_all(bytes)
    })
}

/// `write` with the step that puts the bytes into the temporary file given: the tests pass
/// one that fails (a full disk) or stops half way (a crash).
pub fn write_via(world: &mut World, dir: &Path, game: &str, step: WriteStep) -> io::Result<PathBuf> {
    write_snapshot_via(&super::snapshot(world), dir, game, step)
}

/// `write` of a snapshot taken before (the window takes it on the frame and writes it on a
/// background task): its month's slot.
pub fn write_snapshot(snap: &super::Snapshot, dir: &Path, game: &str) -> io::Result<PathBuf> {
    write_snapshot_via(snap, dir, game, &mut |f, bytes| {
        use std::io::Write;
        f.write_all(bytes)
    })
}

fn write_snapshot_via(
    snap: &super::Snapshot,
    dir: &Path,
    game: &str,
    step: WriteStep,
) -> io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = path(dir, game, snap.state.clock.month);
    let text = super::text_of(snap)?;
    super::write_atomic_via(&path, &text, step)?;
    Ok(path)
}

/// The game's autosaves that load, with their months, newest first.
pub fn good(dir: &Path, game: &str) -> Vec<(PathBuf, u32)> {
    let mut found: Vec<(PathBuf, u32)> = (0..KEEP)
        .map(|slot| path(dir, game, slot))
        .filter_map(|p| {
            let snap = super::load(&p).ok()?;
            Some((p, snap.state.clock.month))
        })
        .collect();
    found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    found
}
