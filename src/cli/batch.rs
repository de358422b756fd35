//! `tradecraft batch`: every seed under every policy (a commands file), in parallel, into one
//! table of runs (`runs.csv`) and the odds that matter: each side's score (median, 10th and
//! 90th percentiles) and the chance each dispute goes public. `--shard I/N` runs one slice of
//! the runs and `--merge` joins the slices, so a sweep too big for one machine runs as an array
//! job on an existing scheduler.
//!
//! Runs are independent worlds, so the threads never share a float: each row is the same
//! whatever the thread count, and the rows are sorted by policy and seed before they are
//! written. The scenario and the policies are read and checked once.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;

use super::output::{csv, csv_cells, notes_header};
use crate::command::ScheduledCommand;
use crate::scenario::Scenario;
use crate::sim::{Country, Dispute, Economy, Politics, Simulation};

#[derive(clap::Args, Debug, Clone)]
pub struct BatchArgs {
    /// Scenario file (not with --merge).
    pub scenario: Option<PathBuf>,
    /// Seeds to run, inclusive: `1..1000` (1,000 runs) or one seed, `7`.
    #[arg(long, default_value = "1..100")]
    pub seeds: String,
    /// A policy: a commands file for the --side states (repeat it to compare policies). None:
    /// the scenario as it is, history and the AI.
    #[arg(long)]
    pub commands: Vec<PathBuf>,
    /// A state people lead, whose moves come from the commands file (repeat it).
    #[arg(long)]
    pub side: Vec<String>,
    /// Months each run lasts (default: the scenario's).
    #[arg(long)]
    pub months: Option<u32>,
    /// Threads (default: every core).
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Where runs.csv goes.
    #[arg(long, default_value = "batch")]
    pub out: PathBuf,
    /// Run only slice I of N (1 ≤ I ≤ N), e.g. `--shard $SLURM_ARRAY_TASK_ID/16`.
    #[arg(long)]
    pub shard: Option<String>,
    /// Join the runs.csv of these folders (slices of one sweep) into --out.
    #[arg(long, num_args = 1.., conflicts_with_all = ["scenario", "commands", "shard"])]
    pub merge: Vec<PathBuf>,
}

/// `A..B` (inclusive) or `A`.
pub fn parse_seeds(text: &str) -> Result<std::ops::RangeInclusive<u64>, String> {
    let bad = || format!("--seeds {text}: write a range such as 1..1000 (both ends included) or one seed");
    let (a, b) = match text.split_once("..") {
        Some((a, b)) => (a.trim(), b.trim_start_matches('=').trim()),
        None => (text.trim(), text.trim()),
    };
    let (a, b) = (
        a.parse::<u64>().map_err(|_| bad())?,
        b.parse::<u64>().map_err(|_| bad())?,
    );
    if a > b {
        return Err(format!("--seeds {text}: the first seed is after the last"));
    }
    Ok(a..=b)
}

/// `I/N` with 1 ≤ I ≤ N.
pub fn parse_shard(text: &str) -> Result<(usize, usize), String> {
    let bad = || format!("--shard {text}: write I/N with 1 ≤ I ≤ N, e.g. 3/16");
    let (i, n) = text.split_once('/').ok_or_else(bad)?;
    let (i, n) = (
        i.trim().parse::<usize>().map_err(|_| bad())?,
        n.trim().parse::<usize>().map_err(|_| bad())?,
    );
    if n == 0 || i == 0 || i > n {
        return Err(bad());
    }
    Ok((i, n))
}

/// The most runs one invocation makes (its rows are kept in memory: about 2 GB).
pub const MAX_RUNS: u128 = 5_000_000;

/// One policy: its name in the table and its commands.
struct Policy {
    name: String,
    script: Vec<ScheduledCommand>,
}

