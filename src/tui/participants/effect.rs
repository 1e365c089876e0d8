//! The participants' room's store calls and their undo. The server itself lives in the
//! runner (it is IO); here are the queue, the accept-all switch and voting rounds.

use crate::error::Result;
use crate::storage::Store;
use crate::storage::room::{Acceptance, Submission};
use crate::storage::room_votes::{RoundCard, RoundScope, VoteRound};
use crate::tui::ctx::Via;

/// What the facilitator made of a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    Accept(Acceptance),
    /// Joined this card (`#12` as typed, an id once stored).
    Merge(String),
    Reject,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Start the server for this session (the runner holds it).
    Open(String),
    /// Stop the server.
    Close,
    /// The live count; the queue is read again when `known` (what the panel shows)
    /// differs from it.
    Poll {
        session_id: String,
        known: i64,
    },
    Decide {
        id: String,
        how: Decision,
    },
    SetAcceptAll {
        session_id: String,
        on: bool,
    },
    /// Over the session's live cards, or only these (`#12` or ids) when given.
    OpenRound {
        session_id: String,
        dots: i64,
        cards: Vec<String>,
    },
    CloseRound(String),
}

/// One undoable change: its inverse is `reopen_submission` / `reopen_vote_round`, and
/// a redo decides (or closes) again.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Decided { id: String, how: Decision },
    RoundClosed(String),
}

/// What the room is told about a session's queue and round.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    pub count: i64,
    /// `None`: the count did not change, so the queue was not read again.
    pub pending: Option<Vec<Submission>>,
    pub accept_all: bool,
    pub round: Option<VoteRound>,
    pub tally: Vec<RoundCard>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Done {
    Opened {
        url: String,
        join_code: String,
        qr: Vec<String>,
        note: String,
    },
    Closed,
    Polled(Box<Snapshot>),
    Changed {
        change: Change,
        via: Via,
        note: String,
    },
    /// The server could not start (the message says why).
    OpenFailed(String),
}

/// The queue, the switch and the round of `session_id`; the queue only if `known`
/// is not the count.
pub fn snapshot(s: &Store, session_id: &str, known: i64) -> Result<Snapshot> {
    let count = s.room_pending_count(session_id)?;
    let pending = if count == known {
        None
    } else {
        Some(s.room_pending(session_id)?)
    };
    let round = s.open_round(session_id)?;
    let tally = match &round {
        Some(r) => s.round_tally(&r.id)?,
        None => Vec::new(),
    };
    Ok(Snapshot {
        count,
        pending,
        accept_all: s.room_accept_all(session_id)?,
        round,
        tally,
    })
}

/// Everything but opening and closing the server, which the runner does.
pub fn perform(e: Effect, s: &mut Store) -> Result<Vec<Done>> {
    match e {
        Effect::Open(_) | Effect::Close => Ok(Vec::new()),
        Effect::Poll { session_id, known } => Ok(vec![Done::Polled(Box::new(snapshot(
            s,
            &session_id,
            known,
        )?))]),
        Effect::Decide { id, how } => decide(s, id, how, Via::New),
        Effect::SetAcceptAll { session_id, on } => {
            s.set_room_accept_all(&session_id, on)?;
            Ok(vec![Done::Polled(Box::new(snapshot(s, &session_id, -1)?))])
        }
        Effect::OpenRound {
            session_id,
            dots,
            cards,
        } => {
            // Card references start with `#` or are numbers; anything else names a topic.
            let is_card = |r: &String| r.starts_with('#') || r.parse::<u64>().is_ok();
            let scope = if cards.is_empty() {
                RoundScope::Session
            } else if !cards.iter().any(is_card) {
                RoundScope::Topic(s.find_topic(&cards.join(" "))?.id)
            } else {
                let ids = cards
                    .iter()
                    .map(|r| s.find_card(r).map(|c| c.id))
                    .collect::<Result<Vec<_>>>()?;
                RoundScope::Cards(ids)
            };
            s.open_vote_round(&session_id, &scope, dots)?;
            Ok(vec![Done::Polled(Box::new(snapshot(s, &session_id, -1)?))])
        }
        Effect::CloseRound(id) => close_round(s, id, Via::New),
    }
}

fn decide(s: &mut Store, id: String, how: Decision, via: Via) -> Result<Vec<Done>> {
    let mut out = Vec::new();
    let note = match &how {
        Decision::Accept(edits) => {
            let (_, card) = s.accept_submission(&id, edits)?;
            format!("#{}", card.seq)
        }
        Decision::Merge(reference) => {
            // `#12` or an id; the change keeps the id, so a redo joins the same card.
            let card = s.find_card(reference)?;
            s.merge_submission(&id, &card.id)?;
            let note = format!("→ #{}", card.seq);
            out.push(Done::Changed {
                change: Change::Decided {
                    id,
                    how: Decision::Merge(card.id),
                },
                via,
                note,
            });
            return Ok(out);
        }
        Decision::Reject => {
            s.reject_submission(&id)?;
            String::new()
        }
    };
    out.push(Done::Changed {
        change: Change::Decided { id, how },
        via,
        note,
    });
    Ok(out)
}

fn close_round(s: &mut Store, id: String, via: Via) -> Result<Vec<Done>> {
    let result = s.close_vote_round(&id)?;
    let dots: i64 = result.added.iter().map(|(_, n)| n).sum();
    Ok(vec![Done::Changed {
        change: Change::RoundClosed(id),
        via,
        note: format!("+{dots} ({})", result.devices),
    }])
}

/// Applies the inverse of `change` (undo) or `change` again (redo).
pub fn undo(change: Change, s: &mut Store, via: Via) -> Result<Vec<Done>> {
    match (change, via) {
        (Change::Decided { id, how }, Via::Undo) => {
            s.reopen_submission(&id)?;
            Ok(vec![Done::Changed {
                change: Change::Decided { id, how },
                via,
                note: String::new(),
            }])
        }
        (Change::Decided { id, how }, _) => decide(s, id, how, via),
        (Change::RoundClosed(id), Via::Undo) => {
            s.reopen_vote_round(&id)?;
            Ok(vec![Done::Changed {
                change: Change::RoundClosed(id),
                via,
                note: String::new(),
            }])
        }
        (Change::RoundClosed(id), _) => close_round(s, id, via),
    }
}
