//! `narada serve --no-tui` and `narada room …` end to end: the room serves until
//! SIGTERM and then leaves no listener behind; the queue is handled from the command line.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

#[path = "support/cli.rs"]
mod cli;
#[path = "support/http.rs"]
mod http;

use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::process::{Command, Stdio};

#[test]
fn serve_prints_the_room_serves_it_and_closes_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let db = cli::db_with_session(dir.path(), "Szkolenie");
    let mut child = Command::new(env!("CARGO_BIN_EXE_narada"))
        .env("NARADA_DATA_DIR", dir.path())
        .env("NARADA_CONFIG_DIR", dir.path().join("config"))
        .arg("--db")
        .arg(&db)
        .args(["serve", "--bind", "127.0.0.1", "--port", "0", "--no-tui"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut url = String::new();
    let mut code = String::new();
    let mut qr_rows = 0;
    for line in lines.by_ref() {
        let line = line.unwrap();
        if let Some(u) = line.strip_prefix("url: ") {
            url = u.to_owned();
        } else if let Some(c) = line.strip_prefix("join code: ") {
            code = c.to_owned();
        } else if line.contains('█') {
            qr_rows += 1;
        } else if line.contains("Ctrl+C") {
            break;
        }
    }
    assert!(url.starts_with("http://127.0.0.1:") && url.ends_with(&format!("/r/{code}/")));
    assert!(qr_rows > 10);

    let phone = http::Phone::join(&url);
    assert_eq!(phone.send("p: Ławki w parku #zieleń").status, 200);
    let pending = cli::narada(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["room", "pending"])
        .output()
        .unwrap();
    let pending = String::from_utf8(pending.stdout).unwrap();
    assert!(
        pending.contains("Uczestnik 1") || pending.contains("Participant 1"),
        "{pending}"
    );
    let id = pending.split_whitespace().next().unwrap();
    cli::narada(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["room", "accept", id])
        .assert()
        .success()
        .stdout(predicates::str::contains("accepted as card #1"));
    assert_eq!(phone.state()["sent"][0]["status"], "accepted");

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(child.wait().unwrap().success());
    assert!(
        TcpStream::connect(phone.addr).is_err(),
        "the room still listens"
    );
    let card = cli::narada(dir.path())
        .arg("--db")
        .arg(&db)
        .args(["card", "show", "1"])
        .output()
        .unwrap();
    let card = String::from_utf8(card.stdout).unwrap();
    assert!(card.contains("Ławki w parku"), "{card}");
}
