//! What the host takes from a joined team (`Host::receive`): an order or Ready for the month
//! being played, while the game goes on; notes of at most `MAX_TEXT` characters; at most
//! `MAX_SENT` orders and messages a side and month; orders no longer than any the game makes
//! (`MAX_ORDER`). One laptop can thus not swell the log, the notes and the record that every
//! team is sent on joining.

use super::lockstep::*;
use crate::i18n::Words;

/// Why the host refuses `msg` from a side that has sent `sent` orders and messages in `month`,
/// the month being played (`over`: the game has ended); None: it takes it.
pub(super) fn rejection(msg: &ToHost, month: u32, over: bool, sent: usize) -> Option<Words> {
    match msg {
        ToHost::Order { month: m, .. } | ToHost::Ready { month: m } if *m != month => Some(
            Words::new("class-rejected-month")
                .plain("month", m.to_string())
                .plain("now", month.to_string()),
        ),
        ToHost::Order { .. } | ToHost::Ready { .. } if over => Some(Words::new("class-rejected-over")),
        ToHost::Order { note, .. } | ToHost::Say { text: note } if note.chars().count() > MAX_TEXT => Some(
            Words::new("class-rejected-long")
                .plain("n", note.chars().count().to_string())
                .plain("max", MAX_TEXT.to_string()),
        ),
        ToHost::Order { .. } | ToHost::Say { .. } if sent >= MAX_SENT => {
            Some(Words::new("class-rejected-too-many").plain("max", MAX_SENT.to_string()))
        }
        ToHost::Order { command, .. }
            if ron::to_string(command).map_or(usize::MAX, |t| t.len()) > MAX_ORDER =>
        {
            Some(Words::new("class-rejected-big-order").plain("max", MAX_ORDER.to_string()))
        }
        _ => None,
    }
}
