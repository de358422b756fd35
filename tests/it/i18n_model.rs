//! The model's own sentences in Japanese (src/sim): every cause's reason, every headline, every
//! order's label, result and refusal, every answer of a government and every objective's detail
//! a Japanese player can read, over the 2019 and 2025 scenarios played with orders that go
//! through and orders that are refused (and 1981's, for its objective on an average), has no
//! English word.

use std::collections::BTreeSet;

use tradecraft::command::{Channel, Command, Offer, ScheduledCommand, TariffCut, Tone};
use tradecraft::i18n::{self, Lang};
use tradecraft::sim::resources::{Causes, CommandLog, News, Origin};

use crate::common::english_words;

/// Every text of the model's a Japanese player can read now, with where it is from.
fn model_texts(sim: &mut tradecraft::sim::Simulation, sides: &[&str]) -> Vec<(String, String)> {
    let w = sim.world_mut();
    let names: std::collections::BTreeMap<String, String> = tradecraft::sim::lookup::all_names(w)
        .into_iter()
        .map(|(id, n)| (id, i18n::local_in(Lang::Ja, &n)))
        .collect();
    let name = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_string());
    let mut out = Vec::new();
    for c in &w.resource::<Causes>().0 {
        out.push((
            format!("cause {} {} ({})", c.subject, c.indicator, c.because),
            c.because.text_in(Lang::Ja),
        ));
    }
    for n in &w.resource::<News>().0 {
        out.push((format!("news ({})", n.text_en()), n.text_in(Lang::Ja)));
    }
    for e in &w.resource::<CommandLog>().0 {
        let what = format!("order {:?} by {}", e.issued.command, e.issued.by);
        // The orders panel lists a side's own orders (an inject is the teacher's, named by its
        // title on the console: a team's screens never issue one).
        if sides.contains(&e.issued.by.as_str()) && !matches!(e.issued.command, Command::Inject { .. }) {
            out.push((what.clone(), e.issued.command.label_in(Lang::Ja, &name)));
        }
        if let Some(r) = &e.rejected {
            out.push((format!("{what}: refused ({r})"), i18n::local_in(Lang::Ja, r)));
        }
        if e.issued.origin == Origin::Ai {
            out.push((
                format!("{what}: reason ({})", e.issued.reason),
                i18n::local_in(Lang::Ja, &e.issued.reason),
            ));
        }
    }
    for side in sides {
        if let Some(score) = tradecraft::sim::objectives::score(w, side) {
            for o in &score.objectives {
                out.push((
                    format!("objective {} ({})", o.id, o.detail),
                    o.detail_in(Lang::Ja),
                ));
            }
        }
    }
    out
}

/// Sentences the runs must meet (in the English the records hold), so the check covers them: a
/// CPI's tariffs, a measure's label, the acquisition's verdict, refusals of every kind.
const MUST_MEET: &[&str] = &[
    "CPI ",
    "tariffs in force and what each weighs",
    "sales of ",
    "jobs in ",
    "'s tariffs of ",
    "conditions on ",
    "approved, with conditions",
    "courted by ",
    "won protection",
    "relief won: ",
    "has no tariff on ",
    "has no quota on ",
    "has no restraint on ",
    "has no export control on ",
    "already controls ",
    "cannot fire an inject",
    "the teacher fires injects only",
    "has already been fired",
    "has not applied to ",
    "cannot court itself",
    "conditions come with an approval",
    "does not review ",
    "averaged ",
];

/// What a run met: the English words (one line for each kind of text), how many texts were
/// read, how many orders were refused, and which of `MUST_MEET` it met.
struct Met {
    english: BTreeSet<(String, String)>,
    seen: usize,
    refused: usize,
    met: BTreeSet<&'static str>,
}

