//! The interface driven by key events and actions, without a terminal, on an in-memory
//! store: the state after each step and what the store holds.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

#[path = "support/driver.rs"]
mod driver_support;
use driver_support::screen;

use narada::model::{CardKind, SessionDraft, SessionKind};
use narada::storage::{CardFilter, Store};
use narada::tui::Driver;
use narada::tui::action::Action;
use narada::tui::app::{AppOptions, Screen};
use narada::tui::cards;
use narada::tui::keymap::Mode;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::{Duration, Instant};

fn store_with_session() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let mut d = SessionDraft::new("Szkolenie 1", SessionKind::Training);
    d.activities = vec!["Runda 1".into(), "Runda 2".into()];
    store.add_session(&d).unwrap();
    store
}

fn driver(store: Store) -> Driver {
    Driver::new(store, AppOptions::default(), false)
}

fn key(d: &mut Driver, code: KeyCode) {
    d.key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(d: &mut Driver, c: char) {
    d.key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn typed(d: &mut Driver, text: &str) {
    for c in text.chars() {
        key(d, KeyCode::Char(c));
    }
}

fn stored(d: &Driver) -> Vec<narada::model::Card> {
    d.runner.store().cards(&CardFilter::default()).unwrap()
}

#[test]
fn capture_vote_undo_redo_and_search() {
    let mut d = driver(store_with_session());
    assert_eq!(d.app.screen, Screen::Cards, "opens on the only session");

    // Three cards, each ≤ 3 keys beyond its text: `a` once, then text + Enter.
    typed(&mut d, "a");
    assert_eq!(d.app.mode(), Mode::Capture);
    typed(&mut d, "p: Więcej ławek w parku #zieleń @mieszkanka");
    key(&mut d, KeyCode::Enter);
    key(&mut d, KeyCode::Tab); // Other → Recommendation, sticky for the next cards
    typed(&mut d, "Dłuższy nabór #terminy");
    key(&mut d, KeyCode::Enter);
    typed(&mut d, "q: Kiedy wyniki? @radny #terminy #Łódź");
    key(&mut d, KeyCode::Enter);

    let line = d
        .app
        .cards
        .capture
        .as_ref()
        .expect("capture line stays open");
    assert_eq!(line.field.text(), "");
    assert_eq!(line.kind, CardKind::Recommendation);
    assert_eq!(d.app.cards.list.view.len(), 3);

    let cards = stored(&d);
    assert_eq!(cards.len(), 3);
    assert_eq!(cards[0].kind, CardKind::Proposal);
    assert_eq!(cards[0].text, "Więcej ławek w parku");
    assert_eq!(cards[0].tags, vec!["zieleń"]);
    assert_eq!(cards[0].speaker.as_deref(), Some("mieszkanka"));
    assert_eq!(cards[1].kind, CardKind::Recommendation);
    assert_eq!(cards[1].tags, vec!["terminy"]);
    assert_eq!(cards[2].kind, CardKind::Question);
    assert_eq!(cards[2].tags, vec!["terminy", "łódź"]);
    assert_eq!(cards[2].speaker.as_deref(), Some("radny"));
    assert!(cards.iter().all(|c| c.session == "Szkolenie 1"));

    // The newest card is selected; vote on it.
    key(&mut d, KeyCode::Esc);
    assert_eq!(d.app.mode(), Mode::List);
    assert_eq!(d.app.cards.list.selected_card().unwrap().seq, cards[2].seq);
    typed(&mut d, "++-");
    assert_eq!(d.runner.store().card(&cards[2].id).unwrap().votes, 1);
    assert_eq!(d.app.cards.list.selected_card().unwrap().votes, 1);
    assert_eq!(d.app.session().unwrap().vote_total, 1, "per-session total");

    // Undo the −1, redo it, then undo back through the votes and the third card.
    typed(&mut d, "u");
    assert_eq!(d.runner.store().card(&cards[2].id).unwrap().votes, 2);
    ctrl(&mut d, 'r');
    assert_eq!(d.runner.store().card(&cards[2].id).unwrap().votes, 1);
    typed(&mut d, "uuuu");
    assert_eq!(d.runner.store().card(&cards[2].id).unwrap().votes, 0);
    let gone = d.runner.store().card(&cards[2].id).unwrap();
    assert!(gone.deleted_at.is_some(), "undoing an add soft-deletes");
    assert_eq!(stored(&d).len(), 2);
    assert_eq!(d.app.cards.list.view.len(), 2);
    ctrl(&mut d, 'r');
    assert_eq!(stored(&d).len(), 3, "redo restores the card");
    assert_eq!(d.app.cards.list.view.len(), 3);

    // Search as you type, folded: `lawek` finds `ławek`; Enter opens the card.
    typed(&mut d, "/");
    assert_eq!(d.app.mode(), Mode::Search);
    typed(&mut d, "lawek");
    assert_eq!(d.app.cards.search.results.len(), 1);
    assert_eq!(d.app.cards.search.results[0].text, "Więcej ławek w parku");
    typed(&mut d, " xyz");
    assert!(d.app.cards.search.results.is_empty());
    for _ in 0..4 {
        key(&mut d, KeyCode::Backspace);
    }
    key(&mut d, KeyCode::Enter);
    match &d.app.screen {
        Screen::Detail => assert_eq!(d.app.detail_card().unwrap().id, cards[0].id),
        other => panic!("expected the card detail, got {other:?}"),
    }
}

#[test]
fn edit_and_delete_go_through_the_store_and_undo() {
    let mut d = driver(store_with_session());
    typed(&mut d, "a");
    typed(&mut d, "Ławki #zieleń");
    key(&mut d, KeyCode::Enter);
    key(&mut d, KeyCode::Esc);
    let id = stored(&d)[0].id.clone();

    // Edit: e opens the form on the text field; replace the text, pick a kind, save.
    typed(&mut d, "e");
    assert!(matches!(d.app.cards.modal, Some(cards::Modal::Form(_))));
    ctrl(&mut d, 'u');
    typed(&mut d, "Ławki w parku");
    key(&mut d, KeyCode::Tab);
    key(&mut d, KeyCode::Left); // Other → Question
    key(&mut d, KeyCode::Enter);
    assert!(!d.app.has_modal());
    let card = d.runner.store().card(&id).unwrap();
    assert_eq!(
        (card.text.as_str(), card.kind),
        ("Ławki w parku", CardKind::Question)
    );
    assert_eq!(card.tags, vec!["zieleń"]);
    typed(&mut d, "u");
    let card = d.runner.store().card(&id).unwrap();
    assert_eq!((card.text.as_str(), card.kind), ("Ławki", CardKind::Other));

    // Delete is undoable, so it needs no confirmation.
    typed(&mut d, "d");
    assert!(stored(&d).is_empty());
    assert!(d.app.cards.list.view.is_empty());
    typed(&mut d, "u");
    assert_eq!(stored(&d).len(), 1);
    assert_eq!(d.app.cards.list.view.len(), 1);
}

#[test]
fn starts_on_the_last_session_else_the_newest_else_the_picker() {
    let empty = driver(Store::open_in_memory().unwrap());
    assert_eq!(empty.app.screen, Screen::Sessions);

    let mut store = store_with_session();
    let second = store
        .add_session(&SessionDraft::new(
            "Grupa robocza",
            SessionKind::WorkingGroup,
        ))
        .unwrap();
    let d = driver(store);
    assert_eq!(d.app.session_id.as_deref(), Some(second.id.as_str()));

    let mut store = store_with_session();
    let first_id = store.sessions().unwrap()[0].id.clone();
    store
        .add_session(&SessionDraft::new(
            "Grupa robocza",
            SessionKind::WorkingGroup,
        ))
        .unwrap();
    store.set_setting("last_session", &first_id).unwrap();
    let d = driver(store);
    assert_eq!(d.app.session_id.as_deref(), Some(first_id.as_str()));
    assert_eq!(d.app.screen, Screen::Cards);
}

#[test]
fn session_picker_creates_edits_and_picks_sessions() {
    let mut d = driver(Store::open_in_memory().unwrap());
    key(&mut d, KeyCode::Esc); // the consultation keeps its default name
    typed(&mut d, "n");
    assert_eq!(d.app.mode(), Mode::Form);
    typed(&mut d, "Warsztat w Łodzi");
    key(&mut d, KeyCode::Tab);
    key(&mut d, KeyCode::Right); // training → working group
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "2026-13-40");
    key(&mut d, KeyCode::Enter);
    assert!(d.app.has_modal(), "a bad date keeps the form open");
    ctrl(&mut d, 'u');
    typed(&mut d, "2026-10-06");
    for _ in 0..4 {
        key(&mut d, KeyCode::Tab);
    }
    typed(&mut d, "Runda 1, Runda 2");
    key(&mut d, KeyCode::Enter);
    assert!(!d.app.has_modal());
    let s = d.runner.store().find_session("Warsztat").unwrap();
    assert_eq!(s.kind, SessionKind::WorkingGroup);
    assert_eq!(s.date.as_deref(), Some("2026-10-06"));
    assert_eq!(s.activities.len(), 2);

    typed(&mut d, "e");
    ctrl(&mut d, 'u');
    typed(&mut d, "Warsztat 1");
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.runner.store().session(&s.id).unwrap().title, "Warsztat 1");

    key(&mut d, KeyCode::Enter);
    assert_eq!(d.app.screen, Screen::Cards);
    assert_eq!(d.app.session_id.as_deref(), Some(s.id.as_str()));
    assert_eq!(
        d.runner.store().setting("last_session").unwrap().as_deref(),
        Some(s.id.as_str())
    );

    // The capture line keeps the current activity.
    typed(&mut d, "AA");
    assert_eq!(d.app.cards.activity.as_deref(), Some("Runda 2"));
    typed(&mut d, "a");
    typed(&mut d, "Karta");
    key(&mut d, KeyCode::Enter);
    assert_eq!(stored(&d)[0].activity.as_deref(), Some("Runda 2"));
}

