//! Checks beyond parsing: ids that point nowhere, duplicate ids, quantities that are negative,
//! NaN, infinite or out of range, shares outside [0, 1]. Each problem carries the path of the
//! value so the loader can give its line and column.

use std::collections::BTreeSet;

use super::locate::DataPath;
use super::schema::*;
use crate::command::{Command, ScheduledCommand, TEACHER};

mod sections;
mod story;
pub use sections::scenario;

/// A semantic problem before it has a position: the path of the offending value, what is
/// wrong and what to write instead. `load` turns it into a `FILE:LINE:COL` diagnostic.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub path: DataPath,
    pub message: String,
    pub hint: String,
}

/// Longest scenario accepted, in months (a century): bounds any run a file can ask for.
pub const MAX_MONTHS: i64 = 1200;
/// Highest tariff rate accepted (1000%).
pub const MAX_TARIFF: f64 = 10.0;
/// Largest money figure accepted, bn USD (ten times world GDP).
pub const MAX_VALUE: f64 = 1.0e6;
/// Most cells of the trade table (states² × sectors) a scenario may have: the model keeps
/// several arrays of that many numbers (8 bytes each), so 5 million is about 250 MB, what a
/// class's laptop can spare. The largest world measured is 200 states × 20 sectors (800,000).
pub const MAX_CELLS: usize = 5_000_000;

/// Parse "YYYY-MM" into (year, month 1..=12).
pub fn parse_year_month(s: &str) -> Option<(i32, u32)> {
    let (y, m) = s.split_once('-')?;
    if y.len() != 4 || m.len() != 2 {
        return None;
    }
    let y: i32 = y.parse().ok()?;
    let m: u32 = m.parse().ok()?;
    ((1800..=2300).contains(&y) && (1..=12).contains(&m)).then_some((y, m))
}

/// The ids a scenario defines, for reference checks.
pub struct Ids {
    pub states: IdList,
    pub sectors: IdList,
    pub industries: IdList,
    pub disputes: IdList,
    pub frameworks: IdList,
    pub acquisitions: IdList,
    pub injects: IdList,
    /// (state, legal basis) of the measures the timeline's effects put in force
    /// (`ScheduledEffect::legal_basis` on a `SetTariff` or `SetQuota`).
    pub legal_bases: BTreeSet<(String, String)>,
}

/// Ids in file order (for hints) with a set for fast lookups (a generated world has 10⁵ flows).
#[derive(Debug, Clone, Default)]
pub struct IdList {
    pub list: Vec<String>,
    set: BTreeSet<String>,
}

impl IdList {
    fn new<'a>(ids: impl Iterator<Item = &'a String>) -> Self {
        let list: Vec<String> = ids.cloned().collect();
        let set = list.iter().cloned().collect();
        IdList { list, set }
    }
    pub fn contains(&self, id: &str) -> bool {
        self.set.contains(id)
    }
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

impl Ids {
    pub fn of(s: &Scenario) -> Self {
        Ids {
            states: IdList::new(s.states.iter().map(|x| &x.id)),
            sectors: IdList::new(s.sectors.iter().map(|x| &x.id)),
            industries: IdList::new(s.industries.iter().map(|x| &x.id)),
            disputes: IdList::new(s.disputes.iter().map(|x| &x.id)),
            frameworks: IdList::new(s.frameworks.iter().map(|x| &x.id)),
            acquisitions: IdList::new(s.acquisitions.iter().map(|x| &x.id)),
            injects: IdList::new(s.injects.iter().map(|x| &x.id)),
            legal_bases: s
                .timeline
                .iter()
                .flat_map(|e| &e.effects)
                .chain(s.injects.iter().flat_map(|x| &x.effects))
                .filter(|f| matches!(f.command, Command::SetTariff { .. } | Command::SetQuota { .. }))
                .filter_map(|f| f.legal_basis.as_ref().map(|b| (f.by.clone(), b.clone())))
                .collect(),
        }
    }
}

struct V<'a> {
    ids: Option<&'a Ids>,
    out: Vec<Problem>,
}

fn list(ids: &[String]) -> String {
    let mut unique: Vec<&String> = Vec::new();
    for id in ids {
        if !unique.contains(&id) {
            unique.push(id);
        }
    }
    let shown: Vec<String> = unique.iter().take(12).map(|s| format!("\"{s}\"")).collect();
    let more = if unique.len() > 12 { ", ..." } else { "" };
    format!("{}{more}", shown.join(", "))
}

impl<'a> V<'a> {
    fn err(&mut self, path: DataPath, message: String, hint: String) {
        self.out.push(Problem { path, message, hint });
    }

