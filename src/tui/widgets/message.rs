//! A box of lines to read (a merge summary); any bound key closes it.

use crate::model::Lang;
use crate::tui::i18n::T;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

pub fn render(lang: Lang, title: T, lines: &[String], screen: Rect, buf: &mut Buffer) {
    if screen.is_empty() {
        return;
    }
    let w = screen.width.min(60);
    let h = (lines.len() as u16 + 2).min(screen.height);
    let area = Rect::new(
        screen.x + (screen.width - w) / 2,
        screen.y + (screen.height - h) / 2,
        w,
        h,
    );
    Clear.render(area, buf);
    let block = Block::bordered()
        .title(format!(" {} ", title.tr(lang)))
        .title_bottom(format!(" {} ", T::HelpClose.tr(lang)))
        .border_style(theme::ok());
    Paragraph::new(lines.join("\n"))
        .wrap(Wrap { trim: false })
        .block(block)
        .render(area, buf);
}
