//! Coverage of the outline — chapters and § with no adopted recommendation, empty
//! provisions, adopted cards no provision uses, undecided cards — and the tally of the
//! cards' fates, as `Store::coverage` computes them for every place that shows them.

use crate::model::{FateKind, Lang};
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
    /// Over the rows of the four lists, in order.
    pub cursor: usize,
}

/// Rows the cursor can reach.
fn items(c: &Coverage) -> usize {
    c.uncovered.len() + c.empty_provisions.len() + c.unused_adopted.len() + c.undecided.len()
}

impl CoverageView {
    pub fn set(&mut self, c: Coverage) {
        let n = items(&c);
        self.data = Some(c);
        self.cursor = self.cursor.min(n.saturating_sub(1));
    }

    fn len(&self) -> usize {
        self.data.as_ref().map_or(0, items)
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

/// The lines shown: the fates' tally, then four headed lists.
fn lines(view: &CoverageView, lang: Lang) -> Vec<(String, Row)> {
    let Some(c) = &view.data else {
        return vec![(tr(lang, T::Loading).to_owned(), Row::Heading)];
    };
    let mut out = vec![(
        format!("{} ({})", tr(lang, T::CardFates), c.tally.total()),
        Row::Heading,
    )];
    for k in FateKind::ALL {
        let n = c.tally.get(k);
        if n > 0 {
            out.push((format!("  {}: {n}", k.name(lang)), Row::Context));
        }
    }
    let heading = |out: &mut Vec<(String, Row)>, t: T, n: usize| {
        out.push((format!("{} ({n})", tr(lang, t)), Row::Heading));
        if n == 0 {
            out.push((format!("  {}", tr(lang, T::None)), Row::Heading));
        }
    };
    heading(&mut out, T::Uncovered, c.uncovered.len());
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
    let mut base = c.uncovered.len();
    heading(&mut out, T::EmptyProvisions, c.empty_provisions.len());
    for (n, s) in c.empty_provisions.iter().enumerate() {
        out.push((
            format!("  {} {}", s.citation, s.heading),
            Row::Item(base + n),
        ));
    }
    base += c.empty_provisions.len();
    for (t, cards) in [
        (T::UnmappedAdopted, &c.unused_adopted),
        (T::UndecidedCards, &c.undecided),
    ] {
        heading(&mut out, t, cards.len());
        for (n, card) in cards.iter().enumerate() {
            out.push((
                format!("  {} {}", card.reference, card.text),
                Row::Item(base + n),
            ));
        }
        base += cards.len();
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
