//! A class game on a team's screen: the turn's controls in the top bar (Ready, who is ready,
//! the time left), the messages window (what the other teams and the teacher said, and the
//! team's own), and the joining screen before the host's Welcome.

use bevy_egui::egui;

use super::*;
use crate::ui::view::ClassRow;

/// "2:05" for 125 seconds.
pub fn clock(seconds: f64) -> String {
    let s = seconds.max(0.0).round() as u64;
    format!("{}:{:02}", s / 60, s % 60)
}

/// A turn's time left, worded by the caller: red in its last 30 seconds unless paused (the
/// team's top bar and the teacher's console).
pub fn timer(ui: &mut egui::Ui, text: String, seconds: f64, paused: bool) -> egui::Response {
    let colour = if seconds < 30.0 && !paused {
        ERROR
    } else {
        ui.visuals().text_color()
    };
    ui.label(egui::RichText::new(text).color(colour).monospace())
}

/// A message to write (a team's to the others, the teacher's to the class), at most
/// `lockstep::MAX_TEXT` characters.
pub fn message_field(ui: &mut egui::Ui, draft: &mut String, hint: &str) -> egui::Response {
    ui.add(
        egui::TextEdit::multiline(draft)
            .desired_rows(2)
            .desired_width(f32::INFINITY)
            .char_limit(crate::net::lockstep::MAX_TEXT)
            .hint_text(hint),
    )
}

/// The turn's controls in the top bar, in place of the clock's.
pub fn class_controls(ui: &mut egui::Ui, v: &View, c: &ClassRow) -> Vec<Action> {
    let mut out = Vec::new();
    if c.over {
        ui.strong("The class game is over");
        return out;
    }
    let waiting: Vec<String> = c
        .sides
        .iter()
        .filter(|s| !c.ready.contains(s) && **s != v.player)
        .map(|s| v.name(s))
        .collect();
    if c.sent_ready {
        ui.add_enabled(false, egui::Button::new("Ready: sent"))
            .on_disabled_hover_text("Your orders are with the host. The month runs when every team is ready, the teacher's timer runs out, or the teacher runs it.");
    } else if ui
        .button(egui::RichText::new("Ready").strong())
        .on_hover_text("Period (.)\n\nSend your orders (and your message, with any offer) to the host. The month runs when every team is ready.")
        .clicked()
    {
        out.push(Action::ClassReady(v.month));
    }
    if !waiting.is_empty() {
        ui.label(format!("waiting for {}", waiting.join(", ")));
    }
    if let Some(s) = c.seconds_left {
        let text = if c.paused {
            format!("{} (paused)", clock(s))
        } else {
            clock(s)
        };
        timer(ui, text, s, c.paused)
            .on_hover_text("Time left in this turn: then the month runs with the orders the host has.");
    }
    if !c.desyncs.is_empty() {
        ui.label(egui::RichText::new("DESYNC").color(ERROR).strong())
            .on_hover_text(format!(
                "This laptop's world differs from the host's; the host sends its state.\n{}",
                c.desyncs.join("\n")
            ));
    }
    out
}

/// The class's messages, and the team's own to write.
pub fn class_window(ui: &mut egui::Ui, c: &ClassRow) -> Vec<Action> {
    let mut out = Vec::new();
    if !c.status.is_empty() {
        let colour = if c.closed {
            ERROR
        } else {
            ui.visuals().weak_text_color()
        };
        ui.label(egui::RichText::new(&c.status).color(colour));
    }
    if c.closed
        && ui
            .button("Rejoin")
            .on_hover_text("Connect again as the same team: the game catches up from the host's log.")
            .clicked()
    {
        out.push(Action::ClassRejoin);
    }
    egui::ScrollArea::vertical()
        .max_height(140.0)
        .stick_to_bottom(true)
        .show(ui, |ui| {
            if c.heard.is_empty() {
                ui.weak("No messages yet. What you write here reaches the other team and the teacher.");
            }
            for (date, who, text) in &c.heard {
                ui.horizontal_wrapped(|ui| {
                    ui.weak(date);
                    ui.strong(who);
                    ui.label(text);
                });
            }
        });
    let mut draft = c.draft.clone();
    let field = message_field(
        ui,
        &mut draft,
        "A message to the other team (sent with your offers when you press Ready)",
    );
    if field.changed() {
        out.push(Action::ClassDraft(draft.clone()));
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                c.joined && !draft.trim().is_empty(),
                egui::Button::new("Send now"),
            )
            .clicked()
        {
            out.push(Action::ClassSay);
        }
        ui.weak(format!(
            "{}/{}",
            draft.chars().count(),
            crate::net::lockstep::MAX_TEXT
        ));
    });
    out
}

/// Before the host's Welcome: where the laptop is connecting, or why it could not join.
pub fn joining(ui: &mut egui::Ui, c: &ClassRow) -> Vec<Action> {
    let mut out = Vec::new();
    ui.vertical_centered(|ui| {
        ui.add_space(120.0);
        ui.heading("Joining a class game");
        ui.add_space(12.0);
        let colour = if c.closed {
            ERROR
        } else {
            ui.visuals().text_color()
        };
        ui.label(egui::RichText::new(&c.status).color(colour));
        if !c.closed {
            ui.spinner();
            ui.weak("The teacher's console shows the address and whether your team has joined.");
        } else if ui.button("Main menu").clicked() {
            out.push(Action::ToMenu);
        }
    });
    out
}
