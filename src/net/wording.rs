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
    ("class-rejected-too-many", &["max"]),
    ("class-rejected-big-order", &["max"]),
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

/// How deep sentences inside sentences are read back (the deepest the program writes is three:
/// a network error inside "the host sent …" inside a refusal); deeper, and for a sentence longer
/// than `LONGEST` bytes, the rest shows as it came. What a peer sends may nest without end.
const DEEPEST: usize = 4;
const LONGEST: usize = 4096;

/// Marks a placeholder in a message's English template (a character no message has).
const MARK: char = '\u{E000}';

/// The message a class game's English sentence was made from, to be worded in the reader's
/// language: one of the class game's messages with its arguments read back from the English
/// (states named by `names`: id → English name), else the sentence as it is (worded by
/// `i18n::local`, which knows the model's refusals this laptop made itself). The English of the
/// result is always `english`.
pub fn words_of(english: &str, names: &dyn Fn(&str) -> Option<String>) -> Words {
    words_at(english, names, 0)
}

fn words_at(english: &str, names: &dyn Fn(&str) -> Option<String>, depth: usize) -> Words {
    let as_is = || Words::new("class-as-is").text("text", english);
    if depth >= DEEPEST || english.len() > LONGEST {
        return as_is();
    }
    MESSAGES
        .iter()
        .find_map(|(key, vars)| read(key, vars, english, names, depth))
        .unwrap_or_else(as_is)
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
fn read(
    key: &str,
    vars: &[&str],
    english: &str,
    names: &dyn Fn(&str) -> Option<String>,
    depth: usize,
) -> Option<Words> {
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
            words.words(v, words_at(value, names, depth + 1))
        } else if TEXTS.contains(v) {
            words.text(v, value)
        } else {
            words.plain(v, value)
        };
    }
    (words.in_lang(Lang::En) == english).then_some(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A peer's sentence nested a hundred thousand deep, or a megabyte long, is shown as it came
    /// (English unchanged), without reading it back to the bottom: no stack overflow, no time
    /// quadratic in its depth on every frame.
    #[test]
    fn a_sentence_nested_without_end_shows_as_it_came() {
        let host_sent = message_in(
            Lang::En,
            "class-host-sent",
            Some(&{
                let mut a = Args::new();
                a.set("error", "\u{E001}".to_string());
                a
            }),
        );
        let (before, after) = host_sent
            .split_once('\u{E001}')
            .expect("the message has its error");
        let depth = 100_000;
        let deep = format!("{}x{}", before.repeat(depth), after.repeat(depth));
        assert_eq!(words_of(&deep, &|_| None).in_lang(Lang::En), deep);
        let long = "y".repeat(1 << 20);
        assert_eq!(words_of(&long, &|_| None).in_lang(Lang::En), long);
        // Two deep, as the program writes them, is still read back into its messages.
        let two = format!("{before}{before}x{after}{after}");
        assert_eq!(words_of(&two, &|_| None).in_lang(Lang::En), two);
        assert!(words_of(&two, &|_| None).in_lang(Lang::Ja) != two);
    }
}
