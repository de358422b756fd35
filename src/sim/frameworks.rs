//! Framework accession: members' stances on each applicant, holdout pressure, declared votes,
//! and courtship (docs/model.md §2.9).
//!
//! A member weighs what it weighs in reality. Its stance on applicant a is
//!
//! `u = closeness of alignment + ½·trust(m, a) − θ                      (affinity)
//!    + β_M · (share of m's exports going to a − the base month's)       (the applicant's market)
//!    + β_D · (deference₀ − deference)                                    (deference lost)
//!    + courtship by a (fading) + holdout pressure`,
//!
//! with `deference = trust(m, plus pole) · (s + the plus pole's share of m's exports) ·
//! (1 − A_a)/2`: what a member owes the plus pole's wishes grows with its trust in it, with the
//! security it gets from it (s) and with the market it could lose there, and counts against
//! applicants on the other side of the axis. When the plus pole mistreats its allies, their
//! trust falls and its tariffs shrink its market: deference drains away, the applicant's market
//! looms larger (trade diverted toward it), and a coercer that sees it courts them. The
//! starting stances are the scenario's; every move since has a cause the news names.
//! Accession needs every member. When supporters exceed half the members, pressure on the
//! holdouts grows every month until they give way (the RCEP precedent, where Japan and
//! Australia were pushed to conclude), and each holdout loses a little trust with every
//! supporter each month it blocks.

use bevy_ecs::prelude::*;

use super::lookup::{Ctx, state_of};
use super::*;
use crate::i18n::Words;
use crate::scenario::Parameters;

/// The parts of every member's stance on one applicant, from this month's world.
pub struct Weighing {
    /// Share of each state's exports going to each other state: `exports[m * n + j]`.
    pub export_share: Vec<f64>,
    pub alignment: Vec<f64>,
}

impl Weighing {
    pub fn new(trade: &Trade, alignment: Vec<f64>) -> Self {
        let n = trade.n;
        let mut export_share = vec![0.0; n * n];
        // Each state's exports in all, summed over buyers in buyer order while reading the flow
        // matrix row by row (the same sums as column by column, without the strided reads).
        let mut total = vec![0.0; n];
        for j in 0..n {
            for (m, sum) in total.iter_mut().enumerate().filter(|&(m, _)| m != j) {
                *sum += trade.pair_flow[j * n + m];
            }
        }
        for j in 0..n {
            for m in (0..n).filter(|&m| m != j && total[m] > 0.0) {
                export_share[m * n + j] = trade.pair_flow[j * n + m] / total[m];
            }
        }
        Weighing {
            export_share,
            alignment,
        }
    }

    /// What member m owes the plus pole's wishes on applicant a's bid.
    fn deference(&self, rel: &Relations, p: &Parameters, plus: Option<usize>, m: usize, a: usize) -> f64 {
        let n = rel.n;
        match plus {
            Some(g) if g != m && g != a => {
                rel.trust(m, g)
                    * (p.deference_security + self.export_share[m * n + g])
                    * (1.0 - self.alignment[a])
                    / 2.0
            }
            _ => 0.0,
        }
    }

    /// Member m's stance on applicant `app` (its baseline is set on first sight).
    fn stance(
        &self,
        rel: &Relations,
        p: &Parameters,
        plus: Option<usize>,
        m: usize,
        app: &mut Applicant,
    ) -> Stance {
        let n = rel.n;
        let a = app.state;
        let share = self.export_share[m * n + a];
        let deference = self.deference(rel, p, plus, m, a);
        let (share0, deference0) = match app.baseline.iter().find(|b| b.0 == m) {
            Some(&(_, s0, d0)) => (s0, d0),
            None => {
                app.baseline.push((m, share, deference));
                (share, deference)
            }
        };
        let closeness = 1.0 - (self.alignment[m] - self.alignment[a]).abs() / 2.0;
        let courted = app.courted.iter().find(|c| c.0 == m).map_or(0.0, |c| c.1);
        let mut s = Stance {
            member: m,
            affinity: closeness + 0.5 * rel.trust(m, a) - p.accession_threshold,
            market: p.stance_market * (share - share0),
            deference: p.stance_deference * (deference0 - deference),
            courted,
            pressure: app.holdout_pressure,
            total: 0.0,
            declared: app.declared.iter().find(|(x, _)| *x == m).map(|(_, v)| *v),
            supports: false,
            share,
            trust_plus: plus.map_or(0.0, |g| rel.trust(m, g)),
            plus_share: plus.map_or(0.0, |g| self.export_share[m * n + g]),
        };
        s.total = s.affinity + s.market + s.deference + s.courted + s.pressure;
        s.supports = s.declared.unwrap_or(s.total > 0.0);
        s
    }
}

