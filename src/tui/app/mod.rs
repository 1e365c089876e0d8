//! The app: the rooms, which screen is in front, which room has a dialog open, and the
//! router between them. `update` hands an action to one room with a narrow context;
//! the room's requests (go elsewhere, undo, redo) are carried out here, and so are the
//! results that concern several rooms (a stored card, a change, a merge). No IO here
//! and no drawing (see `view.rs`).

use super::action::Action;
use super::ctx::{Ctx, Status};
use super::effect::{Change, Effect};
use super::i18n::T;
use super::keymap::{Keymap, Mode};
use super::widgets::help;
use super::{board, cards, decisions, export, merge, outline, participants, sessions, settings};
use crate::model::Lang;
use crate::model::{Card, Consultation, Session};
use ratatui::crossterm::event::KeyEvent;
use std::time::Instant;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Before the store has said which session to open.
    Starting,
    Sessions,
    Cards,
    Detail,
    Search,
    Board,
    Decisions,
    Outline,
    Coverage,
}

/// What lies over everything and closes on any bound key (but those scrolling the help).
#[derive(Debug, Clone, PartialEq)]
pub enum Overlay {
    /// The bindings of the screen underneath, scrolled to this row.
    Help(usize),
    /// Lines to read (a merge summary, where an export went).
    Message(T, Vec<String>),
}

/// The rooms; one of them may have a dialog open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoomId {
    Sessions,
    Cards,
    Board,
    Decisions,
    Outline,
    Merge,
    Export,
    Settings,
    /// The participants' room's queue beside the card list.
    Participants,
}

/// What the app starts with; `Default` is English with the default keys.
#[derive(Debug, Clone)]
pub struct AppOptions {
    pub lang: Lang,
    pub keymap: Keymap,
}

