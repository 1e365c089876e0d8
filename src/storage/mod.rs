//! The `SQLite` store: the only module that uses rusqlite.

pub mod backup;
pub mod baseline;
mod cards;
mod consultation;
pub mod coverage;
pub mod decisions;
pub(crate) mod events;
mod export_rows;
mod export_view;
mod fate_data;
pub mod health;
mod import;
pub mod lineage;
pub mod merge;
pub mod migrate;
pub mod outline;
pub mod outline_units;
pub mod privacy;
pub mod room;
pub mod room_votes;
mod rows;
pub mod run_plan;
pub mod runs;
mod search;
mod sessions;
pub mod topics;
pub mod undo;
pub mod waiting;

pub use cards::CardFilter;
pub use consultation::ConsultationPatch;
pub use import::{ImportOptions, ImportSummary};
pub use search::fts_query;

use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Who is typing ("entered by"), recorded on cards and lineage events when set.
    actor: Option<String>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (or creates) a database file and brings its schema up to date.
    ///
    /// A file that is not `SQLite`, is `SQLite` but not narada's, or was written by a newer
    /// narada is refused before anything is written to it.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_with(path, true)
    }

    /// As [`Store::open`], without the backup an older schema gets before it is
    /// migrated — for a file that is itself a backup.
    pub fn open_without_backup(path: &Path) -> Result<Store> {
        Self::open_with(path, false)
    }

    fn open_with(path: &Path, backup_before_migration: bool) -> Result<Store> {
        let label = path.display().to_string();
        let exists = path.exists();
        if exists {
            check_header(path)?;
        } else {
            create_private(path)?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| Error::NotNarada {
            path: label.clone(),
            reason: e.to_string(),
        })?;
        conn.busy_handler(Some(waiting::on_busy))?;
        waiting::set_file(path);
        check_identity(&conn, &label)?;
        // Nothing is written into a file that may be damaged (see `health`).
        if exists && !health::marked_clean(path) {
            health::quick_check(&conn, &label)?;
        }
        let version = migrate::user_version(&conn)?;
        if backup_before_migration && exists && version > 0 && version < migrate::LATEST {
            backup::auto_backup(path, &format!("before-migration-v{version}"))?;
        }
        Self::finish_open(conn, Some(path.to_path_buf()))
    }

    /// Opens a database for a command that only reads: as [`Store::open`], and when the
    /// file or its directory cannot be written (a read-only folder, a shared drive, a
    /// file marked read-only), read-only instead of failing.
    pub fn open_for_reading(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Self::open(path);
        }
        match Self::open(path) {
            Err(Error::Sqlite(e))
                if matches!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen)
                ) =>
            {
                Self::open_read_only(path)
            }
            other => other,
        }
    }

    /// Opens an existing database without ever writing to it. A file in WAL mode whose
    /// directory is not writable cannot get its shared-memory file; it is then read as
    /// immutable (nobody can write there either).
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let label = path.display().to_string();
        check_header(path)?;
        let open = |immutable: bool| -> Result<Connection> {
            let mut conn = if immutable {
                let uri = format!("file:{}?immutable=1", path.display());
                Connection::open_with_flags(
                    uri,
                    OpenFlags::SQLITE_OPEN_READ_ONLY
                        | OpenFlags::SQLITE_OPEN_URI
                        | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?
            } else {
                Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?
            };
            conn.busy_handler(Some(waiting::on_busy))?;
            check_identity(&conn, &label)?;
            Ok(conn)
        };
        let conn = match open(false) {
            Err(Error::Sqlite(_)) => open(true)?,
            other => other?,
        };
        if !health::marked_clean(path) {
            health::quick_check(&conn, &label)?;
        }
        let version = migrate::user_version(&conn)?;
        if version < migrate::LATEST {
            return Err(Error::Invalid(format!(
                "{label}: written by an older narada and read-only here, so it cannot be \
                 brought up to date; copy it somewhere writable (or let a writing command \
                 open it once)"
            )));
        }
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
            actor: None,
        })
    }

    /// A private database in memory, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        Self::finish_open(Connection::open_in_memory()?, None)
    }

    fn finish_open(mut conn: Connection, path: Option<PathBuf>) -> Result<Store> {
        conn.pragma_update(None, "foreign_keys", true)?;
        // WAL lets a reader (a second window, a backup) work while the TUI writes.
        let _mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        // FULL: a card reported as saved survives a power cut, at one fsync per
        // commit — negligible at typing speed, and bulk imports are one commit.
        conn.pragma_update(None, "synchronous", "FULL")?;
        // 8 MiB page cache (default 2 MiB): bulk imports touch several indexes at once;
        // the interface keeps three connections open, so more would cost memory.
        conn.pragma_update(None, "cache_size", -8_192)?;
        migrate::migrate_to(&mut conn, migrate::LATEST)?;
        // Writers take the lock when they begin, so two processes wait for each other
        // (busy timeout) instead of failing when a read turns into a write.
        conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
        Ok(Store {
            conn,
            path,
            actor: None,
        })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Sets who is entering data; stored as "entered by" on new cards and on events.
    pub fn set_actor(&mut self, actor: Option<String>) {
        self.actor = actor.filter(|a| !a.trim().is_empty());
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(migrate::user_version(&self.conn)?)
    }

    /// A per-database setting, such as the session used last.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}

/// Refuses files that are neither empty nor `SQLite` databases, without opening them.
pub(crate) fn check_header(path: &Path) -> Result<()> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    let label = path.display().to_string();
    if meta.is_dir() {
        return Err(Error::NotNarada {
            path: label,
            reason: "it is a directory".into(),
        });
    }
    if meta.len() == 0 {
        return Err(Error::NotNarada {
            path: label,
            reason: "it is empty (0 bytes); delete it to start a new database there".into(),
        });
    }
    let mut head = [0u8; 16];
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let n = file.read(&mut head).map_err(|e| Error::io(path, e))?;
    if n < 16 || &head != b"SQLite format 3\0" {
        return Err(Error::NotNarada {
            path: label,
            reason: "not an SQLite file".into(),
        });
    }
    Ok(())
}