/// Why member m stands where it does on applicant a, in a sentence (for the news and the
/// relations tab): the parts that moved it, largest first.
pub fn explain(reg: &Registry, s: &Stance, applicant: usize) -> String {
    explain_words(reg, s, applicant).in_lang(crate::i18n::lang())
}

/// `explain`, kept to be worded in the reader's language.
pub fn explain_words(reg: &Registry, s: &Stance, applicant: usize) -> Words {
    let who = reg.state_names[applicant].as_str();
    let mut parts: Vec<(f64, Words)> = Vec::new();
    if let Some((plus, _)) = reg.poles
        && s.deference.abs() >= 0.01
    {
        parts.push((
            s.deference,
            Words::new(if s.deference > 0.0 {
                "stance-deference-lost"
            } else {
                "stance-deference-grown"
            })
            .text("pole", reg.state_names[plus].as_str())
            .plain("value", format!("{:+.2}", s.deference))
            .plain("trust", format!("{:.0}", s.trust_plus * 100.0))
            .plain("share", format!("{:.0}", s.plus_share * 100.0)),
        ));
    }
    if s.market.abs() >= 0.01 {
        parts.push((
            s.market,
            Words::new("stance-market")
                .text("who", who)
                .plain("share", format!("{:.0}", s.share * 100.0))
                .plain("value", format!("{:+.2}", s.market)),
        ));
    }
    if s.courted >= 0.01 {
        parts.push((
            s.courted,
            Words::new("stance-courted")
                .text("who", who)
                .plain("value", format!("{:+.2}", s.courted)),
        ));
    }
    if s.pressure >= 0.01 {
        parts.push((
            s.pressure,
            Words::new("stance-pressure").plain("value", format!("{:+.2}", s.pressure)),
        ));
    }
    parts.sort_by(|x, y| y.0.abs().total_cmp(&x.0.abs()));
    let mut list: Vec<Words> = parts.into_iter().map(|(_, p)| p).collect();
    list.push(
        Words::new("stance-affinity")
            .text("who", who)
            .plain("value", format!("{:+.2}", s.affinity)),
    );
    let total = format!("{:+.2}", s.total);
    match s.declared {
        Some(v) => Words::new(if v {
            "stance-declared-supports"
        } else {
            "stance-declared-opposes"
        })
        .plain("total", total)
        .list("parts", list),
        None => Words::new("stance-total")
            .plain("total", total)
            .list("parts", list),
    }
}

pub fn frameworks(
    clock: Res<Clock>,
    params: Res<Params>,
    reg: Res<Registry>,
    trade: Res<Trade>,
    mut rel: ResMut<Relations>,
    states: Query<(&Country, &Politics)>,
    mut frameworks: Query<&mut Framework>,
    mut news: ResMut<News>,
    mut causes: ResMut<Causes>,
) {
    let p = &params.0;
    let n = rel.n;
    let mut al = vec![0.0; n];
    for (c, pol) in &states {
        al[c.idx] = pol.alignment;
    }
    let weigh = Weighing::new(&trade, al);
    let plus = reg.poles.map(|(g, _)| g);
    let mut fs: Vec<Mut<Framework>> = frameworks.iter_mut().collect();
    fs.sort_by(|a, b| a.id.cmp(&b.id));
    for mut f in fs {
        let members = f.members.clone();
        let fid = f.id.clone();
        let fname = f.name.clone();
        let mut joined = Vec::new();
        for app in &mut f.applicants {
            let a = app.state;
            for c in &mut app.courted {
                c.1 *= p.court_memory;
            }
            app.courted.retain(|c| c.1 >= 1e-4);
            let stances: Vec<Stance> = members
                .iter()
                .map(|&m| weigh.stance(&rel, p, plus, m, app))
                .collect();
            let support = stances.iter().filter(|s| s.supports).count();
            if support * 2 > members.len() && support < members.len() {
                app.holdout_pressure += p.holdout_pressure_step;
                for h in stances.iter().filter(|s| !s.supports) {
                    for s in stances.iter().filter(|s| s.supports) {
                        rel.adjust(s.member, h.member, -p.holdout_resentment, 0.0, p.trust_floor);
                        causes.add(
                            clock.month,
                            &reg.pair(s.member, h.member),
                            "trust",
                            -p.holdout_resentment,
                            Words::new("cause-blocks")
                                .named("holdout", &reg.states[h.member], &reg.state_names[h.member])
                                .named("applicant", &reg.states[a], &reg.state_names[a])
                                .text("framework", fid.as_str()),
                        );
                    }
                }
            }
            // Each member that changes its mind, with its reasons, in the news and the causes.
            if !app.stances.is_empty() {
                for s in &stances {
                    let before = app
                        .stances
                        .iter()
                        .find(|x| x.member == s.member)
                        .map(|x| x.supports);
                    if before.is_none_or(|b| b == s.supports) {
                        continue;
                    }
                    let (m, name) = (&reg.state_names[s.member], &reg.state_names[a]);
                    let why = explain_words(&reg, s, a);
                    let headline = Words::new(if s.supports {
                        "news-now-backs-bid"
                    } else {
                        "news-no-longer-backs-bid"
                    })
                    .text("member", m.as_str())
                    .text("applicant", name.as_str())
                    .text("framework", fid.as_str())
                    .words("why", why.clone());
                    news.post_words(clock.month, &fid, headline);
                    causes.add(
                        clock.month,
                        &format!("{fid}:{}", reg.states[a]),
                        "support",
                        if s.supports { 1.0 } else { -1.0 },
                        Words::new("cause-member-stance")
                            .named("member", &reg.states[s.member], &reg.state_names[s.member])
                            .words("why", why),
                    );
                }
            }
            app.votes = stances.iter().map(|s| (s.member, s.supports)).collect();
            app.stances = stances;
            if !members.is_empty() && support == members.len() {
                joined.push(a);
            }
        }
        for a in joined {
            f.applicants.retain(|x| x.state != a);
            f.members.push(a);
            news.post_words(
                clock.month,
                &fid,
                Words::new("news-joins-framework")
                    .text("state", reg.state_names[a].as_str())
                    .text("framework", fname.as_str()),
            );
        }
    }
}

