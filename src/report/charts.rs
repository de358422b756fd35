//! Charts for reports as SVG text, drawn with plotters' SVG backend (no fonts, files or
//! network: the browser sets the text). The captions and legends are the page's, in HTML; a
//! chart holds its axes, its lines and its points.

use plotters::prelude::*;

/// A run's colour: twelve that stay apart on screen and on paper (Tableau 10 and two more).
pub const PALETTE: [(u8, u8, u8); 12] = [
    (31, 119, 180),
    (255, 127, 14),
    (44, 160, 44),
    (214, 39, 40),
    (148, 103, 189),
    (140, 86, 75),
    (227, 119, 194),
    (127, 127, 127),
    (188, 189, 34),
    (23, 190, 207),
    (0, 0, 128),
    (128, 64, 0),
];

/// The colour of the `i`th run (the palette repeats after twelve).
pub fn colour(i: usize) -> (u8, u8, u8) {
    PALETTE[i % PALETTE.len()]
}

/// The colour as CSS, for the page's legends.
pub fn css(c: (u8, u8, u8)) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// One line of a chart: y by x; NaN breaks the line.
pub struct Line {
    pub colour: (u8, u8, u8),
    pub dashed: bool,
    pub points: Vec<(f64, f64)>,
}

/// A chart: lines, and marked points (what history recorded) drawn over them.
pub struct Chart<'a> {
    pub lines: Vec<Line>,
    pub marks: Vec<(f64, f64)>,
    /// The x axis's range and the label of a tick.
    pub x: (f64, f64),
    pub x_label: &'a dyn Fn(&f64) -> String,
    /// The y axis's range (None: from the data, with a margin) and the label of a tick.
    pub y: Option<(f64, f64)>,
    pub y_label: &'a dyn Fn(&f64) -> String,
    /// Ticks on the y axis (5 for a ladder's rungs).
    pub y_ticks: usize,
    pub size: (u32, u32),
}

impl Chart<'_> {
    /// The y range the data spans, with 5% to spare (a flat series gets ± 1% of its level).
    fn y_range(&self) -> (f64, f64) {
        if let Some(r) = self.y {
            return r;
        }
        let ys = self
            .lines
            .iter()
            .flat_map(|l| l.points.iter().map(|p| p.1))
            .chain(self.marks.iter().map(|p| p.1))
            .filter(|y| y.is_finite());
        let (lo, hi) = ys.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), y| {
            (lo.min(y), hi.max(y))
        });
        if !lo.is_finite() {
            return (0.0, 1.0);
        }
        let pad = if hi > lo {
            (hi - lo) * 0.05
        } else {
            (lo.abs() * 0.01).max(1e-6)
        };
        (lo - pad, hi + pad)
    }

    /// The chart as an `<svg>` element.
    pub fn svg(&self) -> Result<String, String> {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, self.size).into_drawing_area();
            let e = |e: DrawingAreaErrorKind<std::io::Error>| format!("chart: {e}");
            root.fill(&WHITE).map_err(e)?;
            let (y0, y1) = self.y_range();
            let mut chart = ChartBuilder::on(&root)
                .margin(8)
                .margin_right(36)
                .x_label_area_size(28)
                .y_label_area_size(72)
                .build_cartesian_2d(self.x.0..self.x.1.max(self.x.0 + 1.0), y0..y1)
                .map_err(e)?;
            chart
                .configure_mesh()
                .max_light_lines(0)
                .bold_line_style(RGBColor(225, 225, 225))
                .x_labels(8)
                .y_labels(self.y_ticks)
                .x_label_formatter(self.x_label)
                .y_label_formatter(self.y_label)
                .label_style(("sans-serif", 12))
                .draw()
                .map_err(e)?;
            for l in &self.lines {
                let (r, g, b) = l.colour;
                let style = ShapeStyle::from(RGBColor(r, g, b)).stroke_width(2);
                for part in l.points.split(|p| !p.1.is_finite()).filter(|p| !p.is_empty()) {
                    if part.len() == 1 {
                        chart
                            .draw_series(std::iter::once(Circle::new(part[0], 2, style.filled())))
                            .map_err(e)?;
                    } else if l.dashed {
                        chart
                            .draw_series(DashedLineSeries::new(part.iter().copied(), 6, 4, style))
                            .map_err(e)?;
                    } else {
                        chart
                            .draw_series(LineSeries::new(part.iter().copied(), style))
                            .map_err(e)?;
                    }
                }
            }
            chart
                .draw_series(self.marks.iter().map(|&p| {
                    EmptyElement::at(p)
                        + Rectangle::new([(-5, -5), (5, 5)], ShapeStyle::from(BLACK).stroke_width(2))
                }))
                .map_err(e)?;
            root.present().map_err(e)?;
        }
        Ok(out)
    }
}

/// A row of a strip: its name, and each dot's value and colour.
pub type StripRow = (String, Vec<(f64, (u8, u8, u8))>);

/// A strip of dots: one row per group (a side's scores), one dot per run in its colour, on a
/// 0 … 100 axis.
pub fn strip(rows: &[StripRow], size: (u32, u32)) -> Result<String, String> {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        let e = |e: DrawingAreaErrorKind<std::io::Error>| format!("chart: {e}");
        root.fill(&WHITE).map_err(e)?;
        let n = rows.len().max(1) as f64;
        let label = |y: &f64| {
            let i = (n - 0.5 - y).round();
            if (i - (n - 0.5 - y)).abs() < 0.01 && i >= 0.0 {
                rows.get(i as usize).map(|r| r.0.clone()).unwrap_or_default()
            } else {
                String::new()
            }
        };
        let mut chart = ChartBuilder::on(&root)
            .margin(8)
            .x_label_area_size(28)
            .y_label_area_size(56)
            .build_cartesian_2d(0.0..100.0, 0.0..n)
            .map_err(e)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .max_light_lines(0)
            .bold_line_style(RGBColor(225, 225, 225))
            .y_labels(2 * rows.len() + 1)
            .y_label_formatter(&label)
            .x_label_formatter(&|x| format!("{x:.0}"))
            .label_style(("sans-serif", 12))
            .draw()
            .map_err(e)?;
        for (r, (_, dots)) in rows.iter().enumerate() {
            let y = n - 0.5 - r as f64;
            // Equal scores side by side, not on top of each other.
            let mut seen: Vec<f64> = Vec::new();
            for &(x, (cr, cg, cb)) in dots {
                let k = seen.iter().filter(|s| (**s - x).abs() < 0.75).count();
                seen.push(x);
                let dy = (k as f64 * 0.12).min(0.4) * if k % 2 == 0 { 1.0 } else { -1.0 };
                chart
                    .draw_series(std::iter::once(Circle::new(
                        (x, y + dy),
                        6,
                        RGBColor(cr, cg, cb).filled(),
                    )))
                    .map_err(e)?;
            }
        }
        root.present().map_err(e)?;
    }
    Ok(out)
}
