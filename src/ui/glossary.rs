//! The concepts the game uses, each in a few plain sentences (shown in the glossary window and
//! in tooltips), in both languages: the term and its explanation are the messages
//! `glossary-ID` and `glossary-ID-text` (assets/i18n/LANG/glossary.ftl).

use crate::i18n::{Lang, lang, message_in};

/// Every entry: (its term in English, its message id). Callers name a term by its English
/// words (`gloss("Audience costs")`), whatever language the player reads.
pub const ENTRIES: [(&str, &str); 13] = [
    ("Alliance credibility", "alliance-credibility"),
    ("Weaponization of the economy", "weaponization"),
    ("Friend-shoring", "friend-shoring"),
    ("Hedging", "hedging"),
    ("Stolper–Samuelson", "stolper-samuelson"),
    ("Two-level games", "two-level-games"),
    ("Audience costs", "audience-costs"),
    ("Leadership change", "leadership-change"),
    ("Escalation ladder", "escalation-ladder"),
    ("Voluntary export restraint (VER)", "ver"),
    ("Section 232", "section-232"),
    ("Section 301", "section-301"),
    ("WTO dispute settlement", "wto-dispute-settlement"),
];

/// The message id of a term given by its English words or its id.
fn id_of(term: &str) -> Option<&'static str> {
    ENTRIES
        .iter()
        .find(|(t, id)| *t == term || *id == term)
        .map(|(_, id)| *id)
}

/// The term `id` in `lang`.
pub fn term_in(lang: Lang, id: &str) -> String {
    message_in(lang, &format!("glossary-{id}"), None)
}

/// The term `id` in the current language.
pub fn term(id: &str) -> String {
    term_in(lang(), id)
}

/// The explanation of the term `id` in the current language.
pub fn text(id: &str) -> String {
    crate::i18n::t(&format!("glossary-{id}-text"))
}

/// The term in the other language of the two: English beside a Japanese term, Japanese beside
/// an English one ("the glossary gives each term in both languages").
pub fn other_term(id: &str) -> String {
    let other = match lang() {
        Lang::En => Lang::Ja,
        Lang::Ja => Lang::En,
    };
    term_in(other, id)
}

/// A glossary entry as a tooltip paragraph: "Term: explanation" in the current language (a
/// Japanese term followed by its English one), empty if unknown. `term` is the English term
/// (or its id).
pub fn gloss(term_name: &str) -> String {
    let Some(id) = id_of(term_name) else {
        return String::new();
    };
    let shown = match lang() {
        Lang::En => term(id),
        Lang::Ja => crate::tr!("glossary-term-both", term = term(id), other = other_term(id)),
    };
    crate::tr!("glossary-tooltip", term = shown, text = text(id))
}
