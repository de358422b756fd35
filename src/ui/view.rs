//! A read-only picture of the world for the panels: plain data, built once per frame, so a
//! panel is a pure function of it and can be tested without a GPU.

use bevy::prelude::*;

use crate::scenario::{MeasureKind, Rung};
use crate::sim::*;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct StateRow {
    pub id: String,
    pub name: String,
    pub cpi: f64,
    pub employment: f64,
    pub welfare: f64,
    pub approval: f64,
    /// Political capital of its leader.
    pub capital: f64,
    pub alignment: f64,
    /// Trust of this state toward the player, and of the player toward it.
    pub trust_in_player: f64,
    pub trust_from_player: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DisputeRow {
    pub id: String,
    pub title: String,
    pub parties: (String, String),
    pub rung: Rung,
    pub salience: f64,
    pub open: bool,
    pub involves_player: bool,
    /// The other side has an offer on the table that the player can accept.
    pub offer_for_player: bool,
    pub sectors: Vec<String>,
    /// Last month's escalation pressure, term by term.
    pub pressure: Pressure,
    /// The channel talks run in, if any.
    pub channel: Option<String>,
    /// Months left before a dispute-settlement panel rules (0: no panel).
    pub panel_left: u32,
    /// The other side's offer to the player, in words.
    pub their_offer: Option<String>,
    /// Tariffs between the player and the other side, per sector: (sector id, the player's on
    /// them, theirs on the player). Empty when the player is not a party.
    pub rates: Vec<(String, f64, f64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NewsRow {
    pub date: String,
    pub headline: String,
    pub quote: Option<String>,
    /// Id of what it is about (a state, a dispute, an event).
    pub about: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LobbyRow {
    pub id: String,
    pub name: String,
    pub state: String,
    pub sectors: Vec<String>,
    pub sector_ids: Vec<String>,
    pub grievance: f64,
    pub organisation: f64,
    pub pressure: f64,
    pub wins: u32,
}

/// One sector of the player's economy.
#[derive(Debug, Clone, PartialEq)]
pub struct SectorRow {
    pub id: String,
    pub name: String,
    /// Exports and imports this month, bn USD/yr at current producer prices.
    pub exports: f64,
    pub imports: f64,
    /// Producer price, base 1.
    pub price: f64,
    /// Jobs at home in the sector (thousands) and at the start.
    pub jobs: f64,
    pub jobs0: f64,
}

/// A trade measure in force that the player imposes or faces.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureRow {
    pub by: String,
    pub target: String,
    pub sector: String,
    pub what: String,
    pub legal_basis: String,
    pub since: String,
    /// The player imposes it (else the player's exporters face it).
    pub mine: bool,
}

/// A plant: owned by one state, producing in another.
#[derive(Debug, Clone, PartialEq)]
pub struct PlantRow {
    pub name: String,
    pub owner: String,
    pub host: String,
    pub sector: String,
    /// Output relative to the start (1 = unchanged).
    pub output: f64,
    pub jobs: f64,
}

/// A trade framework and where its applicants stand.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameworkRow {
    pub id: String,
    pub name: String,
    pub members: Vec<String>,
    pub player_member: bool,
    /// (applicant, members in favour, members, the player's current stance if a member).
    pub applicants: Vec<(String, usize, usize, Option<bool>)>,
}

/// A foreign acquisition under review.
#[derive(Debug, Clone, PartialEq)]
pub struct AcquisitionRow {
    pub id: String,
    pub title: String,
    pub acquirer: String,
    pub reviewer: String,
    pub value: f64,
    /// Investment pledged if approved, bn USD.
    pub investment: f64,
    /// "pending", "approved" or "blocked".
    pub status: String,
    pub player_reviews: bool,
    /// What the verdict did, in words (empty while pending).
    pub outcome: String,
}

/// The chart of one sector over the months so far: exports (bn USD/yr), price, jobs (k).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SectorChart {
    pub sector: String,
    pub exports: Vec<f64>,
    pub price: Vec<f64>,
    pub jobs: Vec<f64>,
    /// This month, by partner, largest first: (partner, exports to it, imports from it), bn
    /// USD/yr at current producer prices. Whom a tariff in this sector would hit.
    pub partners: Vec<(String, f64, f64)>,
}

/// A historical value beside this run's: (date, history, this run).
pub type HistoryPointRow = (String, f64, Option<f64>);

#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct View {
    pub title: String,
    pub date: String,
    pub month: u32,
    pub length: u32,
    /// The scenario's first month (year, month 1–12), for dating chart axes.
    pub start: (i32, u32),
    pub player: String,
    pub paused: bool,
    pub speed: u8,
    /// The player's score so far against the scenario's objectives (0–100).
    pub score: Option<f64>,
    /// The score is the final one: the scenario's months are over and playing on is a sandbox.
    pub score_final: bool,
    /// The score so far, objective by objective: (title, points, of points, detail).
    pub score_parts: Vec<(String, f64, f64, String)>,
    pub states: Vec<StateRow>,
    pub disputes: Vec<DisputeRow>,
    pub news: Vec<NewsRow>,
    /// The player's trade (exports + imports, bn USD/yr) with each partner, largest first.
    pub trade: Vec<(String, f64)>,
    /// The state selected on the map.
    pub selected: Option<String>,
    /// The dispute picked from the news, and whether to scroll to it this frame.
    pub selected_dispute: Option<String>,
    pub scroll_to_dispute: bool,
    pub lens: super::state::Lens,
    /// Every sector: (id, name).
    pub sectors: Vec<(String, String)>,
    /// What the other governments answered the player lately: (date, text with reason).
    pub answers: Vec<(String, String)>,
    /// The last save/load message.
    pub notice: String,
    /// Recent cause records, newest first: (date, subject, indicator, change, because).
    pub causes: Vec<(String, String, String, f64, String)>,
    /// The player's own series for the dashboard: (indicator, values by month).
    pub series: Vec<(String, Vec<f64>)>,
    /// Set when the scenario's months are over: the final score, objective by objective.
    pub score_detail: Vec<(String, f64, f64, String)>,
    /// The lobbies of the player's state, loudest first.
    pub lobbies: Vec<LobbyRow>,
    pub description: String,
    /// The briefing for the player's side (or the scenario's description).
    pub briefing: String,
    /// What really happened: (date, text).
    pub history_events: Vec<(String, String)>,
    /// History beside the player's run: (entity indicator, [(date, history, this run)]).
    pub history_series: Vec<(String, Vec<HistoryPointRow>)>,
    /// The player's objectives: (title, weight).
    pub objectives: Vec<(String, f64)>,
    /// The player's sectors, by id.
    pub sector_rows: Vec<SectorRow>,
    /// The chart of the sector chosen in the industries tab.
    pub sector_chart: Option<SectorChart>,
    /// Measures the player imposes or faces.
    pub measures: Vec<MeasureRow>,
    /// The player's plants abroad and foreign plants at home.
    pub plants: Vec<PlantRow>,
    pub frameworks: Vec<FrameworkRow>,
    pub acquisitions: Vec<AcquisitionRow>,
    /// The player's own orders lately and what became of them: (date, text).
    pub orders: Vec<(String, String)>,
    /// Orders given this month, applied when the month runs.
    pub queued: Vec<String>,
    /// The escalation timeline of the player's disputes, for the end screen: (title, first
    /// month's date, rung index by month or None once settled).
    pub ladders: Vec<(String, String, Vec<Option<u8>>)>,
    /// The tutorial's prompt for now, if the scenario has one: (step, of, text).
    pub prompt: Option<(usize, usize, String)>,
    /// Names for ids (states, sectors, disputes, acquisitions, frameworks).
    pub names: std::collections::BTreeMap<String, String>,
}

