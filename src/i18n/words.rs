//! `Words`: a message kept with its arguments and worded when read, in whichever language is
//! wanted then (the model's news, explanations, results and reasons). Plain messages are filled
//! here without Fluent's machinery; the rest go through `message_in`.

use std::sync::OnceLock;

use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};

use super::{Lang, files, format, has, local_in, message_in};

/// A message kept to be worded when read, in whichever language is wanted then: the model's
/// news and explanations are kept this way, so a game's records show in the language the player
/// reads them in. Arguments are scenario texts (names, titles: shown through `local`), numbers
/// (plural forms) or words as they are (already formatted figures).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Words {
    pub key: String,
    pub args: Vec<(String, Arg)>,
}

/// One argument of `Words`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Arg {
    /// A scenario's text (a name, a title): its Japanese when there is one.
    Text(String),
    /// A number: plural forms choose by it; shown as Fluent shows numbers.
    Number(f64),
    /// Shown as it is (a figure already formatted, an id).
    Plain(String),
    /// Another message kept to be worded (a rung, a channel, a tone).
    Words(Box<Words>),
    /// A month, "2025-10": "October 2025", "2025年10月".
    Date(String),
    /// Messages joined by `list-separator` ("; " / "、").
    List(Vec<Words>),
    /// A month, "2025-10", as it is in English (what files have always held), 「2025年10月」 in
    /// Japanese.
    Month(String),
    /// In English, `0` as it is (an id the English has always shown); in another language,
    /// the scenario name `1` through `local`.
    Named(String, String),
}

impl Words {
    pub fn new(key: &str) -> Words {
        Words {
            key: key.to_string(),
            args: Vec::new(),
        }
    }

    /// A scenario text as an argument (`local`ised when worded).
    pub fn text(mut self, name: &str, value: impl Into<String>) -> Words {
        self.args.push((name.to_string(), Arg::Text(value.into())));
        self
    }

    /// A number as an argument.
    pub fn number(mut self, name: &str, value: f64) -> Words {
        self.args.push((name.to_string(), Arg::Number(value)));
        self
    }

    /// Words shown as they are.
    pub fn plain(mut self, name: &str, value: impl Into<String>) -> Words {
        self.args.push((name.to_string(), Arg::Plain(value.into())));
        self
    }

    /// `english` as it is in English, the scenario text `name` (`local`ised) in another language.
    pub fn named(mut self, arg: &str, english: &str, name: &str) -> Words {
        self.args
            .push((arg.to_string(), Arg::Named(english.to_string(), name.to_string())));
        self
    }

    /// A month ("2025-10") as an argument.
    pub fn date(mut self, name: &str, value: &str) -> Words {
        self.args.push((name.to_string(), Arg::Date(value.to_string())));
        self
    }

    /// Messages joined by the language's separator of a list of clauses.
    pub fn list(mut self, name: &str, items: Vec<Words>) -> Words {
        self.args.push((name.to_string(), Arg::List(items)));
        self
    }

    /// A month ("2025-10") kept as it is in English, worded in another language.
    pub fn month(mut self, name: &str, value: &str) -> Words {
        self.args.push((name.to_string(), Arg::Month(value.to_string())));
        self
    }

    /// Another message as an argument.
    pub fn words(mut self, name: &str, value: Words) -> Words {
        self.args.push((name.to_string(), Arg::Words(Box::new(value))));
        self
    }

    /// The message in `lang`.
    pub fn in_lang(&self, lang: Lang) -> String {
        match simple(lang, &self.key) {
            Some(pieces) => self.fill(lang, pieces),
            None => self.through_fluent(lang, &|w| w.in_lang(lang)),
        }
    }

