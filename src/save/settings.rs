//! The player's settings file (`settings.ron`): what it holds and how its text is read. The
//! file's place in the data folder, and applying the settings, are the GUI's
//! (`ui::settings`); reading lives here so that it builds, is tested and is fuzzed without the
//! `gui` feature.

use bevy_ecs::prelude::Resource;
use serde::{Deserialize, Serialize};

/// Smallest and largest UI scale offered.
pub const SCALE_RANGE: std::ops::RangeInclusive<f32> = 0.75..=1.75;

#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// egui zoom: 1.0 is the designed size, readable at 1280×800.
    pub ui_scale: f32,
    /// Bright text on black, for projectors and bright rooms.
    pub high_contrast: bool,
    /// The player's (or team's) name: it goes into the names of the save files.
    pub player_name: String,
    /// The language of every screen; None until the player chooses one, and the system's
    /// language is used meanwhile (`ui::settings::language`).
    pub language: Option<crate::i18n::Lang>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            ui_scale: 1.0,
            high_contrast: false,
            player_name: String::new(),
            language: None,
        }
    }
}

/// Settings from the text of a settings file, the UI scale brought into `SCALE_RANGE`; or
/// `FILE:LINE:COL: what is wrong` (`file` names the file).
pub fn parse(text: &str, file: &str) -> Result<Settings, String> {
    match ron::from_str::<Settings>(text) {
        Ok(mut s) => {
            if !s.ui_scale.is_finite() {
                s.ui_scale = 1.0;
            }
            s.ui_scale = s.ui_scale.clamp(*SCALE_RANGE.start(), *SCALE_RANGE.end());
            Ok(s)
        }
        Err(e) => Err(format!(
            "{file}:{}:{}: {}",
            e.span.start.line, e.span.start.col, e.code
        )),
    }
}
