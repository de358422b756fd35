//! The economy behaves like the literature: each test states the economics it checks and
//! asserts direction and rough size. All runs use the mini world (tests/data/mini.ron) with the
//! U.S. as the player, so its scripted 2025 auto tariff does not fire on its own.

use crate::common;

use tradecraft::command::Command;
use tradecraft::sim::*;

const SEED: u64 = 11;

fn sim_with(commands: &[(&str, Command)]) -> Simulation {
    let mut sim = Simulation::new(&common::mini(), SEED, Some("USA")).unwrap();
    for (by, c) in commands {
        sim.issue(by, c.clone(), Origin::Player);
    }
    sim
}

fn run(commands: &[(&str, Command)], months: u32) -> Simulation {
    let mut sim = sim_with(commands);
    sim.run(months);
    let log = &sim.world().resource::<CommandLog>().0;
    assert!(log.iter().all(|e| e.rejected.is_none()), "{log:#?}");
    sim
}

fn idx(sim: &Simulation, id: &str) -> usize {
    sim.world().resource::<Registry>().state(id).unwrap()
}
fn sec(sim: &Simulation, id: &str) -> usize {
    sim.world().resource::<Registry>().sector(id).unwrap()
}
fn flow(sim: &Simulation, to: &str, from: &str, sector: &str) -> f64 {
    let t = sim.world().resource::<Trade>();
    t.flow[t.at(idx(sim, to), idx(sim, from), sec(sim, sector))]
}
fn economy(sim: &mut Simulation, id: &str) -> Economy {
    let i = idx(sim, id);
    let w = sim.world_mut();
    let mut q = w.query::<(&Country, &Economy)>();
    q.iter(w).find(|(c, _)| c.idx == i).unwrap().1.clone()
}
fn industry(sim: &mut Simulation, id: &str) -> Industry {
    let w = sim.world_mut();
    let mut q = w.query::<&Industry>();
    q.iter(w).find(|x| x.id == id).unwrap().clone()
}
fn price_index(sim: &Simulation, state: &str, sector: &str) -> f64 {
    let t = sim.world().resource::<Trade>();
    t.price_index[idx(sim, state) * t.k + sec(sim, sector)]
}
fn tariff(target: &str, sector: &str, rate: f64) -> Command {
    Command::SetTariff {
        target: target.into(),
        sector: sector.into(),
        rate,
    }
}

/// A 25% U.S. tariff on Japanese cars (on top of the 2.5% MFN rate). With σ = 3 and complete
/// pass-through, Japan's sales fall toward (1.275/1.025)^−3 ≈ 0.52 of the baseline, less as U.S.
/// producers raise their own prices; China and Vietnam gain (trade diversion, Viner 1950); U.S.
/// car prices rise; the CPI rises a little (cars are a small share of spending); revenue appears.
#[test]
fn auto_tariff_cuts_the_targets_exports_diverts_trade_and_raises_prices() {
    let months = 36;
    let mut base = run(&[], months);
    let mut hit = run(&[("USA", tariff("JPN", "autos", 0.25))], months);
    let ratio = flow(&hit, "USA", "JPN", "autos") / flow(&base, "USA", "JPN", "autos");
    assert!((0.4..0.75).contains(&ratio), "Japan's exports ratio {ratio}");
    for other in ["CHN", "VNM", "USA"] {
        let r = flow(&hit, "USA", other, "autos") / flow(&base, "USA", other, "autos");
        assert!(r > 1.02, "{other} should gain in the U.S. market: {r}");
    }
    let p = price_index(&hit, "USA", "autos") / price_index(&base, "USA", "autos");
    assert!(p > 1.01, "U.S. car prices {p}");
    let (eb, eh) = (economy(&mut base, "USA"), economy(&mut hit, "USA"));
    let dcpi = eh.cpi - eb.cpi;
    assert!(dcpi > 0.0 && dcpi < 0.5, "CPI change {dcpi}");
    assert!(
        eh.tariff_revenue > eb.tariff_revenue + 4.0,
        "revenue {} vs {}",
        eh.tariff_revenue,
        eb.tariff_revenue
    );
}

/// Broad tariffs raise the CPI more than a narrow one at the same rate (Amiti et al. 2019:
/// narrow tariffs barely move the index).
#[test]
fn across_the_board_tariff_raises_cpi_more_than_one_sector() {
    let mut narrow = run(&[("USA", tariff("all", "autos", 0.10))], 24);
    let mut broad = run(&[("USA", tariff("all", "all", 0.10))], 24);
    let (n, b) = (economy(&mut narrow, "USA").cpi, economy(&mut broad, "USA").cpi);
    assert!(
        b - 100.0 > 1.25 * (n - 100.0) && n > 100.0,
        "broad {b} vs narrow {n}"
    );
}

