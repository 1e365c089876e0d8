//! The store side of the outline: each section operation with the operation that
//! undoes it, and reading the outline and its coverage.

use crate::error::{Error, Result};
use crate::model::{MapTarget, SectionLevel};
use crate::storage::Store;
use crate::storage::coverage::Coverage;
use crate::storage::outline::SectionRow;
use crate::storage::outline_units::{Place, Removed};
use crate::tui::ctx::Via;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq)]
pub enum SectionOp {
    Map {
        section: String,
        target: MapTarget,
    },
    Unmap {
        section: String,
        target: MapTarget,
    },
    Edit {
        id: String,
        heading: Option<String>,
        draft: Option<String>,
    },
    Move {
        id: String,
        delta: i64,
    },
    /// A new unit: the heading of a chapter or §, the text of a unit below.
    Add {
        place: Place,
        level: Option<SectionLevel>,
        text: String,
    },
    /// Deletes a unit with its children and mappings (the user has confirmed).
    Delete {
        id: String,
    },
    /// Puts deleted units back (the undo of `Delete`).
    Restore(Box<Removed>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Load,
    LoadCoverage,
    Section(SectionOp),
    /// A section operation with a note for the status line (already translated).
    Noted(SectionOp, String),
}

/// An applied section operation: `undo` takes it back, `redo` does it again.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub undo: SectionOp,
    pub redo: SectionOp,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Done {
    Loaded {
        sections: Vec<SectionRow>,
        /// Section id → adopted source cards.
        sources: BTreeMap<String, Vec<String>>,
        /// Topic id → label, to name mapped topics.
        topics: BTreeMap<String, String>,
    },
    Coverage(Coverage),
    Changed {
        change: Change,
        via: Via,
        note: String,
    },
}

pub fn perform(effect: Effect, s: &mut Store) -> Result<Vec<Done>> {
    Ok(vec![match effect {
        Effect::Load => Done::Loaded {
            sections: s.outline()?,
            sources: s.section_sources()?,
            topics: s.topics()?.into_iter().map(|t| (t.id, t.label)).collect(),
        },
        Effect::LoadCoverage => Done::Coverage(s.coverage()?),
        Effect::Section(op) => Done::Changed {
            change: Change {
                undo: section(s, &op)?,
                redo: op,
            },
            via: Via::New,
            note: String::new(),
        },
        Effect::Noted(op, note) => Done::Changed {
            change: Change {
                undo: section(s, &op)?,
                redo: op,
            },
            via: Via::New,
            note,
        },
    }])
}

/// Performs one side of `change` and hands back the change with the other side fresh.
pub fn undo(change: Change, s: &mut Store, via: Via) -> Result<Vec<Done>> {
    let change = if via == Via::Undo {
        Change {
            redo: section(s, &change.undo)?,
            undo: change.undo,
        }
    } else {
        Change {
            undo: section(s, &change.redo)?,
            redo: change.redo,
        }
    };
    Ok(vec![Done::Changed {
        change,
        via,
        note: String::new(),
    }])
}

/// Performs a section operation; returns the operation that undoes it.
fn section(s: &mut Store, op: &SectionOp) -> Result<SectionOp> {
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
        SectionOp::Add { place, level, text } => {
            let new = s.add_unit(place, *level, text)?;
            SectionOp::Delete { id: new.id }
        }
        SectionOp::Delete { id } => SectionOp::Restore(Box::new(s.delete_unit(id, true)?)),
        SectionOp::Restore(removed) => {
            s.restore_units(removed)?;
            let id = removed
                .units
                .first()
                .map(|u| u.id.clone())
                .unwrap_or_default();
            SectionOp::Delete { id }
        }
    })
}
