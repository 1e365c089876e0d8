//! Drawing the board: topics on the left, the selected topic's cards on the right,
//! near-duplicates of the selected card under them, and any dialog on top.

use super::{Modal, Pane, Room};
use crate::model::{DecisionOutcome, Lang};
use crate::tui::i18n::{Noun, T, count, decision_badge, decision_name, kind_badge};
use crate::tui::theme;
use crate::tui::widgets::form;
use crate::tui::widgets::text::truncate;
use crate::tui::widgets::wrap::wrap_lines;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

fn tr(lang: Lang, t: T) -> &'static str {
    t.tr(lang)
}

impl Room {
    pub fn render_modal(&self, lang: Lang, screen: Rect, buf: &mut Buffer) {
        match &self.modal {
            None => {}
            Some(Modal::Picker(p)) => p.render(lang, screen, buf),
            Some(Modal::Prompt(p)) => p.render(lang, screen, buf),
            Some(Modal::Proposal(p)) => p.render(lang, screen, buf),
            Some(Modal::Cluster(f)) => form::render(f, lang, screen, buf),
            Some(Modal::MergeCards(f)) => {
                form::render(f, lang, screen, buf);
                form::subtitle(f, &f.subtitle, lang, screen, buf);
            }
            Some(Modal::SplitCard(f)) => {
                form::render(f, lang, screen, buf);
                form::subtitle(f, &f.subtitle, lang, screen, buf);
            }
        }
    }

    pub fn cursor(&self, lang: Lang, screen: Rect) -> Option<Position> {
        match self.modal.as_ref()? {
            Modal::Picker(p) => p.cursor(screen),
            Modal::Prompt(p) => p.cursor(screen),
            Modal::Proposal(_) => None,
            Modal::Cluster(f) => form::cursor(f, lang, screen),
            Modal::MergeCards(f) => form::cursor(f, lang, screen),
            Modal::SplitCard(f) => form::cursor(f, lang, screen),
        }
    }
}

/// Header text: topic count, unsorted count, clustering stage.
pub fn header(b: &Room, lang: Lang) -> String {
    let mut s = format!(
        "{} · {} {}",
        count(b.topics.len() as i64, Noun::Topic, lang),
        b.groups.first().map_or(0, Vec::len),
        tr(lang, T::Unsorted)
    );
    if let Some(stage) = &b.clustering {
        let _ = write!(s, " │ ⟳ {}: {stage}…", tr(lang, T::Clustering));
    }
    s
}

/// Fixed-width columns so that the numbers line up under each other.
fn topic_tail(size: i64, votes: i64, decision: Option<DecisionOutcome>, sections: &str) -> String {
    format!(
        " {size:>4} {votes:>4} {} {:<5}",
        decision_badge(decision),
        truncate(sections, 5)
    )
}

/// The topics pane's width: what its longest label needs beside the counters, within
/// 40% of the screen (but never under half of 80 columns, as it always had), so the
/// cards get the rest.
fn topics_width(b: &Room, lang: Lang, width: u16) -> u16 {
    let label = b
        .topics
        .iter()
        .map(|t| t.label.width())
        .chain([tr(lang, T::Unsorted).width()])
        .max()
        .unwrap_or(0);
    let tail = b
        .topics
        .iter()
        .map(|t| topic_tail(t.size, t.votes, t.decision, "").width())
        .max()
        .unwrap_or(0)
        .max(topic_tail(b.cards.len() as i64, 0, None, "").width());
    let need = u16::try_from(label + tail + 1).unwrap_or(u16::MAX);
    let cap = (width / 5 * 2).max((width / 2).min(40));
    need.min(cap).max(width.min(12))
}

fn topic_line(b: &Room, lang: Lang, row: usize, width: usize) -> Line<'static> {
    let (label, size, votes, decision, sections) = match row.checked_sub(1) {
        None => (
            tr(lang, T::Unsorted).to_owned(),
            b.groups.first().map_or(0, Vec::len) as i64,
            b.groups
                .first()
                .map_or(0, |g| g.iter().map(|&i| b.cards[i].votes).sum()),
            None,
            String::new(),
        ),
        Some(i) => {
            let t = &b.topics[i];
            (
                t.label.clone(),
                t.size,
                t.votes,
                t.decision,
                t.sections.join(","),
            )
        }
    };
    let tail = topic_tail(size, votes, decision, &sections);
    let room = width.saturating_sub(tail.width().min(width / 2) + 1);
    let marker = if row == b.topic_row { "▸" } else { " " };
    Line::from(vec![
        Span::raw(marker),
        Span::raw(format!("{:<room$}", truncate(&label, room))),
        Span::styled(tail, theme::dim()),
    ])
}

/// A card's rows: the badges, then its text cut to one row, or for the selected card
/// wrapped over up to `max_rows` rows (its continuation under the text).
fn card_rows(
    b: &Room,
    lang: Lang,
    i: usize,
    selected: bool,
    width: usize,
    max_rows: usize,
) -> Vec<Line<'static>> {
    let c = &b.cards[i];
    let mark = if b.marked.contains(&c.id) { "■" } else { " " };
    let pin = if b.is_pinned(&c.id) { "⌖" } else { " " };
    // The decision badge too, as topics have: a card can be decided on by itself.
    let prefix = format!(
        "{}{mark}{pin}{} {:>3} {} ",
        if selected { "▸" } else { " " },
        kind_badge(c.kind, lang),
        c.votes,
        decision_badge(c.decision)
    );
    let indent = prefix.width();
    let room = width.saturating_sub(indent);
    let mut text: Vec<String> = if selected && max_rows > 1 && room > 0 {
        wrap_lines(&c.text, u16::try_from(room).unwrap_or(u16::MAX))
    } else {
        vec![truncate(&c.text, room).into_owned()]
    };
    if text.len() > max_rows.max(1) {
        text.truncate(max_rows.max(1));
        if let Some(last) = text.last_mut() {
            let cut = truncate(last, room.saturating_sub(1))
                .trim_end_matches('…')
                .to_owned();
            *last = format!("{cut}…");
        }
    }
    let mut rows = Vec::with_capacity(text.len());
    let mut first = Some(Span::styled(prefix, theme::kind(c.kind)));
    for t in text {
        let lead = first
            .take()
            .unwrap_or_else(|| Span::raw(" ".repeat(indent)));
        rows.push(Line::from(vec![lead, Span::raw(t)]));
    }
    rows
}

