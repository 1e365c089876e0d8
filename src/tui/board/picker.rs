//! A list to pick from, narrowed by typing: the topic to move cards to (or a new one),
//! the topic to merge into.

use super::{BoardOp, BoardPrompt, Effect, Modal, Room};
use crate::model::Lang;
use crate::model::text::fold;
use crate::tui::action::Action;
use crate::tui::i18n::T;
use crate::tui::theme;
use crate::tui::widgets::prompt::Prompt;
use crate::tui::widgets::text::truncate;
use crate::tui::widgets::text_field::TextField;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};

#[derive(Debug, Clone, PartialEq)]
pub enum PickPurpose {
    /// Move these cards; the `None` item means a new topic.
    MoveTo(Vec<String>),
    /// Merge this topic into the picked one.
    MergeInto(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Picker {
    pub purpose: PickPurpose,
    /// `(id, label)`; id `None` is "new topic".
    pub items: Vec<(Option<String>, String)>,
    pub filter: TextField,
    /// Index into `visible()`.
    pub cursor: usize,
}

impl Picker {
    pub fn new(purpose: PickPurpose, items: Vec<(Option<String>, String)>) -> Picker {
        Picker {
            purpose,
            items,
            filter: TextField::default(),
            cursor: 0,
        }
    }

    /// Items whose label contains the typed text (letters folded: lodz = Łódź). The
    /// "new topic" entry leads while nothing is typed; then it comes last, offering the
    /// typed name, unless a topic has exactly that name.
    pub fn visible(&self) -> Vec<usize> {
        let f = fold(self.typed());
        let mut v: Vec<usize> = (0..self.items.len())
            .filter(|&i| self.items[i].0.is_some())
            .filter(|&i| f.is_empty() || fold(&self.items[i].1).contains(&f))
            .collect();
        if let Some(new) = self.items.iter().position(|it| it.0.is_none()) {
            if f.is_empty() {
                v.insert(0, new);
            } else if !v.iter().any(|&i| fold(&self.items[i].1) == f) {
                v.push(new);
            }
        }
        v
    }

    fn typed(&self) -> &str {
        self.filter.text().trim()
    }

    fn title(&self) -> T {
        match self.purpose {
            PickPurpose::MoveTo(_) => T::MoveTo,
            PickPurpose::MergeInto(_) => T::MergeInto,
        }
    }
}

impl Room {
    pub(super) fn picker_update(&mut self, mut p: Picker, action: Action) -> Vec<Effect> {
        let n = p.visible().len();
        match action {
            Action::Cancel => return Vec::new(),
            Action::Up => p.cursor = p.cursor.saturating_sub(1),
            Action::Down => p.cursor = (p.cursor + 1).min(n.saturating_sub(1)),
            Action::Key(_) | Action::Paste(_) if p.filter.edit(&action) == Some(true) => {
                p.cursor = 0;
            }
            Action::Save => {
                let Some(&i) = p.visible().get(p.cursor) else {
                    self.modal = Some(Modal::Picker(p));
                    return Vec::new();
                };
                let id = p.items[i].0.clone();
                let typed = p.typed().to_owned();
                return match (p.purpose, id) {
                    (PickPurpose::MoveTo(cards), None) if !typed.is_empty() => {
                        self.marked.clear();
                        vec![Effect::Op(BoardOp::MoveToNew {
                            cards,
                            label: typed,
                        })]
                    }
                    (PickPurpose::MoveTo(cards), None) => {
                        let prompt = Prompt::new(BoardPrompt::NewTopic(cards), "");
                        self.modal = Some(Modal::Prompt(prompt));
                        Vec::new()
                    }
                    (PickPurpose::MoveTo(cards), Some(topic)) => {
                        self.marked.clear();
                        vec![Effect::Op(BoardOp::Move { cards, topic })]
                    }
                    (PickPurpose::MergeInto(from), Some(into)) => {
                        vec![Effect::Op(BoardOp::MergeTopics { from, into })]
                    }
                    (PickPurpose::MergeInto(_), None) => Vec::new(),
                };
            }
            _ => {}
        }
        self.modal = Some(Modal::Picker(p));
        Vec::new()
    }
}

fn outer(screen: Rect) -> Rect {
    let w = screen.width.min(60);
    let h = screen.height.min(16);
    Rect::new(
        screen.x + (screen.width - w) / 2,
        screen.y + (screen.height - h) / 2,
        w,
        h,
    )
}

impl Picker {
    pub fn render(&self, lang: Lang, screen: Rect, buf: &mut Buffer) {
        let p = self;
        if screen.is_empty() {
            return;
        }
        let area = outer(screen);
        Clear.render(area, buf);
        let block = Block::bordered().title(p.title().tr(lang));
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        p.filter.render(
            Rect::new(inner.x, inner.y, inner.width, 1),
            buf,
            Style::default(),
        );
        let list_h = usize::from(inner.height.saturating_sub(1));
        let visible = p.visible();
        let off = p.cursor.saturating_sub(list_h.saturating_sub(1));
        for (n, (row, &i)) in visible
            .iter()
            .enumerate()
            .skip(off)
            .take(list_h)
            .enumerate()
        {
            let y = inner.y + 1 + n as u16;
            let text = match &p.items[i] {
                (None, _) if !p.typed().is_empty() => {
                    format!(" {} «{}»", T::CreateTopic.tr(lang), p.typed())
                }
                (_, label) => format!(" {label}"),
            };
            let w = usize::from(inner.width);
            let style = if row == p.cursor {
                theme::selected()
            } else {
                Style::default()
            };
            buf.set_stringn(inner.x, y, truncate(&text, w), w, style);
        }
    }

    pub fn cursor(&self, screen: Rect) -> Option<Position> {
        let p = self;
        if screen.is_empty() {
            return None;
        }
        let inner = Block::bordered().inner(outer(screen));
        if inner.is_empty() {
            return None;
        }
        p.filter
            .cursor_position(Rect::new(inner.x, inner.y, inner.width, 1))
    }
}
