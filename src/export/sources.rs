//! Traceability parts of the document: the source table (one row per card: what happened
//! to it and where it was used) and the coverage check.

use crate::model::{
    CardView, DecisionView, ExportView, Lang, Numbering, SectionLevel, SectionView, SessionView,
};
use std::collections::HashMap;
use std::fmt::Write as _;

#[derive(Debug, Clone, PartialEq)]
pub struct SourceRow {
    pub card_id: String,
    pub reference: String,
    pub text: String,
    pub session: String,
    pub kind: String,
    pub topic: String,
    /// Translated outcome with votes and rationale, or "no decision".
    pub decision: String,
    /// Citations of the provisions that use the card, or a dash.
    pub where_used: String,
    pub adopted: bool,
}

impl SourceRow {
    /// The row's cells, in the order of [`Labels::source_columns`](super::lang::Labels::source_columns).
    pub fn cells(&self) -> [&str; 7] {
        [
            &self.reference,
            &self.text,
            &self.session,
            &self.kind,
            &self.topic,
            &self.decision,
            &self.where_used,
        ]
    }
}

/// What the outline does not cover yet.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Coverage {
    /// Chapters without any adopted source in them: `Rozdział 3 — Lista poparcia`.
    pub uncovered_chapters: Vec<String>,
    /// Leaf provisions with neither drafted text nor sources.
    pub empty_provisions: Vec<String>,
    /// Adopted cards that no provision uses: `K-9 — text`.
    pub unused_adopted: Vec<String>,
    /// References of cards that have no decision yet.
    pub undecided: Vec<String>,
}

/// `Warsztat 2 (grupa robocza, 2026-03-14)`.
pub(crate) fn session_label(session: Option<&SessionView>, lang: Lang) -> String {
    let Some(s) = session else {
        return "?".into();
    };
    let mut extra = vec![lang.session_kind(&s.kind)];
    if let Some(d) = s.date.as_deref().filter(|d| !d.is_empty()) {
        extra.push(d.to_string());
    }
    format!("{} ({})", s.title, extra.join(", "))
}

/// `przyjęta (za 5, przeciw 1, wstrzymało się 0): uzasadnienie`.
pub(crate) fn decision_text(decision: Option<&DecisionView>, lang: Lang) -> String {
    let words = lang.labels();
    let Some(d) = decision else {
        return words.no_decision.to_string();
    };
    let mut out = lang.outcome(&d.outcome);
    let votes: Vec<String> = [
        (words.votes_for, d.votes_for),
        (words.votes_against, d.votes_against),
        (words.votes_abstain, d.votes_abstain),
    ]
    .iter()
    .filter_map(|(w, n)| n.map(|n| format!("{w} {n}")))
    .collect();
    if !votes.is_empty() {
        let _ = write!(out, " ({})", votes.join(", "));
    }
    if let Some(on) = d.decided_on.as_deref().filter(|s| !s.is_empty()) {
        let _ = write!(out, ", {on}");
    }
    if !d.rationale.trim().is_empty() {
        out.push_str(": ");
        out.push_str(d.rationale.trim());
    }
    out
}

/// For each card id, the citations of the sections that list it as a source.
pub(crate) fn where_used(
    sections: &[SectionView],
    numbering: &Numbering,
    cards: &HashMap<&str, &CardView>,
) -> HashMap<String, Vec<String>> {
    fn walk(
        s: &SectionView,
        numbering: &Numbering,
        cards: &HashMap<&str, &CardView>,
        out: &mut HashMap<String, Vec<String>>,
    ) {
        if let Some(cite) = numbering.citation(&s.id) {
            for id in &s.source_card_ids {
                if !cards.contains_key(id.as_str()) {
                    continue;
                }
                let list = out.entry(id.clone()).or_default();
                if !list.iter().any(|c| c == cite) {
                    list.push(cite.to_string());
                }
            }
        }
        for c in &s.children {
            walk(c, numbering, cards, out);
        }
    }
    let mut out = HashMap::new();
    for s in sections {
        walk(s, numbering, cards, &mut out);
    }
    out
}

pub(crate) fn source_rows(
    view: &ExportView,
    lang: Lang,
    where_used: &HashMap<String, Vec<String>>,
) -> Vec<SourceRow> {
    let sessions: HashMap<&str, &SessionView> =
        view.sessions.iter().map(|s| (s.id.as_str(), s)).collect();
    let topics: HashMap<&str, &str> = view
        .topics
        .iter()
        .map(|t| (t.id.as_str(), t.label.as_str()))
        .collect();
    let dash = lang.labels().not_used;
    view.cards
        .iter()
        .map(|c| SourceRow {
            card_id: c.id.clone(),
            reference: c.reference.clone(),
            text: c.text.clone(),
            session: session_label(sessions.get(c.session_id.as_str()).copied(), lang),
            kind: lang.kind(&c.kind),
            topic: c
                .topic_id
                .as_deref()
                .and_then(|t| topics.get(t).copied())
                .unwrap_or(dash)
                .to_string(),
            decision: decision_text(c.decision.as_ref(), lang),
            where_used: where_used
                .get(&c.id)
                .map_or_else(|| dash.to_string(), |l| l.join(", ")),
            adopted: c.decision.as_ref().is_some_and(DecisionView::is_adopted),
        })
        .collect()
}

/// `is_final` recognises the chapter that receives the fixed final provisions; it is not
/// reported as lacking recommendations, since it is not meant to have any.
pub(crate) fn coverage(
    view: &ExportView,
    is_final: &dyn Fn(&str) -> bool,
    numbering: &Numbering,
    cards: &HashMap<&str, &CardView>,
    where_used: &HashMap<String, Vec<String>>,
) -> Coverage {
    let mut cov = Coverage::default();
    let mut stack: Vec<&SectionView> = view.sections.iter().rev().collect();
    while let Some(s) = stack.pop() {
        let cite = numbering.citation(&s.id).unwrap_or_default();
        if s.level == SectionLevel::Chapter && !has_sources(s, cards) && !is_final(&s.heading) {
            cov.uncovered_chapters.push(titled(cite, &s.heading));
        }
        let no_text = s.draft_text.trim().is_empty();
        if s.level != SectionLevel::Chapter
            && s.children.is_empty()
            && no_text
            && !s
                .source_card_ids
                .iter()
                .any(|id| cards.contains_key(id.as_str()))
        {
            cov.empty_provisions.push(titled(cite, &s.heading));
        }
        stack.extend(s.children.iter().rev());
    }
    for c in &view.cards {
        match &c.decision {
            None => cov.undecided.push(c.reference.clone()),
            Some(d) if d.is_adopted() && !where_used.contains_key(&c.id) => {
                cov.unused_adopted
                    .push(format!("{} — {}", c.reference, shorten(&c.text, 120)));
            }
            Some(_) => {}
        }
    }
    cov
}

fn has_sources(s: &SectionView, cards: &HashMap<&str, &CardView>) -> bool {
    s.source_card_ids
        .iter()
        .any(|id| cards.contains_key(id.as_str()))
        || s.children.iter().any(|c| has_sources(c, cards))
}

fn titled(cite: &str, heading: &str) -> String {
    if heading.trim().is_empty() {
        cite.to_string()
    } else {
        format!("{cite} — {}", heading.trim())
    }
}

/// At most `max` characters, cut at a character boundary with an ellipsis.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shorten_cuts_on_characters() {
        assert_eq!(shorten("zażółć  gęślą", 20), "zażółć gęślą");
        assert_eq!(shorten("zażółć gęślą jaźń", 8), "zażółć…");
    }
}
