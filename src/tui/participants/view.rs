//! The room's panel beside the card list: address, join code, QR code (when it fits),
//! the round's tally and the queue. On small screens the QR code gives way to the URL.

use super::Room;
use crate::model::Lang;
use crate::storage::room::pseudonym;
use crate::tui::i18n::T;
use crate::tui::theme;
use crate::tui::widgets::text::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_width::UnicodeWidthStr;

/// Queue rows the QR code must leave free to be drawn.
const QUEUE_MIN_ROWS: usize = 3;

/// Tally rows shown at most (the best placed cards).
const TALLY_ROWS: usize = 5;

/// The panel's width in a body `width` wide: the QR code's width when the list keeps
/// half the screen, else 40 %, and nothing on screens too narrow for both.
pub fn panel_width(room: &Room, width: u16) -> u16 {
    if width < 30 {
        return 0;
    }
    let qr = room
        .address
        .as_ref()
        .and_then(|a| a.qr.first())
        .map_or(0, |l| l.width() as u16 + 2);
    if qr > 0 && qr <= width / 2 {
        qr.max(width * 2 / 5)
    } else {
        width * 2 / 5
    }
}

pub fn render(room: &Room, lang: Lang, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    Clear.render(area, buf);
    let title = format!(
        " {} · {} {} ",
        T::RoomTitle.tr(lang),
        room.count.max(0),
        T::RoomWaiting.tr(lang)
    );
    let border = if room.focused {
        theme::highlight()
    } else {
        theme::dim()
    };
    let block = Block::default()
        .borders(Borders::LEFT | Borders::TOP)
        .border_style(border)
        .title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);
    let lines = lines(room, lang, width, usize::from(inner.height));
    for (i, line) in lines
        .into_iter()
        .take(usize::from(inner.height))
        .enumerate()
    {
        let y = inner.y + i as u16;
        line.render(Rect::new(inner.x, y, inner.width, 1), buf);
    }
}

fn lines(room: &Room, lang: Lang, width: usize, height: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    match &room.address {
        None => out.push(Line::styled(T::RoomStarting.tr(lang), theme::dim())),
        Some(a) => {
            // A URL cut short is no use: on narrow panels it wraps.
            let chars: Vec<char> = a.url.chars().collect();
            for part in chars.chunks(width.max(1)) {
                out.push(Line::styled(part.iter().collect::<String>(), theme::ok()));
            }
            out.push(Line::from(vec![
                Span::styled(format!("{} ", T::JoinCode.tr(lang)), theme::label()),
                Span::raw(a.join_code.clone()),
            ]));
            let qr_w = a.qr.first().map_or(usize::MAX, |l| l.width());
            let fits = qr_w <= width && a.qr.len() + 4 + QUEUE_MIN_ROWS <= height;
            if fits {
                out.extend(a.qr.iter().map(|l| Line::raw(l.clone())));
            }
        }
    }
    let switch = if room.accept_all {
        T::AcceptAllOn
    } else {
        T::AcceptAllOff
    };
    out.push(Line::styled(switch.tr(lang), theme::dim()));
    if let Some(r) = &room.round {
        out.push(Line::styled(
            format!(
                "{} · {} {}",
                T::RoundOpen.tr(lang),
                r.dots,
                T::DotsEach.tr(lang)
            ),
            theme::label(),
        ));
        let mut tally: Vec<_> = room.tally.iter().collect();
        tally.sort_by_key(|c| (-c.dots, c.seq));
        for c in tally.into_iter().take(TALLY_ROWS) {
            let text = format!("{:>3} #{} {}", c.dots, c.seq, c.text);
            out.push(Line::raw(truncate(&text, width).into_owned()));
        }
    }
    if room.pending.is_empty() {
        out.push(Line::styled(T::QueueEmpty.tr(lang), theme::dim()));
    }
    // The queue scrolls so that the selected card stays on screen.
    let rows = height.saturating_sub(out.len()).max(1);
    let skip = (room.selected + 1).saturating_sub(rows);
    for (i, s) in room.pending.iter().enumerate().skip(skip) {
        let who = pseudonym(s.device_number, lang);
        let text = format!("{who}: {}", s.text);
        let style = if room.focused && i == room.selected {
            theme::selected()
        } else {
            Style::default()
        };
        out.push(Line::styled(truncate(&text, width).into_owned(), style));
    }
    out
}
