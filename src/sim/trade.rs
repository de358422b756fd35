//! Trade: landed prices, Armington (CES) demand over suppliers, quotas and VERs, producer
//! prices with capacity and input costs, tariff revenue, CPI, output and employment
//! (docs/model.md §2.1).
//!
//! Long file: the month's trade solution is one chain of steps over shared arrays (producer
//! prices, the market pass, rationing, totals, revenue, CPI, output); split, each step would
//! pass the same dozen arrays across files.
//!
//! Flows are real quantities in base-year bn USD (base landed price = 1). The buyer's unit cost
//! of supplier j's good is `c = p_j · (1 + τ) · ρ`: producer price, tariff, and the shadow price
//! of a binding quota. Shares follow `s_j = a_j c_j^(1−σ) / Σ_l a_l c_l^(1−σ)` (Armington 1969)
//! with `a` calibrated so the base month reproduces the scenario's flows exactly; so every later
//! change is the policy's doing. Pass-through of tariffs to buyer prices is complete
//! (Amiti–Redding–Weinstein 2019; Fajgelbaum et al. 2020): a supplier's quantity falls as
//! `c^(−σ)`, which for σ = 2.5 and a 2.6% → 16.6% tariff gives ≈ −27% (−32% observed in 2018).
//!
//! Producer prices rise with demand against capacity, `p = (D / D₀)^(1/η)`, so domestic
//! competitors raise their prices behind a tariff, and with the cost of inputs bought at home,
//! `p · (1 − Σ c_ℓ + Σ c_ℓ P_ℓ)`: a steel tariff raises what carmakers pay and costs them sales
//! (Flaaen & Pierce 2019).
//!
//! Cost: one sweep over the n²k cells per month (each market's denominator, then its flows,
//! while its row is in the cache; four buyers of a sector at a time), plus work per
//! state-sector and per measure; no per-flow entity lookups.

use bevy_ecs::prelude::*;
use noise::{NoiseFn, Perlin};

use super::simd::{Lanes, Sums, Sums4};
use super::*;
use crate::scenario::Scenario;

/// Base-month calibration from the scenario's flows and the measures in force at the start.
pub fn calibrate(world: &mut World, s: &Scenario) -> Trade {
    let reg = world.resource::<Registry>().clone();
    let (n, k) = (reg.n(), reg.k());
    let wedges = super::wedges::wedges_now(world, &reg);
    let cells = n * n * k;
    let mut t = Trade {
        n,
        k,
        flow: vec![0.0; cells],
        base: vec![0.0; cells],
        weight: vec![0.0; cells],
        price: vec![1.0; n * k],
        spend0: vec![0.0; n * k],
        price_index: vec![1.0; n * k],
        rho: Vec::new(),
        revenue0: vec![0.0; n],
        sales0: vec![0.0; n * k],
        base_tariff: wedges.tariffed.iter().map(|&c| (c, wedges.tariff[c])).collect(),
        demand: Vec::new(),
        sales: vec![0.0; n * k],
        pair_flow: vec![0.0; n * n],
        wt: Vec::new(),
        wtm: Vec::new(),
        dirty: true,
    };
    for f in &s.trade {
        if let (Some(j), Some(i), Some(sec)) = (reg.state(&f.from), reg.state(&f.to), reg.sector(&f.sector)) {
            let c = t.at(i, j, sec);
            t.base[c] = f.value;
        }
    }
    t.flow = t.base.clone();
    for i in 0..n {
        for sec in 0..k {
            let sigma = reg.sigma[sec];
            let mut spend = 0.0;
            for j in 0..n {
                let c = t.at(i, j, sec);
                spend += t.base[c] * (1.0 + wedges.tariff[c]);
                t.revenue0[i] += t.base[c] * wedges.tariff[c];
                t.sales0[j * k + sec] += t.base[c];
            }
            t.spend0[i * k + sec] = spend;
            if spend <= 0.0 {
                continue;
            }
            for j in 0..n {
                let c = t.at(i, j, sec);
                let unit = 1.0 + wedges.tariff[c];
                let share = t.base[c] * unit / spend;
                t.weight[c] = share * libm::pow(unit, sigma - 1.0);
            }
        }
    }
    t.rho = vec![1.0; wedges.caps.len()];
    // Last month's demand is the base month's: no price pressure at the start.
    t.demand = t.sales0.clone();
    t
}

