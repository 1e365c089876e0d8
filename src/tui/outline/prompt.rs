//! The outline's prompts: a section's heading, its draft text, a new section.

use super::{Effect, Room, SectionOp};
use crate::storage::outline_units::Place;
use crate::tui::action::Action;
use crate::tui::i18n::T;
use crate::tui::widgets::prompt::{Prompt, PromptKind, Step};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutlinePrompt {
    Heading(String),
    Draft(String),
    /// Heading of a new section under this parent (a chapter when `None`).
    NewSection(Option<String>),
}

impl PromptKind for OutlinePrompt {
    fn title(&self) -> T {
        match self {
            OutlinePrompt::Heading(_) => T::SectionHeading,
            OutlinePrompt::Draft(_) => T::SectionDraft,
            OutlinePrompt::NewSection(_) => T::NewSectionTitle,
        }
    }
}

impl Room {
    pub(super) fn prompt_update(
        &mut self,
        mut p: Prompt<OutlinePrompt>,
        action: Action,
    ) -> Vec<Effect> {
        match p.step(&action) {
            Step::Cancel => return Vec::new(),
            // A draft may be emptied; a heading may not.
            Step::Submit(text) if !text.is_empty() || matches!(p.kind, OutlinePrompt::Draft(_)) => {
                return vec![Effect::Section(section_op(p.kind, text))];
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
        OutlinePrompt::Draft(id) => SectionOp::Edit {
            id,
            heading: None,
            draft: Some(text),
        },
        OutlinePrompt::NewSection(parent) => SectionOp::Add {
            place: Place::Under(parent),
            level: None,
            text,
        },
    }
}
