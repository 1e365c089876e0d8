//! Key bindings as data: one table per mode, used for dispatch, the footer hints and
//! the help overlay alike, with user overrides from `config.toml`.

use super::action::Action;
use super::keymap_defaults::{DEFAULTS, FOOTER};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// What the keyboard is doing right now; each mode has its own table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Applies in every mode, after the mode's own table.
    Global,
    Sessions,
    List,
    Capture,
    Detail,
    Search,
    Form,
    Prompt,
    Help,
    Board,
    Proposal,
    Decisions,
    Outline,
    Coverage,
    /// A list to choose from, filtered by typing.
    Picker,
    /// The multi-line editor of a provision's text: Enter is a new line.
    Editor,
    /// The participants' room's queue beside the card list.
    Room,
}

impl Mode {
    pub const ALL: [Mode; 17] = [
        Mode::Global,
        Mode::Sessions,
        Mode::List,
        Mode::Capture,
        Mode::Detail,
        Mode::Search,
        Mode::Form,
        Mode::Prompt,
        Mode::Help,
        Mode::Board,
        Mode::Proposal,
        Mode::Decisions,
        Mode::Outline,
        Mode::Coverage,
        Mode::Picker,
        Mode::Editor,
        Mode::Room,
    ];

    /// Modes with a text field: unbound keys are typed into it.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Mode::Capture | Mode::Search | Mode::Form | Mode::Prompt | Mode::Picker | Mode::Editor
        )
    }
}

/// A key with its modifiers, normalised so that `A` and `Shift-A` are one binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCodeOrd,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

/// `KeyCode` is not `Ord`; the codes narada binds are these.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCodeOrd {
    Char(char),
    F(u8),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
}

impl Key {
    pub fn from_event(ev: &KeyEvent) -> Option<Key> {
        use KeyCodeOrd as K;
        let code = match ev.code {
            KeyCode::Char(c) => K::Char(c),
            KeyCode::F(n) => K::F(n),
            KeyCode::Enter => K::Enter,
            KeyCode::Esc => K::Esc,
            KeyCode::Tab => K::Tab,
            KeyCode::BackTab => K::BackTab,
            KeyCode::Backspace => K::Backspace,
            KeyCode::Delete => K::Delete,
            KeyCode::Up => K::Up,
            KeyCode::Down => K::Down,
            KeyCode::Left => K::Left,
            KeyCode::Right => K::Right,
            KeyCode::PageUp => K::PageUp,
            KeyCode::PageDown => K::PageDown,
            KeyCode::Home => K::Home,
            KeyCode::End => K::End,
            _ => return None,
        };
        let m = ev.modifiers;
        // Shift is part of the character itself (`A`, `?`, `+`), not a separate modifier.
        let shift = m.contains(KeyModifiers::SHIFT) && !matches!(code, K::Char(_) | K::BackTab);
        Some(Key {
            code,
            ctrl: m.contains(KeyModifiers::CONTROL),
            alt: m.contains(KeyModifiers::ALT),
            shift,
        })
    }

    /// Parses `a`, `A`, `ctrl-r`, `alt-x`, `enter`, `pgdown`, `f5`, `space`, `?`.
    pub fn parse(s: &str) -> Result<Key, String> {
        use KeyCodeOrd as K;
        let mut key = Key {
            code: K::Esc,
            ctrl: false,
            alt: false,
            shift: false,
        };
        let mut rest = s;
        loop {
            let strip = |p: &str| {
                rest.get(..p.len())
                    .filter(|h| h.eq_ignore_ascii_case(p))
                    .map(|_| &rest[p.len()..])
            };
            if let Some(r) = strip("ctrl-") {
                key.ctrl = true;
                rest = r;
            } else if let Some(r) = strip("alt-") {
                key.alt = true;
                rest = r;
            } else if let Some(r) = strip("shift-") {
                key.shift = true;
                rest = r;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) => K::Char(c),
            _ => match rest.to_lowercase().as_str() {
                "space" => K::Char(' '),
                "enter" | "return" => K::Enter,
                "esc" | "escape" => K::Esc,
                "tab" => K::Tab,
                "backtab" => K::BackTab,
                "backspace" => K::Backspace,
                "delete" | "del" => K::Delete,
                "up" => K::Up,
                "down" => K::Down,
                "left" => K::Left,
                "right" => K::Right,
                "pgup" | "pageup" => K::PageUp,
                "pgdown" | "pagedown" => K::PageDown,
                "home" => K::Home,
                "end" => K::End,
                f if f.starts_with('f')
                    && f[1..].parse::<u8>().is_ok_and(|n| (1..=24).contains(&n)) =>
                {
                    K::F(f[1..].parse().unwrap_or(1))
                }
                _ => return Err(format!("unknown key {s:?}")),
            },
        };
        if matches!(key.code, K::Char(_)) {
            key.shift = false;
        }
        Ok(key)
    }

