//! The action vocabulary shared by the player, the AI, timeline events, replays and tests.
//! Commands are the only way into the simulation (docs/architecture.md, "Commands are the only way in"): they are queued, then
//! validated and applied at the start of a month by `sim::commands`.

use serde::{Deserialize, Serialize};

/// How a negotiation or an offer is carried: the lower the channel, the lower the salience, the
/// slower the deal; a failure at the leaders' level goes public.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub enum Channel {
    #[default]
    WorkingLevel,
    Ministerial,
    Leaders,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Tone {
    Conciliatory,
    Firm,
    Hostile,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TariffCut {
    pub sector: String,
    /// The rate the offering side will apply to the partner in this sector.
    pub rate: f64,
}

/// A package put on the table in a dispute.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Offer {
    /// Tariffs the offering side will lower (or set) toward the partner.
    pub tariff_cuts: Vec<TariffCut>,
    /// Sectors explicitly left out of the deal (carve-outs).
    pub excluded: Vec<String>,
    /// Purchases of the partner's goods, bn USD per year.
    pub purchases: f64,
    /// Investment pledged in the partner, bn USD.
    pub investment: f64,
    /// What the offerer asks in return: the acceptor's tariffs on the offerer's goods in these
    /// sectors come down to these rates if the offer is accepted (a package deal).
    pub asks: Vec<TariffCut>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Command {
    /// Set the tariff `by` applies to `target`'s goods in `sector` ("all" for every sector;
    /// `target` may be "all"). 0.25 = 25%.
    SetTariff {
        target: String,
        sector: String,
        rate: f64,
    },
    RemoveTariff {
        target: String,
        sector: String,
    },
    /// Import quota (bn USD/yr) on `target`'s goods; with `voluntary: true` a VER the importer
    /// obtains from the exporter, who administers it and keeps the rent.
    SetQuota {
        target: String,
        sector: String,
        volume: f64,
        #[serde(default)]
        voluntary: bool,
    },
    RemoveQuota {
        target: String,
        sector: String,
    },
    /// A voluntary export restraint the exporter imposes on itself: the issuing state caps its
    /// own exports of `sector` to `target` at `volume` (bn USD/yr) and keeps the scarcity rent.
    /// Only it can lift it (`LiftRestraint`); the importer's quotas stack with it.
    RestrainExports {
        target: String,
        sector: String,
        volume: f64,
    },
    /// Lift the issuing state's own restraint on its exports of `sector` to `target`.
    LiftRestraint {
        target: String,
        sector: String,
    },
    ImposeExportControl {
        target: String,
        sector: String,
    },
    LiftExportControl {
        target: String,
        sector: String,
    },
    OpenNegotiation {
        dispute: String,
        channel: Channel,
        #[serde(default)]
        scope: Vec<String>,
        #[serde(default)]
        excluded: Vec<String>,
    },
    MakeOffer {
        dispute: String,
        channel: Channel,
        offer: Offer,
    },
    /// Accept the counterpart's standing offer in a dispute.
    AcceptOffer {
        dispute: String,
    },
    RejectOffer {
        dispute: String,
    },
    /// Take the dispute to formal dispute settlement (a WTO panel).
    FileDispute {
        dispute: String,
    },
    Statement {
        dispute: String,
        tone: Tone,
    },
    /// The host state's verdict on a foreign acquisition. With `conditions` (only with
    /// `approve`), the approval comes with a golden share and binding jobs and investment
    /// pledges, as the U.S. imposed on Nippon Steel in June 2025.
    ReviewAcquisition {
        acquisition: String,
        approve: bool,
        #[serde(default)]
        conditions: bool,
    },
    VoteOnApplicant {
        framework: String,
        applicant: String,
        support: bool,
    },
    /// Court another state: eased import bans, visa waivers and purchase pledges for political
    /// capital; its trust in the courting state rises, and where the courting state applies
    /// to a framework the courted one belongs to, its stance on the bid warms for a while.
    Court {
        target: String,
    },
    /// Fire one of the scenario's `injects` (issued by the teacher, `by: "teacher"`): its news
    /// to every team and its effects, once.
    Inject {
        id: String,
    },
}

/// Who issues `Command::Inject` in a commands file and a class game's log: the teacher, not a
/// state.
pub const TEACHER: &str = "teacher";

impl Command {
    /// The variant's name as written in RON files (see `scenario::COMMAND_NAMES`).
    pub fn name(&self) -> &'static str {
        match self {
            Command::SetTariff { .. } => "SetTariff",
            Command::RemoveTariff { .. } => "RemoveTariff",
            Command::SetQuota { .. } => "SetQuota",
            Command::RemoveQuota { .. } => "RemoveQuota",
            Command::RestrainExports { .. } => "RestrainExports",
            Command::LiftRestraint { .. } => "LiftRestraint",
            Command::ImposeExportControl { .. } => "ImposeExportControl",
            Command::LiftExportControl { .. } => "LiftExportControl",
            Command::OpenNegotiation { .. } => "OpenNegotiation",
            Command::MakeOffer { .. } => "MakeOffer",
            Command::AcceptOffer { .. } => "AcceptOffer",
            Command::RejectOffer { .. } => "RejectOffer",
            Command::FileDispute { .. } => "FileDispute",
            Command::Statement { .. } => "Statement",
            Command::ReviewAcquisition { .. } => "ReviewAcquisition",
            Command::VoteOnApplicant { .. } => "VoteOnApplicant",
            Command::Court { .. } => "Court",
            Command::Inject { .. } => "Inject",
        }
    }

    /// A short label for logs and files (commands.csv, the command log), with the ids as
    /// written in scenario files; stable, so scripts and tests can match it.
    pub fn label(&self) -> String {
        match self {
            Command::SetTariff { target, sector, rate } => {
                format!("tariff {:.1}% on {target} {sector}", rate * 100.0)
            }
            Command::RemoveTariff { target, sector } => format!("remove tariff on {target} {sector}"),
            Command::SetQuota {
                target,
                sector,
                volume,
                voluntary,
            } => format!(
                "{} of {volume:.1}bn on {target} {sector}",
                if *voluntary { "VER" } else { "quota" }
            ),
            Command::RemoveQuota { target, sector } => format!("remove quota on {target} {sector}"),
            Command::RestrainExports {
                target,
                sector,
                volume,
            } => format!("restraint of {volume:.1}bn on exports to {target} {sector}"),
            Command::LiftRestraint { target, sector } => {
                format!("lift restraint on exports to {target} {sector}")
            }
            Command::ImposeExportControl { target, sector } => {
                format!("export control on {sector} to {target}")
            }
            Command::LiftExportControl { target, sector } => {
                format!("lift export control on {sector} to {target}")
            }
            Command::OpenNegotiation { dispute, channel, .. } => {
                format!("open negotiation on {dispute} ({channel:?})")
            }
            Command::MakeOffer { dispute, channel, .. } => format!("offer on {dispute} ({channel:?})"),
            Command::AcceptOffer { dispute } => format!("accept offer on {dispute}"),
            Command::RejectOffer { dispute } => format!("reject offer on {dispute}"),
            Command::FileDispute { dispute } => format!("file {dispute} for dispute settlement"),
            Command::Statement { dispute, tone } => format!("{tone:?} statement on {dispute}"),
            Command::ReviewAcquisition {
                acquisition,
                approve,
                conditions,
            } => format!(
                "{} acquisition {acquisition}{}",
                if *approve { "approve" } else { "block" },
                if *conditions { " with conditions" } else { "" }
            ),
            Command::VoteOnApplicant {
                framework,
                applicant,
                support,
            } => format!(
                "{} {applicant} in {framework}",
                if *support { "support" } else { "oppose" }
            ),
            Command::Court { target } => format!("court {target}"),
            Command::Inject { id } => format!("inject {id}"),
        }
    }

    /// A short label in words, for the screen: `name` turns an id (state, sector, dispute, acquisition,
    /// framework) into the name a player reads.
    pub fn label_with(&self, name: &dyn Fn(&str) -> String) -> String {
        self.label_in(crate::i18n::lang(), name)
    }

    /// `label_with` in `lang` (assets/i18n/LANG/orders.ftl).
    pub fn label_in(&self, lang: crate::i18n::Lang, name: &dyn Fn(&str) -> String) -> String {
        use crate::i18n::{Words, message_in};
        let sector = |s: &str| {
            if s == "all" {
                message_in(lang, "order-all-goods", None)
            } else {
                name(s)
            }
        };
        let on = |t: &str| {
            if t == "all" {
                message_in(lang, "order-every-partner", None)
            } else {
                name(t)
            }
        };
        let trade = |key: &str, target: &str, s: &str| {
            Words::new(key)
                .plain("target", on(target))
                .plain("sector", sector(s))
        };
        let words = match self {
            Command::SetTariff {
                target,
                sector: s,
                rate,
            } => trade("order-set-tariff", target, s).plain("rate", format!("{:.1}", rate * 100.0)),
            Command::RemoveTariff { target, sector: s } => trade("order-remove-tariff", target, s),
            Command::SetQuota {
                target,
                sector: s,
                volume,
                voluntary,
            } => trade(
                if *voluntary {
                    "order-set-ver"
                } else {
                    "order-set-quota"
                },
                target,
                s,
            )
            .plain("volume", format!("{volume:.1}")),
            Command::RemoveQuota { target, sector: s } => trade("order-remove-quota", target, s),
            Command::RestrainExports {
                target,
                sector: s,
                volume,
            } => trade("order-restrain-exports", target, s).plain("volume", format!("{volume:.1}")),
            Command::LiftRestraint { target, sector: s } => trade("order-lift-restraint", target, s),
            Command::ImposeExportControl { target, sector: s } => trade("order-export-control", target, s),
            Command::LiftExportControl { target, sector: s } => trade("order-lift-export-control", target, s),
            Command::OpenNegotiation { dispute, channel, .. } => Words::new("order-talks")
                .plain("channel", channel.label_in(lang))
                .plain("dispute", name(dispute)),
            Command::MakeOffer { dispute, channel, .. } => Words::new("order-offer")
                .plain("channel", channel.label_in(lang))
                .plain("dispute", name(dispute)),
            Command::AcceptOffer { dispute } => Words::new("order-accept").plain("dispute", name(dispute)),
            Command::RejectOffer { dispute } => Words::new("order-reject").plain("dispute", name(dispute)),
            Command::FileDispute { dispute } => Words::new("order-file").plain("dispute", name(dispute)),
            Command::Statement { dispute, tone } => Words::new("order-statement")
                .plain("tone", tone.label_in(lang))
                .plain("dispute", name(dispute)),
            Command::ReviewAcquisition {
                acquisition,
                approve,
                conditions,
            } => Words::new(match (*approve, *conditions) {
                (true, true) => "order-approve-with-conditions",
                (true, false) => "order-approve",
                (false, _) => "order-block",
            })
            .plain("acquisition", name(acquisition)),
            Command::VoteOnApplicant {
                framework,
                applicant,
                support,
            } => Words::new(if *support {
                "order-support-bid"
            } else {
                "order-oppose-bid"
            })
            .plain("applicant", name(applicant))
            .plain("framework", name(framework)),
            Command::Court { target } => Words::new("order-court").plain("target", name(target)),
            Command::Inject { id } => Words::new("order-inject").plain("inject", name(id)),
        };
        words.in_lang(lang)
    }

    /// The dispute the order is about, if it names one.
    pub fn dispute(&self) -> Option<&str> {
        match self {
            Command::OpenNegotiation { dispute, .. }
            | Command::MakeOffer { dispute, .. }
            | Command::AcceptOffer { dispute }
            | Command::RejectOffer { dispute }
            | Command::FileDispute { dispute }
            | Command::Statement { dispute, .. } => Some(dispute),
            _ => None,
        }
    }

    /// The partner and sector of a trade order (a tariff, quota, restraint or export control).
    pub fn target_and_sector(&self) -> Option<(&str, &str)> {
        match self {
            Command::SetTariff { target, sector, .. }
            | Command::RemoveTariff { target, sector }
            | Command::SetQuota { target, sector, .. }
            | Command::RemoveQuota { target, sector }
            | Command::RestrainExports { target, sector, .. }
            | Command::LiftRestraint { target, sector }
            | Command::ImposeExportControl { target, sector }
            | Command::LiftExportControl { target, sector } => Some((target, sector)),
            _ => None,
        }
    }

    /// Orders in the same slot contradict each other: a later one replaces an earlier one still
    /// waiting for its month (two statements on one dispute, an offer and an acceptance, a
    /// tariff set then removed on the same partner and sector, two votes on one bid).
    pub fn slot(&self) -> String {
        match self {
            Command::SetTariff { target, sector, .. } | Command::RemoveTariff { target, sector } => {
                format!("tariff {target} {sector}")
            }
            Command::SetQuota { target, sector, .. } | Command::RemoveQuota { target, sector } => {
                format!("quota {target} {sector}")
            }
            Command::RestrainExports { target, sector, .. } | Command::LiftRestraint { target, sector } => {
                format!("restraint {target} {sector}")
            }
            Command::ImposeExportControl { target, sector }
            | Command::LiftExportControl { target, sector } => format!("control {target} {sector}"),
            Command::OpenNegotiation { dispute, .. } => format!("talks {dispute}"),
            Command::MakeOffer { dispute, .. }
            | Command::AcceptOffer { dispute }
            | Command::RejectOffer { dispute } => format!("answer {dispute}"),
            Command::FileDispute { dispute } => format!("file {dispute}"),
            Command::Statement { dispute, .. } => format!("statement {dispute}"),
            Command::ReviewAcquisition { acquisition, .. } => format!("review {acquisition}"),
            Command::VoteOnApplicant {
                framework, applicant, ..
            } => format!("vote {framework} {applicant}"),
            Command::Court { target } => format!("court {target}"),
            Command::Inject { id } => format!("inject {id}"),
        }
    }
}

