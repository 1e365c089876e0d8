//! Snapshots of every screen and overlay at 80×24 and 20×5, in Polish and English.
//! Plain text of the `TestBackend`-style buffer; the one volatile value (a card's
//! creation time) is replaced, and the timer is set by state, not by the clock.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use narada::model::Lang;
use narada::model::{SessionDraft, SessionKind};
use narada::storage::Store;
use narada::tui::Driver;
use narada::tui::action::Action;
use narada::tui::app::AppOptions;
use narada::tui::keymap::Keymap;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::Duration;

fn key(d: &mut Driver, code: KeyCode) {
    d.key(KeyEvent::new(code, KeyModifiers::NONE));
}

fn typed(d: &mut Driver, text: &str) {
    for c in text.chars() {
        key(d, KeyCode::Char(c));
    }
}

/// A small consultation: two sessions, four cards of different kinds, some votes.
fn fixture(lang: Lang) -> Driver {
    let mut store = Store::open_in_memory().unwrap();
    let mut first = SessionDraft::new("Szkolenie 1 — nabór projektów", SessionKind::Training);
    first.date = Some("2026-10-06".into());
    first.place = "Biblioteka".into();
    first.activities = vec!["Runda 1".into()];
    store.add_session(&first).unwrap();
    let mut second = SessionDraft::new("Grupa robocza", SessionKind::WorkingGroup);
    second.date = Some("2026-10-20".into());
    store.add_session(&second).unwrap();
    let id = store.find_session("Szkolenie").unwrap().id;
    store.set_setting("last_session", &id).unwrap();
    let mut d = Driver::new(
        store,
        AppOptions {
            lang,
            keymap: Keymap::default(),
        },
        false,
    );
    d.act(Action::Resize(80, 24));
    typed(&mut d, "a");
    for line in [
        "r: Nabór projektów powinien trwać co najmniej sześć tygodni, żeby mieszkańcy zdążyli zebrać podpisy poparcia #terminy @radna",
        "c: Obawiam się, że wymóg meldunku wykluczy studentów #meldunek",
        "q: Czy można zgłosić projekt w Łodzi? @mieszkaniec",
        "p: Więcej ławek w parku #zieleń #ławki",
    ] {
        typed(&mut d, line);
        key(&mut d, KeyCode::Enter);
    }
    key(&mut d, KeyCode::Esc);
    typed(&mut d, "++k+");
    d.app.status = None;
    d
}

/// The screens and overlays, each as the keys that reach it from the card list.
const SCREENS: &[(&str, &str)] = &[
    ("cards", ""),
    ("capture", "aKiedy wyniki? #term"),
    ("detail", "\r"),
    ("card_form", "e"),
    ("search", "/lodz"),
    ("help", "?"),
    ("projector", "P"),
    ("sessions", "s"),
    ("session_form", "sn"),
    ("session_edit", "se"),
    ("filter", "fk:q"),
    ("timer_prompt", "T"),
    ("whole_consultation_by_votes", "woo"),
];

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

fn snapshot(lang: Lang, code: &str) {
    for (name, keys) in SCREENS {
        for (w, h) in [(80u16, 24u16), (20, 5)] {
            let mut d = fixture(lang);
            d.act(Action::Resize(w, h));
            for c in keys.chars() {
                match c {
                    '\r' => key(&mut d, KeyCode::Enter),
                    c => typed(&mut d, &c.to_string()),
                }
            }
            let mut screen = text(&d, w, h);
            for c in d
                .runner
                .store()
                .cards(&narada::storage::CardFilter::default())
                .unwrap()
            {
                // Shown as local time (UTC in tests), a minute that differs per run.
                let shown = narada::model::local_time(
                    &c.created_at,
                    narada::model::Zone::Fixed(time::UtcOffset::UTC),
                );
                screen = screen.replace(&shown, "YYYY-MM-DD HH:MM");
            }
            insta::assert_snapshot!(format!("{name}_{code}_{w}x{h}"), screen);
        }
    }
}

#[test]
fn screens_in_polish() {
    snapshot(Lang::Pl, "pl");
}

#[test]
fn screens_in_english() {
    snapshot(Lang::En, "en");
}

#[test]
fn timer_in_the_header() {
    for (lang, code) in [(Lang::Pl, "pl"), (Lang::En, "en")] {
        let mut d = fixture(lang);
        d.app.cards.timer.set(Duration::from_mins(5));
        d.app.cards.timer.spent = Duration::from_secs(30);
        d.app.cards.activity = Some("Runda 1".into());
        insta::assert_snapshot!(format!("timer_paused_{code}_80x24"), text(&d, 80, 24));
        d.app.cards.timer.spent = Duration::from_secs(330);
        insta::assert_snapshot!(format!("timer_over_{code}_80x24"), text(&d, 80, 24));
    }
}

/// Snapshots hold text only; the styles that carry meaning are checked cell by cell.
#[test]
fn search_highlights_the_matched_words_and_the_list_marks_the_selection() {
    let mut d = fixture(Lang::En);
    let buf = d.render(80, 24);
    let row = (0..24u16)
        .find(|&y| buf[(0, y)].symbol() == "▸")
        .expect("a selected row");
    assert!(
        buf[(5, row)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );

    typed(&mut d, "/lodz");
    let buf = d.render(80, 24);
    let line: String = (0..80u16)
        .map(|x| buf[(x, 3)].symbol().to_owned())
        .collect();
    let at = line.chars().position(|c| c == 'Ł').unwrap() as u16;
    assert_eq!(buf[(at, 3)].bg, ratatui::style::Color::Yellow, "{line}");
    assert_ne!(buf[(at - 2, 3)].bg, ratatui::style::Color::Yellow);
}

#[test]
fn empty_database_opens_on_the_session_picker() {
    for (lang, code) in [(Lang::Pl, "pl"), (Lang::En, "en")] {
        for (w, h) in [(80u16, 24u16), (20, 5)] {
            let store = Store::open_in_memory().unwrap();
            let options = AppOptions {
                lang,
                keymap: Keymap::default(),
            };
            let mut d = Driver::new(store, options, false);
            d.act(Action::Resize(w, h));
            insta::assert_snapshot!(format!("empty_{code}_{w}x{h}"), text(&d, w, h));
        }
    }
}
