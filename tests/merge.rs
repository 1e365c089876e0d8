//! Merging trainers' databases, backups and restores.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use narada::model::ConflictPolicy;
use narada::model::{CardDraft, CardKind, CardPatch, SessionDraft, SessionKind};
use narada::storage::{CardFilter, Store};
use std::path::Path;

fn texts(store: &Store) -> Vec<String> {
    let mut t: Vec<String> = store
        .cards(&CardFilter::default())
        .unwrap()
        .into_iter()
        .map(|c| format!("{} [{}]", c.text, c.votes))
        .collect();
    t.sort();
    t
}

/// A database with one session and two cards, and a copy of it as a second trainer's file.
fn pair(dir: &Path) -> (Store, Store, Vec<String>) {
    let a_path = dir.join("a.db");
    let mut a = Store::open(&a_path).unwrap();
    let sid = a
        .add_session(&SessionDraft::new("Szkolenie 1", SessionKind::Training))
        .unwrap()
        .id;
    let ids = ["Więcej ławek", "Głosowanie od 16 lat"]
        .iter()
        .map(|t| {
            a.add_card(&CardDraft::new(&sid, CardKind::Proposal, t))
                .unwrap()
                .id
        })
        .collect();
    a.backup_to(&dir.join("b.db")).unwrap();
    let b = Store::open(&dir.join("b.db")).unwrap();
    (a, b, ids)
}

#[test]
fn merge_brings_in_new_work_and_is_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, mut b, ids) = pair(dir.path());
    let s2 = b
        .add_session(&SessionDraft::new("Szkolenie 2", SessionKind::Training))
        .unwrap()
        .id;
    b.add_card(&CardDraft::new(&s2, CardKind::Concern, "Za krótki termin"))
        .unwrap();
    b.vote(&ids[0], 3).unwrap();
    let topic = b.create_topic("Ławki").unwrap();
    b.move_cards(&ids[..1], &topic.id, true).unwrap();
    b.decide(
        &narada::model::DecisionTarget::Topic(topic.id.clone()),
        narada::model::DecisionOutcome::Adopted,
        &narada::model::DecisionDraft::default(),
    )
    .unwrap();
    b.outline().unwrap();
    a.outline().unwrap(); // both made the default skeleton, with different ids
    drop(b);
    let sum = a.merge_from(&dir.path().join("b.db"), None).unwrap();
    assert_eq!(
        (sum.sessions_added, sum.cards_added, sum.cards_updated),
        (1, 1, 1)
    );
    assert_eq!(
        (sum.topics_added, sum.placements_added, sum.decisions_added),
        (1, 1, 1)
    );
    assert_eq!(
        sum.sections_added, 0,
        "identical skeletons are matched, not doubled"
    );
    assert!(sum.conflicts.is_empty());
    assert_eq!(
        texts(&a),
        vec![
            "Głosowanie od 16 lat [0]",
            "Więcej ławek [3]",
            "Za krótki termin [0]"
        ]
    );
    assert_eq!(a.card(&ids[0]).unwrap().topic.as_deref(), Some("Ławki"));
    assert_eq!(
        a.search("termin", 5).unwrap().len(),
        1,
        "merged cards are searchable"
    );
    let again = a.merge_from(&dir.path().join("b.db"), None).unwrap();
    assert!(!again.changed(), "{again:?}");
    assert_eq!(texts(&a).len(), 3);
}