    /// How the key is written in `config.toml` (what `parse` reads back).
    pub fn config_name(&self) -> String {
        use KeyCodeOrd as K;
        let base = match self.code {
            K::Char(' ') => "space".to_owned(),
            K::Char(c) => c.to_string(),
            K::F(n) => format!("f{n}"),
            K::Enter => "enter".into(),
            K::Esc => "esc".into(),
            K::Tab => "tab".into(),
            K::BackTab => "backtab".into(),
            K::Backspace => "backspace".into(),
            K::Delete => "delete".into(),
            K::Up => "up".into(),
            K::Down => "down".into(),
            K::Left => "left".into(),
            K::Right => "right".into(),
            K::PageUp => "pgup".into(),
            K::PageDown => "pgdown".into(),
            K::Home => "home".into(),
            K::End => "end".into(),
        };
        let mut out = String::new();
        for (on, name) in [
            (self.ctrl, "ctrl-"),
            (self.alt, "alt-"),
            (self.shift, "shift-"),
        ] {
            if on {
                out.push_str(name);
            }
        }
        out + &base
    }

    /// How the key is written in hints.
    pub fn display(&self) -> String {
        use KeyCodeOrd as K;
        let base = match self.code {
            K::Char(' ') => "space".to_owned(),
            K::Char(c) => c.to_string(),
            K::F(n) => format!("F{n}"),
            K::Enter => "Enter".into(),
            K::Esc => "Esc".into(),
            K::Tab => "Tab".into(),
            K::BackTab => "S-Tab".into(),
            K::Backspace => "Bksp".into(),
            K::Delete => "Del".into(),
            K::Up => "↑".into(),
            K::Down => "↓".into(),
            K::Left => "←".into(),
            K::Right => "→".into(),
            K::PageUp => "PgUp".into(),
            K::PageDown => "PgDn".into(),
            K::Home => "Home".into(),
            K::End => "End".into(),
        };
        let mut out = String::new();
        if self.ctrl {
            out.push_str("C-");
        }
        if self.alt {
            out.push_str("M-");
        }
        if self.shift {
            out.push_str("S-");
        }
        out + &base
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Keymap {
    /// Per mode, the bindings in hint order.
    tables: BTreeMap<Mode, Vec<(Key, Action)>>,
}

impl Default for Keymap {
    fn default() -> Self {
        let mut tables: BTreeMap<Mode, Vec<(Key, Action)>> = BTreeMap::new();
        for (mode, key, action) in DEFAULTS {
            // The defaults are constants checked by a test, so a bad one is skipped.
            if let Ok(k) = Key::parse(key) {
                tables.entry(*mode).or_default().push((k, action.clone()));
            }
        }
        Keymap { tables }
    }
}

impl Keymap {
    /// Binds `key` to `action` in `mode`, replacing what the key did there.
    pub fn bind(&mut self, mode: Mode, key: Key, action: Action) {
        let table = self.tables.entry(mode).or_default();
        match table.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = action,
            None => table.push((key, action)),
        }
    }

    /// The action a key press means in `mode`; `None` for unbound keys.
    pub fn lookup(&self, mode: Mode, ev: &KeyEvent) -> Option<Action> {
        if ev.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key::from_event(ev)?;
        [mode, Mode::Global].iter().find_map(|m| {
            self.tables
                .get(m)?
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, a)| a.clone())
        })
    }

    /// Bindings of a mode followed by the global ones, keys of one action joined:
    /// what the footer and the help overlay show.
    pub fn hints(&self, mode: Mode) -> Vec<(String, Action)> {
        let mut out: Vec<(String, Action)> = Vec::new();
        let modes: &[Mode] = if mode == Mode::Global {
            &[Mode::Global]
        } else {
            &[mode, Mode::Global]
        };
        for m in modes {
            for (k, a) in self.tables.get(m).into_iter().flatten() {
                match out.iter_mut().find(|(_, x)| x == a) {
                    Some((keys, _)) => {
                        keys.push('/');
                        keys.push_str(&k.display());
                    }
                    None => out.push((k.display(), a.clone())),
                }
            }
        }
        out
    }
}

