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
