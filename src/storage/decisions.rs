//! Working-group decisions on cards and topics. Decisions are never edited: a new one
//! supersedes the earlier, which stays in the log.

use super::Store;
use crate::error::{Error, Result};
use crate::model::{DecisionOutcome, new_id, now_rfc3339, text::clean};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::model::{DecisionDraft, DecisionTarget};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionRow {
    pub id: String,
    pub outcome: DecisionOutcome,
    /// `card` or `topic`.
    pub target_kind: String,
    pub target_id: String,
    /// The card's text or the topic's label.
    pub target_label: String,
    pub rationale: String,
    pub votes_for: Option<i64>,
    pub votes_against: Option<i64>,
    pub votes_abstain: Option<i64>,
    pub decided_on: Option<String>,
    pub entered_by: Option<String>,
    pub created_at: String,
    /// False when a later decision on the same card or topic replaced it, or when it
    /// was retracted.
    pub current: bool,
    /// When the decision was withdrawn (undone); it stays in the log.
    pub retracted_at: Option<String>,
}

/// A decision row with what it is about; `current` is false once a later live decision
/// on the same card or topic replaced it.
const DECISION_SELECT: &str = "SELECT d.id, d.outcome,
        CASE WHEN d.card_id IS NULL THEN 'topic' ELSE 'card' END,
        coalesce(d.card_id, d.topic_id), coalesce(c.text, t.label, ''),
        d.rationale, d.votes_for, d.votes_against, d.votes_abstain, d.decided_on,
        d.entered_by, d.created_at,
        d.retracted_at IS NULL AND NOT EXISTS (SELECT 1 FROM decision e
            WHERE coalesce(e.card_id, e.topic_id) = coalesce(d.card_id, d.topic_id)
              AND e.retracted_at IS NULL
              AND (e.created_at, e.id) > (d.created_at, d.id)),
        d.retracted_at
    FROM decision d
    LEFT JOIN card c ON c.id = d.card_id
    LEFT JOIN session s ON s.id = c.session_id
    LEFT JOIN topic t ON t.id = d.topic_id";

fn decision_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<DecisionRow> {
    let outcome: String = r.get(1)?;
    Ok(DecisionRow {
        id: r.get(0)?,
        outcome: outcome.parse().unwrap_or(DecisionOutcome::Postponed),
        target_kind: r.get(2)?,
        target_id: r.get(3)?,
        target_label: r.get(4)?,
        rationale: r.get(5)?,
        votes_for: r.get(6)?,
        votes_against: r.get(7)?,
        votes_abstain: r.get(8)?,
        decided_on: r.get(9)?,
        entered_by: r.get(10)?,
        created_at: r.get(11)?,
        current: r.get(12)?,
        retracted_at: r.get(13)?,
    })
}

impl Store {
    pub fn decide(
        &mut self,
        target: &DecisionTarget,
        outcome: DecisionOutcome,
        draft: &DecisionDraft,
    ) -> Result<DecisionRow> {
        for (name, v) in [
            ("for", draft.votes_for),
            ("against", draft.votes_against),
            ("abstain", draft.votes_abstain),
        ] {
            if v.is_some_and(|v| v < 0) {
                return Err(Error::Invalid(format!("votes {name} cannot be negative")));
            }
        }
        if let Some(d) = &draft.decided_on {
            let fmt = time::macros::format_description!("[year]-[month]-[day]");
            time::Date::parse(d, &fmt).map_err(|_| {
                Error::Invalid(format!("date {d:?} is not a valid YYYY-MM-DD date"))
            })?;
        }
        let (card, topic) = match target {
            DecisionTarget::Card(c) => (Some(self.card(c)?.id), None),
            DecisionTarget::Topic(t) => (None, Some(self.topic(t)?.id)),
        };
        let id = new_id();
        self.conn.execute(
            "INSERT INTO decision (id, card_id, topic_id, outcome, rationale, votes_for, votes_against,
                 votes_abstain, decided_on, entered_by, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                id,
                card,
                topic,
                outcome.as_str(),
                clean(&draft.rationale),
                draft.votes_for,
                draft.votes_against,
                draft.votes_abstain,
                draft.decided_on,
                self.actor,
                now_rfc3339()
            ],
        )?;
        self.decisions()?
            .into_iter()
            .find(|d| d.id == id)
            .ok_or_else(|| Error::NotFound("the new decision vanished".into()))
    }

    /// Withdraws a decision (the undo of `decide`): the row stays in the log, marked,
    /// and the decision before it counts again.
    pub fn retract_decision(&mut self, id: &str) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE decision SET retracted_at = ?2 WHERE id = ?1 AND retracted_at IS NULL",
            params![id, now_rfc3339()],
        )?;
        if n == 0 {
            return Err(Error::NotFound(format!("no live decision with id {id}")));
        }
        Ok(())
    }

    /// The decision log of the current consultation, newest first.
    pub fn decisions(&self) -> Result<Vec<DecisionRow>> {
        let sql = format!(
            "{DECISION_SELECT}
             WHERE coalesce(s.consultation_id, t.consultation_id) =
                   (SELECT id FROM consultation ORDER BY created_at DESC, id DESC LIMIT 1)
             ORDER BY d.created_at DESC, d.id DESC"
        );
        let mut st = self.conn.prepare(&sql)?;
        let rows = st.query_map([], decision_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The decision that counts for a card: its own latest live one, else its topic's
    /// (as a card's `decision` field says), with the rationale and the vote.
    pub fn card_decision(&self, card_id: &str) -> Result<Option<DecisionRow>> {
        let sql = format!(
            "{DECISION_SELECT}
             WHERE d.id = coalesce(
                (SELECT e.id FROM decision e WHERE e.card_id = ?1 AND e.retracted_at IS NULL
                 ORDER BY e.created_at DESC, e.id DESC LIMIT 1),
                (SELECT e.id FROM decision e
                 JOIN membership m ON m.topic_id = e.topic_id AND m.card_id = ?1
                 JOIN topic u ON u.id = m.topic_id AND u.deleted_at IS NULL
                 WHERE e.retracted_at IS NULL
                 ORDER BY e.created_at DESC, e.id DESC LIMIT 1))"
        );
        Ok(self
            .conn
            .query_row(&sql, [card_id], decision_from_row)
            .optional()?)
    }
}
