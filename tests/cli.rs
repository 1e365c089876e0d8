//! End-to-end runs of the real binary on temporary databases.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use predicates::prelude::*;

#[path = "support/cli.rs"]
mod cli_support;
use cli_support::narada;

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
                .and(predicate::str::contains("nothing was written")),
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
    // The merged originals are merged, not "adopted but unused".
    assert!(
        coverage.contains("adopted cards not used in any provision (0):"),
        "{coverage}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&run(&["outline", "coverage", "--format", "json"])).unwrap();
    assert_eq!(json["tally"]["merged"], 2, "{json}");
    assert_eq!(json["tally"]["used"], 1, "{json}");
    assert_eq!(json["tally"]["rejected"], 1, "{json}");
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
