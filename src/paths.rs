//! Where narada keeps its files: the OS data directory from `directories`, unless
//! `--db` or `NARADA_DB` name a database file (or `NARADA_DATA_DIR` a data directory).

use crate::error::{Error, Result};
use serde::Serialize;
use std::path::{Path, PathBuf};

pub const DB_FILE: &str = "narada.db";
pub const DEMO_FILE: &str = "demo.db";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paths {
    pub data_dir: PathBuf,
    pub config_dir: PathBuf,
    /// The database this invocation works on.
    pub db: PathBuf,
    /// What chose `db`: `--db`, `NARADA_DB` or `default`.
    pub db_source: &'static str,
    /// Where `narada demo` writes when no `--db` is given.
    pub demo_db: PathBuf,
}

impl Paths {
    /// Resolves the paths from the `--db` flag and the environment.
    pub fn resolve(db_flag: Option<&Path>) -> Result<Paths> {
        let env_path = |name: &str| {
            std::env::var_os(name)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let dirs = directories::ProjectDirs::from("org", "narada", "narada");
        let data_dir = match (env_path("NARADA_DATA_DIR"), &dirs) {
            (Some(d), _) => d,
            (None, Some(d)) => d.data_dir().to_path_buf(),
            (None, None) => {
                return Err(Error::Invalid(
                    "cannot find a home directory for narada's data; pass --db PATH".into(),
                ));
            }
        };
        let config_dir = match (env_path("NARADA_CONFIG_DIR"), &dirs) {
            (Some(d), _) => d,
            (None, Some(d)) => d.config_dir().to_path_buf(),
            (None, None) => data_dir.clone(),
        };
        let (db, db_source) = match (db_flag, env_path("NARADA_DB")) {
            (Some(p), _) => (p.to_path_buf(), "--db"),
            (None, Some(p)) => (p, "NARADA_DB"),
            (None, None) => (data_dir.join(DB_FILE), "default"),
        };
        Ok(Paths {
            demo_db: data_dir.join(DEMO_FILE),
            data_dir,
            config_dir,
            db,
            db_source,
        })
    }
}
