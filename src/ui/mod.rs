//! The desktop front end (cargo feature `gui`): a bevy window with bevy_egui panels over the
//! same `SimPlugin` world the CLI runs. Panels are functions of a read-only `View` and return
//! the actions the user took; only `apply_actions` touches the world, and only by queueing
//! commands or stepping the month (DESIGN.md rule 2).

pub mod glossary;
pub mod keys;
pub mod map;
pub mod menu;
pub mod panels;
pub mod saves;
pub mod settings;
pub mod state;
pub mod view;

use std::path::PathBuf;
use std::process::ExitCode;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::window::WindowResolution;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

use crate::sim::{Origin, SimPlugin};
pub use state::*;
use view::View;

/// How the game was asked to start.
pub struct Launch {
    pub scenario: Option<PathBuf>,
    pub side: Option<String>,
    pub seed: u64,
    /// Advance this many months, save a screenshot and exit (the GUI smoke test).
    pub smoke_months: Option<u32>,
    pub screenshot: PathBuf,
    /// A window to open before the smoke screenshot: negotiation, help or glossary.
    pub smoke_window: Option<String>,
}

#[derive(Resource, Debug, Clone)]
struct Smoke {
    window: Option<String>,
    months: u32,
    path: PathBuf,
    shot_at_frame: Option<u32>,
    frame: u32,
}

/// When the process started the game, for the startup-time and frame-rate figures that smoke
/// runs print (UI only: the model never reads the clock).
static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

#[derive(Resource, Debug, Default)]
struct FrameStats {
    first_frame_ms: Option<f64>,
    frames: u32,
    since: Option<std::time::Instant>,
}

fn frame_stats(mut stats: ResMut<FrameStats>) {
    let now = std::time::Instant::now();
    if stats.first_frame_ms.is_none() {
        stats.first_frame_ms = STARTED.get().map(|t| (now - *t).as_secs_f64() * 1e3);
        stats.since = Some(now);
    }
    stats.frames += 1;
}

