//! Lineage: the append-only history of every card.

use super::Store;
use crate::error::Result;
use crate::model::{CardEvent, new_id, now_rfc3339};
use rusqlite::{Connection, params};

pub(super) fn record(
    conn: &Connection,
    card_id: &str,
    event: &str,
    related_id: Option<&str>,
    detail: Option<&str>,
    actor: Option<&str>,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO card_event (id, card_id, event, related_id, detail, actor, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        new_id(),
        card_id,
        event,
        related_id,
        detail,
        actor,
        now_rfc3339()
    ])?;
    Ok(())
}

impl Store {
    /// Every recorded event of a card, oldest first.
    pub fn card_history(&self, card_id: &str) -> Result<Vec<CardEvent>> {
        let mut st = self.conn.prepare(
            "SELECT event, related_id, detail, actor, at FROM card_event
             WHERE card_id = ?1 ORDER BY id",
        )?;
        let rows = st.query_map([card_id], |r| {
            Ok(CardEvent {
                event: r.get(0)?,
                related_id: r.get(1)?,
                detail: r.get(2)?,
                actor: r.get(3)?,
                at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl Store {
    /// Every event that links two cards (merges and splits), oldest first, in one read:
    /// (card, event, the other card).
    pub fn card_links(&self) -> Result<Vec<(String, String, String)>> {
        let mut st = self.conn.prepare(
            "SELECT card_id, event, related_id FROM card_event
             WHERE related_id IS NOT NULL ORDER BY id",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
