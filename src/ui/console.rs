//! The teacher's console (`tradecraft host`): the class game's host in a window. The teacher
//! sees every side (its figures, lobbies and this turn's orders), who has joined and is ready,
//! the timer, every order and message as it happens, and steers: runs the month, pauses or
//! sets the timer, fires the scenario's injects, speaks to the class, ends the game. The console
//! is `console_panel`, a function of a read-only `ConsoleView` returning `ConsoleAction`s.

use std::time::Duration;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};

use super::panels::{ERROR, clock, message_field, timer};
use super::view::{InjectLine, View};
use crate::net::session::HostSession;

/// One side as the teacher sees it: its team, its readiness and orders, its government.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SideLine {
    pub side: String,
    pub team: Option<String>,
    pub joined: bool,
    pub ready: bool,
    /// This turn's orders so far.
    pub orders: Vec<String>,
    /// (label, value) of its government's figures.
    pub figures: Vec<(String, String)>,
    /// Its loudest lobbies: (name, pressure).
    pub lobbies: Vec<(String, f64)>,
    pub score: Option<f64>,
}

/// What the console shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConsoleView {
    pub title: String,
    pub date: String,
    pub month: u32,
    pub length: u32,
    /// Where teams join.
    pub addresses: Vec<String>,
    pub password: bool,
    pub sides: Vec<SideLine>,
    /// (title, parties, rung), the open disputes first.
    pub disputes: Vec<(String, String, String)>,
    pub news: Vec<(String, String)>,
    pub seconds_left: Option<f64>,
    pub timer_minutes: Option<f64>,
    pub paused: bool,
    pub months_per_turn: u32,
    pub over: bool,
    pub injects: Vec<InjectLine>,
    /// Injects waiting for the next month.
    pub waiting: Vec<String>,
    pub events: Vec<String>,
    pub draft: String,
    pub confirm_end: bool,
}

/// What the teacher did.
#[derive(Debug, Clone, PartialEq)]
pub enum ConsoleAction {
    /// Run the month the console showed (a month that ran meanwhile is not run again).
    RunMonth(u32),
    Pause(bool),
    /// Minutes a turn (None: no timer).
    Timer(Option<f64>),
    Inject(String),
    Draft(String),
    Announce,
    /// Ask to end (a second click ends).
    End,
    ConfirmEnd(bool),
}

/// The console: a function of the view, returning the teacher's actions.
pub fn console_panel(ui: &mut egui::Ui, v: &ConsoleView) -> Vec<ConsoleAction> {
    let mut out = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.heading("Teacher's console");
        ui.separator();
        ui.strong(&v.title);
        ui.label(format!("{} (month {} of {})", v.date, (v.month + 1).min(v.length), v.length));
        ui.separator();
        ui.label(format!("Teams join at {}", v.addresses.join(" or ")))
            .on_hover_text("On each team's laptop: the main menu's class game form (write this address, choose the side, Join), or `tradecraft join ADDRESS --side JPN`. Allow the UDP port in this machine's firewall.");
        if v.password {
            ui.weak("(with the password)");
        }
    });
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        if v.over {
            ui.strong(
                "The class game is over. Its log replays with `tradecraft sim` (see the folder below).",
            );
            return;
        }
        let turn = if v.months_per_turn == 1 {
            "month".to_string()
        } else {
            format!("{} months", v.months_per_turn)
        };
        if ui
            .button(egui::RichText::new(format!("Run the {turn} now")).strong())
            .on_hover_text("Runs the turn with the orders the host has, whoever is still thinking.")
            .clicked()
        {
            out.push(ConsoleAction::RunMonth(v.month));
        }
        match v.seconds_left {
            Some(left) => {
                let text = if v.paused {
                    format!("{} paused", clock(left))
                } else {
                    format!("{} left", clock(left))
                };
                timer(ui, text, left, v.paused);
                let (label, paused) = if v.paused {
                    ("Resume the timer", false)
                } else {
                    ("Pause the timer", true)
                };
                if ui.button(label).clicked() {
                    out.push(ConsoleAction::Pause(paused));
                }
            }
            None => {
                ui.weak("no timer: the turn runs when every team is ready");
            }
        }
        ui.label("Timer:");
        for (label, minutes) in [
            ("off", None),
            ("2 min", Some(2.0)),
            ("3 min", Some(3.0)),
            ("5 min", Some(5.0)),
        ] {
            if ui.selectable_label(v.timer_minutes == minutes, label).clicked() {
                out.push(ConsoleAction::Timer(minutes));
            }
        }
        ui.separator();
        if v.confirm_end {
            ui.label(egui::RichText::new("End the class game now?").color(ERROR));
            if ui.button("Yes, end it").clicked() {
                out.push(ConsoleAction::ConfirmEnd(true));
            }
            if ui.button("No").clicked() {
                out.push(ConsoleAction::ConfirmEnd(false));
            }
        } else if ui.button("End the game").clicked() {
            out.push(ConsoleAction::End);
        }
    });
    ui.separator();
    ui.columns(3, |cols| {
        sides_column(&mut cols[0], v);
        world_column(&mut cols[1], v);
        out.extend(steer_column(&mut cols[2], v));
    });
    out
}

