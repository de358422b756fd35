//! A team's window in a class game (`tradecraft join`): the game window's world is the team's
//! copy of the class game. Orders are queued and checked as in a single game; *Ready* sends them
//! to the host with the team's note; the host's month (every team's orders, in its order) runs
//! here and the hash goes back. The month never runs on this laptop's own clock.

use std::time::Duration;

use super::*;
use crate::net::lockstep::ToHost;
use crate::net::seat::Seat;
use crate::net::session::{Joining, Link, welcome_scenario};

/// The teacher's console wakes once a second whatever the focus: the turn's timer runs on its
/// clock. (A team's window sleeps until input or a message from the host wakes it:
/// `wake_on_messages`.)
pub(super) fn every_second() -> bevy::winit::WinitSettings {
    let wake = bevy::winit::UpdateMode::reactive_low_power(Duration::from_secs(1));
    bevy::winit::WinitSettings {
        focused_mode: wake,
        unfocused_mode: wake,
    }
}

/// A network thread's waker that wakes this window's event loop (which otherwise sleeps until
/// input): the host's messages show at once, whatever the window's focus.
pub(super) fn window_waker(world: &World) -> Option<Box<dyn Fn() + Send>> {
    let proxy = (**world.get_resource::<bevy::winit::EventLoopProxyWrapper>()?).clone();
    Some(Box::new(move || {
        let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
    }))
}

/// Read the network and carry out what the host sent: the Welcome builds the game, a month
/// runs it, a state replaces it. Every frame while a class game is on.
pub(super) fn team_network(world: &mut World) {
    let Some(mut net) = world.remove_resource::<TeamNet>() else {
        return;
    };
    if let Ok(mut w) = net.link.client.waker.lock()
        && w.is_none()
    {
        *w = window_waker(world);
    }
    if !net.closed {
        match net.link.pump() {
            Ok(msgs) => {
                if !msgs.is_empty() {
                    world.write_message(bevy::window::RequestRedraw);
                }
                for bytes in msgs {
                    receive(world, &mut net, &bytes);
                }
            }
            Err(e) => {
                net.status = e;
                net.closed = true;
            }
        }
        if net.link.client.connected() && net.seat.is_none() && !net.closed {
            net.status = crate::tr!("game-class-joining", address = &net.address, side = &net.side);
        }
    }
    world.insert_resource(net);
}

fn receive(world: &mut World, net: &mut TeamNet, bytes: &[u8]) {
    let Some(seat) = net.seat.as_mut() else {
        match Link::joining(bytes) {
            Some(Joining::Welcome(w)) => match welcome_scenario(&net.link.levels, &w)
                .and_then(|(scenario, path)| Seat::join(world, &scenario, &w).map(|seat| (seat, path)))
            {
                Ok((seat, _path)) => {
                    net.status = String::new();
                    // The class game's autosaves carry its own name, not the last game's.
                    world.remove_resource::<super::saves::GameName>();
                    let month = world.resource::<crate::sim::Clock>().month;
                    net.seat = Some(seat);
                    start::enter_game(world, &net.side, month == 0, true);
                }
                Err(e) => {
                    net.status = e;
                    net.closed = true;
                    net.link.client.disconnect();
                }
            },
            Some(Joining::Refused(reason)) => {
                // Before the Welcome this laptop has no world: states keep their ids.
                let reason = crate::net::wording::words_of(&reason, &|_| None);
                net.status = crate::tr!("game-class-refused", reason = reason.in_lang(crate::i18n::lang()));
                net.closed = true;
                // Free the host's slot: a refused laptop has nothing more to say.
                net.link.client.disconnect();
            }
            None => {}
        }
        return;
    };
    let before = world.resource::<crate::sim::Clock>().clone();
    let answers = seat.receive_bytes(world, bytes);
    if world.resource::<crate::sim::Clock>().month != before.month {
        let date = crate::i18n::format::month_label(crate::i18n::lang(), &before.date());
        world.resource_mut::<saves::Notice>().0 = crate::tr!("game-class-month-ran", date = date);
    }
    if !seat.notice.is_empty() {
        let notice = crate::net::wording::in_reader(world, &std::mem::take(&mut seat.notice));
        world.resource_mut::<saves::Notice>().0 = crate::tr!("game-class-host-says", notice = notice);
    }
    net.link.send(answers);
}

/// *Ready*: the team's queued orders (with the draft as their note) and Ready go to the host.
pub(super) fn ready(world: &mut World, month: u32) {
    if world.resource::<crate::sim::Clock>().month != month {
        // The host's month arrived in the frame of the click: that month ran already.
        world.resource_mut::<saves::Notice>().0 = crate::tr!("game-class-month-already-ran");
        return;
    }
    let Some(mut net) = world.remove_resource::<TeamNet>() else {
        return;
    };
    if let Some(seat) = net.seat.as_mut().filter(|s| !s.sent_ready && !s.over) {
        let msgs = seat.end_turn(world, net.draft.trim());
        if msgs
            .iter()
            .any(|m| matches!(m, ToHost::Order { note, .. } if !note.is_empty()))
        {
            net.draft.clear();
        }
        net.link.send(msgs);
        world.resource_mut::<saves::Notice>().0 = crate::tr!("game-class-ready-sent");
    }
    world.insert_resource(net);
}

/// *Rejoin*: a new connection with the same side, name and password; the host's Welcome
/// rebuilds the game from its log, and the team carries on.
pub(super) fn rejoin(world: &mut World) {
    let Some(old) = world.remove_resource::<TeamNet>() else {
        return;
    };
    match TeamNet::connect(&old.request) {
        Ok(mut net) => {
            net.draft = old.draft;
            world.insert_resource(net);
        }
        Err(e) => {
            world.insert_resource(TeamNet { status: e, ..old });
        }
    }
}

/// *Send*: the draft goes to every team and the teacher now.
pub(super) fn say(world: &mut World) {
    if let Some(mut net) = world.get_resource_mut::<TeamNet>() {
        let text = std::mem::take(&mut net.draft);
        if !text.trim().is_empty() && net.seat.is_some() {
            net.link.send(vec![ToHost::Say {
                text: text.trim().to_string(),
            }]);
        }
    }
}
