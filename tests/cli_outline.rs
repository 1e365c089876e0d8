//! `narada outline …` on the units of the resolution: adding children and siblings,
//! moving, deleting, and a typed number that is never printed twice.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use predicates::prelude::*;

#[path = "support/cli.rs"]
mod cli_support;
use cli_support::narada;

struct Db {
    dir: tempfile::TempDir,
}

impl Db {
    fn new() -> Self {
        Db {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn cmd(&self, args: &[&str]) -> assert_cmd::Command {
        let mut c = narada(self.dir.path());
        c.args(["--db", self.dir.path().join("o.db").to_str().unwrap()])
            .args(args);
        c
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self
            .cmd(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    }
}

#[test]
fn a_typed_ust_number_is_left_out_and_the_user_is_told() {
    let db = Db::new();
    db.cmd(&[
        "outline",
        "add",
        "ust. 1 Głosowanie trwa 14 dni.",
        "--parent",
        "§ 16",
    ])
    .assert()
    .success()
    .stdout("added § 16 ust. 1: Głosowanie trwa 14 dni.\n")
    .stderr(predicate::str::contains("numbered automatically"));
    let list = db.ok(&["outline", "list"]);
    assert!(
        list.contains("§ 16 ust. 1: Głosowanie trwa 14 dni."),
        "{list}"
    );
    assert!(!list.contains("ust. 1 ust. 1"), "{list}");
}

#[test]
fn children_siblings_moves_and_deletes() {
    let db = Db::new();
    db.ok(&["outline", "add", "Pierwszy.", "--parent", "§ 5"]);
    db.ok(&["outline", "add", "Drugi:", "--parent", "§ 5"]);
    assert_eq!(
        db.ok(&[
            "outline",
            "add",
            "pula ogólnomiejska",
            "--parent",
            "§ 5 ust. 2"
        ]),
        "added § 5 ust. 2 pkt 1: pula ogólnomiejska\n"
    );
    assert_eq!(
        db.ok(&[
            "outline",
            "add",
            "w dzielnicach",
            "--parent",
            "§ 5 ust. 2 pkt 1"
        ]),
        "added § 5 ust. 2 pkt 1 lit. a: w dzielnicach\n"
    );
    assert_eq!(
        db.ok(&[
            "outline",
            "add",
            "b) w sołectwach",
            "--after",
            "§5 ust.2 pkt1 lit.a"
        ]),
        "added § 5 ust. 2 pkt 1 lit. b: w sołectwach\n"
    );
    assert_eq!(
        db.ok(&[
            "outline",
            "add",
            "– wsi",
            "--parent",
            "§ 5 ust. 2 pkt 1 lit. b"
        ]),
        "added § 5 ust. 2 pkt 1 lit. b tiret 1: wsi\n"
    );
    // A sibling between ust. 1 and ust. 2 renumbers ust. 2 and what is below it.
    assert_eq!(
        db.ok(&["outline", "add", "Wstawiony.", "--after", "§ 5 ust. 1"]),
        "added § 5 ust. 2: Wstawiony.\n"
    );
    let list = db.ok(&["outline", "list"]);
    assert!(
        list.contains("§ 5 ust. 3 pkt 1 lit. b tiret 1: wsi"),
        "{list}"
    );
    // A pkt straight in a § on request; a lit. there is refused.
    assert_eq!(
        db.ok(&["outline", "add", "x", "--parent", "§ 6", "--level", "pkt"]),
        "added § 6 pkt 1: x\n"
    );
    db.cmd(&["outline", "add", "x", "--parent", "§ 6", "--level", "lit"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("cannot hold a lit"));
    // Moving up renumbers.
    assert_eq!(
        db.ok(&["outline", "move", "§ 5 ust. 3", "up"]),
        "§ 5 ust. 3 is now § 5 ust. 2\n"
    );
    // Moving to another § of the right level.
    assert_eq!(
        db.ok(&["outline", "move", "§ 5 ust. 2", "--to", "§ 7"]),
        "§ 5 ust. 2 is now § 7 ust. 1\n"
    );
    // Deleting drafted units needs --force and says what would be lost; nothing goes.
    db.cmd(&["outline", "delete", "§ 7 ust. 1"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("drafted text in 5 units"))
        .stderr(predicate::str::contains("--force"));
    assert!(db.ok(&["outline", "list"]).contains("§ 7 ust. 1 pkt 1"));
    assert_eq!(
        db.ok(&["outline", "delete", "§ 7 ust. 1", "--force"]),
        "deleted § 7 ust. 1 and 4 unit(s) below it\n"
    );
    let list = db.ok(&["outline", "list"]);
    assert!(!list.contains("§ 7 ust. 1"), "{list}");
    // An empty § goes without --force.
    db.ok(&["outline", "add", "Pusty", "--after", "§ 7"]);
    assert_eq!(db.ok(&["outline", "delete", "§ 8"]), "deleted § 8\n");
}
