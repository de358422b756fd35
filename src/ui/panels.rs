//! The panels: each draws a read-only `View` and returns what the user asked for.

use bevy_egui::egui;

use super::state::*;
use super::view::View;
use crate::command::{Channel, Command, Tone};
use crate::scenario::Rung;

impl Draft {
    /// A fresh package for a dispute: its own sectors where the player has a tariff to cut
    /// ticked for a cut to zero.
    pub fn for_dispute(v: &View, dispute: &str) -> Draft {
        let d = v.disputes.iter().find(|d| d.id == dispute);
        let mine = |id: &str| {
            d.and_then(|d| d.rates.iter().find(|r| r.0 == id))
                .map_or(0.0, |r| r.1)
        };
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
                        d.is_some_and(|d| d.sectors.contains(id)) && mine(id) > 0.0,
                        0.0,
                        false,
                    )
                })
                .collect(),
            asks: vec![(false, 0.0); v.sectors.len()],
            ..Draft::default()
        }
    }
}

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
                "fast, costs 10 political capital; a failure goes public",
            ),
        ] {
            ui.radio_value(&mut d.channel, c, label).on_hover_text(tip);
        }
    });
    ui.separator();
    let rates = v
        .disputes
        .iter()
        .find(|x| x.id == d.dispute)
        .map(|x| x.rates.clone())
        .unwrap_or_default();
    ui.weak(
        "Your offer cuts your own tariffs on them. If they accept, they take back their new tariffs on you in the disputed sectors you have not left out, and cut what you ask; if you accept theirs, you do the same.",
    );
    ui.spacing_mut().slider_width = 70.0;
    egui::Grid::new("package").striped(true).show(ui, |ui| {
        ui.strong("sector");
        ui.strong("yours / theirs now");
        ui.strong("cut your tariff");
        ui.strong("to");
        ui.strong("leave out");
        ui.strong("ask theirs down");
        ui.strong("to");
        ui.end_row();
        if d.asks.len() != d.sectors.len() {
            d.asks.resize(d.sectors.len(), (false, 0.0));
        }
        for (s, ask) in d.sectors.iter_mut().zip(d.asks.iter_mut()) {
            ui.label(&s.1);
            match rates.iter().find(|r| r.0 == s.0) {
                Some((_, mine, theirs)) => ui
                    .label(format!("{:.1}% / {:.1}%", mine * 100.0, theirs * 100.0))
                    .on_hover_text("your tariff on their goods / their tariff on yours"),
                None => ui.label("—"),
            };
            // A cut goes down from the rate in force, an ask down from theirs: never up.
            let (mine, theirs) = rates
                .iter()
                .find(|r| r.0 == s.0)
                .map_or((0.0, 0.0), |r| (r.1, r.2));
            // Nothing to cut where the tariff is already 0%: the box stays unticked.
            s.2 &= mine > 0.0;
            ui.add_enabled(mine > 0.0, egui::Checkbox::without_text(&mut s.2));
            s.3 = s.3.min(mine);
            if mine > 0.0 {
                ui.add(percent_slider(&mut s.3, mine));
            } else {
                ui.weak("—")
                    .on_hover_text("your tariff here is already 0%: nothing to cut");
            }
            ui.checkbox(&mut s.4, "")
                .on_hover_text("a carve-out: the sector stays outside the deal");
            ask.0 &= theirs > 0.0;
            ui.add_enabled(theirs > 0.0, egui::Checkbox::without_text(&mut ask.0))
                .on_hover_text(
                    "a package: if they accept, their tariff on your goods here comes down to this rate",
                );
            ask.1 = ask.1.min(theirs);
            if theirs > 0.0 {
                ui.add(percent_slider(&mut ask.1, theirs));
            } else {
                ui.weak("—")
                    .on_hover_text("their tariff here is already 0%: nothing to ask");
            }
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
    if let Some(e) = &d.error {
        ui.colored_label(ERROR, format!("Not sent: {e}"));
    }
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

/// The top bar: where and when, the score, the clock's controls, the game's menu and the map
/// lens. Kept short so that it holds one or two rows even at a projector's UI scale.
pub fn top_bar(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(&v.title).strong());
        ui.separator();
        if v.month >= v.length {
            ui.strong(format!("{}  · sandbox", v.date)).on_hover_text(format!(
                "The scenario's {} months are over and the score is final. Playing on is a sandbox: the world moves, the score does not.",
                v.length
            ));
        } else {
            ui.strong(format!("{}  (month {} of {})", v.date, v.month + 1, v.length));
        }
        ui.label(format!("· you lead {}", v.player));
        if let Some(score) = v.score {
            ui.separator();
            let label = if v.score_final { "Final score" } else { "Score so far" };
            ui.label(format!("{label}: {score:.0}/100"))
                .on_hover_ui(|ui| score_breakdown(ui, v));
        }
        ui.separator();
        let label = if v.paused { "Play" } else { "Pause" };
        if ui.button(label).on_hover_text("Space").clicked() {
            out.push(Action::TogglePause);
        }
        if ui.button("Step one month").on_hover_text("Period (.)").clicked() {
            out.push(Action::Step);
        }
        for s in 1..=3u8 {
            if ui
                .selectable_label(!v.paused && v.speed == s, format!("{s}×"))
                .on_hover_text(format!("key {s}"))
                .clicked()
            {
                out.push(Action::Speed(s));
            }
        }
        ui.separator();
        ui.menu_button("Game", |ui| {
            for (label, key, action) in [
                ("Save", "F5", Action::Save),
                ("Load", "F9", Action::Load),
                ("Settings", "", Action::ToggleSettings),
                ("Main menu", "", Action::ToMenu),
            ] {
                if ui.button(label).on_hover_text(key).clicked() {
                    out.push(action);
                    ui.close();
                }
            }
        });
        if v.month >= v.length && ui.button("Results").clicked() {
            out.push(Action::ToggleResults);
        }
        if ui.button("Help").on_hover_text("F1").clicked() {
            out.push(Action::ToggleHelp);
        }
        if ui.button("Glossary").clicked() {
            out.push(Action::ToggleGlossary);
        }
        ui.separator();
        ui.label("Map:");
        for lens in Lens::ALL {
            if ui.selectable_label(v.lens == lens, lens.label()).clicked() {
                out.push(Action::Lens(lens));
            }
        }
        if !v.notice.is_empty() {
            ui.separator();
            ui.weak(&v.notice);
        }
    });
    out
}

