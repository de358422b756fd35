//! A read-only picture of the world for the panels: plain data, built once per frame, so a
//! panel is a pure function of it and can be tested without a GPU.

use bevy::prelude::*;

use crate::scenario::Rung;
use crate::sim::*;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct StateRow {
    pub id: String,
    pub name: String,
    pub cpi: f64,
    pub employment: f64,
    pub welfare: f64,
    pub approval: f64,
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
    pub grievance: f64,
    pub organisation: f64,
    pub pressure: f64,
    pub wins: u32,
}

/// A historical value beside this run's: (date, history, this run).
pub type HistoryPointRow = (String, f64, Option<f64>);

#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct View {
    pub title: String,
    pub date: String,
    pub month: u32,
    pub length: u32,
    pub player: String,
    pub paused: bool,
    pub speed: u8,
    /// The player's score so far against the scenario's objectives (0–100).
    pub score: Option<f64>,
    pub states: Vec<StateRow>,
    pub disputes: Vec<DisputeRow>,
    pub news: Vec<NewsRow>,
    /// (framework, applicant, supporters, members)
    pub votes: Vec<(String, String, usize, usize)>,
    /// The player's trade (exports + imports, bn USD/yr) with each partner, largest first.
    pub trade: Vec<(String, f64)>,
    /// The state selected on the map.
    pub selected: Option<String>,
    pub lens: super::map::Lens,
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
                alignment: p.alignment,
                trust_in_player: player.map_or(0.0, |pl| rel.trust(c.idx, pl)),
                trust_from_player: player.map_or(0.0, |pl| rel.trust(pl, c.idx)),
            })
            .collect();
        states.sort_by(|a, b| a.id.cmp(&b.id));
        let mut q = world.query::<&Dispute>();
        let mut disputes: Vec<DisputeRow> = q
            .iter(world)
            .map(|d| DisputeRow {
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
        let mut q = world.query::<&Framework>();
        let mut votes: Vec<(String, String, usize, usize)> = q
            .iter(world)
            .flat_map(|f| {
                f.applicants.iter().map(|a| {
                    (
                        f.id.clone(),
                        reg.states[a.state].clone(),
                        a.votes.iter().filter(|(_, v)| *v).count(),
                        f.members.len(),
                    )
                })
            })
            .collect();
        votes.sort();
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
            .get_resource::<super::map::MapFocus>()
            .and_then(|f| f.selected.clone());
        let lens = world
            .get_resource::<super::map::Lens>()
            .copied()
            .unwrap_or_default();
        // One scoring per frame serves both the top bar and the end screen.
        let scored = crate::report::score::score(world, &side).filter(|s| !s.objectives.is_empty());
        let score = scored.as_ref().map(|s| s.total);
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
                let verdict = match &e.rejected {
                    None => format!(
                        "{}: {} — {}",
                        e.issued.by,
                        e.issued.command.label(),
                        e.issued.reason
                    ),
                    Some(r) => format!("{}: {} (refused: {r})", e.issued.by, e.issued.command.label()),
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
        let score_detail = match scored {
            Some(s) if clock.finished() => s
                .objectives
                .into_iter()
                .map(|o| (o.title, o.weight * o.met, o.weight, o.detail))
                .collect(),
            _ => Vec::new(),
        };
        let history = world.resource::<History>();
        let series: Vec<(String, Vec<f64>)> =
            ["approval", "cpi", "employment", "welfare", "political_capital"]
                .iter()
                .filter_map(|ind| history.series(&side, ind).map(|(_, v)| (ind.to_string(), v)))
                .collect();
        let def = &world.resource::<crate::sim::setup::ScenarioDef>().0;
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
                grievance: l.grievance,
                organisation: l.organisation,
                pressure: l.pressure,
                wins: l.wins,
            })
            .collect();
        lobbies.sort_by(|a, b| b.pressure.total_cmp(&a.pressure).then(a.id.cmp(&b.id)));
        View {
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
            title: world
                .resource::<crate::sim::setup::ScenarioDef>()
                .0
                .meta
                .title
                .clone(),
            date: clock.date(),
            month: clock.month,
            length: clock.length,
            player: player.map(|p| reg.states[p].clone()).unwrap_or_default(),
            paused,
            speed,
            states,
            disputes,
            news,
            votes,
        }
    }
}
