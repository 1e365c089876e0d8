//! Drawing: a pure function of the app state. Header, body of the screen, the capture
//! line, the footer, then any modal on top.

use super::app::{App, Overlay, RoomId, Screen};
use super::cards::list_state::Sort;
use super::i18n::{Noun, T, count};
use super::keymap::Mode;
use super::theme;
use super::widgets::{footer, help, message};
use super::{board, cards, decisions, outline, participants};
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
        app.cards.capture_rows(app.size)
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
    // First, so that no title can push it off: the room must see the mode is on.
    if matches!(app.screen, Screen::Cards) && app.cards.projector {
        spans.push(Span::raw("│"));
        spans.push(Span::styled(
            format!(" ▣ {} ", app.tr(T::ProjectorMark)),
            theme::projector_selected(),
        ));
    }
    let title = match &app.screen {
        Screen::Starting | Screen::Sessions => match &app.consultation {
            Some(c) => format!("{} │ {}", c.title, app.tr(T::Sessions)),
            None => app.tr(T::Sessions).to_owned(),
        },
        Screen::Search => app.tr(T::Search).to_owned(),
        Screen::Board => format!(
            "{} │ {}",
            app.tr(T::Board),
            board::header(&app.board, app.lang)
        ),
        Screen::Decisions => format!(
            "{} │ {}",
            app.tr(T::DecisionLog),
            decisions::header(&app.decisions, app.lang)
        ),
        Screen::Outline => {
            let extra = outline::header(&app.outline, app.lang);
            if extra.is_empty() {
                app.tr(T::OutlineTitle).to_owned()
            } else {
                format!("{} │ {extra}", app.tr(T::OutlineTitle))
            }
        }
        Screen::Coverage => app.tr(T::CoverageTitle).to_owned(),
        Screen::Cards | Screen::Detail => {
            if app.cards.list.all_sessions {
                match &app.consultation {
                    Some(c) => format!("{}: {}", app.tr(T::AllSessions), c.title),
                    None => app.tr(T::AllSessions).to_owned(),
                }
            } else {
                app.session()
                    .map_or_else(|| app.tr(T::NoSession).to_owned(), |s| s.title.clone())
            }
        }
    };
    spans.push(Span::raw(format!("│ {title} ")));
    if matches!(app.screen, Screen::Cards | Screen::Detail) {
        // Per-session totals as stored; for the whole consultation, their sums.
        let c = &app.cards;
        let (cards, votes) = if c.list.all_sessions {
            app.sessions
                .sessions
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
        if let Some(a) = &c.activity {
            spans.push(Span::raw(format!("│ {}: {a} ", app.tr(T::Activity))));
        }
        if !c.list.query_text.is_empty() {
            spans.push(Span::raw(format!(
                "│ {}: {} ({}) ",
                app.tr(T::Filter),
                c.list.query_text,
                c.list.view.len()
            )));
        }
        let sort = match c.list.sort {
            Sort::Entry => None,
            Sort::Newest => Some(T::SortNewest),
            Sort::Votes => Some(T::SortVotes),
            Sort::Kind => Some(T::SortKind),
        };
        if let Some(s) = sort {
            spans.push(Span::raw(format!("│ {}: {} ", app.tr(T::Sort), app.tr(s))));
        }
    }
    Line::from(spans)
}