/// A voluntary export restraint caps Japan's car sales; the scarcity premium goes to the
/// Japanese exporters (the 1981 VER raised Japanese car prices and profits: Feenstra 1984), not
/// to the U.S. Treasury. An import quota of the same size leaves the rent in the U.S.
#[test]
fn ver_raises_exporter_prices_and_rents_instead_of_importer_revenue() {
    let months = 36;
    let mut base = run(&[], months);
    let cap = |voluntary| Command::SetQuota {
        target: "JPN".into(),
        sector: "autos".into(),
        volume: 40.0,
        voluntary,
    };
    let mut ver = run(&[("USA", cap(true))], months);
    assert!(flow(&ver, "USA", "JPN", "autos") <= 40.0 * 1.001);
    let rho = ver.world().resource::<Trade>().rho[0];
    assert!(rho > 1.05, "VER shadow price {rho}");
    let (jb, jv) = (economy(&mut base, "JPN"), economy(&mut ver, "JPN"));
    assert!(
        jv.quota_rents > 1.0 && jb.quota_rents == 0.0,
        "Japan's rents {}",
        jv.quota_rents
    );
    let (ub, uv) = (economy(&mut base, "USA"), economy(&mut ver, "USA"));
    assert!(
        uv.quota_rents == 0.0 && uv.tariff_revenue <= ub.tariff_revenue,
        "U.S. gets nothing"
    );
    let mut quota = run(&[("USA", cap(false))], months);
    assert!(economy(&mut quota, "USA").quota_rents > 1.0);
    assert_eq!(economy(&mut quota, "JPN").quota_rents, 0.0);
}

/// A VER is the exporter's own restraint: Japan caps its car exports to the U.S. itself
/// (`RestrainExports`, as MITI did in 1981) and keeps the scarcity rent. The importer's quota
/// commands leave it alone (a U.S. quota stacks, the tighter cap binds); only Japan lifts it.
#[test]
fn an_exporter_restrains_itself_keeps_the_rent_and_alone_lifts_it() {
    let restrain = Command::RestrainExports {
        target: "USA".into(),
        sector: "autos".into(),
        volume: 40.0,
    };
    let mut ver = run(&[("JPN", restrain)], 36);
    assert!(flow(&ver, "USA", "JPN", "autos") <= 40.0 * 1.001);
    let (j, u) = (economy(&mut ver, "JPN"), economy(&mut ver, "USA"));
    assert!(j.quota_rents > 1.0, "Japan's rents {}", j.quota_rents);
    assert_eq!(u.quota_rents, 0.0);
    // Washington cannot remove Tokyo's restraint, and its looser quota does not replace it.
    ver.issue(
        "USA",
        Command::RemoveQuota {
            target: "JPN".into(),
            sector: "autos".into(),
        },
        Origin::Player,
    );
    ver.issue(
        "USA",
        Command::SetQuota {
            target: "JPN".into(),
            sector: "autos".into(),
            volume: 60.0,
            voluntary: false,
        },
        Origin::Player,
    );
    ver.run(12);
    let rejected: Vec<String> = ver
        .world()
        .resource::<CommandLog>()
        .0
        .iter()
        .filter(|e| e.rejected.is_some())
        .map(|e| e.issued.command.name().to_string())
        .collect();
    assert_eq!(rejected, ["RemoveQuota"]);
    assert!(flow(&ver, "USA", "JPN", "autos") <= 40.0 * 1.001);
    assert!(economy(&mut ver, "JPN").quota_rents > 1.0);
    // Japan lifts it: the U.S. quota of 60 is what binds now, and its rent stays in the U.S.
    ver.issue(
        "JPN",
        Command::LiftRestraint {
            target: "USA".into(),
            sector: "autos".into(),
        },
        Origin::Player,
    );
    ver.run(24);
    let f = flow(&ver, "USA", "JPN", "autos");
    assert!(f > 45.0 && f <= 60.0 * 1.001, "flow after the lift {f}");
    assert_eq!(economy(&mut ver, "JPN").quota_rents, 0.0);
}

/// A steel tariff raises what U.S. carmakers pay for steel (a 12% input share), so their cars
/// lose sales at home and abroad and they shed jobs, while steel gains (Flaaen & Pierce 2019).
#[test]
fn steel_tariff_costs_jobs_in_steel_using_sectors() {
    let months = 24;
    let mut base = run(&[], months);
    let mut hit = run(&[("USA", tariff("all", "steel", 0.25))], months);
    let (ab, ah) = (industry(&mut base, "us_autos"), industry(&mut hit, "us_autos"));
    assert!(
        ah.employment < ab.employment - 1.0,
        "autos jobs {} vs {}",
        ah.employment,
        ab.employment
    );
    let (sb, sh) = (industry(&mut base, "us_steel"), industry(&mut hit, "us_steel"));
    assert!(
        sh.employment > sb.employment,
        "steel jobs {} vs {}",
        sh.employment,
        sb.employment
    );
    assert!(price_index(&hit, "USA", "steel") > price_index(&base, "USA", "steel") * 1.01);
}

