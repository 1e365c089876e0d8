//! Clustering runs: the cards to cluster, storing a run (which never moves the cards of
//! topics a person worked on), and a preview of what accepting one would change.

use super::topics::{TopicRow, insert_topic, named_topic};
use super::{Store, consultation};
use crate::error::Result;
use crate::model::{new_id, now_rfc3339};
use rusqlite::params;
use serde::Serialize;

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

/// Is true for a card whose topic keeps its cards through a run (`?1` is the card):
/// the same rule as `TopicRow::keeps_cards`.
const IN_KEPT_TOPIC: &str = "SELECT 1 FROM membership m JOIN topic t ON t.id = m.topic_id
    WHERE m.card_id = ?1 AND t.deleted_at IS NULL
      AND (t.hand_at IS NOT NULL OR t.origin = 'manual'
        OR EXISTS (SELECT 1 FROM decision d WHERE d.topic_id = t.id AND d.retracted_at IS NULL)
        OR EXISTS (SELECT 1 FROM section_link l WHERE l.topic_id = t.id))";

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
}
