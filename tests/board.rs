//! Working-group operations on the store: topics, card merge/split with lineage,
//! decisions, and the outline with its coverage.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use narada::model::{
    CardDraft, CardKind, DecisionDraft, DecisionOutcome, DecisionTarget, MapTarget, SessionDraft,
    SessionKind, VotePolicy,
};
use narada::storage::{CardFilter, Store};

fn store_with(texts: &[(&str, i64)]) -> (Store, Vec<String>) {
    let mut store = Store::open_in_memory().unwrap();
    let sid = store
        .add_session(&SessionDraft::new(
            "Zespół roboczy",
            SessionKind::WorkingGroup,
        ))
        .unwrap()
        .id;
    let ids = texts
        .iter()
        .map(|(t, v)| {
            let mut d = CardDraft::new(&sid, CardKind::Recommendation, t);
            d.votes = *v;
            d.tags = vec!["głosowanie".into()];
            store.add_card(&d).unwrap().id
        })
        .collect();
    (store, ids)
}

fn events(store: &Store, id: &str) -> Vec<(String, Option<String>)> {
    store
        .card_history(id)
        .unwrap()
        .into_iter()
        .map(|e| (e.event, e.related_id))
        .collect()
}

#[test]
fn merging_cards_keeps_the_originals_with_lineage_both_ways() {
    for (policy, expected) in [
        (VotePolicy::Sum, 7),
        (VotePolicy::Max, 4),
        (VotePolicy::Separate, 0),
    ] {
        let (mut store, ids) = store_with(&[
            ("Głosowanie od 16 lat", 4),
            ("Głosować od szesnastu lat", 3),
        ]);
        let merged = store
            .merge_cards(&ids, "Prawo głosu od 16 lat", policy, Some("to samo"))
            .unwrap();
        assert_eq!(merged.votes, expected, "{policy:?}");
        assert_eq!(merged.tags, vec!["głosowanie"]);
        let visible = store.cards(&CardFilter::default()).unwrap();
        assert_eq!(visible.len(), 1, "originals are hidden from lists");
        for id in &ids {
            let original = store.card(id).unwrap();
            assert_eq!(original.superseded_by.as_deref(), Some(merged.id.as_str()));
            assert!(original.deleted_at.is_none(), "originals are not deleted");
            assert!(events(&store, id).contains(&("merged_into".into(), Some(merged.id.clone()))));
        }
        let back: Vec<_> = events(&store, &merged.id);
        assert!(back.contains(&("merged_from".into(), Some(ids[0].clone()))));
        assert!(back.contains(&("merged_from".into(), Some(ids[1].clone()))));
        assert_eq!(
            store
                .cards(&CardFilter {
                    include_deleted: true,
                    ..CardFilter::default()
                })
                .unwrap()
                .len(),
            3
        );
        // A replaced card cannot be merged again.
        assert!(
            store
                .merge_cards(&[ids[0].clone(), merged.id.clone()], "x", policy, None)
                .is_err()
        );
    }
}

#[test]
fn splitting_a_card_records_both_directions_and_keeps_its_topic() {
    let (mut store, ids) = store_with(&[("Więcej punktów i dłuższe głosowanie", 5)]);
    let topic = store.create_topic("Głosowanie").unwrap();
    store.move_cards(&ids, &topic.id, false).unwrap();
    let parts = store
        .split_card(
            &ids[0],
            &[
                "Więcej punktów do rozdania".into(),
                "Głosowanie przez 14 dni".into(),
            ],
            None,
            None,
        )
        .unwrap();
    assert_eq!(parts.len(), 2);
    // The votes are divided, not copied: all of them go to the first part by default.
    assert_eq!((parts[0].votes, parts[1].votes), (5, 0));
    for p in &parts {
        assert_eq!(p.topic.as_deref(), Some("Głosowanie"));
        assert_eq!(
            events(&store, &p.id),
            vec![("split_from".to_owned(), Some(ids[0].clone()))]
        );
    }
    let original = events(&store, &ids[0]);
    assert_eq!(original.iter().filter(|e| e.0 == "split_into").count(), 2);
    assert!(store.card(&ids[0]).unwrap().superseded_by.is_some());
    assert_eq!(store.topic(&topic.id).unwrap().size, 2);
}

