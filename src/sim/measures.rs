//! Trade measures — tariffs, quotas, VERs and exporters' own restraints, export controls — as
//! the commands that set and lift them change them. A measure is an entity; the trade phase
//! turns the measures in force into wedges (`wedges::wedges_now`). A new or higher tariff on a
//! partner wins the lobbies in the sector (`lobbies::protection_won`) and opens a dispute with
//! the partner (`escalation::open_dispute`).

use crate::i18n::Words;
use bevy_ecs::prelude::*;

use super::causes::{
    BASIS_AGREEMENT, BASIS_CONTROL, BASIS_ORDER, BASIS_QUOTA, BASIS_SELF_IMPOSED, BASIS_VER, basis_words,
};
use super::escalation::open_dispute;
use super::lobbies::{demand_met, protection_won};
use super::lookup::{Ctx, finite_in, name_args, partner_arg, refusal, sector, sector_arg, target};
use super::setup::SimEntity;
use super::*;
use crate::scenario::MeasureKind;

/// `SetTariff`: replace the tariff `ctx.by` charges `t` in `s` (with a legal basis, only the
/// measures of that basis; the others stack).
pub(super) fn set_tariff(
    world: &mut World,
    ctx: &Ctx,
    t: &str,
    s: &str,
    rate: f64,
    basis: Option<&str>,
) -> Result<Words, String> {
    let by = ctx.by;
    let me = ctx.me.as_str();
    let (tgt, sec) = (target(world, t, by)?, sector(world, s)?);
    finite_in(
        rate,
        0.0,
        crate::scenario::validate::MAX_TARIFF,
        "refusal-what-tariff-rate",
    )?;
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
        rate > prev
    };
    for e in old {
        world.despawn(e);
    }
    spawn_measure(
        world,
        ctx,
        tgt,
        sec,
        MeasureKind::Tariff(rate),
        basis.unwrap_or(BASIS_ORDER),
    );
    if raised {
        protection_won(world, ctx, sec);
        if let Some(t) = tgt {
            open_dispute(world, ctx, t, sec);
        }
    }
    let words = Words::new("result-set-tariff")
        .text("me", me)
        .plain("rate", format!("{:.1}", rate * 100.0));
    Ok(name_args(world, words, t, s))
}

/// `RemoveTariff`.
pub(super) fn remove_tariff(
    world: &mut World,
    ctx: &Ctx,
    t: &str,
    s: &str,
    basis: Option<&str>,
) -> Result<Words, String> {
    let by = ctx.by;
    let me = ctx.me.as_str();
    let (tgt, sec) = (target(world, t, by)?, sector(world, s)?);
    let found = find_measures(world, by, tgt, sec, is_tariff);
    let old = with_basis(world, found, basis);
    take_away(world, old, |w| {
        nothing_to_remove(w, me, "refusal-what-tariff", t, s, basis)
    })?;
    Ok(name_args(
        world,
        Words::new("result-remove-tariff").text("me", me),
        t,
        s,
    ))
}

/// `SetQuota`: an import quota, or a VER the importer obtains (`voluntary`).
pub(super) fn set_quota(
    world: &mut World,
    ctx: &Ctx,
    t: &str,
    s: &str,
    volume: f64,
    voluntary: bool,
    basis: Option<&str>,
) -> Result<Words, String> {
    let by = ctx.by;
    let me = ctx.me.as_str();
    let (tgt, sec) = (target(world, t, by)?, sector(world, s)?);
    if tgt.is_none() {
        return Err(refusal(Words::new("refusal-quota-all")));
    }
    finite_in(
        volume,
        0.0,
        crate::scenario::validate::MAX_VALUE,
        "refusal-what-quota-volume",
    )?;
    for e in importer_caps(world, by, tgt, sec, basis) {
        world.despawn(e);
    }
    let kind = if voluntary {
        MeasureKind::Ver(volume)
    } else {
        MeasureKind::Quota(volume)
    };
    spawn_measure(
        world,
        ctx,
        tgt,
        sec,
        kind,
        basis.unwrap_or(if voluntary { BASIS_VER } else { BASIS_QUOTA }),
    );
    protection_won(world, ctx, sec);
    let words = Words::new(if voluntary {
        "result-set-ver"
    } else {
        "result-set-quota"
    })
    .text("me", me)
    .plain("volume", format!("{volume:.1}"));
    Ok(name_args(world, words, t, s))
}

