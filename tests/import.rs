//! Import: happy paths in every format, every kind of bad input (nothing written), and
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic
//! idempotent re-import.

use narada::import::{self, Format};
use narada::storage::{CardFilter, ImportOptions, ImportSummary, Store};

fn all_cards(store: &Store) -> Vec<narada::model::Card> {
    store
        .cards(&CardFilter {
            include_deleted: true,
            ..CardFilter::default()
        })
        .unwrap()
}

fn run(
    store: &mut Store,
    name: &str,
    bytes: &[u8],
    format: Format,
) -> narada::Result<ImportSummary> {
    let records = import::parse(name, bytes, format)?;
    store.import_records(
        &records,
        &ImportOptions {
            source: name.into(),
            ..ImportOptions::default()
        },
        &mut |_, _| {},
    )
}

const CSV: &str = "id,session,activity,kind,speaker,tags,votes,text
a1,Szkolenie 1,Grupa A,proposal,seniorka,głosowanie;dostępność,3,\"Punkty głosowania bez barier, także w bibliotekach\"
a2,Szkolenie 1,,question,,,0,Kto sprawdza listy poparcia?
a3,Zespół roboczy,,rekomendacja,urzędnik,ocena,5,Uzasadnienie odrzucenia projektu publikowane w BIP
";

#[test]
fn csv_happy_path_creates_sessions_and_cards() {
    let mut store = Store::open_in_memory().unwrap();
    let sum = run(&mut store, "cards.csv", CSV.as_bytes(), Format::Csv).unwrap();
    assert_eq!((sum.records, sum.inserted, sum.updated), (3, 3, 0));
    assert_eq!(sum.sessions_created, vec!["Szkolenie 1", "Zespół roboczy"]);
    assert_eq!(sum.activities_created, 1);
    let cards = all_cards(&store);
    assert_eq!(
        cards[0].text,
        "Punkty głosowania bez barier, także w bibliotekach"
    );
    assert_eq!(cards[0].tags, vec!["głosowanie", "dostępność"]);
    assert_eq!(cards[0].activity.as_deref(), Some("Grupa A"));
    assert_eq!(cards[2].kind.as_str(), "recommendation");
    assert_eq!(cards[2].external_id.as_deref(), Some("a3"));
    assert_eq!(store.search("lista poparcia", 5).unwrap().len(), 1);
}

#[test]
fn json_and_json_lines_need_only_text() {
    let mut store = Store::open_in_memory().unwrap();
    let jsonl = "{\"text\": \"Więcej ławek\", \"extra\": [1,2]}\n{\"id\": 7, \"text\": \"Mniej formalności\", \"kind\": \"concern\", \"tags\": [\"formularz\"], \"votes\": 2}\n";
    let sum = run(&mut store, "a.jsonl", jsonl.as_bytes(), Format::Jsonl).unwrap();
    assert_eq!(sum.inserted, 2);
    assert_eq!(sum.sessions_created, vec!["Import: a.jsonl"]);
    let json = "[{\"text\": \"Głosowanie od 13 lat\", \"session\": \"Szkolenie 2\"}]";
    let sum = run(&mut store, "b.json", json.as_bytes(), Format::Json).unwrap();
    assert_eq!(sum.inserted, 1);
    let cards = all_cards(&store);
    assert_eq!(cards.len(), 3);
    assert_eq!(cards[0].kind.as_str(), "other");
    assert_eq!(cards[1].external_id.as_deref(), Some("7"));
    assert_eq!(cards[1].votes, 2);
    assert_eq!(cards[2].session, "Szkolenie 2");
}

#[test]
fn reimport_updates_and_never_duplicates() {
    let mut store = Store::open_in_memory().unwrap();
    run(&mut store, "cards.csv", CSV.as_bytes(), Format::Csv).unwrap();
    let again = run(&mut store, "cards.csv", CSV.as_bytes(), Format::Csv).unwrap();
    assert_eq!((again.inserted, again.updated, again.unchanged), (0, 0, 3));
    assert!(again.sessions_created.is_empty());
    let edited = CSV.replace(",3,\"Punkty", ",9,\"Punkty");
    let third = run(&mut store, "cards.csv", edited.as_bytes(), Format::Csv).unwrap();
    assert_eq!((third.inserted, third.updated, third.unchanged), (0, 1, 2));
    let cards = all_cards(&store);
    assert_eq!(cards.len(), 3);
    assert_eq!(cards[0].votes, 9);
}

