//! What the export view needs to tell a card's fate and storage alone knows: why a card
//! was deleted, what a merge or split replaced it with, and which cards were only the
//! results of an undone merge or split.

use super::Store;
use super::undo::{MERGE_UNDONE, SPLIT_UNDONE};
use crate::error::Result;
use crate::model::{Card, Gone};
use std::collections::{HashMap, HashSet};

/// The latest `deleted` event's detail of each deleted card, as one SQL expression.
const LAST_DELETION: &str = "(SELECT e.detail FROM card_event e WHERE e.card_id = c.id
    AND e.event = 'deleted' ORDER BY e.id DESC LIMIT 1)";

/// Read once per export view.
pub(super) struct FateData {
    /// Printed reference of every card of the database (`K-12` or `#7`).
    reference: HashMap<String, String>,
    /// Deleted card → the reason given, if any.
    reason: HashMap<String, Option<String>>,
    /// (card, event) → the cards it names, oldest first.
    links: HashMap<(String, String), Vec<String>>,
    undone: HashSet<String>,
}

impl FateData {
    fn reference(&self, id: &str) -> String {
        self.reference
            .get(id)
            .cloned()
            .unwrap_or_else(|| "?".to_owned())
    }

    /// Whether the card exists only as the result of an undone merge or split.
    pub(super) fn undone(&self, id: &str) -> bool {
        self.undone.contains(id)
    }

    /// Why `card` is no longer a live input, if it is not.
    pub(super) fn gone(&self, card: &Card) -> Option<Gone> {
        if card.deleted_at.is_some() {
            return Some(Gone::Deleted {
                reason: self.reason.get(&card.id).cloned().flatten(),
            });
        }
        let by = card.superseded_by.as_deref()?;
        let named = |event: &str| self.links.get(&(card.id.clone(), event.to_owned()));
        if named("merged_into").is_some_and(|l| l.iter().any(|i| i == by)) {
            return Some(Gone::MergedInto {
                into: self.reference(by),
            });
        }
        let parts: Vec<String> = named("split_into")
            .map(|l| {
                l.iter()
                    .filter(|i| !self.undone.contains(*i))
                    .map(|i| self.reference(i))
                    .collect()
            })
            .unwrap_or_default();
        Some(if parts.is_empty() {
            Gone::MergedInto {
                into: self.reference(by),
            }
        } else {
            Gone::SplitInto { into: parts }
        })
    }
}

impl Store {
    /// Cards that exist only as the result of a merge or split that was undone.
    fn undone_cards(&self) -> Result<HashSet<String>> {
        let mut st = self.conn.prepare(&format!(
            "SELECT c.id FROM card c WHERE c.deleted_at IS NOT NULL AND {LAST_DELETION} IN (?1, ?2)"
        ))?;
        let rows = st.query_map([MERGE_UNDONE, SPLIT_UNDONE], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(super) fn card_fate_data(&self) -> Result<FateData> {
        let mut st = self.conn.prepare("SELECT id, seq, external_id FROM card")?;
        let reference = st
            .query_map([], |r| {
                let seq: i64 = r.get(1)?;
                let ext: Option<String> = r.get(2)?;
                Ok((r.get(0)?, ext.unwrap_or_else(|| format!("#{seq}"))))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut st = self.conn.prepare(&format!(
            "SELECT c.id, {LAST_DELETION} FROM card c WHERE c.deleted_at IS NOT NULL"
        ))?;
        let reason = st
            .query_map([], |r| {
                let detail: Option<String> = r.get(1)?;
                Ok((r.get(0)?, detail.as_deref().and_then(why)))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut links: HashMap<(String, String), Vec<String>> = HashMap::new();
        for (card, event, other) in self.card_links()? {
            links.entry((card, event)).or_default().push(other);
        }
        Ok(FateData {
            reference,
            reason,
            links,
            undone: self.undone_cards()?,
        })
    }
}

/// The `why` of an event's JSON detail, when it says one.
fn why(detail: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(detail).ok()?;
    v.get("why")
        .and_then(serde_json::Value::as_str)
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
}
