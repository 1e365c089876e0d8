//! Coverage of the outline: chapters and § with no adopted recommendation, and adopted
//! cards not yet mapped to any section.

use crate::storage::coverage::Coverage;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen, more};
use crate::tui::board_effects::MoreEffect;
use crate::tui::effect::Effect;
use crate::tui::i18n::T;
use crate::tui::screens::cards::truncate;
use crate::tui::theme;
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

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let last = app.coverage.len().saturating_sub(1);
    let c = &mut app.coverage;
    match action {
        Action::Up => c.cursor = c.cursor.saturating_sub(1),
        Action::Down => c.cursor = (c.cursor + 1).min(last),
        Action::Outline => {
            app.screen = Screen::Outline;
            return vec![more(MoreEffect::LoadOutline)];
        }
        Action::Cancel => {
            app.screen = Screen::Board;
            return vec![more(MoreEffect::LoadBoard {
                cards: false,
                topics: true,
            })];
        }
        _ => {}
    }
    Vec::new()
}

/// The lines shown: two headed lists; `Some(i)` marks selectable row `i`.
fn lines(app: &App) -> Vec<(String, Option<usize>)> {
    let Some(c) = &app.coverage.data else {
        return vec![(app.tr(T::Loading).to_owned(), None)];
    };
    let mut out = vec![(
        format!("{} ({})", app.tr(T::Uncovered), c.uncovered.len()),
        None,
    )];
    if c.uncovered.is_empty() {
        out.push((format!("  {}", app.tr(T::None)), None));
    }
    for (i, s) in c.uncovered.iter().enumerate() {
        out.push((
            format!("  {}{} {}", "  ".repeat(s.depth), s.citation, s.heading),
            Some(i),
        ));
    }
    let base = c.uncovered.len();
    out.push((
        format!(
            "{} ({})",
            app.tr(T::UnmappedAdopted),
            c.unmapped_adopted.len()
        ),
        None,
    ));
    if c.unmapped_adopted.is_empty() {
        out.push((format!("  {}", app.tr(T::None)), None));
    }
    for (i, card) in c.unmapped_adopted.iter().enumerate() {
        out.push((format!("  #{} {}", card.seq, card.text), Some(base + i)));
    }
    out
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let all = lines(app);
    let h = usize::from(area.height);
    let at = all
        .iter()
        .position(|(_, i)| *i == Some(app.coverage.cursor))
        .unwrap_or(0);
    let off = at.saturating_sub(h.saturating_sub(1));
    let w = usize::from(area.width);
    for (n, (text, row)) in all.iter().skip(off).take(h).enumerate() {
        let style = match row {
            None => theme::label(),
            Some(i) if *i == app.coverage.cursor => theme::selected(),
            Some(_) => Style::default(),
        };
        buf.set_stringn(area.x, area.y + n as u16, truncate(text, w), w, style);
    }
}
