//! Matching and copying cards, with their history, from the attached database.

use super::{IdMap, MergeSummary, ids};
use crate::error::Result;
use crate::model::{ConflictPolicy, MergeConflict, new_id};
use rusqlite::{OptionalExtension, Transaction, params};

/// Events that change what a card says; "imported"/"created" only bring it into being.
const EDIT_EVENTS: &str = "('edited', 'voted', 'deleted', 'restored', 'merged_into', 'split_into')";

/// The columns that make up a card's content, compared to detect changes. Links to
/// other rows are compared by what is the same on both machines — the activity's name,
/// the replacing card's imported id or import key (or its id, which merges copy) — since
/// two files built from one import hold the same things under different ids.
const CONTENT: &str = "text, kind, coalesce(speaker, ''), votes, coalesce(deleted_at, ''), \
    coalesce((SELECT coalesce(s.external_id, s.import_key, s.id) FROM {db}.card s WHERE s.id = c.superseded_by), ''), \
    coalesce((SELECT a.name FROM {db}.activity a WHERE a.id = c.activity_id), ''), \
    (SELECT coalesce(group_concat(tag, ';' ORDER BY position, tag), '') FROM {db}.card_tag g WHERE g.card_id = c.id)";

fn content_sql(db: &str) -> String {
    CONTENT.replace("{db}", db)
}

/// What one of their cards is to us.
enum Verdict {
    /// Not here yet.
    New,
    /// Here as `ours`, with the same content.
    Same(String),
    /// Here as `ours`, changed on their side only (`true`) or ours only (`false`).
    OneSide(String, bool),
    /// Here as `ours`, changed on both sides: their content, then ours.
    Both(String, Vec<String>, Vec<String>),
}

/// The queries `judge` runs, prepared once per merge.
struct Judge {
    their_content: String,
    our_content: String,
}

impl Judge {
    fn new() -> Self {
        Judge {
            their_content: format!(
                "SELECT {} FROM other.card c WHERE id = ?1",
                content_sql("other")
            ),
            our_content: format!(
                "SELECT {} FROM main.card c WHERE id = ?1",
                content_sql("main")
            ),
        }
    }

    /// Finds their card (`id`, imported id, import key) here and compares the two.
    fn judge(&self, tx: &Transaction<'_>, row: &[Option<String>]) -> Result<Verdict> {
        let Some(id) = &row[0] else {
            return Ok(Verdict::New);
        };
        let ours: Option<String> = tx
            .query_row(
                "SELECT id FROM card WHERE id = ?1
                 UNION ALL SELECT id FROM card WHERE ?2 IS NOT NULL AND external_id = ?2
                 UNION ALL SELECT id FROM card WHERE ?3 IS NOT NULL AND import_key = ?3 LIMIT 1",
                params![id, row[1], row[2]],
                |r| r.get(0),
            )
            .optional()?;
        let Some(our_id) = ours else {
            return Ok(Verdict::New);
        };
        let a: Vec<String> = tx.query_row(&self.their_content, [id], row_strings)?;
        let b: Vec<String> = tx.query_row(&self.our_content, [&our_id], row_strings)?;
        if a == b {
            return Ok(Verdict::Same(our_id));
        }
        let theirs_new = new_edits(tx, "other", id, "main", &our_id)?;
        let ours_new = new_edits(tx, "main", &our_id, "other", id)?;
        Ok(match (theirs_new, ours_new) {
            (true, false) => Verdict::OneSide(our_id, true),
            (false, true) => Verdict::OneSide(our_id, false),
            _ => Verdict::Both(our_id, a, b),
        })
    }
}

const THEIR_CARDS: &str =
    "SELECT id, external_id, import_key, session_id, activity_id FROM other.card ORDER BY seq";

/// The cards edited on both sides, found by reading alone: a merge that would stop on
/// conflicts says so without ever taking the write lock.
pub(super) fn find_conflicts(tx: &Transaction<'_>) -> Result<Vec<MergeConflict>> {
    let judge = Judge::new();
    let mut out = Vec::new();
    for row in &ids(tx, THEIR_CARDS)? {
        if let Verdict::Both(our_id, a, b) = judge.judge(tx, row)? {
            out.push(conflict(tx, our_id, &a, &b)?);
        }
    }
    Ok(out)
}

fn conflict(
    tx: &Transaction<'_>,
    our_id: String,
    a: &[String],
    b: &[String],
) -> Result<MergeConflict> {
    let seq: i64 = tx.query_row("SELECT seq FROM card WHERE id = ?1", [&our_id], |r| {
        r.get(0)
    })?;
    Ok(MergeConflict {
        card_id: our_id,
        seq,
        mine: b[0].clone(),
        theirs: a[0].clone(),
    })
}

