//! Small drawing helpers shared by the rooms: no room state here.

pub mod footer;
pub mod form;
pub mod help;
pub mod message;
pub mod prompt;
pub mod text;
pub mod text_field;
pub mod wrap;
