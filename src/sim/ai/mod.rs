//! Phase 10: how non-player governments choose their commands (docs/model.md §2.12).
//!
//! Each AI government looks at its open disputes and its lobbies once a month and picks from a
//! short list — answer an offer, retaliate, file at the WTO, talk at the working level, make an
//! offer, speak, impose or join an export control, give a lobby the tariff it demands — by rules
//! weighted by its doctrine (protectionist, free-trader, hedger, coercer) and its domestic
//! pressure. Every choice goes through the command queue with its reason, so it is logged and
//! applied like the player's. Ties are broken in a fixed order (dispute id, then rule order).
//!
//! Long file: `choose` walks every government's rules in one fixed order, which is the
//! determinism of the AI's commands; splitting it into a function per rule is the next step
//! (the closures it shares would become a context struct).

use bevy_ecs::prelude::*;

use crate::command::{Channel, Command, Offer, TariffCut, Tone};
use crate::scenario::{Doctrine, LobbyKind, MeasureKind, Rung};
use crate::sim::*;

/// Months an AI government waits between two moves in the same dispute.
const PACE: u32 = 3;
/// Lobby pressure above which a protectionist government gives its lobby a tariff.
const LOBBY_DEMAND: f64 = 0.4;
/// Months a protectionist government waits before giving the same sector a new tariff.
const TARIFF_PACE: u32 = 12;
/// The tariff a protectionist government gives a lobby that demands one.
const LOBBY_TARIFF: f64 = 0.25;
/// An ally lifts an export control it joined when its leader's approval is below this (and
/// the sector's lobby presses); estimate.
const LIFT_APPROVAL: f64 = 0.30;
/// ... and joins one only when approval is at least this, so it does not join and lift in
/// turn; estimate.
const JOIN_APPROVAL: f64 = 0.40;

struct Me {
    idx: usize,
    id: String,
    doctrine: Doctrine,
    approval: f64,
    alignment: f64,
    gdp: f64,
}