/// Stolper–Samuelson: protecting the labour-intensive car industry raises its price at home;
/// zero profit then raises the wage by more than that price (magnification) and lowers the
/// return of the other factors, capital among them.
#[test]
fn protection_of_labour_intensive_sector_raises_wage_and_lowers_capital_return() {
    let mut sim = run(&[("USA", tariff("all", "autos", 0.30))], 24);
    let p = price_index(&sim, "USA", "autos") - 1.0;
    let r = economy(&mut sim, "USA").factor_returns;
    assert!(p > 0.01, "car price change {p}");
    assert!(
        r.labour - 1.0 > p,
        "wage {} should rise more than the price {p}",
        r.labour
    );
    assert!(r.capital < 1.0, "capital return {}", r.capital);
}

/// Sustained risk (60% tariffs on China) moves U.S. purchases toward trusted suppliers and
/// home; when the tariffs go, the purchases do not come back (sunk relocation: hysteresis).
#[test]
fn sustained_risk_relocates_supply_and_it_does_not_come_back() {
    let mut sim = sim_with(&[("USA", tariff("CHN", "all", 0.60))]);
    let (us, cn, jp, autos) = (
        idx(&sim, "USA"),
        idx(&sim, "CHN"),
        idx(&sim, "JPN"),
        sec(&sim, "autos"),
    );
    let weight = |sim: &Simulation, j: usize| {
        let t = sim.world().resource::<Trade>();
        t.weight[t.at(us, j, autos)]
    };
    let (w_cn0, w_jp0, w_us0) = (weight(&sim, cn), weight(&sim, jp), weight(&sim, us));
    sim.run(48);
    let w_cn = weight(&sim, cn);
    assert!(w_cn < 0.8 * w_cn0, "China's weight {w_cn} vs {w_cn0}");
    assert!(
        weight(&sim, jp) > w_jp0 && weight(&sim, us) > w_us0,
        "toward trusted suppliers and home"
    );
    let cap = sim
        .world()
        .resource::<tradecraft::sim::supply_chains::Risk>()
        .capacity_index[cn * 3 + autos];
    assert!(cap < 1.0, "China's car capacity index {cap}");
    sim.issue(
        "USA",
        Command::RemoveTariff {
            target: "CHN".into(),
            sector: "all".into(),
        },
        Origin::Player,
    );
    sim.run(36);
    assert!(
        weight(&sim, cn) <= w_cn * 1.0001,
        "no return: {} vs {w_cn}",
        weight(&sim, cn)
    );
}

/// Invariants under 600 months of random legal policy: no NaN, no negative flows, CES shares
/// sum to 1 in open markets, prices positive, trust within its bounds.
#[test]
fn random_policy_run_keeps_invariants() {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(99);
    let mut sim = Simulation::new(&common::mini(), 5, None).unwrap();
    let states = ["USA", "JPN", "CHN", "VNM"];
    let sectors = ["autos", "steel", "agri", "all"];
    let mut ceilings: Option<Vec<f64>> = None;
    for month in 0..600 {
        if rng.random_bool(0.3) {
            let by = states[rng.random_range(0..4)];
            let mut target = states[rng.random_range(0..4)];
            if target == by {
                target = "all";
            }
            let sector = sectors[rng.random_range(0..4)].to_string();
            let c = match rng.random_range(0..6) {
                0 | 1 => tariff(target, &sector, rng.random_range(0.0..1.0)),
                2 => Command::RemoveTariff {
                    target: target.into(),
                    sector,
                },
                3 => Command::ImposeExportControl {
                    target: target.into(),
                    sector,
                },
                4 => Command::LiftExportControl {
                    target: target.into(),
                    sector,
                },
                _ => Command::SetQuota {
                    target: target.into(),
                    sector,
                    volume: rng.random_range(0.0..50.0),
                    voluntary: rng.random_bool(0.5),
                },
            };
            sim.issue(by, c, Origin::Ai);
        }
        sim.step();
        let w = sim.world();
        let t = w.resource::<Trade>();
        let (reg, wedges) = (w.resource::<Registry>(), w.resource::<Wedges>());
        assert!(
            t.flow.iter().all(|f| f.is_finite() && *f >= 0.0),
            "month {month}: bad flow"
        );
        assert!(
            t.price.iter().all(|p| p.is_finite() && *p > 0.0),
            "month {month}: bad price"
        );
        assert!(
            t.price_index.iter().all(|p| p.is_finite() && *p > 0.0),
            "month {month}: bad index"
        );
        for i in 0..t.n {
            for s in 0..t.k {
                let shares = tradecraft::sim::trade::ces_shares(reg, wedges, t, i, s);
                let sum: f64 = shares.iter().sum();
                assert!(
                    sum == 0.0 || (sum - 1.0).abs() < 1e-9,
                    "month {month}: shares sum {sum}"
                );
            }
        }
        // Trust stays in [its floor, 1] (deeds may lift it above the ceiling for a while);
        // the ceiling stays in [floor, 1] and never rises.
        let r = w.resource::<Relations>();
        let floor_share = w.resource::<Params>().0.trust_floor;
        for c in 0..r.trust.len() {
            let floor = r.floor(c / r.n, c % r.n, floor_share);
            assert!(
                (floor - 1e-12..=1.0).contains(&r.trust[c]),
                "month {month}: trust {} (floor {floor})",
                r.trust[c]
            );
            assert!((floor - 1e-12..=1.0).contains(&r.ceiling[c]));
            if let Some(before) = &ceilings {
                assert!(r.ceiling[c] <= before[c], "month {month}: a ceiling rose");
            }
        }
        ceilings = Some(r.ceiling.clone());
        let b = w.resource::<tradecraft::sim::strategic_inputs::Bottlenecks>();
        assert!(
            b.cap.iter().all(|c| (0.0..=1.0).contains(c)),
            "month {month}: cap out of range"
        );
    }
    let w = sim.world_mut();
    let mut q = w.query::<&Economy>();
    assert!(
        q.iter(w)
            .all(|e| e.cpi.is_finite() && e.welfare.is_finite() && e.employment >= 0.0)
    );
}

