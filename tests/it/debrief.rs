//! `tradecraft debrief`: three runs of the 2025 level (two policies as commands files and a
//! `sim --out` folder) into one page that holds each run's score, every dispute and the
//! decisions where they parted; a class game's record read as its run; bad inputs refused with a
//! message; the page of 2019 runs in Japanese has no English word and the English page's shape.
//! The page opened in headless Chromium renders without errors and is not blank (Debian's
//! `chromium`, installed by .ci/run; without it the browser test is skipped with a message,
//! unless CI is set, where it fails).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::common::{english_words, have, ok, tradecraft};

const LEVEL: &str = "levels/2025_tariff_shock.ron";
const SETTLE: &str = "levels/policies/2025_japan_settle.ron";
const RETALIATE: &str = "levels/policies/2025_japan_retaliate.ron";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> PathBuf {
    crate::common::scratch("debrief", name)
}

fn refused(o: Output) -> String {
    assert!(
        !o.status.success(),
        "accepted: {}",
        String::from_utf8_lossy(&o.stdout)
    );
    String::from_utf8_lossy(&o.stderr).to_string()
}

/// The report of three runs: settling, retaliating, and history's decisions run by `sim --out`.
fn three_runs(dir: &Path) -> (PathBuf, String) {
    let folder = dir.join("history-run");
    ok(tradecraft(&[
        "sim",
        LEVEL,
        "--side",
        "JPN",
        "--commands",
        "levels/2025_tariff_shock.history.ron",
        "--seed",
        "3",
        "--out",
        folder.to_str().unwrap(),
    ]));
    let out = dir.join("report.html");
    let printed = ok(tradecraft(&[
        "debrief",
        SETTLE,
        RETALIATE,
        folder.to_str().unwrap(),
        "--scenario",
        LEVEL,
        "--side",
        "JPN",
        "--out",
        out.to_str().unwrap(),
    ]));
    assert!(
        printed.contains("3 runs of 2025_tariff_shock followed from JPN"),
        "{printed}"
    );
    let page = std::fs::read_to_string(&out).unwrap();
    (out, page)
}

/// Each run's score as `sim` prints it (`score JPN: 62 of 100 points`).
fn sim_score(args: &[&str]) -> String {
    let text = ok(tradecraft(&[&["sim", LEVEL, "--side", "JPN"], args].concat()));
    text.lines()
        .find_map(|l| l.strip_prefix("score JPN: "))
        .and_then(|l| l.split_whitespace().next())
        .unwrap()
        .to_string()
}

#[test]
fn a_debrief_of_three_runs_holds_their_scores_disputes_and_where_they_parted() {
    let dir = scratch("three");
    let (_, page) = three_runs(&dir);
    for label in ["2025_japan_settle.ron", "2025_japan_retaliate.ron", "history-run"] {
        assert!(page.contains(label), "{label} named");
    }
    // Every dispute of the scenario, by its title and id.
    let s = tradecraft::scenario::load_scenario(&root().join(LEVEL)).unwrap();
    for d in &s.disputes {
        let title = d.title.replace('&', "&amp;").replace('"', "&quot;");
        assert!(page.contains(&title), "dispute {} shown", d.title);
        assert!(page.contains(&format!("[{}]", d.id)), "dispute id {} shown", d.id);
    }
    // Each run's score, to the decimal `sim` rounds.
    let settle = sim_score(&["--commands", SETTLE]);
    let retaliate = sim_score(&["--commands", RETALIATE]);
    let history = sim_score(&[
        "--commands",
        "levels/2025_tariff_shock.history.ron",
        "--seed",
        "3",
    ]);
    let cells: Vec<f64> = page
        .split("<td class=\"num\">")
        .skip(1)
        .filter_map(|c| c.split('<').next()?.parse().ok())
        .collect();
    for want in [&settle, &retaliate, &history] {
        let want: f64 = want.parse().unwrap();
        assert!(
            cells.iter().any(|c| (c - want).abs() <= 0.5),
            "a score of {want} in the page"
        );
    }
    assert_ne!(settle, retaliate, "the policies score differently");
    // Where they parted: February 2025, Japan's working-level talks against nothing; the
    // retaliation's tariff is a decision only run 2 made.
    assert!(page.contains("first parted ways in <b>2025-02</b>"));
    assert!(page.contains("talks at working level on U.S. tariffs on Japanese cars"));
    assert!(page.contains("tariff of 25.0% on United States's Agriculture"));
    // The charts are SVG, inline; history's recorded rungs are marked; nothing is fetched.
    assert!(page.matches("<svg").count() >= 5);
    assert!(!page.contains("src=\"http") && !page.contains("href=\"http"));
    assert!(!page.contains("<script"));
    assert!(page.contains("what history recorded"));
}

