//! Drawing the session picker.

use super::Room;
use crate::model::Lang;
use crate::tui::i18n::{Noun, T, count, session_kind_name};
use crate::tui::theme;
use crate::tui::widgets::form;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

impl Room {
    /// `starting`: the store has not said yet which sessions there are.
    pub fn render(
        &self,
        lang: Lang,
        current: Option<&str>,
        starting: bool,
        area: Rect,
        buf: &mut Buffer,
    ) {
        if area.is_empty() {
            return;
        }
        if self.sessions.is_empty() {
            let msg = if starting { T::Loading } else { T::NoSessions };
            Line::styled(msg.tr(lang), theme::dim()).render(area, buf);
            return;
        }
        let height = usize::from(area.height);
        let offset = self.cursor.saturating_sub(height.saturating_sub(1));
        for (row, s) in self.sessions.iter().enumerate().skip(offset).take(height) {
            // ▸ is the selection, as in every list; • marks the session that is open.
            let marker = match (row == self.cursor, current == Some(s.id.as_str())) {
                (true, true) => "▸• ",
                (true, false) => "▸  ",
                (false, true) => " • ",
                (false, false) => "   ",
            };
            let line = Line::from(vec![
                Span::raw(marker),
                Span::styled(s.title.as_str(), theme::label()),
                Span::styled(
                    format!(
                        "  {} · {}{}",
                        session_kind_name(s.kind, lang),
                        s.date.as_deref().unwrap_or("—"),
                        if s.place.is_empty() {
                            String::new()
                        } else {
                            format!(" · {}", s.place)
                        }
                    ),
                    theme::dim(),
                ),
                Span::raw(format!(
                    "  {} · {}",
                    count(s.card_count, Noun::Card, lang),
                    count(s.vote_total, Noun::Vote, lang)
                )),
            ]);
            let y = area.y + (row - offset) as u16;
            let line_area = Rect::new(area.x, y, area.width, 1);
            line.render(line_area, buf);
            if row == self.cursor {
                buf.set_style(line_area, theme::selected());
            }
        }
    }

    pub fn render_modal(&self, lang: Lang, screen: Rect, buf: &mut Buffer) {
        if let Some(f) = &self.form {
            form::render(f, lang, screen, buf);
        } else if let Some(p) = &self.title {
            p.render(lang, screen, buf);
        }
    }

    pub fn cursor(&self, lang: Lang, screen: Rect) -> Option<ratatui::layout::Position> {
        match (&self.form, &self.title) {
            (Some(f), _) => form::cursor(f, lang, screen),
            (None, Some(p)) => p.cursor(screen),
            (None, None) => None,
        }
    }
}
