//! The resolution outline: chapters and § with citations, what is mapped to each and
//! how many adopted sources feed it. Maps the topic or card selected on the board;
//! renames, adds and reorders sections and edits their draft text. Its coverage view
//! lists sections with no adopted recommendation and adopted cards not yet mapped.

mod coverage;
mod effect;
mod prompt;
mod view;

pub use coverage::{CoverageView, render as render_coverage};
pub use effect::{Change, Done, Effect, SectionOp, perform, undo};
pub use prompt::OutlinePrompt;
pub use view::{header, render};

use crate::model::Lang;
use crate::model::MapTarget;
use crate::storage::outline::SectionRow;
use crate::tui::action::Action;
use crate::tui::ctx::{Ctx, Nav};
use crate::tui::i18n::T;
use crate::tui::keymap::Mode;
use crate::tui::widgets::prompt::Prompt;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use std::collections::BTreeMap;

/// What `m` maps (the board's selection when the outline was opened), with its label.
pub type Target = (MapTarget, String);

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Room {
    pub sections: Vec<SectionRow>,
    pub sources: BTreeMap<String, Vec<String>>,
    pub topic_labels: BTreeMap<String, String>,
    pub cursor: usize,
    pub target: Option<Target>,
    pub prompt: Option<Prompt<OutlinePrompt>>,
    pub coverage: CoverageView,
    /// A section just added: the selection moves to it when the outline reloads.
    pub select_next: Option<String>,
}

impl Room {
    pub fn modal_mode(&self) -> Option<Mode> {
        self.prompt.as_ref().map(|_| Mode::Prompt)
    }

    pub fn close_modal(&mut self) {
        self.prompt = None;
    }

    pub fn render_modal(&self, lang: Lang, screen: Rect, buf: &mut Buffer) {
        if let Some(p) = &self.prompt {
            p.render(lang, screen, buf);
        }
    }

    pub fn cursor(&self, screen: Rect) -> Option<Position> {
        self.prompt.as_ref().and_then(|p| p.cursor(screen))
    }

    /// Opens the outline mapping `target` and reads it.
    pub fn open(&mut self, target: Option<Target>) -> Vec<Effect> {
        self.target = target;
        vec![Effect::Load]
    }

    pub fn set(
        &mut self,
        sections: Vec<SectionRow>,
        sources: BTreeMap<String, Vec<String>>,
        topics: BTreeMap<String, String>,
    ) {
        let keep = self
            .select_next
            .take()
            .or_else(|| self.selected().map(|s| s.id.clone()));
        self.sections = sections;
        self.sources = sources;
        self.topic_labels = topics;
        if let Some(id) = keep
            && let Some(i) = self.sections.iter().position(|s| s.id == id)
        {
            self.cursor = i;
        }
        self.cursor = self.cursor.min(self.sections.len().saturating_sub(1));
    }

    pub fn selected(&self) -> Option<&SectionRow> {
        self.sections.get(self.cursor)
    }

    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        if let Some(p) = self.prompt.take() {
            return self.prompt_update(p, action);
        }
        let last = self.sections.len().saturating_sub(1);
        let Some(sel) = self.selected().cloned() else {
            if action == Action::Cancel {
                ctx.go(Nav::Board {
                    cards: false,
                    topics: false,
                });
            }
            return Vec::new();
        };
        let op = |op: SectionOp| vec![Effect::Section(op)];
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Map | Action::Unmap => match self.target.clone() {
                Some((target, _)) => {
                    let section = sel.id;
                    return op(if action == Action::Map {
                        SectionOp::Map { section, target }
                    } else {
                        SectionOp::Unmap { section, target }
                    });
                }
                None => ctx.fail_t(T::NothingToMap),
            },
            Action::Rename => {
                let kind = OutlinePrompt::Heading(sel.id);
                self.prompt = Some(Prompt::new(kind, &sel.heading));
            }
            Action::Edit => {
                let kind = OutlinePrompt::Draft(sel.id);
                self.prompt = Some(Prompt::new(kind, &sel.draft_text));
            }
            // A sibling of the selected section.
            Action::NewSection => {
                self.prompt = Some(Prompt::new(OutlinePrompt::NewSection(sel.parent_id), ""));
            }
            Action::MoveUp => {
                return op(SectionOp::Move {
                    id: sel.id,
                    delta: -1,
                });
            }
            Action::MoveDown => {
                return op(SectionOp::Move {
                    id: sel.id,
                    delta: 1,
                });
            }
            Action::Coverage => ctx.go(Nav::Coverage),
            Action::Undo => ctx.undo(),
            Action::Redo => ctx.redo(),
            Action::Cancel => ctx.go(Nav::Board {
                cards: false,
                topics: true,
            }),
            _ => {}
        }
        Vec::new()
    }

    /// After a change: a section that was added becomes the selection.
    pub fn changed(&mut self, change: &Change) {
        if let SectionOp::Delete { id } = &change.undo {
            self.select_next = Some(id.clone());
        }
    }

    pub fn done(&mut self, done: Done) {
        match done {
            Done::Loaded {
                sections,
                sources,
                topics,
            } => self.set(sections, sources, topics),
            Done::Coverage(c) => self.coverage.set(c),
            Done::Changed { .. } => {}
        }
    }
}