/// Checks the application id and schema version of an existing file, read-only.
pub(crate) fn check_identity(conn: &Connection, label: &str) -> Result<()> {
    let not_narada = |reason: String| Error::NotNarada {
        path: label.to_owned(),
        reason,
    };
    // A malformed schema page is damage to a file that may well be narada's.
    // A file that cannot be opened for writing is no sign of a foreign file: the error
    // stays itself so that a reading command can retry read-only.
    let unreadable = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => Error::Damaged {
            path: label.to_owned(),
            detail: e.to_string(),
        },
        Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen) => Error::Sqlite(e),
        _ => not_narada(e.to_string()),
    };
    let app_id = migrate::application_id(conn).map_err(unreadable)?;
    let version = migrate::user_version(conn).map_err(unreadable)?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
        .map_err(unreadable)?;
    if app_id == 0 && version == 0 && objects == 0 {
        return Ok(()); // an empty database: ours to initialise
    }
    if app_id != migrate::APPLICATION_ID {
        return Err(not_narada(format!(
            "it is an SQLite database of another application (application_id {app_id:#x})"
        )));
    }
    if version > migrate::LATEST {
        return Err(Error::NewerSchema {
            path: label.to_owned(),
            found: version,
            known: migrate::LATEST,
        });
    }
    Ok(())
}

impl Store {
    /// Copies the WAL into the main file and truncates it, so the file stands alone.
    pub fn checkpoint(&self) -> Result<()> {
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }

    /// Closes the database after folding the WAL into the main file, so that the `.db`
    /// file alone holds everything and a copy of it is whole. `SQLite` does this by
    /// itself only when the last connection closes; the interface's reader threads (or
    /// another narada) may still hold theirs. When another connection is reading or
    /// writing, the WAL stays for a later close to fold: that is no error. Returns
    /// whether the WAL was folded.
    pub fn close(self) -> Result<bool> {
        let folded = self.path.is_some() && fold(&self.conn);
        self.conn.close().map_err(|(_, e)| Error::from(e))?;
        if let (true, Some(path)) = (folded, &self.path) {
            health::mark_clean(path);
        }
        Ok(folded)
    }
}

