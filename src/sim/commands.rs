//! Phase 1: validate and apply the month's commands (DESIGN.md rule 2). The player's clicks,
//! the AI's choices, timeline events and replay scripts all arrive here as the same `Command`
//! values. An invalid command is rejected with a reason the UI can show; nothing panics.

use bevy_ecs::prelude::*;

use super::setup::SimEntity;
use super::*;
use crate::command::{Channel, Command, Offer, Tone};
use crate::scenario::{ALL, MeasureKind, Rung};

/// Calm that an open channel or an offer puts on a dispute, by channel.
fn channel_calm(c: Channel) -> f64 {
    match c {
        Channel::WorkingLevel => 0.35,
        Channel::Ministerial => 0.25,
        Channel::Leaders => 0.15,
    }
}

/// Largest factor by which a purchase commitment can raise the buyers' preference weights.
const MAX_PURCHASE_TILT: f64 = 2.0;

/// Political capital a leaders' summit costs.
pub const SUMMIT_COST: f64 = 10.0;

/// Apply this month's scripted commands, then the queued ones, in order.
pub fn apply_commands(world: &mut World) {
    let month = world.resource::<Clock>().month;
    let mut batch: Vec<Issued> = Vec::new();
    {
        let mut script = world.resource_mut::<Script>();
        let (now, later): (Vec<_>, Vec<_>) = std::mem::take(&mut script.0)
            .into_iter()
            .partition(|c| c.month <= month);
        script.0 = later;
        batch.extend(now.into_iter().map(|c| Issued {
            by: c.by,
            command: c.command,
            origin: Origin::Script,
            reason: String::new(),
        }));
    }
    batch.append(&mut world.resource_mut::<PendingCommands>().0);
    for issued in batch {
        let result = apply(world, &issued);
        log(world, month, issued, result);
    }
}

pub(crate) fn log(world: &mut World, month: u32, issued: Issued, result: Result<String, String>) {
    if let Ok(summary) = &result
        && issued.origin != Origin::Event
    {
        world
            .resource_mut::<News>()
            .post(month, &issued.by, summary.clone());
    }
    world.resource_mut::<CommandLog>().0.push(LogEntry {
        month,
        issued,
        rejected: result.err(),
    });
}

struct Ctx {
    by: usize,
    by_id: String,
    month: u32,
}

fn state(world: &World, id: &str) -> Result<usize, String> {
    world
        .resource::<Registry>()
        .state(id)
        .ok_or_else(|| format!("there is no state \"{id}\""))
}

fn target(world: &World, id: &str, by: usize) -> Result<Option<usize>, String> {
    if id == ALL {
        return Ok(None);
    }
    let t = state(world, id)?;
    if t == by {
        return Err("a state cannot aim a measure at itself".into());
    }
    Ok(Some(t))
}

fn sector(world: &World, id: &str) -> Result<Option<usize>, String> {
    if id == ALL {
        return Ok(None);
    }
    world
        .resource::<Registry>()
        .sector(id)
        .map(Some)
        .ok_or_else(|| format!("there is no sector \"{id}\""))
}

fn finite_in(v: f64, lo: f64, hi: f64, what: &str) -> Result<(), String> {
    if v.is_finite() && v >= lo && v <= hi {
        Ok(())
    } else {
        Err(format!("{what} must be between {lo} and {hi}, not {v}"))
    }
}

fn dispute(world: &mut World, id: &str, by: usize) -> Result<Entity, String> {
    let mut q = world.query::<(Entity, &Dispute)>();
    let (e, d) = q
        .iter(world)
        .find(|(_, d)| d.id == id)
        .ok_or_else(|| format!("there is no dispute \"{id}\""))?;
    if !d.involves(by) {
        return Err(format!(
            "{} is not a party to {}",
            world.resource::<Registry>().states[by],
            d.title
        ));
    }
    if !d.is_open() {
        return Err(format!("{} is already settled", d.title));
    }
    Ok(e)
}

/// Measures by `by` of a kind matching `pred` on exactly this target and sector.
fn find_measures(
    world: &mut World,
    by: usize,
    tgt: Option<usize>,
    sec: Option<usize>,
    pred: impl Fn(&MeasureKind) -> bool,
) -> Vec<Entity> {
    let mut q = world.query::<(Entity, &Measure)>();
    let mut found: Vec<(u64, Entity)> = q
        .iter(world)
        .filter(|(_, m)| m.by == by && m.target == tgt && m.sector == sec && pred(&m.kind))
        .map(|(e, m)| (m.serial, e))
        .collect();
    found.sort();
    found.into_iter().map(|(_, e)| e).collect()
}

/// Of these measures, those with legal basis `basis` (all of them when None).
fn with_basis(world: &World, found: Vec<Entity>, basis: Option<&str>) -> Vec<Entity> {
    found
        .into_iter()
        .filter(|&e| basis.is_none_or(|b| world.get::<Measure>(e).is_some_and(|m| m.legal_basis == b)))
        .collect()
}

