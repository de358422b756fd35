//! Lobbies (docs/model.md §2.5).
//!
//! A lobby's grievance is its members' loss: jobs lost in its sectors at home and the fall in
//! the return of the factor its members live on (the Stolper–Samuelson signal). Its pressure on
//! the government is organisation × grievance (Olson 1965: concentrated, organised losers are
//! heard). Organisation grows with each protection won, so old protected sectors stay loud.

use bevy_ecs::prelude::*;

use super::lookup::Ctx;
use super::*;
use crate::scenario::Factor;

/// Smallest change of pressure worth a cause record.
const CAUSE_THRESHOLD: f64 = 0.005;

pub fn lobby_pressure(
    clock: Res<Clock>,
    params: Res<Params>,
    industries: Query<&Industry>,
    states: Query<(&Country, &Economy)>,
    mut lobbies: Query<&mut Lobby>,
    mut causes: ResMut<Causes>,
) {
    let mut list: Vec<Mut<Lobby>> = lobbies.iter_mut().collect();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    let mut inds: Vec<&Industry> = industries.iter().collect();
    inds.sort_by(|a, b| a.id.cmp(&b.id));
    for mut lobby in list {
        let (mut jobs, mut jobs0) = (0.0, 0.0);
        for ind in &inds {
            if ind.host == lobby.state && lobby.sectors.contains(&ind.sector) {
                jobs += ind.employment;
                jobs0 += ind.employment0;
            }
        }
        let job_loss = if jobs0 > 0.0 {
            (1.0 - jobs / jobs0).max(0.0)
        } else {
            0.0
        };
        let factor_loss = states
            .iter()
            .find(|(c, _)| c.idx == lobby.state)
            .map(|(_, e)| {
                let r = match lobby.factor {
                    Factor::Land => e.factor_returns.land,
                    Factor::Labour => e.factor_returns.labour,
                    Factor::Capital => e.factor_returns.capital,
                };
                (1.0 - r).max(0.0)
            })
            .unwrap_or(0.0);
        let grievance = (params.0.lobby_loss_weight * (job_loss + factor_loss)).clamp(0.0, 1.0);
        let pressure = (lobby.organisation * grievance).clamp(0.0, 1.0);
        let delta = pressure - lobby.pressure;
        if delta.abs() >= CAUSE_THRESHOLD {
            let because = crate::i18n::Words::new("cause-lobby-pressure")
                .plain("jobs", format!("{:+.1}", -job_loss * 100.0))
                .plain("returns", format!("{:+.1}", -factor_loss * 100.0));
            causes.add(clock.month, &lobby.id, "pressure", delta, because);
        }
        lobby.grievance = grievance;
        lobby.pressure = pressure;
    }
}

/// Protection won: lobbies of `by` in the protected sectors gain organisation and appetite
/// (the "sense of success" that keeps old protected sectors loud).
pub(super) fn protection_won(world: &mut World, ctx: &Ctx, sec: Option<usize>) {
    demand_met(
        world,
        ctx.month,
        ctx.by,
        |s| sec.is_none_or(|x| x == s),
        crate::i18n::Words::new("cause-won-protection").into(),
    );
}

/// A lobby's demand is met (docs/model.md §2.5): its organisation grows a step and it counts as
/// answered for a while, so its pressure stops costing the leader approval. Protection won,
/// tariff relief won abroad by a deal, and a sector carved out of a deal all count.
pub(super) fn demand_met(
    world: &mut World,
    month: u32,
    state: usize,
    sector: impl Fn(usize) -> bool,
    because: Because,
) {
    let winners: Vec<Entity> = super::lookup::lobbies(world, |it| {
        it.filter(|(_, l)| {
            l.state == state && l.sectors.iter().any(|&s| sector(s)) && l.last_win != Some(month)
        })
        .map(|(e, _)| e)
        .collect()
    });
    let mut won = Vec::new();
    for e in winners {
        let Some(mut l) = world.get_mut::<Lobby>(e) else {
            continue;
        };
        l.last_win = Some(month);
        l.wins += 1;
        let step = 0.1 * (1.0 - l.organisation);
        l.organisation += step;
        won.push((l.id.clone(), step));
    }
    won.sort_by(|a, b| a.0.cmp(&b.0));
    let mut causes = world.resource_mut::<Causes>();
    for (id, step) in won {
        causes.add(month, &id, "organisation", step, because.clone());
    }
}
