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
