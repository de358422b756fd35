//! A class game in Japanese (src/net/wording.rs): what travels between the laptops stays English
//! text, the same whatever the languages, and each laptop words it for its reader. The host's
//! refusals and rejections, a team's notices, the teacher's account of the class, a team's class
//! window and top bar and the teacher's console, all in Japanese, have no English word; an
//! explicit `--lang en` beats Japanese settings.

use tradecraft::command::{Command, Tone};
use tradecraft::i18n::{self, Arg, Lang, Words};
use tradecraft::net::host::Host;
use tradecraft::net::lockstep::{self, MAX_MESSAGE, To, ToHost, ToTeam, decode, encode};
use tradecraft::net::seat::{Seat, Team};
use tradecraft::net::wording::{in_reader, words_of};
use tradecraft::scenario::Scenario;

use crate::common::class_level as level;
use crate::common::{english_words, latin_words};

fn host(scenario: &Scenario, text: &str) -> Host {
    crate::common::class_host(scenario, text, 3)
}

/// Join `side` on connection `id` as the team `name`.
fn join(host: &mut Host, scenario: &Scenario, text: &str, id: u64, side: &str, name: &str) -> Team {
    let (_, welcome) = host
        .receive(id, Team::hello(text, side, name, "class"))
        .pop()
        .expect("an answer");
    let welcome: ToTeam = decode(&encode(&welcome), MAX_MESSAGE).unwrap();
    Team::from_welcome(scenario, &welcome).unwrap()
}

/// Latin words a class game's Japanese writes as they are, besides the field's acronyms
/// (`common::ACRONYMS`): state ids, and the folder of the scenario files, as a path, and the
/// command line's flags.
const AS_THEY_ARE: &[&str] = &[
    "JPN", "USA", "CHN", "CAN", "MEX", "KOR", "AUS", "levels", "turns", "port",
];

/// The English left in a class game's Japanese `text`, as "word in text": its English words
/// (`common::english_words`) but for `AS_THEY_ARE`, hex figures (hashes) and the words of
/// `also` (what a player typed, a system's error).
pub fn english_left(text: &str, also: &[String]) -> Vec<String> {
    let mut allowed = AS_THEY_ARE.to_vec();
    allowed.extend(also.iter().flat_map(|a| latin_words(a)));
    english_words(text, &allowed)
        .into_iter()
        .filter(|w| !w.chars().all(|c| c.is_ascii_hexdigit()))
        .map(|w| format!("{w:?} in {text:?}"))
        .collect()
}

/// The arguments of `words` shown as they are (figures, files, a system's errors, a sentence
/// no message of the class game's made), at any depth.
fn plain_args(words: &Words) -> Vec<String> {
    let mut out = Vec::new();
    for (_, arg) in &words.args {
        match arg {
            Arg::Plain(p) => out.push(p.clone()),
            Arg::Text(t) if words.key == "class-as-is" => out.push(t.clone()),
            Arg::Words(w) => out.extend(plain_args(w)),
            Arg::List(ws) => ws.iter().for_each(|w| out.extend(plain_args(w))),
            _ => {}
        }
    }
    out
}

/// A class game's English sentence, read back to its message and worded in Japanese: the same
/// English again, and no English word in the Japanese but its arguments'.
fn read_in_japanese(english: &str, names: &dyn Fn(&str) -> Option<String>) -> String {
    let words = words_of(english, names);
    assert_ne!(words.key, "class-as-is", "not read back: {english}");
    assert_eq!(words.to_string(), english, "the English again");
    let ja = words.in_lang(Lang::Ja);
    let left = english_left(&ja, &plain_args(&words));
    assert!(left.is_empty(), "{left:?}");
    ja
}