fn sides_column(ui: &mut egui::Ui, v: &ConsoleView) {
    egui::ScrollArea::vertical().id_salt("sides").show(ui, |ui| {
        for s in &v.sides {
            ui.horizontal(|ui| {
                ui.heading(&s.side);
                match (&s.team, s.joined) {
                    (Some(t), true) => ui.label(t),
                    (Some(t), false) => ui.colored_label(ERROR, format!("{t}: away (it can rejoin)")),
                    (None, _) => ui.colored_label(ERROR, "no team yet"),
                };
                if s.ready {
                    ui.strong("ready");
                } else if s.joined {
                    ui.weak("thinking…");
                }
            });
            egui::Grid::new(("figures", &s.side))
                .num_columns(2)
                .show(ui, |ui| {
                    for (label, value) in &s.figures {
                        ui.label(label);
                        ui.monospace(value);
                        ui.end_row();
                    }
                    if let Some(score) = s.score {
                        ui.label("Score so far");
                        ui.monospace(format!("{score:.0}/100"));
                        ui.end_row();
                    }
                });
            if !s.lobbies.is_empty() {
                let lobbies: Vec<String> = s.lobbies.iter().map(|(n, p)| format!("{n} {p:.2}")).collect();
                ui.small(format!("Loudest lobbies: {}", lobbies.join(" · ")));
            }
            if s.orders.is_empty() {
                ui.weak("No orders this turn yet.");
            } else {
                ui.label("This turn's orders:");
                for o in &s.orders {
                    ui.label(format!("• {o}"));
                }
            }
            ui.separator();
        }
    });
}

fn world_column(ui: &mut egui::Ui, v: &ConsoleView) {
    ui.strong("Disputes");
    for (title, parties, rung) in &v.disputes {
        ui.horizontal_wrapped(|ui| {
            ui.label(title);
            ui.weak(parties);
            ui.strong(rung);
        });
    }
    ui.separator();
    ui.strong("News");
    egui::ScrollArea::vertical()
        .id_salt("console_news")
        .show(ui, |ui| {
            for (date, headline) in &v.news {
                ui.horizontal_wrapped(|ui| {
                    ui.weak(date);
                    ui.label(headline);
                });
            }
        });
}

fn steer_column(ui: &mut egui::Ui, v: &ConsoleView) -> Vec<ConsoleAction> {
    let mut out = Vec::new();
    if !v.injects.is_empty() {
        ui.strong("Injects").on_hover_text(
            "Each fires once, at the start of the next month, on every team's screen and in the log.",
        );
        for x in &v.injects {
            let waiting = v.waiting.contains(&x.id);
            let (label, hover) = if x.fired {
                (format!("{} (fired)", x.title), "Already fired.".to_string())
            } else if waiting {
                (
                    format!("{} (next month)", x.title),
                    "Fires when the month runs.".to_string(),
                )
            } else {
                (format!("Fire: {}", x.title), x.note.clone())
            };
            let b = ui.add_enabled(!x.fired && !waiting && !v.over, egui::Button::new(label));
            if b.on_hover_text(hover).on_disabled_hover_text(&x.note).clicked() {
                out.push(ConsoleAction::Inject(x.id.clone()));
            }
        }
        ui.separator();
    }
    ui.strong("Speak to the class");
    let mut draft = v.draft.clone();
    if message_field(ui, &mut draft, "Shown on every team's screen").changed() {
        out.push(ConsoleAction::Draft(draft.clone()));
    }
    if ui
        .add_enabled(!draft.trim().is_empty(), egui::Button::new("Send to every team"))
        .clicked()
    {
        out.push(ConsoleAction::Announce);
    }
    ui.separator();
    ui.strong("Orders, messages and months, as they happen");
    egui::ScrollArea::vertical()
        .id_salt("events")
        .stick_to_bottom(true)
        .show(ui, |ui| {
            for e in &v.events {
                if e.starts_with("DESYNC") || e.contains("refused") {
                    ui.colored_label(ERROR, e);
                } else {
                    ui.label(e);
                }
            }
        });
    out
}

