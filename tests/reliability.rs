//! Crash safety (SIGKILL at random points), two processes on one database, fuzzed
//! import parsers, and anonymisation.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use narada::import::{self, Format};
use narada::storage::{CardFilter, Store};
use proptest::prelude::*;
use std::fmt::Write as _;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

fn bin() -> String {
    assert_cmd::cargo::cargo_bin("narada").display().to_string()
}

fn card_count(db: &Path) -> usize {
    let store = Store::open(db).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    store
        .cards(&CardFilter {
            include_deleted: true,
            ..CardFilter::default()
        })
        .unwrap()
        .len()
}

/// A small deterministic generator, so every run kills at the same spread of moments.
fn delays(n: usize, max_ms: u64) -> Vec<u64> {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % max_ms
        })
        .collect()
}

/// SIGKILL to the process group we created for the child (through kill(1), so the
/// tests need no unsafe code).
fn kill_group(child: &std::process::Child) {
    // The group may be gone already; then there is nothing to kill.
    let _ = std::process::Command::new("kill")
        .args(["-s", "KILL", "--", &format!("-{}", child.id())])
        .status();
}

#[test]
fn killing_a_bulk_import_leaves_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.jsonl");
    let lines: String = (0..20_000).fold(String::new(), |mut s, i| {
        let _ = writeln!(
            s,
            "{{\"id\":\"k{i}\",\"text\":\"Karta numer {i} o głosowaniu\",\"session\":\"S\"}}"
        );
        s
    });
    std::fs::write(&file, lines).unwrap();
    for (round, ms) in delays(8, 600).into_iter().enumerate() {
        let db = dir.path().join(format!("kill{round}.db"));
        let mut child = Command::new(bin())
            .args([
                "--db",
                db.to_str().unwrap(),
                "import",
                file.to_str().unwrap(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        kill_group(&child);
        let status = child.wait().unwrap();
        if !db.exists() {
            continue; // killed before the file was created
        }
        let n = card_count(&db);
        assert!(
            n == 0 || n == 20_000,
            "round {round} ({ms} ms, {status}): {n} cards"
        );
    }
}

#[test]
fn killing_rapid_capture_never_loses_a_card_reported_saved() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cap.db");
    let db_s = db.to_str().unwrap().to_owned();
    Command::new(bin())
        .args(["--db", &db_s, "session", "add", "Warsztat"])
        .output()
        .unwrap();
    let mut total_saved = 0;
    for (round, ms) in delays(6, 400).into_iter().enumerate() {
        let log = dir.path().join(format!("saved{round}.txt"));
        let script = format!(
            "for i in $(seq 1 500); do \"{bin}\" --db \"{db_s}\" card add \"r{round} karta $i\" >/dev/null && echo \"r{round} karta $i\" >> \"{log}\"; done",
            bin = bin(),
            log = log.display()
        );
        let mut child = Command::new("bash")
            .args(["-c", &script])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(100 + ms));
        kill_group(&child);
        child.wait().unwrap();
        let saved = std::fs::read_to_string(&log).unwrap_or_default();
        let store = Store::open(&db).unwrap();
        assert_eq!(store.integrity_check().unwrap(), "ok", "round {round}");
        let texts: std::collections::BTreeSet<String> = store
            .cards(&CardFilter::default())
            .unwrap()
            .into_iter()
            .map(|c| c.text)
            .collect();
        for line in saved.lines() {
            assert!(
                texts.contains(line),
                "round {round}: {line:?} was reported saved but is missing"
            );
            total_saved += 1;
        }
    }
    assert!(total_saved > 0, "the capture loop never got to save a card");
}

#[test]
fn two_processes_can_write_to_one_database_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("two.db");
    let db_s = db.to_str().unwrap().to_owned();
    Command::new(bin())
        .args(["--db", &db_s, "session", "add", "Warsztat"])
        .output()
        .unwrap();
    let spawn = |who: &str| {
        let script = format!(
            "for i in $(seq 1 25); do \"{bin}\" --db \"{db_s}\" card add \"{who} $i\" >/dev/null || exit 1; done",
            bin = bin()
        );
        Command::new("bash").args(["-c", &script]).spawn().unwrap()
    };
    let (mut a, mut b) = (spawn("A"), spawn("B"));
    assert!(a.wait().unwrap().success());
    assert!(b.wait().unwrap().success());
    assert_eq!(card_count(&db), 50);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Any bytes: a parsed file or a clear error naming the file — never a panic.
    #[test]
    fn import_parsers_never_panic_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        for format in [Format::Csv, Format::Json, Format::Jsonl] {
            match import::parse("fuzz.txt", &bytes, format) {
                Ok(records) => prop_assert!(!records.is_empty()),
                Err(e) => prop_assert!(e.to_string().starts_with("fuzz.txt:"), "{}", e),
            }
        }
    }

    /// Structured but hostile CSV: quotes, separators, Polish letters and control bytes.
    #[test]
    fn import_parsers_never_panic_on_csv_like_text(body in "[a-zł,;\"\\n\\r\\t #@ż0-9\\x00]{0,300}") {
        let text = format!("text,kind,votes,tags\n{body}");
        if let Err(e) = import::parse("fuzz.csv", text.as_bytes(), Format::Csv) {
            prop_assert!(e.to_string().starts_with("fuzz.csv:"), "{}", e);
        }
    }
}

