//! Small helpers for English text the model and the UI write (news, titles, explanations).

/// "Japan's", "the United States'": the possessive of a name.
pub fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// The text with its first letter in upper case.
pub fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// "October 2025" for "2025-10"; the text itself when it is not a year and month.
pub fn month_year(date: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match date.split_once('-') {
        Some((y, m)) => match m.parse::<usize>() {
            Ok(m @ 1..=12) => format!("{} {y}", MONTHS[m - 1]),
            _ => date.to_string(),
        },
        None => date.to_string(),
    }
}

/// One CSV cell: quoted when it holds a comma, a quote, a line break or '#' (a reader told that
/// '#' starts a comment must not cut a field short), and, when it is text that begins with
/// = + - @ or a tab (a spreadsheet would run it as a formula: a scenario's headline
/// `=HYPERLINK(…)`), led by an apostrophe, as spreadsheets write such text. Numbers, negative
/// ones included, are written as they are.
pub fn csv_cell(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err();
    let s = if formula { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r', '#']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::csv_cell;

    #[test]
    fn csv_cells_are_quoted_and_formulas_disarmed() {
        assert_eq!(csv_cell("Japan"), "Japan");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(csv_cell("#1"), "\"#1\"");
        assert_eq!(csv_cell("-0.25"), "-0.25");
        assert_eq!(csv_cell("+3"), "+3");
        assert_eq!(
            csv_cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("-x"), "'-x");
    }
}
