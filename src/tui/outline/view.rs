//! Drawing the outline: chapters and § with citations, what is mapped to each and how
//! many adopted sources feed it; the selected section's mapping and draft below.

use super::Room;
use crate::model::Lang;
use crate::model::MapTarget;
use crate::storage::outline::SectionRow;
use crate::tui::i18n::{Noun, T, count};
use crate::tui::theme;
use crate::tui::widgets::text::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use std::fmt::Write as _;
use unicode_width::UnicodeWidthStr;

fn tr(lang: Lang, t: T) -> &'static str {
    t.tr(lang)
}

fn is_mapped(s: &SectionRow, target: &MapTarget) -> bool {
    match target {
        MapTarget::Topic(t) => s.topic_ids.contains(t),
        MapTarget::Card(c) => s.card_ids.contains(c),
    }
}

/// "1 temat · 2 karty · 13 przyjętych": what is mapped to a section and how many adopted
/// cards feed it; no topics or no cards are left out, the adopted count always shown.
fn counters(s: &SectionRow, adopted: usize, lang: Lang) -> String {
    let mut parts = Vec::new();
    if !s.topic_ids.is_empty() {
        parts.push(count(s.topic_ids.len() as i64, Noun::Topic, lang));
    }
    if !s.card_ids.is_empty() {
        parts.push(count(s.card_ids.len() as i64, Noun::Card, lang));
    }
    parts.push(count(adopted as i64, Noun::Adopted, lang));
    parts.join(" · ")
}

/// What a row shows after the citation: the heading of a chapter or §, the first line
/// of a unit's text below the § (its heading if it has one).
pub fn row_text(s: &SectionRow) -> String {
    if s.level.is_text_unit() && s.heading.is_empty() {
        s.draft_text.lines().next().unwrap_or_default().to_owned()
    } else {
        s.heading.clone()
    }
}

pub fn header(o: &Room, lang: Lang) -> String {
    match &o.target {
        Some((_, label)) => format!("{}: {label}", T::Mapping.tr(lang)),
        None => String::new(),
    }
}

pub fn render(o: &Room, lang: Lang, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    // The selected section's draft and mapped topics below the list, when there is room.
    let detail_h = if area.height >= 12 { 5 } else { 0 };
    let list_h = area.height - detail_h;
    let h = usize::from(list_h);
    let w = usize::from(area.width);
    let off = o.cursor.saturating_sub(h.saturating_sub(1));
    let heading = |s: &SectionRow| {
        let here = o.target.as_ref().is_some_and(|(t, _)| is_mapped(s, t));
        format!(
            "{}{}{} {}",
            if here { "◆" } else { " " },
            "  ".repeat(s.depth),
            s.citation,
            row_text(s),
        )
    };
    let adopted = |s: &SectionRow| o.sources.get(&s.id).map_or(0, Vec::len);
    let counters = |s: &SectionRow, adopted: usize, lang: Lang| {
        // A unit below the § shows counts only when something is mapped to it.
        if s.level.is_text_unit() && s.topic_ids.is_empty() && s.card_ids.is_empty() && adopted == 0
        {
            String::new()
        } else {
            counters(s, adopted, lang)
        }
    };
    // The counters form a column right of the longest heading (the screen's right edge
    // when that is nearer), so that on a wide screen they stay beside what they count.
    let widest = o
        .sections
        .iter()
        .map(|s| heading(s).width() + 2 + counters(s, adopted(s), lang).width())
        .max()
        .unwrap_or(0);
    let w = w.min(widest);
    for (n, (i, s)) in o.sections.iter().enumerate().skip(off).take(h).enumerate() {
        let adopted = adopted(s);
        let style = if i == o.cursor {
            theme::selected()
        } else if adopted == 0 {
            theme::dim()
        } else {
            Style::default()
        };
        let row = Rect::new(area.x, area.y + n as u16, area.width, 1);
        buf.set_style(row, style);
        // The counters keep the column's right edge; the heading gets what is left.
        let counts = counters(s, adopted, lang);
        let counts_w = (counts.width() + 1).min(w / 2);
        let room = w - counts_w;
        buf.set_stringn(row.x, row.y, truncate(&heading(s), room), room, style);
        let counts = truncate(&counts, counts_w.saturating_sub(1));
        let x = row.x + (w - counts.width()) as u16;
        buf.set_stringn(x, row.y, &counts, counts_w, style);
    }
    let w = usize::from(area.width);
    if detail_h == 0 {
        return;
    }
    let Some(s) = o.selected() else { return };
    let y = area.y + list_h;
    buf.set_stringn(area.x, y, "─".repeat(w), w, theme::dim());
    let mapped: Vec<&str> = s
        .topic_ids
        .iter()
        .filter_map(|t| o.topic_labels.get(t).map(String::as_str))
        .collect();
    let mut text = format!(
        "{}: {}",
        tr(lang, T::Mapped),
        if mapped.is_empty() {
            tr(lang, T::None).to_owned()
        } else {
            mapped.join("; ")
        }
    );
    if !s.draft_text.is_empty() {
        let _ = write!(text, "\n{}: {}", tr(lang, T::SectionDraft), s.draft_text);
    }
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(Rect::new(area.x, y + 1, area.width, detail_h - 1), buf);
}
