//! The participant page in a real browser: headless Chromium loads it from the room on
//! loopback, runs its script and the test reads the resulting DOM. Ignored unless run
//! with `--include-ignored` (`.ci/run` installs Chromium); skipped, saying so, when
//! Chromium is not installed.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use narada::model::{CardDraft, CardKind, SessionDraft, SessionKind};
use narada::room::Room;
use narada::storage::Store;
use narada::storage::room_votes::RoundScope;
use std::net::{IpAddr, Ipv4Addr};
use std::path::Path;
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

/// The page's DOM once its script has run (virtual time lets the fetches finish).
fn dump_dom(url: &str, profile: &Path) -> String {
    let out = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=3000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(url)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
#[ignore = "needs Chromium (run with --include-ignored; .ci/run installs it)"]
fn the_page_shows_the_room_and_the_round_with_texts_as_text() {
    if !Path::new(CHROMIUM).exists() {
        eprintln!("skipped: {CHROMIUM} is not installed (apt-get install chromium; .ci/run does)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("room.db");
    let mut store = Store::open(&db).unwrap();
    let session = store
        .add_session(&SessionDraft::new(
            "Warsztat zieleni",
            SessionKind::Training,
        ))
        .unwrap()
        .id;
    let evil = r#"Ławki <img src=x onerror="document.title='hacked'"><b>gruba</b>"#;
    store
        .add_card(&CardDraft::new(&session, CardKind::Proposal, evil))
        .unwrap();
    store
        .add_card(&CardDraft::new(
            &session,
            CardKind::Question,
            "Kto podlewa drzewa?",
        ))
        .unwrap();
    store
        .open_vote_round(&session, &RoundScope::Session, 2)
        .unwrap();
    drop(store);
    let room = Room::start(&db, &session, Some(IpAddr::V4(Ipv4Addr::LOCALHOST)), 0).unwrap();

    let dom = dump_dom(room.url(), &dir.path().join("profile"));
    assert!(dom.contains("Warsztat zieleni"), "{dom}");
    assert!(dom.contains("Uczestnik 1"), "{dom}");
    assert!(dom.contains("Zostało kropek: 2"), "{dom}");
    assert!(dom.contains("Kto podlewa drzewa?"), "{dom}");
    // The card's markup is shown as text, never made into elements.
    assert!(dom.contains("&lt;img src=x"), "{dom}");
    assert!(!dom.contains("<img"), "{dom}");
    assert!(!dom.contains("<b>gruba"), "{dom}");
    assert!(
        dom.contains("<title>narada</title>"),
        "the card's script ran: {dom}"
    );
    // The phone was enrolled by the page's own request, cookie and all.
    let store = Store::open(&db).unwrap();
    assert_eq!(store.room_table_rows("room_device").unwrap(), 1, "{dom}");
    room.stop();
}