impl Keymap {
    /// The hints of a mode in the footer's order: its `FOOTER` list first, then the
    /// rest in table order.
    pub fn footer_hints(&self, mode: Mode) -> Vec<(String, Action)> {
        let first = FOOTER
            .iter()
            .find(|(m, _)| *m == mode)
            .map_or(&[][..], |(_, actions)| *actions);
        let mut hints = self.hints(mode);
        hints.sort_by_key(|(_, a)| first.iter().position(|f| f == a).unwrap_or(first.len()));
        hints
    }
}

impl Mode {
    /// The name used in `config.toml` (`[keys.list]`).
    pub fn name(self) -> &'static str {
        match self {
            Mode::Global => "global",
            Mode::Sessions => "sessions",
            Mode::List => "list",
            Mode::Capture => "capture",
            Mode::Detail => "detail",
            Mode::Search => "search",
            Mode::Form => "form",
            Mode::Prompt => "prompt",
            Mode::Help => "help",
            Mode::Board => "board",
            Mode::Proposal => "proposal",
            Mode::Decisions => "decisions",
            Mode::Outline => "outline",
            Mode::Coverage => "coverage",
            Mode::Picker => "picker",
            Mode::Editor => "editor",
            Mode::Room => "room",
        }
    }
}

/// The default bindings as a Markdown table (mode, keys, action name, meaning): the
/// README's key table is this text, and a test keeps the two equal.
pub fn markdown_table() -> String {
    let km = Keymap::default();
    let mut out = String::from("| mode | keys | action | what it does |\n|---|---|---|---|\n");
    for mode in Mode::ALL {
        let mut rows: Vec<(String, Action)> = Vec::new();
        for (k, a) in km.tables.get(&mode).into_iter().flatten() {
            let key = format!("`{}`", k.config_name());
            match rows.iter_mut().find(|(_, x)| x == a) {
                Some((keys, _)) => {
                    keys.push_str(", ");
                    keys.push_str(&key);
                }
                None => rows.push((key, a.clone())),
            }
        }
        for (keys, action) in rows {
            let name = serde_json::to_value(&action)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| {} | {keys} | `{name}` | {} |",
                mode.name(),
                action.label(crate::model::Lang::En).replace('|', "/")
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_key_parses_and_prints_back() {
        for (_, key, _) in DEFAULTS {
            let k = Key::parse(key).unwrap();
            assert_eq!(Key::parse(&k.config_name()), Ok(k), "{key}");
        }
    }

    #[test]
    fn shifted_characters_match_their_binding() {
        let km = Keymap::default();
        let ev = KeyEvent::new(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(km.lookup(Mode::List, &ev), Some(Action::Help));
        let ev = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(km.lookup(Mode::List, &ev), Some(Action::Bottom));
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(km.lookup(Mode::Capture, &ctrl_c), Some(Action::Quit));
        let a = KeyEvent::new(KeyCode::Char('a'), KeyModifiers::NONE);
        assert_eq!(km.lookup(Mode::Capture, &a), None);
    }

    #[test]
    fn the_footer_puts_its_keys_first_and_the_help_keeps_table_order() {
        let km = Keymap::default();
        let help = km.hints(Mode::List);
        let footer = km.footer_hints(Mode::List);
        assert_eq!(help.first().map(|h| &h.1), Some(&Action::Add));
        assert_eq!(help.get(1).map(|h| &h.1), Some(&Action::Search));
        let order: Vec<&Action> = footer.iter().map(|h| &h.1).take(3).collect();
        assert_eq!(order, [&Action::Add, &Action::Help, &Action::Board]);
        // The same bindings, none lost or added.
        let mut a: Vec<String> = help.iter().map(|h| format!("{h:?}")).collect();
        let mut b: Vec<String> = footer.iter().map(|h| format!("{h:?}")).collect();
        a.sort();
        b.sort();
        assert_eq!(a, b);
        // Every action a footer list names is bound in its mode.
        for (mode, actions) in FOOTER {
            let bound = km.hints(*mode);
            for action in *actions {
                assert!(
                    bound.iter().any(|(_, a)| a == action),
                    "{mode:?} {action:?}"
                );
            }
        }
    }

    #[test]
    fn hints_join_keys_of_one_action() {
        let hints = Keymap::default().hints(Mode::Sessions);
        assert!(
            hints.contains(&("j/↓".to_owned(), Action::Down)),
            "{hints:?}"
        );
        assert!(Key::parse("ctrl-").is_err());
        assert_eq!(Key::parse("F5").map(|k| k.display()), Ok("F5".into()));
    }
}
