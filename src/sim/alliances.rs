//! Trust, credibility, alignment and framework votes (docs/model.md §2.8–2.9).

use bevy_ecs::prelude::*;

use super::lookup::{Ctx, state_of};
use super::*;
use crate::scenario::Rung;

/// Weight of credibility (γ₁) and of trade shares (γ₂) in the alignment target.
const GAMMA_CREDIBILITY: f64 = 0.8;
const GAMMA_TRADE: f64 = 0.3;

/// Directed trust with hysteresis: frictions lower it, a public fight lowers it fast and lowers
/// the ceiling it can recover to for good; without friction it heals toward the ceiling at μ.
/// Monthly trust moves at least this large are recorded with their cause (for "why?").
const TRUST_CAUSE: f64 = 0.003;

pub fn trust(
    clock: Res<Clock>,
    params: Res<Params>,
    reg: Res<Registry>,
    wedges: Res<Wedges>,
    disputes: Query<&Dispute>,
    mut rel: ResMut<Relations>,
    mut causes: ResMut<Causes>,
) {
    let p = &params.0;
    let n = reg.n();
    let mut friction = vec![0.0; n * n];
    // Reasons only for the few pairs in a dispute; tariff reasons are written when needed.
    let mut why: std::collections::BTreeMap<usize, String> = Default::default();
    let mut list: Vec<&Dispute> = disputes.iter().filter(|d| d.is_open()).collect();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    for d in list {
        let (a, b) = (d.complainant, d.respondent);
        let (loss, ceiling) = match d.rung {
            Rung::Public => (p.public_trust_loss, p.ceiling_step),
            Rung::Leaders => (p.public_trust_loss * 0.3, 0.0),
            Rung::Ministerial | Rung::DisputeSettlement => (p.private_friction, 0.0),
            Rung::WorkingLevel => (0.0, 0.0),
        };
        for (x, y) in [(a, b), (b, a)] {
            let c = x * n + y;
            friction[c] += loss;
            rel.ceiling[c] = (rel.ceiling[c] - ceiling).max(0.0);
            if loss > 0.0 {
                why.insert(c, format!("{}: the dispute is at {}", d.title, d.rung.stage()));
            }
        }
    }
    for x in 0..n {
        for y in 0..n {
            if x == y {
                continue;
            }
            let c = x * n + y;
            // New tariffs y imposes on x's goods (above the scenario's status quo) are felt by x.
            let t = wedges.new_pair_tariff(y, x);
            if t > 0.05 {
                friction[c] += p.tariff_friction * t;
            }
            let old = rel.trust[c];
            let new = if friction[c] > 0.0 {
                old - friction[c]
            } else {
                old + p.trust_recovery * (rel.ceiling[c] - old).max(0.0)
            };
            rel.trust[c] = new.clamp(0.0, rel.ceiling[c]);
            let delta = rel.trust[c] - old;
            if delta.abs() >= TRUST_CAUSE {
                let subject = format!("{}->{}", reg.states[x], reg.states[y]);
                let because = if delta > 0.0 {
                    format!(
                        "no friction this month: recovering toward its ceiling of {:.0}%",
                        rel.ceiling[c] * 100.0
                    )
                } else {
                    why.remove(&c).unwrap_or_else(|| {
                        if t > 0.05 {
                            format!("{}'s tariffs of {:.0}% on average", reg.states[y], t * 100.0)
                        } else {
                            "the ceiling fell".into()
                        }
                    })
                };
                causes.add(clock.month, &subject, "trust", delta, because);
            }
        }
    }
}

