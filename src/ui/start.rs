//! Starting a game: from a scenario file or a save, checked before the running world is
//! touched; then the map, the window title and the briefing.

use super::*;

/// Build the world for the requested scenario and switch to the game.
pub(super) fn start_game(world: &mut World) {
    let Some(req) = world.remove_resource::<StartRequest>() else {
        return;
    };
    // Each path checks everything before it touches the running world.
    let result = match &req.save {
        Some(p) => saves::load_from(world, p),
        None => saves::new_game(world, &req.path, req.seed, &req.side, &req.also),
    };
    // The world is the new game's now: a replay follows its file (a save goes on as the
    // replay it was, if it was one); any other game is none.
    if result.is_ok() {
        world.remove_resource::<super::replay::Replay>();
    }
    let result = match (result, &req.replay, &req.save) {
        (Ok(()), Some(file), _) => super::replay::follow(world, file),
        (Ok(()), None, Some(save)) => {
            super::replay::resume(world, save);
            Ok(())
        }
        (r, _, _) => r,
    };
    if let Err(e) = result {
        let msg = format!("{}: {e}", req.path.display());
        world.resource_mut::<saves::Notice>().0 = crate::tr!("game-load-failed", error = &msg);
        world.resource_mut::<menu::Menu>().error = msg;
        return;
    }
    let side = world
        .resource::<crate::sim::Control>()
        .player
        .map(|p| world.resource::<crate::sim::Registry>().states[p].clone())
        .unwrap_or(req.side.clone());
    // Hotseat when people lead several sides (a new hotseat game, or a saved one).
    let humans = world
        .resource::<crate::sim::Control>()
        .human_ids(world.resource::<crate::sim::Registry>());
    if humans.len() > 1 {
        world.insert_resource(Hotseat {
            order: humans,
            ..Hotseat::default()
        });
    } else {
        world.remove_resource::<Hotseat>();
    }
    let briefing = world.get_resource::<Smoke>().is_none() && req.save.is_none();
    enter_game(world, &side, briefing, false);
    if *world.resource::<State<Screen>>().get() == Screen::Playing {
        world.resource_mut::<saves::Notice>().0 =
            crate::tr!("game-loaded", path = req.path.display().to_string());
    }
}

/// The world holds a game for `side` (new, loaded, or a class game's): the map, the window's
/// title (in the player's language: `window_title`), the view, and the game screen (with the
/// briefing, for a game that starts).
pub(super) fn enter_game(world: &mut World, side: &str, briefing: bool, class: bool) {
    let scenario = world.resource::<crate::sim::ScenarioDef>().0.clone();
    let side = side.to_string();
    world.insert_resource(map::MapOwners(
        scenario
            .states
            .iter()
            .flat_map(|s| {
                let codes = if s.map.is_empty() {
                    vec![s.id.clone()]
                } else {
                    s.map.clone()
                };
                codes.into_iter().map(move |c| (c, s.id.clone()))
            })
            .collect(),
    ));
    world.insert_resource(PlayerSide(side.clone()));
    // Nothing of the last game's: its debrief page, its forecast (a class game is no replay).
    world.insert_resource(saves::Exported(None));
    world.insert_resource(super::forecast::Forecasting::default());
    if class {
        world.remove_resource::<super::replay::Replay>();
    }
    world.insert_resource(Pace {
        paused: true,
        speed: 1,
        since_step: 0.0,
        step_requested: false,
    });
    world.insert_resource(Overlays {
        briefing,
        ..Overlays::default()
    });
    let view = View::from_world(world);
    super::retitle(world, &view);
    world.insert_resource(view);
    // A new map for the new world: at once if already playing, else on entering the game.
    let mut q = world.query_filtered::<Entity, Or<(With<map::MapShape>, With<map::Ocean>)>>();
    for e in q.iter(world).collect::<Vec<_>>() {
        world.despawn(e);
    }
    if *world.resource::<State<Screen>>().get() == Screen::Playing {
        let _ = world.run_system_cached(map::spawn_map);
    } else {
        world.resource_mut::<NextState<Screen>>().set(Screen::Playing);
    }
}
