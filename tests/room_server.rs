//! The participants' room over real HTTP on loopback: submitting, moderating, voting,
//! and every refused request writing nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

#[path = "support/http.rs"]
mod http;

use http::{Phone, request};
use narada::model::{SessionDraft, SessionKind};
use narada::room::{Room, RoomHandle};
use narada::storage::Store;
use narada::storage::room::Acceptance;
use narada::storage::room_votes::RoundScope;
use std::net::{IpAddr, Ipv4Addr, TcpStream};
use std::path::PathBuf;

const LOOPBACK: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

struct Fixture {
    _dir: tempfile::TempDir,
    db: PathBuf,
    session: String,
    room: RoomHandle,
}

fn open_room() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("room.db");
    let mut store = Store::open(&db).unwrap();
    let session = store
        .add_session(&SessionDraft::new("Szkolenie", SessionKind::Training))
        .unwrap()
        .id;
    drop(store);
    let room = Room::start(&db, &session, Some(LOOPBACK), 0).unwrap();
    Fixture {
        _dir: dir,
        db,
        session,
        room,
    }
}

impl Fixture {
    fn store(&self) -> Store {
        Store::open(&self.db).unwrap()
    }

    fn rows(&self, table: &str) -> i64 {
        self.store().room_table_rows(table).unwrap()
    }
}

