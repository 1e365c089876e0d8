//! What the outline draws on: the adopted cards behind each section, and what is
//! covered and what is missing.

use super::Store;
use super::outline::SectionRow;
use crate::error::Result;
use crate::model::SectionLevel;
use serde::Serialize;
use std::collections::BTreeMap;

/// What the outline covers and what it misses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// Chapters and § with no adopted recommendation in them (or below them).
    pub uncovered: Vec<SectionRow>,
    /// Adopted cards not mapped to any section, directly or through their topic.
    pub unmapped_adopted: Vec<crate::model::Card>,
    /// `uncovered` as a list reads it, each § under its own chapter: `(section, true)`
    /// for an uncovered one, `(chapter, false)` for a covered chapter that heads its
    /// uncovered § (without it they would read as part of the chapter listed before).
    /// The JSON leaves it out: `parent_id` already says where a § belongs.
    #[serde(skip)]
    pub grouped: Vec<(SectionRow, bool)>,
}

impl Store {
    /// Adopted (or adopted-in-part) live cards mapped to each section, directly or through
    /// a topic, in entry order: the sources of each provision.
    pub fn section_sources(&mut self) -> Result<BTreeMap<String, Vec<String>>> {
        let sections = self.outline()?;
        let cards = self.cards(&super::CardFilter::default())?;
        let topic_of = self.card_topics()?;
        let adopted: Vec<&crate::model::Card> = cards
            .iter()
            .filter(|c| {
                c.decision
                    .is_some_and(crate::model::DecisionOutcome::is_adopted)
            })
            .collect();
        let mut out = BTreeMap::new();
        for s in &sections {
            let ids: Vec<String> = adopted
                .iter()
                .filter(|c| {
                    s.card_ids.contains(&c.id)
                        || topic_of.get(&c.id).is_some_and(|t| s.topic_ids.contains(t))
                })
                .map(|c| c.id.clone())
                .collect();
            out.insert(s.id.clone(), ids);
        }
        Ok(out)
    }

    /// Card id → topic id for every placed card.
    pub fn card_topics(&self) -> Result<BTreeMap<String, String>> {
        let mut st = self.conn.prepare(
            "SELECT m.card_id, m.topic_id FROM membership m JOIN topic t ON t.id = m.topic_id
             WHERE t.deleted_at IS NULL",
        )?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn coverage(&mut self) -> Result<Coverage> {
        let sections = self.outline()?;
        let sources = self.section_sources()?;
        // A chapter or § is covered when it or any section below it has sources.
        let mut covered = vec![false; sections.len()];
        for (i, s) in sections.iter().enumerate() {
            if sources.get(&s.id).is_some_and(|v| !v.is_empty()) {
                covered[i] = true;
                let mut depth = s.depth;
                for j in (0..i).rev() {
                    if sections[j].depth < depth {
                        covered[j] = true;
                        depth = sections[j].depth;
                    }
                }
            }
        }
        let mut uncovered = Vec::new();
        let mut grouped = Vec::new();
        // The chapter the walk is in, and whether it has been listed yet.
        let mut chapter: Option<(&SectionRow, bool)> = None;
        for (s, c) in sections.iter().zip(&covered) {
            match s.level {
                SectionLevel::Chapter => chapter = Some((s, false)),
                SectionLevel::Paragraph => {}
                SectionLevel::Ust | SectionLevel::Pkt | SectionLevel::Lit | SectionLevel::Tiret => {
                    continue;
                }
            }
            if *c {
                continue;
            }
            if let Some((ch, listed)) = chapter.as_mut()
                && !*listed
            {
                *listed = true;
                if ch.id != s.id {
                    grouped.push(((*ch).clone(), false));
                }
            }
            uncovered.push(s.clone());
            grouped.push((s.clone(), true));
        }
        let used: std::collections::BTreeSet<&String> = sources.values().flatten().collect();
        let unmapped_adopted = self
            .cards(&super::CardFilter::default())?
            .into_iter()
            .filter(|c| {
                c.decision
                    .is_some_and(crate::model::DecisionOutcome::is_adopted)
                    && !used.contains(&c.id)
            })
            .collect();
        Ok(Coverage {
            uncovered,
            unmapped_adopted,
            grouped,
        })
    }
}
