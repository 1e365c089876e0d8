//! Drawing the board: topics on the left, the selected topic's cards on the right,
//! near-duplicates of the selected card under them, and any dialog on top.

use super::{Modal, Pane, Room};
use crate::model::Lang;
use crate::tui::i18n::{Noun, T, count, decision_badge, decision_name, kind_badge};
use crate::tui::theme;
use crate::tui::widgets::form;
use crate::tui::widgets::text::truncate;
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
    // Fixed-width columns so that the numbers line up under each other.
    let tail = format!(
        " {size:>4} {votes:>4} {} {:<5}",
        decision_badge(decision),
        truncate(&sections, 5)
    );
    let room = width.saturating_sub(tail.width().min(width / 2) + 1);
    let marker = if row == b.topic_row { "▸" } else { " " };
    Line::from(vec![
        Span::raw(marker),
        Span::raw(format!("{:<room$}", truncate(&label, room))),
        Span::styled(tail, theme::dim()),
    ])
}

fn card_line(b: &Room, lang: Lang, i: usize, selected: bool, width: usize) -> Line<'static> {
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
    let room = width.saturating_sub(prefix.width());
    Line::from(vec![
        Span::styled(prefix, theme::kind(c.kind)),
        Span::raw(truncate(&c.text, room).into_owned()),
    ])
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
    let left_w = (area.width / 2).max(area.width.min(12));
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
    let list = Rect::new(
        area.x,
        area.y + 1.min(area.height),
        area.width,
        area.height.saturating_sub(1 + hint_h),
    );
    let group = b.group();
    if group.is_empty() && !list.is_empty() {
        Line::styled(tr(lang, T::NoCardsInTopic), theme::dim()).render(list, buf);
    }
    let h = usize::from(list.height);
    let off = window(b.card_row, h);
    for (n, (row, &i)) in group.iter().enumerate().skip(off).take(h).enumerate() {
        let r = Rect::new(list.x, list.y + n as u16, list.width, 1);
        let selected = row == b.card_row;
        card_line(
            b,
            lang,
            i,
            selected && b.focus == Pane::Cards,
            usize::from(list.width),
        )
        .render(r, buf);
        if selected && b.focus == Pane::Cards {
            buf.set_style(r, theme::selected());
        }
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
