//! Leadership changes (docs/model.md §2.6.1): scheduled elections and party contests.
//!
//! A leader answers to voters at the elections the scenario dates, and, in a parliamentary
//! system, to the party between them. At an election the incumbent loses when approval is below
//! `parameters.election_threshold` (U.S. presidents seeking re-election lost at or below about
//! 46% in Gallup's last reading and won from about 48%; Japanese governments lost power or an
//! upper-house majority well below 40%: 2007, 2009, 2012, 2025). A parliamentary party replaces a leader
//! who stays below `parameters.contest_floor` for `parameters.contest_months`. A new leader
//! starts with a honeymoon approval and fresh political capital, and owes nothing to the old
//! one's public threats: its stance in every dispute goes back to neutral, so backing down
//! costs it no audience cost (Fearon 1994) — new governments settling what their predecessors
//! would not is the pattern of Putnam's two-level game (Putnam 1988).

use bevy_ecs::prelude::*;

use super::*;
use crate::i18n::Words;
use crate::scenario::validate::{month_offset, parse_year_month};
use crate::scenario::{ElectionDef, PoliticalSystem};

/// Runs after `politics::approval` in the Lobbies phase: the month's approval decides.
pub fn change_leaders(
    clock: Res<Clock>,
    params: Res<Params>,
    scenario: Res<ScenarioDef>,
    mut states: Query<(&Country, &mut Politics)>,
    mut disputes: Query<&mut Dispute>,
    mut news: ResMut<News>,
    mut causes: ResMut<Causes>,
) {
    let p = &params.0;
    let month = clock.month;
    let start = (clock.start_year, clock.start_month);
    let offset = |date: &str| -> Option<u32> {
        let m = month_offset(start, parse_year_month(date)?);
        u32::try_from(m).ok()
    };
    let mut list: Vec<_> = states.iter_mut().collect();
    list.sort_by_key(|(c, _)| c.idx);
    let mut changed: Vec<Change> = Vec::new();
    for (c, mut pol) in list {
        let Some(def) = scenario.0.states.get(c.idx) else {
            continue;
        };
        let old = pol.leader.clone();
        // Worded only when a vote or a change needs it (most months none does); the model keeps
        // it as English in its state, and `i18n::remember` the words for the screens.
        let who = || {
            if old.is_empty() {
                crate::i18n::remember(Words::new("leader-of").text("state", c.name.as_str()))
            } else {
                old.clone()
            }
        };
        // 1. A change decided earlier whose month has come.
        if let Some(s) = pol.succession.clone().filter(|s| s.month <= month) {
            changed.push(take_office(&mut pol, p, month, c, &who(), s, &mut causes));
            continue;
        }
        // 2. The votes due this month, in the file's order.
        let due: Vec<&ElectionDef> = def
            .elections
            .iter()
            .filter(|e| offset(&e.date) == Some(month))
            .collect();
        for e in due {
            if pol.succession.is_some() {
                break; // a leader on the way out stands in no further vote
            }
            let pct = pol.approval * 100.0;
            let lost = e.steps_down || pol.approval < p.election_threshold;
            if !lost {
                pol.months_below = 0;
                news.post_words(
                    month,
                    &c.id,
                    Words::new("news-keeps-office")
                        .text("state", c.name.as_str())
                        .text("who", who())
                        .text("vote", e.title.as_str())
                        .plain("approval", format!("{pct:.0}")),
                );
                continue;
            }
            // A parliamentary party that lost needs its leadership race; a leader who steps
            // down has been replaced by the vote itself, as a president-elect by the election.
            let when = match (&e.takes_office, def.system) {
                (Some(d), _) => offset(d).unwrap_or(month).max(month),
                (None, Some(PoliticalSystem::Parliamentary)) if !e.steps_down => {
                    month + p.leadership_lag.round() as u32
                }
                (None, _) => month,
            };
            let because = if !e.steps_down {
                crate::i18n::remember(
                    Words::new("leader-lost-vote")
                        .text("who", who())
                        .text("vote", e.title.as_str())
                        .plain("approval", format!("{pct:.0}")),
                )
            } else if e.note.is_empty() {
                crate::i18n::remember(
                    Words::new("leader-did-not-stand")
                        .text("who", who())
                        .text("vote", e.title.as_str()),
                )
            } else {
                e.note.clone()
            };
            let s = Succession {
                successor: e.successor.clone(),
                month: when,
                because,
            };
            if when <= month {
                changed.push(take_office(&mut pol, p, month, c, &who(), s, &mut causes));
                break;
            }
            let what = if e.steps_down {
                Words::new("news-as-written").text("text", s.because.as_str())
            } else {
                Words::new("news-loses-vote")
                    .text("who", who())
                    .text("vote", e.title.as_str())
                    .plain("approval", format!("{pct:.0}"))
            };
            news.post_words(
                month,
                &c.id,
                Words::new("news-successor-due")
                    .text("state", c.name.as_str())
                    .words("what", what)
                    .text("successor", s.successor.as_str())
                    .date("date", &clock.date_of(when)),
            );
            pol.succession = Some(s);
        }
        if pol.succession.is_some() || pol.leader != old {
            continue;
        }
        // 3. Between elections, a parliamentary party drops a leader who stays unpopular.
        if def.system != Some(PoliticalSystem::Parliamentary) {
            continue;
        }
        if pol.approval < p.contest_floor {
            pol.months_below += 1;
        } else {
            pol.months_below = 0;
        }
        if (pol.months_below as f64) < p.contest_months {
            continue;
        }
        let s = Succession {
            successor: if old.is_empty() {
                crate::i18n::remember(Words::new("leader-new"))
            } else {
                crate::i18n::remember(Words::new("leader-successor-of").text("old", old.as_str()))
            },
            month,
            because: crate::i18n::remember(
                Words::new("leader-replaced-by-party")
                    .text("who", who())
                    .number("months", pol.months_below as f64)
                    .plain("floor", format!("{:.0}", p.contest_floor * 100.0))
                    .plain("approval", format!("{:.0}", pol.approval * 100.0)),
            ),
        };
        changed.push(take_office(&mut pol, p, month, c, &who(), s, &mut causes));
    }
    if changed.is_empty() {
        return;
    }
    // A new leader owes nothing to the old one's words: every stance back to neutral, so
    // backing down costs the new leader no audience cost.
    let mut ds: Vec<Mut<Dispute>> = disputes.iter_mut().collect();
    ds.sort_by(|a, b| a.id.cmp(&b.id));
    let mut freed: Vec<Vec<String>> = vec![Vec::new(); changed.len()];
    for mut d in ds {
        for (ch, titles) in changed.iter().zip(freed.iter_mut()) {
            let stance = d.stance_of(ch.idx);
            if !d.involves(ch.idx) || stance == 0.0 {
                continue;
            }
            *d.stance_mut(ch.idx) = 0.0;
            let because = Words::new("cause-stances-freed")
                .text("state", ch.name.as_str())
                .text("successor", ch.successor.as_str())
                .text("old", ch.old.as_str());
            causes.add(month, &d.id, "stance", -stance, because);
            titles.push(d.title.clone());
        }
    }
    for (ch, titles) in changed.iter().zip(freed) {
        let headline = Words::new("news-takes-office")
            .text("state", ch.name.as_str())
            .text("successor", ch.successor.as_str())
            .text("because", ch.because.as_str());
        let headline = if titles.is_empty() {
            headline
        } else {
            Words::new("news-takes-office-freed")
                .words("headline", headline)
                .text("old", ch.old.as_str())
                .list(
                    "titles",
                    titles
                        .iter()
                        .map(|t| Words::new("news-as-written").text("text", t.as_str()))
                        .collect(),
                )
        };
        news.post_words(month, &ch.id, headline);
    }
}