/// The importer's own quotas and VERs (not the restraints exporters impose on themselves).
fn importer_caps(
    world: &mut World,
    by: usize,
    tgt: Option<usize>,
    sec: Option<usize>,
    basis: Option<&str>,
) -> Vec<Entity> {
    let found = find_measures(world, by, tgt, sec, is_quota)
        .into_iter()
        .filter(|&e| world.get::<Measure>(e).is_some_and(|m| !m.self_imposed))
        .collect();
    with_basis(world, found, basis)
}

/// The restraint `exporter` imposed on its own exports of `sec` to `importer`.
fn own_restraints(world: &mut World, exporter: usize, importer: usize, sec: Option<usize>) -> Vec<Entity> {
    find_measures(world, importer, Some(exporter), sec, is_quota)
        .into_iter()
        .filter(|&e| world.get::<Measure>(e).is_some_and(|m| m.self_imposed))
        .collect()
}

fn spawn_measure(
    world: &mut World,
    ctx: &Ctx,
    tgt: Option<usize>,
    sec: Option<usize>,
    kind: MeasureKind,
    basis: &str,
) -> Entity {
    let serial = {
        let mut s = world.resource_mut::<MeasureSerial>();
        s.0 += 1;
        s.0
    };
    world
        .spawn((
            SimEntity,
            Measure {
                serial,
                id: format!("m{serial}"),
                by: ctx.by,
                target: tgt,
                sector: sec,
                kind,
                legal_basis: basis.to_string(),
                source: format!("command by {} in month {}", ctx.by_id, ctx.month),
                since: ctx.month,
                initial: false,
                self_imposed: false,
            },
        ))
        .id()
}

fn is_tariff(k: &MeasureKind) -> bool {
    matches!(k, MeasureKind::Tariff(_))
}
fn is_quota(k: &MeasureKind) -> bool {
    matches!(k, MeasureKind::Quota(_) | MeasureKind::Ver(_))
}
fn is_control(k: &MeasureKind) -> bool {
    matches!(k, MeasureKind::ExportControl)
}

/// Protection won: lobbies of `by` in the protected sectors gain organisation and appetite
/// (the "sense of success" that keeps old protected sectors loud).
fn protection_won(world: &mut World, ctx: &Ctx, sec: Option<usize>) {
    demand_met(
        world,
        ctx.month,
        ctx.by,
        |s| sec.is_none_or(|x| x == s),
        "won protection",
    );
}

/// A lobby's demand is met (MODEL.md "Lobbies"): its organisation grows a step and it counts as
/// answered for a while, so its pressure stops costing the leader approval. Protection won,
/// tariff relief won abroad by a deal, and a sector carved out of a deal all count.
fn demand_met(world: &mut World, month: u32, state: usize, sector: impl Fn(usize) -> bool, because: &str) {
    let mut q = world.query::<&mut Lobby>();
    let mut won = Vec::new();
    for mut l in q.iter_mut(world) {
        if l.state == state && l.sectors.iter().any(|&s| sector(s)) && l.last_win != Some(month) {
            l.last_win = Some(month);
            l.wins += 1;
            let step = 0.1 * (1.0 - l.organisation);
            l.organisation += step;
            won.push((l.id.clone(), step));
        }
    }
    won.sort_by(|a, b| a.0.cmp(&b.0));
    let mut causes = world.resource_mut::<Causes>();
    for (id, step) in won {
        causes.add(month, &id, "organisation", step, because.into());
    }
}

/// Validate and apply one command. Ok carries a one-line summary for the news feed.
pub fn apply(world: &mut World, issued: &Issued) -> Result<String, String> {
    apply_as(world, issued, None)
}

/// `apply`, for an event's effect that names the legal basis of the measure it sets or
/// removes: the command then acts only on the measures with that basis (see
/// `ScheduledEffect::legal_basis`).
pub(crate) fn apply_as(world: &mut World, issued: &Issued, basis: Option<&str>) -> Result<String, String> {
    let result = apply_inner(world, issued, basis);
    // The AI paces itself by the month of its last move in each dispute.
    if result.is_ok()
        && issued.origin == Origin::Ai
        && let Some(id) = dispute_of(&issued.command)
        && let Some(by) = world.resource::<Registry>().state(&issued.by)
    {
        let month = world.resource::<Clock>().month;
        let mut q = world.query::<&mut Dispute>();
        if let Some(mut d) = q.iter_mut(world).find(|d| d.id == id) {
            d.set_last_move(by, month);
        }
    }
    result
}

