//! Every word the player reads, in English and Japanese (docs/architecture.md, "Languages").
//!
//! Messages live in Project Fluent files, `assets/i18n/LANG/AREA.ftl`, built into the binary
//! (`files.rs` lists them), one file per area of the game in each language. Code asks for a
//! message by its key: `tr!("menu-start")`, or with placeholders `tr!("menu-join", side = s)`.
//! Fluent chooses plural forms from numbers (`{ $n -> [one] … *[other] … }`); amounts and dates
//! are worded by `format` before they go in.
//!
//! The language is one setting for the whole program (`set_lang`): the game sets it from the
//! player's settings, the CLI from `--lang`. A message the chosen language lacks is shown in
//! English; a key neither has is shown as itself (and `tests/it/i18n.rs` fails on it). The model
//! keeps no words of either language in its state: it words its records when they are read.

mod files;
pub mod format;
mod words;

pub use words::{Arg, Words};

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use serde::{Deserialize, Serialize};

pub use fluent_bundle::FluentArgs as Args;

/// A language of the game.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "ja")]
    Ja,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The BCP 47 code: "en", "ja".
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The language's name in itself, for the switch that chooses it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ja => "日本語",
        }
    }

    /// The language of a code ("ja", "ja-JP", "ja_JP.UTF-8", "en-US"): Japanese for any
    /// Japanese locale, English for everything else.
    pub fn from_locale(tag: &str) -> Lang {
        let primary = tag.split(['-', '_', '.', '@']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("ja") || primary.eq_ignore_ascii_case("jpn") {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    /// `--lang ja`: the language of a code the player typed ("ja", "ja-JP", "en_US", "日本語",
    /// "English"), or what to write instead.
    pub fn parse(code: &str) -> Result<Lang, String> {
        let code = code.trim();
        let primary = code.split(['-', '_', '.', '@']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary) || l.native_name().eq_ignore_ascii_case(code))
            .ok_or_else(|| format!("unknown language \"{code}\"; write one of: en, ja"))
    }

    fn index(self) -> usize {
        self as usize
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A language for this thread alone (`on_this_thread`): tests that draw a screen in
    /// Japanese while others on other threads expect English.
    static THIS_THREAD: std::cell::Cell<Option<Lang>> = const { std::cell::Cell::new(None) };
}

/// The language messages are worded in now.
pub fn lang() -> Lang {
    THIS_THREAD
        .with(|t| t.get())
        .unwrap_or_else(|| match CURRENT.load(Ordering::Relaxed) {
            1 => Lang::Ja,
            _ => Lang::En,
        })
}

/// Word messages in `lang` on this thread until the guard goes (then as before).
pub fn on_this_thread(lang: Lang) -> ThreadLang {
    ThreadLang(THIS_THREAD.with(|t| t.replace(Some(lang))))
}

/// Restores the thread's language when dropped (`on_this_thread`).
pub struct ThreadLang(Option<Lang>);

impl Drop for ThreadLang {
    fn drop(&mut self) {
        THIS_THREAD.with(|t| t.set(self.0));
    }
}

/// Word messages in `lang` from now on (the whole program: the game's setting, the CLI's flag).
pub fn set_lang(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| Lang::ALL.map(build))
}

fn build(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks around placeables: egui would draw them as boxes, and the
    // game's texts run left to right in both languages.
    bundle.set_use_isolating(false);
    // POSSESSIVE($name): "Japan's", "the Netherlands'" in English; 「日本の」 in Japanese.
    let _ = bundle.add_function("POSSESSIVE", move |args, _| {
        let name = match args.first() {
            Some(fluent_bundle::FluentValue::String(s)) => s.to_string(),
            Some(fluent_bundle::FluentValue::Number(n)) => n.as_string().to_string(),
            _ => String::new(),
        };
        match lang {
            Lang::En => crate::words::possessive(&name),
            Lang::Ja => format!("{name}の"),
        }
        .into()
    });
    // BN_USD($amount): an amount in billions of dollars (a number, or a figure already written,
    // "12.5") worded whole by `format::billions`: 「125億ドル」; "$12.5bn" in English. Text that is
    // not a figure shows as it is.
    let _ = bundle.add_function("BN_USD", move |args, _| match args.first() {
        Some(fluent_bundle::FluentValue::Number(n)) => format::billions(lang, "$", n.value).into(),
        Some(fluent_bundle::FluentValue::String(s)) => match s.trim().parse::<f64>() {
            Ok(x) => format::billions(lang, "$", x).into(),
            Err(_) => s.to_string().into(),
        },
        _ => fluent_bundle::FluentValue::None,
    });
    for file in files::FILES.iter().filter(|f| f.lang == lang) {
        // A file with a syntax error still gives its good messages (`tests/it/i18n.rs` fails
        // on the error); a key in two files keeps the first.
        let resource = FluentResource::try_new(file.text.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
    bundle
}

/// The message `key` in `lang` with `args`, falling back to English, then to the key itself.
pub fn message_in(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    let order = if lang == Lang::En {
        &[Lang::En][..]
    } else {
        &[lang, Lang::En][..]
    };
    for l in order {
        let bundle = &bundles()[l.index()];
        if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle.format_pattern(pattern, args, &mut errors).into_owned();
        }
    }
    key.to_string()
}

/// The message `key` in the current language.
pub fn t(key: &str) -> String {
    message_in(lang(), key, None)
}

/// The message `key` in the current language, with its placeholders filled.
pub fn t_args(key: &str, args: &FluentArgs) -> String {
    message_in(lang(), key, Some(args))
}

/// Whether `lang`'s own files have the message (no English fallback).
pub fn has(lang: Lang, key: &str) -> bool {
    bundles()[lang.index()].has_message(key)
}

/// The Japanese of the scenarios' texts, by their English (`Scenario::teach`): names of states,
/// sectors and disputes, headlines, briefings. Learnt as scenarios are read, never forgotten
/// (two scenarios giving one English text two translations: the later one shows).
fn learnt() -> &'static std::sync::RwLock<std::collections::BTreeMap<String, String>> {
    static LEARNT: OnceLock<std::sync::RwLock<std::collections::BTreeMap<String, String>>> = OnceLock::new();
    LEARNT.get_or_init(Default::default)
}

/// Remember Japanese texts by their English (`Scenario::teach`).
pub fn learn<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) {
    let mut map = learnt().write().unwrap_or_else(|e| e.into_inner());
    for (en, ja) in pairs {
        if map.get(en).is_none_or(|j| j != ja) {
            map.insert(en.to_string(), ja.to_string());
        }
    }
}

