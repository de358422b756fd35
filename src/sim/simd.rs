//! The trade pass's inner loops over a market's suppliers (`trade::solve_trade`), the only n²k
//! work of a month. Each is written once, as plain element-wise arithmetic, and compiled twice
//! on x86-64: for the baseline (SSE2, two numbers an instruction) and for AVX2 (four), chosen
//! at run time by what the processor has.
//!
//! Both give the same bits (docs/architecture.md, "Deterministic"): every lane does the same IEEE
//! operations in the same order as the scalar code; no sum is reassociated (`dot4` keeps its
//! four running sums, which are exactly four lanes), and Rust never fuses a multiply and an add
//! unless asked to (`mul_add`), whatever the target features.

/// Which build of the loops this processor runs (asked once per month: the answer is cached by
/// std).
#[derive(Clone, Copy, Debug)]
pub struct Lanes {
    #[cfg(target_arch = "x86_64")]
    avx2: bool,
}

impl Lanes {
    pub fn detect() -> Self {
        Lanes {
            #[cfg(target_arch = "x86_64")]
            avx2: std::arch::is_x86_feature_detected!("avx2"),
        }
    }

    /// The baseline build only (tests compare the two).
    pub fn baseline() -> Self {
        Lanes {
            #[cfg(target_arch = "x86_64")]
            avx2: false,
        }
    }

    /// Σ a_j·b_j with four running sums, combined in a fixed order.
    pub fn dot4(self, a: &[f64], b: &[f64]) -> f64 {
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: the processor has AVX2 (`detect`).
            return unsafe { avx2::dot4(a, b) };
        }
        dot4(a, b)
    }

    /// `dot4` of four pairs at once: each pair's sum exactly as `dot4` gives it (the same
    /// operations in the same order), the four chains of dependent additions interleaved so
    /// they overlap instead of waiting on each other.
    pub fn dot4_x4(self, a: [&[f64]; 4], b: [&[f64]; 4]) -> [f64; 4] {
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: the processor has AVX2 (`detect`).
            return unsafe { avx2::dot4_x4(a, b) };
        }
        dot4_x4(a, b)
    }

    /// Four open markets of one sector (four buyers) at once: each flow as `flows` moves it, and
    /// the sector's demand and sales per supplier summed over the four buyers in their order
    /// (so the same bits as four calls of `flows`, one store of each sum instead of four).
    pub fn flows4_open(self, wt: [&[f64]; 4], ppm: &[f64], scale: [f64; 4], lambda: f64, out: Sums4<'_>) {
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: the processor has AVX2 (`detect`).
            unsafe { avx2::flows4_open(wt, ppm, scale, lambda, out) };
            return;
        }
        flows4_open(wt, ppm, scale, lambda, out)
    }

    /// One market's flows move toward their targets; see `flows`.
    #[allow(clippy::too_many_arguments)]
    pub fn flows(
        self,
        wt: &[f64],
        ppm: &[f64],
        controlled: Option<&[bool]>,
        scale: f64,
        lambda: f64,
        out: Sums<'_>,
    ) {
        #[cfg(target_arch = "x86_64")]
        if self.avx2 {
            // SAFETY: the processor has AVX2 (`detect`).
            unsafe {
                match controlled {
                    None => avx2::flows_open(wt, ppm, scale, lambda, out),
                    Some(c) => avx2::flows_controlled(wt, ppm, c, scale, lambda, out),
                }
            }
            return;
        }
        match controlled {
            None => flows_open(wt, ppm, scale, lambda, out),
            Some(c) => flows_controlled(wt, ppm, c, scale, lambda, out),
        }
    }
}

/// What a market's flow pass writes: its flows (moved in place), and the running sums it adds to
/// (each supplier's demand and sales in this sector, the buyer's imports from each supplier).
pub struct Sums<'a> {
    pub flows: &'a mut [f64],
    pub demand: &'a mut [f64],
    pub sales: &'a mut [f64],
    pub pair: &'a mut [f64],
}