impl View {
    /// "YYYY-MM" of scenario month `m`.
    pub fn date_of(&self, m: u32) -> String {
        Clock {
            month: m,
            start_year: self.start.0,
            start_month: self.start.1,
            length: self.length,
        }
        .date()
    }

    /// The name of an id, or the id itself when it has none.
    pub fn name(&self, id: &str) -> String {
        self.names.get(id).cloned().unwrap_or_else(|| id.to_string())
    }
}

/// News items shown (newest first).
const NEWS_SHOWN: usize = 40;

impl View {
    pub fn from_world(world: &mut World) -> View {
        let clock = world.resource::<Clock>().clone();
        let reg = world.resource::<Registry>().clone();
        let player = world.resource::<Control>().player;
        let rel = world.resource::<Relations>().clone();
        let (paused, speed) = world
            .get_resource::<super::Pace>()
            .map_or((true, 1), |p| (p.paused, p.speed));
        let mut q = world.query::<(&Country, &Economy, &Politics)>();
        let mut states: Vec<StateRow> = q
            .iter(world)
            .map(|(c, e, p)| StateRow {
                id: c.id.clone(),
                name: c.name.clone(),
                cpi: e.cpi,
                employment: e.employment,
                welfare: e.welfare,
                approval: p.approval,
                capital: p.capital,
                alignment: p.alignment,
                trust_in_player: player.map_or(0.0, |pl| rel.trust(c.idx, pl)),
                trust_from_player: player.map_or(0.0, |pl| rel.trust(pl, c.idx)),
            })
            .collect();
        states.sort_by(|a, b| a.id.cmp(&b.id));
        // Wedges are derived each month; before the first month (or right after a load) build
        // them from the measures in force.
        let wedges = {
            let w = world.resource::<Wedges>();
            if w.tariff.len() == reg.n() * reg.n() * reg.k() {
                w.clone()
            } else {
                crate::sim::trade::wedges_now(world, &reg)
            }
        };
        let describe = |from: usize, o: &crate::command::Offer| {
            let mut parts: Vec<String> = o
                .tariff_cuts
                .iter()
                .map(|c| {
                    let name = reg
                        .sector(&c.sector)
                        .map_or(c.sector.clone(), |s| reg.sector_names[s].clone());
                    format!("its tariff on your {name} down to {:.1}%", c.rate * 100.0)
                })
                .collect();
            if o.purchases > 0.0 {
                parts.push(format!("purchases of {:.1} bn USD a year", o.purchases));
            }
            if o.investment > 0.0 {
                parts.push(format!("an investment pledge of {:.0} bn USD", o.investment));
            }
            if !o.excluded.is_empty() {
                parts.push(format!("leaving out {}", o.excluded.join(", ")));
            }
            for c in &o.asks {
                let name = reg
                    .sector(&c.sector)
                    .map_or(c.sector.clone(), |s| reg.sector_names[s].clone());
                parts.push(format!(
                    "if you cut your tariff on its {name} to {:.1}%",
                    c.rate * 100.0
                ));
            }
            format!("{} offers {}", reg.states[from], parts.join("; "))
        };
        let mut q = world.query::<&Dispute>();
        let mut disputes: Vec<DisputeRow> = q
            .iter(world)
            .map(|d| DisputeRow {
                their_offer: player.and_then(|p| {
                    d.offer
                        .as_ref()
                        .filter(|(from, _)| *from != p && d.involves(p))
                        .map(|(from, o)| describe(*from, o))
                }),
                rates: match player {
                    Some(p) if d.involves(p) => {
                        let o = d.other(p);
                        (0..reg.k())
                            .map(|s| {
                                (
                                    reg.sectors[s].clone(),
                                    wedges.tariff.get(wedges.at(p, o, s)).copied().unwrap_or(0.0),
                                    wedges.tariff.get(wedges.at(o, p, s)).copied().unwrap_or(0.0),
                                )
                            })
                            .collect()
                    }
                    _ => Vec::new(),
                },
                id: d.id.clone(),
                title: d.title.clone(),
                parties: (
                    reg.states[d.complainant].clone(),
                    reg.states[d.respondent].clone(),
                ),
                rung: d.rung,
                salience: d.salience,
                open: d.is_open(),
                involves_player: player.is_some_and(|p| d.involves(p)),
                offer_for_player: player
                    .is_some_and(|p| d.involves(p) && d.offer.as_ref().is_some_and(|(from, _)| *from != p)),
                sectors: d.sectors.iter().map(|&s| reg.sectors[s].clone()).collect(),
                pressure: d.pressure,
                channel: d.channel.map(|c| c.label().to_string()),
                panel_left: if d.rung == Rung::DisputeSettlement {
                    d.panel_left
                } else {
                    0
                },
            })
            .collect();
        disputes.sort_by(|a, b| (!a.involves_player, &a.id).cmp(&(!b.involves_player, &b.id)));
        let news = world
            .resource::<News>()
            .0
            .iter()
            .rev()
            .take(NEWS_SHOWN)
            .map(|n| NewsRow {
                date: clock.date_of(n.month),
                headline: n.headline.clone(),
                quote: n.quote.clone(),
                about: n.about.clone(),
            })
            .collect();
        let side = player.map(|p| reg.states[p].clone()).unwrap_or_default();
        let mut trade: Vec<(String, f64)> = match player {
            Some(p) => {
                let t = world.resource::<Trade>();
                (0..reg.n())
                    .filter(|&j| j != p)
                    .map(|j| {
                        (
                            reg.states[j].clone(),
                            t.pair_flow.get(p * reg.n() + j).copied().unwrap_or(0.0)
                                + t.pair_flow.get(j * reg.n() + p).copied().unwrap_or(0.0),
                        )
                    })
                    .filter(|(_, v)| *v > 0.0)
                    .collect()
            }
            None => Vec::new(),
        };
        trade.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let selected = world
            .get_resource::<super::state::MapFocus>()
            .and_then(|f| f.selected.clone());
        let (selected_dispute, scroll_to_dispute) = world
            .get_resource::<super::state::MapFocus>()
            .map_or((None, false), |f| (f.dispute.clone(), f.scroll_to_dispute));
        let lens = world
            .get_resource::<super::state::Lens>()
            .copied()
            .unwrap_or_default();
        // One scoring per frame serves both the top bar and the end screen.
        let scored = crate::report::score::score(world, &side).filter(|s| !s.objectives.is_empty());
        let score = scored.as_ref().map(|s| s.total);
        let score_final = crate::report::score::is_final(world);
        let score_parts: Vec<(String, f64, f64, String)> = scored
            .iter()
            .flat_map(|s| &s.objectives)
            .map(|o| (o.title.clone(), o.weight * o.met, o.weight, o.detail.clone()))
            .collect();
        let names = names_of(world, &reg);
        let name = |id: &str| names.get(id).cloned().unwrap_or_else(|| id.to_string());
        let my_disputes: Vec<String> = disputes
            .iter()
            .filter(|d| d.involves_player)
            .map(|d| d.id.clone())
            .collect();
        let answers: Vec<(String, String)> = world
            .resource::<CommandLog>()
            .0
            .iter()
            .rev()
            .filter(|e| e.issued.origin == Origin::Ai)
            .filter(|e| {
                crate::sim::commands::dispute_of(&e.issued.command)
                    .is_some_and(|d| my_disputes.iter().any(|m| m == d))
            })
            .take(12)
            .map(|e| {
                let what = e.issued.command.label_with(&name);
                let verdict = match &e.rejected {
                    None => format!("{}: {what} — {}", name(&e.issued.by), e.issued.reason),
                    Some(r) => format!("{}: {what} (refused: {r})", name(&e.issued.by)),
                };
                (clock.date_of(e.month), verdict)
            })
            .collect();
        let notice = world
            .get_resource::<super::saves::Notice>()
            .map(|n| n.0.clone())
            .unwrap_or_default();
        let causes: Vec<(String, String, String, f64, String)> = world
            .resource::<Causes>()
            .0
            .iter()
            .rev()
            .take_while(|c| c.month + 3 >= clock.month)
            .map(|c| {
                (
                    clock.date_of(c.month),
                    c.subject.clone(),
                    c.indicator.clone(),
                    c.delta,
                    c.because.clone(),
                )
            })
            .collect();
        let score_detail = if clock.finished() {
            score_parts.clone()
        } else {
            Vec::new()
        };
        let history = world.resource::<History>();
        let ladders: Vec<(String, String, Vec<Option<u8>>)> = if clock.finished() {
            disputes
                .iter()
                .filter(|d| d.involves_player)
                .filter_map(|d| {
                    let (first, rung) = history.series(&d.id, "escalation")?;
                    let open = history.series(&d.id, "open").map(|(_, v)| v).unwrap_or_default();
                    let cells = rung
                        .iter()
                        .enumerate()
                        .map(|(i, r)| {
                            let is_open = open.get(i).is_none_or(|o| *o > 0.5);
                            (is_open && r.is_finite()).then_some(*r as u8)
                        })
                        .collect();
                    Some((d.title.clone(), clock.date_of(first), cells))
                })
                .collect()
        } else {
            Vec::new()
        };
        let series: Vec<(String, Vec<f64>)> =
            ["approval", "cpi", "employment", "welfare", "political_capital"]
                .iter()
                .filter_map(|ind| history.series(&side, ind).map(|(_, v)| (ind.to_string(), v)))
                .collect();
        let def = &world.resource::<crate::sim::ScenarioDef>().0;
        let description = def.meta.description.clone();
        let briefing = def
            .meta
            .briefings
            .iter()
            .find(|b| b.side == side)
            .map_or(description.clone(), |b| b.text.clone());
        let history_events: Vec<(String, String)> = def
            .history
            .events
            .iter()
            .map(|e| (e.date.clone(), e.text.clone()))
            .collect();
        let start = crate::scenario::validate::parse_year_month(&def.meta.start);
        let history_series: Vec<(String, Vec<HistoryPointRow>)> = def
            .history
            .series
            .iter()
            .map(|se| {
                let run = history.series(&se.entity, &se.indicator);
                let points = se
                    .points
                    .iter()
                    .map(|pt| {
                        let month = match (start, crate::scenario::validate::parse_year_month(&pt.date)) {
                            (Some(a), Some(b)) => crate::scenario::validate::month_offset(a, b),
                            _ => -1,
                        };
                        let mine = run.as_ref().and_then(|(first, v)| {
                            let i = month - *first as i64;
                            (i >= 0)
                                .then(|| v.get(i as usize).copied())
                                .flatten()
                                .filter(|x| !x.is_nan())
                        });
                        (pt.date.clone(), pt.value, mine)
                    })
                    .collect();
                (format!("{} {}", se.entity, se.indicator), points)
            })
            .collect();
        let objectives = def
            .objectives
            .iter()
            .filter(|o| o.side == side)
            .map(|o| (o.title.clone(), o.weight))
            .collect();
        let mut q = world.query::<&Lobby>();
        let mut lobbies: Vec<LobbyRow> = q
            .iter(world)
            .filter(|l| Some(l.state) == player)
            .map(|l| LobbyRow {
                id: l.id.clone(),
                name: l.name.clone(),
                state: reg.states[l.state].clone(),
                sectors: l.sectors.iter().map(|&s| reg.sector_names[s].clone()).collect(),
                sector_ids: l.sectors.iter().map(|&s| reg.sectors[s].clone()).collect(),
                grievance: l.grievance,
                organisation: l.organisation,
                pressure: l.pressure,
                wins: l.wins,
            })
            .collect();
        lobbies.sort_by(|a, b| b.pressure.total_cmp(&a.pressure).then(a.id.cmp(&b.id)));
        let chart_sector = world
            .get_resource::<super::state::Sidebar>()
            .and_then(|s| s.sector.clone())
            .or_else(|| reg.sectors.first().cloned());
        let economy = player.map(|p| EconomyView::of(world, &reg, p, chart_sector.as_deref()));
        let (sector_rows, sector_chart, measures, plants) = economy.unwrap_or_default();
        let frameworks = frameworks_of(world, &reg, player);
        let acquisitions = acquisitions_of(world, &reg, player);
        let orders: Vec<(String, String)> = world
            .resource::<CommandLog>()
            .0
            .iter()
            .rev()
            .filter(|e| e.issued.origin == Origin::Player)
            .take(6)
            .map(|e| {
                let what = e.issued.command.label_with(&name);
                let text = match &e.rejected {
                    None => format!("{what}: done"),
                    Some(r) => format!("{what}: refused — {r}"),
                };
                (clock.date_of(e.month), text)
            })
            .collect();
        let prompt = crate::report::tutorial::current_step(world, &side);
        let queued: Vec<String> = world
            .resource::<PendingCommands>()
            .0
            .iter()
            .filter(|c| c.origin == Origin::Player)
            .map(|c| c.command.label_with(&name))
            .collect();
        View {
            names,
            selected_dispute,
            scroll_to_dispute,
            ladders,
            queued,
            sector_rows,
            sector_chart,
            measures,
            plants,
            frameworks,
            acquisitions,
            orders,
            prompt,
            briefing,
            history_events,
            history_series,
            lobbies,
            description,
            objectives,
            causes,
            series,
            score_detail,
            answers,
            notice,
            sectors: reg
                .sectors
                .iter()
                .cloned()
                .zip(reg.sector_names.iter().cloned())
                .collect(),
            trade,
            selected,
            lens,
            score,
            score_final,
            score_parts,
            title: world.resource::<crate::sim::ScenarioDef>().0.meta.title.clone(),
            date: clock.date(),
            start: (clock.start_year, clock.start_month),
            month: clock.month,
            length: clock.length,
            player: player.map(|p| reg.states[p].clone()).unwrap_or_default(),
            paused,
            speed,
            states,
            disputes,
            news,
        }
    }
}

