//! Backups with `SQLite`'s online backup API: a consistent copy even while another
//! process writes. Automatic ones are kept in `backups/` beside the database, rotated.

use super::Store;
use crate::error::{Error, Result};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How many automatic backups of one database are kept.
pub const KEEP_BACKUPS: usize = 10;

/// Copies the database behind `src` into a new file at `dest`, after checking that
/// `src` is sound: a damaged file is never passed on as if it were a good copy. The
/// copy is readable by its owner only and stands alone (no WAL beside it).
fn copy_db(src: &Connection, label: &str, dest: &Path) -> Result<()> {
    if dest.exists() {
        return Err(Error::Invalid(format!("{} already exists", dest.display())));
    }
    super::health::quick_check(src, label)?;
    // The writer's pid in the name tells a later backup whether it is still running.
    let tmp = dest.with_extension(format!("partial-{}", std::process::id()));
    super::remove_db_files(&tmp)?;
    let result = (|| -> Result<()> {
        super::create_private(&tmp)?;
        let mut out = Connection::open(&tmp)?;
        {
            let backup = rusqlite::backup::Backup::new(src, &mut out)?;
            backup.run_to_completion(256, Duration::from_millis(5), None)?;
        }
        let _mode: String =
            out.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
        out.close().map_err(|(_, e)| Error::from(e))?;
        std::fs::rename(&tmp, dest).map_err(|e| Error::io(dest, e))
    })();
    if result.is_err() {
        let _ = super::remove_db_files(&tmp);
        let _ = std::fs::remove_file(journal_of(&tmp));
    }
    result
}

/// The rollback journal `SQLite` keeps beside a file while it is written.
fn journal_of(path: &Path) -> PathBuf {
    PathBuf::from(format!("{}-journal", path.display()))
}

/// The name automatic backups of `db` start with.
fn stem_of(db: &Path) -> String {
    db.file_stem()
        .map_or_else(|| "narada".into(), |s| s.to_string_lossy().into_owned())
}

/// Where automatic backups of `db` go.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("backups")
}

fn stamp() -> String {
    crate::model::now_rfc3339().replace([':', '.'], "-")
}

/// Backs up the database file at `db` (if it exists and has content) before `reason`,
/// through a read-only connection, and prunes older automatic backups.
pub fn auto_backup(db: &Path, reason: &str) -> Result<Option<PathBuf>> {
    if std::fs::metadata(db).map_or(0, |m| m.len()) == 0 {
        return Ok(None);
    }
    let src = Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let stem = stem_of(db);
    let dir = backup_dir(db);
    super::create_private_dir(&dir)?;
    remove_stale_partials(&dir);
    let dest = dir.join(format!("{stem}-{}-{reason}.db", stamp()));
    copy_db(&src, &db.display().to_string(), &dest)?;
    prune(&dir, &stem)?;
    Ok(Some(dest))
}

/// Removes what a backup killed half-way left behind (`….partial-PID` and its journal):
/// at once when that process is gone (Linux tells through /proc), else once it is old
/// enough that no backup can still be writing it.
fn remove_stale_partials(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let old = |p: &Path| {
        std::fs::metadata(p)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > Duration::from_mins(10))
    };
    let writer_gone = |pid: &str| {
        pid.parse::<u32>().is_ok_and(|pid| {
            pid != std::process::id()
                && Path::new("/proc/self").exists()
                && !Path::new(&format!("/proc/{pid}")).exists()
        })
    };
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        let Some((_, tail)) = name.rsplit_once(".partial") else {
            continue;
        };
        let pid = tail.trim_start_matches('-').trim_end_matches("-journal");
        if writer_gone(pid) || old(&path) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// The automatic backups of one database in `dir`, oldest first.
fn backups_of(dir: &Path, stem: &str) -> Result<Vec<PathBuf>> {
    let prefix = format!("{stem}-");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "db")
                && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                    n.starts_with(&prefix)
                        && n[prefix.len()..].starts_with(|c: char| c.is_ascii_digit())
                })
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The automatic backups of the database at `db`, oldest first (none when it has no
/// backups folder yet).
pub fn automatic_backups(db: &Path) -> Result<Vec<PathBuf>> {
    let dir = backup_dir(db);
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let stem = stem_of(db);
    backups_of(&dir, &stem)
}

/// Keeps the newest `KEEP_BACKUPS` automatic backups of one database.
fn prune(dir: &Path, stem: &str) -> Result<()> {
    let files = backups_of(dir, stem)?;
    let excess = files.len().saturating_sub(KEEP_BACKUPS);
    for old in &files[..excess] {
        std::fs::remove_file(old).map_err(|e| Error::io(old, e))?;
    }
    Ok(())
}

impl Store {
    /// Writes a consistent copy of this database to `dest` (which must not exist).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        let label = self
            .path
            .as_ref()
            .map_or_else(|| ":memory:".into(), |p| p.display().to_string());
        copy_db(&self.conn, &label, dest)
    }

    /// An automatic backup of this store's file before a risky operation.
    pub fn auto_backup(&self, reason: &str) -> Result<Option<PathBuf>> {
        match &self.path {
            Some(p) => auto_backup(p, reason),
            None => Ok(None),
        }
    }

    /// Replaces this database's content with the narada database at `src`, after checking
    /// it and backing up the current content. One step: readers see the old or the new.
    pub fn restore_from(&mut self, src: &Path) -> Result<Option<PathBuf>> {
        let checked = Store::open_checked_readonly(src)?;
        let saved = self.auto_backup("before-restore")?;
        {
            let backup = rusqlite::backup::Backup::new(&checked, &mut self.conn)?;
            backup.run_to_completion(256, Duration::from_millis(5), None)?;
        }
        // A restored older backup is brought up to the current schema.
        super::migrate::migrate_to(&mut self.conn, super::migrate::LATEST)?;
        Ok(saved)
    }

    /// Opens another narada database read-only after checking its identity, version and
    /// integrity — for restores, merges and bundle imports. Nothing is written to it.
    pub fn open_checked_readonly(path: &Path) -> Result<Connection> {
        let label = path.display().to_string();
        if !path.exists() {
            return Err(Error::NotFound(format!("{label}: no such file")));
        }
        super::check_header(path)?;
        let conn = Connection::open_with_flags(
            path,
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| Error::NotNarada {
            path: label.clone(),
            reason: e.to_string(),
        })?;
        super::check_identity(&conn, &label)?;
        let ok: String = conn
            .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
            .map_err(|e| Error::NotNarada {
                path: label.clone(),
                reason: e.to_string(),
            })?;
        if ok != "ok" {
            return Err(Error::NotNarada {
                path: label,
                reason: format!("damaged: {ok}"),
            });
        }
        Ok(conn)
    }
}
