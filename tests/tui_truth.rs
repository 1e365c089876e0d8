//! The screens tell the truth after sequences of work: totals after merges, splits and
//! cards added by another process, the selection after adding, a typed topic name in
//! the move picker, prefilled values replaced by typing.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

#[path = "support/driver.rs"]
mod driver_support;
use driver_support::{board_on_first_topic, ctrl, demo, driver, key, screen, store, typed};

use narada::model::{CardDraft, CardKind, Lang, SessionDraft, SessionKind};
use narada::storage::Store;
use narada::tui::Driver;
use narada::tui::app::Screen;
use narada::tui::keymap::Mode;
use ratatui::crossterm::event::KeyCode;
use std::time::Duration;

/// An in-memory database with one training session, driven in `lang`.
fn one_session(title: &str, lang: Lang) -> Driver {
    let mut s = Store::open_in_memory().unwrap();
    s.add_session(&SessionDraft::new(title, SessionKind::Training))
        .unwrap();
    let options = narada::tui::app::AppOptions {
        lang,
        ..narada::tui::app::AppOptions::default()
    };
    Driver::new(s, options, false)
}

/// Every session's card count and vote total as the app shows them, against the store.
fn assert_totals_true(d: &Driver) {
    let shown: Vec<(String, i64, i64)> = d
        .app
        .sessions
        .sessions
        .iter()
        .map(|s| (s.id.clone(), s.card_count, s.vote_total))
        .collect();
    let stored: Vec<(String, i64, i64)> = store(d)
        .sessions()
        .unwrap()
        .into_iter()
        .map(|s| (s.id, s.card_count, s.vote_total))
        .collect();
    assert_eq!(shown, stored);
}

#[test]
fn totals_stay_true_after_merging_and_splitting_cards() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    board_on_first_topic(&mut d);
    typed(&mut d, "  J"); // mark two cards, merge them
    key(&mut d, KeyCode::Enter);
    assert_totals_true(&d);
    let before = store(&d)
        .cards(&narada::storage::CardFilter::default())
        .unwrap()
        .len();
    typed(&mut d, "|"); // split the selected card
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "Druga część");
    key(&mut d, KeyCode::Enter);
    let after = store(&d)
        .cards(&narada::storage::CardFilter::default())
        .unwrap()
        .len();
    assert_eq!(after, before + 1, "split into two");
    assert_totals_true(&d);
    typed(&mut d, "u");
    assert_totals_true(&d);
}

#[test]
fn cards_added_by_another_process_reach_the_header_with_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let mut d = driver(&db, Lang::En);
    let session = d.app.session_id.clone().unwrap();
    // `narada card add` in another terminal.
    let mut other = Store::open(&db).unwrap();
    other
        .add_card(&CardDraft::new(
            &session,
            CardKind::Question,
            "Z wiersza poleceń",
        ))
        .unwrap();
    drop(other);
    typed(&mut d, "ww"); // the whole consultation and back: the list reloads
    assert!(
        d.app
            .cards
            .list
            .cards
            .iter()
            .any(|c| c.text == "Z wiersza poleceń")
    );
    assert_totals_true(&d);
}

#[test]
fn a_new_session_is_the_selected_row() {
    let mut d = one_session("Stara", Lang::En);
    typed(&mut d, "s");
    assert_eq!(d.app.screen, Screen::Sessions);
    typed(&mut d, "n");
    typed(&mut d, "Nowa sesja");
    key(&mut d, KeyCode::Enter);
    let screen: Vec<String> = lines(&d, 80, 24);
    let row = screen.iter().find(|l| l.contains("Nowa sesja")).unwrap();
    assert!(row.starts_with("▸"), "{screen:#?}");
    let old = screen.iter().find(|l| l.contains("Stara")).unwrap();
    assert!(
        old.starts_with(" •"),
        "the open session is marked apart: {old}"
    );
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.app.session().unwrap().title, "Nowa sesja");
}

fn lines(d: &Driver, w: u16, h: u16) -> Vec<String> {
    screen(d, w, h).lines().map(str::to_owned).collect()
}

#[test]
fn a_section_just_added_is_the_one_m_maps() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    board_on_first_topic(&mut d);
    key(&mut d, KeyCode::Tab); // the topics pane: map the topic
    typed(&mut d, "o");
    assert_eq!(d.app.screen, Screen::Outline);
    typed(&mut d, "n");
    typed(&mut d, "Nowy paragraf");
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.app.outline.selected().unwrap().heading, "Nowy paragraf");
    typed(&mut d, "m");
    let sections = d.runner.store_mut().outline().unwrap();
    let new = sections
        .iter()
        .find(|s| s.heading == "Nowy paragraf")
        .unwrap();
    assert_eq!(new.topic_ids.len(), 1, "mapped to the new section");
}

