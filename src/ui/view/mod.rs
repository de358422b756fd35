//! A read-only picture of the world for the panels: plain data, rebuilt when the world or
//! the player's choices change (`fingerprint`), so a panel is a pure function of it and can be tested without a GPU.

use crate::i18n::{lang, local};
use crate::tr;
use bevy::prelude::*;

use crate::scenario::Rung;
use crate::sim::*;

mod class;
mod economy;
mod fingerprint;
mod injects;
mod labels;
mod offer;
mod relations;
mod replay;
mod rows;

pub use class::ClassRow;
use economy::EconomyView;
pub use fingerprint::fingerprint;
pub use injects::InjectLine;
pub use labels::{bn_amount, indicator_label, series_label, side_label_in};
use relations::{acquisitions_of, frameworks_of};
pub use replay::ReplayRow;
pub use rows::*;

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
    /// The debrief page written for this game, as a `file://` address.
    pub debrief: Option<String>,
    /// A replay: the file it follows, and where the player took over.
    pub replay: Option<ReplayRow>,
    /// Recent cause records, newest first: (date, subject, indicator, change, because).
    pub causes: Vec<(String, String, String, f64, String)>,
    /// The player's own series for the dashboard: (indicator, values by month).
    pub series: Vec<(String, Vec<f64>)>,
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
    /// The player's strategic inputs: supply, stock and need.
    pub inputs: Vec<InputRow>,
    /// The player's sectors whose output a strategic input caps this month.
    pub caps: Vec<CapRow>,
    /// The scenario's model parameters, for what tooltips quote (what a summit or a courtship
    /// costs, how long stocks last).
    pub params: crate::scenario::Parameters,
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
    /// Hotseat: every side at this laptop in turn order, and whether it has ended its turn this
    /// month (empty: one player).
    pub turns: Vec<(String, bool)>,
    /// The scenario's injects, for the teacher (the Game menu): empty when it has none.
    pub injects: Vec<InjectLine>,
    /// A class game on the network (`tradecraft join`): None in a single or hotseat game.
    pub class: Option<ClassRow>,
}

/// The side these screens show: the UI's `PlayerSide` when it names a side people lead (in a
/// class game or hotseat each team's screen is built for its own side, whatever side the saved
/// game lists first), otherwise the game's `Control::player`. Another side's lobbies, capital,
/// orders, answers and objectives are then not in the view at all.
pub fn viewing_side(world: &World, reg: &Registry) -> Option<usize> {
    let control = world.resource::<Control>();
    world
        .get_resource::<super::PlayerSide>()
        .and_then(|p| reg.state(&p.0))
        .filter(|&i| control.is_human(i))
        .or(control.player)
}

impl View {
    /// The scenario's months are over and it has objectives: the end screen's results are due.
    pub fn results_due(&self) -> bool {
        self.month >= self.length && !self.score_parts.is_empty()
    }

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

    /// A state as the screens name it: its id in English (the game's compact habit, which the
    /// English screens and their tests keep), its name in another language.
    pub fn side_label(&self, id: &str) -> String {
        if lang() == crate::i18n::Lang::En {
            id.to_string()
        } else {
            self.name(id)
        }
    }

    /// An indicator's name as the "Why?" tooltips say it (`indicator_label`).
    pub fn indicator_name(&self, indicator: &str) -> String {
        indicator_label(&self.names, indicator)
    }

    /// A month "2025-10" as the screens show it: as it is in English, 「2025年10月」 in Japanese.
    pub fn date_label(&self, date: &str) -> String {
        crate::i18n::format::month_label(lang(), date)
    }

    /// The leader of a state, when the scenario names one.
    pub fn leader(&self, id: &str) -> Option<&str> {
        self.states
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.leader.as_str())
            .filter(|l| !l.is_empty())
    }
}

/// News items shown (newest first).
const NEWS_SHOWN: usize = 40;

