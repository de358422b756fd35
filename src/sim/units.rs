//! The unit of each indicator of `history.csv` and `causes.csv`, in words: for the CLI's
//! summary and the notes at the top of the CSV files it writes.

/// The generic name of an indicator: `exports:USA:autos` → `exports:PARTNER:SECTOR`,
/// `price:steel` → `price:SECTOR`. Indicators without a partner or sector are their own kind.
pub fn kind(indicator: &str) -> String {
    let parts: Vec<&str> = indicator.split(':').collect();
    match parts.as_slice() {
        [head, _, _] => format!("{head}:PARTNER:SECTOR"),
        [head, _] => format!("{head}:SECTOR"),
        _ => indicator.to_string(),
    }
}

/// The unit of an indicator (the level; a change in causes.csv has the same unit). Empty when
/// the indicator is not one the model records.
pub fn unit(indicator: &str) -> &'static str {
    match indicator.split(':').next().unwrap_or(indicator) {
        "cpi" => "index, base month = 100",
        "welfare" => "real income index, base month = 100",
        "employment" => "thousands of jobs",
        "tariff_revenue" | "quota_rents" => "bn USD/yr",
        "exports" | "imports" => "bn USD/yr at base-year prices",
        "output" | "capacity" => "bn USD/yr",
        "wage" | "land_rent" | "capital_return" => "index, base month = 1",
        "price" => "buyer price index, base month = 1",
        "approval" => "share approving, 0 to 1 (0.45 = 45%)",
        "political_capital" => "points",
        "alignment" => "from -1 (leans to the minus pole) to +1 (the plus pole)",
        "relocation_cost" => "bn USD spent in the month",
        "relocation" => "bn USD/yr of purchases moved to other suppliers",
        "trust" => "0 to 1",
        "pressure" | "salience" | "organisation" => "0 to 1",
        "escalation" => {
            "rung: 0 working level, 1 ministerial, 2 formal dispute settlement, 3 leaders, 4 public confrontation"
        }
        "open" => "1 while unsettled, 0 once settled",
        "stance" => {
            "a side's public firmness in a dispute: 0 neutral, +0.5 firm, +1 hostile (adds up, decays), negative conciliatory"
        }
        "support" | "members" => "number of member states",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_units() {
        assert_eq!(kind("exports:USA:autos"), "exports:PARTNER:SECTOR");
        assert_eq!(kind("price:steel"), "price:SECTOR");
        assert_eq!(kind("cpi"), "cpi");
        assert_eq!(unit("tariff_revenue"), "bn USD/yr");
        assert_eq!(unit("exports:USA:autos"), "bn USD/yr at base-year prices");
        assert_eq!(unit("employment:autos"), "thousands of jobs");
        assert_eq!(unit("no_such_thing"), "");
    }
}
