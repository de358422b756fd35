//! The desktop front end (cargo feature `gui`): a bevy window with bevy_egui panels over the
//! same `SimPlugin` world the CLI runs. Panels are functions of a read-only `View` and return
//! the actions the user took; only `apply_actions` touches the world, and only by queueing
//! commands or stepping the month (docs/architecture.md, "Commands are the only way in").

mod actions;
pub mod class;
mod clock;
pub mod console;
pub mod forecast;
pub mod glossary;
pub mod keys;
mod layout;
pub mod map;
pub mod menu;
pub mod panels;
pub mod replay;
pub mod saves;
pub mod settings;
mod smoke;
mod start;
pub mod state;
pub mod view;

use std::path::PathBuf;
use std::process::ExitCode;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use bevy::window::WindowResolution;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

use crate::sim::{Origin, SimPlugin};
use actions::apply_ui_actions;
pub use actions::{apply_actions, queue_order};
use clock::{advance, keep_awake};
use layout::draw;
use smoke::{FrameStats, STARTED, Smoke, frame_stats, smoke, smoke_menu};
use start::start_game;
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
    /// Frames drawn after the last month before the screenshot (frame-time figures use them).
    pub smoke_frames: u32,
    /// Every side of the scenario at this laptop, taking turns.
    pub hotseat: bool,
    /// Join a class game on the network (`tradecraft join`).
    pub join: Option<JoinRequest>,
    /// Follow this commands file until the player takes over (`play --replay`).
    pub replay: Option<PathBuf>,
    /// `--lang`: this language instead of the settings' (kept in them like a choice on the menu).
    pub lang: Option<crate::i18n::Lang>,
}

/// `tradecraft join ADDRESS --side S`: the game window for one team of a class game.
pub fn run_team(
    address: String,
    side: String,
    name: String,
    password: String,
    levels: PathBuf,
    lang: Option<crate::i18n::Lang>,
) -> ExitCode {
    run(Launch {
        join: Some(JoinRequest {
            address,
            side,
            name,
            password,
            levels,
        }),
        lang,
        ..Launch::default()
    })
}

impl Default for Launch {
    /// The main menu, as the bare command opens it.
    fn default() -> Self {
        Launch {
            scenario: None,
            side: None,
            seed: 1,
            smoke_months: None,
            screenshot: PathBuf::from("screenshot.png"),
            smoke_window: None,
            smoke_frames: 30,
            hotseat: false,
            join: None,
            replay: None,
            lang: None,
        }
    }
}

