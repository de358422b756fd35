//! Generated worlds of any size, for benchmarks and soak tests: dense bilateral trade by a
//! gravity rule (flows fall with distance on a ring, rise with both economies' size), random
//! but seeded, so a size and a seed always give the same world.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::scenario::*;

pub fn world(states: usize, sectors: usize, seed: u64) -> Scenario {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let id = |i: usize| format!("S{i:03}");
    let sector_ids: Vec<String> = (0..sectors).map(|s| format!("k{s:02}")).collect();
    let gdp: Vec<f64> = (0..states)
        .map(|_| libm::pow(10.0, rng.random_range(1.5..4.3)))
        .collect();
    let mut trade = Vec::new();
    for (s, sid) in sector_ids.iter().enumerate() {
        for i in 0..states {
            let spend = gdp[i] * 0.02 * (1.0 + (s % 5) as f64 * 0.1);
            trade.push(FlowDef {
                from: id(i),
                to: id(i),
                sector: sid.clone(),
                value: spend * 0.7,
            });
            for j in 0..states {
                if i == j {
                    continue;
                }
                let d = (i.abs_diff(j)).min(states - i.abs_diff(j)) as f64 + 1.0;
                let v = spend * 0.3 * gdp[j] / gdp.iter().sum::<f64>() * states as f64 / libm::sqrt(d) * 0.2;
                trade.push(FlowDef {
                    from: id(j),
                    to: id(i),
                    sector: sid.clone(),
                    value: v * rng.random_range(0.5..1.5),
                });
            }
        }
    }
    let half = states / 2;
    Scenario {
        meta: Meta {
            title_ja: None,
            description_ja: None,
            id: format!("generated_{states}x{sectors}"),
            title: format!("Generated world of {states} states and {sectors} sectors"),
            start: "2025-01".into(),
            months: 1200,
            sides: vec![id(0)],
            description: "A generated world for benchmarks and soak tests.".into(),
            poles: (states > 1).then(|| Poles {
                plus: id(0),
                minus: id(1),
            }),
            briefings: vec![],
            tutorial: vec![],
        },
        parameters: Parameters::default(),
        sectors: sector_ids
            .iter()
            .enumerate()
            .map(|(s, sid)| SectorDef {
                name_ja: None,
                id: sid.clone(),
                name: format!("Sector {s}"),
                elasticity: Some(2.5 + (s % 4) as f64 * 0.5),
                supply_elasticity: None,
                intensity: Factors {
                    land: 0.1,
                    labour: 0.3 + (s % 5) as f64 * 0.1,
                    capital: 0.6 - (s % 5) as f64 * 0.1,
                },
                strategic: s % 7 == 0,
                inputs: if s > 0 {
                    vec![InputShare {
                        sector: sector_ids[s - 1].clone(),
                        share: 0.1,
                    }]
                } else {
                    vec![]
                },
            })
            .collect(),
        states: (0..states)
            .map(|i| StateDef {
                name_ja: None,
                leader_ja: None,
                id: id(i),
                name: format!("State {i}"),
                gdp: gdp[i],
                population: gdp[i] / 20.0,
                endowments: Factors {
                    land: 10.0,
                    labour: gdp[i] / 50.0,
                    capital: gdp[i] * 3.0,
                },
                doctrine: [
                    Doctrine::FreeTrader,
                    Doctrine::Hedger,
                    Doctrine::Protectionist,
                    Doctrine::Coercer,
                ][i % 4],
                alignment: if i == 1 {
                    -1.0
                } else if i == 0 {
                    1.0
                } else {
                    rng.random_range(-0.8..0.8)
                },
                approval: 0.5,
                memberships: if i < half { vec!["FTA".into()] } else { vec![] },
                map: vec![],
                leader: String::new(),
                system: None,
                elections: vec![],
            })
            .collect(),
        trade,
        industries: (0..states)
            .map(|i| IndustryDef {
                name_ja: None,
                id: format!("ind{i:03}"),
                name: format!("Industry {i}"),
                owner: id(i),
                host: id(i),
                sector: sector_ids[i % sectors].clone(),
                output: gdp[i] * 0.01,
                employment: gdp[i] * 0.05,
                capacity: None,
            })
            .collect(),
        lobbies: (0..states)
            .map(|i| LobbyDef {
                name_ja: None,
                id: format!("lobby{i:03}"),
                name: format!("Lobby {i}"),
                state: id(i),
                kind: LobbyKind::Union,
                sectors: vec![sector_ids[i % sectors].clone()],
                factor: Factor::Labour,
                members: 100.0,
                organisation: 0.5,
            })
            .collect(),
        measures: (0..states.min(20))
            .map(|i| MeasureDef {
                legal_basis_ja: None,
                id: format!("m{i}"),
                by: id(i),
                target: ALL.into(),
                sector: sector_ids[i % sectors].clone(),
                kind: MeasureKind::Tariff(0.05),
                legal_basis: "MFN".into(),
                source: "generated".into(),
            })
            .collect(),
        disputes: (2..states.min(12))
            .map(|i| DisputeDef {
                title_ja: None,
                id: format!("d{i}"),
                title: format!("Dispute {i}"),
                complainant: id(i),
                respondent: id(0),
                sectors: vec![sector_ids[i % sectors].clone()],
                rung: Rung::WorkingLevel,
                salience: 0.2,
            })
            .collect(),
        frameworks: vec![FrameworkDef {
            name_ja: None,
            id: "FTA".into(),
            name: "Free trade area".into(),
            kind: FrameworkKind::Regional,
            applicants: if states > 1 { vec![id(states - 1)] } else { vec![] },
            excluded_sectors: vec![],
        }],
        acquisitions: vec![],
        relations: vec![],
        timeline: vec![],
        injects: vec![],
        objectives: vec![],
        history: HistoryDef::default(),
    }
}
