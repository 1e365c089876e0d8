//! What a working-group decision is about and what the secretary enters with it.

/// What a decision is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecisionTarget {
    Card(String),
    Topic(String),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct DecisionDraft {
    pub rationale: String,
    pub votes_for: Option<i64>,
    pub votes_against: Option<i64>,
    pub votes_abstain: Option<i64>,
    /// ISO date of the meeting that decided.
    pub decided_on: Option<String>,
}
