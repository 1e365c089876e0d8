//! The outline room's units by keys on the demo database: add a child and a sibling in
//! the multi-line editor, move, edit (Esc asks first), delete with the question and
//! undo; and snapshots of the editor at 80×24 and 20×5.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

#[path = "support/driver.rs"]
mod driver_support;
use driver_support::{ctrl, demo, driver, key, screen, store, typed};

use narada::model::Lang;
use narada::storage::Store;
use narada::storage::outline::SectionRow;
use narada::tui::Driver;
use narada::tui::keymap::Mode;
use ratatui::crossterm::event::KeyCode;

fn outline(d: &Driver) -> Vec<SectionRow> {
    let path = store(d).path().unwrap().to_path_buf();
    Store::open(&path).unwrap().outline().unwrap()
}

fn row(d: &Driver, citation: &str) -> Option<SectionRow> {
    outline(d).into_iter().find(|s| s.citation == citation)
}

/// Opens the outline with `citation` selected.
fn outline_on(d: &mut Driver, citation: &str) {
    typed(d, "bo");
    let at = d
        .app
        .outline
        .sections
        .iter()
        .position(|s| s.citation == citation)
        .unwrap();
    for _ in 0..at {
        typed(d, "j");
    }
    assert_eq!(d.app.outline.selected().unwrap().citation, citation);
}

#[test]
fn add_move_edit_and_delete_units_by_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::Pl);
    outline_on(&mut d, "§ 1");

    // A child of the § is a ust., typed in the editor; Enter is a new line.
    typed(&mut d, "a");
    assert_eq!(d.app.mode(), Mode::Editor);
    typed(&mut d, "ust. 1 Pierwszy ustęp");
    key(&mut d, KeyCode::Enter);
    typed(&mut d, "druga linia");
    ctrl(&mut d, 's');
    assert_eq!(d.app.mode(), Mode::Outline);
    let first = row(&d, "§ 1 ust. 1").unwrap();
    assert_eq!(first.draft_text, "Pierwszy ustęp\ndruga linia");
    assert!(
        d.app
            .status
            .as_ref()
            .is_some_and(|s| format!("{s:?}").contains("automatyczna")),
        "{:?}",
        d.app.status
    );
    assert_eq!(
        d.app.outline.selected().unwrap().id,
        first.id,
        "the new unit is selected"
    );

    // A sibling after it is ust. 2; moved up, it becomes ust. 1.
    typed(&mut d, "n");
    typed(&mut d, "Drugi");
    key(&mut d, KeyCode::F(2));
    let second = row(&d, "§ 1 ust. 2").unwrap();
    assert_eq!(second.draft_text, "Drugi");
    typed(&mut d, "K");
    assert_eq!(row(&d, "§ 1 ust. 1").unwrap().id, second.id);
    assert_eq!(row(&d, "§ 1 ust. 2").unwrap().id, first.id);
    typed(&mut d, "u");
    assert_eq!(
        row(&d, "§ 1 ust. 2").unwrap().id,
        second.id,
        "undo moves it back"
    );

    // A pkt under ust. 2.
    typed(&mut d, "a");
    typed(&mut d, "punkt");
    ctrl(&mut d, 's');
    assert_eq!(row(&d, "§ 1 ust. 2 pkt 1").unwrap().draft_text, "punkt");

    // Esc with changes asks first; a second Esc throws them away.
    typed(&mut d, "e");
    typed(&mut d, "!");
    key(&mut d, KeyCode::Esc);
    assert_eq!(d.app.mode(), Mode::Editor, "asked, still open");
    key(&mut d, KeyCode::Esc);
    assert_eq!(d.app.mode(), Mode::Outline);
    assert_eq!(row(&d, "§ 1 ust. 2 pkt 1").unwrap().draft_text, "punkt");
    typed(&mut d, "e");
    typed(&mut d, " zmieniony");
    ctrl(&mut d, 's');
    assert_eq!(
        row(&d, "§ 1 ust. 2 pkt 1").unwrap().draft_text,
        "punkt zmieniony"
    );

    // Deleting ust. 2 asks, says what goes, and takes its pkt; undo brings both back.
    typed(&mut d, "k");
    assert_eq!(d.app.outline.selected().unwrap().citation, "§ 1 ust. 2");
    typed(&mut d, "d");
    let question = d.app.outline.confirm.clone().unwrap().message;
    assert!(question.contains("razem 2 jednostki"), "{question}");
    assert!(question.contains("jednostki z tekstem: 2"), "{question}");
    key(&mut d, KeyCode::Esc);
    assert!(row(&d, "§ 1 ust. 2").is_some(), "kept");
    let before = outline(&d);
    typed(&mut d, "d");
    key(&mut d, KeyCode::Enter);
    assert!(row(&d, "§ 1 ust. 2").is_none());
    assert!(row(&d, "§ 1 ust. 1 pkt 1").is_none());
    typed(&mut d, "u");
    assert_eq!(outline(&d), before, "undo restores the units and their ids");
    typed(&mut d, "?");
    let help = screen(&d, 80, 24);
    assert!(help.contains("dodaj jednostkę niżej"), "{help}");
}

#[test]
fn the_editor_at_80x24_and_20x5() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    for (lang, code) in [(Lang::Pl, "pl"), (Lang::En, "en")] {
        let mut d = driver(&db, lang);
        outline_on(&mut d, "§ 3 ust. 1");
        typed(&mut d, "e");
        key(&mut d, KeyCode::Enter);
        typed(&mut d, "Zażółć gęślą jaźń");
        for (w, h) in [(80u16, 24u16), (20, 5)] {
            insta::assert_snapshot!(format!("editor_{code}_{w}x{h}"), screen(&d, w, h));
        }
    }
}