#[test]
fn filter_sort_scope_and_timer() {
    let mut d = driver(store_with_session());
    typed(&mut d, "a");
    for line in ["p: A #x", "q: B #y", "q: C #x", "r: D"] {
        typed(&mut d, line);
        key(&mut d, KeyCode::Enter);
    }
    key(&mut d, KeyCode::Esc);
    typed(&mut d, "f");
    typed(&mut d, "k:q #x");
    key(&mut d, KeyCode::Enter);
    let shown: Vec<&str> = d
        .app
        .cards
        .list
        .view
        .iter()
        .map(|&i| d.app.cards.list.cards[i].text.as_str())
        .collect();
    assert_eq!(shown, vec!["C"]);
    typed(&mut d, "f");
    ctrl(&mut d, 'u');
    typed(&mut d, "k:nonsense");
    key(&mut d, KeyCode::Enter);
    assert!(d.app.has_modal(), "an unknown kind keeps the prompt open");
    key(&mut d, KeyCode::Esc);
    typed(&mut d, "F");
    assert_eq!(d.app.cards.list.view.len(), 4);

    typed(&mut d, "gk+jj++"); // votes: A 1, C 2
    typed(&mut d, "oo"); // entry → newest → by votes
    let first = d.app.cards.list.view[0];
    assert_eq!(d.app.cards.list.cards[first].text, "C");

    typed(&mut d, "w");
    assert!(d.app.cards.list.all_sessions);
    assert_eq!(d.app.cards.list.view.len(), 4);

    typed(&mut d, "T");
    ctrl(&mut d, 'u');
    typed(&mut d, "2:30");
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.app.cards.timer.total, Duration::from_secs(150));
    let t0 = Instant::now();
    d.act(Action::Tick(t0));
    typed(&mut d, "t");
    d.act(Action::Tick(t0 + Duration::from_secs(20)));
    assert_eq!(d.app.cards.timer.display(d.app.now), "02:10");
    typed(&mut d, "t");
    d.act(Action::Tick(t0 + Duration::from_mins(5)));
    assert_eq!(d.app.cards.timer.display(d.app.now), "02:10", "paused");
}