impl Channel {
    /// The channel in words in `lang` (the game's screens).
    pub fn label_in(self, lang: crate::i18n::Lang) -> String {
        let key = match self {
            Channel::WorkingLevel => "channel-working-level",
            Channel::Ministerial => "channel-ministerial",
            Channel::Leaders => "channel-leaders",
        };
        crate::i18n::message_in(lang, key, None)
    }

    /// The channel in words.
    pub fn label(self) -> &'static str {
        match self {
            Channel::WorkingLevel => "working level",
            Channel::Ministerial => "ministerial level",
            Channel::Leaders => "a leaders' summit",
        }
    }
}

impl Tone {
    /// The tone in words in `lang` (the game's screens).
    pub fn label_in(self, lang: crate::i18n::Lang) -> String {
        let key = match self {
            Tone::Conciliatory => "tone-conciliatory",
            Tone::Firm => "tone-firm",
            Tone::Hostile => "tone-hostile",
        };
        crate::i18n::message_in(lang, key, None)
    }

    pub fn label(self) -> &'static str {
        match self {
            Tone::Conciliatory => "conciliatory",
            Tone::Firm => "firm",
            Tone::Hostile => "hostile",
        }
    }
}

/// One line of a commands file: at scenario month `month` (0 = the start month), state `by`
/// issues `command`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "CommandEntry")]
pub struct ScheduledCommand {
    pub month: u32,
    pub by: String,
    pub command: Command,
}
