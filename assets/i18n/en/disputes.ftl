# The disputes panel (src/ui/panels/disputes.rs).
disputes-heading = Disputes
disputes-parties = { $a } v { $b }  ·  salience { $salience }%
disputes-salience-tip =
    Salience: how much the press covers it. Each rung adds coverage every month; hostile words add heat.
    { $salience_why }
    { $escalation_why }
disputes-settled = Settled.
disputes-rung-working-level = Working level
disputes-rung-ministerial = Ministerial
disputes-rung-dispute-settlement = Formal dispute settlement
disputes-rung-leaders = Leaders
disputes-rung-public = Public confrontation
disputes-no-talks = no talks
disputes-talks = talks under way at { $channel }
disputes-channel-working-level = working level
disputes-channel-ministerial = ministerial level
disputes-channel-leaders = a leaders' summit
disputes-moved = it moved to this rung last month
disputes-panel = a panel holds it: { $months } months to the ruling, unless leaders pull it out ({ $up }% a month)
disputes-climb = chance to climb { $up }% a month
disputes-cool = chance to cool { $down }% a month
disputes-climb-cool = chance to climb { $up }%, to cool { $down }% a month
disputes-lines-both = climbs above { $threshold }, cools below { $cooling }
disputes-lines-threshold = threshold { $threshold }
disputes-pressure-line = { $talks } · pressure { $total } ({ $lines }) · { $odds }
disputes-on-the-table = On the table: { $offer }
disputes-lobby = { $name } ({ $pressure }%)
disputes-list-separator = {", "}
disputes-pushing = Pushing you at home: { $lobbies }
disputes-pushing-tip = Lobbies with a stake in these sectors, and their pressure.
disputes-talk = Talk at working level
disputes-talk-tip = Free. Officials meet quietly: the dispute cools a little each month and the press loses interest.
disputes-conciliatory = Conciliatory statement
disputes-conciliatory-tip = Free. Cools the dispute and softens your stance; backing down after threats costs approval at home.
disputes-hostile = Hostile statement
disputes-hostile-tip = Plays well with your lobbies, but heats the dispute and adds 15 points of salience: it climbs the ladder faster.
disputes-forecast = Forecast
disputes-wto = Take to the WTO
disputes-wto-tip = A panel rules after months of hearings; the fight stays at the dispute-settlement rung meanwhile.
disputes-negotiate = Negotiate…
disputes-negotiate-tip = Build a package: tariff cuts, carve-outs, purchases, investment. A leaders' summit costs { $cost } political capital.
disputes-accept = Accept their offer
disputes-quiet = Quiet for { $months } months: the press is losing interest
disputes-quiet-tip = News fatigue: nothing new has happened in it for { $months } months (no climb, no hot words), so the coverage its rung brings each month is down to { $left }% of normal; it halves every { $half } months. Salience falls, and with it the pressure to climb. A hostile statement or a climb makes it news again.
disputes-pressure-why =
    Why it may climb (last month):
      lobbies at home   { $lobby }
      press salience    { $salience }
      heat of words     { $heat }
      new tariffs       { $retaliation }
      working-level talks { $working }
      calm (offers, conciliatory words) { $calm }
      time at this rung { $time }
    = pressure { $total }; it climbs more often above { $threshold } and cools below { $cooling }
