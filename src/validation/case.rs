//! A reference experiment as it is written in `validation/cases/*.ron`: the scenario and the
//! commands that make the experiment, the indicator read from the model, how the two runs are
//! compared, and the figure observed in the world with its source and acceptance band
//! (validation/README.md documents every field). `check` finds what parsing cannot: ids the
//! scenario lacks, a band upside down, a comparison that needs a run the case does not make.

use serde::Deserialize;

use crate::scenario::Scenario;
use crate::scenario::locate::DataPath;
use crate::scenario::validate::Problem;

/// One reference experiment.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Short id, unique among the cases; the table's first column.
    pub id: String,
    /// What the case measures, in a line.
    pub title: String,
    /// The scenario file, relative to the case file.
    pub scenario: String,
    /// Seed of both runs (default 1). The runs share it, so the demand and price shocks are
    /// the same in both and the difference is the intervention's doing.
    #[serde(default = "one")]
    pub seed: u64,
    /// The state the player leads: its timeline decisions do not fire (default: none).
    #[serde(default)]
    pub side: Option<String>,
    /// Whether the non-player governments act (default false: a clean experiment, nobody
    /// answers the intervention unless the commands say so).
    #[serde(default)]
    pub ai: bool,
    /// Whether the scenario's timeline events fire (default false: only the commands files
    /// move policy).
    #[serde(default)]
    pub timeline: bool,
    /// Commands file of the intervention run, relative to the case file (default: none, the
    /// scenario as written).
    #[serde(default)]
    pub intervention: Option<String>,
    /// Commands file of the baseline run (default: none, the scenario as written). Only the
    /// comparisons with a baseline make one.
    #[serde(default)]
    pub baseline: Option<String>,
    /// Months both runs last.
    pub months: u32,
    /// The model's figure is the mean over this many final months (default 1: the last).
    #[serde(default = "one_u32")]
    pub average_last: u32,
    pub indicator: Indicator,
    pub compare: Compare,
    /// The figure observed in the world, in the unit the comparison gives.
    pub observed: f64,
    /// The acceptance band [lo, hi]: the case passes when lo ≤ model ≤ hi.
    pub band: (f64, f64),
    /// Full citation of the observed figure.
    pub source: String,
    /// How the band was derived and what the case says about the model.
    pub note: String,
}

fn one() -> u64 {
    1
}
fn one_u32() -> u32 {
    1
}

/// What is read from the model, in a run, at the end of a month.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub enum Indicator {
    /// Real flow of `sectors` from the `from` states to `to` (bn USD/yr at base-year prices).
    /// `from: ["all"]` means every state but `to`.
    Imports {
        from: Vec<String>,
        to: String,
        sectors: Vec<String>,
    },
    /// Share (%) of the `suppliers` in `market`'s imports of `sectors` (its home sales left out).
    ImportShare {
        suppliers: Vec<String>,
        market: String,
        sectors: Vec<String>,
    },
    /// Buyer price index of `sector` in `market`, tariffs included (base 1).
    BuyerPrice { market: String, sector: String },
    /// Producer price of `state`'s `sector`, before any tariff (base 1).
    ProducerPrice { state: String, sector: String },
    /// What buyers in `to` pay for a unit of `from`'s `sector`: producer price × (1 + tariff) ×
    /// the premium of a binding quota or VER (base: 1 plus the base-month tariff).
    LandedPrice {
        from: String,
        to: String,
        sector: String,
    },
    /// Output (bn USD/yr) of the industries `state` hosts in `sectors`.
    Output { state: String, sectors: Vec<String> },
    /// Jobs (thousands) in the industries `state` hosts in `sectors` (every sector when empty).
    Employment {
        state: String,
        #[serde(default)]
        sectors: Vec<String>,
    },
    /// Consumer price index (base month 100).
    Cpi { state: String },
    /// Real income index (base month 100): a difference is in percent of base income.
    RealIncome { state: String },
    /// Quota and VER rents the state collects (bn USD/yr).
    QuotaRents { state: String },
}

