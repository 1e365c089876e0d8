//! The help overlay: every binding of the screen underneath, from the same keymap
//! that dispatches keys, so the help can never disagree with the keys.

use crate::model::Lang;
use crate::tui::action::Action;
use crate::tui::i18n::T;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

/// `hints`: the bindings of the mode under the overlay.
pub fn render(hints: &[(String, Action)], lang: Lang, screen: Rect, buf: &mut Buffer) {
    if screen.is_empty() {
        return;
    }
    let key_width = hints
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(16);
    let lines: Vec<Line> = hints
        .iter()
        .map(|(keys, action)| {
            Line::from(vec![
                Span::styled(format!("{keys:>key_width$}  "), theme::label()),
                Span::raw(action.label(lang)),
            ])
        })
        .collect();
    // Two columns when the list is long and the screen wide enough.
    let rows = lines.len().div_ceil(2);
    let two = screen.width >= 76 && lines.len() > usize::from(screen.height.saturating_sub(2));
    let w = if two {
        screen.width.min(96)
    } else {
        screen.width.min(48)
    };
    let h = if two { rows } else { lines.len() } as u16 + 2;
    let h = h.min(screen.height);
    let area = Rect::new(
        screen.x + (screen.width - w) / 2,
        screen.y + (screen.height - h) / 2,
        w,
        h,
    );
    Clear.render(area, buf);
    let block = Block::bordered()
        .title(format!(" {} ", T::Help.tr(lang)))
        .title_bottom(format!(" {} ", T::HelpClose.tr(lang)));
    let inner = block.inner(area);
    block.render(area, buf);
    if two {
        let half = inner.width / 2;
        let right: Vec<Line> = lines.iter().skip(rows).cloned().collect();
        let left: Vec<Line> = lines.into_iter().take(rows).collect();
        Paragraph::new(left).render(Rect::new(inner.x, inner.y, half, inner.height), buf);
        Paragraph::new(right).render(
            Rect::new(inner.x + half, inner.y, inner.width - half, inner.height),
            buf,
        );
    } else {
        Paragraph::new(lines).render(inner, buf);
    }
}
