//! Bringing another trainer's database into this one, by stable id.
//!
//! The other file is copied (online backup API), brought to the current schema, and
//! `ATTACHed`; everything then happens in one transaction here: sessions, activities,
//! cards, history, topics, decisions and the outline are matched by id (or by natural
//! key when two machines created the same thing independently) and added. A card changed
//! on both sides since they diverged is a conflict: nothing is written unless a policy
//! says how to resolve it. Merging the same file twice changes nothing.

mod cards;
mod links;

use cards::{copy_events, find_conflicts, map_cards};
use links::{copy_decisions, copy_outline, copy_placements, copy_topics};

use super::rows::{index_new_cards, max_seq};
use super::{Store, consultation};
use crate::error::{Error, Result};
use crate::model::now_rfc3339;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

use crate::model::{ConflictPolicy, MergeConflict};

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MergeSummary {
    pub sessions_added: usize,
    pub activities_added: usize,
    pub cards_added: usize,
    pub cards_updated: usize,
    pub events_added: usize,
    pub topics_added: usize,
    pub placements_added: usize,
    pub decisions_added: usize,
    pub sections_added: usize,
    /// Consultation settings the other file had and this one did not.
    pub settings_added: usize,
    pub conflicts: Vec<MergeConflict>,
}

impl MergeSummary {
    pub fn changed(&self) -> bool {
        self.sessions_added
            + self.activities_added
            + self.cards_added
            + self.cards_updated
            + self.events_added
            + self.topics_added
            + self.placements_added
            + self.decisions_added
            + self.sections_added
            + self.settings_added
            > 0
    }
}

impl Store {
    /// Merges the narada database at `other` into this one. Without a policy, conflicts
    /// abort the merge (nothing written) and are returned in the error message.
    pub fn merge_from(
        &mut self,
        other: &Path,
        policy: Option<ConflictPolicy>,
    ) -> Result<MergeSummary> {
        let checked = Store::open_checked_readonly(other)?;
        let copy = std::env::temp_dir().join(format!(
            "narada-merge-{}-{}.db",
            std::process::id(),
            uuid::Uuid::now_v7().simple()
        ));
        let result = (|| {
            {
                let mut out = rusqlite::Connection::open(&copy)?;
                let backup = rusqlite::backup::Backup::new(&checked, &mut out)?;
                backup.run_to_completion(512, std::time::Duration::from_millis(2), None)?;
            }
            drop(Store::open(&copy)?); // brings an older file to the current schema
            self.merge_attached(&copy, other, policy)
        })();
        let _ = super::remove_db_files(&copy);
        result
    }

    fn merge_attached(
        &mut self,
        copy: &Path,
        label: &Path,
        policy: Option<ConflictPolicy>,
    ) -> Result<MergeSummary> {
        self.conn
            .execute("ATTACH DATABASE ?1 AS other", [copy.to_string_lossy()])?;
        let result = (|| {
            let label = label.display().to_string();
            if policy.is_none() {
                // Reading alone: a merge that stops on conflicts never holds the lock.
                let tx = self
                    .conn
                    .transaction_with_behavior(rusqlite::TransactionBehavior::Deferred)?;
                let conflicts = find_conflicts(&tx)?;
                drop(tx);
                if !conflicts.is_empty() {
                    return Err(conflicts_error(&label, conflicts));
                }
            }
            let tx = self.conn.transaction()?;
            let sum = merge_tx(&tx, &label, policy)?;
            tx.commit()?;
            Ok(sum)
        })();
        let _ = self.conn.execute("DETACH DATABASE other", []);
        result
    }
}

/// A map from the other database's ids to ours.
type IdMap = BTreeMap<String, String>;

fn merge_tx(
    tx: &Transaction<'_>,
    label: &str,
    policy: Option<ConflictPolicy>,
) -> Result<MergeSummary> {
    let mut sum = MergeSummary::default();
    let cid = consultation::ensure(tx)?;
    let now = now_rfc3339();
    let sessions = map_sessions(tx, &cid, &mut sum)?;
    let activities = map_activities(tx, &sessions, &mut sum)?;
    let before = max_seq(tx)?;
    let cards = map_cards(tx, &sessions, &activities, policy, label, &now, &mut sum)?;
    index_new_cards(tx, before)?;
    if !sum.conflicts.is_empty() && policy.is_none() {
        return Err(conflicts_error(label, sum.conflicts));
    }
    copy_events(tx, &cards, &mut sum)?;
    let topics = copy_topics(tx, &cid, &sessions, &cards, &mut sum)?;
    copy_placements(tx, &cards, &topics, &mut sum)?;
    copy_decisions(tx, &cards, &topics, &mut sum)?;
    copy_outline(tx, &cid, &cards, &topics, &mut sum)?;
    copy_settings(tx, &cid, &mut sum)?;
    Ok(sum)
}

