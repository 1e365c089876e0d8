//! Drawing: a pure function of the app state. Header, body of the screen, the capture
//! line, the footer, then any modal on top.

use super::app::{App, Modal, Screen};
use super::i18n::{Noun, T, count};
use super::screens::{
    board, cards, coverage, decisions, detail, dialogs, help, message, outline, picker, projector,
    proposal, search, sessions,
};
use super::theme;
use super::widgets::footer;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// The three bands of the screen: header, body, capture line (maybe empty), footer.
struct Bands {
    header: Rect,
    body: Rect,
    capture: Rect,
    footer: Rect,
}

fn bands(app: &App, area: Rect) -> Bands {
    let capture_h = if app.screen == Screen::Cards {
        app.capture_rows()
    } else {
        0
    };
    let header = Rect::new(area.x, area.y, area.width, area.height.min(1));
    let footer_y = area.bottom().saturating_sub(1).max(header.bottom());
    let footer = Rect::new(area.x, footer_y, area.width, area.bottom() - footer_y);
    let capture_y = footer.y.saturating_sub(capture_h).max(header.bottom());
    let capture = Rect::new(area.x, capture_y, area.width, footer.y - capture_y);
    let body = Rect::new(
        area.x,
        header.bottom(),
        area.width,
        capture.y - header.bottom(),
    );
    Bands {
        header,
        body,
        capture,
        footer,
    }
}

fn header_line(app: &App) -> Line<'_> {
    let mut spans = vec![Span::styled(" narada ", theme::label())];
    let title = match &app.screen {
        Screen::Starting | Screen::Sessions => app.tr(T::Sessions).to_owned(),
        Screen::Search => app.tr(T::Search).to_owned(),
        Screen::Board => format!("{} │ {}", app.tr(T::Board), board::header(app)),
        Screen::Decisions => format!("{} │ {}", app.tr(T::DecisionLog), decisions::header(app)),
        Screen::Outline => {
            let extra = outline::header(app);
            if extra.is_empty() {
                app.tr(T::OutlineTitle).to_owned()
            } else {
                format!("{} │ {extra}", app.tr(T::OutlineTitle))
            }
        }
        Screen::Coverage => app.tr(T::CoverageTitle).to_owned(),
        Screen::Cards | Screen::Detail(_) => {
            if app.list.all_sessions {
                app.tr(T::AllSessions).to_owned()
            } else {
                app.session()
                    .map_or_else(|| app.tr(T::NoSession).to_owned(), |s| s.title.clone())
            }
        }
    };
    spans.push(Span::raw(format!("│ {title} ")));
    if matches!(app.screen, Screen::Cards | Screen::Detail(_)) {
        // Per-session totals as stored; for the whole consultation, their sums.
        let (cards, votes) = if app.list.all_sessions {
            app.sessions
                .iter()
                .fold((0, 0), |(c, v), s| (c + s.card_count, v + s.vote_total))
        } else {
            app.session()
                .map_or((0, 0), |s| (s.card_count, s.vote_total))
        };
        spans.push(Span::raw(format!(
            "│ {} · {} ",
            count(cards, Noun::Card, app.lang),
            count(votes, Noun::Vote, app.lang)
        )));
        if let Some(a) = &app.activity {
            spans.push(Span::raw(format!("│ {}: {a} ", app.tr(T::Activity))));
        }
        if !app.list.query_text.is_empty() {
            spans.push(Span::raw(format!(
                "│ {}: {} ({}) ",
                app.tr(T::Filter),
                app.list.query_text,
                app.list.view.len()
            )));
        }
        let sort = match app.list.sort {
            super::screens::list_state::Sort::Entry => None,
            super::screens::list_state::Sort::Newest => Some(T::SortNewest),
            super::screens::list_state::Sort::Votes => Some(T::SortVotes),
            super::screens::list_state::Sort::Kind => Some(T::SortKind),
        };
        if let Some(s) = sort {
            spans.push(Span::raw(format!("│ {}: {} ", app.tr(T::Sort), app.tr(s))));
        }
        if app.projector {
            spans.push(Span::raw(format!("│ {} ", app.tr(T::Projector))));
        }
    }
    Line::from(spans)
}

/// The countdown at the right end of the header, when the timer has been started.
fn timer_text(app: &App) -> Option<(String, ratatui::style::Style)> {
    if !app.timer.is_active() {
        return None;
    }
    let left = app.timer.remaining_secs(app.now);
    let mut text = format!(" ⏱ {} ", app.timer.display(app.now));
    if left <= 0 {
        text = format!(" {} {text}", app.tr(T::TimeUp));
    } else if !app.timer.running() {
        text = format!(" {} {text}", app.tr(T::Paused));
    }
    Some((text, theme::timer(app.timer.running(), left <= 0)))
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let b = bands(self, area);
        buf.set_style(b.header, theme::header());
        header_line(self).render(b.header, buf);
        if let Some((text, style)) = timer_text(self) {
            let w = (text.width() as u16).min(b.header.width);
            let x = b.header.right() - w;
            buf.set_stringn(x, b.header.y, text, usize::from(w), style);
        }
        match &self.screen {
            Screen::Starting | Screen::Sessions => sessions::render(self, b.body, buf),
            Screen::Cards if self.projector => projector::render(self, b.body, buf),
            Screen::Cards => cards::render_list(self, b.body, buf),
            Screen::Detail(card) => detail::render(self, card, b.body, buf),
            Screen::Search => search::render(self, b.body, buf),
            Screen::Board => board::render(self, b.body, buf),
            Screen::Decisions => decisions::render(self, b.body, buf),
            Screen::Outline => outline::render(self, b.body, buf),
            Screen::Coverage => coverage::render(self, b.body, buf),
        }
        cards::render_capture(self, b.capture, buf);
        footer::render(self, b.footer, buf);
        match &self.modal {
            None => {}
            Some(Modal::Help) => help::render(self, area, buf),
            Some(Modal::SessionForm(f)) => f.form.render(self, area, buf),
            Some(Modal::CardForm(f)) => f.form.render(self, area, buf),
            Some(Modal::Prompt(p)) => super::screens::prompt::render(self, p, area, buf),
            Some(Modal::Picker(p)) => picker::render(self, p, area, buf),
            Some(Modal::Dialog(d)) => dialogs::render(self, d, area, buf),
            Some(Modal::Proposal(p)) => proposal::render(self, p, area, buf),
            Some(Modal::Message(t, lines)) => message::render(self, *t, lines, area, buf),
        }
    }
}

/// Where the terminal cursor goes (in a text field), or `None` to hide it.
pub fn cursor(app: &App, area: Rect) -> Option<Position> {
    if area.is_empty() {
        return None;
    }
    let b = bands(app, area);
    match &app.modal {
        Some(Modal::Help | Modal::Proposal(_) | Modal::Message(..)) => None,
        Some(Modal::SessionForm(f)) => f.form.cursor(app, area),
        Some(Modal::CardForm(f)) => f.form.cursor(app, area),
        Some(Modal::Prompt(p)) => super::screens::prompt::cursor(p, area),
        Some(Modal::Picker(p)) => picker::cursor(p, area),
        Some(Modal::Dialog(d)) => dialogs::cursor(app, d, area),
        None => match (&app.screen, &app.capture) {
            (Screen::Cards, Some(line)) => {
                let badge = format!("{} ▸ ", super::i18n::kind_badge(line.kind, app.lang));
                let fa = cards::capture_field_area(b.capture, badge.chars().count() as u16);
                line.field.cursor_position(fa)
            }
            (Screen::Search, _) => search::cursor(app, b.body),
            _ => None,
        },
    }
}
