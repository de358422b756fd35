//! Reports on a run: the score of each playable side against its scenario objectives, and the
//! tutorial prompt for now.

pub mod score;
pub mod tutorial;