/// Coherent shocks for month m: one series per state and one per sector (Perlin noise seeded
/// by the scenario seed, so runs differ by seed yet repeat exactly); the shock of (state, sector)
/// is `1 + amplitude · (0.7·state + 0.3·sector)`: mostly a country's business cycle, partly the
/// sector's. `channel` separates demand from price shocks.
struct Shocks {
    state: Vec<f64>,
    sector: Vec<f64>,
    amplitude: f64,
}

impl Shocks {
    fn new(perlin: &Perlin, amplitude: f64, n: usize, k: usize, m: u32, channel: f64) -> Self {
        let t = m as f64 * 0.13 + channel;
        let mut sh = Shocks {
            state: vec![0.0; n],
            sector: vec![0.0; k],
            amplitude,
        };
        if amplitude != 0.0 {
            sh.state = (0..n)
                .map(|i| perlin.get([t, i as f64 * 3.71 + 0.5, 0.25]))
                .collect();
            sh.sector = (0..k)
                .map(|s| perlin.get([t, 0.5, s as f64 * 1.93 + 100.25]))
                .collect();
        }
        sh
    }
    #[inline]
    fn at(&self, i: usize, s: usize) -> f64 {
        1.0 + self.amplitude * (0.7 * self.state[i] + 0.3 * self.sector[s])
    }
}

fn perlin(seed: u64) -> Perlin {
    Perlin::new(seed as u32 ^ (seed >> 32) as u32)
}

/// x^y as e^(y·ln x) for x > 0: the libm crate's `pow` is correctly rounded and took a sixth of
/// a 200-state month (12,000 calls); this is within a few ulps here (|y·ln x| is small: prices
/// and demand near their base) at about half the cost, and as deterministic (pure Rust).
#[inline]
fn pow_pos(x: f64, y: f64) -> f64 {
    libm::exp(y * libm::log(x))
}

