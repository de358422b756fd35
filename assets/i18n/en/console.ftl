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
console-this-machine = { $address } (this machine)

## The account of the class game (src/net/session.rs).
console-teacher = Teacher
console-event-listening = listening on port { $port }
console-event-left = { $side } left ({ $why }): it can rejoin
console-event-joined = { $side } joined ({ $name }, laptop { $laptop }) at month { $month }
console-event-refused = a laptop was refused: { $reason }
console-event-month = month { $month } ran; hash { $hash }
console-event-months = months { $from }–{ $to } ran; hash { $hash }
console-event-note = { $date } { $who }: { $what }
console-event-who = { $side } ({ $name })
console-event-said = { $what }: "{ $text }"
console-event-message = message
console-event-desync = DESYNC in month { $month }: { $side } has { $theirs }, the host { $mine }; the host's state goes to { $side }
console-event-not-kept = could not keep the game on disk: { $error }
console-event-paused = timer paused
console-event-running = timer running
console-event-timer = timer: { $minutes } minutes a turn
console-event-timer-off = timer off: a turn waits for every team
console-event-inject = inject "{ $title }" fires with the next month
console-event-ended = the teacher ended the game at month { $month }

## `tradecraft host --headless` (src/cli/class.rs).
console-cli-join-at = class game: teams join at { $addresses }
console-cli-help = commands: next (run the month now), pause, go (timer on), inject ID, injects, say TEXT, status, end, help
console-cli-over = the class game is over at month { $month }; state-hash: { $hash }
console-cli-kept = kept in { $dir } (class.commands.ron replays it with `tradecraft sim`)
console-cli-inject = { $id } — { $title }
console-cli-inject-fired = { $id } — { $title } (fired)
console-cli-status = month { $month }; teams: { $teams }; ready: { $ready }; seconds left: { $left }
console-cli-status-paused = month { $month }; teams: { $teams }; ready: { $ready }; seconds left: { $left } (paused)
console-cli-record-bad = { $at }: { $error } (a class.ron written by `tradecraft host`)
console-cli-record-newer = { $file }: written by a newer Tradecraft; install it to resume
console-cli-record-missing = the class game played { $file }, which is not in { $dir } (or has changed): give its scenario file too
console-cli-record-changed = { $path } is not the scenario the class game played ({ $file }, changed since?)
console-cli-give-scenario = give a scenario file, or --resume class-game/class.ron
