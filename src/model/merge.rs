//! Merging another trainer's database: a card changed on both sides, and what to do
//! about it.

use serde::Serialize;

/// What to do with a card edited on both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize)]
pub enum ConflictPolicy {
    /// Keep this database's version.
    Mine,
    /// Take the other database's version.
    Theirs,
    /// Keep this version and add the other as a separate card.
    Both,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergeConflict {
    pub card_id: String,
    pub seq: i64,
    pub mine: String,
    pub theirs: String,
}
