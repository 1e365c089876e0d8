//! Terminal events turned into actions: key presses (through the keymap, by the
//! caller), resizes, and the mouse wheel as up/down.

use super::action::Action;
use ratatui::crossterm::event::{self, Event, KeyEvent, KeyEventKind, MouseEventKind};
use std::time::Duration;

/// One input: a key to map, or an action already.
#[derive(Debug)]
pub enum Input {
    Key(KeyEvent),
    Action(Action),
}

/// Waits up to `timeout` for an event; `Ok(None)` when nothing happened.
pub fn next(timeout: Duration) -> std::io::Result<Option<Input>> {
    if !event::poll(timeout)? {
        return Ok(None);
    }
    Ok(match event::read()? {
        // Windows reports releases too; only presses (and repeats) are keys.
        Event::Key(k) if k.kind != KeyEventKind::Release => Some(Input::Key(k)),
        Event::Resize(w, h) => Some(Input::Action(Action::Resize(w, h))),
        Event::Paste(s) => Some(Input::Action(Action::Paste(s))),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Input::Action(Action::Down)),
            MouseEventKind::ScrollUp => Some(Input::Action(Action::Up)),
            _ => None,
        },
        _ => None,
    })
}
