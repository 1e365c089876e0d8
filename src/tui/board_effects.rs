//! The runner's half of the board, the decision log, the outline, clustering and the
//! merge dialog: each effect is one store call (one transaction), and each change comes
//! back with what undoes it. Topic work is undone by restoring the captured board state
//! of the cards and topics it touched.

use super::action::{Action, Via};
use super::effect::{Change, Runner};
use super::loaded::{HistoryLine, Loaded};
use super::worker::{self, ClusterJob, ClusterScope, Source};
use crate::error::{Error, Result};
use crate::model::DecisionOutcome;
use crate::storage::Store;
use crate::storage::decisions::{DecisionDraft, DecisionTarget};
use crate::storage::lineage::VotePolicy;
use crate::storage::merge::ConflictPolicy;
use crate::storage::outline::MapTarget;
use crate::storage::topics::RunRecord;
use crate::storage::undo::{BoardState, TopicState};
use std::collections::BTreeMap;
use std::path::Path;

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
pub enum SectionOp {
    Map {
        section: String,
        target: MapTarget,
    },
    Unmap {
        section: String,
        target: MapTarget,
    },
    Edit {
        id: String,
        heading: Option<String>,
        draft: Option<String>,
    },
    Move {
        id: String,
        delta: i64,
    },
    Add {
        parent: Option<String>,
        heading: String,
    },
    Remove {
        id: String,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum MoreEffect {
    /// `topics: false` when only placements changed: the board then counts sizes and
    /// votes itself and skips the (slower) topic query.
    LoadBoard {
        cards: bool,
        topics: bool,
    },
    Board(BoardOp),
    MergeCards {
        ids: Vec<String>,
        text: String,
        policy: VotePolicy,
        why: Option<String>,
    },
    SplitCard {
        id: String,
        parts: Vec<String>,
        why: Option<String>,
    },
    Decide {
        target: DecisionTarget,
        outcome: DecisionOutcome,
        draft: DecisionDraft,
    },
    LoadDecisions,
    LoadOutline,
    LoadCoverage,
    Section(SectionOp),
    Cluster(ClusterJob),
    MergeDb {
        path: String,
        policy: Option<ConflictPolicy>,
    },
    History(String),
    Export(Box<super::screens::export_dialog::ExportJob>),
}

/// An undoable board, decision or outline change. Each side holds what performing it
/// does now; performing one side yields the other side with fresh ids.
#[derive(Debug, Clone, PartialEq)]
pub enum BoardChange {
    Topics {
        before: Box<BoardState>,
        after: Box<BoardState>,
    },
    /// `merged` is the card the merge made (what undo unmerges).
    MergeCards {
        merged: String,
        ids: Vec<String>,
        text: String,
        policy: VotePolicy,
        why: Option<String>,
    },
    SplitCard {
        id: String,
        parts: Vec<String>,
        why: Option<String>,
    },
    Decision {
        id: String,
        target: DecisionTarget,
        outcome: DecisionOutcome,
        draft: DecisionDraft,
    },
    Section {
        undo: SectionOp,
        redo: SectionOp,
    },
}

impl BoardChange {
    /// Whether only placements changed (no topic was made, renamed, merged or retired).
    pub fn placements_only(&self) -> bool {
        matches!(self, BoardChange::Topics { before, after } if before.topics == after.topics)
    }

    /// Whether the cards themselves (not only their placement) changed.
    pub fn touches_cards(&self) -> bool {
        matches!(
            self,
            BoardChange::MergeCards { .. } | BoardChange::SplitCard { .. }
        )
    }
}

/// Runs `op` between two captures of the cards and topics it may touch.
fn captured(
    s: &mut Store,
    cards: Vec<String>,
    op: impl FnOnce(&mut Store) -> Result<()>,
) -> Result<BoardChange> {
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
    Ok(BoardChange::Topics {
        before: Box::new(before),
        after: Box::new(after),
    })
}

pub(super) fn changed(change: BoardChange, via: Via, note: String) -> Vec<Action> {
    vec![Action::Loaded(Box::new(Loaded::Changed {
        change: Change::Board(Box::new(change)),
        via,
        note,
    }))]
}

impl Runner {
    /// Board-side effects; what they yield comes back as actions.
    pub(super) fn more(&mut self, effect: MoreEffect) -> Result<Vec<Action>> {
        let s = &mut self.store;
        let loaded = |l: Loaded| Ok(vec![Action::Loaded(Box::new(l))]);
        match effect {
            MoreEffect::LoadBoard { cards, topics } => loaded(Loaded::Board {
                topics: if topics { Some(s.topics()?) } else { None },
                placements: s.placements()?,
                cards: if cards {
                    Some(s.cards(&crate::storage::CardFilter::default())?)
                } else {
                    None
                },
            }),
            MoreEffect::Board(op) => {
                // The cards whose placement the operation may change (captured for undo).
                let cards: Vec<String> = match &op {
                    BoardOp::Move { cards, .. }
                    | BoardOp::MoveToNew { cards, .. }
                    | BoardOp::SplitTopic { cards, .. } => cards.clone(),
                    BoardOp::Pin { cards, .. } => cards.clone(),
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
                            summary = format!(
                                " ({} / {} / {})",
                                sum.assigned, sum.kept_by_hand, sum.unsorted
                            );
                        }
                    }
                    Ok(())
                })?;
                Ok(changed(change, Via::New, summary))
            }
            MoreEffect::MergeCards {
                ids,
                text,
                policy,
                why,
            } => {
                let card = s.merge_cards(&ids, &text, policy, why.as_deref())?;
                let note = format!("#{}", card.seq);
                let change = BoardChange::MergeCards {
                    merged: card.id,
                    ids,
                    text,
                    policy,
                    why,
                };
                Ok(changed(change, Via::New, note))
            }
            MoreEffect::SplitCard { id, parts, why } => {
                let new = s.split_card(&id, &parts, why.as_deref())?;
                let note = new
                    .iter()
                    .map(|c| format!("#{}", c.seq))
                    .collect::<Vec<_>>()
                    .join(", ");
                Ok(changed(
                    BoardChange::SplitCard { id, parts, why },
                    Via::New,
                    note,
                ))
            }
            MoreEffect::Decide {
                target,
                outcome,
                draft,
            } => {
                let row = s.decide(&target, outcome, &draft)?;
                let note = row.target_label.clone();
                let change = BoardChange::Decision {
                    id: row.id,
                    target,
                    outcome,
                    draft,
                };
                Ok(changed(change, Via::New, note))
            }
            MoreEffect::LoadDecisions => loaded(Loaded::Decisions(s.decisions()?)),
            MoreEffect::LoadOutline => {
                let sections = s.outline()?;
                let sources = s.section_sources()?;
                let topics: BTreeMap<String, String> =
                    s.topics()?.into_iter().map(|t| (t.id, t.label)).collect();
                loaded(Loaded::Outline {
                    sections,
                    sources,
                    topics,
                })
            }
            MoreEffect::LoadCoverage => loaded(Loaded::Coverage(s.coverage()?)),
            MoreEffect::Section(op) => {
                let undo = super::board_undo::section(s, &op)?;
                Ok(changed(
                    BoardChange::Section { undo, redo: op },
                    Via::New,
                    String::new(),
                ))
            }
            MoreEffect::Cluster(job) => {
                let lang = s.consultation()?.language;
                let source = match (&job.scope, s.path()) {
                    (ClusterScope::Topic(cards), _) => Source::Cards(cards.clone(), lang),
                    (_, Some(p)) => Source::Db(p.to_path_buf()),
                    (ClusterScope::Session(id), None) => {
                        Source::Cards(s.cluster_input(Some(id))?, lang)
                    }
                    (_, None) => Source::Cards(s.cluster_input(None)?, lang),
                };
                worker::spawn(source, job, self.worker_tx.clone());
                Ok(Vec::new())
            }
            MoreEffect::MergeDb { path, policy } => {
                let _ = s.auto_backup("merge")?;
                match s.merge_from(Path::new(&path), policy) {
                    Ok(sum) => loaded(Loaded::Merged(sum)),
                    Err(Error::Conflicts { conflicts, .. }) => {
                        loaded(Loaded::Conflicts { path, conflicts })
                    }
                    Err(e) => Err(e),
                }
            }
            MoreEffect::Export(job) => {
                let body = crate::jobs::export_body(
                    s,
                    job.format,
                    job.report,
                    job.session_id.clone(),
                    false,
                    crate::export::DocOptions {
                        templates_dir: self.templates_dir.clone(),
                    },
                )?;
                crate::export::write_atomically(&job.path, job.force, body)?;
                let shown = std::path::absolute(&job.path).unwrap_or_else(|_| job.path.clone());
                loaded(Loaded::Exported(shown.display().to_string()))
            }
            MoreEffect::History(card_id) => {
                let mut lines = Vec::new();
                for e in s.card_history(&card_id)? {
                    let related_seq = match &e.related_id {
                        Some(r) => s.card(r).ok().map(|c| c.seq),
                        None => None,
                    };
                    let why = e
                        .detail
                        .as_deref()
                        .and_then(|d| serde_json::from_str::<serde_json::Value>(d).ok())
                        .and_then(|v| v.get("why").and_then(|w| w.as_str()).map(str::to_owned));
                    lines.push(HistoryLine {
                        event: e.event,
                        related_seq,
                        actor: e.actor,
                        at: e.at,
                        why,
                    });
                }
                loaded(Loaded::History { card_id, lines })
            }
        }
    }
}
