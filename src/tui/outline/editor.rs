//! The multi-line editor of a provision's text (ratatui-textarea): Enter starts a new
//! line, Ctrl+S or F2 saves, Esc cancels — asking first when something was typed. The
//! title names the unit by its full address.

use crate::model::{Lang, SectionLevel};
use crate::storage::outline_units::Place;
use crate::tui::action::Action;
use crate::tui::i18n::T;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// What the editor's text becomes when saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorFor {
    /// The text of an existing unit.
    Text(String),
    /// A new unit at this place.
    New {
        place: Place,
        level: Option<SectionLevel>,
    },
}

/// What a key did in the editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditStep {
    Edited,
    Cancel,
    /// Saved, with the text trimmed.
    Submit(String),
}

#[derive(Debug, Clone)]
pub struct Editor {
    pub target: EditorFor,
    /// The unit's full address (`§ 5 ust. 2`), or where a new unit goes.
    pub title: String,
    area: TextArea<'static>,
    original: String,
    /// Esc was pressed with changes: a second Esc discards them.
    pub asking: bool,
    pub error: Option<T>,
}

impl PartialEq for Editor {
    fn eq(&self, other: &Self) -> bool {
        self.target == other.target
            && self.title == other.title
            && self.area.lines() == other.area.lines()
            && self.asking == other.asking
            && self.error == other.error
    }
}

impl Editor {
    pub fn new(target: EditorFor, title: String, text: &str) -> Editor {
        let lines: Vec<String> = text.lines().map(String::from).collect();
        let mut area = TextArea::new(if lines.is_empty() {
            vec![String::new()]
        } else {
            lines
        });
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::default());
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Editor {
            target,
            title,
            original: text.trim().to_owned(),
            area,
            asking: false,
            error: None,
        }
    }

    /// The text as typed, trimmed at both ends.
    pub fn text(&self) -> String {
        self.area.lines().join("\n").trim().to_owned()
    }

    fn changed(&self) -> bool {
        self.text() != self.original
    }

    pub fn step(&mut self, action: &Action) -> EditStep {
        let asked = std::mem::take(&mut self.asking);
        self.error = None;
        match action {
            Action::Save => {
                let text = self.text();
                if text.is_empty() && matches!(self.target, EditorFor::New { .. }) {
                    self.error = Some(T::EditorEmpty);
                    return EditStep::Edited;
                }
                return EditStep::Submit(text);
            }
            Action::Cancel if asked || !self.changed() => return EditStep::Cancel,
            Action::Cancel => self.asking = true,
            Action::Key(ev) => {
                let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
                let alt = ev.modifiers.contains(KeyModifiers::ALT);
                match ev.code {
                    // A letter typed with AltGr (ą, ł, ż…) may arrive as Ctrl+Alt; it is a
                    // letter all the same, not a shortcut.
                    KeyCode::Char(c) if !c.is_ascii() || (ctrl && alt) => {
                        self.area.insert_char(c);
                    }
                    _ => {
                        self.area.input(*ev);
                    }
                }
            }
            Action::Paste(text) => {
                self.area
                    .insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
            }
            _ => {}
        }
        EditStep::Edited
    }

    /// The box: most of the screen, leaving the header and footer visible when it can.
    fn outer(screen: Rect) -> Rect {
        let margin_y = if screen.height >= 12 { 2 } else { 0 };
        let margin_x = if screen.width >= 40 { 2 } else { 0 };
        Rect::new(
            screen.x + margin_x,
            screen.y + margin_y,
            screen.width - 2 * margin_x,
            screen.height - 2 * margin_y,
        )
    }

    pub fn render(&self, lang: Lang, screen: Rect, buf: &mut Buffer) {
        if screen.is_empty() {
            return;
        }
        let outer = Self::outer(screen);
        Clear.render(outer, buf);
        let block = Block::bordered().title(format!(" {} ", self.title));
        let inner = block.inner(outer);
        block.render(outer, buf);
        if inner.is_empty() {
            return;
        }
        // The last line says which keys save and cancel, or asks, or warns.
        let (text_h, hint) = if inner.height >= 3 {
            (inner.height - 1, true)
        } else {
            (inner.height, false)
        };
        (&self.area).render(Rect::new(inner.x, inner.y, inner.width, text_h), buf);
        if hint {
            let (t, style) = match (self.error, self.asking) {
                (Some(e), _) => (e, theme::error()),
                (None, true) => (T::EditorDiscard, theme::error()),
                (None, false) => (T::EditorHint, theme::dim()),
            };
            buf.set_stringn(
                inner.x,
                inner.y + text_h,
                t.tr(lang),
                usize::from(inner.width),
                style,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEvent;

    fn key(code: KeyCode, m: KeyModifiers) -> Action {
        Action::Key(KeyEvent::new(code, m))
    }

    #[test]
    fn enter_is_a_new_line_and_polish_letters_type() {
        let mut e = Editor::new(EditorFor::Text("x".into()), "§ 1".into(), "");
        for c in "Zażółć".chars() {
            e.step(&key(KeyCode::Char(c), KeyModifiers::NONE));
        }
        e.step(&key(KeyCode::Enter, KeyModifiers::NONE));
        // AltGr+l on some terminals: Ctrl+Alt with the letter itself.
        e.step(&key(
            KeyCode::Char('ł'),
            KeyModifiers::CONTROL | KeyModifiers::ALT,
        ));
        e.step(&Action::Paste("ąę\r\nŹ".into()));
        assert_eq!(
            e.step(&Action::Save),
            EditStep::Submit("Zażółć\nłąę\nŹ".into())
        );
    }

    #[test]
    fn esc_asks_before_throwing_away_typed_text() {
        let mut e = Editor::new(EditorFor::Text("x".into()), "§ 1".into(), "Tekst");
        assert_eq!(e.step(&Action::Cancel), EditStep::Cancel, "nothing changed");
        e.step(&key(KeyCode::Char('!'), KeyModifiers::NONE));
        assert_eq!(e.step(&Action::Cancel), EditStep::Edited);
        assert!(e.asking);
        assert_eq!(e.step(&Action::Cancel), EditStep::Cancel);
        let mut e = Editor::new(
            EditorFor::New {
                place: Place::Under(None),
                level: None,
            },
            "§ 1".into(),
            "",
        );
        assert_eq!(e.step(&Action::Save), EditStep::Edited);
        assert_eq!(e.error, Some(T::EditorEmpty));
    }

    #[test]
    fn tiny_screens_do_not_panic() {
        let e = Editor::new(EditorFor::Text("x".into()), "§ 1 ust. 2".into(), "a\nb");
        for (w, h) in [(0, 0), (1, 1), (2, 2), (3, 3), (20, 5), (80, 24)] {
            let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
            e.render(Lang::Pl, Rect::new(0, 0, w, h), &mut buf);
        }
    }
}
