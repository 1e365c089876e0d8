//! Key bindings as data: one table per mode, used for dispatch, the footer hints and
//! the help overlay alike, with user overrides from `config.toml`.

use super::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::Deserialize;
use std::collections::BTreeMap;

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
}

impl Mode {
    pub const ALL: [Mode; 15] = [
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
    ];

    /// Modes with a text field: unbound keys are typed into it.
    pub fn takes_text(self) -> bool {
        matches!(
            self,
            Mode::Capture | Mode::Search | Mode::Form | Mode::Prompt | Mode::Picker
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

/// The default tables: `(mode, key, action)`; order is the order of hints.
const DEFAULTS: &[(Mode, &str, Action)] = &[
    (Mode::Global, "ctrl-c", Action::Quit),
    (Mode::List, "a", Action::Add),
    (Mode::List, "/", Action::Search),
    (Mode::List, "?", Action::Help),
    (Mode::List, "q", Action::Quit),
    (Mode::List, "+", Action::VoteUp),
    (Mode::List, "-", Action::VoteDown),
    (Mode::List, "u", Action::Undo),
    (Mode::List, "ctrl-r", Action::Redo),
    (Mode::List, "enter", Action::Open),
    (Mode::List, "e", Action::Edit),
    (Mode::List, "d", Action::Delete),
    (Mode::List, "f", Action::Filter),
    (Mode::List, "F", Action::ClearFilter),
    (Mode::List, "o", Action::CycleSort),
    (Mode::List, "w", Action::ToggleScope),
    (Mode::List, "s", Action::Sessions),
    (Mode::List, "A", Action::NextActivity),
    (Mode::List, "t", Action::TimerToggle),
    (Mode::List, "T", Action::TimerSet),
    (Mode::List, "R", Action::TimerReset),
    (Mode::List, "P", Action::Projector),
    (Mode::List, "j", Action::Down),
    (Mode::List, "down", Action::Down),
    (Mode::List, "k", Action::Up),
    (Mode::List, "up", Action::Up),
    (Mode::List, "ctrl-d", Action::PageDown),
    (Mode::List, "pgdown", Action::PageDown),
    (Mode::List, "ctrl-u", Action::PageUp),
    (Mode::List, "pgup", Action::PageUp),
    (Mode::List, "g", Action::Top),
    (Mode::List, "home", Action::Top),
    (Mode::List, "G", Action::Bottom),
    (Mode::List, "end", Action::Bottom),
    (Mode::List, "l", Action::Open),
    (Mode::List, "right", Action::Open),
    (Mode::List, "esc", Action::Cancel),
    (Mode::List, "b", Action::Board),
    (Mode::List, "L", Action::Decisions),
    (Mode::List, "E", Action::Export),
    (Mode::Sessions, "enter", Action::Open),
    (Mode::Sessions, "n", Action::NewSession),
    (Mode::Sessions, "?", Action::Help),
    (Mode::Sessions, "q", Action::Quit),
    (Mode::Sessions, "e", Action::Edit),
    (Mode::Sessions, "esc", Action::Cancel),
    (Mode::Sessions, "j", Action::Down),
    (Mode::Sessions, "down", Action::Down),
    (Mode::Sessions, "k", Action::Up),
    (Mode::Sessions, "up", Action::Up),
    (Mode::Sessions, "l", Action::Open),
    (Mode::Sessions, "right", Action::Open),
    (Mode::Sessions, "g", Action::Top),
    (Mode::Sessions, "G", Action::Bottom),
    (Mode::Capture, "enter", Action::Save),
    (Mode::Capture, "tab", Action::NextKind),
    (Mode::Capture, "backtab", Action::PrevKind),
    (Mode::Capture, "esc", Action::Cancel),
    (Mode::Capture, "ctrl-z", Action::Undo),
    (Mode::Capture, "up", Action::Up),
    (Mode::Capture, "down", Action::Down),
    (Mode::Detail, "esc", Action::Cancel),
    (Mode::Detail, "e", Action::Edit),
    (Mode::Detail, "+", Action::VoteUp),
    (Mode::Detail, "-", Action::VoteDown),
    (Mode::Detail, "d", Action::Delete),
    (Mode::Detail, "u", Action::Undo),
    (Mode::Detail, "ctrl-r", Action::Redo),
    (Mode::Detail, "q", Action::Cancel),
    (Mode::Detail, "h", Action::Cancel),
    (Mode::Detail, "left", Action::Cancel),
    (Mode::Detail, "j", Action::Down),
    (Mode::Detail, "k", Action::Up),
    (Mode::Detail, "?", Action::Help),
    (Mode::Search, "enter", Action::Open),
    (Mode::Search, "esc", Action::Cancel),
    (Mode::Search, "down", Action::Down),
    (Mode::Search, "up", Action::Up),
    (Mode::Search, "ctrl-n", Action::Down),
    (Mode::Search, "ctrl-p", Action::Up),
    (Mode::Form, "enter", Action::Save),
    (Mode::Form, "tab", Action::NextField),
    (Mode::Form, "backtab", Action::PrevField),
    (Mode::Form, "down", Action::NextField),
    (Mode::Form, "up", Action::PrevField),
    (Mode::Form, "esc", Action::Cancel),
    (Mode::Prompt, "enter", Action::Save),
    (Mode::Prompt, "esc", Action::Cancel),
    (Mode::Help, "esc", Action::Cancel),
    (Mode::Help, "?", Action::Cancel),
    (Mode::Help, "q", Action::Cancel),
    (Mode::Help, "enter", Action::Cancel),
    (Mode::Board, "j", Action::Down),
    (Mode::Board, "down", Action::Down),
    (Mode::Board, "k", Action::Up),
    (Mode::Board, "up", Action::Up),
    (Mode::Board, "tab", Action::SwitchPane),
    (Mode::Board, "space", Action::Mark),
    (Mode::Board, "m", Action::Move),
    (Mode::Board, "r", Action::Rename),
    (Mode::Board, "M", Action::MergeTopics),
    (Mode::Board, "S", Action::SplitTopic),
    (Mode::Board, "p", Action::Pin),
    (Mode::Board, "c", Action::Cluster),
    (Mode::Board, "J", Action::MergeCards),
    (Mode::Board, "|", Action::SplitCard),
    (Mode::Board, "d", Action::Decide),
    (Mode::Board, "L", Action::Decisions),
    (Mode::Board, "o", Action::Outline),
    (Mode::Board, "v", Action::Coverage),
    (Mode::Board, "I", Action::MergeDb),
    (Mode::Board, "E", Action::Export),
    (Mode::Board, "u", Action::Undo),
    (Mode::Board, "ctrl-r", Action::Redo),
    (Mode::Board, "enter", Action::Open),
    (Mode::Board, "l", Action::SwitchPane),
    (Mode::Board, "h", Action::SwitchPane),
    (Mode::Board, "pgdown", Action::PageDown),
    (Mode::Board, "pgup", Action::PageUp),
    (Mode::Board, "g", Action::Top),
    (Mode::Board, "G", Action::Bottom),
    (Mode::Board, "?", Action::Help),
    (Mode::Board, "esc", Action::Cancel),
    (Mode::Board, "q", Action::Cancel),
    (Mode::Proposal, "j", Action::Down),
    (Mode::Proposal, "down", Action::Down),
    (Mode::Proposal, "k", Action::Up),
    (Mode::Proposal, "up", Action::Up),
    (Mode::Proposal, "space", Action::Mark),
    (Mode::Proposal, "a", Action::AcceptAll),
    (Mode::Proposal, "enter", Action::Accept),
    (Mode::Proposal, "x", Action::Discard),
    (Mode::Proposal, "esc", Action::Discard),
    (Mode::Decisions, "j", Action::Down),
    (Mode::Decisions, "down", Action::Down),
    (Mode::Decisions, "k", Action::Up),
    (Mode::Decisions, "up", Action::Up),
    (Mode::Decisions, "f", Action::Filter),
    (Mode::Decisions, "u", Action::Undo),
    (Mode::Decisions, "ctrl-r", Action::Redo),
    (Mode::Decisions, "?", Action::Help),
    (Mode::Decisions, "esc", Action::Cancel),
    (Mode::Decisions, "q", Action::Cancel),
    (Mode::Outline, "j", Action::Down),
    (Mode::Outline, "down", Action::Down),
    (Mode::Outline, "k", Action::Up),
    (Mode::Outline, "up", Action::Up),
    (Mode::Outline, "m", Action::Map),
    (Mode::Outline, "x", Action::Unmap),
    (Mode::Outline, "r", Action::Rename),
    (Mode::Outline, "e", Action::Edit),
    (Mode::Outline, "n", Action::NewSection),
    (Mode::Outline, "K", Action::MoveUp),
    (Mode::Outline, "J", Action::MoveDown),
    (Mode::Outline, "v", Action::Coverage),
    (Mode::Outline, "u", Action::Undo),
    (Mode::Outline, "ctrl-r", Action::Redo),
    (Mode::Outline, "?", Action::Help),
    (Mode::Outline, "esc", Action::Cancel),
    (Mode::Outline, "q", Action::Cancel),
    (Mode::Coverage, "j", Action::Down),
    (Mode::Coverage, "down", Action::Down),
    (Mode::Coverage, "k", Action::Up),
    (Mode::Coverage, "up", Action::Up),
    (Mode::Coverage, "o", Action::Outline),
    (Mode::Coverage, "?", Action::Help),
    (Mode::Coverage, "esc", Action::Cancel),
    (Mode::Coverage, "q", Action::Cancel),
    (Mode::Picker, "enter", Action::Save),
    (Mode::Picker, "esc", Action::Cancel),
    (Mode::Picker, "down", Action::Down),
    (Mode::Picker, "up", Action::Up),
];

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
            out.push_str(&format!(
                "| {} | {keys} | `{name}` | {} |\n",
                mode.name(),
                action.label(super::i18n::Lang::En).replace('|', "/")
            ));
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
