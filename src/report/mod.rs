//! Reports on a run: the score of each playable side against its scenario objectives.

pub mod score;
