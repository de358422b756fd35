//! Negotiation: talks on a channel, offers (cuts, carve-outs, purchases, investment, asks),
//! answers, and the settlement a deal brings. A summit costs political capital; a rejected
//! summit goes public. Settling rolls back what the acceptor was paid to take back, cuts what the
//! offer asked, answers the lobbies the deal serves and closes the dispute.

use crate::i18n::Words;
use bevy_ecs::prelude::*;

use super::lobbies::demand_met;
use super::lookup::{Ctx, dispute, finite_in, sector};
use super::measures::set_rate;
use super::politics::back_down;
use super::*;
use crate::command::{Channel, Offer};
use crate::scenario::Rung;

/// `OpenNegotiation`: talks on a channel calm the dispute; a summit lifts it to the leaders.
pub(super) fn open_negotiation(
    world: &mut World,
    ctx: &Ctx,
    id: &str,
    channel: Channel,
    scope: &[String],
    excluded: &[String],
) -> Result<Words, String> {
    let by = ctx.by;
    let me = ctx.me.as_str();
    let e = dispute(world, id, by)?;
    for s in scope.iter().chain(excluded) {
        sector(world, s)?;
    }
    pay_channel(world, by, channel)?;
    let calm = channel_calm(&world.resource::<Params>().0, channel);
    let mut d = world.get_mut::<Dispute>(e).ok_or("dispute vanished")?;
    d.channel = Some(channel);
    d.calm += calm;
    if channel == Channel::Leaders && d.rung < Rung::Leaders {
        d.rung = Rung::Leaders;
        d.months_at_rung = 0;
    }
    let title = d.title.clone();
    Ok(Words::new("result-talks")
        .text("me", me)
        .words("channel", channel_words(channel))
        .text("title", title))
}

/// `MakeOffer`: an offer on the table calms the dispute (more with carve-outs).
pub(super) fn make_offer(
    world: &mut World,
    ctx: &Ctx,
    id: &str,
    channel: Channel,
    offer: &Offer,
) -> Result<Words, String> {
    let by = ctx.by;
    let me = ctx.me.as_str();
    let e = dispute(world, id, by)?;
    check_offer(world, by, e, offer)?;
    pay_channel(world, by, channel)?;
    let before = world.get::<Dispute>(e).ok_or("dispute vanished")?.clone();
    back_down(world, ctx, &before);
    let p = world.resource::<Params>().0.clone();
    let mut d = world.get_mut::<Dispute>(e).ok_or("dispute vanished")?;
    d.channel = Some(channel);
    d.calm += channel_calm(&p, channel) + p.carve_out_calm * offer.excluded.len().min(3) as f64;
    d.offer = Some((by, offer.clone()));
    let title = d.title.clone();
    Ok(Words::new("result-offer")
        .text("me", me)
        .text("title", title)
        .words("channel", channel_words(channel)))
}

/// `AcceptOffer`: the deal is carried out (`settle`).
pub(super) fn accept_offer(world: &mut World, ctx: &Ctx, id: &str) -> Result<Words, String> {
    let by = ctx.by;
    let me = ctx.me.as_str();
    let e = dispute(world, id, by)?;
    let d = world.get::<Dispute>(e).ok_or("dispute vanished")?.clone();
    let Some((from, offer)) = d.offer.clone().filter(|(from, _)| *from != by) else {
        return Err(crate::i18n::remember(
            Words::new("refused-no-offer-to-accept").text("title", d.title.as_str()),
        ));
    };
    back_down(world, ctx, &d);
    settle(world, e, ctx, from, &offer)?;
    Ok(Words::new("result-accept")
        .text("me", me)
        .text("title", d.title.as_str()))
}

