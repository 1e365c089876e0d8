//! What the app does with results from the runner and the workers: each room gets its
//! own, and what concerns several rooms — a stored card, a change on the undo stacks, a
//! merge, the sessions' totals — is handled here once.

use super::{App, Overlay, RoomId, Screen, wrap};
use crate::model::{Card, UNNAMED_CONSULTATION};
use crate::tui::ctx::{Ctx, Status, Via};
use crate::tui::effect::{Change, Effect};
use crate::tui::i18n::T;
use crate::tui::msg::Msg;
use crate::tui::reader::{HintFor, ReadDone};
use crate::tui::{
    board, cards, decisions, export, merge, outline, participants, sessions, settings,
};

impl App {
    /// A result from the runner or a worker.
    pub fn receive(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Started {
                sessions,
                current,
                consultation,
            } => {
                let unnamed = sessions.is_empty() && consultation.title == UNNAMED_CONSULTATION;
                self.consultation = Some(*consultation);
                self.sessions.sessions = sessions;
                if let Some(id) = current {
                    self.open_session(id)
                } else {
                    self.screen = Screen::Sessions;
                    if unnamed {
                        self.sessions.ask_title();
                        self.open_modal(RoomId::Sessions);
                    }
                    Vec::new()
                }
            }
            Msg::Failed(message) => {
                self.cards.failed();
                self.board.failed();
                self.status = Some(Status {
                    text: format!("{}: {message}", self.tr(T::Error)),
                    error: true,
                });
                Vec::new()
            }
            Msg::Read(ReadDone::Failed(e)) => self.receive(Msg::Failed(e)),
            Msg::Read(
                r @ ReadDone::Hints {
                    to: HintFor::Board, ..
                },
            ) => {
                self.board.read_done(r);
                Vec::new()
            }
            Msg::Read(r) => {
                // A fresh list may hold cards other processes added (the command line, a
                // merge): the sessions' totals are read again with it.
                let list = matches!(r, ReadDone::Cards { .. });
                let mut effects = wrap(self.cards.read_done(r, self.size), Effect::Cards);
                if list {
                    effects.push(Effect::Sessions(sessions::Effect::Load));
                }
                effects
            }
            Msg::Sessions(sessions::Done::Consultation(c)) => {
                self.consultation = Some((*c).clone());
                let mut ctx = ctx!(self, None);
                self.sessions
                    .done(sessions::Done::Consultation(c), &mut ctx);
                self.sync_modal(RoomId::Sessions);
                Vec::new()
            }
            Msg::Sessions(d) => {
                let mut ctx = ctx!(self, None);
                self.sessions.done(d, &mut ctx);
                self.sync_modal(RoomId::Sessions);
                Vec::new()
            }
            Msg::Cards(cards::Done::Stored { card, change, via }) => {
                self.stored(*card, change, via)
            }
            Msg::Cards(cards::Done::Totals {
                session_id,
                cards,
                votes,
            }) => {
                self.sessions.add_totals(&session_id, cards, votes);
                Vec::new()
            }
            Msg::Cards(d) => {
                self.cards.done(d);
                Vec::new()
            }
            Msg::Board(d) => {
                let mut ctx = ctx!(self, None);
                let effects = self.board.done(d, &mut ctx);
                self.sync_modal(RoomId::Board);
                wrap(effects, Effect::Board)
            }
            Msg::Decisions(d) => {
                self.decisions.done(d);
                Vec::new()
            }
            Msg::Outline(d) => {
                self.outline.done(d);
                Vec::new()
            }
            Msg::Merge(merge::Done::Merged(sum)) => {
                self.list_stale = true;
                self.corpus_version += 1;
                let lines = merge::summary_lines(&sum, self.lang);
                self.show_message(T::MergedTitle, lines);
                let mut effects = vec![Effect::Sessions(sessions::Effect::Load)];
                effects.extend(self.reload(true, true));
                effects
            }
            Msg::Merge(d) => {
                self.merge.done(d, self.lang);
                self.sync_modal(RoomId::Merge);
                Vec::new()
            }
            Msg::Export(export::Done::Exported(path)) => {
                self.show_message(T::ExportedTitle, vec![path]);
                Vec::new()
            }
            Msg::Settings(d) => {
                if let settings::Done::Saved(c) = &d {
                    self.consultation = Some((**c).clone());
                }
                let mut ctx = ctx!(self, None);
                self.settings.done(d, &mut ctx);
                self.sync_modal(RoomId::Settings);
                Vec::new()
            }
            Msg::Participants(d) => {
                if let participants::Done::OpenFailed(why) = &d {
                    self.status = Some(Status {
                        text: format!("{}: {why}", self.tr(T::Error)),
                        error: true,
                    });
                }
                self.participants.done(d);
                self.sync_modal(RoomId::Participants);
                Vec::new()
            }
            Msg::Changed { change, via, note } => self.changed(change, via, note),
        }
    }

    /// Lines to read, in place of any open dialog.
    fn show_message(&mut self, title: T, lines: Vec<String>) {
        if let Some(room) = self.modal.take() {
            self.close_modal_of(room);
        }
        self.overlay = Some(Overlay::Message(title, lines));
    }

    fn push_change(&mut self, change: Change, via: Via) {
        match via {
            Via::New => {
                self.undo.push(change);
                self.redo.clear();
            }
            Via::Undo => self.redo.push(change),
            Via::Redo => self.undo.push(change),
        }
    }

    /// A card reached the store: onto the right stack, a message, and every view of it
    /// shows it as stored.
    fn stored(&mut self, card: Card, change: cards::Change, via: Via) -> Vec<Effect> {
        let msg = cards::Room::stored_message(&change, via);
        self.status = Some(Status {
            text: format!("{} #{}", self.tr(msg), card.seq),
            error: false,
        });
        let select = matches!(change, cards::Change::Add(_)) && via == Via::New;
        self.push_change(Change::Card(change), via);
        let ctx = ctx!(self, None);
        self.cards.stored(card, select, &ctx);
        self.corpus_version += 1;
        if self.screen == Screen::Board {
            return wrap(self.board.load(true, true), Effect::Board);
        }
        // A board under the detail reloads when it is back in front.
        self.board_stale = !self.board.cards.is_empty();
        Vec::new()
    }

    /// A stored board, decision or outline change: onto the right stack, a message,
    /// and fresh data for the screen.
    fn changed(&mut self, change: Change, via: Via, note: String) -> Vec<Effect> {
        let touches_cards = change.touches_cards();
        let topics = !change.placements_only();
        // A decision changes how its cards read: the board's badges, the detail.
        let decided = matches!(change, Change::Decision(_));
        let what = match &change {
            Change::Board(board::Change::Topics { .. }) => T::BoardSaved,
            Change::Board(board::Change::MergeCards { .. }) => T::CardsMerged,
            Change::Board(board::Change::SplitCard(_)) => T::CardSplit,
            Change::Decision(_) => T::Decided,
            Change::Section(_) => T::OutlineSaved,
            Change::Card(_) => T::Saved,
            Change::Room(participants::Change::Decided { .. }) => T::RoomDecided,
            Change::Room(participants::Change::RoundClosed(_)) => T::RoundClosed,
        };
        let msg = match via {
            Via::New => what,
            Via::Undo => T::Undone,
            Via::Redo => T::Redone,
        };
        let text = if note.is_empty() || via != Via::New {
            self.tr(msg).to_owned()
        } else {
            format!("{} {note}", self.tr(msg))
        };
        self.status = Some(Status { text, error: false });
        if let (Change::Section(c), Via::New | Via::Redo) = (&change, via) {
            self.outline.changed(c);
        }
        self.push_change(change, via);
        let mut effects = wrap(self.participants.refresh(), Effect::Participants);
        if touches_cards {
            self.corpus_version += 1;
            self.board.cards_changed();
            // Merged and split cards change the sessions' card and vote totals.
            effects.push(Effect::Sessions(sessions::Effect::Load));
        }
        self.list_stale = true;
        effects.extend(self.reload(touches_cards || decided, topics));
        if decided {
            // The board (once loaded) and the detail may lie under the screen in view.
            if self.screen != Screen::Board && !self.board.cards.is_empty() {
                effects.extend(wrap(self.board.load(true, true), Effect::Board));
            }
            if self.screen == Screen::Detail {
                effects.extend(wrap(self.cards.refresh_detail(), Effect::Cards));
            }
        }
        effects
    }

    /// Reloads the data of the screen in view.
    fn reload(&mut self, cards: bool, topics: bool) -> Vec<Effect> {
        match self.screen {
            Screen::Board => wrap(self.board.load(cards, topics), Effect::Board),
            Screen::Decisions => vec![Effect::Decisions(decisions::Effect::Load)],
            Screen::Outline => vec![Effect::Outline(outline::Effect::Load)],
            Screen::Coverage => vec![Effect::Outline(outline::Effect::LoadCoverage)],
            Screen::Cards => {
                self.list_stale = false;
                wrap(self.cards.reload(self.session_id.as_deref()), Effect::Cards)
            }
            _ => Vec::new(),
        }
    }
}
