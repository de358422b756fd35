//! The AI in its disputes: answer an offer, answer new tariffs, calm or harden a public fight,
//! make an offer, lift a coercion — each in turn, once the government's pace allows.

use super::*;

/// Each open dispute the government is party to, once its pace allows: answer an offer,
/// answer new tariffs, calm or harden a public fight, make an offer, lift a coercion.
pub(super) fn dispute_moves(cx: &Ai, me: &Me, out: &mut Vec<Issued>) {
    let Ai {
        month, k, reg, trade, ..
    } = *cx;
    let ds = &cx.ds;
    let ms = &cx.ms;
    let vetoes = &cx.vetoes;
    let new_tariff = |by: usize, on: usize, s: usize| cx.new_tariff(by, on, s);
    let base_tariff = |by: usize, on: usize, s: usize| cx.base_tariff(by, on, s);
    let pressure = |state: usize, sectors: &[usize]| cx.pressure(state, sectors);
    let imports_from = |i: usize, j: usize| cx.imports_from(i, j);
    let mut say = |by: &str, command: Command, reason: String| say_to(out, by, command, reason);
    let i = me.idx;
    for d in ds.iter().filter(|d| d.is_open() && d.involves(i)) {
        if d.last_move_of(i)
            .is_some_and(|m| month.saturating_sub(m) < cx.pace())
        {
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
            // The weights are the scenario's (parameters, "Governments (AI)").
            let w = cx.p;
            let value = w.ai_value_tariffs * (cuts - give_up - asked)
                + (offer.purchases / exports).min(1.0)
                + (w.ai_value_investment * offer.investment / me.gdp.max(1.0) * 100.0).min(1.0)
                + w.ai_value_carve_out * offer.excluded.len().min(2) as f64
                + w.ai_value_talks;
            let appetite = cx.appetite(me.doctrine);
            let score = value * appetite
                - w.ai_weight_pressure * my_pressure
                - w.ai_weight_stance * d.stance_of(i).max(0.0);
            // The answer in words, with the weighing behind it for the curious.
            let why = if score > 0.0 {
                "ai-why-worth-more"
            } else if value <= 0.0 {
                "ai-why-gives-less"
            } else if w.ai_weight_pressure * my_pressure >= value * appetite {
                "ai-why-lobbies"
            } else {
                "ai-why-face"
            };
            let reason = crate::i18n::remember(
                crate::i18n::Words::new("ai-answer-offer")
                    .words("why", crate::i18n::Words::new(why))
                    .words("doctrine", me.doctrine.words()),
            );
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
            // The doctrine table: what share of the rate each doctrine answers with, a hedger
            // only when its lobbies press.
            let share = cx.retaliation(me.doctrine);
            let retaliate =
                share > 0.0 && (me.doctrine != Doctrine::Hedger || my_pressure > cx.p.ai_hedger_pressure);
            if retaliate {
                let r = rate * share;
                let reason = crate::i18n::remember(
                    crate::i18n::Words::new("ai-answers-in-kind")
                        .named("them", them, &reg.state_names[other])
                        .text("sector", reg.sector_names[s].as_str())
                        .plain("rate", format!("{:.0}", rate * 100.0))
                        .words("doctrine", me.doctrine.words()),
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
                    crate::i18n::remember(crate::i18n::Words::new("ai-retaliation-announced")),
                );
                continue;
            }
            if d.rung < Rung::DisputeSettlement && d.panel_left == 0 && d.months_at_rung >= 2 {
                say(
                    &me.id,
                    Command::FileDispute {
                        dispute: d.id.clone(),
                    },
                    crate::i18n::remember(crate::i18n::Words::new("ai-to-panel")),
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
                        let reason =
                            crate::i18n::remember(crate::i18n::Words::new("ai-back-to-working-level"));
                        say(&me.id, c, reason);
                    } else {
                        say(
                            &me.id,
                            Command::Statement {
                                dispute: d.id.clone(),
                                tone: Tone::Conciliatory,
                            },
                            crate::i18n::remember(crate::i18n::Words::new("ai-lowers-temperature")),
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
                        crate::i18n::remember(
                            crate::i18n::Words::new("ai-lobbies-press")
                                .plain("pressure", format!("{:.0}", my_pressure * 100.0)),
                        ),
                    );
                    continue;
                }
                Doctrine::Coercer => {
                    if let Some(s) = chokepoint(reg, trade, ms, i, other) {
                        let reason = crate::i18n::remember(
                            crate::i18n::Words::new("ai-coercion")
                                .text("sector", reg.sector_names[s].as_str())
                                .named("them", them, &reg.state_names[other]),
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
                Doctrine::Coercer => (d.rung >= Rung::Leaders && my_pressure < 0.3) || d.public_months >= 12,
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
                    let reason = crate::i18n::remember(if protected.is_empty() {
                        crate::i18n::Words::new("ai-limited-deal").words("doctrine", me.doctrine.words())
                    } else {
                        crate::i18n::Words::new("ai-limited-deal-leaving-out")
                            .words("doctrine", me.doctrine.words())
                            .words(
                                "protected",
                                crate::sim::causes::comma_list(
                                    protected
                                        .iter()
                                        .map(|id| {
                                            let name =
                                                reg.sector(id).map_or(id.as_str(), |s| &reg.sector_names[s]);
                                            crate::i18n::Words::new("news-as-written").named("text", id, name)
                                        })
                                        .collect(),
                                )
                                .unwrap_or_else(|| {
                                    crate::i18n::Words::new("news-as-written").plain("text", "")
                                }),
                            )
                    });
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
                    let reason = crate::i18n::remember(crate::i18n::Words::new("ai-control-lifted"));
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
}
