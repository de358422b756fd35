//! Trust, credibility and alignment (docs/model.md §2.8). Framework votes are in
//! `frameworks.rs`.

use bevy_ecs::prelude::*;

use super::*;
use crate::scenario::Rung;

/// Directed trust with hysteresis: frictions lower it, a public fight lowers it fast and lowers
/// the ceiling it can recover to for good; without friction it moves toward the ceiling at μ
/// (healing below it; the goodwill of a deal or a courtship fading above it). Deep ties keep a
/// floor: a share `trust_floor` of the starting trust that no fight takes away.
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
    let mut why: std::collections::BTreeMap<usize, (&str, crate::scenario::Rung)> = Default::default();
    let mut list: Vec<&Dispute> = disputes.iter().filter(|d| d.is_open()).collect();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    for d in list {
        let (a, b) = (d.complainant, d.respondent);
        let (loss, ceiling) = match d.rung {
            Rung::Public => (p.public_trust_loss, p.ceiling_step),
            Rung::Leaders => (p.public_trust_loss * p.leaders_trust_share, 0.0),
            Rung::Ministerial | Rung::DisputeSettlement => (p.private_friction, 0.0),
            Rung::WorkingLevel => (0.0, 0.0),
        };
        for (x, y) in [(a, b), (b, a)] {
            let c = x * n + y;
            friction[c] += loss;
            let floor = rel.floor(x, y, p.trust_floor);
            rel.ceiling[c] = (rel.ceiling[c] - ceiling).max(floor);
            if loss > 0.0 {
                why.insert(c, (d.title.as_str(), d.rung));
            }
        }
    }
    // New tariffs y imposes on x's goods (above the scenario's status quo) are felt by x. Read
    // row by row (y's tariffs on everyone): walking the tariff matrix by columns cost more than
    // the rest of the phase.
    for y in 0..n {
        for x in (0..n).filter(|&x| x != y) {
            let t = wedges.new_pair_tariff(y, x);
            if t > 0.05 {
                friction[x * n + y] += p.tariff_friction * t;
            }
        }
    }
    // Every pair's month first (a tight pass over the arrays), then the few that moved enough
    // to be recorded.
    let rel = &mut *rel;
    let mut moved: Vec<(usize, f64)> = Vec::new();
    for x in 0..n {
        for y in (0..n).filter(|&y| y != x) {
            let c = x * n + y;
            let old = rel.trust[c];
            let new = if friction[c] > 0.0 {
                old - friction[c]
            } else {
                old + p.trust_recovery * (rel.ceiling[c] - old)
            };
            // `Relations::floor`: the share `trust_floor` of the starting trust.
            let floor = rel.trust0.get(c).map_or(0.0, |t| t * p.trust_floor);
            rel.trust[c] = new.clamp(floor, 1.0);
            let delta = rel.trust[c] - old;
            if delta.abs() >= TRUST_CAUSE {
                moved.push((c, delta));
            }
        }
    }
    for (c, delta) in moved {
        let (x, y) = (c / n, c % n);
        let subject = reg.pair(x, y);
        let ceiling = rel.ceiling[c];
        let because = if delta > 0.0 {
            Because::TrustRecovering { ceiling }
        } else if friction[c] <= 0.0 {
            Because::TrustFading { ceiling }
        } else if let Some((title, rung)) = why.remove(&c) {
            Because::TrustDispute {
                title: title.to_string(),
                rung,
            }
        } else {
            let t = wedges.new_pair_tariff(y, x);
            if t > 0.05 {
                Because::TrustTariffs {
                    by: std::sync::Arc::new((reg.states[y].clone(), reg.state_names[y].clone())),
                    rate: t,
                }
            } else {
                crate::i18n::Words::new("cause-ceiling-fell").into()
            }
        };
        causes.add(clock.month, &subject, "trust", delta, because);
    }
}

/// Credibility of a pole in the eyes of each state k: the trust the pole's allies hold toward it
/// (what k has seen done to them; k itself left out) averaged with k's own trust in it.
/// `sign` is +1 for the plus pole, −1 for the minus pole; allies lean its way by more than
/// `ally` (the parameter `ally_alignment`).
pub fn credibility(rel: &Relations, alignments: &[f64], g: usize, sign: f64, ally: f64) -> Vec<f64> {
    let n = rel.n;
    let ally = |a: usize| a != g && alignments[a] * sign > ally;
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
    let p = &params.0;
    let (cred_plus, cred_minus) = (
        credibility(&rel, &al, plus, 1.0, p.ally_alignment),
        credibility(&rel, &al, minus, -1.0, p.ally_alignment),
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
        let target =
            (pol.alignment0 + p.alignment_credibility * (cred - cred0) + p.alignment_trade * (tilt - tilt0))
                .clamp(-1.0, 1.0);
        let old = pol.alignment;
        pol.alignment = (old + p.alignment_rate * (target - old)).clamp(-1.0, 1.0);
        if (pol.alignment - old).abs() > 0.005 {
            let because = crate::i18n::Words::new("cause-alignment")
                .plain("credibility", format!("{cred:+.2}"))
                .plain("tilt", format!("{tilt:+.2}"));
            causes.add(clock.month, &c.id, "alignment", pol.alignment - old, because);
        }
    }
}

impl Relations {
    /// Every trust change outside the monthly drift goes through here: `from`'s trust in `to`
    /// moves by `trust` (a deed: a deal, a courtship, a rebuff), after its ceiling falls by
    /// `lost` (≥ 0) for good. The ceiling never rises: trust won by deeds may stand above it
    /// for a while and fades back toward it at μ. Neither falls below the floor of deep ties
    /// (`floor_share` of the starting trust). Returns the change in trust.
    pub fn adjust(&mut self, from: usize, to: usize, trust: f64, lost: f64, floor_share: f64) -> f64 {
        let c = self.at(from, to);
        let floor = self.floor(from, to, floor_share);
        let old = self.trust[c];
        self.ceiling[c] = (self.ceiling[c] - lost.max(0.0)).clamp(floor, 1.0);
        let new = if lost > 0.0 {
            (old + trust).min(self.ceiling[c])
        } else {
            old + trust
        };
        self.trust[c] = new.clamp(floor, 1.0);
        self.trust[c] - old
    }

    /// The floor of `from`'s trust in `to`: a share of the starting trust (0 in a save from a
    /// build that kept no starting trust).
    pub fn floor(&self, from: usize, to: usize, share: f64) -> f64 {
        self.start(from, to).map_or(0.0, |t| t * share)
    }

    /// `from`'s trust in `to` at the start of the scenario, if kept.
    pub fn start(&self, from: usize, to: usize) -> Option<f64> {
        self.trust0.get(self.at(from, to)).copied()
    }
}