/// A change of leader made this month, for the stances, the news and the causes.
struct Change {
    idx: usize,
    id: String,
    name: String,
    /// The leader who left (named, or "Japan's leader").
    old: String,
    successor: String,
    because: String,
}

/// The successor takes office: a honeymoon approval, fresh capital, and the causes.
fn take_office(
    pol: &mut Politics,
    p: &crate::scenario::Parameters,
    month: u32,
    c: &Country,
    who: &str,
    s: Succession,
    causes: &mut Causes,
) -> Change {
    let approval = pol.approval;
    let capital = pol.capital;
    pol.leader = s.successor.clone();
    pol.approval = p.honeymoon_approval;
    pol.capital = p.new_leader_capital;
    pol.months_below = 0;
    pol.succession = None;
    let because = |key: &str| {
        Words::new(key)
            .text("successor", s.successor.as_str())
            .text("because", s.because.as_str())
    };
    causes.add(
        month,
        &c.id,
        "approval",
        pol.approval - approval,
        because("cause-first-polls"),
    );
    causes.add(
        month,
        &c.id,
        "political_capital",
        pol.capital - capital,
        because("cause-new-capital"),
    );
    Change {
        idx: c.idx,
        id: c.id.clone(),
        name: c.name.clone(),
        old: who.to_string(),
        successor: s.successor,
        because: s.because,
    }
}
