//! One-line prompts: the filter line, the timer length, and the names and texts the
//! board and the outline ask for.

use crate::model::CardQuery;
use crate::tui::action::Action;
use crate::tui::app::{App, Modal, more};
use crate::tui::board_effects::{BoardOp, MoreEffect, SectionOp};
use crate::tui::effect::Effect;
use crate::tui::i18n::T;
use crate::tui::theme;
use crate::tui::timer::parse_length;
use crate::tui::widgets::text_field::TextField;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PromptKind {
    Filter,
    Timer,
    RenameTopic(String),
    /// Label of a new topic for these cards.
    NewTopic(Vec<String>),
    /// Label of a new topic for these cards of a topic.
    SplitTopic(String, Vec<String>),
    SectionHeading(String),
    SectionDraft(String),
    /// Heading of a new section under this parent (a chapter when `None`).
    NewSection(Option<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub field: TextField,
    pub error: Option<String>,
}

impl Prompt {
    pub fn new(kind: PromptKind, field: TextField) -> Prompt {
        Prompt {
            kind,
            field,
            error: None,
        }
    }

    fn title(&self) -> T {
        match self.kind {
            PromptKind::Filter => T::Filter,
            PromptKind::Timer => T::TimerPrompt,
            PromptKind::RenameTopic(_) => T::RenameTopic,
            PromptKind::NewTopic(_) => T::NewTopicLabel,
            PromptKind::SplitTopic(..) => T::SplitTopicLabel,
            PromptKind::SectionHeading(_) => T::SectionHeading,
            PromptKind::SectionDraft(_) => T::SectionDraft,
            PromptKind::NewSection(_) => T::NewSectionTitle,
        }
    }

    fn hint(&self) -> Option<T> {
        match self.kind {
            PromptKind::Filter => Some(T::FilterHint),
            _ => None,
        }
    }
}

pub fn update(app: &mut App, mut p: Prompt, action: Action) -> Vec<Effect> {
    match action {
        Action::Key(ev) => {
            p.field.input(&ev);
        }
        Action::Cancel => return Vec::new(),
        Action::Save if !matches!(p.kind, PromptKind::Filter | PromptKind::Timer) => {
            let text = p.field.text().trim().to_owned();
            if text.is_empty() && !matches!(p.kind, PromptKind::SectionDraft(_)) {
                app.modal = Some(Modal::Prompt(p));
                return Vec::new();
            }
            return named(app, p.kind, text);
        }
        Action::Save => match p.kind {
            PromptKind::Filter => match CardQuery::parse(p.field.text()) {
                Ok(q) => {
                    let keep = app.list.selected_card().map(|c| c.id.clone());
                    app.list.query = q;
                    app.list.query_text = p.field.text().trim().to_owned();
                    app.list.rebuild(keep.as_deref());
                    let h = app.list_height();
                    app.list.follow(h);
                    return Vec::new();
                }
                Err(e) => p.error = Some(e),
            },
            PromptKind::Timer => match parse_length(p.field.text()) {
                Some(d) => {
                    app.timer.set(d);
                    return Vec::new();
                }
                None => p.error = Some(app.tr(T::NotANumber).to_owned()),
            },
            _ => {}
        },
        _ => {}
    }
    app.modal = Some(Modal::Prompt(p));
    Vec::new()
}

/// A name or text was entered: the store operation it asks for.
fn named(app: &mut App, kind: PromptKind, text: String) -> Vec<Effect> {
    let e = match kind {
        PromptKind::RenameTopic(id) => MoreEffect::Board(BoardOp::Rename { id, label: text }),
        PromptKind::NewTopic(cards) => {
            app.board.marked.clear();
            MoreEffect::Board(BoardOp::MoveToNew { cards, label: text })
        }
        PromptKind::SplitTopic(id, cards) => {
            app.board.marked.clear();
            MoreEffect::Board(BoardOp::SplitTopic {
                id,
                cards,
                label: text,
            })
        }
        PromptKind::SectionHeading(id) => MoreEffect::Section(SectionOp::Edit {
            id,
            heading: Some(text),
            draft: None,
        }),
        PromptKind::SectionDraft(id) => MoreEffect::Section(SectionOp::Edit {
            id,
            heading: None,
            draft: Some(text),
        }),
        PromptKind::NewSection(parent) => MoreEffect::Section(SectionOp::Add {
            parent,
            heading: text,
        }),
        PromptKind::Filter | PromptKind::Timer => return Vec::new(),
    };
    vec![more(e)]
}

/// The box: three lines (field, hint or error) centred low on the screen.
fn area(p: &Prompt, screen: Rect) -> Rect {
    let height = if p.hint().is_some() || p.error.is_some() {
        4
    } else {
        3
    };
    let height = height.min(screen.height);
    let y = screen.y
        + screen
            .height
            .saturating_sub(height + 1)
            .min(screen.height - height);
    Rect::new(screen.x, y, screen.width, height)
}

pub fn render(app: &App, p: &Prompt, screen: Rect, buf: &mut Buffer) {
    if screen.is_empty() {
        return;
    }
    let outer = area(p, screen);
    Clear.render(outer, buf);
    let block = Block::bordered().title(app.tr(p.title()));
    let inner = block.inner(outer);
    block.render(outer, buf);
    if inner.is_empty() {
        return;
    }
    p.field.render(
        Rect::new(inner.x, inner.y, inner.width, 1),
        buf,
        Style::default(),
    );
    if inner.height > 1 {
        let (text, style) = match (&p.error, p.hint()) {
            (Some(e), _) => (e.clone(), theme::error()),
            (None, Some(h)) => (app.tr(h).to_owned(), theme::dim()),
            (None, None) => return,
        };
        buf.set_stringn(inner.x, inner.y + 1, text, usize::from(inner.width), style);
    }
}

pub fn cursor(p: &Prompt, screen: Rect) -> Option<Position> {
    if screen.is_empty() {
        return None;
    }
    let inner = Block::bordered().inner(area(p, screen));
    if inner.is_empty() {
        return None;
    }
    p.field
        .cursor_position(Rect::new(inner.x, inner.y, inner.width, 1))
}
