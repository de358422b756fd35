//! Phase 10: how non-player governments choose their commands (docs/model.md §2.12).
//!
//! Each AI government looks at its open disputes and its lobbies once a month and picks from a
//! short list — answer an offer, retaliate, file at the WTO, talk at the working level, make an
//! offer, speak, impose or join an export control, give a lobby the tariff it demands — by rules
//! weighted by its doctrine (protectionist, free-trader, hedger, coercer) and its domestic
//! pressure. Every choice goes through the command queue with its reason, so it is logged and
//! applied like the player's. Ties are broken in a fixed order (dispute id, then rule order).
//!
//! `choose` builds the context every rule reads (`Ai`) and walks each government's rules in one
//! fixed order: its disputes (`disputes.rs`), export controls (`controls.rs`), lobbies
//! (`lobbies.rs`).

use bevy_ecs::prelude::*;

mod controls;
mod courtship;
mod disputes;
mod lobbies;

use controls::{join_controls, lift_joined_control, squeeze_holdouts};
use courtship::court_members;
use disputes::dispute_moves;
use lobbies::lobby_tariffs;

use crate::command::{Channel, Command, Offer, TariffCut, Tone};
use crate::scenario::{Doctrine, LobbyKind, MeasureKind, Parameters, Rung};
use crate::sim::*;

struct Me {
    idx: usize,
    id: String,
    doctrine: Doctrine,
    approval: f64,
    capital: f64,
    alignment: f64,
    gdp: f64,
}

pub fn choose(
    clock: Res<Clock>,
    params: Res<Params>,
    control: Res<Control>,
    reg: Res<Registry>,
    trade: Res<Trade>,
    wedges: Res<Wedges>,
    rel: Res<Relations>,
    states: Query<(&Country, &Politics)>,
    lobbies: Query<&Lobby>,
    disputes: Query<&Dispute>,
    measures: Query<&Measure>,
    frameworks: Query<&Framework>,
    mut pending: ResMut<PendingCommands>,
) {
    if !control.ai {
        return;
    }
    let month = clock.month;
    let (n, k) = (reg.n(), reg.k());
    let mut govs: Vec<Me> = states
        .iter()
        .filter(|(c, _)| !control.is_human(c.idx))
        .map(|(c, p)| Me {
            idx: c.idx,
            id: c.id.clone(),
            doctrine: c.doctrine,
            approval: p.approval,
            capital: p.capital,
            alignment: p.alignment,
            gdp: c.gdp0,
        })
        .collect();
    govs.sort_by_key(|g| g.idx);
    let mut ls: Vec<&Lobby> = lobbies.iter().collect();
    ls.sort_by(|a, b| a.id.cmp(&b.id));
    let mut ds: Vec<&Dispute> = disputes.iter().collect();
    ds.sort_by(|a, b| a.id.cmp(&b.id));
    let mut ms: Vec<&Measure> = measures.iter().collect();
    ms.sort_by_key(|m| m.serial);
    let mut out: Vec<Issued> = Vec::new();
    // Members that have declared a veto on an applicant a majority backs: (applicant, member,
    // framework id), in framework order.
    let mut fws: Vec<&Framework> = frameworks.iter().collect();
    fws.sort_by(|a, b| a.id.cmp(&b.id));
    let vetoes: Vec<(usize, usize, String)> = fws
        .iter()
        .flat_map(|f| {
            f.applicants.iter().flat_map(move |a| {
                let support = a.votes.iter().filter(|(_, v)| *v).count();
                let majority = support * 2 > f.members.len();
                a.declared
                    .iter()
                    .filter(move |(_, v)| majority && !*v)
                    .map(move |(m, _)| (a.state, *m, f.id.clone()))
            })
        })
        .collect();

    let cx = Ai {
        p: &params.0,
        fws,
        month,
        n,
        k,
        reg: &reg,
        trade: &trade,
        wedges: &wedges,
        rel: &rel,
        ls,
        ds,
        ms,
        vetoes,
    };
    for me in &govs {
        dispute_moves(&cx, me, &mut out);
        squeeze_holdouts(&cx, me, &mut out);
        court_members(&cx, me, &mut out);
        lobby_tariffs(&cx, me, &mut out);
        if lift_joined_control(&cx, me, &mut out) {
            continue;
        }
        join_controls(&cx, me, &mut out);
    }
    pending.0.extend(out);
}

