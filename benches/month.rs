//! One simulated month: (a) the 2025 scenario, (b) a generated world of 200 states × 20 sectors,
//! and (c) a baseline that makes one tight pass over arrays of the size of (b)'s trade matrix.
//! After criterion's report it prints the ratio (b)/(c): how many "tight passes" a month costs.
//! (d) times (b)'s trade phase alone (`trade::solve_trade`, run again and again on one world):
//! the n²k work a month cannot do without, beside the rest of the month. (e) is that work at
//! its plainest, on (c)'s arrays: each market's CES denominator, then its flows moved and summed
//! into suppliers' demand and sales and the buyer's imports; no prices, wedges or records. How
//! far (e) is above (c) says what any month's trade solution costs against the tight pass.
//!
//! Months are timed within a run's span (the 2025 level's 36 months; months 2 to 38 of the
//! generated world), starting a fresh world when the span is over: criterion asks for tens of
//! thousands of months, and a single world run that long measures something else (a history
//! of 60,000 months, flows decayed to subnormal numbers).
//!
//! Run: `cargo bench --no-default-features --bench month`.

use std::hint::black_box;
use std::time::Instant;

use bevy_ecs::system::SystemId;
use criterion::{Criterion, criterion_group};
use tradecraft::sim::{Simulation, generate, trade};

const N: usize = 200;
const K: usize = 20;

fn level_2025() -> Option<Simulation> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/levels/2025_tariff_shock.ron");
    let s = tradecraft::scenario::load_scenario(std::path::Path::new(path)).ok()?;
    Simulation::new(&s, 7, None).ok()
}

fn level_2025_run() -> Simulation {
    let mut sim = level_2025().expect("the 2025 level loads");
    sim.run(36);
    sim
}

fn big() -> Simulation {
    let mut sim = Simulation::new(&generate::world(N, K, 1), 7, None).expect("generated world is valid");
    sim.run(2); // warm: wedges and derived arrays built
    sim
}

/// The baseline: one pass of the flow update over n²k cells, reading two arrays, writing one.
/// No weight is zero: a flow aimed at zero shrinks by a tenth a pass until, some thousands of
/// passes into criterion's run, it is a subnormal number, whose arithmetic is many times
/// slower (with a thirteenth of the weights zero the pass measured 2.17 ms under criterion
/// against 0.46 ms over 30 passes).
struct Baseline {
    flow: Vec<f64>,
    weight: Vec<f64>,
}

impl Baseline {
    fn new() -> Self {
        let cells = N * N * K;
        Baseline {
            flow: (0..cells).map(|c| (c % 97) as f64).collect(),
            weight: (0..cells).map(|c| (c % 13 + 1) as f64 * 0.1).collect(),
        }
    }
    fn pass(&mut self, x: f64) {
        for (f, w) in self.flow.iter_mut().zip(&self.weight) {
            *f += 0.1 * (w * x - *f);
        }
    }
}

/// (e): the market pass with nothing else, four buyers of a sector at a time (as the model's
/// pass goes), over arrays laid out as the model's (`(buyer * K + sector) * N + supplier`).
struct LeastPass {
    flow: Vec<f64>,
    weight: Vec<f64>,
    /// p^(1−σ) and p^(−σ) by sector and supplier.
    pp: Vec<f64>,
    ppm: Vec<f64>,
    pair: Vec<f64>,
    demand: Vec<f64>,
    sales: Vec<f64>,
}

impl LeastPass {
    fn new() -> Self {
        let b = Baseline::new();
        let prices: Vec<f64> = (0..N * K).map(|c| 1.0 + (c % 7) as f64 * 0.01).collect();
        LeastPass {
            flow: b.flow,
            weight: b.weight,
            ppm: prices.iter().map(|p| 1.0 / p).collect(),
            pp: prices,
            pair: vec![0.0; N * N],
            demand: vec![0.0; N * K],
            sales: vec![0.0; N * K],
        }
    }

    fn pass(&mut self, lambda: f64) {
        self.pair.iter_mut().for_each(|x| *x = 0.0);
        self.demand.iter_mut().for_each(|x| *x = 0.0);
        self.sales.iter_mut().for_each(|x| *x = 0.0);
        for i0 in (0..N).step_by(4) {
            for s in 0..K {
                let sn = s * N;
                let row = |m: usize| ((i0 + m) * K + s) * N;
                let mut scale = [0.0; 4];
                for (m, sc) in scale.iter_mut().enumerate() {
                    let w = &self.weight[row(m)..row(m) + N];
                    let denom: f64 = w.iter().zip(&self.pp[sn..sn + N]).map(|(a, b)| a * b).sum();
                    *sc = 1.0 / denom;
                }
                for (m, sc) in scale.iter().enumerate() {
                    let (r, i) = (row(m), i0 + m);
                    let w = &self.weight[r..r + N];
                    let f = &mut self.flow[r..r + N];
                    let q = &mut self.pair[i * N..(i + 1) * N];
                    let (d, sl) = (&mut self.demand[sn..sn + N], &mut self.sales[sn..sn + N]);
                    for j in 0..N {
                        let target = w[j] * self.ppm[sn + j] * sc;
                        let x = f[j] + lambda * (target - f[j]);
                        f[j] = x;
                        q[j] += x;
                        d[j] += target;
                        sl[j] += x;
                    }
                }
            }
        }
    }
}

