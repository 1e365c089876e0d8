//! Fills the export view that the document writers render.

use super::decisions::DecisionRow;
use super::{CardFilter, Store};
use crate::error::Result;
use crate::model::{
    CardView, ConsultationView, DecisionView, DocumentSettings, ExportView, SessionView, TopicView,
};
use std::collections::BTreeMap;

fn decision_view(d: &DecisionRow) -> DecisionView {
    DecisionView {
        outcome: d.outcome.as_str().to_owned(),
        rationale: d.rationale.clone(),
        votes_for: d.votes_for,
        votes_against: d.votes_against,
        votes_abstain: d.votes_abstain,
        decided_on: d.decided_on.clone(),
    }
}

impl Store {
    /// Everything the resolution outline, the source table and the reports need.
    /// With `session_id`, only that session's cards are included.
    pub fn export_view(
        &mut self,
        session_id: Option<&str>,
        generated_on: &str,
    ) -> Result<ExportView> {
        let c = self.consultation()?;
        let settings = self.consultation_settings()?.resolve(&c.city);
        let rows = self.outline()?;
        let mut sources = self.section_sources()?;
        let all_cards = self.cards(&CardFilter {
            session_id: session_id.map(str::to_owned),
            include_deleted: true,
            ..CardFilter::default()
        })?;
        // Every card keeps its place in the documents with its fate, except the results
        // of a merge or split that was undone: they never were inputs.
        let fates = self.card_fate_data()?;
        let cards: Vec<_> = all_cards
            .into_iter()
            .filter(|c| !fates.undone(&c.id))
            .collect();
        // Provisions cite live cards only.
        let in_scope: std::collections::BTreeSet<&str> = cards
            .iter()
            .filter(|c| c.deleted_at.is_none() && c.superseded_by.is_none())
            .map(|c| c.id.as_str())
            .collect();
        for ids in sources.values_mut() {
            ids.retain(|id| in_scope.contains(id.as_str()));
        }
        let topic_of = self.card_topics()?;
        let decisions = self.decisions()?;
        let current: BTreeMap<&str, &DecisionRow> = decisions
            .iter()
            .filter(|d| d.current)
            .map(|d| (d.target_id.as_str(), d))
            .collect();
        let card_views = cards
            .iter()
            .map(|card| {
                let topic_id = topic_of.get(&card.id).cloned();
                let decision = current
                    .get(card.id.as_str())
                    .or_else(|| topic_id.as_deref().and_then(|t| current.get(t)))
                    .map(|d| decision_view(d));
                CardView {
                    id: card.id.clone(),
                    reference: card
                        .external_id
                        .clone()
                        .unwrap_or_else(|| format!("#{}", card.seq)),
                    text: card.text.clone(),
                    kind: card.kind.as_str().to_owned(),
                    session_id: card.session_id.clone(),
                    topic_id,
                    votes: card.votes,
                    decision,
                    gone: fates.gone(card),
                }
            })
            .collect();
        let sessions = self
            .sessions()?
            .into_iter()
            .filter(|s| session_id.is_none_or(|id| id == s.id))
            .map(|s| SessionView {
                id: s.id,
                title: s.title,
                kind: s.kind.as_str().to_owned(),
                date: s.date,
                place: s.place,
                participants: s.participants,
                activities: s.activities.into_iter().map(|a| a.name).collect(),
            })
            .collect();
        let topics = self
            .topics()?
            .into_iter()
            .map(|t| TopicView {
                decision: current.get(t.id.as_str()).map(|d| decision_view(d)),
                id: t.id,
                label: t.label,
            })
            .collect();
        Ok(ExportView {
            consultation: ConsultationView {
                settings: DocumentSettings::new(&settings, &c.city),
                title: c.title,
                city: c.city,
                year: c.year,
                language: c.language,
            },
            generated_on: generated_on.to_owned(),
            session_scope: session_id.map(str::to_owned),
            sections: super::outline::nest(&rows, &sources),
            sessions,
            topics,
            cards: card_views,
        })
    }
}