/// `RejectOffer`: heat; a rejected summit goes public.
pub(super) fn reject_offer(world: &mut World, ctx: &Ctx, id: &str) -> Result<Words, String> {
    let by = ctx.by;
    let me = ctx.me.as_str();
    let e = dispute(world, id, by)?;
    let heat = world.resource::<Params>().0.rejection_heat;
    let mut d = world.get_mut::<Dispute>(e).ok_or("dispute vanished")?;
    if d.offer.as_ref().is_none_or(|(from, _)| *from == by) {
        return Err(crate::i18n::remember(
            Words::new("refused-no-offer-to-reject").text("title", d.title.as_str()),
        ));
    }
    d.offer = None;
    d.heat += heat;
    // A failed summit goes public.
    if d.channel == Some(Channel::Leaders) {
        d.rung = Rung::Public;
        d.months_at_rung = 0;
    }
    Ok(Words::new("result-reject")
        .text("me", me)
        .text("title", d.title.as_str()))
}

/// Calm that an open channel or an offer puts on a dispute, by channel.
pub(super) fn channel_calm(p: &crate::scenario::Parameters, c: Channel) -> f64 {
    match c {
        Channel::WorkingLevel => p.working_level_calm,
        Channel::Ministerial => p.ministerial_calm,
        Channel::Leaders => p.leaders_calm,
    }
}

/// A channel as the news words it: "working-level talks", 「実務レベル協議」.
fn channel_words(c: Channel) -> Words {
    Words::new(match c {
        Channel::WorkingLevel => "result-channel-working-level",
        Channel::Ministerial => "result-channel-ministerial",
        Channel::Leaders => "result-channel-leaders",
    })
}

/// A leaders' summit needs `summit_cost` political capital; other channels are free.
pub(super) fn can_pay(world: &World, by: usize, channel: Channel) -> Result<(), String> {
    let capital = world
        .get::<Politics>(world.resource::<Registry>().entities[by])
        .map_or(0.0, |p| p.capital);
    let cost = world.resource::<Params>().0.summit_cost;
    if channel == Channel::Leaders && capital < cost {
        return Err(crate::i18n::remember(
            Words::new("refused-summit-capital")
                .plain("cost", format!("{cost:.0}"))
                .plain("capital", format!("{capital:.0}")),
        ));
    }
    Ok(())
}

pub(super) fn pay_channel(world: &mut World, by: usize, channel: Channel) -> Result<(), String> {
    can_pay(world, by, channel)?;
    if channel == Channel::Leaders {
        let e = world.resource::<Registry>().entities[by];
        let cost = world.resource::<Params>().0.summit_cost;
        world.get_mut::<Politics>(e).ok_or("state vanished")?.capital -= cost;
    }
    Ok(())
}

