//! Reports on a run: the score of each playable side against its scenario objectives, and the
//! tutorial prompt for now.

/// Scoring is part of the model's record phase (it freezes at the scenario's end).
pub use crate::sim::objectives as score;
pub mod tutorial;
