//! The message files built into the binary: every language has the same file names
//! (`tests/it/i18n.rs` checks it). A new area of the game adds its pair here.

use super::Lang;

pub struct File {
    pub lang: Lang,
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! files {
    ($($name:literal),+ $(,)?) => {
        &[
            $(
                File { lang: Lang::En, name: $name, text: include_str!(concat!("../../assets/i18n/en/", $name, ".ftl")) },
                File { lang: Lang::Ja, name: $name, text: include_str!(concat!("../../assets/i18n/ja/", $name, ".ftl")) },
            )+
        ]
    };
}

pub static FILES: &[File] = files![
    "common",
    "menu",
    "settings",
    "top_bar",
    "end",
    "class",
    "game",
    "industries",
    "government",
    "relations",
    "disputes",
    "negotiation",
    "forecast",
    "console",
    "glossary",
    "model",
    "orders",
    "view",
    "cli",
    "debrief",
    "countries",
];
