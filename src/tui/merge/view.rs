//! Drawing the merge dialogs.

use super::{Modal, Room};
use crate::model::Lang;
use crate::model::MergeConflict;
use crate::tui::i18n::T;
use crate::tui::theme;
use crate::tui::widgets::form;
use crate::tui::widgets::text::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Block, Clear, Widget};

fn tr(lang: Lang, t: T) -> &'static str {
    t.tr(lang)
}

impl Room {
    pub fn render_modal(&self, lang: Lang, screen: Rect, buf: &mut Buffer) {
        if screen.is_empty() {
            return;
        }
        match &self.modal {
            None => {}
            Some(Modal::Path(f)) => form::render(f, lang, screen, buf),
            Some(Modal::Conflicts(f)) => {
                render_conflicts(lang, &f.conflicts, screen, buf);
                form::render(f, lang, screen, buf);
                form::subtitle(f, &f.path, lang, screen, buf);
            }
        }
    }

    pub fn cursor(&self, lang: Lang, screen: Rect) -> Option<Position> {
        match self.modal.as_ref()? {
            Modal::Path(f) => form::cursor(f, lang, screen),
            Modal::Conflicts(f) => form::cursor(f, lang, screen),
        }
    }
}

/// Mine and theirs of each conflicting card, above the choice.
fn render_conflicts(lang: Lang, conflicts: &[MergeConflict], screen: Rect, buf: &mut Buffer) {
    let h = (conflicts.len() as u16 * 2 + 2).min(screen.height / 2);
    let area = Rect::new(screen.x, screen.y, screen.width, h);
    Clear.render(area, buf);
    let block = Block::bordered().title(tr(lang, T::ConflictsTitle));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = usize::from(inner.width);
    for (n, c) in conflicts.iter().enumerate() {
        let y = inner.y + 2 * n as u16;
        if y >= inner.bottom() {
            break;
        }
        let mine = format!("#{} {}: {}", c.seq, tr(lang, T::Mine), c.mine);
        buf.set_stringn(inner.x, y, truncate(&mine, w), w, theme::label());
        if y + 1 < inner.bottom() {
            let theirs = format!("    {}: {}", tr(lang, T::Theirs), c.theirs);
            buf.set_stringn(inner.x, y + 1, truncate(&theirs, w), w, theme::dim());
        }
    }
}