/// Credibility of a pole in the eyes of each state k: the trust the pole's allies hold toward it
/// (what k has seen done to them; k itself left out) averaged with k's own trust in it.
/// `sign` is +1 for the plus pole, −1 for the minus pole; allies lean its way by more than 0.3.
pub fn credibility(rel: &Relations, alignments: &[f64], g: usize, sign: f64) -> Vec<f64> {
    let n = rel.n;
    let ally = |a: usize| a != g && alignments[a] * sign > 0.3;
    let (sum, count) = (0..n)
        .filter(|&a| ally(a))
        .fold((0.0, 0usize), |(s, c), a| (s + rel.trust(a, g), c + 1));
    (0..n)
        .map(|k| {
            let (s, c) = if ally(k) {
                (sum - rel.trust(k, g), count - 1)
            } else {
                (sum, count)
            };
            let seen = if c == 0 { rel.trust(k, g) } else { s / c as f64 };
            0.5 * seen + 0.5 * rel.trust(k, g)
        })
        .collect()
}

/// Alignment drifts toward `A⁰ + γ₁Δ(Cred₊ − Cred₋) + γ₂Δ(trade share₊ − trade share₋)`:
/// falling credibility of the plus pole plus deep trade with the minus pole ⇒ hedging.
pub fn alignment(
    clock: Res<Clock>,
    params: Res<Params>,
    reg: Res<Registry>,
    rel: Res<Relations>,
    trade: Res<Trade>,
    mut states: Query<(&Country, &mut Politics)>,
    mut causes: ResMut<Causes>,
) {
    let Some((plus, minus)) = reg.poles else {
        return;
    };
    let n = reg.n();
    let mut al = vec![0.0; n];
    for (c, p) in &states {
        al[c.idx] = p.alignment;
    }
    let (cred_plus, cred_minus) = (
        credibility(&rel, &al, plus, 1.0),
        credibility(&rel, &al, minus, -1.0),
    );
    let mut list: Vec<_> = states.iter_mut().collect();
    list.sort_by_key(|(c, _)| c.idx);
    for (c, mut pol) in list {
        let i = c.idx;
        if i == plus || i == minus {
            continue;
        }
        let cred = cred_plus[i] - cred_minus[i];
        let with = |g: usize| -> f64 { trade.pair_flow[i * n + g] + trade.pair_flow[g * n + i] };
        let total: f64 = (0..n).filter(|&j| j != i).map(with).sum();
        let tilt = if total > 0.0 {
            (with(plus) - with(minus)) / total
        } else {
            0.0
        };
        // Measured against the base month, so a scenario starts at rest and every drift has a
        // cause.
        let (cred0, tilt0) = *pol.baseline.get_or_insert((cred, tilt));
        let target = (pol.alignment0 + GAMMA_CREDIBILITY * (cred - cred0) + GAMMA_TRADE * (tilt - tilt0))
            .clamp(-1.0, 1.0);
        let old = pol.alignment;
        pol.alignment = (old + params.0.alignment_rate * (target - old)).clamp(-1.0, 1.0);
        if (pol.alignment - old).abs() > 0.005 {
            let because = format!("credibility gap {cred:+.2}, trade tilt {tilt:+.2}");
            causes.add(clock.month, &c.id, "alignment", pol.alignment - old, because);
        }
    }
}

