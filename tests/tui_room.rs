//! The participants' room in the interface, driven by keys on a demo database: the room
//! opens beside the card list, sent cards appear in its queue on the next tick, and
//! accepting, rejecting, merging and voting rounds reach the store and undo.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests may panic

#[path = "support/driver.rs"]
mod driver_support;
#[path = "support/http.rs"]
mod http;

use driver_support::{demo, driver, key, screen, typed};
use narada::model::{CardKind, Lang};
use narada::room::qr_lines;
use narada::storage::room::SubmissionStatus;
use narada::tui::Driver;
use narada::tui::action::Action;
use narada::tui::participants::Address;
use ratatui::crossterm::event::KeyCode;
use std::net::{IpAddr, Ipv4Addr};
use std::time::{Duration, Instant};

/// A driver on a demo database whose room listens on loopback, any free port.
fn open_room(dir: &std::path::Path, lang: Lang) -> Driver {
    let mut d = driver(&demo(dir), lang);
    d.runner.room_bind = Some(IpAddr::V4(Ipv4Addr::LOCALHOST));
    d.runner.room_port = 0;
    typed(&mut d, "r");
    d
}

/// What a phone sends: a device of the current session and its text.
fn send(d: &mut Driver, text: &str) -> String {
    let session = d.app.session_id.clone().unwrap();
    let s = d.runner.store_mut();
    let device = s.room_device(&session, None).unwrap();
    s.submit_to_room(&device, text, None).unwrap().id
}

/// A tick late enough for the room to ask the store again.
fn tick(d: &mut Driver) {
    d.act(Action::Tick(Instant::now() + Duration::from_secs(5)));
}

#[test]
fn the_room_opens_beside_the_list_and_closes_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = open_room(dir.path(), Lang::En);
    let url = d.app.participants.address.as_ref().unwrap().url.clone();
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    let shown = screen(&d, 120, 40);
    assert!(shown.contains(&url), "{shown}");
    assert!(
        shown.contains('▀') || shown.contains('▄'),
        "no QR code:\n{shown}"
    );
    typed(&mut d, "r");
    assert!(!d.app.participants.is_open());
    assert!(!screen(&d, 120, 40).contains(&url));
}

#[test]
fn a_sent_card_is_accepted_undone_and_rejected_from_the_queue() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = open_room(dir.path(), Lang::En);
    let id = send(&mut d, "More benches by the river #green");
    tick(&mut d);
    assert_eq!(d.app.participants.count, 1);
    assert!(screen(&d, 80, 24).contains("More benches"));

    key(&mut d, KeyCode::Tab);
    key(&mut d, KeyCode::Enter);
    let sub = d.runner.store().room_submission(&id).unwrap();
    assert_eq!(sub.status, SubmissionStatus::Accepted);
    let card = d
        .runner
        .store()
        .card(sub.card_id.as_deref().unwrap())
        .unwrap();
    assert_eq!(card.text, "More benches by the river");
    assert_eq!(card.tags, vec!["green".to_owned()]);
    assert!(card.entered_by.unwrap().contains("(room)"));
    assert!(d.app.participants.pending.is_empty());
    assert!(d.app.cards.list.cards.iter().any(|c| c.id == card.id));

    typed(&mut d, "u");
    let sub = d.runner.store().room_submission(&id).unwrap();
    assert_eq!(sub.status, SubmissionStatus::Pending);
    assert!(
        d.runner
            .store()
            .card(&card.id)
            .unwrap()
            .deleted_at
            .is_some()
    );
    assert!(!d.app.cards.list.cards.iter().any(|c| c.id == card.id));
    assert_eq!(d.app.participants.pending.len(), 1);

    typed(&mut d, "x");
    let sub = d.runner.store().room_submission(&id).unwrap();
    assert_eq!(sub.status, SubmissionStatus::Rejected);
    assert!(d.app.participants.pending.is_empty());
}

