//! The front end's own state, apart from the model: who the player is, where the game is
//! (menu or playing), the clock's pace, the windows open and the drafts in them, the left
//! panel's tab and forms, the map's lens and focus, and the actions the panels returned. Plain
//! data: the panels read it, `apply_actions` and a few systems change it.

use std::path::PathBuf;

use bevy::prelude::*;

use crate::command::{Channel, Command, Offer, TariffCut};

/// Play speed: months per second when running; paused when `paused`.
#[derive(Resource, Debug, Clone)]
pub struct Pace {
    pub paused: bool,
    pub speed: u8,
    pub since_step: f32,
    pub step_requested: bool,
}

/// Windows over the map: the negotiation package being built, help, glossary.
#[derive(Resource, Debug, Clone, Default)]
pub struct Overlays {
    /// The side's briefing, shown before the first month.
    pub briefing: bool,
    /// The package in the negotiation window, if it is open.
    pub draft: Option<Draft>,
    /// Packages of windows closed unsent, by dispute: reopening brings the draft back.
    pub drafts: std::collections::BTreeMap<String, Draft>,
    /// The end-of-scenario results were put aside to play on (the top bar brings them back).
    pub results_hidden: bool,
    pub help: bool,
    pub glossary: bool,
    pub settings: bool,
    /// The forecast window: the move asked about and, once the background task is done, its
    /// figures.
    pub forecast: Option<ForecastShown>,
}

/// A forecast as its window shows it (`ui::forecast` runs it).
#[derive(Debug, Clone, PartialEq)]
pub struct ForecastShown {
    /// The move in words ("offer at working level on U.S. tariffs on Japanese cars").
    pub label: String,
    /// Names of the states and the side's, for the odds' sentences (the partner's once the
    /// figures have come: the forecast chooses it).
    pub side_name: String,
    pub partner_name: Option<String>,
    /// The dates of the months forecast, now first.
    pub dates: Vec<String>,
    /// None while the task runs.
    pub result: Option<Result<crate::report::forecast::Forecast, String>>,
}

/// Who the player is: the side this screen shows and orders for (in hotseat, whose turn it is).
#[derive(Resource, Debug, Clone)]
pub struct PlayerSide(pub String);

/// Hotseat: every side of the scenario at one laptop, taking turns within each month. The month
/// runs when every side has ended its turn; between turns a hand-over screen hides the game
/// until the next team clicks through. Each side's negotiation drafts are put away while the
/// others play.
#[derive(Resource, Debug, Clone, Default)]
pub struct Hotseat {
    /// The sides people lead, in turn order.
    pub order: Vec<String>,
    /// Those that have ended their turn this month.
    pub done: Vec<String>,
    /// The side the laptop is being handed to, and the side that handed it over (None: a new
    /// month has just run). Until it clicks through, nothing of the game shows.
    pub handing_to: Option<(String, Option<String>)>,
    /// Each side's drafts (the open one, the ones put aside), kept while another side plays.
    pub stash: std::collections::BTreeMap<String, (Option<Draft>, std::collections::BTreeMap<String, Draft>)>,
}

/// Where the game is: choosing a scenario, or playing one.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Menu,
    Playing,
}

/// A request to start: scenario file, side, seed (from the command line or the menu).
#[derive(Resource, Debug, Clone)]
pub struct StartRequest {
    pub path: PathBuf,
    pub side: String,
    /// Hotseat: the other sides people lead at this laptop (empty: one player).
    pub also: Vec<String>,
    pub seed: u64,
    /// Load this saved game instead of starting the scenario afresh.
    pub save: Option<PathBuf>,
    /// Follow this commands file (a replay) until the player takes over.
    pub replay: Option<PathBuf>,
}

/// Hotseat: the sides besides `side` that people lead at this laptop (every other side of the
/// scenario).
pub fn other_sides(sides: &[String], side: &str) -> Vec<String> {
    sides.iter().filter(|s| *s != side).cloned().collect()
}

