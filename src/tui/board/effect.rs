//! The store side of the board: each effect is one store call (one transaction), and
//! each change comes back with what undoes it. Topic work is undone by restoring the
//! captured board state of the cards and topics it touched.

use super::lineage::{CardMerge, CardSplit};
use super::undo::Change;
use super::worker::{self, ClusterJob, ClusterScope, Source};
use crate::cluster::Stage;
use crate::error::Result;
use crate::model::Card;
use crate::storage::runs::RunRecord;
use crate::storage::topics::TopicRow;
use crate::storage::undo::{Placement, TopicState};
use crate::storage::{CardFilter, Store};
use crate::tui::ctx::Via;
use crate::tui::reader::{Read, ReadDone, Reader};
use std::sync::mpsc::Sender;

#[derive(Debug, Clone, PartialEq)]
pub enum BoardOp {
    Move {
        cards: Vec<String>,
        topic: String,
    },
    MoveToNew {
        cards: Vec<String>,
        label: String,
    },
    Rename {
        id: String,
        label: String,
    },
    MergeTopics {
        from: String,
        into: String,
    },
    SplitTopic {
        id: String,
        cards: Vec<String>,
        label: String,
    },
    Pin {
        cards: Vec<String>,
        pinned: bool,
    },
    /// Accept a clustering proposal (all of it, or the chosen topics only).
    ApplyRun(Box<RunRecord>),
    /// Split a topic along a re-clustering of its cards: each part, a label and its
    /// cards, becomes a new topic.
    SplitByRun {
        topic: String,
        parts: Vec<(String, Vec<String>)>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Near-duplicate hints for the selected card.
    Read(Read),
    /// `topics: false` when only placements changed: the board then counts sizes and
    /// votes itself and skips the (slower) topic query.
    Load {
        cards: bool,
        topics: bool,
    },
    Op(BoardOp),
    MergeCards(CardMerge),
    SplitCard(CardSplit),
    /// Start a clustering run on a worker thread.
    Cluster(ClusterJob),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Done {
    Loaded {
        /// `None`: the topics are unchanged but for sizes and votes.
        topics: Option<Vec<TopicRow>>,
        placements: Vec<Placement>,
        /// Only when the cards themselves changed (or on first load).
        cards: Option<Vec<Card>>,
    },
    /// A board change reached the store; `note` is what the status line adds.
    Changed {
        change: Change,
        via: Via,
        note: String,
    },
    /// A clustering run's progress, then its proposal (or why it failed).
    Stage(Stage),
    Proposal(Box<RunRecord>),
    ClusterFailed(String),
    Read(ReadDone),
}

/// Runs `op` between two captures of the cards and topics it may touch.
fn captured(
    s: &mut Store,
    cards: Vec<String>,
    op: impl FnOnce(&mut Store) -> Result<()>,
) -> Result<Change> {
    let t0 = s.live_topic_ids()?;
    let mut before = s.board_state(&cards, &t0)?;
    op(s)?;
    let mut t1 = s.live_topic_ids()?;
    for t in &t0 {
        if !t1.contains(t) {
            t1.push(t.clone());
        }
    }
    let after = s.board_state(&cards, &t1)?;
    // Topics the operation made did not exist before: undo retires them.
    for t in &after.topics {
        if !before.topics.iter().any(|b| b.id == t.id) {
            before.topics.push(TopicState {
                live: false,
                ..t.clone()
            });
        }
    }
    Ok(Change::Topics {
        before: Box::new(before),
        after: Box::new(after),
    })
}

fn changed(change: Change, note: String) -> Vec<Done> {
    vec![Done::Changed {
        change,
        via: Via::New,
        note,
    }]
}

/// Runs one effect; clustering reports on `worker_tx` later.
pub fn perform(
    effect: Effect,
    s: &mut Store,
    reader: &mut Reader,
    worker_tx: &Sender<Done>,
) -> Result<Vec<Done>> {
    match effect {
        Effect::Read(job) => Ok(reader.read(s, job).map(Done::Read).into_iter().collect()),
        Effect::Load { cards, topics } => Ok(vec![Done::Loaded {
            topics: if topics { Some(s.topics()?) } else { None },
            placements: s.placements()?,
            cards: if cards {
                Some(s.cards(&CardFilter::default())?)
            } else {
                None
            },
        }]),
        Effect::Op(op) => {
            // The cards whose placement the operation may change (captured for undo).
            let cards: Vec<String> = match &op {
                BoardOp::Move { cards, .. }
                | BoardOp::MoveToNew { cards, .. }
                | BoardOp::SplitTopic { cards, .. }
                | BoardOp::Pin { cards, .. } => cards.clone(),
                BoardOp::Rename { .. } => Vec::new(),
                BoardOp::MergeTopics { from, .. } => s
                    .placements()?
                    .into_iter()
                    .filter(|p| &p.topic_id == from)
                    .map(|p| p.card_id)
                    .collect(),
                BoardOp::SplitByRun { parts, .. } => {
                    parts.iter().flat_map(|p| p.1.iter().cloned()).collect()
                }
                BoardOp::ApplyRun(r) => r
                    .topics
                    .iter()
                    .flat_map(|t| t.members.iter().map(|m| m.0.clone()))
                    .chain(r.unsorted.iter().map(|m| m.0.clone()))
                    .collect(),
            };
            let mut summary = String::new();
            let change = captured(s, cards, |s| {
                match op {
                    BoardOp::Move { cards, topic } => {
                        s.move_cards(&cards, &topic, false)?;
                    }
                    BoardOp::MoveToNew { cards, label } => {
                        let t = s.create_topic(&label)?;
                        s.move_cards(&cards, &t.id, false)?;
                    }
                    BoardOp::Rename { id, label } => {
                        s.rename_topic(&id, &label)?;
                    }
                    BoardOp::MergeTopics { from, into } => {
                        s.merge_topics(&from, &into)?;
                    }
                    BoardOp::SplitTopic { id, cards, label } => {
                        s.split_topic(&id, &cards, &label)?;
                    }
                    BoardOp::Pin { cards, pinned } => {
                        s.pin_cards(&cards, pinned)?;
                    }
                    BoardOp::SplitByRun { topic, parts } => {
                        let pinned: std::collections::HashSet<String> = s
                            .placements()?
                            .into_iter()
                            .filter(|p| p.pinned)
                            .map(|p| p.card_id)
                            .collect();
                        for (label, cards) in parts {
                            let free: Vec<String> =
                                cards.into_iter().filter(|c| !pinned.contains(c)).collect();
                            if !free.is_empty() {
                                s.split_topic(&topic, &free, &label)?;
                            }
                        }
                    }
                    BoardOp::ApplyRun(record) => {
                        let sum = s.save_cluster_run(&record, true)?;
                        // Kept: where a person put them, or in a decided, mapped or
                        // hand-made topic.
                        summary = format!(
                            " ({} / {} / {})",
                            sum.assigned,
                            sum.kept_by_hand + sum.kept_with_topic,
                            sum.unsorted
                        );
                    }
                }
                Ok(())
            })?;
            Ok(changed(change, summary))
        }
        Effect::MergeCards(merge) => {
            let card = merge.apply(s)?;
            // The resulting total, so the policy's effect is seen at once.
            let note = format!("#{} ({})", card.seq, card.votes);
            let merged = card.id;
            Ok(changed(Change::MergeCards { merged, merge }, note))
        }
        Effect::SplitCard(split) => {
            let note = split
                .apply(s)?
                .iter()
                .map(|c| format!("#{} ({})", c.seq, c.votes))
                .collect::<Vec<_>>()
                .join(", ");
            Ok(changed(Change::SplitCard(split), note))
        }
        Effect::Cluster(job) => {
            let lang = s.consultation()?.language;
            let source = match (&job.scope, s.path()) {
                (ClusterScope::Topic(cards), _) => Source::Cards(cards.clone(), lang.clone()),
                (_, Some(p)) => Source::Db(p.to_path_buf()),
                (ClusterScope::Session(id), None) => {
                    Source::Cards(s.cluster_input(Some(id))?, lang.clone())
                }
                (_, None) => Source::Cards(s.cluster_input(None)?, lang.clone()),
            };
            let seeds = if job.seeds {
                s.outline_seeds(&lang)?
            } else {
                Vec::new()
            };
            let names: Vec<String> = seeds.iter().map(|t| t.name.clone()).collect();
            let homes = if seeds.is_empty() {
                Vec::new()
            } else {
                s.seed_homes(&names)?
            };
            let taken = s.kept_topic_labels()?;
            worker::spawn(source, job, seeds, homes, taken, worker_tx.clone());
            Ok(Vec::new())
        }
    }
}