/// The table of runs: header and rows of cells, with the notes above it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub notes: Vec<(String, String)>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn to_csv(&self) -> String {
        let notes: Vec<(&'static str, String)> = Vec::new();
        let mut out = notes_header("runs.csv", "one row per run", &notes);
        for (k, v) in &self.notes {
            out += &format!("# {k}: {}\n", v.replace(['\n', '\r'], " "));
        }
        out += &self.header.iter().map(|c| csv(c)).collect::<Vec<_>>().join(",");
        out.push('\n');
        for r in &self.rows {
            out += &r.iter().map(|c| csv(c)).collect::<Vec<_>>().join(",");
            out.push('\n');
        }
        out
    }

    /// A runs.csv as written by `to_csv` (a policy or series name may hold a comma or a quote:
    /// its cell is quoted).
    pub fn parse(text: &str, file: &str) -> Result<Table, String> {
        let mut notes = Vec::new();
        let mut lines = text.lines().enumerate();
        let header = loop {
            let Some((i, line)) = lines.next() else {
                return Err(format!("{file}: no header row"));
            };
            match line.strip_prefix("# ") {
                Some(note) if !note.starts_with("file:") => {
                    let (k, v) = note
                        .split_once(": ")
                        .ok_or_else(|| format!("{file}:{}: a note is `# key: value`", i + 1))?;
                    notes.push((k.to_string(), v.to_string()));
                }
                Some(_) => {}
                None => break (i, line),
            }
        };
        let (at, line) = header;
        let header = csv_cells(line).map_err(|e| format!("{file}:{}: {e}", at + 1))?;
        if header.len() < 2 || header[0] != "policy" || header[1] != "seed" {
            return Err(format!(
                "{file}: not a runs.csv of `tradecraft batch` (its header starts with policy,seed)"
            ));
        }
        let mut rows = Vec::new();
        for (i, line) in lines {
            let row = csv_cells(line).map_err(|e| format!("{file}:{}: {e}", i + 1))?;
            if row.len() != header.len() {
                return Err(format!(
                    "{file}:{}: {} cells where the header has {}",
                    i + 1,
                    row.len(),
                    header.len()
                ));
            }
            rows.push(row);
        }
        Ok(Table { notes, header, rows })
    }
}

/// The notes that say what a sweep is (slices of one sweep share them).
fn sweep_notes(
    a: &BatchArgs,
    path: &Path,
    text: &str,
    s: &Scenario,
    policies: &[Policy],
    months: u32,
) -> Vec<(String, String)> {
    vec![
        ("tool".into(), format!("tradecraft {}", env!("CARGO_PKG_VERSION"))),
        ("scenario_file".into(), path.display().to_string()),
        ("scenario".into(), s.meta.title.clone()),
        // The file's hash (as class games compare them): slices of one sweep ran one file.
        (
            "scenario_hash".into(),
            format!("{:016x}", crate::net::lockstep::scenario_hash(text)),
        ),
        // Canonical, so slices written with `1..100` and `1..=100` are one sweep.
        (
            "seeds".into(),
            parse_seeds(&a.seeds)
                .map(|r| format!("{}..{}", r.start(), r.end()))
                .unwrap_or_default(),
        ),
        (
            "policies".into(),
            policies
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        ),
        (
            "sides".into(),
            if a.side.is_empty() {
                "none".into()
            } else {
                a.side.join(" ")
            },
        ),
        ("months".into(), months.to_string()),
        (
            "read_with".into(),
            "pandas.read_csv(path, comment='#'); R: read.csv(path, comment.char='#')".into(),
        ),
    ]
}

/// The sides whose scores and indicators the table keeps: the --side states, else the
/// scenario's playable sides.
fn scored_sides(a: &BatchArgs, s: &Scenario) -> Vec<String> {
    if a.side.is_empty() {
        s.meta.sides.clone()
    } else {
        a.side.clone()
    }
}

fn header(sides: &[String], disputes: &[String]) -> Vec<String> {
    let mut h = vec!["policy".to_string(), "seed".to_string()];
    for s in sides {
        for k in ["score", "approval", "cpi", "jobs", "welfare"] {
            h.push(format!("{s}:{k}"));
        }
    }
    for d in disputes {
        h.push(format!("{d}:highest_rung"));
        h.push(format!("{d}:public_months"));
        h.push(format!("{d}:settled"));
    }
    // Disputes the run opened itself (retaliation, new measures): how many, months in public.
    h.push("new_disputes".into());
    h.push("new_disputes:public_months".into());
    h
}