#[test]
fn topics_can_be_renamed_merged_split_and_pinned() {
    let (mut store, ids) = store_with(&[("a karta", 1), ("b karta", 2), ("c karta", 3)]);
    let t1 = store.create_topic("Pierwszy").unwrap();
    let t2 = store.create_topic("Drugi").unwrap();
    store.move_cards(&ids[..2], &t1.id, false).unwrap();
    store.move_cards(&ids[2..], &t2.id, false).unwrap();
    store.rename_topic(&t1.id, "Pierwszy temat").unwrap();
    assert_eq!(
        store.find_topic("pierwszy").unwrap().label,
        "Pierwszy temat"
    );
    let merged = store.merge_topics(&t2.id, &t1.id).unwrap();
    assert_eq!((merged.size, merged.votes), (3, 6));
    assert!(
        store.find_topic("Drugi").is_err(),
        "a merged topic is retired"
    );
    let split = store.split_topic(&t1.id, &ids[..1], "Wydzielony").unwrap();
    assert_eq!(split.size, 1);
    assert_eq!(store.topic(&t1.id).unwrap().size, 2);
    assert_eq!(store.pin_cards(&ids[1..2], true).unwrap(), 1);
    assert!(store.card(&ids[1]).unwrap().pinned);
}

#[test]
fn decisions_are_logged_and_a_card_decision_beats_its_topic() {
    let (mut store, ids) = store_with(&[("karta A", 0), ("karta B", 0)]);
    let t = store.create_topic("Temat").unwrap();
    store.move_cards(&ids, &t.id, false).unwrap();
    let draft = DecisionDraft {
        rationale: "Zgodnie z ustawą".into(),
        votes_for: Some(10),
        votes_against: Some(2),
        votes_abstain: Some(1),
        decided_on: Some("2026-12-09".into()),
    };
    store
        .decide(
            &DecisionTarget::Topic(t.id.clone()),
            DecisionOutcome::Adopted,
            &draft,
        )
        .unwrap();
    store
        .decide(
            &DecisionTarget::Card(ids[1].clone()),
            DecisionOutcome::Rejected,
            &DecisionDraft::default(),
        )
        .unwrap();
    assert_eq!(
        store.card(&ids[0]).unwrap().decision,
        Some(DecisionOutcome::Adopted)
    );
    assert_eq!(
        store.card(&ids[1]).unwrap().decision,
        Some(DecisionOutcome::Rejected)
    );
    store
        .decide(
            &DecisionTarget::Topic(t.id.clone()),
            DecisionOutcome::Postponed,
            &DecisionDraft::default(),
        )
        .unwrap();
    let log = store.decisions().unwrap();
    assert_eq!(log.len(), 3);
    assert_eq!(
        log.iter().filter(|d| d.current).count(),
        2,
        "the first topic decision was replaced"
    );
    assert_eq!(log.iter().find(|d| !d.current).unwrap().votes_for, Some(10));
    let bad = DecisionDraft {
        votes_for: Some(-1),
        ..DecisionDraft::default()
    };
    assert!(
        store
            .decide(&DecisionTarget::Topic(t.id), DecisionOutcome::Adopted, &bad)
            .is_err()
    );
}

