//! Replays: a commands file (history's decisions, a class game's `class.commands.ron`, a
//! policy) played month by month in the game window, the player's side following the file
//! until *Take over from here*; from then on its entries in the file are dropped (the other
//! states' stay), as `tradecraft sim --branch-at` does, and the path the replay would have
//! taken is kept beside this run for the end screen and the debrief.

use bevy::prelude::*;

use crate::report::debrief::Run;
use crate::sim::{Clock, Control, Registry, ScenarioDef, Script};

/// The replay being played, if the game is one.
#[derive(Resource, Debug, Clone)]
pub struct Replay {
    /// The file (or the save a replay was resumed from), as the screen names it.
    pub file: String,
    /// The month the player took over (None: still following the file).
    pub taken: Option<u32>,
    /// The file's own path to the scenario's end, kept when the player took over.
    pub original: Option<Run>,
}

/// Start following `path` in a world `new_game` has just built (the player's side led by
/// people): the file's commands become the script.
pub fn follow(world: &mut World, path: &std::path::Path) -> Result<(), String> {
    let scenario = world.resource::<ScenarioDef>().0.clone();
    let script = crate::scenario::load_commands(path, Some(&scenario)).map_err(|d| d.to_string())?;
    world.insert_resource(Script(script));
    world.insert_resource(Replay {
        file: path
            .file_name()
            .and_then(|n| n.to_str())
            .map_or_else(|| crate::tr!("game-replay-unnamed"), str::to_string),
        taken: None,
        original: None,
    });
    Ok(())
}

/// A saved game loaded: if the file it came from still leads a side people lead (a replay
/// saved before the take-over), it is a replay again, named after the save.
pub fn resume(world: &mut World, save: &std::path::Path) {
    let sides = world
        .resource::<Control>()
        .human_ids(world.resource::<Registry>());
    let led = world.resource::<Script>().0.iter().any(|c| sides.contains(&c.by));
    if led {
        world.insert_resource(Replay {
            file: save
                .file_name()
                .and_then(|n| n.to_str())
                .map_or_else(|| crate::tr!("game-replay-saved"), str::to_string),
            taken: None,
            original: None,
        });
    }
}

/// *Take over from here*: from this month the player's side goes its own way. Its entries in
/// the file from now on are dropped; the file's own path from here is run to the scenario's
/// end (a world of its own, a few milliseconds) to stand beside this run. Returns what to tell
/// the player.
pub fn take_over(world: &mut World, side: &str) -> Option<String> {
    let mut replay = world.remove_resource::<Replay>()?;
    if replay.taken.is_some() {
        world.insert_resource(replay);
        return None;
    }
    let month = world.resource::<Clock>().month;
    replay.original = original(world, &replay.file).ok();
    world
        .resource_mut::<Script>()
        .0
        .retain(|c| c.month < month || c.by != side);
    replay.taken = Some(month);
    let date = world.resource::<Clock>().date_of(month);
    let date = crate::i18n::format::month_label(crate::i18n::lang(), &date);
    world.insert_resource(replay);
    // The side by its id in English, by its name in another language (`View::side_label`).
    let reg = world.resource::<crate::sim::Registry>();
    let side = match (crate::i18n::lang(), reg.state(side)) {
        (crate::i18n::Lang::En, _) | (_, None) => side.to_string(),
        (_, Some(i)) => crate::i18n::local(&reg.state_names[i]),
    };
    Some(crate::tr!("game-replay-taken", side = side, date = date))
}

/// The replay's own run from now to the scenario's end: this world as it stands (records
/// and all), its script whole.
fn original(world: &mut World, file: &str) -> Result<Run, String> {
    let snap = crate::save::snapshot(world);
    let mut sim = crate::save::restore_taken(&snap)?;
    let left = snap.scenario.meta.months.max(0) as u32;
    sim.run(left.saturating_sub(snap.state.clock.month));
    let hash = sim.state_hash();
    Ok(Run::from_world(
        sim.world_mut(),
        &crate::tr!("game-replay-run", file = file),
        hash,
    ))
}
