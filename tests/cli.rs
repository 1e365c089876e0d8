//! End-to-end runs of the real binary on temporary databases.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

/// The binary with an isolated data directory, so nothing touches the user's files.
fn narada(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("narada").unwrap();
    cmd.env("NARADA_DATA_DIR", data)
        .env("NARADA_CONFIG_DIR", data.join("config"))
        .env_remove("NARADA_DB")
        .env_remove("NARADA_USER")
        // A card's history is told in the interface's language, which follows the locale.
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

#[test]
fn sessions_cards_search_and_export_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let db = db.to_str().unwrap();
    narada(dir.path())
        .args([
            "--db",
            db,
            "session",
            "add",
            "Szkolenie w Łodzi",
            "--kind",
            "szkolenie",
            "--date",
            "2026-10-06",
            "--participants",
            "20",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("Szkolenie w Łodzi"));
    narada(dir.path())
        .args([
            "--db",
            db,
            "--as",
            "Trenerka A",
            "card",
            "add",
            "Więcej ławek przy Łódzkiej",
            "-k",
            "p",
            "-t",
            "zieleń",
            "--speaker",
            "seniorka",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("#1"));
    narada(dir.path())
        .args([
            "--db",
            db,
            "card",
            "add",
            "Kto liczy głosy?",
            "--kind",
            "question",
        ])
        .assert()
        .success();
    narada(dir.path())
        .args(["--db", db, "card", "vote", "#1", "3"])
        .assert()
        .success();
    let out = narada(dir.path())
        .args(["--db", db, "card", "list", "--format", "json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let cards: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(cards.as_array().unwrap().len(), 2);
    assert_eq!(cards[0]["votes"], 3);
    assert_eq!(cards[0]["kind"], "proposal");
    assert_eq!(cards[0]["entered_by"], "Trenerka A");
    narada(dir.path())
        .args(["--db", db, "search", "lodzkiej"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Więcej ławek przy Łódzkiej"));
    narada(dir.path())
        .args([
            "--db",
            db,
            "card",
            "edit",
            "1",
            "--text",
            "Więcej ławek w parkach",
        ])
        .assert()
        .success();
    narada(dir.path())
        .args(["--db", db, "card", "delete", "2", "--why", "powtórzenie"])
        .assert()
        .success();
    narada(dir.path())
        .args(["--db", db, "card", "show", "2"])
        .assert()
        .success()
        .stdout(predicate::str::contains("deleted").and(predicate::str::contains("powtórzenie")));
    let csv = dir.path().join("out.csv");
    narada(dir.path())
        .args([
            "--db",
            db,
            "export",
            "--format",
            "csv",
            "--output",
            csv.to_str().unwrap(),
        ])
        .assert()
        .success();
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains("Więcej ławek w parkach"), "{text}");
    assert!(
        !text.contains("Kto liczy"),
        "deleted cards are not exported: {text}"
    );
    assert!(
        !text.contains("Trenerka A"),
        "entered-by is private by default: {text}"
    );
    // A second export to the same file needs --force.
    narada(dir.path())
        .args([
            "--db",
            db,
            "export",
            "--format",
            "csv",
            "--output",
            csv.to_str().unwrap(),
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("--force"));
}

#[test]
fn import_reports_and_reimport_does_not_duplicate() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let file = dir.path().join("k.jsonl");
    std::fs::write(&file, "{\"id\":\"x1\",\"text\":\"Głosowanie od 16 lat\",\"session\":\"S1\"}\n{\"text\":\"Łatwiejszy formularz\",\"kind\":\"proposal\"}\n").unwrap();
    let args = [
        "--db",
        db.to_str().unwrap(),
        "import",
        file.to_str().unwrap(),
    ];
    narada(dir.path()).args(args).assert().success().stdout(
        predicate::str::contains("2 new").and(predicate::str::contains("sessions created")),
    );
    narada(dir.path())
        .args(args)
        .assert()
        .success()
        .stdout(predicate::str::contains("0 new, 0 updated, 2 unchanged"));
}

#[test]
fn bad_import_names_file_line_column_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let file = dir.path().join("bad.csv");
    std::fs::write(&file, "text,kind\nDobre,proposal\nZłe,życzenie\n").unwrap();
    narada(dir.path())
        .args([
            "--db",
            db.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ])
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("bad.csv:3: column 2 (kind)")
                .and(predicate::str::contains("nothing was imported")),
        );
    narada(dir.path())
        .args([
            "--db",
            db.to_str().unwrap(),
            "card",
            "list",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .stdout(predicate::str::diff("[]\n"));
}

#[test]
fn demo_loads_into_its_own_file_and_refuses_a_real_database() {
    let dir = tempfile::tempdir().unwrap();
    narada(dir.path())
        .args(["demo", "--no-tui"])
        .assert()
        .success()
        .stdout(predicate::str::contains("6 sessions"));
    assert!(dir.path().join("demo.db").exists());
    // The worked example: topics with decisions mapped into the outline.
    let demo = dir.path().join("demo.db");
    let topics = narada(dir.path())
        .args([
            "--db",
            demo.to_str().unwrap(),
            "topic",
            "list",
            "--format",
            "json",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let topics: serde_json::Value = serde_json::from_slice(&topics).unwrap();
    let topics = topics.as_array().unwrap();
    assert!(topics.len() >= 14, "{}", topics.len());
    assert!(topics.iter().filter(|t| t["decision"] == "adopted").count() >= 5);
    assert!(
        topics
            .iter()
            .filter(|t| !t["sections"].as_array().unwrap().is_empty())
            .count()
            >= 10
    );
    assert!(
        !dir.path().join("narada.db").exists(),
        "the user's own database is untouched"
    );
    // Running it again replaces the earlier demo.
    narada(dir.path())
        .args(["demo", "--no-tui"])
        .assert()
        .success();
    // A database holding real work is never overwritten by the demo.
    let own = dir.path().join("own.db");
    narada(dir.path())
        .args([
            "--db",
            own.to_str().unwrap(),
            "session",
            "add",
            "Moja sesja",
        ])
        .assert()
        .success();
    narada(dir.path())
        .args(["--db", own.to_str().unwrap(), "demo", "--no-tui"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("your own data"));
}

#[test]
fn newer_schema_database_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("future.db");
    narada(dir.path())
        .args(["--db", db.to_str().unwrap(), "session", "list"])
        .assert()
        .success();
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", 42)
        .unwrap();
    let before = std::fs::read(&db).unwrap();
    narada(dir.path())
        .args(["--db", db.to_str().unwrap(), "card", "list"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("schema version 42 is newer"));
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn paths_follow_flag_and_environment() {
    let dir = tempfile::tempdir().unwrap();
    narada(dir.path())
        .arg("paths")
        .assert()
        .success()
        .stdout(predicate::str::contains("narada.db (from default)"));
    narada(dir.path())
        .env("NARADA_DB", dir.path().join("env.db"))
        .arg("paths")
        .assert()
        .success()
        .stdout(predicate::str::contains("env.db (from NARADA_DB)"));
}

#[test]
fn every_command_has_help() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["--help"],
        vec!["card", "--help"],
        vec!["card", "add", "--help"],
        vec!["import", "--help"],
        vec!["export", "--help"],
        vec!["session", "add", "--help"],
    ] {
        narada(dir.path())
            .args(&args)
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage"));
    }
}

#[test]
fn working_group_flow_through_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wg.db");
    let run = |args: &[&str]| -> String {
        let out = narada(dir.path())
            .args(["--db", db.to_str().unwrap()])
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    run(&[
        "session",
        "add",
        "Zespół roboczy",
        "--kind",
        "working_group",
    ]);
    run(&[
        "card",
        "add",
        "Głosowanie przez internet i w punktach",
        "-k",
        "r",
    ]);
    run(&[
        "card",
        "add",
        "Głosowanie elektroniczne oraz papierowe",
        "-k",
        "r",
    ]);
    run(&[
        "card",
        "add",
        "Wymagać numeru PESEL od głosujących",
        "-k",
        "p",
    ]);
    run(&[
        "topic",
        "move",
        "--to",
        "new:Sposób głosowania",
        "1",
        "2",
        "3",
    ]);
    run(&[
        "topic",
        "split",
        "Sposób głosowania",
        "--label",
        "Dane osobowe",
        "--card",
        "3",
    ]);
    run(&[
        "card",
        "merge",
        "1",
        "2",
        "--text",
        "Głosowanie elektroniczne i papierowe",
        "--votes",
        "max",
        "--why",
        "duplikat",
    ]);
    run(&[
        "decide",
        "--topic",
        "Sposób głosowania",
        "adopted",
        "--why",
        "Zgodne z praktyką",
        "--for",
        "9",
        "--against",
        "1",
        "--abstain",
        "2",
        "--date",
        "2026-12-09",
    ]);
    run(&[
        "decide",
        "--card",
        "3",
        "rejected",
        "--why",
        "Wolno żądać tylko imienia, nazwiska i adresu",
    ]);
    run(&["outline", "map", "§ 15", "--topic", "Sposób głosowania"]);
    let topics: serde_json::Value =
        serde_json::from_str(&run(&["topic", "list", "--format", "json"])).unwrap();
    let voting = topics
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["label"] == "Sposób głosowania")
        .unwrap();
    assert_eq!(voting["size"], 1, "the two merged cards became one");
    assert_eq!(voting["decision"], "adopted");
    assert_eq!(voting["sections"][0], "§ 15");
    assert!(voting["id"].is_string());
    let log = run(&["decision", "list"]);
    assert!(log.contains("rejected") && log.contains("adopted"), "{log}");
    let outline = run(&["outline", "list"]);
    assert!(
        outline.contains("§ 15 Sposób głosowania  [1 adopted]"),
        "{outline}"
    );
    let coverage = run(&["outline", "coverage"]);
    assert!(
        coverage.contains("Rozdział 1 Przepisy ogólne"),
        "{coverage}"
    );
    let show = run(&["card", "show", "1"]);
    assert!(
        show.contains("merged into #4") && show.contains("duplikat"),
        "{show}"
    );
}

#[test]
fn the_interface_refuses_to_start_without_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    narada(dir.path())
        .assert()
        .failure()
        .stderr(predicate::str::contains("needs a terminal"));
}

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
    let db = dir.path().join("x.db");
    let db_s = db.to_str().unwrap();
    narada(dir.path())
        .args(["--db", db_s, "session", "add", "Szkolenie 1"])
        .assert()
        .success();
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
    let db = dir.path().join("x.db");
    let db_s = db.to_str().unwrap();
    narada(dir.path())
        .args(["--db", db_s, "session", "add", "Szkolenie 1"])
        .assert()
        .success();
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
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    narada(dir.path())
        .args(["--db", db, "session", "add", "Szkolenie 1"])
        .assert()
        .success();
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
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    narada(dir.path())
        .args(["--db", db, "session", "add", "Szkolenie 1"])
        .assert()
        .success();
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
    let db = dir.path().join("w.db");
    let db_s = db.to_str().unwrap();
    narada(dir.path())
        .args(["--db", db_s, "session", "add", "Warsztat"])
        .assert()
        .success();
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
