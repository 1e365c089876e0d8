//! What exports are made of, as storage reads it: the view of the whole consultation
//! that documents render, and the flat card rows of the CSV/JSON table. Plain data, so
//! that storage fills it and export renders it without either depending on the other.

use super::outline::SectionLevel;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportView {
    pub consultation: ConsultationView,
    /// ISO date the document was produced (given by the caller, so output is reproducible).
    pub generated_on: String,
    /// Set for a per-session export or report: only that session's cards are included.
    pub session_scope: Option<String>,
    /// The outline as a tree in document order (children in order too).
    pub sections: Vec<SectionView>,
    pub sessions: Vec<SessionView>,
    pub topics: Vec<TopicView>,
    /// Every card in scope, in entry order: live ones, and those deleted, merged or
    /// split (see [`CardView::gone`]), so that each card's fate can be told.
    pub cards: Vec<CardView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConsultationView {
    pub title: String,
    pub city: String,
    pub year: Option<i64>,
    /// `pl` or `en`: the language of the document's fixed wording.
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionView {
    pub id: String,
    pub level: SectionLevel,
    pub heading: String,
    /// The secretary's drafted wording; empty when not drafted yet.
    pub draft_text: String,
    /// Topics mapped to this section.
    pub topic_ids: Vec<String>,
    /// Cards mapped here directly or through a topic, whose decision is adopted or
    /// adopted in part: the provision's sources, in entry order.
    pub source_card_ids: Vec<String>,
    pub children: Vec<SectionView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionView {
    pub id: String,
    pub title: String,
    /// `training`, `working_group`, `advisory` or `other`.
    pub kind: String,
    pub date: Option<String>,
    pub place: String,
    pub participants: Option<i64>,
    /// The session's activities (questions, exercises, small groups), in order.
    pub activities: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicView {
    pub id: String,
    pub label: String,
    pub decision: Option<DecisionView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardView {
    pub id: String,
    /// Short reference printed in documents: the imported id, else `#` and the number.
    pub reference: String,
    pub text: String,
    /// `recommendation`, `expectation`, `proposal`, `concern`, `question` or `other`.
    pub kind: String,
    pub session_id: String,
    pub topic_id: Option<String>,
    pub votes: i64,
    /// The card's own latest decision, else its topic's.
    pub decision: Option<DecisionView>,
    /// Set when the card is no longer a live input: deleted, merged or split.
    pub gone: Option<Gone>,
}

/// Why a card left the live inputs; references are the printed ones (`#34`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "how", rename_all = "snake_case")]
pub enum Gone {
    Deleted { reason: Option<String> },
    MergedInto { into: String },
    SplitInto { into: Vec<String> },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionView {
    /// `adopted`, `adopted_in_part`, `rejected` or `postponed`.
    pub outcome: String,
    pub rationale: String,
    pub votes_for: Option<i64>,
    pub votes_against: Option<i64>,
    pub votes_abstain: Option<i64>,
    pub decided_on: Option<String>,
}

impl DecisionView {
    pub fn is_adopted(&self) -> bool {
        matches!(self.outcome.as_str(), "adopted" | "adopted_in_part")
    }
}

/// One card of the CSV/JSON card table, with its session, topic and latest decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportRow {
    pub id: String,
    pub number: i64,
    pub external_id: Option<String>,
    pub session: String,
    pub session_kind: Option<String>,
    pub session_date: Option<String>,
    pub activity: Option<String>,
    pub kind: String,
    pub text: String,
    pub speaker: Option<String>,
    pub tags: Vec<String>,
    pub votes: i64,
    pub topic: Option<String>,
    pub decision: Option<String>,
    pub rationale: Option<String>,
    /// Citations of the outline sections the card is a source of ("§ 15").
    pub sections: Vec<String>,
    /// What became of the card, as `model::fate` decides it: `used`, `adopted_unused`,
    /// `answered`, `rejected`, `postponed` or `undecided` (the table lists live cards).
    pub fate: String,
    pub created_at: String,
    pub updated_at: String,
    /// Only filled when the user asks for it (privacy: who typed a card).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entered_by: Option<String>,
}
