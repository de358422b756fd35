//! Snapshots: the whole simulation state as RON, the state hash, and resuming.
//!
//! A snapshot carries its format version, the scenario it came from, every component of every
//! model entity (sorted by id), the dense resources, the RNG position and the recorded history.
//! Files are written to a temporary name and renamed, so a crash never leaves half a save; a
//! corrupt or newer file is refused with a message and nothing is overwritten.

pub mod autosave;
mod check;
pub mod settings;

use std::path::Path;

use bevy_ecs::prelude::*;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::scenario::{Diagnostics, Scenario};
use crate::sim::export_controls::ControlCoverage;
use crate::sim::setup::SimEntity;
use crate::sim::state::{State, state};
use crate::sim::strategic_inputs::Bottlenecks;
use crate::sim::*;

/// Version of the snapshot format this build writes; it reads this one and every earlier one.
/// 2 (2026-12): frozen final scores, self-imposed restraints (`Measure::self_imposed`) and
/// the events' `answers`; a format-1 save reads with those empty (serde defaults), which is
/// what it held (test: `a_save_of_every_earlier_format_loads_and_plays_on`). An earlier build
/// refuses a format-2 save with a message instead of a parse error.
/// 3 (2026-12): leaders (`Politics::leader`, `months_below`, `succession`) and the scenario's
/// `leader`, `system` and `elections`; older saves read with no leader named and no change
/// under way (serde defaults), which is what they held.
/// Issue 12 added, within format 3, the starting trust behind the trust floors
/// (`Relations::trust0`) and the strategic inputs (`State::bottlenecks`): a save without them
/// is migrated as it loads (`migrate_relations`; full stocks, no cap). One save of every
/// earlier format is kept under `tests/data/saves/`, and a test loads each and plays it on
/// (`determinism::a_save_of_every_earlier_format_loads_and_plays_on`).
pub const FORMAT_VERSION: u32 = 3;

/// Records: what happened and why. Saved, not hashed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Records {
    pub log: CommandLog,
    #[serde(default)]
    pub reported: crate::sim::explain::Reported,
    pub causes: Causes,
    pub news: News,
    pub history: History,
    /// The scores frozen at the scenario's end (empty before; absent in older saves).
    #[serde(default)]
    pub final_scores: crate::sim::objectives::FinalScores,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub format: u32,
    pub scenario: Scenario,
    pub state: State,
    pub records: Records,
    /// The model's sentences in this save that a reader of another language sees worded in it
    /// (a refusal, an AI's reason, a new leader's title, a dispute's title: the records and
    /// state hold their English), by that English (`i18n::remembered_in`). Written by `text`
    /// as the last field; empty in a save older than it, whose sentences show in English
    /// until the model makes them again.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub words: std::collections::BTreeMap<String, crate::i18n::Words>,
}

pub fn snapshot(world: &mut World) -> Snapshot {
    Snapshot {
        format: FORMAT_VERSION,
        scenario: world.resource::<ScenarioDef>().0.clone(),
        state: state(world),
        records: Records {
            log: world.resource::<CommandLog>().clone(),
            reported: world.resource::<crate::sim::explain::Reported>().clone(),
            causes: world.resource::<Causes>().clone(),
            news: world.resource::<News>().clone(),
            history: world.resource::<History>().clone(),
            final_scores: world.resource::<crate::sim::objectives::FinalScores>().clone(),
        },
        words: Default::default(),
    }
}

/// Build a simulation that continues exactly where the snapshot left off.
pub fn restore(snap: &Snapshot) -> Result<Simulation, String> {
    let mut app = bevy_app::App::new();
    app.add_plugins(SimPlugin);
    restore_into(app.world_mut(), snap)?;
    Ok(Simulation { app })
}

