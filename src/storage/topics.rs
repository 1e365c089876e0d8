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

/// Why a run leaves a topic's cards where they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeptBecause {
    Decided,
    Mapped,
    ByHand,
}

/// A topic whose cards a run would otherwise have moved, and how many it leaves there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeptTopic {
    pub topic_id: String,
    pub label: String,
    pub because: Vec<KeptBecause>,
    /// Cards the run put elsewhere (or left unsorted) that stay in this topic.
    pub cards: usize,
}

/// What accepting a run changes for the topics whose cards it keeps: the kept ones, and
/// the kept topics that still change (cards added to them, for a run seeded by their name).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RunPreview {
    pub kept: Vec<KeptTopic>,
    /// (label, cards the run adds to it).
    pub added: Vec<(String, usize)>,
    /// Ids of the run's cards that stay where they are.
    #[serde(skip)]
    pub staying: std::collections::HashSet<String>,
}

/// Compares a run with the current board: `placements` maps card id → topic id.
pub fn preview_run<S: std::hash::BuildHasher>(
    run: &RunRecord,
    topics: &[TopicRow],
    placements: &std::collections::HashMap<String, String, S>,
) -> RunPreview {
    let kept_topic = |id: &str| topics.iter().find(|t| t.id == id && t.keeps_cards());
    let mut out = RunPreview::default();
    let mut count = |topic: &TopicRow| {
        if let Some(k) = out.kept.iter_mut().find(|k| k.topic_id == topic.id) {
            k.cards += 1;
            return;
        }
        let mut because = Vec::new();
        if topic.decision.is_some() {
            because.push(KeptBecause::Decided);
        }
        if !topic.sections.is_empty() {
            because.push(KeptBecause::Mapped);
        }
        if topic.by_hand {
            because.push(KeptBecause::ByHand);
        }
        out.kept.push(KeptTopic {
            topic_id: topic.id.clone(),
            label: topic.label.clone(),
            because,
            cards: 1,
        });
    };
    let mut added: Vec<(String, usize)> = Vec::new();
    let mut staying = std::collections::HashSet::new();
    for t in &run.topics {
        // A seeded topic lands in the live topic of that name, kept or not.
        let target = t
            .seed_name
            .as_deref()
            .and_then(|name| topics.iter().find(|x| x.label == name && x.origin != "run"));
        for (card, _) in &t.members {
            let current = placements.get(card);
            if let Some(k) = current.and_then(|c| kept_topic(c)) {
                if target.is_none_or(|x| x.id != k.id) {
                    count(k);
                    staying.insert(card.clone());
                }
            } else if let Some(x) = target.filter(|x| x.keeps_cards()) {
                match added.iter_mut().find(|a| a.0 == x.label) {
                    Some(a) => a.1 += 1,
                    None => added.push((x.label.clone(), 1)),
                }
            }
        }
    }
    for (card, _) in &run.unsorted {
        if let Some(k) = placements.get(card).and_then(|c| kept_topic(c)) {
            count(k);
            staying.insert(card.clone());
        }
    }
    out.added = added;
    out.staying = staying;
    out
}

/// One topic of a clustering run, with card ids instead of input positions.
#[derive(Debug, Clone, PartialEq)]
pub struct RunTopic {
    pub label: String,
    pub keywords: Vec<String>,
    /// Set when the topic was seeded by a known topic name.
    pub seed_name: Option<String>,
    pub example_card_id: String,
    pub members: Vec<(String, f32)>,
}

/// A finished clustering run, ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct RunRecord {
    pub session_id: Option<String>,
    /// The options used, as JSON, so the run can be reproduced.
    pub params: String,
    pub k: usize,
    pub k_auto: bool,
    pub lang: String,
    pub topics: Vec<RunTopic>,
    pub unsorted: Vec<(String, f32)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunSummary {
    pub run_id: String,
    pub topics: usize,
    /// Cards whose topic the run set.
    pub assigned: usize,
    /// Cards left where a person put them (hand-placed or pinned).
    pub kept_by_hand: usize,
    /// Other cards left in their topic because it was decided, mapped to the outline
    /// or worked on by hand.
    pub kept_with_topic: usize,
    pub unsorted: usize,
}

