//! What became of each card: the one rule every place that shows a card's fate uses (the
//! draft's source table and coverage section, the consultation report, the interface's
//! coverage view and `narada outline coverage`).

use super::export_view::{CardView, Gone, SectionView};
use super::lang::Lang;
use super::numbering::Numbering;
use serde::Serialize;
use std::collections::HashMap;

/// A card's fate, with what a reader needs to follow it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "fate", rename_all = "snake_case")]
pub enum Fate {
    /// Adopted (in full or in part) and a source of these provisions: `§ 15 ust. 2`.
    Used {
        citations: Vec<String>,
        in_part: bool,
    },
    /// Replaced by the card with this reference.
    MergedInto {
        into: String,
    },
    /// Replaced by the cards with these references.
    SplitInto {
        into: Vec<String>,
    },
    /// Taken out, with the reason when one was given.
    Deleted {
        reason: Option<String>,
    },
    Rejected {
        rationale: String,
    },
    Postponed {
        rationale: String,
    },
    /// Adopted, but no provision uses it yet.
    AdoptedUnused {
        in_part: bool,
    },
    /// A question, concern or other remark the working group answered (whatever the
    /// outcome): listed with the response, never a provision's source.
    Answered {
        outcome: String,
        response: String,
    },
    /// No decision yet.
    Undecided,
}

/// The fates without their details, in the order documents list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FateKind {
    Used,
    AdoptedUnused,
    Answered,
    Rejected,
    Postponed,
    Undecided,
    Merged,
    Split,
    Deleted,
}

impl FateKind {
    pub const ALL: [FateKind; 9] = [
        FateKind::Used,
        FateKind::AdoptedUnused,
        FateKind::Answered,
        FateKind::Rejected,
        FateKind::Postponed,
        FateKind::Undecided,
        FateKind::Merged,
        FateKind::Split,
        FateKind::Deleted,
    ];

    /// The fate as a count's label: "rejected", "odrzucone".
    pub fn name(self, lang: Lang) -> &'static str {
        use FateKind::{
            AdoptedUnused, Answered, Deleted, Merged, Postponed, Rejected, Split, Undecided, Used,
        };
        match (self, lang) {
            (Used, Lang::Pl) => "wykorzystane w przepisach",
            (AdoptedUnused, Lang::Pl) => "przyjęte, jeszcze niewykorzystane",
            (Answered, Lang::Pl) => "z odpowiedzią",
            (Rejected, Lang::Pl) => "odrzucone",
            (Postponed, Lang::Pl) => "odłożone",
            (Undecided, Lang::Pl) => "bez decyzji",
            (Merged, Lang::Pl) => "scalone",
            (Split, Lang::Pl) => "podzielone",
            (Deleted, Lang::Pl) => "usunięte",
            (Used, Lang::En) => "used in provisions",
            (AdoptedUnused, Lang::En) => "adopted, not used yet",
            (Answered, Lang::En) => "answered",
            (Rejected, Lang::En) => "rejected",
            (Postponed, Lang::En) => "postponed",
            (Undecided, Lang::En) => "no decision yet",
            (Merged, Lang::En) => "merged",
            (Split, Lang::En) => "split",
            (Deleted, Lang::En) => "deleted",
        }
    }

    /// The stored name, as in JSON: `adopted_unused`.
    pub fn as_str(self) -> &'static str {
        match self {
            FateKind::Used => "used",
            FateKind::AdoptedUnused => "adopted_unused",
            FateKind::Answered => "answered",
            FateKind::Rejected => "rejected",
            FateKind::Postponed => "postponed",
            FateKind::Undecided => "undecided",
            FateKind::Merged => "merged",
            FateKind::Split => "split",
            FateKind::Deleted => "deleted",
        }
    }

    /// Position in [`FateKind::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl Fate {
    pub fn kind(&self) -> FateKind {
        match self {
            Fate::Used { .. } => FateKind::Used,
            Fate::MergedInto { .. } => FateKind::Merged,
            Fate::SplitInto { .. } => FateKind::Split,
            Fate::Deleted { .. } => FateKind::Deleted,
            Fate::Rejected { .. } => FateKind::Rejected,
            Fate::Postponed { .. } => FateKind::Postponed,
            Fate::AdoptedUnused { .. } => FateKind::AdoptedUnused,
            Fate::Answered { .. } => FateKind::Answered,
            Fate::Undecided => FateKind::Undecided,
        }
    }
}

/// How many cards have each fate, indexed by [`FateKind::index`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FateTally(pub [usize; 9]);

/// As a JSON object keyed by the fates' stored names: `{"used": 5, "merged": 2, …}`.
impl Serialize for FateTally {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(FateKind::ALL.len()))?;
        for k in FateKind::ALL {
            map.serialize_entry(&k, &self.get(k))?;
        }
        map.end()
    }
}

