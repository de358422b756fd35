//! Leader approval and political capital, the two-level game (docs/model.md §2.6).
//!
//! `ΔA = ρ(A⁰ − A) + a₁·Δ real income − a₂·inflation − a₃·jobs lost − a₄·unanswered lobby
//! pressure + a₅·firmness in a public dispute` (the audience cost a₆ of backing down is charged
//! by the command that backs down). Public firmness pays at home for a while and makes retreat
//! expensive (Fearon 1994; Putnam 1988): exactly why the game rewards keeping disputes off the
//! front pages. Political capital refills with approval and is spent by summits.

use bevy_ecs::prelude::*;

use super::lookup::Ctx;
use super::*;
use crate::scenario::Rung;

/// Smallest monthly approval change worth a cause record.
const CAUSE_THRESHOLD: f64 = 0.001;

pub fn approval(
    clock: Res<Clock>,
    params: Res<Params>,
    lobbies: Query<&Lobby>,
    disputes: Query<&Dispute>,
    mut states: Query<(&Country, &Economy, &mut Politics, &mut Mood)>,
    mut causes: ResMut<Causes>,
) {
    let p = &params.0;
    let month = clock.month;
    let mut ls: Vec<&Lobby> = lobbies.iter().collect();
    ls.sort_by(|a, b| a.id.cmp(&b.id));
    let mut ds: Vec<&Dispute> = disputes.iter().filter(|d| d.is_open()).collect();
    ds.sort_by(|a, b| a.id.cmp(&b.id));
    let mut list: Vec<_> = states.iter_mut().collect();
    list.sort_by_key(|(c, ..)| c.idx);
    for (c, e, mut pol, mut mood) in list {
        let i = c.idx;
        let income = (e.welfare / mood.last_welfare.max(1e-9) - 1.0) * 100.0;
        let inflation = e.cpi - mood.last_cpi;
        let jobs = if mood.last_jobs > 0.0 {
            (e.employment - mood.last_jobs) / mood.last_jobs * 100.0
        } else {
            0.0
        };
        let unanswered: f64 = ls
            .iter()
            .filter(|l| {
                l.state == i
                    && l.last_win
                        .is_none_or(|w| month.saturating_sub(w) as f64 > p.answered_months)
            })
            .map(|l| l.pressure)
            .sum();
        let firm_public = ds
            .iter()
            .filter(|d| d.involves(i) && d.rung >= Rung::Leaders && d.stance_of(i) > p.firm_stance)
            .count() as f64;
        let parts = [
            (
                "approval-part-reversion",
                p.approval_reversion * (mood.approval0 - pol.approval),
            ),
            ("approval-part-income", p.approval_income * income),
            ("approval-part-inflation", -p.approval_inflation * inflation),
            (
                "approval-part-jobs",
                p.approval_jobs * jobs.min(0.0) + 0.5 * p.approval_jobs * jobs.max(0.0),
            ),
            ("approval-part-lobbies", -p.approval_lobby * unanswered),
            ("approval-part-rally", p.approval_rally * firm_public),
        ];
        let delta: f64 = parts.iter().map(|(_, v)| v).sum();
        let old = pol.approval;
        pol.approval = (old + delta).clamp(0.05, 0.95);
        if (pol.approval - old).abs() >= CAUSE_THRESHOLD {
            let mut named: Vec<(&'static str, f64)> =
                parts.iter().copied().filter(|(_, v)| v.abs() >= 0.0002).collect();
            named.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
            causes.add(
                month,
                &c.id,
                "approval",
                pol.approval - old,
                Because::Approval(named),
            );
        }
        pol.capital = (pol.capital + p.capital_refill * (pol.approval - 0.3)).clamp(0.0, 100.0);
        mood.last_welfare = e.welfare;
        mood.last_cpi = e.cpi;
        mood.last_jobs = e.employment;
    }
}

/// Backing down after public threats costs approval at home (the audience cost).
pub(super) fn back_down(world: &mut World, ctx: &Ctx, d: &Dispute) {
    let stance = d.stance_of(ctx.by);
    let p = world.resource::<Params>().0.clone();
    // A side whose stance is above `firm_stance` stood firm in public: backing down costs it.
    if d.rung < Rung::Leaders || stance <= p.firm_stance {
        return;
    }
    let cost = p.audience_cost * stance.min(1.5);
    let e = world.resource::<Registry>().entities[ctx.by];
    if let Some(mut p) = world.get_mut::<Politics>(e) {
        p.approval = (p.approval - cost).max(0.05);
    }
    let because = crate::i18n::Words::new("cause-backing-down").text("title", d.title.as_str());
    world
        .resource_mut::<Causes>()
        .add(ctx.month, &ctx.by_id, "approval", -cost, because);
}
