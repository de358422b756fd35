# The model's explanations and news (src/sim): worded when read, in the reader's language.
# The English is what files, saves and the command line hold.
cause-list-separator = {", "}
cause-trust-recovering = no friction this month: recovering toward its ceiling of { $ceiling }%
cause-trust-fading = goodwill fading toward its ceiling of { $ceiling }%
cause-trust-dispute = { $title }: the dispute is at { $stage }
cause-trust-tariffs = { $by }'s tariffs of { $rate }% on average
cause-relocation = sourcing risk { $excess } over its base level (threshold { $threshold }): buyers move { $share }% of purchases to trusted suppliers
cause-welfare = tariff revenue { $revenue }bn/yr (base { $revenue0 }), quota rents { $rents }bn/yr, CPI { $cpi }, relocation spending { $relocation }bn
cause-approval-part = { $part } { $points } pts
cause-jobs = jobs in { $sector } { $change }k against the base month; { $story }
cause-market = sales of { $sector } to { $buyer } { $change }% against the base month ({ $measures })
cause-market-none = no export market moved
cause-market-controlled = an export control
cause-market-diversion = prices elsewhere (trade diversion)
approval-part-reversion = pull back to its usual level
approval-part-income = real income
approval-part-inflation = inflation
approval-part-jobs = jobs
approval-part-lobbies = unanswered lobbies
approval-part-rally = standing firm in public
rung-working-level = working level
rung-ministerial = ministerial
rung-dispute-settlement = formal dispute settlement
rung-leaders = leaders
rung-public = public confrontation
rung-stage-working-level = the working level
rung-stage-ministerial = the ministerial level
rung-stage-dispute-settlement = formal dispute settlement
rung-stage-leaders = the leaders' level
rung-stage-public = public confrontation
news-panel-rules = Panel rules on { $title }; talks resume
news-dispute-escalates = { $title }: the dispute escalates to { $stage }
news-dispute-cools = { $title }: the dispute comes back down to { $stage }
news-new-dispute = New dispute: { $title }
# Only the Japanese is used (the English title is written by the model itself).
dispute-title-tariffs = { $by }'s tariffs on { $target }'s { $sector }
dispute-title-goods = goods
news-as-written = { $text }
news-keeps-office = { $state }: { $who } keeps office after { $vote }, with approval at { $approval }%
news-loses-vote = { $who } loses { $vote }, with approval at { $approval }%
news-successor-due = { $state }: { $what }; { $successor } will take office in { $date }
news-takes-office = { $state }: { $successor } takes office ({ $because })
news-takes-office-freed = { $headline }; the new leader is bound by none of { POSSESSIVE($old) } public stances ({ $titles })
leader-of = { $state }'s leader
leader-new = a new leader
leader-successor-of = { $old }'s successor
leader-lost-vote = { $who } lost { $vote } with approval at { $approval }%
leader-did-not-stand = { $who } did not stand in { $vote }
leader-replaced-by-party = the party replaced { $who } after { $months } months with approval below { $floor }% (now { $approval }%)
cause-stances-freed = { $state }: { $successor } is bound by none of { POSSESSIVE($old) } public words
list-separator = {"; "}
stance-deference-lost = deference to { $pole } lost ({ $value }: trust in it { $trust }%, { $share }% of its exports go there)
stance-deference-grown = deference to { $pole } grown ({ $value }: trust in it { $trust }%, { $share }% of its exports go there)
stance-market = { $who }'s market now takes { $share }% of its exports ({ $value })
stance-courted = courted by { $who } ({ $value })
stance-pressure = pressure from the other members ({ $value })
stance-affinity = against its distance from { $who } in alignment and trust ({ $value })
stance-declared-supports = declared: supports (stance { $total }: { $parts })
stance-declared-opposes = declared: opposes (stance { $total }: { $parts })
stance-total = stance { $total }: { $parts }
news-now-backs-bid = { $member } now backs { $applicant }'s bid to join the { $framework }: { $why }
news-no-longer-backs-bid = { $member } no longer backs { $applicant }'s bid to join the { $framework }: { $why }
news-joins-framework = { $state } joins { $framework } by consensus of its members
cause-member-stance = { $member }: { $why }
objective-approval = approval at or above { $floor }% in { $above } of { $months } months
objective-public = { $disputes } { $disputes ->
        [one] dispute reached
       *[other] disputes reached
    } public confrontation, { $months } { $months ->
        [one] month
       *[other] months
    } in public
