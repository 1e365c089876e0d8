//! Bringing another trainer's database into this one, by stable id.
//!
//! The other file is copied (online backup API), brought to the current schema, and
//! ATTACHed; everything then happens in one transaction here: sessions, activities,
//! cards, history, topics, decisions and the outline are matched by id (or by natural
//! key when two machines created the same thing independently) and added. A card changed
//! on both sides since they diverged is a conflict: nothing is written unless a policy
//! says how to resolve it. Merging the same file twice changes nothing.

use super::rows::{index_new_cards, max_seq};
use super::{Store, consultation, outline};
use crate::error::{Error, Result};
use crate::model::{new_id, now_rfc3339};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

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
            > 0
    }
}

/// Events that change what a card says; "imported"/"created" only bring it into being.
const EDIT_EVENTS: &str = "('edited', 'voted', 'deleted', 'restored', 'merged_into', 'split_into')";

/// The columns that make up a card's content, compared to detect changes.
const CONTENT: &str = "text, kind, coalesce(speaker, ''), votes, coalesce(deleted_at, ''), \
    coalesce(superseded_by, ''), coalesce(activity_id, ''), \
    (SELECT coalesce(group_concat(tag, ';' ORDER BY position, tag), '') FROM {db}.card_tag g WHERE g.card_id = c.id)";

