//! Class games over a network: the lockstep protocol and its host and team state machines
//! (`lockstep.rs`), independent of the transport and of the window.

pub mod lockstep;
