//! The scenario file format (RON). Every struct denies unknown fields so a typo is an error
//! with a position, never a silently ignored line. levels/README.md documents each field.
//!
//! Long file: the whole RON format in one place, one type per structure with its fields
//! documented; split, a modder would chase the format across files.

use serde::{Deserialize, Serialize};

use crate::command::ScheduledCommand;

/// A whole scenario: one file under `levels/`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub meta: Meta,
    /// Model coefficients; any left out take their documented default.
    #[serde(default)]
    pub parameters: Parameters,
    pub sectors: Vec<SectorDef>,
    pub states: Vec<StateDef>,
    /// Base-year bilateral flows, bn USD per year. `from == to` is a state's sales at home.
    #[serde(default)]
    pub trade: Vec<FlowDef>,
    #[serde(default)]
    pub industries: Vec<IndustryDef>,
    #[serde(default)]
    pub lobbies: Vec<LobbyDef>,
    /// Measures in force at the start (tariffs, quotas, VERs, export controls).
    #[serde(default)]
    pub measures: Vec<MeasureDef>,
    #[serde(default)]
    pub disputes: Vec<DisputeDef>,
    #[serde(default)]
    pub frameworks: Vec<FrameworkDef>,
    /// Foreign acquisitions awaiting a government's review (e.g. Nippon Steel–U.S. Steel).
    #[serde(default)]
    pub acquisitions: Vec<AcquisitionDef>,
    /// Initial trust between pairs; pairs not listed start at `parameters.trust_default`.
    #[serde(default)]
    pub relations: Vec<RelationDef>,
    #[serde(default)]
    pub timeline: Vec<EventDef>,
    /// Events a class's teacher fires when the class needs them; never on their own.
    #[serde(default)]
    pub injects: Vec<InjectDef>,
    #[serde(default)]
    pub objectives: Vec<ObjectiveDef>,
    /// What happened in history, for the debrief.
    #[serde(default)]
    pub history: HistoryDef,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Short machine id, e.g. "2025_tariff_shock".
    pub id: String,
    pub title: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_ja: Option<String>,
    /// First month of the scenario, "YYYY-MM".
    pub start: String,
    /// Length in months (1..=1200).
    pub months: i64,
    /// State ids the player may lead.
    pub sides: Vec<String>,
    pub description: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description_ja: Option<String>,
    /// The two poles of the alignment axis: +1 toward `plus`, −1 toward `minus`.
    #[serde(default)]
    pub poles: Option<Poles>,
    /// What the player reads before the first month, per side.
    #[serde(default)]
    pub briefings: Vec<Briefing>,
    /// Step-by-step prompts the game shows (tutorials): each shows until its goal is met.
    #[serde(default)]
    pub tutorial: Vec<TutorialStep>,
}

/// One prompt of a tutorial. Steps are shown in order; a step is done when its goal holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TutorialStep {
    /// Only for this playable side; absent: for every side.
    #[serde(default)]
    pub side: Option<String>,
    pub text: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_ja: Option<String>,
    pub until: StepGoal,
}

/// What ends a tutorial step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum StepGoal {
    /// The game has reached this month (counted from 0).
    Month(u32),
    /// The player has given an order of this kind that the model accepted, e.g. "Statement",
    /// "OpenNegotiation", "MakeOffer" (the names of the commands in levels/README.md).
    Issued(String),
    /// This dispute is settled.
    Settled(String),
}

