//! Files the user names, end to end: only regular files are read or replaced, and
//! messages name the file in words rather than OS error numbers.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use predicates::prelude::*;
use std::fmt::Write as _;

#[path = "support/cli.rs"]
mod cli_support;
use cli_support::{db_with_session, narada};

#[cfg(unix)]
#[test]
fn importing_a_fifo_is_refused_at_once_instead_of_waiting_for_a_writer() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("cards.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let db = dir.path().join("w.db");
    narada(dir.path())
        .args([
            "--db",
            db.to_str().unwrap(),
            "import",
            fifo.to_str().unwrap(),
        ])
        .timeout(std::time::Duration::from_mins(1))
        .assert()
        .failure()
        .stderr(predicate::str::contains("cards.csv: not a regular file"));
}

#[cfg(unix)]
#[test]
fn force_never_replaces_a_device_with_an_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    narada(dir.path())
        .args(["--db", db.to_str().unwrap(), "session", "add", "S"])
        .assert()
        .success();
    narada(dir.path())
        .args(["--db", db.to_str().unwrap(), "export", "--format", "csv"])
        .args(["-o", "/dev/null", "--force"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("/dev/null: not a regular file"));
    assert!(
        !std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_file(),
        "still a device"
    );
}

#[test]
fn a_missing_import_file_and_a_duplicate_id_are_said_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let db_s = db.to_str().unwrap();
    narada(dir.path())
        .args(["--db", db_s, "import", "nowhere.csv"])
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("nowhere.csv: no such file or directory")
                .and(predicate::str::contains("os error").not()),
        );
    let file = dir.path().join("dup.jsonl");
    std::fs::write(
        &file,
        "{\"id\":\"x1\",\"text\":\"a\"}\n{\"id\":\"x1\",\"text\":\"b\"}\n",
    )
    .unwrap();
    narada(dir.path())
        .args(["--db", db_s, "import", file.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("id \"x1\" already used on line 1")
                .and(predicate::str::contains("Some(").not()),
        );
    // A JSON file cut short has no meaningful column: none is printed.
    let cut = dir.path().join("cut.json");
    std::fs::write(&cut, "").unwrap();
    narada(dir.path())
        .args([
            "--db",
            db_s,
            "import",
            cut.to_str().unwrap(),
            "--format",
            "json",
        ])
        .assert()
        .failure()
        .stderr(predicate::str::contains("column 0").not());
}

#[test]
fn a_command_waits_for_a_held_lock_says_who_holds_it_and_then_writes() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let db = db_with_session(dir.path(), "S");
    let db_s = db.to_str().unwrap();
    // This test process holds the write lock, as a long import would.
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("narada"))
        .env("NARADA_DATA_DIR", dir.path())
        .args(["--db", db_s, "card", "add", "Karta w czasie importu"])
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut told = String::new();
    stderr.read_line(&mut told).unwrap();
    assert!(told.contains("is locked by another program"), "{told}");
    assert!(
        told.contains(&format!("pid {}", std::process::id())),
        "the holder is named: {told}"
    );
    holder.execute_batch("COMMIT").unwrap();
    let status = child.wait().unwrap();
    assert!(status.success());
    narada(dir.path())
        .args(["--db", db_s, "card", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Karta w czasie importu"));
}

#[test]
fn cluster_file_mode_refuses_k_0_and_a_missing_text_and_reads_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("in.jsonl");
    let mut lines = String::from("\u{feff}");
    for (i, t) in [
        "Więcej ławek w parku",
        "Ławki przy placu zabaw",
        "Głosowanie przez internet",
        "Głosowanie w urzędzie",
    ]
    .iter()
    .enumerate()
    {
        let _ = writeln!(lines, "{{\"id\":{i},\"text\":\"{t}\"}}");
    }
    std::fs::write(&file, &lines).unwrap();
    let f = file.to_str().unwrap();
    narada(dir.path())
        .args(["cluster", "--input", f, "--k", "2"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"id\":3"));
    narada(dir.path())
        .args(["cluster", "--input", f, "--k", "0"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("0 is not in 1.."));
    std::fs::write(
        &file,
        "{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"txt\":\"b\"}\n",
    )
    .unwrap();
    narada(dir.path())
        .args(["cluster", "--input", f])
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("in.jsonl:2:")
                .and(predicate::str::contains("missing field `text`"))
                .and(predicate::str::contains("nothing was imported").not()),
        );
}

