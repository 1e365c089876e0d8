//! Asking before a unit is deleted: it goes with every unit below it, and the question
//! says what that loses (mapped topics and cards, drafted text). Undo brings it back.

use crate::model::Lang;
use crate::storage::outline::SectionRow;
use crate::storage::outline_units::Loss;
use crate::tui::i18n::{Noun, T, count};
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteConfirm {
    pub id: String,
    /// "§ 5 ust. 2 (razem 4 jednostki) — utracisz: 2 tematy, jednostki z tekstem: 3".
    pub message: String,
}

impl DeleteConfirm {
    /// The question for deleting `rows[at]`, from the outline as the room holds it.
    pub fn new(rows: &[SectionRow], at: usize, lang: Lang) -> Option<DeleteConfirm> {
        let me = rows.get(at)?;
        let loss = Loss::of(rows, &me.id)?;
        let mut lost = Vec::new();
        if loss.topics > 0 {
            lost.push(count(loss.topics as i64, Noun::Topic, lang));
        }
        if loss.cards > 0 {
            lost.push(count(loss.cards as i64, Noun::Card, lang));
        }
        if loss.drafted > 0 {
            lost.push(format!("{}: {}", T::UnitsWithText.tr(lang), loss.drafted));
        }
        let mut message = format!(
            "{} ({} {})",
            me.citation,
            T::InAll.tr(lang),
            count(loss.units as i64, Noun::Unit, lang)
        );
        if !lost.is_empty() {
            message = format!(
                "{message} — {}: {}",
                T::DeleteLoses.tr(lang),
                lost.join(", ")
            );
        }
        Some(DeleteConfirm {
            id: me.id.clone(),
            message,
        })
    }

    pub fn render(&self, lang: Lang, screen: Rect, buf: &mut Buffer) {
        if screen.is_empty() {
            return;
        }
        let height = 5.min(screen.height);
        let y = screen.y
            + screen
                .height
                .saturating_sub(height + 1)
                .min(screen.height - height);
        let outer = Rect::new(screen.x, y, screen.width, height);
        Clear.render(outer, buf);
        let block = Block::bordered()
            .title(T::DeleteUnitTitle.tr(lang))
            .border_style(theme::error());
        let inner = block.inner(outer);
        block.render(outer, buf);
        if inner.is_empty() {
            return;
        }
        let text = format!("{}\n{}", self.message, T::DeleteUnitHint.tr(lang));
        Paragraph::new(text)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }
}