/// (d): the generated world after its warm months, with the trade phase registered to run alone
/// (its arrays stay those of one month: the same work each time, and in the cache if they fit).
fn trade_alone() -> (Simulation, SystemId) {
    let mut sim = big();
    let id = sim.world_mut().register_system(trade::solve_trade);
    (sim, id)
}

fn run_trade(sim: &mut Simulation, id: SystemId) {
    sim.world_mut()
        .run_system(id)
        .expect("the trade phase runs on a built world");
}

/// Time `iters` months, each within `span` months of a fresh world from `make` (built untimed).
fn months_within(iters: u64, span: u32, make: &dyn Fn() -> Simulation) -> std::time::Duration {
    let mut total = std::time::Duration::ZERO;
    let mut sim = make();
    let start = sim.month();
    for _ in 0..iters {
        if sim.month() >= start + span {
            sim = make();
        }
        let t = Instant::now();
        sim.step();
        total += t.elapsed();
    }
    total
}

fn months(c: &mut Criterion) {
    if level_2025().is_some() {
        let make = || level_2025().expect("the 2025 level loads");
        c.bench_function("month_2025_scenario", |b| {
            b.iter_custom(|iters| months_within(iters, 36, &make))
        });
    }
    c.bench_function("month_200x20", |b| {
        b.iter_custom(|iters| months_within(iters, 36, &big))
    });
    let (mut sim, id) = trade_alone();
    c.bench_function("trade_phase_200x20", |b| b.iter(|| run_trade(&mut sim, id)));
    let mut least = LeastPass::new();
    c.bench_function("least_market_pass_200x20", |b| {
        b.iter(|| {
            least.pass(black_box(0.1));
            black_box(&least.flow);
        })
    });
    let mut base = Baseline::new();
    c.bench_function("baseline_pass_200x20", |b| {
        b.iter(|| {
            base.pass(black_box(1.0));
            black_box(&base.flow);
        })
    });
}

/// Mean seconds per call over `reps` calls.
fn mean(reps: u32, mut f: impl FnMut()) -> f64 {
    let t = Instant::now();
    for _ in 0..reps {
        f();
    }
    t.elapsed().as_secs_f64() / reps as f64
}

fn ratio() {
    let mut sim = big();
    let mut base = Baseline::new();
    let month = mean(30, || sim.step());
    let (mut alone, id) = trade_alone();
    let trade = mean(30, || run_trade(&mut alone, id));
    let mut least = LeastPass::new();
    let floor = mean(30, || {
        least.pass(black_box(0.1));
        black_box(&least.flow);
    });
    let pass = mean(30, || {
        base.pass(black_box(1.0));
        black_box(&base.flow);
    });
    println!(
        "month {N}x{K}: {:.3} ms; trade phase alone: {:.3} ms; least market pass: {:.3} ms; baseline pass: {:.3} ms; ratio (b)/(c) = {:.2}, (d)/(c) = {:.2}, (e)/(c) = {:.2}",
        month * 1e3,
        trade * 1e3,
        floor * 1e3,
        pass * 1e3,
        month / pass,
        trade / pass,
        floor / pass
    );
}

criterion_group!(benches, months);

/// `MONTH_PROFILE=N`: build the generated world once and step it N months, nothing else (for
/// `perf record`, where criterion's fresh worlds would bury the months under their building).
fn profile(months: u32) {
    let mut sim = big();
    let t = Instant::now();
    sim.run(months);
    census(&sim);
    println!(
        "{months} months {N}x{K}: {:.3} ms a month",
        t.elapsed().as_secs_f64() * 1e3 / months as f64
    );
}

/// How many cause records and news items a run wrote, and how wide its history is (what the
/// records cost depends on it).
fn census(sim: &Simulation) {
    let causes = &sim.world().resource::<tradecraft::sim::resources::Causes>().0;
    let mut by: std::collections::BTreeMap<&str, usize> = Default::default();
    for c in causes {
        *by.entry(c.indicator.split(':').next().unwrap_or("")).or_default() += 1;
    }
    let news = sim.world().resource::<tradecraft::sim::resources::News>().0.len();
    let columns = sim.world().resource::<tradecraft::sim::History>().columns.len();
    println!(
        "{} causes ({by:?}), {news} news, {columns} history columns ({} KB a recorded month)",
        causes.len(),
        columns * 8 / 1024
    );
}

fn main() {
    if let Some(m) = std::env::var("MONTH_PROFILE").ok().and_then(|v| v.parse().ok()) {
        profile(m);
        return;
    }
    // `MONTH_PROFILE_2025=R`: R runs of the 2025 level's 36 months (fresh worlds), for perf.
    if let Some(r) = std::env::var("MONTH_PROFILE_2025")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
    {
        let mut spent = std::time::Duration::ZERO;
        for _ in 0..r {
            let mut sim = level_2025().expect("the 2025 level loads");
            let t = Instant::now();
            sim.run(36);
            spent += t.elapsed();
        }
        census(&level_2025_run());
        println!(
            "2025: {:.1} µs a month",
            spent.as_secs_f64() * 1e6 / (36 * r) as f64
        );
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
    ratio();
}
