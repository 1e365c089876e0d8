//! Inverses of the board's operations, for undo/redo in the interface. Topic work is
//! undone by putting back a captured `BoardState` (placements, topic labels and
//! liveness, outline links of the topics); card merges and splits by reviving the
//! originals. Nothing is deleted except a section that was just added and is empty.
//! Each method is one transaction.

use super::{Store, events};
use crate::error::{Error, Result};
use crate::model::now_rfc3339;
use rusqlite::{OptionalExtension, params};

/// Event details of undone merges and splits (the event itself is `restored` or
/// `deleted`, names the schema already allows).
pub const MERGE_UNDONE: &str = r#"{"why":"merge undone"}"#;
pub const SPLIT_UNDONE: &str = r#"{"why":"split undone"}"#;

/// Where a card sits: its topic, whether a person put it there, whether it is pinned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub card_id: String,
    pub topic_id: String,
    /// `run` or `hand`.
    pub source: String,
    pub pinned: bool,
}

/// A topic as the board sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicState {
    pub id: String,
    pub label: String,
    pub live: bool,
}

/// Part of the board captured before or after an operation.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BoardState {
    /// The cards covered; those without a placement below are unsorted.
    pub cards: Vec<String>,
    pub placements: Vec<Placement>,
    pub topics: Vec<TopicState>,
    /// Outline links (section id, topic id) of the covered topics.
    pub links: Vec<(String, String)>,
}