    /// A number within [lo, hi], finite.
    fn num(&mut self, path: DataPath, v: f64, lo: f64, hi: f64, what: &str) {
        if v.is_nan() {
            self.err(
                path.clone(),
                format!("{path} is NaN, which is not a number"),
                format!("write {what} between {lo} and {hi}"),
            );
        } else if v.is_infinite() {
            self.err(
                path.clone(),
                format!("{path} is too large to be a number here"),
                format!("write {what} between {lo} and {hi}"),
            );
        } else if v < lo || v > hi {
            self.err(
                path.clone(),
                format!("{path} is {v}, outside the range {lo} to {hi}"),
                format!("write {what} between {lo} and {hi}"),
            );
        }
    }

    fn id(&mut self, path: DataPath, id: &str, seen: &mut BTreeSet<String>, kind: &str) {
        if id.trim().is_empty() {
            self.err(
                path,
                format!("a {kind} has an empty id"),
                format!("give the {kind} a short unique id such as \"JPN\" or \"autos\""),
            );
        } else if id == ALL {
            self.err(
                path,
                format!("\"{ALL}\" is reserved and cannot be a {kind} id"),
                "choose another id".into(),
            );
        } else if !seen.insert(id.to_string()) {
            self.err(
                path,
                format!("duplicate {kind} id \"{id}\""),
                format!("each {kind} needs its own id; rename one of the two"),
            );
        }
    }

    /// A reference to an id of `kind` among `ids` (or "all" when `allow_all`).
    fn reference(&mut self, path: DataPath, id: &str, ids: &IdList, kind: &str, allow_all: bool) {
        if (allow_all && id == ALL) || ids.contains(id) {
            return;
        }
        let all = if allow_all {
            format!(" or \"{ALL}\"")
        } else {
            String::new()
        };
        let hint = if ids.is_empty() {
            format!("the scenario defines no {kind}; add one first")
        } else {
            format!("write one of the {kind} ids: {}{all}", list(&ids.list))
        };
        self.err(path.clone(), format!("unknown {kind} \"{id}\" in {path}"), hint);
    }

    /// A conditional event's condition or the move an event answers (conditions nest through
    /// `AllOf`, `AnyOf` and `Not`).
    fn condition(&mut self, k: DataPath, c: &Condition, ids: &Ids) {
        match c {
            Condition::Issued { by, command, dispute } => {
                self.state(k.field("by"), by);
                if !COMMAND_NAMES.contains(&command.as_str()) {
                    self.err(
                        k.field("command"),
                        format!("\"{command}\" is not a command"),
                        format!("write one of: {}", COMMAND_NAMES.join(", ")),
                    );
                }
                if let Some(d) = dispute {
                    self.reference(k.field("dispute"), d, &ids.disputes, "dispute", false);
                }
            }
            Condition::Stated { by, dispute, .. } | Condition::Offered { by, dispute } => {
                self.state(k.field("by"), by);
                self.reference(k.field("dispute"), dispute, &ids.disputes, "dispute", false);
            }
            Condition::Restrained { by, to, sector } => {
                self.state(k.field("by"), by);
                self.state(k.field("to"), to);
                self.sector(k.field("sector"), sector, true);
            }
            Condition::InForce { by, legal_basis } => {
                self.state(k.field("by"), by);
                if !ids.legal_bases.contains(&(by.clone(), legal_basis.clone())) {
                    let known: Vec<String> = ids
                        .legal_bases
                        .iter()
                        .filter(|(s, _)| s == by)
                        .map(|(_, b)| b.clone())
                        .collect();
                    let hint = if known.is_empty() {
                        format!("give an effect of {by} that sets a measure `legal_basis: \"{legal_basis}\"`")
                    } else {
                        format!(
                            "write one of the legal bases {by}'s effects use: {}",
                            list(&known)
                        )
                    };
                    self.err(
                        k.field("legal_basis"),
                        format!("no event effect of {by} puts a measure with legal basis \"{legal_basis}\" in force, so this can never hold"),
                        hint,
                    );
                }
            }
            Condition::AnyOf(list) if list.is_empty() => self.err(
                k.clone(),
                "AnyOf has no conditions".into(),
                "list one or more, e.g. AnyOf([Settled(dispute: \"autos\"), Settled(dispute: \"steel\")])"
                    .into(),
            ),
            Condition::AnyOf(list) => {
                for (i, c) in list.iter().enumerate() {
                    self.condition(k.index(0).index(i), c, ids);
                }
            }
            Condition::Not(c) => self.condition(k.index(0), c, ids),
            Condition::TrustBelow { of, toward, value } => {
                self.state(k.field("of"), of);
                self.state(k.field("toward"), toward);
                self.num(k.field("value"), *value, 0.0, 1.0, "a trust level");
            }
            Condition::RungAtLeast { dispute, .. } | Condition::Settled { dispute } => {
                self.reference(k.field("dispute"), dispute, &ids.disputes, "dispute", false);
            }
            Condition::SupportAtLeast {
                framework, applicant, ..
            } => {
                self.reference(
                    k.field("framework"),
                    framework,
                    &ids.frameworks,
                    "framework",
                    false,
                );
                self.state(k.field("applicant"), applicant);
            }
            Condition::ApprovalBelow { state, value } => {
                self.state(k.field("state"), state);
                self.num(k.field("value"), *value, 0.0, 1.0, "an approval level");
            }
            Condition::TariffAtLeast { by, on, sector, rate }
            | Condition::TariffBelow { by, on, sector, rate } => {
                self.state(k.field("by"), by);
                self.state(k.field("on"), on);
                self.sector(k.field("sector"), sector, true);
                self.num(k.field("rate"), *rate, 0.0, MAX_TARIFF, "a tariff rate");
            }
            Condition::AllOf(list) => {
                if list.is_empty() {
                    self.err(
                        k.clone(),
                        "AllOf has no conditions".into(),
                        "list one or more, e.g. AllOf([Settled(dispute: \"autos\"), ApprovalBelow(state: \"USA\", value: 0.4)])".into(),
                    );
                }
                for (i, c) in list.iter().enumerate() {
                    self.condition(k.index(0).index(i), c, ids);
                }
            }
        }
    }

