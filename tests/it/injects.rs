//! Injects (issue 14): events of a scenario that only the teacher fires, with `Command::Inject`
//! issued by `command::TEACHER`. Their news reaches every team, their effects move the world
//! as an event's do, each fires once, and a state cannot fire one nor the teacher give a state's
//! orders. Runs use the 2025 level, whose injects are `ruling_now` and `pause_ends`.

use crate::common;

use tradecraft::command::{Command, ScheduledCommand, TEACHER};
use tradecraft::save;
use tradecraft::scenario::MeasureKind;
use tradecraft::sim::components::Measure;
use tradecraft::sim::resources::{CommandLog, News, Timeline};
use tradecraft::sim::*;

fn inject(month: u32, by: &str, id: &str) -> ScheduledCommand {
    common::cmd(month, by, Command::Inject { id: id.into() })
}

fn sim(script: Vec<ScheduledCommand>) -> Simulation {
    // Japan led by a team; the United States by the AI, so its historical orders (the IEEPA
    // tariffs among them) come as they came.
    let mut sim = Simulation::new(&common::level("2025_tariff_shock.ron"), 4, Some("JPN")).unwrap();
    sim.set_script(script);
    sim
}

/// The U.S. tariffs in force under the emergency powers (IEEPA), put in force before `month`.
fn ieepa_tariffs(sim: &mut Simulation, month: u32) -> usize {
    let mut q = sim.world_mut().query::<&Measure>();
    q.iter(sim.world())
        .filter(|m| m.legal_basis == "IEEPA" && matches!(m.kind, MeasureKind::Tariff(_)) && m.since < month)
        .count()
}

/// Why each of `month`'s commands by `by` was refused (None: applied).
fn verdicts(sim: &Simulation, by: &str) -> Vec<Option<String>> {
    sim.world()
        .resource::<CommandLog>()
        .0
        .iter()
        .filter(|e| e.issued.by == by)
        .map(|e| e.rejected.clone())
        .collect()
}

#[test]
fn the_teachers_inject_moves_the_world_once() {
    // Without it, the emergency tariffs are in force by month 4 (the timeline's own events).
    let mut quiet = sim(vec![]);
    quiet.run(5);
    assert!(
        ieepa_tariffs(&mut quiet, 4) > 0,
        "the timeline put IEEPA tariffs in force"
    );

    let mut fired = sim(vec![
        inject(4, TEACHER, "ruling_now"),
        inject(6, TEACHER, "ruling_now"),
    ]);
    fired.run(5);
    // Every emergency tariff in force when it fired is gone (the timeline's own orders of that
    // month come after the teacher's, in the events phase).
    assert_eq!(
        ieepa_tariffs(&mut fired, 4),
        0,
        "the ruling removed the IEEPA tariffs"
    );
    assert!(ieepa_tariffs(&mut quiet, 4) >= 5);
    let news = &fired.world().resource::<News>().0;
    let item = news
        .iter()
        .find(|n| n.about == "ruling_now")
        .expect("the inject is in the news");
    assert_eq!(item.month, 4);
    assert!(
        item.text_en().contains("IEEPA does not authorize tariffs"),
        "{}",
        item.text_en()
    );
    assert_eq!(
        fired.world().resource::<Timeline>().injected,
        vec!["ruling_now".to_string()]
    );
    // Its effects are logged as the event's, with the inject named.
    let log = &fired.world().resource::<CommandLog>().0;
    assert!(
        log.iter()
            .any(|e| e.issued.reason.starts_with("inject ruling_now") && e.rejected.is_none())
    );

    // The second firing is refused and changes nothing.
    fired.run(3);
    let v = verdicts(&fired, TEACHER);
    assert_eq!(v.len(), 2, "{v:?}");
    assert_eq!(v[0], None);
    assert!(
        v[1].as_deref().is_some_and(|r| r.contains("already been fired")),
        "{v:?}"
    );
    let news = &fired.world().resource::<News>().0;
    assert_eq!(news.iter().filter(|n| n.about == "ruling_now").count(), 1);
}

#[test]
fn only_the_teacher_fires_injects_and_only_injects() {
    let mut s = sim(vec![
        inject(1, "JPN", "pause_ends"),
        common::cmd(
            1,
            TEACHER,
            Command::SetTariff {
                target: "JPN".into(),
                sector: "autos".into(),
                rate: 0.5,
            },
        ),
        inject(1, TEACHER, "leaked_memo"),
    ]);
    s.run(2);
    let japan = verdicts(&s, "JPN");
    assert!(
        japan[0]
            .as_deref()
            .is_some_and(|r| r.contains("cannot fire an inject")),
        "{japan:?}"
    );
    let teacher = verdicts(&s, TEACHER);
    assert!(
        teacher[0].as_deref().is_some_and(|r| r.contains("injects only")),
        "{teacher:?}"
    );
    let unknown = teacher[1].as_deref().unwrap_or_default();
    assert!(
        unknown.contains("no inject \"leaked_memo\"") && unknown.contains("ruling_now, pause_ends"),
        "{unknown}"
    );
    assert!(s.world().resource::<Timeline>().injected.is_empty());
}

