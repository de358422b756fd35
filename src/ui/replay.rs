//! Replays: a commands file (history's decisions, a class game's `class.commands.ron`, a
//! policy) played month by month in the game window, the player's side following the file
//! until *Take over from here*; from then on its entries in the file are dropped (the other
//! states' stay), as `tradecraft sim --branch-at` does, and the path the replay would have
//! taken is kept beside this run for the end screen and the debrief.

use bevy::prelude::*;

use crate::report::debrief::Run;
use crate::sim::{Clock, Control, Registry, ScenarioDef, Script, Seed, Simulation};

/// The replay being played, if the game is one.
#[derive(Resource, Debug, Clone)]
pub struct Replay {
    /// The file, as the screen names it.
    pub file: String,
    /// Its commands, whole.
    pub script: Vec<crate::command::ScheduledCommand>,
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
    world.insert_resource(Script(script.clone()));
    world.insert_resource(Replay {
        file: path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("replay")
            .to_string(),
        script,
        taken: None,
        original: None,
    });
    Ok(())
}

/// *Take over from here*: from this month the player's side goes its own way. Its entries in
/// the file from now on are dropped; the file's whole path is run to the scenario's end (a
/// world of its own, a few milliseconds) to stand beside this run.
pub fn take_over(world: &mut World, side: &str) {
    let Some(mut replay) = world.remove_resource::<Replay>() else {
        return;
    };
    if replay.taken.is_some() {
        world.insert_resource(replay);
        return;
    }
    let month = world.resource::<Clock>().month;
    world
        .resource_mut::<Script>()
        .0
        .retain(|c| c.month < month || c.by != side);
    replay.original = original(world, &replay).ok();
    replay.taken = Some(month);
    let date = world.resource::<Clock>().date_of(month);
    world.resource_mut::<super::saves::Notice>().0 = format!(
        "you lead {side} from {date}: the replay's orders for {side} from here on are dropped, the others' stay"
    );
    world.insert_resource(replay);
}

/// The replay's own run to the scenario's end: same scenario, seed and sides, the whole file.
fn original(world: &mut World, replay: &Replay) -> Result<Run, String> {
    let scenario = world.resource::<ScenarioDef>().0.clone();
    let seed = world.resource::<Seed>().0;
    let sides = world
        .resource::<Control>()
        .human_ids(world.resource::<Registry>());
    let mut sim = Simulation::with_sides(&scenario, seed, &sides)?;
    sim.set_script(replay.script.clone());
    sim.run(scenario.meta.months.max(0) as u32);
    let hash = sim.state_hash();
    Ok(Run::from_world(
        sim.world_mut(),
        &format!("the replay ({})", replay.file),
        hash,
    ))
}
