//! Dense data and bookkeeping of the model, as resources indexed by the compact state index
//! (`Country::idx`) and sector index.

use bevy_ecs::prelude::*;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

pub use super::causes::{Because, Cause, Causes};
use crate::command::{Command, ScheduledCommand};
use crate::scenario::{EventDef, Parameters};

/// Static facts of the scenario: ids, names and sector technology. Not part of the state.
/// The names and the id indexes are shared (`Arc`): systems that need `&mut World` copy the
/// registry first, and a copy should not allocate every string again (it did, several times a
/// month).
#[derive(Resource, Debug, Clone, Default)]
pub struct Registry {
    pub states: std::sync::Arc<Vec<String>>,
    pub state_names: std::sync::Arc<Vec<String>>,
    pub sectors: std::sync::Arc<Vec<String>>,
    pub sector_names: std::sync::Arc<Vec<String>>,
    /// Armington elasticity per sector.
    pub sigma: Vec<f64>,
    /// Supply elasticity per sector.
    pub eta: Vec<f64>,
    /// Factor intensities per sector: [land, labour, capital].
    pub intensity: Vec<[f64; 3]>,
    /// Input–output cost shares, sector by sector: (input l, share of l in the sector's cost)
    /// for every nonzero share, in input order (most shares are zero; the trade phase sums
    /// these every month).
    pub uses: Vec<Vec<(usize, f64)>>,
    pub strategic: Vec<bool>,
    /// Alignment poles (+1, −1) when the scenario names them.
    pub poles: Option<(usize, usize)>,
    /// Entity of each state, by index.
    pub entities: Vec<Entity>,
    /// Id → index, for fast lookups.
    pub state_index: std::sync::Arc<std::collections::BTreeMap<String, usize>>,
    pub sector_index: std::sync::Arc<std::collections::BTreeMap<String, usize>>,
}

impl Registry {
    pub fn n(&self) -> usize {
        self.states.len()
    }
    pub fn k(&self) -> usize {
        self.sectors.len()
    }
    pub fn state(&self, id: &str) -> Option<usize> {
        self.state_index.get(id).copied()
    }
    pub fn sector(&self, id: &str) -> Option<usize> {
        self.sector_index.get(id).copied()
    }
    /// The strategic inputs sector `s` uses (other than itself), in input order: what can cap
    /// its output (`strategic_inputs`).
    pub fn strategic_inputs(&self, s: usize) -> impl Iterator<Item = usize> + '_ {
        self.uses[s]
            .iter()
            .filter(move |&&(l, share)| self.strategic[l] && l != s && share > 0.0)
            .map(|&(l, _)| l)
    }
    /// The id of a directed pair of states, "FROM->TO", as trust causes and history name it.
    pub fn pair(&self, from: usize, to: usize) -> String {
        format!("{}->{}", self.states[from], self.states[to])
    }
    /// A state's name for people, or the id itself when no state has it.
    pub fn state_name(&self, id: &str) -> String {
        self.state(id)
            .map_or(id.to_string(), |i| self.state_names[i].clone())
    }
    /// A sector's name for people, or the id itself when no sector has it.
    pub fn sector_name(&self, id: &str) -> String {
        self.sector(id)
            .map_or(id.to_string(), |k| self.sector_names[k].clone())
    }
}

/// Scenario time.
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clock {
    /// Months elapsed since the start (the month about to run).
    pub month: u32,
    pub start_year: i32,
    pub start_month: u32,
    /// The scenario's length in months.
    pub length: u32,
}

impl Clock {
    /// "YYYY-MM" of scenario month `m`.
    pub fn date_of(&self, m: u32) -> String {
        let total = self.start_year as i64 * 12 + (self.start_month as i64 - 1) + m as i64;
        format!("{:04}-{:02}", total.div_euclid(12), total.rem_euclid(12) + 1)
    }
    pub fn date(&self) -> String {
        self.date_of(self.month)
    }
    pub fn finished(&self) -> bool {
        self.month >= self.length
    }
}