#[test]
fn a_sent_card_is_edited_or_merged_before_it_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = open_room(dir.path(), Lang::En);
    let first = {
        let session = d.app.session_id.clone().unwrap();
        let s = d.runner.store_mut();
        let device = s.room_device(&session, None).unwrap();
        s.submit_to_room(&device, "benchs", Some(CardKind::Concern))
            .unwrap()
            .id
    };
    let second = send(&mut d, "same as the benches");
    tick(&mut d);
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "e");
    for _ in 0.."benchs".len() {
        key(&mut d, KeyCode::Backspace);
    }
    typed(&mut d, "p: Benches #parks");
    key(&mut d, KeyCode::Enter);
    let sub = d.runner.store().room_submission(&first).unwrap();
    let card = d
        .runner
        .store()
        .card(sub.card_id.as_deref().unwrap())
        .unwrap();
    assert_eq!(card.text, "Benches");
    assert_eq!(card.kind, CardKind::Proposal);
    assert_eq!(card.tags, vec!["parks".to_owned()]);

    typed(&mut d, "m");
    typed(&mut d, &format!("#{}", card.seq));
    key(&mut d, KeyCode::Enter);
    let sub = d.runner.store().room_submission(&second).unwrap();
    assert_eq!(sub.status, SubmissionStatus::Merged);
    assert_eq!(sub.card_id.as_deref(), Some(card.id.as_str()));
    typed(&mut d, "u");
    let sub = d.runner.store().room_submission(&second).unwrap();
    assert_eq!(sub.status, SubmissionStatus::Pending);
}

#[test]
fn accept_all_is_switched_from_the_queue() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = open_room(dir.path(), Lang::En);
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "a");
    let session = d.app.session_id.clone().unwrap();
    assert!(d.runner.store().room_accept_all(&session).unwrap());
    assert!(d.app.participants.accept_all);
    typed(&mut d, "a");
    assert!(!d.runner.store().room_accept_all(&session).unwrap());
}

#[test]
fn a_voting_round_shows_its_tally_and_adds_the_dots_when_closed() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = open_room(dir.path(), Lang::En);
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "v");
    key(&mut d, KeyCode::Backspace);
    typed(&mut d, "2");
    key(&mut d, KeyCode::Enter);
    let round = d.app.participants.round.clone().expect("a round is open");
    assert_eq!(round.dots, 2);

    let session = d.app.session_id.clone().unwrap();
    let card_id = d.app.participants.tally[0].card_id.clone();
    let before = d.runner.store().card(&card_id).unwrap().votes;
    let s = d.runner.store_mut();
    let device = s.room_device(&session, None).unwrap();
    s.set_dots(&round.id, &device.id, &card_id, 2).unwrap();
    tick(&mut d);
    let tallied = d
        .app
        .participants
        .tally
        .iter()
        .find(|c| c.card_id == card_id);
    assert_eq!(tallied.map(|c| c.dots), Some(2));
    assert!(screen(&d, 80, 24).contains("Voting open"));

    typed(&mut d, "c");
    assert!(d.app.participants.round.is_none());
    assert_eq!(d.runner.store().card(&card_id).unwrap().votes, before + 2);
    typed(&mut d, "u");
    assert_eq!(d.runner.store().card(&card_id).unwrap().votes, before);
    assert!(d.app.participants.round.is_some());
}

#[test]
fn choosing_another_session_closes_the_room() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = open_room(dir.path(), Lang::En);
    assert!(d.app.participants.is_open());
    typed(&mut d, "s");
    typed(&mut d, "j");
    key(&mut d, KeyCode::Enter);
    assert!(!d.app.participants.is_open());
}

/// The panel with a fixed address, so the snapshot does not depend on the port.
fn fixed(d: &mut Driver) {
    let url = "http://192.168.1.20:8765/r/K7QX2M/".to_owned();
    d.app.participants.address = Some(Address {
        qr: qr_lines(&url),
        url,
        join_code: "K7QX2M".into(),
        note: String::new(),
    });
}

