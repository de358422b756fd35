//! Class games over a network: the lockstep protocol's messages (`lockstep.rs`), its host and
//! team state machines (`host.rs`, `seat.rs`; what the host takes from a team: `admission.rs`), the wire (`transport.rs`: renet over netcode's
//! UDP), and the two joined (`session.rs`), independent of the window; their sentences are
//! worded where they are read (`wording.rs`).

mod admission;
pub mod host;
pub mod lockstep;
pub mod seat;
pub mod session;
pub mod transport;
pub mod wording;
