//! The panels: each draws a read-only `View` and returns what the user asked for.

use bevy_egui::egui;

use super::view::View;
use crate::command::{Channel, Command, Offer, TariffCut, Tone};
use crate::scenario::Rung;

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Step,
    TogglePause,
    Speed(u8),
    Issue(Command),
    Lens(super::map::Lens),
    Select(String),
    /// Open the negotiation window for a dispute.
    Negotiate(String),
    Save,
    Load,
    ToggleHelp,
    ToggleGlossary,
    ToMenu,
}

/// The package the player is building in the negotiation window.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub dispute: String,
    pub title: String,
    /// Per sector: (id, name, cut the tariff?, to what rate, leave it out of the deal?).
    pub sectors: Vec<(String, String, bool, f64, bool)>,
    pub purchases: f64,
    pub investment: f64,
    pub channel: Channel,
}

impl Draft {
    /// A fresh package for a dispute: its own sectors ticked for a cut to zero.
    pub fn for_dispute(v: &View, dispute: &str) -> Draft {
        let d = v.disputes.iter().find(|d| d.id == dispute);
        Draft {
            dispute: dispute.to_string(),
            title: d.map_or(String::new(), |d| d.title.clone()),
            sectors: v
                .sectors
                .iter()
                .map(|(id, name)| {
                    (
                        id.clone(),
                        name.clone(),
                        d.is_some_and(|d| d.sectors.contains(id)),
                        0.0,
                        false,
                    )
                })
                .collect(),
            ..Draft::default()
        }
    }

    pub fn command(&self) -> Command {
        Command::MakeOffer {
            dispute: self.dispute.clone(),
            channel: self.channel,
            offer: Offer {
                tariff_cuts: self
                    .sectors
                    .iter()
                    .filter(|s| s.2 && !s.4)
                    .map(|s| TariffCut {
                        sector: s.0.clone(),
                        rate: s.3,
                    })
                    .collect(),
                excluded: self.sectors.iter().filter(|s| s.4).map(|s| s.0.clone()).collect(),
                purchases: self.purchases,
                investment: self.investment,
            },
        }
    }
}

/// The negotiation window's body: build a package and send it; see the answers so far.
pub fn negotiation(ui: &mut egui::Ui, v: &View, d: &mut Draft) -> Vec<Action> {
    let mut out = Vec::new();
    ui.strong(&d.title);
    ui.label("Channel:");
    ui.horizontal(|ui| {
        for (c, label, tip) in [
            (
                Channel::WorkingLevel,
                "Working level",
                "slow and quiet: keeps salience low",
            ),
            (
                Channel::Ministerial,
                "Ministerial",
                "faster, a little more visible",
            ),
            (
                Channel::Leaders,
                "Leaders' summit",
                "fast, costs political capital; a failure goes public",
            ),
        ] {
            ui.radio_value(&mut d.channel, c, label).on_hover_text(tip);
        }
    });
    ui.separator();
    egui::Grid::new("package").striped(true).show(ui, |ui| {
        ui.strong("sector");
        ui.strong("cut your tariff");
        ui.strong("to");
        ui.strong("leave out");
        ui.end_row();
        for s in &mut d.sectors {
            ui.label(&s.1);
            ui.checkbox(&mut s.2, "");
            ui.add(
                egui::Slider::new(&mut s.3, 0.0..=0.5).custom_formatter(|x, _| format!("{:.1}%", x * 100.0)),
            );
            ui.checkbox(&mut s.4, "")
                .on_hover_text("a carve-out: the sector stays outside the deal");
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        ui.label("Purchases (bn USD/yr):");
        ui.add(
            egui::DragValue::new(&mut d.purchases)
                .range(0.0..=1000.0)
                .speed(0.5),
        );
        ui.label("Investment pledge (bn USD):");
        ui.add(
            egui::DragValue::new(&mut d.investment)
                .range(0.0..=1000.0)
                .speed(1.0),
        );
    });
    if ui.button("Send offer").clicked() {
        out.push(Action::Issue(d.command()));
    }
    if !v.answers.is_empty() {
        ui.separator();
        ui.label("Answers so far:");
        for (date, text) in v
            .answers
            .iter()
            .filter(|(_, t)| t.contains(&d.dispute) || t.contains(&d.title))
        {
            ui.horizontal_wrapped(|ui| {
                ui.weak(date);
                ui.label(text);
            });
        }
    }
    out
}

pub fn top_bar(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.heading("Tradecraft");
        ui.separator();
        ui.label(&v.title);
        ui.separator();
        if v.month >= v.length {
            ui.strong(format!(
                "{}  (the scenario's {} months are over)",
                v.date, v.length
            ));
        } else {
            ui.strong(format!("{}  (month {} of {})", v.date, v.month + 1, v.length));
        }
        ui.separator();
        ui.label(format!("You lead {}", v.player));
        if let Some(score) = v.score {
            ui.separator();
            ui.label(format!("Score so far: {score:.0}/100"));
        }
        ui.separator();
        let label = if v.paused { "▶ Play" } else { "Pause" };
        if ui.button(label).on_hover_text("Space").clicked() {
            out.push(Action::TogglePause);
        }
        if ui.button("Step one month").on_hover_text("Period (.)").clicked() {
            out.push(Action::Step);
        }
        for s in 1..=3u8 {
            if ui
                .selectable_label(!v.paused && v.speed == s, format!("{s}×"))
                .clicked()
            {
                out.push(Action::Speed(s));
            }
        }
        ui.separator();
        if ui.button("Save").on_hover_text("F5").clicked() {
            out.push(Action::Save);
        }
        if ui.button("Load").on_hover_text("F9").clicked() {
            out.push(Action::Load);
        }
        if ui.button("Menu").clicked() {
            out.push(Action::ToMenu);
        }
        if ui.button("Help").on_hover_text("F1").clicked() {
            out.push(Action::ToggleHelp);
        }
        if ui.button("Glossary").clicked() {
            out.push(Action::ToggleGlossary);
        }
        if !v.notice.is_empty() {
            ui.weak(&v.notice);
        }
        ui.separator();
        ui.label("Map:");
        for lens in super::map::Lens::ALL {
            if ui.selectable_label(v.lens == lens, lens.label()).clicked() {
                out.push(Action::Lens(lens));
            }
        }
    });
    out
}

