//! The cause records (docs/architecture.md, "Everything explains itself"): what moved, by how
//! much, and why, written by the mechanism that moved it.

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

use crate::i18n::{self, Lang, Words};

/// A recorded change and its cause (docs/architecture.md, "Everything explains itself").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cause {
    pub month: u32,
    /// What moved: a state, dispute, lobby or pair id.
    pub subject: String,
    pub indicator: String,
    pub delta: f64,
    pub because: Because,
}

/// Why a figure moved. The reasons written most often are kept as the numbers they are worded
/// from, and worded when read (`Display`): wording some eighty records a month as they happened
/// was a fifth of a month of the 2025 level. A record is saved, compared and shown as its
/// words, so saves hold the same text as before and a loaded record (`Text`) equals the one it
/// was saved from.
#[derive(Debug, Clone)]
pub enum Because {
    /// Words as they were written (a loaded record, or a reason no message has yet); shown
    /// through `i18n::local`.
    Text(String),
    /// A message worded when read, in the reader's language.
    Words(Words),
    /// Trust moving back up toward its ceiling: no friction this month.
    TrustRecovering { ceiling: f64 },
    /// Trust sinking toward a ceiling that fell below it.
    TrustFading { ceiling: f64 },
    /// Friction from a dispute's rung.
    TrustDispute {
        title: String,
        rung: crate::scenario::Rung,
    },
    /// Friction from a partner's new tariffs (their mean rise over the status quo).
    TrustTariffs { by: Named, rate: f64 },
    /// Buyers moving purchases away from a risky supplier.
    Relocation { excess: f64, threshold: f64, share: f64 },
    /// What moved a leader's approval: each part (its message key, `approval-part-…`) and its
    /// share of a point, largest first.
    Approval(Vec<(&'static str, f64)>),
    /// The parts of real income that moved.
    Welfare {
        revenue: f64,
        revenue0: f64,
        rents: f64,
        cpi: f64,
        relocation: f64,
    },
    /// A state's CPI moved: the level, and the tariffs of its own that weigh most in it (the
    /// points each adds, and its label); none: prices moved by themselves.
    Cpi { cpi: f64, parts: Vec<(f64, Label)> },
    /// A sector's exports moved: where they moved most.
    Market(MarketStory),
    /// Jobs moved: the sector that lost or gained most against the base month, and its market.
    Jobs {
        sector: Named,
        change: f64,
        story: Box<MarketStory>,
    },
}

/// An id and the scenario's (English) name for it, shared with the labels (no copy per
/// record): the English of a record shows the id, as files have always held; another language
/// the name, through `i18n::local`.
pub type Named = std::sync::Arc<(String, String)>;

/// The id or the name of `n` in `lang` (`Named`).
fn named_in(lang: Lang, n: &Named) -> String {
    match lang {
        Lang::En => n.0.clone(),
        _ => i18n::local_in(lang, &n.1),
    }
}

/// A measure's label (`explain::label`): its English, worded once when the measure is new or
/// changed, and its words for another language.
pub type Label = std::sync::Arc<(String, Words)>;

/// The label in `lang`.
fn label_in(lang: Lang, l: &Label) -> String {
    match lang {
        Lang::En => l.0.clone(),
        _ => l.1.in_lang(lang),
    }
}

/// The legal bases the model gives the measures it sets by command (a scenario's own bases
/// come with their Japanese).
pub const BASIS_ORDER: &str = "executive order";
pub const BASIS_QUOTA: &str = "import quota";
pub const BASIS_VER: &str = "voluntary export restraint";
pub const BASIS_SELF_IMPOSED: &str = "voluntary export restraint (self-imposed)";
pub const BASIS_CONTROL: &str = "export control";
pub const BASIS_AGREEMENT: &str = "trade agreement";

/// A legal basis the model gives (`BASIS_…`) as a message, worded in the reader's language;
/// None for a scenario's own.
pub fn basis_words(basis: &str) -> Option<Words> {
    let key = match basis {
        BASIS_ORDER => "measure-basis-executive-order",
        BASIS_QUOTA => "measure-basis-import-quota",
        BASIS_VER => "measure-basis-ver",
        BASIS_SELF_IMPOSED => "measure-basis-self-imposed",
        BASIS_CONTROL => "measure-basis-export-control",
        BASIS_AGREEMENT => "measure-basis-trade-agreement",
        _ => return None,
    };
    Some(Words::new(key))
}

/// Messages joined by commas ("autos, steel"; 「自動車、鉄鋼」): one message whose arguments
/// are the first and the rest. None for no messages.
pub fn comma_list(mut items: Vec<Words>) -> Option<Words> {
    let last = items.pop()?;
    Some(items.into_iter().rev().fold(last, |rest, first| {
        Words::new("cause-comma-list")
            .words("first", first)
            .words("rest", rest)
    }))
}

/// The market where a supplier's sales of a sector moved most against the base month, and the
/// measures on that flow (`explain::market_story`).
#[derive(Debug, Clone)]
pub struct MarketStory {
    pub sector: Named,
    /// The market that moved most; None: no export market moved. Boxed: most records carry no
    /// market story, and every record is as large as the largest reason (a smaller record is
    /// fewer pages touched as the records grow).
    pub buyer: Option<Box<Buyer>>,
}

/// The buyer whose purchases moved most, the sales to it against the base month in percent, the
/// labels of the measures on the flow, and whether an export control stops it.
#[derive(Debug, Clone)]
pub struct Buyer {
    pub name: Named,
    pub change: f64,
    pub measures: Vec<Label>,
    pub controlled: bool,
}

impl MarketStory {
    /// The story in `lang` (names through `i18n::local`; in English the ids).
    pub fn text_in(&self, lang: Lang) -> String {
        let Some(Buyer {
            name: buyer,
            change,
            measures,
            controlled,
        }) = self.buyer.as_deref()
        else {
            return i18n::message_in(lang, "cause-market-none", None);
        };
        let on_flow = if measures.is_empty() {
            i18n::message_in(
                lang,
                if *controlled {
                    "cause-market-controlled"
                } else {
                    "cause-market-diversion"
                },
                None,
            )
        } else {
            measures
                .iter()
                .map(|m| label_in(lang, m))
                .collect::<Vec<String>>()
                .join(&i18n::message_in(lang, "list-separator", None))
        };
        Words::new("cause-market")
            .plain("sector", named_in(lang, &self.sector))
            .plain("buyer", named_in(lang, buyer))
            .plain("change", format!("{change:+.0}"))
            .plain("measures", on_flow)
            .in_lang(lang)
    }
}

impl std::fmt::Display for MarketStory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

impl std::fmt::Display for Because {
    /// In English: what saves, causes.csv and the command line hold.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.text_in(Lang::En))
    }
}

impl Because {
    /// The reason in `lang`: the game's screens word it in the player's language.
    pub fn text_in(&self, lang: Lang) -> String {
        let pct0 = |x: f64| format!("{:.0}", x * 100.0);
        match self {
            Because::Text(t) => i18n::local_in(lang, t),
            Because::Words(w) => w.in_lang(lang),
            Because::TrustRecovering { ceiling } => Words::new("cause-trust-recovering")
                .plain("ceiling", pct0(*ceiling))
                .in_lang(lang),
            Because::TrustFading { ceiling } => Words::new("cause-trust-fading")
                .plain("ceiling", pct0(*ceiling))
                .in_lang(lang),
            Because::TrustDispute { title, rung } => Words::new("cause-trust-dispute")
                .text("title", title.as_str())
                .plain("stage", rung.stage_in(lang))
                .in_lang(lang),
            Because::TrustTariffs { by, rate } => Words::new("cause-trust-tariffs")
                .plain("by", named_in(lang, by))
                .plain("rate", pct0(*rate))
                .in_lang(lang),
            Because::Relocation {
                excess,
                threshold,
                share,
            } => Words::new("cause-relocation")
                .plain("excess", format!("{excess:+.2}"))
                .plain("threshold", format!("{threshold:.2}"))
                .plain("share", format!("{:.1}", share * 100.0))
                .in_lang(lang),
            Because::Welfare {
                revenue,
                revenue0,
                rents,
                cpi,
                relocation,
            } => {
                // Amounts in bn USD: the figures English has always shown (its message has the
                // unit), whole amounts in another language ("320億ドル").
                let bn = |v: f64, places: usize| match lang {
                    Lang::En => format!("{v:.places$}"),
                    _ => i18n::format::billions(lang, "$", v),
                };
                Words::new("cause-welfare")
                    .plain("revenue", bn(*revenue, 1))
                    .plain("revenue0", bn(*revenue0, 1))
                    .plain("rents", bn(*rents, 1))
                    .plain("cpi", format!("{cpi:.2}"))
                    .plain("relocation", bn(*relocation, 2))
                    .in_lang(lang)
            }
            Because::Cpi { parts, .. } if parts.is_empty() => {
                i18n::message_in(lang, "cause-cpi-no-tariff", None)
            }
            Because::Cpi { cpi, parts } => Words::new("cause-cpi")
                .plain("cpi", format!("{cpi:.2}"))
                .plain(
                    "parts",
                    parts
                        .iter()
                        .map(|(v, label)| {
                            Words::new("cause-cpi-part")
                                .plain("label", label_in(lang, label))
                                .plain("points", format!("{v:+.2}"))
                                .in_lang(lang)
                        })
                        .collect::<Vec<_>>()
                        .join(&i18n::message_in(lang, "list-separator", None)),
                )
                .in_lang(lang),
            Because::Market(story) => story.text_in(lang),
            Because::Approval(parts) => parts
                .iter()
                .map(|(part, v)| {
                    Words::new("cause-approval-part")
                        .plain("part", i18n::message_in(lang, part, None))
                        .plain("points", format!("{:+.2}", v * 100.0))
                        .in_lang(lang)
                })
                .collect::<Vec<_>>()
                .join(&i18n::message_in(lang, "cause-list-separator", None)),
            Because::Jobs {
                sector,
                change,
                story,
            } => Words::new("cause-jobs")
                .plain("sector", named_in(lang, sector))
                .plain("change", format!("{change:+.1}"))
                .plain("story", story.text_in(lang))
                .in_lang(lang),
        }
    }
    /// Whether the words contain `part`.
    pub fn contains(&self, part: &str) -> bool {
        self.to_string().contains(part)
    }
}

impl From<String> for Because {
    fn from(text: String) -> Self {
        Because::Text(text)
    }
}

impl From<Words> for Because {
    fn from(words: Words) -> Self {
        Because::Words(words)
    }
}

impl From<&str> for Because {
    fn from(text: &str) -> Self {
        Because::Text(text.to_string())
    }
}

impl PartialEq for Because {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Because::Text(a), Because::Text(b)) => a == b,
            _ => self.to_string() == other.to_string(),
        }
    }
}

impl Serialize for Because {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Because::Text(t) => s.serialize_str(t),
            other => s.collect_str(other),
        }
    }
}

impl<'de> Deserialize<'de> for Because {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Because::Text)
    }
}

#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Causes(pub Vec<Cause>);

impl Causes {
    pub fn add(
        &mut self,
        month: u32,
        subject: &str,
        indicator: &str,
        delta: f64,
        because: impl Into<Because>,
    ) {
        let because = because.into();
        self.0.push(Cause {
            month,
            subject: subject.to_string(),
            indicator: indicator.to_string(),
            delta,
            because,
        });
    }
}