/// Actions the panels returned this frame, applied at the start of the next.
#[derive(Resource, Debug, Default)]
pub struct UiActions(pub Vec<Action>);

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Step,
    TogglePause,
    Speed(u8),
    Issue(Command),
    Lens(Lens),
    Select(String),
    /// Pick a dispute (from the news): the disputes panel shows and highlights it.
    SelectDispute(String),
    /// Open the negotiation window for a dispute.
    Negotiate(String),
    Save,
    Load,
    ToggleHelp,
    ToggleGlossary,
    ToggleSettings,
    /// Set the UI scale (and remember it).
    Scale(f32),
    /// Switch the high-contrast theme (remembered).
    HighContrast(bool),
    /// The player's name for save files, as it is being typed (remembered by `KeepSettings`).
    PlayerName(String),
    /// Write the settings as they are now (the name field lost focus, the window closed).
    KeepSettings,
    /// Word every screen in this language (remembered).
    Language(crate::i18n::Lang),
    ToMenu,
    /// Show or hide the end-of-scenario results.
    ToggleResults,
    /// Forecast an order: the next 12 months over 32 seeds with it and without it.
    Forecast(crate::command::Command),
    /// Close the forecast window (a forecast still running is dropped).
    CloseForecast,
    /// A replay: from this month the player leads its side (`ui::replay`).
    TakeOverReplay,
    /// Write this run's debrief (an HTML page, `report::debrief`) to the data folder.
    ExportDebrief,
    /// Take back the n-th of the player's orders still waiting for the month.
    CancelOrder(usize),
    /// Hotseat: this side has finished its moves for the month.
    EndTurn,
    /// Hotseat: the next team has the laptop and shows its government.
    TakeOver,
    /// The teacher fires one of the scenario's injects (next month).
    Inject(String),
    /// Class game: the message being written changed.
    ClassDraft(String),
    /// Class game: send the message now.
    ClassSay,
    /// Class game: connect again after the connection was lost (the team catches up).
    ClassRejoin,
    /// Class game: Ready for the month the screen showed (a month that ran meanwhile is not
    /// the one the team meant).
    ClassReady(u32),
}

/// The tabs of the left panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Government,
    Industries,
    Relations,
}

/// The left panel's own state: the open tab, the sector charted, the trade order being written.
#[derive(Resource, Debug, Clone, PartialEq, Default)]
pub struct Sidebar {
    pub tab: Tab,
    /// Sector id shown in the industries chart (None: the first).
    pub sector: Option<String>,
    pub policy: PolicyDraft,
}

/// A trade-policy order being written in the industries tab.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyDraft {
    pub partner: String,
    /// A sector id or "all".
    pub sector: String,
    pub rate: f64,
    /// Quota volume, bn USD/yr.
    pub volume: f64,
    pub voluntary: bool,
}

impl Default for PolicyDraft {
    fn default() -> Self {
        PolicyDraft {
            partner: String::new(),
            sector: "all".into(),
            rate: 0.25,
            volume: 10.0,
            voluntary: false,
        }
    }
}

/// The package the player is building in the negotiation window.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub dispute: String,
    pub title: String,
    /// Per sector: (id, name, cut the tariff?, to what rate, leave it out of the deal?).
    pub sectors: Vec<(String, String, bool, f64, bool)>,
    pub purchases: f64,
    pub investment: f64,
    pub channel: Channel,
    /// Per sector, as `sectors`: (ask them to cut their tariff?, to what rate).
    pub asks: Vec<(bool, f64)>,
    /// Why the last attempt to send it was refused (shown in the window until it changes).
    pub error: Option<String>,
}

