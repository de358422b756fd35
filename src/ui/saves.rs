//! Saving and loading from the game: quick save (F5) and load (F9), an autosave every month
//! (the last three kept, by the rule of `save::autosave`), each per game — scenario and side —
//! so a tutorial never overwrites a 2025 game; all in the platform's data folder
//! (`directories`; override with the TRADECRAFT_DATA environment variable). Files are written
//! atomically by `save::save`; a corrupt or newer file is refused with a message and the game
//! goes on untouched.

use std::path::PathBuf;

use bevy::prelude::*;
use bevy::tasks::{Task, futures::check_ready};

use crate::sim::Clock;

/// Where saved games go: `saves/` in the data folder.
pub fn save_dir() -> PathBuf {
    super::settings::data_dir().join("saves")
}

/// A line for the top bar: what the last save or load did.
#[derive(Resource, Debug, Clone, Default)]
pub struct Notice(pub String);

/// The debrief page last written for this game (the end screen links to it).
#[derive(Resource, Debug, Clone, Default)]
pub struct Exported(pub Option<PathBuf>);

/// Where debriefs go: `debriefs/` in the data folder.
pub fn debrief_dir() -> PathBuf {
    super::settings::data_dir().join("debriefs")
}

/// Write this run's debrief beside history's decisions (`debriefs/GAME.html`), as
/// `tradecraft debrief` would from its save, and say where it went.
pub fn export_debrief(world: &mut World) {
    let path = debrief_dir().join(format!("{}.html", game_name(world)));
    match write_debrief(world, &path) {
        Ok(()) => {
            world.resource_mut::<Notice>().0 =
                crate::tr!("game-debrief-written", path = path.display().to_string());
            world.insert_resource(Exported(Some(path)));
        }
        Err(e) => world.resource_mut::<Notice>().0 = crate::tr!("game-debrief-failed", error = e),
    }
}

pub fn write_debrief(world: &mut World, path: &std::path::Path) -> Result<(), String> {
    use crate::report::debrief::{Debrief, Run, history_file};
    let scenario = world.resource::<crate::sim::ScenarioDef>().0.clone();
    let side = world.get_resource::<super::PlayerSide>().map(|p| p.0.clone());
    let hash = crate::sim::state::state_hash(world);
    // The run is named by its save in English, in words in another language (the page is
    // written in the player's language: the game runs with it set).
    let label = match crate::i18n::lang() {
        crate::i18n::Lang::En => game_name(world),
        _ => crate::tr!("debrief-your-game"),
    };
    let run = Run::from_world(world, &label, hash);
    // A replay the player took over: the path it branched from stands beside it.
    let branched = world
        .get_resource::<super::replay::Replay>()
        .and_then(|r| r.original.clone());
    let history = history_file(&scenario);
    let runs = std::iter::once(run).chain(branched).collect();
    let debrief = Debrief::new(scenario, side.as_deref(), runs)?.with_history(history.as_deref())?;
    let page = crate::report::debrief_html::html(&debrief)?;
    std::fs::create_dir_all(debrief_dir()).map_err(|e| format!("{}: {e}", debrief_dir().display()))?;
    crate::save::write_atomic(path, &page).map_err(|e| format!("{}: {e}", path.display()))
}

/// The name this game's save files carry, fixed when the game starts or is loaded: a new
/// game of the scenario and side of an earlier one gets its own ("…-jpn-2") instead of
/// overwriting that game's autosaves and quick save.
#[derive(Resource, Debug, Clone, PartialEq)]
pub struct GameName(pub String);

/// The name of the game being played, for its save files: the one it was given (`GameName`),
/// else the player's name (from the settings), the scenario's title and the sides people lead,
/// in lower-case letters, digits and dashes ("team-a-the-2025-tariff-shock-jpn"; hotseat:
/// "…-jpn-usa", whoever's turn it is).
pub fn game_name(world: &World) -> String {
    match world.get_resource::<GameName>() {
        Some(n) => n.0.clone(),
        None => derived_name(world),
    }
}

/// `base`, or `base-2`, `base-3` … : the first name no save in `dir` carries yet.
pub fn free_name(dir: &std::path::Path, base: &str) -> String {
    let taken = |name: &str| {
        dir.join(format!("{name}-quick.ron")).exists()
            || (0..crate::save::autosave::KEEP)
                .any(|slot| crate::save::autosave::path(dir, name, slot).exists())
    };
    std::iter::once(base.to_string())
        .chain((2..1000).map(|n| format!("{base}-{n}")))
        .find(|n| !taken(n))
        .unwrap_or_else(|| base.to_string())
}

