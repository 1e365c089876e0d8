//! The store side of decisions: recording one (undone by retracting it, so the log
//! keeps every row) and reading the log.

use crate::error::Result;
use crate::model::DecisionOutcome;
use crate::model::{DecisionDraft, DecisionTarget};
use crate::storage::Store;
use crate::storage::decisions::DecisionRow;
use crate::tui::ctx::Via;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Load,
    Decide {
        target: DecisionTarget,
        outcome: DecisionOutcome,
        draft: DecisionDraft,
    },
}

/// A recorded decision: `id` is the row undo retracts.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub id: String,
    pub target: DecisionTarget,
    pub outcome: DecisionOutcome,
    pub draft: DecisionDraft,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Done {
    Loaded(Vec<DecisionRow>),
    Changed {
        change: Change,
        via: Via,
        note: String,
    },
}

pub fn perform(effect: Effect, s: &mut Store) -> Result<Vec<Done>> {
    Ok(vec![match effect {
        Effect::Load => Done::Loaded(s.decisions()?),
        Effect::Decide {
            target,
            outcome,
            draft,
        } => {
            let row = s.decide(&target, outcome, &draft)?;
            Done::Changed {
                note: row.target_label.clone(),
                change: Change {
                    id: row.id,
                    target,
                    outcome,
                    draft,
                },
                via: Via::New,
            }
        }
    }])
}

/// Undo retracts the decision; redo records it again (a new row).
pub fn undo(change: Change, s: &mut Store, via: Via) -> Result<Vec<Done>> {
    let id = if via == Via::Undo {
        s.retract_decision(&change.id)?;
        change.id
    } else {
        s.decide(&change.target, change.outcome, &change.draft)?.id
    };
    Ok(vec![Done::Changed {
        change: Change { id, ..change },
        via,
        note: String::new(),
    }])
}
