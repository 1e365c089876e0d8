//! Drawing the cards room: list rows, the list body, the capture line, the footer's
//! preview of the card being typed, and where the terminal cursor goes.

use super::list_state::CardList;
use super::{Modal, Room, View};
use crate::model::Lang;
use crate::model::{Card, CardKind, LIMIT_TEXT, kind_keys, parse_capture};
use crate::tui::i18n::{T, kind_badge, kind_name};
use crate::tui::theme;
use crate::tui::widgets::form;
use crate::tui::widgets::text::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use time::UtcOffset;
use unicode_width::UnicodeWidthStr;

/// Cells before the text: marker, kind dot and badge, votes.
const ROW_PREFIX: usize = 12;

/// One list row: kind badge, votes, text, then role, tags and (for the whole
/// consultation) session. A long text is cut with `…` so that what follows it stays
/// visible, up to half of the row.
pub fn card_line(card: &Card, lang: Lang, opts: RowOptions) -> Line<'_> {
    let mut suffix: Vec<Span> = Vec::new();
    if let Some(s) = &card.speaker {
        suffix.push(Span::styled(format!(" @{s}"), theme::dim()));
    }
    for t in &card.tags {
        suffix.push(Span::styled(format!(" #{t}"), theme::tag()));
    }
    if opts.with_session {
        suffix.push(Span::styled(format!(" · {}", card.session), theme::dim()));
    }
    let suffix_w: usize = suffix.iter().map(|s| s.content.width()).sum();
    let room = usize::from(opts.width).saturating_sub(ROW_PREFIX);
    let text_room = room.saturating_sub(suffix_w.min(room / 2));
    let mut spans = vec![
        // The marker shows the selection without colour (monochrome, screen readers).
        Span::raw(if opts.selected { "▸" } else { " " }),
        Span::styled("● ", theme::kind(card.kind)),
        Span::styled(kind_badge(card.kind, lang), theme::kind(card.kind)),
        Span::raw(format!(" {:>3} ", card.votes)),
        Span::raw(truncate(&card.text, text_room)),
    ];
    spans.extend(suffix);
    Line::from(spans)
}

#[derive(Debug, Clone, Copy)]
pub struct RowOptions {
    pub width: u16,
    pub with_session: bool,
    pub selected: bool,
}

/// The list body: visible rows only, whatever the list's length.
pub fn render_list(list: &CardList, lang: Lang, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    if list.view.is_empty() {
        let msg = match (list.loading, list.cards.is_empty()) {
            (true, _) => T::Loading,
            (false, true) => T::NoCards,
            (false, false) => T::NoMatches,
        };
        Line::styled(msg.tr(lang), theme::dim()).render(area, buf);
        return;
    }
    let height = usize::from(area.height);
    // The stored offset normally keeps the selection visible; recompute if not.
    let mut offset = list.offset.min(list.view.len().saturating_sub(1));
    if list.selected < offset || list.selected >= offset + height {
        offset = list.selected.saturating_sub(height - 1);
    }
    for (row, &i) in list.view.iter().skip(offset).take(height).enumerate() {
        let y = area.y + row as u16;
        let line_area = Rect::new(area.x, y, area.width, 1);
        let card = &list.cards[i];
        let selected = offset + row == list.selected;
        let opts = RowOptions {
            width: area.width,
            with_session: list.all_sessions,
            selected,
        };
        card_line(card, lang, opts).render(line_area, buf);
        if selected {
            buf.set_style(line_area, theme::selected());
        }
    }
}

/// The capture line: the kind the next card gets, then the field.
pub fn render_capture(room: &Room, lang: Lang, area: Rect, buf: &mut Buffer) {
    let Some(line) = &room.capture else { return };
    if area.is_empty() {
        return;
    }
    let hint_rows = area.height.saturating_sub(1);
    for (n, h) in room
        .capture_hints
        .iter()
        .take(usize::from(hint_rows))
        .enumerate()
    {
        let text = format!("  ≈ #{} {}", h.seq, h.text);
        let w = usize::from(area.width);
        buf.set_stringn(
            area.x,
            area.y + n as u16,
            truncate(&text, w),
            w,
            theme::dim(),
        );
    }
    let layout = CaptureLayout::new(room, lang, area);
    let y = layout.field.y;
    buf.set_stringn(
        area.x,
        y,
        &layout.badge,
        usize::from(area.width),
        theme::kind(line.kind),
    );
    if let Some(a) = &layout.activity {
        let x = area.x + layout.badge.width() as u16;
        buf.set_stringn(x, y, a, usize::from(area.width), theme::dim());
    }
    let field = layout.field;
    line.field.render(field, buf, Style::default());
    if line.field.text().is_empty() && field.width > 0 {
        buf.set_stringn(
            field.x + 1,
            field.y,
            T::CaptureHint.tr(lang),
            usize::from(field.width - 1),
            theme::dim(),
        );
    }
    if let Some((text, over)) = &layout.counter {
        let x = field.right();
        let style = if *over { theme::error() } else { theme::dim() };
        buf.set_stringn(x, y, text, usize::from(area.right() - x), style);
    }
}

