//! Reports on a run: the score of each playable side against its scenario objectives, the
//! tutorial prompt for now, the units of the recorded indicators, and the class debrief (several
//! runs of one scenario in one HTML page).

pub mod charts;
pub mod debrief;
pub mod debrief_html;
pub mod forecast;
/// Scoring is part of the model's record phase (it freezes at the scenario's end).
pub use crate::sim::objectives as score;
pub mod tutorial;
/// The units of the recorded indicators live beside the records.
pub use crate::sim::units;
