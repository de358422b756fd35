//! Tutorial prompts (scenario `meta.tutorial`): the first step whose goal does not hold yet is
//! the one the game shows. Goals are read from the world (clock, command log, disputes), so the
//! prompt follows a loaded game or a replay with no state of its own.

use bevy_ecs::prelude::*;

use crate::scenario::StepGoal;
use crate::sim::ScenarioDef;
use crate::sim::*;

/// The prompt to show `side` now: (step number from 1, steps for this side, text); None when
/// the scenario has no tutorial or every step is done.
pub fn current_step(world: &mut World, side: &str) -> Option<(usize, usize, String)> {
    let def = world.get_resource::<ScenarioDef>()?;
    let steps: Vec<_> = def
        .0
        .meta
        .tutorial
        .iter()
        .filter(|s| s.side.as_deref().is_none_or(|x| x == side))
        .cloned()
        .collect();
    if steps.is_empty() {
        return None;
    }
    let month = world.resource::<Clock>().month;
    let issued: Vec<&'static str> = world
        .resource::<CommandLog>()
        .0
        .iter()
        .filter(|e| matches!(e.issued.origin, Origin::Player | Origin::Script))
        .filter(|e| e.rejected.is_none() && e.issued.by == side)
        .map(|e| e.issued.command.name())
        .collect();
    let settled: Vec<String> = {
        let mut q = world.query::<&Dispute>();
        q.iter(world)
            .filter(|d| !d.is_open())
            .map(|d| d.id.clone())
            .collect()
    };
    let done = |g: &StepGoal| match g {
        StepGoal::Month(n) => month >= *n,
        StepGoal::Issued(name) => issued.iter().any(|i| i == name),
        StepGoal::Settled(d) => settled.contains(d),
    };
    let n = steps.len();
    steps
        .iter()
        .position(|s| !done(&s.until))
        .map(|i| (i + 1, n, steps[i].text.clone()))
}
