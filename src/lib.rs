//! Tradecraft: a strategy game and teaching tool about economic statecraft.
//!
//! The model (`sim`) is a headless bevy ECS app; the GUI (`ui`, feature `gui`) is one consumer
//! of it, the CLI (`cli`) another. See docs/architecture.md for the shape and docs/model.md for the model.

// bevy systems take their data as parameters, so many take more than seven; the model's dense
// loops index several parallel arrays by the same state and sector indices on purpose.
#![allow(clippy::too_many_arguments, clippy::needless_range_loop)]

/// mimalloc for every binary linking the crate, the game's and the benchmarks' alike (Cargo.toml
/// says why). cargo-fuzz's builds keep the system allocator its sanitizers watch.
#[cfg(not(fuzzing))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub mod cli;
pub mod command;
pub mod i18n;
pub mod net;
pub mod report;
pub mod save;
pub mod scenario;
pub mod sim;
#[cfg(feature = "gui")]
pub mod ui;
pub mod validation;
pub mod words;