/// Replace the model in `world` (which has the `SimPlugin` schedule) with the snapshot's. Every
/// check comes first: a save that is newer, damaged or inconsistent is refused and the world
/// is left as it was.
pub fn restore_into(world: &mut World, snap: &Snapshot) -> Result<(), String> {
    if snap.format > FORMAT_VERSION {
        return Err(format!(
            "this save has format {} but this build reads up to {FORMAT_VERSION}: update Tradecraft",
            snap.format
        ));
    }
    let st = &snap.state;
    let problems = crate::scenario::validate::scenario(&snap.scenario);
    if let Some(p) = problems.first() {
        return Err(format!(
            "the save's scenario is invalid at {}: {}",
            p.path, p.message
        ));
    }
    let n = snap.scenario.states.len();
    if st.countries.len() != n || st.trade.n != n || st.relations.n != n {
        return Err("the save does not match its scenario (state counts differ)".into());
    }
    rng_of(st)?;
    // What the scenario builds gives every array its size.
    let (fresh, reg) = {
        let mut app = bevy_app::App::new();
        app.add_plugins(SimPlugin);
        crate::sim::setup::build(
            app.world_mut(),
            &snap.scenario,
            st.seed,
            player_of(snap).as_deref(),
        )?;
        let reg = app.world().resource::<crate::sim::Registry>().clone();
        (state(app.world_mut()), reg)
    };
    check::fits(st, &fresh, &snap.scenario)?;
    check::tariffs_fit(&reg, &st.measures)?;
    check::history_fits(&snap.records.history, st.clock.month)?;
    put(world, snap)
}

/// A snapshot this program has just taken from a live world (a forecast's starting point), as
/// a simulation: `restore` without its checks, which such a snapshot passes by construction.
pub fn restore_taken(snap: &Snapshot) -> Result<Simulation, String> {
    let mut app = bevy_app::App::new();
    app.add_plugins(SimPlugin);
    put(app.world_mut(), snap)?;
    Ok(Simulation { app })
}

/// The side the snapshot's player leads.
fn player_of(snap: &Snapshot) -> Option<String> {
    snap.state
        .control
        .player
        .and_then(|i| snap.scenario.states.get(i))
        .map(|s| s.id.clone())
}

/// The random-number generator as saved.
fn rng_of(st: &State) -> Result<ChaCha8Rng, String> {
    let mut seed = [0u8; 32];
    if st.rng.seed.len() != 64 {
        return Err("the save's random-number state is damaged".into());
    }
    for (i, b) in seed.iter_mut().enumerate() {
        *b = u8::from_str_radix(st.rng.seed.get(2 * i..2 * i + 2).unwrap_or("zz"), 16)
            .map_err(|_| "the save's random-number state is damaged")?;
    }
    let word_pos: u128 = st
        .rng
        .word_pos
        .parse()
        .map_err(|_| "the save's random-number position is damaged")?;
    let mut rng = ChaCha8Rng::from_seed(seed);
    rng.set_stream(st.rng.stream);
    rng.set_word_pos(word_pos);
    Ok(rng)
}

/// Put the snapshot's model into `world` (checked already, or taken from a live world).
fn put(world: &mut World, snap: &Snapshot) -> Result<(), String> {
    let st = &snap.state;
    let player = player_of(snap);
    let mut q = world.query_filtered::<Entity, With<SimEntity>>();
    let old: Vec<Entity> = q.iter(world).collect();
    for e in old {
        world.despawn(e);
    }
    crate::sim::setup::build(world, &snap.scenario, st.seed, player.as_deref())?;
    fill(world, snap)
}

/// Back to `snap` (taken from a live world) in a simulation `restore_taken` built from it: the
/// forecast's runs reuse one world instead of building the scenario for each. What the build
/// sets and `fill` does not is derived again every month; it goes back to as built.
pub fn reset_taken(sim: &mut Simulation, snap: &Snapshot) -> Result<(), String> {
    let world = sim.world_mut();
    world.insert_resource(crate::sim::Seed(snap.state.seed));
    world.insert_resource(crate::sim::Wedges::default());
    world.insert_resource(crate::sim::MarketTotals::default());
    fill(world, snap)
}

