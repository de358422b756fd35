//! The class debrief as one self-contained HTML page: styles inline, charts as inline SVG
//! (plotters), no script and no network, so it opens in any browser and prints. Written in the
//! current language (`i18n::lang`): its words from assets/i18n/LANG/debrief.ftl, the
//! scenario's texts through `i18n::local`, the model's through their words.

use std::fmt::Write;

use super::charts::{self, Chart, Line};
use super::debrief::{Debrief, Run};
use crate::i18n::{Lang, Words, format::month_label, local_in, message_in};
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

/// A message of the page in `lang`.
fn t(lang: Lang, key: &str) -> String {
    message_in(lang, key, None)
}

/// A month ("2025-02") as the page shows it: as it is in English, 「2025年2月」 in Japanese.
fn month(lang: Lang, clock: &crate::sim::Clock, m: u32) -> String {
    month_label(lang, &clock.date_of(m))
}

/// A rung's part of its message keys (`debrief-rung-short-…`, `debrief-axis-…`).
fn rung_key(r: Rung) -> &'static str {
    match r {
        Rung::WorkingLevel => "working-level",
        Rung::Ministerial => "ministerial",
        Rung::DisputeSettlement => "dispute-settlement",
        Rung::Leaders => "leaders",
        Rung::Public => "public",
    }
}

/// The page's fonts: the English page's, and for Japanese, fonts with its glyphs first.
fn fonts(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif",
        Lang::Ja => {
            "'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Hiragino Kaku Gothic ProN', \
             'Yu Gothic', Meiryo, 'DejaVu Sans', sans-serif"
        }
    }
}

/// The styles, `FONTS` standing for the language's fonts.
const STYLE: &str = "
body { font-family: FONTS; margin: 24px auto;
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

/// The page's styles in `lang`: in a language other than English, the charts' text in the
/// page's fonts too (plotters names only `sans-serif`).
fn style(lang: Lang) -> String {
    let mut style = STYLE.replacen("FONTS", fonts(lang), 1);
    if lang != Lang::En {
        style.push_str(".chart svg text { font-family: inherit; }\n");
    }
    style
}

/// The page in the current language.
pub fn html(d: &Debrief) -> Result<String, String> {
    html_in(crate::i18n::lang(), d)
}

/// The page in `lang`.
pub fn html_in(lang: Lang, d: &Debrief) -> Result<String, String> {
    let p = Page { lang, d };
    let mut o = String::new();
    let meta = &d.scenario.meta;
    let title = Words::new("debrief-title")
        .plain("title", esc(&local_in(lang, &meta.title)))
        .in_lang(lang);
    let _ = write!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <title>{title}</title><style>{}</style></head><body>\n",
        lang.code(),
        style(lang)
    );
    let intro = Words::new("debrief-intro")
        .number("runs", d.runs.len() as f64)
        .plain("id", esc(&meta.id))
        .plain("months", meta.months.to_string())
        .plain("start", esc(&month_label(lang, &meta.start)))
        .plain("side", esc(&p.side(&d.side)))
        .plain("version", env!("CARGO_PKG_VERSION"))
        .in_lang(lang);
    let _ = writeln!(
        o,
        "<h1>{title}</h1><p class=\"note\">{intro}</p><p>{}</p>",
        esc(&local_in(lang, &meta.description))
    );
    legend(&mut o, &p);
    runs_table(&mut o, &p);
    parted(&mut o, &p);
    scores(&mut o, &p)?;
    ladders(&mut o, &p)?;
    series(&mut o, &p)?;
    objectives(&mut o, &p);
    o += "</body></html>\n";
    Ok(o)
}

/// The debrief and the language the page is written in.
struct Page<'a> {
    lang: Lang,
    d: &'a Debrief,
}

