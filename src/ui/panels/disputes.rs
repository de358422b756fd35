//! The disputes panel: each dispute on its ladder, the pressure on it, and the moves.

use bevy_egui::egui;

use super::*;
use crate::tr;

pub fn disputes(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.heading(tr!("disputes-heading"));
    egui::ScrollArea::vertical()
        .id_salt("disputes_scroll")
        .show(ui, |ui| {
            for d in &v.disputes {
                let picked = v.selected_dispute.as_deref() == Some(d.id.as_str());
                let frame = if picked {
                    egui::Frame::group(ui.style())
                        .stroke(egui::Stroke::new(2.0, egui::Color32::from_rgb(240, 170, 60)))
                } else {
                    egui::Frame::group(ui.style())
                };
                let card = frame.show(ui, |ui| {
                    // Every card as wide as the panel, whatever it holds this month.
                    ui.set_min_width(ui.available_width());
                    ui.strong(&d.title);
                    ui.label(tr!(
                        "disputes-parties",
                        a = v.side_label(&d.parties.0),
                        b = v.side_label(&d.parties.1),
                        salience = format!("{:.0}", d.salience * 100.0)
                    ))
                    .on_hover_text(tr!(
                        "disputes-salience-tip",
                        salience_why = why(v, &d.id, "salience"),
                        escalation_why = why(v, &d.id, "escalation")
                    ));
                    if !d.open {
                        ui.label(tr!("disputes-settled"));
                        return;
                    }
                    ui.horizontal_wrapped(|ui| {
                        for r in Rung::ALL {
                            let lit = r == d.rung;
                            let text = egui::RichText::new(rung_word(r));
                            let text = if lit {
                                text.strong().color(egui::Color32::from_rgb(240, 170, 60))
                            } else {
                                text.weak()
                            };
                            ui.label(text)
                                .on_hover_text(crate::ui::glossary::gloss("Escalation ladder"));
                            if r != Rung::Public {
                                ui.label("›");
                            }
                        }
                    });
                    let p = &d.pressure;
                    if p.threshold > 0.0 {
                        let talks = d.channel.as_ref().map_or(tr!("disputes-no-talks"), |c| {
                            tr!("disputes-talks", channel = channel_word(c))
                        });
                        let (up, down) = (format!("{:.0}", p.up * 100.0), format!("{:.0}", p.down * 100.0));
                        let odds = if p.moved {
                            tr!("disputes-moved")
                        } else if d.panel_left > 0 {
                            tr!("disputes-panel", months = d.panel_left.to_string(), up = up)
                        } else if d.rung == Rung::WorkingLevel {
                            tr!("disputes-climb", up = up)
                        } else if d.rung == Rung::Public {
                            tr!("disputes-cool", down = down)
                        } else {
                            tr!("disputes-climb-cool", up = up, down = down)
                        };
                        // Where it can cool, the line it must fall below too.
                        let threshold = format!("{:.2}", p.threshold);
                        let lines = if p.cooling > 0.0 && p.down > 0.0 {
                            tr!(
                                "disputes-lines-both",
                                threshold = threshold,
                                cooling = format!("{:.2}", p.cooling)
                            )
                        } else {
                            tr!("disputes-lines-threshold", threshold = threshold)
                        };
                        ui.label(tr!(
                            "disputes-pressure-line",
                            talks = talks,
                            total = format!("{:.2}", p.total),
                            lines = lines,
                            odds = odds
                        ))
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
                            egui::RichText::new(tr!("disputes-on-the-table", offer = o))
                                .color(egui::Color32::from_rgb(150, 200, 255)),
                        );
                    }
                    let pushing: Vec<String> = v
                        .lobbies
                        .iter()
                        .filter(|l| l.sector_ids.iter().any(|s| d.sectors.contains(s)))
                        .map(|l| {
                            tr!(
                                "disputes-lobby",
                                name = &l.name,
                                pressure = format!("{:.0}", l.pressure * 100.0)
                            )
                        })
                        .collect();
                    if !pushing.is_empty() {
                        ui.weak(tr!(
                            "disputes-pushing",
                            lobbies = pushing.join(tr!("disputes-list-separator").as_str())
                        ))
                        .on_hover_text(format!(
                            "{}\n\n{}\n\n{}",
                            tr!("disputes-pushing-tip"),
                            crate::ui::glossary::gloss("Two-level games"),
                            crate::ui::glossary::gloss("Stolper–Samuelson")
                        ));
                    }
                    ui.horizontal_wrapped(|ui| {
                        let id = d.id.clone();
                        if ui
                            .button(tr!("disputes-talk"))
                            .on_hover_text(tr!("disputes-talk-tip"))
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
                                tr!("disputes-conciliatory"),
                                tr!("disputes-conciliatory-tip"),
                                Tone::Conciliatory,
                            ),
                            (
                                tr!("disputes-hostile"),
                                format!(
                                    "{}\n\n{}",
                                    tr!("disputes-hostile-tip"),
                                    crate::ui::glossary::gloss("Audience costs")
                                ),
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
                            if ui
                                .small_button(tr!("disputes-forecast"))
                                .on_hover_text(FORECAST_TIP)
                                .clicked()
                            {
                                out.push(Action::Forecast(statement));
                            }
                        }
                        if d.rung < Rung::DisputeSettlement
                            && ui
                                .button(tr!("disputes-wto"))
                                .on_hover_text(format!(
                                    "{}\n\n{}",
                                    tr!("disputes-wto-tip"),
                                    crate::ui::glossary::gloss("WTO dispute settlement")
                                ))
                                .clicked()
                        {
                            out.push(Action::Issue(Command::FileDispute { dispute: id.clone() }));
                        }
                        if ui
                            .button(tr!("disputes-negotiate"))
                            .on_hover_text(tr!(
                                "disputes-negotiate-tip",
                                cost = format!("{:.0}", v.params.summit_cost)
                            ))
                            .clicked()
                        {
                            out.push(Action::Negotiate(id.clone()));
                        }
                        if d.offer_for_player && ui.button(tr!("disputes-accept")).clicked() {
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

/// A rung's name on the ladder: "Working level" … "Public confrontation".
fn rung_word(r: Rung) -> String {
    tr!(match r {
        Rung::WorkingLevel => "disputes-rung-working-level",
        Rung::Ministerial => "disputes-rung-ministerial",
        Rung::DisputeSettlement => "disputes-rung-dispute-settlement",
        Rung::Leaders => "disputes-rung-leaders",
        Rung::Public => "disputes-rung-public",
    })
}

/// The channel talks run in (`Channel::label`, as the View gives it) in the current language.
fn channel_word(c: &str) -> String {
    let key = match c {
        "working level" => "disputes-channel-working-level",
        "ministerial level" => "disputes-channel-ministerial",
        "a leaders' summit" => "disputes-channel-leaders",
        other => return other.to_string(),
    };
    tr!(key)
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
        tr!("disputes-quiet", months = d.quiet_months.to_string()),
        tr!(
            "disputes-quiet-tip",
            months = d.quiet_months.to_string(),
            left = format!("{:.0}", left * 100.0),
            half = format!("{half:.0}")
        ),
    ))
}

/// The terms of a dispute's escalation pressure, for its tooltip.
pub(super) fn pressure_why(p: &crate::sim::Pressure) -> String {
    let signed = |x: f64| format!("{x:+.2}");
    let plain = |x: f64| format!("{x:.2}");
    tr!(
        "disputes-pressure-why",
        lobby = signed(p.lobby),
        salience = signed(p.salience),
        heat = signed(p.heat),
        retaliation = signed(p.retaliation),
        working = signed(p.working),
        calm = signed(p.calm),
        time = signed(p.time),
        total = plain(p.total),
        threshold = plain(p.threshold),
        cooling = plain(p.cooling)
    )
}
