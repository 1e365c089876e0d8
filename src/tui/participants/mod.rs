//! The participants' room in the interface: a panel beside the card list with the
//! address phones open (URL, join code, QR code), the moderation queue with its live
//! count, the accept-all switch and the dot-voting round with its live tally.
//!
//! The server runs in the runner (`Effect::Open`/`Close`); this room only holds what it
//! reported and what the store last said about the queue, which it asks for on ticks.

mod effect;
mod prompt;
mod view;

pub use effect::{Change, Decision, Done, Effect, Snapshot, perform, snapshot, undo};
pub use prompt::RoomPrompt;
pub use view::{panel_width, render};

use crate::storage::room::{Acceptance, Submission};
use crate::storage::room_votes::{RoundCard, VoteRound};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::i18n::T;
use crate::tui::keymap::Mode;
use crate::tui::widgets::prompt::Prompt;
use std::time::{Duration, Instant};

/// How often the open room asks the store for the queue's count.
pub const POLL_EVERY: Duration = Duration::from_millis(700);

/// What the server said when it started.
#[derive(Debug, Clone, PartialEq)]
pub struct Address {
    pub url: String,
    pub join_code: String,
    pub qr: Vec<String>,
    pub note: String,
}

#[derive(Debug, Clone, Default)]
pub struct Room {
    /// The session whose room is open (set as soon as it is asked for).
    pub session_id: Option<String>,
    pub address: Option<Address>,
    /// Keys go to the queue (Tab from the list).
    pub focused: bool,
    pub count: i64,
    pub pending: Vec<Submission>,
    pub selected: usize,
    pub accept_all: bool,
    pub round: Option<VoteRound>,
    pub tally: Vec<RoundCard>,
    pub prompt: Option<Prompt<RoomPrompt>>,
    last_poll: Option<Instant>,
}

impl Room {
    pub fn is_open(&self) -> bool {
        self.session_id.is_some()
    }

    pub fn modal_mode(&self) -> Option<Mode> {
        if self.prompt.is_some() {
            Some(Mode::Prompt)
        } else if self.focused {
            Some(Mode::Room)
        } else {
            None
        }
    }

    pub fn close_modal(&mut self) {
        self.prompt = None;
        self.focused = false;
    }

    pub fn selected(&self) -> Option<&Submission> {
        self.pending.get(self.selected)
    }

    /// Closes the panel; the effect stops the server.
    pub fn close(&mut self) -> Vec<Effect> {
        *self = Room::default();
        vec![Effect::Close]
    }

    /// On a tick: the count, when it is time (or sooner after a change).
    pub fn tick(&mut self, now: Instant) -> Vec<Effect> {
        let Some(session_id) = self.session_id.clone() else {
            return Vec::new();
        };
        if self
            .last_poll
            .is_some_and(|t| now.saturating_duration_since(t) < POLL_EVERY)
        {
            return Vec::new();
        }
        self.last_poll = Some(now);
        vec![self.poll(session_id)]
    }

    /// Asks for the queue again at once (after a decision, an undo).
    pub fn refresh(&mut self) -> Vec<Effect> {
        let Some(id) = self.session_id.clone() else {
            return Vec::new();
        };
        self.count = -1;
        vec![self.poll(id)]
    }

    fn poll(&self, session_id: String) -> Effect {
        Effect::Poll {
            session_id,
            known: self.count,
        }
    }

    pub fn done(&mut self, done: Done) {
        match done {
            Done::Opened {
                url,
                join_code,
                qr,
                note,
            } => {
                self.address = Some(Address {
                    url,
                    join_code,
                    qr,
                    note,
                });
            }
            // A count asked for before the room closed (or failed to open) is stale.
            Done::Polled(_) if !self.is_open() => {}
            Done::Polled(s) => {
                self.count = s.count;
                if let Some(p) = s.pending {
                    self.pending = p;
                }
                self.selected = self.selected.min(self.pending.len().saturating_sub(1));
                self.accept_all = s.accept_all;
                self.round = s.round;
                self.tally = s.tally;
            }
            // The app routes changes and cards; a closed server needs nothing more.
            Done::Closed | Done::Changed { .. } => {}
            Done::OpenFailed(_) => *self = Room::default(),
        }
    }

    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        if let Some(p) = self.prompt.take() {
            return self.prompt_update(p, &action, ctx);
        }
        if !self.is_open() {
            return self.open(ctx);
        }
        match action {
            Action::RoomToggle => self.close(),
            Action::RoomFocus => {
                self.focused = !self.focused;
                Vec::new()
            }
            Action::Cancel => {
                self.focused = false;
                Vec::new()
            }
            Action::Down => {
                self.selected = (self.selected + 1).min(self.pending.len().saturating_sub(1));
                Vec::new()
            }
            Action::Up => {
                self.selected = self.selected.saturating_sub(1);
                Vec::new()
            }
            Action::RoomAccept => self.decide(Decision::Accept(Acceptance::default())),
            Action::RoomReject => self.decide(Decision::Reject),
            Action::Edit => self.ask(RoomPrompt::Edit, ctx),
            Action::RoomMerge => self.ask(RoomPrompt::Merge, ctx),
            Action::RoomAcceptAll => {
                let on = !self.accept_all;
                self.session_id
                    .clone()
                    .map(|session_id| Effect::SetAcceptAll { session_id, on })
                    .into_iter()
                    .collect()
            }
            Action::OpenRound if self.round.is_some() => {
                ctx.fail_t(T::RoundAlreadyOpen);
                Vec::new()
            }
            Action::OpenRound => self.ask(RoomPrompt::Dots, ctx),
            Action::CloseRound => {
                if let Some(r) = &self.round {
                    return vec![Effect::CloseRound(r.id.clone())];
                }
                ctx.fail_t(T::NoRoundOpen);
                Vec::new()
            }
            Action::Undo => {
                ctx.undo();
                Vec::new()
            }
            Action::Redo => {
                ctx.redo();
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    /// Opens the panel for the current session; the runner starts the server.
    fn open(&mut self, ctx: &mut Ctx) -> Vec<Effect> {
        let Some(session_id) = ctx.session_id.map(str::to_owned) else {
            ctx.fail_t(T::RoomNeedsSession);
            return Vec::new();
        };
        *self = Room {
            session_id: Some(session_id.clone()),
            count: -1,
            ..Room::default()
        };
        vec![
            Effect::Open(session_id.clone()),
            Effect::Poll {
                session_id,
                known: -1,
            },
        ]
    }

    fn decide(&mut self, how: Decision) -> Vec<Effect> {
        match self.selected() {
            Some(s) => vec![Effect::Decide {
                id: s.id.clone(),
                how,
            }],
            None => Vec::new(),
        }
    }
}