/// Producer prices: capacity pressure from last month's demand, input costs at home, and a small
/// commodity-price shock; then each market's CES split, quota caps, flows moving toward the
/// solution, tariff revenue, quota rents, price indices and CPI.
pub fn solve_trade(
    reg: Res<Registry>,
    wedges: Res<Wedges>,
    params: Res<Params>,
    seed: Res<Seed>,
    clock: Res<Clock>,
    bottlenecks: Res<super::strategic_inputs::Bottlenecks>,
    control: Res<Control>,
    mut trade: ResMut<Trade>,
    mut totals: ResMut<MarketTotals>,
    mut states: Query<(&Country, &mut Economy)>,
    mut noise: Local<Option<(u64, Perlin)>>,
) {
    let (n, k) = (reg.n(), reg.k());
    let p = &params.0;
    let totals = &mut *totals;
    totals.volume.clear();
    totals.volume.resize(n * k, 0.0);
    totals.home.clear();
    totals.home.resize(n * k, 0.0);
    totals.watched = control.watched(&reg);
    totals.from_watched.clear();
    totals.from_watched.resize(totals.watched.len() * n * k, 0.0);
    // Markets whose home sales the flow pass below kept; the rest are read at the end.
    let mut kept = vec![false; n * k];
    // The noise generator for this seed, built once (its permutation table is shuffled anew by
    // each `Perlin::new`; the same table every time).
    if noise.as_ref().is_none_or(|(s, _)| *s != seed.0) {
        *noise = Some((seed.0, perlin(seed.0)));
    }
    let Some((_, noise)) = noise.as_ref() else { return };
    let t = &mut *trade;
    if t.rho.len() != wedges.caps.len() {
        t.rho = vec![1.0; wedges.caps.len()];
    }

    // Producer prices (n·k work). `pp` and `ppm` are stored sector-major (`s * n + j`) so a
    // market's suppliers are contiguous in the passes below.
    if t.demand.len() != n * k {
        t.demand = t.sales0.clone();
    }
    let demand_shock = Shocks::new(noise, p.demand_noise, n, k, clock.month, 0.0);
    let price_shock = Shocks::new(noise, p.price_noise, n, k, clock.month, 500.0);
    let mut pp = vec![0.0; n * k]; // p^(1−σ)
    let mut ppm = vec![0.0; n * k]; // p^(−σ)
    for j in 0..n {
        for s in 0..k {
            let js = j * k + s;
            // Capacity is the base month's sales, less what a strategic bottleneck allows.
            let capacity = t.sales0[js] * bottlenecks.cap(j, k, s).max(1e-3);
            let pressure = if t.sales0[js] > 0.0 {
                pow_pos((t.demand[js] / capacity).max(1e-6), 1.0 / reg.eta[s])
            } else {
                1.0
            };
            // Over the inputs the sector uses (a zero share adds nothing to the sum).
            let inputs: f64 = reg.uses[s]
                .iter()
                .map(|&(l, share)| share * (t.price_index[j * k + l] - 1.0))
                .sum();
            let goal = pressure * (1.0 + inputs) * price_shock.at(j, s);
            let price = t.price[js] + p.price_adjustment * (goal - t.price[js]);
            t.price[js] = price.clamp(1e-3, 1e3);
            let sigma = reg.sigma[s];
            let sj = s * n + j;
            pp[sj] = pow_pos(t.price[js], 1.0 - sigma);
            ppm[sj] = pp[sj] / t.price[js];
        }
    }

    // Capped markets take the slow path.
    let mut capped = vec![false; n * k];
    for c in &wedges.caps {
        capped[c.importer * k + c.sector] = true;
    }

    let mut revenue = vec![0.0; n];
    let mut rents = vec![0.0; n];
    // Demand and sales accumulate sector-major, then move to `j * k + s` below.
    let mut demand = vec![0.0; n * k];
    let mut sales = vec![0.0; n * k];
    t.pair_flow.iter_mut().for_each(|x| *x = 0.0);
    t.pair_flow.resize(n * n, 0.0);
    let mut pass = Markets {
        n,
        k,
        wedges: &wedges,
        sigma: &reg.sigma,
        pp: &pp,
        ppm: &ppm,
        capped: &capped,
        demand_shock: &demand_shock,
        lanes: Lanes::detect(),
        lambda: p.adjustment_rate,
        t,
        totals,
        demand: &mut demand,
        sales: &mut sales,
        rents: &mut rents,
        kept: &mut kept,
    };
    // Four buyers at a time, sector by sector; within a sector the buyers in order, so every
    // sum over buyers (a supplier's demand and sales) adds them in the same order as one buyer
    // at a time, and every buyer's imports add its sectors in order.
    for i0 in (0..n).step_by(4) {
        for s in 0..k {
            if i0 + 4 > n || !pass.four_open(i0, s) {
                for i in i0..(i0 + 4).min(n) {
                    pass.market(i, s);
                }
            }
        }
    }
    let t = &mut *trade;
    // A supplier capped by a strategic bottleneck rations what it sells across its markets.
    for j in 0..n {
        for s in 0..k {
            let cap = bottlenecks.cap(j, k, s);
            let limit = t.sales0[j * k + s] * cap;
            let sold = sales[s * n + j];
            if cap >= 1.0 || sold <= limit || sold <= 0.0 {
                continue;
            }
            let f = limit / sold;
            for i in 0..n {
                let c = t.at(i, j, s);
                let cut = t.flow[c] * (1.0 - f);
                t.flow[c] -= cut;
                t.pair_flow[i * n + j] -= cut;
                kept[i * k + s] = false;
            }
            sales[s * n + j] = limit;
        }
    }
    // Capped, shut and rationed markets: home sales from the flows as they now are.
    for is in (0..n * k).filter(|&is| !kept[is]) {
        let (i, s) = (is / k, is % k);
        totals.home[is] = t.flow[is * n + i];
        for (w, &j) in totals.watched.iter().enumerate() {
            totals.from_watched[(w * n + i) * k + s] = t.flow[is * n + j];
        }
    }
    // What each market buys in all, for the strategic inputs only (a running sum is a chain of
    // dependent additions: kept inside the flow pass it cost a third of the month). Four
    // buyers' sums run side by side, each in supplier order: the same bits as one at a time,
    // with four chains in flight instead of one.
    let first = totals.volume0.len() != n * k;
    if first {
        totals.volume0 = vec![0.0; n * k];
    }
    for s in (0..k).filter(|&s| reg.strategic[s]) {
        for i0 in (0..n).step_by(4) {
            let buyers = i0..(i0 + 4).min(n);
            totals_side_by_side(&t.flow, n, k, s, buyers.clone(), &mut totals.volume);
            if first {
                totals_side_by_side(&t.base, n, k, s, buyers, &mut totals.volume0);
            }
        }
    }
    t.demand.resize(n * k, 0.0);
    t.sales.resize(n * k, 0.0);
    for j in 0..n {
        for s in 0..k {
            t.demand[j * k + s] = demand[s * n + j];
            t.sales[j * k + s] = sales[s * n + j];
        }
    }
    for &c in &wedges.tariffed {
        let j = c % n;
        let s = (c / n) % k;
        let i = c / (n * k);
        revenue[i] += t.flow[c] * t.price[j * k + s] * wedges.tariff[c];
    }
    super::quotas::duty_on_ver_premiums(t, &wedges, &mut revenue);
    for (country, mut eco) in &mut states {
        let i = country.idx;
        let gdp = country.gdp0.max(1e-9);
        // CPI: a Cobb–Douglas index over the scenario's sectors, each weighted by its share of
        // total spending, the rest (services) unchanged: narrow tariffs barely move it.
        let log_cpi: f64 = (0..k)
            .map(|s| (t.spend0[i * k + s] / gdp).min(1.0) * libm::log(t.price_index[i * k + s]))
            .sum();
        eco.cpi = 100.0 * libm::exp(log_cpi);
        eco.tariff_revenue = revenue[i];
        eco.quota_rents = rents[i];
    }
}

