//! Tradecraft: a strategy game and teaching tool about economic statecraft.
//!
//! The model (`sim`) is a headless bevy ECS app; the GUI (`ui`, feature `gui`) is one consumer
//! of it, the CLI (`cli`) another. See DESIGN.md in the team's shared folder for the shape.

pub mod ai;
pub mod cli;
pub mod command;
pub mod save;
pub mod scenario;
pub mod sim;