#[test]
fn outline_starts_from_the_statutory_skeleton_and_tracks_coverage() {
    let (mut store, ids) = store_with(&[("karta A", 0), ("karta B", 0), ("karta C", 0)]);
    let outline = store.outline().unwrap();
    let chapters: Vec<&str> = outline
        .iter()
        .filter(|s| s.depth == 0)
        .map(|s| s.citation.as_str())
        .collect();
    assert_eq!(chapters.len(), 8);
    assert_eq!(chapters[7], "Rozdział 8");
    let voting = store.find_section("rozdział 6").unwrap();
    assert_eq!(voting.heading, "Głosowanie");
    let par = store.find_section("§ 15").unwrap();
    let t = store.create_topic("Sposób głosowania").unwrap();
    store.move_cards(&ids[..2], &t.id, false).unwrap();
    store
        .map_section(&par.id, &MapTarget::Topic(t.id.clone()))
        .unwrap();
    store
        .map_section(&par.id, &MapTarget::Topic(t.id.clone()))
        .unwrap(); // idempotent
    // Nothing adopted yet: § 15 has no sources.
    assert!(store.section_sources().unwrap()[&par.id].is_empty());
    store
        .decide(
            &DecisionTarget::Topic(t.id.clone()),
            DecisionOutcome::Adopted,
            &DecisionDraft::default(),
        )
        .unwrap();
    store
        .decide(
            &DecisionTarget::Card(ids[2].clone()),
            DecisionOutcome::AdoptedInPart,
            &DecisionDraft::default(),
        )
        .unwrap();
    assert_eq!(store.section_sources().unwrap()[&par.id], ids[..2].to_vec());
    let cov = store.coverage().unwrap();
    assert!(
        !cov.uncovered
            .iter()
            .any(|s| s.id == par.id || s.id == voting.id)
    );
    assert!(cov.uncovered.iter().any(|s| s.citation == "Rozdział 1"));
    assert_eq!(cov.unused_adopted.len(), 1);
    assert_eq!(cov.unused_adopted[0].id, ids[2]);
    // New sections renumber what follows them.
    let new = store
        .add_section(Some(&voting.id), "Głosowanie korespondencyjne")
        .unwrap();
    assert_eq!(new.citation, "§ 17");
    store.move_section(&new.id, -1).unwrap();
    assert_eq!(
        store
            .find_section("Głosowanie korespondencyjne")
            .unwrap()
            .citation,
        "§ 16"
    );
    let ust = store
        .add_section(Some(&par.id), "Głosowanie trwa 14 dni")
        .unwrap();
    assert_eq!(ust.citation, "§ 15 ust. 1");
    store
        .edit_section(&ust.id, None, Some("Głosowanie trwa 14 dni."))
        .unwrap();
    assert_eq!(
        store.find_section("§15 ust. 1").unwrap().draft_text,
        "Głosowanie trwa 14 dni."
    );
}

#[test]
fn splitting_a_card_divides_its_votes_and_checks_the_share() {
    let (mut store, ids) = store_with(&[("Ławki i drzewa", 7)]);
    let parts = ["Ławki".to_owned(), "Drzewa".to_owned()];
    let err = store
        .split_card(&ids[0], &parts, Some(8), None)
        .unwrap_err();
    assert!(err.to_string().contains("0 to 7"), "{err}");
    assert!(store.split_card(&ids[0], &parts, Some(-1), None).is_err());
    let new = store.split_card(&ids[0], &parts, Some(3), None).unwrap();
    assert_eq!((new[0].votes, new[1].votes), (3, 4));
    store.unsplit_card(&ids[0]).unwrap();
    assert_eq!(store.card(&ids[0]).unwrap().votes, 7);
    let live: i64 = store
        .cards(&narada::storage::CardFilter::default())
        .unwrap()
        .iter()
        .map(|c| c.votes)
        .sum();
    assert_eq!(live, 7, "undoing a split keeps the total");
}