/// One run: the world built, the policy played, the row read off the world.
fn run(
    s: &Scenario,
    sides_led: &[String],
    scored: &[String],
    disputes: &[String],
    policy: &Policy,
    seed: u64,
    months: u32,
) -> Result<Vec<String>, String> {
    let mut sim = Simulation::with_sides(s, seed, sides_led)?;
    sim.set_script(policy.script.clone());
    sim.run(months);
    let mut row = vec![policy.name.clone(), seed.to_string()];
    let world = sim.world_mut();
    let mut q = world.query::<(&Country, &Economy, &Politics)>();
    let states: Vec<(String, f64, f64, f64, f64)> = q
        .iter(world)
        .map(|(c, e, p)| (c.id.clone(), p.approval, e.cpi, e.employment, e.welfare))
        .collect();
    for side in scored {
        let score =
            crate::sim::objectives::score(world, side).map_or(String::new(), |s| format!("{:.2}", s.total));
        row.push(score);
        match states.iter().find(|x| &x.0 == side) {
            Some((_, approval, cpi, jobs, welfare)) => {
                row.extend([approval, cpi, jobs, welfare].map(|x| format!("{x:.4}")));
            }
            None => row.extend(std::iter::repeat_n(String::new(), 4)),
        }
    }
    let mut q = world.query::<&Dispute>();
    let all: Vec<&Dispute> = q.iter(world).collect();
    for id in disputes {
        match all.iter().find(|d| &d.id == id) {
            Some(d) => {
                row.push(d.peak.label().replace(' ', "_"));
                row.push(d.public_months.to_string());
                row.push((!d.is_open()).to_string());
            }
            None => row.extend(std::iter::repeat_n(String::new(), 3)),
        }
    }
    let new: Vec<&&Dispute> = all.iter().filter(|d| !disputes.contains(&d.id)).collect();
    row.push(new.len().to_string());
    row.push(new.iter().map(|d| d.public_months).sum::<u32>().to_string());
    Ok(row)
}

/// p-th percentile (nearest rank) of sorted values.
fn percentile(sorted: &[f64], p: f64) -> f64 {
    // A hair below the product: 10% of 30 runs is rank 3 (0.1 × 30 is 3.0000000000000004).
    let rank = ((p / 100.0) * sorted.len() as f64 - 1e-9).ceil().max(1.0) as usize;
    sorted[rank.min(sorted.len()) - 1]
}

/// Per policy: each side's score (median, 10th, 90th percentile) and the chance each dispute
/// went public.
pub fn summary(t: &Table) -> String {
    let col = |name: &str| t.header.iter().position(|h| h == name);
    let mut policies: Vec<&str> = Vec::new();
    for r in &t.rows {
        if !policies.contains(&r[0].as_str()) {
            policies.push(&r[0]);
        }
    }
    let mut out = String::new();
    for p in policies {
        let rows: Vec<&Vec<String>> = t.rows.iter().filter(|r| r[0] == p).collect();
        out += &format!("policy {p}: {} runs\n", rows.len());
        for (i, h) in t.header.iter().enumerate() {
            if let Some(side) = h.strip_suffix(":score") {
                let mut v: Vec<f64> = rows.iter().filter_map(|r| r[i].parse().ok()).collect();
                if v.is_empty() {
                    continue;
                }
                v.sort_by(f64::total_cmp);
                out += &format!(
                    "  {side} score: median {:.1}, 10th percentile {:.1}, 90th {:.1}\n",
                    percentile(&v, 50.0),
                    percentile(&v, 10.0),
                    percentile(&v, 90.0)
                );
            }
        }
        for h in &t.header {
            if let Some(d) = h.strip_suffix(":public_months")
                && let Some(i) = col(h)
            {
                let public = rows
                    .iter()
                    .filter(|r| r[i].parse::<u32>().is_ok_and(|m| m > 0))
                    .count();
                out += &format!(
                    "  {d}: public in {:.0}% of runs\n",
                    100.0 * public as f64 / rows.len().max(1) as f64
                );
            }
        }
    }
    out
}

pub fn batch(a: BatchArgs) -> ExitCode {
    let result = if a.merge.is_empty() { sweep(&a) } else { merge(&a) };
    match result {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}

fn write(dir: &Path, t: &Table) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join("runs.csv");
    crate::save::write_atomic(&path, &t.to_csv()).map_err(|e| format!("{}: {e}", path.display()))
}

