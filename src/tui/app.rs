//! The app's state and its router: `update` takes an action, changes the state and
//! returns the effects to run. No IO here and no drawing (see `view.rs`).

use super::action::{Action, Via};
use super::board_effects::MoreEffect;
use super::effect::{Change, Effect};
use super::i18n::{Lang, T};
use super::keymap::{Keymap, Mode};
use super::loaded::{Hint, HistoryLine};
use super::screens::board_state::Board;
use super::screens::forms::{CardForm, SessionForm};
use super::screens::list_state::CardList;
use super::screens::prompt::Prompt;
use super::screens::search::SearchState;
use super::timer::Timer;
use super::widgets::text_field::TextField;
use crate::model::{Card, CardKind, Session};
use ratatui::crossterm::event::KeyEvent;
use std::time::Instant;

/// The effect for board-side work.
pub fn more(e: MoreEffect) -> Effect {
    Effect::More(Box::new(e))
}

#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    /// Before the store has said which session to open.
    Starting,
    Sessions,
    Cards,
    Detail(Box<Card>),
    Search,
    Board,
    Decisions,
    Outline,
    Coverage,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    Help,
    SessionForm(SessionForm),
    CardForm(CardForm),
    Prompt(Prompt),
    Picker(super::screens::picker::Picker),
    Dialog(Box<super::screens::dialogs::Dialog>),
    Proposal(super::screens::proposal::Proposal),
    /// Lines to read (a merge summary); any key closes it.
    Message(T, Vec<String>),
}

/// The capture line under the card list.
#[derive(Debug, Clone, PartialEq)]
pub struct CaptureLine {
    pub field: TextField,
    /// Kind for cards without a prefix; Tab cycles it and it stays for the next card.
    pub kind: CardKind,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub text: String,
    pub error: bool,
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
    pub modal: Option<Modal>,
    pub sessions: Vec<Session>,
    /// Index into `sessions` on the session picker.
    pub session_cursor: usize,
    pub session_id: Option<String>,
    pub activity: Option<String>,
    pub list: CardList,
    pub capture: Option<CaptureLine>,
    pub search: SearchState,
    pub projector: bool,
    pub timer: Timer,
    pub undo: Vec<Change>,
    pub redo: Vec<Change>,
    pub status: Option<Status>,
    pub size: (u16, u16),
    pub now: Instant,
    pub quit: bool,
    /// Esc on a card opened from search goes back to the results.
    pub detail_from_search: bool,
    /// Esc on a card opened from the board goes back to the board.
    pub detail_from_board: bool,
    pub board: Board,
    pub decision_log: super::screens::decisions::DecisionLog,
    pub outline: super::screens::outline::OutlineView,
    pub coverage: super::screens::coverage::CoverageView,
    /// Lineage of the card shown in the detail.
    pub history: Option<(String, Vec<HistoryLine>)>,
    /// Near-duplicates of the card being typed.
    pub capture_hints: Vec<Hint>,
    /// Changes whenever a card text may have changed (the hint cache's key).
    pub corpus_version: u64,
    /// The card list missed board changes (merges, splits, topics) and reloads on return.
    pub list_stale: bool,
    generation: u64,
}

