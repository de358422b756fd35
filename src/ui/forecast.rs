//! The *Forecast* button: what the player's side knows is taken on the frame (a snapshot, about
//! 0.2 ms), the 2 × 32 runs go to bevy's async compute pool (`report::forecast`, ~0.1 s on two
//! cores), and the window shows the figures when the task is done. The frame never waits: the
//! task wakes the window when it finishes, and the game's world is never touched.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use bevy::prelude::*;
use bevy::tasks::{AsyncComputeTaskPool, Task, futures::check_ready};

use super::state::{ForecastShown, Overlays, PlayerSide};
use crate::command::Command;
use crate::report::forecast::{Forecast, Question, forecast_unless, known};

/// The forecast running in the background, if any, and the flag that stops its runs.
#[derive(Resource, Default)]
pub struct Forecasting(pub Option<Running>);

/// A forecast's task and its cancel flag.
pub type Running = (Task<Result<Forecast, String>>, Arc<AtomicBool>);

impl Drop for Forecasting {
    /// Whatever drops a forecast (closing its window, the next question, a new game) stops its
    /// runs: a bevy task cannot interrupt the work inside it, the flag does between runs.
    fn drop(&mut self) {
        if let Some((_, cancel)) = &self.0 {
            cancel.store(true, Ordering::Relaxed);
        }
    }
}

/// Ask for a forecast of `order` by the player's side: the window opens at once, saying it is
/// running; a forecast already running is dropped.
pub fn start(world: &mut World, order: Command) {
    let side = world.resource::<PlayerSide>().0.clone();
    let names = crate::sim::lookup::all_names(world);
    let name = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_string());
    let question = Question::new(&side, order);
    let clock = world.resource::<crate::sim::Clock>().clone();
    let mut shown = ForecastShown {
        // The move in the player's language, its names the scenario's in that language; the
        // side's and the partner's names are kept in English and worded by the window.
        label: question.order.label_with(&|id| crate::i18n::local(&name(id))),
        side_name: name(&side),
        partner_name: None,
        dates: (0..=question.months)
            .map(|m| clock.date_of(clock.month + m))
            .collect(),
        result: None,
    };
    match known(world, &side) {
        Ok(snap) => {
            let wake = super::class::window_waker(world);
            let cancel = Arc::new(AtomicBool::new(false));
            let stop = cancel.clone();
            let task = AsyncComputeTaskPool::get().spawn(async move {
                let run = || forecast_unless(&snap, &question, &stop);
                let result = match workers() {
                    Some(pool) => pool.install(run),
                    None => run(),
                };
                if let Some(wake) = wake {
                    wake();
                }
                result
            });
            world.insert_resource(Forecasting(Some((task, cancel))));
        }
        Err(e) => shown.result = Some(Err(e)),
    }
    world.resource_mut::<Overlays>().forecast = Some(shown);
}

/// The forecast's threads: one core fewer than the machine has (at least one), so the frame
/// keeps a core to draw on while the runs go on.
/// None if no thread could be made: the forecast then runs on the task's own thread.
fn workers() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        rayon::ThreadPoolBuilder::new()
            .num_threads(cores.saturating_sub(1).max(1))
            .thread_name(|i| format!("forecast-{i}"))
            .start_handler(|_| yield_to_the_frame())
            .build()
            .ok()
    })
    .as_ref()
}

/// A lower priority for a forecast thread, where the system has one per thread (Linux: a
/// nice value of 10), so that the frame's threads come first when they share a core.
fn yield_to_the_frame() {
    #[cfg(target_os = "linux")]
    // SAFETY: `nice` only changes the calling thread's scheduling priority (Linux keeps one per
    // thread); its result (the new value, or -1 and errno) is of no use here.
    unsafe {
        libc::nice(10);
    }
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
    let Some((task, _)) = running.0.as_mut() else {
        return;
    };
    let Some(result) = check_ready(task) else {
        return;
    };
    running.0 = None;
    // The partner the odds are about (`report::forecast` chose it: for an order on every partner,
    // the other side), by name.
    let partner = result
        .as_ref()
        .ok()
        .and_then(|f| f.partner.clone())
        .map(|p| crate::sim::lookup::all_names(world).get(&p).cloned().unwrap_or(p));
    if let Some(shown) = world.resource_mut::<Overlays>().forecast.as_mut() {
        shown.partner_name = partner;
        shown.result = Some(result);
    }
    world.write_message(bevy::window::RequestRedraw);
}

/// Whether a forecast is still running (the smoke runs and the tests wait for it).
pub fn running(world: &World) -> bool {
    world.get_resource::<Forecasting>().is_some_and(|f| f.0.is_some())
}