#[test]
fn ctrl_c_quits_from_anywhere_and_q_only_from_main_screens() {
    let mut d = driver(store_with_session());
    typed(&mut d, "a");
    typed(&mut d, "q");
    assert!(!d.app.quit, "q is text on the capture line");
    ctrl(&mut d, 'c');
    assert!(d.app.quit);

    let mut d = driver(store_with_session());
    typed(&mut d, "?");
    assert_eq!(d.app.mode(), Mode::Help);
    key(&mut d, KeyCode::Esc);
    typed(&mut d, "q");
    assert!(d.app.quit);
}

#[test]
fn every_screen_draws_at_every_small_size_without_panicking() {
    let mut d = driver(store_with_session());
    typed(&mut d, "a");
    typed(
        &mut d,
        "Zażółć gęślą jaźń — bardzo długa karta o ławkach w parku #zieleń",
    );
    key(&mut d, KeyCode::Enter);
    let mut states: Vec<Driver> = Vec::new();
    let steps: &[&str] = &[
        "", "\x1b", "\x1b?", "\x1b/", "\x1b\r", "\x1be", "\x1bs", "\x1bsn", "\x1bP", "\x1bf",
        "\x1bT",
    ];
    for step in steps {
        let mut s = driver(store_with_session());
        typed(&mut s, "a");
        typed(&mut s, "Zażółć gęślą jaźń — bardzo długa karta #zieleń");
        key(&mut s, KeyCode::Enter);
        for c in step.chars() {
            match c {
                '\x1b' => key(&mut s, KeyCode::Esc),
                '\r' => key(&mut s, KeyCode::Enter),
                c => typed(&mut s, &c.to_string()),
            }
        }
        states.push(s);
    }
    for s in &mut states {
        for w in 0..=30u16 {
            for h in 0..=8u16 {
                s.act(Action::Resize(w, h));
                let _ = s.render(w, h);
                let _ = narada::tui::view::cursor(&s.app, ratatui::layout::Rect::new(0, 0, w, h));
            }
        }
    }
    d.act(Action::Resize(200, 60));
    let _ = d.render(200, 60);
}

