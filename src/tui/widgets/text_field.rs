//! A one-line text field: the edit keys every shell user expects, scrolling so the
//! cursor stays visible, widths measured in terminal cells (Polish letters, CJK, emoji).

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use unicode_width::UnicodeWidthChar;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    text: String,
    /// Cursor position in characters.
    cursor: usize,
}

fn byte_at(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i)
}

impl TextField {
    pub fn new(text: &str) -> Self {
        TextField {
            text: text.to_owned(),
            cursor: text.chars().count(),
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// Start of the word before the cursor (for Ctrl-W and Alt-B).
    fn word_start(&self) -> usize {
        let chars: Vec<char> = self.text.chars().take(self.cursor).collect();
        let mut i = chars.len();
        while i > 0 && chars[i - 1].is_whitespace() {
            i -= 1;
        }
        while i > 0 && !chars[i - 1].is_whitespace() {
            i -= 1;
        }
        i
    }

    fn word_end(&self) -> usize {
        let chars: Vec<char> = self.text.chars().collect();
        let mut i = self.cursor;
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        i
    }

    fn remove_range(&mut self, from: usize, to: usize) {
        let (a, b) = (byte_at(&self.text, from), byte_at(&self.text, to));
        self.text.replace_range(a..b, "");
        self.cursor = from;
    }

    /// Applies an edit key; returns whether the text changed.
    pub fn input(&mut self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        let before = self.text.len();
        match ev.code {
            KeyCode::Char('a') if ctrl => self.cursor = 0,
            KeyCode::Char('e') if ctrl => self.cursor = self.len(),
            KeyCode::Char('u') if ctrl => self.remove_range(0, self.cursor),
            KeyCode::Char('k') if ctrl => {
                let b = byte_at(&self.text, self.cursor);
                self.text.truncate(b);
            }
            KeyCode::Char('w') if ctrl => self.remove_range(self.word_start(), self.cursor),
            KeyCode::Char('b') if alt => self.cursor = self.word_start(),
            KeyCode::Char('f') if alt => self.cursor = self.word_end(),
            KeyCode::Char(c) if !ctrl && !alt => {
                let b = byte_at(&self.text, self.cursor);
                self.text.insert(b, c);
                self.cursor += 1;
                return true;
            }
            KeyCode::Backspace if self.cursor > 0 => {
                if ctrl || alt {
                    self.remove_range(self.word_start(), self.cursor);
                } else {
                    self.remove_range(self.cursor - 1, self.cursor);
                }
            }
            KeyCode::Delete if self.cursor < self.len() => {
                self.remove_range(self.cursor, self.cursor + 1);
            }
            KeyCode::Left if ctrl => self.cursor = self.word_start(),
            KeyCode::Right if ctrl => self.cursor = self.word_end(),
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(self.len()),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = self.len(),
            _ => {}
        }
        self.text.len() != before
    }

    /// First character shown so that the cursor fits in `width` cells.
    fn scroll(&self, width: usize) -> usize {
        let widths: Vec<usize> = self.text.chars().map(|c| c.width().unwrap_or(0)).collect();
        let mut start = 0;
        // Cells from `start` up to the cursor, plus one for the cursor itself.
        let mut used: usize = widths[..self.cursor.min(widths.len())]
            .iter()
            .sum::<usize>()
            + 1;
        while used > width && start < self.cursor {
            used -= widths[start];
            start += 1;
        }
        start
    }

    /// Draws the visible part of the text in `area` (one line).
    pub fn render(&self, area: Rect, buf: &mut Buffer, style: Style) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let start = self.scroll(area.width as usize);
        let visible: String = self.text.chars().skip(start).collect();
        buf.set_stringn(area.x, area.y, visible, area.width as usize, style);
    }

    /// Where the terminal cursor goes when the field is drawn in `area`.
    pub fn cursor_position(&self, area: Rect) -> Option<Position> {
        if area.width == 0 || area.height == 0 {
            return None;
        }
        let start = self.scroll(area.width as usize);
        let cells: usize = self
            .text
            .chars()
            .skip(start)
            .take(self.cursor - start)
            .map(|c| c.width().unwrap_or(0))
            .sum();
        let x = area.x + (cells as u16).min(area.width - 1);
        Some(Position::new(x, area.y))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn typed(s: &str) -> TextField {
        let mut f = TextField::default();
        for c in s.chars() {
            f.input(&key(KeyCode::Char(c)));
        }
        f
    }

    #[test]
    fn editing_keys_work_on_polish_text() {
        let mut f = typed("zażółć gęślą");
        f.input(&KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL));
        assert_eq!(f.text(), "zażółć ");
        f.input(&key(KeyCode::Backspace));
        f.input(&key(KeyCode::Home));
        f.input(&key(KeyCode::Delete));
        assert_eq!(f.text(), "ażółć");
        f.input(&key(KeyCode::End));
        f.input(&key(KeyCode::Char('!')));
        assert_eq!(f.text(), "ażółć!");
    }

    #[test]
    fn cursor_stays_visible_in_a_narrow_field() {
        let f = typed("ławka ławka ławka");
        let area = Rect::new(2, 0, 5, 1);
        assert_eq!(f.cursor_position(area), Some(Position::new(6, 0)));
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        f.render(area, &mut buf, Style::default());
        let line: String = buf
            .content()
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect();
        assert_eq!(line, "  awka    ");
        assert_eq!(
            TextField::default().cursor_position(Rect::new(0, 0, 0, 1)),
            None
        );
    }
}
