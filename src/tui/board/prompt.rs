//! The board's prompts: a topic's new label, the label of a new topic for moved or
//! split-off cards.

use super::{BoardOp, Effect, Modal, Room};
use crate::tui::action::Action;
use crate::tui::i18n::T;
use crate::tui::widgets::prompt::{Prompt, PromptKind, Step};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoardPrompt {
    RenameTopic(String),
    /// Label of a new topic for these cards.
    NewTopic(Vec<String>),
    /// Label of a new topic for these cards of a topic.
    SplitTopic(String, Vec<String>),
}

impl PromptKind for BoardPrompt {
    fn title(&self) -> T {
        match self {
            BoardPrompt::RenameTopic(_) => T::RenameTopic,
            BoardPrompt::NewTopic(_) => T::NewTopicLabel,
            BoardPrompt::SplitTopic(..) => T::SplitTopicLabel,
        }
    }
}

impl Room {
    pub(super) fn prompt_update(
        &mut self,
        mut p: Prompt<BoardPrompt>,
        action: Action,
    ) -> Vec<Effect> {
        match p.step(&action) {
            Step::Cancel => return Vec::new(),
            Step::Submit(label) if !label.is_empty() => {
                return vec![Effect::Op(self.named(p.kind, label))];
            }
            Step::Submit(_) | Step::Edited => {}
        }
        self.modal = Some(Modal::Prompt(p));
        Vec::new()
    }

    /// A label was entered: the board operation it asks for.
    fn named(&mut self, kind: BoardPrompt, label: String) -> BoardOp {
        match kind {
            BoardPrompt::RenameTopic(id) => BoardOp::Rename { id, label },
            BoardPrompt::NewTopic(cards) => {
                self.marked.clear();
                BoardOp::MoveToNew { cards, label }
            }
            BoardPrompt::SplitTopic(id, cards) => {
                self.marked.clear();
                BoardOp::SplitTopic { id, cards, label }
            }
        }
    }
}
