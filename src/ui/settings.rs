//! Player settings that outlive a game (UI scale, contrast, the player's name), kept in `settings.ron` in the data folder
//! beside the saves. A missing file gives the defaults; a broken one is reported and left
//! alone until the player changes a setting.

use std::path::PathBuf;

use bevy::prelude::{Res, ResMut};

use super::state::Renderer;

pub use crate::save::settings::{SCALE_RANGE, Settings};

/// egui's look for the contrast setting and the renderer. On a software renderer windows have
/// no shadow: a window's shadow is drawn as a blurred rectangle as large as the window, and on
/// lavapipe it was about a sixth of egui's pixels.
pub fn visuals(high_contrast: bool, renderer: Renderer) -> bevy_egui::egui::Visuals {
    use bevy_egui::egui::{Color32, Shadow, Visuals};
    let mut v = Visuals::dark();
    if high_contrast {
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
    }
    if renderer.software {
        v.window_shadow = Shadow::NONE;
    }
    v
}

/// Make egui's look follow the settings (only when they change).
/// The UI scale chosen in the settings, set only when it changed (a change makes egui lay
/// everything out again).
pub fn apply_scale(ctx: &bevy_egui::egui::Context, scale: f32) {
    if (ctx.zoom_factor() - scale).abs() > 1e-3 {
        ctx.set_zoom_factor(scale);
    }
}

pub fn apply_theme(ctx: &bevy_egui::egui::Context, high_contrast: bool, renderer: Renderer) {
    let want = visuals(high_contrast, renderer);
    if ctx.global_style().visuals != want {
        ctx.set_visuals(want);
    }
}

/// The game's side panels have no fill of their own (`layout::see_through`): what the window is
/// cleared to is their background, so egui does not paint two thirds of the window a second
/// time. Their colour is the theme's panel colour; the map's sea is its own rectangle
/// (`map::spawn_map`).
pub fn clear_to_panel_colour(
    settings: Res<Settings>,
    renderer: Res<Renderer>,
    mut clear: ResMut<bevy::prelude::ClearColor>,
) {
    let [r, g, b, _] = visuals(settings.high_contrast, *renderer).panel_fill.to_array();
    let want = bevy::prelude::Color::srgb_u8(r, g, b);
    if clear.0 != want {
        clear.0 = want;
    }
}

/// The language to word the screens in: the player's choice, or the system's on a first start.
pub fn language(s: &Settings) -> crate::i18n::Lang {
    s.language.unwrap_or_else(|| {
        sys_locale::get_locale().map_or(crate::i18n::Lang::En, |l| crate::i18n::Lang::from_locale(&l))
    })
}

/// Word every message in the settings' language (when the settings change; at start).
pub fn apply_language(settings: Res<Settings>) {
    crate::i18n::set_lang(language(&settings));
}

/// The game's fonts: egui's own, then the Japanese subset (assets/fonts, OFL) for every glyph
/// they lack, in both families, so mixed text draws in one line. Set once per context.
pub fn fonts() -> bevy_egui::egui::FontDefinitions {
    use bevy_egui::egui::{FontData, FontDefinitions, FontFamily};
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        JAPANESE_FONT.into(),
        std::sync::Arc::new(FontData::from_static(include_bytes!(
            "../../assets/fonts/TradecraftSansJP.otf"
        ))),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(JAPANESE_FONT.into());
    }
    fonts
}

/// The name egui knows the Japanese font by.
pub const JAPANESE_FONT: &str = "TradecraftSansJP";

/// Give a context the game's fonts, once (`fonts`).
pub fn apply_fonts(ctx: &bevy_egui::egui::Context) {
    let has = ctx.fonts(|f| f.definitions().font_data.contains_key(JAPANESE_FONT));
    if !has {
        ctx.set_fonts(fonts());
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
        Err(e) => {
            // Kept beside it as it was: the first change of a setting writes the defaults over
            // the file, and the player's own would be gone.
            let mut bad = p.as_os_str().to_owned();
            bad.push(".bad");
            let bad = std::path::PathBuf::from(bad);
            let kept = match crate::save::write_atomic(&bad, &text) {
                Ok(()) => format!("the file is kept as {}", bad.display()),
                Err(_) => "fix or delete the file".to_string(),
            };
            (
                Settings::default(),
                Some(format!("{e}; using the default settings ({kept})")),
            )
        }
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