fn content_sql(db: &str) -> String {
    CONTENT.replace("{db}", db)
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
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", copy.display()));
        }
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
            let tx = self.conn.transaction()?;
            let sum = merge_tx(&tx, &label.display().to_string(), policy)?;
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
        let list: Vec<String> = sum
            .conflicts
            .iter()
            .map(|c| format!("#{}: mine {:?} / theirs {:?}", c.seq, c.mine, c.theirs))
            .collect();
        return Err(Error::Conflicts {
            message: format!(
                "{label}: {} card(s) were changed in both databases; nothing was merged.\n  {}\n\
                 Run again with --on-conflict mine, theirs or both.",
                list.len(),
                list.join("\n  ")
            ),
            conflicts: sum.conflicts,
        });
    }
    copy_events(tx, &cards, &mut sum)?;
    let topics = copy_topics(tx, &cid, &sessions, &cards, &mut sum)?;
    copy_placements(tx, &cards, &topics, &mut sum)?;
    copy_decisions(tx, &cards, &topics, &mut sum)?;
    copy_outline(tx, &cid, &cards, &topics, &mut sum)?;
    Ok(sum)
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
    match ours {
        Some(o) => Ok((o, false)),
        None => {
            tx.execute(insert.0, insert.1)?;
            Ok((their_id.to_owned(), true))
        }
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

/// Matches the other database's cards to ours (by id, then imported id, then import key),
/// adds the new ones and brings changed ones up to date. Returns their id → our id.
#[allow(clippy::too_many_arguments)]
fn map_cards(
    tx: &Transaction<'_>,
    sessions: &IdMap,
    activities: &IdMap,
    policy: Option<ConflictPolicy>,
    label: &str,
    now: &str,
    sum: &mut MergeSummary,
) -> Result<IdMap> {
    let mut map = IdMap::new();
    let theirs = ids(
        tx,
        "SELECT id, external_id, import_key, session_id, activity_id FROM other.card ORDER BY seq",
    )?;
    let their_content = format!(
        "SELECT {} FROM other.card c WHERE id = ?1",
        content_sql("other")
    );
    let our_content = format!(
        "SELECT {} FROM main.card c WHERE id = ?1",
        content_sql("main")
    );
    let mut pending_superseded: Vec<(String, (String, Option<String>))> = Vec::new();
    for row in &theirs {
        let Some(id) = &row[0] else { continue };
        let ours: Option<String> = tx
            .query_row(
                "SELECT id FROM card WHERE id = ?1
                 UNION ALL SELECT id FROM card WHERE ?2 IS NOT NULL AND external_id = ?2
                 UNION ALL SELECT id FROM card WHERE ?3 IS NOT NULL AND import_key = ?3 LIMIT 1",
                params![id, row[1], row[2]],
                |r| r.get(0),
            )
            .optional()?;
        let Some(our_sid) = row[3].as_ref().and_then(|s| sessions.get(s)) else {
            continue;
        };
        let our_aid = row[4].as_ref().and_then(|a| activities.get(a));
        match ours {
            None => {
                tx.execute(
                    "INSERT INTO card (id, session_id, activity_id, kind, text, folded, speaker, votes,
                         external_id, import_key, entered_by, created_at, updated_at, deleted_at)
                     SELECT id, ?2, ?3, kind, text, folded, speaker, votes, external_id, import_key,
                         entered_by, created_at, updated_at, deleted_at FROM other.card WHERE id = ?1",
                    params![id, our_sid, our_aid],
                )?;
                tx.execute(
                    "INSERT INTO card_tag (card_id, tag, position) SELECT card_id, tag, position
                     FROM other.card_tag WHERE card_id = ?1",
                    [id],
                )?;
                if let Some(link) = superseded(tx, id)? {
                    pending_superseded.push((id.clone(), link));
                }
                sum.cards_added += 1;
                map.insert(id.clone(), id.clone());
            }
            Some(our_id) => {
                map.insert(id.clone(), our_id.clone());
                let a: Vec<String> = tx.query_row(&their_content, [id], row_strings)?;
                let b: Vec<String> = tx.query_row(&our_content, [&our_id], row_strings)?;
                if a == b {
                    continue;
                }
                let theirs_new = new_edits(tx, "other", id, "main", &our_id)?;
                let ours_new = new_edits(tx, "main", &our_id, "other", id)?;
                let take_theirs = match (theirs_new, ours_new) {
                    (true, false) => true,
                    (false, true) => false,
                    _ => {
                        let seq: i64 =
                            tx.query_row("SELECT seq FROM card WHERE id = ?1", [&our_id], |r| {
                                r.get(0)
                            })?;
                        sum.conflicts.push(MergeConflict {
                            card_id: our_id.clone(),
                            seq,
                            mine: b[0].clone(),
                            theirs: a[0].clone(),
                        });
                        match policy {
                            None | Some(ConflictPolicy::Mine) => false,
                            Some(ConflictPolicy::Theirs) => true,
                            Some(ConflictPolicy::Both) => {
                                add_conflict_copy(
                                    tx,
                                    id,
                                    &our_id,
                                    our_sid,
                                    our_aid.map(String::as_str),
                                    label,
                                    now,
                                )?;
                                sum.cards_added += 1;
                                false
                            }
                        }
                    }
                };
                if take_theirs {
                    tx.execute(
                        "UPDATE card SET (kind, text, folded, speaker, votes, deleted_at, activity_id, updated_at) =
                            (SELECT kind, text, folded, speaker, votes, deleted_at, ?3, updated_at
                             FROM other.card WHERE id = ?2)
                         WHERE id = ?1",
                        params![our_id, id, our_aid],
                    )?;
                    tx.execute("DELETE FROM card_tag WHERE card_id = ?1", [&our_id])?;
                    tx.execute(
                        "INSERT INTO card_tag (card_id, tag, position) SELECT ?1, tag, position
                         FROM other.card_tag WHERE card_id = ?2",
                        params![our_id, id],
                    )?;
                    if let Some(link) = superseded(tx, id)? {
                        pending_superseded.push((our_id.clone(), link));
                    }
                    sum.cards_updated += 1;
                }
            }
        }
    }
    // Replacement links point at cards that may have been added later in the loop.
    for (card, (by, how)) in pending_superseded {
        let by = map.get(&by).cloned().unwrap_or(by);
        tx.execute(
            "UPDATE card SET superseded_by = ?2, superseded_how = ?3
             WHERE id = ?1 AND EXISTS (SELECT 1 FROM card WHERE id = ?2)",
            params![card, by, how],
        )?;
    }
    Ok(map)
}

