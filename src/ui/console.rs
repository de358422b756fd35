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
use crate::i18n::Lang;
use crate::net::session::HostSession;
use crate::tr;

/// One side as the teacher sees it: its team, its readiness and orders, its government.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SideLine {
    pub side: String,
    /// The side as the console names it (its id in English, its name in another language).
    pub label: String,
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
    /// The account of the class game in the teacher's language, and whether each line is a
    /// warning (a desync, a refusal).
    pub events: Vec<(String, bool)>,
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
        ui.heading(tr!("console-heading"));
        ui.separator();
        ui.strong(&v.title);
        ui.label(tr!(
            "console-date",
            date = date(&v.date),
            month = (v.month + 1).min(v.length),
            length = v.length
        ));
        ui.separator();
        let or = format!(" {} ", tr!("console-or"));
        ui.label(tr!("console-join-at", addresses = v.addresses.join(&or)))
            .on_hover_text(tr!("console-join-at-tip"));
        if v.password {
            ui.weak(tr!("console-with-password"));
        }
    });
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        if v.over {
            ui.strong(tr!("console-over"));
            return;
        }
        if ui
            .button(egui::RichText::new(tr!("console-run", n = v.months_per_turn)).strong())
            .on_hover_text(tr!("console-run-tip"))
            .clicked()
        {
            out.push(ConsoleAction::RunMonth(v.month));
        }
        match v.seconds_left {
            Some(left) => {
                let text = if v.paused {
                    tr!("console-timer-paused", time = clock(left))
                } else {
                    tr!("console-timer-left", time = clock(left))
                };
                timer(ui, text, left, v.paused);
                let (label, paused) = if v.paused {
                    (tr!("console-timer-resume"), false)
                } else {
                    (tr!("console-timer-pause"), true)
                };
                if ui.button(label).clicked() {
                    out.push(ConsoleAction::Pause(paused));
                }
            }
            None => {
                ui.weak(tr!("console-no-timer"));
            }
        }
        ui.label(tr!("console-timer"));
        for minutes in [None, Some(2.0), Some(3.0), Some(5.0)] {
            let label = match minutes {
                None => tr!("console-timer-off"),
                Some(m) => tr!("console-timer-minutes", n = m as i64),
            };
            if ui.selectable_label(v.timer_minutes == minutes, label).clicked() {
                out.push(ConsoleAction::Timer(minutes));
            }
        }
        ui.separator();
        if v.confirm_end {
            ui.label(egui::RichText::new(tr!("console-end-confirm")).color(ERROR));
            if ui.button(tr!("console-end-yes")).clicked() {
                out.push(ConsoleAction::ConfirmEnd(true));
            }
            if ui.button(tr!("console-end-no")).clicked() {
                out.push(ConsoleAction::ConfirmEnd(false));
            }
        } else if ui.button(tr!("console-end")).clicked() {
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
                ui.heading(&s.label);
                match (&s.team, s.joined) {
                    (Some(t), true) => ui.label(t),
                    (Some(t), false) => ui.colored_label(ERROR, tr!("console-team-away", team = t)),
                    (None, _) => ui.colored_label(ERROR, tr!("console-no-team")),
                };
                if s.ready {
                    ui.strong(tr!("console-ready"));
                } else if s.joined {
                    ui.weak(tr!("console-thinking"));
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
                        ui.label(tr!("console-score"));
                        ui.monospace(format!("{score:.0}/100"));
                        ui.end_row();
                    }
                });
            if !s.lobbies.is_empty() {
                let lobbies: Vec<String> = s.lobbies.iter().map(|(n, p)| format!("{n} {p:.2}")).collect();
                ui.small(tr!("console-lobbies", lobbies = lobbies.join(" · ")));
            }
            if s.orders.is_empty() {
                ui.weak(tr!("console-no-orders"));
            } else {
                ui.label(tr!("console-orders"));
                for o in &s.orders {
                    ui.label(format!("• {o}"));
                }
            }
            ui.separator();
        }
    });
}

fn world_column(ui: &mut egui::Ui, v: &ConsoleView) {
    ui.strong(tr!("console-disputes"));
    for (title, parties, rung) in &v.disputes {
        ui.horizontal_wrapped(|ui| {
            ui.label(title);
            ui.weak(parties);
            ui.strong(rung);
        });
    }
    ui.separator();
    ui.strong(tr!("console-news"));
    egui::ScrollArea::vertical()
        .id_salt("console_news")
        .show(ui, |ui| {
            for (date, headline) in &v.news {
                ui.horizontal_wrapped(|ui| {
                    ui.weak(self::date(date));
                    ui.label(headline);
                });
            }
        });
}

