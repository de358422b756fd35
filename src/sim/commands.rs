//! Phase 1: validate and dispatch the month's commands (docs/architecture.md, "Commands are the
//! only way in"). The player's clicks, the AI's choices, timeline events and replay scripts all
//! arrive here as the same `Command` values. This file holds what every command shares — who
//! issues it, the lookups of ids, the log — and sends each to the mechanism whose state it
//! changes: `measures` (tariffs, quotas, restraints, controls), `negotiation` (talks, offers,
//! settlement), `escalation` (statements, panels), `acquisitions`, `frameworks` (votes, courtship). An
//! invalid command is rejected with a reason the UI can show; nothing panics.

use crate::i18n::Words;
use bevy_ecs::prelude::*;

use super::lookup::{Ctx, dispute, state_of};
use super::negotiation::{can_pay, check_offer};
use super::*;
use crate::command::{Command, TEACHER};

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
        let result = apply_as(world, &issued, None);
        log(world, month, issued, result);
    }
}

pub(crate) fn log(world: &mut World, month: u32, issued: Issued, result: Result<Words, String>) {
    // Events and injects post their own headlines.
    let rejected = match result {
        Ok(summary) => {
            if issued.origin != Origin::Event && !matches!(issued.command, Command::Inject { .. }) {
                world
                    .resource_mut::<News>()
                    .post_words(month, &issued.by, summary);
            }
            None
        }
        Err(e) => Some(e),
    };
    world.resource_mut::<CommandLog>().0.push(LogEntry {
        month,
        issued,
        rejected,
    });
}

/// Validate and apply one command. Ok carries a one-line summary for the news feed (in
/// English; the news keeps it to be worded in the reader's language).
pub fn apply(world: &mut World, issued: &Issued) -> Result<String, String> {
    apply_as(world, issued, None).map(|w| w.to_string())
}

/// `apply`, for an event's effect that names the legal basis of the measure it sets or
/// removes: the command then acts only on the measures with that basis (see
/// `ScheduledEffect::legal_basis`).
pub(crate) fn apply_as(world: &mut World, issued: &Issued, basis: Option<&str>) -> Result<Words, String> {
    let result = apply_inner(world, issued, basis);
    // The AI paces itself by the month of its last move in each dispute.
    if result.is_ok()
        && issued.origin == Origin::Ai
        && let Some(id) = issued.command.dispute()
        && let Some(by) = world.resource::<Registry>().state(&issued.by)
    {
        let month = world.resource::<Clock>().month;
        if let Some(e) = super::lookup::dispute_entity(world, id)
            && let Some(mut d) = world.get_mut::<Dispute>(e)
        {
            d.set_last_move(by, month);
        }
    }
    result
}

