//! The help overlay: every binding of the screen underneath, from the same keymap
//! that dispatches keys, so the help can never disagree with the keys. It scrolls when
//! the screen is too small to show them all, and says where it is.

use crate::model::Lang;
use crate::tui::action::Action;
use crate::tui::i18n::T;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

/// Where the overlay goes and how much of it shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Layout {
    area: Rect,
    /// Two columns side by side, the first `rows` entries on the left.
    two: bool,
    /// Rows of entries in all (per column when there are two).
    rows: usize,
    /// Rows that fit inside the border.
    visible: usize,
}

impl Layout {
    fn new(entries: usize, screen: Rect) -> Layout {
        // Two columns when the list is long and the screen wide enough.
        let two = screen.width >= 76 && entries > usize::from(screen.height.saturating_sub(2));
        let rows = if two { entries.div_ceil(2) } else { entries };
        let w = if two {
            screen.width.min(96)
        } else {
            screen.width.min(48)
        };
        let h = u16::try_from(rows + 2)
            .unwrap_or(u16::MAX)
            .min(screen.height);
        let area = Rect::new(
            screen.x + (screen.width - w) / 2,
            screen.y + (screen.height - h) / 2,
            w,
            h,
        );
        Layout {
            area,
            two,
            rows,
            visible: usize::from(h.saturating_sub(2)),
        }
    }

    fn max_scroll(&self) -> usize {
        self.rows.saturating_sub(self.visible)
    }
}

/// The first row shown after a scrolling key: `at` moved by a row or a page, kept
/// within what `entries` bindings need on a `size` screen.
pub fn scroll(at: usize, action: &Action, entries: usize, size: (u16, u16)) -> usize {
    let l = Layout::new(entries, Rect::new(0, 0, size.0, size.1));
    let page = l.visible.saturating_sub(1).max(1);
    let at = match action {
        Action::Down => at.saturating_add(1),
        Action::Up => at.saturating_sub(1),
        Action::PageDown => at.saturating_add(page),
        Action::PageUp => at.saturating_sub(page),
        _ => at,
    };
    at.min(l.max_scroll())
}

/// `entries`: keys and what they do in the mode under the overlay; `at`: the first row
/// shown.
pub fn render(entries: &[(String, String)], at: usize, lang: Lang, screen: Rect, buf: &mut Buffer) {
    if screen.is_empty() {
        return;
    }
    let key_width = entries
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(16);
    let lines: Vec<Line> = entries
        .iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!("{keys:>key_width$}  "), theme::label()),
                Span::raw(what.as_str()),
            ])
        })
        .collect();
    let l = Layout::new(lines.len(), screen);
    let at = at.min(l.max_scroll());
    let end = (at + l.visible).min(l.rows);
    Clear.render(l.area, buf);
    let mut block = Block::bordered().title(format!(" {} ", T::Help.tr(lang)));
    if l.max_scroll() > 0 {
        // Which rows show, and arrows where more is hidden.
        let up = if at > 0 { "↑" } else { "" };
        let down = if end < l.rows { "↓" } else { "" };
        let place = format!(" {}–{end}/{} {up}{down} ", at + 1, l.rows);
        block = block
            .title(Line::from(place).right_aligned())
            .title_bottom(format!(" {} ", T::HelpScroll.tr(lang)));
    } else {
        block = block.title_bottom(format!(" {} ", T::HelpClose.tr(lang)));
    }
    let inner = block.inner(l.area);
    block.render(l.area, buf);
    let column = |from: usize, to: usize| -> Vec<Line> {
        lines
            .iter()
            .skip(from)
            .take(to.saturating_sub(from))
            .cloned()
            .collect()
    };
    if l.two {
        let half = inner.width / 2;
        let left = column(at, end);
        let right = column(l.rows + at, l.rows + end);
        Paragraph::new(left).render(Rect::new(inner.x, inner.y, half, inner.height), buf);
        Paragraph::new(right).render(
            Rect::new(inner.x + half, inner.y, inner.width - half, inner.height),
            buf,
        );
    } else {
        Paragraph::new(column(at, end)).render(inner, buf);
    }
}