pub fn run(launch: Launch) -> ExitCode {
    if let Some(code) = lean_allocator() {
        return code;
    }
    let _ = STARTED.set(std::time::Instant::now());
    let (mut settings, problem) = settings::load();
    if let Some(p) = &problem {
        eprintln!("{p}");
    }
    if let Some(lang) = launch.lang {
        settings.language = Some(lang);
    }
    // A settings file that cannot be read is said on the menu, where the player starts.
    let mut menu = menu::Menu::scan(launch.seed);
    menu.error = problem.unwrap_or_default();
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(window("Tradecraft")))
        .add_plugins(EguiPlugin::default())
        // The UI's camera is made by `spawn_camera`, not on the first camera bevy_egui finds.
        .insert_resource(bevy_egui::EguiGlobalSettings {
            auto_create_primary_context: false,
            ..default()
        })
        .add_plugins(SimPlugin)
        // A desktop app's manners: draw on input (and when egui asks), not in a loop; the clock's
        // `keep_awake` asks for frames only while the game plays. Smoke runs draw continuously.
        .insert_resource(if launch.smoke_months.is_some() {
            bevy::winit::WinitSettings::continuous()
        } else {
            bevy::winit::WinitSettings::desktop_app()
        })
        .insert_resource(settings)
        .init_state::<Screen>()
        .insert_resource(ClearColor(map::OCEAN))
        .insert_resource(Pace {
            paused: true,
            speed: 1,
            since_step: 0.0,
            step_requested: false,
        })
        .insert_resource(PlayerSide(String::new()))
        .insert_resource(map::MapOwners::default())
        .insert_resource(menu)
        .init_resource::<Lens>()
        .init_resource::<Sidebar>()
        .init_resource::<saves::Notice>()
        .init_resource::<saves::Exported>()
        .init_resource::<forecast::Forecasting>()
        .init_resource::<Overlays>()
        .init_resource::<MapFocus>()
        .init_resource::<Renderer>()
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
        .add_systems(
            PreUpdate,
            settings::apply_language.run_if(resource_changed::<settings::Settings>),
        )
        .add_systems(Update, start_game.run_if(resource_exists::<StartRequest>))
        .add_systems(
            Update,
            class::team_network
                .before(apply_ui_actions)
                .run_if(resource_exists::<TeamNet>),
        )
        .add_systems(OnEnter(Screen::Playing), map::spawn_map)
        .add_systems(
            Update,
            (
                forecast::collect,
                apply_ui_actions,
                advance,
                saves::autosave,
                refresh_view,
            )
                .chain()
                .run_if(in_state(Screen::Playing)),
        )
        .add_systems(
            Update,
            (map::map_input, map::colour_map, map::draw_arcs)
                .after(refresh_view)
                .run_if(in_state(Screen::Playing)),
        )
        .add_systems(
            EguiPrimaryContextPass,
            (
                draw.run_if(in_state(Screen::Playing)),
                map::fit_camera_to_map,
                settings::clear_to_panel_colour
                    .run_if(resource_changed::<settings::Settings>.or_eager(resource_changed::<Renderer>)),
            )
                .chain(),
        )
        .add_systems(
            EguiPrimaryContextPass,
            (
                menu::draw_menu.run_if(not(resource_exists::<TeamNet>)),
                menu::draw_joining.run_if(resource_exists::<TeamNet>),
            )
                .run_if(in_state(Screen::Menu)),
        );
    if let Some(join) = &launch.join {
        match TeamNet::connect(join) {
            Ok(net) => {
                app.insert_resource(net);
            }
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(1);
            }
        }
    }
    if let Some(months) = launch.smoke_months {
        app.insert_resource(Smoke {
            window: launch.smoke_window.clone(),
            months,
            path: launch.screenshot.clone(),
            shot_at_frame: None,
            frame: 0,
            frames: launch.smoke_frames.max(1),
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
        let also = if launch.hotseat {
            other_sides(&scenario.meta.sides, &side)
        } else {
            Vec::new()
        };
        app.insert_resource(StartRequest {
            path: path.clone(),
            side,
            also,
            seed: launch.seed,
            save: None,
            replay: launch.replay.clone(),
        });
    } else if launch.smoke_months.is_some() {
        // A smoke run without a scenario shows the menu.
        app.insert_resource(Smoke {
            window: None,
            months: 0,
            path: launch.screenshot.clone(),
            shot_at_frame: None,
            frame: 0,
            frames: launch.smoke_frames.max(1),
        })
        .add_systems(Update, smoke_menu.run_if(in_state(Screen::Menu)));
    }
    match app.run() {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// A UI over the whole window, beneath the windows egui draws: where the game's, the menu's and
/// the teacher's console's panels go.
pub(crate) fn root_ui(ctx: &egui::Context, id: &'static str) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        id.into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

/// The game's window (and the teacher's console's): 1280×800 to start.
pub(crate) fn window(title: &str) -> WindowPlugin {
    WindowPlugin {
        primary_window: Some(Window {
            title: title.into(),
            resolution: WindowResolution::new(1280, 800),
            ..default()
        }),
        ..default()
    }
}

/// Whether frames are drawn by the CPU (Mesa's lavapipe or llvmpipe: what a school laptop
/// without a working driver or a virtual machine falls back to).
fn renderer(adapter: Option<&bevy::render::renderer::RenderAdapterInfo>) -> Renderer {
    let software = adapter.is_some_and(|a| a.device_type == wgpu_types::DeviceType::Cpu);
    if let (true, Some(a)) = (software, adapter) {
        info!("software renderer ({}): no window shadows", a.name);
    }
    Renderer { software }
}

/// Two cameras draw into one texture: the map's, only between the panels
/// (`map::fit_camera_to_map`), clearing the window to the panels' colour; then egui's, over the
/// whole window, drawing nothing else (no render layers) and clearing nothing. They share the
/// texture because their settings match, MSAA off on both: bevy_egui draws without MSAA, and on a
/// software renderer 4× MSAA on the map doubled the frame time (62 → 33 ms p50 at 1280×800 on
/// the 2025 level) for a little smoothing of flat-coloured coastlines.
fn spawn_camera(mut commands: Commands, adapter: Option<Res<bevy::render::renderer::RenderAdapterInfo>>) {
    let renderer = renderer(adapter.as_deref());
    commands.insert_resource(renderer);
    // Zoomed out enough for the whole Pacific between the side panels at 1280×800.
    let mut ortho = OrthographicProjection::default_2d();
    ortho.scale = 1.3;
    commands.spawn((
        Camera2d,
        Msaa::Off,
        map::MapCamera,
        Projection::Orthographic(ortho),
        Transform::from_xyz(30.0 * map::SCALE, 70.0, 0.0),
    ));
    commands.spawn((
        bevy_egui::PrimaryEguiContext,
        Camera2d,
        Msaa::Off,
        bevy::camera::visibility::RenderLayers::none(),
        Camera {
            order: 1,
            clear_color: ClearColorConfig::None,
            ..default()
        },
    ));
}

/// Rebuild the view when what it shows may have changed — a month ran, an order was queued
/// or cancelled, the player picked something, the pace or a notice changed — not every frame.
/// A load builds its own view (`start_game`).
fn refresh_view(world: &mut World, mut last: Local<Option<u64>>) {
    let key = view::fingerprint(world);
    if *last == Some(key) && world.contains_resource::<View>() {
        return;
    }
    *last = Some(key);
    let view = View::from_world(world);
    // The view is rebuilt when the language changes: the window's title follows it.
    retitle(world, &view);
    world.insert_resource(view);
}

/// The window's title for the game `v` shows, in the player's language: "Tradecraft — Tariff
/// shock — leading JPN" in English (the side's id, as ever), 「Tradecraft — 2025年の関税
/// ショック — 日本を率いる」 in Japanese.
pub fn window_title(v: &View) -> String {
    let key = if v.class.is_some() {
        "game-window-title-class"
    } else {
        "game-window-title"
    };
    crate::tr!(key, title = &v.title, side = v.side_label(&v.player))
}

/// Give the OS window the title of the game `v` shows, if it has another.
fn retitle(world: &mut World, v: &View) {
    let title = window_title(v);
    let mut windows = world.query::<&mut Window>();
    for mut w in windows.iter_mut(world) {
        if w.title != title {
            w.title = title.clone();
        }
    }
}

/// The window's process keeps less memory than the model's runs need to be fast: mimalloc
/// commits its arenas as they fill and returns freed memory at once (resident 225 MB instead of
/// 276 on the 2025 level; glibc's malloc: 226). mimalloc reads these options when the process
/// starts, before `main`, so the window runs in a second process of the same program with them
/// set; the first waits for it and exits with its code. Some(code): that happened (None: this is
/// the second process, or the first could not start it and runs the window itself).
fn lean_allocator() -> Option<ExitCode> {
    const OPTIONS: [(&str, &str); 2] = [
        ("MIMALLOC_ARENA_EAGER_COMMIT", "0"),
        ("MIMALLOC_PURGE_DELAY", "0"),
    ];
    if std::env::var_os(OPTIONS[0].0).is_some() {
        return None;
    }
    let exe = std::env::current_exe().ok()?;
    let status = std::process::Command::new(exe)
        .args(std::env::args_os().skip(1))
        .envs(OPTIONS)
        .status()
        .ok()?;
    Some(ExitCode::from(status.code().map_or(1, |c| c.clamp(0, 255) as u8)))
}