/// Everything of the snapshot after the scenario's build: resources, records and entities.
fn fill(world: &mut World, snap: &Snapshot) -> Result<(), String> {
    let st = &snap.state;
    let n = snap.scenario.states.len();
    world.insert_resource(SimRng(rng_of(st)?));
    world.insert_resource(st.clock.clone());
    world.insert_resource(Params(st.params.clone()));
    world.insert_resource(st.control.clone());
    world.insert_resource(st.pending.clone());
    world.insert_resource(st.script.clone());
    world.insert_resource(st.serial);
    world.resource_mut::<Timeline>().fired = st.timeline_fired.clone();
    world.resource_mut::<Timeline>().injected = st.injected.clone();
    let mut trade = st.trade.clone();
    trade.derive_pair_flow();
    world.insert_resource(trade);
    let relations = migrate_relations(world.resource::<Relations>(), &st.relations, &st.params);
    world.insert_resource(relations);
    world.insert_resource(st.risk.clone());
    let mut bottlenecks = st.bottlenecks.clone();
    if bottlenecks.cap.is_empty() {
        // Older than strategic inputs: none had formed, every stock full (what the first
        // month would set up).
        let k = snap.scenario.sectors.len();
        bottlenecks = Bottlenecks::new(n, k, st.params.strategic_stock_months);
    }
    world.insert_resource(bottlenecks);
    world.insert_resource(ControlCoverage::default());
    world.insert_resource(snap.records.log.clone());
    world.insert_resource(snap.records.reported.clone());
    world.insert_resource(snap.records.causes.clone());
    world.insert_resource(snap.records.news.clone());
    world.insert_resource(snap.records.history.clone());
    world.insert_resource(snap.records.final_scores.clone());
    crate::i18n::remember_all(&snap.words);
    let mut q = world.query_filtered::<Entity, With<SimEntity>>();
    let old: Vec<Entity> = q.iter(world).collect();
    for e in old {
        world.despawn(e);
    }
    let mut entities = Vec::new();
    for (c, e, p, m) in &st.countries {
        entities.push(
            world
                .spawn((SimEntity, c.clone(), e.clone(), p.clone(), m.clone()))
                .id(),
        );
    }
    world.resource_mut::<Registry>().entities = entities;
    for x in &st.industries {
        world.spawn((SimEntity, x.clone()));
    }
    for x in &st.lobbies {
        world.spawn((SimEntity, x.clone()));
    }
    for x in &st.measures {
        world.spawn((SimEntity, x.clone()));
    }
    for x in &st.disputes {
        world.spawn((SimEntity, x.clone()));
    }
    for x in &st.frameworks {
        world.spawn((SimEntity, x.clone()));
    }
    for x in &st.acquisitions {
        world.spawn((SimEntity, x.clone()));
    }
    Ok(())
}

/// Trust from a save, brought up to today's rules. Saves older than trust floors (format 2,
/// and format 3 before issue 12) lack the starting trust behind them: it is the scenario's, as
/// `setup::build` has just set it in `built`. Trust and ceilings below their floor rise to it,
/// as the first month's trust phase would lift them.
fn migrate_relations(
    built: &Relations,
    saved: &Relations,
    params: &crate::scenario::Parameters,
) -> Relations {
    let mut r = saved.clone();
    if r.trust0.len() == r.trust.len() {
        return r;
    }
    r.trust0 = built.trust0.clone();
    for c in 0..r.trust.len() {
        let floor = r.floor(c / r.n, c % r.n, params.trust_floor);
        r.trust[c] = r.trust[c].max(floor);
        r.ceiling[c] = r.ceiling[c].max(floor);
    }
    r
}

/// What puts the bytes into a file opened for writing (`write_atomic_via`).
pub type WriteStep<'a> = &'a mut dyn FnMut(&mut std::fs::File, &[u8]) -> std::io::Result<()>;

/// Write `text` to `path` so that a crash or a full disk leaves either the old file or the new
/// one, never half of one: a temporary file beside it, flushed to the disk (fsync), then
/// renamed over it, and the rename itself flushed (the folder synced, where the system allows).
pub fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    write_atomic_via(path, text, &mut |f, bytes| {
        use std::io::Write;
        f.write_all(bytes)
    })
}

/// `write_atomic` with the step that writes the bytes given (tests pass one that fails or
/// stops half way). A step that fails removes the temporary file; one that never returns (a
/// crash) leaves it, and the target as it was.
pub fn write_atomic_via(path: &Path, text: &str, step: WriteStep) -> std::io::Result<()> {
    // Named with the process: two windows on one data folder never write one temporary file
    // (each rename then puts a whole file in place).
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(format!(".{}.tmp", std::process::id()));
    let tmp = std::path::PathBuf::from(tmp);
    let written = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        step(&mut f, text.as_bytes())?;
        f.sync_all()
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, path)?;
    // The rename is durable once the folder is synced (a no-op, or refused, on some systems:
    // the new file is whole either way).
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(d) = std::fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The snapshot of `world` as the RON text a save holds.
pub fn text(world: &mut World) -> std::io::Result<String> {
    text_of(&snapshot(world))
}

