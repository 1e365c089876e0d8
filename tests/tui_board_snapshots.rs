//! Snapshots of the topic board, the decision log, the outline and the coverage view on
//! the demo database, at 80×24 and 20×5, in Polish and English.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use narada::model::Lang;
use narada::storage::Store;
use narada::tui::Driver;
use narada::tui::action::Action;
use narada::tui::app::AppOptions;
use narada::tui::keymap::Keymap;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::Path;

fn typed(d: &mut Driver, text: &str) {
    for c in text.chars() {
        let code = match c {
            '\t' => KeyCode::Tab,
            '\n' => KeyCode::Enter,
            c => KeyCode::Char(c),
        };
        d.key(KeyEvent::new(code, KeyModifiers::NONE));
    }
}

fn text(d: &Driver, width: u16, height: u16) -> String {
    let buf = d.render(width, height);
    let mut out = String::new();
    for y in 0..height {
        let line: String = (0..width)
            .map(|x| buf[(x, y)].symbol().to_owned())
            .collect();
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The views, each as the keys that reach it from the card list.
const VIEWS: &[(&str, &str)] = &[
    ("board", "bj"),
    ("board_cards", "bj\t"),
    ("split_card", "bj\t|"),
    ("decision_log", "bL"),
    ("outline", "bjo"),
    ("coverage", "bv"),
];

fn snapshot(db: &Path, lang: Lang, code: &str) {
    for (name, keys) in VIEWS {
        for (w, h) in [(80u16, 24u16), (20, 5)] {
            let store = Store::open(db).unwrap();
            let options = AppOptions {
                lang,
                keymap: Keymap::default(),
            };
            let mut d = Driver::new(store, options, false);
            d.act(Action::Resize(w, h));
            typed(&mut d, keys);
            insta::assert_snapshot!(format!("{name}_{code}_{w}x{h}"), text(&d, w, h));
        }
    }
}

#[test]
fn board_views_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    narada::demo::create(&db).unwrap();
    snapshot(&db, Lang::Pl, "pl");
    snapshot(&db, Lang::En, "en");
}

/// A clustering proposal (three topics on the demo database, whose decided and mapped
/// topics keep their cards), closed and with the cursor's topic opened by Tab.
#[test]
fn proposal_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    narada::demo::create(&db).unwrap();
    for (lang, code) in [(Lang::Pl, "pl"), (Lang::En, "en")] {
        for (w, h) in [(80u16, 24u16), (20, 5)] {
            let store = Store::open(&db).unwrap();
            let options = AppOptions {
                lang,
                keymap: Keymap::default(),
            };
            let mut d = Driver::new(store, options, false);
            d.act(Action::Resize(w, h));
            typed(&mut d, "bc\t3\n");
            d.settle(std::time::Duration::from_mins(1));
            insta::assert_snapshot!(format!("proposal_{code}_{w}x{h}"), text(&d, w, h));
            typed(&mut d, "\t");
            insta::assert_snapshot!(format!("proposal_open_{code}_{w}x{h}"), text(&d, w, h));
        }
    }
}
