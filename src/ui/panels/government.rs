//! The Government tab: the leader's dashboard, the lobbies at home, every state's figures.

use bevy_egui::egui;

use super::*;
use crate::tr;

/// The leader's dashboard: the player's approval, political capital, CPI, jobs and real income,
/// each with its value now and a sparkline of the months so far.
pub fn dashboard(ui: &mut egui::Ui, v: &View) {
    ui.heading(tr!("government-heading", side = v.side_label(&v.player)));
    if let Some(leader) = v.leader(&v.player) {
        ui.label(tr!("government-leader", leader = leader))
            .on_hover_text(format!(
                "{}\n\n{}",
                why(v, &v.player, "approval"),
                crate::ui::glossary::gloss("Leadership change")
            ));
    }
    for (indicator, label, fmt) in [
        ("approval", "government-approval", "pct"),
        ("political_capital", "government-political-capital", "num"),
        ("cpi", "government-cpi", "num2"),
        ("employment", "government-jobs", "num"),
        ("welfare", "government-real-income", "num2"),
    ] {
        let label = tr!(label);
        // Before the first month there is no series yet: show the starting values.
        let me = v.states.iter().find(|s| s.id == v.player);
        let start = me.map(|s| match indicator {
            "approval" => s.approval,
            "political_capital" => s.capital,
            "cpi" => s.cpi,
            "employment" => s.employment,
            _ => s.welfare,
        });
        let values: &[f64] = v
            .series
            .iter()
            .find(|(i, _)| i == indicator)
            .map_or(&[], |(_, x)| x.as_slice());
        let Some(now) = values.last().copied().or(start) else {
            continue;
        };
        // The smallest range a sparkline spans, so that noise does not fill the box.
        let span = match indicator {
            "approval" => 0.10,
            "political_capital" => 20.0,
            "employment" => now.abs() * 0.02,
            _ => 1.0,
        };
        ui.horizontal(|ui| {
            let value = match fmt {
                "pct" => format!("{:.0}%", now * 100.0),
                "num2" => format!("{now:.2}"),
                _ => format!("{now:.0}"),
            };
            let text = tr!("government-indicator", label = &label, value = value);
            let subject = if indicator == "political_capital" {
                String::new()
            } else {
                v.player.clone()
            };
            ui.add_sized([130.0, 18.0], egui::Label::new(text))
                .on_hover_text(why(v, &subject, indicator));
            fixed_plot(format!("spark_{indicator}"))
                .height(22.0)
                .width((ui.available_width() - 16.0).clamp(40.0, 180.0))
                .show_axes(false)
                .show_grid(false)
                .show_x(false)
                .show_y(false)
                .include_y(now - span / 2.0)
                .include_y(now + span / 2.0)
                .show(ui, |p| {
                    p.line(egui_plot::Line::new(
                        label.as_str(),
                        egui_plot::PlotPoints::from_ys_f64(values),
                    ))
                });
        });
    }
    if v.series.is_empty() {
        ui.weak(if v.class.is_some() {
            tr!("government-charts-start-class")
        } else {
            tr!("government-charts-start")
        });
    }
}
/// The player's lobbies: who is angry about what, and why.
pub fn lobbies(ui: &mut egui::Ui, v: &View) {
    egui::CollapsingHeader::new(tr!("government-lobbies", side = v.side_label(&v.player)))
        .default_open(false)
        .show(ui, |ui| {
            if v.lobbies.is_empty() {
                ui.weak(tr!("government-no-lobbies"));
            }
            for l in &v.lobbies {
                ui.horizontal_wrapped(|ui| {
                    ui.strong(&l.name);
                    let separator = match crate::i18n::lang() {
                        crate::i18n::Lang::Ja => "、",
                        _ => ", ",
                    };
                    ui.label(tr!(
                        "government-lobby",
                        pressure = format!("{:.0}", l.pressure * 100.0),
                        grievance = format!("{:.0}", l.grievance * 100.0),
                        organisation = format!("{:.0}", l.organisation * 100.0),
                        wins = l.wins.to_string(),
                        sectors = l.sectors.join(separator)
                    ))
                    .on_hover_text(why(v, &l.id, "pressure"));
                });
            }
        });
}
pub fn states(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.heading(tr!("government-states"));
    // Both ways: at a large UI scale the table is wider than the panel.
    egui::ScrollArea::both().id_salt("states_scroll").show(ui, |ui| {
        egui::Grid::new("states_grid").striped(true).show(ui, |ui| {
            ui.strong("");
            for h in [
                "government-col-cpi",
                "government-col-jobs",
                "government-col-welfare",
                "government-col-approval",
                "government-col-alignment",
                "government-col-trust",
            ] {
                ui.strong(tr!(h));
            }
            ui.end_row();
            for s in &v.states {
                let chosen = v.selected.as_deref() == Some(s.id.as_str());
                let who = if s.leader.is_empty() {
                    s.name.clone()
                } else {
                    tr!("government-state-leader", name = &s.name, leader = &s.leader)
                };
                if ui
                    .selectable_label(chosen, v.side_label(&s.id))
                    .on_hover_text(who)
                    .clicked()
                {
                    out.push(Action::Select(s.id.clone()));
                }
                let pair = format!("{}->{}", s.id, v.player);
                ui.label(format!("{:.2}", s.cpi))
                    .on_hover_text(why(v, &s.id, "cpi"));
                if s.employment > 0.0 {
                    ui.label(format!("{:.0}", s.employment))
                        .on_hover_text(why(v, &s.id, "employment"));
                } else {
                    ui.weak("—")
                        .on_hover_text(tr!("government-jobs-not-modelled-tip"));
                }
                ui.label(format!("{:.2}", s.welfare))
                    .on_hover_text(why(v, &s.id, "welfare"));
                ui.label(format!("{:.0}%", s.approval * 100.0))
                    .on_hover_text(why(v, &s.id, "approval"));
                ui.label(signed2(s.alignment)).on_hover_text(format!(
                    "{}\n{}\n\n{}",
                    tr!("government-alignment-tip"),
                    why(v, &s.id, "alignment"),
                    crate::ui::glossary::gloss("Hedging")
                ));
                ui.label(format!("{:.2}", s.trust_in_player))
                    .on_hover_text(format!(
                        "{}\n\n{}",
                        why(v, &pair, "trust"),
                        crate::ui::glossary::gloss("Alliance credibility")
                    ));
                ui.end_row();
            }
        });
        // (framework, applicant, supporters, members), from the frameworks in the view.
        let mut votes: Vec<(&str, &str, usize, usize)> = v
            .frameworks
            .iter()
            .flat_map(|f| {
                f.applicants
                    .iter()
                    .map(move |a| (f.id.as_str(), a.state.as_str(), a.support, a.members))
            })
            .collect();
        votes.sort();
        if !votes.is_empty() {
            ui.separator();
            ui.heading(tr!("government-applicants"));
            for (f, a, yes, n) in votes {
                ui.label(tr!(
                    "government-applicant",
                    applicant = v.side_label(a),
                    framework = f,
                    support = yes.to_string(),
                    members = n.to_string()
                ));
            }
        }
    });
    out
}
