//! Filling a world from a scenario: entities for the agents, dense resources for flows and
//! trust, and the calibration that makes the base month reproduce the scenario's flows.

use bevy_ecs::prelude::*;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::*;
use crate::scenario::validate::{month_offset, parse_year_month};
use crate::scenario::{ALL, MeasureDef, Scenario};

/// Marks every entity the model owns, so a restore can clear them.
#[derive(Component, Debug, Clone, Copy, Default)]
pub struct SimEntity;

pub fn build(world: &mut World, s: &Scenario, seed: u64, player: Option<&str>) -> Result<(), String> {
    let problems = crate::scenario::validate::scenario(s);
    if let Some(p) = problems.first() {
        return Err(format!("invalid scenario at {}: {}", p.path, p.message));
    }
    let registry = registry(s);
    let player = match player {
        Some(p) => Some(registry.state(p).ok_or_else(|| {
            format!(
                "\"{p}\" is not a state of this scenario; sides: {:?}",
                s.meta.sides
            )
        })?),
        None => None,
    };
    let (y, m) = parse_year_month(&s.meta.start).ok_or("bad start date")?;
    world.insert_resource(Clock {
        month: 0,
        start_year: y,
        start_month: m,
        length: s.meta.months as u32,
    });
    world.insert_resource(Params(s.parameters.clone()));
    world.insert_resource(Seed(seed));
    world.insert_resource(SimRng(ChaCha8Rng::seed_from_u64(seed)));
    world.insert_resource(Control {
        player,
        ai: true,
        also: Vec::new(),
    });
    world.insert_resource(PendingCommands::default());
    world.insert_resource(Script::default());
    world.insert_resource(CommandLog::default());
    world.insert_resource(Causes::default());
    world.insert_resource(News::default());
    world.insert_resource(History::default());
    world.insert_resource(MeasureSerial::default());
    world.insert_resource(Wedges::default());
    world.insert_resource(ScenarioDef(s.clone()));
    world.insert_resource(timeline(s, (y, m)));
    world.insert_resource(relations(s, &registry));
    world.insert_resource(super::export_controls::ControlCoverage::default());
    world.insert_resource(super::explain::Reported::default());
    world.insert_resource(super::objectives::FinalScores::default());

    // Agents.
    let mut entities = Vec::new();
    for (idx, st) in s.states.iter().enumerate() {
        let e = world
            .spawn((
                SimEntity,
                Country {
                    idx,
                    id: st.id.clone(),
                    name: st.name.clone(),
                    doctrine: st.doctrine,
                    gdp0: st.gdp,
                    population: st.population,
                    endowments: st.endowments,
                },
                Economy {
                    // The jobs the scenario gives, so the first screen is not blank before
                    // the first month has run (the month recomputes them).
                    employment: s
                        .industries
                        .iter()
                        .filter(|i| i.host == st.id)
                        .map(|i| i.employment)
                        .fold(0.0, |a, b| a + b),
                    ..Economy::default()
                },
                Mood {
                    approval0: st.approval,
                    last_welfare: 100.0,
                    last_cpi: 100.0,
                    last_jobs: -1.0,
                },
                Politics {
                    approval: st.approval,
                    capital: s.parameters.new_leader_capital,
                    alignment: st.alignment,
                    alignment0: st.alignment,
                    baseline: None,
                    leader: st.leader.clone(),
                    months_below: 0,
                    succession: None,
                },
            ))
            .id();
        entities.push(e);
    }
    let mut reg = registry;
    reg.entities = entities;
    for ind in &s.industries {
        world.spawn((
            SimEntity,
            Industry {
                id: ind.id.clone(),
                name: ind.name.clone(),
                owner: reg.state(&ind.owner).unwrap_or(0),
                host: reg.state(&ind.host).unwrap_or(0),
                sector: reg.sector(&ind.sector).unwrap_or(0),
                output: ind.output,
                output0: ind.output,
                capacity: ind.capacity.unwrap_or(ind.output * 1.15),
                capacity0: ind.capacity.unwrap_or(ind.output * 1.15),
                employment: ind.employment,
                employment0: ind.employment,
            },
        ));
    }
    for l in &s.lobbies {
        world.spawn((
            SimEntity,
            Lobby {
                id: l.id.clone(),
                name: l.name.clone(),
                state: reg.state(&l.state).unwrap_or(0),
                kind: l.kind,
                sectors: l.sectors.iter().filter_map(|x| reg.sector(x)).collect(),
                factor: l.factor,
                members: l.members,
                organisation: l.organisation,
                grievance: 0.0,
                pressure: 0.0,
                wins: 0,
                last_win: None,
            },
        ));
    }
    let mut serial = 0;
    for me in &s.measures {
        world.spawn((SimEntity, measure(&reg, me, serial, 0)));
        serial += 1;
    }
    world.resource_mut::<MeasureSerial>().0 = serial;
    for d in &s.disputes {
        world.spawn((
            SimEntity,
            Dispute::open(
                d.id.clone(),
                d.title.clone(),
                reg.state(&d.complainant).unwrap_or(0),
                reg.state(&d.respondent).unwrap_or(0),
                d.sectors.iter().filter_map(|x| reg.sector(x)).collect(),
                d.rung,
                d.salience,
            ),
        ));
    }
    for f in &s.frameworks {
        let members = s
            .states
            .iter()
            .enumerate()
            .filter(|(_, st)| st.memberships.contains(&f.id))
            .map(|(i, _)| i)
            .collect();
        world.spawn((
            SimEntity,
            Framework {
                id: f.id.clone(),
                name: f.name.clone(),
                kind: f.kind,
                members,
                applicants: f
                    .applicants
                    .iter()
                    .filter_map(|a| reg.state(a))
                    .map(|state| Applicant {
                        state,
                        declared: Vec::new(),
                        votes: Vec::new(),
                        holdout_pressure: 0.0,
                        stances: Vec::new(),
                        courted: Vec::new(),
                        baseline: Vec::new(),
                    })
                    .collect(),
                excluded_sectors: f.excluded_sectors.iter().filter_map(|x| reg.sector(x)).collect(),
            },
        ));
    }
    for a in &s.acquisitions {
        let reviewer = s
            .industries
            .iter()
            .find(|i| i.id == a.target)
            .and_then(|i| reg.state(&i.host))
            .unwrap_or(0);
        world.spawn((
            SimEntity,
            Acquisition {
                id: a.id.clone(),
                title: a.title.clone(),
                acquirer: reg.state(&a.acquirer).unwrap_or(0),
                target: a.target.clone(),
                reviewer,
                value: a.value,
                investment: a.investment,
                status: AcquisitionStatus::Pending,
            },
        ));
    }
    world.insert_resource(reg);
    // Trade last: its calibration reads the measures in force.
    let trade = super::trade::calibrate(world, s);
    world.insert_resource(trade);
    let reg = world.resource::<Registry>().clone();
    let wedges = super::wedges::wedges_now(world, &reg);
    let align: Vec<f64> = s.states.iter().map(|x| x.alignment).collect();
    let risk = super::supply_chains::baseline(
        &s.parameters,
        reg.n(),
        reg.k(),
        &wedges,
        world.resource::<Relations>(),
        &align,
    );
    world.insert_resource(risk);
    world.insert_resource(MarketTotals::default());
    world.insert_resource(super::strategic_inputs::Bottlenecks::new(
        reg.n(),
        reg.k(),
        s.parameters.strategic_stock_months,
    ));
    Ok(())
}

