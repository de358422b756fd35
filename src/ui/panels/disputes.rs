//! The disputes panel: each dispute on its ladder, the pressure on it, and the moves.

use bevy_egui::egui;

use super::*;

pub fn disputes(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.heading("Disputes");
    egui::ScrollArea::vertical()
        .id_salt("disputes_scroll")
        .show(ui, |ui| {
            for d in &v.disputes {
                let picked = v.selected_dispute.as_deref() == Some(d.id.as_str());
                let frame = if picked {
                    egui::Frame::group(ui.style()).stroke(egui::Stroke::new(2.0, egui::Color32::from_rgb(240, 170, 60)))
                } else {
                    egui::Frame::group(ui.style())
                };
                let card = frame.show(ui, |ui| {
                    // Every card as wide as the panel, whatever it holds this month.
                    ui.set_min_width(ui.available_width());
                    ui.strong(&d.title);
                    ui.label(format!(
                        "{} v {}  ·  salience {:.0}%",
                        d.parties.0,
                        d.parties.1,
                        d.salience * 100.0
                    ))
                    .on_hover_text(format!(
                        "Salience: how much the press covers it. Each rung adds coverage every month; hostile words add heat.\n{}\n{}",
                        why(v, &d.id, "salience"),
                        why(v, &d.id, "escalation")
                    ));
                    if !d.open {
                        ui.label("Settled.");
                        return;
                    }
                    ui.horizontal_wrapped(|ui| {
                        for r in Rung::ALL {
                            let lit = r == d.rung;
                            let text = egui::RichText::new(rung_name(r));
                            let text = if lit {
                                text.strong().color(egui::Color32::from_rgb(240, 170, 60))
                            } else {
                                text.weak()
                            };
                            ui.label(text).on_hover_text(crate::ui::glossary::gloss("Escalation ladder"));
                            if r != Rung::Public {
                                ui.label("›");
                            }
                        }
                    });
                    let p = &d.pressure;
                    if p.threshold > 0.0 {
                        let talks = d
                            .channel
                            .as_ref()
                            .map_or("no talks".to_string(), |c| format!("talks under way at {c}"));
                        let odds = if p.moved {
                            "it moved to this rung last month".to_string()
                        } else if d.panel_left > 0 {
                            format!(
                                "a panel holds it: {} months to the ruling, unless leaders pull it out ({:.0}% a month)",
                                d.panel_left,
                                p.up * 100.0
                            )
                        } else if d.rung == Rung::WorkingLevel {
                            format!("chance to climb {:.0}% a month", p.up * 100.0)
                        } else if d.rung == Rung::Public {
                            format!("chance to cool {:.0}% a month", p.down * 100.0)
                        } else {
                            format!(
                                "chance to climb {:.0}%, to cool {:.0}% a month",
                                p.up * 100.0,
                                p.down * 100.0
                            )
                        };
                        // Where it can cool, the line it must fall below too.
                        let lines = if p.cooling > 0.0 && p.down > 0.0 {
                            format!("climbs above {:.2}, cools below {:.2}", p.threshold, p.cooling)
                        } else {
                            format!("threshold {:.2}", p.threshold)
                        };
                        ui.label(format!("{talks} · pressure {:.2} ({lines}) · {odds}", p.total))
                            .on_hover_text(pressure_why(p));
                    }
                    if let Some(quiet) = quiet(v, d) {
                        ui.weak(quiet.0).on_hover_text(quiet.1);
                    }
                    if !d.involves_player {
                        return;
                    }
                    if let Some(o) = &d.their_offer {
                        ui.label(
                            egui::RichText::new(format!("On the table: {o}"))
                                .color(egui::Color32::from_rgb(150, 200, 255)),
                        );
                    }
                    let pushing: Vec<String> = v
                        .lobbies
                        .iter()
                        .filter(|l| l.sector_ids.iter().any(|s| d.sectors.contains(s)))
                        .map(|l| format!("{} ({:.0}%)", l.name, l.pressure * 100.0))
                        .collect();
                    if !pushing.is_empty() {
                        ui.weak(format!("Pushing you at home: {}", pushing.join(", ")))
                            .on_hover_text(format!(
                                "Lobbies with a stake in these sectors, and their pressure.\n\n{}\n\n{}",
                                crate::ui::glossary::gloss("Two-level games"),
                                crate::ui::glossary::gloss("Stolper–Samuelson")
                            ));
                    }
                    ui.horizontal_wrapped(|ui| {
                        let id = d.id.clone();
                        if ui
                            .button("Talk at working level")
                            .on_hover_text(
                                "Free. Officials meet quietly: the dispute cools a little each month and the press loses interest.",
                            )
                            .clicked()
                        {
                            out.push(Action::Issue(Command::OpenNegotiation {
                                dispute: id.clone(),
                                channel: Channel::WorkingLevel,
                                scope: vec![],
                                excluded: vec![],
                            }));
                        }
                        for (label, tip, tone) in [
                            (
                                "Conciliatory statement",
                                "Free. Cools the dispute and softens your stance; backing down after threats costs approval at home.".to_string(),
                                Tone::Conciliatory,
                            ),
                            (
                                "Hostile statement",
                                format!("Plays well with your lobbies, but heats the dispute and adds 15 points of salience: it climbs the ladder faster.\n\n{}", crate::ui::glossary::gloss("Audience costs")),
                                Tone::Hostile,
                            ),
                        ] {
                            let statement = Command::Statement {
                                dispute: id.clone(),
                                tone,
                            };
                            if ui.button(label).on_hover_text(tip).clicked() {
                                out.push(Action::Issue(statement.clone()));
                            }
                            if ui.small_button("Forecast").on_hover_text(FORECAST_TIP).clicked() {
                                out.push(Action::Forecast(statement));
                            }
                        }
                        if d.rung < Rung::DisputeSettlement
                            && ui
                                .button("Take to the WTO")
                                .on_hover_text(format!("A panel rules after months of hearings; the fight stays at the dispute-settlement rung meanwhile.\n\n{}", crate::ui::glossary::gloss("WTO dispute settlement")))
                                .clicked()
                        {
                            out.push(Action::Issue(Command::FileDispute { dispute: id.clone() }));
                        }
                        if ui
                            .button("Negotiate…")
                            .on_hover_text(format!(
                                "Build a package: tariff cuts, carve-outs, purchases, investment. A leaders' summit costs {:.0} political capital.",
                                v.params.summit_cost
                            ))
                            .clicked()
                        {
                            out.push(Action::Negotiate(id.clone()));
                        }
                        if d.offer_for_player && ui.button("Accept their offer").clicked() {
                            out.push(Action::Issue(Command::AcceptOffer { dispute: id.clone() }));
                        }
                    });
                });
                if picked && v.scroll_to_dispute {
                    card.response.scroll_to_me(Some(egui::Align::TOP));
                }
            }
        });
    out
}
/// News fatigue: a dispute above the working level in which nothing new has happened for two
/// months or more, in a line and its tooltip.
fn quiet(v: &View, d: &crate::ui::view::DisputeRow) -> Option<(String, String)> {
    if !d.open || d.rung == Rung::WorkingLevel || d.quiet_months < 2 {
        return None;
    }
    let half = v.params.salience_half_life;
    let left = libm::pow(0.5, d.quiet_months as f64 / half.max(1e-9));
    Some((
        format!(
            "Quiet for {} months: the press is losing interest",
            d.quiet_months
        ),
        format!(
            "News fatigue: nothing new has happened in it for {} months (no climb, no hot words), so the coverage its rung brings each month is down to {:.0}% of normal; it halves every {half:.0} months. Salience falls, and with it the pressure to climb. A hostile statement or a climb makes it news again.",
            d.quiet_months,
            left * 100.0
        ),
    ))
}

/// The terms of a dispute's escalation pressure, for its tooltip.
pub(super) fn pressure_why(p: &crate::sim::Pressure) -> String {
    format!(
        "Why it may climb (last month):\n  lobbies at home   {:+.2}\n  press salience    {:+.2}\n  heat of words     {:+.2}\n  new tariffs       {:+.2}\n  working-level talks {:+.2}\n  calm (offers, conciliatory words) {:+.2}\n  time at this rung {:+.2}\n= pressure {:.2}; it climbs more often above {:.2} and cools below {:.2}",
        p.lobby,
        p.salience,
        p.heat,
        p.retaliation,
        p.working,
        p.calm,
        p.time,
        p.total,
        p.threshold,
        p.cooling
    )
}
