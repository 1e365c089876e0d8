//! Undo and redo of board changes. Each side of a change, performed, yields the other
//! side (with fresh ids where the store made new rows).

use super::Done;
use super::lineage::{CardMerge, CardSplit};
use crate::error::Result;
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
    MergeCards { merged: String, merge: CardMerge },
    /// Redo divides the votes as the split did.
    SplitCard(CardSplit),
}

impl Change {
    /// Whether only placements changed (no topic was made, renamed, merged or retired).
    pub fn placements_only(&self) -> bool {
        matches!(self, Change::Topics { before, after } if before.topics == after.topics)
    }

    /// Whether the cards themselves (not only their placement) changed.
    pub fn touches_cards(&self) -> bool {
        matches!(self, Change::MergeCards { .. } | Change::SplitCard(_))
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
        Change::MergeCards { merged, merge } => {
            let merged = if undo {
                s.unmerge_cards(&merged)?;
                merged
            } else {
                merge.apply(s)?.id
            };
            Change::MergeCards { merged, merge }
        }
        Change::SplitCard(split) => {
            if undo {
                s.unsplit_card(&split.id)?;
            } else {
                split.apply(s)?;
            }
            Change::SplitCard(split)
        }
    };
    Ok(vec![Done::Changed {
        change: next,
        via,
        note: String::new(),
    }])
}
