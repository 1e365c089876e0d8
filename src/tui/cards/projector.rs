//! Projector mode: the current list as large, high-contrast blocks for the room,
//! one card per block, its text wrapped at word boundaries by display width.

use super::list_state::CardList;
use crate::model::Lang;
use crate::tui::i18n::{T, kind_name};
use crate::tui::theme;
use crate::tui::widgets::wrap::wrapped_rows;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};

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
    // The selected card in the upper half, with the cards before it above: the room
    // sees what is being discussed and what led to it.
    let rows = |n: usize| {
        wrapped_rows(
            &list.cards[list.view[n]].text,
            area.width.saturating_sub(2).max(1),
        ) + 2
    };
    let mut start = list.selected.min(list.view.len() - 1);
    let mut used = rows(start);
    while start > 0 && used + rows(start - 1) <= area.height / 2 {
        start -= 1;
        used += rows(start);
    }
    let mut y = area.y;
    for (n, &i) in list.view.iter().enumerate().skip(start) {
        if y >= area.bottom() {
            break;
        }
        let card = &list.cards[i];
        let width = area.width.saturating_sub(2).max(1);
        let para = Paragraph::new(Line::styled(card.text.as_str(), theme::projector()))
            .wrap(Wrap { trim: true });
        let text_rows = wrapped_rows(&card.text, width);
        let h = (text_rows + 2).min(area.bottom() - y);
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
        let rect = Rect::new(area.x, y, area.width, h);
        para.style(style).block(block).render(rect, buf);
        y += h;
    }
}
