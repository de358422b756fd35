//! Reading scenario and commands files: RON syntax errors and semantic errors alike come out
//! as `FILE:LINE:COL: message` with a hint of what to write instead. Nothing here panics.

use std::fmt;
use std::io::Read;
use std::path::Path;

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

use super::locate::Locator;
use super::schema::{CommandsFile, Scenario};
use super::validate;
use super::validate::Problem;

/// Files larger than this are refused before parsing (a scenario is tens of kilobytes).
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// One problem in an input file, with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
    pub hint: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.col, self.message)?;
        if !self.hint.is_empty() {
            write!(f, "\n  help: {}", self.hint)?;
        }
        Ok(())
    }
}

/// Diagnostics of one file, printed one after another.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

pub(crate) fn options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

fn at(file: &str, line: usize, col: usize, message: String, hint: String) -> Diagnostics {
    Diagnostics(vec![Diagnostic {
        file: file.to_string(),
        line,
        col,
        message,
        hint,
    }])
}

/// Parse RON text into `T`, turning ron's error into a positioned diagnostic.
pub(crate) fn parse<T: DeserializeOwned>(src: &str, file: &str) -> Result<T, Diagnostics> {
    // A byte-order mark is invisible in editors: accept it.
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    if skip_trivia(src).is_empty() {
        return Err(at(
            file,
            1,
            1,
            "the file is empty".into(),
            "a scenario starts with `(meta: (...), sectors: [...], states: [...])`; a commands \
             file is a list `[ (month: 0, by: \"USA\", command: ...), ]`"
                .into(),
        ));
    }
    options().from_str::<T>(src).map_err(|e| {
        let (mut message, mut hint) = explain(&e.code);
        // ron reports some errors just before the offending token: step over blanks and
        // comments so the column points at what the user wrote.
        let (mut line, mut col) = (e.span.start.line, e.span.start.col);
        let (l2, c2, at_end) = settle_position(src, line, col);
        // A missing colon or comma belongs where ron stopped, right after the previous token.
        let missing = matches!(e.code, ron::Error::ExpectedMapColon | ron::Error::ExpectedComma);
        if !at_end && !missing {
            (line, col) = (l2, c2);
        }
        if at_end && !matches!(e.code, ron::Error::TrailingCharacters) {
            message = format!("the file ends too early ({message})");
            hint = "close every `(`, `[` and `\"` that is still open; check the last lines".into();
        }
        // Only at a scenario's top level: elsewhere (a case file, a nested item) these are
        // plain typos, and `explain` already suggests the field meant.
        if let ron::Error::NoSuchStructField { found, outer, .. } = &e.code
            && matches!(found.as_str(), "month" | "by" | "command")
            && outer.as_deref() == Some("Scenario")
        {
            hint = "this looks like a commands file: a commands file is a list, so wrap its \
                    entries in `[` and `]`"
                .into();
        }
        at(file, line, col, message, hint)
    })
}

/// Text after leading whitespace and comments.
fn skip_trivia(src: &str) -> &str {
    let mut rest = src;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n').map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/").map_or("", |(_, after)| after);
        } else {
            return rest;
        }
    }
}

/// From a 1-based (line, col), skip whitespace and comments; returns the new position and
/// whether the end of the text was reached.
fn settle_position(src: &str, line: usize, col: usize) -> (usize, usize, bool) {
    let mut offset = 0;
    for (i, l) in src.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            offset += l
                .char_indices()
                .nth(col.saturating_sub(1))
                .map_or(l.len(), |(b, _)| b);
            break;
        }
        offset += l.len();
    }
    let offset = offset.min(src.len());
    let rest = skip_trivia(&src[offset..]);
    let moved = src.len() - rest.len();
    let before = &src[..moved];
    let new_line = before.matches('\n').count() + 1;
    let new_col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (new_line, new_col, rest.is_empty())
}

/// ron's error in plain words, plus what to write instead.
fn explain(code: &ron::Error) -> (String, String) {
    use ron::Error as E;
    let message = code.to_string();
    let hint = match code {
        E::NoSuchStructField { expected, found, .. } => {
            let close = expected
                .iter()
                .find(|e| similar(e, found))
                .map(|e| format!("did you mean `{e}`? "))
                .unwrap_or_default();
            format!("{close}remove `{found}` or write one of: {}", expected.join(", "))
        }
        E::NoSuchEnumVariant { expected, found, .. } => format!(
            "`{found}` is not a choice here; write one of: {}",
            expected.join(", ")
        ),
        E::MissingStructField { field, .. } => {
            format!("add the field `{field}: ...` to this item (see levels/README.md)")
        }
        E::DuplicateStructField { field, .. } => {
            format!("keep one `{field}:` and delete the other")
        }
        E::ExceededRecursionLimit => "values nest too deeply (over 128 levels); flatten the structure".into(),
        E::Eof => "the file ends too early: close every `(`, `[` and `\"`".into(),
        E::ExpectedArray => "write a list in square brackets: `[a, b]`".into(),
        E::ExpectedString | E::ExpectedStringEnd => "write text in double quotes: \"like this\"".into(),
        E::ExpectedFloat | E::ExpectedInteger => {
            "write a number: e.g. 0.25 (a float) or 12 (an integer)".into()
        }
        E::IntegerOutOfBounds => "this number is too large or negative for this field".into(),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => {
            "write a structure in parentheses: `(field: value, ...)`".into()
        }
        E::TrailingCharacters => {
            "there is text after the end of the document; delete it or move it inside".into()
        }
        E::InvalidValueForType { expected, .. } => format!("write {expected}"),
        _ => "compare with levels/README.md and the files in levels/".into(),
    };
    (message, hint)
}