#[test]
fn the_hosts_refusals_and_rejections_read_in_japanese() {
    let _ja = i18n::on_this_thread(Lang::Ja);
    let (scenario, text) = level();
    let mut host = host(&scenario, &text);
    let names = |id: &str| {
        scenario
            .states
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.clone())
    };
    let mut reasons: Vec<String> = Vec::new();
    let refused = |host: &mut Host, id: u64, hello: ToHost| -> String {
        match host.receive(id, hello).pop() {
            Some((To::One(_), ToTeam::Refused { reason })) => reason,
            other => panic!("not refused: {other:?}"),
        }
    };
    let files = |text: &str| vec![("2025_tariff_shock.ron".to_string(), lockstep::scenario_hash(text))];
    let edited = text.replace("The 2025 Tariff Shock", "The 2025 Tariff Shock (edited)");
    reasons.push(refused(
        &mut host,
        1,
        Seat::hello(files(&edited), "JPN", "東京", "class"),
    ));
    let elsewhere = vec![("2019_trade_agreement.ron".to_string(), 7)];
    reasons.push(refused(
        &mut host,
        1,
        Seat::hello(elsewhere, "JPN", "東京", "class"),
    ));
    let mut old = Team::hello(&text, "JPN", "東京", "class");
    if let ToHost::Hello { version, .. } = &mut old {
        *version = "0.0.1".into();
    }
    reasons.push(refused(&mut host, 1, old));
    reasons.push(refused(&mut host, 1, Team::hello(&text, "JPN", "東京", "wrong")));
    reasons.push(refused(&mut host, 1, Team::hello(&text, "CHN", "北京", "class")));
    let mut team = join(&mut host, &scenario, &text, 1, "JPN", "東京");
    reasons.push(refused(&mut host, 2, Team::hello(&text, "JPN", "東京2", "class")));
    reasons.push(refused(&mut host, 1, Team::hello(&text, "USA", "東京", "class")));
    let rejected = |out: Vec<(To, ToTeam)>| -> String {
        match out.as_slice() {
            [(To::One(_), ToTeam::Rejected { reason })] => reason.clone(),
            other => panic!("not rejected: {other:?}"),
        }
    };
    let tariff = Command::SetTariff {
        target: "USA".into(),
        sector: "autos".into(),
        rate: 0.25,
    };
    let order = |month: u32, note: String| ToHost::Order {
        month,
        command: tariff.clone(),
        note,
    };
    reasons.push(rejected(host.receive(3, order(0, String::new()))));
    reasons.push(rejected(host.receive(1, order(5, String::new()))));
    reasons.push(rejected(host.receive(1, order(0, "あ".repeat(600)))));
    reasons.push(rejected(host.receive_bytes(1, &[0xff, 0xfe])));
    reasons.push(rejected(host.receive_bytes(1, b"Order(month: ")));
    reasons.push(rejected(host.receive_bytes(1, &vec![b' '; MAX_MESSAGE + 1])));
    host.inject("ruling_now").unwrap();
    reasons.push(host.inject("ruling_now").unwrap_err());
    // A team's own notices: a state that could not be restored, a broken packet from the host.
    team.receive(ToTeam::State {
        month: 0,
        snapshot: "not a save".into(),
    });
    reasons.push(std::mem::take(&mut team.notice));
    team.receive_bytes(b"\x00garbage");
    reasons.push(std::mem::take(&mut team.notice));
    let snapshot = ron::to_string(&tradecraft::save::snapshot(team.simulation().world_mut())).unwrap();
    team.receive(ToTeam::State { month: 0, snapshot });
    reasons.push(std::mem::take(&mut team.notice));
    // The host's own checks, and the network's.
    let sides = vec!["CHN".to_string()];
    reasons.push(Host::new(&scenario, 0, 3, sides, "").err().unwrap());
    let rules = |months_per_turn, turns, seconds| lockstep::Rules {
        months_per_turn,
        turns,
        seconds_per_turn: seconds,
    };
    for r in [
        rules(13, None, None),
        rules(1, Some(0), None),
        rules(1, None, Some(-1.0)),
    ] {
        reasons.push(self::host(&scenario, &text).with_rules(r).err().unwrap());
    }
    reasons.push(
        self::host(&scenario, &text)
            .starting_at(&scenario, 99)
            .err()
            .unwrap(),
    );
    let taken = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap();
    reasons.push(tradecraft::net::transport::Server::bind_to(addr).err().unwrap());
    for english in [
        Words::new("class-net-lost")
            .plain("host", "192.168.1.20:5150")
            .words("error", Words::new("class-net-by-transport")),
        Words::new("class-net-by-client"),
        Words::new("class-net-by-server"),
        Words::new("class-host-sent").words("error", Words::new("class-bad-form").plain("error", "1:1: x")),
    ] {
        reasons.push(english.to_string());
    }
    let mut shown = Vec::new();
    for english in &reasons {
        shown.push(read_in_japanese(english, &names));
    }
    // States by their Japanese names; the English as it always was.
    assert!(
        reasons.iter().any(|r| r.contains("already leads JPN")),
        "{reasons:?}"
    );
    assert!(shown.iter().any(|s| s.contains("日本")), "{shown:?}");
    assert!(shown.iter().any(|s| s.contains("パスワード")), "{shown:?}");
    // In English: as sent.
    let _en = i18n::on_this_thread(Lang::En);
    for english in &reasons {
        assert_eq!(words_of(english, &names).in_lang(Lang::En), *english);
    }
}

