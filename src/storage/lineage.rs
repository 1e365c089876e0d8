//! Merging near-duplicate cards and splitting cards that hold two ideas. The originals
//! are never deleted: they stay, marked as replaced, with events both ways.

use super::rows::{folded_key, index_new_cards, max_seq, write_tags};
use super::{Store, events};
use crate::error::{Error, Result};
use crate::model::{Card, clean_text, new_id, now_rfc3339};
use rusqlite::{Transaction, params};

use crate::model::VotePolicy;

fn why_detail(why: Option<&str>, extra: &[(&str, serde_json::Value)]) -> String {
    let mut map = serde_json::Map::new();
    if let Some(w) = why {
        map.insert("why".into(), w.into());
    }
    for (k, v) in extra {
        map.insert((*k).to_owned(), v.clone());
    }
    serde_json::Value::Object(map).to_string()
}

/// Inserts a card derived from `like` with a new text and tally; returns its id.
fn insert_derived(
    tx: &Transaction<'_>,
    like: &Card,
    text: &str,
    votes: i64,
    tags: &[String],
    actor: Option<&str>,
) -> Result<String> {
    let id = new_id();
    let now = now_rfc3339();
    let before = max_seq(tx)?;
    tx.execute(
        "INSERT INTO card (id, session_id, activity_id, kind, text, folded, speaker, votes, entered_by,
             created_at, updated_at)
         SELECT ?1, session_id, activity_id, kind, ?2, ?3, speaker, ?4, ?5, ?6, ?6 FROM card WHERE id = ?7",
        params![id, text, folded_key(text, tags, like.speaker.as_deref()), votes, actor, now, like.id],
    )?;
    write_tags(tx, &id, tags)?;
    index_new_cards(tx, before)?;
    // The new card joins the topic of the card it came from, as a hand placement.
    tx.execute(
        "INSERT INTO membership (card_id, topic_id, source, pinned, assigned_at)
         SELECT ?1, topic_id, 'hand', pinned, ?2 FROM membership WHERE card_id = ?3",
        params![id, now, like.id],
    )?;
    // A card made by hand in a topic is hand work in it: later runs keep its cards.
    tx.execute(
        "UPDATE topic SET hand_at = ?2 WHERE id = (SELECT topic_id FROM membership WHERE card_id = ?1)",
        params![id, now],
    )?;
    Ok(id)
}

fn supersede(tx: &Transaction<'_>, card: &str, by: &str, how: &str) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE card SET superseded_by = ?2, superseded_how = ?3, updated_at = ?4 WHERE id = ?1",
        params![card, by, how, now_rfc3339()],
    )?;
    Ok(())
}

fn live(card: Card) -> Result<Card> {
    if card.deleted_at.is_some() || card.superseded_by.is_some() {
        return Err(Error::Invalid(format!(
            "card #{} was deleted or already merged/split",
            card.seq
        )));
    }
    Ok(card)
}

impl Store {
    /// Merges cards into one new card with `text`; the first card gives session, kind and
    /// topic; tags are the union. Returns the new card.
    pub fn merge_cards(
        &mut self,
        ids: &[String],
        text: &str,
        policy: VotePolicy,
        why: Option<&str>,
    ) -> Result<Card> {
        if ids.len() < 2 {
            return Err(Error::Invalid("merging needs at least two cards".into()));
        }
        let cards = ids
            .iter()
            .map(|id| self.card(id).and_then(live))
            .collect::<Result<Vec<_>>>()?;
        let mut seen = std::collections::BTreeSet::new();
        if !cards.iter().all(|c| seen.insert(c.id.clone())) {
            return Err(Error::Invalid("the same card is named twice".into()));
        }
        let text = clean_text(text).map_err(|e| Error::Invalid(e.to_string()))?;
        let votes = match policy {
            VotePolicy::Sum => cards.iter().map(|c| c.votes).sum(),
            VotePolicy::Max => cards.iter().map(|c| c.votes).max().unwrap_or(0),
            VotePolicy::Separate => 0,
        };
        let mut tags: Vec<String> = Vec::new();
        for t in cards.iter().flat_map(|c| &c.tags) {
            if !tags.contains(t) {
                tags.push(t.clone());
            }
        }
        let actor = self.actor.clone();
        let tx = self.conn.transaction()?;
        let new = insert_derived(&tx, &cards[0], &text, votes, &tags, actor.as_deref())?;
        let policy_name = format!("{policy:?}").to_lowercase();
        for c in &cards {
            supersede(&tx, &c.id, &new, "merged")?;
            let detail = why_detail(why, &[("votes", policy_name.clone().into())]);
            events::record(
                &tx,
                &c.id,
                "merged_into",
                Some(&new),
                Some(&detail),
                actor.as_deref(),
            )?;
            events::record(
                &tx,
                &new,
                "merged_from",
                Some(&c.id),
                Some(&detail),
                actor.as_deref(),
            )?;
        }
        tx.commit()?;
        self.card(&new)
    }

    /// Splits a card into one new card per text; each keeps the original's session, kind,
    /// speaker, tags and topic. The votes are divided, never copied, so totals stay equal:
    /// `first_votes` go to the first part (all of them when `None`), the rest to the second.
    pub fn split_card(
        &mut self,
        id: &str,
        parts: &[String],
        first_votes: Option<i64>,
        why: Option<&str>,
    ) -> Result<Vec<Card>> {
        let card = live(self.card(id)?)?;
        if parts.len() < 2 {
            return Err(Error::Invalid("splitting needs at least two texts".into()));
        }
        let first = first_votes.unwrap_or(card.votes);
        if !(0..=card.votes).contains(&first) {
            return Err(Error::Invalid(format!(
                "the first part can have 0 to {} votes (card #{} has {}), not {first}",
                card.votes, card.seq, card.votes
            )));
        }
        let texts = parts
            .iter()
            .map(|p| clean_text(p).map_err(|e| Error::Invalid(e.to_string())))
            .collect::<Result<Vec<_>>>()?;
        let actor = self.actor.clone();
        let tx = self.conn.transaction()?;
        let mut new_ids = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            let votes = match i {
                0 => first,
                1 => card.votes - first,
                _ => 0,
            };
            let new = insert_derived(&tx, &card, t, votes, &card.tags, actor.as_deref())?;
            let detail = why_detail(why, &[("votes", votes.into())]);
            events::record(
                &tx,
                &card.id,
                "split_into",
                Some(&new),
                Some(&detail),
                actor.as_deref(),
            )?;
            events::record(
                &tx,
                &new,
                "split_from",
                Some(&card.id),
                Some(&detail),
                actor.as_deref(),
            )?;
            new_ids.push(new);
        }
        // The original points at the first part; its events list all of them.
        supersede(&tx, &card.id, &new_ids[0], "split")?;
        tx.commit()?;
        new_ids.iter().map(|i| self.card(i)).collect()
    }
}