/// The command names a tutorial step or an `Issued` condition may wait for.
pub const COMMAND_NAMES: [&str; 17] = [
    "SetTariff",
    "RemoveTariff",
    "SetQuota",
    "RemoveQuota",
    "RestrainExports",
    "LiftRestraint",
    "ImposeExportControl",
    "LiftExportControl",
    "OpenNegotiation",
    "MakeOffer",
    "AcceptOffer",
    "RejectOffer",
    "FileDispute",
    "Statement",
    "ReviewAcquisition",
    "VoteOnApplicant",
    "Court",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Briefing {
    pub side: String,
    pub text: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_ja: Option<String>,
}

/// What really happened, for the debrief: dated key decisions and outcomes, and the historical
/// values of a few indicators to set beside the player's run.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryDef {
    #[serde(default)]
    pub events: Vec<HistoryEvent>,
    #[serde(default)]
    pub series: Vec<HistorySeries>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEvent {
    /// "YYYY-MM".
    pub date: String,
    pub text: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_ja: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistorySeries {
    /// An entity of history.csv (a state id, a dispute id…).
    pub entity: String,
    /// An indicator of history.csv (cpi, tariff_revenue, escalation…).
    pub indicator: String,
    /// Where the figures come from.
    pub source: String,
    pub points: Vec<HistoryPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryPoint {
    pub date: String,
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Poles {
    pub plus: String,
    pub minus: String,
}

pub use super::parameters::{ParamInfo, Parameters};

/// Shares of land, labour and capital (in value added, or endowments in natural units).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Factors {
    pub land: f64,
    pub labour: f64,
    pub capital: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Factor {
    Land,
    Labour,
    Capital,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Sector")]
pub struct SectorDef {
    pub id: String,
    pub name: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_ja: Option<String>,
    /// Armington elasticity of substitution between suppliers; default `parameters.elasticity`.
    #[serde(default)]
    pub elasticity: Option<f64>,
    /// Factor intensity: shares of value added, summing to 1.
    pub intensity: Factors,
    /// Supply elasticity η; default `parameters.supply_elasticity`. Small for sectors whose
    /// capacity is hard to add (rare earths), large for flexible ones.
    #[serde(default)]
    pub supply_elasticity: Option<f64>,
    /// Strategic goods (chips, rare earths) that export controls target.
    #[serde(default)]
    pub strategic: bool,
    /// Cost shares of inputs from other sectors (input–output), each in [0, 1].
    #[serde(default)]
    pub inputs: Vec<InputShare>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputShare {
    pub sector: String,
    pub share: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Doctrine {
    Protectionist,
    FreeTrader,
    Hedger,
    Coercer,
}

impl Doctrine {
    /// The doctrine's adjective as a message (`doctrine-…`), for sentences in either language.
    pub fn words(self) -> crate::i18n::Words {
        crate::i18n::Words::new(match self {
            Doctrine::Protectionist => "doctrine-protectionist",
            Doctrine::FreeTrader => "doctrine-free-trading",
            Doctrine::Hedger => "doctrine-hedging",
            Doctrine::Coercer => "doctrine-coercive",
        })
    }

    /// The doctrine as an adjective, for explanations.
    pub fn label(self) -> &'static str {
        match self {
            Doctrine::Protectionist => "protectionist",
            Doctrine::FreeTrader => "free-trading",
            Doctrine::Hedger => "hedging",
            Doctrine::Coercer => "coercive",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "State")]
pub struct StateDef {
    pub id: String,
    pub name: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_ja: Option<String>,
    /// GDP, bn USD per year.
    pub gdp: f64,
    /// Population, millions.
    pub population: f64,
    /// Endowments: land (m ha), labour (m workers), capital (bn USD).
    pub endowments: Factors,
    pub doctrine: Doctrine,
    /// −1 leans to `meta.poles.minus`, +1 to `meta.poles.plus`.
    #[serde(default)]
    pub alignment: f64,
    /// Leader approval in [0, 1].
    #[serde(default = "half")]
    pub approval: f64,
    /// Framework ids this state belongs to.
    #[serde(default)]
    pub memberships: Vec<String>,
    /// ISO 3166 alpha-3 codes of the map shapes that draw this state (default: its id). The
    /// EU, say, lists its members.
    #[serde(default)]
    pub map: Vec<String>,
    /// The leader at the start, as the game and the news name them ("Ishiba Shigeru"); empty:
    /// unnamed.
    #[serde(default)]
    pub leader: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader_ja: Option<String>,
    /// How the leader holds office (docs/model.md §2.6.1); absent: leadership is not modelled
    /// (no party contests; an election needs a system).
    #[serde(default)]
    pub system: Option<PoliticalSystem>,
    /// Votes on the leader due within the scenario: general elections, party leadership votes.
    #[serde(default)]
    pub elections: Vec<ElectionDef>,
}

/// How a state's leader holds office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PoliticalSystem {
    /// The leader answers to a party: a lost election brings a new leader after the party's
    /// race (`parameters.leadership_lag`), and months of low approval bring a party contest.
    Parliamentary,
    /// A fixed term: only a lost election (or a successor when the leader steps down) brings a
    /// new leader, on the election's `takes_office` date or at once.
    Presidential,
}

/// A scheduled vote on a state's leader. The incumbent loses it when approval that month is
/// below `parameters.election_threshold`; then `successor` takes office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Election")]
pub struct ElectionDef {
    /// "YYYY-MM": the month of the vote.
    pub date: String,
    /// The vote as the news names it: "the House of Councillors election".
    pub title: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_ja: Option<String>,
    /// Who takes office if the incumbent loses (or steps down).
    pub successor: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub successor_ja: Option<String>,
    /// "YYYY-MM" the successor takes office (an inauguration); default: at once, or
    /// `parameters.leadership_lag` months later when a parliamentary incumbent loses (the
    /// party's leadership race).
    #[serde(default)]
    pub takes_office: Option<String>,
    /// The incumbent does not stand (a term limit, retirement, death in office): the successor
    /// takes office whatever approval says. A scripted change: say why in a comment.
    #[serde(default)]
    pub steps_down: bool,
    /// Why the incumbent steps down, as the news says it ("Ohira Masayoshi died in office");
    /// default: "… did not stand in {title}".
    #[serde(default)]
    pub note: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_ja: Option<String>,
}

fn half() -> f64 {
    0.5
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Flow")]
pub struct FlowDef {
    /// Supplier state.
    pub from: String,
    /// Buyer state.
    pub to: String,
    pub sector: String,
    /// bn USD per year.
    pub value: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Industry")]
pub struct IndustryDef {
    pub id: String,
    pub name: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_ja: Option<String>,
    /// State whose firms own it.
    pub owner: String,
    /// State where the plants are.
    pub host: String,
    pub sector: String,
    /// bn USD per year.
    pub output: f64,
    /// Thousands of workers.
    pub employment: f64,
    /// bn USD per year at full use; default output × 1.15.
    #[serde(default)]
    pub capacity: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LobbyKind {
    Union,
    Industry,
    Farm,
    Business,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Lobby")]
pub struct LobbyDef {
    pub id: String,
    pub name: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_ja: Option<String>,
    pub state: String,
    pub kind: LobbyKind,
    pub sectors: Vec<String>,
    /// The factor whose return its members live on.
    pub factor: Factor,
    /// Members, thousands.
    pub members: f64,
    /// Organisation in [0, 1]: how well it turns grievance into pressure.
    pub organisation: f64,
}

/// Who a measure applies to: every partner, or one state.
/// The indicators the model records for every state each month, in this order; an
/// `AverageAtLeast` objective names one of them.
pub const STATE_INDICATORS: [&str; 14] = [
    "cpi",
    "employment",
    "welfare",
    "tariff_revenue",
    "quota_rents",
    "exports",
    "imports",
    "wage",
    "land_rent",
    "capital_return",
    "approval",
    "political_capital",
    "alignment",
    "relocation_cost",
];

pub const ALL: &str = "all";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum MeasureKind {
    /// Ad valorem tariff, 0.25 = 25%.
    Tariff(f64),
    /// Import quota on a flow, bn USD per year (rent to licence holders).
    Quota(f64),
    /// Voluntary export restraint, bn USD per year (rent to the exporter).
    Ver(f64),
    /// Exports of the sector to the target are stopped.
    ExportControl,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Measure")]
pub struct MeasureDef {
    pub id: String,
    /// The state imposing it (for a VER, the importer that asked for it).
    pub by: String,
    /// A state id or "all".
    pub target: String,
    /// A sector id or "all".
    pub sector: String,
    pub kind: MeasureKind,
    /// E.g. "Section 232", "IEEPA", "GATT Art. XXVIII".
    #[serde(default)]
    pub legal_basis: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis_ja: Option<String>,
    /// Where the figure comes from.
    #[serde(default)]
    pub source: String,
}

/// The escalation ladder (docs/model.md §2.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Rung {
    WorkingLevel,
    Ministerial,
    DisputeSettlement,
    Leaders,
    Public,
}

impl Rung {
    pub const ALL: [Rung; 5] = [
        Rung::WorkingLevel,
        Rung::Ministerial,
        Rung::DisputeSettlement,
        Rung::Leaders,
        Rung::Public,
    ];
    pub fn index(self) -> usize {
        self as usize
    }
    pub fn from_index(i: usize) -> Rung {
        Rung::ALL[i.min(4)]
    }
    pub fn label(self) -> &'static str {
        match self {
            Rung::WorkingLevel => "working level",
            Rung::Ministerial => "ministerial",
            Rung::DisputeSettlement => "formal dispute settlement",
            Rung::Leaders => "leaders",
            Rung::Public => "public confrontation",
        }
    }
    /// The rung as a place on the ladder, for sentences: "escalates to the ministerial level",
    /// "already at formal dispute settlement".
    pub fn stage(self) -> &'static str {
        match self {
            Rung::WorkingLevel => "the working level",
            Rung::Ministerial => "the ministerial level",
            Rung::DisputeSettlement => "formal dispute settlement",
            Rung::Leaders => "the leaders' level",
            Rung::Public => "public confrontation",
        }
    }
    /// The rung's name in `lang` (the game's screens; `label` is what files hold).
    pub fn label_in(self, lang: crate::i18n::Lang) -> String {
        self.label_words().in_lang(lang)
    }
    /// `stage` in `lang`.
    pub fn stage_in(self, lang: crate::i18n::Lang) -> String {
        self.stage_words().in_lang(lang)
    }
    /// `label` as a message kept to be worded when read (`rung-…`).
    pub fn label_words(self) -> crate::i18n::Words {
        crate::i18n::Words::new(&format!("rung-{}", self.key()))
    }
    /// `stage` as a message kept to be worded when read (`rung-stage-…`).
    pub fn stage_words(self) -> crate::i18n::Words {
        crate::i18n::Words::new(&format!("rung-stage-{}", self.key()))
    }
    /// The rung's part of its message keys.
    fn key(self) -> &'static str {
        match self {
            Rung::WorkingLevel => "working-level",
            Rung::Ministerial => "ministerial",
            Rung::DisputeSettlement => "dispute-settlement",
            Rung::Leaders => "leaders",
            Rung::Public => "public",
        }
    }
    /// Rungs 3–4 are played in public.
    pub fn is_public(self) -> bool {
        self >= Rung::Leaders
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Dispute")]
pub struct DisputeDef {
    pub id: String,
    pub title: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_ja: Option<String>,
    /// The state that complains (or imposes).
    pub complainant: String,
    pub respondent: String,
    pub sectors: Vec<String>,
    #[serde(default = "working_level")]
    pub rung: Rung,
    /// Media salience in [0, 1].
    #[serde(default)]
    pub salience: f64,
}

fn working_level() -> Rung {
    Rung::WorkingLevel
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FrameworkKind {
    Multilateral,
    Regional,
    Bilateral,
    Alliance,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Framework")]
pub struct FrameworkDef {
    pub id: String,
    pub name: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_ja: Option<String>,
    pub kind: FrameworkKind,
    /// States that have applied to join (members are given by `states[].memberships`).
    #[serde(default)]
    pub applicants: Vec<String>,
    /// Sectors the agreement leaves out.
    #[serde(default)]
    pub excluded_sectors: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Acquisition")]
pub struct AcquisitionDef {
    pub id: String,
    pub title: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_ja: Option<String>,
    /// State whose firm buys.
    pub acquirer: String,
    /// Industry being bought; its host state reviews the deal.
    pub target: String,
    /// bn USD.
    pub value: f64,
    /// Investment the acquirer pledges in the target if the deal is approved, bn USD.
    #[serde(default)]
    pub investment: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Relation")]
pub struct RelationDef {
    pub from: String,
    pub to: String,
    /// Trust of `from` toward `to`, [0, 1].
    pub trust: f64,
    /// Ceiling trust can recover to, [trust, 1]; default: the trust itself (at rest).
    #[serde(default)]
    pub ceiling: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum EventKind {
    /// Always fires (a court ruling, an election).
    Exogenous,
    /// The historical decision of this state: fires only when the player does not lead it.
    Decision(String),
    /// Fires in the first month, on or after its date, when the condition holds. For states of
    /// the world (trust, a rung, approval); a move of a playable side is waited for with the
    /// event's `answers` instead.
    Conditional(Condition),
}

/// A state of the world that a conditional event waits for, or the move an event answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Condition {
    /// Trust of `of` toward `toward` is below `value`.
    TrustBelow { of: String, toward: String, value: f64 },
    /// The dispute is open and at `rung` or higher.
    RungAtLeast { dispute: String, rung: Rung },
    /// At least `count` members of the framework support the applicant.
    SupportAtLeast {
        framework: String,
        applicant: String,
        count: u32,
    },
    /// The state's leader approval is below `value`.
    ApprovalBelow { state: String, value: f64 },
    /// The dispute has been settled.
    Settled { dispute: String },
    /// `by` charges `on`'s goods in `sector` a new tariff (above the one in force at the start)
    /// of at least `rate`; with sector "all", in every sector. For retaliation that waits for
    /// the provocation.
    TariffAtLeast {
        by: String,
        on: String,
        sector: String,
        rate: f64,
    },
    /// The same new tariff is below `rate` (with "all": in every sector). For truces.
    TariffBelow {
        by: String,
        on: String,
        sector: String,
        rate: f64,
    },
    /// `by` has issued a command of this kind (a name of `COMMAND_NAMES`) that the model
    /// accepted, at any time before, by any route (the player, the AI, an event, a script);
    /// with `dispute`, one about that dispute.
    Issued {
        by: String,
        command: String,
        #[serde(default)]
        dispute: Option<String>,
    },
    /// `by` has made a statement in the dispute at least as sharp as `tone`
    /// (Conciliatory < Firm < Hostile).
    Stated {
        by: String,
        dispute: String,
        tone: crate::command::Tone,
    },
    /// An offer of `by` is on the table in the dispute (made, not yet accepted or rejected).
    Offered { by: String, dispute: String },
    /// `by` restrains its own exports of `sector` to `to` (a `RestrainExports` in force).
    Restrained { by: String, to: String, sector: String },
    /// A measure of `by` with this legal basis, put in force during the scenario by an event's
    /// effect (not one in force at the start), is in force.
    InForce { by: String, legal_basis: String },
    /// Every one of these holds.
    AllOf(Vec<Condition>),
    /// At least one of these holds.
    AnyOf(Vec<Condition>),
    /// This does not hold.
    Not(Box<Condition>),
}

impl Condition {
    /// The states whose own moves this condition waits for: it cannot hold until each of them
    /// has moved (issued a command, or had one issued in its name by an event). A leaf about a
    /// move (`TariffAtLeast`, `Issued`, `Stated`, `Offered`, `Restrained`, `InForce`) waits for
    /// its `by`; the other leaves, `TariffBelow` and `Not` wait for nobody; `AllOf` waits for
    /// every state any of its parts waits for, `AnyOf` only for those all its parts wait for.
    pub fn waits_for(&self) -> std::collections::BTreeSet<String> {
        use std::collections::BTreeSet;
        match self {
            Condition::TariffAtLeast { by, .. }
            | Condition::Issued { by, .. }
            | Condition::Stated { by, .. }
            | Condition::Offered { by, .. }
            | Condition::Restrained { by, .. }
            | Condition::InForce { by, .. } => BTreeSet::from([by.clone()]),
            Condition::TrustBelow { .. }
            | Condition::RungAtLeast { .. }
            | Condition::SupportAtLeast { .. }
            | Condition::ApprovalBelow { .. }
            | Condition::Settled { .. }
            | Condition::TariffBelow { .. }
            | Condition::Not(_) => BTreeSet::new(),
            Condition::AllOf(list) => list.iter().flat_map(|c| c.waits_for()).collect(),
            Condition::AnyOf(list) => {
                let mut parts = list.iter().map(|c| c.waits_for());
                let first = parts.next().unwrap_or_default();
                parts.fold(first, |acc, p| acc.intersection(&p).cloned().collect())
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Event")]
pub struct EventDef {
    pub id: String,
    /// "YYYY-MM": the month it fires.
    pub date: String,
    pub title: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_ja: Option<String>,
    pub kind: EventKind,
    /// The move this event answers, as a condition that holds once the move is made (a tariff
    /// in force, a command issued, an offer on the table): the event waits for it, month after
    /// month from its date, whatever its kind. A player who never makes the move is never
    /// answered. `Condition::waits_for` names whose move it is.
    #[serde(default)]
    pub answers: Option<Condition>,
    /// Headline for the news feed.
    #[serde(default)]
    pub news: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub news_ja: Option<String>,
    /// A famous quote, shown with the headline.
    #[serde(default)]
    pub quote: Option<String>,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_ja: Option<String>,
    /// What happens: commands applied as if the named state had issued them.
    #[serde(default)]
    pub effects: Vec<ScheduledEffect>,
}

/// An event the teacher of a class game fires by hand (`Command::Inject`, issued by
/// `command::TEACHER`) when the class needs it: a court ruling, a leaked memo, a famous quote.
/// Each fires at most once; its news goes to every team and its effects are applied as an
/// event's are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Inject")]
pub struct InjectDef {
    pub id: String,
    pub title: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_ja: Option<String>,
    /// For the teacher: when to use it and what it should start.
    #[serde(default)]
    pub note: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_ja: Option<String>,
    /// Headline for the news feed (the title when empty).
    #[serde(default)]
    pub news: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub news_ja: Option<String>,
    /// A famous quote, shown with the headline.
    #[serde(default)]
    pub quote: Option<String>,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_ja: Option<String>,
    /// What happens: commands applied as if the named state had issued them.
    #[serde(default)]
    pub effects: Vec<ScheduledEffect>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Effect")]
pub struct ScheduledEffect {
    pub by: String,
    pub command: crate::command::Command,
    /// For `SetTariff`, `RemoveTariff`, `SetQuota` and `RemoveQuota`: the legal basis of the
    /// measure, e.g. "IEEPA". The command then acts only on `by`'s measures with this basis on
    /// the target and sector (a new one stacks on the others there), so that a later event can
    /// take back exactly this measure and leave the rest, a player's included.
    #[serde(default)]
    pub legal_basis: Option<String>,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_basis_ja: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum ObjectiveKind {
    /// The side's leader approval stays at or above this level.
    ApprovalFloor(f64),
    /// No dispute involving the side reaches the public rung.
    NoPublicConfrontation,
    /// Trust of `of` toward the side ends at or above `at_least`.
    TrustAbove { of: String, at_least: f64 },
    /// `applicant` does not join `framework` by the end.
    ApplicantBlocked { framework: String, applicant: String },
    /// `state` is a member of `framework` at the end.
    MemberAtEnd { framework: String, state: String },
    /// The side's jobs at home in `sector` end at or above `at_least` times their starting
    /// level; each percentage point short costs a fifth of the objective.
    SectorJobs { sector: String, at_least: f64 },
    /// The side's real income (welfare index, 100 at the start) ends at or above this; each
    /// point short costs half the objective.
    WelfareAtLeast(f64),
    /// This dispute ends settled (a deal concluded, not left open).
    DisputeSettled(String),
    /// The side's monthly `indicator` (one of the core indicators recorded for every state,
    /// e.g. "quota_rents", "exports", "welfare") averages at least `at_least` over the run;
    /// partly met in proportion.
    AverageAtLeast { indicator: String, at_least: f64 },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Objective")]
pub struct ObjectiveDef {
    pub id: String,
    /// The playable side this objective scores.
    pub side: String,
    pub title: String,
    /// The same in Japanese (levels/README.md, "Two languages"); absent: the English shows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_ja: Option<String>,
    pub kind: ObjectiveKind,
    /// Weight in the side's 0–100 score.
    pub weight: f64,
}

/// A commands file: scripted policies and replays.
pub type CommandsFile = Vec<ScheduledCommand>;