#[test]
fn readme_key_table_matches_the_keymap() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let table = narada::tui::keymap::markdown_table();
    assert!(
        readme.contains(&table),
        "README.md's key table is out of date; it should read:\n{table}"
    );
}

#[test]
fn a_card_saved_while_the_list_loads_is_not_lost_from_view() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("load.db");
    let mut store = Store::open(&path).unwrap();
    let s = store
        .add_session(&SessionDraft::new("Szkolenie", SessionKind::Training))
        .unwrap();
    store
        .add_card(&narada::model::CardDraft::new(
            &s.id,
            CardKind::Other,
            "Stara",
        ))
        .unwrap();
    // With the reader thread: the load is under way when the card is typed.
    let mut d = Driver::new(store, AppOptions::default(), true);
    assert!(d.app.cards.list.loading);
    typed(&mut d, "a");
    typed(&mut d, "Nowa");
    key(&mut d, KeyCode::Enter);
    d.settle(Duration::from_secs(10));
    let texts: Vec<&str> = d
        .app
        .cards
        .list
        .view
        .iter()
        .map(|&i| d.app.cards.list.cards[i].text.as_str())
        .collect();
    assert_eq!(texts, vec!["Stara", "Nowa"]);
}

#[test]
fn a_paste_is_one_edit_and_a_long_text_is_kept_with_a_translated_reason() {
    let mut d = Driver::new(
        store_with_session(),
        AppOptions {
            lang: narada::model::Lang::Pl,
            ..AppOptions::default()
        },
        false,
    );
    typed(&mut d, "a");
    let long = "Więcej ławek w parku. ".repeat(100); // 2,200 characters
    d.act(Action::Paste(format!("{long}\n")));
    let line = d.app.cards.capture.as_ref().unwrap();
    assert_eq!(
        line.field.text(),
        long,
        "one line, the trailing newline dropped"
    );
    // The counter shows how far over the limit the text is.
    let screen: String = d
        .render(80, 24)
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(screen.contains("2199/2000"), "{screen}");
    key(&mut d, KeyCode::Enter);
    assert!(stored(&d).is_empty(), "nothing saved over the limit");
    let status = d.app.status.as_ref().unwrap();
    assert!(status.error);
    assert!(
        status.text.starts_with("Tekst: 2199 znaków"),
        "{}",
        status.text
    );
    assert_eq!(
        d.app.cards.capture.as_ref().unwrap().field.text(),
        long,
        "the text is kept to be shortened"
    );
}