/// Rows `offset..offset+height` that keep `selected` in view.
fn window(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}

pub fn render(b: &Room, lang: Lang, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    if b.loading && b.cards.is_empty() {
        Line::styled(tr(lang, T::Loading), theme::dim()).render(area, buf);
        return;
    }
    let left_w = topics_width(b, lang, area.width);
    let left = Rect::new(area.x, area.y, left_w, area.height);
    let right = Rect::new(
        area.x + left_w + 1,
        area.y,
        area.width.saturating_sub(left_w + 1),
        area.height,
    );
    for y in area.y..area.bottom() {
        if left.right() < area.right() {
            buf.set_string(left.right(), y, "│", theme::dim());
        }
    }
    // Topics: the unsorted entry, then the topics.
    let h = usize::from(left.height);
    let rows = b.topics.len() + 1;
    let off = window(b.topic_row, h);
    for (n, row) in (off..rows).take(h).enumerate() {
        let r = Rect::new(left.x, left.y + n as u16, left.width, 1);
        topic_line(b, lang, row, usize::from(left.width)).render(r, buf);
        if row == b.topic_row {
            let style = if b.focus == Pane::Topics {
                theme::selected()
            } else {
                theme::label()
            };
            buf.set_style(r, style);
        }
    }
    if b.topics.is_empty() && h > 1 {
        let r = Rect::new(left.x, left.y + 1, left.width, left.height - 1);
        ratatui::widgets::Paragraph::new(tr(lang, T::NoTopics))
            .style(theme::dim())
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(r, buf);
    }
    render_cards(b, lang, right, buf);
}

fn render_cards(b: &Room, lang: Lang, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    // The selected topic's decision and sections head the pane.
    let title = match b.selected_topic() {
        Some(t) => {
            let mut s = t.label.clone();
            if let Some(d) = t.decision {
                let _ = write!(s, " · {}", decision_name(d, lang));
            }
            if !t.sections.is_empty() {
                let _ = write!(s, " · {}", t.sections.join(", "));
            }
            s
        }
        None => tr(lang, T::Unsorted).to_owned(),
    };
    buf.set_stringn(
        area.x,
        area.y,
        truncate(&title, usize::from(area.width)),
        usize::from(area.width),
        theme::label(),
    );
    let hints = if b.focus == Pane::Cards {
        b.hints.len()
    } else {
        0
    };
    let hint_h = if hints > 0 && area.height > 6 {
        hints as u16 + 1
    } else {
        0
    };
    // On demand (`w`), the topic's keywords under its name.
    let keywords = b
        .selected_topic()
        .filter(|t| b.keywords && !t.keywords.is_empty() && area.height > 3)
        .map(|t| format!("{}: {}", tr(lang, T::ActKeywords), t.keywords.join(", ")));
    if let Some(k) = &keywords {
        let w = usize::from(area.width);
        buf.set_stringn(area.x, area.y + 1, truncate(k, w), w, theme::dim());
    }
    let head = if keywords.is_some() { 2 } else { 1 };
    let list = Rect::new(
        area.x,
        area.y + head.min(area.height),
        area.width,
        area.height.saturating_sub(head + hint_h),
    );
    let group = b.group();
    if group.is_empty() && !list.is_empty() {
        Line::styled(tr(lang, T::NoCardsInTopic), theme::dim()).render(list, buf);
    }
    let h = usize::from(list.height);
    let focused = b.focus == Pane::Cards;
    let w = usize::from(list.width);
    // The selected card is wrapped to show it whole, within half the list.
    let mut chosen = match group.get(b.card_row) {
        Some(&i) if focused => card_rows(b, lang, i, true, w, (h / 2).max(1)),
        _ => Vec::new(),
    };
    let off = b
        .card_row
        .saturating_sub(h.saturating_sub(chosen.len().max(1)));
    let mut y = list.y;
    for (row, &i) in group.iter().enumerate().skip(off) {
        if y >= list.bottom() {
            break;
        }
        let selected = row == b.card_row && focused;
        let mut lines = if selected {
            std::mem::take(&mut chosen)
        } else {
            card_rows(b, lang, i, false, w, 1)
        };
        lines.truncate(usize::from(list.bottom() - y));
        let block = Rect::new(list.x, y, list.width, lines.len() as u16);
        for (n, line) in lines.into_iter().enumerate() {
            line.render(Rect::new(list.x, y + n as u16, list.width, 1), buf);
        }
        if selected {
            buf.set_style(block, theme::selected());
        }
        y = block.bottom();
    }
    if hint_h > 0 {
        let y = list.bottom();
        buf.set_stringn(
            area.x,
            y,
            format!("{}:", tr(lang, T::Similar)),
            usize::from(area.width),
            theme::label(),
        );
        for (n, hint) in b.hints.iter().enumerate() {
            let line = format!("  #{} {}", hint.seq, hint.text);
            buf.set_stringn(
                area.x,
                y + 1 + n as u16,
                truncate(&line, usize::from(area.width)),
                usize::from(area.width),
                theme::dim(),
            );
        }
    }
}
