//! The session picker: sessions of the consultation with their kind, date and totals;
//! pick one, add one, or edit the selected one.

use super::forms::SessionForm;
use crate::tui::action::Action;
use crate::tui::app::{App, Modal, Screen};
use crate::tui::effect::Effect;
use crate::tui::i18n::{Noun, T, count, session_kind_name};
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let last = app.sessions.len().saturating_sub(1);
    match action {
        Action::Up => app.session_cursor = app.session_cursor.saturating_sub(1),
        Action::Down => app.session_cursor = (app.session_cursor + 1).min(last),
        Action::Top => app.session_cursor = 0,
        Action::Bottom => app.session_cursor = last,
        Action::Open => {
            if let Some(s) = app.sessions.get(app.session_cursor) {
                let id = s.id.clone();
                return app.open_session(id);
            }
        }
        Action::NewSession => {
            app.modal = Some(Modal::SessionForm(SessionForm::new(None)));
        }
        Action::Edit => {
            if let Some(s) = app.sessions.get(app.session_cursor) {
                app.modal = Some(Modal::SessionForm(SessionForm::new(Some(s))));
            }
        }
        Action::Cancel if app.session_id.is_some() => app.screen = Screen::Cards,
        _ => {}
    }
    Vec::new()
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    if app.sessions.is_empty() {
        let msg = if app.screen == Screen::Starting {
            T::Loading
        } else {
            T::NoSessions
        };
        Line::styled(app.tr(msg), theme::dim()).render(area, buf);
        return;
    }
    let height = usize::from(area.height);
    let offset = app.session_cursor.saturating_sub(height.saturating_sub(1));
    for (row, s) in app.sessions.iter().enumerate().skip(offset).take(height) {
        let current = app.session_id.as_deref() == Some(s.id.as_str());
        let line = Line::from(vec![
            Span::raw(if current { "▸ " } else { "  " }),
            Span::styled(s.title.as_str(), theme::label()),
            Span::styled(
                format!(
                    "  {} · {}{}",
                    session_kind_name(s.kind, app.lang),
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
                count(s.card_count, Noun::Card, app.lang),
                count(s.vote_total, Noun::Vote, app.lang)
            )),
        ]);
        let y = area.y + (row - offset) as u16;
        let line_area = Rect::new(area.x, y, area.width, 1);
        line.render(line_area, buf);
        if row == app.session_cursor {
            buf.set_style(line_area, theme::selected());
        }
    }
}
