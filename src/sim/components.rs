//! The agents of the model as ECS components: states, industries, lobbies, measures, disputes,
//! frameworks and acquisitions. Dense per-pair data live in resources (see `resources.rs`).
//! Every component is serializable: a snapshot is the list of them, sorted by id.

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

use crate::command::{Channel, Offer};
use crate::scenario::{Doctrine, Factor, Factors, FrameworkKind, LobbyKind, MeasureKind, Rung};

/// A state (country). `idx` is its row in every dense resource.
#[derive(Component, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country {
    pub idx: usize,
    pub id: String,
    pub name: String,
    pub doctrine: Doctrine,
    /// Base-year GDP, bn USD/yr.
    pub gdp0: f64,
    pub population: f64,
    pub endowments: Factors,
}

/// A state's macro indicators, recomputed each month by the trade and factor phases.
#[derive(Component, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Economy {
    /// Consumer price index, base month = 100.
    pub cpi: f64,
    /// Employment in the scenario's industries hosted here, thousands.
    pub employment: f64,
    /// Tariff revenue, bn USD per year at this month's rate.
    pub tariff_revenue: f64,
    /// Quota rents this state's exporters collect, bn USD/yr.
    pub quota_rents: f64,
    /// Real income index, base month = 100.
    pub welfare: f64,
    /// Returns to land, labour, capital relative to the base month (1 = unchanged).
    pub factor_returns: Factors,
    /// Investment spent this month relocating supply chains, bn USD.
    pub relocation_cost: f64,
    /// Exports (all partners, all sectors), bn USD/yr at base prices.
    pub exports: f64,
    pub imports: f64,
}

impl Default for Economy {
    fn default() -> Self {
        Economy {
            cpi: 100.0,
            employment: 0.0,
            tariff_revenue: 0.0,
            quota_rents: 0.0,
            relocation_cost: 0.0,
            welfare: 100.0,
            factor_returns: Factors {
                land: 1.0,
                labour: 1.0,
                capital: 1.0,
            },
            exports: 0.0,
            imports: 0.0,
        }
    }
}

/// A government's standing at home and abroad.
#[derive(Component, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Politics {
    /// Leader approval in [0, 1].
    pub approval: f64,
    /// Political capital, spent by summits, side payments and overruling lobbies.
    pub capital: f64,
    /// −1 toward the minus pole, +1 toward the plus pole.
    pub alignment: f64,
    /// The alignment its geography and history give it (A⁰ in docs/model.md §2.8).
    pub alignment0: f64,
    /// Credibility gap and trade tilt in the base month, against which drift is measured.
    pub baseline: Option<(f64, f64)>,
    /// The leader's name; empty when the scenario names none (`sim::leadership`).
    #[serde(default)]
    pub leader: String,
    /// Months in a row approval has been below `parameters.contest_floor` (parliamentary).
    #[serde(default)]
    pub months_below: u32,
    /// A change of leader decided and waiting for its month.
    #[serde(default)]
    pub succession: Option<Succession>,
}

/// A change of leader that has been decided and waits for its month: a party's leadership
/// race after a lost parliamentary election, a president-elect before the inauguration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Succession {
    pub successor: String,
    /// Scenario month the successor takes office.
    pub month: u32,
    /// Why, as the news says it: "after losing the House of Councillors election with approval
    /// at 37%".
    pub because: String,
}

/// Plants of one owner's firms in one host state, in one sector.
#[derive(Component, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Industry {
    pub id: String,
    pub name: String,
    pub owner: usize,
    pub host: usize,
    pub sector: usize,
    /// bn USD/yr.
    pub output: f64,
    pub output0: f64,
    pub capacity: f64,
    pub capacity0: f64,
    /// Thousands of workers.
    pub employment: f64,
    pub employment0: f64,
}

#[derive(Component, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lobby {
    pub id: String,
    pub name: String,
    pub state: usize,
    pub kind: LobbyKind,
    pub sectors: Vec<usize>,
    pub factor: Factor,
    pub members: f64,
    /// [0, 1]; rises with each protection won (the "sense of success").
    pub organisation: f64,
    /// Members' losses this month, in [0, 1].
    pub grievance: f64,
    /// Pressure on the government: organisation × grievance, in [0, 1].
    pub pressure: f64,
    /// Times it has won protection (at most once a month).
    pub wins: u32,
    /// Month of the last win.
    pub last_win: Option<u32>,
}

