//! A one-line prompt low on the screen: a title, the field, and a hint or an error.
//! Each room has its own kinds of prompt (what the text is for); this draws them.

use crate::model::Lang;
use crate::tui::action::Action;
use crate::tui::i18n::T;
use crate::tui::theme;
use crate::tui::widgets::text_field::TextField;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};

/// What a room's prompt is for: it names the title and the hint.
pub trait PromptKind {
    fn title(&self) -> T;
    fn hint(&self) -> Option<T> {
        None
    }
}

/// What a key did to a prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Typed, or nothing the prompt answers.
    Edited,
    Cancel,
    /// Enter, with the text trimmed.
    Submit(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Prompt<K> {
    pub kind: K,
    pub field: TextField,
    pub error: Option<String>,
}

impl<K: PromptKind> Prompt<K> {
    pub fn new(kind: K, text: &str) -> Prompt<K> {
        Prompt {
            kind,
            field: TextField::prefilled(text),
            error: None,
        }
    }

    /// Applies a key: text goes into the field, Esc cancels, Enter submits.
    pub fn step(&mut self, action: &Action) -> Step {
        match action {
            Action::Cancel => Step::Cancel,
            Action::Save => Step::Submit(self.field.text().trim().to_owned()),
            _ => {
                self.field.edit(action);
                Step::Edited
            }
        }
    }

    /// The box: three lines (field, hint or error) centred low on the screen.
    fn area(&self, screen: Rect) -> Rect {
        let height = if self.kind.hint().is_some() || self.error.is_some() {
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

    pub fn render(&self, lang: Lang, screen: Rect, buf: &mut Buffer) {
        if screen.is_empty() {
            return;
        }
        let outer = self.area(screen);
        Clear.render(outer, buf);
        let block = Block::bordered().title(self.kind.title().tr(lang));
        let inner = block.inner(outer);
        block.render(outer, buf);
        if inner.is_empty() {
            return;
        }
        self.field.render(
            Rect::new(inner.x, inner.y, inner.width, 1),
            buf,
            Style::default(),
        );
        if inner.height > 1 {
            let (text, style) = match (&self.error, self.kind.hint()) {
                (Some(e), _) => (e.clone(), theme::error()),
                (None, Some(h)) => (h.tr(lang).to_owned(), theme::dim()),
                (None, None) => return,
            };
            buf.set_stringn(inner.x, inner.y + 1, text, usize::from(inner.width), style);
        }
    }

    pub fn cursor(&self, screen: Rect) -> Option<Position> {
        if screen.is_empty() {
            return None;
        }
        let inner = Block::bordered().inner(self.area(screen));
        if inner.is_empty() {
            return None;
        }
        self.field
            .cursor_position(Rect::new(inner.x, inner.y, inner.width, 1))
    }
}