pub fn run(launch: Launch) -> ExitCode {
    let _ = STARTED.set(std::time::Instant::now());
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: "Tradecraft".into(),
            resolution: WindowResolution::new(1280, 800),
            ..default()
        }),
        ..default()
    }))
    .add_plugins(EguiPlugin::default())
    .add_plugins(SimPlugin)
    // A desktop app's manners: draw on input (and when egui asks), not in a loop; the clock's
    // `keep_awake` asks for frames only while the game plays. Smoke runs draw continuously.
    .insert_resource(if launch.smoke_months.is_some() {
        bevy::winit::WinitSettings::continuous()
    } else {
        bevy::winit::WinitSettings::desktop_app()
    })
    .insert_resource({
        let (settings, problem) = settings::load();
        if let Some(p) = &problem {
            eprintln!("{p}");
        }
        settings
    })
    .init_state::<Screen>()
    .insert_resource(ClearColor(Color::srgb(0.08, 0.11, 0.16)))
    .insert_resource(Pace {
        paused: true,
        speed: 1,
        since_step: 0.0,
        step_requested: false,
    })
    .insert_resource(PlayerSide(String::new()))
    .insert_resource(map::MapOwners::default())
    .insert_resource(menu::Menu::scan(launch.seed))
    .init_resource::<Lens>()
    .init_resource::<Sidebar>()
    .init_resource::<saves::Notice>()
    .init_resource::<Overlays>()
    .init_resource::<MapFocus>()
    .init_resource::<UiActions>()
    .init_resource::<FrameStats>()
    .add_systems(Last, (frame_stats, keep_awake))
    .add_systems(
        PreUpdate,
        keys::quiet_modifiers
            .after(bevy_egui::EguiPreUpdateSet::ProcessInput)
            .before(bevy_egui::EguiPreUpdateSet::BeginPass),
    )
    .add_systems(Startup, spawn_camera)
    .add_systems(Update, start_game.run_if(resource_exists::<StartRequest>))
    .add_systems(OnEnter(Screen::Playing), map::spawn_map)
    .add_systems(
        Update,
        (apply_ui_actions, advance, saves::autosave, refresh_view)
            .chain()
            .run_if(in_state(Screen::Playing)),
    )
    .add_systems(
        Update,
        (map::map_input, map::colour_map, map::draw_arcs)
            .after(refresh_view)
            .run_if(in_state(Screen::Playing)),
    )
    .add_systems(EguiPrimaryContextPass, draw.run_if(in_state(Screen::Playing)))
    .add_systems(
        EguiPrimaryContextPass,
        menu::draw_menu.run_if(in_state(Screen::Menu)),
    );
    if let Some(months) = launch.smoke_months {
        app.insert_resource(Smoke {
            window: launch.smoke_window.clone(),
            months,
            path: launch.screenshot.clone(),
            shot_at_frame: None,
            frame: 0,
        })
        .add_systems(Update, smoke.after(advance).run_if(in_state(Screen::Playing)));
    }
    // A scenario on the command line starts at once; otherwise the menu shows.
    if let Some(path) = &launch.scenario {
        let scenario = match crate::scenario::load_scenario(path) {
            Ok(s) => s,
            Err(d) => {
                eprintln!("{d}");
                return ExitCode::from(1);
            }
        };
        let side = launch
            .side
            .clone()
            .or_else(|| scenario.meta.sides.first().cloned())
            .unwrap_or_default();
        if !scenario.meta.sides.contains(&side) {
            eprintln!(
                "\"{side}\" is not a playable side of {}; choose one of {:?}",
                path.display(),
                scenario.meta.sides
            );
            return ExitCode::from(2);
        }
        app.insert_resource(StartRequest {
            path: path.clone(),
            side,
            seed: launch.seed,
            save: None,
        });
    } else if launch.smoke_months.is_some() {
        // A smoke run without a scenario shows the menu.
        app.insert_resource(Smoke {
            window: None,
            months: 0,
            path: launch.screenshot.clone(),
            shot_at_frame: None,
            frame: 0,
        })
        .add_systems(Update, smoke_menu.run_if(in_state(Screen::Menu)));
    }
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// Build the world for the requested scenario and switch to the game.
fn start_game(world: &mut World) {
    let Some(req) = world.remove_resource::<StartRequest>() else {
        return;
    };
    // Read and check everything before touching the running world.
    let snapshot = match &req.save {
        Some(p) => match crate::save::load(p) {
            Ok(s) => Some(s),
            Err(d) => {
                world.resource_mut::<menu::Menu>().error = d.to_string();
                return;
            }
        },
        None => None,
    };
    let scenario = match &snapshot {
        Some(s) => s.scenario.clone(),
        None => match crate::scenario::load_scenario(&req.path) {
            Ok(s) => s,
            Err(d) => {
                world.resource_mut::<menu::Menu>().error = d.to_string();
                return;
            }
        },
    };
    let result = match &snapshot {
        Some(snap) => crate::save::restore_into(world, snap),
        None => {
            let mut q = world.query_filtered::<Entity, With<crate::sim::setup::SimEntity>>();
            for e in q.iter(world).collect::<Vec<_>>() {
                world.despawn(e);
            }
            crate::sim::setup::build(world, &scenario, req.seed, Some(&req.side))
        }
    };
    if let Err(e) = result {
        let msg = format!("{}: {e}", req.path.display());
        world.resource_mut::<saves::Notice>().0 = format!("could not load: {msg}");
        world.resource_mut::<menu::Menu>().error = msg;
        return;
    }
    let side = world
        .resource::<crate::sim::Control>()
        .player
        .map(|p| world.resource::<crate::sim::Registry>().states[p].clone())
        .unwrap_or(req.side.clone());
    world.insert_resource(map::MapOwners(
        scenario
            .states
            .iter()
            .flat_map(|s| {
                let codes = if s.map.is_empty() {
                    vec![s.id.clone()]
                } else {
                    s.map.clone()
                };
                codes.into_iter().map(move |c| (c, s.id.clone()))
            })
            .collect(),
    ));
    world.insert_resource(PlayerSide(side.clone()));
    world.insert_resource(Pace {
        paused: true,
        speed: 1,
        since_step: 0.0,
        step_requested: false,
    });
    let briefing = world.get_resource::<Smoke>().is_none() && snapshot.is_none();
    world.insert_resource(Overlays {
        briefing,
        ..Overlays::default()
    });
    let mut windows = world.query::<&mut Window>();
    for mut w in windows.iter_mut(world) {
        w.title = format!("Tradecraft — {} — leading {side}", scenario.meta.title);
    }
    let view = View::from_world(world);
    world.insert_resource(view);
    // A new map for the new world: at once if already playing, else on entering the game.
    let mut q = world.query_filtered::<Entity, With<map::MapShape>>();
    for e in q.iter(world).collect::<Vec<_>>() {
        world.despawn(e);
    }
    if *world.resource::<State<Screen>>().get() == Screen::Playing {
        let _ = world.run_system_cached(map::spawn_map);
        world.resource_mut::<saves::Notice>().0 = format!("loaded {}", req.path.display());
    } else {
        world.resource_mut::<NextState<Screen>>().set(Screen::Playing);
    }
}