/// Run `level` as `side` in Japanese with `orders`, for `months`, and say every English word met.
fn english_met(level: &str, side: Option<&str>, orders: Vec<ScheduledCommand>, months: u32) -> Met {
    let path = format!("{}/levels/{level}", env!("CARGO_MANIFEST_DIR"));
    let s = tradecraft::scenario::load_scenario(std::path::Path::new(&path)).unwrap();
    let mut sim = tradecraft::sim::Simulation::new(&s, 3, side).unwrap();
    sim.schedule(orders);
    let sides: Vec<&str> = s.meta.sides.iter().map(|x| x.as_str()).collect();
    let mut english = BTreeSet::new();
    let mut met = BTreeSet::new();
    let mut seen = 0;
    for until in [months / 2, months] {
        while sim.month() < until {
            sim.step();
        }
        for (from, text) in model_texts(&mut sim, &sides) {
            seen += 1;
            met.extend(MUST_MEET.iter().copied().filter(|m| from.contains(m)));
            // No state id: a Japanese sentence names its states.
            let words = english_words(&text, &[]);
            if !words.is_empty() {
                // One line for each kind of text (its figures left out).
                let kind: String = text.chars().filter(|c| !c.is_ascii_digit()).collect();
                if english.iter().all(|(k, _)| *k != kind) {
                    english.insert((kind, format!("{words:?} in {text:?}\n    from {from}")));
                }
            }
        }
    }
    let refused = sim
        .world()
        .resource::<CommandLog>()
        .0
        .iter()
        .filter(|e| e.rejected.is_some())
        .count();
    Met {
        english,
        seen,
        refused,
        met,
    }
}

fn order(month: u32, by: &str, command: Command) -> ScheduledCommand {
    ScheduledCommand {
        month,
        by: by.into(),
        command,
    }
}

fn trade(target: &str, sector: &str) -> (String, String) {
    (target.into(), sector.into())
}

/// Orders of every kind the 2019 scenario allows Japan, some refused.
fn orders_2019() -> Vec<ScheduledCommand> {
    let (t, s) = trade("CHN", "steel");
    vec![
        order(
            1,
            "JPN",
            Command::OpenNegotiation {
                dispute: "auto_232".into(),
                channel: Channel::WorkingLevel,
                scope: vec![],
                excluded: vec![],
            },
        ),
        // Refused: nothing to remove, lift or fire.
        order(
            1,
            "JPN",
            Command::RemoveTariff {
                target: t.clone(),
                sector: s.clone(),
            },
        ),
        order(
            1,
            "JPN",
            Command::RemoveQuota {
                target: "USA".into(),
                sector: "autos".into(),
            },
        ),
        order(
            1,
            "JPN",
            Command::LiftRestraint {
                target: "USA".into(),
                sector: "autos".into(),
            },
        ),
        order(
            1,
            "JPN",
            Command::LiftExportControl {
                target: t.clone(),
                sector: "autos".into(),
            },
        ),
        order(
            1,
            "JPN",
            Command::Inject {
                id: "ruling_now".into(),
            },
        ),
        order(1, "teacher", Command::Court { target: "KOR".into() }),
        order(
            2,
            "JPN",
            Command::Statement {
                dispute: "steel_232".into(),
                tone: Tone::Conciliatory,
            },
        ),
        order(
            2,
            "JPN",
            Command::VoteOnApplicant {
                framework: "CPTPP".into(),
                applicant: "KOR".into(),
                support: true,
            },
        ),
        order(
            3,
            "JPN",
            Command::MakeOffer {
                dispute: "farm_access".into(),
                channel: Channel::Ministerial,
                offer: Offer {
                    tariff_cuts: vec![TariffCut {
                        sector: "agriculture".into(),
                        rate: 0.2,
                    }],
                    purchases: 2.0,
                    ..Offer::default()
                },
            },
        ),
        order(
            3,
            "JPN",
            Command::SetTariff {
                target: t.clone(),
                sector: s.clone(),
                rate: 0.25,
            },
        ),
        order(
            3,
            "JPN",
            Command::SetQuota {
                target: t.clone(),
                sector: "agriculture".into(),
                volume: 1.5,
                voluntary: false,
            },
        ),
        order(
            3,
            "JPN",
            Command::SetQuota {
                target: "KOR".into(),
                sector: "autos".into(),
                volume: 0.5,
                voluntary: true,
            },
        ),
        order(
            3,
            "JPN",
            Command::RestrainExports {
                target: "USA".into(),
                sector: "autos".into(),
                volume: 30.0,
            },
        ),
        order(
            4,
            "JPN",
            Command::ImposeExportControl {
                target: t.clone(),
                sector: "autos".into(),
            },
        ),
        order(
            4,
            "JPN",
            Command::ImposeExportControl {
                target: t.clone(),
                sector: "autos".into(),
            },
        ),
        order(5, "JPN", Command::Court { target: "KOR".into() }),
        order(5, "JPN", Command::Court { target: "JPN".into() }),
        order(
            6,
            "JPN",
            Command::Statement {
                dispute: "auto_232".into(),
                tone: Tone::Hostile,
            },
        ),
        order(
            7,
            "JPN",
            Command::SetTariff {
                target: "all".into(),
                sector: "all".into(),
                rate: 0.05,
            },
        ),
        order(
            9,
            "JPN",
            Command::LiftRestraint {
                target: "USA".into(),
                sector: "autos".into(),
            },
        ),
        order(
            10,
            "JPN",
            Command::RemoveTariff {
                target: t.clone(),
                sector: s.clone(),
            },
        ),
        order(
            10,
            "JPN",
            Command::FileDispute {
                dispute: "auto_232".into(),
            },
        ),
    ]
}