/// `RemoveQuota`: the importer's own caps (an exporter's restraint stays).
pub(super) fn remove_quota(
    world: &mut World,
    ctx: &Ctx,
    t: &str,
    s: &str,
    basis: Option<&str>,
) -> Result<Words, String> {
    let by = ctx.by;
    let me = ctx.me.as_str();
    let (tgt, sec) = (target(world, t, by)?, sector(world, s)?);
    let old = importer_caps(world, by, tgt, sec, basis);
    take_away(world, old, |w| {
        nothing_to_remove(w, me, "refusal-what-quota", t, s, basis)
    })?;
    Ok(name_args(
        world,
        Words::new("result-remove-quota").text("me", me),
        t,
        s,
    ))
}

/// `RestrainExports`: the exporter caps its own sales to `t` and keeps the rent.
pub(super) fn restrain_exports(
    world: &mut World,
    ctx: &Ctx,
    t: &str,
    s: &str,
    volume: f64,
) -> Result<Words, String> {
    let by = ctx.by;
    let me = ctx.me.as_str();
    let (tgt, sec) = (target(world, t, by)?, sector(world, s)?);
    let Some(importer) = tgt else {
        return Err(refusal(Words::new("refusal-restraint-all")));
    };
    finite_in(
        volume,
        0.0,
        crate::scenario::validate::MAX_VALUE,
        "refusal-what-restraint-volume",
    )?;
    // A new restraint replaces the exporter's own earlier one on that market; it is
    // relief for the importer's industry when it is new or tighter.
    let mut tighter = true;
    for e in own_restraints(world, by, importer, sec) {
        if let Some(MeasureKind::Ver(v)) = world.get::<Measure>(e).map(|m| &m.kind) {
            tighter &= volume < *v;
        }
        world.despawn(e);
    }
    let e = spawn_measure(
        world,
        ctx,
        Some(by),
        sec,
        MeasureKind::Ver(volume),
        BASIS_SELF_IMPOSED,
    );
    if let Some(mut m) = world.get_mut::<Measure>(e) {
        m.by = importer;
        m.self_imposed = true;
    }
    if tighter {
        let because = Words::new("cause-relief-restraint").named("by", &ctx.by_id, &ctx.me);
        demand_met(
            world,
            ctx.month,
            importer,
            |x| sec.is_none_or(|y| y == x),
            because.into(),
        );
    }
    let words = Words::new("result-restrain-exports")
        .text("me", me)
        .plain("volume", format!("{volume:.1}"));
    Ok(name_args(world, words, t, s))
}

/// `LiftRestraint`: only the exporter that imposed it can lift it.
pub(super) fn lift_restraint(world: &mut World, ctx: &Ctx, t: &str, s: &str) -> Result<Words, String> {
    let by = ctx.by;
    let me = ctx.me.as_str();
    let (tgt, sec) = (target(world, t, by)?, sector(world, s)?);
    let Some(importer) = tgt else {
        return Err(refusal(Words::new("refusal-restraint-all")));
    };
    let old = own_restraints(world, by, importer, sec);
    take_away(world, old, |w| refused_on(w, "refusal-no-restraint", me, t, s))?;
    Ok(name_args(
        world,
        Words::new("result-lift-restraint").text("me", me),
        t,
        s,
    ))
}

/// `ImposeExportControl`.
pub(super) fn impose_control(world: &mut World, ctx: &Ctx, t: &str, s: &str) -> Result<Words, String> {
    let by = ctx.by;
    let me = ctx.me.as_str();
    let (tgt, sec) = (target(world, t, by)?, sector(world, s)?);
    if !find_measures(world, by, tgt, sec, is_control).is_empty() {
        return Err(refused_on(world, "refusal-already-controls", me, t, s));
    }
    spawn_measure(world, ctx, tgt, sec, MeasureKind::ExportControl, BASIS_CONTROL);
    Ok(name_args(
        world,
        Words::new("result-export-control").text("me", me),
        t,
        s,
    ))
}

/// `LiftExportControl`.
pub(super) fn lift_control(world: &mut World, ctx: &Ctx, t: &str, s: &str) -> Result<Words, String> {
    let by = ctx.by;
    let me = ctx.me.as_str();
    let (tgt, sec) = (target(world, t, by)?, sector(world, s)?);
    let old = find_measures(world, by, tgt, sec, is_control);
    take_away(world, old, |w| refused_on(w, "refusal-no-control", me, t, s))?;
    Ok(name_args(
        world,
        Words::new("result-lift-export-control").text("me", me),
        t,
        s,
    ))
}