/// The console's state: the class game's host and the teacher's unsent words.
pub struct Console {
    pub session: HostSession,
    pub addresses: Vec<String>,
    pub password: bool,
    pub draft: String,
    pub confirm_end: bool,
}

impl Console {
    /// The view of the class game now: every side's screen built as its team sees it.
    pub fn view(&mut self) -> ConsoleView {
        let host = &mut self.session.host;
        let sides = host.sides().to_vec();
        let joined: Vec<String> = host.teams().values().cloned().collect();
        let ready = host.ready().clone();
        let orders = host.orders().clone();
        let names: Vec<Option<String>> = sides
            .iter()
            .map(|s| host.team_name(s).map(str::to_string))
            .collect();
        let (seconds_left, paused, rules, over) =
            (host.seconds_left(), host.paused(), host.rules(), host.over());
        let waiting = host.injects_waiting().to_vec();
        let world = host.simulation().world_mut();
        let mut lines = Vec::new();
        let mut first: Option<View> = None;
        for (i, side) in sides.iter().enumerate() {
            world.insert_resource(super::PlayerSide(side.clone()));
            let v = View::from_world(world);
            let me = v
                .states
                .iter()
                .find(|s| &s.id == side)
                .cloned()
                .unwrap_or_default();
            let other = sides.iter().find(|s| *s != side);
            let mut figures = vec![
                ("Approval".to_string(), format!("{:.0}%", me.approval * 100.0)),
                ("Political capital".to_string(), format!("{:.2}", me.capital)),
                ("Prices (CPI)".to_string(), format!("{:.3}", me.cpi)),
                ("Jobs".to_string(), format!("{:.0}k", me.employment)),
            ];
            if let Some(o) = other.and_then(|o| v.states.iter().find(|s| &s.id == o)) {
                figures.push((
                    format!("Trust in {}", o.id),
                    format!("{:.2}", o.trust_from_player),
                ));
            }
            let command_names = |c: &crate::command::Command| c.label_with(&|id| v.name(id));
            lines.push(SideLine {
                side: side.clone(),
                team: names[i].clone(),
                joined: joined.contains(side),
                ready: ready.contains(side),
                orders: orders
                    .get(side)
                    .map(|o| o.iter().map(command_names).collect())
                    .unwrap_or_default(),
                figures,
                lobbies: v
                    .lobbies
                    .iter()
                    .take(3)
                    .map(|l| (l.name.clone(), l.pressure))
                    .collect(),
                score: v.score,
            });
            first.get_or_insert(v);
        }
        let v = first.unwrap_or_else(|| View::from_world(world));
        let mut disputes: Vec<_> = v.disputes.iter().filter(|d| d.open).collect();
        disputes.sort_by_key(|d| std::cmp::Reverse(d.rung.index()));
        ConsoleView {
            title: v.title.clone(),
            date: v.date.clone(),
            month: v.month,
            length: v.length,
            addresses: self.addresses.clone(),
            password: self.password,
            sides: lines,
            disputes: disputes
                .iter()
                .map(|d| {
                    let parties = format!("{} – {}", d.parties.0, d.parties.1);
                    (d.title.clone(), parties, d.rung.label().to_string())
                })
                .collect(),
            news: v
                .news
                .iter()
                .take(30)
                .map(|n| (n.date.clone(), n.headline.clone()))
                .collect(),
            seconds_left,
            timer_minutes: rules.seconds_per_turn.map(|s| s / 60.0),
            paused,
            months_per_turn: rules.months_per_turn,
            over,
            injects: v.injects.clone(),
            waiting,
            events: self
                .session
                .events
                .iter()
                .rev()
                .take(200)
                .rev()
                .cloned()
                .collect(),
            draft: self.draft.clone(),
            confirm_end: self.confirm_end,
        }
    }

