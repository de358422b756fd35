//! Keyboard shortcuts. One table says which key does what; the help window lists the same
//! table. Keys are read from egui, not from bevy's raw input, so that a key typed into a text
//! field (a quota, a tariff, a seed) goes to the field and never to the game: while a text
//! field has the focus no shortcut fires. Otherwise a shortcut *consumes* its key, so that the
//! button focused by the last click does not also take Space as a click.

use bevy::prelude::*;
use bevy_egui::EguiInput;
use bevy_egui::egui::{self, Key, Modifiers};

use super::state::Action;

/// (key, its name on the keyboard, the message saying what it does). Space and the digits are
/// the game's clock.
pub const SHORTCUTS: [(Key, &str, &str); 8] = [
    (Key::Space, "Space", "game-key-pause"),
    (Key::Period, ".", "game-key-step"),
    (Key::Num1, "1", "game-key-slow"),
    (Key::Num2, "2", "game-key-medium"),
    (Key::Num3, "3", "game-key-fast"),
    (Key::F5, "F5", "game-key-save"),
    (Key::F9, "F9", "game-key-load"),
    (Key::F1, "F1", "game-key-help"),
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
        for (key, name, what) in SHORTCUTS {
            // The space bar's name is a word; the other keys' are what the key shows.
            let name = if key == Key::Space {
                crate::tr!("game-key-space")
            } else {
                name.to_string()
            };
            ui.strong(name);
            ui.label(crate::tr!(what));
            ui.end_row();
        }
        for (key, what) in [
            ("game-mouse-drag", "game-mouse-drag-does"),
            ("game-mouse-click", "game-mouse-click-does"),
        ] {
            ui.strong(crate::tr!(key));
            ui.label(crate::tr!(what));
            ui.end_row();
        }
    });
    ui.label(crate::tr!("game-keys-note"));
    ui.label(crate::tr!("game-help-advice"));
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
