//! The debrief's disputes: where each ended in each run, and each one's ladder month by month
//! (a chart for the followed side's, a grid for all).

use super::*;

/// Where each dispute ended in each run: the followed side's, and the others where runs differ.
pub(super) fn endings(o: &mut String, p: &Page) {
    let d = p.d;
    let runs = all_runs(d);
    let _ = write!(
        o,
        "<h3>{}</h3><table><tr><th>{}</th><th>{}</th>",
        p.t("debrief-endings"),
        p.t("debrief-col-dispute"),
        p.t("debrief-col-parties")
    );
    for (i, r) in &runs {
        let _ = write!(
            o,
            "<th title=\"{}\">{}</th>",
            esc(&p.label(*i, r)),
            run_name(p, *i, r, true)
        );
    }
    o.push_str("</tr>\n");
    let mut same = 0;
    for (id, info) in d.disputes() {
        let cells: Vec<String> = runs
            .iter()
            .map(|(_, r)| {
                let end = r.ending_in(p.lang, &id);
                match r.months_public(&id) {
                    0 => end,
                    public => Words::new("debrief-ending-public")
                        .plain("ending", end)
                        .plain("months", public.to_string())
                        .in_lang(p.lang),
                }
            })
            .collect();
        // The followed side's disputes, and the others where the runs ended apart.
        let ours = &cells[..d.runs.len()];
        if !info.parties.contains(&d.side) && ours.iter().all(|c| *c == ours[0]) {
            same += 1;
            continue;
        }
        let _ = write!(
            o,
            "<tr><td>{}</td><td>{}</td>",
            esc(&local_in(p.lang, &info.title)),
            p.parties("debrief-parties", &info.parties).in_lang(p.lang)
        );
        for cell in &cells {
            let _ = write!(o, "<td>{}</td>", esc(cell));
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</table>\n");
    if same > 0 {
        let text = Words::new("debrief-others-same")
            .number("n", same as f64)
            .in_lang(p.lang);
        let _ = writeln!(o, "<p class=\"note\">{text}</p>");
    }
}

/// Every dispute's ladder, month by month: for the followed side's disputes a chart of the rung
/// and a grid a class can point at, for the others the grid.
pub(super) fn ladders(o: &mut String, p: &Page) -> Result<(), String> {
    let d = p.d;
    let _ = writeln!(o, "<h2>{}</h2>", p.t("debrief-ladders"));
    endings(o, p);
    let _ = writeln!(o, "<p class=\"note\">{}</p>", p.t("debrief-rungs-note"));
    let months = d.scenario.meta.months.max(1) as usize;
    let start = crate::scenario::validate::parse_year_month(&d.scenario.meta.start);
    let mut others = false;
    for (id, info) in d.disputes() {
        let own = info.parties.contains(&d.side);
        if !own && !others {
            others = true;
            let text = Words::new("debrief-not-party")
                .plain("side", esc(&p.side(&d.side)))
                .in_lang(p.lang);
            let _ = writeln!(o, "<h3>{text}</h3>");
        }
        let _ = writeln!(
            o,
            "<h3>{} <span class=\"note\">{}</span></h3>",
            esc(&local_in(p.lang, &info.title)),
            p.parties("debrief-dispute-id", &info.parties)
                .plain("id", esc(&id))
                .in_lang(p.lang)
        );
        if own {
            ladder_chart(o, p, &id, start, months)?;
        }
        ladder_grid(o, p, &id, months);
    }
    Ok(())
}

/// A dispute's rung by month, one line per run, history's dashed, what history recorded marked.
fn ladder_chart(
    o: &mut String,
    p: &Page,
    id: &str,
    start: Option<(i32, u32)>,
    months: usize,
) -> Result<(), String> {
    let d = p.d;
    // The runs' lines nudged apart a little, so that runs on one rung stay visible.
    let n = d.runs.len() as f64;
    let lines = run_lines(d, |i, r| {
        let nudge = i.map_or(0.0, |i| (i as f64 - n / 2.0) * 0.04);
        r.ladder(id)
            .iter()
            .map(|c| c.map_or(f64::NAN, |c| c as f64 + nudge))
            .collect()
    });
    let marks = recorded(d, start, id, "escalation");
    let x_label = |x: &f64| p.month(x.round().max(0.0) as u32);
    let axis = Rung::ALL.map(|r| p.t(&format!("debrief-axis-{}", rung_key(r))));
    let y_label = |y: &f64| {
        let (y, r) = (*y, y.round());
        if (r - y).abs() < 0.05 && (0.0..=4.0).contains(&r) {
            axis[r as usize].clone()
        } else {
            String::new()
        }
    };
    let chart = Chart {
        lines,
        marks,
        x: (0.0, months as f64 - 1.0),
        x_label: &x_label,
        y: Some((-0.3, 4.3)),
        y_label: &y_label,
        y_ticks: 10,
        size: (900, 200),
    };
    let _ = writeln!(o, "<div class=\"chart\">{}</div>", chart.svg()?);
    Ok(())
}

/// A dispute's rung by month as a grid: one row per run, one cell per month, years above.
fn ladder_grid(o: &mut String, p: &Page, id: &str, months: usize) {
    let d = p.d;
    let clock = &d.runs[0].clock;
    let short = Rung::ALL.map(|r| p.t(&format!("debrief-rung-short-{}", rung_key(r))));
    o.push_str("<table class=\"ladder\"><tr><th></th>");
    let mut m = 0;
    while m < months {
        let date = clock.date_of(m as u32);
        let left_in_year = 12 - (date[5..].parse::<usize>().unwrap_or(1) - 1);
        let span = left_in_year.min(months - m);
        let _ = write!(o, "<th colspan=\"{span}\">{}</th>", &date[..4]);
        m += span;
    }
    o.push_str("</tr>\n");
    for (i, r) in all_runs(d) {
        let name = match i {
            Some(i) => format!("{}", i + 1),
            None => p.t("debrief-history-short"),
        };
        let _ = write!(o, "<tr><th>{name}</th>");
        let ladder = r.ladder(id);
        let mut opened = false;
        for m in 0..months {
            match ladder.get(m).copied().flatten() {
                Some(c) => {
                    opened = true;
                    let c = c.min(4) as usize;
                    let title = Words::new("debrief-cell")
                        .plain("date", p.month(m as u32))
                        .plain("rung", Rung::from_index(c).label_in(p.lang))
                        .in_lang(p.lang);
                    let _ = write!(
                        o,
                        "<td style=\"background:{};color:{}\" title=\"{}\">{}</td>",
                        RUNG_CSS[c],
                        if c == 1 { "#333" } else { "#fff" },
                        esc(&title),
                        short[c]
                    );
                }
                None if opened && m < ladder.len() => {
                    let title = Words::new("debrief-cell-settled")
                        .plain("date", p.month(m as u32))
                        .in_lang(p.lang);
                    let _ = write!(
                        o,
                        "<td class=\"off\" style=\"background:{SETTLED_CSS}\" title=\"{}\"></td>",
                        esc(&title)
                    );
                }
                None => o.push_str("<td class=\"none\"></td>"),
            }
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</table>\n");
}

/// What the scenario's history recorded for (entity, indicator), as (month, value) points.
pub(super) fn recorded(
    d: &Debrief,
    start: Option<(i32, u32)>,
    entity: &str,
    indicator: &str,
) -> Vec<(f64, f64)> {
    d.scenario
        .history
        .series
        .iter()
        .filter(|s| s.entity == entity && s.indicator == indicator)
        .flat_map(|s| &s.points)
        .filter_map(|p| {
            let m = crate::scenario::validate::month_offset(
                start?,
                crate::scenario::validate::parse_year_month(&p.date)?,
            );
            (m >= 0 && m < d.scenario.meta.months).then_some((m as f64, p.value))
        })
        .collect()
}