/// Bilateral flows by sector. Cell index `(i * k + s) * n + j`: importer i, sector s, supplier
/// j (i == j: home sales), so one market's suppliers are contiguous. Flows are quantities in
/// base-year bn USD (base landed price = 1).
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trade {
    pub n: usize,
    pub k: usize,
    pub flow: Vec<f64>,
    pub base: Vec<f64>,
    /// Calibrated Armington preference weights a_ijk (they drift with friend-shoring).
    pub weight: Vec<f64>,
    /// Producer price of supplier j in sector s: `j * k + s`, base 1.
    pub price: Vec<f64>,
    /// Buyer's expenditure per importer and sector at base prices: `i * k + s`.
    pub spend0: Vec<f64>,
    /// Buyer price index per importer and sector, base 1: `i * k + s`.
    pub price_index: Vec<f64>,
    /// Shadow price of each binding quota or VER, by the cap's position in `Wedges::caps`.
    pub rho: Vec<f64>,
    /// Tariff revenue per state in the base month, bn USD/yr.
    pub revenue0: Vec<f64>,
    /// Base-month sales (quantity) of supplier j in sector s: `j * k + s`.
    pub sales0: Vec<f64>,
    /// Tariffs in force in the base month, sorted by cell: the status quo that new moves are
    /// measured against (a cut below it is a concession, a rise above it a new tariff).
    pub base_tariff: Vec<(usize, f64)>,
    /// Quantity demanded from supplier j in sector s at last month's prices: `j * k + s`
    /// (it sets this month's capacity pressure on prices).
    pub demand: Vec<f64>,
    /// Derived each month: quantity actually sold by j in s.
    #[serde(skip)]
    pub sales: Vec<f64>,
    /// Derived each month: total flow between each ordered pair (importer, supplier): `i * n + j`.
    #[serde(skip)]
    pub pair_flow: Vec<f64>,
    /// Derived: weight × (1+τ)^(1−σ) (0 when controlled), and that over (1+τ).
    #[serde(skip)]
    pub wt: Vec<f64>,
    #[serde(skip)]
    pub wtm: Vec<f64>,
    /// Whether `wt` and `wtm` must be rebuilt before use.
    #[serde(skip, default = "yes")]
    pub dirty: bool,
}

fn yes() -> bool {
    true
}

impl Trade {
    #[inline]
    pub fn at(&self, i: usize, j: usize, s: usize) -> usize {
        (i * self.k + s) * self.n + j
    }
    /// Rebuild the per-pair totals from the flows (they are not saved: a loaded game needs
    /// them before its first month, for the map's arcs and the trade figures).
    pub fn derive_pair_flow(&mut self) {
        let (n, k) = (self.n, self.k);
        self.pair_flow = vec![0.0; n * n];
        for i in 0..n {
            for s in 0..k {
                for j in 0..n {
                    self.pair_flow[i * n + j] += self.flow[(i * k + s) * n + j];
                }
            }
        }
    }
    /// The base-month tariff of a cell.
    pub fn tariff0(&self, c: usize) -> f64 {
        self.base_tariff
            .binary_search_by_key(&c, |x| x.0)
            .map_or(0.0, |i| self.base_tariff[i].1)
    }
    /// How far a cell's tariff `now` stands above the base month's (a new move, not the status
    /// quo; 0 below it).
    pub fn tariff_rise(&self, c: usize, now: f64) -> f64 {
        (now - self.tariff0(c)).max(0.0)
    }
}

/// A quantity cap on one flow: an import quota or a VER.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cap {
    pub importer: usize,
    pub supplier: usize,
    pub sector: usize,
    /// bn USD/yr at base prices.
    pub volume: f64,
    /// A VER: the exporter administers it and keeps the rent.
    pub voluntary: bool,
}

/// Policy wedges derived from the measures in force; rebuilt only when measures change.
/// Same cell layout as `Trade`.
#[derive(Resource, Debug, Clone, Default)]
pub struct Wedges {
    pub n: usize,
    pub k: usize,
    /// Serial numbers of the measures these wedges were built from.
    pub signature: Vec<u64>,
    pub tariff: Vec<f64>,
    pub controlled: Vec<bool>,
    pub caps: Vec<Cap>,
    /// (importer, supplier, sector) of each export control in force.
    pub controls: Vec<(usize, usize, usize)>,
    /// Mean tariff importer i applies to supplier j over sectors: `i * n + j`.
    pub pair_tariff: Vec<f64>,
    /// The same in the base month.
    pub pair_tariff0: Vec<f64>,
    /// Cells with a nonzero tariff.
    pub tariffed: Vec<usize>,
    /// Markets (`importer * k + sector`) with no tariff and no export control on any supplier:
    /// there `wtm = wt` and no flow is stopped, so the trade pass reads one weight array, not
    /// three (`trade::solve_trade`).
    pub plain: Vec<bool>,
}