#[test]
fn a_card_edited_on_both_sides_is_a_conflict_never_overwritten_silently() {
    for policy in [
        None,
        Some(ConflictPolicy::Mine),
        Some(ConflictPolicy::Theirs),
        Some(ConflictPolicy::Both),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (mut a, mut b, ids) = pair(dir.path());
        let edit = |s: &mut Store, t: &str| {
            s.edit_card(
                &ids[0],
                &CardPatch {
                    text: Some(t.into()),
                    ..CardPatch::default()
                },
            )
            .unwrap();
        };
        edit(&mut a, "Więcej ławek w parku");
        edit(&mut b, "Więcej ławek przy szkole");
        drop(b);
        let other = dir.path().join("b.db");
        let result = a.merge_from(&other, policy);
        let expected: Vec<&str> = match policy {
            None => {
                let err = result.as_ref().unwrap_err().to_string();
                assert!(
                    err.contains("changed in both databases") && err.contains("--on-conflict"),
                    "{err}"
                );
                vec!["Głosowanie od 16 lat [0]", "Więcej ławek w parku [0]"]
            }
            Some(ConflictPolicy::Mine) => {
                vec!["Głosowanie od 16 lat [0]", "Więcej ławek w parku [0]"]
            }
            Some(ConflictPolicy::Theirs) => {
                vec!["Głosowanie od 16 lat [0]", "Więcej ławek przy szkole [0]"]
            }
            Some(ConflictPolicy::Both) => vec![
                "Głosowanie od 16 lat [0]",
                "Więcej ławek przy szkole [0]",
                "Więcej ławek w parku [0]",
            ],
        };
        assert_eq!(texts(&a), expected, "{policy:?}");
        if let Some(p) = policy {
            assert_eq!(result.unwrap().conflicts.len(), 1);
            // Once resolved, merging again raises no new conflict and changes nothing.
            let again = a.merge_from(&other, None).unwrap();
            assert!(
                again.conflicts.is_empty() && !again.changed(),
                "{p:?}: {again:?}"
            );
        }
    }
}

#[test]
fn independent_databases_match_sessions_by_title_and_cards_by_imported_id() {
    let dir = tempfile::tempdir().unwrap();
    let csv = "id,session,text\nx1,Szkolenie 1,Więcej ławek\nx2,Szkolenie 1,Mniej betonu\n";
    let import = |path: &Path| {
        let mut s = Store::open(path).unwrap();
        let recs =
            narada::import::parse("k.csv", csv.as_bytes(), narada::import::Format::Csv).unwrap();
        s.import_records(
            &recs,
            &narada::storage::ImportOptions::default(),
            &mut |_, _| {},
        )
        .unwrap();
        s
    };
    let mut a = import(&dir.path().join("a.db"));
    let mut b = import(&dir.path().join("b.db"));
    b.vote(&b.find_card("x2").unwrap().id, 2).unwrap();
    drop(b);
    let sum = a.merge_from(&dir.path().join("b.db"), None).unwrap();
    assert_eq!(
        (sum.sessions_added, sum.cards_added, sum.cards_updated),
        (0, 0, 1)
    );
    assert_eq!(texts(&a), vec!["Mniej betonu [2]", "Więcej ławek [0]"]);
    assert_eq!(a.sessions().unwrap().len(), 1);
}

#[test]
fn merge_refuses_files_that_are_not_narada_databases_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _b, _) = pair(dir.path());
    let junk = dir.path().join("junk.db");
    std::fs::write(&junk, "nie baza").unwrap();
    assert!(a.merge_from(&junk, None).is_err());
    assert!(a.merge_from(&dir.path().join("missing.db"), None).is_err());
    assert_eq!(texts(&a).len(), 2);
}

#[test]
fn backup_and_restore_round_trip_with_a_safety_copy() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, _b, ids) = pair(dir.path());
    let snapshot = dir.path().join("snap.db");
    a.backup_to(&snapshot).unwrap();
    assert!(
        a.backup_to(&snapshot).is_err(),
        "a backup never overwrites a file"
    );
    a.delete_card(&ids[0], None).unwrap();
    let saved = a.restore_from(&snapshot).unwrap().unwrap();
    assert!(
        saved.starts_with(dir.path().join("backups")),
        "{}",
        saved.display()
    );
    assert_eq!(texts(&a).len(), 2, "the deleted card is back");
    // The safety copy holds the state just before the restore.
    let before = Store::open(&saved).unwrap();
    assert_eq!(texts(&before).len(), 1);
}

