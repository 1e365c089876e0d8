//! The flat card table that CSV/JSON exports write: each card with its session, topic
//! and the working group's latest decision on it (or on its topic).

use super::{CardFilter, Store};
use crate::error::Result;
use crate::model::ExportRow;
use std::collections::HashMap;

/// Latest decision fields, keyed by card id or topic id.
type Decisions = HashMap<String, (String, String)>;

fn latest_decisions(store: &Store, column: &str) -> Result<Decisions> {
    let sql = format!(
        "SELECT {column}, outcome, rationale FROM decision WHERE {column} IS NOT NULL AND retracted_at IS NULL
         ORDER BY created_at, id"
    );
    let mut st = store.conn.prepare(&sql)?;
    let rows = st.query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?;
    // Later rows overwrite earlier ones, leaving the newest decision.
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    pub fn export_rows(
        &mut self,
        session_id: Option<&str>,
        with_entered_by: bool,
    ) -> Result<Vec<ExportRow>> {
        let cards = self.cards(&CardFilter {
            session_id: session_id.map(str::to_owned),
            ..CardFilter::default()
        })?;
        let sessions: HashMap<String, crate::model::Session> = self
            .sessions()?
            .into_iter()
            .map(|s| (s.id.clone(), s))
            .collect();
        let by_card = latest_decisions(self, "card_id")?;
        // Where each card was used: the sections it is a source of.
        let outline = self.outline()?;
        let mut used_in: HashMap<String, Vec<String>> = HashMap::new();
        for (section, cards) in self.section_sources()? {
            let Some(s) = outline.iter().find(|s| s.id == section) else {
                continue;
            };
            for c in cards {
                used_in.entry(c).or_default().push(s.citation.clone());
            }
        }
        let fates: HashMap<String, crate::model::FateKind> = self
            .card_fates()?
            .into_iter()
            .map(|(id, f)| (id, f.kind()))
            .collect();
        let by_topic = latest_decisions(self, "topic_id")?;
        let mut st = self
            .conn
            .prepare("SELECT card_id, topic_id FROM membership")?;
        let topic_of: HashMap<String, String> = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(cards
            .into_iter()
            .map(|c| {
                let session = sessions.get(&c.session_id);
                let decision = by_card
                    .get(&c.id)
                    .or_else(|| topic_of.get(&c.id).and_then(|t| by_topic.get(t)));
                let sections = used_in.remove(&c.id).unwrap_or_default();
                let fate = fates
                    .get(&c.id)
                    .map_or("undecided", |f| f.as_str())
                    .to_owned();
                ExportRow {
                    id: c.id,
                    number: c.seq,
                    external_id: c.external_id,
                    session: c.session,
                    session_kind: session.map(|s| s.kind.as_str().to_owned()),
                    session_date: session.and_then(|s| s.date.clone()),
                    activity: c.activity,
                    kind: c.kind.as_str().to_owned(),
                    text: c.text,
                    speaker: c.speaker,
                    tags: c.tags,
                    votes: c.votes,
                    topic: c.topic,
                    decision: decision.map(|d| d.0.clone()),
                    rationale: decision.map(|d| d.1.clone()).filter(|r| !r.is_empty()),
                    sections,
                    fate,
                    created_at: c.created_at,
                    updated_at: c.updated_at,
                    entered_by: if with_entered_by { c.entered_by } else { None },
                }
            })
            .collect())
    }
}
