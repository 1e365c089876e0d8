//! What a room sees of the rest of the interface while it handles an action: the
//! language, the terminal size, the current session, a status line to write, and a
//! list of requests (go to another room, undo, redo) that the app carries out after
//! the room returns. Rooms never see each other or the whole app.

use crate::model::DecisionTarget;
use crate::model::Lang;
use crate::model::MapTarget;
use crate::model::{Card, Session};
use crate::tui::i18n::T;
use std::time::Instant;

/// The message line in the footer.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Where Esc on a card's detail returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Back {
    List,
    Search,
    Board,
}

/// Whether a change is new, an undo or a redo: which stack it goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    New,
    Undo,
    Redo,
}

/// A room the user can be taken to, with what it opens on.
#[derive(Debug, Clone, PartialEq)]
pub enum Nav {
    Sessions,
    /// The card list; it reloads when other rooms changed cards meanwhile.
    Cards,
    /// Open this session's card list.
    Session(String),
    Search,
    Detail(Box<Card>, Back),
    /// The topic board, reloading its cards and/or topics.
    Board {
        cards: bool,
        topics: bool,
    },
    /// The decision log; Esc returns to the room it was opened from.
    Decisions,
    /// The outline, mapping this board selection (with its label) on `m`.
    Outline(Option<(MapTarget, String)>),
    Coverage,
    /// Dialogs that belong to other rooms, opened over the current one.
    Export,
    Decide(DecisionTarget, String),
    MergeDb,
    /// The consultation settings dialog, once the store has read them.
    Settings,
}

/// What a room asks the app to do once it has returned.
#[derive(Debug, Clone, PartialEq)]
pub enum Request {
    Go(Nav),
    Undo,
    Redo,
}

pub struct Ctx<'a> {
    pub lang: Lang,
    pub size: (u16, u16),
    pub now: Instant,
    pub session_id: Option<&'a str>,
    /// The current session, for rooms that show or use its activities.
    pub session: Option<&'a Session>,
    /// Changes whenever a card text may have changed (the hint cache's key).
    pub corpus_version: u64,
    pub(crate) status: &'a mut Option<Status>,
    pub(crate) requests: Vec<Request>,
}

impl Ctx<'_> {
    pub fn tr(&self, t: T) -> &'static str {
        t.tr(self.lang)
    }

    pub fn say(&mut self, text: impl Into<String>) {
        *self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub fn fail(&mut self, text: impl Into<String>) {
        *self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    /// Says `t` in the status line as an error.
    pub fn fail_t(&mut self, t: T) {
        let text = self.tr(t);
        self.fail(text);
    }

    pub fn clear_status(&mut self) {
        *self.status = None;
    }

    pub fn go(&mut self, nav: Nav) {
        self.requests.push(Request::Go(nav));
    }

    pub fn undo(&mut self) {
        self.requests.push(Request::Undo);
    }

    pub fn redo(&mut self) {
        self.requests.push(Request::Redo);
    }
}