/// The countdown at the right end of the header, when the timer has been started.
fn timer_text(app: &App) -> Option<(String, ratatui::style::Style)> {
    let timer = &app.cards.timer;
    if !timer.is_active() {
        return None;
    }
    let left = timer.remaining_secs(app.now);
    let mut text = format!(" ⏱ {} ", timer.display(app.now));
    if left <= 0 {
        text = format!(" {} {text}", app.tr(T::TimeUp));
    } else if !timer.running() {
        text = format!(" {} {text}", app.tr(T::Paused));
    }
    Some((text, theme::timer(timer.running(), left <= 0)))
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
        let lang = self.lang;
        match self.screen {
            Screen::Starting | Screen::Sessions => self.sessions.render(
                lang,
                self.session_id.as_deref(),
                self.screen == Screen::Starting,
                b.body,
                buf,
            ),
            Screen::Cards | Screen::Detail | Screen::Search => {
                let (list, panel) = self.split_for_room(b.body);
                self.cards
                    .render(self.cards_view(), lang, self.utc_offset, list, buf);
                participants::render(&self.participants, lang, panel, buf);
            }
            Screen::Board => board::render(&self.board, lang, b.body, buf),
            Screen::Decisions => decisions::render(&self.decisions, lang, b.body, buf),
            Screen::Outline => outline::render(&self.outline, lang, b.body, buf),
            Screen::Coverage => outline::render_coverage(&self.outline.coverage, lang, b.body, buf),
        }
        if self.screen == Screen::Cards {
            cards::render_capture(&self.cards, lang, b.capture, buf);
        }
        let preview = if self.mode() == Mode::Capture {
            self.cards.capture_preview(lang)
        } else {
            None
        };
        let hints = self.keymap.footer_hints(self.mode());
        footer::render(self.status.as_ref(), preview, &hints, lang, b.footer, buf);
        match &self.overlay {
            Some(Overlay::Help(at)) => {
                help::render(&self.help_entries(), *at, lang, area, buf);
            }
            Some(Overlay::Message(t, lines)) => message::render(lang, *t, lines, area, buf),
            None => self.render_modal(area, buf),
        }
    }
}

impl App {
    /// The card list's area and the room's panel beside it (empty when closed).
    fn split_for_room(&self, body: Rect) -> (Rect, Rect) {
        if self.screen != Screen::Cards || !self.participants.is_open() {
            return (body, Rect::new(body.right(), body.y, 0, body.height));
        }
        let w = participants::panel_width(&self.participants, body.width);
        let list = Rect::new(body.x, body.y, body.width - w, body.height);
        (list, Rect::new(list.right(), body.y, w, body.height))
    }

    fn render_modal(&self, area: Rect, buf: &mut Buffer) {
        let lang = self.lang;
        match self.modal {
            None => {}
            Some(RoomId::Sessions) => self.sessions.render_modal(lang, area, buf),
            Some(RoomId::Cards) => self.cards.render_modal(lang, area, buf),
            Some(RoomId::Board) => self.board.render_modal(lang, area, buf),
            Some(RoomId::Decisions) => self.decisions.render_modal(lang, area, buf),
            Some(RoomId::Outline) => self.outline.render_modal(lang, area, buf),
            Some(RoomId::Merge) => self.merge.render_modal(lang, area, buf),
            Some(RoomId::Export) => self.export.render_modal(lang, area, buf),
            Some(RoomId::Settings) => self.settings.render_modal(lang, area, buf),
            Some(RoomId::Participants) => {
                if let Some(p) = &self.participants.prompt {
                    p.render(lang, area, buf);
                }
            }
        }
    }
}

/// Where the terminal cursor goes (in a text field), or `None` to hide it.
pub fn cursor(app: &App, area: Rect) -> Option<Position> {
    if area.is_empty() || app.overlay.is_some() {
        return None;
    }
    let b = bands(app, area);
    let lang = app.lang;
    match app.modal {
        Some(RoomId::Sessions) => app.sessions.cursor(lang, area),
        Some(RoomId::Board) => app.board.cursor(lang, area),
        Some(RoomId::Decisions) => app.decisions.cursor(lang, area),
        Some(RoomId::Outline) => app.outline.cursor(area),
        Some(RoomId::Merge) => app.merge.cursor(lang, area),
        Some(RoomId::Export) => app.export.cursor(lang, area),
        Some(RoomId::Settings) => app.settings.cursor(lang, area),
        Some(RoomId::Participants) => app.participants.prompt.as_ref()?.cursor(area),
        Some(RoomId::Cards) | None => {
            let view = match app.screen {
                Screen::Cards => cards::View::List,
                Screen::Search => cards::View::Search,
                _ if app.modal.is_some() => cards::View::Detail,
                _ => return None,
            };
            app.cards.cursor(view, lang, area, b.body, b.capture)
        }
    }
}
