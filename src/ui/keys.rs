//! Keyboard shortcuts. One table says which key does what; the help window lists the same
//! table. Keys are read from egui, not from bevy's raw input, so that a key typed into a text
//! field (a quota, a tariff, a seed) goes to the field and never to the game: while a text
//! field has the focus no shortcut fires. Otherwise a shortcut *consumes* its key, so that the
//! button focused by the last click does not also take Space as a click.

use bevy::prelude::*;
use bevy_egui::EguiInput;
use bevy_egui::egui::{self, Key, Modifiers};

use super::state::Action;

/// (key, what it does, the action). Space and the digits are the game's clock.
pub const SHORTCUTS: [(Key, &str, &str); 8] = [
    (Key::Space, "Space", "pause / play"),
    (Key::Period, ".", "step one month"),
    (Key::Num1, "1", "play slowly (a month every 2 s)"),
    (Key::Num2, "2", "play at medium speed (0.8 s)"),
    (Key::Num3, "3", "play fast (0.25 s)"),
    (Key::F5, "F5", "quick save"),
    (Key::F9, "F9", "quick load"),
    (Key::F1, "F1", "this help"),
];

/// The action a shortcut key stands for.
fn action(key: Key) -> Option<Action> {
    Some(match key {
        Key::Space => Action::TogglePause,
        Key::Period => Action::Step,
        Key::Num1 => Action::Speed(1),
        Key::Num2 => Action::Speed(2),
        Key::Num3 => Action::Speed(3),
        Key::F5 => Action::Save,
        Key::F9 => Action::Load,
        Key::F1 => Action::ToggleHelp,
        _ => return None,
    })
}

/// The shortcuts pressed this frame. Call it before the panels are drawn, so that a consumed
/// key is gone before any widget looks at it.
pub fn shortcuts(ctx: &egui::Context) -> Vec<Action> {
    if ctx.text_edit_focused() {
        return Vec::new();
    }
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        for (key, _, _) in SHORTCUTS {
            if i.consume_key(Modifiers::NONE, key) {
                out.extend(action(key));
            }
        }
    });
    out
}

/// The help window: the keys and the mouse.
pub fn help(ui: &mut egui::Ui) {
    egui::Grid::new("keys").show(ui, |ui| {
        for (_, key, what) in SHORTCUTS {
            ui.strong(key);
            ui.label(what);
            ui.end_row();
        }
        for (key, what) in [
            ("Mouse drag / wheel", "pan / zoom the map"),
            ("Click a country", "select it"),
        ] {
            ui.strong(key);
            ui.label(what);
            ui.end_row();
        }
    });
    ui.label("Keys go to a text field while you type in it; click elsewhere to use them again.");
    ui.label("Keep disputes at the working level: public fights cost trust that never fully returns.");
}

/// bevy_egui 0.42 reports the modifier keys to egui every frame, changed or not, and egui
/// answers any event with a request for the next frame: the app never sleeps. Pass the report
/// on only when the modifiers really changed, so a paused game idles.
pub fn quiet_modifiers(mut inputs: Query<&mut EguiInput>, mut last: Local<Option<Modifiers>>) {
    for mut input in &mut inputs {
        input.0.events.retain(|e| match e {
            egui::Event::ModifiersChanged(m) => {
                let changed = *last != Some(*m);
                *last = Some(*m);
                changed
            }
            _ => true,
        });
    }
}
