//! Effects: what the rooms ask for, wrapped per room. The runner does each against the
//! store (each room's `perform` is its own store call) and hands the results back as
//! messages. Undo and redo dispatch to the room whose change it was.

use super::ctx::Via;
use super::msg::Msg;
use super::reader::Reader;
use super::{board, cards, decisions, export, merge, outline, participants, sessions, settings};
use crate::error::Result;
use crate::room::{Room, RoomHandle};
use crate::storage::Store;
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};

/// The setting `narada card add` also uses: the session the user worked in last.
pub const LAST_SESSION: &str = "last_session";

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Sessions and the one to open first.
    Start,
    /// Remember the session the user works in.
    Remember(String),
    Sessions(sessions::Effect),
    Cards(cards::Effect),
    Board(board::Effect),
    Decisions(decisions::Effect),
    Outline(outline::Effect),
    Merge(merge::Effect),
    Export(export::Effect),
    Settings(settings::Effect),
    Participants(participants::Effect),
    /// Apply the inverse of a change (undo) or the change again (redo).
    Undo(Change),
    Redo(Change),
}

/// One undoable change, as its room applied it.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Card(cards::Change),
    Board(board::Change),
    Decision(decisions::Change),
    Section(outline::Change),
    Room(participants::Change),
}

impl Change {
    /// Whether the cards themselves (not only their placement) changed.
    pub fn touches_cards(&self) -> bool {
        match self {
            Change::Board(c) => c.touches_cards(),
            // Accepted cards and closed rounds' votes.
            Change::Room(_) => true,
            _ => false,
        }
    }

    /// Whether only placements changed, so the topics need no reload.
    pub fn placements_only(&self) -> bool {
        matches!(self, Change::Board(c) if c.placements_only())
    }
}

/// Wraps each result of a room's effect as a message.
fn wrap<D>(done: Result<Vec<D>>, f: impl Fn(D) -> Msg) -> Result<Vec<Msg>> {
    done.map(|ds| ds.into_iter().map(f).collect())
}

pub struct Runner {
    store: Store,
    reader: Reader,
    /// Messages of clustering workers.
    board_tx: Sender<board::Done>,
    board_rx: Receiver<board::Done>,
    /// User overrides of the export templates (`templates/` in the config directory).
    pub templates_dir: Option<PathBuf>,
    /// The open participants' room; dropping it (quitting) closes the listener.
    room: Option<RoomHandle>,
    /// Where the room listens: `None` is the LAN address the server picks.
    pub room_bind: Option<IpAddr>,
    pub room_port: u16,
}

impl Runner {
    /// With `background`, a file database is read on reader threads; otherwise (tests,
    /// benchmarks, in-memory stores) every effect runs inline.
    pub fn new(store: Store, background: bool) -> Runner {
        let path = store
            .path()
            .filter(|_| background)
            .map(std::path::Path::to_path_buf);
        let (board_tx, board_rx) = mpsc::channel();
        Runner {
            reader: Reader::new(path),
            store,
            board_tx,
            board_rx,
            templates_dir: None,
            room: None,
            room_bind: None,
            room_port: crate::room::DEFAULT_PORT,
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The store itself, for benchmarks that time its parts.
    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    /// Whether a reader thread exists (then results arrive later, through `poll`).
    pub fn is_background(&self) -> bool {
        self.reader.is_background()
    }

    /// Results the reader and worker threads have finished since the last call.
    pub fn poll(&self) -> Vec<Msg> {
        let mut out: Vec<Msg> = self.reader.poll().into_iter().map(Msg::Read).collect();
        out.extend(self.board_rx.try_iter().map(Msg::board));
        out
    }

    /// Runs one effect; what it yields at once comes back as messages.
    pub fn perform(&mut self, effect: Effect) -> Vec<Msg> {
        self.try_perform(effect)
            .unwrap_or_else(|e| vec![Msg::Failed(e.to_string())])
    }

    fn try_perform(&mut self, effect: Effect) -> Result<Vec<Msg>> {
        let s = &mut self.store;
        match effect {
            Effect::Start => {
                let sessions = s.sessions()?;
                let last = s
                    .setting(LAST_SESSION)?
                    .filter(|id| sessions.iter().any(|x| &x.id == id));
                let current = match last {
                    Some(id) => Some(id),
                    None => s.newest_session()?.map(|x| x.id),
                };
                let consultation = Box::new(s.consultation()?);
                Ok(vec![Msg::Started {
                    sessions,
                    current,
                    consultation,
                }])
            }
            Effect::Remember(id) => {
                s.set_setting(LAST_SESSION, &id)?;
                Ok(Vec::new())
            }
            Effect::Sessions(e) => wrap(sessions::perform(e, s), Msg::Sessions),
            Effect::Cards(e) => wrap(cards::perform(e, s, &mut self.reader), Msg::cards),
            Effect::Board(e) => wrap(
                board::perform(e, s, &mut self.reader, &self.board_tx),
                Msg::board,
            ),
            Effect::Decisions(e) => wrap(decisions::perform(e, s), Msg::decisions),
            Effect::Outline(e) => wrap(outline::perform(e, s), Msg::outline),
            Effect::Merge(e) => wrap(merge::perform(e, s), Msg::Merge),
            Effect::Export(e) => wrap(
                export::perform(e, s, self.templates_dir.as_deref()),
                Msg::Export,
            ),
            Effect::Settings(e) => wrap(settings::perform(e, s), Msg::Settings),
            Effect::Participants(participants::Effect::Open(session_id)) => {
                Ok(vec![Msg::participants(self.open_room(&session_id))])
            }
            Effect::Participants(participants::Effect::Close) => {
                if let Some(room) = self.room.take() {
                    room.stop();
                }
                Ok(vec![Msg::participants(participants::Done::Closed)])
            }
            Effect::Participants(e) => wrap(participants::perform(e, s), Msg::participants),
            Effect::Undo(change) => self.undo(change, Via::Undo),
            Effect::Redo(change) => self.undo(change, Via::Redo),
        }
    }

    fn undo(&mut self, change: Change, via: Via) -> Result<Vec<Msg>> {
        let s = &mut self.store;
        match change {
            Change::Card(c) => wrap(cards::undo(c, s, via), Msg::cards),
            Change::Board(c) => wrap(board::undo(c, s, via), Msg::board),
            Change::Decision(c) => wrap(decisions::undo(c, s, via), Msg::decisions),
            Change::Section(c) => wrap(outline::undo(c, s, via), Msg::outline),
            Change::Room(c) => wrap(participants::undo(c, s, via), Msg::participants),
        }
    }

    /// Starts the server for a session of the store's file (one room at a time).
    fn open_room(&mut self, session_id: &str) -> participants::Done {
        if let Some(old) = self.room.take() {
            old.stop();
        }
        let Some(path) = self.store.path().map(std::path::Path::to_path_buf) else {
            return participants::Done::OpenFailed(
                "the room needs a database file, not one in memory".into(),
            );
        };
        match Room::start(&path, session_id, self.room_bind, self.room_port) {
            Ok(h) => {
                let done = participants::Done::Opened {
                    url: h.url().to_owned(),
                    join_code: h.join_code().to_owned(),
                    qr: h.qr_lines(),
                    note: h.bind_note().to_owned(),
                };
                self.room = Some(h);
                done
            }
            Err(e) => participants::Done::OpenFailed(e.to_string()),
        }
    }
}
