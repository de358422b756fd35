//! A replay as the screens show it: the file, where the player took over, and the replay's own
//! path (the side's score and where each of its disputes ended) for the end screen.

use bevy::prelude::*;

use crate::sim::Clock;

/// A replay as the screens show it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReplayRow {
    pub file: String,
    /// When the player took over (None: still following the file).
    pub taken: Option<String>,
    /// The file's own path: the side's score and where each of its disputes ended.
    pub score: Option<f64>,
    pub ends: Vec<(String, String)>,
}

/// The replay's row, if the game is one.
pub fn row(world: &World, side: &str) -> Option<ReplayRow> {
    let r = world.get_resource::<crate::ui::replay::Replay>()?;
    let clock = world.resource::<Clock>();
    Some(ReplayRow {
        file: r.file.clone(),
        taken: r.taken.map(|m| clock.date_of(m)),
        score: r.original.as_ref().and_then(|o| o.score(side)),
        ends: r
            .original
            .as_ref()
            .map(|o| {
                o.disputes
                    .iter()
                    .filter(|(_, d)| d.parties.iter().any(|p| p == side))
                    .map(|(id, d)| (d.title.clone(), o.ending(id)))
                    .collect()
            })
            .unwrap_or_default(),
    })
}