/// Every headline move has a recorded cause that names the measure behind it.
#[test]
fn cpi_and_export_moves_are_explained_by_the_measure() {
    let sim = run(&[("USA", tariff("all", "all", 0.20))], 6);
    let causes = &sim.world().resource::<Causes>().0;
    let cpi = causes
        .iter()
        .find(|c| c.subject == "USA" && c.indicator == "cpi")
        .expect("a CPI cause");
    assert!(
        cpi.delta > 0.0 && cpi.because.contains("USA tariff 20.0% on all all"),
        "{cpi:?}"
    );
    let ex = causes
        .iter()
        .find(|c| c.subject == "JPN" && c.indicator == "exports:autos")
        .expect("an exports cause");
    assert!(
        ex.delta < 0.0 && ex.because.contains("to USA") && ex.because.contains("20.0%"),
        "{ex:?}"
    );
}

/// Customs duty is levied on the transaction value, which under a VER includes the exporter's
/// premium: with a 10% U.S. duty on Japanese cars and Tokyo restraining them, Washington's
/// revenue on those cars is the duty on the restrained price p·ρ, not on p.
#[test]
fn duty_under_a_ver_is_levied_on_the_premium_too() {
    let mut ver = run(
        &[
            ("USA", tariff("JPN", "autos", 0.10)),
            (
                "JPN",
                Command::RestrainExports {
                    target: "USA".into(),
                    sector: "autos".into(),
                    volume: 40.0,
                },
            ),
        ],
        24,
    );
    let w = ver.world();
    let (t, wedges, reg) = (
        w.resource::<Trade>(),
        w.resource::<Wedges>(),
        w.resource::<Registry>(),
    );
    let (us, jp, autos) = (
        reg.state("USA").unwrap(),
        reg.state("JPN").unwrap(),
        reg.sector("autos").unwrap(),
    );
    let x = wedges
        .caps
        .iter()
        .position(|c| c.importer == us && c.supplier == jp && c.sector == autos && c.voluntary)
        .unwrap();
    let rho = t.rho[x];
    assert!(rho > 1.02, "the restraint binds: ρ = {rho}");
    // Revenue from every tariffed U.S. import at producer prices, plus the duty on the premium.
    let k = t.k;
    let on_p: f64 = wedges
        .tariffed
        .iter()
        .filter(|&&c| c / (t.n * k) == us)
        .map(|&c| t.flow[c] * t.price[(c % t.n) * k + (c / t.n) % k] * wedges.tariff[c])
        .sum();
    let c = t.at(us, jp, autos);
    let premium_duty = t.flow[c] * t.price[jp * k + autos] * (rho - 1.0) * wedges.tariff[c];
    let revenue = economy(&mut ver, "USA").tariff_revenue;
    assert!(
        (revenue - (on_p + premium_duty)).abs() < 1e-9 * revenue.max(1.0) && premium_duty > 0.01,
        "revenue {revenue} vs duty on p {on_p} + on the premium {premium_duty}"
    );
}