/// What `narada cluster --input FILE --k K` says on standard error (it must succeed).
fn cluster_summary(dir: &std::path::Path, file: &std::path::Path, k: &str) -> String {
    let out = narada(dir)
        .args(["cluster", "--input", file.to_str().unwrap(), "--k", k])
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    String::from_utf8(out).unwrap()
}

#[test]
fn cluster_says_when_identical_texts_leave_a_group_empty() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("same.jsonl");
    let mut lines = String::new();
    for i in 0..30 {
        let _ = writeln!(lines, "{{\"id\":{i},\"text\":\"Więcej ławek w parku\"}}");
    }
    std::fs::write(&file, lines).unwrap();
    let said = cluster_summary(dir.path(), &file, "3");
    assert!(
        said.contains("1 topic (k 3 given, 2 groups came out empty"),
        "{said}"
    );
}

#[test]
fn cluster_says_why_no_text_could_be_placed() {
    // Two texts without a word in common: nothing to place, and the summary says why
    // instead of reporting "k 0" for the k the user gave.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("apart.jsonl");
    std::fs::write(
        &file,
        "{\"id\":\"1\",\"text\":\"Park\"}\n{\"id\":\"2\",\"text\":\"Drzewa\"}\n",
    )
    .unwrap();
    let said = cluster_summary(dir.path(), &file, "1");
    assert!(
        said.contains("0 topics (no two texts share a word, so none could be placed"),
        "{said}"
    );
    assert!(!said.contains("k 0"), "{said}");
}

/// Writes `body` to `in.jsonl` in `dir` and checks that `narada cluster --input` refuses
/// it saying `said`, and writes no output file. The output path is absolute: the command
/// runs in the test's directory, which is the repository.
fn refused(dir: &std::path::Path, body: &str, said: &str) {
    let file = dir.join("in.jsonl");
    let out = dir.join("out.jsonl");
    std::fs::write(&file, body).unwrap();
    narada(dir)
        .args(["cluster", "--input", file.to_str().unwrap()])
        .args(["-o", out.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(predicate::str::contains(said));
    assert!(!out.exists());
}

#[test]
fn cluster_file_mode_says_what_a_line_should_be_and_refuses_an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("in.jsonl");
    // An array would be read as the object's fields in order; the line must be an object.
    std::fs::write(&file, "{\"id\":1,\"text\":\"a\"}\n  [1, \"b\"]\n").unwrap();
    narada(dir.path())
        .args(["cluster", "--input", file.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "in.jsonl:2: column 3: expected an object with `id` and `text`",
        ));
    for empty in ["", "\n \n"] {
        refused(dir.path(), empty, "in.jsonl: no texts to cluster");
    }
}

#[test]
fn cluster_file_mode_refuses_a_repeated_or_unusable_id() {
    let dir = tempfile::tempdir().unwrap();
    // The output is read back by id, so two lines with one id could not be told apart;
    // 1 and "1" are different ids.
    refused(
        dir.path(),
        "{\"id\":\"a\",\"text\":\"park\"}\n{\"id\":1,\"text\":\"park\"}\n{\"id\":\"a\",\"text\":\"ławki\"}\n",
        "in.jsonl:3: column 1: id \"a\" is used again (first on line 1)",
    );
    refused(
        dir.path(),
        "{\"id\":null,\"text\":\"park\"}\n",
        "in.jsonl:1: column 1: `id` must be a string or a number, not null",
    );
    let file = dir.path().join("in.jsonl");
    std::fs::write(
        &file,
        "{\"id\":1,\"text\":\"park miejski\"}\n{\"id\":\"1\",\"text\":\"park\"}\n",
    )
    .unwrap();
    narada(dir.path())
        .args(["cluster", "--input", file.to_str().unwrap()])
        .args(["-o", dir.path().join("out.jsonl").to_str().unwrap()])
        .assert()
        .success()
        .stderr(predicate::str::contains("2 texts → 1 topic ("));
}