/// The player's economy by sector: the table, the chart of one sector, the measures in force
/// and the plants across borders.
struct EconomyView;

type EconomyParts = (
    Vec<SectorRow>,
    Option<SectorChart>,
    Vec<MeasureRow>,
    Vec<PlantRow>,
);

impl EconomyView {
    fn of(world: &mut World, reg: &Registry, p: usize, chart: Option<&str>) -> EconomyParts {
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

fn frameworks_of(world: &mut World, reg: &Registry, player: Option<usize>) -> Vec<FrameworkRow> {
    let mut q = world.query::<&Framework>();
    let mut rows: Vec<FrameworkRow> = q
        .iter(world)
        .map(|f| FrameworkRow {
            id: f.id.clone(),
            name: f.name.clone(),
            members: f.members.iter().map(|&m| reg.states[m].clone()).collect(),
            player_member: player.is_some_and(|p| f.members.contains(&p)),
            applicants: f
                .applicants
                .iter()
                .map(|a| {
                    (
                        reg.states[a.state].clone(),
                        a.votes.iter().filter(|(_, v)| *v).count(),
                        f.members.len(),
                        player.and_then(|p| a.votes.iter().find(|(m, _)| *m == p).map(|(_, v)| *v)),
                    )
                })
                .collect(),
        })
        .collect();
    for r in &mut rows {
        r.members.sort();
    }
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    rows
}

fn acquisitions_of(world: &mut World, reg: &Registry, player: Option<usize>) -> Vec<AcquisitionRow> {
    let mut q = world.query::<&Acquisition>();
    let mut rows: Vec<AcquisitionRow> = q
        .iter(world)
        .map(|a| AcquisitionRow {
            id: a.id.clone(),
            title: a.title.clone(),
            acquirer: reg.states[a.acquirer].clone(),
            reviewer: reg.states[a.reviewer].clone(),
            value: a.value,
            investment: a.investment,
            status: match a.status {
                AcquisitionStatus::Pending => "pending",
                AcquisitionStatus::Approved => "approved",
                AcquisitionStatus::Blocked => "blocked",
            }
            .into(),
            player_reviews: Some(a.reviewer) == player,
            outcome: match a.status {
                AcquisitionStatus::Pending => String::new(),
                AcquisitionStatus::Approved => format!(
                    "The plant is now {}'s; its pledged {:.0} bn USD adds capacity. Its owner's trust in {} rose.",
                    reg.state_names[a.acquirer],
                    a.investment,
                    reg.state_names[a.reviewer]
                ),
                AcquisitionStatus::Blocked => format!(
                    "Blocked: a public rebuff that lowered {}'s trust in {} and its ceiling.",
                    reg.state_names[a.acquirer],
                    reg.state_names[a.reviewer]
                ),
            },
        })
        .collect();
    rows.sort_by(|a, b| a.id.cmp(&b.id));
    rows
}

/// Names for the ids orders carry: states, sectors, disputes, acquisitions, frameworks.
fn names_of(world: &mut World, reg: &Registry) -> std::collections::BTreeMap<String, String> {
    let mut names: std::collections::BTreeMap<String, String> = reg
        .states
        .iter()
        .cloned()
        .zip(reg.state_names.iter().cloned())
        .chain(reg.sectors.iter().cloned().zip(reg.sector_names.iter().cloned()))
        .collect();
    let mut q = world.query::<&Dispute>();
    names.extend(q.iter(world).map(|d| (d.id.clone(), d.title.clone())));
    let mut q = world.query::<&Acquisition>();
    names.extend(q.iter(world).map(|a| (a.id.clone(), a.title.clone())));
    let mut q = world.query::<&Framework>();
    names.extend(q.iter(world).map(|f| (f.id.clone(), f.id.clone())));
    names
}

/// A digest of everything the view is built from that can change between two months: the
/// month (and the world's clock with it), the queued orders, the log's length, the pace, the
/// lens, what is selected, the charted sector and the last notice. Equal digests, equal views.
pub fn fingerprint(world: &World) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let clock = world.resource::<Clock>();
    (clock.month, clock.length).hash(&mut h);
    for c in &world.resource::<PendingCommands>().0 {
        (&c.by, c.command.label()).hash(&mut h);
    }
    world.resource::<CommandLog>().0.len().hash(&mut h);
    if let Some(p) = world.get_resource::<super::Pace>() {
        (p.paused, p.speed).hash(&mut h);
    }
    if let Some(l) = world.get_resource::<super::state::Lens>() {
        l.hash(&mut h);
    }
    if let Some(f) = world.get_resource::<super::state::MapFocus>() {
        (&f.selected, &f.dispute, f.scroll_to_dispute).hash(&mut h);
    }
    if let Some(b) = world.get_resource::<super::state::Sidebar>() {
        b.sector.hash(&mut h);
    }
    if let Some(n) = world.get_resource::<super::saves::Notice>() {
        n.0.hash(&mut h);
    }
    h.finish()
}
