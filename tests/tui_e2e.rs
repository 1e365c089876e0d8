//! The real binary in a real terminal (tmux): type a card, quit, and check the card is
//! stored and the terminal restored; and that SIGTERM restores it too. These tests need
//! tmux, so they are ignored unless run with `cargo test -- --include-ignored` (as
//! `.ci/run` does); run so, they fail when tmux is missing instead of passing.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_narada");

/// tmux on a server of the test's own (`-L`), so parallel tests never share one: a
/// server shutting down as one test ends would otherwise fail the other's start.
fn tmux(socket: &str, args: &[&str]) -> Output {
    Command::new("tmux")
        .args(["-L", socket])
        .args(args)
        .output()
        .expect("tmux runs")
}

/// Fails the test, saying why, when tmux is not installed.
fn require_tmux() {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "tmux is not installed, and this test needs it: `apt-get install tmux` \
         (.ci/run installs it), or run without --include-ignored to skip it"
    );
}

/// A tmux session that is killed when the test ends, however it ends.
struct Session {
    name: String,
}

impl Session {
    /// Starts `command` in a detached 100×30 session.
    fn start(tag: &str, command: &str) -> Session {
        let name = format!("narada-e2e-{tag}-{}", std::process::id());
        let out = tmux(
            &name,
            &[
                "new-session",
                "-d",
                "-s",
                &name,
                "-x",
                "100",
                "-y",
                "30",
                command,
            ],
        );
        assert!(out.status.success(), "{out:?}");
        Session { name }
    }

    fn screen(&self) -> String {
        let out = tmux(&self.name, &["capture-pane", "-p", "-t", &self.name]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn wait_for(&self, needle: &str) -> String {
        self.wait_for_within(needle, Duration::from_secs(20))
    }

    fn wait_for_within(&self, needle: &str, limit: Duration) -> String {
        let t = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(
                t.elapsed() < limit,
                "timed out waiting for {needle:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.name];
        args.extend_from_slice(keys);
        assert!(tmux(&self.name, &args).status.success());
        // Let the app read them apart: Esc followed at once by a key reads as Alt-key.
        std::thread::sleep(Duration::from_millis(150));
    }

    fn text(&self, text: &str) {
        assert!(
            tmux(&self.name, &["send-keys", "-t", &self.name, "-l", text])
                .status
                .success()
        );
        std::thread::sleep(Duration::from_millis(150));
    }

    fn query(&self, format: &str) -> String {
        let out = tmux(
            &self.name,
            &["display-message", "-p", "-t", &self.name, format],
        );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = tmux(&self.name, &["kill-server"]);
    }
}

/// A child process of `parent`, from /proc (no procps needed).
fn child_of(parent: &str) -> Option<String> {
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let pid = entry.file_name().to_string_lossy().into_owned();
        if !pid.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
            continue;
        };
        // "pid (comm) state ppid …"; comm may hold spaces, so split after ')'.
        let ppid = stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().nth(1));
        if ppid == Some(parent) {
            return Some(pid);
        }
    }
    None
}

fn narada(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .env("NARADA_DATA_DIR", dir)
        .env("NARADA_CONFIG_DIR", dir.join("config"))
        .env_remove("NARADA_DB")
        .output()
        .unwrap()
}

/// The shell line that runs the app and then reports how it ended.
fn app_command(dir: &Path, db: &Path) -> String {
    format!(
        "env NARADA_DATA_DIR='{d}' NARADA_CONFIG_DIR='{d}/config' LANG=C.UTF-8 '{BIN}' --db '{db}' --lang en; \
         echo \"narada-exit=$?\"; sleep 600",
        d = dir.display(),
        db = db.display()
    )
}

