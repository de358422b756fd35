//! What `sim --out` writes: history.csv (and history_wide.csv with `--wide`), causes.csv,
//! news.csv, commands.csv, units.csv and final.ron, each CSV with `# key: value` notes on top.

use std::path::Path;

use super::*;

/// Where a run started: a scenario file, or a snapshot it resumed.
pub(super) enum RunSource {
    File(String),
    Resumed(String),
}

/// The files `--out` writes (and `--wide` adds), each with the notes at its top.
pub(super) fn write_out(
    sim: &mut Simulation,
    dir: &Path,
    origin: &RunSource,
    wide: bool,
) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
    let world = sim.world();
    let clock = world.resource::<Clock>().clone();
    let history = world.resource::<History>();
    let notes = run_notes(world, origin);
    let mut files = vec![(
        "history.csv",
        "long format: one row per month, entity and indicator",
        history.to_csv(&clock),
    )];
    if wide {
        files.push((
            "history_wide.csv",
            "wide format: one row per month, one column per entity:indicator",
            wide_csv(history, &clock),
        ));
    }
    let (causes, news, log) = records_csv(world);
    files.extend([
        (
            "causes.csv",
            "every recorded change and its cause; delta has the unit of its indicator",
            causes,
        ),
        ("news.csv", "the news feed", news),
        (
            "commands.csv",
            "every command issued and whether it was applied",
            log,
        ),
        ("units.csv", "the unit of each indicator", units_csv(world)),
    ]);
    for (name, about, body) in files {
        let p = dir.join(name);
        let text = notes_header(name, about, &notes) + &body;
        crate::save::write_atomic(&p, &text).map_err(|e| format!("{}: {e}", p.display()))?;
    }
    let p = dir.join("final.ron");
    crate::save::save(sim.world_mut(), &p).map_err(|e| format!("{}: {e}", p.display()))?;
    Ok(())
}

/// `key: value` notes on the run, for the top of every CSV file.
pub(super) fn run_notes(world: &bevy_ecs::world::World, origin: &RunSource) -> Vec<(&'static str, String)> {
    let meta = &world.resource::<crate::sim::ScenarioDef>().0.meta;
    let reg = world.resource::<Registry>();
    let clock = world.resource::<Clock>();
    let history = world.resource::<History>();
    let humans = world.resource::<Control>().human_ids(reg);
    let side = if humans.is_empty() {
        "none".to_string()
    } else {
        humans.join(" ")
    };
    let recorded = history.rows.len() as u32;
    let (from, to) = if recorded == 0 {
        ("-".to_string(), "-".to_string())
    } else {
        (
            clock.date_of(history.first_month),
            clock.date_of(history.first_month + recorded - 1),
        )
    };
    let mut notes = vec![
        ("tool", format!("tradecraft {}", env!("CARGO_PKG_VERSION"))),
        (
            "scenario_file",
            match origin {
                RunSource::File(f) => f.clone(),
                RunSource::Resumed(_) => "(resumed from a snapshot; see resumed_from)".to_string(),
            },
        ),
        ("scenario", meta.title.clone()),
        ("scenario_id", meta.id.clone()),
        ("seed", world.resource::<Seed>().0.to_string()),
        ("side", side),
        ("months", recorded.to_string()),
        ("from", from),
        ("to", to),
    ];
    if let RunSource::Resumed(snap) = origin {
        notes.push(("resumed_from", snap.clone()));
    }
    notes.push((
        "units",
        "in units.csv, and in README.md under What history.csv holds".to_string(),
    ));
    notes.push((
        "read_with",
        "pandas.read_csv(path, comment='#'); R: read.csv(path, comment.char='#')".to_string(),
    ));
    notes
}

/// The notes as leading `# key: value` lines; the CSV's header row follows them.
pub(super) fn notes_header(file: &str, about: &str, notes: &[(&'static str, String)]) -> String {
    let clean = |s: &str| s.replace(['\n', '\r'], " ");
    let mut out = format!("# file: {file} ({about})\n");
    for (k, v) in notes {
        out += &format!("# {k}: {}\n", clean(v));
    }
    out
}

/// One CSV cell as every file of the CLI writes it (`words::csv_cell`), and its reader.
pub(super) use crate::words::{csv_cell as csv, csv_cells};

/// The history in wide format: `month,date` and one column per `entity:indicator`, one row per
/// month; a cell is empty where the long file has no row. The numbers are printed exactly as
/// in history.csv.
pub fn wide_csv(h: &History, clock: &Clock) -> String {
    let cols: Vec<usize> = (0..h.columns.len())
        .filter(|&c| h.rows.iter().any(|r| r.get(c).is_some_and(|v| !v.is_nan())))
        .collect();
    let mut out = String::from("month,date");
    for &c in &cols {
        let (e, i) = &h.columns[c];
        out.push(',');
        out += &csv(&format!("{e}:{i}"));
    }
    out.push('\n');
    for (r, row) in h.rows.iter().enumerate() {
        let m = h.first_month + r as u32;
        out += &format!("{m},{}", clock.date_of(m));
        for &c in &cols {
            out.push(',');
            if let Some(v) = row.get(c).filter(|v| !v.is_nan()) {
                out += &v.to_string();
            }
        }
        out.push('\n');
    }
    out
}

/// Every indicator of history.csv and causes.csv with its unit.
pub(super) fn units_csv(world: &bevy_ecs::world::World) -> String {
    let mut inds: std::collections::BTreeSet<&str> = world
        .resource::<History>()
        .columns
        .iter()
        .map(|(_, i)| i.as_str())
        .collect();
    inds.extend(world.resource::<Causes>().0.iter().map(|c| c.indicator.as_str()));
    let reg = world.resource::<Registry>();
    let mut out = String::from("indicator,unit\n");
    for i in inds {
        let unit = match reg.poles {
            Some((plus, minus)) if i == "alignment" => format!(
                "from -1 (leans to {}) to +1 (leans to {})",
                reg.states[minus], reg.states[plus]
            ),
            _ => crate::report::units::unit(i).to_string(),
        };
        out += &format!("{},{}\n", csv(i), csv(&unit));
    }
    out
}

/// The records as CSV: causes (why each figure moved), news, and every command with its fate.
pub fn records_csv(world: &bevy_ecs::world::World) -> (String, String, String) {
    let clock = world.resource::<Clock>();
    let mut causes = String::from("month,date,subject,indicator,delta,because\n");
    for c in &world.resource::<Causes>().0 {
        causes += &format!(
            "{},{},{},{},{},{}\n",
            c.month,
            clock.date_of(c.month),
            csv(&c.subject),
            csv(&c.indicator),
            c.delta,
            csv(&c.because.to_string())
        );
    }
    let mut news = String::from("month,date,about,headline,quote\n");
    for n in &world.resource::<News>().0 {
        let quote = n.quote.clone().unwrap_or_default();
        news += &format!(
            "{},{},{},{},{}\n",
            n.month,
            clock.date_of(n.month),
            csv(&n.about),
            csv(&n.text_en()),
            csv(&quote)
        );
    }
    let mut log = String::from("month,date,by,origin,command,result,reason\n");
    for e in &world.resource::<CommandLog>().0 {
        let (result, why) = match &e.rejected {
            None => ("applied", e.issued.reason.clone()),
            Some(r) => ("rejected", r.clone()),
        };
        log += &format!(
            "{},{},{},{:?},{},{result},{}\n",
            e.month,
            clock.date_of(e.month),
            csv(&e.issued.by),
            e.issued.origin,
            csv(&e.issued.command.label()),
            csv(&why)
        );
    }
    (causes, news, log)
}