#[test]
fn a_class_games_record_is_read_as_its_run() {
    let dir = scratch("class");
    let text = std::fs::read_to_string(root().join(LEVEL)).unwrap();
    let log = std::fs::read_to_string(root().join(SETTLE)).unwrap();
    let log: Vec<tradecraft::command::ScheduledCommand> = ron::from_str(&log).unwrap();
    let record = tradecraft::net::lockstep::ClassRecord {
        version: tradecraft::net::lockstep::CLASS_RECORD_VERSION,
        scenario: "2025_tariff_shock.ron".into(),
        scenario_hash: tradecraft::net::lockstep::scenario_hash(&text),
        seed: 5,
        sides: vec!["JPN".into(), "USA".into()],
        rules: Default::default(),
        start: 0,
        month: 12,
        turns: 12,
        ended: false,
        log,
    };
    let game = dir.join("class-game");
    std::fs::create_dir_all(&game).unwrap();
    std::fs::write(game.join("class.ron"), ron::to_string(&record).unwrap()).unwrap();
    let out = dir.join("class.html");
    ok(tradecraft(&[
        "debrief",
        game.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]));
    let page = std::fs::read_to_string(&out).unwrap();
    // The same world as `sim` replaying the class: same hash, twelve months, unfinished.
    let hash = ok(tradecraft(&[
        "sim",
        LEVEL,
        "--side",
        "JPN",
        "--side",
        "USA",
        "--seed",
        "5",
        "--months",
        "12",
        "--quiet",
        "--commands",
        SETTLE,
    ]));
    let hash = hash.trim().strip_prefix("state-hash: ").unwrap();
    assert!(
        page.contains(&format!("<code>{hash}</code>")),
        "the class's hash {hash}"
    );
    assert!(page.contains("class-game"));
    assert!(page.contains("12 (unfinished)"));
    assert!(page.contains("JPN, USA"));
}

#[test]
fn bad_inputs_are_refused_with_a_message() {
    let dir = scratch("bad");
    let out = dir.join("r.html");
    let out = out.to_str().unwrap();
    // A commands file needs its scenario and its side.
    let e = refused(tradecraft(&["debrief", SETTLE, "--out", out]));
    assert!(e.contains("give --scenario FILE"), "{e}");
    let e = refused(tradecraft(&[
        "debrief",
        SETTLE,
        "--scenario",
        LEVEL,
        "--out",
        out,
    ]));
    assert!(e.contains("needs --side"), "{e}");
    // Runs of two scenarios.
    let other = dir.join("tutorial-run");
    ok(tradecraft(&[
        "sim",
        "levels/tutorial.ron",
        "--out",
        other.to_str().unwrap(),
    ]));
    let e = refused(tradecraft(&[
        "debrief",
        SETTLE,
        other.to_str().unwrap(),
        "--scenario",
        LEVEL,
        "--side",
        "JPN",
        "--out",
        out,
    ]));
    assert!(e.contains("a debrief compares runs of one scenario"), "{e}");
    // A folder with no run in it, and a damaged save: file, line, column.
    let e = refused(tradecraft(&["debrief", dir.to_str().unwrap(), "--out", out]));
    assert!(e.contains("holds final.ron"), "{e}");
    let bad = dir.join("bad.ron");
    std::fs::write(&bad, "(format: 3, scenario: oops").unwrap();
    let e = refused(tradecraft(&["debrief", bad.to_str().unwrap(), "--out", out]));
    assert!(e.contains("bad.ron:1:"), "{e}");
    // An unknown side.
    let e = refused(tradecraft(&[
        "debrief",
        SETTLE,
        "--scenario",
        LEVEL,
        "--side",
        "FRA",
        "--out",
        out,
    ]));
    assert!(e.contains("FRA"), "{e}");
    assert!(!Path::new(out).exists(), "nothing written");
}

