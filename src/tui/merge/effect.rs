//! The store side of merging: a backup first, then the merge, or the conflicts that
//! stopped it (nothing written).

use crate::error::{Error, Result};
use crate::model::{ConflictPolicy, MergeConflict};
use crate::storage::Store;
use crate::storage::merge::MergeSummary;
use std::path::Path;

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Merge {
        path: String,
        policy: Option<ConflictPolicy>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Done {
    Merged(MergeSummary),
    Conflicts {
        path: String,
        conflicts: Vec<MergeConflict>,
    },
}

pub fn perform(effect: Effect, s: &mut Store) -> Result<Vec<Done>> {
    let Effect::Merge { path, policy } = effect;
    let _ = s.auto_backup("merge")?;
    match s.merge_from(Path::new(&path), policy) {
        Ok(sum) => Ok(vec![Done::Merged(sum)]),
        Err(Error::Conflicts { conflicts, .. }) => Ok(vec![Done::Conflicts { path, conflicts }]),
        Err(e) => Err(e),
    }
}