/// Members' stance on each applicant: `u = closeness of alignment + ½·trust − θ + pressure`; a
/// member supports when u > 0 (a vote it declared by command stands). Accession needs every
/// member. When supporters exceed half the members, pressure on the holdouts grows every month
/// until they give way (the RCEP precedent, where Japan and Australia were pushed to conclude),
/// and each holdout loses a little trust with every supporter each month it blocks.
pub fn frameworks(
    clock: Res<Clock>,
    params: Res<Params>,
    reg: Res<Registry>,
    mut rel: ResMut<Relations>,
    states: Query<(&Country, &Politics)>,
    mut frameworks: Query<&mut Framework>,
    mut news: ResMut<News>,
    mut causes: ResMut<Causes>,
) {
    let n = rel.n;
    let mut al = vec![0.0; n];
    for (c, p) in &states {
        al[c.idx] = p.alignment;
    }
    let mut fs: Vec<Mut<Framework>> = frameworks.iter_mut().collect();
    fs.sort_by(|a, b| a.id.cmp(&b.id));
    for mut f in fs {
        let members = f.members.clone();
        let fid = f.id.clone();
        let mut joined = Vec::new();
        for app in &mut f.applicants {
            let a = app.state;
            let mut votes = Vec::new();
            for &m in &members {
                let explicit = app.declared.iter().find(|(x, _)| *x == m).map(|(_, v)| *v);
                let closeness = 1.0 - (al[m] - al[a]).abs() / 2.0;
                let u =
                    closeness + 0.5 * rel.trust(m, a) - params.0.accession_threshold + app.holdout_pressure;
                votes.push((m, explicit.unwrap_or(u > 0.0)));
            }
            let support = votes.iter().filter(|(_, v)| *v).count();
            if support * 2 > members.len() && support < members.len() {
                app.holdout_pressure += params.0.holdout_pressure_step;
                for &(h, _) in votes.iter().filter(|(_, v)| !*v) {
                    for &(s, _) in votes.iter().filter(|(_, v)| *v) {
                        rel.adjust(s, h, -params.0.holdout_resentment, 0.0);
                        causes.add(
                            clock.month,
                            &format!("{}->{}", reg.states[s], reg.states[h]),
                            "trust",
                            -params.0.holdout_resentment,
                            format!("{} blocks {} in {fid}", reg.states[h], reg.states[a]),
                        );
                    }
                }
            }
            let before = app.votes.iter().filter(|(_, v)| *v).count();
            if support != before && !app.votes.is_empty() {
                let because = format!(
                    "members' alignment and trust toward {}; holdout pressure {:.2}",
                    reg.states[a], app.holdout_pressure
                );
                causes.add(
                    clock.month,
                    &format!("{fid}:{}", reg.states[a]),
                    "support",
                    support as f64 - before as f64,
                    because,
                );
            }
            app.votes = votes;
            if !members.is_empty() && support == members.len() {
                joined.push(a);
            }
        }
        for a in joined {
            f.applicants.retain(|x| x.state != a);
            f.members.push(a);
            let name = f.name.clone();
            news.post(
                clock.month,
                &f.id,
                format!("{} joins {name} by consensus of its members", reg.state_names[a]),
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
) -> Result<String, String> {
    let by = ctx.by;
    let me = ctx.me.as_str();
    let a = state_of(world, applicant)?;
    let mut q = world.query::<&mut Framework>();
    let mut f = q
        .iter_mut(world)
        .find(|f| f.id == framework)
        .ok_or_else(|| format!("there is no framework \"{framework}\""))?;
    if !f.members.contains(&by) {
        return Err(format!("{me} is not a member of {} and has no vote", f.name));
    }
    let fname = f.name.clone();
    let app = f
        .applicants
        .iter_mut()
        .find(|x| x.state == a)
        .ok_or_else(|| format!("{applicant} has not applied to {framework}"))?;
    app.declared.retain(|(m, _)| *m != by);
    app.declared.push((by, support));
    Ok(format!(
        "{me} {} {applicant}'s accession to {fname}",
        if support { "supports" } else { "opposes" }
    ))
}

impl Relations {
    /// Every trust change outside the monthly drift goes through here: `from`'s trust in `to`
    /// moves by `trust`, after its ceiling moves by `ceiling`; the ceiling stays in [0, 1] and
    /// trust in [0, ceiling]. Returns the change in trust.
    pub fn adjust(&mut self, from: usize, to: usize, trust: f64, ceiling: f64) -> f64 {
        let c = self.at(from, to);
        let old = self.trust[c];
        self.ceiling[c] = (self.ceiling[c] + ceiling).clamp(0.0, 1.0);
        self.trust[c] = (old + trust).clamp(0.0, self.ceiling[c]);
        self.trust[c] - old
    }
}