/// How long a closing connection waits for others to finish before it leaves the WAL
/// as it is: long enough for a read in progress, short enough not to hold up a quit.
const FOLD_WAIT: Duration = Duration::from_secs(1);

/// `wal_checkpoint(TRUNCATE)`, best effort: whether every frame was copied and the WAL
/// emptied. Idle connections do not block it; open read or write transactions do.
fn fold(conn: &Connection) -> bool {
    if conn.busy_timeout(FOLD_WAIT).is_err() {
        return false;
    }
    // The first column is 1 when the checkpoint was blocked (never an error for that).
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
        r.get::<_, i64>(0)
    })
    .is_ok_and(|busy| busy == 0)
}

/// Folds the WAL of the database at `path` into its main file through a connection of
/// its own, for when the `Store` that wrote it was consumed elsewhere (the interface).
/// Creates nothing; returns whether the WAL was folded.
pub fn fold_wal(path: &Path) -> bool {
    if !path.is_file() {
        return false;
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let Ok(conn) = Connection::open_with_flags(path, flags) else {
        return false;
    };
    let folded = fold(&conn);
    // A failed close leaves nothing behind to undo; the WAL is what tells.
    if conn.close().is_ok() && folded {
        health::mark_clean(path);
    }
    folded
}

impl Store {
    /// `PRAGMA integrity_check`: "ok" for a sound file, else the first problems found.
    pub fn integrity_check(&self) -> Result<String> {
        let mut st = self.conn.prepare("PRAGMA integrity_check(10)")?;
        let lines: Vec<String> = st
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(lines.join("; "))
    }
}

/// Resolves what a user typed against a list: an exact id or label (any case) wins,
/// else a unique prefix of a label (or of an id, from 4 characters on).
pub(crate) fn pick_one<'a, T>(
    all: &'a [T],
    reference: &str,
    id: impl Fn(&T) -> &str,
    label: impl Fn(&T) -> &str,
    what: &str,
    hint: &str,
) -> Result<&'a T> {
    let r = reference.trim();
    let lower = r.to_lowercase();
    let exact: Vec<&T> = all
        .iter()
        .filter(|x| id(x) == r || label(x).to_lowercase() == lower)
        .collect();
    let found = if exact.is_empty() {
        all.iter()
            .filter(|x| {
                (r.len() >= 4 && id(x).starts_with(r))
                    || label(x).to_lowercase().starts_with(&lower)
            })
            .collect()
    } else {
        exact
    };
    match found.as_slice() {
        [one] => Ok(one),
        [] => Err(Error::NotFound(format!(
            "no {what} matches {r:?} (see `{hint}`)"
        ))),
        many => Err(Error::Invalid(format!(
            "{r:?} matches {} {what}s: {}",
            many.len(),
            many.iter().map(|x| label(x)).collect::<Vec<_>>().join("; ")
        ))),
    }
}

/// Creates a new, empty database file readable by its owner only (its WAL and
/// shared-memory files inherit that), in a directory that must exist already: a
/// mistyped `--db` never creates directories.
fn create_private(path: &Path) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(Error::Invalid(format!(
            "{}: no such directory; narada creates a database only in an existing one",
            dir.display()
        )));
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map_err(|e| Error::io(path, e))?;
    Ok(())
}

/// Creates a directory (and its parents) readable by its owner only, for narada's own
/// data and backups.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| Error::io(dir, e))
}

/// Removes a database file with its WAL and shared-memory companions.
pub fn remove_db_files(path: &Path) -> Result<()> {
    health::unmark(path);
    for suffix in ["", "-wal", "-shm"] {
        let p = std::path::PathBuf::from(format!("{}{suffix}", path.display()));
        match std::fs::remove_file(&p) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&p, e)),
        }
    }
    Ok(())
}
