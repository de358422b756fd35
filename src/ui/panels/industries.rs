//! The Industries & trade tab: sectors, partners, charts, measures, plants, trade policy.

use bevy_egui::egui;

use super::*;
use crate::tr;

/// The tab strip at the top of the left panel.
pub fn tabs(ui: &mut egui::Ui, bar: &mut Sidebar) {
    ui.horizontal(|ui| {
        for (tab, label) in [
            (Tab::Government, tr!("industries-tab-government")),
            (Tab::Industries, tr!("industries-tab-industries")),
            (Tab::Relations, tr!("industries-tab-relations")),
        ] {
            if ui.selectable_label(bar.tab == tab, label).clicked() {
                bar.tab = tab;
            }
        }
    });
    ui.separator();
}
/// A small line chart of a series by month, dated on its x axis. The y range spans at least
/// `min_half` either side of the latest value (and 5% of it), so that noise does not fill the
/// box and the axis keeps readable labels.
pub(super) fn chart(ui: &mut egui::Ui, v: &View, id: &str, label: &str, values: &[f64], min_half: f64) {
    let last = values.last().copied().unwrap_or(0.0);
    let half = (last.abs() * 0.05).max(min_half);
    let dated = |m: f64| {
        // Whole months only; the series' first value is the scenario's first month.
        (m >= 0.0 && m.fract().abs() < 1e-6).then(|| v.date_label(&v.date_of(m as u32)))
    };
    fixed_plot(id.to_string())
        .height(90.0)
        .include_y(last - half)
        .include_y(last + half)
        .include_x(0.0)
        .include_x((values.len() as f64 - 1.0).max(5.0))
        .show_x(true)
        .show_y(true)
        .y_axis_min_width(30.0)
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [12.0, 3.0, 1.0]))
        .x_axis_formatter(move |mark, _| dated(mark.value).unwrap_or_default())
        .label_formatter(move |h| match h {
            egui_plot::HoverPosition::NearDataPoint { position, .. } => Some(format!(
                "{}: {:.2}",
                dated(position.x.round()).unwrap_or_default(),
                position.y
            )),
            _ => None,
        })
        .show(ui, |p| {
            p.line(egui_plot::Line::new(
                label.to_string(),
                egui_plot::PlotPoints::from_ys_f64(values),
            ))
        });
}
/// Industries and trade: the player's sectors, a chart of one, the measures in force, plants
/// across borders, and the orders of trade policy (tariffs, quotas, export controls).
pub fn industries(ui: &mut egui::Ui, v: &View, bar: &mut Sidebar) -> Vec<Action> {
    let mut out = Vec::new();
    egui::ScrollArea::vertical()
        .id_salt("industries_scroll")
        .show(ui, |ui| {
            ui.heading(tr!("industries-heading", side = v.side_label(&v.player)));
            let charted = bar
                .sector
                .clone()
                .or_else(|| v.sector_rows.first().map(|r| r.id.clone()));
            egui::Grid::new("sectors_grid").striped(true).show(ui, |ui| {
                for h in [
                    "industries-col-sector",
                    "industries-col-exports",
                    "industries-col-imports",
                    "industries-col-price",
                    "industries-col-jobs",
                ] {
                    let h = tr!(h);
                    ui.strong(h);
                }
                ui.end_row();
                for r in &v.sector_rows {
                    if ui
                        .selectable_label(charted.as_deref() == Some(r.id.as_str()), short(&r.name, 18))
                        .on_hover_text(tr!("industries-show-chart-tip", name = &r.name))
                        .clicked()
                    {
                        bar.sector = Some(r.id.clone());
                    }
                    ui.label(format!("{:.0}", r.exports))
                        .on_hover_text(tr!("industries-exports-tip"));
                    ui.label(format!("{:.0}", r.imports));
                    ui.label(format!("{:.3}", r.price)).on_hover_text(why(
                        v,
                        &v.player,
                        &format!("price:{}", r.id),
                    ));
                    let jobs = format!("{:.0}", r.jobs);
                    let jobs = if r.jobs0 > 0.0 {
                        let change = format!("{:+.1}", (r.jobs / r.jobs0 - 1.0) * 100.0);
                        tr!("industries-jobs-change", jobs = jobs, change = change)
                    } else {
                        jobs
                    };
                    ui.label(jobs)
                        .on_hover_text(why(v, &v.player, &format!("employment:{}", r.id)));
                    ui.end_row();
                }
            });
            bottlenecks(ui, v);
            if let Some(c) = &v.sector_chart {
                let name = v
                    .sectors
                    .iter()
                    .find(|(id, _)| *id == c.sector)
                    .map_or(c.sector.as_str(), |(_, n)| n.as_str());
                ui.strong(tr!("industries-partners-heading", name = name));
                if c.partners.is_empty() {
                    ui.weak(tr!("industries-no-partners"));
                }
                egui::Grid::new("partners_grid").striped(true).show(ui, |ui| {
                    for h in [
                        "industries-col-partner",
                        "industries-col-you-sell",
                        "industries-col-you-buy",
                    ] {
                        let h = tr!(h);
                        ui.strong(h);
                    }
                    ui.end_row();
                    for (who, x, m) in c.partners.iter().take(8) {
                        ui.label(v.name(who));
                        ui.label(format!("{x:.1}"));
                        ui.label(format!("{m:.1}"))
                            .on_hover_text(tr!("industries-you-buy-tip"));
                        ui.end_row();
                    }
                });
                ui.strong(tr!("industries-over-months", name = name));
                if c.exports.is_empty() {
                    ui.weak(if v.class.is_some() {
                        tr!("industries-charts-start-class")
                    } else {
                        tr!("industries-charts-start")
                    });
                } else {
                    ui.label(tr!("industries-chart-exports"));
                    chart(ui, v, "chart_exports", "exports", &c.exports, 1.0);
                    ui.label(tr!("industries-chart-price"));
                    chart(ui, v, "chart_price", "price", &c.price, 0.02);
                    ui.label(tr!("industries-chart-jobs"));
                    chart(ui, v, "chart_jobs", "jobs", &c.jobs, 1.0);
                }
            }
            ui.separator();
            ui.strong(tr!("industries-measures"));
            if v.measures.is_empty() {
                ui.weak(tr!("industries-measures-none"));
            }
            // A state by its name in Japanese; a measure on every partner says so.
            let state = |id: &str| match (id, crate::i18n::lang()) {
                ("all", crate::i18n::Lang::Ja) => tr!("order-every-partner"),
                _ => v.side_label(id),
            };
            for m in &v.measures {
                let who = if m.mine {
                    tr!("industries-measure-mine", target = state(&m.target))
                } else {
                    tr!("industries-measure-theirs", by = state(&m.by))
                };
                ui.label(if m.legal_basis.is_empty() {
                    tr!(
                        "industries-measure",
                        who = who,
                        what = &m.what,
                        sector = &m.sector,
                        since = &m.since
                    )
                } else {
                    tr!(
                        "industries-measure-basis",
                        who = who,
                        what = &m.what,
                        sector = &m.sector,
                        basis = &m.legal_basis,
                        since = &m.since
                    )
                });
            }
            if !v.plants.is_empty() {
                ui.separator();
                ui.strong(tr!("industries-plants"));
                for p in &v.plants {
                    ui.label(tr!(
                        "industries-plant",
                        name = &p.name,
                        owner = v.side_label(&p.owner),
                        host = v.side_label(&p.host),
                        sector = &p.sector,
                        output = format!("{:.0}", p.output * 100.0),
                        jobs = format!("{:.0}", p.jobs)
                    ));
                }
            }
            ui.separator();
            out.extend(trade_policy(ui, v, &mut bar.policy));
        });
    out
}
/// How strategic inputs cap output, in two sentences with the scenario's numbers.
pub(super) fn bottleneck_why(v: &View) -> String {
    let p = &v.params;
    tr!(
        "industries-bottleneck-why",
        stock = format!("{:.0}", p.strategic_stock_months),
        substitution = format!("{:.0}", p.strategic_substitution * 100.0),
        floor = format!("{:.0}", (1.0 - p.strategic_substitution_max) * 100.0),
        slack = format!("{:.0}", p.strategic_slack * 100.0)
    )
}