pub fn states(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.heading("States");
    egui::ScrollArea::vertical()
        .id_salt("states_scroll")
        .show(ui, |ui| {
            egui::Grid::new("states_grid").striped(true).show(ui, |ui| {
                for h in [
                    "",
                    "CPI",
                    "jobs (k)",
                    "welfare",
                    "approval",
                    "align.",
                    "trust in you",
                ] {
                    ui.strong(h);
                }
                ui.end_row();
                for s in &v.states {
                    let chosen = v.selected.as_deref() == Some(s.id.as_str());
                    if ui
                        .selectable_label(chosen, &s.id)
                        .on_hover_text(&s.name)
                        .clicked()
                    {
                        out.push(Action::Select(s.id.clone()));
                    }
                    let pair = format!("{}->{}", s.id, v.player);
                    ui.label(format!("{:.2}", s.cpi))
                        .on_hover_text(why(v, &s.id, "cpi"));
                    ui.label(format!("{:.0}", s.employment))
                        .on_hover_text(why(v, &s.id, "employment"));
                    ui.label(format!("{:.2}", s.welfare))
                        .on_hover_text(why(v, &s.id, "welfare"));
                    ui.label(format!("{:.0}%", s.approval * 100.0))
                        .on_hover_text(why(v, &s.id, "approval"));
                    ui.label(format!("{:+.2}", s.alignment)).on_hover_text(format!(
                        "−1 leans to China, +1 to the United States\n{}",
                        why(v, &s.id, "alignment")
                    ));
                    ui.label(format!("{:.2}", s.trust_in_player))
                        .on_hover_text(why(v, &pair, "trust"));
                    ui.end_row();
                }
            });
            if !v.votes.is_empty() {
                ui.separator();
                ui.heading("Framework applicants");
                for (f, a, yes, n) in &v.votes {
                    ui.label(format!(
                        "{a} applying to {f}: {yes} of {n} members in favour (consensus needed)"
                    ));
                }
            }
        });
    out
}

fn rung_name(r: Rung) -> &'static str {
    match r {
        Rung::WorkingLevel => "Working level",
        Rung::Ministerial => "Ministerial",
        Rung::DisputeSettlement => "Dispute settlement",
        Rung::Leaders => "Leaders",
        Rung::Public => "Public confrontation",
    }
}