/// `VoteOnApplicant`: a member declares its stance on an applicant (it stands until changed).
pub(super) fn vote(
    world: &mut World,
    ctx: &Ctx,
    framework: &str,
    applicant: &str,
    support: bool,
) -> Result<Words, String> {
    let by = ctx.by;
    let me = ctx.me.as_str();
    let a = state_of(world, applicant)?;
    let applicant_name = world.resource::<Registry>().state_names[a].clone();
    let mut q = world.query::<&mut Framework>();
    let mut f = q
        .iter_mut(world)
        .find(|f| f.id == framework)
        .ok_or_else(|| crate::i18n::remember(Words::new("refusal-no-framework").plain("id", framework)))?;
    if !f.members.contains(&by) {
        return Err(crate::i18n::remember(
            Words::new("refused-no-vote")
                .text("me", me)
                .text("framework", f.name.as_str()),
        ));
    }
    let fname = f.name.clone();
    let app = f.applicants.iter_mut().find(|x| x.state == a).ok_or_else(|| {
        crate::i18n::remember(
            Words::new("refusal-not-applied")
                .named("applicant", applicant, &applicant_name)
                .plain("framework", framework),
        )
    })?;
    app.declared.retain(|(m, _)| *m != by);
    app.declared.push((by, support));
    Ok(Words::new(if support {
        "result-supports-accession"
    } else {
        "result-opposes-accession"
    })
    .text("me", me)
    .named("applicant", applicant, &applicant_name)
    .text("framework", fname.as_str()))
}

/// `Court`: a charm offensive (eased import bans, visa waivers, purchase pledges, warm words)
/// costs political capital and raises the courted state's trust in the courting one; where the
/// courting state is an applicant the courted one has a vote on, it also adds `court_offer` to
/// that member's stance, fading month by month (China's 2023–24 thaw with Australia).
pub(super) fn court(world: &mut World, ctx: &Ctx, target: &str) -> Result<Words, String> {
    let by = ctx.by;
    let t = state_of(world, target)?;
    if t == by {
        return Err(crate::i18n::remember(Words::new("refusal-court-self")));
    }
    let p = world.resource::<Params>().0.clone();
    let e = world.resource::<Registry>().entities[by];
    let mut pol = world.get_mut::<Politics>(e).ok_or("state vanished")?;
    if pol.capital < p.court_capital {
        return Err(crate::i18n::remember(
            Words::new("refused-court-capital")
                .plain("cost", format!("{:.0}", p.court_capital))
                .plain("capital", format!("{:.0}", pol.capital)),
        ));
    }
    pol.capital -= p.court_capital;
    let gain = world
        .resource_mut::<Relations>()
        .adjust(t, by, p.court_trust, 0.0, p.trust_floor);
    let pair = world.resource::<Registry>().pair(t, by);
    world.resource_mut::<Causes>().add(
        ctx.month,
        &pair,
        "trust",
        gain,
        Words::new("cause-courted").text("who", ctx.me.as_str()),
    );
    let mut q = world.query::<&mut Framework>();
    for mut f in q.iter_mut(world) {
        if !f.members.contains(&t) {
            continue;
        }
        if let Some(app) = f.applicants.iter_mut().find(|a| a.state == by) {
            match app.courted.iter_mut().find(|c| c.0 == t) {
                Some(c) => c.1 += p.court_offer,
                None => app.courted.push((t, p.court_offer)),
            }
        }
    }
    let name = world.resource::<Registry>().state_names[t].clone();
    Ok(Words::new("result-court")
        .text("me", ctx.me.as_str())
        .text("target", name.as_str()))
}