impl Page<'_> {
    /// A message of the page.
    fn t(&self, key: &str) -> String {
        t(self.lang, key)
    }

    /// A state (or the teacher) as the page names it: its id in English, its name otherwise.
    fn side(&self, id: &str) -> String {
        self.d.side_in(self.lang, id)
    }

    /// A month of the scenario as the page shows it.
    fn month(&self, m: u32) -> String {
        month(self.lang, &self.d.runs[0].clock, m)
    }

    /// A run's label as the page shows it (history's in words).
    fn label(&self, i: Option<usize>, r: &Run) -> String {
        match i {
            Some(_) => r.label.clone(),
            None => self.t("debrief-history-run"),
        }
    }

    /// "JPN v USA" / 「日本 対 米国」, escaped.
    fn parties(&self, key: &str, parties: &[String; 2]) -> Words {
        Words::new(key)
            .plain("a", esc(&self.side(&parties[0])))
            .plain("b", esc(&self.side(&parties[1])))
    }
}

/// Each run's colour and name, and history's marks.
fn legend(o: &mut String, p: &Page) {
    let d = p.d;
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
        let _ = write!(
            o,
            "<span class=\"item\"><span class=\"dash\"></span>{}</span> ",
            p.t("debrief-legend-history-run")
        );
    }
    if !d.scenario.history.series.is_empty() {
        let _ = write!(
            o,
            "<span class=\"item\"><span class=\"mark\"></span>{}</span>",
            p.t("debrief-legend-recorded")
        );
    }
    o.push_str("</p>\n");
}