/// Where the parts of the capture line go: the kind badge, the activity new cards
/// get, the field, and near the limit the length of the text against it.
struct CaptureLayout {
    badge: String,
    activity: Option<String>,
    field: Rect,
    /// `(" 1850/2000", over the limit)`.
    counter: Option<(String, bool)>,
}

impl CaptureLayout {
    fn new(room: &Room, lang: Lang, area: Rect) -> CaptureLayout {
        let kind = room.capture.as_ref().map_or(CardKind::Other, |l| l.kind);
        let badge = format!("{} ▸ ", kind_badge(kind, lang));
        // The activity takes at most a quarter of the line, and only of a line wide
        // enough to spare it (the footer says it too).
        let activity = room
            .activity
            .as_ref()
            .filter(|_| area.width >= 40)
            .map(|a| {
                let room_w = usize::from(area.width / 4).max(4);
                format!("[{}] ", truncate(a, room_w.saturating_sub(3)))
            });
        let chars = room
            .capture
            .as_ref()
            .map_or(0, |l| parse_capture(l.field.text()).text.chars().count());
        let counter = (chars * 5 >= LIMIT_TEXT * 4)
            .then(|| (format!(" {chars}/{LIMIT_TEXT}"), chars > LIMIT_TEXT));
        let left = (badge.width() + activity.as_ref().map_or(0, |a| a.width())) as u16;
        let right = counter.as_ref().map_or(0, |c| c.0.width() as u16);
        let x = area.x + left.min(area.width);
        let y = area.bottom().saturating_sub(1).max(area.y);
        let w = area.right().saturating_sub(x).saturating_sub(right);
        CaptureLayout {
            badge,
            activity,
            field: Rect::new(x, y, w, area.height.min(1)),
            counter,
        }
    }
}

impl Room {
    /// The body of the room's screen in front.
    /// `offset`: the local time's, for the times the detail shows.
    pub fn render(&self, view: View, lang: Lang, offset: UtcOffset, area: Rect, buf: &mut Buffer) {
        match (view, &self.detail) {
            (View::List, _) if self.projector => {
                super::projector::render(&self.list, lang, area, buf);
            }
            (View::List, _) => render_list(&self.list, lang, area, buf),
            (View::Detail, Some(d)) => super::detail::render(d, lang, offset, area, buf),
            (View::Detail, None) => {}
            (View::Search, _) => super::search::render(&self.search, lang, area, buf),
        }
    }

    pub fn render_modal(&self, lang: Lang, screen: Rect, buf: &mut Buffer) {
        match &self.modal {
            None => {}
            Some(Modal::Form(f)) => form::render(f, lang, screen, buf),
            Some(Modal::Prompt(p)) => p.render(lang, screen, buf),
        }
    }

    /// The terminal cursor: in an open form or prompt, else in the capture line or the
    /// search field (`body` and `capture` are the screen's bands).
    pub fn cursor(
        &self,
        view: View,
        lang: Lang,
        screen: Rect,
        body: Rect,
        capture: Rect,
    ) -> Option<Position> {
        match &self.modal {
            Some(Modal::Form(f)) => return form::cursor(f, lang, screen),
            Some(Modal::Prompt(p)) => return p.cursor(screen),
            None => {}
        }
        match (view, &self.capture) {
            (View::List, Some(line)) => {
                let fa = CaptureLayout::new(self, lang, capture).field;
                line.field.cursor_position(fa)
            }
            (View::Search, _) => super::search::cursor(&self.search, body),
            _ => None,
        }
    }

    /// While a card is being typed: how it will be stored (kind, tags, role,
    /// activity), so a mistyped `#tag` or prefix shows before Enter.
    pub fn capture_preview(&self, lang: Lang) -> Option<Line<'_>> {
        let line = self.capture.as_ref()?;
        if line.field.text().trim().is_empty() {
            return Some(kind_keys_line(lang));
        }
        let parsed = parse_capture(line.field.text());
        let kind = parsed.kind.unwrap_or(line.kind);
        let mut spans = vec![
            Span::raw(" → "),
            Span::styled(kind_name(kind, lang), theme::kind(kind)),
        ];
        for t in &parsed.tags {
            spans.push(Span::styled(format!(" #{t}"), theme::tag()));
        }
        if let Some(s) = &parsed.speaker {
            spans.push(Span::styled(format!(" @{s}"), theme::dim()));
        }
        if let Some(a) = &self.activity {
            spans.push(Span::styled(
                format!(" · {}: {a}", T::Activity.tr(lang)),
                theme::dim(),
            ));
        }
        Some(Line::from(spans))
    }
}

/// On an empty capture line the footer lists the kind prefixes: each kind's key with
/// its name in the interface's language (`q pytanie`), coloured as its cards are.
fn kind_keys_line(lang: Lang) -> Line<'static> {
    let mut spans = Vec::new();
    for k in kind_keys(lang) {
        spans.push(Span::styled(format!(" {}:", k.key), theme::footer_key()));
        spans.push(Span::styled(format!("{} ", k.name), theme::kind(k.kind)));
    }
    Line::from(spans)
}
