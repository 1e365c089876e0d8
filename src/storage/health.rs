//! Whether a database file is sound before anything is written into it.
//!
//! `PRAGMA quick_check` reads every page — about 1.5 s for 100,000 cards — too slow for
//! each `narada card add`. So a clean close leaves a mark beside the file (its size and
//! modification time then); an open that finds the file exactly as marked skips the
//! check, and any other change to the file (another program, a disk error, a copy)
//! makes the next open check every page before writing.

use crate::error::{Error, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// The hidden file that remembers how `db` looked when narada last closed it clean.
pub fn mark_path(db: &Path) -> PathBuf {
    let name = db
        .file_name()
        .map_or_else(|| "narada.db".into(), |n| n.to_string_lossy().into_owned());
    db.with_file_name(format!(".{name}.checked"))
}

/// Size and modification time (ns) of a file, as the mark records them.
fn fingerprint(db: &Path) -> Option<String> {
    let meta = std::fs::metadata(db).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some(format!("{} {}", meta.len(), modified.as_nanos()))
}

/// Whether the file is exactly as a clean close left it.
pub fn marked_clean(db: &Path) -> bool {
    match (std::fs::read_to_string(mark_path(db)), fingerprint(db)) {
        (Ok(mark), Some(now)) => mark.trim() == now,
        _ => false,
    }
}

/// Records the file as it is now (after its WAL was folded into it). Best effort: without
/// the mark the next open checks the file, which is safe.
pub fn mark_clean(db: &Path) {
    use std::io::Write;
    let Some(now) = fingerprint(db) else { return };
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    // Private like the database beside it.
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    if let Ok(mut file) = options.open(mark_path(db)) {
        let _ = file.write_all(now.as_bytes());
    }
}

/// Forgets the mark, so the next open checks every page.
pub fn unmark(db: &Path) {
    let _ = std::fs::remove_file(mark_path(db));
}

/// `PRAGMA quick_check` on an open connection: `Err(Damaged)` with the first problems.
pub fn quick_check(conn: &Connection, label: &str) -> Result<()> {
    let damaged = |detail: String| Error::Damaged {
        path: label.to_owned(),
        detail,
    };
    let mut st = conn
        .prepare("PRAGMA quick_check(3)")
        .map_err(|e| damaged(e.to_string()))?;
    let lines: Vec<String> = st
        .query_map([], |r| r.get(0))
        .and_then(Iterator::collect)
        .map_err(|e| damaged(e.to_string()))?;
    if lines == ["ok"] {
        Ok(())
    } else {
        Err(damaged(lines.join("; ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_holds_until_the_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.db");
        std::fs::write(&db, b"one").unwrap();
        assert!(!marked_clean(&db));
        mark_clean(&db);
        assert!(marked_clean(&db));
        assert_eq!(mark_path(&db), dir.path().join(".x.db.checked"));
        std::fs::write(&db, b"two!").unwrap();
        assert!(!marked_clean(&db));
        mark_clean(&db);
        unmark(&db);
        assert!(!marked_clean(&db));
    }
}
