//! Every number of the model, in one table: its name in a scenario's `parameters`, default,
//! accepted range, meaning and source (or `estimate:` where the number is ours). The struct, its
//! defaults, the validator's ranges, `tradecraft parameters` and the table in levels/README.md
//! are all generated from the table below, so they cannot disagree (a test checks the README).
//!
//! Long file: one entry per coefficient of the model, each with its reason and source; split,
//! a teacher tuning the model would chase the numbers across files.

use serde::{Deserialize, Serialize};

/// One coefficient, as documented.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ParamInfo {
    /// The mechanism it belongs to (a heading in the README's table).
    pub group: &'static str,
    pub name: &'static str,
    pub default: f64,
    pub lo: f64,
    pub hi: f64,
    pub meaning: &'static str,
    /// The literature or data behind the default, or "estimate: …".
    pub source: &'static str,
}

macro_rules! parameters {
    ($( $group:literal {
        $( $(#[doc = $doc:literal])+ $name:ident = $default:expr, [$lo:expr, $hi:expr], $source:literal; )*
    } )*) => {
        /// Coefficients of the model. A scenario's `parameters` may set any of them; the rest take
        /// their defaults (the table in src/scenario/parameters.rs, with reasons and sources).
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields, default)]
        pub struct Parameters {
            $( $( $(#[doc = $doc])+ pub $name: f64, )* )*
        }

        impl Default for Parameters {
            fn default() -> Self {
                Parameters { $( $( $name: $default, )* )* }
            }
        }

        impl Parameters {
            /// Every coefficient, in the order of the table.
            pub const TABLE: &'static [ParamInfo] = &[
                $( $( ParamInfo {
                    group: $group,
                    name: stringify!($name),
                    default: $default,
                    lo: $lo,
                    hi: $hi,
                    meaning: concat!($($doc),+),
                    source: $source,
                }, )* )*
            ];

            /// The values in force, in the order of `TABLE`.
            pub fn values(&self) -> Vec<f64> {
                vec![ $( $( self.$name, )* )* ]
            }
        }
    };
}

parameters! {
    "Trade" {
        /// Armington elasticity σ for sectors that give none: how readily buyers switch suppliers as landed prices change.
        elasticity = 3.0, [1.01, 20.0], "Simonovska & Waugh (2014) ≈ 4; import-demand estimates ≈ 2.5 (Broda & Weinstein 2006): 3 sits between";
        /// Share of the gap to the month's equilibrium flows closed each month (contracts, inventories).
        adjustment_rate = 1.0 / 3.0, [0.001, 1.0], "estimate: 1/3 closes four-fifths of the gap in four months; U.S. imports of the goods hit in 2018 fell within months (Fajgelbaum et al. 2020; checked by validate-model's 2018_tariffs_imports, which 1/6 failed)";
        /// Supply elasticity η for sectors that give none: producer prices follow (demand / base)^(1/η), so domestic competitors raise prices behind a tariff.
        supply_elasticity = 5.0, [0.1, 1000.0], "estimate: Flaaen, Hortaçsu & Tintelnot (2020) find U.S. dryer and domestic washer prices rose with the import tariff";
        /// Share of the gap to the month's producer price closed each month.
        price_adjustment = 0.5, [0.001, 1.0], "estimate: producer prices settle within a quarter";
        /// Amplitude of coherent monthly producer-price shocks (commodity prices).
        price_noise = 0.005, [0.0, 0.5], "estimate: a few tenths of a percent a month";
        /// Amplitude of coherent monthly demand shocks.
        demand_noise = 0.01, [0.0, 0.5], "estimate: about 1% a month, the noise of monthly trade data";
        /// Months for employment to close half the gap to what output needs.
        employment_half_life = 6.0, [0.1, 240.0], "estimate: manufacturing employment adjusts over one to two years (Flaaen & Pierce 2019)";
    }
    "Strategic inputs" {
        /// Months of normal use of a strategic input that buyers hold in stock: a cut-off bites only when the stock runs out.
        strategic_stock_months = 2.0, [0.0, 60.0], "estimate: users hold weeks to a few months of magnets and rare earths (the 2010 halt to Japan; European suppliers stopping lines in June 2025 after China's April controls)";
        /// Monthly share of the gap between its need for a strategic input and what is available that a user closes by substitution and thrift.
        strategic_substitution = 0.04, [0.0, 1.0], "estimate: after the 2010 halt Japan's rare-earth imports fell by about half within two years through thrift and substitution, while prices spiked and fell back (widely reported; JOGMEC)";
        /// Shortfall of a strategic input that users bridge without stopping lines (spot purchases, thrift, slack in their schedules): the cap is available / need + this.
        strategic_slack = 0.05, [0.0, 1.0], "estimate: small gaps are bridged; lines stop when a tenth or more of a critical input is missing";
        /// Largest share of the need for a strategic input that substitution can remove.
        strategic_substitution_max = 0.5, [0.0, 1.0], "estimate: Japan cut China's share of its rare-earth supply from about 90% (2010) to about 60% by the late 2010s through recycling, thrift and new suppliers (widely reported; JOGMEC)";
    }
    "Supply chains" {
        /// Rise of sourcing risk over its base level (r*) beyond which buyers start moving purchases elsewhere.
        relocation_threshold = 0.15, [0.0, 10.0], "estimate";
        /// Monthly rate κ at which purchase weights leave a risky supplier, per unit of risk above r*.
        relocation_rate = 0.03, [0.0, 1.0], "estimate: a few percent of a sourcing base a year moves under sustained risk (Alfaro & Chor 2023)";
        /// Largest share of a purchase weight that can move in one month.
        relocation_max_move = 0.1, [0.0, 1.0], "estimate";
        /// Investment cost of relocating, per bn USD/yr of purchases moved (bn USD).
        relocation_cost = 0.5, [0.0, 100.0], "estimate";
        /// Weight of the tariff between two states in the sourcing risk.
        risk_tariff = 1.0, [0.0, 10.0], "estimate";
        /// Weight of distrust (1 − trust) in the sourcing risk.
        risk_distrust = 0.5, [0.0, 10.0], "estimate";
        /// Weight of the distance in alignment between two states in the sourcing risk.
        risk_alignment = 0.3, [0.0, 10.0], "estimate";
        /// Weight of recent export controls aimed at the buyer in the sourcing risk.
        risk_coercion = 1.0, [0.0, 10.0], "estimate";
        /// Monthly persistence of the memory of coercion.
        coercion_memory = 0.97, [0.0, 1.0], "estimate: a half-life of about two years; Japan's 2010 rare-earth halt still shaped its sourcing a decade later (checked by validate-model's 2010_rare_earths_diversification)";
    }
    "Trust and alignment" {
        /// Trust between pairs not listed in `relations`.
        trust_default = 0.6, [0.0, 1.0], "estimate";
        /// Monthly move of trust toward its ceiling without friction (μ): healing below the ceiling, goodwill fading above it.
        trust_recovery = 0.02, [0.0, 1.0], "estimate: a few years to heal, as after the 1980s–90s trade wars";
        /// Share of its starting trust a state keeps in a partner whatever happens: the floor of deep ties (alliances, investment, people).
        trust_floor = 0.4, [0.0, 1.0], "estimate: allied publics' views of the U.S. fell sharply in 2025 but did not collapse (Pew Research Center, 2025 global attitudes)";
        /// Trust lost in a month of a dispute at the public rung.
        public_trust_loss = 0.06, [0.0, 1.0], "estimate";
        /// Share of the public rung's trust loss at the leaders' rung.
        leaders_trust_share = 0.3, [0.0, 1.0], "estimate";
        /// Ceiling lost, for good, in a month of a dispute at the public rung: what time alone can heal back to.
        ceiling_step = 0.03, [0.0, 1.0], "estimate";
        /// Trust each side loses per month of a dispute at the ministerial or dispute-settlement rung.
        private_friction = 0.004, [0.0, 1.0], "estimate";
        /// Trust lost per month per unit of new average tariff a partner charges.
        tariff_friction = 0.02, [0.0, 1.0], "estimate";
        /// Trust both sides gain when they conclude a deal (above the ceiling it fades at μ).
        deal_trust = 0.05, [0.0, 1.0], "estimate";
        /// Monthly rate at which alignment moves toward its target.
        alignment_rate = 0.02, [0.0, 1.0], "estimate";
        /// Weight γ₁ of the credibility gap between the poles in the alignment target.
        alignment_credibility = 0.8, [0.0, 10.0], "estimate";
        /// Weight γ₂ of the trade tilt between the poles in the alignment target.
        alignment_trade = 0.3, [0.0, 10.0], "estimate";
        /// Alignment beyond which a state counts as a pole's ally (its treatment is watched by the others).
        ally_alignment = 0.3, [0.0, 1.0], "estimate";
    }
    "Frameworks" {
        /// θ in a member's stance on an applicant: closeness of alignment + ½·trust must exceed it at the start.
        accession_threshold = 0.9, [0.0, 3.0], "estimate";
        /// Weight of the rise in the applicant's share of the member's exports in its stance (the gain of the applicant's market).
        stance_market = 2.0, [0.0, 20.0], "estimate";
        /// Weight of the deference a member has lost toward the plus pole in its stance on the minus pole's bid.
        stance_deference = 0.6, [0.0, 20.0], "estimate";
        /// The part of a member's deference to the plus pole that is security, not market: deference = trust · (this + the pole's share of its exports).
        deference_security = 0.5, [0.0, 10.0], "estimate: allies weigh the alliance above the market (Japan, Australia, Canada)";
        /// Monthly growth of the pressure on holdouts once a majority supports an applicant.
        holdout_pressure_step = 0.02, [0.0, 1.0], "estimate: the RCEP holdouts gave way within about a year";
        /// Trust a framework member loses each month with every supporter of an applicant it blocks, once a majority backs it.
        holdout_resentment = 0.003, [0.0, 1.0], "estimate";
        /// Trust a courted state gains in the one that courts it (eased bans, visa waivers, purchase pledges).
        court_trust = 0.03, [0.0, 1.0], "estimate: China's 2023–24 thaw with Australia (barley, wine, lobster bans lifted)";
        /// Support for the courting applicant each courtship adds to the courted member's stance, before it fades.
        court_offer = 0.08, [0.0, 2.0], "estimate";
        /// Monthly persistence of a courtship's effect on a stance.
        court_memory = 0.92, [0.0, 1.0], "estimate: an overture is forgotten within about a year unless renewed";
        /// Political capital a courtship costs.
        court_capital = 5.0, [0.0, 100.0], "estimate: half a summit";
        /// Fall in a member's trust in the plus pole (below its start) at which a coercer starts courting it.
        court_trigger = 0.1, [0.0, 1.0], "estimate";
    }
    "Escalation" {
        /// Threshold θ of escalation pressure above which a dispute tends to climb.
        escalation_threshold = 0.6, [0.0, 10.0], "estimate";
        /// Width of the logistic: how sharp the step from calm to climbing is.
        escalation_width = 0.15, [0.001, 10.0], "estimate";
        /// Ceiling on the monthly chance of moving a rung.
        escalation_max_move = 0.5, [0.0, 1.0], "estimate";
        /// The cooling threshold as a share of the climbing one: below it a dispute tends to come down a rung.
        cooling_share = 0.5, [0.0, 1.0], "estimate";
        /// Weight b₁ of lobby pressure in a dispute's escalation pressure.
        escalation_lobby = 0.8, [0.0, 10.0], "estimate: Putnam (1988), the domestic level of the two-level game";
        /// Weight b₂ of media salience in escalation pressure.
        escalation_salience = 0.6, [0.0, 10.0], "estimate";
        /// Weight b₃ of the heat of hostile or firm statements.
        escalation_heat = 1.0, [0.0, 10.0], "estimate";
        /// Weight b₄ of new tariffs in force between the two sides (per 25 points, up to 2).
        escalation_retaliation = 0.4, [0.0, 10.0], "estimate";
        /// Pressure taken off by talks at the working level (rungs up to ministerial), b₅.
        escalation_working_level = 0.3, [0.0, 10.0], "estimate";
        /// Weight b₆ of calm (offers, carve-outs, conciliatory words).
        escalation_calm = 0.8, [0.0, 10.0], "estimate";
        /// Pressure taken off by a year at the same rung, b₇.
        escalation_time = 0.2, [0.0, 10.0], "estimate";
        /// Months a formal dispute-settlement panel takes.
        panel_months = 15.0, [1.0, 120.0], "estimate: WTO panels typically took more than a year in the 2010s";
        /// Share of the usual chance of climbing that leaks through a sitting panel (leaders pull the case out).
        panel_leak = 0.1, [0.0, 1.0], "estimate";
        /// Monthly persistence of media salience (ρ).
        salience_decay = 0.85, [0.0, 1.0], "estimate: a story loses most of its coverage within a few months";
        /// Salience a dispute draws each month at the ministerial rung (α).
        salience_ministerial = 0.02, [0.0, 1.0], "estimate";
        /// Salience a month at the dispute-settlement rung.
        salience_dispute_settlement = 0.03, [0.0, 1.0], "estimate";
        /// Salience a month at the leaders' rung.
        salience_leaders = 0.06, [0.0, 1.0], "estimate";
        /// Salience a month at the public rung.
        salience_public = 0.10, [0.0, 1.0], "estimate";
        /// Months for the news value of a rung to halve while nothing new happens (no climb, no hot words): attention fades within about a year.
        salience_half_life = 3.0, [0.1, 1000.0], "estimate: issue-attention cycle (Downs 1972); coverage of a trade fight fades within months unless something new happens";
        /// Salience added per unit of heat (hostile or firm words).
        salience_heat = 0.3, [0.0, 10.0], "estimate";
        /// Monthly persistence of salience while a panel sits (lawyers, not headlines).
        panel_salience = 0.9, [0.0, 1.0], "estimate";
        /// Monthly persistence of heat from statements.
        heat_decay = 0.5, [0.0, 1.0], "estimate";
        /// Monthly persistence of calm from offers and conciliatory words.
        calm_decay = 0.7, [0.0, 1.0], "estimate";
        /// Monthly persistence of a side's public stance.
        stance_decay = 0.85, [0.0, 1.0], "estimate";
        /// Calm talks or an offer at the working level add.
        working_level_calm = 0.35, [0.0, 10.0], "estimate: officials settle most disputes out of sight";
        /// Calm talks or an offer at the ministerial level add.
        ministerial_calm = 0.25, [0.0, 10.0], "estimate";
        /// Calm a summit or a leaders' offer adds (less: leaders' talks are news).
        leaders_calm = 0.15, [0.0, 10.0], "estimate";
        /// Calm each sector an offer carves out adds (at most three count).
        carve_out_calm = 0.1, [0.0, 10.0], "estimate";
        /// Heat a rejected offer adds.
        rejection_heat = 0.2, [0.0, 10.0], "estimate";
        /// Calm a conciliatory statement adds.
        conciliatory_calm = 0.2, [0.0, 10.0], "estimate";
        /// Heat a firm statement adds.
        firm_heat = 0.25, [0.0, 10.0], "estimate";
        /// Heat a hostile statement adds.
        hostile_heat = 0.6, [0.0, 10.0], "estimate";
        /// Salience a hostile statement adds at once.
        hostile_salience = 0.15, [0.0, 1.0], "estimate";
    }
    "Politics" {
        /// Monthly refill of political capital per unit of approval above 0.3.
        capital_refill = 2.0, [0.0, 100.0], "estimate";
        /// A lobby's grievance per unit of its members' losses (share of jobs lost plus share of factor income lost).
        lobby_loss_weight = 5.0, [0.0, 100.0], "estimate: a 20% loss of jobs or income turns a lobby's grievance to its maximum";
        /// Political capital a leaders' summit costs.
        summit_cost = 10.0, [0.0, 100.0], "estimate";
        /// Monthly pull of approval back toward the leader's starting level.
        approval_reversion = 0.03, [0.0, 1.0], "estimate";
        /// Approval per 1% monthly change in real income (a₁).
        approval_income = 0.01, [0.0, 10.0], "estimate: economic voting (Lewis-Beck & Stegmaier 2000)";
        /// Approval lost per point of monthly CPI inflation (a₂).
        approval_inflation = 0.02, [0.0, 10.0], "estimate";
        /// Approval lost per 1% of jobs lost in a month (a₃).
        approval_jobs = 0.01, [0.0, 10.0], "estimate";
        /// Approval lost per month per unit of unanswered lobby pressure (a₄).
        approval_lobby = 0.004, [0.0, 1.0], "estimate";
        /// Monthly approval from standing firm in a public dispute (a₅, the rally effect).
        approval_rally = 0.004, [0.0, 1.0], "estimate: rally effects are small and short (Mueller 1970)";
        /// Approval lost for backing down after public threats (a₆, the audience cost).
        audience_cost = 0.05, [0.0, 1.0], "estimate: Fearon (1994); Tomz (2007) finds audience costs of several points";
        /// Stance in a dispute above which a side stands firm: it rallies support, and backing down costs approval.
        firm_stance = 0.3, [0.0, 2.0], "estimate";
        /// Months after a lobby wins during which it counts as answered.
        answered_months = 6.0, [0.0, 120.0], "estimate";
        /// Yearly output capacity (bn USD) an approved acquisition adds per bn USD of pledged investment.
        investment_capacity = 0.3, [0.0, 10.0], "estimate: a capital–output ratio of about 3 for heavy industry";
        /// Most that purchases in a deal can multiply the buyer's weight on the seller's goods.
        max_purchase_tilt = 2.0, [1.0, 100.0], "estimate";
    }
    "Leadership" {
        /// At a scheduled election the incumbent loses when approval is below this (the same line for a president seeking re-election and a governing party going to the polls).
        election_threshold = 0.40, [0.0, 1.0], "estimate: read from the elections in docs/model.md §2.6.1";
        /// Months from a lost parliamentary election to the new leader taking office (the party's leadership race), unless the election gives `takes_office`.
        leadership_lag = 2.0, [0.0, 120.0], "estimate: Abe's July 2007 upper-house defeat to Fukuda in September 2007; Ishiba's July 2025 defeat to Takaichi in October 2025";
        /// A parliamentary leader whose approval stays below this for `contest_months` faces a party contest and is replaced.
        contest_floor = 0.25, [0.0, 1.0], "estimate: Japanese cabinets below about 25% have been replaced within months (Mori 2001, Suga 2021, Kishida 2024)";
        /// Months below `contest_floor` before the party replaces its leader.
        contest_months = 6.0, [1.0, 1200.0], "estimate";
        /// A new leader's approval when taking office (the honeymoon).
        honeymoon_approval = 0.6, [0.05, 0.95], "estimate: about where new Japanese cabinets and U.S. presidents start in the first polls";
        /// Political capital every government starts a scenario with, and a new leader takes office with.
        new_leader_capital = 50.0, [0.0, 100.0], "estimate: the starting capital of every government";
    }
    "Governments (AI)" {
        /// Months an AI government waits between two moves in the same dispute.
        ai_pace = 3.0, [1.0, 120.0], "estimate";
        /// Lobby pressure above which a protectionist government gives its lobby a tariff.
        ai_lobby_demand = 0.4, [0.0, 10.0], "estimate";
        /// Months a protectionist government waits before giving the same sector a new tariff.
        ai_tariff_pace = 12.0, [1.0, 240.0], "estimate";
        /// The tariff a protectionist government gives a lobby that demands one.
        ai_lobby_tariff = 0.25, [0.0, 10.0], "estimate: the 25% of Section 232";
        /// An ally lifts an export control it joined when its leader's approval is below this.
        ai_lift_approval = 0.30, [0.0, 1.0], "estimate";
        /// An ally joins a pole's export control only when its leader's approval is at least this.
        ai_join_approval = 0.40, [0.0, 1.0], "estimate";
        /// How much a free-trade government values a deal's terms when it weighs an offer.
        ai_appetite_free_trader = 1.2, [0.0, 10.0], "estimate";
        /// How much a hedging government values a deal's terms.
        ai_appetite_hedger = 1.0, [0.0, 10.0], "estimate";
        /// How much a protectionist government values a deal's terms.
        ai_appetite_protectionist = 0.7, [0.0, 10.0], "estimate";
        /// How much a coercive government values a deal's terms.
        ai_appetite_coercer = 0.6, [0.0, 10.0], "estimate";
        /// How an AI government values an offer: weight of tariff relief (cuts it wins, less protection it gives up and cuts it is asked for, each as a share of the trade concerned).
        ai_value_tariffs = 4.0, [0.0, 100.0], "estimate";
        /// Weight of pledged investment in an offer's value, per 1% of the receiver's GDP (the value is at most 1).
        ai_value_investment = 0.3, [0.0, 100.0], "estimate";
        /// Value of each sector an offer carves out (at most two count).
        ai_value_carve_out = 0.15, [0.0, 10.0], "estimate";
        /// Value of an offer in itself: talking rather than fighting.
        ai_value_talks = 0.1, [0.0, 10.0], "estimate";
        /// Weight of the government's lobby pressure against accepting an offer.
        ai_weight_pressure = 0.5, [0.0, 10.0], "estimate: Putnam (1988), the domestic ratification constraint";
        /// Weight of its own firm public stance against accepting (the audience cost it would pay).
        ai_weight_stance = 0.2, [0.0, 10.0], "estimate: Fearon (1994)";
        /// Share of a new tariff's rate a free-trade government answers with (0: it goes to the WTO instead).
        ai_retaliation_free_trader = 0.0, [0.0, 5.0], "estimate: Japan answered the 2018 and 2025 U.S. tariffs with talks, not counter-tariffs";
        /// Share of a new tariff's rate a hedging government answers with, when its lobbies press.
        ai_retaliation_hedger = 0.5, [0.0, 5.0], "estimate";
        /// Share of a new tariff's rate a protectionist government answers with.
        ai_retaliation_protectionist = 1.0, [0.0, 5.0], "estimate: tit for tat (the 2018 counter-tariffs matched the U.S. lists)";
        /// Share of a new tariff's rate a coercive government answers with.
        ai_retaliation_coercer = 1.0, [0.0, 5.0], "estimate: China matched each U.S. list in 2018–19 and 2025";
        /// Lobby pressure above which a hedging government retaliates at all.
        ai_hedger_pressure = 0.3, [0.0, 10.0], "estimate";
    }
}

/// A number as the table shows it: no trailing zeros, thirds as fractions.
fn show(x: f64) -> String {
    if (x - 1.0 / 3.0).abs() < 1e-12 {
        return "1/3".into();
    }
    if (x - 1.0 / 6.0).abs() < 1e-12 {
        return "1/6".into();
    }
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// The table of every parameter in Markdown, one section per mechanism: what
/// `tradecraft parameters` prints and levels/README.md holds (a test keeps them equal).
pub fn markdown() -> String {
    let mut out = String::new();
    let mut group = "";
    for p in Parameters::TABLE {
        if p.group != group {
            group = p.group;
            out.push_str(&format!(
                "\n### {group}\n\n| parameter | default | range | meaning | source |\n|---|---|---|---|---|\n"
            ));
        }
        out.push_str(&format!(
            "| `{}` | {} | {} … {} | {} | {} |\n",
            p.name,
            show(p.default),
            show(p.lo),
            show(p.hi),
            p.meaning.trim().replace('|', "\\|"),
            p.source.replace('|', "\\|")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_lies_in_its_range_and_names_are_unique() {
        let mut names = std::collections::BTreeSet::new();
        for p in Parameters::TABLE {
            assert!(p.lo <= p.default && p.default <= p.hi, "{} out of range", p.name);
            assert!(names.insert(p.name), "{} twice", p.name);
            assert!(
                !p.meaning.is_empty() && !p.source.is_empty(),
                "{} undocumented",
                p.name
            );
        }
        assert_eq!(Parameters::default().values().len(), Parameters::TABLE.len());
    }
}
