//! What the outline covers, computed once from the export view so that the interface,
//! `narada outline coverage`, the draft's coverage section and the consultation report
//! give the same lists and the same numbers.

use super::export_view::{CardView, ExportView, SectionView};
use super::fate::{Fate, FateKind, FateTally, citations, fate_of};
use super::numbering::Numbering;
use super::outline::{DEFAULT_CHAPTERS, SectionLevel};
use serde::Serialize;
use std::collections::HashMap;

/// Every card's fate and the outline's coverage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// The fate of each card of the view, in the view's order.
    pub fates: Vec<Fate>,
    /// For each cited card id, the provisions citing it.
    #[serde(skip)]
    pub citations: HashMap<String, Vec<String>>,
    pub coverage: Coverage,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Coverage {
    /// Chapters and § with no source in them or below them, in document order; the
    /// final chapter is left out (it is not meant to have any).
    pub uncovered: Vec<String>,
    /// Provisions without children, drafted text or sources: printed as placeholders.
    pub empty_provisions: Vec<String>,
    /// Cards whose fate is "adopted but not used yet", in entry order.
    pub unused_adopted: Vec<String>,
    /// Cards with no decision yet, in entry order.
    pub undecided: Vec<String>,
    pub tally: FateTally,
}

/// The final chapter of the default skeleton, in either language.
pub fn is_default_final_chapter(heading: &str) -> bool {
    let h = heading.trim().to_lowercase();
    DEFAULT_CHAPTERS.last().is_some_and(|c| {
        [c.heading_pl, c.heading_en]
            .iter()
            .any(|n| n.to_lowercase() == h)
    })
}

/// Assesses every card and section of `view`. `is_final` recognises the chapter of the
/// fixed final provisions by its heading.
pub fn assess(
    view: &ExportView,
    numbering: &Numbering,
    is_final: &dyn Fn(&str) -> bool,
) -> Assessment {
    let cards: HashMap<&str, &CardView> = view.cards.iter().map(|c| (c.id.as_str(), c)).collect();
    let citations = citations(&view.sections, numbering, &cards);
    let fates: Vec<Fate> = view
        .cards
        .iter()
        .map(|c| fate_of(c, citations.get(&c.id)))
        .collect();
    let mut coverage = Coverage {
        tally: FateTally::of(&fates),
        ..Coverage::default()
    };
    for (card, fate) in view.cards.iter().zip(&fates) {
        match fate.kind() {
            FateKind::AdoptedUnused => coverage.unused_adopted.push(card.id.clone()),
            FateKind::Undecided => coverage.undecided.push(card.id.clone()),
            _ => {}
        }
    }
    let cited = |s: &SectionView| {
        s.source_card_ids
            .iter()
            .any(|id| citations.contains_key(id))
    };
    for s in &view.sections {
        let listed = !(s.level == SectionLevel::Chapter && is_final(&s.heading));
        walk(s, listed, &cited, &mut coverage);
    }
    Assessment {
        fates,
        citations,
        coverage,
    }
}

/// Whether `s` or anything below it has a source; records what is missing on the way.
/// `listed`: uncovered chapters and § and empty provisions here are reported.
fn walk(
    s: &SectionView,
    listed: bool,
    cited: &dyn Fn(&SectionView) -> bool,
    out: &mut Coverage,
) -> bool {
    let at = out.uncovered.len();
    let own = cited(s);
    // The final chapter's provisions are the template's sentences (the document fills
    // its empty skeleton § with them): they are never reported as empty.
    if listed
        && s.level != SectionLevel::Chapter
        && s.children.is_empty()
        && s.draft_text.trim().is_empty()
        && !own
    {
        out.empty_provisions.push(s.id.clone());
    }
    let mut any = own;
    for c in &s.children {
        any |= walk(c, listed, cited, out);
    }
    let counted = matches!(s.level, SectionLevel::Chapter | SectionLevel::Paragraph);
    if listed && counted && !any {
        // Before its own §, which were listed while walking below it.
        out.uncovered.insert(at, s.id.clone());
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ConsultationView, DecisionView, Gone, Lang};

    fn section(id: &str, level: SectionLevel, text: &str, sources: &[&str]) -> SectionView {
        SectionView {
            id: id.into(),
            level,
            heading: id.into(),
            draft_text: text.into(),
            topic_ids: vec![],
            source_card_ids: sources.iter().map(|s| (*s).to_owned()).collect(),
            children: vec![],
        }
    }

    fn card(id: &str, kind: &str, outcome: Option<&str>, gone: Option<Gone>) -> CardView {
        CardView {
            id: id.into(),
            reference: format!("#{id}"),
            text: String::new(),
            kind: kind.into(),
            session_id: "s".into(),
            topic_id: None,
            votes: 1,
            decision: outcome.map(|o| DecisionView {
                outcome: o.into(),
                rationale: String::new(),
                votes_for: None,
                votes_against: None,
                votes_abstain: None,
                decided_on: None,
            }),
            gone,
        }
    }

    fn view() -> ExportView {
        use SectionLevel::{Chapter, Paragraph, Ust};
        let mut r1 = section("r1", Chapter, "", &[]);
        let mut p1 = section("p1", Paragraph, "", &[]);
        p1.children = vec![
            section("u1", Ust, "", &["a", "m"]),
            section("u2", Ust, "", &[]),
        ];
        r1.children = vec![p1, section("p2", Paragraph, "Tekst.", &["q"])];
        let mut r2 = section("r2", Chapter, "", &[]);
        r2.children = vec![section("p3", Paragraph, "", &[])];
        let mut fin = section("Postanowienia końcowe", Chapter, "", &[]);
        fin.children = vec![section("p4", Paragraph, "Wchodzi w życie.", &[])];
        ExportView {
            consultation: ConsultationView {
                title: String::new(),
                city: String::new(),
                year: None,
                language: "pl".into(),
                settings: crate::model::DocumentSettings::for_city(""),
            },
            generated_on: String::new(),
            session_scope: None,
            sections: vec![r1, r2, fin],
            sessions: vec![],
            topics: vec![],
            cards: vec![
                card("a", "recommendation", Some("adopted"), None),
                card(
                    "m",
                    "recommendation",
                    Some("adopted"),
                    Some(Gone::MergedInto { into: "#a".into() }),
                ),
                card("q", "question", Some("adopted"), None),
                card("u", "proposal", Some("adopted_in_part"), None),
                card("n", "concern", None, None),
            ],
        }
    }

    #[test]
    fn one_assessment_of_cards_and_sections() {
        let v = view();
        let numbering = Numbering::new(&v.sections, Lang::Pl);
        let a = assess(&v, &numbering, &is_default_final_chapter);
        let kinds: Vec<FateKind> = a.fates.iter().map(Fate::kind).collect();
        assert_eq!(
            kinds,
            [
                FateKind::Used,
                FateKind::Merged,
                FateKind::Answered,
                FateKind::AdoptedUnused,
                FateKind::Undecided
            ]
        );
        let c = &a.coverage;
        // p2 has text but its only source is a question: not covered.
        assert_eq!(c.uncovered, ["p2", "r2", "p3"]);
        assert_eq!(c.empty_provisions, ["u2", "p3"]);
        assert_eq!(c.unused_adopted, ["u"]);
        assert_eq!(c.undecided, ["n"]);
        assert_eq!(c.tally.total(), 5);
        assert_eq!(a.citations["a"], ["§ 1 ust. 1"]);
    }
}
