//! The rows of the view: one plain struct per kind of thing a panel lists.

use crate::scenario::Rung;
use crate::sim::Pressure;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct StateRow {
    pub id: String,
    pub name: String,
    /// Its leader's name (empty when the scenario names none).
    pub leader: String,
    pub cpi: f64,
    pub employment: f64,
    pub welfare: f64,
    pub approval: f64,
    /// Political capital of its leader.
    pub capital: f64,
    pub alignment: f64,
    /// Trust of this state toward the player, and of the player toward it.
    pub trust_in_player: f64,
    pub trust_from_player: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DisputeRow {
    pub id: String,
    pub title: String,
    pub parties: (String, String),
    pub rung: Rung,
    pub salience: f64,
    pub open: bool,
    pub involves_player: bool,
    /// The other side has an offer on the table that the player can accept.
    pub offer_for_player: bool,
    pub sectors: Vec<String>,
    /// Last month's escalation pressure, term by term.
    pub pressure: Pressure,
    /// The channel talks run in, if any.
    pub channel: Option<String>,
    /// Months left before a dispute-settlement panel rules (0: no panel).
    pub panel_left: u32,
    /// Months with nothing new in it (no climb, no hot words): the press loses interest.
    pub quiet_months: u32,
    /// The other side's offer to the player, in words.
    pub their_offer: Option<String>,
    /// Tariffs between the player and the other side, per sector: (sector id, the player's on
    /// them, theirs on the player). Empty when the player is not a party.
    pub rates: Vec<(String, f64, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewsRow {
    pub date: String,
    pub headline: String,
    pub quote: Option<String>,
    /// Id of what it is about (a state, a dispute, an event).
    pub about: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LobbyRow {
    pub id: String,
    pub name: String,
    pub state: String,
    pub sectors: Vec<String>,
    pub sector_ids: Vec<String>,
    pub grievance: f64,
    pub organisation: f64,
    pub pressure: f64,
    pub wins: u32,
}

/// One sector of the player's economy.
#[derive(Debug, Clone, PartialEq)]
pub struct SectorRow {
    pub id: String,
    pub name: String,
    /// Exports and imports this month, bn USD/yr at current producer prices.
    pub exports: f64,
    pub imports: f64,
    /// Producer price, base 1.
    pub price: f64,
    /// Jobs at home in the sector (thousands) and at the start.
    pub jobs: f64,
    pub jobs0: f64,
}

/// A trade measure in force that the player imposes or faces.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureRow {
    pub by: String,
    pub target: String,
    pub sector: String,
    pub what: String,
    pub legal_basis: String,
    pub since: String,
    /// The player imposes it (else the player's exporters face it).
    pub mine: bool,
}

/// A plant: owned by one state, producing in another.
#[derive(Debug, Clone, PartialEq)]
pub struct PlantRow {
    pub name: String,
    pub owner: String,
    pub host: String,
    pub sector: String,
    /// Output relative to the start (1 = unchanged).
    pub output: f64,
    pub jobs: f64,
}

/// A trade framework and where its applicants stand.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameworkRow {
    pub id: String,
    pub name: String,
    pub members: Vec<String>,
    pub player_member: bool,
    pub applicants: Vec<ApplicantRow>,
}

/// A state applying to join a framework, and where every member stands on its bid.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ApplicantRow {
    pub state: String,
    /// Members in favour, and members (accession needs all of them).
    pub support: usize,
    pub members: usize,
    /// The vote the player declared, if the player is a member and declared one.
    pub declared: Option<bool>,
    /// Pressure on the holdouts so far, added to every member's stance (the RCEP precedent).
    pub pressure: f64,
    /// Every member's stance, supporters first and the firmest first; empty before the first
    /// month (the model weighs them each month).
    pub stances: Vec<StanceRow>,
}

/// One member's stance on an applicant (docs/model.md §2.9).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StanceRow {
    /// The member's id.
    pub member: String,
    pub supports: bool,
    /// It declared its vote by command: the vote stands whatever the total.
    pub declared: bool,
    /// The stance: support when above zero, unless declared.
    pub total: f64,
    /// What has moved it most since the start, in a word or two ("deference lost" to the plus
    /// pole, "CHN market", "courted", or "holdout pressure" where that alone won it over), and
    /// by how much; empty if nothing has.
    pub moved_by: String,
    pub moved: f64,
    /// Why it stands there, in a sentence (`frameworks::explain`).
    pub why: String,
}

/// A strategic input (rare earths, chips) in the player's state: a bottleneck, not a cost.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct InputRow {
    pub id: String,
    pub name: String,
    /// This month's supply with stocks drawn, against the base month's use (1 = normal).
    pub available: f64,
    /// Stock left, in months of normal use.
    pub stock: f64,
    /// Input needed per unit of output against the base (falls with substitution).
    pub need: f64,
}

/// A sector of the player's whose output a strategic input caps this month.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CapRow {
    pub sector: String,
    pub name: String,
    /// Output cap, share of capacity (1 = no cap).
    pub cap: f64,
    /// The input in shortest supply, by name.
    pub input: String,
}

/// A foreign acquisition under review.
#[derive(Debug, Clone, PartialEq)]
pub struct AcquisitionRow {
    pub id: String,
    pub title: String,
    pub acquirer: String,
    pub reviewer: String,
    pub value: f64,
    /// Investment pledged if approved, bn USD.
    pub investment: f64,
    /// "pending", "approved" or "blocked".
    pub status: String,
    pub player_reviews: bool,
    /// What the verdict did, in words (empty while pending).
    pub outcome: String,
}

/// The chart of one sector over the months so far: exports (bn USD/yr), price, jobs (k).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SectorChart {
    pub sector: String,
    pub exports: Vec<f64>,
    pub price: Vec<f64>,
    pub jobs: Vec<f64>,
    /// This month, by partner, largest first: (partner, exports to it, imports from it), bn
    /// USD/yr at current producer prices. Whom a tariff in this sector would hit.
    pub partners: Vec<(String, f64, f64)>,
}

/// A historical value beside this run's: (date, history, this run).
pub type HistoryPointRow = (String, f64, Option<f64>);
