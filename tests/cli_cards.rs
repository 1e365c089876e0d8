//! The card commands end to end: the database file after a command, `card add` reading
//! the capture grammar, `card show` telling a history in words, `cluster` keeping decided
//! topics and `card split` dividing votes.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use predicates::prelude::*;
use std::path::Path;

#[path = "support/cli.rs"]
mod cli_support;
use cli_support::{db_with_session, narada};

fn wal_len(db: &Path) -> u64 {
    std::fs::metadata(format!("{}-wal", db.display())).map_or(0, |m| m.len())
}

/// The card texts a copy of the `.db` file alone holds, read through the binary.
fn texts_in_a_copy_of(db: &Path) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    std::fs::copy(db, &copy).unwrap();
    let out = narada(dir.path())
        .args([
            "--db",
            copy.to_str().unwrap(),
            "card",
            "list",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let cards: serde_json::Value = serde_json::from_slice(&out).unwrap();
    cards
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn after_card_add_the_db_file_alone_holds_the_card() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_session(dir.path(), "Szkolenie 1");
    let db_s = db.to_str().unwrap();
    // Another narada with the database open (an interface in a second window): SQLite
    // folds the WAL on its own only when the last connection closes.
    let other = rusqlite::Connection::open(&db).unwrap();
    let n: i64 = other
        .query_row("SELECT count(*) FROM card", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 0);
    narada(dir.path())
        .args(["--db", db_s, "card", "add", "Więcej ławek w parku"])
        .assert()
        .success();
    assert_eq!(wal_len(&db), 0, "the WAL is folded into x.db");
    assert_eq!(texts_in_a_copy_of(&db), vec!["Więcej ławek w parku"]);
    drop(other);
}

#[test]
fn a_command_succeeds_and_leaves_the_wal_while_another_process_reads() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_session(dir.path(), "Szkolenie 1");
    let db_s = db.to_str().unwrap();
    let other = rusqlite::Connection::open(&db).unwrap();
    other
        .execute_batch("BEGIN; SELECT count(*) FROM card;")
        .unwrap();
    narada(dir.path())
        .args(["--db", db_s, "card", "add", "Kto liczy głosy?"])
        .assert()
        .success();
    assert!(wal_len(&db) > 0, "a WAL in use is left as it is");
    other.execute_batch("COMMIT").unwrap();
    drop(other);
    narada(dir.path())
        .args(["--db", db_s, "card", "list"])
        .assert()
        .success();
    assert_eq!(texts_in_a_copy_of(&db), vec!["Kto liczy głosy?"]);
}