/// Screenshot of the menu for a smoke run without a scenario.
fn smoke_menu(
    stats: Res<FrameStats>,
    mut commands: Commands,
    mut smoke: ResMut<Smoke>,
    mut exit: MessageWriter<AppExit>,
) {
    smoke.frame += 1;
    shoot_and_exit(&mut commands, &mut smoke, &stats, &mut exit);
}

fn spawn_camera(mut commands: Commands) {
    // Zoomed out enough for the whole Pacific between the side panels at 1280×800.
    let mut ortho = OrthographicProjection::default_2d();
    ortho.scale = 1.3;
    commands.spawn((
        Camera2d,
        map::MapCamera,
        Projection::Orthographic(ortho),
        Transform::from_xyz(30.0 * map::SCALE, 70.0, 0.0),
    ));
}

/// Ask for the next frame while something is under way: the game plays, a step or the user's
/// actions wait for the next frame, a game is starting or the screen is changing. Otherwise the
/// app sleeps until input arrives (or egui asks to repaint).
fn keep_awake(
    pace: Res<Pace>,
    actions: Res<UiActions>,
    start: Option<Res<StartRequest>>,
    next: Res<NextState<Screen>>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    let pending = matches!(*next, NextState::Pending(_) | NextState::PendingIfNeq(_));
    if !pace.paused || pace.step_requested || !actions.0.is_empty() || start.is_some() || pending {
        redraw.write(bevy::window::RequestRedraw);
    }
}

/// Seconds between months at each speed.
fn interval(speed: u8) -> f32 {
    match speed {
        1 => 2.0,
        2 => 0.8,
        _ => 0.25,
    }
}

