//! A class game on a team's screen: the turn's controls in the top bar (Ready, who is ready,
//! the time left), the messages window (what the other teams and the teacher said, and the
//! team's own), and the joining screen before the host's Welcome.

use bevy_egui::egui;

use super::*;
use crate::tr;
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
        ui.strong(tr!("class-over"));
        return out;
    }
    let waiting: Vec<String> = c
        .sides
        .iter()
        .filter(|s| !c.ready.contains(s) && **s != v.player)
        .map(|s| v.name(s))
        .collect();
    if c.sent_ready {
        ui.add_enabled(false, egui::Button::new(tr!("class-ready-sent")))
            .on_disabled_hover_text(tr!("class-ready-sent-tip"));
    } else if ui
        .button(egui::RichText::new(tr!("class-ready")).strong())
        .on_hover_text(tr!("class-ready-tip"))
        .clicked()
    {
        out.push(Action::ClassReady(v.month));
    }
    if !waiting.is_empty() {
        ui.label(tr!("class-waiting-for", sides = waiting.join(", ")));
    }
    if let Some(s) = c.seconds_left {
        let text = if c.paused {
            tr!("class-paused", clock = clock(s))
        } else {
            clock(s)
        };
        timer(ui, text, s, c.paused).on_hover_text(tr!("class-timer-tip"));
    }
    if !c.desyncs.is_empty() {
        ui.label(egui::RichText::new(tr!("class-desync")).color(ERROR).strong())
            .on_hover_text(format!("{}\n{}", tr!("class-desync-tip"), c.desyncs.join("\n")));
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
            .button(tr!("class-rejoin"))
            .on_hover_text(tr!("class-rejoin-tip"))
            .clicked()
    {
        out.push(Action::ClassRejoin);
    }
    egui::ScrollArea::vertical()
        .max_height(140.0)
        .stick_to_bottom(true)
        .show(ui, |ui| {
            if c.heard.is_empty() {
                ui.weak(tr!("class-no-messages"));
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
    let field = message_field(ui, &mut draft, &tr!("class-message-hint"));
    if field.changed() {
        out.push(Action::ClassDraft(draft.clone()));
    }
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                c.joined && !draft.trim().is_empty(),
                egui::Button::new(tr!("class-send-now")),
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
        ui.heading(tr!("class-joining"));
        ui.add_space(12.0);
        let colour = if c.closed {
            ERROR
        } else {
            ui.visuals().text_color()
        };
        ui.label(egui::RichText::new(&c.status).color(colour));
        if !c.closed {
            ui.spinner();
            ui.weak(tr!("class-joining-note"));
        } else if ui.button(tr!("class-main-menu")).clicked() {
            out.push(Action::ToMenu);
        }
    });
    out
}
