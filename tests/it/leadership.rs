//! Leaders change (sim/leadership.rs): a parliamentary party replaces a leader who stays
//! unpopular, a scheduled election unseats an unpopular incumbent and keeps a popular one, the
//! new leader starts afresh (honeymoon approval, capital, no stance in any dispute), and the
//! 2025 history path replaces Ishiba with Takaichi in October 2025 because of the rule.

use crate::common;

use tradecraft::command::{Command, Tone};
use tradecraft::scenario::{ElectionDef, PoliticalSystem, Scenario};
use tradecraft::sim::*;

fn politics(sim: &mut Simulation, id: &str) -> Politics {
    let w = sim.world_mut();
    let mut q = w.query::<(&Country, &Politics)>();
    q.iter(w)
        .find(|(c, _)| c.id == id)
        .map(|(_, p)| p.clone())
        .unwrap()
}

fn stance(sim: &mut Simulation, dispute: &str, state: &str) -> f64 {
    let i = sim.world().resource::<Registry>().state(state).unwrap();
    let w = sim.world_mut();
    let mut q = w.query::<&Dispute>();
    q.iter(w).find(|d| d.id == dispute).unwrap().stance_of(i)
}

fn news_about(sim: &Simulation, about: &str) -> Vec<(u32, String)> {
    sim.world()
        .resource::<News>()
        .0
        .iter()
        .filter(|n| n.about == about)
        .map(|n| (n.month, n.text_en()))
        .collect()
}

/// The mini world with Japan's leader named, its system and approval set, and its elections.
fn mini_with(system: PoliticalSystem, approval: f64, elections: Vec<ElectionDef>) -> Scenario {
    let mut s = common::mini();
    let jpn = s.states.iter_mut().find(|x| x.id == "JPN").unwrap();
    jpn.leader = "Tanaka Ichiro".into();
    jpn.system = Some(system);
    jpn.approval = approval;
    jpn.elections = elections;
    s
}

fn election(date: &str, takes_office: Option<&str>) -> ElectionDef {
    ElectionDef {
        title_ja: None,
        note_ja: None,
        successor_ja: None,
        date: date.into(),
        title: "the general election".into(),
        successor: "Suzuki Hanako".into(),
        takes_office: takes_office.map(str::to_string),
        steps_down: false,
        note: String::new(),
    }
}

/// Guards: a parliamentary leader below `contest_floor` for `contest_months` is replaced by the
/// party, and the successor starts afresh: honeymoon approval, new capital, and no stance in
/// the dispute where the old leader had spoken out (no audience cost inherited). Without the
/// mechanism the leader stays and the stance lingers.
#[test]
fn a_party_replaces_a_leader_who_stays_unpopular() {
    let mut s = mini_with(PoliticalSystem::Parliamentary, 0.15, vec![]);
    s.parameters.contest_months = 3.0;
    let honeymoon = s.parameters.honeymoon_approval;
    let mut sim = Simulation::new(&s, 1, Some("JPN")).unwrap();
    sim.set_ai(false);
    sim.issue(
        "JPN",
        Command::Statement {
            dispute: "autos".into(),
            tone: Tone::Hostile,
        },
        Origin::Player,
    );
    sim.run(2);
    let before = politics(&mut sim, "JPN");
    assert_eq!(before.leader, "Tanaka Ichiro");
    assert_eq!(before.months_below, 2, "two months below the floor");
    let firm = stance(&mut sim, "autos", "JPN");
    assert!(firm > 0.1, "the hostile words still count: stance {firm}");
    sim.step();
    let after = politics(&mut sim, "JPN");
    assert_eq!(after.leader, "Tanaka Ichiro's successor", "{after:?}");
    assert_eq!(after.approval, honeymoon);
    assert_eq!(after.capital, s.parameters.new_leader_capital);
    assert_eq!(after.months_below, 0);
    assert_eq!(
        stance(&mut sim, "autos", "JPN"),
        0.0,
        "the new leader owes nothing to the old one's words"
    );
    let news = news_about(&sim, "JPN");
    let (month, headline) = news.last().expect("the change is in the news");
    assert_eq!(*month, 2);
    assert!(
        headline.contains("takes office")
            && headline.contains("the party replaced Tanaka Ichiro after 3 months")
            && headline.contains("Auto tariffs"),
        "{headline}"
    );
    let causes = &sim.world().resource::<Causes>().0;
    assert!(
        causes
            .iter()
            .any(|c| c.subject == "autos" && c.indicator == "stance" && c.delta < 0.0),
        "the stance's reset has its cause"
    );
    assert!(
        causes
            .iter()
            .any(|c| c.subject == "JPN" && c.indicator == "approval" && c.because.contains("first polls")),
        "the honeymoon has its cause"
    );
    // The honeymoon ends the contest clock: no second change for a long while.
    sim.run(12);
    assert_eq!(politics(&mut sim, "JPN").leader, "Tanaka Ichiro's successor");
}