/// Whether `found` is probably a typo of `expected`: at most two edits apart, counting a swap
/// of neighbours as one (Damerau–Levenshtein), compared by characters, case-insensitive.
fn similar(expected: &str, found: &str) -> bool {
    let a: Vec<char> = expected.to_lowercase().chars().collect();
    let b: Vec<char> = found.to_lowercase().chars().collect();
    if a.len().abs_diff(b.len()) > 2 || a.len() > 64 || b.len() > 64 {
        return false;
    }
    let limit = if a.len().min(b.len()) <= 3 { 1 } else { 2 };
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for j in 0..=b.len() {
        d[0][j] = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = (a[i - 1] != b[j - 1]) as usize;
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()] <= limit
}

/// Turn problems with paths into diagnostics with positions.
pub(crate) fn locate(src: &str, file: &str, problems: Vec<Problem>) -> Diagnostics {
    let locator = Locator::new(src);
    Diagnostics(
        problems
            .into_iter()
            .map(|p| {
                let (line, col) = locator.find(&p.path);
                Diagnostic {
                    file: file.to_string(),
                    line,
                    col,
                    message: p.message,
                    hint: p.hint,
                }
            })
            .collect(),
    )
}

/// Parse and validate a scenario from text.
pub fn parse_scenario(src: &str, file: &str) -> Result<Scenario, Diagnostics> {
    let scenario: Scenario = parse(src, file)?;
    let problems = validate::scenario(&scenario);
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(locate(src, file, problems))
    }
}

/// Parse a commands file; with a scenario, also check that every id it names exists.
pub fn parse_commands(
    src: &str,
    file: &str,
    scenario: Option<&Scenario>,
) -> Result<CommandsFile, Diagnostics> {
    let commands: CommandsFile = parse(src, file)?;
    let problems = validate::commands_file(&commands, scenario);
    if problems.is_empty() {
        Ok(commands)
    } else {
        Err(locate(src, file, problems))
    }
}

/// Read a text file with a size bound; errors as diagnostics at 1:1.
pub fn read_text(path: &Path) -> Result<String, Diagnostics> {
    let file = path.display().to_string();
    let io = |what: String| at(&file, 1, 1, what, "check the path and permissions".into());
    let f = std::fs::File::open(path).map_err(|e| io(format!("cannot open the file: {e}")))?;
    let mut buf = Vec::new();
    f.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(|e| io(format!("cannot read the file: {e}")))?;
    if buf.len() as u64 > MAX_FILE_BYTES {
        return Err(at(
            &file,
            1,
            1,
            format!("the file is larger than {} MiB", MAX_FILE_BYTES >> 20),
            "a scenario is a few hundred kilobytes at most; split or trim it".into(),
        ));
    }
    String::from_utf8(buf).map_err(|e| {
        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(upto);
        let line = text.matches('\n').count() + 1;
        let col = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        at(
            &file,
            line,
            col,
            "the file is not valid UTF-8 text".into(),
            "save the file as UTF-8".into(),
        )
    })
}

/// A scenario file, checked; its Japanese texts are taught to `i18n` on the way (a scenario read
/// is a scenario whose words may show).
pub fn load_scenario(path: &Path) -> Result<Scenario, Diagnostics> {
    let src = read_text(path)?;
    let scenario = parse_scenario(&src, &path.display().to_string())?;
    scenario.teach();
    Ok(scenario)
}

pub fn load_commands(path: &Path, scenario: Option<&Scenario>) -> Result<CommandsFile, Diagnostics> {
    let src = read_text(path)?;
    parse_commands(&src, &path.display().to_string(), scenario)
}

/// Whether RON text is a commands file (a list) rather than a scenario (a structure).
pub fn looks_like_commands(src: &str) -> bool {
    skip_trivia(src.strip_prefix('\u{feff}').unwrap_or(src)).starts_with('[')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_are_recognised() {
        assert!(similar("gdp", "gpd"));
        assert!(similar("voluntary", "volntary"));
        assert!(similar("rate", "rat"));
        assert!(!similar("gdp", "name"));
        assert!(!similar("rate", "gééd"));
    }

    #[test]
    fn a_commands_entry_read_as_a_scenario_says_so() {
        let d = parse::<Scenario>("(month: 0, by: \"USA\")", "f.ron").unwrap_err();
        assert!(d.0[0].hint.contains("looks like a commands file"), "{d}");
        // Inside anything else a `month` is a typo, and the hint names the field meant.
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct Case {
            months: u32,
        }
        let d = parse::<Case>("(month: 3)", "f.ron").unwrap_err();
        assert!(d.0[0].hint.contains("did you mean `months`"), "{d}");
    }

    #[test]
    fn positions_skip_blanks_and_comments() {
        let src = "(\n  a: // note\n   5,\n)";
        assert_eq!(settle_position(src, 2, 5), (3, 4, false));
        assert_eq!(settle_position("( )  \n ", 1, 4), (2, 2, true));
    }
}