/// How the model's figure is made from the runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum Compare {
    /// 100 × (intervention ÷ baseline − 1), month by month.
    PercentVsBaseline,
    /// intervention − baseline, in the indicator's unit.
    DifferenceVsBaseline,
    /// 100 × (value ÷ value before the first month − 1), in the intervention run.
    PercentVsStart,
    /// value − value before the first month, in the intervention run.
    DifferenceVsStart,
    /// The value itself, in the intervention run.
    Level,
    /// Share of the tariff change passed on to buyers: Δ ln(landed price) ÷ Δ ln(1 + tariff),
    /// intervention against baseline. Only with `LandedPrice`.
    PassThrough,
}

impl Compare {
    /// Whether the comparison needs a baseline run.
    pub fn needs_baseline(self) -> bool {
        matches!(
            self,
            Compare::PercentVsBaseline | Compare::DifferenceVsBaseline | Compare::PassThrough
        )
    }
    /// Whether it needs the value before the first month.
    pub fn needs_start(self) -> bool {
        matches!(self, Compare::PercentVsStart | Compare::DifferenceVsStart)
    }
}

/// Ids with the field that names each.
type Named<'a> = Vec<(&'static str, &'a String)>;

impl Indicator {
    /// The unit of a value or a difference of this indicator.
    pub fn unit(&self) -> &'static str {
        match self {
            Indicator::Imports { .. } | Indicator::Output { .. } | Indicator::QuotaRents { .. } => {
                "bn USD/yr"
            }
            Indicator::ImportShare { .. } => "%",
            Indicator::BuyerPrice { .. }
            | Indicator::ProducerPrice { .. }
            | Indicator::LandedPrice { .. } => "index",
            Indicator::Employment { .. } => "thousand jobs",
            Indicator::Cpi { .. } => "CPI points",
            Indicator::RealIncome { .. } => "% of income",
        }
    }

    /// The state and sector ids it names, each with the field that names it.
    fn ids(&self) -> (Named<'_>, Named<'_>) {
        let mut states: Named = Vec::new();
        let mut sectors: Named = Vec::new();
        match self {
            Indicator::Imports { from, to, sectors: s } => {
                states.extend(from.iter().filter(|f| *f != "all").map(|f| ("from", f)));
                states.push(("to", to));
                sectors.extend(s.iter().map(|x| ("sectors", x)));
            }
            Indicator::ImportShare {
                suppliers,
                market,
                sectors: s,
            } => {
                states.extend(suppliers.iter().map(|f| ("suppliers", f)));
                states.push(("market", market));
                sectors.extend(s.iter().map(|x| ("sectors", x)));
            }
            Indicator::BuyerPrice { market, sector } => {
                states.push(("market", market));
                sectors.push(("sector", sector));
            }
            Indicator::ProducerPrice { state, sector } => {
                states.push(("state", state));
                sectors.push(("sector", sector));
            }
            Indicator::LandedPrice { from, to, sector } => {
                states.push(("from", from));
                states.push(("to", to));
                sectors.push(("sector", sector));
            }
            Indicator::Output { state, sectors: s } | Indicator::Employment { state, sectors: s } => {
                states.push(("state", state));
                sectors.extend(s.iter().map(|x| ("sectors", x)));
            }
            Indicator::Cpi { state } | Indicator::RealIncome { state } | Indicator::QuotaRents { state } => {
                states.push(("state", state))
            }
        }
        (states, sectors)
    }
}

impl Case {
    /// The unit of the model's figure, of `observed` and of `band`.
    pub fn unit(&self) -> &'static str {
        match self.compare {
            Compare::PercentVsBaseline | Compare::PercentVsStart => "%",
            Compare::PassThrough => "ratio",
            _ => self.indicator.unit(),
        }
    }
}

fn problem(path: DataPath, message: String, hint: &str) -> Problem {
    Problem {
        path,
        message,
        hint: hint.to_string(),
    }
}

