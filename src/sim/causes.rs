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
    TrustTariffs { by: String, rate: f64 },
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
    /// A sector's exports moved: where they moved most.
    Market(MarketStory),
    /// Jobs moved: the sector that lost or gained most against the base month, and its market.
    Jobs {
        sector: Name,
        change: f64,
        story: Box<MarketStory>,
    },
}

/// A name shared with the registry and the labels (no copy per record).
pub type Name = std::sync::Arc<str>;

/// The market where a supplier's sales of a sector moved most against the base month, and the
/// measures on that flow (`explain::market_story`).
#[derive(Debug, Clone)]
pub struct MarketStory {
    pub sector: Name,
    /// The market that moved most; None: no export market moved. Boxed: most records carry no
    /// market story, and every record is as large as the largest reason (a smaller record is
    /// fewer pages touched as the records grow).
    pub buyer: Option<Box<Buyer>>,
}

/// The buyer whose purchases moved most, the sales to it against the base month in percent, the
/// labels of the measures on the flow, and whether an export control stops it.
#[derive(Debug, Clone)]
pub struct Buyer {
    pub name: Name,
    pub change: f64,
    pub measures: Vec<Name>,
    pub controlled: bool,
}

impl MarketStory {
    /// The story in `lang` (names through `i18n::local`).
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
                .map(|m| m.as_ref())
                .collect::<Vec<&str>>()
                .join("; ")
        };
        Words::new("cause-market")
            .text("sector", self.sector.as_ref())
            .text("buyer", buyer.as_ref())
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
                .text("by", by.as_str())
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
            } => Words::new("cause-welfare")
                .plain("revenue", format!("{revenue:.1}"))
                .plain("revenue0", format!("{revenue0:.1}"))
                .plain("rents", format!("{rents:.1}"))
                .plain("cpi", format!("{cpi:.2}"))
                .plain("relocation", format!("{relocation:.2}"))
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
                .text("sector", sector.as_ref())
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
