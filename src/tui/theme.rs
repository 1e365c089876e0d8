//! Colours and styles in one place. Kinds get distinct hues that survive a washed-out
//! projector; projector mode uses white-on-black with bold text only.

use crate::model::CardKind;
use ratatui::style::{Color, Modifier, Style};

pub fn kind_color(k: CardKind) -> Color {
    match k {
        CardKind::Recommendation => Color::Green,
        CardKind::Expectation => Color::Cyan,
        CardKind::Proposal => Color::Yellow,
        CardKind::Concern => Color::Red,
        CardKind::Question => Color::Magenta,
        CardKind::Other => Color::Gray,
    }
}

pub fn kind(k: CardKind) -> Style {
    Style::new().fg(kind_color(k)).add_modifier(Modifier::BOLD)
}

pub fn header() -> Style {
    Style::new().fg(Color::Black).bg(Color::Cyan)
}

pub fn footer_key() -> Style {
    Style::new().fg(Color::Black).bg(Color::Gray)
}

pub fn footer_label() -> Style {
    Style::new()
}

pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn dim() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn tag() -> Style {
    Style::new().fg(Color::Blue)
}

pub fn highlight() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

pub fn error() -> Style {
    Style::new().fg(Color::White).bg(Color::Red)
}

pub fn ok() -> Style {
    Style::new().fg(Color::Green)
}

pub fn label() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn timer(running: bool, over: bool) -> Style {
    match (running, over) {
        (_, true) => Style::new()
            .fg(Color::White)
            .bg(Color::Red)
            .add_modifier(Modifier::BOLD),
        (true, false) => Style::new().fg(Color::Black).bg(Color::Green),
        (false, false) => Style::new().fg(Color::Black).bg(Color::Gray),
    }
}

pub fn projector() -> Style {
    Style::new()
        .fg(Color::White)
        .bg(Color::Black)
        .add_modifier(Modifier::BOLD)
}

pub fn projector_selected() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::White)
        .add_modifier(Modifier::BOLD)
}