/// The month's market pass (`solve_trade`): what it reads and what it writes.
struct Markets<'a> {
    n: usize,
    k: usize,
    wedges: &'a Wedges,
    sigma: &'a [f64],
    /// p^(1−σ) and p^(−σ), sector-major (`s * n + j`).
    pp: &'a [f64],
    ppm: &'a [f64],
    capped: &'a [bool],
    demand_shock: &'a Shocks,
    lanes: Lanes,
    lambda: f64,
    t: &'a mut Trade,
    totals: &'a mut MarketTotals,
    /// Sector-major sums (`s * n + j`).
    demand: &'a mut [f64],
    sales: &'a mut [f64],
    rents: &'a mut [f64],
    kept: &'a mut [bool],
}

impl Markets<'_> {
    /// Market (importer i, sector s): the CES denominator Σ_j wt·p^(1−σ) (pass A; four running
    /// sums in a fixed order: fast, and the same bits on every run), then targets and flows
    /// (pass B).
    fn market(&mut self, i: usize, s: usize) {
        let (n, k) = (self.n, self.k);
        let t = &mut *self.t;
        let is = i * k + s;
        let spend0 = t.spend0[is];
        if spend0 <= 0.0 {
            return;
        }
        let sigma = self.sigma[s];
        let spend = spend0 * self.demand_shock.at(i, s);
        let base = (i * k + s) * n;
        let sn = s * n;
        if self.capped[is] {
            let sums = (&mut self.demand[sn..sn + n], &mut self.sales[sn..sn + n]);
            super::quotas::solve_capped_market(
                t,
                self.wedges,
                self.pp,
                self.ppm,
                i,
                s,
                spend,
                sigma,
                self.lambda,
                self.rents,
                sums,
            );
            return;
        }
        let denom = self.lanes.dot4(&t.wt[base..base + n], &self.pp[sn..sn + n]);
        if denom <= 0.0 {
            let controlled = &self.wedges.controlled[base..base + n];
            for (f, &c) in t.flow[base..base + n].iter_mut().zip(controlled) {
                *f = if c { 0.0 } else { *f * (1.0 - self.lambda) };
            }
            t.price_index[is] = 1e3; // nothing can be bought: the market is shut
            return;
        }
        t.price_index[is] = pow_pos(denom, 1.0 / (1.0 - sigma));
        // A market with no tariff and no control reads `wt` (there `wtm = wt` bit for bit, see
        // `wedges::refresh_cell`), which pass A has just brought into the cache.
        let scale = spend / denom;
        let (weights, controlled) = if self.wedges.plain[is] {
            (&t.wt[base..base + n], None)
        } else {
            (
                &t.wtm[base..base + n],
                Some(&self.wedges.controlled[base..base + n]),
            )
        };
        let sums = Sums {
            flows: &mut t.flow[base..base + n],
            demand: &mut self.demand[sn..sn + n],
            sales: &mut self.sales[sn..sn + n],
            pair: &mut t.pair_flow[i * n..(i + 1) * n],
        };
        self.lanes.flows(
            weights,
            &self.ppm[sn..sn + n],
            controlled,
            scale,
            self.lambda,
            sums,
        );
        self.keep(i, s);
    }

    /// Buyers i0..i0+4 in sector s together, when all four markets are open (bought from, no
    /// tariff, control or cap, someone to buy from): the same steps as `market` on each, in one
    /// sweep over the suppliers. False, having changed nothing, when one of them is not.
    fn four_open(&mut self, i0: usize, s: usize) -> bool {
        let (n, k) = (self.n, self.k);
        let markets = [i0, i0 + 1, i0 + 2, i0 + 3].map(|i| i * k + s);
        let t = &mut *self.t;
        if markets
            .iter()
            .any(|&is| t.spend0[is] <= 0.0 || self.capped[is] || !self.wedges.plain[is])
        {
            return false;
        }
        let sn = s * n;
        let (pp, ppm) = (&self.pp[sn..sn + n], &self.ppm[sn..sn + n]);
        let rows = markets.map(|is| is * n..(is + 1) * n);
        let denoms = self.lanes.dot4_x4(rows.clone().map(|r| &t.wt[r]), [pp; 4]);
        if denoms.iter().any(|&d| d <= 0.0) {
            return false;
        }
        let sigma = self.sigma[s];
        let mut scale = [0.0; 4];
        for m in 0..4 {
            t.price_index[markets[m]] = pow_pos(denoms[m], 1.0 / (1.0 - sigma));
            scale[m] = t.spend0[markets[m]] * self.demand_shock.at(i0 + m, s) / denoms[m];
        }
        // Buyer i0's row of sector s and the next buyers' rows of it, k rows apart.
        let mut flows = t.flow[markets[0] * n..].chunks_exact_mut(n).step_by(k);
        let mut pair = t.pair_flow[i0 * n..(i0 + 4) * n].chunks_exact_mut(n);
        let (Some(f0), Some(f1), Some(f2), Some(f3)) =
            (flows.next(), flows.next(), flows.next(), flows.next())
        else {
            return false;
        };
        let (Some(q0), Some(q1), Some(q2), Some(q3)) = (pair.next(), pair.next(), pair.next(), pair.next())
        else {
            return false;
        };
        let sums = Sums4 {
            flows: [f0, f1, f2, f3],
            demand: &mut self.demand[sn..sn + n],
            sales: &mut self.sales[sn..sn + n],
            pair: [q0, q1, q2, q3],
        };
        let wt = rows.map(|r| &t.wt[r]);
        self.lanes.flows4_open(wt, ppm, scale, self.lambda, sums);
        for m in 0..4 {
            self.keep(i0 + m, s);
        }
        true
    }

    /// The home sales and watched suppliers' sales of a market whose flows are final.
    fn keep(&mut self, i: usize, s: usize) {
        let (n, k) = (self.n, self.k);
        let base = (i * k + s) * n;
        let t = &*self.t;
        self.totals.home[i * k + s] = t.flow[base + i];
        for (w, &j) in self.totals.watched.iter().enumerate() {
            self.totals.from_watched[(w * n + i) * k + s] = t.flow[base + j];
        }
        self.kept[i * k + s] = true;
    }
}