pub fn disputes(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.heading("Disputes");
    egui::ScrollArea::vertical()
        .id_salt("disputes_scroll")
        .show(ui, |ui| {
            for d in &v.disputes {
                ui.group(|ui| {
                    ui.strong(&d.title);
                    ui.label(format!(
                        "{} v {}  ·  salience {:.0}%",
                        d.parties.0,
                        d.parties.1,
                        d.salience * 100.0
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
                            ui.label(text);
                            if r != Rung::Public {
                                ui.label("›");
                            }
                        }
                    });
                    if !d.involves_player {
                        return;
                    }
                    ui.horizontal_wrapped(|ui| {
                        let id = d.id.clone();
                        if ui
                            .button("Talk at working level")
                            .on_hover_text("Slow, quiet, keeps salience low")
                            .clicked()
                        {
                            out.push(Action::Issue(Command::OpenNegotiation {
                                dispute: id.clone(),
                                channel: Channel::WorkingLevel,
                                scope: vec![],
                                excluded: vec![],
                            }));
                        }
                        if ui.button("Conciliatory statement").clicked() {
                            out.push(Action::Issue(Command::Statement {
                                dispute: id.clone(),
                                tone: Tone::Conciliatory,
                            }));
                        }
                        if ui
                            .button("Hostile statement")
                            .on_hover_text("Plays well at home; raises salience")
                            .clicked()
                        {
                            out.push(Action::Issue(Command::Statement {
                                dispute: id.clone(),
                                tone: Tone::Hostile,
                            }));
                        }
                        if d.rung < Rung::DisputeSettlement && ui.button("Take to the WTO").clicked() {
                            out.push(Action::Issue(Command::FileDispute { dispute: id.clone() }));
                        }
                        if ui
                            .button("Negotiate…")
                            .on_hover_text("build a package: cuts, carve-outs, purchases")
                            .clicked()
                        {
                            out.push(Action::Negotiate(id.clone()));
                        }
                        if d.offer_for_player && ui.button("Accept their offer").clicked() {
                            out.push(Action::Issue(Command::AcceptOffer { dispute: id.clone() }));
                        }
                    });
                });
            }
        });
    out
}

pub fn news(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.heading("News");
    egui::ScrollArea::vertical()
        .id_salt("news_scroll")
        .show(ui, |ui| {
            for n in &v.news {
                ui.horizontal_wrapped(|ui| {
                    ui.weak(&n.date);
                    let about_state = v.states.iter().any(|s| s.id == n.about);
                    let r = ui.selectable_label(
                        about_state && v.selected.as_deref() == Some(n.about.as_str()),
                        &n.headline,
                    );
                    if r.clicked() && about_state {
                        out.push(Action::Select(n.about.clone()));
                    }
                    if let Some(q) = &n.quote {
                        ui.label(egui::RichText::new(format!("“{q}”")).italics());
                    }
                });
            }
        });
    out
}

/// The player's lobbies: who is angry about what, and why.
pub fn lobbies(ui: &mut egui::Ui, v: &View) {
    egui::CollapsingHeader::new(format!("Lobbies in {}", v.player))
        .default_open(false)
        .show(ui, |ui| {
            if v.lobbies.is_empty() {
                ui.weak("no organised lobbies in this scenario");
            }
            for l in &v.lobbies {
                ui.horizontal_wrapped(|ui| {
                    ui.strong(&l.name);
                    ui.label(format!(
                        "pressure {:.0}% (grievance {:.0}% × organisation {:.0}%), {} wins; {}",
                        l.pressure * 100.0,
                        l.grievance * 100.0,
                        l.organisation * 100.0,
                        l.wins,
                        l.sectors.join(", ")
                    ))
                    .on_hover_text(why(v, &l.id, "pressure"));
                });
            }
        });
}

/// What the map shows for the country under the pointer.
pub fn map_tooltip(ui: &mut egui::Ui, v: &View, iso: &str, state: Option<&str>) {
    let Some(s) = state.and_then(|id| v.states.iter().find(|s| s.id == id)) else {
        ui.label(format!("{iso}: not in this scenario"));
        return;
    };
    ui.strong(&s.name);
    ui.label(format!(
        "alignment {:+.2} (−1 China … +1 United States)",
        s.alignment
    ));
    ui.label(format!(
        "approval {:.0}%  ·  CPI {:.2}",
        s.approval * 100.0,
        s.cpi
    ));
    if s.id != v.player {
        ui.label(format!(
            "trust in {}: {:.2}  ·  {}'s trust in them: {:.2}",
            v.player, s.trust_in_player, v.player, s.trust_from_player
        ));
        if let Some((_, t)) = v.trade.iter().find(|(p, _)| *p == s.id) {
            ui.label(format!("trade with {}: {t:.0} bn USD/yr", v.player));
        }
    }
}

pub fn help(ui: &mut egui::Ui) {
    egui::Grid::new("keys").show(ui, |ui| {
        for (k, what) in [
            ("Space", "pause / play"),
            (".", "step one month"),
            ("1 2 3", "play at slow, medium, fast speed"),
            ("F5 / F9", "quick save / quick load"),
            ("F1", "this help"),
            ("Mouse drag / wheel", "pan / zoom the map"),
            ("Click a country", "select it"),
        ] {
            ui.strong(k);
            ui.label(what);
            ui.end_row();
        }
    });
    ui.label("Keep disputes at the working level: public fights cost trust that never fully returns.");
}

