//! The summary `sim` prints: the states, the disputes and their paths on the ladder,
//! alignment, framework support, history beside the run, the scores. Worded in the program's
//! language (`--lang`; `assets/i18n/*/cli.ftl`): English unless `--lang ja`.
//!
//! Long file: one printed page whose sections share the table's widths, the ladder's wording and
//! the two languages' line breaking; split, each section would carry a copy of them.

use super::*;
use crate::i18n::{Lang, local_in};

/// `crate::i18n::message_in` with placeholders named as in `tr!`: the summary words every
/// message in the one language it was asked for.
macro_rules! say {
    ($lang:expr, $key:expr) => {
        crate::i18n::message_in($lang, $key, None)
    };
    ($lang:expr, $key:expr, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = crate::i18n::Args::new();
        $(args.set(stringify!($name), $value);)+
        crate::i18n::message_in($lang, $key, Some(&args))
    }};
}

/// (year, month 0–11) of scenario month `m`.
pub(super) fn year_month(clock: &Clock, m: u32) -> (i64, usize) {
    let total = clock.start_year as i64 * 12 + (clock.start_month as i64 - 1) + m as i64;
    (total.div_euclid(12), total.rem_euclid(12) as usize)
}

/// A month ("2019-10") in a sentence: in English as the CSV files write it, in another
/// language worded ("2019年10月").
fn when(lang: Lang, date: String) -> String {
    match lang {
        Lang::En => date,
        _ => crate::i18n::format::month_year(lang, &date),
    }
}

/// A calendar month 0–11 on its own: "Jan", "1月".
fn month_name(lang: Lang, m: usize) -> String {
    say!(lang, "cli-month", m = m + 1)
}

/// How many columns of a terminal `c` takes: two for the wide (East Asian) characters.
fn char_width(c: char) -> usize {
    match c as u32 {
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 => 2,
        _ => 1,
    }
}

