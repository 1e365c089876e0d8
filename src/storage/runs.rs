//! Clustering runs: the cards to cluster, the existing topics a seeded run fills, and
//! storing a run, which carries out its plan (`run_plan`): it never moves cards placed
//! by hand or pinned, nor the cards of topics a person decided, mapped or worked on.

use super::run_plan::{Dest, KeptBecause, RunPlan, plan_run};
use super::topics::{insert_topic, live_topics};
use super::undo::live_placements;
use super::{Store, consultation};
use crate::error::Result;
use crate::model::outline_seeds::{names_all, same_name, stems};
use crate::model::{new_id, now_rfc3339};
use rusqlite::params;
use serde::Serialize;

/// One topic of a clustering run, with card ids instead of input positions.
#[derive(Debug, Clone, PartialEq)]
pub struct RunTopic {
    pub label: String,
    pub keywords: Vec<String>,
    /// Set when the topic was seeded by a known topic name.
    pub seed_name: Option<String>,
    /// The existing topic a seeded topic fills (see `Store::seed_homes`); `None` makes a
    /// new topic, named after the seed when there is one.
    pub target: Option<String>,
    pub example_card_id: String,
    pub members: Vec<(String, f32)>,
    /// The engine's most representative cards, best first (near-duplicates skipped);
    /// may be empty, then the scores decide.
    pub central: Vec<String>,
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

impl Store {
    /// Texts to cluster: live cards of the consultation, or of one session, each text
    /// followed by its tags as `#tag` words.
    pub fn cluster_input(&self, session_id: Option<&str>) -> Result<Vec<(String, String)>> {
        let mut st = self.conn.prepare(
            // Tags ride along as `#tag` words: the engine counts them as strong features.
            "SELECT c.id, c.text || COALESCE((SELECT group_concat(' #' || t.tag, '')
                 FROM (SELECT tag FROM card_tag WHERE card_id = c.id ORDER BY position) t), '')
             FROM card c JOIN session s ON s.id = c.session_id
             WHERE c.deleted_at IS NULL AND c.superseded_by IS NULL
               AND (?1 IS NULL OR c.session_id = ?1)
               AND s.consultation_id = (SELECT id FROM consultation ORDER BY created_at DESC, id DESC LIMIT 1)
             ORDER BY c.seq",
        )?;
        let rows = st.query_map([session_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Stores a run and, when `apply` is set, carries out its plan: moves the cards it
    /// lists (see `run_plan`), leaving cards placed by hand or pinned and the cards of
    /// decided, mapped or hand-made topics where they are. Topics of earlier runs left
    /// empty (and without decisions or outline links) are retired. One transaction.
    pub fn save_cluster_run(&mut self, run: &RunRecord, apply: bool) -> Result<RunSummary> {
        let tx = self.conn.transaction()?;
        let cid = consultation::ensure(&tx)?;
        let plan = plan_run(run, &live_topics(&tx)?, &live_placements(&tx)?);
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
        let card_reasons = |b| matches!(b, KeptBecause::Pinned | KeptBecause::PlacedByHand);
        let sum = RunSummary {
            run_id: run_id.clone(),
            topics: run.topics.len(),
            assigned: if apply {
                plan.moves.iter().filter(|m| m.to.is_some()).count()
            } else {
                0
            },
            kept_by_hand: if apply {
                plan.stays
                    .iter()
                    .filter(|s| card_reasons(s.because))
                    .count()
            } else {
                0
            },
            kept_with_topic: if apply {
                plan.stays
                    .iter()
                    .filter(|s| !card_reasons(s.because))
                    .count()
            } else {
                0
            },
            unsorted: run.unsorted.len(),
        };
        let mut proposal = tx.prepare_cached(
            "INSERT INTO run_membership (run_id, card_id, topic_id, score) VALUES (?1, ?2, ?3, ?4)",
        )?;
        let mut topic_ids = Vec::with_capacity(run.topics.len());
        for (t, dest) in run.topics.iter().zip(&plan.dest) {
            let topic_id = match (dest, &t.seed_name) {
                (Dest::Existing(id), _) => id.clone(),
                (Dest::New, Some(name)) => insert_topic(
                    &tx,
                    &cid,
                    name,
                    &t.keywords,
                    "seed",
                    Some(&run_id),
                    Some(&t.example_card_id),
                )?,
                (Dest::New, None) => insert_topic(
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
            }
            topic_ids.push(topic_id);
        }
        for (card, score) in &run.unsorted {
            proposal.execute(params![run_id, card, None::<String>, f64::from(*score)])?;
        }
        drop(proposal);
        if apply {
            apply_moves(&tx, run, &plan, &topic_ids, &run_id, &now)?;
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

    /// What accepting `run` would do to the board as it is now (nothing is stored).
    pub fn plan_cluster_run(&self, run: &RunRecord) -> Result<RunPlan> {
        Ok(plan_run(run, &self.topics()?, &self.placements()?))
    }
}

/// Carries out the plan's moves: into the proposed topics (`topic_ids`, in run order),
/// or back to unsorted.
fn apply_moves(
    tx: &rusqlite::Transaction<'_>,
    run: &RunRecord,
    plan: &RunPlan,
    topic_ids: &[String],
    run_id: &str,
    now: &str,
) -> Result<()> {
    let score: std::collections::HashMap<&str, f32> = run
        .topics
        .iter()
        .flat_map(|t| t.members.iter())
        .map(|(c, s)| (c.as_str(), *s))
        .collect();
    let mut assign = tx.prepare_cached(
        "INSERT INTO membership (card_id, topic_id, source, run_id, score, pinned, assigned_at)
         VALUES (?1, ?2, 'run', ?3, ?4, 0, ?5)
         ON CONFLICT(card_id) DO UPDATE SET topic_id = excluded.topic_id, source = 'run',
             run_id = excluded.run_id, score = excluded.score, pinned = 0,
             assigned_at = excluded.assigned_at",
    )?;
    let mut unassign = tx.prepare_cached("DELETE FROM membership WHERE card_id = ?1")?;
    for m in &plan.moves {
        match m.to {
            Some(i) => {
                let s = score.get(m.card_id.as_str()).copied().unwrap_or(0.0);
                assign.execute(params![m.card_id, topic_ids[i], run_id, f64::from(s), now])?;
            }
            None => {
                unassign.execute([&m.card_id])?;
            }
        }
    }
    Ok(())
}

impl RunTopic {
    /// Ids of its `n` most representative cards: the engine's choice among the cards
    /// still in the topic (a routed part may hold only some), then the closest to the
    /// topic's centre (highest score), ties in card order.
    pub fn representatives(&self, n: usize) -> Vec<&str> {
        let is_member = |id: &str| self.members.iter().any(|(c, _)| c == id);
        let mut out: Vec<&str> = self
            .central
            .iter()
            .map(String::as_str)
            .filter(|id| is_member(id))
            .take(n)
            .collect();
        let mut by_score: Vec<(usize, &(String, f32))> = self.members.iter().enumerate().collect();
        by_score.sort_by(|a, b| b.1.1.total_cmp(&a.1.1).then(a.0.cmp(&b.0)));
        for (_, (id, _)) in by_score {
            if out.len() >= n {
                break;
            }
            if !out.contains(&id.as_str()) {
                out.push(id);
            }
        }
        out
    }
}

/// An existing topic a seeded run can fill, with its cards' texts (to choose among
/// several topics of one chapter).
#[derive(Debug, Clone, PartialEq)]
pub struct HomeTopic {
    pub id: String,
    pub label: String,
    pub texts: Vec<String>,
}

/// The existing topics one seed's cards go to; none: the run makes the seed's topic.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedHome {
    pub name: String,
    pub topics: Vec<HomeTopic>,
}

impl Store {
    /// Seed topics from this consultation's outline (renamed and added chapters
    /// included; see `model::outline_seeds`), names and keywords in `lang`.
    pub fn outline_seeds(&self, lang: &str) -> Result<Vec<crate::cluster::SeedTopic>> {
        use crate::model::SectionLevel;
        use crate::model::outline_seeds::OutlineChapter;
        let c = self.consultation()?;
        let mut chapters: Vec<OutlineChapter> = Vec::new();
        for s in super::outline::load(&self.conn, &c.id, &c.language)? {
            match (s.level, chapters.last_mut()) {
                (SectionLevel::Chapter, _) => chapters.push(OutlineChapter {
                    heading: s.heading,
                    paragraphs: Vec::new(),
                }),
                (SectionLevel::Paragraph, Some(ch)) => ch.paragraphs.push(s.heading),
                _ => {}
            }
        }
        Ok(crate::model::outline_seeds::seeds(&chapters, lang)
            .into_iter()
            .map(|(name, keywords)| crate::cluster::SeedTopic { name, keywords })
            .collect())
    }

    /// For each seed name, the live topics its cards go to: those named exactly like it,
    /// else those whose label holds every word of the name (inflected or not) together
    /// with those mapped to the outline chapter with that heading (or to a unit in it),
    /// largest first. Reads only: an outline not made yet has no chapters to match.
    pub fn seed_homes(&self, names: &[String]) -> Result<Vec<SeedHome>> {
        let topics = self.topics()?;
        let c = self.consultation()?;
        let outline = super::outline::load(&self.conn, &c.id, &c.language)?;
        let lang = c.language.parse().unwrap_or(crate::model::Lang::Pl);
        let mut chapters: Vec<(&str, Vec<&str>)> = Vec::new();
        for s in &outline {
            if s.level == crate::model::SectionLevel::Chapter {
                chapters.push((s.heading.as_str(), Vec::new()));
            }
            if let Some(ch) = chapters.last_mut() {
                ch.1.extend(s.topic_ids.iter().map(String::as_str));
            }
        }
        let mut texts: std::collections::HashMap<String, Vec<String>> =
            std::collections::HashMap::new();
        let mut st = self.conn.prepare(
            "SELECT m.topic_id, c.text FROM membership m JOIN card c ON c.id = m.card_id
             WHERE c.deleted_at IS NULL AND c.superseded_by IS NULL ORDER BY c.seq",
        )?;
        for row in st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get(1)?)))? {
            let (topic, text) = row?;
            texts.entry(topic).or_default().push(text);
        }
        let home = |t: &super::topics::TopicRow| HomeTopic {
            id: t.id.clone(),
            label: t.label.clone(),
            texts: texts.get(&t.id).cloned().unwrap_or_default(),
        };
        Ok(names
            .iter()
            .map(|name| {
                let mut found: Vec<HomeTopic> = topics
                    .iter()
                    .filter(|t| same_name(&t.label, name))
                    .map(home)
                    .collect();
                if found.is_empty() {
                    let mapped: Vec<&str> = chapters
                        .iter()
                        .filter(|c| same_name(c.0, name))
                        .flat_map(|c| c.1.iter().copied())
                        .collect();
                    let words = stems(name, lang);
                    found = topics
                        .iter()
                        .filter(|t| {
                            mapped.contains(&t.id.as_str()) || names_all(&t.label, &words, lang)
                        })
                        .map(home)
                        .collect();
                }
                SeedHome {
                    name: name.clone(),
                    topics: found,
                }
            })
            .collect())
    }
}
