//! Undo and redo of board, decision and outline changes, and the outline operations
//! with their inverses. Each side of a change, performed, yields the other side (with
//! fresh ids where the store made new rows).

use super::action::{Action, Via};
use super::board_effects::{BoardChange, SectionOp, changed};
use super::effect::Runner;
use crate::error::{Error, Result};
use crate::storage::Store;

/// Performs a section operation; returns the operation that undoes it.
pub(super) fn section(s: &mut Store, op: &SectionOp) -> Result<SectionOp> {
    Ok(match op {
        SectionOp::Map { section, target } => {
            s.map_section(section, target)?;
            SectionOp::Unmap {
                section: section.clone(),
                target: target.clone(),
            }
        }
        SectionOp::Unmap { section, target } => {
            s.unmap_section(section, target)?;
            SectionOp::Map {
                section: section.clone(),
                target: target.clone(),
            }
        }
        SectionOp::Edit { id, heading, draft } => {
            let old = s
                .outline()?
                .into_iter()
                .find(|x| &x.id == id)
                .ok_or_else(|| Error::NotFound(format!("no section with id {id}")))?;
            s.edit_section(id, heading.as_deref(), draft.as_deref())?;
            SectionOp::Edit {
                id: id.clone(),
                heading: heading.as_ref().map(|_| old.heading),
                draft: draft.as_ref().map(|_| old.draft_text),
            }
        }
        SectionOp::Move { id, delta } => {
            s.move_section(id, *delta)?;
            SectionOp::Move {
                id: id.clone(),
                delta: -delta,
            }
        }
        SectionOp::Add { parent, heading } => {
            let new = s.add_section(parent.as_deref(), heading)?;
            SectionOp::Remove { id: new.id }
        }
        SectionOp::Remove { id } => {
            let old = s
                .outline()?
                .into_iter()
                .find(|x| &x.id == id)
                .ok_or_else(|| Error::NotFound(format!("no section with id {id}")))?;
            s.remove_section(id)?;
            SectionOp::Add {
                parent: old.parent_id,
                heading: old.heading,
            }
        }
    })
}

impl Runner {
    /// Undo (`Via::Undo`) or redo of a board change; the change handed back is the one
    /// to put on the other stack.
    pub(super) fn undo_board(&mut self, change: BoardChange, via: Via) -> Result<Vec<Action>> {
        let s = &mut self.store;
        let undo = via == Via::Undo;
        let next = match change {
            BoardChange::Topics { before, after } => {
                s.restore_board_state(if undo { &before } else { &after })?;
                BoardChange::Topics { before, after }
            }
            BoardChange::MergeCards {
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
                BoardChange::MergeCards {
                    merged,
                    ids,
                    text,
                    policy,
                    why,
                }
            }
            BoardChange::SplitCard { id, parts, why } => {
                if undo {
                    s.unsplit_card(&id)?;
                } else {
                    s.split_card(&id, &parts, why.as_deref())?;
                }
                BoardChange::SplitCard { id, parts, why }
            }
            BoardChange::Decision {
                id,
                target,
                outcome,
                draft,
            } => {
                let id = if undo {
                    s.retract_decision(&id)?;
                    id
                } else {
                    s.decide(&target, outcome, &draft)?.id
                };
                BoardChange::Decision {
                    id,
                    target,
                    outcome,
                    draft,
                }
            }
            BoardChange::Section { undo: u, redo: r } => {
                if undo {
                    let r = section(s, &u)?;
                    BoardChange::Section { undo: u, redo: r }
                } else {
                    let u = section(s, &r)?;
                    BoardChange::Section { undo: u, redo: r }
                }
            }
        };
        Ok(changed(next, via, String::new()))
    }
}