/// The player's strategic inputs (supply, stock, need) and the output caps they set.
fn bottlenecks(ui: &mut egui::Ui, v: &View) {
    if v.inputs.is_empty() {
        return;
    }
    let explain = bottleneck_why(v);
    ui.strong(tr!("industries-inputs")).on_hover_text(&explain);
    egui::Grid::new("inputs_grid").striped(true).show(ui, |ui| {
        for (h, tip) in [
            ("industries-col-input", "industries-col-input-tip"),
            ("industries-col-supply", "industries-col-supply-tip"),
            ("industries-col-stock", "industries-col-stock-tip"),
            ("industries-col-need", "industries-col-need-tip"),
        ] {
            ui.strong(tr!(h)).on_hover_text(tr!(tip));
        }
        ui.end_row();
        for i in &v.inputs {
            ui.label(short(&i.name, 22))
                .on_hover_text(format!("{}\n\n{explain}", i.name));
            let supply = ui.label(format!("{:.0}%", i.available * 100.0));
            if i.available < i.need {
                supply.on_hover_text(tr!("industries-supply-short-tip"));
            }
            ui.label(tr!("industries-stock-months", n = format!("{:.1}", i.stock)));
            ui.label(format!("{:.0}%", i.need * 100.0));
            ui.end_row();
        }
    });
    if v.caps.is_empty() {
        ui.weak(tr!("industries-no-cap")).on_hover_text(&explain);
    }
    for c in &v.caps {
        ui.label(
            egui::RichText::new(tr!(
                "industries-cap",
                name = &c.name,
                cap = format!("{:.0}", c.cap * 100.0),
                input = c.input.to_lowercase()
            ))
            .color(ERROR),
        )
        .on_hover_text(format!(
            "{}\n\n{explain}",
            why(v, &format!("{}:{}", v.player, c.sector), "output cap")
        ));
    }
}

