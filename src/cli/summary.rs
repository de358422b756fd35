//! The summary `sim` prints: the states, the disputes and their paths on the ladder,
//! alignment, framework support, history beside the run, the scores.

use super::*;

pub(super) const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// (year, month 0–11) of scenario month `m`.
pub(super) fn year_month(clock: &Clock, m: u32) -> (i64, usize) {
    let total = clock.start_year as i64 * 12 + (clock.start_month as i64 - 1) + m as i64;
    (total.div_euclid(12), total.rem_euclid(12) as usize)
}

/// Where a dispute stands in a month: on a rung, or settled.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Stand {
    Rung(Rung),
    Settled,
}

impl Stand {
    fn name(self) -> &'static str {
        match self {
            Stand::Rung(r) => r.label(),
            Stand::Settled => "settled",
        }
    }
}

/// A stretch of months a dispute spent at one stand: (stand, first month, last month).
type Run = (Stand, u32, u32);

/// A run's part within one calendar year: (stand, first month 0–11, last month 0–11, whether
/// it is the final settlement).
type Piece = (Stand, usize, usize, bool);

/// The runs of a dispute's recorded path, from its `escalation` and `open` series.
pub(super) fn runs(first: u32, rungs: &[f64], open: &[f64]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for (i, r) in rungs.iter().enumerate() {
        let m = first + i as u32;
        let o = open.get(i).copied().unwrap_or(f64::NAN);
        let stand = if r.is_nan() || o.is_nan() {
            // No record this month: it stands where it stood.
            match out.last() {
                Some(&(s, _, _)) => s,
                None => continue,
            }
        } else if o < 0.5 {
            Stand::Settled
        } else {
            Stand::Rung(Rung::from_index(r.round().clamp(0.0, 4.0) as usize))
        };
        match out.last_mut() {
            Some(last) if last.0 == stand => last.2 = m,
            _ => out.push((stand, m, m)),
        }
    }
    out
}

/// A dispute's path in words: on one line when it moved at most three times, else one line a
/// year (years spent wholly at one rung share a line). Bounded by the years, not the months.
pub(super) fn path_lines(clock: &Clock, title: &str, runs: &[Run]) -> Vec<String> {
    let date = |m: u32| clock.date_of(m);
    if runs.len() <= 4 {
        let last = runs.len().saturating_sub(1);
        let parts: Vec<String> = runs
            .iter()
            .enumerate()
            .map(|(i, &(s, a, b))| match (s, i == last) {
                (Stand::Settled, true) => format!("settled in {}", date(a)),
                (_, true) => format!("{} since {}", s.name(), date(a)),
                _ if a == b => format!("{} {}", s.name(), date(a)),
                _ => format!("{} {} → {}", s.name(), date(a), date(b)),
            })
            .collect();
        return vec![format!("  {title}: {}", parts.join(", "))];
    }
    let mut lines = vec![format!("  {title} ({} changes of rung):", runs.len() - 1)];
    let (y0, _) = year_month(clock, runs[0].1);
    let (y1, _) = year_month(clock, runs[runs.len() - 1].2);
    let mut years: Vec<(i64, Vec<Piece>)> = Vec::new();
    'years: for y in y0..=y1 {
        let mut pieces = Vec::new();
        for (i, &(s, a, b)) in runs.iter().enumerate() {
            let ((ya, ma), (yb, mb)) = (year_month(clock, a), year_month(clock, b));
            if yb < y || ya > y {
                continue;
            }
            let final_settlement = s == Stand::Settled && i == runs.len() - 1;
            if final_settlement && ya < y {
                break 'years;
            }
            let from = if ya == y { ma } else { 0 };
            let to = if yb == y { mb } else { 11 };
            pieces.push((s, from, to, final_settlement));
        }
        years.push((y, pieces));
    }
    let mut i = 0;
    while i < years.len() {
        let (y, pieces) = &years[i];
        // Years spent wholly at one stand (not the final settlement) share a line.
        let single = |p: &Vec<(Stand, usize, usize, bool)>| (p.len() == 1 && !p[0].3).then_some(p[0].0);
        if let Some(s) = single(pieces) {
            let mut j = i;
            while j + 1 < years.len() && single(&years[j + 1].1) == Some(s) {
                j += 1;
            }
            if j > i {
                lines.push(format!("    {y}–{}: {}", years[j].0, s.name()));
                i = j + 1;
                continue;
            }
        }
        let items: Vec<String> = pieces
            .iter()
            .map(|&(s, a, b, last)| match (last, a == b, a == 0 && b == 11) {
                (true, _, _) => format!("settled in {}", MONTHS[a]),
                (_, _, true) => format!("{} all year", s.name()),
                (_, true, _) => format!("{} {}", s.name(), MONTHS[a]),
                _ => format!("{} {}–{}", s.name(), MONTHS[a], MONTHS[b]),
            })
            .collect();
        lines.push(format!("    {y}: {}", items.join(", ")));
        i += 1;
    }
    lines
}