/// Build `s` afresh in a world that may hold another game (the game window's new game, a
/// class team joining): the old world's entities go first. People lead `sides` (the first is
/// the player's; none: every state is AI), as in `Simulation::with_sides`.
pub fn rebuild(world: &mut World, s: &Scenario, seed: u64, sides: &[String]) -> Result<(), String> {
    let mut q = world.query_filtered::<Entity, With<SimEntity>>();
    for e in q.iter(world).collect::<Vec<_>>() {
        world.despawn(e);
    }
    build(world, s, seed, sides.first().map(String::as_str))?;
    lead_also(world, sides.get(1..).unwrap_or_default())
}

/// People take over `sides` now (a class game that starts later in the scenario: the months
/// before ran on history and the AI). The first is the player's; the AI's moves queued for them
/// are dropped.
pub fn hand_over(world: &mut World, sides: &[String]) -> Result<(), String> {
    let player = match sides.first() {
        Some(p) => Some(
            world
                .resource::<Registry>()
                .state(p)
                .ok_or_else(|| format!("\"{p}\" is not a state of this scenario"))?,
        ),
        None => None,
    };
    world.resource_mut::<Control>().player = player;
    lead_also(world, sides.get(1..).unwrap_or_default())?;
    world
        .resource_mut::<PendingCommands>()
        .0
        .retain(|c| !sides.contains(&c.by));
    Ok(())
}

/// People lead these states too, beside the player's side (`Control::also`: a class game or
/// hotseat). Each must be a state of the scenario, named once, and not the player's.
pub fn lead_also(world: &mut World, ids: &[String]) -> Result<(), String> {
    let reg = world.resource::<Registry>();
    let player = world.resource::<Control>().player;
    let mut also = Vec::new();
    for id in ids {
        let i = reg.state(id).ok_or_else(|| {
            let sides = world
                .get_resource::<ScenarioDef>()
                .map(|d| d.0.meta.sides.clone());
            format!(
                "\"{id}\" is not a state of this scenario; sides: {:?}",
                sides.unwrap_or_default()
            )
        })?;
        if player == Some(i) || also.contains(&i) {
            return Err(format!("\"{id}\" is named twice as a side people lead"));
        }
        also.push(i);
    }
    world.resource_mut::<Control>().also = also;
    Ok(())
}

