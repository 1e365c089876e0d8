//! Search as you type: each edit asks the store (FTS5 over the folded key, with a
//! LIMIT) for the newest query only; matched words are highlighted.

use super::{Effect, Room};
use crate::model::Card;
use crate::model::Lang;
use crate::model::text::match_ranges;
use crate::tui::action::Action;
use crate::tui::ctx::{Back, Ctx, Nav};
use crate::tui::i18n::{T, kind_badge};
use crate::tui::reader::Read;
use crate::tui::theme;
use crate::tui::widgets::text_field::TextField;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchState {
    pub field: TextField,
    /// The query the results are for (the field may be ahead of it).
    pub query: String,
    pub results: Vec<Card>,
    pub selected: usize,
    /// Counts edits; answers to older texts are stale.
    pub generation: u64,
    /// Results for the current text are still to come.
    pub pending: bool,
    /// A search is running. At most one is: edits made meanwhile (fast typing, a paste
    /// without bracketed paste) are searched together when it comes back.
    pub in_flight: bool,
}

impl SearchState {
    /// The read for the field's text now, if one should start now.
    fn search_now(&mut self) -> Option<Read> {
        if self.in_flight {
            return None;
        }
        self.in_flight = true;
        Some(Read::Search {
            generation: self.generation,
            query: self.field.text().to_owned(),
        })
    }

    /// An answer came; returns the read for the newest text when it changed meanwhile.
    pub fn results_arrived(
        &mut self,
        generation: u64,
        query: String,
        cards: Vec<Card>,
    ) -> Option<Read> {
        self.in_flight = false;
        if generation != self.generation && !self.pending {
            // The field was emptied meanwhile.
            return None;
        }
        // Older results still beat none while the newest are on their way.
        self.query = query;
        self.results = cards;
        self.selected = 0;
        if generation == self.generation {
            self.pending = false;
            return None;
        }
        self.search_now()
    }

    /// A read failed: nothing is on its way any more.
    pub fn failed(&mut self) {
        self.in_flight = false;
        self.pending = false;
    }

    /// Keeps a shown result up to date after an edit or vote.
    pub fn replace(&mut self, card: &Card) {
        if let Some(r) = self.results.iter_mut().find(|r| r.id == card.id) {
            *r = card.clone();
        }
        if card.deleted_at.is_some() {
            self.results.retain(|r| r.id != card.id);
            self.selected = self.selected.min(self.results.len().saturating_sub(1));
        }
    }
}

impl Room {
    pub(super) fn search_update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        let s = &mut self.search;
        match action {
            // Only a changed text asks for a new search.
            Action::Key(_) | Action::Paste(_) => {
                if s.field.edit(&action) != Some(true) {
                    return Vec::new();
                }
                // A new generation either way, so a slower earlier answer is dropped.
                s.generation += 1;
                let query = s.field.text().to_owned();
                if crate::storage::fts_query(&query, crate::model::Lang::Pl).is_none() {
                    s.results.clear();
                    s.query = query;
                    s.pending = false;
                    return Vec::new();
                }
                s.pending = true;
                return s.search_now().map(Effect::Read).into_iter().collect();
            }
            Action::Up => s.selected = s.selected.saturating_sub(1),
            Action::Down => s.selected = (s.selected + 1).min(s.results.len().saturating_sub(1)),
            Action::Open => {
                if let Some(card) = s.results.get(s.selected) {
                    ctx.go(Nav::Detail(Box::new(card.clone()), Back::Search));
                }
            }
            Action::Cancel => ctx.go(Nav::Cards),
            _ => {}
        }
        Vec::new()
    }
}

/// A result line with the matched words highlighted.
fn result_line<'a>(lang: Lang, card: &'a Card, query: &str, selected: bool) -> Line<'a> {
    let mut spans = vec![
        Span::raw(if selected { "▸" } else { " " }),
        Span::styled("● ", theme::kind(card.kind)),
        Span::styled(kind_badge(card.kind, lang), theme::kind(card.kind)),
        Span::raw(format!(" {:>3} ", card.votes)),
    ];
    let mut at = 0;
    for r in match_ranges(&card.text, query) {
        spans.push(Span::raw(&card.text[at..r.start]));
        spans.push(Span::styled(&card.text[r.clone()], theme::highlight()));
        at = r.end;
    }
    spans.push(Span::raw(&card.text[at..]));
    for t in &card.tags {
        spans.push(Span::styled(format!(" #{t}"), theme::tag()));
    }
    spans.push(Span::styled(format!(" · {}", card.session), theme::dim()));
    Line::from(spans)
}

fn field_area(area: Rect) -> Rect {
    let label = 2.min(area.width);
    Rect::new(
        area.x + label,
        area.y,
        area.width - label,
        area.height.min(1),
    )
}

pub fn render(s: &SearchState, lang: Lang, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    buf.set_stringn(
        area.x,
        area.y,
        "/ ",
        usize::from(area.width),
        theme::label(),
    );
    let fa = field_area(area);
    s.field.render(fa, buf, Style::default());
    if s.field.text().is_empty() && fa.width > 1 {
        let hint = T::SearchHint.tr(lang);
        buf.set_stringn(
            fa.x + 1,
            fa.y,
            hint,
            usize::from(fa.width - 1),
            theme::dim(),
        );
    }
    if area.height < 2 {
        return;
    }
    let count = format!(
        "{} {}{}",
        s.results.len(),
        T::Found.tr(lang),
        if s.pending { " …" } else { "" }
    );
    buf.set_stringn(
        area.x,
        area.y + 1,
        count,
        usize::from(area.width),
        theme::dim(),
    );
    let body = Rect::new(
        area.x,
        area.y + 2,
        area.width,
        area.height.saturating_sub(2),
    );
    let height = usize::from(body.height);
    if height == 0 {
        return;
    }
    let offset = s.selected.saturating_sub(height - 1);
    for (row, card) in s.results.iter().enumerate().skip(offset).take(height) {
        let y = body.y + (row - offset) as u16;
        let line_area = Rect::new(body.x, y, body.width, 1);
        result_line(lang, card, &s.query, row == s.selected).render(line_area, buf);
        if row == s.selected {
            buf.set_style(line_area, theme::selected());
        }
    }
}

pub fn cursor(s: &SearchState, area: Rect) -> Option<Position> {
    if area.is_empty() {
        return None;
    }
    s.field.cursor_position(field_area(area))
}