/// Every placement in a live topic (also inside a transaction).
pub(super) fn live_placements(conn: &rusqlite::Connection) -> Result<Vec<Placement>> {
    let mut st = conn.prepare(
        "SELECT m.card_id, m.topic_id, m.source, m.pinned FROM membership m
         JOIN topic t ON t.id = m.topic_id WHERE t.deleted_at IS NULL",
    )?;
    let rows = st.query_map([], |r| {
        Ok(Placement {
            card_id: r.get(0)?,
            topic_id: r.get(1)?,
            source: r.get(2)?,
            pinned: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// Ids of the consultation's live topics (cheaper than `topics()`: no counts).
    pub fn live_topic_ids(&self) -> Result<Vec<String>> {
        let mut st = self
            .conn
            .prepare("SELECT id FROM topic WHERE deleted_at IS NULL ORDER BY id")?;
        let rows = st.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every placement of a live topic, keyed by card.
    pub fn placements(&self) -> Result<Vec<Placement>> {
        live_placements(&self.conn)
    }

    /// Captures the placements of `cards` and the state of `topics`.
    pub fn board_state(&self, cards: &[String], topics: &[String]) -> Result<BoardState> {
        let wanted: std::collections::HashSet<&String> = cards.iter().collect();
        let mut placements = Vec::new();
        let mut st = self.conn.prepare_cached(
            "SELECT card_id, topic_id, source, pinned FROM membership WHERE card_id = ?1",
        )?;
        // Few cards: one lookup each; many: one scan.
        if cards.len() < 200 {
            for c in cards {
                if let Some(p) = st
                    .query_row([c], |r| {
                        Ok(Placement {
                            card_id: r.get(0)?,
                            topic_id: r.get(1)?,
                            source: r.get(2)?,
                            pinned: r.get(3)?,
                        })
                    })
                    .optional()?
                {
                    placements.push(p);
                }
            }
        } else {
            let mut all = self
                .conn
                .prepare("SELECT card_id, topic_id, source, pinned FROM membership")?;
            for p in all.query_map([], |r| {
                Ok(Placement {
                    card_id: r.get(0)?,
                    topic_id: r.get(1)?,
                    source: r.get(2)?,
                    pinned: r.get(3)?,
                })
            })? {
                let p = p?;
                if wanted.contains(&p.card_id) {
                    placements.push(p);
                }
            }
        }
        let mut state = BoardState {
            cards: cards.to_vec(),
            placements,
            ..BoardState::default()
        };
        for t in topics {
            let row = self
                .conn
                .query_row(
                    "SELECT label, deleted_at IS NULL FROM topic WHERE id = ?1",
                    [t],
                    |r| Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?)),
                )
                .optional()?;
            if let Some((label, live)) = row {
                state.topics.push(TopicState {
                    id: t.clone(),
                    label,
                    live,
                });
            }
            let mut links = self
                .conn
                .prepare_cached("SELECT section_id FROM section_link WHERE topic_id = ?1")?;
            for s in links.query_map([t], |r| r.get::<_, String>(0))? {
                state.links.push((s?, t.clone()));
            }
        }
        Ok(state)
    }

    /// Puts back a captured state: the covered cards' placements, the topics' labels and
    /// liveness, and the topics' outline links. One transaction.
    pub fn restore_board_state(&mut self, state: &BoardState) -> Result<()> {
        let tx = self.conn.transaction()?;
        let now = now_rfc3339();
        for t in &state.topics {
            tx.execute(
                "UPDATE topic SET label = ?2, updated_at = ?3,
                     deleted_at = CASE WHEN ?4 THEN NULL ELSE coalesce(deleted_at, ?3) END
                 WHERE id = ?1",
                params![t.id, t.label, now, t.live],
            )?;
            tx.execute("DELETE FROM section_link WHERE topic_id = ?1", [&t.id])?;
        }
        for (section, topic) in &state.links {
            tx.execute(
                "INSERT OR IGNORE INTO section_link (section_id, topic_id) VALUES (?1, ?2)",
                params![section, topic],
            )?;
        }
        {
            let mut clear = tx.prepare_cached("DELETE FROM membership WHERE card_id = ?1")?;
            for c in &state.cards {
                clear.execute([c])?;
            }
            let mut put = tx.prepare_cached(
                "INSERT INTO membership (card_id, topic_id, source, run_id, score, pinned, assigned_at)
                 VALUES (?1, ?2, ?3, NULL, NULL, ?4, ?5)",
            )?;
            for p in &state.placements {
                put.execute(params![p.card_id, p.topic_id, p.source, p.pinned, now])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Undoes `merge_cards`: the originals become live again, the merged card is
    /// soft-deleted, and both sides get an `unmerged` event.
    pub fn unmerge_cards(&mut self, merged_id: &str) -> Result<Vec<String>> {
        let actor = self.actor.clone();
        let tx = self.conn.transaction()?;
        let originals: Vec<String> = {
            let mut st = tx.prepare(
                "SELECT id FROM card WHERE superseded_by = ?1 AND superseded_how = 'merged'",
            )?;
            st.query_map([merged_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        if originals.is_empty() {
            return Err(Error::Invalid(format!(
                "card {merged_id} is not the result of a merge"
            )));
        }
        let now = now_rfc3339();
        for o in &originals {
            tx.execute(
                "UPDATE card SET superseded_by = NULL, superseded_how = NULL, updated_at = ?2
                 WHERE id = ?1",
                params![o, now],
            )?;
            events::record(
                &tx,
                o,
                "restored",
                Some(merged_id),
                Some(MERGE_UNDONE),
                actor.as_deref(),
            )?;
        }
        tx.execute(
            "UPDATE card SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![merged_id, now],
        )?;
        events::record(
            &tx,
            merged_id,
            "deleted",
            None,
            Some(MERGE_UNDONE),
            actor.as_deref(),
        )?;
        tx.commit()?;
        Ok(originals)
    }

    /// Undoes `split_card`: the parts are soft-deleted and the original is live again.
    pub fn unsplit_card(&mut self, original_id: &str) -> Result<()> {
        let actor = self.actor.clone();
        let tx = self.conn.transaction()?;
        let parts: Vec<String> = {
            let mut st = tx.prepare(
                "SELECT related_id FROM card_event WHERE card_id = ?1 AND event = 'split_into'
                   AND related_id IN (SELECT id FROM card WHERE deleted_at IS NULL)",
            )?;
            st.query_map([original_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        if parts.is_empty() {
            return Err(Error::Invalid(format!(
                "card {original_id} has no live split parts"
            )));
        }
        let now = now_rfc3339();
        for p in &parts {
            tx.execute(
                "UPDATE card SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
                params![p, now],
            )?;
            events::record(
                &tx,
                p,
                "deleted",
                None,
                Some(SPLIT_UNDONE),
                actor.as_deref(),
            )?;
        }
        tx.execute(
            "UPDATE card SET superseded_by = NULL, superseded_how = NULL, updated_at = ?2
             WHERE id = ?1",
            params![original_id, now],
        )?;
        events::record(
            &tx,
            original_id,
            "restored",
            None,
            Some(SPLIT_UNDONE),
            actor.as_deref(),
        )?;
        tx.commit()?;
        Ok(())
    }
}
