//! The simulation's state: everything that evolves, gathered in one value, and its hash. Two
//! runs are the same run when their states hash alike; saves (`crate::save`) store this value
//! beside the records, and replays (or, later, class games in lockstep) compare hashes.

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

use super::strategic_inputs::Bottlenecks;
use super::supply_chains::Risk;
use super::*;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RngState {
    /// The 32-byte ChaCha seed, hex.
    pub seed: String,
    pub stream: u64,
    /// Word position, decimal (a u128).
    pub word_pos: String,
}

/// Everything that evolves. Hashing this is hashing the simulation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct State {
    pub clock: Clock,
    pub seed: u64,
    pub rng: RngState,
    pub params: crate::scenario::Parameters,
    pub control: Control,
    pub pending: PendingCommands,
    pub script: Script,
    pub serial: MeasureSerial,
    pub timeline_fired: Vec<bool>,
    /// The injects the teacher fired (`Timeline::injected`); left out while none has been, so
    /// a game without them saves, and hashes, as before injects existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub injected: Vec<String>,
    pub trade: Trade,
    pub relations: Relations,
    pub risk: Risk,
    /// Absent from saves of format 2 and earlier: no bottleneck had formed.
    #[serde(default)]
    pub bottlenecks: Bottlenecks,
    pub countries: Vec<(Country, Economy, Politics, Mood)>,
    pub industries: Vec<Industry>,
    pub lobbies: Vec<Lobby>,
    pub measures: Vec<Measure>,
    pub disputes: Vec<Dispute>,
    pub frameworks: Vec<Framework>,
    pub acquisitions: Vec<Acquisition>,
}

fn sorted<T: Component + Clone>(world: &mut World, key: impl Fn(&T) -> String) -> Vec<T> {
    let mut q = world.query::<&T>();
    let mut v: Vec<T> = q.iter(world).cloned().collect();
    v.sort_by_key(|x| key(x));
    v
}

pub fn state(world: &mut World) -> State {
    let rng = &world.resource::<SimRng>().0;
    let rng = RngState {
        seed: rng.get_seed().iter().map(|b| format!("{b:02x}")).collect(),
        stream: rng.get_stream(),
        word_pos: rng.get_word_pos().to_string(),
    };
    let mut q = world.query::<(&Country, &Economy, &Politics, &Mood)>();
    let mut countries: Vec<(Country, Economy, Politics, Mood)> = q
        .iter(world)
        .map(|(c, e, p, m)| (c.clone(), e.clone(), p.clone(), m.clone()))
        .collect();
    countries.sort_by_key(|(c, _, _, _)| c.idx);
    let mut measures = sorted::<Measure>(world, |_| String::new());
    measures.sort_by_key(|m| m.serial);
    State {
        clock: world.resource::<Clock>().clone(),
        seed: world.resource::<Seed>().0,
        rng,
        params: world.resource::<Params>().0.clone(),
        control: world.resource::<Control>().clone(),
        pending: world.resource::<PendingCommands>().clone(),
        script: world.resource::<Script>().clone(),
        serial: *world.resource::<MeasureSerial>(),
        timeline_fired: world.resource::<Timeline>().fired.clone(),
        injected: world.resource::<Timeline>().injected.clone(),
        trade: world.resource::<Trade>().clone(),
        relations: world.resource::<Relations>().clone(),
        risk: world.resource::<Risk>().clone(),
        bottlenecks: world.resource::<Bottlenecks>().clone(),
        countries,
        industries: sorted::<Industry>(world, |x| x.id.clone()),
        lobbies: sorted::<Lobby>(world, |x| x.id.clone()),
        measures,
        disputes: sorted::<Dispute>(world, |x| x.id.clone()),
        frameworks: sorted::<Framework>(world, |x| x.id.clone()),
        acquisitions: sorted::<Acquisition>(world, |x| x.id.clone()),
    }
}

/// 64-bit FNV-1a over the RON text of the state: stable across runs, platforms and builds.
///
/// The reasons given with queued commands are explanations, not state: they are left out, so
/// rewording an explanation never changes a run's hash.
pub fn state_hash(world: &mut World) -> u64 {
    let mut st = state(world);
    for c in &mut st.pending.0 {
        c.reason.clear();
    }
    let text = ron::to_string(&st).unwrap_or_default();
    fnv1a(text.as_bytes())
}

pub fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
