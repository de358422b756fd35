//! The panels: each draws a read-only `View` (and, for a form, its own draft) and returns the
//! actions the user took; `ui::apply_actions` carries them out. A file per screen or panel.

mod class;
mod disputes;
mod end;
mod forecast;
mod government;
mod help;
mod industries;
mod negotiation;
mod news;
mod relations;
mod settings;
mod top_bar;
mod turns;

pub use class::{class_controls, class_window, clock, joining, message_field, timer};
pub use disputes::disputes;
pub use end::{briefing, end_screen, prompt, score_breakdown};
pub use forecast::forecast_window;
pub use government::{dashboard, lobbies, states};
pub use help::{glossary, map_tooltip};
pub use industries::{industries, tabs, trade_policy};
pub use negotiation::negotiation;
pub use news::{news, orders};
pub use relations::relations;
pub use settings::settings;
pub use top_bar::top_bar;
pub use turns::hand_over;

use bevy_egui::egui;

/// A chart that stays as drawn: no dragging, zooming or scrolling it.
fn fixed_plot<'a>(id: impl egui::AsId) -> egui_plot::Plot<'a> {
    egui_plot::Plot::new(id)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
}

/// The Forecast buttons' tooltip, in the current language when it is shown
/// (`.on_hover_text(FORECAST_TIP)`).
const FORECAST_TIP: ForecastTip = ForecastTip;

/// The Forecast buttons' tooltip as a widget text: worded when a tooltip takes it.
#[derive(Debug, Clone, Copy)]
struct ForecastTip;

impl From<ForecastTip> for egui::WidgetText {
    fn from(_: ForecastTip) -> Self {
        crate::tr!("game-forecast-tip").into()
    }
}

/// "JPN and USA and KOR" in the current language ("JPNとUSAとKOR").
pub fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    let mut names = items.iter().map(|s| s.as_ref().to_string());
    let first = names.next().unwrap_or_default();
    names.fold(first, |list, next| {
        crate::tr!("game-and", list = list, next = next)
    })
}

use super::state::*;
use super::view::View;
use crate::command::{Channel, Command, Tone};
use crate::scenario::Rung;
use crate::words::capitalised;

/// Red for what went wrong.
pub const ERROR: egui::Color32 = egui::Color32::from_rgb(255, 120, 110);
/// A slider over a tariff rate from 0 to `max`, shown and typed in percent: "20" means 20%,
/// never 2,000% or the slider's cap.
pub fn percent_slider(value: &mut f64, max: f64) -> egui::Slider<'_> {
    egui::Slider::new(value, 0.0..=max.max(0.0))
        .custom_formatter(|x, _| format!("{:.1}%", x * 100.0))
        .custom_parser(parse_percent)
}
/// "20", "20%" or " 20.5 % " as a share (0.2, 0.205); None if it is not a number.
pub fn parse_percent(text: &str) -> Option<f64> {
    let t = text.trim().trim_end_matches('%').trim().replace(',', ".");
    t.parse::<f64>().ok().filter(|x| x.is_finite()).map(|x| x / 100.0)
}
/// "Why?": the recorded causes of a figure's moves in the last months, newest first.
pub fn why(v: &View, subject: &str, indicator: &str) -> String {
    let lines: Vec<String> = v
        .causes
        .iter()
        .filter(|c| c.1 == subject && c.2 == indicator)
        .take(6)
        .map(|c| {
            let date = v.date_label(&c.0);
            match indicator {
                // A rung is a step, not a quantity: the cause says which way it went.
                "escalation" => crate::tr!("game-why-step", date = date, cause = &c.4),
                // Shares as percentage points.
                "approval" | "trust" | "salience" | "pressure" | "organisation" | "output cap" => {
                    crate::tr!(
                        "game-why-points",
                        date = date,
                        change = format!("{:+.1}", c.3 * 100.0),
                        cause = &c.4
                    )
                }
                _ => crate::tr!(
                    "game-why-change",
                    date = date,
                    change = format!("{:+.3}", c.3),
                    cause = &c.4
                ),
            }
        })
        .collect();
    let name = v.indicator_name(indicator);
    if lines.is_empty() {
        crate::tr!("game-why-none", indicator = name)
    } else {
        format!(
            "{}\n{}",
            crate::tr!("game-why-moved", indicator = name),
            lines.join("\n")
        )
    }
}
/// A name cut to `max` characters with an ellipsis, for narrow table columns.
pub(super) fn short(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_string()
    } else {
        let cut: String = name.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// A rung's name for a label: the model's name (`Rung::label`), capitalised as the ladder
/// shows it.
pub(super) fn rung_name(r: Rung) -> String {
    capitalised(&r.label_in(crate::i18n::lang()))
}

/// A signed figure with two decimals that never reads "-0.00".
pub(super) fn signed2(x: f64) -> String {
    format!("{:+.2}", (x * 100.0).round() / 100.0 + 0.0)
}