/// What is wrong with a parsed case on its own (ids are checked against the scenario in
/// `check_ids`, once the scenario is read).
pub fn check(c: &Case) -> Vec<Problem> {
    let root = DataPath::root();
    let mut out = Vec::new();
    for (name, text) in [
        ("id", &c.id),
        ("title", &c.title),
        ("source", &c.source),
        ("note", &c.note),
    ] {
        if text.trim().is_empty() {
            out.push(problem(
                root.field(name),
                format!("`{name}` is empty"),
                "every case says what it is, where its figure comes from and how its band was set",
            ));
        }
    }
    if c.months == 0 || c.months > 1200 {
        out.push(problem(
            root.field("months"),
            format!("months is {}, but a run lasts 1 to 1200 months", c.months),
            "write the length of both runs, e.g. months: 24",
        ));
    }
    if c.average_last == 0 || c.average_last > c.months.max(1) {
        out.push(problem(
            root.field("average_last"),
            format!(
                "average_last is {}, but the runs last {} months",
                c.average_last, c.months
            ),
            "average over 1 to `months` final months (1: the last month only)",
        ));
    }
    let (lo, hi) = c.band;
    if !(lo.is_finite() && hi.is_finite() && lo <= hi) {
        out.push(problem(
            root.field("band"),
            format!("the band ({lo}, {hi}) is not a range from low to high"),
            "write band: (LOW, HIGH) with LOW ≤ HIGH, in the unit of `observed`",
        ));
    }
    if !c.observed.is_finite() {
        out.push(problem(
            root.field("observed"),
            "observed is not a number".into(),
            "write the figure the source reports",
        ));
    }
    if c.compare.needs_baseline() && c.intervention.is_none() {
        out.push(problem(
            root.field("compare"),
            format!("{:?} sets an intervention run against a baseline, but the case has no `intervention`", c.compare),
            "add intervention: \"../commands/FILE.ron\", or compare with PercentVsStart, DifferenceVsStart or Level",
        ));
    }
    if !c.compare.needs_baseline() && c.baseline.is_some() {
        out.push(problem(
            root.field("baseline"),
            format!(
                "{:?} makes no baseline run, so its commands would never be used",
                c.compare
            ),
            "remove `baseline`, or compare with PercentVsBaseline, DifferenceVsBaseline or PassThrough",
        ));
    }
    if c.compare == Compare::PassThrough && !matches!(c.indicator, Indicator::LandedPrice { .. }) {
        out.push(problem(
            root.field("compare"),
            "PassThrough measures the tariff passed on in one flow's landed price".into(),
            "use it with indicator: LandedPrice(from: \"CHN\", to: \"USA\", sector: \"...\")",
        ));
    }
    out
}

/// Ids of the indicator the scenario does not define.
pub fn check_ids(c: &Case, s: &Scenario) -> Vec<Problem> {
    let path = DataPath::root().field("indicator");
    let states: Vec<&String> = s.states.iter().map(|x| &x.id).collect();
    let sectors: Vec<&String> = s.sectors.iter().map(|x| &x.id).collect();
    let mut out = Vec::new();
    let (ids_states, ids_sectors) = c.indicator.ids();
    for (field, id) in ids_states {
        if !states.contains(&id) {
            out.push(problem(
                path.field(field),
                format!("\"{id}\" is not a state of {}", s.meta.id),
                &format!("write one of: {}", quoted(&states)),
            ));
        }
    }
    for (field, id) in ids_sectors {
        if !sectors.contains(&id) {
            out.push(problem(
                path.field(field),
                format!("\"{id}\" is not a sector of {}", s.meta.id),
                &format!("write one of: {}", quoted(&sectors)),
            ));
        }
    }
    if let Indicator::Output { state, sectors: list } = &c.indicator {
        let hosted = s
            .industries
            .iter()
            .any(|i| &i.host == state && list.contains(&i.sector));
        if out.is_empty() && !hosted {
            out.push(problem(
                path.clone(),
                format!(
                    "{state} hosts no industry in {} in {}",
                    list.join(", "),
                    s.meta.id
                ),
                "name a state and sectors with `industries` in the scenario",
            ));
        }
    }
    if let Some(side) = &c.side
        && !states.contains(&side)
    {
        out.push(problem(
            DataPath::root().field("side"),
            format!("\"{side}\" is not a state of {}", s.meta.id),
            &format!("write one of: {}", quoted(&states)),
        ));
    }
    out
}

fn quoted(ids: &[&String]) -> String {
    ids.iter()
        .map(|x| format!("\"{x}\""))
        .collect::<Vec<_>>()
        .join(", ")
}
