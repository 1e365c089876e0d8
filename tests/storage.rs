//! Store round trips on in-memory and file databases, search, lineage, and refusal of
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic
//! files that are not (current) narada databases.

use narada::Error;
use narada::model::{CardDraft, CardKind, CardPatch, SessionDraft, SessionKind};
use narada::storage::{CardFilter, Store};
use std::path::Path;

fn with_session(store: &mut Store) -> String {
    store
        .add_session(&SessionDraft::new("Szkolenie 1", SessionKind::Training))
        .unwrap()
        .id
}

fn round_trip(store: &mut Store) {
    let sid = with_session(store);
    let mut d = CardDraft::new(
        &sid,
        CardKind::Proposal,
        "Głosowanie także w Łodzi i w Łódź-Widzewie",
    );
    d.tags = vec!["głosowanie".into(), "#Dostępność".into()];
    d.speaker = Some("seniorka".into());
    d.activity = Some("Praca w grupach".into());
    d.votes = 3;
    let card = store.add_card(&d).unwrap();
    let back = store.card(&card.id).unwrap();
    assert_eq!(back, card);
    assert_eq!(back.tags, vec!["głosowanie", "dostępność"]);
    assert_eq!(back.activity.as_deref(), Some("Praca w grupach"));
    assert_eq!(back.session, "Szkolenie 1");
    assert_eq!(store.session(&sid).unwrap().vote_total, 3);
    assert_eq!(
        store.find_card(&format!("#{}", card.seq)).unwrap().id,
        card.id
    );
}

#[test]
fn round_trip_in_memory() {
    round_trip(&mut Store::open_in_memory().unwrap());
}

#[test]
fn round_trip_in_a_file_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sub/dir")).unwrap();
    let path = dir.path().join("sub/dir/n.db");
    {
        let mut store = Store::open(&path).unwrap();
        round_trip(&mut store);
    }
    let store = Store::open(&path).unwrap();
    let cards = store.cards(&CardFilter::default()).unwrap();
    assert_eq!(cards.len(), 1);
    assert_eq!(cards[0].votes, 3);
}

#[test]
fn text_is_stored_as_nfc() {
    let mut store = Store::open_in_memory().unwrap();
    let sid = with_session(&mut store);
    // "z" + combining dot above, "o" + combining acute: decomposed input.
    let card = store
        .add_card(&CardDraft::new(&sid, CardKind::Other, "z\u{307}o\u{301}łw"))
        .unwrap();
    assert_eq!(card.text, "żółw");
    assert_eq!(card.text.chars().count(), 4);
}

#[test]
fn search_folds_polish_letters_both_ways() {
    let mut store = Store::open_in_memory().unwrap();
    let sid = with_session(&mut store);
    for t in [
        "Więcej ławek w Łodzi",
        "Łódź potrzebuje zieleni",
        "Zażółć gęślą jaźń",
        "Nic",
    ] {
        store
            .add_card(&CardDraft::new(&sid, CardKind::Other, t))
            .unwrap();
    }
    let texts = |q: &str| -> Vec<String> {
        store
            .search(q, 10)
            .unwrap()
            .into_iter()
            .map(|c| c.text)
            .collect()
    };
    let sorted = |mut v: Vec<String>| {
        v.sort();
        v
    };
    // "Łodzi" is an inflected "Łódź": both match the prefix.
    let both = vec!["Więcej ławek w Łodzi", "Łódź potrzebuje zieleni"];
    assert_eq!(sorted(texts("lodz")), both);
    assert_eq!(sorted(texts("ŁÓDŹ")), both);
    assert_eq!(texts("lodz potrzeb"), vec!["Łódź potrzebuje zieleni"]);
    assert_eq!(texts("lawek"), vec!["Więcej ławek w Łodzi"]);
    assert_eq!(texts("zazolc gesla"), vec!["Zażółć gęślą jaźń"]);
    // Prefix match while typing.
    assert_eq!(texts("zielen"), vec!["Łódź potrzebuje zieleni"]);
    assert!(texts("\"").is_empty());
}