fn sweep(a: &BatchArgs) -> Result<String, String> {
    let table = runs(a)?;
    write(&a.out, &table)?;
    Ok(format!(
        "{}{} runs in {}\n",
        summary(&table),
        table.rows.len(),
        a.out.join("runs.csv").display()
    ))
}

/// The sweep's table of runs (or its slice), nothing written (benches/batch.rs times it).
pub fn runs(a: &BatchArgs) -> Result<Table, String> {
    let path = a
        .scenario
        .clone()
        .ok_or("give a scenario file, or --merge DIR...")?;
    let text = crate::scenario::read_text(&path).map_err(|d| d.to_string())?;
    let s = crate::scenario::parse_scenario(&text, &path.display().to_string()).map_err(|d| d.to_string())?;
    let seeds = parse_seeds(&a.seeds)?;
    let shard = a.shard.as_deref().map(parse_shard).transpose()?;
    for side in &a.side {
        if !s.states.iter().any(|x| &x.id == side) {
            return Err(format!("--side {side}: not a state of {}", path.display()));
        }
    }
    let mut policies = Vec::new();
    for f in &a.commands {
        let script = crate::scenario::load_commands(f, Some(&s)).map_err(|d| d.to_string())?;
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("policy");
        let name = name
            .trim_end_matches(".ron")
            .trim_end_matches(".commands")
            .to_string();
        if name.contains([',', '"', '#', ' ']) {
            return Err(format!(
                "{}: a policy's file name must not hold commas, quotes, # or spaces (it names the policy in runs.csv)",
                f.display()
            ));
        }
        if policies.iter().any(|p: &Policy| p.name == name) {
            return Err(format!("two policies are named {name}: rename one file"));
        }
        policies.push(Policy { name, script });
    }
    if policies.is_empty() {
        policies.push(Policy {
            name: "none".into(),
            script: Vec::new(),
        });
    }
    let months = a.months.unwrap_or(s.meta.months as u32);
    let scored = scored_sides(a, &s);
    let mut disputes: Vec<String> = s.disputes.iter().map(|d| d.id.clone()).collect();
    disputes.sort();
    // Run k of the sweep is policy k / seeds, seed start + k % seeds; a shard takes every
    // n-th, from its own: only its runs are listed.
    // In u128: the seeds 0..u64::MAX are 2⁶⁴ a policy (refused below as too many runs).
    let per_policy = u128::from(seeds.end() - seeds.start()) + 1;
    let total = (policies.len() as u128) * per_policy;
    let (first, step) = shard.map_or((0, 1), |(i, n)| (i as u128 - 1, n as u128));
    let mine = total.saturating_sub(first).div_ceil(step);
    if mine > MAX_RUNS {
        return Err(format!(
            "{mine} runs in one invocation: at most {MAX_RUNS}; split the sweep with --shard I/N (one slice a job) and join the slices with --merge"
        ));
    }
    let runs: Vec<(usize, u64)> = (0..mine)
        .map(|j| first + j * step)
        .map(|k| ((k / per_policy) as usize, seeds.start() + (k % per_policy) as u64))
        .collect();
    let bar = indicatif::ProgressBar::new(runs.len() as u64);
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(indicatif::ProgressDrawTarget::hidden());
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(a.jobs.unwrap_or(0))
        .build()
        .map_err(|e| format!("cannot start the threads: {e}"))?;
    let rows: Result<Vec<Vec<String>>, String> = pool.install(|| {
        runs.par_iter()
            .map(|&(p, seed)| {
                let row = run(&s, &a.side, &scored, &disputes, &policies[p], seed, months);
                bar.inc(1);
                row
            })
            .collect()
    });
    bar.finish_and_clear();
    let mut notes = sweep_notes(a, &path, &text, &s, &policies, months);
    if let Some((i, n)) = shard {
        notes.push(("shard".into(), format!("{i}/{n}")));
    }
    let table = Table {
        notes,
        header: header(&scored, &disputes),
        rows: rows?,
    };
    debug_assert!(table.rows.iter().all(|r| r.len() == table.header.len()));
    Ok(table)
}

