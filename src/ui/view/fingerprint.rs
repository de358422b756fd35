//! When to rebuild the view: a digest of what it is built from.

use bevy::prelude::*;

use crate::sim::{Clock, CommandLog, PendingCommands};

/// A digest of everything the view is built from that can change between two months: the
/// month (and the world's clock with it), the queued orders, the log's length, the pace, the
/// lens, what is selected, the charted sector, the last notice, the side whose screen it is and
/// the language.
/// Equal digests, equal views.
pub fn fingerprint(world: &World) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let clock = world.resource::<Clock>();
    (clock.month, clock.length).hash(&mut h);
    for c in &world.resource::<PendingCommands>().0 {
        (&c.by, c.command.label()).hash(&mut h);
    }
    world.resource::<CommandLog>().0.len().hash(&mut h);
    // The view words some of what it shows: a new language, a new view.
    crate::i18n::lang().hash(&mut h);
    if let Some(p) = world.get_resource::<crate::ui::Pace>() {
        (p.paused, p.speed).hash(&mut h);
    }
    if let Some(l) = world.get_resource::<crate::ui::state::Lens>() {
        l.hash(&mut h);
    }
    if let Some(f) = world.get_resource::<crate::ui::state::MapFocus>() {
        (&f.selected, &f.dispute, f.scroll_to_dispute).hash(&mut h);
    }
    if let Some(b) = world.get_resource::<crate::ui::state::Sidebar>() {
        b.sector.hash(&mut h);
    }
    if let Some(n) = world.get_resource::<crate::ui::saves::Notice>() {
        n.0.hash(&mut h);
    }
    if let Some(e) = world.get_resource::<crate::ui::saves::Exported>() {
        e.0.hash(&mut h);
    }
    if let Some(r) = world.get_resource::<crate::ui::replay::Replay>() {
        (&r.file, r.taken).hash(&mut h);
    }
    // Whose screen it is (hotseat hands it over; a class game's teams each have their own).
    if let Some(p) = world.get_resource::<crate::ui::PlayerSide>() {
        p.0.hash(&mut h);
    }
    if let Some(seat) = world.get_resource::<crate::ui::state::Hotseat>() {
        (&seat.done, &seat.handing_to).hash(&mut h);
    }
    if let Some(net) = world.get_resource::<crate::ui::state::TeamNet>() {
        (&net.status, net.closed, &net.draft).hash(&mut h);
        if let Some(s) = &net.seat {
            let left = s.seconds_left.map(|x| x.round() as i64);
            (
                &s.ready,
                left,
                s.paused,
                s.sent_ready,
                s.over,
                s.heard.len(),
                s.desyncs.len(),
            )
                .hash(&mut h);
        }
    }
    h.finish()
}
