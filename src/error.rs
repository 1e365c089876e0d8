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
    #[error("{file}:{line}: column {column}: {message} (nothing was imported)")]
    Input {
        file: String,
        line: u64,
        column: String,
        message: String,
    },
    #[error("{path}: {source}")]
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

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.display().to_string(),
            source,
        }
    }
}