#[test]
fn the_panel_and_queue_on_screen() {
    for (lang, code) in [(Lang::Pl, "pl"), (Lang::En, "en")] {
        let dir = tempfile::tempdir().unwrap();
        let mut d = open_room(dir.path(), lang);
        send(&mut d, "Więcej ławek nad rzeką");
        send(&mut d, "Oświetlenie ścieżki rowerowej");
        tick(&mut d);
        key(&mut d, KeyCode::Tab);
        fixed(&mut d);
        for (w, h) in [(80, 24), (120, 40), (50, 10), (20, 5)] {
            d.act(Action::Resize(w, h));
            insta::assert_snapshot!(format!("room_panel_{code}_{w}x{h}"), screen(&d, w, h));
        }
    }
}

#[test]
fn a_round_over_named_cards_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = open_room(dir.path(), Lang::En);
    let seqs: Vec<i64> = d
        .app
        .cards
        .list
        .cards
        .iter()
        .take(2)
        .map(|c| c.seq)
        .collect();
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "v");
    typed(&mut d, &format!("2 #{} #{}", seqs[0], seqs[1]));
    key(&mut d, KeyCode::Enter);
    let mut tallied: Vec<i64> = d.app.participants.tally.iter().map(|c| c.seq).collect();
    tallied.sort_unstable();
    let mut want = seqs.clone();
    want.sort_unstable();
    assert_eq!(tallied, want, "{:?}", d.app.status);
}

#[test]
fn a_round_over_a_topics_cards() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = open_room(dir.path(), Lang::En);
    let picked: Vec<(String, i64)> = d
        .app
        .cards
        .list
        .cards
        .iter()
        .skip(1)
        .take(3)
        .map(|c| (c.id.clone(), c.seq))
        .collect();
    let s = d.runner.store_mut();
    let topic = s.create_topic("Round topic xyz").unwrap();
    let ids: Vec<String> = picked.iter().map(|(id, _)| id.clone()).collect();
    s.move_cards(&ids, &topic.id, false).unwrap();
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "v");
    typed(&mut d, "2 Round topic xyz");
    key(&mut d, KeyCode::Enter);
    let mut tallied: Vec<i64> = d.app.participants.tally.iter().map(|c| c.seq).collect();
    tallied.sort_unstable();
    let mut want: Vec<i64> = picked.iter().map(|(_, seq)| *seq).collect();
    want.sort_unstable();
    assert_eq!(tallied, want, "{:?}", d.app.status);
}

#[test]
fn the_queue_scrolls_to_the_selected_card() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = open_room(dir.path(), Lang::En);
    for n in 0..30 {
        send(&mut d, &format!("sent card number {n}"));
    }
    tick(&mut d);
    key(&mut d, KeyCode::Tab);
    for _ in 0..29 {
        typed(&mut d, "j");
    }
    let shown = screen(&d, 80, 24);
    assert!(shown.contains("sent card number 29"), "{shown}");
}

#[test]
fn help_in_the_queue_lists_the_queue_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = open_room(dir.path(), Lang::En);
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "?");
    let shown = screen(&d, 100, 30);
    assert!(shown.contains("join a card"), "{shown}");
    assert!(shown.contains("close voting"), "{shown}");
    key(&mut d, KeyCode::Esc);
    assert!(d.app.overlay.is_none());
    assert!(d.app.participants.focused);
}

#[test]
fn a_phone_sends_through_the_room_the_interface_opened_and_quitting_closes_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = open_room(dir.path(), Lang::En);
    let url = d.app.participants.address.as_ref().unwrap().url.clone();
    let phone = http::Phone::join(&url);
    assert_eq!(phone.send("Shade over the playground").status, 200);
    tick(&mut d);
    assert_eq!(d.app.participants.count, 1);
    assert!(screen(&d, 80, 24).contains("Shade over"));
    let addr = url
        .trim_start_matches("http://")
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    drop(d);
    assert!(
        std::net::TcpStream::connect(&addr).is_err(),
        "{addr} still listens"
    );
}