/// What `flows4_open` writes: four buyers' flows and their imports by supplier, and the sector's
/// demand and sales by supplier.
pub struct Sums4<'a> {
    pub flows: [&'a mut [f64]; 4],
    pub demand: &'a mut [f64],
    pub sales: &'a mut [f64],
    pub pair: [&'a mut [f64]; 4],
}

#[inline(always)]
fn flows4_open(wt: [&[f64]; 4], ppm: &[f64], scale: [f64; 4], lambda: f64, out: Sums4<'_>) {
    let n = ppm.len();
    let [f0, f1, f2, f3] = out.flows;
    let [q0, q1, q2, q3] = out.pair;
    let (f0, f1, f2, f3) = (&mut f0[..n], &mut f1[..n], &mut f2[..n], &mut f3[..n]);
    let (q0, q1, q2, q3) = (&mut q0[..n], &mut q1[..n], &mut q2[..n], &mut q3[..n]);
    let (w0, w1, w2, w3) = (&wt[0][..n], &wt[1][..n], &wt[2][..n], &wt[3][..n]);
    let (demand, sales) = (&mut out.demand[..n], &mut out.sales[..n]);
    for j in 0..n {
        let p = ppm[j];
        let t0 = w0[j] * p * scale[0];
        let t1 = w1[j] * p * scale[1];
        let t2 = w2[j] * p * scale[2];
        let t3 = w3[j] * p * scale[3];
        let x0 = f0[j] + lambda * (t0 - f0[j]);
        let x1 = f1[j] + lambda * (t1 - f1[j]);
        let x2 = f2[j] + lambda * (t2 - f2[j]);
        let x3 = f3[j] + lambda * (t3 - f3[j]);
        f0[j] = x0;
        f1[j] = x1;
        f2[j] = x2;
        f3[j] = x3;
        q0[j] += x0;
        q1[j] += x1;
        q2[j] += x2;
        q3[j] += x3;
        demand[j] = demand[j] + t0 + t1 + t2 + t3;
        sales[j] = sales[j] + x0 + x1 + x2 + x3;
    }
}

#[inline(always)]
fn dot4(a: &[f64], b: &[f64]) -> f64 {
    let mut acc = [0.0f64; 4];
    let (a4, a_rest) = a.split_at(a.len() / 4 * 4);
    let (b4, b_rest) = b.split_at(a4.len().min(b.len()));
    for (x, y) in a4.chunks_exact(4).zip(b4.chunks_exact(4)) {
        for l in 0..4 {
            acc[l] += x[l] * y[l];
        }
    }
    let mut rest = 0.0;
    for (x, y) in a_rest.iter().zip(b_rest) {
        rest += x * y;
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + rest
}

#[inline(always)]
fn dot4_x4(a: [&[f64]; 4], b: [&[f64]; 4]) -> [f64; 4] {
    let len = a.iter().chain(&b).map(|x| x.len()).min().unwrap_or(0);
    if a.iter().chain(&b).any(|x| x.len() != len) {
        return [0, 1, 2, 3].map(|m| dot4(a[m], b[m]));
    }
    let full = len / 4 * 4;
    let mut acc = [[0.0f64; 4]; 4];
    let (a0, a1, a2, a3) = (&a[0][..full], &a[1][..full], &a[2][..full], &a[3][..full]);
    let (b0, b1, b2, b3) = (&b[0][..full], &b[1][..full], &b[2][..full], &b[3][..full]);
    let mut c = 0;
    while c < full {
        for l in 0..4 {
            acc[0][l] += a0[c + l] * b0[c + l];
            acc[1][l] += a1[c + l] * b1[c + l];
            acc[2][l] += a2[c + l] * b2[c + l];
            acc[3][l] += a3[c + l] * b3[c + l];
        }
        c += 4;
    }
    [0, 1, 2, 3].map(|m| {
        let mut rest = 0.0;
        for (x, y) in a[m][full..].iter().zip(&b[m][full..]) {
            rest += x * y;
        }
        let acc = acc[m];
        (acc[0] + acc[1]) + (acc[2] + acc[3]) + rest
    })
}

/// A market with no tariff and no export control: target = w·p^(−σ)·scale (the CES demand for
/// each supplier), and the flow moves a share λ of the way there.
#[inline(always)]
fn flows_open(wt: &[f64], ppm: &[f64], scale: f64, lambda: f64, out: Sums<'_>) {
    let cells = wt
        .iter()
        .zip(ppm)
        .zip(out.flows.iter_mut())
        .zip(out.demand.iter_mut())
        .zip(out.sales.iter_mut())
        .zip(out.pair.iter_mut());
    for (((((&w, &p), f), d), s), q) in cells {
        let target = w * p * scale;
        let x = *f + lambda * (target - *f);
        *f = x;
        *d += target;
        *s += x;
        *q += x;
    }
}

/// The same where tariffs are in `wt` (the weights with the tariff wedge) and export controls
/// stop a supplier's shipments at once (no licences).
#[inline(always)]
fn flows_controlled(wt: &[f64], ppm: &[f64], controlled: &[bool], scale: f64, lambda: f64, out: Sums<'_>) {
    let cells = wt
        .iter()
        .zip(ppm)
        .zip(controlled)
        .zip(out.flows.iter_mut())
        .zip(out.demand.iter_mut())
        .zip(out.sales.iter_mut())
        .zip(out.pair.iter_mut());
    for ((((((&w, &p), &c), f), d), s), q) in cells {
        let target = w * p * scale;
        let x = if c { 0.0 } else { *f + lambda * (target - *f) };
        *f = x;
        *d += target;
        *s += x;
        *q += x;
    }
}

#[cfg(target_arch = "x86_64")]
mod avx2 {
    use super::Sums;

    #[target_feature(enable = "avx2")]
    pub fn dot4(a: &[f64], b: &[f64]) -> f64 {
        super::dot4(a, b)
    }

    #[target_feature(enable = "avx2")]
    pub fn dot4_x4(a: [&[f64]; 4], b: [&[f64]; 4]) -> [f64; 4] {
        super::dot4_x4(a, b)
    }

    #[target_feature(enable = "avx2")]
    pub fn flows4_open(wt: [&[f64]; 4], ppm: &[f64], scale: [f64; 4], lambda: f64, out: super::Sums4<'_>) {
        super::flows4_open(wt, ppm, scale, lambda, out)
    }

    #[target_feature(enable = "avx2")]
    pub fn flows_open(wt: &[f64], ppm: &[f64], scale: f64, lambda: f64, out: Sums<'_>) {
        super::flows_open(wt, ppm, scale, lambda, out)
    }

    #[target_feature(enable = "avx2")]
    pub fn flows_controlled(
        wt: &[f64],
        ppm: &[f64],
        controlled: &[bool],
        scale: f64,
        lambda: f64,
        out: Sums<'_>,
    ) {
        super::flows_controlled(wt, ppm, controlled, scale, lambda, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Numbers of every size and sign, from a fixed generator (no dependency on `rand` here).
    fn numbers(len: usize, seed: u64) -> Vec<f64> {
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (0..len)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let mantissa = (x >> 11) as f64 / (1u64 << 53) as f64;
                let scale = [1e-300, 1e-9, 1.0, 3.7, 1e6][(x % 5) as usize];
                if x & 32 == 0 {
                    mantissa * scale
                } else {
                    -mantissa * scale
                }
            })
            .collect()
    }

    fn run(lanes: Lanes, len: usize, controlled: bool) -> (f64, Vec<f64>, Vec<f64>, Vec<f64>, Vec<f64>) {
        let (wt, ppm) = (numbers(len, 1), numbers(len, 2));
        let (mut flows, mut demand, mut sales, mut pair) =
            (numbers(len, 3), numbers(len, 4), numbers(len, 5), numbers(len, 6));
        let stop: Vec<bool> = (0..len).map(|j| j % 7 == 3).collect();
        let dot = lanes.dot4(&wt, &ppm);
        let sums = Sums {
            flows: &mut flows,
            demand: &mut demand,
            sales: &mut sales,
            pair: &mut pair,
        };
        lanes.flows(&wt, &ppm, controlled.then_some(&stop[..]), 0.37, 0.1, sums);
        (dot, flows, demand, sales, pair)
    }

    fn bits(v: &[f64]) -> Vec<u64> {
        v.iter().map(|x| x.to_bits()).collect()
    }

    /// The processor's build (AVX2 where it has it) gives the baseline's bits, for lengths that
    /// fill the vector lanes and lengths that leave a remainder.
    #[test]
    fn every_build_gives_the_same_bits() {
        for len in [0, 1, 3, 4, 5, 12, 13, 200, 203] {
            for controlled in [false, true] {
                let (a, b) = (
                    run(Lanes::baseline(), len, controlled),
                    run(Lanes::detect(), len, controlled),
                );
                assert_eq!(a.0.to_bits(), b.0.to_bits(), "dot4, {len} suppliers");
                for (x, y) in [(&a.1, &b.1), (&a.2, &b.2), (&a.3, &b.3), (&a.4, &b.4)] {
                    assert_eq!(
                        bits(x),
                        bits(y),
                        "flows and sums, {len} suppliers, controls {controlled}"
                    );
                }
            }
        }
    }

    /// Four sums at once give each one's bits as `dot4` alone does, in either build.
    #[test]
    fn four_sums_at_once_are_four_sums() {
        for len in [0, 1, 3, 4, 5, 12, 13, 200, 203] {
            let a: Vec<Vec<f64>> = (0..4).map(|m| numbers(len, 10 + m)).collect();
            let b: Vec<Vec<f64>> = (0..4).map(|m| numbers(len, 20 + m)).collect();
            let (ar, br) = ([0, 1, 2, 3].map(|m| &a[m][..]), [0, 1, 2, 3].map(|m| &b[m][..]));
            for lanes in [Lanes::baseline(), Lanes::detect()] {
                let four = lanes.dot4_x4(ar, br);
                for m in 0..4 {
                    assert_eq!(four[m].to_bits(), dot4(&a[m], &b[m]).to_bits(), "{len} suppliers");
                }
            }
        }
    }

    /// Four open markets at once move every flow and sum as four calls of `flows` do, in either
    /// build.
    #[test]
    fn four_markets_at_once_are_four_markets() {
        for len in [0, 1, 3, 4, 5, 13, 200, 203] {
            let wt: Vec<Vec<f64>> = (0..4).map(|m| numbers(len, 30 + m)).collect();
            let ppm = numbers(len, 40);
            let scale = [0.37, 1.9, 1e-3, 7.0];
            let start = |seed: u64| -> Vec<Vec<f64>> { (0..4).map(|m| numbers(len, seed + m)).collect() };
            let (mut flows, mut pair) = (start(50), start(60));
            let (mut demand, mut sales) = (numbers(len, 70), numbers(len, 71));
            let (mut flows1, mut pair1, mut demand1, mut sales1) =
                (flows.clone(), pair.clone(), demand.clone(), sales.clone());
            for lanes in [Lanes::baseline(), Lanes::detect()] {
                for m in 0..4 {
                    let sums = Sums {
                        flows: &mut flows1[m],
                        demand: &mut demand1,
                        sales: &mut sales1,
                        pair: &mut pair1[m],
                    };
                    lanes.flows(&wt[m], &ppm, None, scale[m], 0.1, sums);
                }
                let [a, b, c, d] = &mut flows[..] else {
                    unreachable!()
                };
                let [e, f, g, h] = &mut pair[..] else {
                    unreachable!()
                };
                let sums = Sums4 {
                    flows: [a, b, c, d],
                    demand: &mut demand,
                    sales: &mut sales,
                    pair: [e, f, g, h],
                };
                lanes.flows4_open([0, 1, 2, 3].map(|m| &wt[m][..]), &ppm, scale, 0.1, sums);
                for m in 0..4 {
                    assert_eq!(bits(&flows[m]), bits(&flows1[m]), "flows, {len} suppliers");
                    assert_eq!(bits(&pair[m]), bits(&pair1[m]), "imports, {len} suppliers");
                }
                assert_eq!(bits(&demand), bits(&demand1), "demand, {len} suppliers");
                assert_eq!(bits(&sales), bits(&sales1), "sales, {len} suppliers");
            }
        }
    }

    /// The loops compute what their comments say: a scalar reference, term by term.
    #[test]
    fn the_loops_compute_the_ces_step() {
        let (dot, flows, demand, _, _) = run(Lanes::baseline(), 13, true);
        let (wt, ppm, f0, d0) = (numbers(13, 1), numbers(13, 2), numbers(13, 3), numbers(13, 4));
        let mut acc = [0.0; 4];
        for j in 0..12 {
            acc[j % 4] += wt[j] * ppm[j];
        }
        assert_eq!(
            dot.to_bits(),
            ((acc[0] + acc[1]) + (acc[2] + acc[3]) + wt[12] * ppm[12]).to_bits()
        );
        for j in 0..13 {
            let target = wt[j] * ppm[j] * 0.37;
            let want = if j % 7 == 3 {
                0.0
            } else {
                f0[j] + 0.1 * (target - f0[j])
            };
            assert_eq!(flows[j].to_bits(), want.to_bits());
            assert_eq!(demand[j].to_bits(), (d0[j] + target).to_bits());
        }
    }
}