impl Wedges {
    #[inline]
    pub fn at(&self, i: usize, j: usize, s: usize) -> usize {
        (i * self.k + s) * self.n + j
    }
    /// Tariff i applies to j in s above the base month's (new moves, not the status quo).
    pub fn new_tariff(&self, t: &Trade, i: usize, j: usize, s: usize) -> f64 {
        let c = self.at(i, j, s);
        t.tariff_rise(c, self.tariff[c])
    }
    /// Mean tariff rise of i on j over the base month, across sectors.
    pub fn new_pair_tariff(&self, i: usize, j: usize) -> f64 {
        let c = i * self.n + j;
        (self.pair_tariff[c] - self.pair_tariff0.get(c).copied().unwrap_or(0.0)).max(0.0)
    }
}

/// Each market's totals this month, kept by the trade phase as it moves the flows (after the
/// rationing of capped suppliers) so that later phases need not walk the n²k flow array again:
/// index `importer * k + sector`. Derived every month, not saved.
#[derive(Resource, Debug, Clone, Default)]
pub struct MarketTotals {
    /// Σ_j flow(i, j, s): what market (i, s) buys from every supplier, home included; kept for
    /// the strategic inputs only (0 elsewhere).
    pub volume: Vec<f64>,
    /// Σ_j base(i, j, s): the same in the base month (constant; worked out in the first month).
    pub volume0: Vec<f64>,
    /// flow(i, i, s): what its own producers sell in it.
    pub home: Vec<f64>,
    /// The states whose bilateral trade the history records (`Control::watched`) ...
    pub watched: Vec<usize>,
    /// ... and what each market buys from each of them: `(w * n + i) * k + s` holds
    /// flow(i, watched[w], s). Read across the flow array these were a cache miss each.
    pub from_watched: Vec<f64>,
}

/// Directed trust and its ceiling: index `from * n + to`.
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relations {
    pub n: usize,
    pub trust: Vec<f64>,
    /// What time alone heals trust back to; it only ever falls (public fights).
    pub ceiling: Vec<f64>,
    /// Trust at the start, the measure of the ties that no fight takes away (see
    /// `Relations::floor`).
    #[serde(default)]
    pub trust0: Vec<f64>,
}

impl Relations {
    pub fn at(&self, from: usize, to: usize) -> usize {
        from * self.n + to
    }
    pub fn trust(&self, from: usize, to: usize) -> f64 {
        self.trust[self.at(from, to)]
    }
}

/// The model's one random stream (docs/architecture.md, "Deterministic").
#[derive(Resource, Debug, Clone)]
pub struct SimRng(pub ChaCha8Rng);

/// The scenario's seed, for derived noise streams.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seed(pub u64);

/// Model parameters in force: the scenario's `parameters`, fixed for the run.
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Params(pub Parameters);

/// Which states people lead, and whether the other governments act at all (off in mechanism
/// tests and pure replays). `player` is the side this game's screens follow (None: every state
/// is AI, as in batch runs); `also` the other sides people lead in the same game (a class game
/// or hotseat: Japan and the United States both human). The AI leaves every human side alone
/// and their scripted historical decisions do not fire. `also` is left out of a save while
/// empty, so a one-player game's state, and its hash, are what they were before it existed.
#[derive(Resource, Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Control {
    pub player: Option<usize>,
    pub ai: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<usize>,
}

impl Control {
    /// Whether people lead state `i`.
    pub fn is_human(&self, i: usize) -> bool {
        self.player == Some(i) || self.also.contains(&i)
    }

    /// Every human side, the screens' first.
    pub fn humans(&self) -> Vec<usize> {
        self.player.into_iter().chain(self.also.iter().copied()).collect()
    }

    /// The states whose trade with every partner the history records in detail: the human
    /// sides and the poles, in index order.
    pub fn watched(&self, reg: &Registry) -> Vec<usize> {
        let mut focus = self.humans();
        if let Some((a, b)) = reg.poles {
            focus.extend([a, b]);
        }
        focus.sort_unstable();
        focus.dedup();
        focus
    }

    /// The ids of the human sides, the screens' first.
    pub fn human_ids(&self, reg: &Registry) -> Vec<String> {
        self.humans().iter().map(|&i| reg.states[i].clone()).collect()
    }
}

impl Default for Control {
    fn default() -> Self {
        Control {
            player: None,
            ai: true,
            also: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    Player,
    Ai,
    Event,
    Script,
}

/// A command waiting for the next Commands phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Issued {
    pub by: String,
    pub command: Command,
    pub origin: Origin,
    /// Why it was issued (AI reasoning, event id); shown in logs.
    pub reason: String,
}

/// Commands issued since the last month ran (player clicks, AI choices).
#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PendingCommands(pub Vec<Issued>);

/// Commands from a commands file, applied at their month.
#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Script(pub Vec<ScheduledCommand>);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    pub month: u32,
    pub issued: Issued,
    /// None when applied; the reason when rejected.
    pub rejected: Option<String>,
}

