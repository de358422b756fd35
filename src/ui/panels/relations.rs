//! The Relations & frameworks tab: trust each way, frameworks and their applicants, reviews.

use bevy_egui::egui;

use super::*;

/// Relations and frameworks: trust each way with every state, framework membership and the
/// applicants' votes, and foreign acquisitions under review.
pub fn relations(ui: &mut egui::Ui, v: &View) -> Vec<Action> {
    let mut out = Vec::new();
    egui::ScrollArea::vertical()
        .id_salt("relations_scroll")
        .show(ui, |ui| {
            ui.heading(format!("Relations of {}", v.player));
            egui::Grid::new("relations_grid").striped(true).show(ui, |ui| {
                for h in ["", "trusts you", "you trust", "align."] {
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
