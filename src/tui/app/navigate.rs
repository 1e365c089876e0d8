//! What rooms ask of the app: going to another room (with what it opens on), opening
//! another room's dialog, undo and redo.

use super::{App, RoomId, Screen, wrap};
use crate::tui::ctx::{Nav, Request, Status};
use crate::tui::effect::Effect;
use crate::tui::i18n::T;
use crate::tui::{decisions, outline};

impl App {
    pub(super) fn request(&mut self, r: Request) -> Vec<Effect> {
        match r {
            Request::Go(nav) => self.go(nav),
            Request::Undo => {
                if let Some(change) = self.undo.pop() {
                    vec![Effect::Undo(change)]
                } else {
                    self.say(T::NothingToUndo);
                    Vec::new()
                }
            }
            Request::Redo => {
                if let Some(change) = self.redo.pop() {
                    vec![Effect::Redo(change)]
                } else {
                    self.say(T::NothingToRedo);
                    Vec::new()
                }
            }
        }
    }

    fn say(&mut self, t: T) {
        self.status = Some(Status {
            text: self.tr(t).to_owned(),
            error: false,
        });
    }

    /// Opens a room's dialog over the current screen.
    pub(super) fn open_modal(&mut self, room: RoomId) {
        self.sync_modal(room);
    }

    /// Takes the user to another room.
    pub fn go(&mut self, nav: Nav) -> Vec<Effect> {
        match nav {
            Nav::Sessions => {
                self.screen = Screen::Sessions;
                self.sessions.point_at(self.session_id.as_deref());
                Vec::new()
            }
            Nav::Cards => {
                self.screen = Screen::Cards;
                if self.list_stale {
                    self.list_stale = false;
                    return wrap(self.cards.reload(self.session_id.as_deref()), Effect::Cards);
                }
                Vec::new()
            }
            Nav::Session(id) => self.open_session(id),
            Nav::Search => {
                self.screen = Screen::Search;
                Vec::new()
            }
            Nav::Detail(card, back) => {
                self.screen = Screen::Detail;
                wrap(self.cards.open_detail(*card, back), Effect::Cards)
            }
            Nav::Board { cards, topics } => {
                self.screen = Screen::Board;
                if std::mem::take(&mut self.board_stale) {
                    return wrap(self.board.load(true, true), Effect::Board);
                }
                if cards || topics {
                    return wrap(self.board.load(cards, topics), Effect::Board);
                }
                Vec::new()
            }
            Nav::Decisions => {
                let from = if self.screen == Screen::Board {
                    decisions::OpenedFrom::Board
                } else {
                    decisions::OpenedFrom::Cards
                };
                self.screen = Screen::Decisions;
                wrap(self.decisions.open(from), Effect::Decisions)
            }
            Nav::Outline(target) => {
                self.screen = Screen::Outline;
                wrap(self.outline.open(target), Effect::Outline)
            }
            Nav::Coverage => {
                self.screen = Screen::Coverage;
                vec![Effect::Outline(outline::Effect::LoadCoverage)]
            }
            Nav::Export => {
                self.export.open(self.lang);
                self.open_modal(RoomId::Export);
                Vec::new()
            }
            Nav::Decide(target, label) => {
                self.decisions.open_form(target, label, self.lang);
                self.open_modal(RoomId::Decisions);
                Vec::new()
            }
            Nav::Settings => wrap(self.settings.open(), Effect::Settings),
            Nav::MergeDb => {
                self.merge.open();
                self.open_modal(RoomId::Merge);
                Vec::new()
            }
        }
    }

    /// Switches to a session's card list and loads it.
    pub(super) fn open_session(&mut self, id: String) -> Vec<Effect> {
        let mut effects = Vec::new();
        if self.session_id.as_deref() != Some(id.as_str()) {
            self.cards.session_changed();
            // The room belongs to the session left.
            if self.participants.is_open() {
                effects.extend(wrap(self.participants.close(), Effect::Participants));
                if self.modal == Some(RoomId::Participants) {
                    self.modal = None;
                }
            }
        }
        self.session_id = Some(id.clone());
        self.screen = Screen::Cards;
        effects.extend(wrap(self.cards.reload(Some(&id)), Effect::Cards));
        effects.push(Effect::Remember(id));
        effects
    }
}
