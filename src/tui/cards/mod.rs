//! The cards room: the card list of a session (or the whole consultation), the
//! capture line under it, search, a card's detail with its lineage, the card form,
//! projector mode and the timebox.

mod capture;
mod detail;
mod effect;
mod form;
mod list;
pub mod list_state;
mod projector;
mod prompt;
pub mod search;
mod view;

pub use capture::CaptureLine;
pub use detail::{Detail, HistoryLine};
pub use effect::{Change, Done, Effect, perform, undo};
pub use form::CardForm;
pub use prompt::CardsPrompt;
pub use view::{RowOptions, card_line, render_capture};

use crate::model::Card;
use crate::tui::action::Action;
use crate::tui::ctx::{Back, Ctx, Via};
use crate::tui::hints::Hint;
use crate::tui::i18n::T;
use crate::tui::keymap::Mode;
use crate::tui::reader::{Read, ReadDone};
use crate::tui::timer::Timer;
use crate::tui::widgets::prompt::Prompt;
use list_state::CardList;
use search::SearchState;

/// Which of the room's screens is in front.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    List,
    Detail,
    Search,
}

/// What the room may have open over its screens.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    Form(CardForm),
    Prompt(Prompt<CardsPrompt>),
}

#[derive(Debug, Clone, Default)]
pub struct Room {
    pub list: CardList,
    pub capture: Option<CaptureLine>,
    /// Near-duplicates of the card being typed.
    pub capture_hints: Vec<Hint>,
    hint_generation: u64,
    pub search: SearchState,
    pub detail: Option<Detail>,
    pub projector: bool,
    pub timer: Timer,
    /// The activity new cards get.
    pub activity: Option<String>,
    pub modal: Option<Modal>,
}

impl Room {
    pub fn modal_mode(&self) -> Option<Mode> {
        match &self.modal {
            None => None,
            Some(Modal::Form(_)) => Some(Mode::Form),
            Some(Modal::Prompt(_)) => Some(Mode::Prompt),
        }
    }

    pub fn close_modal(&mut self) {
        self.modal = None;
    }

    /// Whether reads are under way (tests and benchmarks wait for them).
    pub fn busy(&self) -> bool {
        self.list.loading || self.search.pending
    }

    /// Rows of the capture band: the line, and above it the near-duplicate hints when
    /// the terminal is tall enough to spare them.
    pub fn capture_rows(&self, size: (u16, u16)) -> u16 {
        match &self.capture {
            None => 0,
            Some(_) if size.1 >= 12 => 1 + self.capture_hints.len() as u16,
            Some(_) => 1,
        }
    }

    /// Rows of the card list body at this terminal size (header, column titles,
    /// footer and the capture line taken off).
    pub fn list_height(&self, size: (u16, u16)) -> usize {
        let chrome = 2 + self.capture_rows(size);
        usize::from(size.1.saturating_sub(chrome)).max(1)
    }

    /// Keeps the selection in view after the terminal changed size.
    pub fn resized(&mut self, size: (u16, u16)) {
        let h = self.list_height(size);
        self.list.follow(h);
    }

    /// A new session is opened: its activity is not the old one's.
    pub fn session_changed(&mut self) {
        self.activity = None;
    }

    /// Reloads the list (of `session_id`, or of every session in consultation scope).
    pub fn reload(&mut self, session_id: Option<&str>) -> Vec<Effect> {
        let generation = self.list.generation + 1;
        self.list.generation = generation;
        self.list.loading = true;
        self.list.cards.clear();
        self.list.view.clear();
        self.list.changed_while_loading.clear();
        self.list.selected = 0;
        self.list.offset = 0;
        let session_id = if self.list.all_sessions {
            None
        } else {
            session_id.map(str::to_owned)
        };
        vec![Effect::Read(Read::Cards {
            generation,
            session_id,
        })]
    }