/// The game a save file belongs to, by its name: "x" for `x-quick.ron` and
/// `x-autosave-N.ron`, the file's own name for any other.
pub fn name_of_file(path: &std::path::Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let game = stem.strip_suffix("-quick").or_else(|| {
        let (game, slot) = stem.rsplit_once("-autosave-")?;
        slot.parse::<u32>().ok().map(|_| game)
    });
    Some(game.unwrap_or(stem).to_string()).filter(|g| !g.is_empty())
}

fn derived_name(world: &World) -> String {
    let title = world
        .get_resource::<crate::sim::ScenarioDef>()
        .map_or(String::new(), |d| d.0.meta.title.clone());
    let humans: Vec<String> = match (
        world.get_resource::<crate::sim::Control>(),
        world.get_resource::<crate::sim::Registry>(),
    ) {
        (Some(c), Some(r)) => c.human_ids(r),
        _ => Vec::new(),
    };
    let side = if humans.len() > 1 {
        humans.join(" ")
    } else {
        world
            .get_resource::<super::PlayerSide>()
            .map_or(String::new(), |p| p.0.clone())
    };
    let player = world
        .get_resource::<super::settings::Settings>()
        .map_or(String::new(), |s| s.player_name.clone());
    slug(&format!("{player} {title} {side}"))
}

/// Lower-case ASCII letters and digits, runs of anything else as one dash.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    // A name Windows keeps for devices (whatever follows the dot), or nothing left at all.
    let reserved = matches!(out, "con" | "prn" | "aux" | "nul")
        || (out.len() == 4
            && (out.starts_with("com") || out.starts_with("lpt"))
            && out.ends_with(|c: char| c.is_ascii_digit()));
    match out {
        "" => "game".to_string(),
        _ if reserved => format!("{out}-game"),
        _ => out.to_string(),
    }
}

/// This game's quick save.
pub fn quick_path(world: &World) -> PathBuf {
    save_dir().join(format!("{}-quick.ron", game_name(world)))
}

pub fn save_to(world: &mut World, path: &std::path::Path) -> Result<(), String> {
    std::fs::create_dir_all(save_dir()).map_err(|e| format!("{}: {e}", save_dir().display()))?;
    crate::save::save(world, path).map_err(|e| format!("{}: {e}", path.display()))
}

/// Load a save into the running game (the menu, F9 and the tests all come here); on any
/// problem the game is left as it was.
pub fn load_from(world: &mut World, path: &std::path::Path) -> Result<(), String> {
    let snap = crate::save::load(path).map_err(|d| d.to_string())?;
    crate::save::restore_into(world, &snap)?;
    // Saves go on under the game's own name (an old game's autosave keeps its rotation).
    let name = name_of_file(path).unwrap_or_else(|| derived_name(world));
    world.insert_resource(GameName(name));
    if let Some(p) = world.resource::<crate::sim::Control>().player {
        let id = world.resource::<crate::sim::Registry>().states[p].clone();
        world.insert_resource(super::PlayerSide(id));
    }
    Ok(())
}

/// Start a scenario afresh in the running game, leading `side`: the file is read and checked
/// first, then the old world's entities go and the new world is built.
pub fn new_game(
    world: &mut World,
    path: &std::path::Path,
    seed: u64,
    side: &str,
    also: &[String],
) -> Result<(), String> {
    let scenario = crate::scenario::load_scenario(path).map_err(|d| d.to_string())?;
    for s in std::iter::once(side).chain(also.iter().map(String::as_str)) {
        if !scenario.meta.sides.iter().any(|x| x == s) {
            return Err(crate::tr!("game-not-a-side", side = s));
        }
    }
    let sides: Vec<String> = std::iter::once(side.to_string())
        .chain(also.iter().cloned())
        .collect();
    crate::sim::setup::rebuild(world, &scenario, seed, &sides)?;
    world.insert_resource(super::PlayerSide(side.to_string()));
    let name = free_name(&save_dir(), &derived_name(world));
    world.insert_resource(GameName(name));
    Ok(())
}

/// The window's autosaves: the last month saved, the one being written on a background task,
/// and the newest month's waiting for it.
#[derive(Default)]
pub struct Autosaving {
    last: Option<u32>,
    writing: Option<Task<std::io::Result<PathBuf>>>,
    waiting: Option<(crate::save::Snapshot, String)>,
}

impl Autosaving {
    /// Nothing being written and nothing waiting.
    pub fn idle(&self) -> bool {
        self.writing.is_none() && self.waiting.is_none()
    }

    /// `month` has run and is not saved yet.
    fn due(&self, month: u32) -> bool {
        month != 0 && self.last != Some(month)
    }
}