/// A team's notice in its reader's language (`in_reader`): the host's words, and a sentence
/// of the model's this laptop made itself (a refusal its own check gave) through `local`.
#[test]
fn a_seats_notices_read_in_japanese_and_stay_english_in_english() {
    let (scenario, text) = level();
    let mut host = host(&scenario, &text);
    let mut team = join(&mut host, &scenario, &text, 1, "JPN", "東京");
    let ja = {
        let _ja = i18n::on_this_thread(Lang::Ja);
        let reason = rejected_month(&mut host);
        in_reader(team.simulation().world(), &reason)
    };
    assert!(ja.contains("か月目"), "{ja}");
    assert!(english_left(&ja, &[]).is_empty(), "{ja}");
    let reason = rejected_month(&mut host);
    assert_eq!(in_reader(team.simulation().world(), &reason), reason);
    // A refusal of the model's that this laptop's own check made in Japanese.
    let _ja = i18n::on_this_thread(Lang::Ja);
    let issued = tradecraft::sim::Issued {
        by: "JPN".into(),
        command: Command::AcceptOffer {
            dispute: "auto_tariffs".into(),
        },
        origin: tradecraft::sim::Origin::Player,
        reason: String::new(),
    };
    let refusal = tradecraft::sim::commands::precheck(team.simulation().world_mut(), &issued).unwrap_err();
    let shown = in_reader(team.simulation().world(), &refusal);
    assert_ne!(shown, refusal);
    assert!(english_left(&shown, &[]).is_empty(), "{shown}");
}

fn rejected_month(host: &mut Host) -> String {
    match host.receive(1, ToHost::Ready { month: 7 }).pop() {
        Some((_, ToTeam::Rejected { reason })) => reason,
        other => panic!("{other:?}"),
    }
}

/// The statement a U.S. team makes, with its note for Tokyo.
fn statement() -> Command {
    Command::Statement {
        dispute: "auto_tariffs".into(),
        tone: Tone::Firm,
    }
}

/// The teacher's account of a class in Japanese: joins, a refusal, orders and notes, messages,
/// months, the timer, an inject, a desync and the end, worded when shown, with no English word
/// (but the hashes); read as English, as it always was.
#[test]
fn the_teachers_account_reads_in_japanese() {
    use tradecraft::net::session::HostSession;
    let (scenario, text) = level();
    let server = tradecraft::net::transport::Server::bind_to("127.0.0.1:0".parse().unwrap()).unwrap();
    let mut s = HostSession::new(host(&scenario, &text), server, None);
    let hello = |side: &str, name: &str, password: &str| Team::hello(&text, side, name, password);
    let out = s.host.receive(1, hello("JPN", "東京チーム", "class"));
    s.deliver(out);
    let out = s.host.receive(2, hello("USA", "USA", "class"));
    s.deliver(out);
    let out = s.host.receive(3, hello("JPN", "東京チーム", "wrong"));
    s.deliver(out);
    let note = |command: Command, note: &str| ToHost::Order {
        month: 0,
        command,
        note: note.into(),
    };
    let out = s.host.receive(2, note(statement(), "夏までに合意を。"));
    s.deliver(out);
    let tariff = Command::SetTariff {
        target: "USA".into(),
        sector: "agriculture".into(),
        rate: 0.2,
    };
    let out = s.host.receive(1, note(tariff, ""));
    s.deliver(out);
    let out = s.host.receive(
        1,
        ToHost::Say {
            text: "了解です。".into(),
        },
    );
    s.deliver(out);
    s.announce("あと5分です。");
    s.pause(true);
    s.pause(false);
    s.set_timer(Some(120.0));
    s.set_timer(None);
    s.inject("ruling_now").unwrap();
    s.force_month();
    let out = s.host.receive(1, ToHost::Hash { month: 0, hash: 1 });
    s.deliver(out);
    s.end();
    let keys: Vec<&str> = s.events.iter().map(|e| e.words.key.as_str()).collect();
    for key in [
        "console-event-listening",
        "console-event-joined",
        "console-event-refused",
        "console-event-note",
        "console-event-paused",
        "console-event-running",
        "console-event-timer",
        "console-event-timer-off",
        "console-event-inject",
        "console-event-month",
        "console-event-desync",
        "console-event-ended",
    ] {
        assert!(keys.contains(&key), "{key} in {keys:?}");
    }
    // English: as the account always read.
    let english: Vec<String> = s.events.iter().map(|e| e.to_string()).collect();
    for line in [
        "JPN joined (東京チーム, laptop 1) at month 0",
        "a laptop was refused: wrong password: ask the teacher",
        "2025-01 JPN (東京チーム): message: \"了解です。\"",
        "2025-01 Teacher: message: \"あと5分です。\"",
        "timer: 2 minutes a turn",
        "the teacher ended the game at month 1",
    ] {
        assert!(english.iter().any(|e| e == line), "{line:?} not in {english:#?}");
    }
    assert!(
        english
            .iter()
            .any(|e| e.starts_with("2025-01 JPN (東京チーム): tariff of 20.0% on ")),
        "{english:#?}"
    );
    assert!(
        english
            .iter()
            .any(|e| e.starts_with("2025-01 USA: ") && e.ends_with(" cars: \"夏までに合意を。\"")),
        "{english:#?}"
    );
    assert!(s.events.iter().any(|e| e.starts_with("month 0 ran; hash ")));
    assert!(
        s.events
            .iter()
            .any(|e| e.alarm() && e.starts_with("DESYNC in month 0: JPN has"))
    );
    // Japanese: every line worded, no English word.
    let _ja = i18n::on_this_thread(Lang::Ja);
    let lines: Vec<String> = s.events.iter().map(|e| e.text()).collect();
    let left: Vec<String> = lines.iter().flat_map(|l| english_left(l, &[])).collect();
    assert!(left.is_empty(), "{left:#?}");
    for part in [
        "日本",
        "米国",
        "2025年1月",
        "教員",
        "東京チーム",
        "夏までに合意を。",
    ] {
        assert!(lines.iter().any(|l| l.contains(part)), "{part} in {lines:#?}");
    }
}