    /// A plain message (text and `{ $name }`s only) filled without Fluent's machinery: the
    /// model words a few of these a month, and this is twice as fast (the same text: a test
    /// compares the two ways for every plain message).
    fn fill(&self, lang: Lang, pieces: &[Piece]) -> String {
        let mut out = String::new();
        for piece in pieces {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Var(name) => match self.args.iter().find(|(n, _)| n == name) {
                    Some((_, arg)) => out.push_str(&arg.text(lang, &|w| w.in_lang(lang))),
                    // As Fluent shows a missing argument.
                    None => {
                        out.push_str("{$");
                        out.push_str(name);
                        out.push('}');
                    }
                },
            }
        }
        out
    }

    /// `in_lang` through Fluent alone (the check of `fill`).
    pub fn in_lang_by_fluent(&self, lang: Lang) -> String {
        self.through_fluent(lang, &|w| w.in_lang_by_fluent(lang))
    }

    /// The message worded by Fluent, the arguments' messages by `word`. Numbers go in as
    /// numbers (plural forms choose by them).
    fn through_fluent(&self, lang: Lang, word: &dyn Fn(&Words) -> String) -> String {
        let mut args = FluentArgs::new();
        for (name, arg) in &self.args {
            match arg {
                Arg::Number(n) => args.set(name.as_str(), *n),
                other => args.set(name.as_str(), other.text(lang, word)),
            }
        }
        message_in(lang, &self.key, Some(&args))
    }
}

impl Arg {
    /// The argument's words in `lang`; a message inside it worded by `word`.
    fn text(&self, lang: Lang, word: &dyn Fn(&Words) -> String) -> String {
        match self {
            Arg::Text(t) => local_in(lang, t),
            Arg::Number(n) => n.to_string(),
            Arg::Plain(p) => p.clone(),
            Arg::Words(w) => word(w),
            Arg::Date(d) => format::month_year(lang, d),
            Arg::Month(d) => format::month_label(lang, d),
            Arg::Named(english, n) => match lang {
                Lang::En => english.clone(),
                _ => local_in(lang, n),
            },
            Arg::List(items) => {
                items
                    .iter()
                    .map(word)
                    .collect::<Vec<_>>()
                    .join(&message_in(lang, "list-separator", None))
            }
        }
    }
}

/// A piece of a plain message: text as it is, or a placeholder.
#[derive(Debug)]
enum Piece {
    Text(String),
    Var(String),
}

/// The pieces of the message `key` in `lang` when it is plain (text and placeholders only; no
/// selector, function or reference to another message), read once from the files.
fn simple(lang: Lang, key: &str) -> Option<&'static [Piece]> {
    type Table = std::collections::HashMap<String, Vec<Piece>>;
    static TABLES: OnceLock<[Table; 2]> = OnceLock::new();
    let tables = TABLES.get_or_init(|| {
        Lang::ALL.map(|lang| {
            let mut table = Table::new();
            for f in files::FILES.iter().filter(|f| f.lang == lang) {
                let resource = match fluent_syntax::parser::parse(f.text) {
                    Ok(r) | Err((r, _)) => r,
                };
                for entry in &resource.body {
                    let fluent_syntax::ast::Entry::Message(m) = entry else {
                        continue;
                    };
                    let Some(value) = &m.value else { continue };
                    if let Some(pieces) = plain_pieces(value) {
                        table.entry(m.id.name.to_string()).or_insert(pieces);
                    }
                }
            }
            table
        })
    });
    // A key the language lacks falls back to English, as `message_in` does.
    tables[lang.index()]
        .get(key)
        .or_else(|| {
            (!has(lang, key))
                .then(|| tables[Lang::En.index()].get(key))
                .flatten()
        })
        .map(|v| v.as_slice())
}

fn plain_pieces(pattern: &fluent_syntax::ast::Pattern<&str>) -> Option<Vec<Piece>> {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    let mut out = Vec::new();
    for el in &pattern.elements {
        match el {
            PatternElement::TextElement { value } => out.push(Piece::Text(value.to_string())),
            PatternElement::Placeable { expression } => match expression {
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    out.push(Piece::Var(id.name.to_string()))
                }
                Expression::Inline(InlineExpression::StringLiteral { value }) => {
                    out.push(Piece::Text(unescape(value)?))
                }
                _ => return None,
            },
        }
    }
    Some(out)
}

/// A Fluent string literal's text (`{"; "}`), or None when it holds an escape this reader
/// leaves to Fluent.
fn unescape(value: &str) -> Option<String> {
    (!value.contains('\\')).then(|| value.to_string())
}

impl std::fmt::Display for Words {
    /// In English: what files and the command line write.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.in_lang(Lang::En))
    }
}
