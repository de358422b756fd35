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