/// The card that replaced `id` in the other database, and how.
fn superseded(
    tx: &Transaction<'_>,
    id: &str,
) -> rusqlite::Result<Option<(String, Option<String>)>> {
    let (by, how): (Option<String>, Option<String>) = tx.query_row(
        "SELECT superseded_by, superseded_how FROM other.card WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(by.map(|b| (b, how)))
}

fn row_strings(r: &rusqlite::Row<'_>) -> rusqlite::Result<Vec<String>> {
    (0..r.as_ref().column_count())
        .map(|i| {
            let v: rusqlite::types::Value = r.get(i)?;
            Ok(match v {
                rusqlite::types::Value::Text(s) => s,
                rusqlite::types::Value::Integer(n) => n.to_string(),
                rusqlite::types::Value::Real(f) => f.to_string(),
                _ => String::new(),
            })
        })
        .collect()
}

/// Whether card `id` in database `db` has edits that card `other_id` in `other_db` has
/// not seen (events are copied on merge, so a seen edit has the same event id there).
fn new_edits(
    tx: &Transaction<'_>,
    db: &str,
    id: &str,
    other_db: &str,
    other_id: &str,
) -> rusqlite::Result<bool> {
    let sql = format!(
        "SELECT EXISTS (SELECT 1 FROM {db}.card_event e WHERE e.card_id = ?1 AND e.event IN {EDIT_EVENTS}
             AND NOT EXISTS (SELECT 1 FROM {other_db}.card_event f WHERE f.id = e.id AND f.card_id = ?2))"
    );
    tx.query_row(&sql, params![id, other_id], |r| r.get(0))
}

/// Adds the other side's version of a conflicting card as a new card beside ours.
fn add_conflict_copy(
    tx: &Transaction<'_>,
    their_id: &str,
    our_id: &str,
    session: &str,
    activity: Option<&str>,
    label: &str,
    now: &str,
) -> Result<()> {
    let copy = new_id();
    tx.execute(
        "INSERT INTO card (id, session_id, activity_id, kind, text, folded, speaker, votes, entered_by,
             created_at, updated_at)
         SELECT ?1, ?2, ?3, kind, text, folded, speaker, votes, entered_by, ?4, ?4 FROM other.card WHERE id = ?5",
        params![copy, session, activity, now, their_id],
    )?;
    tx.execute(
        "INSERT INTO card_tag (card_id, tag, position) SELECT ?1, tag, position FROM other.card_tag WHERE card_id = ?2",
        params![copy, their_id],
    )?;
    let detail = serde_json::json!({"conflict_copy_of": our_id, "from": label}).to_string();
    super::events::record(tx, &copy, "created", Some(our_id), Some(&detail), None)?;
    Ok(())
}

fn copy_events(tx: &Transaction<'_>, cards: &IdMap, sum: &mut MergeSummary) -> Result<()> {
    let mut st = tx.prepare("SELECT id, card_id, related_id FROM other.card_event ORDER BY id")?;
    let rows: Vec<(String, String, Option<String>)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut ins = tx.prepare(
        "INSERT OR IGNORE INTO card_event (id, card_id, event, related_id, detail, actor, at)
         SELECT id, ?2, event, ?3, detail, actor, at FROM other.card_event WHERE id = ?1",
    )?;
    for (id, card, related) in rows {
        let Some(our_card) = cards.get(&card) else {
            continue;
        };
        let related = related.map(|r| cards.get(&r).cloned().unwrap_or(r));
        let related = related.filter(|r| {
            tx.query_row("SELECT 1 FROM card WHERE id = ?1", [r], |_| Ok(()))
                .optional()
                .ok()
                .flatten()
                .is_some()
        });
        sum.events_added += ins.execute(params![id, our_card, related])?;
    }
    Ok(())
}

