# The teacher's console, `tradecraft host` (src/ui/console.rs).
console-window-title = Tradecraft — teacher's console
console-heading = Teacher's console
console-date = { $date } (month { $month } of { $length })
console-join-at = Teams join at { $addresses }
console-or = or
console-join-at-tip = On each team's laptop: the main menu's class game form (write this address, choose the side, Join), or `tradecraft join ADDRESS --side JPN`. Allow the UDP port in this machine's firewall.
console-with-password = (with the password)
console-over = The class game is over. Its log replays with `tradecraft sim` (see the folder below).
console-run = Run the { $n ->
        [1] month
       *[other] { $n } months
    } now
console-run-tip = Runs the turn with the orders the host has, whoever is still thinking.
console-timer-paused = { $time } paused
console-timer-left = { $time } left
console-timer-resume = Resume the timer
console-timer-pause = Pause the timer
console-no-timer = no timer: the turn runs when every team is ready
console-timer = Timer:
console-timer-off = off
console-timer-minutes = { $n } min
console-end-confirm = End the class game now?
console-end-yes = Yes, end it
console-end-no = No
console-end = End the game

## Every side.
console-team-away = { $team }: away (it can rejoin)
console-no-team = no team yet
console-ready = ready
console-thinking = thinking…
console-approval = Approval
console-capital = Political capital
console-cpi = Prices (CPI)
console-jobs = Jobs
console-jobs-value = { $jobs }k
console-trust-in = Trust in { $side }
console-score = Score so far
console-lobbies = Loudest lobbies: { $lobbies }
console-no-orders = No orders this turn yet.
console-orders = This turn's orders:

## The world.
console-disputes = Disputes
console-news = News
console-rung-working-level = working level
console-rung-ministerial = ministerial
console-rung-dispute-settlement = formal dispute settlement
console-rung-leaders = leaders
console-rung-public = public confrontation

## Steering the class.
console-injects = Injects
console-injects-tip = Each fires once, at the start of the next month, on every team's screen and in the log.
console-inject-fired = { $title } (fired)
console-inject-fired-tip = Already fired.
console-inject-waiting = { $title } (next month)
console-inject-waiting-tip = Fires when the month runs.
console-inject-fire = Fire: { $title }
console-speak = Speak to the class
console-speak-hint = Shown on every team's screen
console-send = Send to every team
console-events = Orders, messages and months, as they happen