impl Draft {
    pub fn command(&self) -> Command {
        Command::MakeOffer {
            dispute: self.dispute.clone(),
            channel: self.channel,
            offer: Offer {
                tariff_cuts: self
                    .sectors
                    .iter()
                    .filter(|s| s.2 && !s.4)
                    .map(|s| TariffCut {
                        sector: s.0.clone(),
                        rate: s.3,
                    })
                    .collect(),
                excluded: self.sectors.iter().filter(|s| s.4).map(|s| s.0.clone()).collect(),
                purchases: self.purchases,
                investment: self.investment,
                asks: self
                    .sectors
                    .iter()
                    .zip(&self.asks)
                    .filter(|(s, a)| a.0 && !s.4)
                    .map(|(s, a)| TariffCut {
                        sector: s.0.clone(),
                        rate: a.1,
                    })
                    .collect(),
            },
        }
    }
}

/// The map lenses.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lens {
    /// −1 (China) red … +1 (United States) blue.
    #[default]
    Alignment,
    /// Trust of each state toward the player.
    Trust,
    Approval,
    /// Highest rung of each state's disputes with the player.
    Escalation,
}

impl Lens {
    pub const ALL: [Lens; 4] = [Lens::Alignment, Lens::Trust, Lens::Approval, Lens::Escalation];
    /// The lens's name on the map's switch, in the current language.
    pub fn label(self) -> String {
        crate::tr!(match self {
            Lens::Alignment => "game-lens-alignment",
            Lens::Trust => "game-lens-trust",
            Lens::Approval => "game-lens-approval",
            Lens::Escalation => "game-lens-escalation",
        })
    }
}

/// What draws the frames. On a software renderer (Mesa's lavapipe or llvmpipe: a laptop
/// without a working graphics driver, a virtual machine, CI) every pixel costs CPU, so the game
/// draws more plainly there: no shadows under windows.
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct Renderer {
    pub software: bool,
}

/// The country under the pointer and the selected state.
#[derive(Resource, Debug, Clone, Default)]
pub struct MapFocus {
    pub hovered: Option<(String, Option<String>)>,
    pub selected: Option<String>,
    /// The part of the window the side panels leave to the map, in physical pixels (set by the
    /// UI each frame; None until the first frame). The panels are drawn on egui's background
    /// layer, so egui does not count them as areas: the map must not react beneath them.
    pub viewport: Option<(f32, f32, f32, f32)>,
    /// The dispute picked from the news, and whether the disputes panel should scroll to it
    /// (once).
    pub dispute: Option<String>,
    pub scroll_to_dispute: bool,
    /// A drag that started on the map: the cursor's last position (logical pixels) and how
    /// far it has moved in all, so a press that barely moves is a click.
    pub drag: Option<(Vec2, f32)>,
}

/// A class game's connection and what this laptop knows of the game beside its world.
#[derive(Resource)]
pub struct TeamNet {
    pub link: crate::net::session::Link,
    pub address: String,
    pub side: String,
    /// None until the host's Welcome.
    pub seat: Option<crate::net::seat::Seat>,
    /// What the connection is doing (connecting, refused, lost): shown on the joining screen
    /// and in the class window.
    pub status: String,
    /// The message being written: sent alone (*Send*) or with the negotiating orders at *Ready*.
    pub draft: String,
    /// The connection is gone (refused or lost): nothing more is read.
    pub closed: bool,
    /// How it joined, to rejoin the same way.
    pub request: JoinRequest,
}

impl TeamNet {
    pub fn connect(j: &JoinRequest) -> Result<TeamNet, String> {
        Ok(TeamNet {
            link: crate::net::session::Link::connect(&j.address, &j.levels, &j.side, &j.name, &j.password)?,
            address: j.address.clone(),
            side: j.side.clone(),
            seat: None,
            status: crate::tr!("game-class-connecting", address = &j.address),
            draft: String::new(),
            closed: false,
            request: j.clone(),
        })
    }
}

/// `tradecraft join`'s request, or the menu's Join form.
#[derive(Debug, Clone, Default)]
pub struct JoinRequest {
    pub address: String,
    pub side: String,
    pub name: String,
    pub password: String,
    pub levels: PathBuf,
}