/// A team's window and top bar in a class game and the teacher's console, drawn in Japanese:
/// the messages (with the order a note went with), the desync, the connection's status and the
/// console's every side, dispute, inject and account line have no English word.
#[cfg(feature = "gui")]
mod screens {
    use bevy_egui::egui;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    use super::*;
    use tradecraft::i18n::Lang;
    use tradecraft::ui::console::{Console, console_panel};
    use tradecraft::ui::view::View;

    /// Every label and value `h` shows, and the English words among them.
    fn english_on<S>(h: &Harness<'_, S>, also: &[String]) -> (usize, Vec<String>) {
        let mut seen = 0;
        let mut english = Vec::new();
        for node in h.query_all(egui_kittest::kittest::By::new()) {
            let n = egui_kittest::kittest::NodeT::accesskit_node(&node);
            for text in [n.label(), n.value()].into_iter().flatten() {
                seen += 1;
                english.extend(english_left(&text, also));
            }
        }
        (seen, english)
    }

    #[test]
    fn a_teams_class_window_and_top_bar_in_japanese_have_no_english() {
        let _ja = i18n::on_this_thread(Lang::Ja);
        let (scenario, text) = level();
        let mut host = host(&scenario, &text);
        let mut team = join(&mut host, &scenario, &text, 1, "JPN", "東京チーム");
        let _usa = join(&mut host, &scenario, &text, 2, "USA", "ワシントン");
        // Washington's offer with its note, and the teacher's word, reach Tokyo.
        let mut said = host.receive(
            2,
            ToHost::Order {
                month: 0,
                command: statement(),
                note: "夏までに合意を。".into(),
            },
        );
        said.extend(host.announce("あと5分です。"));
        for (_, msg) in said {
            team.receive(decode(&encode(&msg), MAX_MESSAGE).unwrap());
        }
        assert!(
            matches!(&team.heard[0], (0, side, name, note) if side == "USA" && name == "ワシントン" && note == "夏までに合意を。"),
            "{:?}",
            team.heard
        );
        assert_eq!(
            team.orders_heard[0],
            Some(statement()),
            "the order travels as itself"
        );
        team.desyncs.push((3, 0xabc, 0xdef));
        let seat = team.seat.clone();
        let world = team.simulation().world_mut();
        let link = tradecraft::net::session::Link::connect(
            "127.0.0.1:9",
            std::path::Path::new("levels"),
            "JPN",
            "東京チーム",
            "class",
        )
        .unwrap();
        let lost = Words::new("class-net-lost")
            .plain("host", "127.0.0.1:9")
            .words("error", Words::new("class-net-by-transport"))
            .to_string();
        world.insert_resource(tradecraft::ui::state::TeamNet {
            link,
            address: "127.0.0.1:9".into(),
            side: "JPN".into(),
            seat: Some(seat),
            status: lost,
            draft: String::new(),
            closed: true,
            request: Default::default(),
        });
        world.insert_resource(tradecraft::ui::PlayerSide("JPN".into()));
        let v = View::from_world(world);
        let row = v.class.clone().expect("a class game");
        assert!(row.status.contains("接続が切れました"), "{}", row.status);
        assert!(
            row.heard.iter().any(|(date, who, text)| date == "2025年1月"
                && who == "ワシントン（米国）"
                && text.contains("夏までに合意を。")
                && !text.starts_with("offer")),
            "{:?}",
            row.heard
        );
        assert!(
            row.heard.iter().any(|(_, who, _)| who == "教員"),
            "{:?}",
            row.heard
        );
        let addresses = ["127.0.0.1:9".to_string()];
        let mut seen = 0;
        let mut english = Vec::new();
        let r = row.clone();
        let mut h = Harness::builder()
            .with_size(egui::vec2(1280.0, 800.0))
            .build_ui(move |ui| {
                ui.ctx().set_fonts(tradecraft::ui::settings::fonts());
                drop(tradecraft::ui::panels::class_window(ui, &r));
            });
        h.run();
        let (n, e) = english_on(&h, &addresses);
        seen += n;
        english.extend(e);
        let mut h = Harness::builder()
            .with_size(egui::vec2(1600.0, 200.0))
            .build_ui(move |ui| {
                ui.ctx().set_fonts(tradecraft::ui::settings::fonts());
                drop(tradecraft::ui::panels::top_bar(ui, &v));
            });
        h.run();
        let (n, e) = english_on(&h, &addresses);
        seen += n;
        english.extend(e);
        // The desync's hover text.
        assert!(row.desyncs[0].contains("3か月目"), "{:?}", row.desyncs);
        english.extend(row.desyncs.iter().flat_map(|d| english_left(d, &[])));
        assert!(seen > 10, "only {seen} texts");
        assert!(
            english.is_empty(),
            "English on a team's class screens:\n{english:#?}"
        );
    }