/// `out[i * k + s] = Σ_j cells[(i * k + s) * n + j]` for up to four buyers `i`, summed in `j`
/// order per buyer (as `iter().sum()` would), the four chains interleaved.
fn totals_side_by_side(
    cells: &[f64],
    n: usize,
    k: usize,
    s: usize,
    buyers: std::ops::Range<usize>,
    out: &mut [f64],
) {
    let row = |i: usize| &cells[(i * k + s) * n..(i * k + s + 1) * n];
    if buyers.len() == 4 {
        let i = buyers.start;
        let (r0, r1, r2, r3) = (row(i), row(i + 1), row(i + 2), row(i + 3));
        // -0.0, as `iter().sum()` starts.
        let mut acc = [-0.0f64; 4];
        for j in 0..n {
            acc[0] += r0[j];
            acc[1] += r1[j];
            acc[2] += r2[j];
            acc[3] += r3[j];
        }
        for (x, a) in acc.into_iter().enumerate() {
            out[(i + x) * k + s] = a;
        }
    } else {
        for i in buyers {
            out[i * k + s] = row(i).iter().sum();
        }
    }
}

/// Output of each industry follows its host's sales in its sector; employment follows output
/// with a lag; exports, imports and real income are booked.
pub fn update_output(
    reg: Res<Registry>,
    params: Res<Params>,
    trade: Res<Trade>,
    bottlenecks: Res<super::strategic_inputs::Bottlenecks>,
    mut industries: Query<&mut Industry>,
    mut states: Query<(&Country, &mut Economy)>,
) {
    let (n, k) = (reg.n(), reg.k());
    // Exports of j: Σ over buyers i ≠ j, in buyer order (a row of the pair matrix at a time);
    // imports of i: its row summed in order, four rows at once so that their chains of
    // dependent additions overlap. The same sums, in the same order, as one loop over pairs.
    let mut exports = vec![0.0; n];
    let mut imports = vec![0.0; n];
    let pair = &trade.pair_flow;
    for i in 0..n {
        let row = &pair[i * n..(i + 1) * n];
        for (e, &f) in exports[..i].iter_mut().zip(&row[..i]) {
            *e += f;
        }
        for (e, &f) in exports[i + 1..].iter_mut().zip(&row[i + 1..]) {
            *e += f;
        }
    }
    for i0 in (0..n).step_by(4) {
        let rows = i0..(i0 + 4).min(n);
        let mut acc = [0.0f64; 4];
        for j in 0..n {
            for (a, i) in acc.iter_mut().zip(rows.clone()) {
                if i != j {
                    *a += pair[i * n + j];
                }
            }
        }
        for (a, i) in acc.iter().zip(rows) {
            imports[i] = *a;
        }
    }
    let keep = libm::pow(0.5, 1.0 / params.0.employment_half_life);
    let mut jobs = vec![0.0; n];
    // Sums in id order: the same bits whatever order the ECS stores industries in.
    let mut list: Vec<Mut<Industry>> = industries.iter_mut().collect();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    for mut ind in list {
        let c = ind.host * k + ind.sector;
        let ratio = if trade.sales0[c] > 0.0 {
            trade.sales[c] / trade.sales0[c]
        } else {
            1.0
        };
        // Output follows sales, within capacity and what the strategic inputs allow.
        let cap = bottlenecks.cap(ind.host, k, ind.sector);
        let limit = if cap < 1.0 {
            ind.output0 * cap
        } else {
            f64::INFINITY
        };
        ind.output = (ind.output0 * ratio).min(ind.capacity).min(limit);
        let goal = ind.employment0 * ind.output / ind.output0.max(1e-12);
        ind.employment = goal + (ind.employment - goal) * keep;
        jobs[ind.host] += ind.employment;
    }
    for (country, mut eco) in &mut states {
        let i = country.idx;
        // Producers' gain from the change in their prices on what they sell (a first-order
        // producer-surplus change; more output drawn from elsewhere in the economy is not a
        // gain in itself).
        let gained: f64 = (0..k)
            .map(|s| trade.sales[i * k + s] * (trade.price[i * k + s] - 1.0))
            .sum();
        eco.employment = jobs[i];
        eco.exports = exports[i];
        eco.imports = imports[i];
        // Real income: base GDP plus producers' price gains, the change in tariff revenue, quota
        // rents, less relocation spending, deflated by the CPI (docs/model.md §2.1; the same
        // accounting as Fajgelbaum et al. 2020: buyers' loss, revenue, producers' gain).
        let gdp = country.gdp0.max(1e-9);
        let nominal = gdp + gained + (eco.tariff_revenue - trade.revenue0[i]) + eco.quota_rents
            - 12.0 * eco.relocation_cost;
        eco.welfare = 100.0 * nominal / gdp / (eco.cpi / 100.0);
    }
}

/// The CES expenditure shares of market (importer i, sector s) at this month's prices and
/// wedges (quota shadow prices aside): they sum to 1 whenever anyone can sell there.
pub fn ces_shares(reg: &Registry, wedges: &Wedges, t: &Trade, i: usize, s: usize) -> Vec<f64> {
    let n = t.n;
    let sigma = reg.sigma[s];
    let terms: Vec<f64> = (0..n)
        .map(|j| {
            let c = t.at(i, j, s);
            let a = if wedges.controlled[c] { 0.0 } else { t.weight[c] };
            a * libm::pow(t.price[j * t.k + s] * (1.0 + wedges.tariff[c]), 1.0 - sigma)
        })
        .collect();
    let total: f64 = terms.iter().sum();
    terms
        .iter()
        .map(|x| if total > 0.0 { x / total } else { 0.0 })
        .collect()
}