/// A trade measure in force. `serial` orders measures deterministically.
#[derive(Component, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub serial: u64,
    pub id: String,
    pub by: usize,
    /// None = every partner.
    pub target: Option<usize>,
    /// None = every sector.
    pub sector: Option<usize>,
    pub kind: MeasureKind,
    pub legal_basis: String,
    pub source: String,
    /// Scenario month it took effect.
    pub since: u32,
    /// In force when the scenario starts (part of the status quo, not a new move).
    pub initial: bool,
    /// A VER the exporter (`target`) imposed on itself with `RestrainExports`: `by` is still
    /// the importer whose market it caps, but only the exporter can lift it, and the
    /// importer's own quota commands leave it alone.
    #[serde(default)]
    pub self_imposed: bool,
}

impl Measure {
    pub fn covers(&self, importer: usize, supplier: usize, sector: usize) -> bool {
        self.by == importer
            && self.target.is_none_or(|t| t == supplier)
            && self.sector.is_none_or(|s| s == sector)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DisputeStatus {
    Open,
    Settled { month: u32 },
}

/// A dispute between two states and where it stands on the escalation ladder.
#[derive(Component, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dispute {
    pub id: String,
    pub title: String,
    pub complainant: usize,
    pub respondent: usize,
    pub sectors: Vec<usize>,
    pub rung: Rung,
    /// Media salience in [0, 1].
    pub salience: f64,
    pub months_at_rung: u32,
    /// Months since anything new happened in it (it climbed a rung, or hot words were said):
    /// the news value of its rung fades with them.
    #[serde(default)]
    pub quiet_months: u32,
    /// Months left of a dispute-settlement panel (rung 2).
    pub panel_left: u32,
    /// The channel of the current negotiation, if one is open.
    pub channel: Option<Channel>,
    /// Hostility of this month's statements and retaliation (decays).
    pub heat: f64,
    /// Conciliation on the table: carve-outs, side payments, kind words (decays).
    pub calm: f64,
    /// Standing offer: who made it and what it is.
    pub offer: Option<(usize, Offer)>,
    pub status: DisputeStatus,
    /// Months spent at the public rung so far.
    pub public_months: u32,
    /// How firmly each side (complainant, respondent) has spoken lately: hostile +1, firm
    /// +0.5, conciliatory −0.5, decaying; backing down from a firm public stance costs approval.
    pub stance: (f64, f64),
    /// Month of each side's last move by the AI (complainant, respondent), for pacing.
    pub last_move: (Option<u32>, Option<u32>),
    /// Highest rung reached.
    pub peak: Rung,
    /// Last month's push up the ladder, term by term (for the player's "why?").
    #[serde(default)]
    pub pressure: Pressure,
}

/// The terms of a dispute's escalation pressure last month, each already weighted (see
/// `sim::escalation`), with the threshold and the chances of moving they gave.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Pressure {
    pub lobby: f64,
    pub salience: f64,
    pub heat: f64,
    pub retaliation: f64,
    /// Working-level handling, calm and time at the rung pull down (negative terms).
    pub working: f64,
    pub calm: f64,
    pub time: f64,
    pub total: f64,
    pub threshold: f64,
    /// Below this pressure the dispute tends to cool a rung (`cooling_share` of the threshold).
    #[serde(default)]
    pub cooling: f64,
    /// Chances of climbing and of falling a rung that month.
    pub up: f64,
    pub down: f64,
    /// The dispute changed rung that month (the chances were those of the rung it left).
    #[serde(default)]
    pub moved: bool,
}

impl Dispute {
    /// A dispute as it opens: no negotiation yet, no offer, no heat.
    pub fn open(
        id: String,
        title: String,
        complainant: usize,
        respondent: usize,
        sectors: Vec<usize>,
        rung: Rung,
        salience: f64,
    ) -> Self {
        Dispute {
            id,
            title,
            complainant,
            respondent,
            sectors,
            rung,
            salience,
            months_at_rung: 0,
            quiet_months: 0,
            panel_left: 0,
            channel: None,
            heat: 0.0,
            calm: 0.0,
            offer: None,
            status: DisputeStatus::Open,
            public_months: 0,
            stance: (0.0, 0.0),
            last_move: (None, None),
            peak: rung,
            pressure: Pressure::default(),
        }
    }