#[test]
fn without_ids_identical_lines_stay_separate_and_reimport_is_idempotent() {
    let mut store = Store::open_in_memory().unwrap();
    let csv = "text,session\nWięcej koszy na śmieci,S\nWięcej koszy na śmieci,S\n";
    let first = run(&mut store, "x.csv", csv.as_bytes(), Format::Csv).unwrap();
    assert_eq!(first.inserted, 2);
    let second = run(&mut store, "x.csv", csv.as_bytes(), Format::Csv).unwrap();
    assert_eq!((second.inserted, second.unchanged), (0, 2));
    assert_eq!(all_cards(&store).len(), 2);
}

#[test]
fn an_exported_csv_reimports_onto_the_same_cards() {
    let mut store = Store::open_in_memory().unwrap();
    run(&mut store, "cards.csv", CSV.as_bytes(), Format::Csv).unwrap();
    let sid = store.find_session("Szkolenie 1").unwrap().id;
    store
        .add_card(&narada::model::CardDraft::new(
            &sid,
            narada::model::CardKind::Other,
            "Bez id",
        ))
        .unwrap();
    let rows = store.export_rows(None, false).unwrap();
    let mut buf = Vec::new();
    narada::export::write_cards_csv(&mut buf, &rows, narada::export::TableOptions::default())
        .unwrap();
    let sum = run(&mut store, "export.csv", &buf, Format::Csv).unwrap();
    assert_eq!(
        (sum.inserted, sum.unchanged),
        (0, 4),
        "{}",
        String::from_utf8_lossy(&buf)
    );
}

/// Each bad file must fail with the file, line and column named, writing nothing.
#[test]
fn bad_input_is_reported_precisely_and_writes_nothing() {
    let long_text = format!("text\nok\n{}\n", "ą".repeat(narada::model::LIMIT_TEXT + 1));
    let long_speaker = format!(
        "text,speaker\nok,{}\n",
        "x".repeat(narada::model::LIMIT_FIELD + 1)
    );
    let cases: Vec<(&str, Vec<u8>, Format, &str)> = vec![
        (
            "utf8.csv",
            b"text,kind\nok,proposal\nz\xB3y,proposal\n".to_vec(),
            Format::Csv,
            "utf8.csv:3: column 1 (text)",
        ),
        (
            "fields.csv",
            b"text,kind\nok,proposal\nza,du,zo\n".to_vec(),
            Format::Csv,
            "fields.csv:3: column 3",
        ),
        (
            "nocol.csv",
            b"tresc_karty,kind\nok,proposal\n".to_vec(),
            Format::Csv,
            "nocol.csv:1: column -: no `text` column",
        ),
        (
            "kind.csv",
            b"text,kind\nok,proposal\nok,wish\n".to_vec(),
            Format::Csv,
            "kind.csv:3: column 2 (kind): unknown card kind \"wish\"",
        ),
        (
            "empty.csv",
            b"text,kind\nok,proposal\n   ,proposal\n".to_vec(),
            Format::Csv,
            "empty.csv:3: column 1 (text): empty text",
        ),
        (
            "votes.csv",
            "text,votes\nok,1\nok,dużo\n".as_bytes().to_vec(),
            Format::Csv,
            "votes.csv:3: column 2 (votes)",
        ),
        (
            "neg.csv",
            b"text,votes\nok,-4\n".to_vec(),
            Format::Csv,
            "neg.csv:2: column 2 (votes)",
        ),
        (
            "long.csv",
            long_text.into_bytes(),
            Format::Csv,
            "long.csv:3: column 1 (text): ",
        ),
        (
            "speaker.csv",
            long_speaker.into_bytes(),
            Format::Csv,
            "speaker.csv:2: column 2 (speaker)",
        ),
        (
            "bad.jsonl",
            b"{\"text\":\"ok\"}\n{\"text\":\"ok\",}\n".to_vec(),
            Format::Jsonl,
            "bad.jsonl:2: column 14",
        ),
        (
            "utf8.jsonl",
            b"{\"text\":\"ok\"}\n{\"text\":\"z\xB3y\"}\n".to_vec(),
            Format::Jsonl,
            "utf8.jsonl:2: column 11",
        ),
        (
            "notext.jsonl",
            b"{\"text\":\"ok\"}\n{\"kind\":\"proposal\"}\n".to_vec(),
            Format::Jsonl,
            "notext.jsonl:2: column text",
        ),
        (
            "type.jsonl",
            b"{\"text\":[\"a\"]}\n".to_vec(),
            Format::Jsonl,
            "type.jsonl:1: column text: expected a string",
        ),
        (
            "dup.jsonl",
            b"{\"id\":\"x\",\"text\":\"a\"}\n{\"id\":\"x\",\"text\":\"b\"}\n".to_vec(),
            Format::Jsonl,
            "dup.jsonl:2: column id",
        ),
        (
            "arr.json",
            b"[{\"text\":\"ok\"},\n 5]".to_vec(),
            Format::Json,
            "arr.json:2: column -: expected a JSON object",
        ),
        ("none.csv", b"text\n".to_vec(), Format::Csv, "none.csv:1"),
    ];
    for (name, bytes, format, expected) in cases {
        let mut store = Store::open_in_memory().unwrap();
        let err = run(&mut store, name, &bytes, format)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with(expected),
            "{name}: got {err:?}, want {expected:?}"
        );
        assert!(all_cards(&store).is_empty(), "{name} wrote cards");
        assert!(
            store.sessions().unwrap().is_empty(),
            "{name} wrote sessions"
        );
    }
}

