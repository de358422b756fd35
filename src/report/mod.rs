//! Reports on a run: the score of each playable side against its scenario objectives, the
//! tutorial prompt for now, and the units of the recorded indicators.

pub mod score;
pub mod tutorial;
pub mod units;
