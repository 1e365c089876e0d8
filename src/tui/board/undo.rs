//! Undo and redo of board changes. Each side of a change, performed, yields the other
//! side (with fresh ids where the store made new rows).

use super::Done;
use crate::error::Result;
use crate::model::VotePolicy;
use crate::storage::Store;
use crate::storage::undo::BoardState;
use crate::tui::ctx::Via;

/// An undoable board change. Each side holds what performing it does now.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Topics {
        before: Box<BoardState>,
        after: Box<BoardState>,
    },
    /// `merged` is the card the merge made (what undo unmerges).
    MergeCards {
        merged: String,
        ids: Vec<String>,
        text: String,
        policy: VotePolicy,
        why: Option<String>,
    },
    SplitCard {
        id: String,
        parts: Vec<String>,
        /// Votes of the first part (`None`: all of them), so a redo divides them alike.
        first_votes: Option<i64>,
        why: Option<String>,
    },
}

impl Change {
    /// Whether only placements changed (no topic was made, renamed, merged or retired).
    pub fn placements_only(&self) -> bool {
        matches!(self, Change::Topics { before, after } if before.topics == after.topics)
    }

    /// Whether the cards themselves (not only their placement) changed.
    pub fn touches_cards(&self) -> bool {
        matches!(self, Change::MergeCards { .. } | Change::SplitCard { .. })
    }
}

/// Undo (`Via::Undo`) or redo of a board change; the change handed back is the one
/// to put on the other stack.
pub fn undo(change: Change, s: &mut Store, via: Via) -> Result<Vec<Done>> {
    let undo = via == Via::Undo;
    let next = match change {
        Change::Topics { before, after } => {
            s.restore_board_state(if undo { &before } else { &after })?;
            Change::Topics { before, after }
        }
        Change::MergeCards {
            merged,
            ids,
            text,
            policy,
            why,
        } => {
            let merged = if undo {
                s.unmerge_cards(&merged)?;
                merged
            } else {
                s.merge_cards(&ids, &text, policy, why.as_deref())?.id
            };
            Change::MergeCards {
                merged,
                ids,
                text,
                policy,
                why,
            }
        }
        Change::SplitCard {
            id,
            parts,
            first_votes,
            why,
        } => {
            if undo {
                s.unsplit_card(&id)?;
            } else {
                s.split_card(&id, &parts, first_votes, why.as_deref())?;
            }
            Change::SplitCard {
                id,
                parts,
                first_votes,
                why,
            }
        }
    };
    Ok(vec![Done::Changed {
        change: next,
        via,
        note: String::new(),
    }])
}
