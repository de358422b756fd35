//! The cause records (docs/architecture.md, "Everything explains itself"): what moved, by how
//! much, and why, written by the mechanism that moved it.

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

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
    Text(String),
    /// Trust moving back up toward its ceiling: no friction this month.
    TrustRecovering {
        ceiling: f64,
    },
    /// Trust sinking toward a ceiling that fell below it.
    TrustFading {
        ceiling: f64,
    },
    /// Friction from a dispute's rung.
    TrustDispute {
        title: String,
        stage: &'static str,
    },
    /// Friction from a partner's new tariffs (their mean rise over the status quo).
    TrustTariffs {
        by: String,
        rate: f64,
    },
    /// Buyers moving purchases away from a risky supplier.
    Relocation {
        excess: f64,
        threshold: f64,
        share: f64,
    },
    /// What moved a leader's approval: each part and its share of a point, largest first.
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
    /// The buyer, the sales to it against the base month in percent, the labels of the
    /// measures on the flow, and whether an export control stops it. None: no export market
    /// moved. Boxed: most records carry no market story, and every record is as large as the
    /// largest reason (a smaller record is fewer pages touched as the records grow).
    pub buyer: Option<Box<(Name, f64, Vec<Name>, bool)>>,
}

impl std::fmt::Display for MarketStory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Some((buyer, change, measures, controlled)) = self.buyer.as_deref() else {
            return f.write_str("no export market moved");
        };
        write!(
            f,
            "sales of {} to {buyer} {change:+.0}% against the base month (",
            self.sector
        )?;
        if measures.is_empty() {
            f.write_str(if *controlled {
                "an export control"
            } else {
                "prices elsewhere (trade diversion)"
            })?;
        } else {
            for (x, m) in measures.iter().enumerate() {
                if x > 0 {
                    f.write_str("; ")?;
                }
                f.write_str(m)?;
            }
        }
        f.write_str(")")
    }
}

impl std::fmt::Display for Because {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Because::Text(t) => f.write_str(t),
            Because::TrustRecovering { ceiling } => write!(
                f,
                "no friction this month: recovering toward its ceiling of {:.0}%",
                ceiling * 100.0
            ),
            Because::TrustFading { ceiling } => {
                write!(f, "goodwill fading toward its ceiling of {:.0}%", ceiling * 100.0)
            }
            Because::TrustDispute { title, stage } => write!(f, "{title}: the dispute is at {stage}"),
            Because::TrustTariffs { by, rate } => {
                write!(f, "{by}'s tariffs of {:.0}% on average", rate * 100.0)
            }
            Because::Relocation {
                excess,
                threshold,
                share,
            } => write!(
                f,
                "sourcing risk {excess:+.2} over its base level (threshold {threshold:.2}): buyers move {:.1}% of purchases to trusted suppliers",
                share * 100.0
            ),
            Because::Welfare {
                revenue,
                revenue0,
                rents,
                cpi,
                relocation,
            } => write!(
                f,
                "tariff revenue {revenue:.1}bn/yr (base {revenue0:.1}), quota rents {rents:.1}bn/yr, CPI {cpi:.2}, relocation spending {relocation:.2}bn"
            ),
            Because::Market(story) => story.fmt(f),
            Because::Approval(parts) => {
                for (x, (part, v)) in parts.iter().enumerate() {
                    if x > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{part} {:+.2} pts", v * 100.0)?;
                }
                Ok(())
            }
            Because::Jobs {
                sector,
                change,
                story,
            } => write!(
                f,
                "jobs in {sector} {change:+.1}k against the base month; {story}"
            ),
        }
    }
}

impl Because {
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