#[test]
#[ignore = "needs tmux (run with --include-ignored; .ci/run installs it)"]
fn type_a_card_quit_and_find_it_stored_with_the_terminal_restored() {
    require_tmux();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("e2e.db");
    let db_s = db.to_str().unwrap();
    let out = narada(
        dir.path(),
        &["--db", db_s, "session", "add", "Szkolenie e2e"],
    );
    assert!(out.status.success(), "{out:?}");

    let s = Session::start("card", &app_command(dir.path(), &db));
    s.wait_for("Szkolenie e2e");
    assert_eq!(
        s.query("#{alternate_on}"),
        "1",
        "the app uses the alternate screen"
    );
    s.keys(&["a"]);
    s.text("p: Ławki w parku przy fontannie #zieleń @radna");
    s.keys(&["Enter"]);
    s.wait_for("Saved #1");
    s.keys(&["Escape"]);
    s.keys(&["q"]);
    let screen = s.wait_for("narada-exit=0");
    assert!(
        !screen.contains("Szkolenie e2e │"),
        "app screen left behind:\n{screen}"
    );
    assert_eq!(s.query("#{alternate_on}"), "0", "alternate screen left");

    let out = narada(
        dir.path(),
        &["--db", db_s, "card", "list", "--format", "json"],
    );
    assert!(out.status.success(), "{out:?}");
    let cards: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let cards = cards.as_array().unwrap();
    assert_eq!(cards.len(), 1, "{cards:?}");
    assert_eq!(cards[0]["text"], "Ławki w parku przy fontannie");
    assert_eq!(cards[0]["kind"], "proposal");
    assert_eq!(cards[0]["tags"], serde_json::json!(["zieleń"]));
    assert_eq!(cards[0]["speaker"], "radna");
}

#[test]
#[ignore = "needs tmux (run with --include-ignored; .ci/run installs it)"]
fn sigterm_restores_the_terminal() {
    require_tmux();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("term.db");
    let s = Session::start("term", &app_command(dir.path(), &db));
    s.wait_for("Sessions");
    // The pane's shell runs narada as its child: signal exactly that process.
    let shell = s.query("#{pane_pid}");
    let t = Instant::now();
    let child = loop {
        if let Some(pid) = child_of(&shell) {
            break pid;
        }
        assert!(t.elapsed() < Duration::from_secs(10), "no child of {shell}");
        std::thread::sleep(Duration::from_millis(50));
    };
    let kill = format!("kill -TERM {child}");
    assert!(
        Command::new("sh")
            .args(["-c", &kill])
            .status()
            .unwrap()
            .success()
    );
    s.wait_for("narada-exit=0");
    assert_eq!(s.query("#{alternate_on}"), "0");
}

#[test]
#[ignore = "needs tmux (run with --include-ignored; .ci/run installs it)"]
fn board_cluster_accept_move_decide_quit_and_the_database_holds_it() {
    require_tmux();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("board.db");
    let db_s = db.to_str().unwrap();
    let out = narada(dir.path(), &["--db", db_s, "demo"]);
    assert!(out.status.success(), "{out:?}");

    let s = Session::start("board", &app_command(dir.path(), &db));
    s.wait_for("cards ·");
    s.keys(&["b"]);
    s.wait_for("Topic board");
    s.keys(&["c"]);
    s.wait_for("Cluster cards");
    s.keys(&["Enter"]);
    // Automatic k on the demo's cards takes well under a second in a release build but
    // about 20 s in an unoptimised test build (more with the shipped general-Polish
    // vectors, which let it look at more topics): the wait is for the proposal, not a
    // speed check.
    s.wait_for_within("Clustering proposal", Duration::from_secs(90));
    s.keys(&["a"]);
    s.wait_for("Topic change saved");
    // The largest topic, its first card, to a new topic.
    s.keys(&["j"]);
    s.keys(&["Tab"]);
    s.keys(&["m"]);
    s.wait_for("Move to topic");
    s.keys(&["Enter"]);
    s.wait_for("New topic's label");
    s.text("Temat e2e");
    s.keys(&["Enter"]);
    s.wait_for("Topic change saved");
    s.keys(&["d"]);
    s.wait_for("Working-group decision");
    s.keys(&["Tab"]);
    s.text("Przyjęte na posiedzeniu");
    s.keys(&["Enter"]);
    s.wait_for("Decision recorded");
    s.keys(&["Escape"]);
    s.keys(&["q"]);
    s.wait_for("narada-exit=0");

    let json = |args: &[&str]| -> serde_json::Value {
        let mut all = vec!["--db", db_s];
        all.extend_from_slice(args);
        let out = narada(dir.path(), &all);
        assert!(out.status.success(), "{out:?}");
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let topics = json(&["topic", "list", "--format", "json"]);
    let mine = topics
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["label"] == "Temat e2e")
        .expect("the new topic is stored");
    assert_eq!(mine["size"], 1);
    let cards = json(&["card", "list", "--format", "json"]);
    assert!(
        cards
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["topic"] == "Temat e2e"),
        "the moved card is in it"
    );
    // The decision is on the card selected after the move (the next one in the topic).
    let decisions = json(&["decision", "list", "--format", "json"]);
    let newest = &decisions.as_array().unwrap()[0];
    assert_eq!(newest["target_kind"], "card");
    let decided = cards
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == newest["target_id"])
        .expect("the decided card is live");
    assert_eq!(decided["decision"], "adopted");
    assert_eq!(newest["outcome"], "adopted");
    assert_eq!(newest["rationale"], "Przyjęte na posiedzeniu");
}

