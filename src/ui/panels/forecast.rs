//! The forecast window: the next year's approval with the move and without it as a fan chart
//! (10th to 90th percentile, and the median), and the odds that matter.

use bevy_egui::egui;

use super::*;
use crate::tr;
use crate::ui::state::ForecastShown;

const WITH: egui::Color32 = egui::Color32::from_rgb(240, 150, 60);
const WITHOUT: egui::Color32 = egui::Color32::from_rgb(120, 160, 220);

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The window's contents; returns Close when the player is done with it. Names, titles, dates
/// and the model's sentences are worded here, in the player's language.
pub fn forecast_window(ui: &mut egui::Ui, f: &ForecastShown) -> Vec<Action> {
    use crate::i18n::local;
    let mut out = Vec::new();
    let side = local(&f.side_name);
    ui.strong(tr!("forecast-if-orders", side = &side, order = &f.label));
    let result = match &f.result {
        None => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr!("forecast-running"));
            });
            return out;
        }
        Some(Err(e)) => {
            ui.colored_label(ERROR, tr!("forecast-none", error = local(e)));
            return out;
        }
        Some(Ok(r)) => r,
    };
    if let Some(why) = result.with.refused.first() {
        ui.colored_label(ERROR, tr!("forecast-refused", why = local(why)));
    }
    fan_chart(ui, f, result);
    ui.horizontal_wrapped(|ui| {
        ui.colored_label(WITH, tr!("forecast-with"));
        ui.colored_label(WITHOUT, tr!("forecast-without"));
        ui.weak(tr!("forecast-legend"));
        if let Some(floor) = result.floor {
            ui.colored_label(ERROR, tr!("forecast-floor", floor = pct(floor)));
        }
    });
    let partner = f
        .partner_name
        .as_deref()
        .map_or_else(|| tr!("forecast-other-side"), local);
    let months = result.months.to_string();
    egui::Grid::new("forecast_odds").striped(true).show(ui, |ui| {
        ui.label("");
        ui.colored_label(WITH, tr!("forecast-with"));
        ui.colored_label(WITHOUT, tr!("forecast-without"));
        ui.end_row();
        let public = match &result.dispute {
            Some((_, title)) => tr!("forecast-public-dispute", title = local(title), months = &months),
            None => tr!("forecast-public-partner", partner = &partner, months = &months),
        };
        ui.label(public).on_hover_text(tr!("forecast-public-tip"));
        ui.label(pct(result.with.public));
        ui.label(pct(result.without.public));
        ui.end_row();
        if let Some(floor) = result.floor {
            ui.label(tr!("forecast-below-floor", floor = pct(floor)));
            ui.label(pct(result.with.below_floor));
            ui.label(pct(result.without.below_floor));
            ui.end_row();
        }
        if let Some((_, title)) = &result.dispute {
            ui.label(tr!("forecast-settled", title = local(title), months = &months));
            ui.label(pct(result.with.settled));
            ui.label(pct(result.without.settled));
            ui.end_row();
        }
        ui.label(tr!(
            "forecast-trust",
            partner = &partner,
            side = &side,
            months = &months
        ))
        .on_hover_text(tr!("forecast-trust-tip"));
        let band =
            |b: &crate::report::forecast::Band| format!("{:.2} ({:.2}–{:.2})", b.median, b.low, b.high);
        ui.label(band(&result.with.trust));
        ui.label(band(&result.without.trust));
        ui.end_row();
    });
    ui.weak(tr!(
        "forecast-from-what",
        side = &side,
        runs = result.seeds.to_string()
    ));
    if ui.button(tr!("forecast-close")).clicked() {
        out.push(Action::CloseForecast);
    }
    out
}

/// Approval month by month: each branch's 10th–90th percentile band and its median.
fn fan_chart(ui: &mut egui::Ui, f: &ForecastShown, r: &crate::report::forecast::Forecast) {
    let xs: Vec<f64> = (0..r.with.approval.len()).map(|m| m as f64).collect();
    let lang = crate::i18n::lang();
    let dates: Vec<String> = f
        .dates
        .iter()
        .map(|d| crate::i18n::format::month_label(lang, d))
        .collect();
    fixed_plot("forecast_fan")
        .height(150.0)
        .show_x(false)
        .show_y(false)
        .y_axis_label(tr!("forecast-approval"))
        .x_axis_formatter(move |mark, _| {
            let m = mark.value.round();
            if (mark.value - m).abs() < 1e-6 && m >= 0.0 {
                dates.get(m as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .y_axis_formatter(|mark, _| format!("{:.0}%", mark.value * 100.0))
        .show(ui, |p| {
            for (name, branch, colour) in [
                (tr!("forecast-without"), &r.without, WITHOUT),
                (tr!("forecast-with"), &r.with, WITH),
            ] {
                let low: Vec<f64> = branch.approval.iter().map(|b| b.low).collect();
                let high: Vec<f64> = branch.approval.iter().map(|b| b.high).collect();
                p.add(
                    egui_plot::FilledArea::new(name.as_str(), &xs, &low, &high)
                        .fill_color(colour.gamma_multiply(0.3))
                        .stroke(egui::Stroke::new(1.0, colour.gamma_multiply(0.6))),
                );
                let median: Vec<[f64; 2]> = branch
                    .approval
                    .iter()
                    .enumerate()
                    .map(|(m, b)| [m as f64, b.median])
                    .collect();
                p.line(egui_plot::Line::new(name, median).color(colour).width(2.0));
            }
            if let Some(floor) = r.floor {
                p.hline(
                    egui_plot::HLine::new(tr!("forecast-floor-line"), floor)
                        .color(ERROR)
                        .style(egui_plot::LineStyle::dashed_loose()),
                );
            }
        });
}
