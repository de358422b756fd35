//! Names and amounts as the screens word them in the player's language: an indicator, a state
//! given by its id, an amount in billions of dollars.

use bevy::prelude::*;

use crate::i18n::{lang, local};
use crate::sim::Registry;
use crate::tr;

/// An indicator's name as the screens say it: "approval", "price:steel" in English (the ids after
/// the colon as they are); 「価格（鉄鋼・アルミニウム）」 in Japanese, the states and sectors after
/// the colon by their names (`names`). An indicator without a message shows as its id.
pub fn indicator_label(names: &std::collections::BTreeMap<String, String>, indicator: &str) -> String {
    let mut parts = indicator.split(':');
    let base = parts.next().unwrap_or_default();
    let rest: Vec<&str> = parts.collect();
    let key = format!("game-indicator-{}", base.replace(['_', ' '], "-"));
    let name = if crate::i18n::has(crate::i18n::Lang::En, &key) {
        crate::i18n::t(&key)
    } else {
        base.to_string()
    };
    if rest.is_empty() {
        return name;
    }
    let what = match lang() {
        crate::i18n::Lang::En => rest.join(":"),
        _ => rest
            .iter()
            .map(|id| names.get(*id).cloned().unwrap_or_else(|| id.to_string()))
            .collect::<Vec<_>>()
            .join(&tr!("game-indicator-separator")),
    };
    tr!("game-indicator-of", indicator = name, what = what)
}

/// A series of the history beside the run, by its indicator: "escalation" as the ladder's rung;
/// another as it is with its unit in English, "exports:USA:autos (bn USD/yr at base-year
/// prices)"; named, its unit as the command line words it, in Japanese: 「輸出（米国、自動車・
/// 同部品）（10億ドル/年、基準年価格）」.
pub fn series_label(names: &std::collections::BTreeMap<String, String>, indicator: &str) -> String {
    match (indicator, lang()) {
        ("escalation", _) => tr!("view-series-rung"),
        (other, crate::i18n::Lang::En) => crate::sim::units::unit(other)
            .split(',')
            .next()
            .map_or(other.to_string(), |u| format!("{other} ({u})")),
        (other, _) => tr!(
            "view-series-indicator",
            indicator = indicator_label(names, other),
            unit = tr!(
                "cli-unit",
                kind = other.split(':').next().unwrap_or(other),
                unit = crate::sim::units::unit(other)
            )
        ),
    }
}

/// A state as the screens name it (`View::side_label`), from the world: its id in English, its
/// name in another language.
pub fn side_label_in(world: &World, id: &str) -> String {
    let name = world
        .get_resource::<Registry>()
        .and_then(|reg| reg.state(id).map(|i| reg.state_names[i].clone()));
    match (lang(), name) {
        (crate::i18n::Lang::En, _) | (_, None) => id.to_string(),
        (_, Some(name)) => local(&name),
    }
}

/// An amount in billions of dollars as a sentence takes it: the figure alone in English, with
/// `decimals` (its message says "bn USD"), worded whole in another language ("125億ドル": its
/// message has no unit).
pub fn bn_amount(x: f64, decimals: usize) -> String {
    match lang() {
        crate::i18n::Lang::En => format!("{x:.decimals$}"),
        other => crate::i18n::format::billions(other, "$", x),
    }
}