    pub fn apply(&mut self, actions: Vec<ConsoleAction>) {
        for a in actions {
            match a {
                ConsoleAction::RunMonth(m) if m == self.session.host.month() => self.session.force_month(),
                ConsoleAction::RunMonth(_) => {}
                ConsoleAction::Pause(p) => self.session.pause(p),
                ConsoleAction::Timer(m) => self.session.set_timer(m.map(|m| m * 60.0)),
                ConsoleAction::Inject(id) => {
                    if let Err(e) = self.session.inject(&id) {
                        self.session.events.push(e);
                    }
                }
                ConsoleAction::Draft(t) => self.draft = t,
                ConsoleAction::Announce => {
                    let text = std::mem::take(&mut self.draft);
                    self.session.announce(text.trim());
                }
                ConsoleAction::End => self.confirm_end = true,
                ConsoleAction::ConfirmEnd(yes) => {
                    self.confirm_end = false;
                    if yes {
                        self.session.end();
                    }
                }
            }
        }
    }
}

/// `tradecraft host` with a window.
pub fn run(session: HostSession, port: u16) -> std::process::ExitCode {
    let password = session.host.has_password();
    let console = Console {
        session,
        addresses: crate::net::transport::addresses(port),
        password,
        draft: String::new(),
        confirm_end: false,
    };
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(super::window("Tradecraft — teacher's console")))
        .add_plugins(EguiPlugin::default())
        .insert_resource(bevy_egui::EguiGlobalSettings {
            auto_create_primary_context: false,
            ..default()
        })
        .insert_resource(super::class::every_second())
        .insert_resource(ClearColor(egui_dark()))
        .insert_non_send(console)
        .init_resource::<ConsoleCache>()
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn((bevy_egui::PrimaryEguiContext, Camera2d, Msaa::Off));
        })
        .add_systems(
            PreUpdate,
            super::keys::quiet_modifiers
                .after(bevy_egui::EguiPreUpdateSet::ProcessInput)
                .before(bevy_egui::EguiPreUpdateSet::BeginPass),
        )
        .add_systems(Update, pump)
        .add_systems(EguiPrimaryContextPass, draw);
    match app.run() {
        AppExit::Success => std::process::ExitCode::SUCCESS,
        AppExit::Error(code) => std::process::ExitCode::from(code.get()),
    }
}

fn egui_dark() -> Color {
    let c = egui::Visuals::dark().panel_fill;
    Color::srgb_u8(c.r(), c.g(), c.b())
}

/// The console's view, rebuilt when the class game changes (not every frame).
#[derive(Resource, Default)]
struct ConsoleCache {
    key: Option<u64>,
    view: ConsoleView,
}

fn pump(world: &mut World) {
    let waker = super::class::window_waker(world);
    let dt = world.resource::<Time<Real>>().delta();
    let mut console = world.non_send_mut::<Console>();
    if let (Ok(mut w), Some(waker)) = (console.session.server.waker.lock(), waker)
        && w.is_none()
    {
        *w = Some(waker);
    }
    let before = (console.session.events.len(), console.session.host.month());
    console.session.update(dt.min(Duration::from_secs(1)));
    let changed = before != (console.session.events.len(), console.session.host.month());
    if changed {
        world.write_message(bevy::window::RequestRedraw);
    }
}

fn draw(
    mut contexts: EguiContexts,
    mut console: NonSendMut<Console>,
    mut cache: ResMut<ConsoleCache>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let host = &console.session.host;
    let key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            host.month(),
            console.session.events.len(),
            host.ready(),
            host.paused(),
        )
            .hash(&mut h);
        let orders: usize = host.orders().values().map(Vec::len).sum();
        (
            host.seconds_left().map(|s| s.round() as i64),
            orders,
            host.teams(),
        )
            .hash(&mut h);
        (host.injects_waiting(), console.confirm_end, &console.draft).hash(&mut h);
        h.finish()
    };
    if cache.key.as_ref() != Some(&key) {
        cache.view = console.view();
        cache.key = Some(key);
    }
    let mut root = crate::ui::root_ui(&ctx, "console");
    let mut actions = Vec::new();
    egui::CentralPanel::default().show(&mut root, |ui| {
        actions = console_panel(ui, &cache.view);
    });
    if !actions.is_empty() {
        console.apply(actions);
        cache.key = None;
    }
    Ok(())
}