/// A run's number with its colour (`short`), or its label.
fn run_name(p: &Page, i: Option<usize>, r: &Run, short: bool) -> String {
    match i {
        Some(i) if short => format!(
            "<span class=\"swatch\" style=\"background:{}\"></span>{}",
            charts::css(charts::colour(i)),
            i + 1
        ),
        Some(_) => esc(&r.label),
        None if short => p.t("debrief-history-short"),
        None => format!("<span class=\"dash\"></span>{}", p.t("debrief-history-run")),
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
fn runs_table(o: &mut String, p: &Page) {
    let d = p.d;
    let _ = write!(
        o,
        "<h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th>",
        p.t("debrief-runs"),
        p.t("debrief-col-number"),
        p.t("debrief-col-run"),
        p.t("debrief-col-seed"),
        p.t("debrief-col-people"),
        p.t("debrief-col-months")
    );
    for s in &d.scenario.meta.sides {
        let head = Words::new("debrief-col-score")
            .plain("side", esc(&p.side(s)))
            .in_lang(p.lang);
        let _ = write!(o, "<th>{head}</th>");
    }
    let _ = writeln!(o, "<th>{}</th></tr>", p.t("debrief-col-hash"));
    let runs = all_runs(d);
    for (i, r) in &runs {
        let months = r.clock.month.to_string();
        let _ = write!(
            o,
            "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td>",
            run_name(p, *i, r, true),
            run_name(p, *i, r, false),
            r.seed,
            if r.sides.is_empty() {
                p.t("debrief-nobody")
            } else {
                let sides: Vec<String> = r.sides.iter().map(|s| p.side(s)).collect();
                esc(&sides.join(&p.t("debrief-comma")))
            },
            if r.finished {
                months
            } else {
                Words::new("debrief-unfinished")
                    .plain("months", months)
                    .in_lang(p.lang)
            }
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
fn parted(o: &mut String, p: &Page) {
    let d = p.d;
    let _ = writeln!(o, "<h2>{}</h2>", p.t("debrief-parted"));
    if d.runs.len() < 2 {
        let _ = writeln!(o, "<p class=\"note\">{}</p>", p.t("debrief-one-run"));
        return;
    }
    let Some(m) = d.parted_at() else {
        let _ = writeln!(o, "<p>{}</p>", p.t("debrief-no-parting"));
        return;
    };
    let text = Words::new("debrief-parted-at")
        .plain("date", esc(&p.month(m)))
        .plain("side", esc(&p.side(&d.side)))
        .in_lang(p.lang);
    let _ = writeln!(o, "<p>{text}</p>");
    let _ = write!(
        o,
        "<table><tr><th>{}</th><th>{}</th>",
        p.t("debrief-col-decision"),
        p.t("debrief-col-by")
    );
    for (i, r) in d.runs.iter().enumerate() {
        let _ = write!(
            o,
            "<th title=\"{}\"><span class=\"swatch\" style=\"background:{}\"></span>{}</th>",
            esc(&r.label),
            charts::css(charts::colour(i)),
            i + 1
        );
    }
    let _ = writeln!(
        o,
        "<th>{}</th><th>{}</th></tr>",
        p.t("debrief-col-with"),
        p.t("debrief-col-without")
    );
    for part in d.partings() {
        // Worded as the first run that made it names things.
        let what = match d.runs.iter().zip(&part.months).find(|(_, m)| !m.is_empty()) {
            Some((r, _)) if p.lang != Lang::En => r.decision_in(p.lang, &part.command),
            _ => part.what.clone(),
        };
        let _ = write!(
            o,
            "<tr><td>{}</td><td>{}</td>",
            esc(&what),
            esc(&p.side(&part.by))
        );
        for months in &part.months {
            let cell: Vec<String> = months.iter().map(|m| esc(&p.month(*m))).collect();
            let _ = write!(o, "<td>{}</td>", cell.join(" "));
        }
        let f = |x: Option<f64>| x.map(|x| format!("{x:.1}")).unwrap_or_default();
        let _ = writeln!(
            o,
            "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            f(part.with),
            f(part.without)
        );
    }
    o.push_str("</table>\n");
}

/// The spread of the scores: one row of dots per side.
fn scores(o: &mut String, p: &Page) -> Result<(), String> {
    let d = p.d;
    let _ = writeln!(o, "<h2>{}</h2>", p.t("debrief-scores"));
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
            (p.side(s), dots)
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
            let text = Words::new("debrief-score-spread")
                .plain("side", esc(side))
                .plain("lowest", format!("{lo:.1}"))
                .plain("median", format!("{median:.1}"))
                .plain("highest", format!("{hi:.1}"))
                .in_lang(p.lang);
            let _ = writeln!(o, "<p>{text}</p>");
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
fn series(o: &mut String, p: &Page) -> Result<(), String> {
    let d = p.d;
    let _ = writeln!(o, "<h2>{}</h2>", p.t("debrief-series"));
    let months = d.scenario.meta.months.max(1) as f64;
    let start = crate::scenario::validate::parse_year_month(&d.scenario.meta.start);
    for (heading, unit, key) in d.key_series(p.lang) {
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
        let x_label = |x: &f64| p.month(x.round().max(0.0) as u32);
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
fn objectives(o: &mut String, p: &Page) {
    let d = p.d;
    let _ = writeln!(
        o,
        "<h2>{}</h2><p class=\"note\">{}</p>",
        p.t("debrief-objectives"),
        p.t("debrief-objectives-note")
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
            "<h3>{}</h3><table><tr><th>{}</th><th>{}</th>",
            esc(&p.side(side)),
            p.t("debrief-col-objective"),
            p.t("debrief-col-weight")
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
                None => p.t("debrief-history-short"),
            };
            let _ = write!(o, "<th title=\"{}\">{head}</th>", esc(&p.label(*i, r)));
        }
        o.push_str("</tr>\n");
        for (id, title, weight) in &titles {
            let _ = write!(
                o,
                "<tr><td>{}</td><td class=\"num\">{:.0}</td>",
                esc(&local_in(p.lang, title)),
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
                            esc(&detail(p.lang, x)),
                            points(x.weight * x.met)
                        );
                    }
                    None => o.push_str("<td></td>"),
                }
            }
            o.push_str("</tr>\n");
        }
        let _ = write!(o, "<tr><th>{}</th><th></th>", p.t("debrief-total"));
        for (_, r) in &runs {
            let total = r.score(side).map(|x| format!("{x:.1}")).unwrap_or_default();
            let _ = write!(o, "<th class=\"num\">{total}</th>");
        }
        o.push_str("</tr></table>\n");
    }
}

/// An objective's detail in `lang` (in English as the score wrote it).
fn detail(lang: Lang, x: &crate::sim::objectives::ObjectiveScore) -> String {
    match lang {
        Lang::En => x.detail.clone(),
        _ => x.detail_in(lang),
    }
}
