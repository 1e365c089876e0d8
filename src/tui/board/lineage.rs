//! Merging and splitting cards as the board asks for them: the same request is what the
//! effect performs, what the undo stack keeps and what a redo performs again.

use crate::error::Result;
use crate::model::{Card, VotePolicy};
use crate::storage::Store;

/// Cards merged into one new card.
#[derive(Debug, Clone, PartialEq)]
pub struct CardMerge {
    pub ids: Vec<String>,
    pub text: String,
    pub policy: VotePolicy,
    pub why: Option<String>,
}

impl CardMerge {
    /// Merges the cards; returns the card the merge made.
    pub fn apply(&self, s: &mut Store) -> Result<Card> {
        s.merge_cards(&self.ids, &self.text, self.policy, self.why.as_deref())
    }
}

/// A card split into parts.
#[derive(Debug, Clone, PartialEq)]
pub struct CardSplit {
    pub id: String,
    pub parts: Vec<String>,
    /// Votes of the first part; the rest go to the second (`None`: all to the first).
    pub first_votes: Option<i64>,
    pub why: Option<String>,
}

impl CardSplit {
    /// Splits the card; returns the parts.
    pub fn apply(&self, s: &mut Store) -> Result<Vec<Card>> {
        s.split_card(&self.id, &self.parts, self.first_votes, self.why.as_deref())
    }
}