#[test]
fn paths_say_which_files_make_the_database() {
    let dir = tempfile::tempdir().unwrap();
    narada(dir.path())
        .args(["--db", "x.db", "paths"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("x.db-wal")
                .and(predicate::str::contains("x.db-shm"))
                .and(predicate::str::contains("narada bundle export")),
        );
}

/// Adds a card to a fresh database with `args` after `card add`; returns it as JSON.
fn add_one(args: &[&str]) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_session(dir.path(), "Szkolenie 1");
    let db = db.to_str().unwrap();
    let out = narada(dir.path())
        .args(["--db", db, "card", "add"])
        .args(args)
        .args(["--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).unwrap()
}

#[test]
fn card_add_reads_the_text_as_the_capture_line_does() {
    let card = add_one(&["q: Kto liczy głosy? #teren @mieszkanka"]);
    assert_eq!(card["kind"], "question");
    assert_eq!(card["text"], "Kto liczy głosy?");
    assert_eq!(card["tags"], serde_json::json!(["teren"]));
    assert_eq!(card["speaker"], "mieszkanka");
    let card = add_one(&["pyt: Gdzie głosować?"]);
    assert_eq!(card["kind"], "question");
    assert_eq!(card["text"], "Gdzie głosować?");
    // Without a prefix the kind is other, as before; e-mails and times stay text.
    let card = add_one(&["Pisać na rada@lodz.pl do 12:30"]);
    assert_eq!(card["kind"], "other");
    assert_eq!(card["text"], "Pisać na rada@lodz.pl do 12:30");
    assert_eq!(card["speaker"], serde_json::Value::Null);
}

#[test]
fn card_add_flags_win_over_the_text() {
    let card = add_one(&[
        "q: Więcej ławek #zieleń @mieszkanka",
        "--kind",
        "proposal",
        "--speaker",
        "radny",
        "--tag",
        "parki",
    ]);
    assert_eq!(card["kind"], "proposal");
    assert_eq!(card["speaker"], "radny");
    // Tags add up; the text's @role, overruled, stays in the text rather than vanish.
    assert_eq!(card["tags"], serde_json::json!(["parki", "zieleń"]));
    assert_eq!(card["text"], "Więcej ławek @mieszkanka");
    let card = add_one(&["p: Ławki", "-k", "obaw"]);
    assert_eq!(card["kind"], "concern");
    assert_eq!(card["text"], "Ławki");
}

#[test]
fn card_add_raw_stores_the_text_as_typed() {
    let card = add_one(&["q: kiedy? #teren @mieszkanka", "--raw"]);
    assert_eq!(card["kind"], "other");
    assert_eq!(card["text"], "q: kiedy? #teren @mieszkanka");
    assert_eq!(card["tags"], serde_json::json!([]));
    assert_eq!(card["speaker"], serde_json::Value::Null);
    let card = add_one(&["#teren", "--raw", "-k", "q", "-t", "x"]);
    assert_eq!(card["kind"], "question");
    assert_eq!(card["text"], "#teren");
    assert_eq!(card["tags"], serde_json::json!(["x"]));
}

#[test]
fn card_add_of_markers_only_says_to_use_raw() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_session(dir.path(), "Szkolenie 1");
    let db = db.to_str().unwrap();
    narada(dir.path())
        .args(["--db", db, "card", "add", "q: #teren @mieszkanka"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--raw"));
}

/// A database with a card edited, voted on, merged and decided on; returns its path.
fn card_with_a_history(dir: &Path) -> String {
    let db = dir.join("h.db").to_str().unwrap().to_owned();
    let run = |args: &[&str]| {
        narada(dir)
            .arg("--db")
            .arg(&db)
            .args(args)
            .assert()
            .success();
    };
    run(&["session", "add", "Szkolenie 1"]);
    run(&["card", "add", "q: Kto liczy głosy? @mieszkanka"]);
    run(&["card", "add", "Kto liczy głosy w szkołach?"]);
    run(&["card", "edit", "1", "--text", "Kto liczy?", "--no-speaker"]);
    run(&["card", "vote", "1", "2"]);
    run(&["card", "merge", "1", "2", "--why", "duplikat"]);
    run(&[
        "decide",
        "--card",
        "1",
        "adopted-in-part",
        "--why",
        "Częściowo",
    ]);
    db
}

fn show(dir: &Path, db: &str, extra: &[&str]) -> String {
    let out = narada(dir)
        .args(["--db", db])
        .args(extra)
        .args(["card", "show", "1"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn card_show_tells_the_history_in_words_at_local_time() {
    let dir = tempfile::tempdir().unwrap();
    let db = card_with_a_history(dir.path());
    let text = show(dir.path(), &db, &[]);
    for words in [
        "decision: adopted in part",
        "  created\n",
        "edited: text (was: \"Kto liczy głosy?\"), speaker (was: mieszkanka)",
        "votes: 0 → 2",
        "merged into #3 (votes added up) — duplikat",
        "decision: adopted in part — Częściowo",
    ] {
        assert!(text.contains(words), "{words:?} missing in:\n{text}");
    }
    assert!(!text.contains('{'), "no raw JSON:\n{text}");
    assert!(!text.contains("adopted_in_part"), "{text}");
    assert!(!text.contains("merged_into"), "{text}");
    // Times to the minute, without the stored T…Z form.
    for line in text.lines().skip_while(|l| *l != "history:").skip(1) {
        let stamp: Vec<char> = line.trim_start().chars().take(17).collect();
        let shape: String = stamp
            .iter()
            .map(|c| if c.is_ascii_digit() { '9' } else { *c })
            .collect();
        assert_eq!(shape, "9999-99-99 99:99 ", "{line}");
    }
    assert!(!text.contains('Z'), "{text}");
}

#[test]
fn card_show_speaks_the_interface_s_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = card_with_a_history(dir.path());
    let polish = [
        "decyzja: przyjęta częściowo",
        "edytowana: tekst (było: „Kto liczy głosy?”), rola (było: mieszkanka)",
        "scalona w #3 (głosy zsumowane) — duplikat",
        "historia:",
    ];
    let by_flag = show(dir.path(), &db, &["--lang", "pl"]);
    let out = narada(dir.path())
        .env("LANG", "pl_PL.UTF-8")
        .args(["--db", &db, "card", "show", "1"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let by_locale = String::from_utf8(out).unwrap();
    std::fs::create_dir_all(dir.path().join("config")).unwrap();
    std::fs::write(dir.path().join("config/config.toml"), "lang = \"pl\"\n").unwrap();
    let by_config = show(dir.path(), &db, &[]);
    for text in [&by_flag, &by_locale, &by_config] {
        for words in polish {
            assert!(text.contains(words), "{words:?} missing in:\n{text}");
        }
    }
    // --lang wins over the config file.
    assert!(show(dir.path(), &db, &["--lang", "en"]).contains("merged into #3"));
}

#[test]
fn card_show_times_follow_the_local_offset() {
    let dir = tempfile::tempdir().unwrap();
    let db = card_with_a_history(dir.path());
    let out = narada(dir.path())
        .args(["--db", &db, "card", "show", "1", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let created = json["card"]["created_at"].as_str().unwrap();
    let plus_two = narada::model::Zone::Fixed(time::UtcOffset::from_hms(2, 0, 0).unwrap());
    let expected = narada::model::local_time(created, plus_two);
    // POSIX TZ: two hours east of UTC, no time-zone files needed.
    let out = narada(dir.path())
        .env("TZ", "XYZ-2")
        .args(["--db", &db, "card", "show", "1"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains(&format!("created: {expected}")),
        "{expected} missing in:\n{text}"
    );
}

#[test]
fn cluster_says_which_decided_topics_keep_their_cards_and_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    let run = |args: &[&str]| {
        narada(dir.path())
            .args(["--db", db])
            .args(args)
            .assert()
            .success()
            .get_output()
            .clone()
    };
    run(&["demo", "--no-tui"]);
    run(&["cluster", "--k", "8"]);
    let list = |run: &dyn Fn(&[&str]) -> std::process::Output| -> Vec<serde_json::Value> {
        let out = run(&["topic", "list", "--format", "json"]);
        serde_json::from_slice::<serde_json::Value>(&out.stdout)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    };
    let topics = list(&run);
    let first = topics
        .iter()
        .find(|t| t["origin"] == "run" && t["size"].as_i64().unwrap() > 1)
        .unwrap();
    let (id, size) = (
        first["id"].as_str().unwrap().to_owned(),
        first["size"].as_i64().unwrap(),
    );
    let label = first["label"].as_str().unwrap().to_owned();
    run(&["decide", "--topic", &id, "adopted"]);
    let out = run(&["cluster", "--k", "3", "--dry-run"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("in \"{label}\" (decided)")), "{err}");
    run(&["cluster", "--k", "3"]);
    let now = list(&run);
    let kept = now.iter().find(|t| t["id"] == id.as_str()).unwrap();
    assert_eq!(kept["size"].as_i64().unwrap(), size, "{now:?}");
}

#[test]
fn card_split_divides_the_votes_as_told_and_refuses_more_than_the_card_has() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_session(dir.path(), "Warsztat");
    let db_s = db.to_str().unwrap();
    narada(dir.path())
        .args([
            "--db",
            db_s,
            "card",
            "add",
            "Ławki i drzewa",
            "--votes",
            "7",
        ])
        .assert()
        .success();
    let split = |first: &str| {
        narada(dir.path())
            .args(["--db", db_s, "card", "split", "1", "--part", "Ławki"])
            .args(["--part", "Drzewa", "--first-votes", first])
            .assert()
    };
    split("8")
        .failure()
        .stderr(predicate::str::contains("0 to 7"));
    split("3").success();
    let store = narada::storage::Store::open(&db).unwrap();
    let mut votes: Vec<(String, i64)> = store
        .cards(&narada::storage::CardFilter::default())
        .unwrap()
        .into_iter()
        .map(|c| (c.text, c.votes))
        .collect();
    votes.sort();
    assert_eq!(votes, vec![("Drzewa".into(), 4), ("Ławki".into(), 3)]);
}

#[test]
fn terminal_escapes_in_card_text_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_session(dir.path(), "Szkolenie 1");
    let db_s = db.to_str().unwrap();
    let added = narada(dir.path())
        .args([
            "--db",
            db_s,
            "card",
            "add",
            "\u{1b}]0;PWNED\u{7}Ławki\u{7f} w parku",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let added = String::from_utf8(added).unwrap();
    assert!(added.contains("]0;PWNEDŁawki w parku"), "{added}");
    assert!(!added.contains(['\u{1b}', '\u{7}', '\u{0}']), "{added:?}");
    // A card stored before input was cleaned (an older version's import) is shown
    // with its control characters escaped, in the list and in `card show`.
    let raw = rusqlite::Connection::open(&db).unwrap();
    raw.execute(
        "UPDATE card SET text = 'x\u{1b}[2Jy\u{202e}z' WHERE seq = 1",
        [],
    )
    .unwrap();
    drop(raw);
    for args in [vec!["card", "list"], vec!["card", "show", "1"]] {
        let out = narada(dir.path())
            .args(["--db", db_s])
            .args(&args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let out = String::from_utf8(out).unwrap();
        assert!(out.contains("x\\u{1b}[2Jy\\u{202e}z"), "{args:?}: {out}");
        assert!(!out.contains(['\u{1b}', '\u{202e}']), "{args:?}: {out:?}");
    }
}
