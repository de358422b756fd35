//! Reports on a run: the score of each playable side against its scenario objectives, the
//! tutorial prompt for now, and the units of the recorded indicators.

/// Scoring is part of the model's record phase (it freezes at the scenario's end).
pub use crate::sim::objectives as score;
pub mod tutorial;
/// The units of the recorded indicators live beside the records.
pub use crate::sim::units;
