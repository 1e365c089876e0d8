//! What the outline draws on: the adopted cards behind each section, and what is
//! covered and what is missing — the model's one assessment (`model::coverage`) over
//! the export view, with the rows the interface and the command line show.

use super::Store;
use super::outline::SectionRow;
use crate::error::Result;
use crate::model::coverage::{Assessment, assess, is_default_final_chapter};
use crate::model::{ExportView, Fate, FateTally, Lang, Numbering, SectionLevel};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

/// What the outline covers and misses, and what became of every card.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Coverage {
    /// Chapters and § with no adopted recommendation in them (or below them).
    pub uncovered: Vec<SectionRow>,
    /// Provisions with neither drafted text nor sources.
    pub empty_provisions: Vec<SectionRow>,
    /// Adopted cards no provision uses yet (merged or split originals never are).
    pub unused_adopted: Vec<CardLine>,
    /// Cards with no decision yet.
    pub undecided: Vec<CardLine>,
    /// How many cards have each fate.
    pub tally: FateTally,
    /// `uncovered` as a list reads it, each § under its own chapter: `(section, true)`
    /// for an uncovered one, `(chapter, false)` for a covered chapter that heads its
    /// uncovered § (without it they would read as part of the chapter listed before).
    /// The JSON leaves it out: `parent_id` already says where a § belongs.
    #[serde(skip)]
    pub grouped: Vec<(SectionRow, bool)>,
    /// Every card's id and fate, in entry order.
    #[serde(skip)]
    pub fates: Vec<(String, Fate)>,
}

/// A card as a coverage list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CardLine {
    pub id: String,
    /// `#12`, or the imported id.
    pub reference: String,
    pub text: String,
}

impl Store {
    /// Adopted (or adopted-in-part) live cards meant as rules (recommendations,
    /// expectations, proposals) mapped to each section, directly or through a topic, in
    /// entry order: the sources of each provision.
    pub fn section_sources(&mut self) -> Result<BTreeMap<String, Vec<String>>> {
        let sections = self.outline()?;
        let cards = self.cards(&super::CardFilter::default())?;
        let topic_of = self.card_topics()?;
        let adopted: Vec<&crate::model::Card> = cards
            .iter()
            .filter(|c| {
                crate::model::fate::is_rule_kind(c.kind.as_str())
                    && c.decision
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

    /// The whole consultation's view and its one assessment.
    fn assessed(&mut self) -> Result<(ExportView, Assessment)> {
        let view = self.export_view(None, "")?;
        let lang = Lang::from_tag(&view.consultation.language).unwrap_or(Lang::Pl);
        let numbering = Numbering::new(&view.sections, lang);
        let a = assess(&view, &numbering, &is_default_final_chapter);
        Ok((view, a))
    }

    /// Every card's id and fate, in entry order.
    pub fn card_fates(&mut self) -> Result<Vec<(String, Fate)>> {
        let (view, a) = self.assessed()?;
        Ok(view.cards.into_iter().map(|c| c.id).zip(a.fates).collect())
    }

    pub fn coverage(&mut self) -> Result<Coverage> {
        let (view, a) = self.assessed()?;
        let rows = self.outline()?;
        let by_id: HashMap<&str, &SectionRow> = rows.iter().map(|r| (r.id.as_str(), r)).collect();
        let section_rows = |ids: &[String]| -> Vec<SectionRow> {
            ids.iter()
                .filter_map(|id| by_id.get(id.as_str()).map(|r| (*r).clone()))
                .collect()
        };
        let cards: HashMap<&str, CardLine> = view
            .cards
            .iter()
            .map(|c| {
                let line = CardLine {
                    id: c.id.clone(),
                    reference: c.reference.clone(),
                    text: c.text.clone(),
                };
                (c.id.as_str(), line)
            })
            .collect();
        let card_lines = |ids: &[String]| -> Vec<CardLine> {
            ids.iter()
                .filter_map(|id| cards.get(id.as_str()).cloned())
                .collect()
        };
        let c = &a.coverage;
        Ok(Coverage {
            grouped: grouped(&rows, &c.uncovered),
            uncovered: section_rows(&c.uncovered),
            empty_provisions: section_rows(&c.empty_provisions),
            unused_adopted: card_lines(&c.unused_adopted),
            undecided: card_lines(&c.undecided),
            tally: c.tally,
            fates: view
                .cards
                .iter()
                .map(|c| c.id.clone())
                .zip(a.fates)
                .collect(),
        })
    }
}

/// The uncovered sections in outline order, each § preceded by its covered chapter
/// the first time one of that chapter's § is listed.
fn grouped(rows: &[SectionRow], uncovered: &[String]) -> Vec<(SectionRow, bool)> {
    let wanted: HashSet<&str> = uncovered.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    // The chapter the walk is in, and whether it has been listed yet.
    let mut chapter: Option<(&SectionRow, bool)> = None;
    for s in rows {
        if s.level == SectionLevel::Chapter {
            chapter = Some((s, false));
        }
        if !wanted.contains(s.id.as_str()) {
            continue;
        }
        if let Some((ch, listed)) = chapter.as_mut()
            && !*listed
        {
            *listed = true;
            if ch.id != s.id {
                out.push(((*ch).clone(), false));
            }
        }
        out.push((s.clone(), true));
    }
    out
}