/// Measures by `by` of a kind matching `pred` on exactly this target and sector.
pub(super) fn find_measures(
    world: &mut World,
    by: usize,
    tgt: Option<usize>,
    sec: Option<usize>,
    pred: impl Fn(&MeasureKind) -> bool,
) -> Vec<Entity> {
    let mut found: Vec<(u64, Entity)> = super::lookup::measures(world, |it| {
        it.filter(|(_, m)| m.by == by && m.target == tgt && m.sector == sec && pred(&m.kind))
            .map(|(e, m)| (m.serial, e))
            .collect()
    });
    found.sort();
    found.into_iter().map(|(_, e)| e).collect()
}

/// Of these measures, those with legal basis `basis` (all of them when None).
pub(super) fn with_basis(world: &World, found: Vec<Entity>, basis: Option<&str>) -> Vec<Entity> {
    found
        .into_iter()
        .filter(|&e| basis.is_none_or(|b| world.get::<Measure>(e).is_some_and(|m| m.legal_basis == b)))
        .collect()
}

/// The importer's own quotas and VERs (not the restraints exporters impose on themselves).
pub(super) fn importer_caps(
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
pub(super) fn own_restraints(
    world: &mut World,
    exporter: usize,
    importer: usize,
    sec: Option<usize>,
) -> Vec<Entity> {
    find_measures(world, importer, Some(exporter), sec, is_quota)
        .into_iter()
        .filter(|&e| world.get::<Measure>(e).is_some_and(|m| m.self_imposed))
        .collect()
}

pub(super) fn spawn_measure(
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

pub(super) fn is_tariff(k: &MeasureKind) -> bool {
    matches!(k, MeasureKind::Tariff(_))
}

pub(super) fn is_quota(k: &MeasureKind) -> bool {
    matches!(k, MeasureKind::Quota(_) | MeasureKind::Ver(_))
}

pub(super) fn is_control(k: &MeasureKind) -> bool {
    matches!(k, MeasureKind::ExportControl)
}

/// Bring the tariff `ctx.by` charges on `partner` in `sec` (None: every sector) to `rate`:
/// its own measures on that partner there go, and where a broader measure (on "all" partners or
/// sectors) would still charge more or less, a trade-agreement measure makes up the difference.
pub(super) fn set_rate(world: &mut World, ctx: &Ctx, partner: usize, sec: Option<usize>, rate: f64) {
    let by = ctx.by;
    for old in find_measures(world, by, Some(partner), sec, is_tariff) {
        world.despawn(old);
    }
    let residuals = super::wedges::tariffs_now(world, by, partner);
    let sectors: Vec<usize> = sec.map_or_else(|| (0..residuals.len()).collect(), |s| vec![s]);
    for s in sectors {
        let residual = residuals[s];
        if (residual - rate).abs() > 1e-12 {
            spawn_measure(
                world,
                ctx,
                Some(partner),
                Some(s),
                MeasureKind::Tariff(rate - residual),
                BASIS_AGREEMENT,
            );
        }
    }
}

/// Take measures away; refused (with `refusal`'s reason) when there are none to take.
fn take_away(
    world: &mut World,
    old: Vec<Entity>,
    refusal: impl FnOnce(&World) -> String,
) -> Result<(), String> {
    if old.is_empty() {
        return Err(refusal(world));
    }
    for e in old {
        world.despawn(e);
    }
    Ok(())
}

/// A refusal `key` naming the issuing state `me` (its name), the partner `t` and the sector `s`
/// (ids, or "all").
fn refused_on(world: &World, key: &str, me: &str, t: &str, s: &str) -> String {
    let reg = world.resource::<Registry>();
    let words = partner_arg(reg, Words::new(key).text("me", me), "target", t);
    refusal(sector_arg(reg, words, "sector", s))
}

/// Why a removal is refused: "Japan has no tariff under IEEPA on USA (autos) to remove"
/// (`what` is the message naming the kind of measure).
fn nothing_to_remove(world: &World, me: &str, what: &str, t: &str, s: &str, basis: Option<&str>) -> String {
    let reg = world.resource::<Registry>();
    let words = match basis {
        None => Words::new("refusal-nothing-to-remove"),
        Some(b) => Words::new("refusal-nothing-to-remove-under").words(
            "basis",
            basis_words(b).unwrap_or_else(|| Words::new("news-as-written").text("text", b)),
        ),
    }
    .text("me", me)
    .words("what", Words::new(what));
    refusal(sector_arg(reg, partner_arg(reg, words, "target", t), "sector", s))
}