#[test]
fn a_search_pasted_whole_asks_once_and_finds() {
    let mut d = driver(store_with_session());
    typed(&mut d, "a");
    typed(&mut d, "Ławki w parku");
    key(&mut d, KeyCode::Enter);
    key(&mut d, KeyCode::Esc);
    typed(&mut d, "/");
    let pasted = format!("ławki {}", "słowo ".repeat(400));
    d.act(Action::Paste(pasted));
    assert!(!d.app.cards.search.pending && !d.app.cards.search.in_flight);
    // 401 words are more than a search looks up: the first ones decide.
    assert_eq!(d.app.cards.search.results.len(), 0);
    ctrl(&mut d, 'u');
    d.act(Action::Paste("ławk".into()));
    assert_eq!(d.app.cards.search.results.len(), 1);
}

#[test]
fn a_line_of_only_tags_says_why_and_the_next_text_replaces_it() {
    let mut d = driver(store_with_session());
    typed(&mut d, "a");
    typed(&mut d, ": @rolap #tylkotag");
    key(&mut d, KeyCode::Enter);
    assert!(stored(&d).is_empty());
    let status = d.app.status.as_ref().unwrap();
    assert!(status.error && status.text.contains("only a kind, tags or a role"));
    typed(&mut d, "Nowa karta");
    key(&mut d, KeyCode::Enter);
    let cards = stored(&d);
    assert_eq!(cards.len(), 1);
    assert_eq!(cards[0].text, "Nowa karta");
    assert!(cards[0].tags.is_empty());
}

#[test]
fn the_first_card_of_a_session_with_activities_gets_the_first_one() {
    let mut d = driver(store_with_session());
    typed(&mut d, "a");
    assert_eq!(d.app.cards.activity.as_deref(), Some("Runda 1"));
    typed(&mut d, "Pierwsza karta");
    key(&mut d, KeyCode::Enter);
    assert_eq!(stored(&d)[0].activity.as_deref(), Some("Runda 1"));
    let screen: String = d
        .render(80, 24)
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(screen.contains("[Runda 1]"), "the capture line shows it");
}