/// The text a reader meets on a page: its text and its tooltips, the styles and `<code>` (ids,
/// hashes) left out, entities read.
fn text_read(page: &str) -> String {
    fn cut(page: &str, open: &str, close: &str) -> String {
        let mut out = String::new();
        let mut rest = page;
        while let Some(i) = rest.find(open) {
            out.push_str(&rest[..i]);
            rest = rest[i..].find(close).map_or("", |j| &rest[i + j + close.len()..]);
        }
        out + rest
    }
    let page = cut(&cut(page, "<style>", "</style>"), "<code>", "</code>");
    let mut read = String::new();
    let mut rest = page.as_str();
    while let Some(i) = rest.find('<') {
        read.push_str(&rest[..i]);
        read.push(' ');
        let end = rest[i..].find('>').map_or(rest.len(), |j| i + j);
        let tag = &rest[i..end];
        // A tooltip is read too.
        if let Some(t) = tag.find("title=\"") {
            let value = &tag[t + 7..];
            read.push_str(&value[..value.find('"').unwrap_or(value.len())]);
            read.push(' ');
        }
        rest = rest.get(end + 1..).unwrap_or("");
    }
    read.push_str(rest);
    read.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Two runs of the 2019 level as Japan (history's decisions, and orders of most kinds), their
/// debrief written with `--lang ja` and without: the Japanese page has no English word in its
/// text or tooltips (state ids and the field's acronyms allowed, as on the screens, and the
/// runs' file names), says it is Japanese and names fonts with Japanese glyphs; the English page
/// is as it was, and both have the same shape (headings, tables, cells, charts) and figures.
#[test]
fn a_2019_debrief_in_japanese_has_no_english() {
    let dir = scratch("japanese");
    let level = "levels/2019_trade_agreement.ron";
    let folder = dir.join("history-run");
    ok(tradecraft(&[
        "sim",
        level,
        "--side",
        "JPN",
        "--commands",
        "levels/2019_trade_agreement.history.ron",
        "--seed",
        "2",
        "--out",
        folder.to_str().unwrap(),
    ]));
    let orders = dir.join("orders.ron");
    std::fs::write(
        &orders,
        r#"[
    (month: 1, by: "JPN", command: Statement(dispute: "steel_232", tone: Firm)),
    (month: 2, by: "JPN", command: SetTariff(target: "USA", sector: "agriculture", rate: 0.45)),
    (month: 3, by: "JPN", command: FileDispute(dispute: "steel_232")),
    (month: 4, by: "JPN", command: Court(target: "AUS")),
    (month: 5, by: "JPN", command: SetQuota(target: "CHN", sector: "steel", volume: 1.0)),
    (month: 6, by: "JPN", command: ImposeExportControl(target: "CHN", sector: "machinery")),
    (month: 7, by: "JPN", command: OpenNegotiation(dispute: "farm_access", channel: Leaders)),
    (month: 8, by: "JPN", command: RestrainExports(target: "USA", sector: "autos", volume: 30.0)),
    (month: 9, by: "JPN", command: SetTariff(target: "all", sector: "all", rate: 0.05)),
]"#,
    )
    .unwrap();
    let page = |lang: &str| {
        let out = dir.join(format!("{lang}.html"));
        let printed = ok(tradecraft(&[
            "--lang",
            lang,
            "debrief",
            folder.to_str().unwrap(),
            orders.to_str().unwrap(),
            "--scenario",
            level,
            "--side",
            "JPN",
            "--out",
            out.to_str().unwrap(),
        ]));
        (printed, std::fs::read_to_string(&out).unwrap())
    };
    let (printed, ja) = page("ja");
    assert!(printed.contains("2回のプレイを日本の側から"), "{printed}");
    assert!(ja.contains("<html lang=\"ja\">"));
    assert!(ja.contains("'Noto Sans CJK JP'"));
    assert!(ja.contains("<title>振り返り：2019年の日米貿易協定</title>"));
    // The decisions where the runs parted, in Japanese.
    assert!(ja.contains("プレイが最初に分かれたのは<b>2018年2月</b>"));
    assert!(
        ja.contains("中国向け機械・電気機器の輸出規制"),
        "an order's words"
    );
    // State ids are written as they are, as on the screens, and the runs' names: the files the
    // teacher gave.
    let also = [
        "JPN", "USA", "CHN", "CAN", "MEX", "EU", "KOR", "AUS", "VNM", "history", "run", "orders", "ron",
    ];
    let read = text_read(&ja);
    let english: std::collections::BTreeSet<&str> = english_words(&read, &also).into_iter().collect();
    assert!(english.is_empty(), "English in the Japanese debrief: {english:?}");

    let (printed, en) = page("en");
    assert!(
        printed.contains("2 runs of 2019_trade_agreement followed from JPN, beside history's decisions"),
        "{printed}"
    );
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("<title>Debrief: The 2019 Trade Agreement</title>"));
    assert!(en.contains("font-family: 'DejaVu Sans', 'Segoe UI', Helvetica, Arial, sans-serif;"));
    assert!(en.contains("The runs first parted ways in <b>2018-02</b>"));
    assert!(en.contains("export control on Machinery and electrical equipment to China"));
    assert!(!en.contains("Noto Sans CJK JP") && !en.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)));
    // The same shape, the same figures.
    for tag in [
        "<h1>",
        "<h2>",
        "<h3",
        "<table",
        "<tr>",
        "<td",
        "<th",
        "<svg",
        "<text",
        "<polyline",
        "<circle",
    ] {
        assert_eq!(en.matches(tag).count(), ja.matches(tag).count(), "{tag}");
    }
    let figures = |page: &str| -> Vec<String> {
        page.split("<td class=\"num\"")
            .skip(1)
            .filter_map(|c| Some(c.split_once('>')?.1.split('<').next()?.to_string()))
            .collect()
    };
    assert_eq!(figures(&en), figures(&ja));
}