#[test]
fn a_typed_name_in_the_move_picker_creates_that_topic() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    board_on_first_topic(&mut d);
    let card = d.app.board.selected_card().unwrap().id.clone();
    typed(&mut d, "m");
    assert_eq!(d.app.mode(), Mode::Picker);
    typed(&mut d, "Zupełnie nowy temat");
    let screen = lines(&d, 80, 24).join("\n");
    assert!(
        screen.contains("create topic «Zupełnie nowy temat»"),
        "{screen}"
    );
    key(&mut d, KeyCode::Enter);
    let topics = store(&d).topics().unwrap();
    let t = topics
        .iter()
        .find(|t| t.label == "Zupełnie nowy temat")
        .expect("created");
    let p = store(&d).placements().unwrap();
    assert!(p.iter().any(|p| p.card_id == card && p.topic_id == t.id));
}

#[test]
fn typing_replaces_a_prefilled_value() {
    let mut d = one_session("S", Lang::En);
    typed(&mut d, "T"); // the timer shows 10
    typed(&mut d, "5");
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.app.cards.timer.total, Duration::from_mins(5));
    // Moving first keeps the value for editing.
    typed(&mut d, "T");
    key(&mut d, KeyCode::End);
    typed(&mut d, "0");
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.app.cards.timer.total, Duration::from_mins(50));
    ctrl(&mut d, 'c');
}

#[test]
fn a_new_database_starts_by_naming_the_consultation() {
    let mut d = Driver::new(
        Store::open_in_memory().unwrap(),
        narada::tui::app::AppOptions::default(),
        false,
    );
    assert_eq!(d.app.mode(), Mode::Prompt, "asked for the title first");
    typed(&mut d, "Budżet obywatelski 2027");
    key(&mut d, KeyCode::Enter);
    assert_eq!(
        store(&d).consultation().unwrap().title,
        "Budżet obywatelski 2027"
    );
    assert_eq!(d.app.mode(), Mode::Form, "then the first session");
    key(&mut d, KeyCode::Esc);
    let header = lines(&d, 80, 24).remove(0);
    assert!(header.contains("Budżet obywatelski 2027"), "{header}");
}

#[test]
fn splitting_a_card_shows_its_whole_text_over_several_rows() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    board_on_first_topic(&mut d);
    // The longest card of the topic.
    let longest = d
        .app
        .board
        .group()
        .iter()
        .map(|&i| d.app.board.cards[i].text.clone())
        .max_by_key(|t| t.chars().count())
        .unwrap();
    while d.app.board.selected_card().unwrap().text != longest {
        typed(&mut d, "j");
    }
    typed(&mut d, "|");
    assert_eq!(d.app.mode(), Mode::Form);
    let screen = lines(&d, 80, 24).join("\n");
    let tail: String = longest
        .chars()
        .rev()
        .take(12)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert!(
        longest.chars().count() < 55 || screen.contains(tail.trim()),
        "the end of a long text is on screen: {screen}"
    );
    // Typing replaces the prefilled first part; moving first keeps it for editing.
    key(&mut d, KeyCode::End);
    typed(&mut d, "!");
    let _ = d.render(20, 5); // a tiny terminal still draws
    key(&mut d, KeyCode::Esc);
}

#[test]
fn a_form_says_what_is_wrong_in_the_interface_s_language() {
    let mut d = one_session("S", Lang::Pl);
    typed(&mut d, "sn");
    typed(&mut d, "Warsztat");
    key(&mut d, KeyCode::Tab);
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "2026-13-40");
    key(&mut d, KeyCode::Enter);
    let form = d.app.sessions.form.as_ref().expect("the form stays open");
    assert_eq!(
        form.state.error.as_deref(),
        Some("Data (RRRR-MM-DD): to nie jest data RRRR-MM-DD")
    );
}

#[test]
fn a_vote_given_in_a_card_opened_from_the_board_shows_on_the_board() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    board_on_first_topic(&mut d);
    let card = d.app.board.selected_card().unwrap().clone();
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.app.screen, Screen::Detail);
    typed(&mut d, "+");
    key(&mut d, KeyCode::Esc);
    assert_eq!(d.app.screen, Screen::Board);
    let shown = d.app.board.cards.iter().find(|c| c.id == card.id).unwrap();
    assert_eq!(shown.votes, card.votes + 1);
}

#[test]
fn help_on_the_capture_line_lists_the_kind_prefixes_in_the_interface_s_language() {
    let mut d = one_session("S", Lang::Pl);
    typed(&mut d, "a");
    key(&mut d, KeyCode::F(1));
    assert_eq!(d.app.mode(), Mode::Help);
    let entries = d.app.help_entries();
    assert!(
        entries
            .iter()
            .any(|(k, what)| k.contains("q:") && k.contains("py") && what == "pytanie"),
        "{entries:?}"
    );
    // The help scrolls down to them on a small screen too.
    let help = screen(&d, 80, 40);
    assert!(help.contains("pytanie"), "{help}");
}
