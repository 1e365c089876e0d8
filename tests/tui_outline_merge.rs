//! The outline, coverage, database merge and export dialogs and the near-duplicate hints,
//! driven by keys on the demo database: the state and what the store holds.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

#[path = "support/driver.rs"]
mod driver_support;
use driver_support::{board_on_first_topic, ctrl, demo, driver, key, store, typed};

use narada::model::Lang;
use narada::storage::Store;
use narada::tui::Driver;
use narada::tui::app::{Overlay, Screen};
use narada::tui::merge;
use ratatui::crossterm::event::KeyCode;

#[test]
fn outline_maps_renames_adds_and_reorders_with_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    typed(&mut d, "b");
    typed(&mut d, "G");
    let topic = d.app.board.selected_topic().unwrap().clone();
    typed(&mut d, "o");
    assert_eq!(d.app.screen, Screen::Outline);
    assert!(!d.app.outline.sections.is_empty());
    typed(&mut d, "jj");
    let section = d.app.outline.selected().unwrap().clone();
    typed(&mut d, "m");
    let row = store_outline(&d, &section.id);
    assert!(row.topic_ids.contains(&topic.id));
    typed(&mut d, "u");
    assert!(!store_outline(&d, &section.id).topic_ids.contains(&topic.id));

    typed(&mut d, "r");
    ctrl(&mut d, 'u');
    typed(&mut d, "Nowy nagłówek");
    key(&mut d, KeyCode::Enter);
    assert_eq!(store_outline(&d, &section.id).heading, "Nowy nagłówek");
    typed(&mut d, "e");
    typed(&mut d, "Treść paragrafu");
    ctrl(&mut d, 's');
    assert!(
        store_outline(&d, &section.id)
            .draft_text
            .ends_with("Treść paragrafu")
    );
    typed(&mut d, "uu");
    assert_eq!(store_outline(&d, &section.id).heading, section.heading);
    assert_eq!(
        store_outline(&d, &section.id).draft_text,
        section.draft_text
    );

    let position = section.position;
    typed(&mut d, "J");
    assert_eq!(store_outline(&d, &section.id).position, position + 1);
    typed(&mut d, "u");
    assert_eq!(store_outline(&d, &section.id).position, position);

    let count = d.app.outline.sections.len();
    typed(&mut d, "n");
    typed(&mut d, "Nowa sekcja");
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.app.outline.sections.len(), count + 1);
    typed(&mut d, "u");
    assert_eq!(d.app.outline.sections.len(), count);

    typed(&mut d, "v");
    assert_eq!(d.app.screen, Screen::Coverage);
    assert!(d.app.outline.coverage.data.is_some());
}

fn store_outline(d: &Driver, id: &str) -> narada::storage::outline::SectionRow {
    // `outline()` takes `&mut`; a second connection reads the same file.
    let path = store(d).path().unwrap().to_path_buf();
    let mut s = Store::open(&path).unwrap();
    s.outline()
        .unwrap()
        .into_iter()
        .find(|x| x.id == id)
        .unwrap()
}

#[test]
fn merge_dialog_shows_conflicts_and_merges_with_the_chosen_policy() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let other = dir.path().join("other.db");
    let card = {
        let s = Store::open(&db).unwrap();
        s.backup_to(&other).unwrap();
        s.cards(&narada::storage::CardFilter::default()).unwrap()[0].clone()
    };
    let patch = |text: &str| narada::model::CardPatch {
        text: Some(text.into()),
        ..Default::default()
    };
    Store::open(&other)
        .unwrap()
        .edit_card(&card.id, &patch("Wersja innego trenera"))
        .unwrap();
    Store::open(&db)
        .unwrap()
        .edit_card(&card.id, &patch("Moja wersja"))
        .unwrap();

    let mut d = driver(&db, Lang::En);
    typed(&mut d, "bI");
    typed(&mut d, other.to_str().unwrap());
    key(&mut d, KeyCode::Enter);
    let Some(merge::Modal::Conflicts(dialog)) = &d.app.merge.modal else {
        panic!("expected the conflicts dialog, got {:?}", d.app.modal);
    };
    let shown = format!("{:?}", dialog.conflicts);
    assert!(shown.contains("Wersja innego trenera") && shown.contains("Moja wersja"));
    assert_eq!(
        store(&d).card(&card.id).unwrap().text,
        "Moja wersja",
        "nothing merged yet"
    );
    key(&mut d, KeyCode::Right); // keep mine → take theirs
    key(&mut d, KeyCode::Enter);
    assert!(matches!(d.app.overlay, Some(Overlay::Message(..))));
    assert_eq!(
        store(&d).card(&card.id).unwrap().text,
        "Wersja innego trenera"
    );
    key(&mut d, KeyCode::Esc);
    assert!(!d.app.has_modal());
}

#[test]
fn near_duplicates_are_hinted_on_the_board_and_while_capturing() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    board_on_first_topic(&mut d);
    let sel = d.app.board.selected_card().unwrap().clone();
    assert!(!d.app.board.hints.is_empty());
    assert!(d.app.board.hints.len() <= 3);
    assert!(d.app.board.hints.iter().all(|h| h.id != sel.id));

    key(&mut d, KeyCode::Esc);
    typed(&mut d, "a");
    typed(&mut d, &sel.text);
    assert!(!d.app.cards.capture_hints.is_empty());
    assert!(d.app.cards.capture_hints.iter().any(|h| h.id == sel.id));
}

#[test]
fn export_dialog_writes_the_file_and_asks_before_replacing_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::Pl);
    typed(&mut d, "E");
    let path_of = |d: &Driver| match &d.app.export.form {
        Some(form) => form.target.text().to_owned(),
        None => panic!("expected the export dialog, got {:?}", d.app.modal),
    };
    assert_eq!(path_of(&d), "uchwala-projekt.md");
    key(&mut d, KeyCode::Right); // md → docx, and the name follows
    assert_eq!(path_of(&d), "uchwala-projekt.docx");
    key(&mut d, KeyCode::Left);
    let target = dir.path().join("uchwala.md");
    key(&mut d, KeyCode::Tab);
    key(&mut d, KeyCode::Tab);
    ctrl(&mut d, 'u');
    typed(&mut d, target.to_str().unwrap());
    key(&mut d, KeyCode::Enter);
    let Some(Overlay::Message(_, lines)) = &d.app.overlay else {
        panic!("expected where the file went, got {:?}", d.app.modal);
    };
    assert_eq!(lines, &vec![target.display().to_string()]);
    let first = std::fs::read_to_string(&target).unwrap();
    assert!(first.contains("§ 1"), "{first}");
    key(&mut d, KeyCode::Esc);

    // Again onto the same file: the first Enter only asks.
    std::fs::write(&target, "stare").unwrap();
    typed(&mut d, "E");
    key(&mut d, KeyCode::Tab);
    key(&mut d, KeyCode::Tab);
    ctrl(&mut d, 'u');
    typed(&mut d, target.to_str().unwrap());
    key(&mut d, KeyCode::Enter);
    assert!(d.app.export.form.is_some());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "stare");
    key(&mut d, KeyCode::Enter);
    assert!(matches!(d.app.overlay, Some(Overlay::Message(..))));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), first);
}