pub fn choose(
    clock: Res<Clock>,
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
        .filter(|(c, _)| Some(c.idx) != control.player)
        .map(|(c, p)| Me {
            idx: c.idx,
            id: c.id.clone(),
            doctrine: c.doctrine,
            approval: p.approval,
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
    let mut say = |by: &str, command: Command, reason: String| {
        out.push(Issued {
            by: by.to_string(),
            command,
            origin: Origin::Ai,
            reason,
        })
    };
    // New (not status-quo) tariffs `by` applies to `on` in sector s.
    // Tariffs above the base month's (new moves), and the base month's (the status quo).
    let new_tariff = |by: usize, on: usize, s: usize| -> f64 { wedges.new_tariff(&trade, by, on, s) };
    let base_tariff = |by: usize, on: usize, s: usize| -> f64 { trade.tariff0(trade.at(by, on, s)) };
    let pressure = |state: usize, sectors: &[usize]| -> f64 {
        ls.iter()
            .filter(|l| l.state == state && l.sectors.iter().any(|s| sectors.contains(s)))
            .map(|l| l.pressure)
            .sum()
    };
    let imports_from = |i: usize, j: usize| -> f64 { (0..k).map(|s| trade.flow[trade.at(i, j, s)]).sum() };
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

    for me in &govs {
        let i = me.idx;
        for d in ds.iter().filter(|d| d.is_open() && d.involves(i)) {
            if d.last_move_of(i).is_some_and(|m| month.saturating_sub(m) < PACE) {
                continue;
            }
            let other = d.other(i);
            let them = &reg.states[other];
            let my_pressure = pressure(i, &d.sectors);
            // 1. An offer from the other side: accept when it is worth more than the pressure.
            if let Some((from, offer)) = &d.offer
                && *from == other
            {
                let exports: f64 = (0..k)
                    .map(|s| trade.flow[trade.at(other, i, s)])
                    .sum::<f64>()
                    .max(1.0);
                // Trade freed by cuts to `rates` in what `by` charges `on`: the fall in each
                // tariff times the flow it taxes.
                let relief = |rates: &[TariffCut], by: usize, on: usize| -> f64 {
                    rates
                        .iter()
                        .filter_map(|c| reg.sector(&c.sector).map(|s| (s, c.rate)))
                        .map(|(s, rate)| {
                            let now = new_tariff(by, on, s) + base_tariff(by, on, s);
                            (now - rate).max(0.0) * trade.flow[trade.at(by, on, s)]
                        })
                        .sum()
                };
                let cuts = relief(&offer.tariff_cuts, other, i) / exports;
                // Accepting takes back my own new tariffs on them in the disputed sectors the
                // offer does not leave out: protection given up, weighed like their cuts.
                let imports = imports_from(i, other).max(1.0);
                let give_up: f64 = d
                    .sectors
                    .iter()
                    .filter(|&&s| !offer.excluded.contains(&reg.sectors[s]))
                    .map(|&s| new_tariff(i, other, s) * trade.flow[trade.at(i, other, s)])
                    .sum::<f64>()
                    / imports;
                // What they ask me to cut in return, weighed the same way.
                let asked = relief(&offer.asks, i, other) / imports;
                let value = 4.0 * cuts - 4.0 * give_up - 4.0 * asked
                    + (offer.purchases / exports).min(1.0)
                    + (0.3 * offer.investment / me.gdp.max(1.0) * 100.0).min(1.0)
                    + 0.15 * offer.excluded.len().min(2) as f64
                    + 0.1;
                let appetite = match me.doctrine {
                    Doctrine::FreeTrader => 1.2,
                    Doctrine::Hedger => 1.0,
                    Doctrine::Protectionist => 0.7,
                    Doctrine::Coercer => 0.6,
                };
                let score = value * appetite - 0.5 * my_pressure - 0.2 * d.stance_of(i).max(0.0);
                // The answer in words, with the weighing behind it for the curious.
                let why = if score > 0.0 {
                    "the package is worth more to it than fighting on"
                } else if value <= 0.0 {
                    "the package gives it less than it would give up (cuts it is asked for, or protection it would take back)"
                } else if 0.5 * my_pressure >= value * appetite {
                    "its lobbies at home press too hard to settle for this"
                } else {
                    "it has taken a firm public stand and would lose face backing down for this"
                };
                let reason = format!("{why} (a {} government)", me.doctrine.label());
                let command = if score > 0.0 {
                    Command::AcceptOffer {
                        dispute: d.id.clone(),
                    }
                } else {
                    Command::RejectOffer {
                        dispute: d.id.clone(),
                    }
                };
                say(&me.id, command, reason);
                continue;
            }
            // 2. Hit by new tariffs and not answered yet.
            let hit: Vec<(usize, f64)> = d
                .sectors
                .iter()
                .map(|&s| (s, new_tariff(other, i, s)))
                .filter(|(_, r)| *r > 0.0)
                .collect();
            let answered = d.sectors.iter().any(|&s| new_tariff(i, other, s) > 0.0);
            if !hit.is_empty() && !answered {
                let (s, rate) = hit[0];
                let retaliate = match me.doctrine {
                    Doctrine::Protectionist | Doctrine::Coercer => true,
                    Doctrine::Hedger => my_pressure > 0.3,
                    Doctrine::FreeTrader => false,
                };
                if retaliate {
                    let r = if me.doctrine == Doctrine::Hedger {
                        rate / 2.0
                    } else {
                        rate
                    };
                    let reason = format!(
                        "{them} taxes its {} at {:.0}%; a {} government answers in kind",
                        reg.sector_names[s],
                        rate * 100.0,
                        me.doctrine.label()
                    );
                    say(
                        &me.id,
                        Command::SetTariff {
                            target: them.clone(),
                            sector: reg.sectors[s].clone(),
                            rate: r,
                        },
                        reason,
                    );
                    say(
                        &me.id,
                        Command::Statement {
                            dispute: d.id.clone(),
                            tone: Tone::Firm,
                        },
                        "retaliation announced".into(),
                    );
                    continue;
                }
                if d.rung < Rung::DisputeSettlement && d.panel_left == 0 && d.months_at_rung >= 2 {
                    say(
                        &me.id,
                        Command::FileDispute {
                            dispute: d.id.clone(),
                        },
                        "rules, not retaliation: takes the tariffs to a panel".into(),
                    );
                    continue;
                }
            }
            // 3. At the public rungs: free traders and hedgers calm things; protectionists under
            // pressure stand firm; coercers reach for their chokepoints.
            if d.rung >= Rung::Leaders {
                match me.doctrine {
                    Doctrine::FreeTrader | Doctrine::Hedger => {
                        if d.channel != Some(Channel::WorkingLevel) {
                            let c = Command::OpenNegotiation {
                                dispute: d.id.clone(),
                                channel: Channel::WorkingLevel,
                                scope: vec![],
                                excluded: vec![],
                            };
                            say(&me.id, c, "takes the fight back to the working level".into());
                        } else {
                            say(
                                &me.id,
                                Command::Statement {
                                    dispute: d.id.clone(),
                                    tone: Tone::Conciliatory,
                                },
                                "lowers the temperature".into(),
                            );
                        }
                        continue;
                    }
                    Doctrine::Protectionist if my_pressure > 0.5 => {
                        say(
                            &me.id,
                            Command::Statement {
                                dispute: d.id.clone(),
                                tone: Tone::Firm,
                            },
                            format!("its lobbies press ({:.0}%)", my_pressure * 100.0),
                        );
                        continue;
                    }
                    Doctrine::Coercer => {
                        if let Some(s) = chokepoint(&reg, &trade, &ms, i, other) {
                            let reason = format!(
                                "coercion: it holds most of the world's {} and {them} depends on it",
                                reg.sector_names[s]
                            );
                            say(
                                &me.id,
                                Command::ImposeExportControl {
                                    target: them.clone(),
                                    sector: reg.sectors[s].clone(),
                                },
                                reason,
                            );
                            continue;
                        }
                    }
                    _ => {}
                }
            }
            // 4. Make an offer when the dispute has dragged on.
            if d.offer.is_none() && d.rung >= Rung::Ministerial && d.months_at_rung >= 4 {
                let mine: Vec<usize> = d
                    .sectors
                    .iter()
                    .copied()
                    .filter(|&s| new_tariff(i, other, s) > 0.0)
                    .collect();
                let protected: Vec<String> = d
                    .sectors
                    .iter()
                    .filter(|&&s| pressure(i, &[s]) > 0.5)
                    .map(|&s| reg.sectors[s].clone())
                    .collect();
                let willing = match me.doctrine {
                    Doctrine::FreeTrader | Doctrine::Hedger => true,
                    // A long public fight wears even a protectionist down.
                    Doctrine::Protectionist => me.approval < 0.4 || my_pressure < 0.3 || d.public_months >= 6,
                    Doctrine::Coercer => {
                        (d.rung >= Rung::Leaders && my_pressure < 0.3) || d.public_months >= 12
                    }
                };
                if willing {
                    let channel = if me.doctrine == Doctrine::FreeTrader {
                        Channel::WorkingLevel
                    } else {
                        Channel::Ministerial
                    };
                    // A complainant seeking market access asks the other side's tariffs in the
                    // disputed sectors down by half where they exceed its own (the 2019 farm
                    // chapter: Japan's beef and pork tariffs to TPP levels).
                    let asks: Vec<TariffCut> = if d.complainant == i {
                        d.sectors
                            .iter()
                            .filter(|&&s| !protected.contains(&reg.sectors[s]))
                            .filter_map(|&s| {
                                let theirs = base_tariff(other, i, s) + new_tariff(other, i, s);
                                let mine_now = base_tariff(i, other, s) + new_tariff(i, other, s);
                                (theirs > mine_now + 0.05).then(|| TariffCut {
                                    sector: reg.sectors[s].clone(),
                                    rate: theirs * 0.5,
                                })
                            })
                            .collect()
                    } else {
                        Vec::new()
                    };
                    let offer = if !mine.is_empty() {
                        // Take back (half of) the new tariffs, keep the sensitive sectors out.
                        let keep = if me.doctrine == Doctrine::Protectionist {
                            0.5
                        } else {
                            0.0
                        };
                        Offer {
                            tariff_cuts: mine
                                .iter()
                                .filter(|&&s| !protected.contains(&reg.sectors[s]))
                                .map(|&s| TariffCut {
                                    sector: reg.sectors[s].clone(),
                                    rate: base_tariff(i, other, s) + keep * new_tariff(i, other, s),
                                })
                                .collect(),
                            excluded: protected.clone(),
                            purchases: 0.0,
                            investment: 0.0,
                            asks: asks.clone(),
                        }
                    } else {
                        // Buy peace: purchases of the other side's goods (the 2019 and 2025
                        // Japanese packages), carve-outs for what its own lobbies guard.
                        Offer {
                            tariff_cuts: vec![],
                            asks,
                            excluded: protected.clone(),
                            purchases: (0.03 * imports_from(i, other)).max(0.1),
                            investment: if me.doctrine == Doctrine::FreeTrader {
                                0.002 * me.gdp
                            } else {
                                0.0
                            },
                        }
                    };
                    if !offer.tariff_cuts.is_empty() || offer.purchases > 0.0 {
                        let reason = format!(
                            "a {} government seeks a limited deal{}",
                            me.doctrine.label(),
                            if protected.is_empty() {
                                String::new()
                            } else {
                                format!(", leaving out {}", protected.join(", "))
                            }
                        );
                        say(
                            &me.id,
                            Command::MakeOffer {
                                dispute: d.id.clone(),
                                channel,
                                offer,
                            },
                            reason,
                        );
                        continue;
                    }
                }
            }
            // 5. Coercers lift their controls once a dispute has cooled (not on a state still
            // vetoing their bid to join a framework).
            let vetoing_me = vetoes.iter().any(|(a, m, _)| *a == i && *m == other);
            if me.doctrine == Doctrine::Coercer && d.rung <= Rung::Ministerial && !vetoing_me {
                for m in ms
                    .iter()
                    .filter(|m| !m.initial && m.by == i && m.target == Some(other))
                {
                    if let (MeasureKind::ExportControl, Some(s)) = (&m.kind, m.sector) {
                        let reason = "the dispute has cooled: the control is lifted".to_string();
                        say(
                            &me.id,
                            Command::LiftExportControl {
                                target: them.clone(),
                                sector: reg.sectors[s].clone(),
                            },
                            reason,
                        );
                        break;
                    }
                }
            }
        }

        // A coercer whose bid to join a framework a majority backs, but one member vetoes, squeezes
        // the holdout where it depends on it (China's rare-earth halt to Japan, 2010).
        if me.doctrine == Doctrine::Coercer {
            for (_, m, f) in vetoes.iter().filter(|(a, _, _)| *a == i) {
                if let Some(s) = chokepoint(&reg, &trade, &ms, i, *m) {
                    let reason = format!(
                        "squeezes {} for vetoing its bid to join {f}, which a majority backs",
                        reg.states[*m]
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

        // Lobbies that demand protection get it from a protectionist government.
        if me.doctrine == Doctrine::Protectionist {
            for l in ls
                .iter()
                .filter(|l| l.state == i && l.pressure > LOBBY_DEMAND && l.kind != LobbyKind::Business)
            {
                let Some(&s) = l.sectors.first() else { continue };
                if l.last_win.is_some_and(|w| month.saturating_sub(w) < TARIFF_PACE) {
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
                let reason = format!(
                    "{} presses (pressure {:.0}%): imports from {} compete with its members",
                    l.name,
                    l.pressure * 100.0,
                    reg.states[j]
                );
                say(
                    &me.id,
                    Command::SetTariff {
                        target: reg.states[j].clone(),
                        sector: reg.sectors[s].clone(),
                        rate: LOBBY_TARIFF,
                    },
                    reason,
                );
                break;
            }
        }

        // An ally that joined a pole's export control and pays for it at home (approval below
        // `LIFT_APPROVAL`, and sales below their start in the controlled sector) lifts it
        // again: the cost to its own exporters outweighs the favour to its ally (Seoul's
        // reluctance over the 2023 U.S. chip rules, which reach Samsung's and SK Hynix's plants
        // in China).
        if let Some((plus, _)) = reg.poles
            && i != plus
            && me.approval < LIFT_APPROVAL
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
                format!(
                    "its {} sales are down {:.0}% and approval is down to {:.0}%: the control on {} costs more at home than it is worth to {}",
                    reg.sector_names[s],
                    (1.0 - trade.sales.get(i * k + s).copied().unwrap_or(0.0)
                        / trade.sales0[i * k + s].max(1e-9))
                        * 100.0,
                    me.approval * 100.0,
                    reg.states[t],
                    reg.states[plus]
                ),
            );
            continue;
        }
        // Allies of a pole join its export controls once they trust it (Japan joined the 2022
        // U.S. chip controls in 2023), unless their leader is too weak at home to pay for it.
        if let Some((plus, _)) = reg.poles
            && i != plus
            && me.alignment > 0.6
            && rel.trust(i, plus) > 0.6
            && me.approval >= JOIN_APPROVAL
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
                    let reason = format!(
                        "joins {}'s control of {} to {}",
                        reg.states[plus], reg.sector_names[s], reg.states[t]
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
    pending.0.extend(out);
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