/// Runs of a whole-number series (framework support) in words: "6 from 2025-01, 7 from 2026-03".
pub(super) fn count_path(clock: &Clock, first: u32, values: &[f64]) -> String {
    let mut runs: Vec<(f64, u32)> = Vec::new();
    for (i, v) in values.iter().enumerate().filter(|(_, v)| !v.is_nan()) {
        if runs.last().is_none_or(|(x, _)| x != v) {
            runs.push((*v, first + i as u32));
        }
    }
    match runs.as_slice() {
        [] => String::new(),
        [(v, m)] => format!("{v:.0} since {}", clock.date_of(*m)),
        _ if runs.len() > 6 => {
            let (lo, hi) = runs
                .iter()
                .fold((f64::MAX, f64::MIN), |(lo, hi), (v, _)| (lo.min(*v), hi.max(*v)));
            format!(
                "changed {} times between {lo:.0} and {hi:.0}; {:.0} since {}",
                runs.len() - 1,
                runs[runs.len() - 1].0,
                clock.date_of(runs[runs.len() - 1].1)
            )
        }
        _ => runs
            .iter()
            .map(|(v, m)| format!("{v:.0} from {}", clock.date_of(*m)))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// Wrap words into lines of at most `width` characters, each starting with `indent`.
pub(super) fn wrap(text: &str, indent: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = String::from(indent);
    for word in text.split(' ') {
        if line.chars().count() + word.chars().count() + 1 > width && line.trim() != "" {
            out += line.trim_end();
            out.push('\n');
            line = String::from(indent);
        }
        line += word;
        line.push(' ');
    }
    if line.trim() != "" {
        out += line.trim_end();
        out.push('\n');
    }
    out
}

/// A short text summary of the world: the states with the units of every column, the
/// disputes by title and their paths up and down the ladder, framework votes, the recorded
/// history beside the run, and each side's score.
pub fn summary(sim: &mut Simulation) -> String {
    use std::fmt::Write;
    let world = sim.world_mut();
    let clock = world.resource::<Clock>().clone();
    let reg = world.resource::<Registry>().clone();
    let def = world.resource::<crate::sim::ScenarioDef>().0.clone();
    let seed = world.resource::<Seed>().0;
    let humans = world.resource::<Control>().humans();
    let mut out = String::new();
    let side = match humans.as_slice() {
        [i] => format!(
            "side {} ({}: its scripted decisions are off)",
            reg.states[*i], reg.state_names[*i]
        ),
        [] => "no side: every government as scripted and by the AI".to_string(),
        many => format!(
            "sides {} (their scripted decisions are off)",
            many.iter()
                .map(|&i| format!("{} ({})", reg.states[i], reg.state_names[i]))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let _ = writeln!(out, "{} [{}], seed {seed}, {side}", def.meta.title, def.meta.id);
    let _ = match clock.month {
        0 => writeln!(out, "before the first month ({}):", clock.date()),
        m => writeln!(
            out,
            "after {m} months, {} to {}:",
            clock.date_of(0),
            clock.date_of(m - 1)
        ),
    };
    let poles = reg
        .poles
        .map(|(plus, minus)| (reg.states[minus].clone(), reg.states[plus].clone()));
    let align_unit = poles
        .as_ref()
        .map(|(minus, plus)| format!("−1 {minus} … +1 {plus}"));
    let _ = write!(
        out,
        "{:<5} {:>8} {:>10} {:>8} {:>15} {:>8}",
        "state", "CPI", "jobs", "welfare", "tariff revenue", "approval"
    );
    if let Some(u) = &align_unit {
        let _ = write!(out, " {:>w$}", "alignment", w = u.chars().count().max(9));
    }
    let _ = writeln!(out, "  name");
    let _ = write!(
        out,
        "{:<5} {:>8} {:>10} {:>8} {:>15} {:>8}",
        "", "index", "thousands", "index", "bn USD/yr", "%"
    );
    if let Some(u) = &align_unit {
        let _ = write!(out, " {:>9}", u);
    }
    let _ = writeln!(out);
    let mut q = world.query::<(&Country, &Economy, &Politics)>();
    let mut rows: Vec<_> = q.iter(world).collect();
    rows.sort_by_key(|(c, _, _)| c.idx);
    for (c, e, p) in rows {
        let _ = write!(
            out,
            "{:<5} {:>8.2} {:>10.0} {:>8.2} {:>15.1} {:>7.0}%",
            c.id,
            e.cpi,
            e.employment,
            e.welfare,
            e.tariff_revenue,
            p.approval * 100.0
        );
        if let Some(u) = &align_unit {
            let _ = write!(
                out,
                " {:>w$}",
                format!("{:+.2}", p.alignment),
                w = u.chars().count().max(9)
            );
        }
        let _ = writeln!(out, "  {}", reg.state_names[c.idx]);
    }
    let mut legend = String::from(
        "CPI and welfare (real income) are indexes, base month = 100; jobs are in the scenario's \
         industries; tariff revenue is what the state collects, at an annual rate; approval is the \
         leader's.",
    );
    if let Some((minus, plus)) = &poles {
        let name = |id: &str| reg.state_name(id);
        legend += &format!(
            " Alignment runs from −1 (leans to {}) to +1 (leans to {}).",
            name(minus),
            name(plus)
        );
    }
    out += &wrap(&legend, "  ", 96);

    let mut ds: Vec<Dispute> = {
        let mut q = world.query::<&Dispute>();
        q.iter(world).cloned().collect()
    };
    ds.sort_by(|a, b| a.id.cmp(&b.id));
    let title_of = |id: &str| ds.iter().find(|d| d.id == id).map(|d| d.title.clone());
    if !ds.is_empty() {
        let _ = writeln!(
            out,
            "disputes (complainant v respondent; [id] as in the CSV files; salience and trust run from 0 to 1):"
        );
    }
    let rel = world.resource::<Relations>();
    for d in &ds {
        let status = match d.status {
            DisputeStatus::Open => format!("at the {} rung", d.rung.label()),
            DisputeStatus::Settled { month } => format!("settled in {}", clock.date_of(month)),
        };
        let (a, b) = (&reg.states[d.complainant], &reg.states[d.respondent]);
        let _ = writeln!(
            out,
            "  {} [{}], {a} v {b}: {status}; salience {:.2}; {a}'s trust in {b} {:.2}, {b}'s in {a} {:.2}",
            d.title,
            d.id,
            d.salience,
            rel.trust(d.complainant, d.respondent),
            rel.trust(d.respondent, d.complainant)
        );
    }
    // How things moved: each dispute's path on the ladder, alignment at the start and now.
    let history = world.resource::<History>();
    if clock.month > 1 {
        let mut paths = Vec::new();
        for d in &ds {
            let (Some((first, rungs)), Some((o_first, open))) =
                (history.series(&d.id, "escalation"), history.series(&d.id, "open"))
            else {
                continue;
            };
            let skip = o_first.saturating_sub(first) as usize;
            let open: Vec<f64> = std::iter::repeat_n(f64::NAN, skip).chain(open).collect();
            paths.extend(path_lines(&clock, &d.title, &runs(first, &rungs, &open)));
        }
        if !paths.is_empty() {
            let _ = writeln!(
                out,
                "escalation paths (the ladder: working level, ministerial, formal dispute settlement, leaders, public confrontation):"
            );
            for l in paths {
                let _ = writeln!(out, "{l}");
            }
        }
        let mut moved: Vec<(f64, String)> = reg
            .states
            .iter()
            .filter_map(|id| {
                let (_, v) = history.series(id, "alignment")?;
                let (a, b) = (*v.first()?, *v.last()?);
                Some(((b - a).abs(), format!("{id} {a:+.2} → {b:+.2}")))
            })
            .filter(|(d, _)| *d >= 0.005)
            .collect();
        moved.sort_by(|a, b| b.0.total_cmp(&a.0));
        if !moved.is_empty() {
            let list: Vec<String> = moved.into_iter().take(8).map(|(_, s)| s).collect();
            let scale = align_unit.as_deref().unwrap_or("−1 … +1");
            let _ = writeln!(out, "alignment moved ({scale}; start → now): {}", list.join(", "));
        }
    }
    let mut fs: Vec<Framework> = {
        let mut q = world.query::<&Framework>();
        q.iter(world).cloned().collect()
    };
    fs.sort_by(|a, b| a.id.cmp(&b.id));
    let history = world.resource::<History>();
    for f in fs {
        for a in &f.applicants {
            let yes = a.votes.iter().filter(|(_, v)| *v).count();
            let path = history
                .series(&format!("{}:{}", f.id, reg.states[a.state]), "support")
                .map(|(first, v)| count_path(&clock, first, &v))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{} application of {} ({}): {yes} of {} members in favour now; {path}",
                f.id,
                reg.state_names[a.state],
                reg.states[a.state],
                f.members.len()
            );
        }
    }
    // History beside this run, where the scenario records it.
    let start = crate::scenario::validate::parse_year_month(&def.meta.start);
    let mut missing = false;
    if !def.history.series.is_empty() {
        let _ = writeln!(out, "what really happened beside this run (history / this run):");
    }
    for se in &def.history.series {
        let run = history.series(&se.entity, &se.indicator);
        let open = history.series(&se.entity, "open");
        let at = |s: &Option<(u32, Vec<f64>)>, m: i64| {
            s.as_ref()
                .and_then(|(first, v)| {
                    usize::try_from(m - *first as i64)
                        .ok()
                        .and_then(|i| v.get(i).copied())
                })
                .filter(|x| !x.is_nan())
        };
        let value = |x: f64| match se.indicator.as_str() {
            "escalation" => Rung::from_index(x.round().clamp(0.0, 4.0) as usize)
                .label()
                .to_string(),
            "approval" => format!("{:.0}%", x * 100.0),
            _ => format!("{x:.2}"),
        };
        let cells: Vec<String> = se
            .points
            .iter()
            .map(|pt| {
                let m = match (start, crate::scenario::validate::parse_year_month(&pt.date)) {
                    (Some(a), Some(b)) => crate::scenario::validate::month_offset(a, b),
                    _ => -1,
                };
                let mine = match (at(&run, m), at(&open, m)) {
                    (Some(_), Some(o)) if se.indicator == "escalation" && o < 0.5 => "settled".to_string(),
                    (Some(x), _) => value(x),
                    (None, _) => {
                        missing = true;
                        "—".to_string()
                    }
                };
                format!("{} {} / {mine}", pt.date, value(pt.value))
            })
            .collect();
        let what = title_of(&se.entity).unwrap_or_else(|| se.entity.clone());
        let unit = match se.indicator.as_str() {
            "escalation" => "rung".to_string(),
            "approval" => "%".to_string(),
            i => crate::report::units::unit(i).to_string(),
        };
        let source = if se.source.is_empty() {
            String::new()
        } else {
            format!(" [source: {}]", se.source)
        };
        let _ = writeln!(
            out,
            "  {what}, {} ({unit}): {}{source}",
            se.indicator,
            cells.join(", ")
        );
    }
    if missing {
        let _ = writeln!(
            out,
            "  (— not recorded in this run: trade by partner, sector prices and trust are recorded \
             only for the side a player leads, --side, and the alignment poles)"
        );
    }
    for side in def.meta.sides {
        if let Some(sc) = crate::report::score::score(world, &side)
            && !sc.objectives.is_empty()
        {
            let _ = writeln!(out, "score {side}: {:.0} of 100 points", sc.total);
            let w = sc
                .objectives
                .iter()
                .map(|o| o.title.chars().count())
                .max()
                .unwrap_or(0);
            for o in &sc.objectives {
                let _ = writeln!(
                    out,
                    "  {:<w$} {:>5.1} of {:>5.1} points  {}",
                    o.title,
                    o.weight * o.met,
                    o.weight,
                    o.detail
                );
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(year: i32, month: u32) -> Clock {
        Clock {
            month: 0,
            start_year: year,
            start_month: month,
            length: 0,
        }
    }

    #[test]
    fn runs_join_months_and_settlement_ends_them() {
        let rungs = [1.0, 1.0, 0.0, 0.0, 2.0, 0.0];
        let open = [1.0, 1.0, 1.0, 1.0, 1.0, 0.0];
        let r = runs(3, &rungs, &open);
        assert_eq!(
            r,
            vec![
                (Stand::Rung(Rung::Ministerial), 3, 4),
                (Stand::Rung(Rung::WorkingLevel), 5, 6),
                (Stand::Rung(Rung::DisputeSettlement), 7, 7),
                (Stand::Settled, 8, 8),
            ]
        );
    }

    #[test]
    fn a_short_path_is_one_line_with_dates() {
        let c = clock(1980, 1);
        let r = runs(0, &[1.0, 1.0, 0.0, 0.0], &[1.0; 4]);
        assert_eq!(
            path_lines(&c, "Japanese car imports", &r),
            vec!["  Japanese car imports: ministerial 1980-01 → 1980-02, working level since 1980-03"]
        );
        let r = runs(0, &[0.0, 2.0, 0.0], &[1.0, 1.0, 0.0]);
        assert_eq!(
            path_lines(&c, "Beef", &r),
            vec!["  Beef: working level 1980-01, formal dispute settlement 1980-02, settled in 1980-03"]
        );
    }

    #[test]
    fn a_long_path_is_one_line_a_year_at_most() {
        // Ten years of a dispute going to a panel and back every seven months.
        let c = clock(2025, 1);
        let rungs: Vec<f64> = (0..120).map(|m| if m % 7 < 5 { 2.0 } else { 1.0 }).collect();
        let r = runs(0, &rungs, &[1.0; 120]);
        assert!(r.len() > 30);
        let lines = path_lines(&c, "Cars", &r);
        assert_eq!(lines.len(), 11, "{lines:#?}");
        assert!(lines[0].starts_with("  Cars (") && lines[0].ends_with("changes of rung):"));
        assert!(
            lines[1].starts_with("    2025: formal dispute settlement Jan–May, ministerial Jun–Jul,"),
            "{}",
            lines[1]
        );
        assert!(lines.iter().all(|l| l.chars().count() < 160), "{lines:#?}");
        // Years wholly at one rung share a line; after a settlement nothing more is said.
        let mut rungs = vec![0.0, 1.0, 1.0, 3.0];
        rungs.extend([4.0; 59]);
        let mut open = vec![1.0; 63];
        rungs.extend([0.0; 30]);
        open.extend([0.0; 30]);
        let lines = path_lines(&c, "Steel", &runs(0, &rungs, &open));
        assert_eq!(
            lines,
            vec![
                "  Steel (4 changes of rung):",
                "    2025: working level Jan, ministerial Feb–Mar, leaders Apr, public confrontation May–Dec",
                "    2026–2029: public confrontation",
                "    2030: public confrontation Jan–Mar, settled in Apr",
            ]
        );
    }

    #[test]
    fn counts_read_as_runs() {
        let c = clock(2025, 1);
        assert_eq!(count_path(&c, 0, &[6.0; 24]), "6 since 2025-01");
        assert_eq!(
            count_path(&c, 0, &[6.0, 6.0, 7.0, 7.0, 6.0]),
            "6 from 2025-01, 7 from 2025-03, 6 from 2025-05"
        );
        let flicker: Vec<f64> = (0..20).map(|m| (m % 2) as f64).collect();
        assert_eq!(
            count_path(&c, 0, &flicker),
            "changed 19 times between 0 and 1; 1 since 2026-08"
        );
    }

    #[test]
    fn wide_csv_has_a_column_per_series_and_blank_cells_for_gaps() {
        let mut h = History::default();
        h.record(4, "USA", "cpi", 100.5);
        h.record(4, "a,b", "open", 1.0);
        h.record(5, "USA", "cpi", 101.25);
        let c = clock(2025, 1);
        assert_eq!(
            wide_csv(&h, &c),
            "month,date,USA:cpi,\"a,b:open\"\n4,2025-05,100.5,1\n5,2025-06,101.25,\n"
        );
    }

    #[test]
    fn notes_are_comment_lines_of_keys_and_values() {
        let notes = vec![("seed", "7".to_string()), ("scenario", "A\nB, c".to_string())];
        assert_eq!(
            notes_header("x.csv", "about", &notes),
            "# file: x.csv (about)\n# seed: 7\n# scenario: A B, c\n"
        );
        assert_eq!(csv("#1 on the list"), "\"#1 on the list\"");
    }
}