/// The dispute a command is about, if any.
pub fn dispute_of(c: &Command) -> Option<&str> {
    match c {
        Command::OpenNegotiation { dispute, .. }
        | Command::MakeOffer { dispute, .. }
        | Command::AcceptOffer { dispute }
        | Command::RejectOffer { dispute }
        | Command::FileDispute { dispute }
        | Command::Statement { dispute, .. } => Some(dispute),
        _ => None,
    }
}

/// A new tariff aimed at one partner opens a dispute with it over that sector, unless one is
/// already open (a settled one is reopened at the working level).
fn open_dispute(world: &mut World, ctx: &Ctx, target: usize, sec: Option<usize>) {
    let reg = world.resource::<Registry>().clone();
    let sectors: Vec<usize> = sec.map_or_else(|| (0..reg.k()).collect(), |s| vec![s]);
    let mut q = world.query::<&mut Dispute>();
    let covered = q.iter(world).any(|d| {
        d.is_open()
            && d.involves(target)
            && d.involves(ctx.by)
            && sectors.iter().all(|s| d.sectors.contains(s))
    });
    if covered {
        return;
    }
    let what = sec.map_or("all", |s| reg.sectors[s].as_str());
    let id = format!("{}_{}_{what}", reg.states[target], reg.states[ctx.by]).to_lowercase();
    let title = format!(
        "{}'s tariffs on {}'s {}",
        reg.state_names[ctx.by],
        reg.state_names[target],
        sec.map_or("goods", |s| reg.sector_names[s].as_str())
    );
    if let Some(mut d) = q.iter_mut(world).find(|d| d.id == id) {
        d.status = DisputeStatus::Open;
        d.rung = Rung::WorkingLevel;
        d.months_at_rung = 0;
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
    world
        .resource_mut::<News>()
        .post(ctx.month, &id, format!("New dispute: {title}"));
}

fn apply_inner(world: &mut World, issued: &Issued, basis: Option<&str>) -> Result<String, String> {
    let by = state(world, &issued.by)?;
    let ctx = Ctx {
        by,
        by_id: issued.by.clone(),
        month: world.resource::<Clock>().month,
    };
    let name = |w: &World, i: usize| w.resource::<Registry>().state_names[i].clone();
    let me = name(world, by);
    match &issued.command {
        Command::SetTariff {
            target: t,
            sector: s,
            rate,
        } => {
            let (tgt, sec) = (target(world, t, by)?, sector(world, s)?);
            finite_in(*rate, 0.0, crate::scenario::validate::MAX_TARIFF, "a tariff rate")?;
            // With a legal basis only the measures of that basis are replaced; the others on
            // the same target and sector stay and stack.
            let found = find_measures(world, by, tgt, sec, is_tariff);
            let old = with_basis(world, found, basis);
            let raised = {
                let prev: f64 = old
                    .iter()
                    .filter_map(|&e| match world.get::<Measure>(e).map(|m| &m.kind) {
                        Some(MeasureKind::Tariff(r)) => Some(*r),
                        _ => None,
                    })
                    .sum();
                *rate > prev
            };
            for e in old {
                world.despawn(e);
            }
            spawn_measure(
                world,
                &ctx,
                tgt,
                sec,
                MeasureKind::Tariff(*rate),
                basis.unwrap_or("executive order"),
            );
            if raised {
                protection_won(world, &ctx, sec);
                if let Some(t) = tgt {
                    open_dispute(world, &ctx, t, sec);
                }
            }
            Ok(format!("{me} sets a {:.1}% tariff on {t} ({s})", rate * 100.0))
        }
        Command::RemoveTariff { target: t, sector: s } => {
            let (tgt, sec) = (target(world, t, by)?, sector(world, s)?);
            let found = find_measures(world, by, tgt, sec, is_tariff);
            let old = with_basis(world, found, basis);
            if old.is_empty() {
                return Err(format!(
                    "{me} has no tariff{} on {t} ({s}) to remove",
                    basis.map_or(String::new(), |b| format!(" under {b}"))
                ));
            }
            for e in old {
                world.despawn(e);
            }
            Ok(format!("{me} removes its tariff on {t} ({s})"))
        }
        Command::SetQuota {
            target: t,
            sector: s,
            volume,
            voluntary,
        } => {
            let (tgt, sec) = (target(world, t, by)?, sector(world, s)?);
            if tgt.is_none() {
                return Err("a quota needs one partner as its target, not \"all\"".into());
            }
            finite_in(
                *volume,
                0.0,
                crate::scenario::validate::MAX_VALUE,
                "a quota volume",
            )?;
            for e in importer_caps(world, by, tgt, sec, basis) {
                world.despawn(e);
            }
            let kind = if *voluntary {
                MeasureKind::Ver(*volume)
            } else {
                MeasureKind::Quota(*volume)
            };
            spawn_measure(
                world,
                &ctx,
                tgt,
                sec,
                kind,
                basis.unwrap_or(if *voluntary {
                    "voluntary export restraint"
                } else {
                    "import quota"
                }),
            );
            protection_won(world, &ctx, sec);
            let what = if *voluntary {
                "a voluntary export restraint"
            } else {
                "an import quota"
            };
            Ok(format!("{me} obtains {what} of {volume:.1}bn/yr on {t} ({s})"))
        }
        Command::RemoveQuota { target: t, sector: s } => {
            let (tgt, sec) = (target(world, t, by)?, sector(world, s)?);
            let old = importer_caps(world, by, tgt, sec, basis);
            if old.is_empty() {
                return Err(format!(
                    "{me} has no quota{} on {t} ({s}) to remove",
                    basis.map_or(String::new(), |b| format!(" under {b}"))
                ));
            }
            for e in old {
                world.despawn(e);
            }
            Ok(format!("{me} lifts its quota on {t} ({s})"))
        }
        Command::RestrainExports {
            target: t,
            sector: s,
            volume,
        } => {
            let (tgt, sec) = (target(world, t, by)?, sector(world, s)?);
            let Some(importer) = tgt else {
                return Err("a restraint needs one market as its target, not \"all\"".into());
            };
            finite_in(
                *volume,
                0.0,
                crate::scenario::validate::MAX_VALUE,
                "a restraint's volume",
            )?;
            // A new restraint replaces the exporter's own earlier one on that market; it is
            // relief for the importer's industry when it is new or tighter.
            let mut tighter = true;
            for e in own_restraints(world, by, importer, sec) {
                if let Some(MeasureKind::Ver(v)) = world.get::<Measure>(e).map(|m| &m.kind) {
                    tighter &= *volume < *v;
                }
                world.despawn(e);
            }
            let e = spawn_measure(
                world,
                &ctx,
                Some(by),
                sec,
                MeasureKind::Ver(*volume),
                "voluntary export restraint (self-imposed)",
            );
            if let Some(mut m) = world.get_mut::<Measure>(e) {
                m.by = importer;
                m.self_imposed = true;
            }
            if tighter {
                let because = format!("relief won: {} restrains its exports", ctx.by_id);
                demand_met(
                    world,
                    ctx.month,
                    importer,
                    |x| sec.is_none_or(|y| y == x),
                    &because,
                );
            }
            Ok(format!(
                "{me} restrains its exports to {t} ({s}) to {volume:.1}bn/yr"
            ))
        }
        Command::LiftRestraint { target: t, sector: s } => {
            let (tgt, sec) = (target(world, t, by)?, sector(world, s)?);
            let Some(importer) = tgt else {
                return Err("a restraint needs one market as its target, not \"all\"".into());
            };
            let old = own_restraints(world, by, importer, sec);
            if old.is_empty() {
                return Err(format!(
                    "{me} has no restraint on its exports to {t} ({s}) to lift"
                ));
            }
            for e in old {
                world.despawn(e);
            }
            Ok(format!("{me} lifts its restraint on exports to {t} ({s})"))
        }
        Command::ImposeExportControl { target: t, sector: s } => {
            let (tgt, sec) = (target(world, t, by)?, sector(world, s)?);
            if !find_measures(world, by, tgt, sec, is_control).is_empty() {
                return Err(format!("{me} already controls {s} exports to {t}"));
            }
            spawn_measure(
                world,
                &ctx,
                tgt,
                sec,
                MeasureKind::ExportControl,
                "export control",
            );
            Ok(format!("{me} restricts exports of {s} to {t}"))
        }
        Command::LiftExportControl { target: t, sector: s } => {
            let (tgt, sec) = (target(world, t, by)?, sector(world, s)?);
            let old = find_measures(world, by, tgt, sec, is_control);
            if old.is_empty() {
                return Err(format!("{me} has no export control on {s} to {t} to lift"));
            }
            for e in old {
                world.despawn(e);
            }
            Ok(format!("{me} lifts its export control on {s} to {t}"))
        }
        Command::OpenNegotiation {
            dispute: id,
            channel,
            scope,
            excluded,
        } => {
            let e = dispute(world, id, by)?;
            for s in scope.iter().chain(excluded) {
                sector(world, s)?;
            }
            pay_channel(world, by, *channel)?;
            let mut d = world.get_mut::<Dispute>(e).ok_or("dispute vanished")?;
            d.channel = Some(*channel);
            d.calm += channel_calm(*channel);
            if *channel == Channel::Leaders && d.rung < Rung::Leaders {
                d.rung = Rung::Leaders;
                d.months_at_rung = 0;
            }
            let title = d.title.clone();
            Ok(format!("{me} opens {} talks on {title}", channel_name(*channel)))
        }
        Command::MakeOffer {
            dispute: id,
            channel,
            offer,
        } => {
            let e = dispute(world, id, by)?;
            check_offer(world, by, e, offer)?;
            pay_channel(world, by, *channel)?;
            let before = world.get::<Dispute>(e).ok_or("dispute vanished")?.clone();
            back_down(world, &ctx, &before);
            let mut d = world.get_mut::<Dispute>(e).ok_or("dispute vanished")?;
            d.channel = Some(*channel);
            d.calm += channel_calm(*channel) + 0.1 * offer.excluded.len().min(3) as f64;
            d.offer = Some((by, offer.clone()));
            let title = d.title.clone();
            Ok(format!(
                "{me} puts an offer on the table in {title} ({})",
                channel_name(*channel)
            ))
        }
        Command::AcceptOffer { dispute: id } => {
            let e = dispute(world, id, by)?;
            let d = world.get::<Dispute>(e).ok_or("dispute vanished")?.clone();
            let Some((from, offer)) = d.offer.clone().filter(|(from, _)| *from != by) else {
                return Err(format!(
                    "there is no offer from the other side in {} to accept",
                    d.title
                ));
            };
            back_down(world, &ctx, &d);
            settle(world, e, &ctx, from, &offer)?;
            Ok(format!(
                "{me} accepts the offer and the dispute is settled: {}",
                d.title
            ))
        }
        Command::RejectOffer { dispute: id } => {
            let e = dispute(world, id, by)?;
            let mut d = world.get_mut::<Dispute>(e).ok_or("dispute vanished")?;
            if d.offer.as_ref().is_none_or(|(from, _)| *from == by) {
                return Err(format!(
                    "there is no offer from the other side in {} to reject",
                    d.title
                ));
            }
            d.offer = None;
            d.heat += 0.2;
            // A failed summit goes public.
            if d.channel == Some(Channel::Leaders) {
                d.rung = Rung::Public;
                d.months_at_rung = 0;
            }
            Ok(format!("{me} rejects the offer in {}", d.title))
        }
        Command::FileDispute { dispute: id } => {
            let e = dispute(world, id, by)?;
            let panel = world.resource::<Params>().0.panel_months as u32;
            let mut d = world.get_mut::<Dispute>(e).ok_or("dispute vanished")?;
            if d.rung >= Rung::DisputeSettlement {
                return Err(format!("{} is already at {}", d.title, d.rung.stage()));
            }
            d.rung = Rung::DisputeSettlement;
            d.panel_left = panel;
            d.months_at_rung = 0;
            Ok(format!("{me} takes {} to formal dispute settlement", d.title))
        }
        Command::Statement { dispute: id, tone } => {
            let e = dispute(world, id, by)?;
            let mut d = world.get_mut::<Dispute>(e).ok_or("dispute vanished")?;
            let shift = match tone {
                Tone::Conciliatory => {
                    d.calm += 0.2;
                    -0.5
                }
                Tone::Firm => {
                    d.heat += 0.25;
                    0.5
                }
                Tone::Hostile => {
                    d.heat += 0.6;
                    d.salience = (d.salience + 0.15).min(1.0);
                    1.0
                }
            };
            let stance = d.stance_mut(by);
            *stance = (*stance + shift).clamp(-1.0, 2.0);
            let word = match tone {
                Tone::Conciliatory => "conciliatory",
                Tone::Firm => "firm",
                Tone::Hostile => "hostile",
            };
            Ok(format!("{me} makes a {word} statement on {}", d.title))
        }
        Command::ReviewAcquisition {
            acquisition,
            approve,
            conditions,
        } => {
            if *conditions && !*approve {
                return Err("conditions come with an approval: a blocked deal has none".into());
            }
            let mut q = world.query::<(Entity, &Acquisition)>();
            let (e, a) = q
                .iter(world)
                .find(|(_, a)| &a.id == acquisition)
                .map(|(e, a)| (e, a.clone()))
                .ok_or_else(|| format!("there is no acquisition \"{acquisition}\""))?;
            if a.reviewer != by {
                return Err(format!("{me} does not review {}: its host state does", a.title));
            }
            if a.status != AcquisitionStatus::Pending {
                return Err(format!("{} has already been decided", a.title));
            }
            let mut acq = world.get_mut::<Acquisition>(e).ok_or("acquisition vanished")?;
            acq.status = if *approve {
                AcquisitionStatus::Approved
            } else {
                AcquisitionStatus::Blocked
            };
            review_consequences(world, &ctx, &a, *approve, *conditions);
            Ok(format!(
                "{me} {} {}",
                match (*approve, *conditions) {
                    (true, true) => "approves, with a golden share and binding pledges,",
                    (true, false) => "approves",
                    (false, _) => "blocks",
                },
                a.title
            ))
        }
        Command::VoteOnApplicant {
            framework,
            applicant,
            support,
        } => {
            let a = state(world, applicant)?;
            let mut q = world.query::<&mut Framework>();
            let mut f = q
                .iter_mut(world)
                .find(|f| &f.id == framework)
                .ok_or_else(|| format!("there is no framework \"{framework}\""))?;
            if !f.members.contains(&by) {
                return Err(format!("{me} is not a member of {} and has no vote", f.name));
            }
            let fname = f.name.clone();
            let app = f
                .applicants
                .iter_mut()
                .find(|x| x.state == a)
                .ok_or_else(|| format!("{applicant} has not applied to {framework}"))?;
            app.declared.retain(|(m, _)| *m != by);
            app.declared.push((by, *support));
            Ok(format!(
                "{me} {} {applicant}'s accession to {fname}",
                if *support { "supports" } else { "opposes" }
            ))
        }
    }
}

fn channel_name(c: Channel) -> &'static str {
    match c {
        Channel::WorkingLevel => "working-level",
        Channel::Ministerial => "ministerial",
        Channel::Leaders => "leaders'",
    }
}

