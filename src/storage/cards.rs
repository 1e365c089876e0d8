//! Card create / read / update / soft delete, each one transaction with a lineage event.

use super::rows::{CARD_SELECT, card_from_row, folded_key, index_new_cards, max_seq, write_tags};
use super::{Store, events, sessions};
use crate::error::{Error, Result};
use crate::model::{Card, CardDraft, CardKind, CardPatch, new_id, now_rfc3339};
use rusqlite::{OptionalExtension, params};

/// Which cards a list shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CardFilter {
    pub session_id: Option<String>,
    pub kind: Option<CardKind>,
    pub tag: Option<String>,
    /// Show soft-deleted cards and cards replaced by a merge or split too.
    pub include_deleted: bool,
    /// Show only soft-deleted cards.
    pub only_deleted: bool,
}

fn invalid(e: crate::model::FieldError) -> Error {
    Error::Invalid(e.to_string())
}

fn json_detail(pairs: &[(&str, serde_json::Value)]) -> String {
    let map: serde_json::Map<String, serde_json::Value> = pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    serde_json::Value::Object(map).to_string()
}

impl Store {
    /// Whether the database holds any card (deleted ones count: they are work too).
    pub fn has_cards(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT EXISTS (SELECT 1 FROM card)", [], |r| r.get(0))?)
    }

    pub fn add_card(&mut self, draft: &CardDraft) -> Result<Card> {
        let d = draft.validated().map_err(invalid)?;
        let session = self.session(&d.session_id)?;
        let actor = d.entered_by.clone().or_else(|| self.actor.clone());
        let tx = self.conn.transaction()?;
        let id = insert_card(&tx, &session.id, &d, actor.as_deref(), None)?;
        tx.commit()?;
        self.card(&id)
    }

