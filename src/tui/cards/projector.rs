//! Projector mode: the current list as large, high-contrast blocks for the room, one
//! card per block, its text wrapped at word boundaries by display width. The blocks
//! fill the screen: as many whole cards as fit around the selected one, and the rows
//! left over shared among them, each text centred in its block.

use super::list_state::CardList;
use crate::model::Lang;
use crate::tui::i18n::{T, kind_name};
use crate::tui::theme;
use crate::tui::widgets::wrap::wrap_lines;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

/// Cells of a block around its text: the border and a column of margin each side.
const FRAME: u16 = 4;

pub fn render(list: &CardList, lang: Lang, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    buf.set_style(area, theme::projector());
    if list.view.is_empty() {
        let msg = if list.loading { T::Loading } else { T::NoCards };
        Line::styled(msg.tr(lang), theme::projector()).render(area, buf);
        return;
    }
    let width = area.width.saturating_sub(FRAME).max(1);
    let text = |n: usize| wrap_lines(&list.cards[list.view[n]].text, width);
    let rows = |n: usize| u16::try_from(text(n).len() + 2).unwrap_or(u16::MAX);
    let h = area.height;
    // The selected card in the upper half, with the cards before it above: the room
    // sees what is being discussed and what led to it; then what follows, and at the
    // end of the list more of what came before, until no further card fits whole.
    let selected = list.selected.min(list.view.len() - 1);
    let (mut first, mut last) = (selected, selected);
    let mut used = rows(selected);
    while first > 0 && used.saturating_add(rows(first - 1)) <= h / 2 {
        first -= 1;
        used += rows(first);
    }
    while last + 1 < list.view.len() && used.saturating_add(rows(last + 1)) <= h {
        last += 1;
        used += rows(last);
    }
    while first > 0 && used.saturating_add(rows(first - 1)) <= h {
        first -= 1;
        used += rows(first);
    }
    let shown = u16::try_from(last - first + 1).unwrap_or(u16::MAX);
    let spare = h.saturating_sub(used);
    let mut y = area.y;
    for (k, n) in (first..=last).enumerate() {
        if y >= area.bottom() {
            break;
        }
        let k = u16::try_from(k).unwrap_or(u16::MAX);
        let extra = spare / shown + u16::from(k < spare % shown);
        let lines = text(n);
        let block_h = rows(n).saturating_add(extra).min(area.bottom() - y);
        let rect = Rect::new(area.x, y, area.width, block_h);
        card_block(list, n, lines, extra / 2, lang, rect, buf);
        y += block_h;
    }
}

/// One card's block; `top` blank rows above its text centre it in a stretched block.
fn card_block(
    list: &CardList,
    n: usize,
    lines: Vec<String>,
    top: u16,
    lang: Lang,
    rect: Rect,
    buf: &mut Buffer,
) {
    let card = &list.cards[list.view[n]];
    let style = if n == list.selected {
        theme::projector_selected()
    } else {
        theme::projector()
    };
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme::kind(card.kind))
        .title(Line::from(vec![
            Span::styled(
                format!(" {} ", kind_name(card.kind, lang).to_uppercase()),
                theme::kind(card.kind),
            ),
            Span::styled(
                format!(" {} ", "●".repeat(card.votes.clamp(0, 20) as usize)),
                style,
            ),
        ]))
        .style(style);
    let inner = block.inner(rect);
    block.render(rect, buf);
    let text = Rect::new(
        inner.x + 1.min(inner.width),
        inner.y + top.min(inner.height),
        inner.width.saturating_sub(2),
        inner.height.saturating_sub(top),
    );
    let lines: Vec<Line> = lines.into_iter().map(Line::raw).collect();
    Paragraph::new(lines).style(style).render(text, buf);
}
