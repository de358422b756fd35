//! The Relations & frameworks tab: trust each way and courtship, frameworks with every
//! member's stance on each applicant, reviews.

use bevy_egui::egui;

use super::*;
use crate::tr;
use crate::ui::view::{AcquisitionRow, ApplicantRow, FrameworkRow, StanceRow, StateRow};

/// Green for a member in favour of a bid, red for one against.
const FOR: egui::Color32 = egui::Color32::from_rgb(120, 200, 120);
const AGAINST: egui::Color32 = egui::Color32::from_rgb(230, 120, 110);

/// Relations and frameworks: trust each way with every state (and courting it), framework
/// membership with where each member stands on each applicant and why, and foreign
/// acquisitions under review.
pub fn relations(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    let capital = v
        .states
        .iter()
        .find(|s| s.id == v.player)
        .map_or(0.0, |s| s.capital);
    egui::ScrollArea::vertical()
        .id_salt("relations_scroll")
        .show(ui, |ui| {
            ui.heading(tr!("relations-heading", side = v.side_label(&v.player)));
            egui::Grid::new("relations_grid").striped(true).show(ui, |ui| {
                for h in [
                    String::new(),
                    tr!("relations-trusts-you"),
                    tr!("relations-you-trust"),
                    tr!("relations-align"),
                    String::new(),
                ] {
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
                    ui.label(signed2(s.alignment))
                        .on_hover_text(tr!("relations-alignment-tip", why = why(v, &s.id, "alignment")));
                    out.extend(court(ui, v, s, capital));
                    ui.end_row();
                }
            });
            ui.separator();
            ui.heading(tr!("relations-frameworks"));
            for f in &v.frameworks {
                ui.group(|ui| {
                    ui.strong(tr!("relations-framework-name", name = &f.name, id = &f.id));
                    let key = if f.player_member {
                        "relations-members-you"
                    } else {
                        "relations-members-not-you"
                    };
                    let members: Vec<String> = f.members.iter().map(|m| v.side_label(m)).collect();
                    ui.label(tr!(
                        key,
                        n = f.members.len().to_string(),
                        members = members.join(tr!("relations-list-separator").as_str())
                    ));
                    for a in &f.applicants {
                        out.extend(applicant(ui, v, f, a));
                    }
                });
            }
            if !v.acquisitions.is_empty() {
                ui.separator();
                ui.heading(tr!("relations-acquisitions"));
                for a in &v.acquisitions {
                    ui.label(acquisition_line(v, a));
                    if a.player_reviews && a.status == "pending" {
                        let acquirer = v.side_label(&a.acquirer);
                        ui.horizontal_wrapped(|ui| {
                            for (label, approve, conditions, tip) in [
                                (
                                    tr!("relations-approve"),
                                    true,
                                    false,
                                    tr!("relations-approve-tip", acquirer = &acquirer),
                                ),
                                (
                                    tr!("relations-approve-conditions"),
                                    true,
                                    true,
                                    tr!("relations-approve-conditions-tip", acquirer = &acquirer),
                                ),
                                (
                                    tr!("relations-block"),
                                    false,
                                    false,
                                    tr!("relations-block-tip", acquirer = &acquirer),
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

/// An acquisition in a line: who buys what for how much, who reviews it, where it stands.
fn acquisition_line(v: &View, a: &AcquisitionRow) -> String {
    // English says "14.1 bn USD"; Japanese words the whole amount ("141億ドル").
    let amount = crate::ui::view::bn_amount;
    let status = match a.status.as_str() {
        "pending" => tr!("relations-status-pending"),
        "approved" => tr!("relations-status-approved"),
        "blocked" => tr!("relations-status-blocked"),
        other => other.to_string(),
    };
    let (title, acquirer, reviewer) = (&a.title, v.name(&a.acquirer), v.name(&a.reviewer));
    if a.investment > 0.0 {
        tr!(
            "relations-acquisition-pledge",
            title = title,
            acquirer = acquirer,
            value = amount(a.value, 1),
            investment = amount(a.investment, 0),
            reviewer = reviewer,
            status = status
        )
    } else {
        tr!(
            "relations-acquisition",
            title = title,
            acquirer = acquirer,
            value = amount(a.value, 1),
            reviewer = reviewer,
            status = status
        )
    }
}

/// The "Court" button for a state: what it costs and does, from the scenario's parameters;
/// disabled, with the reason, when political capital is short.
fn court(ui: &mut egui::Ui, v: &View, s: &StateRow, capital: f64) -> Option<Action> {
    let p = &v.params;
    let cost = p.court_capital;
    let fade = (1.0 - p.court_memory) * 100.0;
    // The frameworks the player applies to that this state has a vote in.
    let bids: Vec<&str> = v
        .frameworks
        .iter()
        .filter(|f| f.members.contains(&s.id) && f.applicants.iter().any(|a| a.state == v.player))
        .map(|f| f.id.as_str())
        .collect();
    let offer = format!("{:+.2}", p.court_offer);
    let fade = format!("{fade:.0}");
    let bid = if bids.is_empty() {
        tr!("relations-court-bid-none", offer = offer, fade = fade)
    } else {
        tr!(
            "relations-court-bid",
            name = &s.name,
            frameworks = bids.join(tr!("relations-and").as_str()),
            offer = offer,
            fade = fade
        )
    };
    let (cost_text, capital_text) = (format!("{cost:.0}"), format!("{capital:.0}"));
    let tip = tr!(
        "relations-court-tip",
        name = &s.name,
        cost = cost_text.as_str(),
        capital = capital_text.as_str(),
        trust = format!("{:.2}", p.court_trust),
        bid = bid
    );
    let b = ui
        .add_enabled(capital >= cost, egui::Button::new(tr!("relations-court")))
        .on_hover_text(&tip)
        .on_disabled_hover_text(format!(
            "{}\n\n{tip}",
            tr!("relations-court-short", cost = cost_text, capital = capital_text)
        ));
    b.clicked()
        .then(|| Action::Issue(Command::Court { target: s.id.clone() }))
}

/// An applicant to a framework: how many members back it, the player's vote if a member, and
/// every member's stance with what moved it (the model's reasons on hover).
fn applicant(ui: &mut egui::Ui, v: &View, f: &FrameworkRow, a: &ApplicantRow) -> Vec<Action> {
    let mut out = Vec::new();
    ui.label(tr!(
        "relations-applies",
        state = v.side_label(&a.state),
        support = a.support.to_string(),
        members = a.members.to_string()
    ))
    .on_hover_text(why(v, &format!("{}:{}", f.id, a.state), "support"));
    if a.pressure >= 0.01 {
        ui.weak(tr!("relations-pressure", pressure = signed2(a.pressure)))
            .on_hover_text(tr!("relations-pressure-tip"));
    }
    if f.player_member {
        ui.horizontal_wrapped(|ui| {
            let leaning = a
                .stances
                .iter()
                .find(|s| s.member == v.player)
                .map(|s| s.total > 0.0);
            let said = match (a.declared, leaning) {
                (Some(true), _) => tr!("relations-declared-for"),
                (Some(false), _) => tr!("relations-declared-against"),
                (None, Some(true)) => tr!("relations-undeclared-leans-for"),
                (None, Some(false)) => tr!("relations-undeclared-leans-against"),
                (None, None) => tr!("relations-undeclared"),
            };
            ui.weak(said);
            for (support, key) in [(true, "relations-support"), (false, "relations-oppose")] {
                if ui.button(tr!(key, state = v.side_label(&a.state))).clicked() {
                    out.push(Action::Issue(Command::VoteOnApplicant {
                        framework: f.id.clone(),
                        applicant: a.state.clone(),
                        support,
                    }));
                }
            }
        });
    }
    if a.stances.is_empty() {
        ui.weak(tr!("relations-stances-later"));
        return out;
    }
    egui::Grid::new(("stances", &f.id, &a.state))
        .striped(true)
        .show(ui, |ui| {
            for key in [
                "relations-col-member",
                "relations-col-vote",
                "relations-col-stance",
                "relations-col-moved",
            ] {
                ui.strong(tr!(key)).on_hover_text(tr!(&format!("{key}-tip")));
            }
            ui.end_row();
            for s in &a.stances {
                stance_row(ui, v, s);
                ui.end_row();
            }
        });
    if a.stances.iter().any(|s| s.declared) {
        ui.weak(tr!("relations-declared-note"));
    }
    out
}

/// One member's row: name, vote, a small bar of its stance, what moved it most.
fn stance_row(ui: &mut egui::Ui, v: &View, s: &StanceRow) {
    let name = if s.member == v.player {
        tr!("relations-you", name = v.name(&s.member))
    } else {
        v.name(&s.member)
    };
    let tip = tr!("relations-stance-tip", name = &name, why = &s.why);
    ui.label(short(&name, 14)).on_hover_text(&tip);
    // A declared vote against is a veto (accession needs every member); one for, a pledge.
    let (word, colour) = match (s.declared, s.supports) {
        (false, true) => ("relations-vote-for", FOR),
        (false, false) => ("relations-vote-against", AGAINST),
        (true, true) => ("relations-vote-pledged", FOR),
        (true, false) => ("relations-vote-veto", AGAINST),
    };
    let vote = egui::RichText::new(tr!(word)).color(colour);
    let vote = if s.declared { vote.strong() } else { vote };
    ui.label(vote).on_hover_text(if s.declared {
        tr!("relations-vote-declared-tip", name = &name)
    } else {
        tr!("relations-vote-undeclared-tip", name = &name)
    });
    ui.horizontal(|ui| {
        stance_bar(ui, s.total).on_hover_text(&tip);
        ui.label(signed2(s.total)).on_hover_text(&tip);
    });
    if s.moved_by.is_empty() {
        ui.weak(tr!("relations-as-at-start")).on_hover_text(&tip);
    } else {
        // Green where it pushed the member toward the bid, red where away from it.
        let colour = if s.moved > 0.0 { FOR } else { AGAINST };
        ui.label(egui::RichText::new(&s.moved_by).color(colour))
            .on_hover_text(format!("{} {}\n\n{tip}", s.moved_by, signed2(s.moved)));
    }
}

/// A small bar from a centre line: right and green for a stance above zero, left and red below;
/// full at ±0.5.
fn stance_bar(ui: &mut egui::Ui, total: f64) -> egui::Response {
    let (rect, resp) = ui.allocate_exact_size(egui::vec2(44.0, 10.0), egui::Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 2.0, ui.visuals().extreme_bg_color);
    let half = rect.width() / 2.0;
    let x = (total / 0.5).clamp(-1.0, 1.0) as f32 * half;
    let (from, to) = if x >= 0.0 {
        (rect.center().x, rect.center().x + x)
    } else {
        (rect.center().x + x, rect.center().x)
    };
    let bar = egui::Rect::from_x_y_ranges(from..=to, rect.y_range());
    painter.rect_filled(bar, 1.0, if total > 0.0 { FOR } else { AGAINST });
    painter.vline(
        rect.center().x,
        rect.y_range(),
        egui::Stroke::new(1.0, ui.visuals().weak_text_color()),
    );
    resp
}
