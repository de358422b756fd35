//! The other side's offer in a sentence, for the disputes panel.

use crate::i18n::local;
use crate::sim::Registry;
use crate::tr;

/// "Japan offers its tariff on your autos down to 2.5%; purchases of 8.0 bn USD a year", in the
/// player's language.
pub fn describe(reg: &Registry, from: usize, o: &crate::command::Offer) -> String {
    let mut parts: Vec<String> = o
        .tariff_cuts
        .iter()
        .map(|c| {
            let name = local(&reg.sector_name(&c.sector));
            tr!(
                "view-offer-tariff-cut",
                sector = name,
                rate = format!("{:.1}", c.rate * 100.0)
            )
        })
        .collect();
    if o.purchases > 0.0 {
        parts.push(tr!(
            "view-offer-purchases",
            amount = super::bn_amount(o.purchases, 1)
        ));
    }
    if o.investment > 0.0 {
        parts.push(tr!(
            "view-offer-investment",
            amount = super::bn_amount(o.investment, 0)
        ));
    }
    if !o.excluded.is_empty() {
        let excluded: Vec<String> = o.excluded.iter().map(|x| local(&reg.sector_name(x))).collect();
        parts.push(tr!(
            "view-offer-leaving-out",
            sectors = excluded.join(&tr!("view-list-comma"))
        ));
    }
    for c in &o.asks {
        let name = local(&reg.sector_name(&c.sector));
        parts.push(tr!(
            "view-offer-ask",
            sector = name,
            rate = format!("{:.1}", c.rate * 100.0)
        ));
    }
    tr!(
        "view-offer",
        state = local(&reg.state_names[from]),
        parts = parts.join(&tr!("list-separator"))
    )
}
