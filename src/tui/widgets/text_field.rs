//! A one-line text field: the edit keys every shell user expects, scrolling so the
//! cursor stays visible, widths measured in terminal cells (Polish letters, CJK, emoji).
//! A prefilled value starts selected, as in every form users know: the first typed
//! character replaces it, a movement key keeps it for editing.

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
    /// The whole text is selected: typing or pasting replaces it.
    selected: bool,
}

fn byte_at(s: &str, chars: usize) -> usize {
    s.char_indices().nth(chars).map_or(s.len(), |(i, _)| i)
}

impl TextField {
    pub fn new(text: &str) -> Self {
        TextField {
            text: text.to_owned(),
            cursor: text.chars().count(),
            selected: false,
        }
    }

    /// A field holding a value to keep or replace: selected, so typing replaces it.
    pub fn prefilled(text: &str) -> Self {
        TextField {
            selected: !text.is_empty(),
            ..TextField::new(text)
        }
    }

    /// Selects the whole text (after an error, so the next text does not append).
    pub fn select_all(&mut self) {
        self.selected = !self.text.is_empty();
    }

    /// Text input from an action: a key or a paste. `None` when the action is not
    /// text input; otherwise whether the text changed.
    pub fn edit(&mut self, action: &crate::tui::action::Action) -> Option<bool> {
        match action {
            crate::tui::action::Action::Key(ev) => Some(self.input(ev)),
            crate::tui::action::Action::Paste(s) => Some(self.paste(s)),
            _ => None,
        }
    }

    /// Inserts pasted text as one edit; line breaks and tabs become spaces, since the
    /// field holds one line.
    pub fn paste(&mut self, s: &str) -> bool {
        let clean: String = s
            .trim_end_matches(['\r', '\n'])
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        if clean.is_empty() {
            return false;
        }
        self.take_selection();
        let b = byte_at(&self.text, self.cursor);
        self.text.insert_str(b, &clean);
        self.cursor += clean.chars().count();
        true
    }

    /// A selected text goes before new text arrives.
    fn take_selection(&mut self) {
        if std::mem::take(&mut self.selected) {
            self.clear();
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
        self.selected = false;
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
        if self.selected {
            match ev.code {
                // Typing or deleting replaces the selection.
                KeyCode::Char(_) if !ctrl && !alt => self.take_selection(),
                KeyCode::Backspace | KeyCode::Delete => {
                    self.clear();
                    return before > 0;
                }
                // Any other key keeps the text for editing.
                _ => self.selected = false,
            }
        }
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
        let style = if self.selected {
            style.add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            style
        };
        buf.set_stringn(area.x, area.y, visible, area.width as usize, style);
    }

    /// Rows of the text wrapped at `width` cells, as `(first char, end char)`; the
    /// cursor after the last character gets a row of its own when the last row is full.
    fn rows(&self, width: usize) -> Vec<(usize, usize)> {
        let width = width.max(1);
        let mut rows = Vec::new();
        let (mut start, mut used) = (0, 0);
        for (i, c) in self.text.chars().enumerate() {
            let w = c.width().unwrap_or(0);
            if used + w > width {
                rows.push((start, i));
                start = i;
                used = 0;
            }
            used += w;
        }
        rows.push((start, self.len()));
        if used >= width {
            rows.push((self.len(), self.len()));
        }
        rows
    }

    /// The row the cursor is on and the first row shown in `height` rows.
    fn row_window(&self, rows: &[(usize, usize)], height: usize) -> (usize, usize) {
        let at = rows
            .iter()
            .rposition(|&(s, _)| s <= self.cursor)
            .unwrap_or(0);
        (at, at.saturating_sub(height.saturating_sub(1)))
    }

    /// Draws the text wrapped over `area`'s rows, scrolled to keep the cursor in view:
    /// a long text is seen whole while it is edited.
    pub fn render_wrapped(&self, area: Rect, buf: &mut Buffer, style: Style) {
        if area.width == 0 || area.height == 0 {
            return;
        }
        let rows = self.rows(usize::from(area.width));
        let (_, first) = self.row_window(&rows, usize::from(area.height));
        let style = if self.selected {
            style.add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            style
        };
        for (n, &(s, e)) in rows
            .iter()
            .skip(first)
            .take(usize::from(area.height))
            .enumerate()
        {
            let line: String = self.text.chars().skip(s).take(e - s).collect();
            buf.set_stringn(
                area.x,
                area.y + n as u16,
                line,
                usize::from(area.width),
                style,
            );
        }
    }

    /// Where the terminal cursor goes when the field is drawn wrapped in `area`.
    pub fn cursor_wrapped(&self, area: Rect) -> Option<Position> {
        if area.width == 0 || area.height == 0 {
            return None;
        }
        let rows = self.rows(usize::from(area.width));
        let (at, first) = self.row_window(&rows, usize::from(area.height));
        let start = rows[at].0;
        let cells: usize = self
            .text
            .chars()
            .skip(start)
            .take(self.cursor - start)
            .map(|c| c.width().unwrap_or(0))
            .sum();
        let x = area.x + (cells as u16).min(area.width - 1);
        Some(Position::new(x, area.y + (at - first) as u16))
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
    fn a_prefilled_value_is_replaced_by_typing_and_kept_by_moving() {
        let mut f = TextField::prefilled("10");
        f.input(&key(KeyCode::Char('5')));
        assert_eq!(f.text(), "5");
        let mut f = TextField::prefilled("Zieleń");
        f.input(&key(KeyCode::End));
        f.input(&key(KeyCode::Char('!')));
        assert_eq!(f.text(), "Zieleń!");
        let mut f = TextField::prefilled("Zieleń");
        f.input(&key(KeyCode::Backspace));
        assert_eq!(f.text(), "");
    }

    #[test]
    fn a_paste_is_one_edit_on_one_line() {
        let mut f = typed("ab");
        f.input(&key(KeyCode::Left));
        assert!(f.paste("x\ny\tz\n"));
        assert_eq!(f.text(), "ax y zb");
        let mut f = TextField::prefilled("stare");
        f.paste("nowe");
        assert_eq!(f.text(), "nowe");
    }

    #[test]
    fn a_long_text_wraps_with_the_cursor_in_view() {
        let f = typed("abcdefghij");
        let area = Rect::new(0, 0, 4, 2);
        let mut buf = Buffer::empty(area);
        f.render_wrapped(area, &mut buf, Style::default());
        let rows: Vec<String> = (0..2)
            .map(|y| (0..4).map(|x| buf[(x, y)].symbol()).collect())
            .collect();
        // Three rows ("abcd", "efgh", "ij"): the last two are shown, the cursor after "j".
        assert_eq!(rows, vec!["efgh", "ij  "]);
        assert_eq!(f.cursor_wrapped(area), Some(Position::new(2, 1)));
        let full = typed("abcd");
        assert_eq!(full.cursor_wrapped(area), Some(Position::new(0, 1)));
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