/// Matches the other database's cards to ours (by id, then imported id, then import key),
/// adds the new ones and brings changed ones up to date. Returns their id → our id.
#[allow(clippy::too_many_arguments)]
pub(super) fn map_cards(
    tx: &Transaction<'_>,
    sessions: &IdMap,
    activities: &IdMap,
    policy: Option<ConflictPolicy>,
    label: &str,
    now: &str,
    sum: &mut MergeSummary,
) -> Result<IdMap> {
    let mut map = IdMap::new();
    let judge = Judge::new();
    let mut pending_superseded: Vec<(String, (String, Option<String>))> = Vec::new();
    for row in &ids(tx, THEIR_CARDS)? {
        let Some(id) = &row[0] else { continue };
        let Some(our_sid) = row[3].as_ref().and_then(|s| sessions.get(s)) else {
            continue;
        };
        let our_aid = row[4].as_ref().and_then(|a| activities.get(a));
        let (our_id, take_theirs) = match judge.judge(tx, row)? {
            Verdict::New => {
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
                continue;
            }
            Verdict::Same(our_id) => (our_id, false),
            Verdict::OneSide(our_id, theirs) => (our_id, theirs),
            Verdict::Both(our_id, a, b) => {
                sum.conflicts.push(conflict(tx, our_id.clone(), &a, &b)?);
                let Some(policy) = policy else {
                    map.insert(id.clone(), our_id);
                    continue;
                };
                // The losing side's words go into the card's history; the event is also
                // what makes the next merge of the same file see the conflict as
                // settled (ours then holds an edit theirs has not).
                let copy = if policy == ConflictPolicy::Both {
                    sum.cards_added += 1;
                    Some(add_conflict_copy(
                        tx,
                        id,
                        &our_id,
                        our_sid,
                        our_aid.map(String::as_str),
                        label,
                        now,
                    )?)
                } else {
                    None
                };
                let lost = if policy == ConflictPolicy::Theirs {
                    &b
                } else {
                    &a
                };
                record_settled(tx, &our_id, policy, label, lost, copy.as_deref())?;
                (our_id, policy == ConflictPolicy::Theirs)
            }
        };
        map.insert(id.clone(), our_id.clone());
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

/// Records on our card how a conflict was settled, with the text, kind and speaker
/// of the side that lost (`lost` is a content row, see `CONTENT`).
fn record_settled(
    tx: &Transaction<'_>,
    our_id: &str,
    policy: ConflictPolicy,
    label: &str,
    lost: &[String],
    copy: Option<&str>,
) -> Result<()> {
    let policy_name = match policy {
        ConflictPolicy::Mine => "mine",
        ConflictPolicy::Theirs => "theirs",
        ConflictPolicy::Both => "both",
    };
    let detail = serde_json::json!({
        "merge_conflict": {
            "policy": policy_name,
            "from": label,
            "lost_text": lost.first(),
            "lost_kind": lost.get(1),
            "lost_speaker": lost.get(2).filter(|s| !s.is_empty()),
        }
    })
    .to_string();
    crate::storage::events::record(tx, our_id, "edited", copy, Some(&detail), None)?;
    Ok(())
}

/// Adds the other side's version of a conflicting card as a new card beside ours;
/// returns its id.
fn add_conflict_copy(
    tx: &Transaction<'_>,
    their_id: &str,
    our_id: &str,
    session: &str,
    activity: Option<&str>,
    label: &str,
    now: &str,
) -> Result<String> {
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
    crate::storage::events::record(tx, &copy, "created", Some(our_id), Some(&detail), None)?;
    Ok(copy)
}

pub(super) fn copy_events(
    tx: &Transaction<'_>,
    cards: &IdMap,
    sum: &mut MergeSummary,
) -> Result<()> {
    let mut st = tx.prepare("SELECT id, card_id, related_id FROM other.card_event ORDER BY id")?;
    let rows: Vec<(String, String, Option<String>)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut ins = tx.prepare(
        "INSERT OR IGNORE INTO card_event (id, card_id, event, related_id, detail, actor, at)
         SELECT id, ?2, event, ?3, detail, actor, at FROM other.card_event WHERE id = ?1",
    )?;
    let mut st = tx.prepare("SELECT event FROM other.card_event WHERE id = ?1")?;
    for (id, card, related) in rows {
        let Some(our_card) = cards.get(&card) else {
            continue;
        };
        // A card matched by its imported id or import key came into being here too;
        // only the edits of theirs are news.
        if our_card != &card {
            let event: String = st.query_row([&id], |r| r.get(0))?;
            if event == "created" || event == "imported" {
                continue;
            }
        }
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
