//! What the runner and the worker threads hand back to the app: each room's results,
//! reads, and changes that reached the store (one kind of message for every room's
//! change, so the undo stacks, the status line and the reloads are handled once).

use super::ctx::Via;
use super::effect::Change;
use super::reader::ReadDone;
use super::{board, cards, decisions, export, merge, outline, participants, sessions, settings};
use crate::model::{Consultation, Session};

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// The sessions, and the one to open first.
    Started {
        sessions: Vec<Session>,
        current: Option<String>,
        consultation: Box<Consultation>,
    },
    Failed(String),
    Read(ReadDone),
    Sessions(sessions::Done),
    Cards(cards::Done),
    Board(board::Done),
    Decisions(decisions::Done),
    Outline(outline::Done),
    Merge(merge::Done),
    Export(export::Done),
    Settings(settings::Done),
    Participants(participants::Done),
    /// A board, decision or outline change reached the store.
    Changed {
        change: Change,
        via: Via,
        /// What the status line adds.
        note: String,
    },
}

impl Msg {
    pub fn cards(d: cards::Done) -> Msg {
        match d {
            cards::Done::Read(r) => Msg::Read(r),
            d => Msg::Cards(d),
        }
    }

    pub fn board(d: board::Done) -> Msg {
        match d {
            board::Done::Read(r) => Msg::Read(r),
            board::Done::Changed { change, via, note } => Msg::Changed {
                change: Change::Board(change),
                via,
                note,
            },
            d => Msg::Board(d),
        }
    }

    pub fn decisions(d: decisions::Done) -> Msg {
        match d {
            decisions::Done::Changed { change, via, note } => Msg::Changed {
                change: Change::Decision(change),
                via,
                note,
            },
            d @ decisions::Done::Loaded(_) => Msg::Decisions(d),
        }
    }

    pub fn participants(d: participants::Done) -> Msg {
        match d {
            participants::Done::Changed { change, via, note } => Msg::Changed {
                change: Change::Room(change),
                via,
                note,
            },
            d => Msg::Participants(d),
        }
    }

    pub fn outline(d: outline::Done) -> Msg {
        match d {
            outline::Done::Changed { change, via, note } => Msg::Changed {
                change: Change::Section(change),
                via,
                note,
            },
            d => Msg::Outline(d),
        }
    }
}