impl FateTally {
    pub fn of(fates: &[Fate]) -> Self {
        let mut t = FateTally::default();
        for f in fates {
            t.0[f.kind().index()] += 1;
        }
        t
    }

    pub fn get(&self, kind: FateKind) -> usize {
        self.0[kind.index()]
    }

    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// `used in provisions 5, rejected 1, …`: the fates that occur, in order.
    pub fn summary(&self, lang: Lang) -> String {
        let parts: Vec<String> = FateKind::ALL
            .iter()
            .filter(|k| self.get(**k) > 0)
            .map(|k| format!("{} {}", k.name(lang), self.get(*k)))
            .collect();
        parts.join(", ")
    }
}

/// Recommendations, expectations and proposals are meant as rules and may become a
/// provision's source; questions, concerns and other remarks get a response instead.
pub fn is_rule_kind(kind: &str) -> bool {
    matches!(kind, "recommendation" | "expectation" | "proposal")
}

/// A card's fate. `citations` are the provisions citing it (see [`citations`]); they
/// count only for a live rule card with an adopted decision.
pub fn fate_of(card: &CardView, citations: Option<&Vec<String>>) -> Fate {
    match &card.gone {
        Some(Gone::Deleted { reason }) => {
            return Fate::Deleted {
                reason: reason.clone(),
            };
        }
        Some(Gone::MergedInto { into }) => return Fate::MergedInto { into: into.clone() },
        Some(Gone::SplitInto { into }) => return Fate::SplitInto { into: into.clone() },
        None => {}
    }
    let Some(d) = &card.decision else {
        return Fate::Undecided;
    };
    let rationale = d.rationale.trim().to_owned();
    if !is_rule_kind(&card.kind) {
        return Fate::Answered {
            outcome: d.outcome.clone(),
            response: rationale,
        };
    }
    let in_part = d.outcome == "adopted_in_part";
    match d.outcome.as_str() {
        "rejected" => Fate::Rejected { rationale },
        "postponed" => Fate::Postponed { rationale },
        _ => match citations.filter(|c| !c.is_empty()) {
            Some(c) => Fate::Used {
                citations: c.clone(),
                in_part,
            },
            None => Fate::AdoptedUnused { in_part },
        },
    }
}

/// For each card id, the citations of the provisions that list it as a source, in
/// document order without repeats. Only live rule cards of `cards` count.
pub(super) fn citations(
    sections: &[SectionView],
    numbering: &Numbering,
    cards: &HashMap<&str, &CardView>,
) -> HashMap<String, Vec<String>> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    let mut stack: Vec<&SectionView> = sections.iter().rev().collect();
    while let Some(s) = stack.pop() {
        if let Some(cite) = numbering.citation(&s.id) {
            for id in &s.source_card_ids {
                if !cards.get(id.as_str()).is_some_and(|c| is_source(c)) {
                    continue;
                }
                let list = out.entry(id.clone()).or_default();
                if !list.iter().any(|c| c == cite) {
                    list.push(cite.to_string());
                }
            }
        }
        stack.extend(s.children.iter().rev());
    }
    out
}