pub fn states(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.heading("States");
    // Both ways: at a large UI scale the table is wider than the panel.
    egui::ScrollArea::both().id_salt("states_scroll").show(ui, |ui| {
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
                if s.employment > 0.0 {
                    ui.label(format!("{:.0}", s.employment))
                        .on_hover_text(why(v, &s.id, "employment"));
                } else {
                    ui.weak("—").on_hover_text(
                        "none of this state's industries is in the scenario: its jobs are not modelled",
                    );
                }
                ui.label(format!("{:.2}", s.welfare))
                    .on_hover_text(why(v, &s.id, "welfare"));
                ui.label(format!("{:.0}%", s.approval * 100.0))
                    .on_hover_text(why(v, &s.id, "approval"));
                ui.label(format!("{:+.2}", s.alignment)).on_hover_text(format!(
                    "−1 leans to China, +1 to the United States\n{}\n\n{}",
                    why(v, &s.id, "alignment"),
                    super::glossary::gloss("Hedging")
                ));
                ui.label(format!("{:.2}", s.trust_in_player))
                    .on_hover_text(format!(
                        "{}\n\n{}",
                        why(v, &pair, "trust"),
                        super::glossary::gloss("Alliance credibility")
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
                    .map(move |(a, yes, n, _)| (f.id.as_str(), a.as_str(), *yes, *n))
            })
            .collect();
        votes.sort();
        if !votes.is_empty() {
            ui.separator();
            ui.heading("Framework applicants");
            for (f, a, yes, n) in votes {
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
                            ui.label(text).on_hover_text(super::glossary::gloss("Escalation ladder"));
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
                        ui.label(format!(
                            "{talks} · pressure {:.2} vs threshold {:.2} · {odds}",
                            p.total, p.threshold
                        ))
                        .on_hover_text(pressure_why(p));
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
                                super::glossary::gloss("Two-level games"),
                                super::glossary::gloss("Stolper–Samuelson")
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
                        if ui
                            .button("Conciliatory statement")
                            .on_hover_text("Free. Cools the dispute and softens your stance; backing down after threats costs approval at home.")
                            .clicked()
                        {
                            out.push(Action::Issue(Command::Statement {
                                dispute: id.clone(),
                                tone: Tone::Conciliatory,
                            }));
                        }
                        if ui
                            .button("Hostile statement")
                            .on_hover_text(format!("Plays well with your lobbies, but heats the dispute and adds 15 points of salience: it climbs the ladder faster.\n\n{}", super::glossary::gloss("Audience costs")))
                            .clicked()
                        {
                            out.push(Action::Issue(Command::Statement {
                                dispute: id.clone(),
                                tone: Tone::Hostile,
                            }));
                        }
                        if d.rung < Rung::DisputeSettlement
                            && ui
                                .button("Take to the WTO")
                                .on_hover_text(format!("A panel rules after months of hearings; the fight stays at the dispute-settlement rung meanwhile.\n\n{}", super::glossary::gloss("WTO dispute settlement")))
                                .clicked()
                        {
                            out.push(Action::Issue(Command::FileDispute { dispute: id.clone() }));
                        }
                        if ui
                            .button("Negotiate…")
                            .on_hover_text(format!(
                                "Build a package: tariff cuts, carve-outs, purchases, investment. A leaders' summit costs {} political capital.",
                                crate::sim::negotiation::SUMMIT_COST
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

pub fn news(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.heading("News");
    egui::ScrollArea::vertical()
        .id_salt("news_scroll")
        .show(ui, |ui| {
            for n in &v.news {
                ui.horizontal_wrapped(|ui| {
                    // The date stays beside its headline: one label, the date in weak text.
                    let mut item = egui::text::LayoutJob::default();
                    let font = egui::TextStyle::Body.resolve(ui.style());
                    item.append(
                        &format!("{}  ", n.date),
                        0.0,
                        egui::TextFormat::simple(font.clone(), ui.visuals().weak_text_color()),
                    );
                    item.append(
                        &n.headline,
                        0.0,
                        egui::TextFormat::simple(font, ui.visuals().text_color()),
                    );
                    let about_state = v.states.iter().any(|s| s.id == n.about);
                    let about_dispute = v.disputes.iter().any(|d| d.id == n.about);
                    let chosen = (about_state && v.selected.as_deref() == Some(n.about.as_str()))
                        || (about_dispute && v.selected_dispute.as_deref() == Some(n.about.as_str()));
                    let r = ui.selectable_label(chosen, item);
                    if r.clicked() && about_state {
                        out.push(Action::Select(n.about.clone()));
                    }
                    if r.clicked() && about_dispute {
                        out.push(Action::SelectDispute(n.about.clone()));
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
        .map(|c| match indicator {
            // A rung is a step, not a quantity: the cause says which way it went.
            "escalation" => format!("{}  {}", c.0, c.4),
            // Shares as percentage points.
            "approval" | "trust" | "salience" | "pressure" | "organisation" => {
                format!("{}  {:+.1} pts: {}", c.0, c.3 * 100.0, c.4)
            }
            _ => format!("{}  {:+.3}: {}", c.0, c.3, c.4),
        })
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
            ui.add_sized([130.0, 18.0], egui::Label::new(text))
                .on_hover_text(why(v, &subject, indicator));
            egui_plot::Plot::new(format!("spark_{indicator}"))
                .height(22.0)
                .width((ui.available_width() - 16.0).clamp(40.0, 180.0))
                .show_axes(false)
                .show_grid(false)
                .allow_drag(false)
                .allow_zoom(false)
                .allow_scroll(false)
                .allow_boxed_zoom(false)
                .show_x(false)
                .show_y(false)
                .include_y(now - span / 2.0)
                .include_y(now + span / 2.0)
                .show(ui, |p| {
                    p.line(egui_plot::Line::new(
                        label,
                        egui_plot::PlotPoints::from_ys_f64(values),
                    ))
                });
        });
    }
    if v.series.is_empty() {
        ui.weak("Charts start after the first month: press Step one month (.)");
    }
}

/// The score objective by objective: what each is worth, what you hold now, and why.
pub fn score_breakdown(ui: &mut egui::Ui, v: &View) {
    if v.score_final {
        ui.strong("Final: the scenario's months are over.");
    } else {
        ui.strong("What you hold now (red: points being lost):");
    }
    egui::Grid::new("score_parts").striped(true).show(ui, |ui| {
        for (title, got, of, detail) in &v.score_parts {
            ui.label(title);
            let text = format!("{got:.1} of {of:.0}");
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

/// The end of the scenario: the score objective by objective and where each dispute ended.
/// Returns the user's choice (back to the menu, close).
pub fn end_screen(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.heading(format!("Final score: {:.0}/100", v.score.unwrap_or(0.0)));
    ui.horizontal(|ui| {
        if ui.button("Back to the menu").clicked() {
            out.push(Action::ToMenu);
        }
        if ui
            .button("Keep playing (sandbox)")
            .on_hover_text(
                "The world goes on; the score stays as it is. 'Results' in the top bar brings this back.",
            )
            .clicked()
        {
            out.push(Action::ToggleResults);
        }
    });
    egui::Grid::new("objectives").striped(true).show(ui, |ui| {
        for (title, got, of, detail) in &v.score_detail {
            ui.label(title);
            ui.label(format!("{got:.1} of {of:.0}"));
            ui.weak(detail);
            ui.end_row();
        }
    });
    ui.separator();
    ui.strong("Your disputes, month by month");
    ladder_legend(ui);
    for d in v.disputes.iter().filter(|d| d.involves_player) {
        let state = if d.open { rung_name(d.rung) } else { "settled" };
        match v.ladders.iter().find(|l| l.0 == d.title) {
            Some((_, from, cells)) => {
                ui.label(format!("{} (from {from}): ends {state}", d.title));
                ladder_strip(ui, cells);
            }
            None => {
                ui.label(format!("{}: ends {state}", d.title));
            }
        }
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
    out
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

/// The tab strip at the top of the left panel.
pub fn tabs(ui: &mut egui::Ui, bar: &mut Sidebar) {
    ui.horizontal(|ui| {
        for (tab, label) in [
            (Tab::Government, "Government"),
            (Tab::Industries, "Industries & trade"),
            (Tab::Relations, "Relations & frameworks"),
        ] {
            if ui.selectable_label(bar.tab == tab, label).clicked() {
                bar.tab = tab;
            }
        }
    });
    ui.separator();
}

/// A small line chart of a series by month, dated on its x axis. The y range spans at least
/// `min_half` either side of the latest value (and 5% of it), so that noise does not fill the
/// box and the axis keeps readable labels.
fn chart(ui: &mut egui::Ui, v: &View, id: &str, label: &str, values: &[f64], min_half: f64) {
    let last = values.last().copied().unwrap_or(0.0);
    let half = (last.abs() * 0.05).max(min_half);
    let dated = |m: f64| {
        // Whole months only; the series' first value is the scenario's first month.
        (m >= 0.0 && m.fract().abs() < 1e-6).then(|| v.date_of(m as u32))
    };
    egui_plot::Plot::new(id.to_string())
        .height(90.0)
        .include_y(last - half)
        .include_y(last + half)
        .include_x(0.0)
        .include_x((values.len() as f64 - 1.0).max(5.0))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .show_x(true)
        .show_y(true)
        .y_axis_min_width(30.0)
        .x_axis_formatter(move |mark, _| dated(mark.value).unwrap_or_default())
        .label_formatter(move |h| match h {
            egui_plot::HoverPosition::NearDataPoint { position, .. } => Some(format!(
                "{}: {:.2}",
                dated(position.x.round()).unwrap_or_default(),
                position.y
            )),
            _ => None,
        })
        .show(ui, |p| {
            p.line(egui_plot::Line::new(
                label.to_string(),
                egui_plot::PlotPoints::from_ys_f64(values),
            ))
        });
}

/// Industries and trade: the player's sectors, a chart of one, the measures in force, plants
/// across borders, and the orders of trade policy (tariffs, quotas, export controls).
pub fn industries(ui: &mut egui::Ui, v: &View, bar: &mut Sidebar) -> Vec<Action> {
    let mut out = Vec::new();
    egui::ScrollArea::both()
        .id_salt("industries_scroll")
        .show(ui, |ui| {
            ui.heading(format!("Industries of {}", v.player));
            let charted = bar
                .sector
                .clone()
                .or_else(|| v.sector_rows.first().map(|r| r.id.clone()));
            egui::Grid::new("sectors_grid").striped(true).show(ui, |ui| {
                for h in ["sector", "exports", "imports", "price", "jobs (k)"] {
                    ui.strong(h);
                }
                ui.end_row();
                for r in &v.sector_rows {
                    if ui
                        .selectable_label(charted.as_deref() == Some(r.id.as_str()), short(&r.name, 24))
                        .on_hover_text(format!("{}: show its chart", r.name))
                        .clicked()
                    {
                        bar.sector = Some(r.id.clone());
                    }
                    ui.label(format!("{:.0}", r.exports))
                        .on_hover_text("bn USD a year at today's prices");
                    ui.label(format!("{:.0}", r.imports));
                    ui.label(format!("{:.3}", r.price)).on_hover_text(why(
                        v,
                        &v.player,
                        &format!("price:{}", r.id),
                    ));
                    let change = if r.jobs0 > 0.0 {
                        format!(" ({:+.1}%)", (r.jobs / r.jobs0 - 1.0) * 100.0)
                    } else {
                        String::new()
                    };
                    ui.label(format!("{:.0}{change}", r.jobs)).on_hover_text(why(
                        v,
                        &v.player,
                        &format!("employment:{}", r.id),
                    ));
                    ui.end_row();
                }
            });
            if let Some(c) = &v.sector_chart {
                let name = v
                    .sectors
                    .iter()
                    .find(|(id, _)| *id == c.sector)
                    .map_or(c.sector.as_str(), |(_, n)| n.as_str());
                ui.strong(format!("{name}: with whom, this month (bn USD/yr)"));
                if c.partners.is_empty() {
                    ui.weak("no trade with any partner");
                }
                egui::Grid::new("partners_grid").striped(true).show(ui, |ui| {
                    for h in ["partner", "you sell them", "you buy from them"] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for (who, x, m) in c.partners.iter().take(8) {
                        ui.label(v.name(who));
                        ui.label(format!("{x:.1}"));
                        ui.label(format!("{m:.1}"))
                            .on_hover_text("what a tariff on this partner in this sector would tax");
                        ui.end_row();
                    }
                });
                ui.strong(format!("{name} over the months so far"));
                if c.exports.is_empty() {
                    ui.weak("The charts start after the first month: press Step one month (.)");
                } else {
                    ui.label("exports (bn USD/yr, base prices)");
                    chart(ui, v, "chart_exports", "exports", &c.exports, 1.0);
                    ui.label("producer price (1 = start)");
                    chart(ui, v, "chart_price", "price", &c.price, 0.02);
                    ui.label("jobs at home (thousands)");
                    chart(ui, v, "chart_jobs", "jobs", &c.jobs, 1.0);
                }
            }
            ui.separator();
            ui.strong("Measures in force");
            if v.measures.is_empty() {
                ui.weak("none");
            }
            for m in &v.measures {
                let basis = if m.legal_basis.is_empty() {
                    String::new()
                } else {
                    format!(" [{}]", m.legal_basis)
                };
                let who = if m.mine {
                    format!("you on {}", m.target)
                } else {
                    format!("{} on you", m.by)
                };
                ui.label(format!(
                    "{who}: {} on {}{basis}, since {}",
                    m.what, m.sector, m.since
                ));
            }
            if !v.plants.is_empty() {
                ui.separator();
                ui.strong("Plants across borders");
                for p in &v.plants {
                    ui.label(format!(
                        "{} ({}-owned, in {}): {}, output {:.0}% of the start, {:.0}k jobs",
                        p.name,
                        p.owner,
                        p.host,
                        p.sector,
                        p.output * 100.0,
                        p.jobs
                    ));
                }
            }
            ui.separator();
            out.extend(trade_policy(ui, v, &mut bar.policy));
        });
    out
}

/// The trade-policy order form: pick a partner and a sector, then a tariff, a quota or an
/// export control.
pub fn trade_policy(ui: &mut egui::Ui, v: &View, d: &mut PolicyDraft) -> Vec<Action> {
    let mut out = Vec::new();
    ui.strong("Trade policy");
    ui.weak("A new tariff on a partner wins your lobbies over but opens a dispute with them.");
    let partners: Vec<&str> = v
        .states
        .iter()
        .map(|s| s.id.as_str())
        .filter(|s| *s != v.player)
        .collect();
    if !partners.contains(&d.partner.as_str())
        && let Some(first) = partners.first()
    {
        d.partner = first.to_string();
    }
    ui.horizontal(|ui| {
        ui.label("Partner:");
        egui::ComboBox::from_id_salt("policy_partner")
            .selected_text(d.partner.clone())
            .show_ui(ui, |ui| {
                for p in &partners {
                    ui.selectable_value(&mut d.partner, p.to_string(), *p);
                }
            });
        ui.label("Sector:");
        let shown = v
            .sectors
            .iter()
            .find(|(id, _)| *id == d.sector)
            .map_or("all sectors".to_string(), |(_, n)| n.clone());
        egui::ComboBox::from_id_salt("policy_sector")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut d.sector, "all".to_string(), "all sectors");
                for (id, name) in &v.sectors {
                    ui.selectable_value(&mut d.sector, id.clone(), name);
                }
            });
    });
    ui.horizontal(|ui| {
        ui.add(percent_slider(&mut d.rate, 1.0).text("tariff"));
        if ui.button("Set tariff").clicked() {
            out.push(Action::Issue(Command::SetTariff {
                target: d.partner.clone(),
                sector: d.sector.clone(),
                rate: d.rate,
            }));
        }
        if ui.button("Remove tariff").clicked() {
            out.push(Action::Issue(Command::RemoveTariff {
                target: d.partner.clone(),
                sector: d.sector.clone(),
            }));
        }
    });
    ui.horizontal(|ui| {
        ui.label("Quota (bn USD/yr):");
        ui.add(egui::DragValue::new(&mut d.volume).range(0.0..=1000.0).speed(0.5));
        ui.checkbox(&mut d.voluntary, "voluntary (VER)")
            .on_hover_text(super::glossary::gloss("Voluntary export restraint (VER)"));
        if ui.button("Set quota").clicked() {
            out.push(Action::Issue(Command::SetQuota {
                target: d.partner.clone(),
                sector: d.sector.clone(),
                volume: d.volume,
                voluntary: d.voluntary,
            }));
        }
        if ui.button("Remove quota").clicked() {
            out.push(Action::Issue(Command::RemoveQuota {
                target: d.partner.clone(),
                sector: d.sector.clone(),
            }));
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Your own exports to them:");
        if ui
            .button("Restrain them")
            .on_hover_text(format!(
                "Cap your sales of the sector to the partner at the quota's volume, as Japan did for cars in 1981: the price premium is yours, and the partner's industry counts it as relief.\n\n{}",
                super::glossary::gloss("Voluntary export restraint (VER)")
            ))
            .clicked()
        {
            out.push(Action::Issue(Command::RestrainExports {
                target: d.partner.clone(),
                sector: d.sector.clone(),
                volume: d.volume,
            }));
        }
        if ui.button("Lift your restraint").clicked() {
            out.push(Action::Issue(Command::LiftRestraint {
                target: d.partner.clone(),
                sector: d.sector.clone(),
            }));
        }
    });
    ui.horizontal(|ui| {
        if ui
            .button("Impose export control")
            .on_hover_text(format!(
                "Stop exports of the sector to the partner.\n\n{}",
                super::glossary::gloss("Weaponization of the economy")
            ))
            .clicked()
        {
            out.push(Action::Issue(Command::ImposeExportControl {
                target: d.partner.clone(),
                sector: d.sector.clone(),
            }));
        }
        if ui.button("Lift export control").clicked() {
            out.push(Action::Issue(Command::LiftExportControl {
                target: d.partner.clone(),
                sector: d.sector.clone(),
            }));
        }
    });
    out
}

/// Relations and frameworks: trust each way with every state, framework membership and the
/// applicants' votes, and foreign acquisitions under review.
pub fn relations(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    egui::ScrollArea::both()
        .id_salt("relations_scroll")
        .show(ui, |ui| {
            ui.heading(format!("Relations of {}", v.player));
            egui::Grid::new("relations_grid").striped(true).show(ui, |ui| {
                for h in ["", "their trust in you", "your trust in them", "alignment"] {
                    ui.strong(h);
                }
                ui.end_row();
                for s in v.states.iter().filter(|s| s.id != v.player) {
                    if ui
                        .selectable_label(v.selected.as_deref() == Some(s.id.as_str()), &s.name)
                        .clicked()
                    {
                        out.push(Action::Select(s.id.clone()));
                    }
                    ui.label(format!("{:.2}", s.trust_in_player)).on_hover_text(why(
                        v,
                        &format!("{}->{}", s.id, v.player),
                        "trust",
                    ));
                    ui.label(format!("{:.2}", s.trust_from_player)).on_hover_text(why(
                        v,
                        &format!("{}->{}", v.player, s.id),
                        "trust",
                    ));
                    ui.label(format!("{:+.2}", s.alignment)).on_hover_text(format!(
                        "−1 leans to China, +1 to the United States\n{}",
                        why(v, &s.id, "alignment")
                    ));
                    ui.end_row();
                }
            });
            ui.separator();
            ui.heading("Frameworks");
            for f in &v.frameworks {
                ui.group(|ui| {
                    ui.strong(format!("{} ({})", f.name, f.id));
                    let you = if f.player_member {
                        "you are a member"
                    } else {
                        "you are not a member"
                    };
                    ui.label(format!(
                        "{} members, {you}: {}",
                        f.members.len(),
                        f.members.join(", ")
                    ));
                    for (a, yes, n, mine) in &f.applicants {
                        ui.label(format!(
                            "{a} applies: {yes} of {n} members in favour (consensus needed)"
                        ));
                        if f.player_member {
                            ui.horizontal(|ui| {
                                let stance = match mine {
                                    Some(true) => "you support",
                                    Some(false) => "you oppose",
                                    None => "you have not said",
                                };
                                ui.weak(stance);
                                for (support, label) in [(true, "Support"), (false, "Oppose")] {
                                    if ui.button(format!("{label} {a}")).clicked() {
                                        out.push(Action::Issue(Command::VoteOnApplicant {
                                            framework: f.id.clone(),
                                            applicant: a.clone(),
                                            support,
                                        }));
                                    }
                                }
                            });
                        }
                    }
                });
            }
            if !v.acquisitions.is_empty() {
                ui.separator();
                ui.heading("Acquisitions under review");
                for a in &v.acquisitions {
                    let pledge = if a.investment > 0.0 {
                        format!(" and pledges {:.0} bn of investment", a.investment)
                    } else {
                        String::new()
                    };
                    ui.label(format!(
                        "{}: {} buys for {:.1} bn USD{pledge}; {} reviews; {}",
                        a.title, a.acquirer, a.value, a.reviewer, a.status
                    ));
                    if a.player_reviews && a.status == "pending" {
                        ui.horizontal_wrapped(|ui| {
                            for (label, approve, conditions, tip) in [
                                (
                                    "Approve",
                                    true,
                                    false,
                                    format!(
                                        "The plant passes to {}'s firm, the pledged investment adds capacity, and {} trusts you more.",
                                        a.acquirer, a.acquirer
                                    ),
                                ),
                                (
                                    "Approve with conditions",
                                    true,
                                    true,
                                    format!(
                                        "A golden share and binding jobs and investment pledges: the plant passes and the investment comes, your lobbies in the sector count as answered, and {} trusts you a little more (less than a plain approval: it resents the terms).",
                                        a.acquirer
                                    ),
                                ),
                                (
                                    "Block",
                                    false,
                                    false,
                                    format!(
                                        "A public rebuff: {}'s trust in you falls, and so does its ceiling.",
                                        a.acquirer
                                    ),
                                ),
                            ] {
                                if ui.button(label).on_hover_text(tip).clicked() {
                                    out.push(Action::Issue(Command::ReviewAcquisition {
                                        acquisition: a.id.clone(),
                                        approve,
                                        conditions,
                                    }));
                                }
                            }
                        });
                    } else if a.status != "pending" {
                        ui.weak(&a.outcome);
                    }
                }
            }
        });
    out
}

/// The tutorial's prompt for now.
pub fn prompt(ui: &mut egui::Ui, v: &View) {
    if let Some((step, of, text)) = &v.prompt {
        ui.strong(format!("Step {step} of {of}"));
        ui.label(text);
    }
}

/// The terms of a dispute's escalation pressure, for its tooltip.
fn pressure_why(p: &crate::sim::Pressure) -> String {
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
        p.threshold * 0.5
    )
}

/// What became of the player's own orders lately; the ones still queued can be cancelled.
pub fn orders(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    ui.heading("Your orders");
    for (i, q) in v.queued.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            if ui
                .small_button("Cancel")
                .on_hover_text("Take this order back before the month runs")
                .clicked()
            {
                out.push(Action::CancelOrder(i));
            }
            ui.label(format!("queued: {q} (applied when the month runs)"));
        });
    }
    if v.orders.is_empty() && v.queued.is_empty() {
        ui.weak("none yet");
    }
    for (date, text) in &v.orders {
        ui.horizontal_wrapped(|ui| {
            ui.weak(date);
            ui.label(text);
        });
    }
    out
}

/// The settings window: UI scale, contrast, the player's name.
pub fn settings(ui: &mut egui::Ui, now: &super::settings::Settings) -> Vec<Action> {
    let mut out = Vec::new();
    let mut s = now.ui_scale;
    ui.horizontal(|ui| {
        ui.label("UI scale:");
        let r = ui.add(egui::Slider::new(&mut s, super::settings::SCALE_RANGE).step_by(0.05));
        if r.drag_stopped() || (r.changed() && !r.dragged()) {
            out.push(Action::Scale(s));
        }
        if ui.button("Reset").clicked() {
            out.push(Action::Scale(1.0));
        }
    });
    let mut contrast = now.high_contrast;
    if ui
        .checkbox(&mut contrast, "High contrast (for a projector)")
        .on_hover_text(
            "White text on black; with a larger UI scale a class can read it from the back of the room.",
        )
        .changed()
    {
        out.push(Action::HighContrast(contrast));
    }
    ui.horizontal(|ui| {
        ui.label("Your name (or your team's):");
        let mut name = now.player_name.clone();
        if ui
            .add(egui::TextEdit::singleline(&mut name).desired_width(160.0))
            .on_hover_text("It goes into the names of your save files.")
            .changed()
        {
            out.push(Action::PlayerName(name));
        }
    });
    ui.weak("Saved for the next game.");
    out
}

/// The colour of a rung on the escalation timeline (None: settled).
fn rung_colour(r: Option<u8>) -> egui::Color32 {
    match r {
        None => egui::Color32::from_rgb(60, 120, 80),
        Some(0) => egui::Color32::from_gray(110),
        Some(1) => egui::Color32::from_rgb(220, 200, 90),
        Some(2) => egui::Color32::from_rgb(90, 150, 230),
        Some(3) => egui::Color32::from_rgb(240, 150, 60),
        Some(_) => egui::Color32::from_rgb(220, 60, 60),
    }
}

fn ladder_legend(ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        for (r, name) in [
            (Some(0), "working level"),
            (Some(1), "ministerial"),
            (Some(2), "dispute settlement"),
            (Some(3), "leaders"),
            (Some(4), "public"),
            (None, "settled"),
        ] {
            ui.label(egui::RichText::new("■").color(rung_colour(r)));
            ui.weak(name);
        }
    });
}

/// One dispute's months as a strip of coloured cells, one per month.
fn ladder_strip(ui: &mut egui::Ui, cells: &[Option<u8>]) {
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
            None => "settled".to_string(),
            Some(r) => rung_name(Rung::ALL[(r as usize).min(4)]).to_string(),
        };
        resp.on_hover_text(format!("month {}: {what}", i + 1));
    }
}

/// A name cut to `max` characters with an ellipsis, for narrow table columns.
fn short(name: &str, max: usize) -> String {
    if name.chars().count() <= max {
        name.to_string()
    } else {
        let cut: String = name.chars().take(max - 1).collect();
        format!("{}…", cut.trim_end())
    }
}
