//! One error type for the library; the binary prints its `Display` and exits non-zero.

use std::path::Path;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: not a usable narada database ({reason}); the file was left unchanged")]
    NotNarada { path: String, reason: String },
    #[error(
        "{path}: database schema version {found} is newer than this narada knows ({known}); \
         upgrade narada to open it — the file was left unchanged"
    )]
    NewerSchema {
        path: String,
        found: i64,
        known: i64,
    },
    /// The file failed `PRAGMA quick_check` or `integrity_check`.
    #[error(
        "{path}: the database file is damaged ({detail}); nothing was written to it — \
         keep it aside and restore a backup (narada restore FILE; automatic backups are \
         in the backups folder beside it)"
    )]
    Damaged { path: String, detail: String },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A database error with the file it happened in (added at the command-line edge).
    #[error("{path}: database error: {source}")]
    Db {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    /// Bad input in a file: names the file, the line and the column; nothing was written.
    #[error(
        "{file}:{line}: {}{message} (nothing was written)",
        column_part(column)
    )]
    Input {
        file: String,
        line: u64,
        column: String,
        message: String,
    },
    #[error("{path}: {}", describe_io(source))]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Invalid(String),
    /// A merge stopped because cards were edited on both sides; nothing was written.
    #[error("{message}")]
    Conflicts {
        message: String,
        conflicts: Vec<crate::model::MergeConflict>,
    },
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// `column 3: ` — or nothing when the column is not known (empty, or 0 from a parser
/// that stopped at the end of the line).
fn column_part(column: &str) -> String {
    if column.is_empty() || column == "0" {
        String::new()
    } else {
        format!("column {column}: ")
    }
}

/// The common I/O failures in words, without the OS error number.
fn describe_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "no such file or directory".into(),
        ErrorKind::PermissionDenied => "permission denied".into(),
        ErrorKind::AlreadyExists => "already exists".into(),
        ErrorKind::IsADirectory => "is a directory".into(),
        ErrorKind::NotADirectory => "a part of the path is not a directory".into(),
        ErrorKind::StorageFull => "the disk is full".into(),
        ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        _ => e.to_string(),
    }
}

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.display().to_string(),
            source,
        }
    }
}
