//! Coverage of the outline: chapters and § with no adopted recommendation, and adopted
//! cards not yet mapped to any section.

use crate::model::Lang;
use crate::storage::coverage::Coverage;
use crate::tui::action::Action;
use crate::tui::ctx::{Ctx, Nav};
use crate::tui::i18n::T;
use crate::tui::theme;
use crate::tui::widgets::text::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CoverageView {
    pub data: Option<Coverage>,
    /// Over the uncovered sections, then the unmapped cards.
    pub cursor: usize,
}

impl CoverageView {
    pub fn set(&mut self, c: Coverage) {
        let n = c.uncovered.len() + c.unmapped_adopted.len();
        self.data = Some(c);
        self.cursor = self.cursor.min(n.saturating_sub(1));
    }

    fn len(&self) -> usize {
        self.data
            .as_ref()
            .map_or(0, |c| c.uncovered.len() + c.unmapped_adopted.len())
    }
}

impl CoverageView {
    /// Keys on the coverage view; `target` is the outline's mapping target, kept when
    /// going back to the outline.
    pub fn update(&mut self, action: Action, ctx: &mut Ctx, target: Option<&super::Target>) {
        let last = self.len().saturating_sub(1);
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Outline => ctx.go(Nav::Outline(target.cloned())),
            Action::Cancel => ctx.go(Nav::Board {
                cards: false,
                topics: true,
            }),
            _ => {}
        }
    }
}

/// What a line of the view is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    Heading,
    /// A covered chapter, shown so that its uncovered § read under it.
    Context,
    /// Selectable row `i`.
    Item(usize),
}

/// The lines shown: two headed lists.
fn lines(view: &CoverageView, lang: Lang) -> Vec<(String, Row)> {
    let Some(c) = &view.data else {
        return vec![(tr(lang, T::Loading).to_owned(), Row::Heading)];
    };
    let mut out = vec![(
        format!("{} ({})", tr(lang, T::Uncovered), c.uncovered.len()),
        Row::Heading,
    )];
    if c.uncovered.is_empty() {
        out.push((format!("  {}", tr(lang, T::None)), Row::Heading));
    }
    let mut i = 0;
    for (s, uncovered) in &c.grouped {
        let mut text = format!("  {}{} {}", "  ".repeat(s.depth), s.citation, s.heading);
        let row = if *uncovered {
            i += 1;
            Row::Item(i - 1)
        } else {
            text.push(' ');
            text.push_str(tr(lang, T::CoveredInPart));
            Row::Context
        };
        out.push((text, row));
    }
    let base = c.uncovered.len();
    out.push((
        format!(
            "{} ({})",
            tr(lang, T::UnmappedAdopted),
            c.unmapped_adopted.len()
        ),
        Row::Heading,
    ));
    if c.unmapped_adopted.is_empty() {
        out.push((format!("  {}", tr(lang, T::None)), Row::Heading));
    }
    for (i, card) in c.unmapped_adopted.iter().enumerate() {
        out.push((
            format!("  #{} {}", card.seq, card.text),
            Row::Item(base + i),
        ));
    }
    out
}

pub fn render(view: &CoverageView, lang: Lang, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let all = lines(view, lang);
    let h = usize::from(area.height);
    let at = all
        .iter()
        .position(|(_, r)| *r == Row::Item(view.cursor))
        .unwrap_or(0);
    let off = at.saturating_sub(h.saturating_sub(1));
    let w = usize::from(area.width);
    for (n, (text, row)) in all.iter().skip(off).take(h).enumerate() {
        let style = match row {
            Row::Heading => theme::label(),
            Row::Context => theme::dim(),
            Row::Item(i) if *i == view.cursor => theme::selected(),
            Row::Item(_) => Style::default(),
        };
        buf.set_stringn(area.x, area.y + n as u16, truncate(text, w), w, style);
    }
}

fn tr(lang: Lang, t: T) -> &'static str {
    t.tr(lang)
}
