//! `tradecraft validate-model`: runs the reference experiments in `validation/cases` and prints
//! what the world did beside what the model says, with the acceptance band and the source of
//! each figure. Exit code 0 when every case is inside its band, 1 when one is not, 2 when a case
//! file cannot be read or run.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::validation::{self, Outcome};

/// Where the cases live when no path is given (relative to the working directory).
pub const DEFAULT_CASES: &str = "validation/cases";

#[derive(clap::Args, Debug)]
pub struct ValidateArgs {
    /// Case files, or folders of them (default: validation/cases).
    pub paths: Vec<PathBuf>,
    /// `table` (aligned, with each case's source) or `csv`.
    #[arg(long, default_value = "table", value_parser = ["table", "csv"])]
    pub format: String,
}

pub fn validate_model(a: ValidateArgs) -> ExitCode {
    let paths = if a.paths.is_empty() {
        vec![PathBuf::from(DEFAULT_CASES)]
    } else {
        a.paths.clone()
    };
    let cases = match validation::load_all(&paths) {
        Ok(c) => c,
        Err(d) => {
            eprintln!("{d}");
            eprintln!("validate-model: no case was run: fix the files above first");
            return ExitCode::from(2);
        }
    };
    let mut outcomes = Vec::new();
    for l in &cases {
        match validation::run(l) {
            Ok(o) => outcomes.push(o),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(2);
            }
        }
    }
    let text = if a.format == "csv" {
        csv(&outcomes)
    } else {
        let from: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        table(&outcomes, &from.join(", "))
    };
    print!("{text}");
    let failed: Vec<&str> = outcomes
        .iter()
        .filter(|o| !o.pass)
        .map(|o| o.id.as_str())
        .collect();
    if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "validate-model: {} of {} cases outside their band: {} (each case's `note` says what \
             its band rests on)",
            failed.len(),
            outcomes.len(),
            failed.join(", ")
        );
        ExitCode::from(1)
    }
}

/// Decimals that show a band of this width (at least one).
fn decimals(o: &Outcome) -> usize {
    let width = (o.band.1 - o.band.0).abs().max(1e-9);
    let d = -libm::log10(width / 10.0);
    (d.ceil().clamp(1.0, 3.0)) as usize
}

fn number(x: f64, d: usize) -> String {
    let s = format!("{x:+.d$}");
    // No "-0.0": a zero is unsigned.
    if s.trim_start_matches(['+', '-'])
        .chars()
        .all(|c| c == '0' || c == '.')
    {
        s.trim_start_matches(['+', '-']).to_string()
    } else {
        s
    }
}

/// The aligned table: one row per case, with its title and source beneath it.
pub fn table(outcomes: &[Outcome], from: &str) -> String {
    let rows: Vec<[String; 6]> = outcomes
        .iter()
        .map(|o| {
            let d = decimals(o);
            [
                o.id.clone(),
                number(o.observed, d),
                number(o.model, d),
                format!("{} … {}", number(o.band.0, d), number(o.band.1, d)),
                o.unit.to_string(),
                if o.pass { "yes".into() } else { "NO".into() },
            ]
        })
        .collect();
    let head = ["case", "observed", "model", "band", "unit", "pass"];
    let mut w = head.map(|h| h.chars().count());
    for r in &rows {
        for (i, cell) in r.iter().enumerate() {
            w[i] = w[i].max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 6]| -> String {
        let pad = |s: &str, n: usize, right: bool| {
            let fill = " ".repeat(n.saturating_sub(s.chars().count()));
            if right {
                format!("{fill}{s}")
            } else {
                format!("{s}{fill}")
            }
        };
        format!(
            "{}  {}  {}  {}  {}  {}",
            pad(cells[0], w[0], false),
            pad(cells[1], w[1], true),
            pad(cells[2], w[2], true),
            pad(cells[3], w[3], true),
            pad(cells[4], w[4], false),
            cells[5]
        )
        .trim_end()
        .to_string()
    };
    let passed = outcomes.iter().filter(|o| o.pass).count();
    let mut out = format!(
        "Model validation: {} reference experiments ({from})\n\
         observed: the figure the source reports; model: the same quantity in this model; \
         pass: the model is inside the band\n\n",
        outcomes.len()
    );
    out += &line(head);
    out.push('\n');
    for (o, r) in outcomes.iter().zip(&rows) {
        out += &line([&r[0], &r[1], &r[2], &r[3], &r[4], &r[5]]);
        out.push('\n');
        out += &format!("    {}\n    source: {}\n", o.title, o.source);
    }
    out += &format!("\n{passed} of {} cases inside their band.\n", outcomes.len());
    out
}

fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '#']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One row per case: `id,title,unit,observed,model,band_lo,band_hi,pass,source`.
pub fn csv(outcomes: &[Outcome]) -> String {
    let mut out = String::from("id,title,unit,observed,model,band_lo,band_hi,pass,source\n");
    for o in outcomes {
        out += &format!(
            "{},{},{},{},{:.6},{},{},{},{}\n",
            quote(&o.id),
            quote(&o.title),
            quote(o.unit),
            o.observed,
            o.model,
            o.band.0,
            o.band.1,
            if o.pass { "yes" } else { "no" },
            quote(&o.source)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(model: f64, band: (f64, f64)) -> Outcome {
        Outcome {
            id: "x".into(),
            title: "t".into(),
            unit: "%",
            observed: -32.0,
            model,
            band,
            pass: band.0 <= model && model <= band.1,
            source: "s, with a comma".into(),
        }
    }

    #[test]
    fn decimals_follow_the_band() {
        assert_eq!(decimals(&outcome(0.0, (-42.0, -22.0))), 1);
        assert_eq!(decimals(&outcome(0.0, (0.9, 1.1))), 2);
        assert_eq!(decimals(&outcome(0.0, (-0.12, -0.02))), 2);
        assert_eq!(number(-0.0001, 2), "0.00");
        assert_eq!(number(-1.26, 1), "-1.3");
    }

    #[test]
    fn the_table_and_the_csv_say_pass_or_not() {
        let o = [outcome(-27.9, (-42.0, -22.0)), outcome(-12.0, (-42.0, -22.0))];
        let t = table(&o, "here");
        assert!(
            t.contains("case") && t.contains("-27.9") && t.contains("yes") && t.contains("NO"),
            "{t}"
        );
        assert!(t.contains("source: s, with a comma"), "{t}");
        let c = csv(&o);
        assert!(
            c.lines().nth(1).unwrap().ends_with(",yes,\"s, with a comma\""),
            "{c}"
        );
    }
}
