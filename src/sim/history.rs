//! The recorded time series (`History`): what the charts, the end screen and `history.csv`
//! read. Written by the record phase (`record.rs`).

use bevy_ecs::prelude::*;
use serde::{Deserialize, Serialize};

use super::resources::Clock;

/// Time series for charts and `history.csv`, stored as one row per month with a column per
/// (entity, indicator): a month of records is one contiguous row, however many series there
/// are. A value absent for a month (an entity that did not exist yet) is NaN.
#[derive(Resource, Debug, Clone, Default, Serialize, Deserialize)]
pub struct History {
    /// (entity, indicator) of each column.
    pub columns: Vec<(String, String)>,
    /// Scenario month of `rows[0]`.
    pub first_month: u32,
    pub rows: Vec<Vec<f64>>,
    /// Column of each (entity, indicator), by entity then indicator (looked up by `&str`, no
    /// allocation), and how many of `columns` it covers.
    #[serde(skip)]
    index: (
        std::collections::BTreeMap<String, std::collections::BTreeMap<String, usize>>,
        usize,
    ),
    /// Column handles the record phase keeps between months (rebuilt when lost).
    #[serde(skip)]
    pub cache: HistoryCache,
}

impl PartialEq for History {
    fn eq(&self, other: &Self) -> bool {
        self.columns == other.columns
            && self.first_month == other.first_month
            && self.rows.len() == other.rows.len()
            && self
                .rows
                .iter()
                .zip(&other.rows)
                .all(|(a, b)| a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits()))
    }
}

/// Column handles for the record phase, so a month of records costs no string work.
#[derive(Debug, Clone, Default)]
pub struct HistoryCache {
    /// The states the bilateral handles were built for.
    pub focus: Vec<usize>,
    /// `((slot * n + partner) * k + sector) * 2 + (0 exports | 1 imports)`; usize::MAX = none.
    pub bilateral: Vec<usize>,
    /// Per state and core indicator.
    pub core: Vec<usize>,
    /// Trust of each focus state toward each state: `slot * n + j`.
    pub trust: Vec<usize>,
    /// Price and employment of each focus state by sector: `(slot * k + s) * 2 + (0 | 1)`.
    pub sector: Vec<usize>,
    /// Per named entity, in the order the record phase records them (the same every month
    /// while the entities stay): the entity and its (indicator, handle)s.
    pub named: Vec<(String, Vec<(&'static str, usize)>)>,
    /// Where the record phase is in `named` this month.
    pub cursor: usize,
}

impl History {
    /// The column of (entity, indicator), created if new.
    pub fn handle(&mut self, _month: u32, entity: &str, indicator: &str) -> usize {
        if self.index.1 != self.columns.len() {
            let mut index: std::collections::BTreeMap<String, std::collections::BTreeMap<String, usize>> =
                Default::default();
            for (i, (e, ind)) in self.columns.iter().enumerate() {
                index
                    .entry(e.clone())
                    .or_default()
                    .entry(ind.clone())
                    .or_insert(i);
            }
            self.index = (index, self.columns.len());
        }
        if let Some(&i) = self.index.0.get(entity).and_then(|m| m.get(indicator)) {
            return i;
        }
        let i = self.columns.len();
        self.columns.push((entity.to_string(), indicator.to_string()));
        self.index
            .0
            .entry(entity.to_string())
            .or_default()
            .insert(indicator.to_string(), i);
        self.index.1 = self.columns.len();
        i
    }

    pub fn columns_len(&self) -> usize {
        self.columns.len()
    }

    /// Set column `h` at `month`.
    pub fn push(&mut self, h: usize, month: u32, value: f64) {
        if self.rows.is_empty() {
            self.first_month = month;
        }
        let Some(r) = month.checked_sub(self.first_month).map(|r| r as usize) else {
            return;
        };
        while self.rows.len() <= r {
            let width = self.columns.len();
            self.rows.push(vec![f64::NAN; width]);
        }
        let row = &mut self.rows[r];
        if row.len() <= h {
            row.resize(self.columns.len().max(h + 1), f64::NAN);
        }
        row[h] = value;
    }

    pub fn record(&mut self, month: u32, entity: &str, indicator: &str, value: f64) {
        let h = self.handle(month, entity, indicator);
        self.push(h, month, value);
    }

    /// Start a month's records through `record_named`.
    pub fn begin_named(&mut self) {
        self.cache.cursor = 0;
    }

    /// Record an entity's indicators through the named-entity cache. Entities come in the same
    /// order every month, so the next slot is the one: one comparison of ids, no allocation,
    /// no search. A slot that does not match (an entity added or gone) is rebuilt there.
    pub fn record_named(&mut self, month: u32, entity: &str, values: &[(&'static str, f64)]) {
        let width = self.columns.len();
        let at = self.cache.cursor;
        let fits = self.cache.named.get(at).is_some_and(|(id, handles)| {
            id == entity
                && handles.len() == values.len()
                && handles
                    .iter()
                    .zip(values)
                    .all(|((i, h), (j, _))| i == j && *h < width)
        });
        if !fits {
            let handles = values
                .iter()
                .map(|&(indicator, _)| (indicator, self.handle(month, entity, indicator)))
                .collect();
            let slot = (entity.to_string(), handles);
            if at < self.cache.named.len() {
                self.cache.named[at] = slot;
            } else {
                self.cache.named.push(slot);
            }
        }
        self.cache.cursor += 1;
        for (x, &(_, value)) in values.iter().enumerate() {
            let h = self.cache.named[at].1[x].1;
            self.push(h, month, value);
        }
    }

    /// The series of (entity, indicator): its first month with a value, and the values from
    /// there on (NaN where a month has none).
    pub fn series(&self, entity: &str, indicator: &str) -> Option<(u32, Vec<f64>)> {
        // The index when it is in step with the columns (the GUI reads many series a frame);
        // a scan otherwise (right after a load, before the first month has been recorded).
        let col = if self.index.1 == self.columns.len() {
            *self.index.0.get(entity)?.get(indicator)?
        } else {
            self.columns
                .iter()
                .position(|(e, i)| e == entity && i == indicator)?
        };
        let values: Vec<f64> = self
            .rows
            .iter()
            .map(|r| r.get(col).copied().unwrap_or(f64::NAN))
            .collect();
        let start = values.iter().position(|v| !v.is_nan())?;
        Some((self.first_month + start as u32, values[start..].to_vec()))
    }

    /// The latest value of (entity, indicator).
    pub fn last(&self, entity: &str, indicator: &str) -> Option<f64> {
        self.series(entity, indicator)
            .and_then(|(_, v)| v.last().copied())
            .filter(|v| !v.is_nan())
    }

    /// Long-format CSV: month,date,entity,indicator,value — by month, then column order.
    pub fn to_csv(&self, clock: &Clock) -> String {
        let mut out = String::from("month,date,entity,indicator,value\n");
        for (r, row) in self.rows.iter().enumerate() {
            let m = self.first_month + r as u32;
            let date = clock.date_of(m);
            for (c, v) in row.iter().enumerate() {
                if v.is_nan() {
                    continue;
                }
                let (e, i) = &self.columns[c];
                out.push_str(&format!(
                    "{m},{date},{},{},{v}\n",
                    crate::words::csv_cell(e),
                    crate::words::csv_cell(i)
                ));
            }
        }
        out
    }
}
