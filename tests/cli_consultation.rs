//! `narada consultation show|set` through the binary, and every command that takes a
//! content language run with both `--lang` (the interface's) and `--text-lang` (issue
//! #13: the two once collided and clap panicked with exit 101).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use predicates::prelude::*;

#[path = "support/cli.rs"]
mod cli_support;
use cli_support::narada;

const EASY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/easy-clusters.jsonl"
);

fn show_json(dir: &std::path::Path, db: &str) -> serde_json::Value {
    let out = narada(dir)
        .args(["--db", db, "consultation", "show", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn set_and_show_every_setting() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let db = db.to_str().unwrap();
    narada(dir.path())
        .args(["--db", db, "consultation", "set", "--city", "Częstochowa"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "council-genitive   Rady Miasta Częstochowy  (proposed)",
        ))
        .stdout(predicate::str::contains(
            "executive-dative   Prezydentowi Miasta Częstochowy  (proposed)",
        ))
        .stdout(predicate::str::contains(
            "journal            Dz. U. z … r. poz. …  (default)",
        ));
    narada(dir.path())
        .args([
            "--db",
            db,
            "consultation",
            "set",
            "--title",
            "BO Częstochowy 2027",
            "--year",
            "2027",
            "--city-genitive",
            "Częstochowy",
            "--executive",
            "burmistrz",
            "--council",
            "Rada Miasta Częstochowy",
            "--council-genitive",
            "Rady Miasta Częstochowy",
            "--executive-dative",
            "Burmistrzowi Miasta Częstochowy",
            "--resolution-number",
            "XII/345/2027",
            "--resolution-date",
            "10 kwietnia 2027 r.",
            "--journal",
            "Dz. U. z 2025 r. poz. 1153",
            "--voivodeship",
            "slaskie",
            "--paragraph-style",
            "inline",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("(proposed)").not())
        .stdout(predicate::str::contains("voivodeship        śląskie\n"));
    let shown = show_json(dir.path(), db);
    assert_eq!(shown["title"], "BO Częstochowy 2027");
    assert_eq!(shown["year"], 2027);
    let s = &shown["settings"];
    assert_eq!(s["executive"]["value"], "burmistrz");
    assert_eq!(s["executive_dative"]["source"], "set");
    assert_eq!(s["resolution_number"]["value"], "XII/345/2027");
    assert_eq!(s["journal"]["value"], "Dz. U. z 2025 r. poz. 1153");
    assert_eq!(s["paragraph_style"]["value"], "inline");

    // "" restores the proposal; a bad value is refused and changes nothing.
    narada(dir.path())
        .args(["--db", db, "consultation", "set", "--executive-dative", ""])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "executive-dative   Burmistrzowi Miasta Częstochowy  (proposed)",
        ));
    narada(dir.path())
        .args([
            "--db",
            db,
            "consultation",
            "set",
            "--title",
            "Inny",
            "--executive",
            "sołtys",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("prezydent, burmistrz or wojt"));
    assert_eq!(show_json(dir.path(), db)["title"], "BO Częstochowy 2027");
}

#[test]
fn consultation_set_takes_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("l.db");
    let db = db.to_str().unwrap();
    // The global --lang before and after the command, with the content's --text-lang.
    narada(dir.path())
        .args([
            "--lang",
            "pl",
            "--db",
            db,
            "consultation",
            "set",
            "--text-lang",
            "en",
        ])
        .assert()
        .success();
    assert_eq!(show_json(dir.path(), db)["language"], "en");
    narada(dir.path())
        .args([
            "--db",
            db,
            "consultation",
            "set",
            "--lang",
            "en",
            "--text-lang",
            "pl",
        ])
        .assert()
        .success();
    assert_eq!(show_json(dir.path(), db)["language"], "pl");
    narada(dir.path())
        .args(["--db", db, "consultation", "set", "--text-lang", "de"])
        .assert()
        .code(2);
}

#[test]
fn cluster_a_file_takes_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    for (ui, text) in [("pl", "en"), ("en", "pl")] {
        let out = dir.path().join(format!("{ui}.jsonl"));
        narada(dir.path())
            .args(["cluster", "--input", EASY, "--k", "4", "--lang", ui])
            .args(["--text-lang", text, "-o", out.to_str().unwrap()])
            .assert()
            .success()
            .stderr(predicate::str::contains(format!("language {text}")));
        assert_eq!(std::fs::read_to_string(&out).unwrap().lines().count(), 42);
    }
}

#[test]
fn cluster_the_database_takes_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("k.db");
    let db = db.to_str().unwrap();
    narada(dir.path())
        .args([
            "--db",
            db,
            "session",
            "add",
            "Szkolenie",
            "--kind",
            "training",
        ])
        .assert()
        .success();
    for text in [
        "Więcej drzew w parku",
        "Drzewa wzdłuż ulic",
        "Ścieżki rowerowe do szkół",
        "Rowerowe ścieżki nad rzeką",
    ] {
        narada(dir.path())
            .args(["--db", db, "card", "add", text])
            .assert()
            .success();
    }
    narada(dir.path())
        .args(["--db", db, "cluster", "--k", "2", "--dry-run"])
        .args(["--lang", "pl", "--text-lang", "en"])
        .assert()
        .success()
        .stdout(predicate::str::contains("language en"));
    narada(dir.path())
        .args([
            "--lang",
            "en",
            "--db",
            db,
            "cluster",
            "--k",
            "2",
            "--text-lang",
            "pl",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("language pl"))
        .stderr(predicate::str::contains("run stored"));
}