/// Two files built from one import (activities and all), each with the same topic and
/// decision made by hand, and one card edited differently on each side.
fn twins(dir: &Path) -> (Store, std::path::PathBuf, String) {
    use narada::model::{DecisionDraft, DecisionOutcome, DecisionTarget};
    let csv = "id,session,activity,text\nx1,Szkolenie 1,Grupa A,Więcej ławek\n\
               x2,Szkolenie 1,Grupa B,Mniej betonu\n";
    let build = |name: &str, edit: &str| {
        let mut s = Store::open(&dir.join(name)).unwrap();
        let recs =
            narada::import::parse("k.csv", csv.as_bytes(), narada::import::Format::Csv).unwrap();
        s.import_records(
            &recs,
            &narada::storage::ImportOptions::default(),
            &mut |_, _| {},
        )
        .unwrap();
        let x1 = s.find_card("x1").unwrap().id;
        let topic = s.create_topic("Zieleń").unwrap();
        s.move_cards(std::slice::from_ref(&x1), &topic.id, false)
            .unwrap();
        s.decide(
            &DecisionTarget::Topic(topic.id.clone()),
            DecisionOutcome::Adopted,
            &DecisionDraft {
                rationale: "Zgoda".into(),
                votes_for: Some(5),
                ..DecisionDraft::default()
            },
        )
        .unwrap();
        let x2 = s.find_card("x2").unwrap().id;
        s.edit_card(
            &x2,
            &CardPatch {
                text: Some(edit.into()),
                ..CardPatch::default()
            },
        )
        .unwrap();
        (s, x2)
    };
    let (a, x2) = build("a.db", "Mniej betonu na rynku");
    let (b, _) = build("b.db", "Mniej betonu przy szkole");
    drop(b);
    (a, dir.join("b.db"), x2)
}

#[test]
fn repeated_merges_change_nothing_after_the_first_for_every_policy() {
    for policy in [
        ConflictPolicy::Mine,
        ConflictPolicy::Theirs,
        ConflictPolicy::Both,
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (mut a, other, x2) = twins(dir.path());
        // Only the card edited on both sides conflicts: activities, topics and
        // decisions made alike on both sides are recognised as the same.
        let err = a.merge_from(&other, None).unwrap_err().to_string();
        assert!(err.contains("1 card(s)"), "{policy:?}: {err}");
        let counts = |s: &Store| {
            (
                s.cards(&CardFilter::default()).unwrap().len(),
                s.topics().unwrap().len(),
                s.decisions().unwrap().len(),
            )
        };
        let first = a.merge_from(&other, Some(policy)).unwrap();
        assert_eq!(first.conflicts.len(), 1, "{policy:?}");
        let after_first = counts(&a);
        let expected_cards = if policy == ConflictPolicy::Both { 3 } else { 2 };
        assert_eq!(after_first, (expected_cards, 1, 1), "{policy:?}");
        for round in 2..=3 {
            let again = a.merge_from(&other, Some(policy)).unwrap();
            assert!(!again.changed(), "{policy:?} round {round}: {again:?}");
            assert!(again.conflicts.is_empty(), "{policy:?} round {round}");
            assert_eq!(counts(&a), after_first, "{policy:?} round {round}");
        }
        // The text that lost is in the card's history, not gone.
        let lost = match policy {
            ConflictPolicy::Theirs => "Mniej betonu na rynku",
            _ => "Mniej betonu przy szkole",
        };
        let history = a.card_history(&x2).unwrap();
        let told: Vec<String> = history
            .iter()
            .map(|e| narada::model::describe_event(e, None, narada::model::Lang::En))
            .collect();
        assert!(
            told.iter()
                .any(|t| t.contains("edited on both sides") && t.contains(lost)),
            "{policy:?}: {told:?}"
        );
    }
}

#[test]
fn conflicts_are_reported_without_taking_the_write_lock() {
    let dir = tempfile::tempdir().unwrap();
    let (mut a, other, _) = twins(dir.path());
    // Another program is writing to our file for as long as the merge runs.
    let writer = rusqlite::Connection::open(dir.path().join("a.db")).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE").unwrap();
    let err = a.merge_from(&other, None).unwrap_err();
    assert!(
        matches!(err, narada::error::Error::Conflicts { ref conflicts, .. } if conflicts.len() == 1),
        "{err}"
    );
    writer.execute_batch("ROLLBACK").unwrap();
}
