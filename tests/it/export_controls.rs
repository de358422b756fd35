//! Export controls bite only as far as the coalition covers the world's supply: a lone control
//! leaks to third suppliers, a coordinated one does not (the 2022 U.S. chip controls needed
//! Japan and the Netherlands, who joined in 2023). Coercion raises the victim's risk score.

use tradecraft::command::Command;
use tradecraft::scenario::parse_scenario;
use tradecraft::sim::export_controls::ControlCoverage;
use tradecraft::sim::supply_chains::Risk;
use tradecraft::sim::*;

/// Five suppliers of chips (20, 30, 25, 15, 10 bn: S1 holds 20% of world sales, S1–S4 90%), each
/// selling 40% abroad to T, which makes a little itself. Capacity is hard to add (η = 1).
fn world() -> tradecraft::scenario::Scenario {
    let states = ["T", "S1", "S2", "S3", "S4", "S5"];
    let sales = [0.0, 20.0, 30.0, 25.0, 15.0, 10.0];
    let mut st = String::new();
    let mut tr = String::from("(from: \"T\", to: \"T\", sector: \"chips\", value: 5.0),\n");
    for (i, id) in states.iter().enumerate() {
        st += &format!(
            "(id: \"{id}\", name: \"{id}\", gdp: 1000.0, population: 10.0, endowments: (land: 1.0, labour: 5.0, capital: 500.0), doctrine: FreeTrader),\n"
        );
        if i > 0 {
            tr += &format!(
                "(from: \"{id}\", to: \"{id}\", sector: \"chips\", value: {}),\n",
                sales[i] * 0.6
            );
            tr += &format!(
                "(from: \"{id}\", to: \"T\", sector: \"chips\", value: {}),\n",
                sales[i] * 0.4
            );
        }
    }
    let src = format!(
        "(meta: (id: \"controls\", title: \"Controls\", start: \"2023-01\", months: 36, sides: [\"S1\"], description: \"\"),
          parameters: (demand_noise: 0.0, price_noise: 0.0),
          sectors: [(id: \"chips\", name: \"Chips\", elasticity: 3.0, supply_elasticity: 1.0, strategic: true,
                     intensity: (land: 0.0, labour: 0.4, capital: 0.6))],
          states: [{st}], trade: [{tr}])"
    );
    parse_scenario(&src, "controls").unwrap_or_else(|d| panic!("{d}"))
}

fn supply_after(controllers: &[&str]) -> (f64, f64) {
    let mut sim = Simulation::new(&world(), 1, None).unwrap();
    for c in controllers {
        let cmd = Command::ImposeExportControl {
            target: "T".into(),
            sector: "chips".into(),
        };
        sim.issue(c, cmd, Origin::Player);
    }
    sim.run(24);
    let cov = &sim.world().resource::<ControlCoverage>().0;
    assert_eq!(cov.len(), 1);
    (cov[0].coalition_share, cov[0].supply_ratio)
}

#[test]
fn a_lone_control_leaks_and_a_coalition_bites() {
    let (share_lone, supply_lone) = supply_after(&["S1"]);
    let (share_all, supply_all) = supply_after(&["S1", "S2", "S3", "S4"]);
    assert!((share_lone - 0.2).abs() < 1e-9 && (share_all - 0.9).abs() < 1e-9);
    let (lost_lone, lost_all) = (1.0 - supply_lone, 1.0 - supply_all);
    assert!(
        lost_lone > 0.0 && lost_lone < 0.1,
        "lone control: T lost {lost_lone}"
    );
    assert!(lost_all > 0.3, "coalition: T lost {lost_all}");
    assert!(
        lost_all > 4.0 * lost_lone,
        "coalition {lost_all} vs lone {lost_lone}"
    );
}

#[test]
fn coercion_raises_the_victims_risk_toward_the_coercer() {
    let mut sim = Simulation::new(&world(), 1, None).unwrap();
    sim.issue(
        "S2",
        Command::ImposeExportControl {
            target: "T".into(),
            sector: "chips".into(),
        },
        Origin::Ai,
    );
    sim.run(12);
    let r = sim.world().resource::<Risk>();
    let (t, s2, s3) = (0, 2, 3);
    assert!(r.excess(t, s2) > 0.2, "T's risk on S2 {}", r.excess(t, s2));
    assert!(r.excess(t, s3).abs() < 1e-9, "others unaffected");
}