impl App {
    pub fn new(options: AppOptions) -> App {
        App {
            lang: options.lang,
            keymap: options.keymap,
            screen: Screen::Starting,
            modal: None,
            sessions: Vec::new(),
            session_cursor: 0,
            session_id: None,
            activity: None,
            list: CardList::default(),
            capture: None,
            search: SearchState::default(),
            projector: false,
            timer: Timer::default(),
            undo: Vec::new(),
            redo: Vec::new(),
            status: None,
            size: (80, 24),
            now: Instant::now(),
            quit: false,
            detail_from_search: false,
            detail_from_board: false,
            board: Board::default(),
            decision_log: Default::default(),
            outline: Default::default(),
            coverage: Default::default(),
            history: None,
            capture_hints: Vec::new(),
            corpus_version: 0,
            list_stale: false,
            generation: 0,
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
        let id = self.session_id.as_deref()?;
        self.sessions.iter().find(|s| s.id == id)
    }

    /// The mode of the screen under any modal.
    pub fn screen_mode(&self) -> Mode {
        match &self.screen {
            Screen::Starting | Screen::Sessions => Mode::Sessions,
            Screen::Cards if self.capture.is_some() => Mode::Capture,
            Screen::Cards => Mode::List,
            Screen::Detail(_) => Mode::Detail,
            Screen::Search => Mode::Search,
            Screen::Board => Mode::Board,
            Screen::Decisions => Mode::Decisions,
            Screen::Outline => Mode::Outline,
            Screen::Coverage => Mode::Coverage,
        }
    }

    pub fn mode(&self) -> Mode {
        match &self.modal {
            Some(Modal::Help | Modal::Message(..)) => Mode::Help,
            Some(Modal::SessionForm(_) | Modal::CardForm(_) | Modal::Dialog(_)) => Mode::Form,
            Some(Modal::Prompt(_)) => Mode::Prompt,
            Some(Modal::Picker(_)) => Mode::Picker,
            Some(Modal::Proposal(_)) => Mode::Proposal,
            None => self.screen_mode(),
        }
    }

    /// Rows of the card list body at the current terminal size (header, column
    /// titles, footer and the capture line taken off).
    pub fn list_height(&self) -> usize {
        let chrome = 2 + self.capture_rows();
        usize::from(self.size.1.saturating_sub(chrome)).max(1)
    }

    /// Rows of the capture band: the line, and above it the near-duplicate hints when
    /// the terminal is tall enough to spare them.
    pub fn capture_rows(&self) -> u16 {
        match &self.capture {
            None => 0,
            Some(_) if self.size.1 >= 12 => 1 + self.capture_hints.len() as u16,
            Some(_) => 1,
        }
    }

    pub(crate) fn next_generation(&mut self) -> u64 {
        self.generation += 1;
        self.generation
    }

    pub(crate) fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub(crate) fn fail(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
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
                Vec::new()
            }
            Action::Resize(w, h) => {
                self.size = (w, h);
                let height = self.list_height();
                self.list.follow(height);
                Vec::new()
            }
            Action::Started { sessions, current } => {
                self.sessions = sessions;
                match current {
                    Some(id) => self.open_session(id),
                    None => {
                        self.screen = Screen::Sessions;
                        Vec::new()
                    }
                }
            }
            Action::SessionsLoaded(sessions) => {
                self.sessions = sessions;
                self.session_cursor = self
                    .session_cursor
                    .min(self.sessions.len().saturating_sub(1));
                Vec::new()
            }
            Action::SessionSaved(session) => {
                self.modal = None;
                self.say(format!("{}: {}", self.tr(T::Saved), session.title));
                if let Some(i) = self.sessions.iter().position(|s| s.id == session.id) {
                    self.session_cursor = i;
                }
                Vec::new()
            }
            Action::Totals {
                session_id,
                cards,
                votes,
            } => {
                if let Some(s) = self.sessions.iter_mut().find(|s| s.id == session_id) {
                    s.card_count += cards;
                    s.vote_total += votes;
                }
                Vec::new()
            }
            Action::CardsLoaded { generation, cards } => {
                if generation == self.list.generation {
                    self.list.set_cards(cards);
                    let height = self.list_height();
                    self.list.follow(height);
                }
                Vec::new()
            }
            Action::SearchResults {
                generation,
                query,
                cards,
            } => {
                self.search.results_arrived(generation, query, cards);
                Vec::new()
            }
            Action::Stored { card, change, via } => self.stored(*card, change, via),
            Action::Loaded(loaded) => super::on_loaded::loaded(self, *loaded),
            Action::Failed(message) => {
                self.list.loading = false;
                self.board.loading = false;
                // A run that could not start must not keep `c` disabled.
                self.board.clustering = None;
                self.fail(format!("{}: {message}", self.tr(T::Error)));
                Vec::new()
            }
            other => {
                let mut effects = self.route(other);
                effects.extend(self.history_effect());
                effects
            }
        }
    }

    /// Asks for the lineage of the card the detail shows, when it is not loaded yet.
    fn history_effect(&mut self) -> Option<Effect> {
        let Screen::Detail(card) = &self.screen else {
            return None;
        };
        if self.history.as_ref().is_some_and(|(id, _)| id == &card.id) {
            return None;
        }
        self.history = Some((card.id.clone(), Vec::new()));
        Some(more(MoreEffect::History(card.id.clone())))
    }

    /// Bindable actions and text input go to the modal, else to the screen.
    fn route(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::Help && self.modal.is_none() {
            self.modal = Some(Modal::Help);
            return Vec::new();
        }
        match self.modal.take() {
            Some(Modal::Help | Modal::Message(..)) => Vec::new(), // every key bound in help closes it
            Some(Modal::Picker(p)) => super::screens::picker::update(self, p, action),
            Some(Modal::Dialog(d)) => super::screens::dialogs::update(self, *d, action),
            Some(Modal::Proposal(p)) => super::screens::proposal::update(self, p, action),
            Some(Modal::SessionForm(form)) => {
                super::screens::forms::session_form(self, form, action)
            }
            Some(Modal::CardForm(form)) => super::screens::forms::card_form(self, form, action),
            Some(Modal::Prompt(p)) => super::screens::prompt::update(self, p, action),
            None => match self.screen {
                Screen::Starting | Screen::Sessions => {
                    super::screens::sessions::update(self, action)
                }
                Screen::Cards => super::screens::cards::update(self, action),
                Screen::Detail(_) => super::screens::detail::update(self, action),
                Screen::Search => super::screens::search::update(self, action),
                Screen::Board => super::screens::board::update(self, action),
                Screen::Decisions => super::screens::decisions::update(self, action),
                Screen::Outline => super::screens::outline::update(self, action),
                Screen::Coverage => super::screens::coverage::update(self, action),
            },
        }
    }

    /// Switches to a session's card list and loads it.
    pub(crate) fn open_session(&mut self, id: String) -> Vec<Effect> {
        if self.session_id.as_deref() != Some(id.as_str()) {
            self.activity = None;
        }
        self.session_id = Some(id.clone());
        self.screen = Screen::Cards;
        let mut effects = self.reload_cards();
        effects.push(Effect::Remember(id));
        effects
    }

    pub(crate) fn reload_cards(&mut self) -> Vec<Effect> {
        let generation = self.next_generation();
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
            self.session_id.clone()
        };
        vec![Effect::LoadCards {
            generation,
            session_id,
        }]
    }

    fn stored(&mut self, card: Card, change: Change, via: Via) -> Vec<Effect> {
        let msg = match (via, &change) {
            (Via::Undo, _) => T::Undone,
            (Via::Redo, _) => T::Redone,
            (Via::New, Change::Delete(_)) => T::Deleted,
            (Via::New, _) => T::Saved,
        };
        self.say(format!("{} #{}", self.tr(msg), card.seq));
        match via {
            Via::New => {
                self.undo.push(change.clone());
                self.redo.clear();
            }
            Via::Undo => self.redo.push(change.clone()),
            Via::Redo => self.undo.push(change.clone()),
        }
        let in_scope =
            self.list.all_sessions || self.session_id.as_deref() == Some(&card.session_id);
        let select = matches!(change, Change::Add(_)) && via == Via::New;
        if let Screen::Detail(shown) = &mut self.screen
            && shown.id == card.id
        {
            **shown = card.clone();
        }
        self.search.replace(&card);
        self.list.upsert(card, in_scope, select);
        let height = self.list_height();
        self.list.follow(height);
        self.corpus_version += 1;
        if self.screen == Screen::Board {
            return vec![more(MoreEffect::LoadBoard {
                cards: true,
                topics: true,
            })];
        }
        Vec::new()
    }

    /// Undo/redo are the same on every screen that offers them.
    pub(crate) fn undo(&mut self) -> Vec<Effect> {
        match self.undo.pop() {
            Some(change) => vec![Effect::Revert(change)],
            None => {
                self.say(self.tr(T::NothingToUndo));
                Vec::new()
            }
        }
    }

    pub(crate) fn redo(&mut self) -> Vec<Effect> {
        match self.redo.pop() {
            Some(change) => vec![Effect::Reapply(change)],
            None => {
                self.say(self.tr(T::NothingToRedo));
                Vec::new()
            }
        }
    }
}
