//! The *Forecast* button: what the player's side knows is taken on the frame (a snapshot, about
//! 0.2 ms), the 2 × 32 runs go to bevy's async compute pool (`report::forecast`, ~0.1 s on two
//! cores), and the window shows the figures when the task is done. The frame never waits: the
//! task wakes the window when it finishes, and the game's world is never touched.

use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, futures::check_ready};

use super::state::{ForecastShown, Overlays, PlayerSide};
use crate::command::Command;
use crate::report::forecast::{Forecast, Question, forecast, known};

/// The forecast running in the background, if any.
#[derive(Resource, Default)]
pub struct Forecasting(pub Option<Task<Result<Forecast, String>>>);

/// Ask for a forecast of `order` by the player's side: the window opens at once, saying it is
/// running; a forecast already running is dropped.
pub fn start(world: &mut World, order: Command) {
    let side = world.resource::<PlayerSide>().0.clone();
    let names = crate::sim::lookup::all_names(world);
    let name = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_string());
    let question = Question::new(&side, order);
    let clock = world.resource::<crate::sim::Clock>().clone();
    let partner = question
        .order
        .dispute()
        .and_then(|d| {
            let mut q = world.query::<&crate::sim::Dispute>();
            let reg = world.resource::<crate::sim::Registry>();
            q.iter(world).find(|x| x.id == d).map(|x| {
                let other = if reg.states[x.complainant] == side {
                    x.respondent
                } else {
                    x.complainant
                };
                reg.states[other].clone()
            })
        })
        .or_else(|| question.order.target_and_sector().map(|(t, _)| t.to_string()));
    let mut shown = ForecastShown {
        label: question.order.label_with(&name),
        side_name: name(&side),
        partner_name: partner.map(|p| name(&p)),
        dates: (0..=question.months)
            .map(|m| clock.date_of(clock.month + m))
            .collect(),
        result: None,
    };
    match known(world, &side) {
        Ok(snap) => {
            let wake = super::class::window_waker(world);
            let task = AsyncComputeTaskPool::get().spawn(async move {
                let result = workers().install(|| forecast(&snap, &question));
                if let Some(wake) = wake {
                    wake();
                }
                result
            });
            world.insert_resource(Forecasting(Some(task)));
        }
        Err(e) => shown.result = Some(Err(e)),
    }
    world.resource_mut::<Overlays>().forecast = Some(shown);
}

/// The forecast's threads: one core fewer than the machine has (at least one), so the frame
/// keeps a core to draw on while the runs go on.
fn workers() -> &'static rayon::ThreadPool {
    static POOL: std::sync::OnceLock<rayon::ThreadPool> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        rayon::ThreadPoolBuilder::new()
            .num_threads(cores.saturating_sub(1).max(1))
            .thread_name(|i| format!("forecast-{i}"))
            .build()
            .or_else(|_| rayon::ThreadPoolBuilder::new().num_threads(1).build())
            .expect("a thread for the forecast")
    })
}

/// Close the window; a forecast still running is dropped.
pub fn close(world: &mut World) {
    world.resource_mut::<Overlays>().forecast = None;
    world.insert_resource(Forecasting(None));
}

/// Every frame: when the task is done, its figures go to the window (and the window redraws).
pub fn collect(world: &mut World) {
    let Some(mut running) = world.get_resource_mut::<Forecasting>() else {
        return;
    };
    let Some(task) = running.0.as_mut() else {
        return;
    };
    let Some(result) = check_ready(task) else {
        return;
    };
    running.0 = None;
    if let Some(shown) = world.resource_mut::<Overlays>().forecast.as_mut() {
        shown.result = Some(result);
    }
    world.write_message(bevy::window::RequestRedraw);
}

/// Whether a forecast is still running (the smoke runs and the tests wait for it).
pub fn running(world: &World) -> bool {
    world.get_resource::<Forecasting>().is_some_and(|f| f.0.is_some())
}
