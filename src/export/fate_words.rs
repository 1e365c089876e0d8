//! A card's fate in the documents' words, Polish or English: short in the source table
//! (the decision column beside it already gives the rationale), full in the
//! consultation report.

use crate::model::{Fate, Lang};

/// `#32 i #33`, `#1, #2 i #3`.
fn and_list(items: &[String], lang: Lang) -> String {
    let and = match lang {
        Lang::Pl => " i ",
        Lang::En => " and ",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
    }
}

/// `word` alone, or `word: detail` when there is a detail.
fn with(word: &str, detail: &str) -> String {
    if detail.trim().is_empty() {
        word.to_owned()
    } else {
        format!("{word}: {}", detail.trim())
    }
}

impl Lang {
    /// The fate without the decision's rationale or response.
    pub fn fate_brief(self, fate: &Fate) -> String {
        let pl = self == Lang::Pl;
        match fate {
            Fate::Rejected { .. } => (if pl { "odrzucona" } else { "rejected" }).into(),
            Fate::Postponed { .. } => (if pl { "odłożona" } else { "postponed" }).into(),
            Fate::Answered { .. } => (if pl {
                "udzielono odpowiedzi"
            } else {
                "answered"
            })
            .into(),
            other => self.fate_full(other),
        }
    }

    /// The fate with everything it carries: citations, references, reasons, rationale.
    pub fn fate_full(self, fate: &Fate) -> String {
        let pl = self == Lang::Pl;
        match fate {
            Fate::Used { citations, in_part } => {
                let word = match (pl, in_part) {
                    (true, false) => "wykorzystana w",
                    (true, true) => "wykorzystana częściowo w",
                    (false, false) => "used in",
                    (false, true) => "used in part in",
                };
                format!("{word} {}", and_list(citations, self))
            }
            Fate::MergedInto { into } => {
                format!("{} {into}", if pl { "scalona w" } else { "merged into" })
            }
            Fate::SplitInto { into } => format!(
                "{} {}",
                if pl { "podzielona na" } else { "split into" },
                and_list(into, self)
            ),
            Fate::Deleted { reason } => with(
                if pl { "usunięta" } else { "deleted" },
                reason.as_deref().unwrap_or_default(),
            ),
            Fate::Rejected { rationale } => {
                with(if pl { "odrzucona" } else { "rejected" }, rationale)
            }
            Fate::Postponed { rationale } => {
                with(if pl { "odłożona" } else { "postponed" }, rationale)
            }
            Fate::AdoptedUnused { in_part } => match (pl, in_part) {
                (true, false) => "przyjęta, jeszcze niewykorzystana w przepisach",
                (true, true) => "przyjęta częściowo, jeszcze niewykorzystana w przepisach",
                (false, false) => "adopted, not used in any provision yet",
                (false, true) => "adopted in part, not used in any provision yet",
            }
            .into(),
            Fate::Answered { outcome, response } => {
                if response.trim().is_empty() {
                    format!(
                        "{} ({})",
                        if pl { "rozpatrzona" } else { "considered" },
                        self.outcome(outcome)
                    )
                } else {
                    with(if pl { "odpowiedź" } else { "response" }, response)
                }
            }
            Fate::Undecided => (if pl {
                "brak decyzji"
            } else {
                "no decision yet"
            })
            .into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fate_in_both_languages() {
        let used = Fate::Used {
            citations: vec!["§ 15 ust. 2".into(), "§ 16".into()],
            in_part: false,
        };
        assert_eq!(
            Lang::Pl.fate_full(&used),
            "wykorzystana w § 15 ust. 2 i § 16"
        );
        assert_eq!(Lang::En.fate_full(&used), "used in § 15 ust. 2 and § 16");
        let split = Fate::SplitInto {
            into: vec!["#32".into(), "#33".into(), "#34".into()],
        };
        assert_eq!(Lang::Pl.fate_full(&split), "podzielona na #32, #33 i #34");
        let merged = Fate::MergedInto { into: "#34".into() };
        assert_eq!(Lang::En.fate_full(&merged), "merged into #34");
        let deleted = Fate::Deleted {
            reason: Some("duplikat".into()),
        };
        assert_eq!(Lang::Pl.fate_full(&deleted), "usunięta: duplikat");
        assert_eq!(
            Lang::En.fate_full(&Fate::Deleted { reason: None }),
            "deleted"
        );
        let rejected = Fate::Rejected {
            rationale: "sprzeczne z ustawą".into(),
        };
        assert_eq!(
            Lang::Pl.fate_full(&rejected),
            "odrzucona: sprzeczne z ustawą"
        );
        assert_eq!(Lang::Pl.fate_brief(&rejected), "odrzucona");
        let answered = Fate::Answered {
            outcome: "rejected".into(),
            response: String::new(),
        };
        assert_eq!(Lang::Pl.fate_full(&answered), "rozpatrzona (odrzucona)");
        assert_eq!(
            Lang::En.fate_full(&Fate::AdoptedUnused { in_part: true }),
            "adopted in part, not used in any provision yet"
        );
        assert_eq!(Lang::Pl.fate_brief(&Fate::Undecided), "brak decyzji");
    }
}
