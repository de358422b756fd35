//! The AI at home: a protectionist government gives a pressing lobby the tariff it demands.

use super::*;

/// A protectionist government gives a pressing lobby the tariff it demands.
pub(super) fn lobby_tariffs(cx: &Ai, me: &Me, out: &mut Vec<Issued>) {
    let Ai {
        month, n, reg, trade, ..
    } = *cx;
    let ls = &cx.ls;
    let new_tariff = |by: usize, on: usize, s: usize| cx.new_tariff(by, on, s);
    let mut say = |by: &str, command: Command, reason: String| say_to(out, by, command, reason);
    let i = me.idx;
    // Lobbies that demand protection get it from a protectionist government.
    if me.doctrine == Doctrine::Protectionist {
        for l in ls
            .iter()
            .filter(|l| l.state == i && l.pressure > cx.p.ai_lobby_demand && l.kind != LobbyKind::Business)
        {
            let Some(&s) = l.sectors.first() else { continue };
            if l.last_win
                .is_some_and(|w| (month.saturating_sub(w) as f64) < cx.p.ai_tariff_pace)
            {
                continue;
            }
            // The partner whose goods compete most with the lobby's members.
            let Some(j) = (0..n)
                .filter(|&j| j != i && new_tariff(i, j, s) == 0.0)
                .max_by(|&a, &b| {
                    trade.flow[trade.at(i, a, s)]
                        .total_cmp(&trade.flow[trade.at(i, b, s)])
                        .then(b.cmp(&a))
                })
                .filter(|&j| trade.flow[trade.at(i, j, s)] > 0.0)
            else {
                continue;
            };
            let reason = crate::i18n::remember(
                crate::i18n::Words::new("ai-lobby-presses")
                    .text("lobby", l.name.as_str())
                    .plain("pressure", format!("{:.0}", l.pressure * 100.0))
                    .named("source", &reg.states[j], &reg.state_names[j]),
            );
            say(
                &me.id,
                Command::SetTariff {
                    target: reg.states[j].clone(),
                    sector: reg.sectors[s].clone(),
                    rate: cx.p.ai_lobby_tariff,
                },
                reason,
            );
            break;
        }
    }
}
