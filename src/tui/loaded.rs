//! What the runner and the worker threads hand back for the board, the decision log,
//! the outline, merging and clustering (one boxed action, so `Action` stays small).

use super::action::Via;
use super::effect::Change;
use crate::model::Card;
use crate::storage::coverage::Coverage;
use crate::storage::decisions::DecisionRow;
use crate::storage::merge::{MergeConflict, MergeSummary};
use crate::storage::outline::SectionRow;
use crate::storage::topics::{RunRecord, TopicRow};
use crate::storage::undo::Placement;
use std::collections::BTreeMap;

/// One line of a card's lineage, with the other card's number resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryLine {
    pub event: String,
    pub related_seq: Option<i64>,
    pub actor: Option<String>,
    pub at: String,
    pub why: Option<String>,
}

/// A card that looks like the one being typed or selected.
#[derive(Debug, Clone, PartialEq)]
pub struct Hint {
    pub id: String,
    pub seq: i64,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Loaded {
    Board {
        /// `None`: the topics are unchanged but for sizes and votes.
        topics: Option<Vec<TopicRow>>,
        placements: Vec<Placement>,
        /// Only when the cards themselves changed (or on first load).
        cards: Option<Vec<Card>>,
    },
    /// A board, decision or outline change reached the store.
    Changed {
        change: Change,
        via: Via,
        /// What to say in the status line.
        note: String,
    },
    Decisions(Vec<DecisionRow>),
    Outline {
        sections: Vec<SectionRow>,
        /// Section id → adopted source cards.
        sources: BTreeMap<String, Vec<String>>,
        /// Topic id → label, to name mapped topics.
        topics: BTreeMap<String, String>,
    },
    Coverage(Coverage),
    History {
        card_id: String,
        lines: Vec<HistoryLine>,
    },
    Hints {
        generation: u64,
        hints: Vec<Hint>,
    },
    ClusterStage(crate::cluster::Stage),
    Proposal(Box<RunRecord>),
    ClusterFailed(String),
    Merged(MergeSummary),
    /// Where the export dialog wrote its file.
    Exported(String),
    Conflicts {
        path: String,
        conflicts: Vec<MergeConflict>,
    },
}
