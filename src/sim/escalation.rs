//! The escalation ladder and media salience (docs/model.md §2.7).
//!
//! Monthly pressure `P = b₁·lobby pressure + b₂·salience + b₃·heat + b₄·retaliation −
//! b₅·working-level handling − b₆·calm − b₇·time at the rung`. A dispute climbs with
//! probability logistic((P − θ)/w) and falls with logistic((θ_down − P)/w), drawn from the
//! seeded RNG. A dispute-settlement panel holds the dispute and cools it while it runs, leaking
//! a share `panel_leak` of the usual chance of climbing. The weights are scenario parameters.
//! Salience follows `S ← ρ·S + α_R·½^(quiet months / h) + c·heat`, so the public rungs
//! feed on themselves for a while: that is the trap the game teaches players to avoid
//! (Putnam 1988; Fearon 1994 on audience costs). News fatigue (the half-life h) lets attention
//! fade within about a year when nothing new happens (Downs 1972): a fight kept alive by
//! tariffs and lobbies stays up, one kept alive only by its own headlines comes down.

use bevy_ecs::prelude::*;
use rand::Rng;

use super::lookup::{Ctx, dispute};
use super::setup::SimEntity;
use super::*;
use crate::command::Channel;
use crate::command::Tone;
use crate::i18n::Words;
use crate::scenario::Rung;

/// Salience a rung draws per month (α_R): nobody reports on working-level talks.
fn alpha(p: &crate::scenario::Parameters, rung: Rung) -> f64 {
    match rung {
        Rung::WorkingLevel => 0.0,
        Rung::Ministerial => p.salience_ministerial,
        Rung::DisputeSettlement => p.salience_dispute_settlement,
        Rung::Leaders => p.salience_leaders,
        Rung::Public => p.salience_public,
    }
}

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + libm::exp(-x))
}

