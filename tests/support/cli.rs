//! The `narada` binary for end-to-end tests, shared by the command-line test files.
#![allow(dead_code)] // each test file uses a different part

use assert_cmd::Command;
use std::path::Path;

/// The binary with an isolated data directory, so nothing touches the user's files.
pub fn narada(data: &Path) -> Command {
    let mut cmd = Command::cargo_bin("narada").unwrap();
    cmd.env("NARADA_DATA_DIR", data)
        .env("NARADA_CONFIG_DIR", data.join("config"))
        .env_remove("NARADA_DB")
        .env_remove("NARADA_USER")
        // A card's history is told in the interface's language, which follows the locale.
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    cmd
}

/// A new database `x.db` in `dir` holding one session, as most card tests start.
pub fn db_with_session(dir: &Path, title: &str) -> std::path::PathBuf {
    let db = dir.join("x.db");
    narada(dir)
        .arg("--db")
        .arg(&db)
        .args(["session", "add", title])
        .assert()
        .success();
    db
}