#[test]
fn a_phone_sends_a_card_sees_it_and_sees_it_accepted() {
    let f = open_room();
    assert!(f.room.url().starts_with("http://127.0.0.1:"));
    assert!(f.room.url().contains(f.room.join_code()));
    let qr = f.room.qr_lines();
    assert!(
        qr.len() > 10
            && qr
                .iter()
                .all(|l| l.chars().count() == qr[0].chars().count())
    );
    let phone = Phone::join(f.room.url());
    let page = phone.get("");
    assert_eq!(page.status, 200);
    assert!(
        page.header("Content-Security-Policy")
            .unwrap()
            .contains("default-src 'none'")
    );
    assert!(page.body.contains("app.js"));
    assert_eq!(phone.get("app.js").status, 200);

    let r = phone.send("q: Kto liczy głosy? #teren");
    assert_eq!(r.status, 200, "{}", r.body);
    let sent = &phone.state()["sent"];
    assert_eq!(sent[0]["status"], "pending");
    assert_eq!(sent[0]["text"], "q: Kto liczy głosy? #teren");

    let mut store = f.store();
    let pending = store.room_pending(&f.session).unwrap();
    assert_eq!(pending.len(), 1);
    let (_, card) = store
        .accept_submission(&pending[0].id, &Acceptance::default())
        .unwrap();
    assert_eq!(card.text, "Kto liczy głosy?");
    let sent = &phone.state()["sent"];
    assert_eq!(sent[0]["status"], "accepted");
    assert_eq!(sent[0]["card"], card.seq);

    // Reject and merge show too, each on its own submission.
    phone.send("spam");
    phone.send("Kto liczy głosy w komisji?");
    let pending = store.room_pending(&f.session).unwrap();
    store.reject_submission(&pending[0].id).unwrap();
    store.merge_submission(&pending[1].id, &card.id).unwrap();
    let statuses: Vec<String> = phone.state()["sent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["status"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(statuses, ["merged", "rejected", "accepted"]);
    // Another phone does not see them.
    let other = Phone::join(f.room.url());
    assert_eq!(other.state()["sent"].as_array().unwrap().len(), 0);
    assert_eq!(other.state()["device"], 2);
}

#[test]
fn html_and_script_are_stored_as_typed_and_only_ever_sent_as_json_text() {
    let f = open_room();
    let phone = Phone::join(f.room.url());
    let evil = r#"<img src=x onerror="alert(1)"><script>alert(2)</script>"#;
    assert_eq!(phone.send(evil).status, 200);
    let store = f.store();
    assert_eq!(store.room_pending(&f.session).unwrap()[0].text, evil);
    let state = phone.get("api/state");
    assert!(
        state
            .header("Content-Type")
            .unwrap()
            .starts_with("application/json")
    );
    assert_eq!(state.json()["sent"][0]["text"], evil);
    // The page itself never holds a participant's text, and its script writes texts
    // with textContent only.
    assert!(!phone.get("").body.contains("alert"));
    let script = phone.get("app.js").body;
    assert!(
        !script.contains("innerHTML"),
        "the page must not parse texts as HTML"
    );
}

#[test]
fn refused_requests_write_nothing() {
    let f = open_room();
    let phone = Phone::join(f.room.url());
    let (addr, base) = (phone.addr, phone.base.clone());
    let card = r#"{"text":"Ławki"}"#.as_bytes();
    let devices = f.rows("room_device");

    // Wrong or missing join code.
    for path in [
        "/",
        "/r/",
        "/r/zzzzzzzz/api/state",
        "/api/cards",
        "/r/zzzzzzzz/api/cards",
    ] {
        let method = if path.ends_with("cards") {
            "POST"
        } else {
            "GET"
        };
        let r = request(
            addr,
            method,
            path,
            &[("Cookie", &phone.cookie), ("X-Narada-Csrf", &phone.csrf)],
            card,
        );
        assert_eq!(r.status, 403, "{path}");
    }
    // No cookie, wrong cookie, missing or wrong CSRF token.
    let post = |headers: &[(&str, &str)], body: &[u8]| {
        request(addr, "POST", &format!("{base}api/cards"), headers, body)
    };
    assert_eq!(post(&[("X-Narada-Csrf", &phone.csrf)], card).status, 403);
    assert_eq!(
        post(
            &[
                ("Cookie", "narada_device=abcdef"),
                ("X-Narada-Csrf", &phone.csrf)
            ],
            card
        )
        .status,
        403
    );
    let r = post(&[("Cookie", &phone.cookie)], card);
    assert_eq!((r.status, r.json()["error"].as_str()), (403, Some("csrf")));
    assert_eq!(
        post(
            &[("Cookie", &phone.cookie), ("X-Narada-Csrf", "0000")],
            card
        )
        .status,
        403
    );
    // Oversized body, invalid UTF-8, not JSON, too long, empty, unknown kind.
    let big = format!(r#"{{"text":"{}"}}"#, "x".repeat(9000));
    let r = phone.post("api/cards", big.as_bytes());
    assert_eq!(
        (r.status, r.json()["error"].as_str()),
        (413, Some("too_big"))
    );
    let r = phone.post("api/cards", b"{\"text\":\"\xff\xfe\"}");
    assert_eq!((r.status, r.json()["error"].as_str()), (400, Some("utf8")));
    assert_eq!(phone.post("api/cards", b"text=hello").status, 400);
    let long = format!(r#"{{"text":"{}"}}"#, "ż".repeat(501));
    let r = phone.post("api/cards", long.as_bytes());
    assert_eq!(
        (r.status, r.json()["error"].as_str()),
        (400, Some("too_long"))
    );
    assert!(r.json()["message"].as_str().unwrap().contains("500"));
    assert_eq!(phone.send("   ").status, 400);
    assert_eq!(
        phone
            .post("api/cards", br#"{"text":"x","kind":"rant"}"#)
            .status,
        400
    );
    // Nothing but the page and its API.
    assert_eq!(phone.get("../../etc/passwd").status, 404);
    assert_eq!(phone.get("api/../../Cargo.toml").status, 404);

    assert_eq!(f.rows("room_submission"), 0);
    assert_eq!(f.rows("room_device"), devices);
}

#[test]
fn a_device_is_held_to_its_rate_of_cards() {
    let f = open_room();
    let phone = Phone::join(f.room.url());
    for i in 0..20 {
        assert_eq!(phone.send(&format!("karta {i}")).status, 200);
    }
    let r = phone.send("jedna za dużo");
    assert_eq!((r.status, r.json()["error"].as_str()), (429, Some("rate")));
    assert_eq!(f.rows("room_submission"), 20);
    // Another phone is not held back.
    assert_eq!(Phone::join(f.room.url()).send("inna").status, 200);
}

#[test]
fn phones_place_and_move_dots_within_the_budget_until_the_round_closes() {
    let f = open_room();
    let a = Phone::join(f.room.url());
    let b = Phone::join(f.room.url());
    let mut store = f.store();
    store.set_room_accept_all(&f.session, true).unwrap();
    a.send("Ławki");
    a.send("Drzewa");
    assert_eq!(a.state()["sent"][0]["status"], "accepted");
    let round = store
        .open_vote_round(&f.session, &RoundScope::Session, 2)
        .unwrap();
    let state = a.state();
    let cards: Vec<String> = state["round"]["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!((cards.len(), state["round"]["left"].as_i64()), (2, Some(2)));

    assert_eq!(a.dots(&round.id, &cards[0], 2).json()["left"], 0);
    // Beyond the budget, replayed or not: refused, nothing changes.
    for _ in 0..3 {
        let r = a.dots(&round.id, &cards[1], 1);
        assert_eq!(
            (r.status, r.json()["error"].as_str()),
            (409, Some("budget"))
        );
    }
    // Moving a dot: one off the first card, onto the second.
    assert_eq!(a.dots(&round.id, &cards[0], 1).json()["left"], 1);
    assert_eq!(a.dots(&round.id, &cards[1], 1).json()["left"], 0);
    assert_eq!(b.dots(&round.id, &cards[1], 2).status, 200);
    let mine: Vec<i64> = a.state()["round"]["cards"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["mine"].as_i64().unwrap())
        .collect();
    assert_eq!(mine, [1, 1]);

    let result = store.close_vote_round(&round.id).unwrap();
    assert_eq!(result.devices, 2);
    assert_eq!(store.card(&cards[0]).unwrap().votes, 1);
    assert_eq!(store.card(&cards[1]).unwrap().votes, 3);
    let dots = f.rows("room_dot");
    let r = a.dots(&round.id, &cards[0], 0);
    assert_eq!(
        (r.status, r.json()["error"].as_str()),
        (409, Some("closed"))
    );
    assert_eq!(f.rows("room_dot"), dots);
    assert!(a.state()["round"].is_null());
}

#[test]
fn the_listener_is_gone_after_stop() {
    let f = open_room();
    let addr = f.room.addr();
    assert!(TcpStream::connect(addr).is_ok());
    f.room.stop();
    assert!(TcpStream::connect(addr).is_err(), "the room still listens");
}
