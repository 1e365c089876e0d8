//! Driving the interface by keys on a demo database, shared by the board tests.
#![allow(dead_code)] // each test file uses a different part

use narada::model::Lang;
use narada::storage::Store;
use narada::tui::Driver;
use narada::tui::app::AppOptions;
use narada::tui::keymap::Keymap;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;

pub fn key(d: &mut Driver, code: KeyCode) {
    d.key(KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn ctrl(d: &mut Driver, c: char) {
    d.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

pub fn typed(d: &mut Driver, text: &str) {
    for c in text.chars() {
        key(d, KeyCode::Char(c));
    }
}

pub fn demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("demo.db");
    narada::demo::create(&db).unwrap();
    db
}

pub fn driver(db: &Path, lang: Lang) -> Driver {
    let store = Store::open(db).unwrap();
    let mut d = Driver::new(
        store,
        AppOptions {
            lang,
            keymap: Keymap::default(),
        },
        false,
    );
    d.act(narada::tui::action::Action::Resize(80, 24));
    d
}

pub fn store(d: &Driver) -> &Store {
    d.runner.store()
}

/// Opens the board on the largest topic with the cards pane focused.
pub fn board_on_first_topic(d: &mut Driver) {
    typed(d, "b");
    typed(d, "j");
    key(d, KeyCode::Tab);
}

/// The screen as text, rows joined by newlines, trailing blanks cut.
pub fn screen(d: &Driver, width: u16, height: u16) -> String {
    let buf = d.render(width, height);
    (0..height)
        .map(|y| {
            let row: String = (0..width).map(|x| buf[(x, y)].symbol()).collect();
            row.trim_end().to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
