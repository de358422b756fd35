//! Carrying out what the user asked for: the only place the UI changes the world, and only by
//! queueing checked orders, stepping the clock or changing its own state.

use super::*;

/// Index in the queue of `side`'s `n`-th order (orders of others, the AI's or another team's,
/// are not the player's to cancel).
pub(super) fn nth_player_order(queue: &[crate::sim::Issued], side: &str, n: usize) -> Option<usize> {
    queue
        .iter()
        .enumerate()
        .filter(|(_, c)| c.origin == Origin::Player && c.by == side)
        .nth(n)
        .map(|(i, _)| i)
}

/// Hotseat: `side` ends its turn. Its drafts are put away; the laptop goes to the next side that
/// has not ended its turn, or, when every side has, the month runs and the laptop goes back to
/// the first side. Either way a hand-over screen shows until the next team clicks through.
fn end_turn(world: &mut World, side: &str) {
    let Some(mut seat) = world.get_resource::<Hotseat>().cloned() else {
        world.resource_mut::<Pace>().step_requested = true;
        return;
    };
    if !seat.done.iter().any(|s| s == side) {
        seat.done.push(side.to_string());
    }
    let mut o = world.resource_mut::<Overlays>();
    let drafts = (o.draft.take(), std::mem::take(&mut o.drafts));
    (o.help, o.glossary, o.settings) = (false, false, false);
    seat.stash.insert(side.to_string(), drafts);
    // The forecast of this side's planned move is its own: the next team must not see it.
    super::forecast::close(world);
    let next = seat.order.iter().find(|s| !seat.done.contains(s)).cloned();
    let next = match next {
        Some(next) => {
            seat.handing_to = Some((next.clone(), Some(side.to_string())));
            next
        }
        None => {
            world.resource_mut::<Pace>().step_requested = true;
            seat.done.clear();
            let first = seat.order.first().cloned().unwrap_or_else(|| side.to_string());
            seat.handing_to = Some((first.clone(), None));
            first
        }
    };
    world.insert_resource(PlayerSide(next));
    world.insert_resource(seat);
}

/// Hotseat: the next team has the laptop: its drafts come back (and, before the first month,
/// its briefing).
fn take_over(world: &mut World, side: &str) {
    let Some(mut seat) = world.get_resource::<Hotseat>().cloned() else {
        return;
    };
    seat.handing_to = None;
    let (draft, drafts) = seat.stash.remove(side).unwrap_or_default();
    let month = world.resource::<crate::sim::Clock>().month;
    let mut o = world.resource_mut::<Overlays>();
    o.draft = draft;
    o.drafts = drafts;
    o.briefing = month == 0;
    world.insert_resource(seat);
}

/// Queue one of the player's orders. It is checked at once with the month's own rules: a
/// refused order never enters the queue, and the reason shows at once (in the negotiation
/// window for an offer, which then stays open). An order replaces a queued one it
/// contradicts (the same `Command::slot`).
pub fn queue_order(world: &mut World, side: &str, command: crate::command::Command) {
    let issued = crate::sim::Issued {
        by: side.to_string(),
        command,
        origin: Origin::Player,
        reason: String::new(),
    };
    let is_offer = matches!(issued.command, crate::command::Command::MakeOffer { .. });
    if let Err(why) = crate::sim::commands::precheck(world, &issued) {
        if is_offer && let Some(d) = world.resource_mut::<Overlays>().draft.as_mut() {
            d.error = Some(why.clone());
        }
        world.resource_mut::<saves::Notice>().0 = crate::tr!("game-not-sent", why = crate::i18n::local(&why));
        return;
    }
    let slot = issued.command.slot();
    let replaced = {
        let mut pending = world.resource_mut::<crate::sim::PendingCommands>();
        let replaced = pending
            .0
            .iter()
            .position(|c| c.origin == Origin::Player && c.by == side && c.command.slot() == slot)
            .map(|i| pending.0.remove(i));
        pending.0.push(issued.clone());
        replaced
    };
    let view = world.resource::<View>();
    let name = |id: &str| view.name(id);
    let notice = match replaced {
        Some(old) => crate::tr!(
            "game-replaces",
            new = issued.command.label_with(&name),
            old = old.command.label_with(&name)
        ),
        None => String::new(),
    };
    world.resource_mut::<saves::Notice>().0 = notice;
    if is_offer {
        let mut o = world.resource_mut::<Overlays>();
        if let Some(d) = o.draft.take() {
            o.drafts.remove(&d.dispute);
        }
    }
}

/// Change a setting and remember it.
pub(super) fn change_settings(world: &mut World, change: impl FnOnce(&mut settings::Settings)) {
    change(&mut world.resource_mut::<settings::Settings>());
    let s = world.resource::<settings::Settings>().clone();
    if let Err(e) = settings::save(&s) {
        world.resource_mut::<saves::Notice>().0 = crate::tr!("game-settings-not-saved", error = e);
    }
}

pub(super) fn apply_ui_actions(world: &mut World) {
    let actions = std::mem::take(&mut world.resource_mut::<UiActions>().0);
    apply_actions(world, actions);
}

