//! The list's prompts: the filter line and the timer's length.

use super::{Effect, Modal, Room};
use crate::model::CardQuery;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::i18n::T;
use crate::tui::timer::parse_length;
use crate::tui::widgets::prompt::{Prompt, PromptKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardsPrompt {
    Filter,
    Timer,
}

impl PromptKind for CardsPrompt {
    fn title(&self) -> T {
        match self {
            CardsPrompt::Filter => T::Filter,
            CardsPrompt::Timer => T::TimerPrompt,
        }
    }

    fn hint(&self) -> Option<T> {
        match self {
            CardsPrompt::Filter => Some(T::FilterHint),
            CardsPrompt::Timer => None,
        }
    }
}

impl Room {
    pub(super) fn prompt_update(
        &mut self,
        mut p: Prompt<CardsPrompt>,
        action: Action,
        ctx: &mut Ctx,
    ) -> Vec<Effect> {
        match action {
            Action::Key(_) | Action::Paste(_) => {
                p.field.edit(&action);
            }
            Action::Cancel => return Vec::new(),
            Action::Save => match p.kind {
                CardsPrompt::Filter => match CardQuery::parse(p.field.text()) {
                    Ok(q) => {
                        let keep = self.list.selected_card().map(|c| c.id.clone());
                        self.list.query = q;
                        p.field.text().trim().clone_into(&mut self.list.query_text);
                        self.list.rebuild(keep.as_deref());
                        self.resized(ctx.size);
                        return Vec::new();
                    }
                    Err(e) => p.error = Some(e),
                },
                CardsPrompt::Timer => match parse_length(p.field.text()) {
                    Some(d) => {
                        self.timer.set(d);
                        return Vec::new();
                    }
                    None => p.error = Some(ctx.tr(T::NotANumber).to_owned()),
                },
            },
            _ => {}
        }
        self.modal = Some(Modal::Prompt(p));
        Vec::new()
    }
}
