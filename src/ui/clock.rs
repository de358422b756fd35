//! The game's clock: stepping and playing months at the chosen speed, pausing at the end, and
//! asking for frames only while something is under way (the app otherwise sleeps).

use super::*;

/// Ask for the next frame while something is under way: the game plays, a step or the user's
/// actions wait for the next frame, a game is starting or the screen is changing. Otherwise the
/// app sleeps until input arrives (or egui asks to repaint).
pub(super) fn keep_awake(
    pace: Res<Pace>,
    actions: Res<UiActions>,
    start: Option<Res<StartRequest>>,
    next: Res<NextState<Screen>>,
    time: Res<Time>,
    mut warm: Local<f32>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    let pending = matches!(*next, NextState::Pending(_) | NextState::PendingIfNeq(_));
    // After a start or a change of screen, keep drawing for a few seconds: the map's render
    // pipelines compile in the background, and a reactive app that stopped drawing before they
    // were ready showed an empty sea until the next input (seen with the debug build).
    if start.is_some() || pending {
        *warm = 3.0;
    }
    *warm = (*warm - time.delta_secs()).max(0.0);
    if !pace.paused
        || pace.step_requested
        || !actions.0.is_empty()
        || start.is_some()
        || pending
        || *warm > 0.0
    {
        redraw.write(bevy::window::RequestRedraw);
    }
}

/// Seconds between months at each speed.
pub(super) fn interval(speed: u8) -> f32 {
    match speed {
        1 => 2.0,
        2 => 0.8,
        _ => 0.25,
    }
}

pub(super) fn advance(world: &mut World) {
    // A class game's months are the host's (`class::team_network` runs them).
    if world.contains_resource::<TeamNet>() {
        world.resource_mut::<Pace>().step_requested = false;
        return;
    }
    let dt = world.resource::<Time>().delta_secs();
    let smoke = world.get_resource::<Smoke>().map(|s| s.months);
    let due = {
        let mut pace = world.resource_mut::<Pace>();
        pace.since_step += dt;
        let timed = !pace.paused && pace.since_step >= interval(pace.speed);
        let due = pace.step_requested || timed;
        if due {
            pace.step_requested = false;
            pace.since_step = 0.0;
        }
        due
    };
    let clock = world.resource::<crate::sim::Clock>().clone();
    let smoke_due = smoke.is_some_and(|m| clock.month < m.min(clock.length));
    // The game pauses when the scenario's months are over (the end screen shows).
    if clock.finished() && !world.resource::<Pace>().paused && !world.resource::<Pace>().step_requested {
        world.resource_mut::<Pace>().paused = true;
        return;
    }
    if due || smoke_due {
        world.run_schedule(crate::sim::Month);
    }
}
