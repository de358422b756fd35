//! Player settings that outlive a game (UI scale, contrast, the player's name), kept in `settings.ron` in the data folder
//! beside the saves. A missing file gives the defaults; a broken one is reported and left
//! alone until the player changes a setting.

use std::path::PathBuf;

pub use crate::save::settings::{SCALE_RANGE, Settings};

/// Make egui's look follow the contrast setting (only when it changes).
pub fn apply_theme(ctx: &bevy_egui::egui::Context, high_contrast: bool) {
    use bevy_egui::egui::{Color32, Visuals};
    let want = if high_contrast {
        let mut v = Visuals::dark();
        v.override_text_color = Some(Color32::WHITE);
        v.weak_text_color = Some(Color32::from_gray(215));
        v.panel_fill = Color32::BLACK;
        v.window_fill = Color32::from_gray(8);
        v.extreme_bg_color = Color32::BLACK;
        v.faint_bg_color = Color32::from_gray(30);
        v.widgets.noninteractive.bg_stroke.color = Color32::from_gray(160);
        v.widgets.inactive.bg_fill = Color32::from_gray(45);
        v.widgets.inactive.weak_bg_fill = Color32::from_gray(45);
        v.selection.bg_fill = Color32::from_rgb(0, 90, 200);
        v
    } else {
        Visuals::dark()
    };
    if ctx.global_style().visuals != want {
        ctx.set_visuals(want);
    }
}

/// The game's data folder (settings, saves): the platform's (`directories`), or
/// `$TRADECRAFT_DATA` if set; the working directory if the platform has none.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("TRADECRAFT_DATA") {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("org", "Tradecraft", "Tradecraft")
        .map_or_else(|| PathBuf::from("."), |d| d.data_dir().to_path_buf())
}

pub fn path() -> PathBuf {
    data_dir().join("settings.ron")
}

/// The saved settings, or the defaults and a message saying why they could not be read.
pub fn load() -> (Settings, Option<String>) {
    load_from(&path())
}

pub fn save(s: &Settings) -> Result<(), String> {
    save_to(&path(), s)
}

/// Settings from `p` (see `load`).
pub fn load_from(p: &std::path::Path) -> (Settings, Option<String>) {
    let text = match std::fs::read_to_string(p) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (Settings::default(), None),
        Err(e) => return (Settings::default(), Some(format!("{}: {e}", p.display()))),
    };
    match crate::save::settings::parse(&text, &p.display().to_string()) {
        Ok(s) => (s, None),
        Err(e) => (
            Settings::default(),
            Some(format!(
                "{e}; using the default settings (fix or delete the file)"
            )),
        ),
    }
}

/// Write settings to `p` atomically.
pub fn save_to(p: &std::path::Path, s: &Settings) -> Result<(), String> {
    if let Some(dir) = p.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let text = ron::ser::to_string_pretty(s, ron::ser::PrettyConfig::default()).map_err(|e| e.to_string())?;
    crate::save::write_atomic(p, &text).map_err(|e| format!("{}: {e}", p.display()))
}