fn merge(a: &BatchArgs) -> Result<String, String> {
    let mut joined: Option<Table> = None;
    for dir in &a.merge {
        let path = dir.join("runs.csv");
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut t = Table::parse(&text, &path.display().to_string())?;
        t.notes.retain(|(k, _)| k != "shard");
        match &mut joined {
            None => joined = Some(t),
            Some(j) => {
                // The scenario's path may differ between machines; its hash may not.
                let same = |x: &Table| -> Vec<(String, String)> {
                    x.notes
                        .iter()
                        .filter(|(k, _)| k != "scenario_file")
                        .cloned()
                        .collect()
                };
                if same(j) != same(&t) || j.header != t.header {
                    return Err(format!(
                        "{}: another sweep (its scenario, seeds, policies, sides or months differ from {})",
                        path.display(),
                        a.merge[0].join("runs.csv").display()
                    ));
                }
                j.rows.extend(t.rows);
            }
        }
    }
    let mut t = joined.ok_or("--merge needs folders with runs.csv")?;
    let note = |k: &str| {
        t.notes
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let seeds = parse_seeds(&note("seeds"))?;
    let policies: Vec<String> = note("policies").split(' ').map(str::to_string).collect();
    let order = |r: &Vec<String>| (policies.iter().position(|p| *p == r[0]), r[1].parse::<u64>().ok());
    t.rows.sort_by_key(order);
    if let Some(w) = t.rows.windows(2).find(|w| order(&w[0]) == order(&w[1])) {
        return Err(format!(
            "{} seed {} is in two slices: merge each shard's folder once",
            w[0][0], w[0][1]
        ));
    }
    // Sorted and without doubles: the sweep is whole when every row is one of its runs and
    // there are as many rows as runs.
    let unknown = t.rows.iter().find(|r| {
        let (p, seed) = order(r);
        p.is_none() || seed.is_none_or(|s| !seeds.contains(&s))
    });
    if let Some(r) = unknown {
        return Err(format!(
            "a row of policy {} seed {} is not a run of this sweep",
            r[0], r[1]
        ));
    }
    let per_policy = u128::from(seeds.end() - seeds.start()) + 1;
    let want = per_policy * policies.len() as u128;
    if (t.rows.len() as u128) != want {
        // The first run missing: where the sorted rows first leave the sweep's order.
        let mut first = None;
        for (k, r) in t.rows.iter().enumerate() {
            let expect = (
                k as u128 / per_policy,
                seeds.start() + (k as u128 % per_policy) as u64,
            );
            let got = order(r);
            if got != (Some(expect.0 as usize), Some(expect.1)) {
                first = Some(format!("{} seed {}", policies[expect.0 as usize], expect.1));
                break;
            }
        }
        let first = first.unwrap_or_else(|| {
            let k = t.rows.len() as u128;
            format!(
                "{} seed {}",
                policies[(k / per_policy) as usize],
                seeds.start() + (k % per_policy) as u64
            )
        });
        return Err(format!(
            "the slices do not make the sweep: {} runs missing (first: {first}; is a shard's folder left out?)",
            want - t.rows.len() as u128
        ));
    }
    write(&a.out, &t)?;
    Ok(format!(
        "{}{} runs in {}\n",
        summary(&t),
        t.rows.len(),
        a.out.join("runs.csv").display()
    ))
}

#[cfg(test)]
mod tests {
    use super::Table;

    /// A policy file named with a comma and a quote (its name is the policy's) survives a
    /// sweep's runs.csv written and read back, as `batch --join` reads the slices.
    #[test]
    fn a_table_with_commas_and_quotes_in_its_cells_reads_back_as_written() {
        let t = Table {
            notes: vec![("scenario".into(), "2025".into())],
            header: vec!["policy".into(), "seed".into(), "JPN, score".into()],
            rows: vec![
                vec!["hedge, then \"settle\"".into(), "1".into(), "61.5".into()],
                vec!["#2 plain".into(), "2".into(), "".into()],
            ],
        };
        let text = t.to_csv();
        assert_eq!(Table::parse(&text, "runs.csv"), Ok(t));
    }

    #[test]
    fn a_quote_left_open_is_refused_with_its_line() {
        let text = "policy,seed,x\n\"open,1,2\n";
        let e = Table::parse(text, "runs.csv").unwrap_err();
        assert!(e.starts_with("runs.csv:2: a quoted cell is not closed"), "{e}");
    }
}