pub fn escalate(
    clock: Res<Clock>,
    params: Res<Params>,
    wedges: Res<Wedges>,
    trade: Res<Trade>,
    lobbies: Query<&Lobby>,
    mut disputes: Query<&mut Dispute>,
    mut rng: ResMut<SimRng>,
    mut causes: ResMut<Causes>,
    mut news: ResMut<News>,
) {
    let p = &params.0;
    let mut list: Vec<Mut<Dispute>> = disputes.iter_mut().collect();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    for mut d in list {
        // One draw per dispute per month, whatever happens, keeps the stream aligned.
        let roll: f64 = rng.0.random();
        if !d.is_open() {
            continue;
        }
        let lobby = lobbies
            .iter()
            .filter(|l| d.involves(l.state) && l.sectors.iter().any(|s| d.sectors.contains(s)))
            .map(|l| l.pressure)
            .fold(0.0, f64::max);
        // New tariffs (not the scenario's status quo) each side applies to the other in the
        // disputed sectors.
        let (a, b) = (d.complainant, d.respondent);
        let mut retaliation = 0.0;
        for &s in &d.sectors {
            retaliation += wedges.new_tariff(&trade, a, b, s) + wedges.new_tariff(&trade, b, a, s);
        }
        let retaliation = (retaliation / 0.25).min(2.0);
        let working = (d.channel == Some(Channel::WorkingLevel) && d.rung <= Rung::Ministerial) as u8 as f64;
        let time = (d.months_at_rung as f64 / 12.0).min(1.0);
        // The weights b₁…b₇ are scenario parameters (docs/model.md §2.7).
        let pressure = p.escalation_lobby * lobby
            + p.escalation_salience * d.salience
            + p.escalation_heat * d.heat
            + p.escalation_retaliation * retaliation
            - p.escalation_working_level * working
            - p.escalation_calm * d.calm
            - p.escalation_time * time;
        let theta = p.escalation_threshold;
        let before = d.rung;
        let in_panel = d.rung == Rung::DisputeSettlement && d.panel_left > 0;
        let up = p.escalation_max_move * logistic((pressure - theta) / p.escalation_width);
        let down =
            p.escalation_max_move * logistic((theta * p.cooling_share - pressure) / p.escalation_width);
        // This month's chances of moving: a sitting panel leaks only a share of the climb (to
        // the leaders) and never cools; the top rung cannot climb, the bottom cannot cool.
        let climb = if d.rung == Rung::Public {
            0.0
        } else if in_panel {
            up * p.panel_leak
        } else {
            up
        };
        let fall = if in_panel || d.rung == Rung::WorkingLevel {
            0.0
        } else {
            down
        };
        d.pressure = Pressure {
            lobby: p.escalation_lobby * lobby,
            salience: p.escalation_salience * d.salience,
            heat: p.escalation_heat * d.heat,
            retaliation: p.escalation_retaliation * retaliation,
            working: -p.escalation_working_level * working,
            calm: -p.escalation_calm * d.calm,
            time: -p.escalation_time * time,
            total: pressure,
            threshold: theta,
            cooling: theta * p.cooling_share,
            up: climb,
            down: fall,
            moved: false,
        };
        if in_panel {
            d.panel_left -= 1;
            if d.heat > 0.8 || roll < climb {
                d.rung = Rung::Leaders; // a leader pulls the issue out of the panel
            } else if d.panel_left == 0 {
                d.rung = Rung::Ministerial; // the ruling sends it back to the negotiators
                news.post_words(
                    clock.month,
                    &d.id,
                    Words::new("news-panel-rules").text("title", d.title.as_str()),
                );
            }
        } else {
            // (roll is in [0, 1), so a zero chance never moves the dispute)
            if roll < climb {
                d.rung = Rung::from_index(d.rung.index() + 1);
                if d.rung == Rung::DisputeSettlement {
                    d.panel_left = p.panel_months as u32;
                }
            } else if roll > 1.0 - fall {
                d.rung = Rung::from_index(d.rung.index() - 1);
            }
        }
        d.pressure.moved = d.rung != before;
        if d.rung != before {
            d.months_at_rung = 0;
            let why = Words::new(if d.rung > before {
                "cause-climbed"
            } else {
                "cause-cooled"
            })
            .words("stage", d.rung.stage_words())
            .plain("pressure", format!("{pressure:.2}"))
            .plain("lobbies", format!("{lobby:.2}"))
            .plain("salience", format!("{:.2}", d.salience))
            .plain("heat", format!("{:.2}", d.heat))
            .plain("retaliation", format!("{retaliation:.2}"))
            .plain("calm", format!("{:.2}", d.calm));
            causes.add(
                clock.month,
                &d.id,
                "escalation",
                d.rung.index() as f64 - before.index() as f64,
                why,
            );
            // The title may be singular or plural ("Japanese car imports"): the dispute is
            // the subject.
            let key = if d.rung > before {
                "news-dispute-escalates"
            } else {
                "news-dispute-cools"
            };
            news.post_words(
                clock.month,
                &d.id,
                Words::new(key)
                    .text("title", d.title.as_str())
                    .words("stage", d.rung.stage_words()),
            );
        } else {
            d.months_at_rung += 1;
        }
        if d.rung == Rung::Public {
            d.public_months += 1;
        }
        let panel_cooling = if d.rung == Rung::DisputeSettlement {
            p.panel_salience
        } else {
            1.0
        };
        // News fatigue: a rung's news value halves every `salience_half_life` months in which
        // nothing new happens (a climb or hot words are news; coming down is not).
        if d.rung > before || d.heat > 0.1 {
            d.quiet_months = 0;
        } else {
            d.quiet_months += 1;
        }
        let fatigue = libm::pow(0.5, d.quiet_months as f64 / p.salience_half_life);
        let old = d.salience;
        d.salience =
            ((p.salience_decay * d.salience + alpha(p, d.rung) * fatigue + p.salience_heat * d.heat)
                * panel_cooling)
                .clamp(0.0, 1.0);
        if (d.salience - old).abs() > 0.05 {
            let why = Words::new("cause-salience")
                .words("rung", d.rung.label_words())
                .plain("heat", format!("{:.2}", d.heat));
            causes.add(clock.month, &d.id, "salience", d.salience - old, why);
        }
        d.heat *= p.heat_decay;
        d.calm *= p.calm_decay;
        d.stance = (d.stance.0 * p.stance_decay, d.stance.1 * p.stance_decay);
        d.peak = d.peak.max(d.rung);
    }
}