/// A snapshot as the RON text a save holds (off the frame: the window's autosave writes it on
/// a background task).
pub fn text_of(snap: &Snapshot) -> std::io::Result<String> {
    let pretty = ron::ser::PrettyConfig::default();
    let mut text = ron::ser::to_string_pretty(snap, pretty.clone()).map_err(std::io::Error::other)?;
    // The sentences of this text the screens word in another language go with it: the
    // snapshot's last field (`Snapshot::words`), added before its closing parenthesis rather
    // than by writing the whole snapshot a second time (an autosave a month).
    let words = crate::i18n::remembered_in(&text);
    if !words.is_empty() {
        let field = ron::ser::to_string_pretty(&words, pretty).map_err(std::io::Error::other)?;
        let end = text
            .rfind(')')
            .ok_or_else(|| std::io::Error::other("a snapshot's text ends with its closing parenthesis"))?;
        let head = text[..end].trim_end();
        let comma = if head.ends_with(',') { "" } else { "," };
        text = format!("{head}{comma}\n    words: {field},\n)");
    }
    Ok(text)
}

pub fn save(world: &mut World, path: &Path) -> std::io::Result<()> {
    write_atomic(path, &text(world)?)
}

/// Read a snapshot, with positioned errors for a damaged file.
pub fn load(path: &Path) -> Result<Snapshot, Diagnostics> {
    let src = crate::scenario::read_text(path)?;
    parse_snapshot(&src, &path.display().to_string())
}

/// A snapshot from the text of a save file; `file` names it in the diagnostics. It only reads:
/// `restore` checks that the state fits its scenario.
pub fn parse_snapshot(src: &str, file: &str) -> Result<Snapshot, Diagnostics> {
    let file = file.to_string();
    // The version first, so a newer save is named as such even if its layout changed.
    #[derive(Deserialize)]
    struct Header {
        format: u32,
    }
    if let Ok(h) = crate::scenario::load::options().from_str::<Header>(src)
        && h.format > FORMAT_VERSION
    {
        return Err(Diagnostics(vec![crate::scenario::Diagnostic {
            file,
            line: 1,
            col: 1,
            message: format!(
                "this save has format {} but this build reads up to {FORMAT_VERSION}",
                h.format
            ),
            hint: "update Tradecraft to load it; the file was not changed".into(),
        }]));
    }
    let snap: Snapshot = crate::scenario::load::options().from_str(src).map_err(|e| {
        Diagnostics(vec![crate::scenario::Diagnostic {
            file: file.clone(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: format!("this save is damaged: {}", e.code),
            hint: "load an older save or autosave; this file was not changed".into(),
        }])
    })?;
    Ok(snap)
}

/// What a save holds, for a list of saved games: scenario title, the side led, the date.
#[derive(Debug, Clone, PartialEq)]
pub struct SaveInfo {
    pub title: String,
    pub side: Option<String>,
    pub date: String,
    pub month: u32,
}

/// Read only what `SaveInfo` needs from a save (the rest is skipped, not built).
pub fn peek(path: &Path) -> Result<SaveInfo, String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    peek_text(&src, &path.display().to_string())
}

/// `peek` on the text of a save; `file` names it in the message.
pub fn peek_text(src: &str, file: &str) -> Result<SaveInfo, String> {
    #[derive(Deserialize)]
    struct Meta {
        title: String,
    }
    #[derive(Deserialize)]
    struct Id {
        id: String,
    }
    #[derive(Deserialize)]
    struct Scen {
        meta: Meta,
        states: Vec<Id>,
    }
    #[derive(Deserialize)]
    struct St {
        clock: Clock,
        control: Control,
    }
    #[derive(Deserialize)]
    struct Peek {
        format: u32,
        scenario: Scen,
        state: St,
    }
    let p: Peek = crate::scenario::load::options()
        .from_str(src)
        .map_err(|e| format!("{file}: {e}"))?;
    if p.format > FORMAT_VERSION {
        return Err(format!(
            "{file}: made by a newer Tradecraft (format {})",
            p.format
        ));
    }
    Ok(SaveInfo {
        title: p.scenario.meta.title,
        side: p
            .state
            .control
            .player
            .and_then(|i| p.scenario.states.get(i).map(|s| s.id.clone())),
        date: p.state.clock.date(),
        month: p.state.clock.month,
    })
}