/// A leaders' summit needs `SUMMIT_COST` political capital; other channels are free.
fn can_pay(world: &World, by: usize, channel: Channel) -> Result<(), String> {
    let capital = world
        .get::<Politics>(world.resource::<Registry>().entities[by])
        .map_or(0.0, |p| p.capital);
    if channel == Channel::Leaders && capital < SUMMIT_COST {
        return Err(format!(
            "a leaders' summit costs {SUMMIT_COST} political capital; only {capital:.0} is left"
        ));
    }
    Ok(())
}

fn pay_channel(world: &mut World, by: usize, channel: Channel) -> Result<(), String> {
    can_pay(world, by, channel)?;
    if channel == Channel::Leaders {
        let e = world.resource::<Registry>().entities[by];
        world.get_mut::<Politics>(e).ok_or("state vanished")?.capital -= SUMMIT_COST;
    }
    Ok(())
}

/// Whether `offer` from `by` in the dispute `e` can go on the table: known sectors, rates in
/// range, every offered cut below `by`'s tariff on the other side now and every ask below the
/// other side's tariff on `by` (a "cut" to the rate in force, or above it, would be no cut or a
/// rise), and something of substance (a real cut, purchases or an investment pledge).
fn check_offer(world: &mut World, by: usize, e: Entity, offer: &Offer) -> Result<(), String> {
    let other = world.get::<Dispute>(e).ok_or("dispute vanished")?.other(by);
    let reg = world.resource::<Registry>().clone();
    let wedges = super::trade::wedges_now(world, &reg);
    for (cuts, what, (i, j)) in [
        (&offer.tariff_cuts, "an offered tariff rate", (by, other)),
        (&offer.asks, "an asked tariff rate", (other, by)),
    ] {
        for c in cuts {
            let s = sector(world, &c.sector)?;
            finite_in(c.rate, 0.0, crate::scenario::validate::MAX_TARIFF, what)?;
            for s in s.map_or_else(|| (0..reg.k()).collect(), |s| vec![s]) {
                let now = wedges.tariff[wedges.at(i, j, s)];
                if c.rate > now + 1e-9 {
                    return Err(format!(
                        "{}'s tariff on {}'s {} is {:.1}% now: {what} of {:.1}% would raise it",
                        reg.state_names[i],
                        reg.state_names[j],
                        reg.sector_names[s],
                        now * 100.0,
                        c.rate * 100.0
                    ));
                }
            }
        }
    }
    for s in &offer.excluded {
        sector(world, s)?;
    }
    finite_in(
        offer.purchases,
        0.0,
        crate::scenario::validate::MAX_VALUE,
        "purchases",
    )?;
    finite_in(
        offer.investment,
        0.0,
        crate::scenario::validate::MAX_VALUE,
        "investment",
    )?;
    let real_cut = offer.tariff_cuts.iter().any(|c| {
        let sectors: Vec<usize> = reg
            .sector(&c.sector)
            .map_or_else(|| (0..reg.k()).collect(), |s| vec![s]);
        sectors
            .into_iter()
            .any(|s| c.rate < wedges.tariff[wedges.at(by, other, s)] - 1e-9)
    });
    if !real_cut && offer.purchases == 0.0 && offer.investment == 0.0 {
        return Err(if offer.tariff_cuts.is_empty() {
            "an offer needs a tariff cut, purchases or an investment pledge: asking alone gives the other side nothing to accept".into()
        } else {
            format!(
                "an offer needs a tariff cut, purchases or an investment pledge: your tariffs on {} in the sectors you offer are already at the rates offered",
                reg.state_names[other]
            )
        });
    }
    Ok(())
}

