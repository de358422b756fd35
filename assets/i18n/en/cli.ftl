# The command line's summary (src/cli/summary.rs), worded in English unless --lang ja.
cli-title = { $title } [{ $id }], seed { $seed }, { $side }
cli-side = side { $side } ({ $name }: its scripted decisions are off)
cli-no-side = no side: every government as scripted and by the AI
cli-sides = sides { $sides } (their scripted decisions are off)
cli-side-named = { $side } ({ $name })
cli-before = before the first month ({ $date }):
cli-after = after { $n } months, { $from } to { $to }:
cli-comma = {", "}
## The table of states: a column's name, then its unit.
cli-col-state = state
cli-col-cpi = CPI
cli-col-jobs = jobs
cli-col-welfare = welfare
cli-col-revenue = tariff revenue
cli-col-approval = approval
cli-col-alignment = alignment
cli-col-name = name
cli-unit-index = index
cli-unit-thousands = thousands
cli-unit-bn-usd-yr = bn USD/yr
cli-legend = CPI and welfare (real income) are indexes, base month = 100; jobs are in the scenario's industries; tariff revenue is what the state collects, at an annual rate; approval is the leader's.
cli-legend-poles = { cli-legend } Alignment runs from −1 (leans to { $minus }) to +1 (leans to { $plus }).
## Disputes and their paths on the ladder.
cli-disputes = disputes (complainant v respondent; [id] as in the CSV files; salience and trust run from 0 to 1):
cli-dispute = { $title } [{ $id }], { $a } v { $b }: { $status }; salience { $salience }; { $a }'s trust in { $b } { $trust_ab }, { $b }'s in { $a } { $trust_ba }
cli-dispute-open = at the { $rung } rung
cli-settled-in = settled in { $date }
cli-settled = settled
cli-paths = escalation paths (the ladder: { $ladder }):
cli-path = { $title }: { $path }
cli-path-since = { $stand } since { $date }
cli-path-month = { $stand } { $date }
cli-path-span = { $stand } { $from } → { $to }
cli-path-changes = { $title } ({ $n } changes of rung):
cli-path-years = { $from }–{ $to }: { $stand }
cli-path-year = { $year }: { $items }
cli-year-all = { $stand } all year
cli-year-month = { $stand } { $month }
cli-year-span = { $stand } { $from }–{ $to }
cli-month = { $m ->
        [1] Jan
        [2] Feb
        [3] Mar
        [4] Apr
        [5] May
        [6] Jun
        [7] Jul
        [8] Aug
        [9] Sep
        [10] Oct
        [11] Nov
       *[12] Dec
    }
cli-moved = alignment moved ({ $scale }; start → now): { $list }
## Framework applications: the members in favour, month by month.
cli-application = { $framework } application of { $name } ({ $state }): { $yes } of { $members } members in favour now; { $path }
cli-count-since = { $value } since { $date }
cli-count-from = { $value } from { $date }
cli-count-changed = changed { $n } times between { $low } and { $high }; { $value } since { $date }
## History beside the run. An indicator and its unit come as history.csv and src/sim/units.rs
## word them; another language words them anew by their kind ("exports" of "exports:USA:autos").
cli-history = what really happened beside this run (history / this run):
cli-history-row = { $what }, { $indicator } ({ $unit }): { $cells }
cli-history-row-source = { $what }, { $indicator } ({ $unit }): { $cells } [source: { $source }]
cli-indicator = { $kind ->
       *[other] { $id }
    }
cli-unit = { $kind ->
       *[other] { $unit }
    }
cli-unit-rung = rung
cli-not-recorded = (— not recorded in this run: trade by partner, sector prices and trust are recorded only for the side a player leads, --side, and the alignment poles)
## Each side's score.
cli-score = score { $side }: { $total } of 100 points
cli-objective = { $title } { $got } of { $weight } points  { $detail }