/// A new tariff aimed at one partner opens a dispute with it over that sector, unless one is
/// already open (a settled one is reopened at the working level).
pub(super) fn open_dispute(world: &mut World, ctx: &Ctx, target: usize, sec: Option<usize>) {
    let reg = world.resource::<Registry>().clone();
    let sectors: Vec<usize> = sec.map_or_else(|| (0..reg.k()).collect(), |s| vec![s]);
    let covered = super::lookup::disputes(world, |mut it| {
        it.any(|(_, d)| {
            d.is_open()
                && d.involves(target)
                && d.involves(ctx.by)
                && sectors.iter().all(|s| d.sectors.contains(s))
        })
    });
    if covered {
        return;
    }
    let what = sec.map_or("all", |s| reg.sectors[s].as_str());
    let id = format!("{}_{}_{what}", reg.states[target], reg.states[ctx.by]).to_lowercase();
    let title = format!(
        "{} tariffs on {} {}",
        crate::words::possessive(&reg.state_names[ctx.by]),
        crate::words::possessive(&reg.state_names[target]),
        sec.map_or("goods".to_string(), |s| reg.sector_names[s].to_lowercase())
    );
    // The title in the program's language, for the screens (`i18n::local` finds it by the
    // English; kept only when that language is not English).
    crate::i18n::remember_as(
        &title,
        Words::new("dispute-title-tariffs")
            .text("by", reg.state_names[ctx.by].as_str())
            .text("target", reg.state_names[target].as_str())
            .words(
                "sector",
                match sec {
                    None => Words::new("dispute-title-goods"),
                    Some(s) => Words::new("news-as-written").text("text", reg.sector_names[s].as_str()),
                },
            ),
    );
    if let Some(e) = super::lookup::dispute_entity(world, &id)
        && let Some(mut d) = world.get_mut::<Dispute>(e)
    {
        d.status = DisputeStatus::Open;
        d.rung = Rung::WorkingLevel;
        d.months_at_rung = 0;
        d.quiet_months = 0;
        d.offer = None;
        d.channel = None;
    } else {
        world.spawn((
            SimEntity,
            Dispute::open(
                id.clone(),
                title.clone(),
                target,
                ctx.by,
                sectors,
                Rung::WorkingLevel,
                0.1,
            ),
        ));
    }
    world.resource_mut::<News>().post_words(
        ctx.month,
        &id,
        Words::new("news-new-dispute").text("title", title.as_str()),
    );
}

/// `FileDispute`: a WTO panel holds the dispute at the dispute-settlement rung while it sits.
pub(super) fn file_dispute(world: &mut World, ctx: &Ctx, id: &str) -> Result<Words, String> {
    let by = ctx.by;
    let me = ctx.me.as_str();
    let e = dispute(world, id, by)?;
    let panel = world.resource::<Params>().0.panel_months as u32;
    let mut d = world.get_mut::<Dispute>(e).ok_or("dispute vanished")?;
    if d.rung >= Rung::DisputeSettlement {
        return Err(crate::i18n::remember(
            Words::new("refused-already-at")
                .text("title", d.title.as_str())
                .words("stage", d.rung.stage_words()),
        ));
    }
    d.rung = Rung::DisputeSettlement;
    d.panel_left = panel;
    d.months_at_rung = 0;
    Ok(Words::new("result-file")
        .text("me", me)
        .text("title", d.title.as_str()))
}

/// `Statement`: conciliatory words calm and soften the stance; firm and hostile ones heat
/// (hostile ones also draw the press) and harden it, which makes backing down cost more.
pub(super) fn statement(world: &mut World, ctx: &Ctx, id: &str, tone: Tone) -> Result<Words, String> {
    let by = ctx.by;
    let me = ctx.me.as_str();
    let e = dispute(world, id, by)?;
    let p = world.resource::<Params>().0.clone();
    let mut d = world.get_mut::<Dispute>(e).ok_or("dispute vanished")?;
    // Stance moves by half a step for words of one kind, a whole step for hostile ones.
    let shift = match tone {
        Tone::Conciliatory => {
            d.calm += p.conciliatory_calm;
            -0.5
        }
        Tone::Firm => {
            d.heat += p.firm_heat;
            0.5
        }
        Tone::Hostile => {
            d.heat += p.hostile_heat;
            d.salience = (d.salience + p.hostile_salience).min(1.0);
            1.0
        }
    };
    let stance = d.stance_mut(by);
    *stance = (*stance + shift).clamp(-1.0, 2.0);
    Ok(Words::new("result-statement")
        .text("me", me)
        .words("tone", Words::new(&format!("tone-{}", tone.label())))
        .text("title", d.title.as_str()))
}