/// Check a command as it is given, before it is queued, with the same rules its month will
/// apply, so the player hears at once why it cannot go (the world may still change before it
/// runs, and the month checks again). Checks offers, acceptances, rejections and moves in
/// disputes; other commands are checked when they run.
pub fn precheck(world: &mut World, issued: &Issued) -> Result<(), String> {
    let by = state(world, &issued.by)?;
    let Some(id) = dispute_of(&issued.command) else {
        return Ok(());
    };
    let e = dispute(world, id, by)?;
    match &issued.command {
        Command::MakeOffer { channel, offer, .. } => {
            check_offer(world, by, e, offer)?;
            can_pay(world, by, *channel)
        }
        Command::AcceptOffer { .. } | Command::RejectOffer { .. } => {
            let d = world.get::<Dispute>(e).ok_or("dispute vanished")?;
            if d.offer.as_ref().is_none_or(|(from, _)| *from == by) {
                return Err(format!("there is no offer from the other side in {}", d.title));
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Bring the tariff `ctx.by` charges on `partner` in `sec` (None: every sector) to `rate`:
/// its own measures on that partner there go, and where a broader measure (on "all" partners or
/// sectors) would still charge more or less, a trade-agreement measure makes up the difference.
fn set_rate(world: &mut World, ctx: &Ctx, partner: usize, sec: Option<usize>, rate: f64) {
    let by = ctx.by;
    for old in find_measures(world, by, Some(partner), sec, is_tariff) {
        world.despawn(old);
    }
    let reg = world.resource::<Registry>().clone();
    let wedges = super::trade::wedges_now(world, &reg);
    let sectors: Vec<usize> = sec.map_or_else(|| (0..reg.k()).collect(), |s| vec![s]);
    for s in sectors {
        let residual = wedges.tariff[wedges.at(by, partner, s)];
        if (residual - rate).abs() > 1e-12 {
            spawn_measure(
                world,
                ctx,
                Some(partner),
                Some(s),
                MeasureKind::Tariff(rate - residual),
                "trade agreement",
            );
        }
    }
}

/// Carry out an accepted offer: the offering side's tariffs on the acceptor come down to the
/// offered rates (a carve-out measure where a broader tariff stays in force), the acceptor
/// takes back its own new tariffs on the offerer in the disputed sectors (what it is paid for,
/// unless the offer leaves the sector out) and brings its tariffs down to what the offer asks,
/// purchases shift the offerer's demand toward the acceptor, and the dispute is settled.
fn settle(world: &mut World, e: Entity, ctx: &Ctx, from: usize, offer: &Offer) -> Result<(), String> {
    let acceptor = ctx.by;
    let offer_ctx = Ctx {
        by: from,
        by_id: world.resource::<Registry>().states[from].clone(),
        month: ctx.month,
    };
    for cut in &offer.tariff_cuts {
        let sec = sector(world, &cut.sector)?;
        set_rate(world, &offer_ctx, acceptor, sec, cut.rate);
    }
    // The acceptor rolls back its new tariffs (above the start's) on the offerer in the
    // dispute's sectors that the offer does not leave out.
    let reg = world.resource::<Registry>().clone();
    let disputed: Vec<usize> = world
        .get::<Dispute>(e)
        .map(|d| d.sectors.clone())
        .unwrap_or_default()
        .into_iter()
        .filter(|&s| !offer.excluded.contains(&reg.sectors[s]))
        .collect();
    for s in disputed {
        let c = world.resource::<Trade>().at(acceptor, from, s);
        let start = world.resource::<Trade>().tariff0(c);
        let now = super::trade::wedges_now(world, &reg).tariff[c];
        if now > start + 1e-12 {
            set_rate(world, ctx, from, Some(s), start);
        }
    }
    // What the offerer asked in return: the acceptor's tariffs on it come down to those rates.
    for ask in &offer.asks {
        let sec = sector(world, &ask.sector)?;
        set_rate(world, ctx, from, sec, ask.rate);
    }
    if offer.purchases > 0.0 {
        // Purchase commitments: the offerer's buyers tilt toward the acceptor's goods.
        let mut trade = world.resource_mut::<Trade>();
        let k = trade.k;
        let total: f64 = (0..k).map(|s| trade.flow[trade.at(from, acceptor, s)]).sum();
        // Purchases can at most double what the buyers already take: a commitment cannot
        // conjure a trade that does not exist.
        if total > 0.01 {
            let tilt = (1.0 + offer.purchases / total).min(MAX_PURCHASE_TILT);
            for s in 0..k {
                let c = trade.at(from, acceptor, s);
                trade.weight[c] *= tilt;
            }
            trade.dirty = true;
        }
    }
    // The deal answers lobbies: the acceptor's exporters in the sectors whose tariffs come
    // down, and each side's lobbies in the sectors carved out.
    let reg = world.resource::<Registry>().clone();
    let cut: Vec<usize> = offer
        .tariff_cuts
        .iter()
        .flat_map(|c| match reg.sector(&c.sector) {
            Some(s) => vec![s],
            None => (0..reg.k()).collect(),
        })
        .collect();
    let kept: Vec<usize> = offer.excluded.iter().filter_map(|x| reg.sector(x)).collect();
    demand_met(
        world,
        ctx.month,
        acceptor,
        |s| cut.contains(&s),
        "tariff relief won in a deal",
    );
    for side in [acceptor, from] {
        demand_met(
            world,
            ctx.month,
            side,
            |s| kept.contains(&s),
            "sector carved out of a deal",
        );
    }
    let mut d = world.get_mut::<Dispute>(e).ok_or("dispute vanished")?;
    d.status = DisputeStatus::Settled { month: ctx.month };
    d.offer = None;
    d.calm += 1.0;
    let id = d.id.clone();
    // A deal shows cooperation: both sides trust each other a little more, for good.
    let gain = world.resource::<Params>().0.deal_trust;
    let mut rel = world.resource_mut::<Relations>();
    for (x, y) in [(acceptor, from), (from, acceptor)] {
        let c = rel.at(x, y);
        rel.ceiling[c] = (rel.ceiling[c] + gain / 2.0).min(1.0);
        rel.trust[c] = (rel.trust[c] + gain).min(rel.ceiling[c]);
    }
    let because = format!("deal concluded in {id}");
    let (a, b) = {
        let reg = world.resource::<Registry>();
        (
            format!("{}->{}", reg.states[acceptor], reg.states[from]),
            format!("{}->{}", reg.states[from], reg.states[acceptor]),
        )
    };
    let mut causes = world.resource_mut::<Causes>();
    causes.add(ctx.month, &a, "trust", gain, because.clone());
    causes.add(ctx.month, &b, "trust", gain, because);
    Ok(())
}

/// What a review decides beyond the status. Approved: the plant passes to the acquirer, its
/// capacity grows with the pledged investment, and the acquirer trusts the reviewer a little
/// more (cooperation shown). Blocked: a public rebuff of the acquirer's government — its trust
/// in the reviewer falls as in a month of public confrontation, ceiling included.
/// What a verdict does. Approval passes the plant to the acquirer and its pledged investment
/// adds capacity; the acquirer trusts the host more. Conditions (a golden share, binding jobs
/// and investment pledges) answer the host's lobbies in the plant's sector, which feared the
/// sale, at the price of half the acquirer's gain in trust: it accepts terms it resents
/// (estimate: the half). Blocking is a public rebuff: trust and its ceiling fall.
fn review_consequences(world: &mut World, ctx: &Ctx, a: &Acquisition, approve: bool, conditions: bool) {
    let p = world.resource::<Params>().0.clone();
    if approve {
        let mut q = world.query::<&mut Industry>();
        let sector = q.iter_mut(world).find(|i| i.id == a.target).map(|mut ind| {
            ind.owner = a.acquirer;
            ind.capacity += p.investment_capacity * a.investment;
            ind.sector
        });
        if conditions && let Some(s) = sector {
            let because = format!("conditions on {}: a golden share and binding pledges", a.title);
            demand_met(world, ctx.month, ctx.by, |x| x == s, &because);
        }
    }
    let (gain, ceiling) = match (approve, conditions) {
        (true, false) => (p.deal_trust, p.deal_trust / 2.0),
        (true, true) => (p.deal_trust / 2.0, p.deal_trust / 4.0),
        (false, _) => (-p.public_trust_loss, -p.ceiling_step),
    };
    let mut rel = world.resource_mut::<Relations>();
    let c = rel.at(a.acquirer, ctx.by);
    rel.ceiling[c] = (rel.ceiling[c] + ceiling).clamp(0.0, 1.0);
    rel.trust[c] = (rel.trust[c] + gain).clamp(0.0, rel.ceiling[c]);
    let pair = {
        let reg = world.resource::<Registry>();
        format!("{}->{}", reg.states[a.acquirer], reg.states[ctx.by])
    };
    let because = if approve && conditions {
        format!("{} approved, with conditions", a.title)
    } else if approve {
        format!("{} approved", a.title)
    } else {
        format!("{} blocked: a public rebuff", a.title)
    };
    world
        .resource_mut::<Causes>()
        .add(ctx.month, &pair, "trust", gain, because);
}

/// Backing down after public threats costs approval at home (the audience cost).
fn back_down(world: &mut World, ctx: &Ctx, d: &Dispute) {
    let stance = d.stance_of(ctx.by);
    if d.rung < Rung::Leaders || stance <= 0.3 {
        return;
    }
    let cost = world.resource::<Params>().0.audience_cost * stance.min(1.5);
    let e = world.resource::<Registry>().entities[ctx.by];
    if let Some(mut p) = world.get_mut::<Politics>(e) {
        p.approval = (p.approval - cost).max(0.05);
    }
    let because = format!("backing down in {} after taking a firm public stance", d.title);
    world
        .resource_mut::<Causes>()
        .add(ctx.month, &ctx.by_id, "approval", -cost, because);
}