/// The trade-policy order form: pick a partner and a sector, then a tariff, a quota or an
/// export control.
pub fn trade_policy(ui: &mut egui::Ui, v: &View, d: &mut PolicyDraft) -> Vec<Action> {
    let mut out = Vec::new();
    ui.strong(tr!("industries-trade-policy"));
    ui.weak(tr!("industries-trade-policy-note"));
    let partners: Vec<&str> = v
        .states
        .iter()
        .map(|s| s.id.as_str())
        .filter(|s| *s != v.player)
        .collect();
    if !partners.contains(&d.partner.as_str())
        && let Some(first) = partners.first()
    {
        d.partner = first.to_string();
    }
    ui.horizontal(|ui| {
        ui.label(tr!("industries-partner"));
        egui::ComboBox::from_id_salt("policy_partner")
            .selected_text(v.side_label(&d.partner))
            .show_ui(ui, |ui| {
                for p in &partners {
                    ui.selectable_value(&mut d.partner, p.to_string(), v.side_label(p));
                }
            });
        ui.label(tr!("industries-sector"));
        let shown = v
            .sectors
            .iter()
            .find(|(id, _)| *id == d.sector)
            .map_or(tr!("industries-all-sectors"), |(_, n)| n.clone());
        egui::ComboBox::from_id_salt("policy_sector")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut d.sector, "all".to_string(), tr!("industries-all-sectors"));
                for (id, name) in &v.sectors {
                    ui.selectable_value(&mut d.sector, id.clone(), name);
                }
            });
    });
    let (t, sec) = (d.partner.clone(), d.sector.clone());
    let vle = crate::ui::glossary::gloss("Voluntary export restraint (VER)");
    ui.horizontal(|ui| {
        ui.add(percent_slider(&mut d.rate, 1.0).text(tr!("industries-tariff-slider")));
        out.extend(order_buttons(
            ui,
            [
                (
                    tr!("industries-set-tariff"),
                    String::new(),
                    Command::SetTariff {
                        target: t.clone(),
                        sector: sec.clone(),
                        rate: d.rate,
                    },
                ),
                (
                    tr!("industries-remove-tariff"),
                    String::new(),
                    Command::RemoveTariff {
                        target: t.clone(),
                        sector: sec.clone(),
                    },
                ),
            ],
        ));
    });
    ui.horizontal(|ui| {
        ui.label(tr!("industries-quota"));
        ui.add(egui::DragValue::new(&mut d.volume).range(0.0..=1000.0).speed(0.5));
        ui.checkbox(&mut d.voluntary, tr!("industries-voluntary"))
            .on_hover_text(vle.clone());
        out.extend(order_buttons(
            ui,
            [
                (
                    tr!("industries-set-quota"),
                    String::new(),
                    Command::SetQuota {
                        target: t.clone(),
                        sector: sec.clone(),
                        volume: d.volume,
                        voluntary: d.voluntary,
                    },
                ),
                (
                    tr!("industries-remove-quota"),
                    String::new(),
                    Command::RemoveQuota {
                        target: t.clone(),
                        sector: sec.clone(),
                    },
                ),
            ],
        ));
    });
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!("industries-own-exports"));
        out.extend(order_buttons(
            ui,
            [
                (
                    tr!("industries-restrain"),
                    format!("{}\n\n{vle}", tr!("industries-restrain-tip")),
                    Command::RestrainExports {
                        target: t.clone(),
                        sector: sec.clone(),
                        volume: d.volume,
                    },
                ),
                (
                    tr!("industries-lift-restraint"),
                    String::new(),
                    Command::LiftRestraint {
                        target: t.clone(),
                        sector: sec.clone(),
                    },
                ),
            ],
        ));
    });
    ui.horizontal(|ui| {
        out.extend(order_buttons(
            ui,
            [
                (
                    tr!("industries-impose-export-control"),
                    format!(
                        "{}\n\n{}",
                        tr!("industries-impose-export-control-tip"),
                        crate::ui::glossary::gloss("Weaponization of the economy")
                    ),
                    Command::ImposeExportControl {
                        target: t.clone(),
                        sector: sec.clone(),
                    },
                ),
                (
                    tr!("industries-lift-export-control"),
                    String::new(),
                    Command::LiftExportControl {
                        target: t.clone(),
                        sector: sec.clone(),
                    },
                ),
            ],
        ));
    });
    out
}

/// A row's order buttons: (label, tooltip or "", the order a click gives).
fn order_buttons<const N: usize>(ui: &mut egui::Ui, buttons: [(String, String, Command); N]) -> Vec<Action> {
    let mut out = Vec::new();
    for (label, tip, command) in buttons {
        let b = ui.button(label);
        let b = if tip.is_empty() { b } else { b.on_hover_text(tip) };
        if b.clicked() {
            out.push(Action::Issue(command.clone()));
        }
        if ui
            .small_button(tr!("industries-forecast"))
            .on_hover_text(FORECAST_TIP)
            .clicked()
        {
            out.push(Action::Forecast(command));
        }
    }
    out
}