    fn state(&mut self, path: DataPath, id: &str) {
        if let Some(ids) = self.ids {
            self.reference(path, id, &ids.states, "state", false);
        }
    }
    fn sector(&mut self, path: DataPath, id: &str, allow_all: bool) {
        if let Some(ids) = self.ids {
            self.reference(path, id, &ids.sectors, "sector", allow_all);
        }
    }

    fn command(&mut self, path: DataPath, by: &str, cmd: &Command) {
        let p = path.field("command");
        // Injects are the teacher's; everything else is a state's.
        if let Command::Inject { id } = cmd {
            if by != TEACHER {
                self.err(
                    path.field("by"),
                    format!("{by} cannot fire an inject: the teacher does"),
                    format!("write by: \"{TEACHER}\""),
                );
            }
            if let Some(ids) = self.ids {
                self.reference(p.field("id"), id, &ids.injects, "inject", false);
            }
            return;
        }
        if by == TEACHER {
            self.err(
                path.field("by"),
                format!(
                    "the teacher fires injects only; {} is a state's command",
                    cmd.name()
                ),
                "write the id of the state that issues it as `by`".into(),
            );
            return;
        }
        self.state(path.field("by"), by);
        let Some(ids) = self.ids else {
            self.command_numbers(&p, cmd);
            return;
        };
        let target = |v: &mut Self, t: &str| {
            v.reference(p.field("target"), t, &ids.states, "state", true);
            if t == by {
                v.err(
                    p.field("target"),
                    format!("{by} cannot aim a measure at itself"),
                    "write a partner's id as the target".into(),
                );
            }
        };
        match cmd {
            Command::SetTariff {
                target: t, sector, ..
            }
            | Command::RemoveTariff { target: t, sector }
            | Command::SetQuota {
                target: t, sector, ..
            }
            | Command::RemoveQuota { target: t, sector }
            | Command::LiftRestraint { target: t, sector }
            | Command::RestrainExports {
                target: t, sector, ..
            }
            | Command::ImposeExportControl { target: t, sector }
            | Command::LiftExportControl { target: t, sector } => {
                target(self, t);
                self.reference(p.field("sector"), sector, &ids.sectors, "sector", true);
            }
            Command::OpenNegotiation {
                dispute,
                scope,
                excluded,
                ..
            } => {
                self.reference(p.field("dispute"), dispute, &ids.disputes, "dispute", false);
                for (i, s) in scope.iter().enumerate() {
                    self.reference(p.field("scope").index(i), s, &ids.sectors, "sector", false);
                }
                for (i, s) in excluded.iter().enumerate() {
                    self.reference(p.field("excluded").index(i), s, &ids.sectors, "sector", false);
                }
            }
            Command::MakeOffer { dispute, offer, .. } => {
                self.reference(p.field("dispute"), dispute, &ids.disputes, "dispute", false);
                let o = p.field("offer");
                for (i, c) in offer.tariff_cuts.iter().enumerate() {
                    let cp = o.field("tariff_cuts").index(i);
                    self.reference(cp.field("sector"), &c.sector, &ids.sectors, "sector", true);
                }
                for (i, s) in offer.excluded.iter().enumerate() {
                    self.reference(o.field("excluded").index(i), s, &ids.sectors, "sector", false);
                }
                for (i, c) in offer.asks.iter().enumerate() {
                    let cp = o.field("asks").index(i);
                    self.reference(cp.field("sector"), &c.sector, &ids.sectors, "sector", true);
                }
            }
            Command::AcceptOffer { dispute }
            | Command::RejectOffer { dispute }
            | Command::FileDispute { dispute }
            | Command::Statement { dispute, .. } => {
                self.reference(p.field("dispute"), dispute, &ids.disputes, "dispute", false);
            }
            Command::ReviewAcquisition { acquisition, .. } => {
                let a = acquisition;
                self.reference(p.field("acquisition"), a, &ids.acquisitions, "acquisition", false);
            }
            Command::VoteOnApplicant {
                framework, applicant, ..
            } => {
                let f = framework;
                self.reference(p.field("framework"), f, &ids.frameworks, "framework", false);
                self.reference(p.field("applicant"), applicant, &ids.states, "state", false);
            }
            Command::Court { target } => {
                self.reference(p.field("target"), target, &ids.states, "state", false);
            }
            Command::Inject { .. } => {} // the teacher's, checked above
        }
        self.command_numbers(&p, cmd);
    }

