//! The AI and export controls: a coercer squeezes a member that vetoes its bid; an ally joins
//! a pole's controls when it trusts it and can afford it, and lifts one it cannot afford.

use super::*;

/// A coercer squeezes a member that vetoes its bid when a majority backs it.
pub(super) fn squeeze_holdouts(cx: &Ai, me: &Me, out: &mut Vec<Issued>) {
    let Ai { reg, trade, .. } = *cx;
    let ms = &cx.ms;
    let vetoes = &cx.vetoes;
    let mut say = |by: &str, command: Command, reason: String| say_to(out, by, command, reason);
    let i = me.idx;
    // A coercer whose bid to join a framework a majority backs, but one member vetoes, squeezes
    // the holdout where it depends on it (China's rare-earth halt to Japan, 2010).
    if me.doctrine == Doctrine::Coercer {
        for (_, m, f) in vetoes.iter().filter(|(a, _, _)| *a == i) {
            if let Some(s) = chokepoint(reg, trade, ms, i, *m) {
                let reason = crate::i18n::remember(
                    crate::i18n::Words::new("ai-squeezes-veto")
                        .named("state", &reg.states[*m], &reg.state_names[*m])
                        .text("framework", f.as_str()),
                );
                say(
                    &me.id,
                    Command::ImposeExportControl {
                        target: reg.states[*m].clone(),
                        sector: reg.sectors[s].clone(),
                    },
                    reason,
                );
                break;
            }
        }
    }
}

/// An ally lifts a control it joined and cannot afford; true when it did (nothing else
/// that month).
pub(super) fn lift_joined_control(cx: &Ai, me: &Me, out: &mut Vec<Issued>) -> bool {
    let Ai { k, reg, trade, .. } = *cx;
    let ms = &cx.ms;
    let mut say = |by: &str, command: Command, reason: String| say_to(out, by, command, reason);
    let i = me.idx;
    // An ally that joined a pole's export control and pays for it at home (approval below
    // `ai_lift_approval`, and sales below their start in the controlled sector) lifts it
    // again: the cost to its own exporters outweighs the favour to its ally (Seoul's
    // reluctance over the 2023 U.S. chip rules, which reach Samsung's and SK Hynix's plants
    // in China).
    if let Some((plus, _)) = reg.poles
        && i != plus
        && me.approval < cx.p.ai_lift_approval
        && let Some(m) = ms.iter().find(|m| {
            m.by == i
                && matches!(m.kind, MeasureKind::ExportControl)
                && m.sector.is_some_and(|s| {
                    trade
                        .sales
                        .get(i * k + s)
                        .is_some_and(|x| *x < trade.sales0[i * k + s])
                })
                && ms.iter().any(|x| {
                    x.by == plus
                        && x.target == m.target
                        && x.sector == m.sector
                        && matches!(x.kind, MeasureKind::ExportControl)
                })
        })
        && let (Some(t), Some(s)) = (m.target, m.sector)
    {
        say(
            &me.id,
            Command::LiftExportControl {
                target: reg.states[t].clone(),
                sector: reg.sectors[s].clone(),
            },
            crate::i18n::remember(
                crate::i18n::Words::new("ai-control-costs")
                    .text("sector", reg.sector_names[s].as_str())
                    .plain(
                        "down",
                        format!(
                            "{:.0}",
                            (1.0 - trade.sales.get(i * k + s).copied().unwrap_or(0.0)
                                / trade.sales0[i * k + s].max(1e-9))
                                * 100.0
                        ),
                    )
                    .plain("approval", format!("{:.0}", me.approval * 100.0))
                    .named("target", &reg.states[t], &reg.state_names[t])
                    .named("pole", &reg.states[plus], &reg.state_names[plus]),
            ),
        );
        return true;
    }
    false
}

/// An ally joins a pole's export controls once it trusts it and can afford it.
pub(super) fn join_controls(cx: &Ai, me: &Me, out: &mut Vec<Issued>) {
    let Ai {
        month,
        reg,
        trade,
        rel,
        ..
    } = *cx;
    let ms = &cx.ms;
    let mut say = |by: &str, command: Command, reason: String| say_to(out, by, command, reason);
    let i = me.idx;
    // Allies of a pole join its export controls once they trust it (Japan joined the 2022
    // U.S. chip controls in 2023), unless their leader is too weak at home to pay for it.
    if let Some((plus, _)) = reg.poles
        && i != plus
        && me.alignment > 0.6
        && rel.trust(i, plus) > 0.6
        && me.approval >= cx.p.ai_join_approval
    {
        for m in ms
            .iter()
            .filter(|m| m.by == plus && matches!(m.kind, MeasureKind::ExportControl))
        {
            let (Some(t), Some(s)) = (m.target, m.sector) else {
                continue;
            };
            let joined = ms.iter().any(|x| {
                x.by == i
                    && x.target == Some(t)
                    && x.sector == Some(s)
                    && matches!(x.kind, MeasureKind::ExportControl)
            });
            let sells = trade.flow[trade.at(t, i, s)] > 0.0;
            if t != i && !joined && sells && month.saturating_sub(m.since) >= 6 {
                let reason = crate::i18n::remember(
                    crate::i18n::Words::new("ai-joins-control")
                        .named("pole", &reg.states[plus], &reg.state_names[plus])
                        .text("sector", reg.sector_names[s].as_str())
                        .named("target", &reg.states[t], &reg.state_names[t]),
                );
                say(
                    &me.id,
                    Command::ImposeExportControl {
                        target: reg.states[t].clone(),
                        sector: reg.sectors[s].clone(),
                    },
                    reason,
                );
                break;
            }
        }
    }
}
