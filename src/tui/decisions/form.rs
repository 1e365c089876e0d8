//! The decision form: outcome, rationale, the vote and its date.

use super::Effect;
use crate::model::DecisionOutcome;
use crate::model::Lang;
use crate::model::{DecisionDraft, DecisionTarget};
use crate::tui::i18n::{T, decision_name};
use crate::tui::widgets::form::{Choice, Fields, FormState, form_fields, number, optional};
use crate::tui::widgets::text_field::TextField;

#[derive(Debug, Clone, PartialEq)]
pub struct DecisionForm {
    pub target: DecisionTarget,
    /// The card's text or the topic's label, beside the title.
    pub subtitle: String,
    pub state: FormState,
    pub outcome: Choice,
    pub rationale: TextField,
    pub votes_for: TextField,
    pub votes_against: TextField,
    pub votes_abstain: TextField,
    pub date: TextField,
}

impl Fields for DecisionForm {
    form_fields! {
        T::Outcome => outcome,
        T::Rationale => rationale,
        T::VotesFor => votes_for,
        T::VotesAgainst => votes_against,
        T::VotesAbstain => votes_abstain,
        T::Date => date,
    }
}

impl DecisionForm {
    pub fn new(target: DecisionTarget, label: String, lang: Lang) -> DecisionForm {
        let today: String = crate::model::now_rfc3339().chars().take(10).collect();
        let outcomes = DecisionOutcome::ALL
            .iter()
            .map(|d| decision_name(*d, lang))
            .collect();
        DecisionForm {
            target,
            subtitle: label,
            state: FormState::dialog(T::DecideTitle),
            outcome: Choice::new(0, outcomes),
            rationale: TextField::default(),
            votes_for: TextField::default(),
            votes_against: TextField::default(),
            votes_abstain: TextField::default(),
            date: TextField::prefilled(&today),
        }
    }

    /// The effect Enter asks for, or a message saying what to fix.
    pub fn effect(&self, lang: Lang) -> Result<Effect, String> {
        Ok(Effect::Decide {
            target: self.target.clone(),
            outcome: self
                .outcome
                .of(DecisionOutcome::ALL)
                .unwrap_or(DecisionOutcome::Postponed),
            draft: DecisionDraft {
                rationale: self.rationale.text().trim().to_owned(),
                votes_for: number(&self.votes_for, T::VotesFor, lang)?,
                votes_against: number(&self.votes_against, T::VotesAgainst, lang)?,
                votes_abstain: number(&self.votes_abstain, T::VotesAbstain, lang)?,
                decided_on: optional(&self.date),
            },
        })
    }
}
