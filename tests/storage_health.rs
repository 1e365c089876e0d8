//! Damaged and unusual database files: nothing is ever written into a damaged file,
//! new files and directories appear only where asked, copies are private and whole.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use narada::error::Error;
use narada::model::{CardDraft, CardKind, SessionDraft, SessionKind};
use narada::storage::Store;
use predicates::prelude::*;
use std::path::Path;

#[path = "support/cli.rs"]
mod cli_support;
use cli_support::narada;

/// A database of a few hundred cards, closed clean (so it carries a mark).
fn filled_db(path: &Path) {
    let mut store = Store::open(path).unwrap();
    let session = store
        .add_session(&SessionDraft::new("Szkolenie 1", SessionKind::Training))
        .unwrap();
    for i in 0..400 {
        let mut draft = CardDraft::new(
            &session.id,
            CardKind::Proposal,
            &format!(
                "Propozycja numer {i}: więcej ławek i drzew przy szkole, dłuższy nabór wniosków"
            ),
        );
        draft.tags = vec![format!("t{}", i % 7)];
        store.add_card(&draft).unwrap();
    }
    store.close().unwrap();
}

/// A small deterministic generator (the test must not depend on a seed from outside).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

#[test]
fn a_copy_with_random_bytes_in_its_middle_is_refused_before_any_write() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.db");
    filled_db(&good);
    let bytes = std::fs::read(&good).unwrap();
    assert!(bytes.len() > 64 * 1024, "{} bytes", bytes.len());
    let mut rng = Lcg(7);
    for round in 0..24 {
        let mut damaged = bytes.clone();
        // Past the header page, 8 KiB of noise somewhere in the file.
        let span = damaged.len() - 8192 - 8192;
        let at = 8192 + (rng.next() as usize % span);
        for b in &mut damaged[at..at + 8192] {
            *b = rng.next() as u8;
        }
        let copy = dir.path().join(format!("copy{round}.db"));
        std::fs::write(&copy, &damaged).unwrap();
        let refused = Store::open(&copy);
        assert!(
            matches!(refused, Err(Error::Damaged { .. })),
            "round {round} (noise at {at}): {:?}",
            refused.err()
        );
        assert_eq!(
            std::fs::read(&copy).unwrap(),
            damaged,
            "round {round}: the file was changed"
        );
        assert!(!Path::new(&format!("{}-wal", copy.display())).exists());
    }
}

#[test]
fn a_clean_close_lets_the_next_open_skip_the_check_until_the_file_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    filled_db(&db);
    assert!(narada::storage::health::marked_clean(&db));
    // Damage written after the clean close changes the file: the next open checks it.
    let mut bytes = std::fs::read(&db).unwrap();
    let at = bytes.len() / 2;
    bytes[at..at + 8192].fill(0x5a);
    std::fs::write(&db, &bytes).unwrap();
    assert!(!narada::storage::health::marked_clean(&db));
    assert!(matches!(Store::open(&db), Err(Error::Damaged { .. })));
}

#[test]
fn card_add_into_a_damaged_file_fails_and_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    filled_db(&db);
    let mut bytes = std::fs::read(&db).unwrap();
    let at = bytes.len() / 3;
    bytes[at..at + 8192].fill(0xff);
    std::fs::write(&db, &bytes).unwrap();
    narada(dir.path())
        .args(["--db", db.to_str().unwrap(), "card", "add", "Nowa karta"])
        .assert()
        .failure()
        .stderr(
            predicate::str::contains("the database file is damaged")
                .and(predicate::str::contains("restore")),
        );
    narada(dir.path())
        .args(["--db", db.to_str().unwrap(), "backup", "--to"])
        .arg(dir.path().join("b.db"))
        .assert()
        .failure();
    assert!(!dir.path().join("b.db").exists());
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
}