#[test]
#[ignore = "needs tmux (run with --include-ignored; .ci/run installs it)"]
fn a_closed_terminal_ends_the_app_and_keeps_what_was_saved() {
    require_tmux();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("hup.db");
    let db_s = db.to_str().unwrap();
    assert!(
        narada(dir.path(), &["--db", db_s, "session", "add", "Warsztat"])
            .status
            .success()
    );
    let s = Session::start("hup", &app_command(dir.path(), &db));
    s.wait_for("Warsztat");
    let shell = s.query("#{pane_pid}");
    let app = child_of(&shell).expect("narada runs under the pane's shell");
    s.keys(&["a"]);
    s.text("Karta przed zamknięciem terminala");
    s.keys(&["Enter"]);
    s.wait_for("Saved #1");
    // The terminal goes away under the app, as when a laptop lid closes an SSH session.
    tmux(&s.name, &["kill-server"]);
    let t = Instant::now();
    while Path::new(&format!("/proc/{app}")).exists() {
        assert!(
            t.elapsed() < Duration::from_secs(10),
            "narada still runs 10 s after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    let out = narada(
        dir.path(),
        &["--db", db_s, "card", "list", "--format", "json"],
    );
    let cards: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(cards[0]["text"], "Karta przed zamknięciem terminala");
}

#[test]
#[ignore = "needs tmux (run with --include-ignored; .ci/run installs it)"]
fn after_quitting_a_copy_of_the_db_file_alone_holds_every_card() {
    require_tmux();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let db_s = db.to_str().unwrap();
    assert!(
        narada(
            dir.path(),
            &["--db", db_s, "session", "add", "Szkolenie WAL"]
        )
        .status
        .success()
    );
    let s = Session::start("wal", &app_command(dir.path(), &db));
    s.wait_for("Szkolenie WAL");
    s.keys(&["a"]);
    let texts = [
        "Ławki w parku przy fontannie",
        "Więcej koszy na śmieci",
        "Dłuższe głosowanie w szkołach",
    ];
    for (i, text) in texts.iter().enumerate() {
        s.text(text);
        s.keys(&["Enter"]);
        s.wait_for(&format!("Saved #{}", i + 1));
    }
    s.keys(&["Escape"]);
    s.keys(&["q"]);
    s.wait_for("narada-exit=0");

    // Only the .db file travels: no -wal, no -shm.
    let elsewhere = tempfile::tempdir().unwrap();
    let copy = elsewhere.path().join("x.db");
    std::fs::copy(&db, &copy).unwrap();
    let out = narada(
        elsewhere.path(),
        &[
            "--db",
            copy.to_str().unwrap(),
            "card",
            "list",
            "--format",
            "json",
        ],
    );
    assert!(out.status.success(), "{out:?}");
    let cards: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let stored: Vec<&str> = cards
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert_eq!(stored, texts, "the copy of x.db alone holds every card");
}