/// How many columns of a terminal `s` takes (`char_width`).
fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// `s` right-aligned in `w` columns (`{:>w$}` counting wide characters twice).
fn right(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

/// `s` left-aligned in `w` columns (`{:<w$}` counting wide characters twice).
fn left(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

/// Where a dispute stands in a month: on a rung, or settled.
#[derive(Clone, Copy, PartialEq, Debug)]
pub(super) enum Stand {
    Rung(Rung),
    Settled,
}

impl Stand {
    fn name(self, lang: Lang) -> String {
        match self {
            Stand::Rung(r) => r.label_in(lang),
            Stand::Settled => say!(lang, "cli-settled"),
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
pub(super) fn path_lines(clock: &Clock, lang: Lang, title: &str, runs: &[Run]) -> Vec<String> {
    let date = |m: u32| when(lang, clock.date_of(m));
    let comma = say!(lang, "cli-comma");
    if runs.len() <= 4 {
        let last = runs.len().saturating_sub(1);
        let parts: Vec<String> = runs
            .iter()
            .enumerate()
            .map(|(i, &(s, a, b))| match (s, i == last) {
                (Stand::Settled, true) => say!(lang, "cli-settled-in", date = date(a)),
                (_, true) => say!(lang, "cli-path-since", stand = s.name(lang), date = date(a)),
                _ if a == b => say!(lang, "cli-path-month", stand = s.name(lang), date = date(a)),
                _ => say!(
                    lang,
                    "cli-path-span",
                    stand = s.name(lang),
                    from = date(a),
                    to = date(b)
                ),
            })
            .collect();
        return vec![format!(
            "  {}",
            say!(lang, "cli-path", title = title, path = parts.join(&comma))
        )];
    }
    let mut lines = vec![format!(
        "  {}",
        say!(lang, "cli-path-changes", title = title, n = runs.len() - 1)
    )];
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
                lines.push(format!(
                    "    {}",
                    say!(
                        lang,
                        "cli-path-years",
                        from = y.to_string(),
                        to = years[j].0.to_string(),
                        stand = s.name(lang)
                    )
                ));
                i = j + 1;
                continue;
            }
        }
        let items: Vec<String> = pieces
            .iter()
            .map(|&(s, a, b, last)| match (last, a == b, a == 0 && b == 11) {
                (true, _, _) => say!(lang, "cli-settled-in", date = month_name(lang, a)),
                (_, _, true) => say!(lang, "cli-year-all", stand = s.name(lang)),
                (_, true, _) => say!(
                    lang,
                    "cli-year-month",
                    stand = s.name(lang),
                    month = month_name(lang, a)
                ),
                _ => say!(
                    lang,
                    "cli-year-span",
                    stand = s.name(lang),
                    from = month_name(lang, a),
                    to = month_name(lang, b)
                ),
            })
            .collect();
        lines.push(format!(
            "    {}",
            say!(
                lang,
                "cli-path-year",
                year = y.to_string(),
                items = items.join(&comma)
            )
        ));
        i += 1;
    }
    lines
}

/// Runs of a whole-number series (framework support) in words: "6 from 2025-01, 7 from 2026-03".
pub(super) fn count_path(clock: &Clock, lang: Lang, first: u32, values: &[f64]) -> String {
    let mut runs: Vec<(f64, u32)> = Vec::new();
    for (i, v) in values.iter().enumerate().filter(|(_, v)| !v.is_nan()) {
        if runs.last().is_none_or(|(x, _)| x != v) {
            runs.push((*v, first + i as u32));
        }
    }
    let date = |m: u32| when(lang, clock.date_of(m));
    match runs.as_slice() {
        [] => String::new(),
        [(v, m)] => say!(
            lang,
            "cli-count-since",
            value = format!("{v:.0}"),
            date = date(*m)
        ),
        _ if runs.len() > 6 => {
            let (lo, hi) = runs
                .iter()
                .fold((f64::MAX, f64::MIN), |(lo, hi), (v, _)| (lo.min(*v), hi.max(*v)));
            let (v, m) = runs[runs.len() - 1];
            say!(
                lang,
                "cli-count-changed",
                n = runs.len() - 1,
                low = format!("{lo:.0}"),
                high = format!("{hi:.0}"),
                value = format!("{v:.0}"),
                date = date(m)
            )
        }
        _ => runs
            .iter()
            .map(|(v, m)| say!(lang, "cli-count-from", value = format!("{v:.0}"), date = date(*m)))
            .collect::<Vec<_>>()
            .join(&say!(lang, "cli-comma")),
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

/// `wrap` for a language written without spaces (Japanese): lines of at most `columns` columns
/// of a terminal, broken after a comma or full stop in the line's second half when there is
/// one, else beside a wide character; never before a closing mark nor after an opening one, nor
/// inside a word of Latin letters or digits.
fn wrap_wide(text: &str, indent: &str, columns: usize) -> String {
    const NO_START: &str = "、。，．）」』］：；！？ー…・%";
    const NO_END: &str = "（「『［";
    const PAUSE: &str = "、。";
    let mut out = String::new();
    let mut line = String::from(indent);
    let mut prev: Option<char> = None;
    for c in text.chars() {
        let may_break = prev.is_some_and(|p| {
            (char_width(c) == 2 || char_width(p) == 2 || p == ' ')
                && !NO_START.contains(c)
                && !NO_END.contains(p)
        });
        if may_break && width(&line) + char_width(c) > columns && line.trim() != "" {
            // The words after the line's last pause go on to the next line, if they are few.
            let cut = line
                .char_indices()
                .filter(|&(i, p)| i >= indent.len() && PAUSE.contains(p))
                .map(|(i, p)| i + p.len_utf8())
                .next_back()
                .filter(|&i| i < line.len() && width(&line[i..]) <= columns / 2)
                .unwrap_or(line.len());
            let rest = line.split_off(cut);
            out += line.trim_end();
            out.push('\n');
            line = format!("{indent}{}", rest.trim_start());
        }
        if !(c == ' ' && line == indent) {
            line.push(c);
        }
        prev = Some(c);
    }
    if line.trim() != "" {
        out += line.trim_end();
        out.push('\n');
    }
    out
}

/// A short text summary of the world: the states with the units of every column, the
/// disputes by title and their paths up and down the ladder, framework votes, the recorded
/// history beside the run, and each side's score. In the program's language (`--lang`).
pub fn summary(sim: &mut Simulation) -> String {
    use std::fmt::Write;
    let lang = crate::i18n::lang();
    let local = |text: &str| local_in(lang, text);
    let comma = say!(lang, "cli-comma");
    let world = sim.world_mut();
    let clock = world.resource::<Clock>().clone();
    let reg = world.resource::<Registry>().clone();
    let def = world.resource::<crate::sim::ScenarioDef>().0.clone();
    let seed = world.resource::<Seed>().0;
    let humans = world.resource::<Control>().humans();
    let mut out = String::new();
    let side = match humans.as_slice() {
        [i] => say!(
            lang,
            "cli-side",
            side = reg.states[*i].as_str(),
            name = local(&reg.state_names[*i])
        ),
        [] => say!(lang, "cli-no-side"),
        many => say!(
            lang,
            "cli-sides",
            sides = many
                .iter()
                .map(|&i| say!(
                    lang,
                    "cli-side-named",
                    side = reg.states[i].as_str(),
                    name = local(&reg.state_names[i])
                ))
                .collect::<Vec<_>>()
                .join(&comma)
        ),
    };
    let _ = writeln!(
        out,
        "{}",
        say!(
            lang,
            "cli-title",
            title = local(&def.meta.title),
            id = def.meta.id.as_str(),
            seed = seed.to_string(),
            side = side
        )
    );
    let _ = match clock.month {
        0 => writeln!(
            out,
            "{}",
            say!(lang, "cli-before", date = when(lang, clock.date()))
        ),
        m => writeln!(
            out,
            "{}",
            say!(
                lang,
                "cli-after",
                n = m,
                from = when(lang, clock.date_of(0)),
                to = when(lang, clock.date_of(m - 1))
            )
        ),
    };
    let poles = reg
        .poles
        .map(|(plus, minus)| (reg.states[minus].clone(), reg.states[plus].clone()));
    let align_unit = poles
        .as_ref()
        .map(|(minus, plus)| format!("−1 {minus} … +1 {plus}"));
    let align_w = align_unit.as_deref().map(|u| width(u).max(9));
    // The table: numbers first, the state's name last (names may be of wide characters).
    let _ = write!(
        out,
        "{} {} {} {} {} {}",
        left(&say!(lang, "cli-col-state"), 5),
        right(&say!(lang, "cli-col-cpi"), 8),
        right(&say!(lang, "cli-col-jobs"), 10),
        right(&say!(lang, "cli-col-welfare"), 8),
        right(&say!(lang, "cli-col-revenue"), 15),
        right(&say!(lang, "cli-col-approval"), 8),
    );
    if let Some(w) = align_w {
        let _ = write!(out, " {}", right(&say!(lang, "cli-col-alignment"), w));
    }
    let _ = writeln!(out, "  {}", say!(lang, "cli-col-name"));
    let _ = write!(
        out,
        "{} {} {} {} {} {}",
        left("", 5),
        right(&say!(lang, "cli-unit-index"), 8),
        right(&say!(lang, "cli-unit-thousands"), 10),
        right(&say!(lang, "cli-unit-index"), 8),
        right(&say!(lang, "cli-unit-bn-usd-yr"), 15),
        right("%", 8),
    );
    if let Some(u) = &align_unit {
        let _ = write!(out, " {}", right(u, 9));
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
        if let Some(w) = align_w {
            let _ = write!(out, " {}", right(&format!("{:+.2}", p.alignment), w));
        }
        let _ = writeln!(out, "  {}", local(&reg.state_names[c.idx]));
    }
    let legend = match &poles {
        Some((minus, plus)) => say!(
            lang,
            "cli-legend-poles",
            minus = local(&reg.state_name(minus)),
            plus = local(&reg.state_name(plus))
        ),
        None => say!(lang, "cli-legend"),
    };
    out += &match lang {
        Lang::En => wrap(&legend, "  ", 96),
        _ => wrap_wide(&legend, "  ", 96),
    };

    let mut ds: Vec<Dispute> = {
        let mut q = world.query::<&Dispute>();
        q.iter(world).cloned().collect()
    };
    ds.sort_by(|a, b| a.id.cmp(&b.id));
    let title_of = |id: &str| ds.iter().find(|d| d.id == id).map(|d| local(&d.title));
    if !ds.is_empty() {
        let _ = writeln!(out, "{}", say!(lang, "cli-disputes"));
    }
    let rel = world.resource::<Relations>();
    for d in &ds {
        let status = match d.status {
            DisputeStatus::Open => say!(lang, "cli-dispute-open", rung = d.rung.label_in(lang)),
            DisputeStatus::Settled { month } => {
                say!(lang, "cli-settled-in", date = when(lang, clock.date_of(month)))
            }
        };
        let (a, b) = (&reg.states[d.complainant], &reg.states[d.respondent]);
        let _ = writeln!(
            out,
            "  {}",
            say!(
                lang,
                "cli-dispute",
                title = local(&d.title),
                id = d.id.as_str(),
                a = a.as_str(),
                b = b.as_str(),
                status = status,
                salience = format!("{:.2}", d.salience),
                trust_ab = format!("{:.2}", rel.trust(d.complainant, d.respondent)),
                trust_ba = format!("{:.2}", rel.trust(d.respondent, d.complainant))
            )
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
            paths.extend(path_lines(
                &clock,
                lang,
                &local(&d.title),
                &runs(first, &rungs, &open),
            ));
        }
        if !paths.is_empty() {
            let ladder = Rung::ALL
                .iter()
                .map(|r| r.label_in(lang))
                .collect::<Vec<_>>()
                .join(&comma);
            let _ = writeln!(out, "{}", say!(lang, "cli-paths", ladder = ladder));
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
            let _ = writeln!(
                out,
                "{}",
                say!(lang, "cli-moved", scale = scale, list = list.join(&comma))
            );
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
                .map(|(first, v)| count_path(&clock, lang, first, &v))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{}",
                say!(
                    lang,
                    "cli-application",
                    framework = f.id.as_str(),
                    name = local(&reg.state_names[a.state]),
                    state = reg.states[a.state].as_str(),
                    yes = yes,
                    members = f.members.len(),
                    path = path
                )
            );
        }
    }
    // History beside this run, where the scenario records it.
    let start = crate::scenario::validate::parse_year_month(&def.meta.start);
    let mut missing = false;
    if !def.history.series.is_empty() {
        let _ = writeln!(out, "{}", say!(lang, "cli-history"));
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
            "escalation" => Rung::from_index(x.round().clamp(0.0, 4.0) as usize).label_in(lang),
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
                    (Some(_), Some(o)) if se.indicator == "escalation" && o < 0.5 => {
                        say!(lang, "cli-settled")
                    }
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
        // The indicator as history.csv names it, and its unit (`units`): the message chooses
        // by the kind of indicator (`exports` of `exports:USA:autos`) where it words them anew.
        let kind = se.indicator.split(':').next().unwrap_or_default();
        let unit = match kind {
            "escalation" => say!(lang, "cli-unit-rung"),
            "approval" => "%".to_string(),
            _ => crate::report::units::unit(&se.indicator).to_string(),
        };
        let indicator = say!(lang, "cli-indicator", kind = kind, id = se.indicator.as_str());
        let unit = say!(lang, "cli-unit", kind = kind, unit = unit);
        let cells = cells.join(&comma);
        let line = if se.source.is_empty() {
            say!(
                lang,
                "cli-history-row",
                what = what,
                indicator = indicator,
                unit = unit,
                cells = cells
            )
        } else {
            say!(
                lang,
                "cli-history-row-source",
                what = what,
                indicator = indicator,
                unit = unit,
                cells = cells,
                source = se.source.as_str()
            )
        };
        let _ = writeln!(out, "  {line}");
    }
    if missing {
        let _ = writeln!(out, "  {}", say!(lang, "cli-not-recorded"));
    }
    for side in def.meta.sides {
        if let Some(sc) = crate::report::score::score(world, &side)
            && !sc.objectives.is_empty()
        {
            let _ = writeln!(
                out,
                "{}",
                say!(
                    lang,
                    "cli-score",
                    side = side.as_str(),
                    total = format!("{:.0}", sc.total)
                )
            );
            let titles: Vec<String> = sc.objectives.iter().map(|o| local(&o.title)).collect();
            let w = titles.iter().map(|t| width(t)).max().unwrap_or(0);
            for (o, title) in sc.objectives.iter().zip(&titles) {
                let _ = writeln!(
                    out,
                    "  {}",
                    say!(
                        lang,
                        "cli-objective",
                        title = left(title, w),
                        got = format!("{:>5.1}", o.weight * o.met),
                        weight = format!("{:>5.1}", o.weight),
                        detail = o.detail_in(lang)
                    )
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
            path_lines(&c, Lang::En, "Japanese car imports", &r),
            vec!["  Japanese car imports: ministerial 1980-01 → 1980-02, working level since 1980-03"]
        );
        let r = runs(0, &[0.0, 2.0, 0.0], &[1.0, 1.0, 0.0]);
        assert_eq!(
            path_lines(&c, Lang::En, "Beef", &r),
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
        let lines = path_lines(&c, Lang::En, "Cars", &r);
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
        let lines = path_lines(&c, Lang::En, "Steel", &runs(0, &rungs, &open));
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
    fn paths_and_counts_in_japanese_read_as_sentences() {
        let c = clock(2019, 8);
        let r = runs(0, &[1.0, 1.0, 0.0], &[1.0, 1.0, 0.0]);
        assert_eq!(
            path_lines(&c, Lang::Ja, "自動車", &r),
            vec!["  自動車：閣僚級（2019年8月～2019年9月）、2019年10月に解決"]
        );
        assert_eq!(count_path(&c, Lang::Ja, 0, &[6.0; 3]), "2019年8月から6");
        // Lines break after a pause in their second half, and keep within the width.
        let text = "物価指数と実質所得は指数。雇用はシナリオの産業の雇用、関税収入は年率。";
        let wrapped = wrap_wide(text, "  ", 40);
        assert_eq!(
            wrapped,
            "  物価指数と実質所得は指数。\n  雇用はシナリオの産業の雇用、\n  関税収入は年率。\n"
        );
        assert!(wrapped.lines().all(|l| width(l) <= 40), "{wrapped}");
    }

    #[test]
    fn counts_read_as_runs() {
        let c = clock(2025, 1);
        assert_eq!(count_path(&c, Lang::En, 0, &[6.0; 24]), "6 since 2025-01");
        assert_eq!(
            count_path(&c, Lang::En, 0, &[6.0, 6.0, 7.0, 7.0, 6.0]),
            "6 from 2025-01, 7 from 2025-03, 6 from 2025-05"
        );
        let flicker: Vec<f64> = (0..20).map(|m| (m % 2) as f64).collect();
        assert_eq!(
            count_path(&c, Lang::En, 0, &flicker),
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
