//! Dates and amounts worded for a language, before they go into a message: "October 2025" and
//! "2025年10月"; "$12.0bn" and "120億ドル".

use super::Lang;

/// "October 2025" / "2025年10月" for "2025-10"; the text itself when it is not a year and month.
pub fn month_year(lang: Lang, date: &str) -> String {
    let parsed = date.split_once('-').and_then(|(y, m)| {
        Some((
            y.parse::<i32>().ok()?,
            m.parse::<usize>().ok().filter(|m| (1..=12).contains(m))?,
        ))
    });
    let Some((y, m)) = parsed else {
        return date.to_string();
    };
    match lang {
        Lang::En => crate::words::month_year(date),
        Lang::Ja => format!("{y}年{m}月"),
    }
}

/// A month "2025-10" as a screen shows it beside ids and figures: as it is in English (what the
/// English screens and files have always shown), 「2025年10月」 in another language.
pub fn month_label(lang: Lang, date: &str) -> String {
    match lang {
        Lang::En => date.to_string(),
        _ => month_year(lang, date),
    }
}

/// An amount in billions of a currency (`symbol` "$" or "¥"; yen amounts in billions of yen):
/// "$12.0bn" / "120億ドル", "¥1,500bn" / "1兆5000億円".
pub fn billions(lang: Lang, symbol: &str, amount: f64) -> String {
    match lang {
        Lang::En => format!("{symbol}{amount:.1}bn"),
        Lang::Ja if !amount.is_finite() => format!("{amount}"),
        Lang::Ja => {
            // 1bn = 10億; 1,000bn = 1兆 (the cast saturates: no panic on an absurd amount).
            let oku = (amount * 10.0).round() as i64;
            let unit = if symbol == "¥" { "円" } else { "ドル" };
            let sign = if oku < 0 { "-" } else { "" };
            let oku = oku.unsigned_abs();
            match (oku / 10_000, oku % 10_000) {
                (0, o) => format!("{sign}{o}億{unit}"),
                (cho, 0) => format!("{sign}{cho}兆{unit}"),
                (cho, o) => format!("{sign}{cho}兆{o}億{unit}"),
            }
        }
    }
}
