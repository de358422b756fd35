//! The player's economy in the view: sectors, the charted sector and its partners, measures
//! in force, plants across borders.

use bevy::prelude::*;

use super::rows::*;
use crate::scenario::MeasureKind;
use crate::sim::*;

/// The player's economy by sector: the table, the chart of one sector, the measures in force
/// and the plants across borders.
pub(super) struct EconomyView;

pub(super) type EconomyParts = (
    Vec<SectorRow>,
    Option<SectorChart>,
    Vec<MeasureRow>,
    Vec<PlantRow>,
);

impl EconomyView {
    pub(super) fn of(world: &mut World, reg: &Registry, p: usize, chart: Option<&str>) -> EconomyParts {
        let clock = world.resource::<Clock>().clone();
        let (n, k) = (reg.n(), reg.k());
        let mut q = world.query::<&Industry>();
        let industries: Vec<Industry> = q.iter(world).cloned().collect();
        let t = world.resource::<Trade>();
        let rows: Vec<SectorRow> = (0..k)
            .map(|s| {
                let price = t.price[p * k + s];
                let exports: f64 = (0..n).filter(|&i| i != p).map(|i| t.flow[t.at(i, p, s)]).sum();
                let imports: f64 = (0..n)
                    .filter(|&j| j != p)
                    .map(|j| t.flow[t.at(p, j, s)] * t.price[j * k + s])
                    .sum();
                let (jobs, jobs0) = industries
                    .iter()
                    .filter(|i| i.host == p && i.sector == s)
                    .fold((0.0, 0.0), |(a, b), i| (a + i.employment, b + i.employment0));
                SectorRow {
                    id: reg.sectors[s].clone(),
                    name: reg.sector_names[s].clone(),
                    exports: exports * price,
                    imports,
                    price,
                    jobs,
                    jobs0,
                }
            })
            .collect();
        let me = &reg.states[p];
        let history = world.resource::<History>();
        let chart = chart.map(|sector| {
            let series = |ind: &str| history.series(me, ind).map(|(_, v)| v).unwrap_or_default();
            let mut exports: Vec<f64> = Vec::new();
            for j in (0..n).filter(|&j| j != p) {
                let v = series(&format!("exports:{}:{sector}", reg.states[j]));
                if exports.len() < v.len() {
                    exports.resize(v.len(), 0.0);
                }
                for (a, b) in exports.iter_mut().zip(v) {
                    *a += if b.is_nan() { 0.0 } else { b };
                }
            }
            let mut partners: Vec<(String, f64, f64)> = reg
                .sector(sector)
                .map(|s| {
                    (0..n)
                        .filter(|&j| j != p)
                        .map(|j| {
                            (
                                reg.states[j].clone(),
                                t.flow[t.at(j, p, s)] * t.price[p * k + s],
                                t.flow[t.at(p, j, s)] * t.price[j * k + s],
                            )
                        })
                        .filter(|(_, x, m)| x + m > 0.05)
                        .collect()
                })
                .unwrap_or_default();
            partners.sort_by(|a, b| (b.1 + b.2).total_cmp(&(a.1 + a.2)).then(a.0.cmp(&b.0)));
            SectorChart {
                sector: sector.to_string(),
                exports,
                price: series(&format!("price:{sector}")),
                jobs: series(&format!("employment:{sector}")),
                partners,
            }
        });
        let mut q = world.query::<&Measure>();
        let mut measures: Vec<MeasureRow> = q
            .iter(world)
            .filter(|m| m.by == p || m.target.is_none_or(|t| t == p))
            .map(|m| MeasureRow {
                // A self-imposed restraint is the exporter's (`target`) on its sales to `by`.
                by: reg.states[if m.self_imposed {
                    m.target.unwrap_or(m.by)
                } else {
                    m.by
                }]
                .clone(),
                target: if m.self_imposed {
                    reg.states[m.by].clone()
                } else {
                    m.target.map_or("all".into(), |t| reg.states[t].clone())
                },
                sector: m
                    .sector
                    .map_or("all sectors".into(), |s| reg.sector_names[s].clone()),
                what: match m.kind {
                    // A negative tariff is a trade agreement's carve-out below a broader rate.
                    MeasureKind::Tariff(r) if r < 0.0 => {
                        format!("{:.1} points off the broader tariff (a deal)", -r * 100.0)
                    }
                    MeasureKind::Tariff(r) => format!("tariff {:.1}%", r * 100.0),
                    MeasureKind::Quota(v) => format!("quota {v:.1} bn/yr"),
                    MeasureKind::Ver(v) if m.self_imposed => {
                        format!("export restraint {v:.1} bn/yr (self-imposed)")
                    }
                    MeasureKind::Ver(v) => format!("VER {v:.1} bn/yr"),
                    MeasureKind::ExportControl => "export control".into(),
                },
                legal_basis: m.legal_basis.clone(),
                since: if m.initial {
                    "before the start".into()
                } else {
                    clock.date_of(m.since)
                },
                mine: if m.self_imposed {
                    m.target == Some(p)
                } else {
                    m.by == p
                },
            })
            .collect();
        measures.sort_by(|a, b| {
            (!a.mine, &a.by, &a.target, &a.sector).cmp(&(!b.mine, &b.by, &b.target, &b.sector))
        });
        let mut plants: Vec<PlantRow> = industries
            .iter()
            .filter(|i| i.owner != i.host && (i.owner == p || i.host == p))
            .map(|i| PlantRow {
                name: i.name.clone(),
                owner: reg.states[i.owner].clone(),
                host: reg.states[i.host].clone(),
                sector: reg.sector_names[i.sector].clone(),
                output: if i.output0 > 0.0 {
                    i.output / i.output0
                } else {
                    1.0
                },
                jobs: i.employment,
            })
            .collect();
        plants.sort_by(|a, b| (&a.owner, &a.host, &a.name).cmp(&(&b.owner, &b.host, &b.name)));
        (rows, chart, measures, plants)
    }
}
