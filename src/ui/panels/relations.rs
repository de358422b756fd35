//! The Relations & frameworks tab: trust each way and courtship, frameworks with every
//! member's stance on each applicant, reviews.

use bevy_egui::egui;

use super::*;
use crate::ui::view::{ApplicantRow, FrameworkRow, StanceRow, StateRow};

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
            ui.heading(format!("Relations of {}", v.player));
            egui::Grid::new("relations_grid").striped(true).show(ui, |ui| {
                for h in ["", "trusts you", "you trust", "align.", ""] {
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
                    ui.label(signed2(s.alignment)).on_hover_text(format!(
                        "−1 leans to China, +1 to the United States\n{}",
                        why(v, &s.id, "alignment")
                    ));
                    out.extend(court(ui, v, s, capital));
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
                    for a in &f.applicants {
                        out.extend(applicant(ui, v, f, a));
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
                        "{}: {} buys for {:.1} bn USD{pledge}; {} reviews it; {}",
                        a.title,
                        v.name(&a.acquirer),
                        a.value,
                        v.name(&a.reviewer),
                        a.status
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
    let bid = if bids.is_empty() {
        format!(
            "This is how an applicant wins votes: each courtship adds {:+.2} to the member's stance on the courting state's bid, fading {fade:.0}% a month.",
            p.court_offer
        )
    } else {
        format!(
            "It also warms {}'s stance on your bid to join {} by {:+.2}, fading {fade:.0}% a month.",
            s.name,
            bids.join(" and "),
            p.court_offer
        )
    };
    let tip = format!(
        "Court {}: eased import bans, visa waivers and purchase pledges. Costs {cost:.0} political capital (you have {capital:.0}). Its trust in you rises by {:.2}, up to its ceiling. {bid}",
        s.name, p.court_trust
    );
    let b = ui
        .add_enabled(capital >= cost, egui::Button::new("Court"))
        .on_hover_text(&tip)
        .on_disabled_hover_text(format!(
            "Courting costs {cost:.0} political capital; you have {capital:.0}.\n\n{tip}"
        ));
    b.clicked()
        .then(|| Action::Issue(Command::Court { target: s.id.clone() }))
}

/// An applicant to a framework: how many members back it, the player's vote if a member, and
/// every member's stance with what moved it (the model's reasons on hover).
fn applicant(ui: &mut egui::Ui, v: &View, f: &FrameworkRow, a: &ApplicantRow) -> Vec<Action> {
    let mut out = Vec::new();
    ui.label(format!(
        "{} applies: {} of {} members in favour (consensus needed)",
        a.state, a.support, a.members
    ))
    .on_hover_text(why(v, &format!("{}:{}", f.id, a.state), "support"));
    if a.pressure >= 0.01 {
        ui.weak(format!(
            "Pressure on the holdouts so far: {} on every stance",
            signed2(a.pressure)
        ))
        .on_hover_text("While more than half the members but not all back a bid, the pressure on the holdouts grows every month, and each supporter trusts each holdout a little less (the RCEP precedent).");
    }
    if f.player_member {
        ui.horizontal_wrapped(|ui| {
            let leaning = a
                .stances
                .iter()
                .find(|s| s.member == v.player)
                .map_or(String::new(), |s| {
                    format!(
                        " (your government leans {})",
                        if s.total > 0.0 { "for" } else { "against" }
                    )
                });
            let said = match a.declared {
                Some(true) => "you declared for".to_string(),
                Some(false) => "you declared against".to_string(),
                None => format!("you have not declared{leaning}"),
            };
            ui.weak(said);
            for (support, label) in [(true, "Support"), (false, "Oppose")] {
                if ui.button(format!("{label} {}", a.state)).clicked() {
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
        ui.weak("Each member's stance shows after the first month.");
        return out;
    }
    egui::Grid::new(("stances", &f.id, &a.state))
        .striped(true)
        .show(ui, |ui| {
            for (h, tip) in [
                ("member", "Hover a member for its reasons, in the model's words."),
                ("vote", "for or against as its stance says; a declared vote stands whatever its stance: \"veto\" against (accession needs every member), \"pledged\" for."),
                ("stance", "Its weighing of the bid: above zero it backs it. Its distance from the applicant in alignment and trust, plus what has moved since the start."),
                ("moved most by", "What has moved its stance most since the start: deference to the United States lost as its trust and its market there shrink (or grown), the applicant's market growing, the applicant's courtship, or the pressure on holdouts where that alone won it over."),
            ] {
                ui.strong(h).on_hover_text(tip);
            }
            ui.end_row();
            for s in &a.stances {
                stance_row(ui, v, s);
                ui.end_row();
            }
        });
    if a.stances.iter().any(|s| s.declared) {
        ui.weak("veto, pledged: a vote declared by command, which stands whatever the stance");
    }
    out
}

/// One member's row: name, vote, a small bar of its stance, what moved it most.
fn stance_row(ui: &mut egui::Ui, v: &View, s: &StanceRow) {
    let name = if s.member == v.player {
        format!("{} (you)", v.name(&s.member))
    } else {
        v.name(&s.member)
    };
    let tip = format!("{name}: {}", s.why);
    ui.label(short(&name, 14)).on_hover_text(&tip);
    // A declared vote against is a veto (accession needs every member); one for, a pledge.
    let (word, colour) = match (s.declared, s.supports) {
        (false, true) => ("for", FOR),
        (false, false) => ("against", AGAINST),
        (true, true) => ("pledged", FOR),
        (true, false) => ("veto", AGAINST),
    };
    let vote = egui::RichText::new(word).color(colour);
    let vote = if s.declared { vote.strong() } else { vote };
    ui.label(vote).on_hover_text(if s.declared {
        format!("{name} declared its vote: it stands whatever its stance.")
    } else {
        format!("{name} has not declared: its stance decides, month by month.")
    });
    ui.horizontal(|ui| {
        stance_bar(ui, s.total).on_hover_text(&tip);
        ui.label(signed2(s.total)).on_hover_text(&tip);
    });
    if s.moved_by.is_empty() {
        ui.weak("as at the start").on_hover_text(&tip);
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
