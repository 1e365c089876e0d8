//! What the user can ask for: what keys are bound to (the unit variants, named in
//! `snake_case` in `config.toml`), text input, the clock and the terminal size. What the
//! runner feeds back is a `Msg` (see `msg.rs`).

use super::i18n::T;
use crate::model::Lang;
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
    /// Show or hide the keywords of the selected (or each proposed) topic.
    Keywords,
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
    /// A unit one level down under the selected one (§ → ust. → pkt → lit. → tiret).
    AddChild,
    MoveUp,
    MoveDown,
    Accept,
    AcceptAll,
    Discard,
    /// The export dialog.
    Export,
    /// The consultation settings dialog.
    Settings,
    /// Open or close the participants' room of the session.
    RoomToggle,
    /// Card list ↔ the room's queue.
    RoomFocus,
    RoomAccept,
    RoomReject,
    /// Record the sent card as a duplicate of a card.
    RoomMerge,
    RoomAcceptAll,
    OpenRound,
    CloseRound,

    // Not bindable: input for text fields, the clock and the terminal size.
    #[serde(skip)]
    Key(KeyEvent),
    /// Text pasted into the terminal (bracketed paste): one edit, not a key per letter.
    #[serde(skip)]
    Paste(String),
    #[serde(skip)]
    Tick(Instant),
    #[serde(skip)]
    Resize(u16, u16),
}

impl Action {
    /// Short description for the footer and the help overlay.
    pub fn label(&self, lang: Lang) -> &'static str {
        self.label_key().map_or("", |t| t.tr(lang))
    }

    /// The label in the footer, where room is short: a few are shortened.
    pub fn footer_label(&self, lang: Lang) -> &'static str {
        match self {
            Action::Board => T::FootBoard.tr(lang),
            Action::TimerSet => T::FootTimerSet.tr(lang),
            Action::RoomToggle => T::FootRoom.tr(lang),
            Action::Add => T::FootAdd.tr(lang),
            _ => self.label(lang),
        }
    }

    fn label_key(&self) -> Option<T> {
        use Action::{
            Accept, AcceptAll, Add, AddChild, Board, Bottom, Cancel, ClearFilter, CloseRound,
            Cluster, Coverage, CycleSort, Decide, Decisions, Delete, Discard, Down, Edit, Export,
            Filter, Help, Key, Keywords, Map, Mark, MergeCards, MergeDb, MergeTopics, Move,
            MoveDown, MoveUp, NewSection, NewSession, NextActivity, NextField, NextKind, Open,
            OpenRound, Outline, PageDown, PageUp, Paste, Pin, PrevField, PrevKind, Projector, Quit,
            Redo, Rename, Resize, RoomAccept, RoomAcceptAll, RoomFocus, RoomMerge, RoomReject,
            RoomToggle, Save, Search, Sessions, Settings, SplitCard, SplitTopic, SwitchPane, Tick,
            TimerReset, TimerSet, TimerToggle, ToggleScope, Top, Undo, Unmap, Up, VoteDown, VoteUp,
        };
        Some(match self {
            Quit => T::ActQuit,
            RoomToggle => T::ActRoomToggle,
            RoomFocus => T::ActRoomFocus,
            RoomAccept => T::ActRoomAccept,
            RoomReject => T::ActRoomReject,
            RoomMerge => T::ActRoomMerge,
            RoomAcceptAll => T::ActRoomAcceptAll,
            OpenRound => T::ActOpenRound,
            CloseRound => T::ActCloseRound,
            Up => T::ActUp,
            Down => T::ActDown,
            PageUp => T::ActPageUp,
            PageDown => T::ActPageDown,
            Top => T::ActTop,
            Bottom => T::ActBottom,
            Add => T::ActAdd,
            Save => T::ActSave,
            Cancel => T::ActCancel,
            Search => T::ActSearch,
            Help => T::ActHelp,
            Open => T::ActOpen,
            Edit => T::ActEdit,
            Delete => T::ActDelete,
            VoteUp => T::ActVoteUp,
            VoteDown => T::ActVoteDown,
            Undo => T::ActUndo,
            Redo => T::ActRedo,
            Sessions => T::ActSessions,
            NewSession => T::ActNewSession,
            AddChild => T::ActAddChild,
            NextKind => T::ActNextKind,
            PrevKind => T::ActPrevKind,
            NextField => T::ActNextField,
            PrevField => T::ActPrevField,
            ToggleScope => T::ActToggleScope,
            CycleSort => T::ActCycleSort,
            Filter => T::ActFilter,
            ClearFilter => T::ActClearFilter,
            NextActivity => T::ActNextActivity,
            Projector => T::ActProjector,
            TimerToggle => T::ActTimerToggle,
            TimerSet => T::ActTimerSet,
            TimerReset => T::ActTimerReset,
            Board => T::ActBoard,
            Mark => T::ActMark,
            SwitchPane => T::ActSwitchPane,
            Move => T::ActMove,
            Rename => T::ActRename,
            MergeTopics => T::ActMergeTopics,
            SplitTopic => T::ActSplitTopic,
            Pin => T::ActPin,
            Keywords => T::ActKeywords,
            Cluster => T::ActCluster,
            MergeCards => T::ActMergeCards,
            SplitCard => T::ActSplitCard,
            Decide => T::ActDecide,
            Decisions => T::ActDecisions,
            Outline => T::ActOutline,
            Coverage => T::ActCoverage,
            MergeDb => T::ActMergeDb,
            Map => T::ActMap,
            Unmap => T::ActUnmap,
            NewSection => T::ActNewSection,
            MoveUp => T::ActMoveUp,
            MoveDown => T::ActMoveDown,
            Accept => T::ActAccept,
            AcceptAll => T::ActAcceptAll,
            Discard => T::ActDiscard,
            Export => T::ActExport,
            Settings => T::ActSettings,
            Key(_) | Paste(_) | Tick(_) | Resize(..) => return None,
        })
    }
}
