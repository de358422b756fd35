//! `tradecraft batch` of 1,000 runs × 36 months of the 2025 level (Japan playing history's
//! policy) on every core, as the command runs it less the writing of runs.csv. Issue 15's
//! figure: under 3 s wall on the 2-core build machine.
//!
//! Run: `cargo bench --no-default-features --bench batch`.

use criterion::{Criterion, criterion_group, criterion_main};
use tradecraft::cli::batch::{BatchArgs, runs};

fn args(seeds: &str) -> BatchArgs {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    BatchArgs {
        scenario: Some(root.join("levels/2025_tariff_shock.ron")),
        seeds: seeds.into(),
        commands: vec![root.join("levels/2025_tariff_shock.history.ron")],
        side: vec!["JPN".into()],
        months: None,
        jobs: None,
        out: std::env::temp_dir(),
        shard: None,
        merge: Vec::new(),
    }
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("batch");
    g.sample_size(10);
    let a = args("1..1000");
    g.bench_function("2025 level, 1000 runs x 36 months", |b| {
        b.iter(|| runs(&a).expect("the sweep runs").rows.len())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
