//! One file per screen or overlay: its state, its part of `update`, its drawing.

pub mod board;
pub mod board_state;
pub mod cards;
pub mod coverage;
pub mod decisions;
pub mod detail;
pub mod dialogs;
pub mod export_dialog;
pub mod forms;
pub mod help;
pub mod list_state;
pub mod message;
pub mod outline;
pub mod picker;
pub mod projector;
pub mod prompt;
pub mod proposal;
pub mod search;
pub mod sessions;
