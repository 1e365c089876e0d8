//! The resolution outline: chapters and § with citations, what is mapped to each and
//! how many adopted sources feed it. Maps the topic or card selected on the board;
//! renames, adds and reorders sections and edits their draft text. Its coverage view
//! lists sections with no adopted recommendation and adopted cards not yet mapped.

mod coverage;
mod delete;
mod editor;
mod effect;
mod prompt;
mod view;

pub use coverage::{CoverageView, render as render_coverage};
pub use delete::DeleteConfirm;
pub use editor::{EditStep, Editor, EditorFor};
pub use effect::{Change, Done, Effect, SectionOp, perform, undo};
pub use prompt::OutlinePrompt;
pub use view::{header, render};

use crate::model::{Lang, MapTarget, SectionLevel, strip_typed_number};
use crate::storage::outline::SectionRow;
use crate::storage::outline_units::Place;
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
    /// The multi-line editor of a unit's text.
    pub editor: Option<Editor>,
    /// The question before a unit is deleted.
    pub confirm: Option<DeleteConfirm>,
    pub coverage: CoverageView,
    /// A section just added: the selection moves to it when the outline reloads.
    pub select_next: Option<String>,
}

/// The effect of an operation, telling the user when a typed number was left out.
pub(super) fn noted(op: SectionOp, typed_number: bool, ctx: &Ctx) -> Effect {
    if typed_number {
        Effect::Noted(op, T::NumbersAreAutomatic.tr(ctx.lang).to_owned())
    } else {
        Effect::Section(op)
    }
}

/// The editor's title for a unit: its address, and its heading when it has one.
fn unit_title(s: &SectionRow) -> String {
    if s.heading.trim().is_empty() {
        s.citation.clone()
    } else {
        format!("{} {}", s.citation, s.heading.trim())
    }
}

impl Room {
    pub fn modal_mode(&self) -> Option<Mode> {
        if self.editor.is_some() {
            Some(Mode::Editor)
        } else if self.prompt.is_some() || self.confirm.is_some() {
            Some(Mode::Prompt)
        } else {
            None
        }
    }

    pub fn close_modal(&mut self) {
        self.prompt = None;
        self.editor = None;
        self.confirm = None;
    }

    pub fn render_modal(&self, lang: Lang, screen: Rect, buf: &mut Buffer) {
        if let Some(p) = &self.prompt {
            p.render(lang, screen, buf);
        }
        if let Some(e) = &self.editor {
            e.render(lang, screen, buf);
        }
        if let Some(c) = &self.confirm {
            c.render(lang, screen, buf);
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
            return self.prompt_update(p, action, ctx);
        }
        if let Some(e) = self.editor.take() {
            return self.editor_update(e, &action, ctx);
        }
        if let Some(c) = self.confirm.take() {
            return match action {
                Action::Save => vec![Effect::Section(SectionOp::Delete { id: c.id })],
                Action::Cancel => Vec::new(),
                _ => {
                    self.confirm = Some(c);
                    Vec::new()
                }
            };
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
                let title = unit_title(&sel);
                let target = EditorFor::Text(sel.id);
                self.editor = Some(Editor::new(target, title, &sel.draft_text));
            }
            Action::AddChild => match sel.level.child() {
                Some(level) => {
                    let title = format!("{} {}", T::EditorIn.tr(ctx.lang), sel.citation);
                    self.open_new(Place::Under(Some(sel.id)), level, title);
                }
                None => ctx.fail_t(T::NoChildLevel),
            },
            Action::NewSection => {
                let title = format!("{} {}", T::EditorAfter.tr(ctx.lang), sel.citation);
                self.open_new(Place::After(sel.id), sel.level, title);
            }
            Action::Delete => {
                self.confirm = DeleteConfirm::new(&self.sections, self.cursor, ctx.lang);
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
            Action::Settings => ctx.go(Nav::Settings),
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

    /// A new chapter or § asks for its heading on one line; a unit below the § opens
    /// the editor for its text.
    fn open_new(&mut self, place: Place, level: SectionLevel, title: String) {
        if level.is_text_unit() {
            let target = EditorFor::New { place, level: None };
            self.editor = Some(Editor::new(target, title, ""));
        } else {
            self.prompt = Some(Prompt::new(OutlinePrompt::NewUnit(place), ""));
        }
    }

    fn editor_update(&mut self, mut e: Editor, action: &Action, ctx: &mut Ctx) -> Vec<Effect> {
        match e.step(action) {
            EditStep::Cancel => Vec::new(),
            EditStep::Edited => {
                self.editor = Some(e);
                Vec::new()
            }
            EditStep::Submit(text) => {
                let is_text_unit = match &e.target {
                    EditorFor::Text(id) => self
                        .sections
                        .iter()
                        .any(|s| &s.id == id && s.level.is_text_unit()),
                    EditorFor::New { .. } => true,
                };
                let typed_number = is_text_unit && !strip_typed_number(&text).0.is_empty();
                let op = match e.target {
                    EditorFor::Text(id) => SectionOp::Edit {
                        id,
                        heading: None,
                        draft: Some(text),
                    },
                    EditorFor::New { place, level } => SectionOp::Add { place, level, text },
                };
                vec![noted(op, typed_number, ctx)]
            }
        }
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