fn advance(world: &mut World) {
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

fn report_stats(stats: &FrameStats) {
    let secs = stats.since.map_or(0.0, |t| t.elapsed().as_secs_f64());
    eprintln!(
        "first frame {:.0} ms after start; {} frames in {secs:.2} s ({:.1} frames per second)",
        stats.first_frame_ms.unwrap_or(0.0),
        stats.frames,
        stats.frames as f64 / secs.max(1e-9)
    );
}

fn smoke(
    stats: Res<FrameStats>,
    mut commands: Commands,
    mut smoke: ResMut<Smoke>,
    clock: Res<crate::sim::Clock>,
    view: Res<View>,
    mut overlays: ResMut<Overlays>,
    mut sidebar: ResMut<Sidebar>,
    mut exit: MessageWriter<AppExit>,
) {
    if clock.month < smoke.months.min(clock.length) {
        return;
    }
    // Count frames from the month the run reached, so windows have time to fade in.
    smoke.frame += 1;
    match smoke.window.take().as_deref() {
        Some("negotiation") => {
            if let Some(d) = view.disputes.iter().find(|d| d.open && d.involves_player) {
                overlays.draft = Some(Draft::for_dispute(&view, &d.id));
            }
        }
        Some("help") => overlays.help = true,
        Some("glossary") => overlays.glossary = true,
        Some("settings") => overlays.settings = true,
        Some("industries") => sidebar.tab = Tab::Industries,
        Some("relations") => sidebar.tab = Tab::Relations,
        _ => {}
    }
    shoot_and_exit(&mut commands, &mut smoke, &stats, &mut exit);
}

/// Thirty frames in, take the screenshot; exit a few frames after the file is written (llvmpipe
/// may crash if the app quits while pipelines still compile).
fn shoot_and_exit(
    commands: &mut Commands,
    smoke: &mut Smoke,
    stats: &FrameStats,
    exit: &mut MessageWriter<AppExit>,
) {
    match smoke.shot_at_frame {
        None if smoke.frame > 30 => {
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

fn refresh_view(world: &mut World) {
    let view = View::from_world(world);
    world.insert_resource(view);
}

fn draw(
    mut contexts: EguiContexts,
    view: Res<View>,
    mut focus: ResMut<MapFocus>,
    settings: Res<settings::Settings>,
    mut overlays: ResMut<Overlays>,
    mut sidebar: ResMut<Sidebar>,
    mut out: ResMut<UiActions>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    if (ctx.zoom_factor() - settings.ui_scale).abs() > 1e-3 {
        ctx.set_zoom_factor(settings.ui_scale);
    }
    settings::apply_theme(&ctx, settings.high_contrast);
    let mut root = egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    let actions = &mut out.0;
    // Shortcuts first: a key they take is gone before a focused button could see it.
    actions.extend(keys::shortcuts(&ctx));
    egui::Panel::top("top_bar").show(&mut root, |ui| actions.extend(panels::top_bar(ui, &view)));
    // Windows stay below the top bar, so its clock and buttons are never covered.
    let below_top = root.available_rect_before_wrap();
    egui::Panel::bottom("news")
        .default_size(150.0)
        .min_size(120.0)
        .show(&mut root, |ui| {
            ui.columns(2, |cols| {
                actions.extend(panels::news(&mut cols[0], &view));
                egui::ScrollArea::vertical()
                    .id_salt("orders_scroll")
                    .show(&mut cols[1], |ui| actions.extend(panels::orders(ui, &view)));
            })
        });
    // Side panels keep their width whatever they show (a long name no longer widens them), and
    // at a projector's UI scale they give up width so the map keeps a third of the window.
    let side = (root.available_rect_before_wrap().width() * 0.33).clamp(300.0, 380.0);
    egui::Panel::left("states")
        .resizable(false)
        .min_size(side)
        .max_size(side)
        .show(&mut root, |ui| {
            panels::tabs(ui, &mut sidebar);
            match sidebar.tab {
                Tab::Government => {
                    panels::dashboard(ui, &view);
                    panels::lobbies(ui, &view);
                    ui.separator();
                    actions.extend(panels::states(ui, &view))
                }
                Tab::Industries => actions.extend(panels::industries(ui, &view, &mut sidebar)),
                Tab::Relations => actions.extend(panels::relations(ui, &view)),
            }
        });
    egui::Panel::right("disputes")
        .resizable(false)
        .min_size(side)
        .max_size(side)
        .show(&mut root, |ui| actions.extend(panels::disputes(ui, &view)));
    // The scroll to a dispute picked in the news happens once (the view was built with it).
    if view.scroll_to_dispute {
        focus.scroll_to_dispute = false;
    }
    // What the panels leave is the map's: remember it in physical pixels for `map_input`.
    let free = root.available_rect_before_wrap();
    let ppp = ctx.pixels_per_point();
    focus.viewport = Some((
        free.min.x * ppp,
        free.min.y * ppp,
        free.max.x * ppp,
        free.max.y * ppp,
    ));
    let mut open = overlays.draft.is_some();
    if let Some(draft) = overlays.draft.as_mut() {
        egui::Window::new("Negotiation")
            .open(&mut open)
            .default_width(460.0)
            .constrain_to(below_top)
            .show(&ctx, |ui| {
                let sent = panels::negotiation(ui, &view, draft);
                actions.extend(sent);
            });
    }
    // Closed unsent: keep the package for the next time this dispute's window opens.
    if !open && let Some(d) = overlays.draft.take() {
        overlays.drafts.insert(d.dispute.clone(), d);
    }
    if !view.score_detail.is_empty() && !overlays.results_hidden {
        egui::Window::new("End of the scenario")
            .default_width(560.0)
            .default_height(600.0)
            .max_height(below_top.height() - 20.0)
            .constrain_to(below_top)
            .vscroll(true)
            .show(&ctx, |ui| actions.extend(panels::end_screen(ui, &view)));
    }
    let mut briefing = overlays.briefing;
    if briefing && view.month == 0 {
        egui::Window::new("Briefing")
            .open(&mut briefing)
            .default_width(560.0)
            .constrain_to(below_top)
            .show(&ctx, |ui| {
                panels::briefing(ui, &view);
            });
        overlays.briefing = briefing;
    }
    if view.prompt.is_some() && view.score_detail.is_empty() && !(overlays.briefing && view.month == 0) {
        // Above the other windows: the step may be about the negotiation window itself.
        egui::Window::new("Tutorial")
            .order(egui::Order::Foreground)
            .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, below_top.top() + 8.0))
            .default_width(420.0)
            .collapsible(true)
            .resizable(false)
            .show(&ctx, |ui| panels::prompt(ui, &view));
    }
    let mut shown = overlays.settings;
    egui::Window::new("Settings")
        .open(&mut shown)
        .constrain_to(below_top)
        .show(&ctx, |ui| actions.extend(panels::settings(ui, &settings)));
    overlays.settings = shown;
    let mut help = overlays.help;
    egui::Window::new("Help")
        .open(&mut help)
        .constrain_to(below_top)
        .show(&ctx, keys::help);
    overlays.help = help;
    let mut glossary = overlays.glossary;
    egui::Window::new("Glossary")
        .open(&mut glossary)
        .constrain_to(below_top)
        .default_width(420.0)
        .show(&ctx, panels::glossary);
    overlays.glossary = glossary;
    if let (Some((iso, state)), Some(pos)) = (&focus.hovered, ctx.pointer_hover_pos()) {
        egui::Area::new(egui::Id::new("map_hover"))
            .fixed_pos(pos + egui::vec2(16.0, 16.0))
            .order(egui::Order::Tooltip)
            .interactable(false)
            .show(&ctx, |ui| {
                egui::Frame::popup(ui.style())
                    .show(ui, |ui| panels::map_tooltip(ui, &view, iso, state.as_deref()));
            });
    }
    Ok(())
}

/// Index in the queue of the player's `n`-th order (orders of others are not the player's to
/// cancel).
fn nth_player_order(queue: &[crate::sim::Issued], n: usize) -> Option<usize> {
    queue
        .iter()
        .enumerate()
        .filter(|(_, c)| c.origin == Origin::Player)
        .nth(n)
        .map(|(i, _)| i)
}

/// Queue one of the player's orders. It is checked at once with the month's own rules: a
/// refused order never enters the queue, and the reason shows at once (in the negotiation
/// window for an offer, which then stays open). An order replaces a queued one it
/// contradicts (the same `Command::slot`).
pub fn queue_order(world: &mut World, side: &str, command: crate::command::Command) {
    let issued = crate::sim::Issued {
        by: side.to_string(),
        command,
        origin: Origin::Player,
        reason: String::new(),
    };
    let is_offer = matches!(issued.command, crate::command::Command::MakeOffer { .. });
    if let Err(why) = crate::sim::commands::precheck(world, &issued) {
        let mut o = world.resource_mut::<Overlays>();
        match o.draft.as_mut() {
            Some(d) if is_offer => d.error = Some(why.clone()),
            _ => {}
        }
        world.resource_mut::<saves::Notice>().0 = format!("not sent: {why}");
        return;
    }
    let slot = issued.command.slot();
    let replaced = {
        let mut pending = world.resource_mut::<crate::sim::PendingCommands>();
        let replaced = pending
            .0
            .iter()
            .position(|c| c.origin == Origin::Player && c.by == side && c.command.slot() == slot)
            .map(|i| pending.0.remove(i));
        pending.0.push(issued.clone());
        replaced
    };
    let view = world.resource::<View>();
    let name = |id: &str| view.name(id);
    let notice = match replaced {
        Some(old) => format!(
            "{} replaces {}",
            issued.command.label_with(&name),
            old.command.label_with(&name)
        ),
        None => String::new(),
    };
    world.resource_mut::<saves::Notice>().0 = notice;
    if is_offer {
        let mut o = world.resource_mut::<Overlays>();
        if let Some(d) = o.draft.take() {
            o.drafts.remove(&d.dispute);
        }
    }
}

/// Change a setting and remember it.
fn change_settings(world: &mut World, change: impl FnOnce(&mut settings::Settings)) {
    change(&mut world.resource_mut::<settings::Settings>());
    let s = world.resource::<settings::Settings>().clone();
    if let Err(e) = settings::save(&s) {
        world.resource_mut::<saves::Notice>().0 = format!("settings not saved: {e}");
    }
}

fn apply_ui_actions(world: &mut World) {
    let actions = std::mem::take(&mut world.resource_mut::<UiActions>().0);
    apply_actions(world, actions);
}

/// Carry out what the panels asked for (the only place the UI changes the world).
pub fn apply_actions(world: &mut World, actions: Vec<Action>) {
    let side = world.resource::<PlayerSide>().0.clone();
    for a in actions {
        match a {
            Action::Step => world.resource_mut::<Pace>().step_requested = true,
            Action::TogglePause => {
                let mut p = world.resource_mut::<Pace>();
                p.paused = !p.paused;
            }
            Action::Speed(s) => {
                let mut p = world.resource_mut::<Pace>();
                p.speed = s;
                p.paused = false;
            }
            Action::Lens(lens) => world.insert_resource(lens),
            Action::Negotiate(id) => {
                let view = world.resource::<View>().clone();
                let mut o = world.resource_mut::<Overlays>();
                let draft = o
                    .drafts
                    .remove(&id)
                    .unwrap_or_else(|| Draft::for_dispute(&view, &id));
                o.draft = Some(draft);
            }
            Action::ToggleResults => {
                let mut o = world.resource_mut::<Overlays>();
                o.results_hidden = !o.results_hidden;
            }
            Action::CancelOrder(n) => {
                let gone = {
                    let mut pending = world.resource_mut::<crate::sim::PendingCommands>();
                    nth_player_order(&pending.0, n).map(|i| pending.0.remove(i))
                };
                if let Some(gone) = gone {
                    let view = world.resource::<View>();
                    let what = gone.command.label_with(&|id| view.name(id));
                    world.resource_mut::<saves::Notice>().0 = format!("cancelled: {what}");
                }
            }
            Action::Save => saves::quick_save(world),
            Action::Load => saves::quick_load(world),
            Action::ToggleHelp => {
                let mut o = world.resource_mut::<Overlays>();
                o.help = !o.help;
            }
            Action::ToMenu => {
                world.resource_mut::<NextState<Screen>>().set(Screen::Menu);
                let seed = world.resource::<menu::Menu>().seed;
                world.insert_resource(menu::Menu::scan(seed));
            }
            Action::ToggleSettings => {
                let mut o = world.resource_mut::<Overlays>();
                o.settings = !o.settings;
            }
            Action::Scale(x) => change_settings(world, |s| {
                s.ui_scale = x.clamp(*settings::SCALE_RANGE.start(), *settings::SCALE_RANGE.end())
            }),
            Action::HighContrast(on) => change_settings(world, |s| s.high_contrast = on),
            Action::PlayerName(name) => change_settings(world, |s| s.player_name = name),
            Action::ToggleGlossary => {
                let mut o = world.resource_mut::<Overlays>();
                o.glossary = !o.glossary;
            }
            Action::Select(id) => world.resource_mut::<MapFocus>().selected = Some(id),
            Action::SelectDispute(id) => {
                let mut f = world.resource_mut::<MapFocus>();
                f.dispute = Some(id);
                f.scroll_to_dispute = true;
            }
            Action::Issue(command) => queue_order(world, &side, command),
        }
    }
}