impl View {
    pub fn from_world(world: &mut World) -> View {
        let clock = world.resource::<Clock>().clone();
        let reg = world.resource::<Registry>().clone();
        let player = viewing_side(world, &reg);
        let rel = world.resource::<Relations>().clone();
        let (paused, speed) = world
            .get_resource::<super::Pace>()
            .map_or((true, 1), |p| (p.paused, p.speed));
        let mut q = world.query::<(&Country, &Economy, &Politics)>();
        let mut states: Vec<StateRow> = q
            .iter(world)
            .map(|(c, e, p)| StateRow {
                id: c.id.clone(),
                name: local(&c.name),
                leader: local(&p.leader),
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
                crate::sim::wedges::wedges_now(world, &reg)
            }
        };
        let mut q = world.query::<&Dispute>();
        let mut disputes: Vec<DisputeRow> = q
            .iter(world)
            .map(|d| DisputeRow {
                their_offer: player.and_then(|p| {
                    d.offer
                        .as_ref()
                        .filter(|(from, _)| *from != p && d.involves(p))
                        .map(|(from, o)| offer::describe(&reg, *from, o))
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
                title: local(&d.title),
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
                channel: d.channel.map(|c| c.label_in(lang())),
                panel_left: if d.rung == Rung::DisputeSettlement {
                    d.panel_left
                } else {
                    0
                },
                quiet_months: d.quiet_months,
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
                headline: n.text_in(lang()),
                quote: n.quote_in(lang()),
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
            .map(|o| (local(&o.title), o.weight * o.met, o.weight, o.detail_in(lang())))
            .collect();
        // Names in the player's language (a scenario's Japanese, where it has one).
        let names: std::collections::BTreeMap<String, String> = crate::sim::lookup::all_names(world)
            .into_iter()
            .map(|(id, n)| (id, local(&n)))
            .collect();
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
                e.issued
                    .command
                    .dispute()
                    .is_some_and(|d| my_disputes.iter().any(|m| m == d))
            })
            .take(12)
            .map(|e| {
                let what = e.issued.command.label_with(&name);
                let verdict = match &e.rejected {
                    None => tr!(
                        "view-answer",
                        state = name(&e.issued.by),
                        what = what,
                        reason = local(&e.issued.reason)
                    ),
                    Some(r) => tr!(
                        "view-answer-refused",
                        state = name(&e.issued.by),
                        what = what,
                        reason = local(r)
                    ),
                };
                (clock.date_of(e.month), verdict)
            })
            .collect();
        let notice = world
            .get_resource::<super::saves::Notice>()
            .map(|n| n.0.clone())
            .unwrap_or_default();
        let replay = replay::row(world, &side);
        let debrief = world
            .get_resource::<super::saves::Exported>()
            .and_then(|e| e.0.as_ref())
            .map(|p| super::saves::file_url(p));
        let causes: Vec<(String, String, String, f64, String)> = world
            .resource::<Causes>()
            .0
            .iter()
            .rev()
            .take_while(|c| c.month + 12 >= clock.month)
            .map(|c| {
                (
                    clock.date_of(c.month),
                    c.subject.clone(),
                    c.indicator.clone(),
                    c.delta,
                    c.because.text_in(lang()),
                )
            })
            .collect();
        let history = world.resource::<History>();
        let ladders: Vec<(String, String, Vec<Option<u8>>)> = if clock.finished() {
            disputes
                .iter()
                .filter(|d| d.involves_player)
                .filter_map(|d| {
                    let (first, rung) = history.series(&d.id, "escalation")?;
                    let open = history.series(&d.id, "open").map(|(_, v)| v).unwrap_or_default();
                    // The scenario's months only: a sandbox after the end does not grow them.
                    let months = clock.length.saturating_sub(first) as usize;
                    let cells = rung
                        .iter()
                        .take(months)
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
        let description = local(&def.meta.description);
        let briefing = def
            .meta
            .briefings
            .iter()
            .find(|b| b.side == side)
            .map_or(description.clone(), |b| local(&b.text));
        let history_events: Vec<(String, String)> = def
            .history
            .events
            .iter()
            .map(|e| (e.date.clone(), local(&e.text)))
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
                let who = names
                    .get(&se.entity)
                    .cloned()
                    .unwrap_or_else(|| se.entity.clone());
                let what = labels::series_label(&names, &se.indicator);
                (tr!("view-series", who = who, what = what), points)
            })
            .collect();
        let objectives = def
            .objectives
            .iter()
            .filter(|o| o.side == side)
            .map(|o| (local(&o.title), o.weight))
            .collect();
        let mut q = world.query::<&Lobby>();
        let mut lobbies: Vec<LobbyRow> = q
            .iter(world)
            .filter(|l| Some(l.state) == player)
            .map(|l| LobbyRow {
                id: l.id.clone(),
                name: local(&l.name),
                state: reg.states[l.state].clone(),
                sectors: l.sectors.iter().map(|&s| local(&reg.sector_names[s])).collect(),
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
        let economy = economy.unwrap_or_default();
        let frameworks = frameworks_of(world, &reg, player);
        let acquisitions = acquisitions_of(world, &reg, player);
        let orders: Vec<(String, String)> = world
            .resource::<CommandLog>()
            .0
            .iter()
            .rev()
            // A class game's orders come back from the host as the month's script.
            .filter(|e| matches!(e.issued.origin, Origin::Player | Origin::Script) && e.issued.by == side)
            .take(6)
            .map(|e| {
                let what = e.issued.command.label_with(&name);
                let text = match &e.rejected {
                    None => tr!("view-order-done", what = what),
                    Some(r) => tr!("view-order-refused", what = what, reason = local(r)),
                };
                (clock.date_of(e.month), text)
            })
            .collect();
        let prompt =
            crate::report::tutorial::current_step(world, &side).map(|(i, n, text)| (i, n, local(&text)));
        let queued: Vec<String> = world
            .resource::<PendingCommands>()
            .0
            .iter()
            .filter(|c| c.origin == Origin::Player && c.by == side)
            .map(|c| c.command.label_with(&name))
            .collect();
        let turns = world
            .get_resource::<super::state::Hotseat>()
            .map(|h| h.order.iter().map(|s| (s.clone(), h.done.contains(s))).collect())
            .unwrap_or_default();
        let injects = injects::injects_of(world);
        View {
            class: class::class_row(world),
            injects,
            turns,
            names,
            selected_dispute,
            scroll_to_dispute,
            ladders,
            queued,
            sector_rows: economy.rows,
            sector_chart: economy.chart,
            measures: economy.measures,
            plants: economy.plants,
            inputs: economy.inputs,
            caps: economy.caps,
            params: world.resource::<Params>().0.clone(),
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
            answers,
            notice,
            debrief,
            replay,
            sectors: reg
                .sectors
                .iter()
                .cloned()
                .zip(reg.sector_names.iter().map(|n| local(n)))
                .collect(),
            trade,
            selected,
            lens,
            score,
            score_final,
            score_parts,
            title: local(&world.resource::<crate::sim::ScenarioDef>().0.meta.title),
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
