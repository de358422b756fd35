//! The class debrief as one self-contained HTML page: styles inline, charts as inline SVG
//! (plotters), no script and no network, so it opens in any browser and prints.

use std::fmt::Write;

use super::charts::{self, Chart, Line};
use super::debrief::{Debrief, Run};
use crate::scenario::Rung;

mod ladders;
use ladders::{ladders, recorded};

/// Escape text for HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Rung colours, working level to public confrontation, and settled: the game's (the end
/// screen's ladder strips, `ui::panels::end::rung_colour`), so a class reads both alike.
const RUNG_CSS: [&str; 5] = ["#6e6e6e", "#dcc85a", "#5a96e6", "#f0963c", "#dc3c3c"];
const SETTLED_CSS: &str = "#3c7850";
const RUNG_SHORT: [&str; 5] = ["W", "M", "F", "L", "P"];

const STYLE: &str = "
body { font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif; margin: 24px auto;
       max-width: 1100px; color: #222; line-height: 1.4; }
h1 { font-size: 26px; margin-bottom: 4px; } h2 { font-size: 20px; margin-top: 32px;
     border-bottom: 2px solid #ddd; padding-bottom: 4px; } h3 { font-size: 16px; margin-bottom: 4px; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #555; font-size: 13px; } .swatch { display: inline-block; width: 14px; height: 14px;
        border-radius: 3px; vertical-align: middle; margin-right: 4px; }
.legend span.item { margin-right: 14px; white-space: nowrap; font-size: 13px; }
table.ladder { table-layout: fixed; } table.ladder td { width: 14px; min-width: 14px; height: 16px; padding: 0; text-align: center; font-size: 10px;
                  color: #fff; border: 1px solid #fff; }
table.ladder th { font-size: 11px; font-weight: normal; padding: 0 4px; border: none; background: none;
                  text-align: left; } table.ladder tr:first-child th { border-left: 1px solid #bbb; }
table.ladder td.off { color: #fff; } table.ladder td.none { background: none; }
.chart { margin: 4px 0 16px 0; } .key { font-weight: bold; }
.dash { display: inline-block; width: 22px; border-top: 3px dashed #000; vertical-align: middle;
        margin-right: 4px; } .mark { display: inline-block; width: 9px; height: 9px;
        border: 2px solid #000; vertical-align: middle; margin-right: 4px; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; }
               .chart, table { break-inside: avoid; } }
";

/// The page.
pub fn html(d: &Debrief) -> Result<String, String> {
    let mut o = String::new();
    let meta = &d.scenario.meta;
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Debrief: {}</title><style>{STYLE}</style></head><body>\n",
        esc(&meta.title)
    );
    let _ = writeln!(
        o,
        "<h1>Debrief: {}</h1><p class=\"note\">{} run{} of <b>{}</b> ({} months from {}), followed from \
         <b>{}</b>. Made by tradecraft {}.</p><p>{}</p>",
        esc(&meta.title),
        d.runs.len(),
        if d.runs.len() == 1 { "" } else { "s" },
        esc(&meta.id),
        meta.months,
        esc(&meta.start),
        esc(&d.side),
        env!("CARGO_PKG_VERSION"),
        esc(&meta.description)
    );
    legend(&mut o, d);
    runs_table(&mut o, d);
    parted(&mut o, d);
    scores(&mut o, d)?;
    ladders(&mut o, d)?;
    series(&mut o, d)?;
    objectives(&mut o, d);
    o += "</body></html>\n";
    Ok(o)
}

/// Each run's colour and name, and history's marks.
fn legend(o: &mut String, d: &Debrief) {
    o.push_str("<p class=\"legend\">");
    for (i, r) in d.runs.iter().enumerate() {
        let _ = write!(
            o,
            "<span class=\"item\"><span class=\"swatch\" style=\"background:{}\"></span>{}</span> ",
            charts::css(charts::colour(i)),
            esc(&r.label)
        );
    }
    if d.history.is_some() {
        o.push_str(
            "<span class=\"item\"><span class=\"dash\"></span>history's decisions in the model</span> ",
        );
    }
    if !d.scenario.history.series.is_empty() {
        o.push_str("<span class=\"item\"><span class=\"mark\"></span>what history recorded</span>");
    }
    o.push_str("</p>\n");
}

/// A run's number with its colour (`short`), or its label.
fn run_name(i: Option<usize>, r: &Run, short: bool) -> String {
    match i {
        Some(i) if short => format!(
            "<span class=\"swatch\" style=\"background:{}\"></span>{}",
            charts::css(charts::colour(i)),
            i + 1
        ),
        Some(_) => esc(&r.label),
        None if short => "history".to_string(),
        None => "<span class=\"dash\"></span>history's decisions".to_string(),
    }
}

/// The runs and then history's, numbered.
fn all_runs(d: &Debrief) -> Vec<(Option<usize>, &Run)> {
    d.runs
        .iter()
        .enumerate()
        .map(|(i, r)| (Some(i), r))
        .chain(d.history.iter().map(|h| (None, h)))
        .collect()
}

/// One line per run in its colour, then history's dashed in black: `values` gives a run's
/// value month by month (NaN where it has none), told which run it is (None: history's).
fn run_lines(d: &Debrief, values: impl Fn(Option<usize>, &Run) -> Vec<f64>) -> Vec<Line> {
    all_runs(d)
        .into_iter()
        .map(|(i, r)| Line {
            colour: i.map_or((0, 0, 0), charts::colour),
            dashed: i.is_none(),
            points: values(i, r)
                .into_iter()
                .enumerate()
                .map(|(m, v)| (m as f64, v))
                .collect(),
        })
        .collect()
}

/// One row per run: seed, sides, months, scores, hash; then where each dispute ended.
fn runs_table(o: &mut String, d: &Debrief) {
    o.push_str("<h2>The runs</h2><table><tr><th>#</th><th>run</th><th>seed</th><th>led by people</th><th>months</th>");
    for s in &d.scenario.meta.sides {
        let _ = write!(o, "<th>score {}</th>", esc(s));
    }
    o.push_str("<th>state hash</th></tr>\n");
    let runs = all_runs(d);
    for (i, r) in &runs {
        let _ = write!(
            o,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}{}</td>",
            run_name(*i, r, true),
            run_name(*i, r, false),
            r.seed,
            if r.sides.is_empty() {
                "none".to_string()
            } else {
                esc(&r.sides.join(", "))
            },
            r.clock.month,
            if r.finished { "" } else { " (unfinished)" }
        );
        for s in &d.scenario.meta.sides {
            match r.score(s) {
                Some(x) => {
                    let _ = write!(o, "<td class=\"num\">{x:.1}</td>");
                }
                None => o.push_str("<td></td>"),
            }
        }
        let _ = writeln!(o, "<td><code>{:016x}</code></td></tr>", r.hash);
    }
    o.push_str("</table>\n");
}

/// The decisions where the runs parted ways.
fn parted(o: &mut String, d: &Debrief) {
    o.push_str("<h2>Where the runs parted ways</h2>\n");
    if d.runs.len() < 2 {
        o.push_str(
            "<p class=\"note\">One run: nothing to compare. Give several runs of this scenario.</p>\n",
        );
        return;
    }
    let clock = &d.runs[0].clock;
    let Some(m) = d.parted_at() else {
        o.push_str("<p>Every run made the same decisions in the same months.</p>\n");
        return;
    };
    let _ = writeln!(
        o,
        "<p>The runs first parted ways in <b>{}</b>. The decisions below were not made by \
         every run in the same months (a cell gives the months a run made it). The last two \
         columns give {}'s mean score in the runs that made it and in those that did not: with a \
         class's dozen runs, read them as leads for the discussion, not as causes.</p>",
        clock.date_of(m),
        esc(&d.side)
    );
    o.push_str("<table><tr><th>decision</th><th>by</th>");
    for (i, r) in d.runs.iter().enumerate() {
        let _ = write!(
            o,
            "<th title=\"{}\"><span class=\"swatch\" style=\"background:{}\"></span>{}</th>",
            esc(&r.label),
            charts::css(charts::colour(i)),
            i + 1
        );
    }
    o.push_str("<th>mean score with</th><th>without</th></tr>\n");
    for p in d.partings() {
        let _ = write!(o, "<tr><td>{}</td><td>{}</td>", esc(&p.what), esc(&p.by));
        for months in &p.months {
            let cell: Vec<String> = months.iter().map(|m| clock.date_of(*m)).collect();
            let _ = write!(o, "<td>{}</td>", cell.join(" "));
        }
        let f = |x: Option<f64>| x.map(|x| format!("{x:.1}")).unwrap_or_default();
        let _ = writeln!(
            o,
            "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            f(p.with),
            f(p.without)
        );
    }
    o.push_str("</table>\n");
}

/// The spread of the scores: one row of dots per side.
fn scores(o: &mut String, d: &Debrief) -> Result<(), String> {
    o.push_str("<h2>Scores across the runs</h2>\n");
    let rows: Vec<charts::StripRow> = d
        .scenario
        .meta
        .sides
        .iter()
        .map(|s| {
            let dots = d
                .runs
                .iter()
                .enumerate()
                .filter_map(|(i, r)| Some((r.score(s)?, charts::colour(i))))
                .collect();
            (s.clone(), dots)
        })
        .collect();
    for (side, dots) in &rows {
        let mut v: Vec<f64> = dots.iter().map(|x| x.0).collect();
        v.sort_by(f64::total_cmp);
        if let (Some(lo), Some(hi)) = (v.first(), v.last()) {
            let median = if v.len() % 2 == 1 {
                v[v.len() / 2]
            } else {
                (v[v.len() / 2 - 1] + v[v.len() / 2]) / 2.0
            };
            let _ = writeln!(
                o,
                "<p>{}: lowest {lo:.1}, median {median:.1}, highest {hi:.1} of 100 points.</p>",
                esc(side)
            );
        }
    }
    let h = 40 + 50 * rows.len() as u32;
    let _ = writeln!(
        o,
        "<div class=\"chart\">{}</div>",
        charts::strip(&rows, (900, h))?
    );
    Ok(())
}

/// The key series beside history's path, and every series the scenario's history records.
fn series(o: &mut String, d: &Debrief) -> Result<(), String> {
    o.push_str("<h2>The key series</h2>\n");
    let clock = &d.runs[0].clock;
    let months = d.scenario.meta.months.max(1) as f64;
    let start = crate::scenario::validate::parse_year_month(&d.scenario.meta.start);
    for (heading, unit, key) in d.key_series() {
        let lines = run_lines(d, |_, r| r.series(&key));
        let marks = match &key {
            super::debrief::Series::Recorded { entity, indicator } => recorded(d, start, entity, indicator),
            _ => Vec::new(),
        };
        if lines.iter().all(|l| l.points.iter().all(|p| !p.1.is_finite())) && marks.is_empty() {
            continue;
        }
        let pct = key
            == super::debrief::Series::Recorded {
                entity: d.side.clone(),
                indicator: "approval".into(),
            };
        let x_label = |x: &f64| clock.date_of(x.round().max(0.0) as u32);
        let y_label = |y: &f64| {
            if pct {
                format!("{:.0}%", y * 100.0)
            } else {
                format!("{y:.3}")
            }
        };
        let chart = Chart {
            lines,
            marks,
            x: (0.0, months - 1.0),
            x_label: &x_label,
            y: None,
            y_label: &y_label,
            y_ticks: 6,
            size: (900, 240),
        };
        let _ = writeln!(
            o,
            "<h3 class=\"key\">{}</h3><p class=\"note\">{}</p><div class=\"chart\">{}</div>",
            esc(&heading),
            esc(&unit),
            chart.svg()?
        );
    }
    Ok(())
}

/// Each side's score by objective, run by run.
fn objectives(o: &mut String, d: &Debrief) {
    o.push_str(
        "<h2>Scores by objective</h2><p class=\"note\">Points earned of the objective's weight; \
                the detail of each run is in its row's tooltip.</p>\n",
    );
    for side in &d.scenario.meta.sides {
        let titles: Vec<(String, String, f64)> = d
            .scenario
            .objectives
            .iter()
            .filter(|x| &x.side == side)
            .map(|x| (x.id.clone(), x.title.clone(), x.weight))
            .collect();
        if titles.is_empty() {
            continue;
        }
        // Points out of 100, as the score adds them up.
        let total_weight: f64 = titles.iter().map(|t| t.2).sum();
        let points = |w: f64| {
            if total_weight > 0.0 {
                100.0 * w / total_weight
            } else {
                0.0
            }
        };
        let _ = write!(
            o,
            "<h3>{}</h3><table><tr><th>objective</th><th>weight</th>",
            esc(side)
        );
        let runs: Vec<(Option<usize>, &Run)> = d
            .runs
            .iter()
            .enumerate()
            .map(|(i, r)| (Some(i), r))
            .chain(d.history.iter().map(|h| (None, h)))
            .collect();
        for (i, r) in &runs {
            let head = match i {
                Some(i) => format!(
                    "<span class=\"swatch\" style=\"background:{}\"></span>{}",
                    charts::css(charts::colour(*i)),
                    i + 1
                ),
                None => "history".to_string(),
            };
            let _ = write!(o, "<th title=\"{}\">{head}</th>", esc(&r.label));
        }
        o.push_str("</tr>\n");
        for (id, title, weight) in &titles {
            let _ = write!(
                o,
                "<tr><td>{}</td><td class=\"num\">{:.0}</td>",
                esc(title),
                points(*weight)
            );
            for (_, r) in &runs {
                let hit = r
                    .scores
                    .iter()
                    .find(|s| &s.side == side)
                    .and_then(|s| s.objectives.iter().find(|x| &x.id == id));
                match hit {
                    Some(x) => {
                        let _ = write!(
                            o,
                            "<td class=\"num\" title=\"{}\">{:.1}</td>",
                            esc(&x.detail),
                            points(x.weight * x.met)
                        );
                    }
                    None => o.push_str("<td></td>"),
                }
            }
            o.push_str("</tr>\n");
        }
        o.push_str("<tr><th>total</th><th></th>");
        for (_, r) in &runs {
            let total = r.score(side).map(|x| format!("{x:.1}")).unwrap_or_default();
            let _ = write!(o, "<th class=\"num\">{total}</th>");
        }
        o.push_str("</tr></table>\n");
    }
}