objective-trust = { POSSESSIVE($of) } trust in { $side } is { $trust }% (goal { $goal }%)
objective-applicant-joined = { $applicant } has joined { $framework }
objective-applicant-out = { $applicant } is not in { $framework }
objective-member = { $state } is a member of { $framework }
objective-not-member = { $state } is not a member of { $framework }
objective-sector-jobs = { $sector } jobs at { $ratio }% of their starting level (goal { $goal }%)
objective-welfare = real income index { $welfare } (base month = 100; goal { $goal })
objective-average = { $indicator } averaged { $average } over { $months } months (goal { $goal }{ $unit })
objective-never-opened = { $id }: never opened
objective-settled = { $title }: settled in { $date }
objective-still-open = { $title }: still open, at { $stage }
# Why a government (the AI) did what it did (src/sim/ai).
doctrine-protectionist = protectionist
doctrine-free-trading = free-trading
doctrine-hedging = hedging
doctrine-coercive = coercive
ai-answer-offer = { $why } (a { $doctrine } government)
ai-why-worth-more = the package is worth more to it than fighting on
ai-why-gives-less = the package gives it less than it would give up (cuts it is asked for, or protection it would take back)
ai-why-lobbies = its lobbies at home press too hard to settle for this
ai-why-face = it has taken a firm public stand and would lose face backing down for this
ai-answers-in-kind = { $them } taxes its { $sector } at { $rate }%; a { $doctrine } government answers in kind
ai-lobbies-press = its lobbies press ({ $pressure }%)
ai-coercion = coercion: it holds most of the world's { $sector } and { $them } depends on it
ai-limited-deal = a { $doctrine } government seeks a limited deal
ai-limited-deal-leaving-out = a { $doctrine } government seeks a limited deal, leaving out { $protected }
ai-control-lifted = the dispute has cooled: the control is lifted
ai-squeezes-veto = squeezes { $state } for vetoing its bid to join { $framework }, which a majority backs
ai-joins-control = joins { $pole }'s control of { $sector } to { $target }
ai-courts = courts { $state }, whose trust in { $pole } has fallen, to win its vote on its bid to join { $framework }
ai-lobby-presses = { $lobby } presses (pressure { $pressure }%): imports from { $source } compete with its members
cause-output-cap = { $input } in { $state } at { $available }% of normal ({ $stock } months of stock left, need cut to { $need }% by substitution)
cause-ceiling-fell = the ceiling fell
cause-alignment = credibility gap { $credibility }, trade tilt { $tilt }
cause-lobby-pressure = members' jobs { $jobs }% and factor return { $returns }% against the base month
cause-climbed = climbed to { $stage }: pressure { $pressure } (lobbies { $lobbies }, salience { $salience }, heat { $heat }, retaliation { $retaliation }, calm { $calm })
cause-cooled = cooled to { $stage }: pressure { $pressure } (lobbies { $lobbies }, salience { $salience }, heat { $heat }, retaliation { $retaliation }, calm { $calm })
cause-salience = rung: { $rung }; heat { $heat }
cause-deal-concluded = deal concluded in { $dispute }
cause-first-polls = { $successor } takes office ({ $because }): a new leader's first polls
cause-new-capital = { $successor } takes office ({ $because }): a new leader's capital
cause-blocks = { $holdout } blocks { $applicant } in { $framework }
# What moved a state's CPI (src/sim/explain.rs): the tariffs in force and what each weighs.
cause-cpi = CPI { $cpi }; tariffs in force and what each weighs in the price level: { $parts }; the month's change is the rest: producer prices and demand
cause-cpi-part = { $label } ({ $points })
cause-cpi-no-tariff = import and producer prices moved (demand, capacity and input costs); no tariff of its own
cause-employment-lag = employment follows output with a lag
cause-comma-list = { $first }, { $rest }
# A lobby's demand met (src/sim/lobbies.rs and the mechanisms that meet it).
cause-won-protection = won protection
cause-relief-in-deal = tariff relief won in a deal
cause-carved-out = sector carved out of a deal
cause-relief-restraint = relief won: { $by } restrains its exports
cause-acquisition-conditions = conditions on { $title }: a golden share and binding pledges
cause-acquisition-approved-conditions = { $title } approved, with conditions
cause-acquisition-approved = { $title } approved
cause-acquisition-blocked = { $title } blocked: a public rebuff
cause-backing-down = backing down in { $title } after taking a firm public stance
cause-courted = courted by { $who }
# A measure in a cause (src/sim/explain.rs): who, what, on whom; "all" partners or goods.
measure-tariff = { $by } tariff { $rate }% on { $target } { $sector }{ $basis }
measure-quota = { $by } quota { $volume }bn on { $target } { $sector }
measure-restraint = { $target } restraint { $volume }bn on its exports to { $by } { $sector }
measure-ver = { $by } VER { $volume }bn on { $target } { $sector }
measure-export-control = { $by } export control on { $sector } to { $target }
measure-all-partners = all
measure-all-goods = all
measure-basis = {", "}{ $basis }
# The legal bases the model gives the measures it sets by command (src/sim/measures.rs).
measure-basis-executive-order = executive order
measure-basis-import-quota = import quota
measure-basis-ver = voluntary export restraint
measure-basis-self-imposed = voluntary export restraint (self-imposed)
measure-basis-export-control = export control
measure-basis-trade-agreement = trade agreement
# Why the model refused an order (src/sim).
refusal-no-state = there is no state "{ $id }"
refusal-no-sector = there is no sector "{ $id }"
refusal-no-dispute = there is no dispute "{ $id }"
refusal-self-target = a state cannot aim a measure at itself
refusal-out-of-range = { $what } must be between { $lo } and { $hi }, not { $value }
refusal-what-tariff-rate = a tariff rate
refusal-what-quota-volume = a quota volume
refusal-what-restraint-volume = a restraint's volume
refusal-what-offered-rate = an offered tariff rate
refusal-what-asked-rate = an asked tariff rate
refusal-what-purchases = purchases
refusal-what-investment = investment
refusal-quota-all = a quota needs one partner as its target, not "all"
refusal-restraint-all = a restraint needs one market as its target, not "all"
refusal-what-tariff = tariff
refusal-what-quota = quota
refusal-nothing-to-remove = { $me } has no { $what } on { $target } ({ $sector }) to remove
refusal-nothing-to-remove-under = { $me } has no { $what } under { $basis } on { $target } ({ $sector }) to remove
refusal-no-restraint = { $me } has no restraint on its exports to { $target } ({ $sector }) to lift
refusal-already-controls = { $me } already controls { $sector } exports to { $target }
refusal-no-control = { $me } has no export control on { $sector } to { $target } to lift
refusal-inject-not-teacher = { $by } cannot fire an inject: the teacher does
refusal-teacher-injects-only = the teacher fires injects only, not { $command }
refusal-command-kind = { $kind }
refusal-inject-teachers = an inject is the teacher's
refusal-inject-fired = { $title } has already been fired
refusal-no-inject-none = there is no inject "{ $id }": this scenario has none
refusal-no-inject = there is no inject "{ $id }"; this scenario has { $known }
refusal-no-framework = there is no framework "{ $id }"
refusal-not-applied = { $applicant } has not applied to { $framework }
refusal-court-self = a state cannot court itself
refusal-conditions-need-approval = conditions come with an approval: a blocked deal has none
refusal-no-acquisition = there is no acquisition "{ $id }"
# More of a government's reasons (src/sim/ai).
ai-retaliation-announced = retaliation announced
ai-to-panel = rules, not retaliation: takes the tariffs to a panel
ai-back-to-working-level = takes the fight back to the working level
ai-lowers-temperature = lowers the temperature
ai-control-costs = its { $sector } sales are down { $down }% and approval is down to { $approval }%: the control on { $target } costs more at home than it is worth to { $pole }
# An objective's indicator and unit (src/sim/objectives.rs, src/sim/units.rs).
objective-indicator = { $kind ->
       *[other] { $id }
    }
objective-unit = { $kind ->
       *[other] ; { $unit }
    }
