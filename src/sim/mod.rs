//! The model: a headless bevy app. One month is one run of the `Month` schedule, whose system
//! sets (one per phase; docs/model.md §1) run in a fixed chained order on one thread.

pub mod acquisitions;
pub mod ai;
pub mod alliances;
pub mod causes;
pub mod commands;
pub mod components;
pub mod escalation;
pub mod explain;
pub mod export_controls;
pub mod factors;
pub mod frameworks;
pub mod generate;
pub mod history;
pub mod leadership;
pub mod lobbies;
pub mod lookup;
pub mod measures;
pub mod negotiation;
pub mod objectives;
pub mod politics;
pub mod quotas;
pub mod record;
pub mod resources;
pub mod setup;
pub mod simd;
pub mod state;
pub mod strategic_inputs;
pub mod supply_chains;
pub mod timeline;
pub mod trade;
pub mod units;
pub mod wedges;

use bevy_app::prelude::*;
use bevy_ecs::prelude::*;
use bevy_ecs::schedule::{ScheduleLabel, SingleThreadedExecutor};

pub use components::*;
pub use history::{History, HistoryCache};
pub use resources::*;

/// The schedule that advances the world by one month.
#[derive(ScheduleLabel, Debug, Clone, PartialEq, Eq, Hash)]
pub struct Month;

/// The phases of a month, in the order they run.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// 1. Validate and apply queued commands.
    Commands,
    /// 2. Historical events due this month.
    Timeline,
    /// 3. Prices, demand, flows, strategic bottlenecks, CPI, output, employment.
    Trade,
    /// 4. Factor returns (Stolper–Samuelson).
    Factors,
    /// 5. Risk and the slow relocation of capacity.
    SupplyChains,
    /// 6. Export controls: coalition coverage and the target's shortfall.
    ExportControls,
    /// 7. Lobby grievance and pressure, approval, changes of leader.
    Lobbies,
    /// 8. The escalation ladder and media salience.
    Escalation,
    /// 9. Trust, credibility, alignment, framework votes.
    Alliances,
    /// 10. Non-player governments choose next month's commands.
    Ai,
    /// 11. Time series, and the clock moves on.
    Record,
}

impl Phase {
    pub const ORDER: [Phase; 11] = [
        Phase::Commands,
        Phase::Timeline,
        Phase::Trade,
        Phase::Factors,
        Phase::SupplyChains,
        Phase::ExportControls,
        Phase::Lobbies,
        Phase::Escalation,
        Phase::Alliances,
        Phase::Ai,
        Phase::Record,
    ];
}

/// Adds the `Month` schedule and every mechanism's systems. The world itself is filled by
/// `setup::build` from a scenario (or `crate::save::restore` from a snapshot).
pub struct SimPlugin;

impl Plugin for SimPlugin {
    fn build(&self, app: &mut App) {
        let mut schedule = Schedule::new(Month);
        // One thread, one order: floating-point sums and RNG draws happen in the same sequence
        // on every run (docs/architecture.md, "Deterministic").
        schedule.set_executor(SingleThreadedExecutor::new());
        for pair in Phase::ORDER.windows(2) {
            schedule.configure_sets(pair[1].after(pair[0]));
        }
        app.add_schedule(schedule);
        app.add_systems(
            Month,
            (
                commands::apply_commands.in_set(Phase::Commands),
                timeline::fire_events.in_set(Phase::Timeline),
                (
                    wedges::derive_wedges,
                    trade::solve_trade,
                    strategic_inputs::bottlenecks,
                    trade::update_output,
                    explain::explain,
                )
                    .chain()
                    .in_set(Phase::Trade),
                factors::factor_returns.in_set(Phase::Factors),
                (supply_chains::assess_risk, supply_chains::relocate)
                    .chain()
                    .in_set(Phase::SupplyChains),
                export_controls::coverage.in_set(Phase::ExportControls),
                (
                    lobbies::lobby_pressure,
                    politics::approval,
                    leadership::change_leaders,
                )
                    .chain()
                    .in_set(Phase::Lobbies),
                escalation::escalate.in_set(Phase::Escalation),
                (alliances::trust, alliances::alignment, frameworks::frameworks)
                    .chain()
                    .in_set(Phase::Alliances),
                ai::choose.in_set(Phase::Ai),
                (
                    record::record_history,
                    record::advance_clock,
                    objectives::freeze_final_scores,
                )
                    .chain()
                    .in_set(Phase::Record),
            ),
        );
    }
}