const TOPIC_SELECT: &str = "SELECT t.id, t.label, t.keywords, t.origin, t.run_id, t.example_card_id,
        (SELECT count(*) FROM membership m JOIN card c ON c.id = m.card_id
          WHERE m.topic_id = t.id AND c.deleted_at IS NULL AND c.superseded_by IS NULL),
        (SELECT coalesce(sum(c.votes), 0) FROM membership m JOIN card c ON c.id = m.card_id
          WHERE m.topic_id = t.id AND c.deleted_at IS NULL AND c.superseded_by IS NULL),
        (SELECT outcome FROM decision d WHERE d.topic_id = t.id AND d.retracted_at IS NULL ORDER BY d.created_at DESC, d.id DESC LIMIT 1),
        t.hand_at IS NOT NULL OR t.origin = 'manual'
    FROM topic t";

/// Is true for a card whose topic keeps its cards through a run (`?1` is the card):
/// the same rule as `TopicRow::keeps_cards`.
const IN_KEPT_TOPIC: &str = "SELECT 1 FROM membership m JOIN topic t ON t.id = m.topic_id
    WHERE m.card_id = ?1 AND t.deleted_at IS NULL
      AND (t.hand_at IS NOT NULL OR t.origin = 'manual'
        OR EXISTS (SELECT 1 FROM decision d WHERE d.topic_id = t.id AND d.retracted_at IS NULL)
        OR EXISTS (SELECT 1 FROM section_link l WHERE l.topic_id = t.id))";

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

/// A live topic with this label made by hand or by seeding, to reuse across runs.
fn named_topic(conn: &Connection, cid: &str, label: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT id FROM topic WHERE consultation_id = ?1 AND label = ?2
           AND origin IN ('seed', 'manual') AND deleted_at IS NULL
         ORDER BY created_at LIMIT 1",
        params![cid, label],
        |r| r.get(0),
    )
    .optional()
}

