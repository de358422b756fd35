//! Checks beyond parsing: ids that point nowhere, duplicate ids, quantities that are negative,
//! NaN, infinite or out of range, shares outside [0, 1]. Each problem carries the path of the
//! value so the loader can give its line and column.

use std::collections::BTreeSet;

use super::locate::DataPath;
use super::schema::*;
use crate::command::{Command, ScheduledCommand};

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
            legal_bases: s
                .timeline
                .iter()
                .flat_map(|e| &e.effects)
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
        self.state(path.field("by"), by);
        let p = path.field("command");
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

/// Every problem in a parsed scenario (empty when it is valid).
pub fn scenario(s: &Scenario) -> Vec<Problem> {
    let ids = Ids::of(s);
    let mut v = V {
        ids: Some(&ids),
        out: Vec::new(),
    };
    let root = DataPath::root();

    // meta
    let m = root.field("meta");
    if s.meta.id.trim().is_empty() {
        v.err(
            m.field("id"),
            "meta.id is empty".into(),
            "write a short id such as \"2025_tariff_shock\"".into(),
        );
    }
    if parse_year_month(&s.meta.start).is_none() {
        v.err(
            m.field("start"),
            format!("meta.start \"{}\" is not a year and month", s.meta.start),
            "write the first month as \"YYYY-MM\", e.g. \"2025-01\"".into(),
        );
    }
    if s.meta.months <= 0 || s.meta.months > MAX_MONTHS {
        v.err(
            m.field("months"),
            format!(
                "meta.months is {}, but a scenario lasts 1 to {MAX_MONTHS} months",
                s.meta.months
            ),
            "write the length in months, e.g. months: 36".into(),
        );
    }
    if s.meta.sides.is_empty() {
        v.err(
            m.field("sides"),
            "meta.sides is empty: nobody can play this scenario".into(),
            "list the state ids the player may lead, e.g. sides: [\"JPN\", \"USA\"]".into(),
        );
    }
    for (i, side) in s.meta.sides.iter().enumerate() {
        let p = m.field("sides").index(i);
        if !ids.states.contains(side) {
            v.err(
                p,
                format!("side \"{side}\" is not a state of this scenario"),
                format!("write one of the state ids: {}", list(&ids.states.list)),
            );
        }
    }
    if let Some(poles) = &s.meta.poles {
        v.state(m.field("poles").field("plus"), &poles.plus);
        v.state(m.field("poles").field("minus"), &poles.minus);
    }

    // parameters
    let p = root.field("parameters");
    let pr = &s.parameters;
    let rates: [(&str, f64, f64, f64); 41] = [
        ("elasticity", pr.elasticity, 1.01, 20.0),
        ("adjustment_rate", pr.adjustment_rate, 0.001, 1.0),
        ("employment_half_life", pr.employment_half_life, 0.1, 240.0),
        ("supply_elasticity", pr.supply_elasticity, 0.1, 1000.0),
        ("price_adjustment", pr.price_adjustment, 0.001, 1.0),
        ("price_noise", pr.price_noise, 0.0, 0.5),
        ("relocation_threshold", pr.relocation_threshold, 0.0, 10.0),
        ("relocation_rate", pr.relocation_rate, 0.0, 1.0),
        ("relocation_cost", pr.relocation_cost, 0.0, 100.0),
        ("demand_noise", pr.demand_noise, 0.0, 0.5),
        ("trust_default", pr.trust_default, 0.0, 1.0),
        ("trust_recovery", pr.trust_recovery, 0.0, 1.0),
        ("public_trust_loss", pr.public_trust_loss, 0.0, 1.0),
        ("ceiling_step", pr.ceiling_step, 0.0, 1.0),
        ("salience_decay", pr.salience_decay, 0.0, 1.0),
        ("escalation_threshold", pr.escalation_threshold, 0.0, 10.0),
        ("panel_months", pr.panel_months, 1.0, 120.0),
        ("alignment_rate", pr.alignment_rate, 0.0, 1.0),
        ("capital_refill", pr.capital_refill, 0.0, 100.0),
        ("approval_reversion", pr.approval_reversion, 0.0, 1.0),
        ("approval_income", pr.approval_income, 0.0, 10.0),
        ("approval_inflation", pr.approval_inflation, 0.0, 10.0),
        ("approval_jobs", pr.approval_jobs, 0.0, 10.0),
        ("approval_lobby", pr.approval_lobby, 0.0, 1.0),
        ("approval_rally", pr.approval_rally, 0.0, 1.0),
        ("audience_cost", pr.audience_cost, 0.0, 1.0),
        ("deal_trust", pr.deal_trust, 0.0, 1.0),
        ("accession_threshold", pr.accession_threshold, 0.0, 3.0),
        ("holdout_pressure_step", pr.holdout_pressure_step, 0.0, 1.0),
        ("investment_capacity", pr.investment_capacity, 0.0, 10.0),
        ("escalation_lobby", pr.escalation_lobby, 0.0, 10.0),
        ("escalation_salience", pr.escalation_salience, 0.0, 10.0),
        ("escalation_heat", pr.escalation_heat, 0.0, 10.0),
        ("escalation_retaliation", pr.escalation_retaliation, 0.0, 10.0),
        ("escalation_working_level", pr.escalation_working_level, 0.0, 10.0),
        ("escalation_calm", pr.escalation_calm, 0.0, 10.0),
        ("escalation_time", pr.escalation_time, 0.0, 10.0),
        ("panel_leak", pr.panel_leak, 0.0, 1.0),
        ("private_friction", pr.private_friction, 0.0, 1.0),
        ("tariff_friction", pr.tariff_friction, 0.0, 1.0),
        ("holdout_resentment", pr.holdout_resentment, 0.0, 1.0),
    ];
    for (name, val, lo, hi) in rates {
        v.num(p.field(name), val, lo, hi, &format!("parameters.{name}"));
    }

    // ids
    check_ids(&mut v, &s.sectors, "sectors", "sector", |x| &x.id);
    check_ids(&mut v, &s.states, "states", "state", |x| &x.id);
    check_ids(&mut v, &s.industries, "industries", "industry", |x| &x.id);
    check_ids(&mut v, &s.lobbies, "lobbies", "lobby", |x| &x.id);
    check_ids(&mut v, &s.measures, "measures", "measure", |x| &x.id);
    check_ids(&mut v, &s.disputes, "disputes", "dispute", |x| &x.id);
    check_ids(&mut v, &s.frameworks, "frameworks", "framework", |x| &x.id);
    check_ids(&mut v, &s.acquisitions, "acquisitions", "acquisition", |x| &x.id);
    check_ids(&mut v, &s.timeline, "timeline", "event", |x| &x.id);
    check_ids(&mut v, &s.objectives, "objectives", "objective", |x| &x.id);
    if s.states.is_empty() {
        v.err(
            root.field("states"),
            "the scenario has no states".into(),
            "add at least two states".into(),
        );
    }
    if s.sectors.is_empty() {
        v.err(
            root.field("sectors"),
            "the scenario has no sectors".into(),
            "add at least one sector".into(),
        );
    }

    // sectors
    for (i, sec) in s.sectors.iter().enumerate() {
        let p = root.field("sectors").index(i);
        if let Some(e) = sec.elasticity {
            v.num(
                p.field("elasticity"),
                e,
                1.01,
                20.0,
                "an elasticity of substitution",
            );
        }
        factor_shares(&mut v, p.field("intensity"), &sec.intensity);
        let mut total = 0.0;
        for (j, inp) in sec.inputs.iter().enumerate() {
            let q = p.field("inputs").index(j);
            v.sector(q.field("sector"), &inp.sector, false);
            v.num(q.field("share"), inp.share, 0.0, 1.0, "a cost share");
            total += inp.share;
        }
        if total >= 1.0 {
            v.err(
                p.field("inputs"),
                format!(
                    "the input shares of sector \"{}\" add up to {total}, leaving no value added",
                    sec.id
                ),
                "make the input cost shares add up to less than 1".into(),
            );
        }
    }

    // states
    let frameworks = ids.frameworks.clone();
    for (i, st) in s.states.iter().enumerate() {
        let p = root.field("states").index(i);
        v.num(
            p.field("gdp"),
            st.gdp,
            0.001,
            MAX_VALUE * 10.0,
            "GDP in bn USD (positive)",
        );
        v.num(
            p.field("population"),
            st.population,
            0.0,
            1.0e4,
            "population in millions",
        );
        let e = p.field("endowments");
        v.num(
            e.field("land"),
            st.endowments.land,
            0.0,
            1.0e4,
            "land in millions of hectares",
        );
        v.num(
            e.field("labour"),
            st.endowments.labour,
            0.0,
            1.0e4,
            "labour in millions of workers",
        );
        v.num(
            e.field("capital"),
            st.endowments.capital,
            0.0,
            MAX_VALUE * 10.0,
            "capital in bn USD",
        );
        v.num(p.field("alignment"), st.alignment, -1.0, 1.0, "an alignment");
        v.num(p.field("approval"), st.approval, 0.0, 1.0, "an approval share");
        for (j, code) in st.map.iter().enumerate() {
            if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
                v.err(
                    p.field("map").index(j),
                    format!("map code \"{code}\" is not an ISO 3166 alpha-3 code"),
                    "write three capital letters, e.g. \"DEU\" for Germany".into(),
                );
            }
        }
        let mut seen = BTreeSet::new();
        for (j, f) in st.memberships.iter().enumerate() {
            let q = p.field("memberships").index(j);
            v.reference(q.clone(), f, &frameworks, "framework", false);
            if !seen.insert(f) {
                v.err(
                    q,
                    format!("{} lists framework \"{f}\" twice", st.id),
                    "delete the repeated id".into(),
                );
            }
        }
    }

    // trade
    let mut flows = BTreeSet::new();
    for (i, fl) in s.trade.iter().enumerate() {
        let p = root.field("trade").index(i);
        v.state(p.field("from"), &fl.from);
        v.state(p.field("to"), &fl.to);
        v.sector(p.field("sector"), &fl.sector, false);
        v.num(
            p.field("value"),
            fl.value,
            0.0,
            MAX_VALUE,
            "a yearly value in bn USD",
        );
        if !flows.insert((&fl.from, &fl.to, &fl.sector)) {
            v.err(
                p,
                format!(
                    "the flow {} → {} in {} is listed twice",
                    fl.from, fl.to, fl.sector
                ),
                "add the values into one entry".into(),
            );
        }
    }

    // industries
    for (i, ind) in s.industries.iter().enumerate() {
        let p = root.field("industries").index(i);
        v.state(p.field("owner"), &ind.owner);
        v.state(p.field("host"), &ind.host);
        v.sector(p.field("sector"), &ind.sector, false);
        v.num(
            p.field("output"),
            ind.output,
            0.0,
            MAX_VALUE,
            "output in bn USD a year",
        );
        v.num(
            p.field("employment"),
            ind.employment,
            0.0,
            1.0e6,
            "employment in thousands",
        );
        if let Some(c) = ind.capacity {
            let lo = if ind.output.is_finite() {
                ind.output.max(0.0)
            } else {
                0.0
            };
            v.num(
                p.field("capacity"),
                c,
                lo,
                MAX_VALUE,
                "a capacity at least equal to output",
            );
        }
    }

    // lobbies
    for (i, l) in s.lobbies.iter().enumerate() {
        let p = root.field("lobbies").index(i);
        v.state(p.field("state"), &l.state);
        for (j, sec) in l.sectors.iter().enumerate() {
            v.sector(p.field("sectors").index(j), sec, false);
        }
        v.num(p.field("members"), l.members, 0.0, 1.0e6, "members in thousands");
        v.num(
            p.field("organisation"),
            l.organisation,
            0.0,
            1.0,
            "an organisation level",
        );
    }

    // measures
    for (i, me) in s.measures.iter().enumerate() {
        let p = root.field("measures").index(i);
        v.state(p.field("by"), &me.by);
        v.reference(p.field("target"), &me.target, &ids.states, "state", true);
        if me.target == me.by {
            v.err(
                p.field("target"),
                format!("measure \"{}\" is aimed by {} at itself", me.id, me.by),
                "write a partner's id, or \"all\", as the target".into(),
            );
        }
        v.sector(p.field("sector"), &me.sector, true);
        match me.kind {
            MeasureKind::Tariff(r) => v.num(
                p.field("kind").index(0),
                r,
                0.0,
                MAX_TARIFF,
                "a tariff rate (0.25 = 25%)",
            ),
            MeasureKind::Quota(q) | MeasureKind::Ver(q) => v.num(
                p.field("kind").index(0),
                q,
                0.0,
                MAX_VALUE,
                "a yearly volume in bn USD",
            ),
            MeasureKind::ExportControl => {}
        }
    }

    // disputes
    for (i, d) in s.disputes.iter().enumerate() {
        let p = root.field("disputes").index(i);
        v.state(p.field("complainant"), &d.complainant);
        v.state(p.field("respondent"), &d.respondent);
        if d.complainant == d.respondent {
            v.err(
                p.field("respondent"),
                format!("dispute \"{}\" has the same state on both sides", d.id),
                "a dispute is between two different states".into(),
            );
        }
        for (j, sec) in d.sectors.iter().enumerate() {
            v.sector(p.field("sectors").index(j), sec, false);
        }
        v.num(p.field("salience"), d.salience, 0.0, 1.0, "a salience");
    }

    // frameworks
    for (i, f) in s.frameworks.iter().enumerate() {
        let p = root.field("frameworks").index(i);
        for (j, a) in f.applicants.iter().enumerate() {
            let q = p.field("applicants").index(j);
            v.state(q.clone(), a);
            if s.states
                .iter()
                .any(|st| &st.id == a && st.memberships.contains(&f.id))
            {
                v.err(
                    q,
                    format!("{a} applies to {} but is already a member", f.id),
                    format!(
                        "remove \"{a}\" from applicants or \"{}\" from its memberships",
                        f.id
                    ),
                );
            }
        }
        for (j, sec) in f.excluded_sectors.iter().enumerate() {
            v.sector(p.field("excluded_sectors").index(j), sec, false);
        }
    }

    // acquisitions
    for (i, a) in s.acquisitions.iter().enumerate() {
        let p = root.field("acquisitions").index(i);
        v.state(p.field("acquirer"), &a.acquirer);
        v.reference(p.field("target"), &a.target, &ids.industries, "industry", false);
        v.num(
            p.field("value"),
            a.value,
            0.0,
            MAX_VALUE,
            "a deal value in bn USD",
        );
        v.num(
            p.field("investment"),
            a.investment,
            0.0,
            MAX_VALUE,
            "an investment pledge in bn USD",
        );
    }

    // relations
    let mut pairs = BTreeSet::new();
    for (i, r) in s.relations.iter().enumerate() {
        let p = root.field("relations").index(i);
        v.state(p.field("from"), &r.from);
        v.state(p.field("to"), &r.to);
        v.num(p.field("trust"), r.trust, 0.0, 1.0, "a trust level");
        if let Some(c) = r.ceiling {
            let lo = if r.trust.is_finite() {
                r.trust.clamp(0.0, 1.0)
            } else {
                0.0
            };
            v.num(
                p.field("ceiling"),
                c,
                lo,
                1.0,
                "a ceiling at least equal to trust",
            );
        }
        if r.from == r.to {
            v.err(
                p.field("to"),
                format!("relation of {} with itself", r.from),
                "name two different states".into(),
            );
        }
        if !pairs.insert((&r.from, &r.to)) {
            v.err(
                p,
                format!("the relation {} → {} is listed twice", r.from, r.to),
                "keep one entry".into(),
            );
        }
    }

    // timeline
    let start = parse_year_month(&s.meta.start);
    for (i, e) in s.timeline.iter().enumerate() {
        let p = root.field("timeline").index(i);
        match (parse_year_month(&e.date), start) {
            (None, _) => v.err(
                p.field("date"),
                format!("event date \"{}\" is not a year and month", e.date),
                "write \"YYYY-MM\", e.g. \"2025-03\"".into(),
            ),
            (Some(d), Some(st)) if (1..=MAX_MONTHS).contains(&s.meta.months) => {
                let offset = month_offset(st, d);
                if offset < 0 || offset >= s.meta.months {
                    v.err(
                        p.field("date"),
                        format!(
                            "event \"{}\" on {} falls outside the scenario's months",
                            e.id, e.date
                        ),
                        format!(
                            "write a date from {} on, within {} months",
                            s.meta.start, s.meta.months
                        ),
                    );
                }
            }
            _ => {}
        }
        match &e.kind {
            EventKind::Decision(by) => v.state(p.field("kind").index(0), by),
            EventKind::Conditional(c) => {
                v.condition(p.field("kind").index(0), c, &ids);
                // A move of a playable side is what `answers` is for: the tests then check that
                // the event does not fire when that side does nothing.
                if let Some(side) = c.waits_for().iter().find(|x| s.meta.sides.contains(x)) {
                    v.err(
                        p.field("kind").index(0),
                        format!(
                            "event \"{}\" waits for a move of {side}, a playable side, in its `kind`",
                            e.id
                        ),
                        "write `kind: Exogenous` (or `Decision(...)` of the state that answers) and put the condition in `answers: ...`".into(),
                    );
                }
            }
            EventKind::Exogenous => {}
        }
        if let Some(c) = &e.answers {
            v.condition(p.field("answers"), c, &ids);
        }
        for (j, ef) in e.effects.iter().enumerate() {
            let fp = p.field("effects").index(j);
            v.command(fp.clone(), &ef.by, &ef.command);
            let Some(basis) = &ef.legal_basis else {
                continue;
            };
            let lp = fp.field("legal_basis");
            match &ef.command {
                _ if basis.trim().is_empty() => v.err(
                    lp,
                    "legal_basis is empty".into(),
                    "name the law or order, e.g. legal_basis: \"IEEPA\", or leave the field out".into(),
                ),
                Command::SetTariff { .. } | Command::SetQuota { .. } => {}
                Command::RemoveTariff { .. } | Command::RemoveQuota { .. } => {
                    let set = ids.legal_bases.contains(&(ef.by.clone(), basis.clone()))
                        || s.measures
                            .iter()
                            .any(|m| m.by == ef.by && &m.legal_basis == basis);
                    if !set {
                        v.err(
                            lp,
                            format!(
                                "no measure of {} has legal basis \"{basis}\", so there is nothing to remove",
                                ef.by
                            ),
                            "write the legal_basis of the effect or start measure that put it in force"
                                .into(),
                        );
                    }
                }
                other => v.err(
                    lp,
                    format!("legal_basis does not apply to {}", other.name()),
                    "give it only to SetTariff, RemoveTariff, SetQuota or RemoveQuota, or leave it out"
                        .into(),
                ),
            }
        }
    }

    // briefings and history
    for (i, b) in s.meta.briefings.iter().enumerate() {
        if !s.meta.sides.contains(&b.side) {
            v.err(
                m.field("briefings").index(i).field("side"),
                format!("briefing for \"{}\", which is not a playable side", b.side),
                format!("write one of meta.sides: {}", list(&s.meta.sides)),
            );
        }
    }
    for (i, st) in s.meta.tutorial.iter().enumerate() {
        let p = m.field("tutorial").index(i);
        if let Some(side) = &st.side
            && !s.meta.sides.contains(side)
        {
            v.err(
                p.field("side"),
                format!("tutorial step for \"{side}\", which is not a playable side"),
                format!("write one of meta.sides: {}", list(&s.meta.sides)),
            );
        }
        let u = p.field("until");
        match &st.until {
            StepGoal::Month(n) => {
                if i64::from(*n) >= s.meta.months {
                    v.err(
                        u.index(0),
                        format!(
                            "month {n} is after the scenario's last month ({})",
                            s.meta.months - 1
                        ),
                        format!("write a month from 0 to {}", s.meta.months - 1),
                    );
                }
            }
            StepGoal::Issued(name) => {
                if !COMMAND_NAMES.contains(&name.as_str()) {
                    v.err(
                        u.index(0),
                        format!("\"{name}\" is not a command"),
                        format!("write one of: {}", COMMAND_NAMES.join(", ")),
                    );
                }
            }
            StepGoal::Settled(d) => {
                let disputes = ids.disputes.clone();
                v.reference(u.index(0), d, &disputes, "dispute", false);
            }
        }
    }
    let h = root.field("history");
    for (i, e) in s.history.events.iter().enumerate() {
        if parse_year_month(&e.date).is_none() {
            v.err(
                h.field("events").index(i).field("date"),
                format!("history date \"{}\" is not a year and month", e.date),
                "write \"YYYY-MM\"".into(),
            );
        }
    }
    for (i, se) in s.history.series.iter().enumerate() {
        for (j, pt) in se.points.iter().enumerate() {
            let q = h.field("series").index(i).field("points").index(j);
            if parse_year_month(&pt.date).is_none() {
                v.err(
                    q.field("date"),
                    format!("history date \"{}\" is not a year and month", pt.date),
                    "write \"YYYY-MM\"".into(),
                );
            }
            v.num(q.field("value"), pt.value, -MAX_VALUE, MAX_VALUE, "a value");
        }
    }

    // objectives
    for (i, o) in s.objectives.iter().enumerate() {
        let p = root.field("objectives").index(i);
        if !s.meta.sides.contains(&o.side) {
            v.err(
                p.field("side"),
                format!(
                    "objective \"{}\" is for \"{}\", which is not a playable side",
                    o.id, o.side
                ),
                format!("write one of meta.sides: {}", list(&s.meta.sides)),
            );
        }
        v.num(p.field("weight"), o.weight, 0.0, 1000.0, "a weight");
        let k = p.field("kind");
        match &o.kind {
            ObjectiveKind::ApprovalFloor(x) => v.num(k.index(0), *x, 0.0, 1.0, "an approval level"),
            ObjectiveKind::NoPublicConfrontation => {}
            ObjectiveKind::TrustAbove { of, at_least } => {
                v.state(k.field("of"), of);
                v.num(k.field("at_least"), *at_least, 0.0, 1.0, "a trust level");
            }
            ObjectiveKind::ApplicantBlocked { framework, applicant } => {
                v.reference(k.field("framework"), framework, &frameworks, "framework", false);
                v.state(k.field("applicant"), applicant);
            }
            ObjectiveKind::MemberAtEnd { framework, state } => {
                v.reference(k.field("framework"), framework, &frameworks, "framework", false);
                v.state(k.field("state"), state);
            }
            ObjectiveKind::SectorJobs { sector, at_least } => {
                v.sector(k.field("sector"), sector, false);
                v.num(
                    k.field("at_least"),
                    *at_least,
                    0.0,
                    2.0,
                    "a ratio to the starting jobs",
                );
            }
            ObjectiveKind::WelfareAtLeast(x) => v.num(
                k.index(0),
                *x,
                0.0,
                1000.0,
                "a real-income index (100 at the start)",
            ),
            ObjectiveKind::DisputeSettled(d) => {
                let disputes = ids.disputes.clone();
                v.reference(k.index(0), d, &disputes, "dispute", false);
            }
            ObjectiveKind::AverageAtLeast { indicator, at_least } => {
                if !super::STATE_INDICATORS.contains(&indicator.as_str()) {
                    v.err(
                        k.field("indicator"),
                        format!("\"{indicator}\" is not an indicator recorded for every state"),
                        format!("write one of: {}", super::STATE_INDICATORS.join(", ")),
                    );
                }
                v.num(k.field("at_least"), *at_least, -MAX_VALUE, MAX_VALUE, "a value");
            }
        }
    }
    v.out
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
