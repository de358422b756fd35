//! The 2025 level's months in a loop, for a profiler (issue 13's month figure): one world,
//! reset to its start (`save::reset_taken`) every 36 months, so the samples are the months'
//! and not the scenario's build. Prints the mean time a month.
//!
//! Run: `cargo build --release --no-default-features --example profile_month`, then e.g.
//! `perf record --call-graph dwarf target/release/examples/profile_month` and `perf report`.

use tradecraft::sim::Simulation;

fn main() -> Result<(), String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/levels/2025_tariff_shock.ron");
    let s = tradecraft::scenario::load_scenario(std::path::Path::new(path)).map_err(|d| d.to_string())?;
    let mut sim = Simulation::new(&s, 7, None)?;
    let start = tradecraft::save::snapshot(sim.world_mut());
    let t = std::time::Instant::now();
    let mut months = 0;
    for _ in 0..400 {
        tradecraft::save::reset_taken(&mut sim, &start)?;
        sim.run(36);
        months += 36;
    }
    eprintln!(
        "{:.1} µs a month (with the resets), over {months} months",
        t.elapsed().as_secs_f64() * 1e6 / months as f64
    );
    Ok(())
}