/// Whether a card can be a provision's source: live, meant as a rule, adopted.
pub fn is_source(card: &CardView) -> bool {
    card.gone.is_none()
        && is_rule_kind(&card.kind)
        && card
            .decision
            .as_ref()
            .is_some_and(super::DecisionView::is_adopted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DecisionView, SectionLevel};

    fn card(kind: &str, outcome: Option<&str>, gone: Option<Gone>) -> CardView {
        CardView {
            id: "c1".into(),
            reference: "#1".into(),
            text: "tekst".into(),
            kind: kind.into(),
            session_id: "s1".into(),
            topic_id: None,
            votes: 0,
            decision: outcome.map(|o| DecisionView {
                outcome: o.into(),
                rationale: " powód ".into(),
                votes_for: None,
                votes_against: None,
                votes_abstain: None,
                decided_on: None,
            }),
            gone,
        }
    }

    fn cited() -> Vec<String> {
        vec!["§ 15 ust. 2".into()]
    }

    #[test]
    fn used_in_provisions() {
        let c = card("recommendation", Some("adopted"), None);
        assert_eq!(
            fate_of(&c, Some(&cited())),
            Fate::Used {
                citations: cited(),
                in_part: false
            }
        );
        let c = card("proposal", Some("adopted_in_part"), None);
        assert_eq!(
            fate_of(&c, Some(&cited())),
            Fate::Used {
                citations: cited(),
                in_part: true
            }
        );
    }

    #[test]
    fn adopted_but_unused() {
        let c = card("expectation", Some("adopted"), None);
        assert_eq!(fate_of(&c, None), Fate::AdoptedUnused { in_part: false });
        assert_eq!(
            fate_of(&c, Some(&Vec::new())),
            Fate::AdoptedUnused { in_part: false }
        );
    }

    #[test]
    fn merged_and_split_originals_are_never_adopted_unused() {
        let merged = card(
            "recommendation",
            Some("adopted"),
            Some(Gone::MergedInto { into: "#34".into() }),
        );
        assert_eq!(
            fate_of(&merged, None),
            Fate::MergedInto { into: "#34".into() }
        );
        let split = card(
            "recommendation",
            Some("adopted"),
            Some(Gone::SplitInto {
                into: vec!["#32".into(), "#33".into()],
            }),
        );
        assert_eq!(
            fate_of(&split, Some(&cited())),
            Fate::SplitInto {
                into: vec!["#32".into(), "#33".into()]
            }
        );
    }

    #[test]
    fn deleted_with_or_without_reason() {
        let c = card(
            "question",
            None,
            Some(Gone::Deleted {
                reason: Some("duplikat".into()),
            }),
        );
        assert_eq!(
            fate_of(&c, None),
            Fate::Deleted {
                reason: Some("duplikat".into())
            }
        );
        let c = card("question", None, Some(Gone::Deleted { reason: None }));
        assert_eq!(fate_of(&c, None), Fate::Deleted { reason: None });
    }

    #[test]
    fn rejected_and_postponed_carry_the_rationale() {
        let c = card("recommendation", Some("rejected"), None);
        assert_eq!(
            fate_of(&c, Some(&cited())),
            Fate::Rejected {
                rationale: "powód".into()
            }
        );
        let c = card("proposal", Some("postponed"), None);
        assert_eq!(
            fate_of(&c, None),
            Fate::Postponed {
                rationale: "powód".into()
            }
        );
    }

    #[test]
    fn questions_and_concerns_are_answered_not_used() {
        for kind in ["question", "concern", "other"] {
            let c = card(kind, Some("adopted"), None);
            assert_eq!(
                fate_of(&c, Some(&cited())),
                Fate::Answered {
                    outcome: "adopted".into(),
                    response: "powód".into()
                },
                "{kind}"
            );
        }
    }

    #[test]
    fn no_decision_yet() {
        assert_eq!(
            fate_of(&card("recommendation", None, None), None),
            Fate::Undecided
        );
        assert_eq!(
            fate_of(&card("question", None, None), None),
            Fate::Undecided
        );
    }

    #[test]
    fn citations_skip_what_cannot_be_a_source() {
        let section = |id: &str, level, sources: &[&str], children| SectionView {
            id: id.into(),
            level,
            heading: String::new(),
            draft_text: String::new(),
            topic_ids: vec![],
            source_card_ids: sources.iter().map(|s| (*s).to_owned()).collect(),
            children,
        };
        let sections = vec![section(
            "r1",
            SectionLevel::Chapter,
            &[],
            vec![section(
                "p1",
                SectionLevel::Paragraph,
                &["a", "q", "m"],
                vec![section("u1", SectionLevel::Ust, &["a"], vec![])],
            )],
        )];
        let mut a = card("recommendation", Some("adopted"), None);
        a.id = "a".into();
        let mut q = card("question", Some("adopted"), None);
        q.id = "q".into();
        let mut m = card(
            "recommendation",
            Some("adopted"),
            Some(Gone::MergedInto { into: "#9".into() }),
        );
        m.id = "m".into();
        let cards: HashMap<&str, &CardView> = [("a", &a), ("q", &q), ("m", &m)].into();
        let numbering = Numbering::new(&sections, Lang::Pl);
        let got = citations(&sections, &numbering, &cards);
        assert_eq!(got.len(), 1);
        assert_eq!(got["a"], vec!["§ 1".to_owned(), "§ 1 ust. 1".to_owned()]);
    }

    #[test]
    fn stored_names_match_serde() {
        for k in FateKind::ALL {
            assert_eq!(serde_json::to_value(k).unwrap(), k.as_str());
        }
    }

    #[test]
    fn tally_serialises_by_name() {
        let t = FateTally::of(&[Fate::Undecided]);
        let json = serde_json::to_value(t).unwrap();
        assert_eq!(json["undecided"], 1);
        assert_eq!(json["adopted_unused"], 0);
    }

    #[test]
    fn tally_counts_each_kind() {
        let fates = [
            Fate::Undecided,
            Fate::Undecided,
            Fate::Deleted { reason: None },
        ];
        let t = FateTally::of(&fates);
        assert_eq!(t.get(FateKind::Undecided), 2);
        assert_eq!(t.get(FateKind::Deleted), 1);
        assert_eq!(t.total(), 3);
    }
}
