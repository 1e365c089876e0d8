//! One file per screen or overlay: its state, its part of `update`, its drawing.

pub mod cards;
pub mod detail;
pub mod forms;
pub mod help;
pub mod list_state;
pub mod projector;
pub mod prompt;
pub mod search;
pub mod sessions;