/// Sentences the model hands on as English text (an order's refusal, a reason), kept to be
/// worded in the program's language when shown (`local`). Kept only while that language is not
/// English (batch runs and the command line keep nothing), at most `REMEMBERED` of them: when
/// full, the older half goes (a forecast's runs make many a player never sees; what a game's
/// records hold goes into its saves, `remembered_in`).
#[derive(Default)]
struct Remembered {
    words: std::collections::BTreeMap<String, (u64, Words)>,
    /// How many were kept so far: each one's age.
    made: u64,
}

fn remembered() -> &'static std::sync::RwLock<Remembered> {
    static REMEMBERED_WORDS: OnceLock<std::sync::RwLock<Remembered>> = OnceLock::new();
    REMEMBERED_WORDS.get_or_init(Default::default)
}

/// How many sentences `remember` keeps at most (a long game has a few hundred).
const REMEMBERED: usize = 20_000;

/// The English of `words`, which `local` will show in the current language (kept only while
/// that is not English: a batch of runs on the command line keeps nothing).
pub fn remember(words: Words) -> String {
    let english = words.in_lang(Lang::En);
    if lang() != Lang::En {
        keep(&english, words);
    }
    english
}

/// `local(english)` shows `words` in any language from now on (`english` is how the model wrote
/// it by its own means: a dispute's title, one of a bounded few; kept whatever the language, so
/// a switch to Japanese mid-game finds the titles made before).
pub fn remember_as(english: &str, words: Words) {
    keep(english, words);
}

/// The sentences `remember` keeps whose English is a string of `ron` (a save's text): a save
/// carries them (`save::Snapshot::words`), so a game loaded later, by this run or another,
/// words them again in the reader's language. Empty when nothing was remembered (English).
pub fn remembered_in(ron: &str) -> std::collections::BTreeMap<String, Words> {
    let kept = remembered().read().unwrap_or_else(|e| e.into_inner());
    if kept.words.is_empty() {
        return Default::default();
    }
    let literals = string_literals(ron);
    kept.words
        .iter()
        .filter(|(english, _)| literals.contains(english.escape_debug().to_string().as_str()))
        .map(|(english, (_, words))| (english.clone(), words.clone()))
        .collect()
}

/// Every string of a RON text as written (between its quotes, escapes as they stand: RON
/// writes a string's characters as `char::escape_debug` does).
fn string_literals(ron: &str) -> std::collections::HashSet<&str> {
    let mut found = std::collections::HashSet::new();
    let bytes = ron.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            let start = i + 1;
            let mut j = start;
            while j < bytes.len() && bytes[j] != b'"' {
                j += if bytes[j] == b'\\' { 2 } else { 1 };
            }
            if let Some(text) = ron.get(start..j.min(bytes.len())) {
                found.insert(text);
            }
            i = j + 1;
        } else {
            i += 1;
        }
    }
    found
}

/// `remember_as` for every sentence a save carried (`remembered_in`).
pub fn remember_all(words: &std::collections::BTreeMap<String, Words>) {
    for (english, w) in words {
        keep(english, w.clone());
    }
}

fn keep(english: &str, words: Words) {
    let known = remembered()
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .words
        .contains_key(english);
    if !known {
        let mut kept = remembered().write().unwrap_or_else(|e| e.into_inner());
        if kept.words.len() >= REMEMBERED {
            let oldest_kept = kept.made - (REMEMBERED / 2) as u64;
            kept.words.retain(|_, (age, _)| *age >= oldest_kept);
        }
        let age = kept.made;
        kept.made += 1;
        kept.words.insert(english.to_string(), (age, words));
    }
}