/// Carry out what the panels asked for (the only place the UI changes the world).
pub fn apply_actions(world: &mut World, actions: Vec<Action>) {
    let side = world.resource::<PlayerSide>().0.clone();
    let hotseat = world.contains_resource::<Hotseat>();
    let class = world.contains_resource::<TeamNet>();
    for a in actions {
        // In a class game the host runs the month: a step is this team's Ready.
        if class {
            match a {
                Action::Step | Action::EndTurn => {
                    let month = world.resource::<crate::sim::Clock>().month;
                    class::ready(world, month);
                    continue;
                }
                Action::ClassReady(month) => {
                    class::ready(world, month);
                    continue;
                }
                Action::TogglePause | Action::Speed(_) | Action::Load | Action::TakeOver => continue,
                Action::ToMenu => {
                    if let Some(mut net) = world.remove_resource::<TeamNet>() {
                        net.link.client.disconnect();
                    }
                }
                _ => {}
            }
        }
        // In hotseat the month runs when every side has ended its turn, never on a timer.
        let a = match a {
            Action::Step if hotseat => Action::EndTurn,
            Action::TogglePause | Action::Speed(_) if hotseat => continue,
            a => a,
        };
        match a {
            Action::EndTurn => end_turn(world, &side),
            Action::TakeOver => take_over(world, &side),
            Action::Step => world.resource_mut::<Pace>().step_requested = true,
            Action::TogglePause => {
                let mut p = world.resource_mut::<Pace>();
                p.paused = !p.paused;
            }
            Action::Speed(s) => {
                let mut p = world.resource_mut::<Pace>();
                p.speed = s;
                p.paused = false;
            }
            Action::Lens(lens) => world.insert_resource(lens),
            Action::Negotiate(id) => {
                let view = world.resource::<View>().clone();
                let mut o = world.resource_mut::<Overlays>();
                let draft = o
                    .drafts
                    .remove(&id)
                    .unwrap_or_else(|| Draft::for_dispute(&view, &id));
                o.draft = Some(draft);
            }
            Action::ExportDebrief => saves::export_debrief(world),
            Action::Forecast(order) => super::forecast::start(world, order),
            Action::CloseForecast => super::forecast::close(world),
            Action::TakeOverReplay => {
                if let Some(told) = super::replay::take_over(world, &side) {
                    world.resource_mut::<saves::Notice>().0 = told;
                }
            }
            Action::ToggleResults => {
                let mut o = world.resource_mut::<Overlays>();
                o.results_hidden = !o.results_hidden;
            }
            Action::CancelOrder(n) => {
                let gone = {
                    let mut pending = world.resource_mut::<crate::sim::PendingCommands>();
                    nth_player_order(&pending.0, &side, n).map(|i| pending.0.remove(i))
                };
                if let Some(gone) = gone {
                    let view = world.resource::<View>();
                    let what = gone.command.label_with(&|id| view.name(id));
                    world.resource_mut::<saves::Notice>().0 = crate::tr!("game-cancelled", order = what);
                }
            }
            Action::Save => saves::quick_save(world),
            Action::Load => saves::quick_load(world),
            Action::ToggleHelp => {
                let mut o = world.resource_mut::<Overlays>();
                o.help = !o.help;
            }
            Action::ToMenu => {
                world.remove_resource::<super::replay::Replay>();
                world.resource_mut::<NextState<Screen>>().set(Screen::Menu);
                let seed = world.resource::<menu::Menu>().seed;
                world.insert_resource(menu::Menu::scan(seed));
            }
            Action::ToggleSettings => {
                let mut o = world.resource_mut::<Overlays>();
                o.settings = !o.settings;
                if !o.settings {
                    // A name still being typed when the window closes is kept too.
                    change_settings(world, |_| ());
                }
            }
            Action::Scale(x) => change_settings(world, |s| {
                s.ui_scale = x.clamp(*settings::SCALE_RANGE.start(), *settings::SCALE_RANGE.end())
            }),
            Action::HighContrast(on) => change_settings(world, |s| s.high_contrast = on),
            Action::PlayerName(name) => world.resource_mut::<settings::Settings>().player_name = name,
            Action::KeepSettings => change_settings(world, |_| ()),
            Action::Language(lang) => change_settings(world, |s| s.language = Some(lang)),
            Action::ToggleGlossary => {
                let mut o = world.resource_mut::<Overlays>();
                o.glossary = !o.glossary;
            }
            Action::Select(id) => world.resource_mut::<MapFocus>().selected = Some(id),
            Action::SelectDispute(id) => {
                let mut f = world.resource_mut::<MapFocus>();
                f.dispute = Some(id);
                f.scroll_to_dispute = true;
            }
            Action::Issue(_)
                if world
                    .get_resource::<super::replay::Replay>()
                    .is_some_and(|r| r.taken.is_none()) =>
            {
                world.resource_mut::<saves::Notice>().0 = crate::tr!(
                    "game-replay-no-orders",
                    side = super::view::side_label_in(world, &side)
                );
            }
            Action::Issue(command) => queue_order(world, &side, command),
            Action::Inject(id) => queue_inject(world, id),
            Action::ClassDraft(text) => {
                if let Some(mut net) = world.get_resource_mut::<TeamNet>() {
                    net.draft = text;
                }
            }
            Action::ClassSay => class::say(world),
            Action::ClassRejoin => class::rejoin(world),
            // Outside a class game there is nothing to be ready for.
            Action::ClassReady(_) => {}
        }
    }
}

/// The teacher's inject waits for the next month like an order; the model checks it then (an
/// inject fired twice is refused and logged).
fn queue_inject(world: &mut World, id: String) {
    let title = world
        .resource::<crate::sim::Timeline>()
        .injects
        .iter()
        .find(|x| x.id == id)
        .map_or_else(|| id.clone(), |x| x.title.clone());
    let command = crate::command::Command::Inject { id };
    let mut pending = world.resource_mut::<crate::sim::PendingCommands>();
    if !pending.0.iter().any(|c| c.command == command) {
        pending.0.push(crate::sim::Issued {
            by: crate::command::TEACHER.to_string(),
            command,
            origin: Origin::Player,
            reason: String::new(),
        });
    }
    world.resource_mut::<saves::Notice>().0 = crate::tr!("game-inject-queued", title = title);
}