#[test]
fn help_scrolls_on_a_small_screen_and_says_where_it_is() {
    let mut d = driver(store_with_session());
    d.act(Action::Resize(30, 8));
    typed(&mut d, "?");
    let total = d.app.keymap.hints(Mode::List).len();
    let first = screen(&d, 30, 8);
    assert!(first.contains(&format!("1–6/{total} ↓")), "{first}");
    assert!(first.contains("a  add card"), "{first}");
    // j/↓ a row, PgDn a page; keys that scroll leave it open.
    typed(&mut d, "j");
    assert_eq!(d.app.mode(), Mode::Help);
    let second = screen(&d, 30, 8);
    assert!(second.contains(&format!("2–7/{total} ↑↓")), "{second}");
    assert!(!second.contains("a  add card"), "{second}");
    key(&mut d, KeyCode::PageDown);
    key(&mut d, KeyCode::Down);
    assert!(screen(&d, 30, 8).contains(&format!("8–13/{total}")));
    // Never past the end: the last binding shows and the ↓ goes.
    for _ in 0..total {
        key(&mut d, KeyCode::PageDown);
    }
    let last = screen(&d, 30, 8);
    assert!(
        last.contains(&format!("{}–{total}/{total} ↑ ", total - 5)),
        "{last}"
    );
    let (_, action) = d.app.keymap.hints(Mode::List).pop().unwrap();
    assert!(last.contains(action.label(d.app.lang)), "{last}");
    typed(&mut d, "k");
    key(&mut d, KeyCode::PageUp);
    key(&mut d, KeyCode::Up);
    // Up a row, a page (one row kept), a row: 1 + 5 + 1 rows back.
    assert!(screen(&d, 30, 8).contains(&format!("{}–", total - 5 - 7)));
    // Other bound keys close it as before; unbound ones do nothing.
    typed(&mut d, "x");
    assert_eq!(d.app.mode(), Mode::Help);
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.app.mode(), Mode::List);
    typed(&mut d, "?");
    assert!(screen(&d, 30, 8).contains("1–6/"), "opens at the top again");
    typed(&mut d, "q");
    assert!(!d.app.quit && d.app.overlay.is_none());
    // Where everything fits, no position and the old closing hint.
    d.act(Action::Resize(80, 24));
    typed(&mut d, "?");
    let big = screen(&d, 80, 24);
    let top = big.lines().find(|l| l.contains("┌ Help")).unwrap();
    assert!(!top.contains(&format!("/{total}")), "{big}");
    assert!(big.contains("Esc or ? closes"), "{big}");
}

#[test]
fn the_list_footer_shows_the_workshop_keys_at_80_columns() {
    for lang in [narada::model::Lang::Pl, narada::model::Lang::En] {
        let options = AppOptions {
            lang,
            ..AppOptions::default()
        };
        let mut d = Driver::new(store_with_session(), options, false);
        d.act(Action::Resize(80, 24));
        let footer = screen(&d, 80, 24).lines().last().unwrap().to_owned();
        for (key, action) in [
            ("a", Action::Add),
            ("?", Action::Help),
            ("b", Action::Board),
            ("E", Action::Export),
            ("P", Action::Projector),
            ("T", Action::TimerSet),
            ("A", Action::NextActivity),
            ("r", Action::RoomToggle),
        ] {
            let hint = format!(" {key} {}", action.footer_label(lang));
            assert!(
                footer.contains(&hint),
                "{lang:?}: no {hint:?} in {footer:?}"
            );
        }
    }
}

#[test]
fn projector_mode_says_so_first_and_fills_the_screen() {
    let mut d = driver(store_with_session());
    typed(&mut d, "a");
    for text in [
        "r: Nabór projektów powinien trwać co najmniej sześć tygodni",
        "c: Obawiam się, że wymóg meldunku wykluczy studentów",
        "q: Czy można zgłosić projekt w Łodzi?",
        "p: Więcej ławek w parku",
        "Karta piąta",
        "Karta szósta",
    ] {
        typed(&mut d, text);
        key(&mut d, KeyCode::Enter);
    }
    key(&mut d, KeyCode::Esc);
    typed(&mut d, "gP");
    for (w, h) in [(80u16, 30u16), (80, 50), (30, 8)] {
        d.act(Action::Resize(w, h));
        for keys in ["g", "G", "k"] {
            typed(&mut d, keys);
            let shown = screen(&d, w, h);
            let rows: Vec<&str> = shown.lines().collect();
            let head: String = rows[0].chars().take(24).collect();
            assert!(head.contains("▣ PROJECTOR"), "{shown}");
            // Header and footer aside, no row left empty, and no block cut short.
            let body = &rows[1..rows.len() - 1];
            assert!(
                body.iter().all(|r| !r.trim().is_empty()),
                "{w}x{h} {keys}:\n{shown}"
            );
            assert!(
                body.last().unwrap().starts_with('┗'),
                "{w}x{h} {keys}:\n{shown}"
            );
        }
    }
    // Off again, the marker goes.
    key(&mut d, KeyCode::Esc);
    assert!(!screen(&d, 80, 30).contains("PROJECTOR"));
}