/// Every command the model has seen, applied or rejected.
#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CommandLog(pub Vec<LogEntry>);

/// Saved with its headline in English whatever holds it (`Saved`): a save reads the same to any
/// build, and the model's own keep their words besides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "SavedNewsItem")]
pub struct NewsItem {
    pub month: u32,
    /// In English (files, the command line), for a scenario's headline; empty when `words` holds
    /// the model's own (worded when read: `text_en`, `text_in`).
    pub headline: String,
    pub quote: Option<String>,
    /// Id of what it is about (state, dispute, framework...).
    pub about: String,
    /// The model's own headlines, kept to be worded in the reader's language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub words: Option<crate::i18n::Words>,
}

#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct News(pub Vec<NewsItem>);

/// `NewsItem` as saved: the headline worded in English.
#[derive(Serialize)]
#[serde(rename = "NewsItem")]
struct SavedNewsItem {
    month: u32,
    headline: String,
    quote: Option<String>,
    about: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    words: Option<crate::i18n::Words>,
}

impl From<NewsItem> for SavedNewsItem {
    fn from(n: NewsItem) -> Self {
        SavedNewsItem {
            headline: n.text_en(),
            month: n.month,
            quote: n.quote,
            about: n.about,
            words: n.words,
        }
    }
}

impl NewsItem {
    /// An event's or an inject's item: its news line, or its title when it has none.
    pub fn headline(month: u32, about: &str, title: &str, news: &str, quote: Option<&String>) -> Self {
        NewsItem {
            month,
            headline: if news.is_empty() { title } else { news }.to_string(),
            quote: quote.cloned(),
            about: about.to_string(),
            words: None,
        }
    }

    /// The headline in English: what news.csv and the command line write.
    pub fn text_en(&self) -> String {
        match &self.words {
            Some(w) => w.to_string(),
            None => self.headline.clone(),
        }
    }

    /// The headline in `lang`: the model's own worded anew, a scenario's through `local`.
    pub fn text_in(&self, lang: crate::i18n::Lang) -> String {
        match &self.words {
            Some(w) => w.in_lang(lang),
            None => crate::i18n::local_in(lang, &self.headline),
        }
    }

    /// The quote in `lang` (a scenario's, through `local`).
    pub fn quote_in(&self, lang: crate::i18n::Lang) -> Option<String> {
        self.quote.as_deref().map(|q| crate::i18n::local_in(lang, q))
    }
}

impl News {
    pub fn post(&mut self, month: u32, about: &str, headline: String) {
        self.0.push(NewsItem {
            month,
            headline,
            quote: None,
            about: about.to_string(),
            words: None,
        });
    }

    /// A headline of the model's, kept to be worded in the reader's language when read (the
    /// month does not spend its time wording news nobody may read).
    pub fn post_words(&mut self, month: u32, about: &str, words: crate::i18n::Words) {
        self.0.push(NewsItem {
            month,
            headline: String::new(),
            quote: None,
            about: about.to_string(),
            words: Some(words),
        });
    }
}

/// The scenario's dated events and which have fired; its injects and which the teacher fired.
#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// (scenario month, event), in file order.
    pub events: Vec<(u32, EventDef)>,
    pub fired: Vec<bool>,
    /// The scenario's injects, in file order.
    #[serde(default)]
    pub injects: Vec<crate::scenario::InjectDef>,
    /// Ids of the injects fired, in the order they were.
    #[serde(default)]
    pub injected: Vec<String>,
}

impl Timeline {
    /// The scenario's inject `id` and whether it has been fired; Err says there is no such
    /// inject and which there are (a command, the teacher's menu and a class game's host ask).
    pub fn inject(&self, id: &str) -> Result<(&crate::scenario::InjectDef, bool), String> {
        let Some(def) = self.injects.iter().find(|x| x.id == id) else {
            let known: Vec<&str> = self.injects.iter().map(|x| x.id.as_str()).collect();
            return Err(crate::i18n::remember(if known.is_empty() {
                crate::i18n::Words::new("refusal-no-inject-none").plain("id", id)
            } else {
                crate::i18n::Words::new("refusal-no-inject")
                    .plain("id", id)
                    .plain("known", known.join(", "))
            }));
        };
        Ok((def, self.injected.iter().any(|x| x == id)))
    }
}

/// Next serial number for a measure.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureSerial(pub u64);

/// The scenario a world was built from (not part of the state hash: it does not change).
#[derive(Resource, Debug, Clone)]
pub struct ScenarioDef(pub crate::scenario::Scenario);