/// Add commands to a world's script (see `Simulation::schedule`): the game window's world too.
pub fn schedule(world: &mut World, commands: Vec<crate::command::ScheduledCommand>) {
    let now = world.resource::<Clock>().month;
    world
        .resource_mut::<Script>()
        .0
        .extend(commands.into_iter().filter(|c| c.month >= now));
}

/// A headless simulation: the app, plus the calls the CLI, tests and GUI need.
pub struct Simulation {
    pub app: App,
}

impl Simulation {
    /// Build a world from a validated scenario. `player` names the side the player leads
    /// (its historical decisions then do not fire); None runs every state by AI.
    pub fn new(
        scenario: &crate::scenario::Scenario,
        seed: u64,
        player: Option<&str>,
    ) -> Result<Self, String> {
        let mut sim = Simulation::blank();
        setup::build(sim.world_mut(), scenario, seed, player)?;
        Ok(sim)
    }

    /// Build a world where people lead every state in `sides` (a class game or hotseat: the AI
    /// leaves them all alone, and none of their scripted historical decisions fire); the first
    /// is the side the screens follow. No sides: every state is AI.
    pub fn with_sides(
        scenario: &crate::scenario::Scenario,
        seed: u64,
        sides: &[String],
    ) -> Result<Self, String> {
        let mut sim = Simulation::blank();
        setup::rebuild(sim.world_mut(), scenario, seed, sides)?;
        Ok(sim)
    }

    /// The model's schedules with no world built yet: `setup::build` (or a class team's
    /// `Seat::join`) fills it.
    pub fn blank() -> Self {
        let mut app = App::new();
        app.add_plugins(SimPlugin);
        // The schedule's graph and its systems' state built here, with the world, rather than
        // by the first month's run (two thirds of that month: 0.2 ms of the 2025 level's first).
        // A build error would come back, named by bevy, from the first month's run.
        let _ = app.world_mut().try_schedule_scope(Month, |world, month| {
            let _ = month.initialize(world);
        });
        Simulation { app }
    }

    pub fn world(&self) -> &World {
        self.app.world()
    }

    pub fn world_mut(&mut self) -> &mut World {
        self.app.world_mut()
    }

    /// Run one month.
    pub fn step(&mut self) {
        self.app.world_mut().run_schedule(Month);
    }

    pub fn run(&mut self, months: u32) {
        for _ in 0..months {
            self.step();
        }
    }

    /// Switch the non-player governments off (mechanism tests, pure replays) or on.
    pub fn set_ai(&mut self, on: bool) {
        self.world_mut().resource_mut::<Control>().ai = on;
    }

    pub fn month(&self) -> u32 {
        self.world().resource::<Clock>().month
    }

    /// Queue a command for the next month's Commands phase.
    pub fn issue(&mut self, by: &str, command: crate::command::Command, origin: Origin) {
        self.world_mut().resource_mut::<PendingCommands>().0.push(Issued {
            by: by.to_string(),
            command,
            origin,
            reason: String::new(),
        });
    }

    /// Replace the scripted commands still to come with `script` (entries for months already
    /// run are dropped).
    pub fn set_script(&mut self, script: Vec<crate::command::ScheduledCommand>) {
        let now = self.month();
        let future = script.into_iter().filter(|c| c.month >= now).collect();
        self.world_mut().resource_mut::<Script>().0 = future;
    }

    /// Add commands to the script (a class game's month, as the host fixed it): they are applied
    /// in their month's Commands phase exactly as a commands file's are.
    pub fn schedule(&mut self, commands: Vec<crate::command::ScheduledCommand>) {
        schedule(self.world_mut(), commands);
    }

    /// Hash of the whole simulation state (see `state::state_hash`).
    pub fn state_hash(&mut self) -> u64 {
        state::state_hash(self.app.world_mut())
    }
}
