//! The player's economy in the view: sectors, the charted sector and its partners, measures
//! in force, plants across borders, strategic inputs and the output caps they set.

use bevy::prelude::*;

use super::rows::*;
use crate::scenario::MeasureKind;
use crate::sim::*;

/// The player's economy by sector: the table, the chart of one sector, the measures in force
/// and the plants across borders.
pub(super) struct EconomyView;

#[derive(Default)]
pub(super) struct EconomyParts {
    pub(super) rows: Vec<SectorRow>,
    pub(super) chart: Option<SectorChart>,
    pub(super) measures: Vec<MeasureRow>,
    pub(super) plants: Vec<PlantRow>,
    pub(super) inputs: Vec<InputRow>,
    pub(super) caps: Vec<CapRow>,
}

/// A cap this close to 1 shows as 100%: not worth a line.
const CAP_SHOWN: f64 = 0.995;

/// The player's strategic inputs (supply, stock, need) and the sectors they cap, from the
/// model's `Bottlenecks` (empty when the scenario marks no input strategic).
fn bottlenecks_of(world: &World, reg: &Registry, p: usize) -> (Vec<InputRow>, Vec<CapRow>) {
    let k = reg.k();
    let Some(b) = world.get_resource::<crate::sim::strategic_inputs::Bottlenecks>() else {
        return Default::default();
    };
    let at = |v: &[f64], l: usize, or: f64| v.get(p * k + l).copied().unwrap_or(or);
    let inputs: Vec<InputRow> = (0..k)
        .filter(|&l| reg.strategic[l])
        .map(|l| InputRow {
            id: reg.sectors[l].clone(),
            name: crate::i18n::local(&reg.sector_names[l]),
            available: at(&b.available, l, 1.0),
            stock: at(&b.stock, l, 0.0),
            need: at(&b.need, l, 1.0),
        })
        .collect();
    let sales0 = &world.resource::<Trade>().sales0;
    let caps = (0..k)
        .filter(|&s| b.cap(p, k, s) < CAP_SHOWN && sales0.get(p * k + s).is_some_and(|x| *x > 0.0))
        .map(|s| {
            // The input in shortest supply against its need is the one that binds.
            let input = reg
                .strategic_inputs(s)
                .min_by(|&x, &y| {
                    let short = |l| at(&b.available, l, 1.0) / at(&b.need, l, 1.0).max(1e-9);
                    short(x).total_cmp(&short(y))
                })
                .map_or_else(String::new, |l| crate::i18n::local(&reg.sector_names[l]));
            CapRow {
                sector: reg.sectors[s].clone(),
                name: crate::i18n::local(&reg.sector_names[s]),
                cap: b.cap(p, k, s),
                input,
            }
        })
        .collect();
    (inputs, caps)
}

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
                    name: crate::i18n::local(&reg.sector_names[s]),
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
                sector: m.sector.map_or_else(
                    || crate::tr!("view-all-sectors"),
                    |s| crate::i18n::local(&reg.sector_names[s]),
                ),
                what: match m.kind {
                    // A negative tariff is a trade agreement's carve-out below a broader rate.
                    MeasureKind::Tariff(r) if r < 0.0 => {
                        crate::tr!("view-measure-carve-out", points = format!("{:.1}", -r * 100.0))
                    }
                    MeasureKind::Tariff(r) => {
                        crate::tr!("view-measure-tariff", rate = format!("{:.1}", r * 100.0))
                    }
                    MeasureKind::Quota(v) => {
                        crate::tr!("view-measure-quota", volume = super::bn_amount(v, 1))
                    }
                    MeasureKind::Ver(v) if m.self_imposed => {
                        crate::tr!("view-measure-restraint", volume = super::bn_amount(v, 1))
                    }
                    MeasureKind::Ver(v) => crate::tr!("view-measure-ver", volume = super::bn_amount(v, 1)),
                    MeasureKind::ExportControl => crate::tr!("view-measure-export-control"),
                },
                legal_basis: legal_basis(&m.legal_basis),
                since: if m.initial {
                    crate::tr!("view-before-the-start")
                } else {
                    crate::i18n::format::month_label(crate::i18n::lang(), &clock.date_of(m.since))
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
                name: crate::i18n::local(&i.name),
                owner: reg.states[i.owner].clone(),
                host: reg.states[i.host].clone(),
                sector: crate::i18n::local(&reg.sector_names[i.sector]),
                output: if i.output0 > 0.0 {
                    i.output / i.output0
                } else {
                    1.0
                },
                jobs: i.employment,
            })
            .collect();
        plants.sort_by(|a, b| (&a.owner, &a.host, &a.name).cmp(&(&b.owner, &b.host, &b.name)));
        let (inputs, caps) = bottlenecks_of(world, reg, p);
        EconomyParts {
            rows,
            chart,
            measures,
            plants,
            inputs,
            caps,
        }
    }
}

/// A measure's legal basis as the screens name it: the model's own defaults (an order without a
/// named basis) from the message files, a scenario's through `local`.
fn legal_basis(basis: &str) -> String {
    let key = match basis {
        "executive order" => "view-basis-executive-order",
        "import quota" => "view-basis-import-quota",
        "voluntary export restraint" => "view-basis-ver",
        "voluntary export restraint (self-imposed)" => "view-basis-ver-self-imposed",
        "export control" => "view-basis-export-control",
        "trade agreement" => "view-basis-trade-agreement",
        other => return crate::i18n::local(other),
    };
    crate::tr!(key)
}