impl Default for AppOptions {
    fn default() -> Self {
        AppOptions {
            lang: Lang::En,
            keymap: Keymap::default(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct App {
    pub lang: Lang,
    pub keymap: Keymap,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    /// The room whose dialog is open, which gets the keys first.
    pub modal: Option<RoomId>,
    pub session_id: Option<String>,
    /// The consultation the database holds, once the store has said.
    pub consultation: Option<Consultation>,
    pub status: Option<Status>,
    /// The local time's offset, read once at start (reading it later, with threads
    /// running, is not reliable); UTC in tests.
    pub utc_offset: time::UtcOffset,
    pub size: (u16, u16),
    pub now: Instant,
    pub quit: bool,
    pub undo: Vec<Change>,
    pub redo: Vec<Change>,
    /// Changes whenever a card text may have changed (the hint cache's key).
    pub corpus_version: u64,
    /// The card list missed board changes (merges, splits, topics) and reloads on return.
    pub list_stale: bool,
    /// The board missed a card edited or voted elsewhere and reloads on return.
    pub board_stale: bool,
    pub sessions: sessions::Room,
    pub cards: cards::Room,
    pub board: board::Room,
    pub decisions: decisions::Room,
    pub outline: outline::Room,
    pub merge: merge::Room,
    pub export: export::Room,
    pub settings: settings::Room,
    pub participants: participants::Room,
}

/// The context a room gets: the app's language, size and session, its status line.
macro_rules! ctx {
    ($app:ident, $session:expr) => {
        Ctx {
            lang: $app.lang,
            size: $app.size,
            now: $app.now,
            session_id: $app.session_id.as_deref(),
            session: $session,
            corpus_version: $app.corpus_version,
            status: &mut $app.status,
            requests: Vec::new(),
        }
    };
}

mod navigate;
mod receive;

fn wrap<E>(effects: Vec<E>, f: impl Fn(E) -> Effect) -> Vec<Effect> {
    effects.into_iter().map(f).collect()
}

impl App {
    pub fn new(options: AppOptions) -> App {
        App {
            lang: options.lang,
            keymap: options.keymap,
            screen: Screen::Starting,
            overlay: None,
            modal: None,
            session_id: None,
            consultation: None,
            status: None,
            utc_offset: time::UtcOffset::UTC,
            size: (80, 24),
            now: Instant::now(),
            quit: false,
            undo: Vec::new(),
            redo: Vec::new(),
            corpus_version: 0,
            list_stale: false,
            board_stale: false,
            sessions: sessions::Room::default(),
            cards: cards::Room::default(),
            board: board::Room::default(),
            decisions: decisions::Room::default(),
            outline: outline::Room::default(),
            merge: merge::Room::default(),
            export: export::Room::default(),
            settings: settings::Room::default(),
            participants: participants::Room::default(),
        }
    }

    /// The effects to run once at start.
    pub fn start(&self) -> Vec<Effect> {
        vec![Effect::Start]
    }

    pub fn tr(&self, t: T) -> &'static str {
        t.tr(self.lang)
    }

    pub fn session(&self) -> Option<&Session> {
        self.sessions.current(self.session_id.as_deref())
    }

    /// Whether reads or a clustering run are under way (tests and benchmarks wait).
    pub fn busy(&self) -> bool {
        self.cards.busy() || self.board.clustering.is_some()
    }

    /// The card shown in the detail.
    pub fn detail_card(&self) -> Option<&Card> {
        self.cards.detail.as_ref().map(|d| &d.card)
    }

    /// The mode of the screen under any dialog.
    pub fn screen_mode(&self) -> Mode {
        match self.screen {
            Screen::Starting | Screen::Sessions => Mode::Sessions,
            Screen::Cards if self.cards.capture.is_some() => Mode::Capture,
            Screen::Cards => Mode::List,
            Screen::Detail => Mode::Detail,
            Screen::Search => Mode::Search,
            Screen::Board => Mode::Board,
            Screen::Decisions => Mode::Decisions,
            Screen::Outline => Mode::Outline,
            Screen::Coverage => Mode::Coverage,
        }
    }

    fn room_mode(&self, room: RoomId) -> Option<Mode> {
        match room {
            RoomId::Sessions => self.sessions.modal_mode(),
            RoomId::Cards => self.cards.modal_mode(),
            RoomId::Board => self.board.modal_mode(),
            RoomId::Decisions => self.decisions.modal_mode(),
            RoomId::Outline => self.outline.modal_mode(),
            RoomId::Merge => self.merge.modal_mode(),
            RoomId::Export => self.export.modal_mode(),
            RoomId::Settings => self.settings.modal_mode(),
            RoomId::Participants => self.participants.modal_mode(),
        }
    }

    pub fn mode(&self) -> Mode {
        if self.overlay.is_some() {
            return Mode::Help;
        }
        self.modal
            .and_then(|r| self.room_mode(r))
            .unwrap_or_else(|| self.screen_mode())
    }

    /// What the help lists: every binding of the screen under it, and on the capture
    /// line the kinds a prefix sets (`q: py:  pytanie`).
    pub fn help_entries(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .keymap
            .hints(self.help_mode())
            .into_iter()
            .map(|(keys, action)| (keys, action.label(self.lang).to_owned()))
            .collect();
        if self.help_mode() == Mode::Capture {
            for k in crate::model::kind_keys(self.lang) {
                out.push((format!("{}: {}:", k.key, k.prefix), k.name.to_owned()));
            }
        }
        out
    }

    /// Whether the keys go to the room's queue (not to one of its prompts).
    fn in_room_queue(&self) -> bool {
        self.modal == Some(RoomId::Participants) && self.mode() == Mode::Room
    }

    /// The mode whose bindings the help lists: the room's queue, or the screen's.
    fn help_mode(&self) -> Mode {
        if self.modal == Some(RoomId::Participants) && self.participants.prompt.is_none() {
            Mode::Room
        } else {
            self.screen_mode()
        }
    }

    /// Whether anything is open over the screen.
    pub fn has_modal(&self) -> bool {
        self.overlay.is_some() || self.modal.is_some()
    }

    fn close_modal_of(&mut self, room: RoomId) {
        match room {
            RoomId::Sessions => self.sessions.close_modal(),
            RoomId::Cards => self.cards.close_modal(),
            RoomId::Board => self.board.close_modal(),
            RoomId::Decisions => self.decisions.close_modal(),
            RoomId::Outline => self.outline.close_modal(),
            RoomId::Merge => self.merge.close_modal(),
            RoomId::Export => self.export.close_modal(),
            RoomId::Settings => self.settings.close_modal(),
            RoomId::Participants => self.participants.close_modal(),
        }
    }

    /// After a room ran: it owns the dialog if it opened one (closing any other, so
    /// one dialog is open at a time), and no longer if it closed its own.
    fn sync_modal(&mut self, room: RoomId) {
        if self.room_mode(room).is_some() {
            if let Some(other) = self.modal.filter(|o| *o != room) {
                self.close_modal_of(other);
            }
            self.modal = Some(room);
        } else if self.modal == Some(room) {
            self.modal = None;
        }
    }

    pub(crate) fn cards_view(&self) -> cards::View {
        match self.screen {
            Screen::Detail => cards::View::Detail,
            Screen::Search => cards::View::Search,
            _ => cards::View::List,
        }
    }

    /// The room that gets keys when no dialog is open.
    fn screen_room(&self) -> RoomId {
        match self.screen {
            Screen::Starting | Screen::Sessions => RoomId::Sessions,
            Screen::Cards | Screen::Detail | Screen::Search => RoomId::Cards,
            Screen::Board => RoomId::Board,
            Screen::Decisions => RoomId::Decisions,
            Screen::Outline | Screen::Coverage => RoomId::Outline,
        }
    }

    /// Maps a key press through the keymap; unbound keys go to the text field of text
    /// modes and are ignored elsewhere.
    pub fn handle_key(&mut self, ev: KeyEvent) -> Vec<Effect> {
        // A message stays until the next key, which shows it was seen.
        self.status = None;
        let mode = self.mode();
        match self.keymap.lookup(mode, &ev) {
            Some(action) => self.update(action),
            None if mode.takes_text() => self.update(Action::Key(ev)),
            None => Vec::new(),
        }
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Quit => {
                self.quit = true;
                Vec::new()
            }
            Action::Tick(now) => {
                self.now = now;
                wrap(self.participants.tick(now), Effect::Participants)
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                self.cards.resized(self.size);
                Vec::new()
            }
            // A paste where nothing takes text is dropped, as unbound keys are.
            Action::Paste(_) if !self.mode().takes_text() => Vec::new(),
            Action::Help if !self.has_modal() || self.in_room_queue() => {
                self.overlay = Some(Overlay::Help(0));
                Vec::new()
            }
            Action::Down | Action::Up | Action::PageDown | Action::PageUp
                if matches!(self.overlay, Some(Overlay::Help(_))) =>
            {
                let entries = self.help_entries().len();
                if let Some(Overlay::Help(at)) = &mut self.overlay {
                    *at = help::scroll(*at, &action, entries, self.size);
                }
                Vec::new()
            }
            // Every other key bound in an overlay closes it.
            _ if self.overlay.is_some() => {
                self.overlay = None;
                Vec::new()
            }
            // The room's keys on the card list: its panel sits beside it.
            Action::RoomToggle | Action::RoomFocus
                if self.screen == Screen::Cards && self.modal.is_none() =>
            {
                if action == Action::RoomFocus && !self.participants.is_open() {
                    return Vec::new();
                }
                self.dispatch(RoomId::Participants, action)
            }
            action => {
                let room = self.modal.unwrap_or_else(|| self.screen_room());
                self.dispatch(room, action)
            }
        }
    }

    /// Hands `action` to `room`, then carries out what it asked for.
    fn dispatch(&mut self, room: RoomId, action: Action) -> Vec<Effect> {
        let (mut effects, requests) = match room {
            RoomId::Sessions => {
                let mut ctx = ctx!(self, None);
                let e = self.sessions.update(action, &mut ctx);
                (wrap(e, Effect::Sessions), ctx.requests)
            }
            RoomId::Cards => {
                let view = self.cards_view();
                let session = self.sessions.current(self.session_id.as_deref());
                let mut ctx = ctx!(self, session);
                let e = self.cards.update(view, action, &mut ctx);
                (wrap(e, Effect::Cards), ctx.requests)
            }
            RoomId::Board => {
                let mut ctx = ctx!(self, None);
                let e = self.board.update(action, &mut ctx);
                (wrap(e, Effect::Board), ctx.requests)
            }
            RoomId::Decisions => {
                let mut ctx = ctx!(self, None);
                let e = self.decisions.update(action, &mut ctx);
                (wrap(e, Effect::Decisions), ctx.requests)
            }
            RoomId::Outline if self.screen == Screen::Coverage && self.modal.is_none() => {
                let mut ctx = ctx!(self, None);
                let o = &mut self.outline;
                o.coverage.update(action, &mut ctx, o.target.as_ref());
                (Vec::new(), ctx.requests)
            }
            RoomId::Outline => {
                let mut ctx = ctx!(self, None);
                let e = self.outline.update(action, &mut ctx);
                (wrap(e, Effect::Outline), ctx.requests)
            }
            RoomId::Merge => {
                let mut ctx = ctx!(self, None);
                let e = self.merge.update(action, &mut ctx);
                (wrap(e, Effect::Merge), ctx.requests)
            }
            RoomId::Export => {
                let mut ctx = ctx!(self, None);
                let e = self.export.update(action, &mut ctx);
                (wrap(e, Effect::Export), ctx.requests)
            }
            RoomId::Settings => {
                let mut ctx = ctx!(self, None);
                let e = self.settings.update(action, &mut ctx);
                (wrap(e, Effect::Settings), ctx.requests)
            }
            RoomId::Participants => {
                let mut ctx = ctx!(self, None);
                let e = self.participants.update(action, &mut ctx);
                (wrap(e, Effect::Participants), ctx.requests)
            }
        };
        self.sync_modal(room);
        for r in requests {
            effects.extend(self.request(r));
        }
        effects
    }
}