pub fn glossary(ui: &mut egui::Ui) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        for (term, text) in super::glossary::ENTRIES {
            ui.strong(term);
            ui.label(text);
            ui.add_space(6.0);
        }
    });
}

/// "Why?": the recorded causes of a figure's moves in the last months, newest first.
pub fn why(v: &View, subject: &str, indicator: &str) -> String {
    let lines: Vec<String> = v
        .causes
        .iter()
        .filter(|c| c.1 == subject && c.2 == indicator)
        .take(6)
        .map(|c| format!("{}  {:+.3}: {}", c.0, c.3, c.4))
        .collect();
    if lines.is_empty() {
        format!("{indicator}: no recorded change in the last months")
    } else {
        format!("Why {indicator} moved:\n{}", lines.join("\n"))
    }
}

/// The leader's dashboard: the player's approval, political capital, CPI, jobs and real income,
/// each with its value now and a sparkline of the months so far.
pub fn dashboard(ui: &mut egui::Ui, v: &View) {
    ui.heading(format!("Your government ({})", v.player));
    for (indicator, label, fmt) in [
        ("approval", "approval", "pct"),
        ("political_capital", "political capital", "num"),
        ("cpi", "CPI", "num2"),
        ("employment", "jobs (k)", "num"),
        ("welfare", "real income", "num2"),
    ] {
        let Some((_, values)) = v.series.iter().find(|(i, _)| i == indicator) else {
            continue;
        };
        let Some(&now) = values.last() else { continue };
        ui.horizontal(|ui| {
            let text = match fmt {
                "pct" => format!("{label}: {:.0}%", now * 100.0),
                "num2" => format!("{label}: {now:.2}"),
                _ => format!("{label}: {now:.0}"),
            };
            let subject = if indicator == "political_capital" {
                String::new()
            } else {
                v.player.clone()
            };
            ui.add_sized([150.0, 18.0], egui::Label::new(text))
                .on_hover_text(why(v, &subject, indicator));
            egui_plot::Plot::new(format!("spark_{indicator}"))
                .height(22.0)
                .width(180.0)
                .show_axes(false)
                .show_grid(false)
                .allow_drag(false)
                .allow_zoom(false)
                .allow_scroll(false)
                .allow_boxed_zoom(false)
                .show_x(false)
                .show_y(false)
                .show(ui, |p| {
                    p.line(egui_plot::Line::new(
                        label,
                        egui_plot::PlotPoints::from_ys_f64(values),
                    ))
                });
        });
    }
}

/// The end of the scenario: the score objective by objective and where each dispute ended.
pub fn end_screen(ui: &mut egui::Ui, v: &View) {
    let total: f64 = v.score_detail.iter().map(|o| o.1).sum();
    let weights: f64 = v.score_detail.iter().map(|o| o.2).sum();
    let score = if weights > 0.0 {
        100.0 * total / weights
    } else {
        0.0
    };
    ui.heading(format!("Final score: {score:.0}/100"));
    egui::Grid::new("objectives").striped(true).show(ui, |ui| {
        for (title, got, of, detail) in &v.score_detail {
            ui.label(title);
            ui.label(format!("{got:.1} of {of:.0}"));
            ui.weak(detail);
            ui.end_row();
        }
    });
    ui.separator();
    ui.strong("Where your disputes ended");
    for d in v.disputes.iter().filter(|d| d.involves_player) {
        let state = if d.open { rung_name(d.rung) } else { "settled" };
        ui.label(format!("{}: {state}", d.title));
    }
    if !v.history_events.is_empty() || !v.history_series.is_empty() {
        ui.separator();
        ui.strong("What happened in history");
        egui::ScrollArea::vertical()
            .id_salt("history")
            .max_height(220.0)
            .show(ui, |ui| {
                for (date, text) in &v.history_events {
                    ui.horizontal_wrapped(|ui| {
                        ui.weak(date);
                        ui.label(text);
                    });
                }
                for (label, points) in &v.history_series {
                    ui.label(format!("{label}: history vs your run"));
                    for (date, hist, mine) in points {
                        let you = mine.map_or("—".to_string(), |m| format!("{m:.2}"));
                        ui.weak(format!("  {date}: {hist:.2} vs {you}"));
                    }
                }
            });
    }
}

/// The briefing before the first month: the scenario's description and objectives.
pub fn briefing(ui: &mut egui::Ui, v: &View) {
    ui.heading(&v.title);
    egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
        ui.label(&v.briefing);
    });
    ui.separator();
    ui.strong(format!("You lead {}. Your objectives:", v.player));
    for (title, weight) in &v.objectives {
        ui.label(format!("• {title} ({weight:.0} points)"));
    }
    ui.separator();
    ui.label("Keep disputes at the working level; public fights cost trust that never fully returns. Press Space to play, . to step a month, F1 for help.");
}
