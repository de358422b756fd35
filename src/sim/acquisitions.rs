//! Foreign acquisitions under review: the host's verdict (approve, approve with conditions,
//! block) and what follows from it — ownership, pledged capacity, trust, the lobbies answered.

use bevy_ecs::prelude::*;

use super::lobbies::demand_met;
use super::lookup::Ctx;
use super::*;
use crate::i18n::Words;

/// `ReviewAcquisition`: only the host state reviews, once.
pub(super) fn review(
    world: &mut World,
    ctx: &Ctx,
    acquisition: &str,
    approve: bool,
    conditions: bool,
) -> Result<crate::i18n::Words, String> {
    let by = ctx.by;
    let me = ctx.me.as_str();
    if conditions && !approve {
        return Err(crate::i18n::remember(crate::i18n::Words::new(
            "refusal-conditions-need-approval",
        )));
    }
    let mut q = world.query::<(Entity, &Acquisition)>();
    let (e, a) = q
        .iter(world)
        .find(|(_, a)| a.id == acquisition)
        .map(|(e, a)| (e, a.clone()))
        .ok_or_else(|| {
            crate::i18n::remember(crate::i18n::Words::new("refusal-no-acquisition").plain("id", acquisition))
        })?;
    if a.reviewer != by {
        return Err(crate::i18n::remember(
            crate::i18n::Words::new("refused-not-reviewer")
                .text("me", me)
                .text("title", a.title.as_str()),
        ));
    }
    if a.status != AcquisitionStatus::Pending {
        return Err(crate::i18n::remember(
            crate::i18n::Words::new("refused-already-decided").text("title", a.title.as_str()),
        ));
    }
    let mut acq = world.get_mut::<Acquisition>(e).ok_or("acquisition vanished")?;
    acq.status = if approve {
        AcquisitionStatus::Approved
    } else {
        AcquisitionStatus::Blocked
    };
    review_consequences(world, ctx, &a, approve, conditions);
    Ok(crate::i18n::Words::new(match (approve, conditions) {
        (true, true) => "result-approve-with-conditions",
        (true, false) => "result-approve",
        (false, _) => "result-block",
    })
    .text("me", me)
    .text("title", a.title.as_str()))
}

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
            let because = Words::new("cause-acquisition-conditions").text("title", a.title.as_str());
            demand_met(world, ctx.month, ctx.by, |x| x == s, because.into());
        }
    }
    let (gain, lost) = match (approve, conditions) {
        (true, false) => (p.deal_trust, 0.0),
        (true, true) => (p.deal_trust / 2.0, 0.0),
        (false, _) => (-p.public_trust_loss, p.ceiling_step),
    };
    let mut rel = world.resource_mut::<Relations>();
    rel.adjust(a.acquirer, ctx.by, gain, lost, p.trust_floor);
    let pair = world.resource::<Registry>().pair(a.acquirer, ctx.by);
    let because = Words::new(match (approve, conditions) {
        (true, true) => "cause-acquisition-approved-conditions",
        (true, false) => "cause-acquisition-approved",
        (false, _) => "cause-acquisition-blocked",
    })
    .text("title", a.title.as_str());
    world
        .resource_mut::<Causes>()
        .add(ctx.month, &pair, "trust", gain, because);
}