fn copy_topics(
    tx: &Transaction<'_>,
    cid: &str,
    sessions: &IdMap,
    cards: &IdMap,
    sum: &mut MergeSummary,
) -> Result<IdMap> {
    // Runs first: topics and proposals point at them.
    for row in ids(tx, "SELECT id, session_id FROM other.cluster_run")? {
        let Some(id) = &row[0] else { continue };
        let session = row[1].as_ref().and_then(|s| sessions.get(s));
        tx.execute(
            "INSERT OR IGNORE INTO cluster_run (id, consultation_id, session_id, params, k, unsorted, created_at, status, lang, k_auto)
             SELECT id, ?2, ?3, params, k, unsorted, created_at, status, lang, k_auto FROM other.cluster_run WHERE id = ?1",
            params![id, cid, session],
        )?;
    }
    let mut map = IdMap::new();
    for row in ids(tx, "SELECT id, example_card_id FROM other.topic")? {
        let Some(id) = &row[0] else { continue };
        let example = row[1].as_ref().and_then(|c| cards.get(c));
        sum.topics_added += tx.execute(
            "INSERT OR IGNORE INTO topic (id, consultation_id, label, keywords, origin, run_id, example_card_id,
                 created_at, updated_at, deleted_at)
             SELECT id, ?2, label, keywords, origin, run_id, ?3, created_at, updated_at, deleted_at
             FROM other.topic WHERE id = ?1",
            params![id, cid, example],
        )?;
        map.insert(id.clone(), id.clone());
    }
    let mut st = tx.prepare("SELECT run_id, card_id, topic_id, score FROM other.run_membership")?;
    let rows: Vec<(String, String, Option<String>, f64)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (run, card, topic, score) in rows {
        if let Some(c) = cards.get(&card) {
            tx.execute(
                "INSERT OR IGNORE INTO run_membership (run_id, card_id, topic_id, score) VALUES (?1, ?2, ?3, ?4)",
                params![run, c, topic, score],
            )?;
        }
    }
    Ok(map)
}

/// Their placements fill gaps and replace our automatic ones with their hand-made ones;
/// our hand placements always stay.
fn copy_placements(
    tx: &Transaction<'_>,
    cards: &IdMap,
    topics: &IdMap,
    sum: &mut MergeSummary,
) -> Result<()> {
    let mut st = tx.prepare("SELECT card_id, topic_id, source FROM other.membership")?;
    let rows: Vec<(String, String, String)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (card, topic, source) in rows {
        let (Some(c), Some(t)) = (cards.get(&card), topics.get(&topic)) else {
            continue;
        };
        let ours: Option<(String, String)> = tx
            .query_row(
                "SELECT topic_id, source FROM membership WHERE card_id = ?1",
                [c],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let replace = match &ours {
            None => true,
            Some((our_topic, our_source)) => {
                our_topic != t && our_source == "run" && source == "hand"
            }
        };
        if replace {
            tx.execute(
                "INSERT INTO membership (card_id, topic_id, source, run_id, score, pinned, assigned_at)
                 SELECT ?1, ?2, source, run_id, score, pinned, assigned_at FROM other.membership WHERE card_id = ?3
                 ON CONFLICT(card_id) DO UPDATE SET topic_id = excluded.topic_id, source = excluded.source,
                     run_id = excluded.run_id, score = excluded.score, pinned = excluded.pinned,
                     assigned_at = excluded.assigned_at",
                params![c, t, card],
            )?;
            sum.placements_added += 1;
        }
    }
    Ok(())
}

fn copy_decisions(
    tx: &Transaction<'_>,
    cards: &IdMap,
    topics: &IdMap,
    sum: &mut MergeSummary,
) -> Result<()> {
    for row in ids(tx, "SELECT id, card_id, topic_id FROM other.decision")? {
        let Some(id) = &row[0] else { continue };
        let card = row[1].as_ref().and_then(|c| cards.get(c));
        let topic = row[2].as_ref().and_then(|t| topics.get(t));
        if card.is_none() && topic.is_none() {
            continue;
        }
        sum.decisions_added += tx.execute(
            "INSERT OR IGNORE INTO decision (id, card_id, topic_id, outcome, rationale, votes_for, votes_against,
                 votes_abstain, decided_on, entered_by, created_at, retracted_at)
             SELECT id, ?2, ?3, outcome, rationale, votes_for, votes_against, votes_abstain, decided_on,
                 entered_by, created_at, retracted_at FROM other.decision WHERE id = ?1",
            params![id, card, topic],
        )?;
        // A retraction made on the other side reaches a decision both sides hold.
        tx.execute(
            "UPDATE decision SET retracted_at = (SELECT retracted_at FROM other.decision WHERE id = ?1)
             WHERE id = ?1 AND retracted_at IS NULL",
            [id],
        )?;
    }
    Ok(())
}

