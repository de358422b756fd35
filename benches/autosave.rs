//! The game window's autosave at the end of the 2025 level (36 months recorded): the snapshot
//! taken on the frame, and the RON text and atomic write (two fsyncs) that the IO task pool
//! does off it (`ui::saves::autosave_to`).
//!
//! Run: `cargo bench --no-default-features --bench autosave`.

use criterion::{Criterion, criterion_group, criterion_main};
use tradecraft::sim::Simulation;

fn bench(c: &mut Criterion) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("levels/2025_tariff_shock.ron");
    let s = tradecraft::scenario::load_scenario(&path).expect("the level loads");
    let mut sim = Simulation::new(&s, 1, Some("JPN")).expect("the level builds");
    sim.run(36);
    let dir = std::env::temp_dir().join(format!("tradecraft-bench-autosave-{}", std::process::id()));
    let snap = tradecraft::save::snapshot(sim.world_mut());
    let bytes = tradecraft::save::text_of(&snap)
        .expect("the snapshot writes")
        .len();
    println!("autosave of the 2025 level at month 36: {} KB", bytes / 1024);
    let mut g = c.benchmark_group("autosave");
    g.sample_size(20);
    g.bench_function("snapshot (on the frame)", |b| {
        b.iter(|| tradecraft::save::snapshot(sim.world_mut()).state.clock.month)
    });
    g.bench_function("text and write (IO task)", |b| {
        b.iter(|| tradecraft::save::autosave::write_snapshot(&snap, &dir, "bench").expect("written"))
    });
    g.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, bench);
criterion_main!(benches);
