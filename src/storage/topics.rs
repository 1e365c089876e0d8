//! Topics: groups of cards, made by clustering runs or by hand. Hand work always wins
//! over automatic runs: cards placed by hand or pinned, and every card of a topic a
//! person decided, mapped to the outline or worked on by hand, stay where they are.

use super::{Store, consultation};
use crate::error::{Error, Result};
use crate::model::{DecisionOutcome, new_id, now_rfc3339, text::clean};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicRow {
    pub id: String,
    pub label: String,
    pub keywords: Vec<String>,
    /// `run`, `seed` or `manual`.
    pub origin: String,
    pub run_id: Option<String>,
    pub size: i64,
    pub votes: i64,
    pub example_card_id: Option<String>,
    pub decision: Option<DecisionOutcome>,
    /// Citations of the outline sections the topic is mapped to ("§ 15").
    pub sections: Vec<String>,
    /// Made, renamed, split or merged by hand, or given cards by hand.
    #[serde(skip)]
    pub by_hand: bool,
}

impl TopicRow {
    /// Whether a clustering run leaves this topic's cards where they are.
    pub fn keeps_cards(&self) -> bool {
        self.by_hand || self.decision.is_some() || !self.sections.is_empty()
    }
}

const TOPIC_SELECT: &str = "SELECT t.id, t.label, t.keywords, t.origin, t.run_id, t.example_card_id,
        (SELECT count(*) FROM membership m JOIN card c ON c.id = m.card_id
          WHERE m.topic_id = t.id AND c.deleted_at IS NULL AND c.superseded_by IS NULL),
        (SELECT coalesce(sum(c.votes), 0) FROM membership m JOIN card c ON c.id = m.card_id
          WHERE m.topic_id = t.id AND c.deleted_at IS NULL AND c.superseded_by IS NULL),
        (SELECT outcome FROM decision d WHERE d.topic_id = t.id AND d.retracted_at IS NULL ORDER BY d.created_at DESC, d.id DESC LIMIT 1),
        t.hand_at IS NOT NULL OR t.origin = 'manual'
    FROM topic t";

/// Marks topics as worked on by hand (see `IN_KEPT_TOPIC`).
pub(super) fn touch_topic(conn: &Connection, id: &str) -> rusqlite::Result<()> {
    conn.execute(
        "UPDATE topic SET hand_at = ?2 WHERE id = ?1",
        params![id, now_rfc3339()],
    )?;
    Ok(())
}

fn topic_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<TopicRow> {
    let keywords: String = r.get(2)?;
    let decision: Option<String> = r.get(8)?;
    Ok(TopicRow {
        id: r.get(0)?,
        label: r.get(1)?,
        keywords: keywords
            .split(", ")
            .filter(|k| !k.is_empty())
            .map(str::to_owned)
            .collect(),
        origin: r.get(3)?,
        run_id: r.get(4)?,
        example_card_id: r.get(5)?,
        size: r.get(6)?,
        votes: r.get(7)?,
        decision: decision.and_then(|d| d.parse().ok()),
        sections: Vec::new(),
        by_hand: r.get(9)?,
    })
}

/// Fills each topic's section citations from the outline (without creating one).
fn attach_sections(conn: &Connection, cid: &str, topics: &mut [TopicRow]) -> rusqlite::Result<()> {
    let lang: String = conn.query_row(
        "SELECT language FROM consultation WHERE id = ?1",
        [cid],
        |r| r.get(0),
    )?;
    let outline = super::outline::load(conn, cid, &lang)?;
    for t in topics {
        t.sections = outline
            .iter()
            .filter(|s| s.topic_ids.contains(&t.id))
            .map(|s| s.citation.clone())
            .collect();
    }
    Ok(())
}

/// Live topics of the consultation, largest first (also inside a transaction).
pub(super) fn live_topics(conn: &Connection) -> Result<Vec<TopicRow>> {
    let cid = consultation::ensure(conn)?;
    let sql = format!("{TOPIC_SELECT} WHERE t.consultation_id = ?1 AND t.deleted_at IS NULL");
    let mut st = conn.prepare(&sql)?;
    let mut list: Vec<TopicRow> = st
        .query_map([&cid], topic_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    list.sort_by(|a, b| b.size.cmp(&a.size).then_with(|| a.label.cmp(&b.label)));
    attach_sections(conn, &cid, &mut list)?;
    Ok(list)
}

pub(super) fn insert_topic(
    conn: &Connection,
    cid: &str,
    label: &str,
    keywords: &[String],
    origin: &str,
    run_id: Option<&str>,
    example: Option<&str>,
) -> rusqlite::Result<String> {
    let id = new_id();
    let now = now_rfc3339();
    conn.execute(
        "INSERT INTO topic (id, consultation_id, label, keywords, origin, run_id, example_card_id,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            id,
            cid,
            label,
            keywords.join(", "),
            origin,
            run_id,
            example,
            now
        ],
    )?;
    Ok(id)
}

impl Store {
    /// Live topics of the consultation, largest first.
    pub fn topics(&self) -> Result<Vec<TopicRow>> {
        live_topics(&self.conn)
    }

    /// Names of the live topics no clustering run empties or retires: decided, mapped
    /// to the outline, or made or worked on by hand (`run_plan::kept_labels`).
    pub fn kept_topic_labels(&self) -> Result<Vec<String>> {
        Ok(super::run_plan::kept_labels(&self.topics()?))
    }

