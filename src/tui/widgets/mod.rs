//! Small drawing helpers shared by the screens.

pub mod footer;
pub mod text_field;
pub mod wrap;
