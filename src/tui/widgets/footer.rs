//! The footer: the status message if there is one, else a preview of the card being
//! typed, else key hints for the current mode in the footer's order, as many as fit.

use crate::model::Lang;
use crate::tui::action::Action;
use crate::tui::ctx::Status;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

pub fn render(
    status: Option<&Status>,
    preview: Option<Line>,
    hints: &[(String, Action)],
    lang: Lang,
    area: Rect,
    buf: &mut Buffer,
) {
    if area.is_empty() {
        return;
    }
    if let Some(status) = status {
        let style = if status.error {
            theme::error()
        } else {
            theme::ok()
        };
        Line::styled(status.text.as_str(), style).render(area, buf);
        return;
    }
    if let Some(line) = preview {
        line.render(area, buf);
        return;
    }
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0usize;
    let width = usize::from(area.width);
    for (keys, action) in hints {
        let label = action.footer_label(lang);
        let w = keys.width() + label.width() + 3;
        // A shorter hint further on may still fit where this one does not.
        if used + w > width {
            continue;
        }
        used += w;
        spans.push(Span::styled(format!(" {keys} "), theme::footer_key()));
        spans.push(Span::styled(format!("{label} "), theme::footer_label()));
    }
    Line::from(spans).render(area, buf);
}
