//! Traceability parts of the document: the source table (one row per card: its decision
//! and its fate) and the coverage check, both read from the model's one assessment of
//! the view (`model::coverage::assess`).

use crate::model::coverage::Assessment;
use crate::model::{
    CardView, DecisionView, ExportView, Fate, FateKind, FateTally, Lang, Numbering, SectionView,
    SessionView,
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
    pub fate: Fate,
    /// The fate in words, short: the decision's rationale is in `decision`.
    pub fate_text: String,
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
            &self.fate_text,
        ]
    }
}

/// What the outline does not cover yet, and what became of the cards.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Coverage {
    /// Chapters and § without any adopted source in them: `Rozdział 3 — Lista poparcia`.
    pub uncovered: Vec<String>,
    /// Leaf provisions with neither drafted text nor sources.
    pub empty_provisions: Vec<String>,
    /// Adopted cards that no provision uses: `K-9 — text`.
    pub unused_adopted: Vec<String>,
    /// References of cards that have no decision yet.
    pub undecided: Vec<String>,
    /// `odrzucone: 2`, one line per fate that occurs.
    pub fates: Vec<String>,
    pub tally: FateTally,
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
    let Some(d) = decision else {
        return lang.labels().no_decision.to_string();
    };
    let mut out = decision_head(d, lang);
    if !d.rationale.trim().is_empty() {
        out.push_str(": ");
        out.push_str(d.rationale.trim());
    }
    out
}

/// The outcome with its votes and date, without the rationale.
fn decision_head(d: &DecisionView, lang: Lang) -> String {
    let words = lang.labels();
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
    out
}

/// The table's decision cell: a rationale shared by many cards (a topic's decision) is
/// printed in full at its first card only; later cards point to that row, so the table
/// does not repeat the same paragraph page after page.
fn decision_cell(
    decision: Option<&DecisionView>,
    reference: &str,
    printed: &mut HashMap<String, String>,
    lang: Lang,
) -> String {
    let full = decision_text(decision, lang);
    let Some(d) = decision.filter(|d| !d.rationale.trim().is_empty()) else {
        return full;
    };
    if let Some(first) = printed.get(&full) {
        return format!(
            "{}; {} {first}",
            decision_head(d, lang),
            lang.labels().same_rationale
        );
    }
    printed.insert(full.clone(), reference.to_owned());
    full
}

pub(crate) fn source_rows(view: &ExportView, lang: Lang, assessed: &Assessment) -> Vec<SourceRow> {
    let sessions: HashMap<&str, &SessionView> =
        view.sessions.iter().map(|s| (s.id.as_str(), s)).collect();
    let topics: HashMap<&str, &str> = view
        .topics
        .iter()
        .map(|t| (t.id.as_str(), t.label.as_str()))
        .collect();
    let dash = lang.labels().not_used;
    let mut printed = HashMap::new();
    view.cards
        .iter()
        .zip(&assessed.fates)
        .map(|(c, fate)| SourceRow {
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
            decision: decision_cell(c.decision.as_ref(), &c.reference, &mut printed, lang),
            fate_text: lang.fate_brief(fate),
            fate: fate.clone(),
        })
        .collect()
}

/// The assessment's coverage in the document's words.
pub(crate) fn coverage(
    view: &ExportView,
    lang: Lang,
    numbering: &Numbering,
    assessed: &Assessment,
) -> Coverage {
    let mut sections: HashMap<&str, &SectionView> = HashMap::new();
    let mut stack: Vec<&SectionView> = view.sections.iter().collect();
    while let Some(s) = stack.pop() {
        sections.insert(&s.id, s);
        stack.extend(&s.children);
    }
    let cards: HashMap<&str, &CardView> = view.cards.iter().map(|c| (c.id.as_str(), c)).collect();
    let section_titles = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .filter_map(|id| {
                let s = sections.get(id.as_str())?;
                Some(titled(
                    numbering.citation(id).unwrap_or_default(),
                    &s.heading,
                ))
            })
            .collect()
    };
    let c = &assessed.coverage;
    Coverage {
        uncovered: section_titles(&c.uncovered),
        empty_provisions: section_titles(&c.empty_provisions),
        unused_adopted: c
            .unused_adopted
            .iter()
            .filter_map(|id| cards.get(id.as_str()))
            .map(|c| format!("{} — {}", c.reference, shorten(&c.text, 120)))
            .collect(),
        undecided: c
            .undecided
            .iter()
            .filter_map(|id| cards.get(id.as_str()))
            .map(|c| c.reference.clone())
            .collect(),
        fates: FateKind::ALL
            .iter()
            .filter(|k| c.tally.get(**k) > 0)
            .map(|k| format!("{}: {}", k.name(lang), c.tally.get(*k)))
            .collect(),
        tally: c.tally,
    }
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
    fn a_shared_rationale_is_printed_once_then_pointed_to() {
        let d = DecisionView {
            outcome: "adopted".into(),
            rationale: "Długie uzasadnienie tematu.".into(),
            votes_for: Some(5),
            votes_against: None,
            votes_abstain: None,
            decided_on: None,
        };
        let mut printed = HashMap::new();
        let first = decision_cell(Some(&d), "#4", &mut printed, Lang::Pl);
        let second = decision_cell(Some(&d), "#9", &mut printed, Lang::Pl);
        assert!(first.ends_with(": Długie uzasadnienie tematu."), "{first}");
        assert!(second.ends_with("; uzasadnienie jak przy #4"), "{second}");
        assert!(!second.contains("Długie"), "{second}");
        // No rationale, nothing to point to.
        let bare = DecisionView {
            rationale: String::new(),
            ..d
        };
        let a = decision_cell(Some(&bare), "#5", &mut printed, Lang::Pl);
        assert_eq!(a, decision_cell(Some(&bare), "#6", &mut printed, Lang::Pl));
    }

    #[test]
    fn shorten_cuts_on_characters() {
        assert_eq!(shorten("zażółć  gęślą", 20), "zażółć gęślą");
        assert_eq!(shorten("zażółć gęślą jaźń", 8), "zażółć…");
    }
}