fn insert_topic(
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
    /// Texts to cluster: live cards of the consultation, or of one session.
    pub fn cluster_input(&self, session_id: Option<&str>) -> Result<Vec<(String, String)>> {
        let mut st = self.conn.prepare(
            "SELECT c.id, c.text FROM card c JOIN session s ON s.id = c.session_id
             WHERE c.deleted_at IS NULL AND c.superseded_by IS NULL
               AND (?1 IS NULL OR c.session_id = ?1)
               AND s.consultation_id = (SELECT id FROM consultation ORDER BY created_at DESC, id DESC LIMIT 1)
             ORDER BY c.seq",
        )?;
        let rows = st.query_map([session_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Stores a run and, when `apply` is set, moves every card it covers into its topic —
    /// except cards placed by hand or pinned, and the cards of topics that were decided,
    /// mapped to the outline or worked on by hand, which all stay where they are. Topics
    /// of earlier runs left empty (and without decisions or outline links) are retired.
    /// One transaction.
    pub fn save_cluster_run(&mut self, run: &RunRecord, apply: bool) -> Result<RunSummary> {
        let tx = self.conn.transaction()?;
        let cid = consultation::ensure(&tx)?;
        let run_id = new_id();
        let now = now_rfc3339();
        tx.execute(
            "INSERT INTO cluster_run (id, consultation_id, session_id, params, k, unsorted,
                 created_at, status, lang, k_auto)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                run_id,
                cid,
                run.session_id,
                run.params,
                run.k as i64,
                run.unsorted.len() as i64,
                now,
                if apply { "applied" } else { "proposed" },
                run.lang,
                run.k_auto
            ],
        )?;
        let mut sum = RunSummary {
            run_id: run_id.clone(),
            topics: run.topics.len(),
            assigned: 0,
            kept_by_hand: 0,
            kept_with_topic: 0,
            unsorted: run.unsorted.len(),
        };
        let mut proposal = tx.prepare_cached(
            "INSERT INTO run_membership (run_id, card_id, topic_id, score) VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut by_hand = tx.prepare_cached(
            "SELECT 1 FROM membership WHERE card_id = ?1 AND (source = 'hand' OR pinned = 1)",
        )?;
        let mut in_kept = tx.prepare_cached(IN_KEPT_TOPIC)?;
        let mut assign = tx.prepare_cached(
            "INSERT INTO membership (card_id, topic_id, source, run_id, score, pinned, assigned_at)
             VALUES (?1, ?2, 'run', ?3, ?4, 0, ?5)
             ON CONFLICT(card_id) DO UPDATE SET topic_id = excluded.topic_id, source = 'run',
                 run_id = excluded.run_id, score = excluded.score, assigned_at = excluded.assigned_at",
        )?;
        let mut unassign = tx.prepare_cached(
            "DELETE FROM membership WHERE card_id = ?1 AND source = 'run' AND pinned = 0",
        )?;
        for t in &run.topics {
            let topic_id = match &t.seed_name {
                Some(name) => match named_topic(&tx, &cid, name)? {
                    Some(id) => id,
                    None => insert_topic(
                        &tx,
                        &cid,
                        name,
                        &t.keywords,
                        "seed",
                        Some(&run_id),
                        Some(&t.example_card_id),
                    )?,
                },
                None => insert_topic(
                    &tx,
                    &cid,
                    &t.label,
                    &t.keywords,
                    "run",
                    Some(&run_id),
                    Some(&t.example_card_id),
                )?,
            };
            for (card, score) in &t.members {
                proposal.execute(params![run_id, card, topic_id, f64::from(*score)])?;
                if !apply {
                    continue;
                }
                if by_hand.exists([card])? {
                    sum.kept_by_hand += 1;
                } else if in_kept.exists([card])? {
                    sum.kept_with_topic += 1;
                } else {
                    assign.execute(params![card, topic_id, run_id, f64::from(*score), now])?;
                    sum.assigned += 1;
                }
            }
        }
        for (card, score) in &run.unsorted {
            proposal.execute(params![run_id, card, None::<String>, f64::from(*score)])?;
            if !apply || by_hand.exists([card])? {
                continue;
            }
            if in_kept.exists([card])? {
                sum.kept_with_topic += 1;
            } else {
                unassign.execute([card])?;
            }
        }
        drop((proposal, by_hand, in_kept, assign, unassign));
        if apply {
            tx.execute(
                "UPDATE topic SET deleted_at = ?1
                 WHERE deleted_at IS NULL AND origin IN ('run', 'seed') AND consultation_id = ?2
                   AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.topic_id = topic.id)
                   AND NOT EXISTS (SELECT 1 FROM decision d WHERE d.topic_id = topic.id)
                   AND NOT EXISTS (SELECT 1 FROM section_link l WHERE l.topic_id = topic.id)",
                params![now, cid],
            )?;
        }
        tx.commit()?;
        Ok(sum)
    }

    /// What accepting `run` would leave alone or still change among the topics whose
    /// cards a run keeps (see `preview_run`).
    pub fn preview_cluster_run(&self, run: &RunRecord) -> Result<RunPreview> {
        let topics = self.topics()?;
        let placements: std::collections::HashMap<String, String> = self
            .placements()?
            .into_iter()
            .map(|p| (p.card_id, p.topic_id))
            .collect();
        Ok(preview_run(run, &topics, &placements))
    }

    /// Live topics of the consultation, largest first.
    pub fn topics(&self) -> Result<Vec<TopicRow>> {
        let cid = consultation::ensure(&self.conn)?;
        let sql = format!("{TOPIC_SELECT} WHERE t.consultation_id = ?1 AND t.deleted_at IS NULL");
        let mut st = self.conn.prepare(&sql)?;
        let mut list: Vec<TopicRow> = st
            .query_map([&cid], topic_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        list.sort_by(|a, b| b.size.cmp(&a.size).then_with(|| a.label.cmp(&b.label)));
        attach_sections(&self.conn, &cid, &mut list)?;
        Ok(list)
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
