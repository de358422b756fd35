//! Smoke runs (for tests and documentation): run N months, open a window, take a screenshot
//! and exit, printing the time to the first frame and the frame rate. UI only: the model
//! never reads the clock.

use super::*;

#[derive(Resource, Debug, Clone)]
pub(super) struct Smoke {
    pub(super) window: Option<String>,
    pub(super) months: u32,
    pub(super) path: PathBuf,
    pub(super) shot_at_frame: Option<u32>,
    pub(super) frame: u32,
    /// Frames to draw (after the last month) before the screenshot.
    pub(super) frames: u32,
}

/// When the process started the game, for the startup-time and frame-rate figures that smoke
/// runs print (UI only: the model never reads the clock).
pub(super) static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

#[derive(Resource, Debug, Default)]
pub(super) struct FrameStats {
    first_frame_ms: Option<f64>,
    frames: u32,
    since: Option<std::time::Instant>,
    last: Option<std::time::Instant>,
    /// Every frame's duration after the first, ms.
    times: Vec<f64>,
    /// The frames drawn while a forecast ran in the background, ms.
    during_forecast: Vec<f64>,
}

impl FrameStats {
    /// Start the frame-time figures afresh: the smoke run's steady frames, not the months that
    /// ran (and pipelines that compiled) before them.
    fn restart(&mut self) {
        self.times.clear();
        self.frames = 0;
        self.since = Some(std::time::Instant::now());
        self.last = None;
    }
}

pub(super) fn frame_stats(
    mut stats: ResMut<FrameStats>,
    forecasting: Option<Res<super::forecast::Forecasting>>,
) {
    let now = std::time::Instant::now();
    if stats.first_frame_ms.is_none() {
        stats.first_frame_ms = STARTED.get().map(|t| (now - *t).as_secs_f64() * 1e3);
        stats.since = Some(now);
    }
    if let Some(last) = stats.last {
        let ms = (now - last).as_secs_f64() * 1e3;
        stats.times.push(ms);
        if forecasting.is_some_and(|f| f.0.is_some()) {
            stats.during_forecast.push(ms);
        }
    }
    stats.last = Some(now);
    stats.frames += 1;
}

/// The q-th quantile (0…1) of frame times, nearest rank; 0 with none.
fn quantile(times: &[f64], q: f64) -> f64 {
    if times.is_empty() {
        return 0.0;
    }
    let mut v = times.to_vec();
    v.sort_by(f64::total_cmp);
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

/// Screenshot of the menu for a smoke run without a scenario.
pub(super) fn smoke_menu(
    stats: Res<FrameStats>,
    mut commands: Commands,
    mut smoke: ResMut<Smoke>,
    mut exit: MessageWriter<AppExit>,
) {
    smoke.frame += 1;
    shoot_and_exit(&mut commands, &mut smoke, &stats, &mut exit);
}

pub(super) fn report_stats(stats: &FrameStats) {
    let secs = stats.since.map_or(0.0, |t| t.elapsed().as_secs_f64());
    let (p50, p95) = (quantile(&stats.times, 0.5), quantile(&stats.times, 0.95));
    eprintln!(
        "first frame {:.0} ms after start; {} frames in {secs:.2} s ({:.1} frames per second); frame time p50 {p50:.1} ms ({:.1} fps), p95 {p95:.1} ms",
        stats.first_frame_ms.unwrap_or(0.0),
        stats.frames,
        stats.frames as f64 / secs.max(1e-9),
        1e3 / p50.max(1e-9)
    );
    let during = &stats.during_forecast;
    if !during.is_empty() {
        eprintln!(
            "while the forecast ran: {} frames, frame time p50 {:.1} ms, max {:.1} ms",
            during.len(),
            quantile(during, 0.5),
            quantile(during, 1.0)
        );
    }
}

pub(super) fn smoke(
    mut stats: ResMut<FrameStats>,
    mut commands: Commands,
    mut smoke: ResMut<Smoke>,
    clock: Res<crate::sim::Clock>,
    view: Res<View>,
    mut overlays: ResMut<Overlays>,
    mut sidebar: ResMut<Sidebar>,
    mut out: ResMut<UiActions>,
    mut exit: MessageWriter<AppExit>,
) {
    if clock.month < smoke.months.min(clock.length) {
        return;
    }
    // Count frames from the month the run reached, so windows have time to fade in.
    smoke.frame += 1;
    if smoke.frame == 1 {
        stats.restart();
    }
    match smoke.window.take().as_deref() {
        Some("negotiation") => {
            if let Some(d) = view.disputes.iter().find(|d| d.open && d.involves_player) {
                overlays.draft = Some(Draft::for_dispute(&view, &d.id));
            }
        }
        // The negotiation window and a forecast of its offer, running while the frames are
        // timed (the frame must not wait for it).
        Some("forecast") => {
            if let Some(d) = view.disputes.iter().find(|d| d.open && d.involves_player) {
                let mut draft = Draft::for_dispute(&view, &d.id);
                // History's July 2025 package: $8bn a year of U.S. farm goods, $550bn invested.
                draft.purchases = 8.0;
                draft.investment = 550.0;
                out.0.push(Action::Forecast(draft.command()));
                overlays.draft = Some(draft);
            }
        }
        Some("help") => overlays.help = true,
        Some("glossary") => overlays.glossary = true,
        Some("settings") => overlays.settings = true,
        Some("industries") => sidebar.tab = Tab::Industries,
        Some("relations") => sidebar.tab = Tab::Relations,
        // Hotseat (--hotseat): the first side ends its turn; the hand-over screen shows.
        Some("handover") => out.0.push(Action::EndTurn),
        _ => {}
    }
    shoot_and_exit(&mut commands, &mut smoke, &stats, &mut exit);
}

/// `frames` frames in (30 by default), take the screenshot; exit a few frames after the file is written (llvmpipe
/// may crash if the app quits while pipelines still compile).
pub(super) fn shoot_and_exit(
    commands: &mut Commands,
    smoke: &mut Smoke,
    stats: &FrameStats,
    exit: &mut MessageWriter<AppExit>,
) {
    match smoke.shot_at_frame {
        None if smoke.frame > smoke.frames => {
            let _ = std::fs::remove_file(&smoke.path);
            commands
                .spawn(Screenshot::primary_window())
                .observe(save_to_disk(smoke.path.clone()));
            smoke.shot_at_frame = Some(smoke.frame);
        }
        Some(at) if smoke.path.exists() && smoke.frame > at + 5 => {
            report_stats(stats);
            exit.write(AppExit::Success);
        }
        Some(at) if smoke.frame > at + 600 => {
            eprintln!("the screenshot was not written within 600 frames");
            exit.write(AppExit::error());
        }
        _ => {}
    }
}