    /// A topic made by hand.
    pub fn create_topic(&mut self, label: &str) -> Result<TopicRow> {
        let label = clean(label);
        if label.is_empty() {
            return Err(Error::Invalid("a topic needs a label".into()));
        }
        let tx = self.conn.transaction()?;
        let cid = consultation::ensure(&tx)?;
        let id = insert_topic(&tx, &cid, &label, &[], "manual", None, None)?;
        tx.commit()?;
        self.topic(&id)
    }

    pub fn topic(&self, id: &str) -> Result<TopicRow> {
        let sql = format!("{TOPIC_SELECT} WHERE t.id = ?1");
        self.conn
            .query_row(&sql, [id], topic_from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no topic with id {id}")))
    }

    /// Puts cards into a topic by hand (optionally pinned); later runs leave them there.
    pub fn move_cards(&mut self, card_ids: &[String], topic_id: &str, pin: bool) -> Result<usize> {
        let topic = self.topic(topic_id)?;
        let tx = self.conn.transaction()?;
        let now = now_rfc3339();
        let mut n = 0;
        {
            let mut st = tx.prepare_cached(
                "INSERT INTO membership (card_id, topic_id, source, run_id, score, pinned, assigned_at)
                 VALUES (?1, ?2, 'hand', NULL, NULL, ?3, ?4)
                 ON CONFLICT(card_id) DO UPDATE SET topic_id = excluded.topic_id, source = 'hand',
                     run_id = NULL, score = NULL, pinned = excluded.pinned, assigned_at = excluded.assigned_at",
            )?;
            for card in card_ids {
                n += st.execute(params![card, topic.id, pin, now])?;
            }
        }
        if n > 0 {
            touch_topic(&tx, &topic.id)?;
        }
        tx.commit()?;
        Ok(n)
    }
}

impl Store {
    /// Resolves a typed topic reference: exact label (any case), a unique label prefix,
    /// or a unique id prefix.
    pub fn find_topic(&self, reference: &str) -> Result<TopicRow> {
        let all = self.topics()?;
        let t = super::pick_one(
            &all,
            reference,
            |t| &t.id,
            |t| &t.label,
            "topic",
            "narada topic list",
        )?;
        Ok(t.clone())
    }

    pub fn rename_topic(&mut self, id: &str, label: &str) -> Result<TopicRow> {
        let label = clean(label);
        if label.is_empty() {
            return Err(Error::Invalid("a topic needs a label".into()));
        }
        let topic = self.topic(id)?;
        self.conn.execute(
            "UPDATE topic SET label = ?2, updated_at = ?3, hand_at = ?3 WHERE id = ?1",
            params![topic.id, label, now_rfc3339()],
        )?;
        self.topic(&topic.id)
    }

    /// Moves every card of `from` into `into` (as hand placements), carries over its
    /// outline links, and retires `from`; its decisions stay in the log.
    pub fn merge_topics(&mut self, from: &str, into: &str) -> Result<TopicRow> {
        let (from, into) = (self.topic(from)?, self.topic(into)?);
        if from.id == into.id {
            return Err(Error::Invalid(
                "a topic cannot be merged into itself".into(),
            ));
        }
        let tx = self.conn.transaction()?;
        let now = now_rfc3339();
        tx.execute(
            "UPDATE membership SET topic_id = ?2, source = 'hand', run_id = NULL, assigned_at = ?3
             WHERE topic_id = ?1",
            params![from.id, into.id, now],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO section_link (section_id, topic_id)
             SELECT section_id, ?2 FROM section_link WHERE topic_id = ?1",
            params![from.id, into.id],
        )?;
        tx.execute("DELETE FROM section_link WHERE topic_id = ?1", [&from.id])?;
        tx.execute(
            "UPDATE topic SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1",
            params![from.id, now],
        )?;
        touch_topic(&tx, &into.id)?;
        tx.commit()?;
        self.topic(&into.id)
    }

    /// Moves the given cards of a topic into a new hand-made topic.
    pub fn split_topic(&mut self, id: &str, card_ids: &[String], label: &str) -> Result<TopicRow> {
        let topic = self.topic(id)?;
        for c in card_ids {
            if self.card(c)?.topic.as_deref() != Some(topic.label.as_str()) {
                return Err(Error::Invalid(format!(
                    "card {c} is not in topic {:?}",
                    topic.label
                )));
            }
        }
        if card_ids.is_empty() {
            return Err(Error::Invalid(
                "name the cards that go to the new topic".into(),
            ));
        }
        let new = self.create_topic(label)?;
        self.move_cards(card_ids, &new.id, false)?;
        touch_topic(&self.conn, &topic.id)?;
        self.topic(&new.id)
    }

    /// Pins or unpins cards in their current topic.
    pub fn pin_cards(&mut self, card_ids: &[String], pinned: bool) -> Result<usize> {
        let tx = self.conn.transaction()?;
        let mut n = 0;
        for c in card_ids {
            n += tx.execute(
                "UPDATE membership SET pinned = ?2, source = 'hand' WHERE card_id = ?1",
                params![c, pinned],
            )?;
        }
        tx.commit()?;
        Ok(n)
    }
}
