//! Waiting for another program's write lock. `SQLite` calls [`on_busy`] while the file is
//! locked; the interface keeps its short wait (a frozen screen is worse than a message),
//! while a command waits up to two minutes and, after a few seconds, tells the person
//! who holds the file instead of failing with a bare "database is locked".

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// How long the interface waits, and how long a command does.
const QUIET_LIMIT: Duration = Duration::from_secs(5);
pub const COMMAND_LIMIT: Duration = Duration::from_mins(2);
/// When a command starts to say that it waits.
const TELL_AFTER: Duration = Duration::from_secs(3);

static COMMAND_LINE: AtomicBool = AtomicBool::new(false);
static FILE: Mutex<Option<PathBuf>> = Mutex::new(None);

thread_local! {
    static STARTED: std::cell::Cell<Option<(Instant, bool)>> = const { std::cell::Cell::new(None) };
}

/// Called once by the command line: waits get long and are told on standard error.
pub fn speak_on_command_line() {
    COMMAND_LINE.store(true, Ordering::Relaxed);
}

/// Remembers the file the messages name.
pub(super) fn set_file(path: &Path) {
    if let Ok(mut f) = FILE.lock() {
        *f = Some(path.to_path_buf());
    }
}

/// The busy handler `SQLite` calls: `true` to try again, `false` to give up with "locked".
pub(super) fn on_busy(attempt: i32) -> bool {
    let now = Instant::now();
    let (started, told) = STARTED.with(|s| {
        let value = match s.get() {
            Some(v) if attempt > 0 => v,
            _ => (now, false),
        };
        s.set(Some(value));
        value
    });
    let waited = now - started;
    let command = COMMAND_LINE.load(Ordering::Relaxed);
    if waited > if command { COMMAND_LIMIT } else { QUIET_LIMIT } {
        return false;
    }
    if command && !told && waited > TELL_AFTER {
        let file = FILE.lock().ok().and_then(|f| f.clone());
        if let Some(file) = file {
            eprintln!(
                "narada: {} is locked by another program{}; waiting up to {} s (Ctrl-C stops, nothing is written)",
                file.display(),
                describe(&holders(&file)),
                COMMAND_LIMIT.as_secs()
            );
        }
        STARTED.with(|s| s.set(Some((started, true))));
    }
    std::thread::sleep(Duration::from_millis(if attempt < 20 { 5 } else { 50 }));
    true
}

/// " (pid 12: narada import big.jsonl)" or nothing when no holder can be named.
pub fn describe(holders: &[(u32, String)]) -> String {
    if holders.is_empty() {
        return String::new();
    }
    let named: Vec<String> = holders
        .iter()
        .map(|(pid, cmd)| format!("pid {pid}: {cmd}"))
        .collect();
    format!(" ({})", named.join("; "))
}

/// Other processes that have the database (or its WAL) open, with their command lines.
/// Linux only (it reads /proc); elsewhere nobody can be named.
pub fn holders(db: &Path) -> Vec<(u32, String)> {
    #[cfg(target_os = "linux")]
    {
        let Ok(target) = std::fs::canonicalize(db) else {
            return Vec::new();
        };
        let wal = PathBuf::from(format!("{}-wal", target.display()));
        let me = std::process::id();
        let Ok(procs) = std::fs::read_dir("/proc") else {
            return Vec::new();
        };
        let mut found = Vec::new();
        for entry in procs.flatten() {
            let Some(pid) = entry
                .file_name()
                .to_str()
                .and_then(|n| n.parse::<u32>().ok())
            else {
                continue;
            };
            if pid == me {
                continue;
            }
            let Ok(fds) = std::fs::read_dir(entry.path().join("fd")) else {
                continue;
            };
            let open = fds
                .flatten()
                .any(|fd| std::fs::read_link(fd.path()).is_ok_and(|p| p == target || p == wal));
            if open {
                let cmd = std::fs::read(entry.path().join("cmdline"))
                    .map(|b| {
                        String::from_utf8_lossy(&b)
                            .split('\0')
                            .filter(|a| !a.is_empty())
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .unwrap_or_default();
                found.push((pid, cmd));
            }
        }
        found
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = db;
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holders_are_named_in_words() {
        assert_eq!(describe(&[]), "");
        assert_eq!(
            describe(&[(12, "narada import big.jsonl".into())]),
            " (pid 12: narada import big.jsonl)"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_process_with_the_file_open_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("x.db");
        std::fs::write(&db, b"x").unwrap();
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .stdin(std::fs::File::open(&db).unwrap())
            .spawn()
            .unwrap();
        // Until the child has exec'd, its command line is still this test's.
        let mut found = holders(&db);
        for _ in 0..500 {
            if found.iter().any(|(_, cmd)| cmd == "sleep 30") {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
            found = holders(&db);
        }
        let _ = child.kill();
        let _ = child.wait();
        assert!(
            found
                .iter()
                .any(|(pid, cmd)| *pid == child.id() && cmd == "sleep 30"),
            "{found:?}"
        );
    }
}
