//! The board's dialogs: a clustering run, merging marked cards, splitting a card.
//! Each is a typed form whose Enter turns into one effect.

use super::lineage::{CardMerge, CardSplit};
use super::{ClusterJob, ClusterScope, Effect, Modal, Room};
use crate::model::Card;
use crate::model::Lang;
use crate::model::VotePolicy;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::i18n::{Noun, T, count};
use crate::tui::widgets::form::{
    self, Choice, Fields, FormState, LongText, Step, form_fields, number, optional,
};
use crate::tui::widgets::text_field::TextField;

/// The vote policies offered when merging cards, in the order of the choice.
const POLICIES: [VotePolicy; 3] = [VotePolicy::Sum, VotePolicy::Max, VotePolicy::Separate];

#[derive(Debug, Clone, PartialEq)]
pub struct ClusterForm {
    /// The cards of one topic when re-clustering just that topic.
    pub topic: Option<Vec<(String, String)>>,
    pub state: FormState,
    pub scope: Choice,
    pub k: TextField,
    pub seeds: Choice,
}

impl Fields for ClusterForm {
    form_fields! {
        T::Scope => scope,
        T::TopicCount => k,
        T::Seeds => seeds,
    }
}

impl ClusterForm {
    pub fn new(topic: Option<Vec<(String, String)>>, lang: Lang) -> ClusterForm {
        let tr = |t: T| t.tr(lang);
        // Re-clustering one topic has its scope fixed; otherwise whole or session.
        let scope = match topic {
            Some(_) => Choice::new(
                2,
                vec![tr(T::ScopeAll), tr(T::ScopeSession), tr(T::ScopeTopic)],
            ),
            None => Choice::new(0, vec![tr(T::ScopeAll), tr(T::ScopeSession)]),
        };
        let default_k = if topic.is_some() { "2" } else { "" };
        ClusterForm {
            topic,
            state: FormState::dialog(T::ClusterTitle),
            scope,
            k: TextField::prefilled(default_k),
            seeds: Choice::new(0, vec![tr(T::No), tr(T::Yes)]),
        }
    }

