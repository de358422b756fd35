# A class game on a team's screen (src/ui/panels/class.rs).
class-over = The class game is over
class-ready-sent = Ready: sent
class-ready-sent-tip = Your orders are with the host. The month runs when every team is ready, the teacher's timer runs out, or the teacher runs it.
class-ready = Ready
class-ready-tip =
    Period (.)

    Send your orders (and your message, with any offer) to the host. The month runs when every team is ready.
class-waiting-for = waiting for { $sides }
class-paused = { $clock } (paused)
class-timer-tip = Time left in this turn: then the month runs with the orders the host has.
class-desync = DESYNC
class-desync-tip = This laptop's world differs from the host's; the host sends its state.
class-rejoin = Rejoin
class-rejoin-tip = Connect again as the same team: the game catches up from the host's log.
class-no-messages = No messages yet. What you write here reaches the other team and the teacher.
class-message-hint = A message to the other team (sent with your offers when you press Ready)
class-send-now = Send now
class-joining = Joining a class game
class-joining-note = The teacher's console shows the address and whether your team has joined.
class-main-menu = Main menu

## A class game's sentences: English on the wire and in the host's account, worded on each
## laptop in its reader's language (src/net/wording.rs reads the English back).
class-as-is = { $text }
class-order-note = { $order }: { $note }
class-teacher = Teacher
class-who = { $name } ({ $side })
class-desync-line = month { $month }: this laptop { $mine }, the host { $host }
class-refused-one-side = this laptop already leads { $held }: one side a laptop
class-refused-version = this game runs Tradecraft { $mine } (protocol { $protocol }); you have { $version } (protocol { $theirs }): install the same version
class-refused-changed-file = your levels/{ $file } is not the host's (yours { $yours }, the host's { $hosts }): copy the host's file into levels/
class-refused-no-file = you do not have the host's scenario { $file } ({ $hash }): copy it into levels/
class-refused-password = wrong password: ask the teacher
class-refused-not-a-side = "{ $side }" is not a side teams lead in this game; sides: { $sides }
class-refused-taken = another team already leads { $side } (if that was this laptop before it dropped, the host lets go of the old connection within 15 seconds: join again then)
class-rejected-join-first = join the game first
class-rejected-month = month { $month } is not the month being played ({ $now })
class-rejected-over = the class game is over
class-rejected-long = a message of { $n } characters: keep it to { $max }
class-rejected-too-many = { $max } orders and messages this month already: the host takes more next month
class-rejected-big-order = an order longer than any the game makes ({ $max } bytes): not sent
class-inject-fired = { $title } has already been fired
class-bad-size = a message of { $bytes } bytes is over the limit of { $max }
class-bad-text = a message that is not text: { $error }
class-bad-form = a malformed message: { $error }
class-host-sent = the host sent { $error }
class-state-restored = the host's state was restored
class-state-not-restored = the host's state could not be restored: { $error }
class-join-late = the host starts at month { $start }, after month { $month }
class-no-scenario = the host plays { $file }, which this laptop does not have: copy it into levels/
class-host-not-a-side = "{ $side }" is not a playable side; sides: { $sides }
class-host-turn-length = a turn of { $n } months: choose 1 to { $max } (3: a quarter)
class-host-no-turns = a class game of 0 turns: give --turns 1 or more
class-host-seconds = a turn's time must be a positive number of seconds
class-host-past-end = month { $month } is past the scenario's end ({ $months } months)
class-net-cannot-listen-port = cannot listen on { $addr }: { $error } (another program on that port? try --port { $port })
class-net-cannot-listen = cannot listen on { $addr }: { $error }
class-net-cannot-start = cannot start the network: { $error }
class-net-error = network error: { $error }
class-net-cannot-find = cannot find the host "{ $address }": { $error } (write its address as the teacher's console shows it, e.g. 192.168.1.20:{ $port })
class-net-no-address = the host "{ $address }" has no address
class-net-no-socket = cannot open a network socket: { $error }
class-net-cannot-connect = cannot connect to { $host }: { $error }
class-net-lost = lost the host at { $host }: { $error }
class-net-by-transport = connection terminated by the transport layer
class-net-by-client = connection terminated by the client
class-net-by-server = connection terminated by the server

## `tradecraft join --headless` (src/cli/class.rs).
class-cli-joined = joined as { $side } at month { $month }
class-cli-heard = m{ $month } { $name } ({ $side }): { $text }
class-cli-over = the class game is over at month { $month }; state-hash: { $hash }
class-cli-no-answer = no answer from { $host } after 20 s: is the host running, and its UDP port open?
