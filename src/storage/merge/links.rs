//! Copying topics, placements, decisions and the outline from the attached database.

use super::{IdMap, MergeSummary, ids, match_or_insert};
use crate::error::Result;
use crate::storage::outline;
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::BTreeSet;

pub(super) fn copy_topics(
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
    for row in ids(
        tx,
        "SELECT id, example_card_id, label, iif(deleted_at IS NULL, 'live', 'deleted') FROM other.topic",
    )? {
        let (Some(id), Some(label)) = (&row[0], &row[2]) else {
            continue;
        };
        let deleted = row[3].as_deref() == Some("deleted");
        let example = row[1].as_ref().and_then(|c| cards.get(c));
        // A live topic of the same name on both sides is one topic (two files from one
        // import, clustered alike, name their topics alike).
        let (ours, added) = match_or_insert(
            tx,
            id,
            (
                "SELECT id FROM topic WHERE id = ?1
                 OR (?4 = 0 AND consultation_id = ?2 AND deleted_at IS NULL AND lower(label) = lower(?3))
                 ORDER BY id = ?1 DESC LIMIT 1",
                params![id, cid, label, deleted],
            ),
            (
                "INSERT INTO topic (id, consultation_id, label, keywords, origin, run_id, example_card_id,
                     created_at, updated_at, deleted_at, hand_at)
                 SELECT id, ?2, label, keywords, origin, run_id, ?3, created_at, updated_at, deleted_at, hand_at
                 FROM other.topic WHERE id = ?1",
                params![id, cid, example],
            ),
        )?;
        sum.topics_added += usize::from(added);
        map.insert(id.clone(), ours);
    }
    let mut st = tx.prepare("SELECT run_id, card_id, topic_id, score FROM other.run_membership")?;
    let rows: Vec<(String, String, Option<String>, f64)> = st
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (run, card, topic, score) in rows {
        let topic = topic.map(|t| map.get(&t).cloned().unwrap_or(t));
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
pub(super) fn copy_placements(
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

pub(super) fn copy_decisions(
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
        // The same decision recorded on both sides (same target, outcome, rationale and
        // votes) is kept once.
        let same: Option<String> = tx
            .query_row(
                "SELECT d.id FROM decision d JOIN other.decision o ON o.id = ?1
                 WHERE d.id <> ?1 AND d.card_id IS ?2 AND d.topic_id IS ?3 AND d.outcome = o.outcome
                   AND d.rationale = o.rationale AND d.votes_for IS o.votes_for
                   AND d.votes_against IS o.votes_against AND d.votes_abstain IS o.votes_abstain
                   AND (d.retracted_at IS NULL) = (o.retracted_at IS NULL)
                 LIMIT 1",
                params![id, card, topic],
                |r| r.get(0),
            )
            .optional()?;
        if same.is_some() {
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
pub(super) fn copy_outline(
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
        let ours = if let Some(o) = ours {
            // Their drafted wording fills an empty draft of ours.
            tx.execute(
                "UPDATE outline_section SET draft_text = (SELECT draft_text FROM other.outline_section WHERE id = ?2)
                 WHERE id = ?1 AND draft_text = ''",
                params![o, id],
            )?;
            o
        } else {
            tx.execute(
                "INSERT INTO outline_section (id, consultation_id, parent_id, level, position, heading, draft_text)
                 SELECT id, ?2, ?3, level,
                     (SELECT coalesce(max(position), -1) + 1 FROM outline_section WHERE consultation_id = ?2 AND parent_id IS ?3),
                     heading, draft_text FROM other.outline_section WHERE id = ?1",
                params![id, cid, parent],
            )?;
            sum.sections_added += 1;
            id.clone()
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