    fn job(&self, ctx: &Ctx) -> Result<ClusterJob, String> {
        let k = number(&self.k, T::TopicCount, ctx.lang)?
            .map(|k| match usize::try_from(k) {
                Ok(0) => Err(ctx.tr(T::AtLeastOneTopic).to_owned()),
                Ok(k) => Ok(k),
                Err(_) => Err(ctx.tr(T::NotANumber).to_owned()),
            })
            .transpose()?;
        let scope = match (&self.topic, self.scope.at, ctx.session_id) {
            (Some(cards), _, _) => ClusterScope::Topic(cards.clone()),
            (None, 1, Some(s)) => ClusterScope::Session(s.to_owned()),
            _ => ClusterScope::All,
        };
        Ok(ClusterJob {
            scope,
            k,
            seeds: self.seeds.at == 1,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MergeCardsForm {
    pub ids: Vec<String>,
    /// The merged cards' numbers, beside the title.
    pub subtitle: String,
    pub state: FormState,
    pub text: LongText,
    pub policy: Choice,
    pub why: TextField,
}

impl Fields for MergeCardsForm {
    form_fields! {
        T::MergedText => text,
        T::VotePolicy => policy,
        T::Why => why,
    }
}

impl MergeCardsForm {
    pub fn new(cards: &[&Card], lang: Lang) -> MergeCardsForm {
        let joined = cards
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let seqs = cards
            .iter()
            .map(|c| format!("#{}", c.seq))
            .collect::<Vec<_>>()
            .join(" + ");
        let labels = [T::PolicySum, T::PolicyMax, T::PolicySeparate]
            .iter()
            .map(|t| t.tr(lang))
            .collect();
        MergeCardsForm {
            ids: cards.iter().map(|c| c.id.clone()).collect(),
            subtitle: seqs,
            state: FormState::dialog(T::MergeCardsTitle),
            text: LongText(TextField::prefilled(&joined)),
            policy: Choice::new(0, labels),
            why: TextField::default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SplitCardForm {
    pub id: String,
    /// The card's number, beside the title.
    pub subtitle: String,
    pub state: FormState,
    pub first: LongText,
    pub second: LongText,
    /// The card's votes, divided between the parts (never copied).
    pub votes: i64,
    /// Votes of part 1; the rest go to part 2. Prefilled with all of them.
    pub first_votes: TextField,
    pub why: TextField,
}

impl Fields for SplitCardForm {
    form_fields! {
        T::Part1 => first,
        T::Part2 => second,
        T::VotesToPart1 => first_votes,
        T::Why => why,
    }
}

impl SplitCardForm {
    pub fn new(card: &Card, lang: Lang) -> SplitCardForm {
        SplitCardForm {
            id: card.id.clone(),
            subtitle: format!("#{} · {}", card.seq, count(card.votes, Noun::Vote, lang)),
            state: FormState::dialog(T::SplitCardTitle),
            first: LongText(TextField::prefilled(&card.text)),
            second: LongText::default(),
            votes: card.votes,
            first_votes: TextField::prefilled(&card.votes.to_string()),
            why: TextField::default(),
        }
    }

    /// Votes of part 1, checked against the card's tally (empty: all of them).
    fn first_votes(&self, lang: Lang) -> Result<Option<i64>, String> {
        match number(&self.first_votes, T::VotesToPart1, lang)? {
            Some(n) if !(0..=self.votes).contains(&n) => {
                Err(format!("{}: 0–{}", T::VotesToPart1.tr(lang), self.votes))
            }
            n => Ok(n),
        }
    }
}

impl Room {
    pub(super) fn cluster_form_update(
        &mut self,
        mut f: ClusterForm,
        action: Action,
        ctx: &mut Ctx,
    ) -> Vec<Effect> {
        match form::input(&mut f, action) {
            Step::Cancel => return Vec::new(),
            Step::Save => match f.job(ctx) {
                Ok(job) => {
                    self.clustering = Some("…".into());
                    return vec![Effect::Cluster(job)];
                }
                Err(e) => f.state.error = Some(e),
            },
            Step::Edited => {}
        }
        self.modal = Some(Modal::Cluster(f));
        Vec::new()
    }

    pub(super) fn merge_cards_update(
        &mut self,
        mut f: MergeCardsForm,
        action: Action,
    ) -> Vec<Effect> {
        match form::input(&mut f, action) {
            Step::Cancel => Vec::new(),
            Step::Save => vec![Effect::MergeCards(CardMerge {
                ids: f.ids,
                text: f.text.text().to_owned(),
                policy: f.policy.of(&POLICIES).unwrap_or(VotePolicy::Sum),
                why: optional(&f.why),
            })],
            Step::Edited => {
                self.modal = Some(Modal::MergeCards(f));
                Vec::new()
            }
        }
    }

    pub(super) fn split_card_update(
        &mut self,
        mut f: SplitCardForm,
        action: Action,
        ctx: &Ctx,
    ) -> Vec<Effect> {
        match form::input(&mut f, action) {
            Step::Cancel => return Vec::new(),
            Step::Save => match f.first_votes(ctx.lang) {
                Ok(first_votes) => {
                    return vec![Effect::SplitCard(CardSplit {
                        id: f.id,
                        parts: vec![f.first.text().to_owned(), f.second.text().to_owned()],
                        first_votes,
                        why: optional(&f.why),
                    })];
                }
                Err(e) => f.state.error = Some(e),
            },
            Step::Edited => {}
        }
        self.modal = Some(Modal::SplitCard(f));
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_split_clusters_only_that_topic() {
        let f = ClusterForm::new(Some(vec![("a".into(), "x".into())]), Lang::En);
        assert_eq!(f.scope.at, 2);
        assert_eq!(f.k.text(), "2");
    }
}