/// A measure from its scenario definition. Ids were validated, so lookups succeed.
pub fn measure(reg: &Registry, me: &MeasureDef, serial: u64, since: u32) -> Measure {
    Measure {
        serial,
        id: me.id.clone(),
        by: reg.state(&me.by).unwrap_or(0),
        target: if me.target == ALL {
            None
        } else {
            reg.state(&me.target)
        },
        sector: if me.sector == ALL {
            None
        } else {
            reg.sector(&me.sector)
        },
        kind: me.kind.clone(),
        legal_basis: me.legal_basis.clone(),
        source: me.source.clone(),
        since,
        initial: true,
        self_imposed: false,
    }
}

fn registry(s: &Scenario) -> Registry {
    let k = s.sectors.len();
    let sector = |id: &str| s.sectors.iter().position(|x| x.id == id);
    let mut io = vec![0.0; k * k];
    for (a, sec) in s.sectors.iter().enumerate() {
        for inp in &sec.inputs {
            if let Some(b) = sector(&inp.sector) {
                io[a * k + b] += inp.share;
            }
        }
    }
    let state = |id: &str| s.states.iter().position(|x| x.id == id);
    let uses = (0..k)
        .map(|a| {
            (0..k)
                .filter(|&b| io[a * k + b] != 0.0)
                .map(|b| (b, io[a * k + b]))
                .collect()
        })
        .collect();
    // Id → index of a list of ids.
    fn index<'a>(
        ids: impl Iterator<Item = &'a String>,
    ) -> std::sync::Arc<std::collections::BTreeMap<String, usize>> {
        std::sync::Arc::new(ids.enumerate().map(|(i, x)| (x.clone(), i)).collect())
    }
    Registry {
        states: std::sync::Arc::new(s.states.iter().map(|x| x.id.clone()).collect()),
        state_names: std::sync::Arc::new(s.states.iter().map(|x| x.name.clone()).collect()),
        sectors: std::sync::Arc::new(s.sectors.iter().map(|x| x.id.clone()).collect()),
        sector_names: std::sync::Arc::new(s.sectors.iter().map(|x| x.name.clone()).collect()),
        sigma: s
            .sectors
            .iter()
            .map(|x| x.elasticity.unwrap_or(s.parameters.elasticity))
            .collect(),
        eta: s
            .sectors
            .iter()
            .map(|x| x.supply_elasticity.unwrap_or(s.parameters.supply_elasticity))
            .collect(),
        intensity: s
            .sectors
            .iter()
            .map(|x| [x.intensity.land, x.intensity.labour, x.intensity.capital])
            .collect(),
        uses,
        strategic: s.sectors.iter().map(|x| x.strategic).collect(),
        poles: s
            .meta
            .poles
            .as_ref()
            .and_then(|p| Some((state(&p.plus)?, state(&p.minus)?))),
        entities: Vec::new(),
        state_index: index(s.states.iter().map(|x| &x.id)),
        sector_index: index(s.sectors.iter().map(|x| &x.id)),
    }
}

fn relations(s: &Scenario, reg: &Registry) -> Relations {
    let n = reg.n();
    let mut r = Relations {
        n,
        trust: vec![s.parameters.trust_default; n * n],
        // Relations start at rest: trust is at its ceiling unless the scenario says otherwise.
        ceiling: vec![s.parameters.trust_default; n * n],
        trust0: Vec::new(),
    };
    for i in 0..n {
        let ii = r.at(i, i);
        r.trust[ii] = 1.0;
        r.ceiling[ii] = 1.0;
    }
    for rel in &s.relations {
        if let (Some(a), Some(b)) = (reg.state(&rel.from), reg.state(&rel.to)) {
            let ab = r.at(a, b);
            r.trust[ab] = rel.trust;
            r.ceiling[ab] = rel.ceiling.unwrap_or(rel.trust).max(rel.trust);
        }
    }
    r.trust0 = r.trust.clone();
    r
}

fn timeline(s: &Scenario, start: (i32, u32)) -> Timeline {
    let events: Vec<(u32, crate::scenario::EventDef)> = s
        .timeline
        .iter()
        .filter_map(|e| {
            let d = parse_year_month(&e.date)?;
            let m = month_offset(start, d);
            (m >= 0).then(|| (m as u32, e.clone()))
        })
        .collect();
    Timeline {
        fired: vec![false; events.len()],
        events,
        injects: s.injects.clone(),
        injected: Vec::new(),
    }
}