/// The error a merge without a policy stops with: each conflict, mine and theirs.
fn conflicts_error(label: &str, conflicts: Vec<MergeConflict>) -> Error {
    let list: Vec<String> = conflicts
        .iter()
        .map(|c| format!("#{}: mine {:?} / theirs {:?}", c.seq, c.mine, c.theirs))
        .collect();
    Error::Conflicts {
        message: format!(
            "{label}: {} card(s) were changed in both databases; nothing was merged.\n  {}\n\
             Run again with --on-conflict mine, theirs or both.",
            list.len(),
            list.join("\n  ")
        ),
        conflicts,
    }
}

/// The other file's consultation settings that this one has not set: ours win, so a
/// secretary's corrections are never overwritten by a trainer's file.
fn copy_settings(tx: &Transaction<'_>, cid: &str, sum: &mut MergeSummary) -> Result<()> {
    sum.settings_added += tx.execute(
        "INSERT OR IGNORE INTO consultation_setting (consultation_id, key, value)
         SELECT ?1, key, value FROM other.consultation_setting
         WHERE consultation_id = (SELECT id FROM other.consultation
                                  ORDER BY created_at DESC, id DESC LIMIT 1)",
        [cid],
    )?;
    Ok(())
}

fn ids(tx: &Transaction<'_>, sql: &str) -> rusqlite::Result<Vec<Vec<Option<String>>>> {
    let mut st = tx.prepare(sql)?;
    let n = st.column_count();
    let rows = st.query_map([], |r| (0..n).map(|i| r.get(i)).collect())?;
    rows.collect()
}

/// Our id for `their_id`: the row `find` returns (same id, or the same natural key),
/// else a copy made by `insert`. The flag says whether a row was added.
fn match_or_insert(
    tx: &Transaction<'_>,
    their_id: &str,
    find: (&str, &[&dyn rusqlite::ToSql]),
    insert: (&str, &[&dyn rusqlite::ToSql]),
) -> Result<(String, bool)> {
    let ours: Option<String> = tx.query_row(find.0, find.1, |r| r.get(0)).optional()?;
    if let Some(o) = ours {
        Ok((o, false))
    } else {
        tx.execute(insert.0, insert.1)?;
        Ok((their_id.to_owned(), true))
    }
}

fn map_sessions(tx: &Transaction<'_>, cid: &str, sum: &mut MergeSummary) -> Result<IdMap> {
    let mut map = IdMap::new();
    for row in ids(tx, "SELECT id, title FROM other.session")? {
        let (Some(id), Some(title)) = (&row[0], &row[1]) else {
            continue;
        };
        let (ours, added) = match_or_insert(
            tx,
            id,
            (
                "SELECT id FROM session WHERE id = ?1 OR (consultation_id = ?2 AND title = ?3)
                 ORDER BY id = ?1 DESC LIMIT 1",
                params![id, cid, title],
            ),
            (
                "INSERT INTO session (id, consultation_id, kind, title, date, place, facilitator,
                     participants, created_at, updated_at)
                 SELECT id, ?2, kind, title, date, place, facilitator, participants, created_at, updated_at
                 FROM other.session WHERE id = ?1",
                params![id, cid],
            ),
        )?;
        sum.sessions_added += usize::from(added);
        map.insert(id.clone(), ours);
    }
    Ok(map)
}

fn map_activities(tx: &Transaction<'_>, sessions: &IdMap, sum: &mut MergeSummary) -> Result<IdMap> {
    let mut map = IdMap::new();
    for row in ids(tx, "SELECT id, session_id, name FROM other.activity")? {
        let (Some(id), Some(sid), Some(name)) = (&row[0], &row[1], &row[2]) else {
            continue;
        };
        let Some(our_sid) = sessions.get(sid) else {
            continue;
        };
        let (ours, added) = match_or_insert(
            tx,
            id,
            (
                "SELECT id FROM activity WHERE id = ?1 OR (session_id = ?2 AND name = ?3)
                 ORDER BY id = ?1 DESC LIMIT 1",
                params![id, our_sid, name],
            ),
            (
                "INSERT INTO activity (id, session_id, name, position)
                 SELECT id, ?2, name, position FROM other.activity WHERE id = ?1",
                params![id, our_sid],
            ),
        )?;
        sum.activities_added += usize::from(added);
        map.insert(id.clone(), ours);
    }
    Ok(map)
}
