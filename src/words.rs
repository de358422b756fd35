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
    let s = if looks_like_formula(s) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r', '#']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Text a spreadsheet would run as a formula (`csv_cell` leads it with an apostrophe).
fn looks_like_formula(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err()
}

/// The cells of one CSV line as `csv_cell` writes them, read back to what was written: a quoted
/// cell may hold commas and `""` for a quote, and the apostrophe before a formula-like text goes.
/// Err: a quote left open (the line was cut or not written by `csv_cell`).
pub fn csv_cells(line: &str) -> Result<Vec<String>, String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    let unarmed = |cell: String| match cell.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest.to_string(),
        _ => cell,
    };
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') if cell.is_empty() => quoted = true,
            (false, ',') => cells.push(unarmed(std::mem::take(&mut cell))),
            (_, c) => cell.push(c),
        }
    }
    if quoted {
        return Err(
            "a quoted cell is not closed: write `\"` at its end (a quote inside it as `\"\"`)".into(),
        );
    }
    cells.push(unarmed(cell));
    Ok(cells)
}

/// A line for a terminal or a one-line comment with text from elsewhere in it (a team's name, a
/// note, a file name): control characters become spaces, so none can move the cursor, retitle
/// the window, forge a line or end a comment.
pub fn printable(line: &str) -> String {
    line.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
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

    /// What `csv_cell` writes, `csv_cells` reads back as it was.
    #[test]
    fn csv_cells_read_back_what_csv_cell_wrote() {
        let cells = [
            "Japan",
            "a, b",
            "say \"no\"",
            "#1",
            "-0.25",
            "=HYPERLINK(\"x\")",
            "-x",
            "'quoted'",
            "",
        ];
        let line = cells.map(csv_cell).join(",");
        assert_eq!(super::csv_cells(&line), Ok(cells.map(String::from).to_vec()));
    }
}