#[test]
fn anonymise_replaces_speakers_everywhere_and_is_stable() {
    let mut store = Store::open_in_memory().unwrap();
    let csv = "text,speaker,session\nA,Jan Kowalski,S\nB,seniorka,S\nC,Jan Kowalski,S\n";
    let recs = import::parse("a.csv", csv.as_bytes(), Format::Csv).unwrap();
    store
        .import_records(
            &recs,
            &narada::storage::ImportOptions::default(),
            &mut |_, _| {},
        )
        .unwrap();
    let first = store.find_card("1").unwrap();
    store
        .edit_card(
            &first.id,
            &narada::model::CardPatch {
                speaker: Some(Some("Anna Nowak".into())),
                ..Default::default()
            },
        )
        .unwrap();
    let dry = store.anonymise(true).unwrap();
    assert_eq!(dry.len(), 3);
    assert_eq!(
        store.find_card("2").unwrap().speaker.as_deref(),
        Some("seniorka"),
        "dry run writes nothing"
    );
    store.anonymise(false).unwrap();
    let speakers: Vec<Option<String>> = store
        .cards(&CardFilter::default())
        .unwrap()
        .into_iter()
        .map(|c| c.speaker)
        .collect();
    assert_eq!(
        speakers,
        vec![
            Some("Osoba 1".into()),
            Some("Osoba 2".into()),
            Some("Osoba 3".into())
        ]
    );
    assert!(
        store.search("kowalski", 5).unwrap().is_empty(),
        "the search index forgot the name"
    );
    let history = store.card_history(&first.id).unwrap();
    assert!(
        history
            .iter()
            .all(|e| !e.detail.clone().unwrap_or_default().contains("Kowalski"))
    );
    assert!(
        store.anonymise(false).unwrap().is_empty(),
        "a second run changes nothing"
    );
}

/// Whether `needle` appears anywhere in the raw bytes of a file (what `strings` shows).
fn raw_contains(path: &Path, needle: &str) -> bool {
    let bytes = std::fs::read(path).unwrap();
    bytes
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[test]
fn after_anonymise_the_raw_file_holds_no_old_speaker_and_backups_are_dealt_with() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let csv = dir.path().join("k.csv");
    let mut rows = String::from("text,speaker,session\n");
    for i in 0..300 {
        let who = if i % 3 == 0 {
            "Zbygniewa Qwertynska"
        } else {
            "radna"
        };
        let _ = writeln!(rows, "Karta {i} o budżecie obywatelskim,{who},S");
    }
    std::fs::write(&csv, rows).unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(bin())
            .env("NARADA_DATA_DIR", dir.path())
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    run(&["import", csv.to_str().unwrap()]);
    run(&["backup"]);
    assert!(raw_contains(&db, "qwertynska"), "the name is there before");
    let note = run(&["anonymise"]);
    for file in [db.clone(), dir.path().join("w.db-wal")] {
        if file.exists() {
            assert!(!raw_contains(&file, "qwertynska"), "{}", file.display());
        }
    }
    assert!(note.contains("still hold the old values"), "{note}");
    let backups: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert!(backups.iter().any(|b| raw_contains(b, "qwertynska")));
    run(&["anonymise", "--backups", "anonymise"]);
    for b in &backups {
        assert!(!raw_contains(b, "qwertynska"), "{}", b.display());
    }
    // The same person has the same pseudonym in the database and its backups.
    let backup = Store::open(&backups[0]).unwrap();
    assert_eq!(
        backup.find_card("1").unwrap().speaker,
        Store::open(&db).unwrap().find_card("1").unwrap().speaker
    );
    drop(backup);
    run(&["anonymise", "--backups", "purge"]);
    let left = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .count();
    assert_eq!(left, 0);
}

#[test]
fn killing_a_backup_leaves_no_half_copy_for_long() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    let file = dir.path().join("big.jsonl");
    let lines: String = (0..30_000).fold(String::new(), |mut s, i| {
        let _ = writeln!(
            s,
            "{{\"id\":\"k{i}\",\"text\":\"Karta numer {i} o głosowaniu i ocenie projektów\",\"session\":\"S\"}}"
        );
        s
    });
    std::fs::write(&file, lines).unwrap();
    let run = |args: &[&str]| {
        Command::new(bin())
            .arg("--db")
            .arg(&db)
            .args(args)
            .env("NARADA_DATA_DIR", dir.path())
            .output()
            .unwrap()
    };
    assert!(run(&["import", file.to_str().unwrap()]).status.success());
    let backups = dir.path().join("backups");
    let partials = || {
        std::fs::read_dir(&backups).map_or(0, |d| {
            d.filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().contains(".partial"))
            })
            .count()
        })
    };
    let mut left_behind = 0;
    for ms in delays(6, 300) {
        let mut child = Command::new(bin())
            .arg("--db")
            .arg(&db)
            .arg("backup")
            .env("NARADA_DATA_DIR", dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(ms));
        kill_group(&child);
        let _ = child.wait();
        left_behind += partials();
        // Whatever a killed backup finished is a whole database.
        for entry in std::fs::read_dir(&backups).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|x| x == "db") {
                Store::open_checked_readonly(&path).unwrap();
            }
        }
        // The next backup removes what the killed one left, at once.
        assert!(run(&["backup"]).status.success());
        assert_eq!(partials(), 0, "after a kill at {ms} ms");
    }
    eprintln!("{left_behind} half copies were left by the kills and cleaned up");
    assert_eq!(card_count(&db), 30_000);
}
