//! The game's forecast of a move (issue 15): 32 seeds × 12 months × 2 branches of the 2025
//! level from April 2025, Japan weighing an offer on the car tariffs — the background task the
//! *Forecast* button starts, less the drawing. Target: under 150 ms on the 2-core build machine.
//! `known` (taken on the game's frame) is measured apart.
//!
//! Run: `cargo bench --no-default-features --bench forecast`.

use criterion::{Criterion, criterion_group, criterion_main};
use tradecraft::command::{Channel, Command, Offer};
use tradecraft::report::forecast::{Question, forecast, known};
use tradecraft::sim::Simulation;

fn bench(c: &mut Criterion) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("levels/2025_tariff_shock.ron");
    let s = tradecraft::scenario::load_scenario(&path).expect("the level loads");
    let mut sim = Simulation::new(&s, 1, Some("JPN")).expect("the level builds");
    sim.run(3);
    let order = Command::MakeOffer {
        dispute: "auto_tariffs".into(),
        channel: Channel::WorkingLevel,
        offer: Offer {
            purchases: 8.0,
            investment: 550.0,
            ..Offer::default()
        },
    };
    let q = Question::new("JPN", order);
    let snap = known(sim.world_mut(), "JPN").expect("Japan is a side");
    let mut g = c.benchmark_group("forecast");
    g.sample_size(10);
    g.bench_function("2025 level, 32 seeds x 12 months x 2 branches", |b| {
        b.iter(|| forecast(&snap, &q).expect("the forecast runs").with.public)
    });
    g.bench_function("what the side knows (on the frame)", |b| {
        b.iter(|| {
            known(sim.world_mut(), "JPN")
                .expect("Japan is a side")
                .state
                .clock
                .month
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