#[test]
fn an_inject_replays_and_survives_a_save() {
    let script = || vec![inject(2, TEACHER, "pause_ends")];
    let mut straight = sim(script());
    straight.run(8);
    let mut again = sim(script());
    again.run(8);
    assert_eq!(straight.state_hash(), again.state_hash());

    // Japan's machinery now pays the restored 24% (the IEEPA measure on it was replaced).
    let mut q = straight.world_mut().query::<&Measure>();
    let japan = straight.world().resource::<Registry>().state("JPN").unwrap();
    let rates: Vec<f64> = q
        .iter(straight.world())
        .filter(|m| m.legal_basis == "IEEPA" && m.target == Some(japan))
        .filter_map(|m| match m.kind {
            MeasureKind::Tariff(r) => Some(r),
            _ => None,
        })
        .collect();
    assert!(rates.contains(&0.24), "{rates:?}");

    let mut half = sim(script());
    half.run(4);
    let text = ron::to_string(&save::snapshot(half.world_mut())).unwrap();
    assert!(
        text.contains("injected:[\"pause_ends\"]"),
        "the save keeps the fired injects"
    );
    let mut resumed = save::restore(&ron::from_str(&text).unwrap()).unwrap();
    resumed.run(4);
    assert_eq!(resumed.state_hash(), straight.state_hash());
    // Still once only after the load.
    resumed.set_script(vec![inject(8, TEACHER, "pause_ends")]);
    resumed.run(1);
    let v = verdicts(&resumed, TEACHER);
    assert!(
        v.last()
            .cloned()
            .flatten()
            .is_some_and(|r| r.contains("already been fired")),
        "{v:?}"
    );
}

#[test]
fn a_game_without_injects_saves_as_before() {
    let mut s = sim(vec![]);
    s.run(2);
    let text = ron::to_string(&save::snapshot(s.world_mut())).unwrap();
    let state_part = &text[text.find("state:").unwrap()..text.find("records:").unwrap()];
    assert!(
        !state_part.contains("injected"),
        "no inject fired: the state is as before injects"
    );
}

#[test]
fn commands_files_and_scenarios_are_checked() {
    use tradecraft::scenario::validate;
    let level = common::level("2025_tariff_shock.ron");
    let problems = validate::commands_file(
        &[
            inject(3, TEACHER, "ruling_now"),
            inject(3, TEACHER, "leaked_memo"),
            inject(3, "USA", "ruling_now"),
            common::cmd(3, TEACHER, Command::Court { target: "JPN".into() }),
        ],
        Some(&level),
    );
    let text: Vec<String> = problems
        .iter()
        .map(|p| format!("{}: {} ({})", p.path, p.message, p.hint))
        .collect();
    assert_eq!(problems.len(), 3, "{text:#?}");
    assert!(
        text[0].contains("leaked_memo") && text[0].contains("[1].command.id"),
        "{}",
        text[0]
    );
    assert!(
        text[1].contains("cannot fire an inject") && text[1].contains("[2].by"),
        "{}",
        text[1]
    );
    assert!(
        text[2].contains("injects only") && text[2].contains("[3].by"),
        "{}",
        text[2]
    );

    // An inject's effects are checked as an event's; an effect cannot fire an inject.
    let mut bad = level.clone();
    bad.injects[0].title = " ".into();
    bad.injects[1].effects[0].command = Command::Inject {
        id: "ruling_now".into(),
    };
    bad.injects[1].effects[1].by = "XYZ".into();
    let problems: Vec<String> = validate::scenario(&bad)
        .iter()
        .map(|p| format!("{}: {} ({})", p.path, p.message, p.hint))
        .collect();
    assert!(
        problems.iter().any(|p| p.contains("injects[0].title")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("injects[1].effects[0].command") && p.contains("only the teacher")),
        "{problems:#?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("injects[1].effects[1].by")),
        "{problems:#?}"
    );
    bad.injects[1].id = bad.injects[0].id.clone();
    let problems: Vec<String> = validate::scenario(&bad)
        .iter()
        .map(|p| format!("{}: {} ({})", p.path, p.message, p.hint))
        .collect();
    assert!(
        problems
            .iter()
            .any(|p| p.contains("ruling_now") && p.contains("injects")),
        "{problems:#?}"
    );
}

#[test]
fn a_save_naming_an_unknown_inject_is_refused() {
    let mut s = sim(vec![inject(1, TEACHER, "ruling_now")]);
    s.run(2);
    let mut snap = save::snapshot(s.world_mut());
    assert_eq!(snap.state.injected, vec!["ruling_now".to_string()]);
    snap.state.injected.push("ruling_now".into());
    let err = save::restore(&snap).err().expect("twice is refused");
    assert!(err.contains("fired twice"), "{err}");
    snap.state.injected = vec!["leaked_memo".into()];
    let err = save::restore(&snap).err().expect("an unknown inject is refused");
    assert!(err.contains("\"leaked_memo\""), "{err}");
}

/// An inject's order reads with the inject's title, as the teacher's menu shows it, not its id
/// (the teacher's log, the class notes, the debrief).
#[test]
fn an_injects_order_is_labelled_with_its_title() {
    let mut s = sim(vec![]);
    let title = s.world().resource::<Timeline>().injects[0].title.clone();
    let id = s.world().resource::<Timeline>().injects[0].id.clone();
    let names = lookup::all_names(s.world_mut());
    let label = Command::Inject { id: id.clone() }.label_in(tradecraft::i18n::Lang::En, &|i| {
        names.get(i).cloned().unwrap_or_else(|| i.to_string())
    });
    assert_eq!(label, format!("fire the inject {title}"));
    assert!(!label.contains(&id), "{label}");
}