    /// A card by its full id, deleted or not.
    pub fn card(&self, id: &str) -> Result<Card> {
        let sql = format!("{CARD_SELECT} WHERE c.id = ?1");
        self.conn
            .query_row(&sql, [id], card_from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no card with id {id}")))
    }

    /// Resolves what a user typed: `#12` or `12` (the local number), an imported id,
    /// a full id, or a unique prefix (at least 4 characters) of an id.
    pub fn find_card(&self, reference: &str) -> Result<Card> {
        let r = reference.trim();
        let by = |sql: &str, v: &dyn rusqlite::ToSql| -> Result<Vec<String>> {
            let mut st = self.conn.prepare_cached(sql)?;
            let ids = st.query_map([v], |row| row.get(0))?;
            Ok(ids.collect::<rusqlite::Result<_>>()?)
        };
        if let Ok(seq) = r.trim_start_matches('#').parse::<i64>()
            && let Some(id) = by("SELECT id FROM card WHERE seq = ?1", &seq)?.pop()
        {
            return self.card(&id);
        }
        if let Some(id) = by("SELECT id FROM card WHERE external_id = ?1", &r)?.pop() {
            return self.card(&id);
        }
        if r.len() >= 4 {
            let ids = by(
                "SELECT id FROM card WHERE id >= ?1 AND id < ?1 || char(1114111) LIMIT 3",
                &r,
            )?;
            match ids.as_slice() {
                [one] => return self.card(one),
                [] => {}
                _ => {
                    return Err(Error::Invalid(format!(
                        "{r:?} matches several cards; type more of the id"
                    )));
                }
            }
        }
        Err(Error::NotFound(format!("no card matches {r:?}")))
    }

    /// Cards matching a filter, in the order they were entered.
    pub fn cards(&self, f: &CardFilter) -> Result<Vec<Card>> {
        let sql = format!(
            "{CARD_SELECT}
             WHERE (?1 IS NULL OR c.session_id = ?1)
               AND (?2 IS NULL OR c.kind = ?2)
               AND (?3 IS NULL OR EXISTS (SELECT 1 FROM card_tag g WHERE g.card_id = c.id AND g.tag = ?3))
               AND (CASE WHEN ?4 THEN c.deleted_at IS NOT NULL
                         WHEN ?5 THEN 1 ELSE c.deleted_at IS NULL AND c.superseded_by IS NULL END)
               AND s.consultation_id = (SELECT id FROM consultation ORDER BY created_at DESC, id DESC LIMIT 1)
             ORDER BY c.seq"
        );
        let tag = f.tag.as_deref().map(crate::model::text::normalize_tag);
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(
            params![
                f.session_id,
                f.kind.map(CardKind::as_str),
                tag,
                f.only_deleted,
                f.include_deleted
            ],
            card_from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Applies a partial edit; records the old values in the card's history.
    pub fn edit_card(&mut self, id: &str, patch: &CardPatch) -> Result<Card> {
        let p = patch.validated().map_err(invalid)?;
        let old = self.card(id)?;
        let text = p.text.clone().unwrap_or_else(|| old.text.clone());
        let kind = p.kind.unwrap_or(old.kind);
        let speaker = p.speaker.clone().unwrap_or_else(|| old.speaker.clone());
        let activity = p.activity.clone().unwrap_or_else(|| old.activity.clone());
        let tags = p.tags.clone().unwrap_or_else(|| old.tags.clone());
        let votes = p.votes.unwrap_or(old.votes);
        let mut changed: Vec<(&str, serde_json::Value)> = Vec::new();
        if text != old.text {
            changed.push(("text", old.text.clone().into()));
        }
        if kind != old.kind {
            changed.push(("kind", old.kind.as_str().into()));
        }
        if speaker != old.speaker {
            changed.push(("speaker", old.speaker.clone().into()));
        }
        if activity != old.activity {
            changed.push(("activity", old.activity.clone().into()));
        }
        if tags != old.tags {
            changed.push(("tags", old.tags.clone().into()));
        }
        if votes != old.votes {
            changed.push(("votes", old.votes.into()));
        }
        if changed.is_empty() {
            return Ok(old);
        }
        let tx = self.conn.transaction()?;
        let activity_id = activity
            .as_deref()
            .map(|a| sessions::ensure_activity(&tx, &old.session_id, a))
            .transpose()?;
        tx.execute(
            "UPDATE card SET text = ?2, folded = ?3, kind = ?4, speaker = ?5, activity_id = ?6,
                 votes = ?7, updated_at = ?8 WHERE id = ?1",
            params![
                old.id,
                text,
                folded_key(&text, &tags, speaker.as_deref()),
                kind.as_str(),
                speaker,
                activity_id,
                votes,
                now_rfc3339()
            ],
        )?;
        write_tags(&tx, &old.id, &tags)?;
        let detail = json_detail(&changed);
        events::record(
            &tx,
            &old.id,
            "edited",
            None,
            Some(&detail),
            self.actor.as_deref(),
        )?;
        tx.commit()?;
        self.card(&old.id)
    }

    /// Adds `delta` dot votes (never below zero); returns the card as stored.
    pub fn vote(&mut self, id: &str, delta: i64) -> Result<Card> {
        let old = self.card(id)?;
        let votes = (old.votes + delta).clamp(0, crate::model::LIMIT_VOTES);
        if votes == old.votes {
            return Ok(old);
        }
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE card SET votes = ?2, updated_at = ?3 WHERE id = ?1",
            params![old.id, votes, now_rfc3339()],
        )?;
        let detail = json_detail(&[("from", old.votes.into()), ("to", votes.into())]);
        events::record(
            &tx,
            &old.id,
            "voted",
            None,
            Some(&detail),
            self.actor.as_deref(),
        )?;
        tx.commit()?;
        self.card(&old.id)
    }

    /// Soft delete: the card is hidden from lists but kept, with its history and a reason.
    pub fn delete_card(&mut self, id: &str, why: Option<&str>) -> Result<Card> {
        self.set_deleted(id, true, why)
    }

    /// Undoes a soft delete.
    pub fn restore_card(&mut self, id: &str) -> Result<Card> {
        self.set_deleted(id, false, None)
    }

    fn set_deleted(&mut self, id: &str, deleted: bool, why: Option<&str>) -> Result<Card> {
        let old = self.card(id)?;
        if old.deleted_at.is_some() == deleted {
            let state = if deleted {
                "already deleted"
            } else {
                "not deleted"
            };
            return Err(Error::Invalid(format!("card #{} is {state}", old.seq)));
        }
        let tx = self.conn.transaction()?;
        let now = now_rfc3339();
        tx.execute(
            "UPDATE card SET deleted_at = ?2, updated_at = ?3 WHERE id = ?1",
            params![old.id, deleted.then_some(&now), now],
        )?;
        let detail = why.map(|w| json_detail(&[("why", w.into())]));
        let event = if deleted { "deleted" } else { "restored" };
        events::record(
            &tx,
            &old.id,
            event,
            None,
            detail.as_deref(),
            self.actor.as_deref(),
        )?;
        tx.commit()?;
        self.card(&old.id)
    }
}

/// Inserts a validated card of an existing session with its tags, search entry and
/// `created` event (whose `detail` may say where it came from); returns its id.
pub(super) fn insert_card(
    tx: &rusqlite::Transaction<'_>,
    session_id: &str,
    d: &CardDraft,
    actor: Option<&str>,
    created_detail: Option<&str>,
) -> Result<String> {
    let activity_id = d
        .activity
        .as_deref()
        .map(|a| sessions::ensure_activity(tx, session_id, a))
        .transpose()?;
    let id = new_id();
    let now = now_rfc3339();
    let before = max_seq(tx)?;
    tx.execute(
        "INSERT INTO card (id, session_id, activity_id, kind, text, folded, speaker, votes,
             external_id, entered_by, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)",
        params![
            id,
            session_id,
            activity_id,
            d.kind.as_str(),
            d.text,
            folded_key(&d.text, &d.tags, d.speaker.as_deref()),
            d.speaker,
            d.votes,
            d.external_id,
            actor,
            now
        ],
    )
    .map_err(|e| match &d.external_id {
        Some(x) if e.to_string().contains("external_id") => {
            Error::Invalid(format!("a card with id {x:?} already exists"))
        }
        _ => Error::from(e),
    })?;
    write_tags(tx, &id, &d.tags)?;
    index_new_cards(tx, before)?;
    events::record(tx, &id, "created", None, created_detail, actor)?;
    Ok(id)
}
