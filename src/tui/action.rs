//! Everything that can happen to the app: what keys are bound to (the unit variants,
//! named in snake_case in `config.toml`) and what the runner feeds back.

use super::effect::Change;
use super::i18n::Lang;
use crate::model::{Card, Session};
use ratatui::crossterm::event::KeyEvent;
use serde::{Deserialize, Serialize};
use std::time::Instant;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Open the capture line.
    Add,
    Save,
    Cancel,
    Search,
    Help,
    /// Open the selected card (or pick the selected session).
    Open,
    Edit,
    Delete,
    VoteUp,
    VoteDown,
    Undo,
    Redo,
    /// The session picker.
    Sessions,
    NewSession,
    NextKind,
    PrevKind,
    NextField,
    PrevField,
    /// Current session ↔ whole consultation.
    ToggleScope,
    CycleSort,
    Filter,
    ClearFilter,
    NextActivity,
    Projector,
    TimerToggle,
    TimerSet,
    TimerReset,
    /// The topic board.
    Board,
    /// Mark or unmark the selected card (or proposed topic).
    Mark,
    /// Topics pane ↔ cards pane.
    SwitchPane,
    Move,
    Rename,
    MergeTopics,
    SplitTopic,
    Pin,
    Cluster,
    MergeCards,
    SplitCard,
    Decide,
    Decisions,
    Outline,
    Coverage,
    MergeDb,
    Map,
    Unmap,
    NewSection,
    MoveUp,
    MoveDown,
    Accept,
    AcceptAll,
    Discard,
    /// The export dialog.
    Export,

    // Not bindable: input for text fields and results from the runner.
    #[serde(skip)]
    Key(KeyEvent),
    #[serde(skip)]
    Tick(Instant),
    #[serde(skip)]
    Resize(u16, u16),
    #[serde(skip)]
    Started {
        sessions: Vec<Session>,
        current: Option<String>,
    },
    #[serde(skip)]
    SessionsLoaded(Vec<Session>),
    #[serde(skip)]
    SessionSaved(Box<Session>),
    /// A session's card count and vote total changed by these amounts.
    #[serde(skip)]
    Totals {
        session_id: String,
        cards: i64,
        votes: i64,
    },
    #[serde(skip)]
    CardsLoaded {
        generation: u64,
        cards: Vec<Card>,
    },
    #[serde(skip)]
    SearchResults {
        generation: u64,
        query: String,
        cards: Vec<Card>,
    },
    /// A change reached the store; `via` says whether it was new, an undo or a redo.
    #[serde(skip)]
    Stored {
        card: Box<Card>,
        change: Change,
        via: Via,
    },
    #[serde(skip)]
    Failed(String),
    /// Results of the board, decisions, outline, merge and clustering effects.
    #[serde(skip)]
    Loaded(Box<super::loaded::Loaded>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    New,
    Undo,
    Redo,
}

impl Action {
    /// Short description for the footer and the help overlay.
    pub fn label(&self, lang: Lang) -> &'static str {
        use Action::*;
        let (pl, en) = match self {
            Quit => ("wyjście", "quit"),
            Up => ("w górę", "up"),
            Down => ("w dół", "down"),
            PageUp => ("strona w górę", "page up"),
            PageDown => ("strona w dół", "page down"),
            Top => ("początek", "top"),
            Bottom => ("koniec", "bottom"),
            Add => ("dodaj kartę", "add card"),
            Save => ("zapisz", "save"),
            Cancel => ("anuluj/zamknij", "cancel/close"),
            Search => ("szukaj", "search"),
            Help => ("pomoc", "help"),
            Open => ("otwórz", "open"),
            Edit => ("edytuj", "edit"),
            Delete => ("usuń", "delete"),
            VoteUp => ("głos +1", "vote +1"),
            VoteDown => ("głos −1", "vote −1"),
            Undo => ("cofnij", "undo"),
            Redo => ("ponów", "redo"),
            Sessions => ("sesje", "sessions"),
            NewSession => ("nowa sesja", "new session"),
            NextKind => ("następny rodzaj", "next kind"),
            PrevKind => ("poprzedni rodzaj", "previous kind"),
            NextField => ("następne pole", "next field"),
            PrevField => ("poprzednie pole", "previous field"),
            ToggleScope => ("sesja/całość", "session/all"),
            CycleSort => ("kolejność", "sort"),
            Filter => ("filtr", "filter"),
            ClearFilter => ("wyczyść filtr", "clear filter"),
            NextActivity => ("aktywność", "activity"),
            Projector => ("rzutnik", "projector"),
            TimerToggle => ("czas start/pauza", "timer start/pause"),
            TimerSet => ("ustaw czas", "set timer"),
            TimerReset => ("zeruj czas", "reset timer"),
            Board => ("tablica tematów", "topic board"),
            Mark => ("zaznacz", "mark"),
            SwitchPane => ("tematy/karty", "topics/cards"),
            Move => ("przenieś do tematu", "move to topic"),
            Rename => ("zmień nazwę", "rename"),
            MergeTopics => ("połącz tematy", "merge topics"),
            SplitTopic => ("podziel temat", "split topic"),
            Pin => ("przypnij/odepnij", "pin/unpin"),
            Cluster => ("grupuj", "cluster"),
            MergeCards => ("scal karty", "merge cards"),
            SplitCard => ("rozdziel kartę", "split card"),
            Decide => ("decyzja", "decide"),
            Decisions => ("rejestr decyzji", "decision log"),
            Outline => ("konspekt uchwały", "resolution outline"),
            Coverage => ("pokrycie", "coverage"),
            MergeDb => ("scal bazę", "merge database"),
            Map => ("przypisz do sekcji", "map to section"),
            Unmap => ("odłącz od sekcji", "unmap"),
            NewSection => ("nowa sekcja", "new section"),
            MoveUp => ("przesuń w górę", "move up"),
            MoveDown => ("przesuń w dół", "move down"),
            Accept => ("przyjmij zaznaczone", "accept marked"),
            AcceptAll => ("przyjmij wszystko", "accept all"),
            Discard => ("odrzuć", "discard"),
            Export => ("eksport", "export"),
            Key(_)
            | Tick(_)
            | Resize(..)
            | Started { .. }
            | SessionsLoaded(_)
            | SessionSaved(_)
            | Totals { .. }
            | CardsLoaded { .. }
            | SearchResults { .. }
            | Stored { .. }
            | Failed(_)
            | Loaded(_) => ("", ""),
        };
        match lang {
            Lang::Pl => pl,
            Lang::En => en,
        }
    }
}