#[test]
fn coverage_lists_each_uncovered_paragraph_under_its_own_chapter() {
    let (mut store, ids) = store_with(&[("karta A", 0)]);
    // Chapter 6 is covered through § 15 only; chapter 5 is not covered at all.
    let par = store.find_section("§ 15").unwrap();
    let t = store.create_topic("Sposób głosowania").unwrap();
    store.move_cards(&ids, &t.id, false).unwrap();
    store
        .map_section(&par.id, &MapTarget::Topic(t.id.clone()))
        .unwrap();
    store
        .decide(
            &DecisionTarget::Topic(t.id.clone()),
            DecisionOutcome::Adopted,
            &DecisionDraft::default(),
        )
        .unwrap();
    let cov = store.coverage().unwrap();
    let listed: Vec<(String, bool)> = cov
        .grouped
        .iter()
        .map(|(s, u)| (s.citation.clone(), *u))
        .collect();
    let at = |c: &str| listed.iter().position(|(x, _)| x == c).unwrap();
    assert!(listed.contains(&("Rozdział 5".into(), true)));
    assert!(listed.contains(&("Rozdział 6".into(), false)), "{listed:?}");
    assert!(at("Rozdział 5") < at("§ 13"));
    assert!(at("§ 13") < at("Rozdział 6"));
    assert!(at("Rozdział 6") < at("§ 14") && at("§ 14") < at("§ 16"));
    assert!(!listed.iter().any(|(c, _)| c == "§ 15"));
    // Every listed § comes right under its own chapter's run.
    let mut chapter = None;
    for (s, _) in &cov.grouped {
        if s.depth == 0 {
            chapter = Some(s.id.clone());
        } else {
            assert_eq!(
                s.parent_id, chapter,
                "{} listed under another chapter",
                s.citation
            );
        }
    }
    // The flat list keeps only what is uncovered, in the same order.
    let flat: Vec<&str> = cov.uncovered.iter().map(|s| s.id.as_str()).collect();
    let marked: Vec<&str> = cov
        .grouped
        .iter()
        .filter(|(_, u)| *u)
        .map(|(s, _)| s.id.as_str())
        .collect();
    assert_eq!(flat, marked);
}

#[test]
fn a_card_decision_comes_with_its_rationale_and_vote_own_or_its_topics() {
    let (mut store, ids) = store_with(&[("karta A", 0), ("karta B", 0), ("karta C", 0)]);
    let t = store.create_topic("Temat").unwrap();
    store.move_cards(&ids[..2], &t.id, false).unwrap();
    assert_eq!(store.card_decision(&ids[0]).unwrap(), None);
    let draft = DecisionDraft {
        rationale: "Zgodnie z ustawą".into(),
        votes_for: Some(10),
        votes_against: Some(2),
        votes_abstain: Some(1),
        decided_on: Some("2026-12-09".into()),
    };
    store
        .decide(
            &DecisionTarget::Topic(t.id.clone()),
            DecisionOutcome::Adopted,
            &draft,
        )
        .unwrap();
    let own = store
        .decide(
            &DecisionTarget::Card(ids[1].clone()),
            DecisionOutcome::Rejected,
            &DecisionDraft {
                rationale: "Poza zakresem".into(),
                ..DecisionDraft::default()
            },
        )
        .unwrap();
    // Through the topic: the topic's row, with everything the secretary entered.
    let a = store.card_decision(&ids[0]).unwrap().unwrap();
    assert_eq!(a.outcome, DecisionOutcome::Adopted);
    assert_eq!(
        (a.target_kind.as_str(), a.target_id.as_str()),
        ("topic", t.id.as_str())
    );
    assert_eq!(a.rationale, "Zgodnie z ustawą");
    assert_eq!(
        (a.votes_for, a.votes_against, a.votes_abstain),
        (Some(10), Some(2), Some(1))
    );
    assert_eq!(a.decided_on.as_deref(), Some("2026-12-09"));
    // Its own decision beats the topic's, as the card's `decision` field says.
    let b = store.card_decision(&ids[1]).unwrap().unwrap();
    assert_eq!(
        (b.id.as_str(), b.rationale.as_str()),
        (own.id.as_str(), "Poza zakresem")
    );
    assert_eq!(Some(b.outcome), store.card(&ids[1]).unwrap().decision);
    // Retracted, the topic's counts again; a card outside any topic has none.
    store.retract_decision(&own.id).unwrap();
    let b = store.card_decision(&ids[1]).unwrap().unwrap();
    assert_eq!(b.outcome, DecisionOutcome::Adopted);
    assert_eq!(store.card_decision(&ids[2]).unwrap(), None);
}