/// What every rule reads: the month, the registry, trade, wedges, relations, and the lobbies,
/// disputes and measures in a fixed order (by id; measures by serial).
struct Ai<'a> {
    /// The scenario's parameters (the AI's thresholds and doctrine weights among them).
    p: &'a Parameters,
    /// Frameworks, by id.
    fws: Vec<&'a Framework>,
    month: u32,
    n: usize,
    k: usize,
    reg: &'a Registry,
    trade: &'a Trade,
    wedges: &'a Wedges,
    rel: &'a Relations,
    ls: Vec<&'a Lobby>,
    ds: Vec<&'a Dispute>,
    ms: Vec<&'a Measure>,
    /// Members that have declared a veto on an applicant a majority backs: (applicant, member,
    /// framework id), in framework order.
    vetoes: Vec<(usize, usize, String)>,
}

impl Ai<'_> {
    /// Months between two moves in the same dispute.
    fn pace(&self) -> u32 {
        self.p.ai_pace as u32
    }
    /// The share of a new tariff's rate a government of this doctrine answers with (0: never).
    fn retaliation(&self, d: Doctrine) -> f64 {
        match d {
            Doctrine::FreeTrader => self.p.ai_retaliation_free_trader,
            Doctrine::Hedger => self.p.ai_retaliation_hedger,
            Doctrine::Protectionist => self.p.ai_retaliation_protectionist,
            Doctrine::Coercer => self.p.ai_retaliation_coercer,
        }
    }
    /// How much a government of this doctrine values a deal's terms.
    fn appetite(&self, d: Doctrine) -> f64 {
        match d {
            Doctrine::FreeTrader => self.p.ai_appetite_free_trader,
            Doctrine::Hedger => self.p.ai_appetite_hedger,
            Doctrine::Protectionist => self.p.ai_appetite_protectionist,
            Doctrine::Coercer => self.p.ai_appetite_coercer,
        }
    }
    /// New tariffs (above the base month's) `by` applies to `on` in sector `s`.
    fn new_tariff(&self, by: usize, on: usize, s: usize) -> f64 {
        self.wedges.new_tariff(self.trade, by, on, s)
    }
    /// The base month's tariff (the status quo).
    fn base_tariff(&self, by: usize, on: usize, s: usize) -> f64 {
        self.trade.tariff0(self.trade.at(by, on, s))
    }
    /// The pressure of `state`'s lobbies with a stake in these sectors.
    fn pressure(&self, state: usize, sectors: &[usize]) -> f64 {
        self.ls
            .iter()
            .filter(|l| l.state == state && l.sectors.iter().any(|s| sectors.contains(s)))
            .map(|l| l.pressure)
            .sum()
    }
    fn imports_from(&self, i: usize, j: usize) -> f64 {
        (0..self.k).map(|s| self.trade.flow[self.trade.at(i, j, s)]).sum()
    }
}

/// Queue an AI command with its reason.
fn say_to(out: &mut Vec<Issued>, by: &str, command: Command, reason: String) {
    out.push(Issued {
        by: by.to_string(),
        command,
        origin: Origin::Ai,
        reason,
    })
}

/// A strategic sector where state i holds most of the world's sales and `target` buys from it,
/// not yet under i's control.
fn chokepoint(reg: &Registry, t: &Trade, ms: &[&Measure], i: usize, target: usize) -> Option<usize> {
    let (n, k) = (t.n, t.k);
    (0..k).find(|&s| {
        let world: f64 = (0..n).map(|j| t.sales0[j * k + s]).sum();
        let share = if world > 0.0 {
            t.sales0[i * k + s] / world
        } else {
            0.0
        };
        let controlled = ms.iter().any(|m| {
            m.by == i
                && m.target == Some(target)
                && m.sector == Some(s)
                && matches!(m.kind, MeasureKind::ExportControl)
        });
        reg.strategic[s] && share > 0.5 && t.flow[t.at(target, i, s)] > 0.0 && !controlled
    })
}