#[test]
fn soft_delete_keeps_the_card_and_its_history() {
    let mut store = Store::open_in_memory().unwrap();
    store.set_actor(Some("Trenerka A".into()));
    let sid = with_session(&mut store);
    let card = store
        .add_card(&CardDraft::new(
            &sid,
            CardKind::Concern,
            "Za mało czasu na zgłoszenia",
        ))
        .unwrap();
    store
        .edit_card(
            &card.id,
            &CardPatch {
                text: Some("Za mało czasu na zgłaszanie projektów".into()),
                ..CardPatch::default()
            },
        )
        .unwrap();
    store.vote(&card.id, 2).unwrap();
    store.vote(&card.id, -5).unwrap();
    store.delete_card(&card.id, Some("duplikat")).unwrap();
    assert!(store.cards(&CardFilter::default()).unwrap().is_empty());
    let deleted = store
        .cards(&CardFilter {
            only_deleted: true,
            ..CardFilter::default()
        })
        .unwrap();
    assert_eq!(deleted.len(), 1);
    assert_eq!(deleted[0].votes, 0, "votes never go below zero");
    assert!(store.search("zgłaszanie", 5).unwrap().is_empty());
    let events: Vec<String> = store
        .card_history(&card.id)
        .unwrap()
        .into_iter()
        .map(|e| e.event)
        .collect();
    assert_eq!(
        events,
        vec!["created", "edited", "voted", "voted", "deleted"]
    );
    let history = store.card_history(&card.id).unwrap();
    assert!(
        history[1]
            .detail
            .as_deref()
            .unwrap()
            .contains("Za mało czasu na zgłoszenia")
    );
    assert!(history[4].detail.as_deref().unwrap().contains("duplikat"));
    assert_eq!(history[0].actor.as_deref(), Some("Trenerka A"));
    store.restore_card(&card.id).unwrap();
    assert_eq!(store.cards(&CardFilter::default()).unwrap().len(), 1);
    assert!(store.delete_card("no-such-card", None).is_err());
}

#[test]
fn invalid_cards_are_refused_and_not_stored() {
    let mut store = Store::open_in_memory().unwrap();
    let sid = with_session(&mut store);
    let err = store
        .add_card(&CardDraft::new(&sid, CardKind::Other, "   "))
        .unwrap_err();
    assert!(err.to_string().contains("empty text"), "{err}");
    assert!(
        store
            .add_card(&CardDraft::new("nope", CardKind::Other, "x"))
            .is_err()
    );
    assert!(
        store
            .cards(&CardFilter {
                include_deleted: true,
                ..CardFilter::default()
            })
            .unwrap()
            .is_empty()
    );
}

#[test]
fn sessions_are_found_by_title_prefix_and_duplicates_refused() {
    let mut store = Store::open_in_memory().unwrap();
    with_session(&mut store);
    store
        .add_session(&SessionDraft::new(
            "Zespół roboczy",
            SessionKind::WorkingGroup,
        ))
        .unwrap();
    assert_eq!(
        store.find_session("zespół").unwrap().kind,
        SessionKind::WorkingGroup
    );
    assert_eq!(
        store.find_session("SZKOLENIE 1").unwrap().title,
        "Szkolenie 1"
    );
    assert!(store.find_session("brak").is_err());
    let dup = store.add_session(&SessionDraft::new("Szkolenie 1", SessionKind::Other));
    assert!(dup.unwrap_err().to_string().contains("already exists"));
}

fn file_bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

#[test]
fn newer_schema_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    drop(Store::open(&path).unwrap());
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let before = file_bytes(&path);
    let err = Store::open(&path).unwrap_err();
    assert!(
        matches!(err, Error::NewerSchema { found: 999, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("upgrade narada"), "{err}");
    assert_eq!(file_bytes(&path), before);
}

#[test]
fn foreign_files_are_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "to nie jest baza danych, tylko notatki\n".repeat(10)).unwrap();
    let other = dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&other).unwrap();
        conn.execute_batch("CREATE TABLE x (a); INSERT INTO x VALUES (1);")
            .unwrap();
    }
    for path in [&text, &other] {
        let before = file_bytes(path);
        let err = Store::open(path).unwrap_err();
        assert!(matches!(err, Error::NotNarada { .. }), "{err}");
        assert!(err.to_string().contains("left unchanged"), "{err}");
        assert_eq!(file_bytes(path), before, "{}", path.display());
    }
    assert!(!dir.path().join("other.sqlite-wal").exists());
}

#[test]
fn an_empty_file_is_refused_and_left_empty() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    let err = Store::open(&path).unwrap_err().to_string();
    assert!(err.contains("empty (0 bytes)"), "{err}");
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
}