    fn command_numbers(&mut self, p: &DataPath, cmd: &Command) {
        match cmd {
            Command::SetTariff { rate, .. } => self.num(
                p.field("rate"),
                *rate,
                0.0,
                MAX_TARIFF,
                "a tariff rate (0.25 = 25%)",
            ),
            Command::SetQuota { volume, .. } | Command::RestrainExports { volume, .. } => self.num(
                p.field("volume"),
                *volume,
                0.0,
                MAX_VALUE,
                "a yearly volume in bn USD",
            ),
            Command::MakeOffer { offer, .. } => {
                let o = p.field("offer");
                for (field, cuts) in [("tariff_cuts", &offer.tariff_cuts), ("asks", &offer.asks)] {
                    for (i, c) in cuts.iter().enumerate() {
                        let cp = o.field(field).index(i).field("rate");
                        self.num(cp, c.rate, 0.0, MAX_TARIFF, "a tariff rate (0.25 = 25%)");
                    }
                }
                self.num(
                    o.field("purchases"),
                    offer.purchases,
                    0.0,
                    MAX_VALUE,
                    "bn USD a year",
                );
                self.num(o.field("investment"), offer.investment, 0.0, MAX_VALUE, "bn USD");
            }
            _ => {}
        }
    }
}

fn check_ids<T>(v: &mut V, items: &[T], name: &str, kind: &str, id: impl Fn(&T) -> &str) {
    let mut seen = BTreeSet::new();
    for (i, it) in items.iter().enumerate() {
        v.id(
            DataPath::root().field(name).index(i).field("id"),
            id(it),
            &mut seen,
            kind,
        );
    }
}

/// Months from `a` to `b` (both (year, month)).
pub fn month_offset(a: (i32, u32), b: (i32, u32)) -> i64 {
    (b.0 as i64 - a.0 as i64) * 12 + (b.1 as i64 - a.1 as i64)
}

fn factor_shares(v: &mut V, p: DataPath, f: &Factors) {
    v.num(p.field("land"), f.land, 0.0, 1.0, "a share");
    v.num(p.field("labour"), f.labour, 0.0, 1.0, "a share");
    v.num(p.field("capital"), f.capital, 0.0, 1.0, "a share");
    let sum = f.land + f.labour + f.capital;
    if sum.is_finite() && (sum - 1.0).abs() > 0.01 {
        v.err(
            p,
            format!("factor shares add up to {sum:.3}, not 1"),
            "make land + labour + capital = 1, e.g. (land: 0.05, labour: 0.6, capital: 0.35)".into(),
        );
    }
}

/// Problems in a commands file; ids are checked when the scenario is known.
pub fn commands_file(cmds: &[ScheduledCommand], scenario: Option<&Scenario>) -> Vec<Problem> {
    let ids = scenario.map(Ids::of);
    let mut v = V {
        ids: ids.as_ref(),
        out: Vec::new(),
    };
    for (i, c) in cmds.iter().enumerate() {
        let p = DataPath::root().index(i);
        if let Some(s) = scenario
            && i64::from(c.month) >= s.meta.months
        {
            v.err(
                p.field("month"),
                format!(
                    "month {} is after the scenario's last month ({})",
                    c.month,
                    s.meta.months - 1
                ),
                format!("write a month from 0 to {}", s.meta.months - 1),
            );
        }
        v.command(p, &c.by, &c.command);
    }
    v.out
}
