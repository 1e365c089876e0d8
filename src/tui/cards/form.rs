//! The card form: edit a card's text, kind, role, tags and activity.

use super::{Effect, Modal, Room};
use crate::model::Lang;
use crate::model::{Card, CardKind, CardPatch};
use crate::tui::action::Action;
use crate::tui::i18n::{T, field_error, kind_name};
use crate::tui::widgets::form::{self, Choice, Fields, FormState, Step, form_fields};
use crate::tui::widgets::text_field::TextField;

#[derive(Debug, Clone, PartialEq)]
pub struct CardForm {
    pub id: String,
    pub state: FormState,
    pub text: TextField,
    pub kind: Choice,
    pub speaker: TextField,
    pub tags: TextField,
    pub activity: TextField,
}

impl Fields for CardForm {
    form_fields! {
        T::Text => text,
        T::Kind => kind,
        T::Speaker => speaker,
        T::Tags => tags,
        T::Activity => activity,
    }
}

impl CardForm {
    pub fn new(card: &Card, lang: Lang) -> CardForm {
        let at = CardKind::ALL
            .iter()
            .position(|k| *k == card.kind)
            .unwrap_or(0);
        let labels = CardKind::ALL.iter().map(|k| kind_name(*k, lang)).collect();
        CardForm {
            id: card.id.clone(),
            state: FormState::new(T::EditCard, T::FormHint),
            text: TextField::prefilled(&card.text),
            kind: Choice::new(at, labels),
            speaker: TextField::prefilled(card.speaker.as_deref().unwrap_or("")),
            tags: TextField::prefilled(&card.tags.join(" ")),
            activity: TextField::prefilled(card.activity.as_deref().unwrap_or("")),
        }
    }

    fn patch(&self) -> CardPatch {
        let opt = |f: &TextField| Some(form::optional(f).map(|_| f.text().to_owned()));
        CardPatch {
            text: Some(self.text.text().to_owned()),
            kind: self.kind.of(CardKind::ALL),
            speaker: opt(&self.speaker),
            tags: Some(crate::model::text::split_tags(self.tags.text())),
            activity: opt(&self.activity),
            votes: None,
        }
    }
}

impl Room {
    pub(super) fn form_update(
        &mut self,
        mut f: CardForm,
        action: Action,
        lang: Lang,
    ) -> Vec<Effect> {
        match form::input(&mut f, action) {
            Step::Cancel => return Vec::new(),
            Step::Save => match f.patch().validated() {
                Ok(patch) => {
                    return vec![Effect::Edit {
                        id: f.id.clone(),
                        patch,
                    }];
                }
                Err(e) => f.state.error = Some(field_error(&e, lang)),
            },
            Step::Edited => {}
        }
        self.modal = Some(Modal::Form(f));
        Vec::new()
    }
}