    /// Shows `card` in full; its lineage is read when it is not loaded yet.
    pub fn open_detail(&mut self, card: Card, back: Back) -> Vec<Effect> {
        self.detail = Some(Detail::new(card, back));
        self.history_effect().into_iter().collect()
    }

    /// Asks for the lineage of the card the detail shows, when it is not loaded yet.
    fn history_effect(&mut self) -> Option<Effect> {
        let d = self.detail.as_mut()?;
        if d.history_for.as_deref() == Some(d.card.id.as_str()) {
            return None;
        }
        d.history_for = Some(d.card.id.clone());
        d.history.clear();
        d.decision = None;
        Some(Effect::History(d.card.id.clone()))
    }

    /// Reads the detail's lineage and decision again (a decision was recorded or
    /// withdrawn, which the copy of the card it shows cannot know).
    pub fn refresh_detail(&mut self) -> Vec<Effect> {
        if let Some(d) = self.detail.as_mut() {
            d.history_for = None;
        }
        self.history_effect().into_iter().collect()
    }

    pub fn update(&mut self, view: View, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        let mut effects = match self.modal.take() {
            Some(Modal::Form(f)) => self.form_update(f, action, ctx.lang),
            Some(Modal::Prompt(p)) => self.prompt_update(p, action, ctx),
            None => match view {
                View::List if self.capture.is_some() => self.capture_update(action, ctx),
                View::List => self.list_update(action, ctx),
                View::Detail => self.detail_update(action, ctx),
                View::Search => self.search_update(action, ctx),
            },
        };
        if view == View::Detail {
            effects.extend(self.history_effect());
        }
        effects
    }

    /// A stored card: the list, the search results and the detail show it as stored.
    pub fn stored(&mut self, card: Card, selected: bool, ctx: &Ctx) {
        let in_scope = self.list.all_sessions || ctx.session_id == Some(card.session_id.as_str());
        if let Some(d) = self.detail.as_mut()
            && d.card.id == card.id
        {
            d.card = card.clone();
        }
        self.search.replace(&card);
        self.list.upsert(card, in_scope, selected);
        self.resized(ctx.size);
    }

    pub fn done(&mut self, done: Done) {
        match done {
            Done::History {
                card_id,
                lines,
                decision,
            } => {
                if let Some(d) = self.detail.as_mut()
                    && d.card.id == card_id
                {
                    d.history = lines;
                    // Fresher than the copy the detail was opened with.
                    d.card.decision = decision.as_ref().map(|r| r.outcome);
                    d.decision = decision.map(|r| *r);
                }
            }
            // Stored cards, totals and reads concern other rooms too: the app routes them.
            Done::Stored { .. } | Done::Totals { .. } | Done::Read(_) => {}
        }
    }

    /// A read came back; `size` keeps the selection in view. A search answered while
    /// the text changed asks for the newest text.
    pub fn read_done(&mut self, done: ReadDone, size: (u16, u16)) -> Vec<Effect> {
        match done {
            ReadDone::Cards { generation, cards } => {
                if generation == self.list.generation {
                    self.list.set_cards(cards);
                    self.resized(size);
                }
            }
            ReadDone::Search {
                generation,
                query,
                cards,
            } => {
                if let Some(next) = self.search.results_arrived(generation, query, cards) {
                    return vec![Effect::Read(next)];
                }
            }
            ReadDone::Hints {
                generation, hints, ..
            } => {
                if generation == self.hint_generation && self.capture.is_some() {
                    self.capture_hints = hints;
                }
            }
            ReadDone::Failed(_) => {}
        }
        Vec::new()
    }

    /// Something failed: nothing is loading any more.
    pub fn failed(&mut self) {
        self.list.loading = false;
        self.search.failed();
    }

    /// What a change's status message says.
    pub fn stored_message(change: &Change, via: Via) -> T {
        match (via, change) {
            (Via::Undo, _) => T::Undone,
            (Via::Redo, _) => T::Redone,
            (Via::New, Change::Delete(_)) => T::Deleted,
            (Via::New, _) => T::Saved,
        }
    }
}
