//! The briefing before the first month, the tutorial prompt, and the end of the scenario
//! (score by objective, each dispute's months, history beside the run).

use bevy_egui::egui;

use super::*;
use crate::tr;

/// The score objective by objective: what each is worth, what you hold now, and why.
pub fn score_breakdown(ui: &mut egui::Ui, v: &View) {
    if v.score_final {
        ui.strong(tr!("end-final"));
    } else {
        ui.strong(tr!("end-hold-now"));
    }
    egui::Grid::new("score_parts").striped(true).show(ui, |ui| {
        for (title, got, of, detail) in &v.score_parts {
            ui.label(title);
            let text = points_of(*got, *of);
            if *got + 0.05 < *of {
                ui.colored_label(ERROR, text);
            } else {
                ui.label(text);
            }
            ui.weak(detail);
            ui.end_row();
        }
    });
}
/// "7.5 of 10": an objective's points and what it is worth.
fn points_of(got: f64, of: f64) -> String {
    tr!(
        "end-points-of",
        got = format!("{got:.1}"),
        of = format!("{of:.0}")
    )
}
/// The end of the scenario: the score objective by objective and where each dispute ended.
/// Returns the user's choice (back to the menu, close).
pub fn end_screen(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.heading(tr!(
        "end-final-score",
        score = format!("{:.0}", v.score.unwrap_or(0.0))
    ));
    ui.horizontal(|ui| {
        if ui.button(tr!("end-back-to-menu")).clicked() {
            out.push(Action::ToMenu);
        }
        if ui
            .button(tr!("end-export-debrief"))
            .on_hover_text(tr!("end-export-debrief-tip"))
            .clicked()
        {
            out.push(Action::ExportDebrief);
        }
        if ui
            .button(tr!("end-keep-playing"))
            .on_hover_text(tr!("end-keep-playing-tip"))
            .clicked()
        {
            out.push(Action::ToggleResults);
        }
    });
    if let Some(r) = &v.replay
        && let Some(date) = &r.taken
    {
        ui.separator();
        ui.strong(tr!(
            "end-beside-branch",
            file = &r.file,
            date = v.date_label(date)
        ));
        egui::Grid::new("branch").striped(true).show(ui, |ui| {
            ui.label("");
            ui.strong(tr!("end-yours"));
            ui.strong(tr!("end-the-replays"));
            ui.end_row();
            ui.label(tr!("end-score"));
            ui.label(format!("{:.0}", v.score.unwrap_or(0.0)));
            ui.label(r.score.map_or("—".to_string(), |s| format!("{s:.0}")));
            ui.end_row();
            for (title, theirs) in &r.ends {
                let yours = v
                    .disputes
                    .iter()
                    .find(|d| &d.title == title)
                    .map_or("—".to_string(), |d| {
                        if d.open {
                            d.rung.label_in(crate::i18n::lang())
                        } else {
                            tr!("end-settled")
                        }
                    });
                ui.label(title);
                ui.label(yours);
                ui.label(theirs);
                ui.end_row();
            }
        });
    }
    if let Some(url) = &v.debrief {
        ui.hyperlink_to(tr!("end-open-debrief"), url);
    }
    egui::Grid::new("objectives").striped(true).show(ui, |ui| {
        for (title, got, of, detail) in &v.score_parts {
            ui.label(title);
            ui.label(points_of(*got, *of));
            ui.weak(detail);
            ui.end_row();
        }
    });
    ui.separator();
    ui.strong(tr!("end-your-disputes"));
    ladder_legend(ui);
    for d in v.disputes.iter().filter(|d| d.involves_player) {
        // In a sentence: "ends at the ministerial level", "ends settled".
        let state = if d.open {
            tr!("end-at-stage", stage = d.rung.stage_in(crate::i18n::lang()))
        } else {
            tr!("end-settled")
        };
        match v.ladders.iter().find(|l| l.0 == d.title) {
            Some((_, from, cells)) => {
                ui.label(tr!(
                    "end-dispute-ends-from",
                    title = &d.title,
                    from = v.date_label(from),
                    state = state
                ));
                ladder_strip(ui, cells);
            }
            None => {
                ui.label(tr!("end-dispute-ends", title = &d.title, state = state));
            }
        }
    }
    if !v.history_events.is_empty() || !v.history_series.is_empty() {
        ui.separator();
        ui.strong(tr!("end-history"));
        egui::ScrollArea::vertical()
            .id_salt("history")
            .max_height(220.0)
            .show(ui, |ui| {
                for (date, text) in &v.history_events {
                    ui.horizontal_wrapped(|ui| {
                        ui.weak(v.date_label(date));
                        ui.label(text);
                    });
                }
                for (label, points) in &v.history_series {
                    ui.label(tr!("end-series", label = label));
                    for (date, hist, mine) in points {
                        let you = mine.map_or("—".to_string(), |m| format!("{m:.2}"));
                        // The indent stays out of the message (Fluent trims it).
                        ui.weak(format!(
                            "  {}",
                            tr!(
                                "end-series-point",
                                date = v.date_label(date),
                                history = format!("{hist:.2}"),
                                yours = you
                            )
                        ));
                    }
                }
            });
    }
    out
}
/// The briefing before the first month: the scenario's description and objectives.
pub fn briefing(ui: &mut egui::Ui, v: &View) {
    ui.heading(&v.title);
    egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
        ui.label(&v.briefing);
    });
    ui.separator();
    ui.strong(tr!("end-you-lead", side = v.side_label(&v.player)));
    for (title, weight) in &v.objectives {
        ui.label(tr!(
            "end-objective",
            title = title,
            points = format!("{weight:.0}")
        ));
    }
    ui.separator();
    if v.turns.is_empty() {
        ui.label(tr!("end-briefing-advice"));
    } else {
        ui.label(tr!("end-briefing-advice-hotseat"));
    }
}
/// The tutorial's prompt for now.
pub fn prompt(ui: &mut egui::Ui, v: &View) {
    if let Some((step, of, text)) = &v.prompt {
        ui.strong(tr!("end-step", step = *step, of = *of));
        ui.label(text);
    }
}
/// The colour of a rung on the escalation timeline (None: settled).
pub(super) fn rung_colour(r: Option<u8>) -> egui::Color32 {
    match r {
        None => egui::Color32::from_rgb(60, 120, 80),
        Some(0) => egui::Color32::from_gray(110),
        Some(1) => egui::Color32::from_rgb(220, 200, 90),
        Some(2) => egui::Color32::from_rgb(90, 150, 230),
        Some(3) => egui::Color32::from_rgb(240, 150, 60),
        Some(_) => egui::Color32::from_rgb(220, 60, 60),
    }
}
pub(super) fn ladder_legend(ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        let rungs = Rung::ALL
            .iter()
            .map(|r| (Some(r.index() as u8), r.label_in(crate::i18n::lang())));
        for (r, name) in rungs.chain([(None, tr!("end-settled"))]) {
            ui.label(egui::RichText::new("■").color(rung_colour(r)));
            ui.weak(name);
        }
    });
}
/// One dispute's months as a strip of coloured cells, one per month.
pub(super) fn ladder_strip(ui: &mut egui::Ui, cells: &[Option<u8>]) {
    let w = (ui.available_width() / cells.len().max(1) as f32).clamp(2.0, 12.0);
    let (rect, resp) = ui.allocate_exact_size(egui::vec2(w * cells.len() as f32, 12.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    for (i, c) in cells.iter().enumerate() {
        let x = rect.left() + i as f32 * w;
        let cell = egui::Rect::from_min_size(egui::pos2(x, rect.top()), egui::vec2((w - 1.0).max(1.0), 12.0));
        painter.rect_filled(cell, 0.0, rung_colour(*c));
    }
    if let Some(pos) = resp.hover_pos() {
        let i = (((pos.x - rect.left()) / w) as usize).min(cells.len().saturating_sub(1));
        let what = match cells.get(i).copied().flatten() {
            None => tr!("end-settled"),
            Some(r) => rung_name(Rung::ALL[(r as usize).min(4)]),
        };
        resp.on_hover_text(tr!("end-strip-month", month = i + 1, what = what));
    }
}