#[test]
fn an_imported_id_matches_a_card_added_by_hand_with_that_id() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.db");
    let mut store = Store::open(&path).unwrap();
    let sid = store
        .add_session(&narada::model::SessionDraft::new(
            "S",
            narada::model::SessionKind::Other,
        ))
        .unwrap()
        .id;
    let mut d = narada::model::CardDraft::new(&sid, narada::model::CardKind::Other, "ręczna");
    d.external_id = Some("x".into());
    store.add_card(&d).unwrap();
    let sum = run(
        &mut store,
        "u.jsonl",
        b"{\"text\":\"nowa\",\"session\":\"T\"}\n{\"id\":\"x\",\"text\":\"zmieniona\"}\n",
        Format::Jsonl,
    )
    .unwrap();
    assert_eq!((sum.inserted, sum.updated), (1, 1));
    assert_eq!(store.find_card("x").unwrap().text, "zmieniona");
}

#[test]
fn sample_data_imports_cleanly() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/cards.csv");
    let records = import::read_file(&path, None).unwrap();
    assert!((150..=300).contains(&records.len()), "{}", records.len());
    let mut store = Store::open_in_memory().unwrap();
    let sum = store
        .import_records(&records, &ImportOptions::default(), &mut |_, _| {})
        .unwrap();
    assert_eq!(sum.inserted, records.len());
    assert_eq!(sum.sessions_created.len(), 6);
}

#[test]
fn session_titles_are_matched_after_cleaning() {
    let mut store = Store::open_in_memory().unwrap();
    let csv = "text,session\na,\"  Szkolenie   1 \"\n";
    run(&mut store, "a.csv", csv.as_bytes(), Format::Csv).unwrap();
    let csv2 = "text,session\nb,Szkolenie 1\n";
    let sum = run(&mut store, "b.csv", csv2.as_bytes(), Format::Csv).unwrap();
    assert!(sum.sessions_created.is_empty());
    // Without a session column or a source name, one "Import" session is reused.
    let recs = import::parse("c.csv", b"text\nc\n", Format::Csv).unwrap();
    for _ in 0..2 {
        store
            .import_records(&recs, &ImportOptions::default(), &mut |_, _| {})
            .unwrap();
    }
    assert_eq!(store.sessions().unwrap().len(), 2);
}