#[test]
fn search_as_you_type_skips_tiny_words_and_ranks_only_real_ones() {
    let mut store = Store::open_in_memory().unwrap();
    let s = with_session(&mut store);
    for text in ["Ławki w parku", "Lampy na ulicy", "Ławki przy szkole"] {
        store
            .add_card(&CardDraft::new(&s, CardKind::Other, text))
            .unwrap();
    }
    let texts = |q: &str| -> Vec<String> {
        store
            .search_as_you_type(q, 10)
            .unwrap()
            .into_iter()
            .map(|c| c.text)
            .collect()
    };
    // Short prefixes: newest first, no ranking.
    assert_eq!(
        texts("l"),
        vec!["Ławki przy szkole", "Lampy na ulicy", "Ławki w parku"]
    );
    // A one-letter word next to a real one is ignored until it grows.
    assert_eq!(texts("lawki p").len(), 2);
    assert_eq!(texts("lawki pa"), vec!["Ławki w parku"]);
    assert!(texts(" ").is_empty());
}

#[test]
fn a_damaged_database_is_refused_and_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("damaged.db");
    {
        let mut store = Store::open(&path).unwrap();
        let sid = with_session(&mut store);
        for i in 0..400 {
            let text = format!("Karta numer {i} o budżecie obywatelskim i głosowaniu");
            store
                .add_card(&CardDraft::new(&sid, CardKind::Other, &text))
                .unwrap();
        }
        store.checkpoint().unwrap();
    }
    let mut bytes = std::fs::read(&path).unwrap();
    let pages = bytes.len() / 4096;
    assert!(pages > 12, "{pages} pages");
    for b in &mut bytes[4096 * 4..4096 * 12] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let outcome = Store::open(&path).and_then(|s| s.cards(&CardFilter::default()).map(|_| ()));
    let err = outcome.expect_err("a damaged file must not read as fine");
    assert!(
        err.to_string().contains("the database file is damaged"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        bytes,
        "the damaged file was modified"
    );
}

/// The size of a database's WAL file; 0 when there is none.
fn wal_len(db: &Path) -> u64 {
    std::fs::metadata(format!("{}-wal", db.display())).map_or(0, |m| m.len())
}

/// The cards a copy of the `.db` file alone holds, without its WAL.
fn cards_in_a_copy_of(db: &Path) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    std::fs::copy(db, &copy).unwrap();
    let store = Store::open(&copy).unwrap();
    let cards = store.cards(&CardFilter::default()).unwrap();
    cards.into_iter().map(|c| c.text).collect()
}

#[test]
fn closing_folds_the_wal_into_the_file_while_other_connections_stay_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.db");
    let mut store = Store::open(&path).unwrap();
    // An idle second connection, as the interface's reader threads keep: with it open,
    // SQLite's own fold on closing the last connection never happens.
    let reader = Store::open(&path).unwrap();
    let sid = with_session(&mut store);
    store
        .add_card(&CardDraft::new(
            &sid,
            CardKind::Question,
            "Kto liczy głosy?",
        ))
        .unwrap();
    assert_eq!(reader.cards(&CardFilter::default()).unwrap().len(), 1);
    assert!(wal_len(&path) > 0, "the card is in the WAL before closing");
    assert!(store.close().unwrap(), "the WAL was folded");
    assert_eq!(wal_len(&path), 0);
    assert_eq!(cards_in_a_copy_of(&path), vec!["Kto liczy głosy?"]);
    drop(reader);
}

#[test]
fn closing_leaves_the_wal_without_failing_while_another_connection_reads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.db");
    let mut store = Store::open(&path).unwrap();
    let sid = with_session(&mut store);
    let reader = rusqlite::Connection::open(&path).unwrap();
    // A read transaction in progress (another narada listing cards) pins the WAL.
    reader
        .execute_batch("BEGIN; SELECT count(*) FROM card;")
        .unwrap();
    store
        .add_card(&CardDraft::new(&sid, CardKind::Other, "Więcej ławek"))
        .unwrap();
    assert!(!store.close().unwrap(), "a pinned WAL cannot be folded");
    assert!(wal_len(&path) > 0, "the WAL is left for later");
    reader.execute_batch("COMMIT").unwrap();
    drop(reader);
    // Closing the last connection folds it after all.
    let store = Store::open(&path).unwrap();
    assert!(store.close().unwrap());
    assert_eq!(cards_in_a_copy_of(&path), vec!["Więcej ławek"]);
}

#[test]
fn fold_wal_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("none.db");
    assert!(!narada::storage::fold_wal(&path));
    assert!(!path.exists());
}