/// An autosave after each month that has run. The snapshot is taken on the frame (the world
/// as the month left it); its text and the write (two fsyncs) go to the IO task pool, one at a
/// time: a month that comes while one is written waits, and a newer month takes its place, so
/// at three months a second on a slow disk the newest month is saved, never a queue of them.
pub fn autosave(world: &mut World, mut saving: Local<Autosaving>) {
    // Most frames: no month has run and nothing is being written.
    if saving.idle() && !saving.due(world.resource::<Clock>().month) {
        return;
    }
    autosave_to(world, &save_dir(), &mut saving);
}

/// `autosave` into `dir` (tests give a folder of their own).
pub fn autosave_to(world: &mut World, dir: &std::path::Path, saving: &mut Autosaving) {
    let month = world.resource::<Clock>().month;
    if saving.due(month) {
        saving.last = Some(month);
        saving.waiting = Some((crate::save::snapshot(world), game_name(world)));
    }
    if let Some(task) = saving.writing.as_mut()
        && let Some(written) = check_ready(task)
    {
        saving.writing = None;
        if let Err(e) = written {
            world.resource_mut::<Notice>().0 = crate::tr!(
                "game-autosave-failed",
                dir = dir.display().to_string(),
                error = e.to_string()
            );
        }
    }
    if saving.writing.is_none()
        && let Some((snap, game)) = saving.waiting.take()
    {
        // The rotation and its safety are the save module's (`save::autosave`).
        let dir = dir.to_path_buf();
        let task = bevy::tasks::IoTaskPool::get()
            .spawn(async move { crate::save::autosave::write_snapshot(&snap, &dir, &game) });
        saving.writing = Some(task);
    }
}

pub fn quick_save(world: &mut World) {
    let path = quick_path(world);
    let msg = match save_to(world, &path) {
        Ok(()) => crate::tr!("game-saved-to", path = path.display().to_string()),
        Err(e) => crate::tr!("game-save-failed", error = e),
    };
    world.resource_mut::<Notice>().0 = msg;
}

/// Load the quick save through the same path as the menu: checked first, the world replaced
/// only when the file is sound, the map rebuilt for its scenario.
pub fn quick_load(world: &mut World) {
    let path = quick_path(world);
    world.insert_resource(super::StartRequest {
        path: path.clone(),
        side: String::new(),
        also: Vec::new(),
        seed: 0,
        save: Some(path),
        replay: None,
    });
}

/// A file's address for the browser (`file:///C:/…` on Windows, `file:///home/…` elsewhere).
pub fn file_url(p: &std::path::Path) -> String {
    let abs = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let text = abs.display().to_string().replace('\\', "/").replace(' ', "%20");
    if text.starts_with('/') {
        format!("file://{text}")
    } else {
        format!("file:///{text}")
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    /// A new game beside an earlier one of the same name gets the next free name; a save's
    /// file says which game it belongs to.
    #[test]
    fn a_new_game_never_takes_an_earlier_games_save_files() {
        use super::{free_name, name_of_file};
        let dir = std::env::temp_dir().join(format!("tradecraft-names-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        assert_eq!(free_name(&dir, "ann-2025-jpn"), "ann-2025-jpn");
        std::fs::write(dir.join("ann-2025-jpn-autosave-2.ron"), "").unwrap();
        assert_eq!(free_name(&dir, "ann-2025-jpn"), "ann-2025-jpn-2");
        std::fs::write(dir.join("ann-2025-jpn-2-quick.ron"), "").unwrap();
        assert_eq!(free_name(&dir, "ann-2025-jpn"), "ann-2025-jpn-3");
        let _ = std::fs::remove_dir_all(&dir);
        let name = |f: &str| name_of_file(std::path::Path::new(f));
        assert_eq!(
            name("/s/ann-2025-jpn-2-autosave-1.ron").as_deref(),
            Some("ann-2025-jpn-2")
        );
        assert_eq!(name("/s/ann-2025-jpn-quick.ron").as_deref(), Some("ann-2025-jpn"));
        assert_eq!(name("/s/mine.ron").as_deref(), Some("mine"));
    }

    /// A game's file name is never empty nor a name Windows keeps for a device.
    #[test]
    fn slugs_are_file_names_on_every_os() {
        assert_eq!(slug("Ann 2025 Tariff Shock JPN"), "ann-2025-tariff-shock-jpn");
        assert_eq!(slug("日本"), "game");
        assert_eq!(slug("../.."), "game");
        assert_eq!(slug("CON"), "con-game");
        assert_eq!(slug("com1"), "com1-game");
        assert_eq!(slug("console"), "console");
    }
}