fn apply_inner(world: &mut World, issued: &Issued, basis: Option<&str>) -> Result<Words, String> {
    // The teacher fires injects, and only injects.
    match (&issued.command, issued.by == TEACHER) {
        (Command::Inject { id }, true) => return inject(world, id),
        (Command::Inject { .. }, false) => {
            let reg = world.resource::<Registry>();
            let words = Words::new("refusal-inject-not-teacher");
            return Err(crate::i18n::remember(match reg.state(&issued.by) {
                Some(i) => words.named("by", &issued.by, &reg.state_names[i]),
                None => words.plain("by", issued.by.as_str()),
            }));
        }
        (other, true) => {
            return Err(crate::i18n::remember(
                Words::new("refusal-teacher-injects-only").words(
                    "command",
                    Words::new("refusal-command-kind").plain("kind", other.name()),
                ),
            ));
        }
        _ => {}
    }
    let by = state_of(world, &issued.by)?;
    let ctx = Ctx {
        by,
        by_id: issued.by.clone(),
        me: world.resource::<Registry>().state_names[by].clone(),
        month: world.resource::<Clock>().month,
    };
    match &issued.command {
        Command::SetTariff {
            target: t,
            sector: s,
            rate,
        } => measures::set_tariff(world, &ctx, t, s, *rate, basis),
        Command::RemoveTariff { target: t, sector: s } => measures::remove_tariff(world, &ctx, t, s, basis),
        Command::SetQuota {
            target: t,
            sector: s,
            volume,
            voluntary,
        } => measures::set_quota(world, &ctx, t, s, *volume, *voluntary, basis),
        Command::RemoveQuota { target: t, sector: s } => measures::remove_quota(world, &ctx, t, s, basis),
        Command::RestrainExports {
            target: t,
            sector: s,
            volume,
        } => measures::restrain_exports(world, &ctx, t, s, *volume),
        Command::LiftRestraint { target: t, sector: s } => measures::lift_restraint(world, &ctx, t, s),
        Command::ImposeExportControl { target: t, sector: s } => measures::impose_control(world, &ctx, t, s),
        Command::LiftExportControl { target: t, sector: s } => measures::lift_control(world, &ctx, t, s),
        Command::OpenNegotiation {
            dispute: id,
            channel,
            scope,
            excluded,
        } => negotiation::open_negotiation(world, &ctx, id, *channel, scope, excluded),
        Command::MakeOffer {
            dispute: id,
            channel,
            offer,
        } => negotiation::make_offer(world, &ctx, id, *channel, offer),
        Command::AcceptOffer { dispute: id } => negotiation::accept_offer(world, &ctx, id),
        Command::RejectOffer { dispute: id } => negotiation::reject_offer(world, &ctx, id),
        Command::FileDispute { dispute: id } => escalation::file_dispute(world, &ctx, id),
        Command::Statement { dispute: id, tone } => escalation::statement(world, &ctx, id, *tone),
        Command::ReviewAcquisition {
            acquisition,
            approve,
            conditions,
        } => acquisitions::review(world, &ctx, acquisition, *approve, *conditions),
        Command::VoteOnApplicant {
            framework,
            applicant,
            support,
        } => frameworks::vote(world, &ctx, framework, applicant, *support),
        Command::Court { target } => frameworks::court(world, &ctx, target),
        Command::Inject { .. } => Err(crate::i18n::remember(Words::new("refusal-inject-teachers"))),
    }
}

/// Check a command as it is given, before it is queued, with the same rules its month will
/// apply, so the player hears at once why it cannot go (the world may still change before it
/// runs, and the month checks again). Checks offers, acceptances, rejections and moves in
/// disputes; other commands are checked when they run.
pub fn precheck(world: &mut World, issued: &Issued) -> Result<(), String> {
    let by = state_of(world, &issued.by)?;
    let Some(id) = issued.command.dispute() else {
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
                return Err(crate::i18n::remember(
                    Words::new("refused-no-offer").text("title", d.title.as_str()),
                ));
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The teacher fires inject `id` (`Command::Inject`): its news to every team, then its effects
/// as an event's, each logged; once only. Ok names it for the command log.
fn inject(world: &mut World, id: &str) -> Result<Words, String> {
    let month = world.resource::<Clock>().month;
    let def = match world.resource::<Timeline>().inject(id)? {
        (def, false) => def.clone(),
        (def, true) => {
            return Err(crate::i18n::remember(
                Words::new("refusal-inject-fired").text("title", def.title.as_str()),
            ));
        }
    };
    world.resource_mut::<Timeline>().injected.push(id.to_string());
    let item = NewsItem::headline(month, &def.id, &def.title, &def.news, def.quote.as_ref());
    let reason = format!("inject {}: {}", def.id, def.title);
    happen(world, month, Some(item), &def.effects, &reason);
    Ok(Words::new("result-inject").text("title", def.title.as_str()))
}

/// An event or an inject happens: its news item (if any) goes out, then each effect is applied
/// as the named state's command (with the effect's legal basis) and logged with `reason`.
pub(crate) fn happen(
    world: &mut World,
    month: u32,
    news: Option<NewsItem>,
    effects: &[crate::scenario::ScheduledEffect],
    reason: &str,
) {
    if let Some(item) = news {
        world.resource_mut::<News>().0.push(item);
    }
    for effect in effects {
        let issued = Issued {
            by: effect.by.clone(),
            command: effect.command.clone(),
            origin: Origin::Event,
            reason: reason.to_string(),
        };
        let result = apply_as(world, &issued, effect.legal_basis.as_deref());
        log(world, month, issued, result);
    }
}
