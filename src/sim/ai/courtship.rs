//! The AI and accession: a coercer that applies to a framework courts the members it sees
//! mistreated by the plus pole (China's thaw with Australia in 2023–24, its visa waivers for
//! Japanese and Europeans in 2024, its overtures to Washington's allies after the 2025 tariffs).

use super::*;

/// A coercer applying to a framework courts one member a month: among the members that do not
/// yet back it and whose trust in the plus pole has fallen at least `court_trigger` below its
/// start, the one closest to backing it, once the last courtship of it has mostly faded.
pub(super) fn court_members(cx: &Ai, me: &Me, out: &mut Vec<Issued>) {
    let Ai { reg, rel, p, .. } = *cx;
    let Some((plus, _)) = reg.poles else {
        return;
    };
    if me.doctrine != Doctrine::Coercer || me.capital < p.court_capital {
        return;
    }
    let mut best: Option<(f64, usize, &str)> = None;
    for f in &cx.fws {
        let Some(app) = f.applicants.iter().find(|a| a.state == me.idx) else {
            continue;
        };
        for s in app.stances.iter().filter(|s| !s.supports && s.member != plus) {
            let m = s.member;
            let start = rel.start(m, plus).unwrap_or(rel.trust(m, plus));
            let fallen = start - rel.trust(m, plus);
            let fresh = app.courted.iter().any(|c| c.0 == m && c.1 > p.court_offer / 2.0);
            if fallen >= p.court_trigger && !fresh && best.is_none_or(|(u, _, _)| s.total > u) {
                best = Some((s.total, m, f.id.as_str()));
            }
        }
    }
    if let Some((_, m, f)) = best {
        let reason = crate::i18n::remember(
            crate::i18n::Words::new("ai-courts")
                .named("state", &reg.states[m], &reg.state_names[m])
                .named("pole", &reg.states[plus], &reg.state_names[plus])
                .text("framework", f.to_string()),
        );
        say_to(
            out,
            &me.id,
            Command::Court {
                target: reg.states[m].clone(),
            },
            reason,
        );
    }
}