/// Sections match by id, else by parent, level and heading (two machines that each
/// created the default skeleton have the same headings under different ids).
fn copy_outline(
    tx: &Transaction<'_>,
    cid: &str,
    cards: &IdMap,
    topics: &IdMap,
    sum: &mut MergeSummary,
) -> Result<()> {
    let _ = outline::ensure_skeleton(tx)?;
    let mut map = IdMap::new();
    // Parents come before children when ordered by depth.
    let rows = ids(
        tx,
        "WITH RECURSIVE tree(id, parent_id, level, heading, depth) AS (
             SELECT id, parent_id, level, heading, 0 FROM other.outline_section WHERE parent_id IS NULL
             UNION ALL SELECT s.id, s.parent_id, s.level, s.heading, t.depth + 1
             FROM other.outline_section s JOIN tree t ON s.parent_id = t.id)
         SELECT id, parent_id, level, heading FROM tree ORDER BY depth",
    )?;
    let mut seen = BTreeSet::new();
    for row in rows {
        let (Some(id), Some(level), Some(heading)) = (&row[0], &row[2], &row[3]) else {
            continue;
        };
        let parent = row[1].as_ref().and_then(|p| map.get(p)).cloned();
        let ours: Option<String> = tx
            .query_row(
                "SELECT id FROM outline_section WHERE id = ?1
                 OR (consultation_id = ?2 AND parent_id IS ?3 AND level = ?4 AND heading = ?5)
                 ORDER BY id = ?1 DESC LIMIT 1",
                params![id, cid, parent, level, heading],
                |r| r.get(0),
            )
            .optional()?;
        let ours = match ours {
            Some(o) => {
                // Their drafted wording fills an empty draft of ours.
                tx.execute(
                    "UPDATE outline_section SET draft_text = (SELECT draft_text FROM other.outline_section WHERE id = ?2)
                     WHERE id = ?1 AND draft_text = ''",
                    params![o, id],
                )?;
                o
            }
            None => {
                tx.execute(
                    "INSERT INTO outline_section (id, consultation_id, parent_id, level, position, heading, draft_text)
                     SELECT id, ?2, ?3, level,
                         (SELECT coalesce(max(position), -1) + 1 FROM outline_section WHERE consultation_id = ?2 AND parent_id IS ?3),
                         heading, draft_text FROM other.outline_section WHERE id = ?1",
                    params![id, cid, parent],
                )?;
                sum.sections_added += 1;
                id.clone()
            }
        };
        seen.insert(ours.clone());
        map.insert(id.clone(), ours);
    }
    for row in ids(
        tx,
        "SELECT section_id, topic_id, card_id FROM other.section_link",
    )? {
        let Some(section) = row[0].as_ref().and_then(|s| map.get(s)) else {
            continue;
        };
        let topic = row[1].as_ref().and_then(|t| topics.get(t));
        let card = row[2].as_ref().and_then(|c| cards.get(c));
        if topic.is_some() != card.is_some() {
            tx.execute(
                "INSERT OR IGNORE INTO section_link (section_id, topic_id, card_id) VALUES (?1, ?2, ?3)",
                params![section, topic, card],
            )?;
        }
    }
    Ok(())
}