/// Orders in the 2025 scenario as the United States: the acquisition reviewed with conditions,
/// Japan's review refused, an inject fired twice.
fn orders_2025() -> Vec<ScheduledCommand> {
    vec![
        order(
            1,
            "JPN",
            Command::ReviewAcquisition {
                acquisition: "nippon_us_steel".into(),
                approve: true,
                conditions: false,
            },
        ),
        order(
            1,
            "USA",
            Command::ReviewAcquisition {
                acquisition: "nippon_us_steel".into(),
                approve: true,
                conditions: true,
            },
        ),
        order(
            2,
            "USA",
            Command::ReviewAcquisition {
                acquisition: "nippon_us_steel".into(),
                approve: false,
                conditions: false,
            },
        ),
        order(
            2,
            "USA",
            Command::ReviewAcquisition {
                acquisition: "nippon_us_steel".into(),
                approve: false,
                conditions: true,
            },
        ),
        order(
            3,
            "teacher",
            Command::Inject {
                id: "ruling_now".into(),
            },
        ),
        order(
            4,
            "teacher",
            Command::Inject {
                id: "ruling_now".into(),
            },
        ),
        order(
            5,
            "USA",
            Command::VoteOnApplicant {
                framework: "CPTPP".into(),
                applicant: "MEX".into(),
                support: true,
            },
        ),
        order(
            6,
            "USA",
            Command::SetTariff {
                target: "JPN".into(),
                sector: "autos".into(),
                rate: 0.4,
            },
        ),
        order(6, "USA", Command::Court { target: "VNM".into() }),
    ]
}

#[test]
fn the_model_speaks_japanese_in_2019_and_2025() {
    let _ja = i18n::on_this_thread(Lang::Ja);
    let mut english = BTreeSet::new();
    let (mut seen, mut refused, mut met) = (0, 0, BTreeSet::new());
    for (level, side, orders, months) in [
        ("2019_trade_agreement.ron", Some("JPN"), orders_2019(), 24),
        ("2025_tariff_shock.ron", Some("USA"), orders_2025(), 24),
        ("2025_tariff_shock.ron", None, vec![], 36),
        // An objective on an average (quota rents), and voluntary restraints.
        ("1981_auto_restraint.ron", None, vec![], 24),
    ] {
        let run = english_met(level, side, orders, months);
        english.extend(run.english.into_iter().map(|(_, x)| format!("{level}: {x}")));
        seen += run.seen;
        refused += run.refused;
        met.extend(run.met);
    }
    assert!(seen > 1000, "only {seen} texts");
    assert!(refused >= 10, "only {refused} orders refused");
    let missed: Vec<&&str> = MUST_MEET.iter().filter(|m| !met.contains(*m)).collect();
    assert!(missed.is_empty(), "the runs never met {missed:?}");
    assert!(
        english.is_empty(),
        "{} English texts in Japanese:\n{}",
        english.len(),
        english.into_iter().collect::<Vec<_>>().join("\n")
    );
}
