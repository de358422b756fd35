# The class debrief, one HTML page (src/report/debrief_html.rs, src/report/debrief.rs,
# `tradecraft debrief`). Markup (<b>, <code>) is the page's; placeholders arrive escaped.
debrief-title = Debrief: { $title }
debrief-intro = { $runs ->
        [one] { $runs } run
       *[other] { $runs } runs
    } of <b>{ $id }</b> ({ $months } months from { $start }), followed from <b>{ $side }</b>. Made by tradecraft { $version }.
debrief-legend-history-run = history's decisions in the model
debrief-legend-recorded = what history recorded
## A run's name: history's in short (a column, a row) and in full.
debrief-history-short = history
debrief-history-run = history's decisions
## The table of runs.
debrief-runs = The runs
debrief-col-number = #
debrief-col-run = run
debrief-col-seed = seed
debrief-col-people = led by people
debrief-col-months = months
debrief-col-score = score { $side }
debrief-col-hash = state hash
debrief-nobody = none
debrief-unfinished = { $months } (unfinished)
debrief-comma = {", "}
## Where the runs parted ways.
debrief-parted = Where the runs parted ways
debrief-one-run = One run: nothing to compare. Give several runs of this scenario.
debrief-no-parting = Every run made the same decisions in the same months.
debrief-parted-at = The runs first parted ways in <b>{ $date }</b>. The decisions below were not made by every run in the same months (a cell gives the months a run made it). The last two columns give { $side }'s mean score in the runs that made it and in those that did not: with a class's dozen runs, read them as leads for the discussion, not as causes.
debrief-col-decision = decision
debrief-col-by = by
debrief-col-with = mean score with
debrief-col-without = without
debrief-teacher = teacher
## The scores.
debrief-scores = Scores across the runs
debrief-score-spread = { $side }: lowest { $lowest }, median { $median }, highest { $highest } of 100 points.
## The key series: a chart's heading, then its unit.
debrief-series = The key series
debrief-series-approval = { $side }: approval of the government
debrief-unit-approval = share approving, 0 to 1 (0.45 = 45%)
debrief-series-trust = { $side }'s trust in { $partner }
debrief-unit-trust = 0 (none) to 1 (full)
debrief-series-cpi = { $side }: consumer prices
debrief-unit-cpi = index, base month = 100
debrief-series-jobs = { $side }: jobs in the scenario's industries
debrief-unit-jobs = thousands of jobs
debrief-series-watchers = The watching countries' alignment (mean of every state but the sides and the poles)
debrief-unit-watchers = −1 (leans to { $minus }) to +1 (leans to { $plus })
## The disputes on the ladder.
debrief-ladders = The disputes on the ladder
debrief-endings = Where each dispute ended (months at the public rung)
debrief-col-dispute = dispute
debrief-col-parties = parties
debrief-parties = { $a } v { $b }
debrief-dispute-id = [{ $id }] { $a } v { $b }
debrief-not-opened = not opened
debrief-settled = settled
debrief-ending-public = { $ending } ({ $months })
debrief-others-same = { $n ->
        [one] { $n } other dispute
       *[other] { $n } other disputes
    } ended the same way in every run (their grids are below).
debrief-rungs-note = Rungs: W working level, M ministerial, F formal dispute settlement, L leaders, P public confrontation; green: settled; blank: not open. In the charts the runs' lines are nudged apart a little so that runs on the same rung stay visible.
debrief-not-party = Disputes { $side } is not a party to
## A month's cell of a ladder's grid: its letter, and its tooltip.
debrief-rung-short-working-level = W
debrief-rung-short-ministerial = M
debrief-rung-short-dispute-settlement = F
debrief-rung-short-leaders = L
debrief-rung-short-public = P
debrief-cell = { $date } { $rung }
debrief-cell-settled = { $date } settled
## A ladder chart's rungs, on its axis.
debrief-axis-working-level = working
debrief-axis-ministerial = ministerial
debrief-axis-dispute-settlement = formal
debrief-axis-leaders = leaders
debrief-axis-public = public
## Scores by objective.
debrief-objectives = Scores by objective
debrief-objectives-note = Points earned of the objective's weight; the detail of each run is in its row's tooltip.
debrief-col-objective = objective
debrief-col-weight = weight
debrief-total = total
## The game's own run (the end screen's export) in a language other than English; in English
## its save's name.
debrief-your-game = your game
## What `tradecraft debrief` prints.
debrief-written = { $path }: { $runs } runs of { $id } followed from { $side }
debrief-written-history = { $path }: { $runs } runs of { $id } followed from { $side }, beside history's decisions