fn steer_column(ui: &mut egui::Ui, v: &ConsoleView) -> Vec<ConsoleAction> {
    let mut out = Vec::new();
    if !v.injects.is_empty() {
        ui.strong(tr!("console-injects"))
            .on_hover_text(tr!("console-injects-tip"));
        for x in &v.injects {
            let waiting = v.waiting.contains(&x.id);
            let (label, hover) = if x.fired {
                (
                    tr!("console-inject-fired", title = &x.title),
                    tr!("console-inject-fired-tip"),
                )
            } else if waiting {
                (
                    tr!("console-inject-waiting", title = &x.title),
                    tr!("console-inject-waiting-tip"),
                )
            } else {
                (tr!("console-inject-fire", title = &x.title), x.note.clone())
            };
            let b = ui.add_enabled(!x.fired && !waiting && !v.over, egui::Button::new(label));
            if b.on_hover_text(hover).on_disabled_hover_text(&x.note).clicked() {
                out.push(ConsoleAction::Inject(x.id.clone()));
            }
        }
        ui.separator();
    }
    ui.strong(tr!("console-speak"));
    let mut draft = v.draft.clone();
    if message_field(ui, &mut draft, &tr!("console-speak-hint")).changed() {
        out.push(ConsoleAction::Draft(draft.clone()));
    }
    if ui
        .add_enabled(!draft.trim().is_empty(), egui::Button::new(tr!("console-send")))
        .clicked()
    {
        out.push(ConsoleAction::Announce);
    }
    ui.separator();
    ui.strong(tr!("console-events"));
    egui::ScrollArea::vertical()
        .id_salt("events")
        .stick_to_bottom(true)
        .show(ui, |ui| {
            for (e, alarm) in &v.events {
                if *alarm {
                    ui.colored_label(ERROR, e);
                } else {
                    ui.label(e);
                }
            }
        });
    out
}

/// A "YYYY-MM" date as the teacher reads it: as it is in English, "2025年10月" in Japanese.
fn date(d: &str) -> String {
    match crate::i18n::lang() {
        Lang::En => d.to_string(),
        lang => crate::i18n::format::month_year(lang, d),
    }
}

/// A rung of the escalation ladder, in the current language.
fn rung(r: crate::scenario::Rung) -> String {
    use crate::scenario::Rung;
    tr!(match r {
        Rung::WorkingLevel => "console-rung-working-level",
        Rung::Ministerial => "console-rung-ministerial",
        Rung::DisputeSettlement => "console-rung-dispute-settlement",
        Rung::Leaders => "console-rung-leaders",
        Rung::Public => "console-rung-public",
    })
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
                (tr!("console-approval"), format!("{:.0}%", me.approval * 100.0)),
                (tr!("console-capital"), format!("{:.2}", me.capital)),
                (tr!("console-cpi"), format!("{:.3}", me.cpi)),
                (
                    tr!("console-jobs"),
                    tr!("console-jobs-value", jobs = format!("{:.0}", me.employment)),
                ),
            ];
            if let Some(o) = other.and_then(|o| v.states.iter().find(|s| &s.id == o)) {
                figures.push((
                    tr!("console-trust-in", side = v.side_label(&o.id)),
                    format!("{:.2}", o.trust_from_player),
                ));
            }
            let command_names = |c: &crate::command::Command| c.label_with(&|id| v.name(id));
            lines.push(SideLine {
                side: side.clone(),
                label: v.side_label(side),
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
                    let parties = format!("{} – {}", v.side_label(&d.parties.0), v.side_label(&d.parties.1));
                    (d.title.clone(), parties, rung(d.rung))
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
            injects: v
                .injects
                .iter()
                .map(|x| InjectLine {
                    title: crate::i18n::local(&x.title),
                    note: crate::i18n::local(&x.note),
                    ..x.clone()
                })
                .collect(),
            waiting,
            events: self
                .session
                .events
                .iter()
                .rev()
                .take(200)
                .rev()
                .map(|e| (e.text(), e.alarm()))
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
                        let words = crate::net::wording::words_of(&e, &|_| None);
                        self.session.event(words);
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

/// The teacher's language: `--lang` when it was given (English too), else the saved settings'
/// (or the system's).
pub fn language(flag: Option<Lang>, settings: &super::settings::Settings) -> Lang {
    flag.unwrap_or_else(|| super::settings::language(settings))
}

/// `tradecraft host` with a window, in the language of `--lang` (`lang`) or the settings.
pub fn run(session: HostSession, port: u16, lang: Option<Lang>) -> std::process::ExitCode {
    crate::i18n::set_lang(language(lang, &super::settings::load().0));
    let password = session.host.has_password();
    let console = Console {
        session,
        addresses: crate::net::transport::addresses(port),
        password,
        draft: String::new(),
        confirm_end: false,
    };
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(super::window(&tr!("console-window-title"))))
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
    super::settings::apply_fonts(&ctx);
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