/// Guards: a scheduled election keeps a popular incumbent (the player's own leader included)
/// and unseats an unpopular one, whose party's successor takes office after the leadership
/// race (`leadership_lag`); a presidential loser hands over at the inauguration.
#[test]
fn an_election_keeps_a_popular_leader_and_unseats_an_unpopular_one() {
    let popular = mini_with(
        PoliticalSystem::Parliamentary,
        0.6,
        vec![election("2025-03", None)],
    );
    let mut sim = Simulation::new(&popular, 1, Some("JPN")).unwrap();
    sim.set_ai(false);
    sim.run(8);
    assert_eq!(politics(&mut sim, "JPN").leader, "Tanaka Ichiro");
    let news = news_about(&sim, "JPN");
    assert!(
        news.iter()
            .any(|(m, h)| *m == 2 && h.contains("Tanaka Ichiro keeps office after the general election")),
        "{news:?}"
    );

    let unpopular = mini_with(
        PoliticalSystem::Parliamentary,
        0.3,
        vec![election("2025-03", None)],
    );
    let lag = unpopular.parameters.leadership_lag as u32;
    let mut sim = Simulation::new(&unpopular, 1, Some("JPN")).unwrap();
    sim.set_ai(false);
    sim.run(3);
    let lame_duck = politics(&mut sim, "JPN");
    assert_eq!(lame_duck.leader, "Tanaka Ichiro", "the party's race takes time");
    assert_eq!(lame_duck.succession.as_ref().map(|s| s.month), Some(2 + lag));
    sim.run(lag);
    let p = politics(&mut sim, "JPN");
    assert_eq!(p.leader, "Suzuki Hanako");
    assert!(p.succession.is_none());

    let president = mini_with(
        PoliticalSystem::Presidential,
        0.3,
        vec![election("2025-03", Some("2025-05"))],
    );
    let mut sim = Simulation::new(&president, 1, None).unwrap();
    sim.run(4);
    assert_eq!(
        politics(&mut sim, "JPN").leader,
        "Tanaka Ichiro",
        "not before the inauguration"
    );
    sim.step();
    assert_eq!(politics(&mut sim, "JPN").leader, "Suzuki Hanako");
}

/// Guards: on the 2025 history path — every side run by the AI and the timeline, and Japan's
/// own history replay — Japan's approval is below `election_threshold` at the July 2025
/// upper-house election, so the rule (not a scripted event) has Ishiba Shigeru make way for
/// Takaichi Sanae in October 2025, and the news says so.
#[test]
fn the_2025_history_path_replaces_ishiba_with_takaichi_in_october() {
    let s = common::level("2025_tariff_shock.ron");
    let history = tradecraft::scenario::load_commands(
        std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/levels/2025_tariff_shock.history.ron"
        )),
        Some(&s),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for side in [None, Some("JPN")] {
        let mut sim = Simulation::new(&s, 1, side).unwrap();
        if side.is_some() {
            sim.set_script(history.clone());
        }
        sim.run(7); // to July 2025
        let july = politics(&mut sim, "JPN");
        assert!(
            july.approval < s.parameters.election_threshold,
            "approval {} at the election",
            july.approval
        );
        assert_eq!(july.leader, "Ishiba Shigeru");
        sim.run(2); // August, September
        assert_eq!(politics(&mut sim, "JPN").leader, "Ishiba Shigeru");
        sim.step(); // October 2025
        assert_eq!(sim.world().resource::<Clock>().date_of(9), "2025-10");
        let p = politics(&mut sim, "JPN");
        assert_eq!(p.leader, "Takaichi Sanae", "{side:?}");
        assert_eq!(p.approval, s.parameters.honeymoon_approval);
        let news = news_about(&sim, "JPN");
        assert!(
            news.iter().any(|(m, h)| *m == 6
                && h.contains("Ishiba Shigeru loses the House of Councillors election")
                && h.contains("Takaichi Sanae will take office in October 2025")),
            "{news:?}"
        );
        assert!(
            news.iter()
                .any(|(m, h)| *m == 9 && h.contains("Takaichi Sanae takes office")),
            "{news:?}"
        );
    }
}

/// Guards: a change of leader decided but not yet made survives a save: resumed in August
/// 2025, between the election and the handover, the run ends with the same hash.
#[test]
fn a_pending_change_of_leader_survives_a_save() {
    let s = common::level("2025_tariff_shock.ron");
    let mut straight = Simulation::new(&s, 1, None).unwrap();
    straight.run(12);
    let mut half = Simulation::new(&s, 1, None).unwrap();
    half.run(8);
    assert!(politics(&mut half, "JPN").succession.is_some());
    let text = ron::to_string(&tradecraft::save::snapshot(half.world_mut())).unwrap();
    let mut resumed = tradecraft::save::restore(&ron::from_str(&text).unwrap()).unwrap();
    resumed.run(4);
    assert_eq!(politics(&mut resumed, "JPN").leader, "Takaichi Sanae");
    assert_eq!(resumed.state_hash(), straight.state_hash());
}