/// A scenario's text (a name, a title, a headline) in the current language: its Japanese when
/// that is the language and a scenario gave one, else the text as it is.
pub fn local(text: &str) -> String {
    local_in(lang(), text)
}

/// `local` in `lang`.
pub fn local_in(lang: Lang, text: &str) -> String {
    if lang == Lang::Ja {
        if let Some(ja) = learnt().read().unwrap_or_else(|e| e.into_inner()).get(text) {
            return ja.clone();
        }
        let words = remembered()
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .words
            .get(text)
            .map(|(_, w)| w.clone());
        if let Some(words) = words {
            return words.in_lang(lang);
        }
    }
    text.to_string()
}

/// `tr!("key")`, `tr!("key", name = value, …)`: the message in the current language. Values are
/// strings or numbers (numbers choose plural forms).
#[macro_export]
macro_rules! tr {
    ($key:expr) => {
        $crate::i18n::t($key)
    };
    ($key:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::Args::new();
        $(args.set(stringify!($name), $value);)+
        $crate::i18n::t_args($key, &args)
    }};
}

/// One message file as the checks read it: its language, name and each message's key and
/// placeholders (`$name`s, sorted), or the file's syntax errors.
#[derive(Debug, Clone)]
pub struct Catalogue {
    pub lang: Lang,
    pub file: &'static str,
    pub messages: Vec<(String, Vec<String>)>,
    pub errors: Vec<String>,
}

/// Every message file of every language, read for the checks (`tests/it/i18n.rs`,
/// `tradecraft check --lang`).
pub fn catalogues() -> Vec<Catalogue> {
    files::FILES
        .iter()
        .map(|f| {
            let (resource, errors) = match fluent_syntax::parser::parse(f.text) {
                Ok(r) => (r, Vec::new()),
                Err((r, e)) => (r, e.iter().map(|e| format!("{e:?}")).collect()),
            };
            let messages = resource
                .body
                .iter()
                .filter_map(|entry| match entry {
                    fluent_syntax::ast::Entry::Message(m) => {
                        let mut vars = Vec::new();
                        if let Some(p) = &m.value {
                            placeholders(p, &mut vars);
                        }
                        for a in &m.attributes {
                            placeholders(&a.value, &mut vars);
                        }
                        vars.sort();
                        vars.dedup();
                        Some((m.id.name.to_string(), vars))
                    }
                    _ => None,
                })
                .collect();
            Catalogue {
                lang: f.lang,
                file: f.name,
                messages,
                errors,
            }
        })
        .collect()
}

fn placeholders(pattern: &fluent_syntax::ast::Pattern<&str>, out: &mut Vec<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    fn inline(e: &InlineExpression<&str>, out: &mut Vec<String>) {
        match e {
            InlineExpression::VariableReference { id } => out.push(id.name.to_string()),
            InlineExpression::Placeable { expression } => expr(expression, out),
            InlineExpression::FunctionReference { arguments, .. } => {
                for a in &arguments.positional {
                    inline(a, out);
                }
            }
            _ => {}
        }
    }
    fn expr(e: &Expression<&str>, out: &mut Vec<String>) {
        match e {
            Expression::Inline(i) => inline(i, out),
            Expression::Select { selector, variants } => {
                inline(selector, out);
                for v in variants {
                    for el in &v.value.elements {
                        if let PatternElement::Placeable { expression } = el {
                            expr(expression, out);
                        }
                    }
                }
            }
        }
    }
    for el in &pattern.elements {
        if let PatternElement::Placeable { expression } = el {
            expr(expression, out);
        }
    }
}

/// The message files of `lang`: name and text (the glyph check reads every character).
pub fn files(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    files::FILES
        .iter()
        .filter(move |f| f.lang == lang)
        .map(|f| (f.name, f.text))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Past `REMEMBERED` sentences the older half goes and the newer are still worded; the map
    /// never holds more. (A unit test: no other test of this binary remembers anything.)
    #[test]
    fn remembering_forgets_the_older_half_when_full() {
        let _ja = on_this_thread(Lang::Ja);
        let sentence =
            |x: usize| Words::new("news-as-written").text("text", format!("sentence {x}").as_str());
        for x in 0..REMEMBERED + 10 {
            remember_as(&format!("english {x}"), sentence(x));
        }
        let kept = remembered().read().unwrap().words.len();
        assert!(kept <= REMEMBERED && kept > REMEMBERED / 2, "{kept}");
        assert_eq!(local_in(Lang::Ja, "english 3"), "english 3", "the oldest went");
        let newest = format!("english {}", REMEMBERED + 9);
        assert_eq!(
            local_in(Lang::Ja, &newest),
            sentence(REMEMBERED + 9).in_lang(Lang::Ja)
        );
    }
}