/// Whether `offer` from `by` in the dispute `e` can go on the table: known sectors, rates in
/// range, every offered cut below `by`'s tariff on the other side now and every ask below the
/// other side's tariff on `by` (a "cut" to the rate in force, or above it, would be no cut or a
/// rise), and something of substance (a real cut, purchases or an investment pledge).
pub(super) fn check_offer(world: &mut World, by: usize, e: Entity, offer: &Offer) -> Result<(), String> {
    let other = world.get::<Dispute>(e).ok_or("dispute vanished")?.other(by);
    let reg = world.resource::<Registry>().clone();
    let mine = super::wedges::tariffs_now(world, by, other);
    let theirs = super::wedges::tariffs_now(world, other, by);
    for (cuts, what, (i, j), now_of) in [
        (
            &offer.tariff_cuts,
            "refusal-what-offered-rate",
            (by, other),
            &mine,
        ),
        (&offer.asks, "refusal-what-asked-rate", (other, by), &theirs),
    ] {
        for c in cuts {
            let s = sector(world, &c.sector)?;
            finite_in(c.rate, 0.0, crate::scenario::validate::MAX_TARIFF, what)?;
            for s in s.map_or_else(|| (0..reg.k()).collect(), |s| vec![s]) {
                let now = now_of[s];
                if c.rate > now + 1e-9 {
                    return Err(crate::i18n::remember(
                        Words::new(if i == by {
                            "refused-offered-rate-raises"
                        } else {
                            "refused-asked-rate-raises"
                        })
                        .text("by", reg.state_names[i].as_str())
                        .text("on", reg.state_names[j].as_str())
                        .text("sector", reg.sector_names[s].as_str())
                        .plain("now", format!("{:.1}", now * 100.0))
                        .plain("rate", format!("{:.1}", c.rate * 100.0)),
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
        "refusal-what-purchases",
    )?;
    finite_in(
        offer.investment,
        0.0,
        crate::scenario::validate::MAX_VALUE,
        "refusal-what-investment",
    )?;
    let real_cut = offer.tariff_cuts.iter().any(|c| {
        let sectors: Vec<usize> = reg
            .sector(&c.sector)
            .map_or_else(|| (0..reg.k()).collect(), |s| vec![s]);
        sectors.into_iter().any(|s| c.rate < mine[s] - 1e-9)
    });
    if !real_cut && offer.purchases == 0.0 && offer.investment == 0.0 {
        return Err(crate::i18n::remember(if offer.tariff_cuts.is_empty() {
            Words::new("refused-offer-asks-only")
        } else {
            Words::new("refused-offer-no-cut").text("other", reg.state_names[other].as_str())
        }));
    }
    Ok(())
}

/// Carry out an accepted offer: the offering side's tariffs on the acceptor come down to the
/// offered rates (a carve-out measure where a broader tariff stays in force), the acceptor
/// takes back its own new tariffs on the offerer in the disputed sectors (what it is paid for,
/// unless the offer leaves the sector out) and brings its tariffs down to what the offer asks,
/// purchases shift the offerer's demand toward the acceptor, and the dispute is settled.
pub(super) fn settle(
    world: &mut World,
    e: Entity,
    ctx: &Ctx,
    from: usize,
    offer: &Offer,
) -> Result<(), String> {
    let acceptor = ctx.by;
    let offer_ctx = Ctx {
        by: from,
        by_id: world.resource::<Registry>().states[from].clone(),
        me: world.resource::<Registry>().state_names[from].clone(),
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
        let now = super::wedges::tariff_now(world, acceptor, from, s);
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
        let max_tilt = world.resource::<Params>().0.max_purchase_tilt;
        let mut trade = world.resource_mut::<Trade>();
        let k = trade.k;
        let total: f64 = (0..k).map(|s| trade.flow[trade.at(from, acceptor, s)]).sum();
        // Purchases can at most double (`max_purchase_tilt`) what the buyers already take: a commitment cannot
        // conjure a trade that does not exist.
        if total > 0.01 {
            let tilt = (1.0 + offer.purchases / total).min(max_tilt);
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
        Words::new("cause-relief-in-deal").into(),
    );
    for side in [acceptor, from] {
        demand_met(
            world,
            ctx.month,
            side,
            |s| kept.contains(&s),
            Words::new("cause-carved-out").into(),
        );
    }
    let mut d = world.get_mut::<Dispute>(e).ok_or("dispute vanished")?;
    d.status = DisputeStatus::Settled { month: ctx.month };
    d.offer = None;
    d.calm += 1.0;
    let (id, title) = (d.id.clone(), d.title.clone());
    // A deal shows cooperation: both sides trust each other a little more. The goodwill fades
    // back toward the ceiling over the years; it does not lift the ceiling a public fight
    // lowered (trust lost in public never fully returns).
    let (gain, floor) = {
        let p = &world.resource::<Params>().0;
        (p.deal_trust, p.trust_floor)
    };
    let mut rel = world.resource_mut::<Relations>();
    for (x, y) in [(acceptor, from), (from, acceptor)] {
        rel.adjust(x, y, gain, 0.0, floor);
    }
    let because = Words::new("cause-deal-concluded").named("dispute", &id, &title);
    let (a, b) = {
        let reg = world.resource::<Registry>();
        (reg.pair(acceptor, from), reg.pair(from, acceptor))
    };
    let mut causes = world.resource_mut::<Causes>();
    causes.add(ctx.month, &a, "trust", gain, because.clone());
    causes.add(ctx.month, &b, "trust", gain, because);
    Ok(())
}