/// The end screen's export writes the page in the player's language: a 2019 game as Japan,
/// exported with Japanese set, has no English word (the game's run named in words).
#[cfg(feature = "gui")]
#[test]
fn the_games_export_is_in_the_players_language() {
    use tradecraft::i18n::{self, Lang};
    let _ja = i18n::on_this_thread(Lang::Ja);
    let dir = scratch("game-export");
    let s = crate::common::level("2019_trade_agreement.ron");
    let mut game = tradecraft::sim::Simulation::new(&s, 4, Some("JPN")).unwrap();
    game.world_mut()
        .insert_resource(tradecraft::ui::state::PlayerSide("JPN".into()));
    game.run(36);
    let path = dir.join("game.html");
    tradecraft::ui::saves::write_debrief(game.world_mut(), &path).unwrap();
    let page = std::fs::read_to_string(&path).unwrap();
    assert!(page.contains("<html lang=\"ja\">"));
    assert!(page.contains("あなたのゲーム"));
    let read = text_read(&page);
    let english = english_words(&read, &["JPN", "USA"]);
    assert!(
        english.is_empty(),
        "English in the game's Japanese debrief: {english:?}"
    );
}

/// The browser, if this machine has one.
fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| have(c))
}

#[test]
fn the_debrief_renders_in_headless_chromium() {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must provide chromium (see .ci/run)"
        );
        eprintln!("skipped: chromium is not installed");
        return;
    };
    let dir = scratch("chromium");
    let (report, _) = three_runs(&dir);
    let url = format!("file://{}", report.display());
    let profile = dir.join("profile");
    let run = |extra: &[&str]| {
        Command::new(browser)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--no-first-run",
                "--enable-logging=stderr",
                "--v=0",
                "--window-size=1200,3000",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .args(extra)
            .arg(&url)
            .output()
            .expect("chromium starts")
    };
    // The DOM as the browser built it: every chart parsed as SVG, and no console errors.
    let dom = run(&["--dump-dom"]);
    assert!(dom.status.success(), "{}", String::from_utf8_lossy(&dom.stderr));
    let text = String::from_utf8_lossy(&dom.stdout);
    assert!(text.contains("Debrief: The 2025 Tariff Shock"));
    assert!(text.matches("<svg").count() >= 5, "the charts are in the DOM");
    let log = String::from_utf8_lossy(&dom.stderr);
    let console: Vec<&str> = log.lines().filter(|l| l.contains("CONSOLE")).collect();
    assert!(console.is_empty(), "console messages: {console:?}");
    // A screenshot with a picture in it: many distinct colours (charts, swatches, ladders).
    let shot = dir.join("shot.png");
    let out = run(&[&format!("--screenshot={}", shot.display())]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let file = std::fs::File::open(&shot).expect("the screenshot exists");
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let px = info.color_type.samples();
    let colours: std::collections::BTreeSet<&[u8]> =
        buf[..info.buffer_size()].chunks(px).map(|p| &p[..3]).collect();
    assert!(colours.len() > 50, "{} colours: a blank page?", colours.len());
    let white = buf[..info.buffer_size()]
        .chunks(px)
        .filter(|p| p[..3] == [255, 255, 255])
        .count();
    let total = info.buffer_size() / px;
    assert!(white < total * 97 / 100, "{white} of {total} pixels white");
}

/// A save whose texts hold the words "scenario_hash:" (a modder's description, a news item) is
/// read as the save it is, not refused as a damaged class record.
#[test]
fn a_save_that_mentions_scenario_hash_is_read_as_a_save() {
    let dir = scratch("mentions-hash");
    let mut s = tradecraft::scenario::load_scenario(&root().join(LEVEL)).unwrap();
    s.meta.description = "A class record has a scenario_hash: this is not one.".into();
    let mut sim = tradecraft::sim::Simulation::new(&s, 1, Some("JPN")).unwrap();
    sim.run(2);
    let save = dir.join("game.ron");
    tradecraft::save::save(sim.world_mut(), &save).unwrap();
    let out = dir.join("report.html");
    let printed = ok(tradecraft(&[
        "debrief",
        save.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]));
    assert!(printed.contains("1 run"), "{printed}");
}
