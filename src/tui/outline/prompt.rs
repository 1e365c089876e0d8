//! The outline's one-line prompts: a chapter's or §'s heading, a new chapter or §.

use super::{Effect, Room, SectionOp};
use crate::model::strip_typed_number;
use crate::storage::outline_units::Place;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::i18n::T;
use crate::tui::widgets::prompt::{Prompt, PromptKind, Step};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutlinePrompt {
    Heading(String),
    /// Heading of a new chapter or § at this place.
    NewUnit(Place),
}

impl PromptKind for OutlinePrompt {
    fn title(&self) -> T {
        match self {
            OutlinePrompt::Heading(_) => T::SectionHeading,
            OutlinePrompt::NewUnit(_) => T::NewSectionTitle,
        }
    }
}

impl Room {
    pub(super) fn prompt_update(
        &mut self,
        mut p: Prompt<OutlinePrompt>,
        action: Action,
        ctx: &mut Ctx,
    ) -> Vec<Effect> {
        match p.step(&action) {
            Step::Cancel => return Vec::new(),
            Step::Submit(text) if !text.is_empty() => {
                let typed_number = !strip_typed_number(&text).0.is_empty();
                return vec![super::noted(section_op(p.kind, text), typed_number, ctx)];
            }
            Step::Submit(_) | Step::Edited => {}
        }
        self.prompt = Some(p);
        Vec::new()
    }
}

fn section_op(kind: OutlinePrompt, text: String) -> SectionOp {
    match kind {
        OutlinePrompt::Heading(id) => SectionOp::Edit {
            id,
            heading: Some(text),
            draft: None,
        },
        OutlinePrompt::NewUnit(place) => SectionOp::Add {
            place,
            level: None,
            text,
        },
    }
}