    pub fn stance_of(&self, s: usize) -> f64 {
        if s == self.complainant {
            self.stance.0
        } else {
            self.stance.1
        }
    }
    pub fn stance_mut(&mut self, s: usize) -> &mut f64 {
        if s == self.complainant {
            &mut self.stance.0
        } else {
            &mut self.stance.1
        }
    }
    pub fn last_move_of(&self, s: usize) -> Option<u32> {
        if s == self.complainant {
            self.last_move.0
        } else {
            self.last_move.1
        }
    }
    pub fn set_last_move(&mut self, s: usize, m: u32) {
        if s == self.complainant {
            self.last_move.0 = Some(m);
        } else {
            self.last_move.1 = Some(m);
        }
    }
}

impl Dispute {
    pub fn involves(&self, s: usize) -> bool {
        self.complainant == s || self.respondent == s
    }
    pub fn other(&self, s: usize) -> usize {
        if self.complainant == s {
            self.respondent
        } else {
            self.complainant
        }
    }
    pub fn is_open(&self) -> bool {
        self.status == DisputeStatus::Open
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Applicant {
    pub state: usize,
    /// Votes members have declared by command: (member, supports).
    pub declared: Vec<(usize, bool)>,
    /// Every member's current stance: (member, supports).
    pub votes: Vec<(usize, bool)>,
    /// Monthly pressure accumulated on holdouts (RCEP precedent).
    pub holdout_pressure: f64,
    /// Every member's stance this month, with what it weighs (`frameworks.rs`).
    #[serde(default)]
    pub stances: Vec<Stance>,
    /// Courtship by the applicant, per member, fading: (member, support it adds).
    #[serde(default)]
    pub courted: Vec<(usize, f64)>,
    /// Each member's base month: (member, share of its exports going to the applicant,
    /// deference to the plus pole), against which its stance moves.
    #[serde(default)]
    pub baseline: Vec<(usize, f64, f64)>,
}

/// A member's stance on an applicant and its parts (docs/model.md §2.9): it supports when the
/// total is above zero, unless it declared a vote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stance {
    pub member: usize,
    /// Closeness of alignment + ½·trust in the applicant − θ.
    pub affinity: f64,
    /// The rise in the applicant's share of the member's exports, weighted.
    pub market: f64,
    /// Deference to the plus pole lost since the start, weighted (negative: grown).
    pub deference: f64,
    /// Courtship by the applicant, fading.
    pub courted: f64,
    /// Pressure from the other members on holdouts.
    pub pressure: f64,
    pub total: f64,
    /// The vote it declared, which stands whatever the total.
    pub declared: Option<bool>,
    pub supports: bool,
    /// Share of its exports going to the applicant now.
    pub share: f64,
    /// Its trust in the plus pole now, and the plus pole's share of its exports.
    pub trust_plus: f64,
    pub plus_share: f64,
}

#[derive(Component, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Framework {
    pub id: String,
    pub name: String,
    pub kind: FrameworkKind,
    pub members: Vec<usize>,
    pub applicants: Vec<Applicant>,
    pub excluded_sectors: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AcquisitionStatus {
    Pending,
    Approved,
    Blocked,
}

#[derive(Component, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Acquisition {
    pub id: String,
    pub title: String,
    pub acquirer: usize,
    /// Industry id being bought.
    pub target: String,
    /// The state that reviews it (the target's host).
    pub reviewer: usize,
    pub value: f64,
    /// Investment pledged in the target if approved, bn USD.
    #[serde(default)]
    pub investment: f64,
    pub status: AcquisitionStatus,
}

/// A government's memory for approval: its starting approval and last month's real income,
/// prices and jobs.
#[derive(Component, Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mood {
    pub approval0: f64,
    pub last_welfare: f64,
    pub last_cpi: f64,
    /// Negative until the first month has been seen.
    pub last_jobs: f64,
}
