//! The class game's sentences, worded where they are read. What travels between the laptops
//! (a refusal, a rejection) and what the host keeps is English text, the same whatever the
//! teacher's or the teams' languages, as the lockstep protocol has always carried it; each
//! sentence is a message of `assets/i18n/*/class.ftl`, so the reader's laptop finds the message
//! and its arguments again in the English (`words_of`) and words it in its own language.

use crate::i18n::{Args, Lang, Words, message_in};

/// The messages whose English `words_of` reads back, with their placeholders: the host's
/// refusals and rejections, the wire's and the network's errors, the seat's notices.
const MESSAGES: &[(&str, &[&str])] = &[
    ("class-refused-one-side", &["held"]),
    (
        "class-refused-version",
        &["mine", "protocol", "version", "theirs"],
    ),
    ("class-refused-changed-file", &["file", "yours", "hosts"]),
    ("class-refused-no-file", &["file", "hash"]),
    ("class-refused-password", &[]),
    ("class-refused-not-a-side", &["side", "sides"]),
    ("class-refused-taken", &["side"]),
    ("class-rejected-join-first", &[]),
    ("class-rejected-month", &["month", "now"]),
    ("class-rejected-over", &[]),
    ("class-rejected-long", &["n", "max"]),
    ("class-inject-fired", &["title"]),
    ("class-bad-size", &["bytes", "max"]),
    ("class-bad-text", &["error"]),
    ("class-bad-form", &["error"]),
    ("class-host-sent", &["error"]),
    ("class-state-restored", &[]),
    ("class-state-not-restored", &["error"]),
    ("class-join-late", &["start", "month"]),
    ("class-no-scenario", &["file"]),
    ("class-net-cannot-listen-port", &["addr", "error", "port"]),
    ("class-net-cannot-listen", &["addr", "error"]),
    ("class-net-cannot-start", &["error"]),
    ("class-net-error", &["error"]),
    ("class-net-cannot-find", &["address", "error", "port"]),
    ("class-net-no-address", &["address"]),
    ("class-net-no-socket", &["error"]),
    ("class-net-cannot-connect", &["host", "error"]),
    ("class-net-lost", &["host", "error"]),
    ("class-net-by-transport", &[]),
    ("class-net-by-client", &[]),
    ("class-net-by-server", &[]),
    ("class-host-not-a-side", &["side", "sides"]),
    ("class-host-turn-length", &["n", "max"]),
    ("class-host-no-turns", &[]),
    ("class-host-seconds", &[]),
    ("class-host-past-end", &["month", "months"]),
];

/// Placeholders that hold a state's id (worded as its name), and those that hold another
/// sentence (read back in turn).
const STATES: &[&str] = &["side", "held"];
const SENTENCES: &[&str] = &["error"];
/// A scenario's text (worded through `i18n::local`).
const TEXTS: &[&str] = &["title"];

/// Marks a placeholder in a message's English template (a character no message has).
const MARK: char = '\u{E000}';

/// The message a class game's English sentence was made from, to be worded in the reader's
/// language: one of the class game's messages with its arguments read back from the English
/// (states named by `names`: id → English name), else the sentence as it is (worded by
/// `i18n::local`, which knows the model's refusals this laptop made itself). The English of the
/// result is always `english`.
pub fn words_of(english: &str, names: &dyn Fn(&str) -> Option<String>) -> Words {
    MESSAGES
        .iter()
        .find_map(|(key, vars)| read(key, vars, english, names))
        .unwrap_or_else(|| Words::new("class-as-is").text("text", english))
}

/// A class game's English sentence in the current language, states named as `world`'s scenario
/// names them (a world without a scenario: by their ids).
pub fn in_reader(world: &bevy_ecs::world::World, english: &str) -> String {
    let reg = world.get_resource::<crate::sim::Registry>();
    let names = |id: &str| reg.and_then(|r| r.state(id).map(|_| r.state_name(id)));
    words_of(english, &names).in_lang(crate::i18n::lang())
}

/// `english` read as `key`'s message, if it is one: its literal text in order around the
/// placeholders, and the result worded again in English equal to `english`.
fn read(key: &str, vars: &[&str], english: &str, names: &dyn Fn(&str) -> Option<String>) -> Option<Words> {
    let mut marks = Args::new();
    for (i, v) in vars.iter().enumerate() {
        marks.set(*v, format!("{MARK}{i}{MARK}"));
    }
    let template = message_in(Lang::En, key, Some(&marks));
    let parts: Vec<&str> = template.split(MARK).collect();
    let literals: Vec<&str> = parts.iter().step_by(2).copied().collect();
    let order: Vec<usize> = parts
        .iter()
        .skip(1)
        .step_by(2)
        .map(|p| p.parse().ok().filter(|i| *i < vars.len()))
        .collect::<Option<_>>()?;
    let mut rest = english.strip_prefix(*literals.first()?)?;
    let mut values: Vec<Option<&str>> = vec![None; vars.len()];
    for (j, &i) in order.iter().enumerate() {
        let next = *literals.get(j + 1)?;
        let value = if j + 1 == order.len() {
            rest.strip_suffix(next)?
        } else {
            let at = rest.find(next).filter(|_| !next.is_empty())?;
            let v = &rest[..at];
            rest = &rest[at + next.len()..];
            v
        };
        values[i].get_or_insert(value);
    }
    let mut words = Words::new(key);
    for (v, value) in vars.iter().zip(values) {
        let value = value?;
        words = if STATES.contains(v) {
            match names(value) {
                Some(name) => words.named(v, value, &name),
                None => words.plain(v, value),
            }
        } else if SENTENCES.contains(v) {
            words.words(v, words_of(value, names))
        } else if TEXTS.contains(v) {
            words.text(v, value)
        } else {
            words.plain(v, value)
        };
    }
    (words.in_lang(Lang::En) == english).then_some(words)
}