    #[test]
    fn the_teachers_console_in_japanese_has_no_english() {
        let _ja = i18n::on_this_thread(Lang::Ja);
        let (scenario, text) = level();
        let server = tradecraft::net::transport::Server::bind_to("127.0.0.1:0".parse().unwrap()).unwrap();
        let mut c = Console {
            session: tradecraft::net::session::HostSession::new(host(&scenario, &text), server, None),
            addresses: tradecraft::net::transport::addresses(5150),
            password: true,
            draft: String::new(),
            confirm_end: false,
        };
        let out = c
            .session
            .host
            .receive(1, Team::hello(&text, "JPN", "東京チーム", "class"));
        c.session.deliver(out);
        let out = c.session.host.receive(
            1,
            ToHost::Order {
                month: 0,
                command: Command::SetTariff {
                    target: "USA".into(),
                    sector: "agriculture".into(),
                    rate: 0.2,
                },
                note: String::new(),
            },
        );
        c.session.deliver(out);
        c.apply(vec![tradecraft::ui::console::ConsoleAction::Inject(
            "ruling_now".into(),
        )]);
        c.apply(vec![tradecraft::ui::console::ConsoleAction::Inject(
            "ruling_now".into(),
        )]);
        let v = c.view();
        assert!(
            v.sides.iter().any(|s| s.side == "JPN" && s.label == "日本"),
            "{:?}",
            v.sides
        );
        assert!(
            v.addresses.iter().any(|a| a.contains("（このパソコン）")),
            "{:?}",
            v.addresses
        );
        let also: Vec<String> = v.addresses.clone();
        let mut h = Harness::builder()
            .with_size(egui::vec2(1600.0, 1200.0))
            .build_ui(move |ui| {
                ui.ctx().set_fonts(tradecraft::ui::settings::fonts());
                drop(console_panel(ui, &v));
            });
        h.run();
        let (seen, english) = english_on(&h, &also);
        assert!(seen > 40, "only {seen} texts");
        assert!(
            english.is_empty(),
            "English on the teacher's console:\n{english:#?}"
        );
    }

    /// `--lang en` is the teacher's choice even when the settings say Japanese; without the
    /// flag, the settings' language.
    #[test]
    fn an_explicit_lang_en_beats_japanese_settings() {
        use tradecraft::ui::console::language;
        let japanese = tradecraft::ui::settings::Settings {
            language: Some(Lang::Ja),
            ..Default::default()
        };
        assert_eq!(language(Some(Lang::En), &japanese), Lang::En);
        assert_eq!(language(None, &japanese), Lang::Ja);
        assert_eq!(language(Some(Lang::Ja), &Default::default()), Lang::Ja);
        let english = tradecraft::ui::settings::Settings {
            language: Some(Lang::En),
            ..Default::default()
        };
        assert_eq!(language(None, &english), Lang::En);
        // What the command line gives: `--lang en` is English, given.
        assert_eq!(Lang::parse("en"), Ok(Lang::En));
    }
}
