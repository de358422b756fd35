//! The scenario's injects as the teacher's menu shows them (issue 14).

use bevy::prelude::*;

use crate::command::Command;
use crate::sim::{PendingCommands, Timeline};

/// One of the scenario's injects as the teacher's menu shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InjectLine {
    pub id: String,
    pub title: String,
    pub note: String,
    /// Fired already (each fires once).
    pub fired: bool,
    /// Waiting for the next month.
    pub queued: bool,
}

/// Every inject of the scenario, in file order: fired already, or waiting for the next month.
pub fn injects_of(world: &World) -> Vec<InjectLine> {
    let timeline = world.resource::<Timeline>();
    let waiting = world.resource::<PendingCommands>();
    timeline
        .injects
        .iter()
        .map(|x| InjectLine {
            id: x.id.clone(),
            title: x.title.clone(),
            note: x.note.clone(),
            fired: timeline.injected.contains(&x.id),
            queued: waiting
                .0
                .iter()
                .any(|c| matches!(&c.command, Command::Inject { id } if *id == x.id)),
        })
        .collect()
}
