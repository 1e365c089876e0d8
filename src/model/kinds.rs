//! The closed vocabularies: card kinds, session kinds, decision outcomes.
//! Each has one stored name (English, `snake_case`) and accepts Polish synonyms on input.

use super::lang::Lang;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Declares an enum with its stored names and the extra spellings accepted when parsing.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($variant:ident = $stored:literal $(| $alias:literal)*),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The name stored in the database and written to exports.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $stored),+ }
            }

            /// All accepted spellings, for error messages.
            pub fn accepted() -> String {
                Self::ALL.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                let key = s.trim().to_lowercase().replace(['-', ' '], "_");
                match key.as_str() {
                    $($stored $(| $alias)* => Ok($name::$variant),)+
                    _ => Err(format!("unknown {} {:?} (expected one of: {})", $what, s, Self::accepted())),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// What a card is: the facilitator's classification of one input.
    CardKind, "card kind" {
        Recommendation = "recommendation" | "rekomendacja" | "rec" | "r",
        Expectation = "expectation" | "oczekiwanie" | "exp" | "e",
        Proposal = "proposal" | "propozycja" | "prop" | "p",
        Concern = "concern" | "obawa" | "zastrzeżenie" | "c",
        Question = "question" | "pytanie" | "q",
        Other = "other" | "inne" | "inna" | "o",
    }
}

vocabulary! {
    /// What kind of meeting a session was.
    SessionKind, "session kind" {
        Training = "training" | "szkolenie" | "warsztat" | "warsztaty",
        WorkingGroup = "working_group" | "grupa_robocza" | "zespół_roboczy" | "wg",
        Advisory = "advisory" | "spotkanie_doradcze" | "doradcze" | "konsultacyjne",
        Other = "other" | "inne" | "inna",
    }
}

vocabulary! {
    /// A working-group decision on a card or a topic.
    DecisionOutcome, "decision" {
        Adopted = "adopted" | "przyjęta" | "przyjęte" | "przyjeta",
        AdoptedInPart = "adopted_in_part" | "przyjęta_częściowo" | "częściowo" | "partly",
        Rejected = "rejected" | "odrzucona" | "odrzucone",
        Postponed = "postponed" | "odłożona" | "odroczona" | "odłożone",
    }
}

impl CardKind {
    /// The kind's name in `lang`, as the interface shows it and as a capture-line prefix
    /// spells it (`pytanie:`, or any unambiguous beginning such as `pyt:`).
    pub fn name(self, lang: Lang) -> &'static str {
        use CardKind::{Concern, Expectation, Other, Proposal, Question, Recommendation};
        match (self, lang) {
            (Recommendation, Lang::Pl) => "rekomendacja",
            (Expectation, Lang::Pl) => "oczekiwanie",
            (Proposal, Lang::Pl) => "propozycja",
            (Concern, Lang::Pl) => "obawa",
            (Question, Lang::Pl) => "pytanie",
            (Other, Lang::Pl) => "inne",
            (Recommendation, Lang::En) => "recommendation",
            (Expectation, Lang::En) => "expectation",
            (Proposal, Lang::En) => "proposal",
            (Concern, Lang::En) => "concern",
            (Question, Lang::En) => "question",
            (Other, Lang::En) => "other",
        }
    }
}

impl DecisionOutcome {
    /// The outcome in words: "adopted in part", "przyjęta częściowo".
    pub fn name(self, lang: Lang) -> &'static str {
        use DecisionOutcome::{Adopted, AdoptedInPart, Postponed, Rejected};
        match (self, lang) {
            (Adopted, Lang::Pl) => "przyjęta",
            (AdoptedInPart, Lang::Pl) => "przyjęta częściowo",
            (Rejected, Lang::Pl) => "odrzucona",
            (Postponed, Lang::Pl) => "odłożona",
            (Adopted, Lang::En) => "adopted",
            (AdoptedInPart, Lang::En) => "adopted in part",
            (Rejected, Lang::En) => "rejected",
            (Postponed, Lang::En) => "postponed",
        }
    }

    /// Adopted in full or in part: the card feeds a provision.
    pub fn is_adopted(self) -> bool {
        matches!(
            self,
            DecisionOutcome::Adopted | DecisionOutcome::AdoptedInPart
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_parse_english_polish_and_short_forms() {
        assert_eq!("Proposal".parse(), Ok(CardKind::Proposal));
        assert_eq!("pytanie".parse(), Ok(CardKind::Question));
        assert_eq!("r".parse(), Ok(CardKind::Recommendation));
        assert_eq!("working group".parse(), Ok(SessionKind::WorkingGroup));
        assert_eq!(
            "adopted-in-part".parse(),
            Ok(DecisionOutcome::AdoptedInPart)
        );
    }

    #[test]
    fn unknown_kind_lists_the_accepted_names() {
        let err = "wish".parse::<CardKind>().unwrap_err();
        assert!(err.contains("\"wish\""), "{err}");
        assert!(err.contains("recommendation, expectation"), "{err}");
    }

    #[test]
    fn stored_names_round_trip() {
        for k in CardKind::ALL {
            assert_eq!(k.as_str().parse::<CardKind>(), Ok(*k));
        }
        for k in SessionKind::ALL {
            assert_eq!(k.to_string().parse::<SessionKind>(), Ok(*k));
        }
    }
}