#[test]
fn new_files_appear_only_where_asked() {
    let dir = tempfile::tempdir().unwrap();
    // A zero-length file is not silently made a database.
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    narada(dir.path())
        .args(["--db", empty.to_str().unwrap(), "session", "list"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("empty (0 bytes)"));
    assert_eq!(std::fs::metadata(&empty).unwrap().len(), 0);
    // A --db in a directory that does not exist creates no directories.
    let nested = dir.path().join("no/such/dir/x.db");
    narada(dir.path())
        .args(["--db", nested.to_str().unwrap(), "session", "list"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("no such directory"));
    assert!(!dir.path().join("no").exists());
    // A new file in an existing directory is made, and the user is told.
    let fresh = dir.path().join("fresh.db");
    narada(dir.path())
        .args(["--db", fresh.to_str().unwrap(), "session", "list"])
        .assert()
        .success()
        .stderr(predicate::str::contains("created a new database"));
    // A bundle into a directory that does not exist creates none.
    narada(dir.path())
        .args(["--db", fresh.to_str().unwrap(), "bundle", "export"])
        .arg(dir.path().join("nonexist/x.bundle"))
        .assert()
        .failure();
    assert!(!dir.path().join("nonexist").exists());
}

#[cfg(unix)]
#[test]
fn databases_backups_and_bundles_are_private_and_bundles_stand_alone() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    // The default database in narada's own data directory.
    narada(&data)
        .args(["session", "add", "Szkolenie 1"])
        .assert()
        .success();
    let db = data.join("narada.db");
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&db), 0o600);
    narada(&data).args(["backup"]).assert().success();
    let backups = data.join("backups");
    assert_eq!(mode(&backups), 0o700);
    for f in std::fs::read_dir(&backups).unwrap() {
        assert_eq!(mode(&f.unwrap().path()), 0o600);
    }
    let bundle = dir.path().join("out.bundle");
    narada(&data)
        .args(["bundle", "export"])
        .arg(&bundle)
        .assert()
        .success();
    assert_eq!(mode(&bundle), 0o600);
    for companion in ["-wal", "-shm", "-journal"] {
        let p = format!("{}{companion}", bundle.display());
        assert!(!Path::new(&p).exists(), "{p} left beside the bundle");
    }
}

#[test]
fn a_merge_of_a_missing_file_writes_no_backup_and_stale_partials_are_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    filled_db(&db);
    let backups = dir.path().join("backups");
    std::fs::create_dir(&backups).unwrap();
    // What a backup killed half-way leaves behind, an hour ago.
    let partial = backups.join("x-2026-01-01T00-00-00Z-before-import.partial");
    let journal = backups.join("x-2026-01-01T00-00-00Z-before-import.partial-journal");
    for p in [&partial, &journal] {
        let f = std::fs::File::create(p).unwrap();
        f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_hours(1))
            .unwrap();
    }
    narada(dir.path())
        .args(["--db", db.to_str().unwrap(), "merge", "missing.db"])
        .assert()
        .failure()
        .stderr(predicate::str::contains(
            "missing.db: no such file or directory",
        ));
    let count = || std::fs::read_dir(&backups).unwrap().count();
    assert_eq!(count(), 2, "no backup for a merge that cannot start");
    narada(dir.path())
        .args(["--db", db.to_str().unwrap(), "backup"])
        .assert()
        .success();
    assert!(!partial.exists() && !journal.exists());
    assert_eq!(count(), 1);
}

#[test]
fn a_read_only_store_reads_and_never_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    filled_db(&db);
    let before = std::fs::read(&db).unwrap();
    let mut store = Store::open_read_only(&db).unwrap();
    assert_eq!(
        store
            .cards(&narada::storage::CardFilter::default())
            .unwrap()
            .len(),
        400
    );
    assert!(
        store
            .add_session(&SessionDraft::new("Nowa", SessionKind::Other))
            .is_err()
    );
    drop(store);
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn reading_commands_work_in_a_read_only_directory() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let shelf = dir.path().join("shelf");
    std::fs::create_dir(&shelf).unwrap();
    let db = shelf.join("x.db");
    filled_db(&db);
    let set = |p: &Path, mode: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    // Root ignores permissions; then the commands run as `nobody` through setpriv.
    let privileged = std::fs::write(shelf.join("probe"), b"").is_ok();
    let _ = std::fs::remove_file(shelf.join("probe"));
    let as_nobody = privileged
        && std::process::Command::new("setpriv")
            .arg("--version")
            .output()
            .is_ok();
    if privileged && !as_nobody {
        eprintln!("skipped: privileged and no setpriv to drop the privileges");
        return;
    }
    if as_nobody {
        let owned = std::process::Command::new("chown")
            .args(["-R", "65534:65534"])
            .arg(dir.path())
            .status()
            .unwrap();
        assert!(owned.success());
    }
    set(&db, 0o444);
    set(&shelf, 0o555);
    let run = |args: &[&str]| {
        let bin = assert_cmd::cargo::cargo_bin("narada");
        let mut cmd = if as_nobody {
            let mut c = std::process::Command::new("setpriv");
            c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
                .arg(&bin);
            c
        } else {
            std::process::Command::new(&bin)
        };
        cmd.env("NARADA_DATA_DIR", dir.path())
            .env("HOME", dir.path())
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .unwrap()
    };
    let listed = run(&["card", "list", "--format", "json"]);
    assert!(listed.status.success(), "{listed:?}");
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Propozycja numer 399"));
    let exported = run(&["export", "--format", "md"]);
    assert!(exported.status.success(), "{exported:?}");
    let added = run(&["card", "add", "Nowa"]);
    assert!(!added.status.success());
    assert!(
        String::from_utf8_lossy(&added.stderr).contains("cannot be written here"),
        "{added:?}"
    );
    set(&shelf, 0o755);
}
