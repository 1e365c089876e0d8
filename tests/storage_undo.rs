//! The store's inverses used by the interface's undo: retracted decisions, board state
//! capture and restore, unmerge and unsplit of cards, deleting and restoring a section.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use narada::model::{
    CardDraft, CardKind, DecisionDraft, DecisionOutcome, DecisionTarget, SessionDraft, SessionKind,
    VotePolicy,
};
use narada::storage::Store;

fn store_with(n: usize) -> (Store, Vec<String>) {
    let mut store = Store::open_in_memory().unwrap();
    let sid = store
        .add_session(&SessionDraft::new("Grupa", SessionKind::WorkingGroup))
        .unwrap()
        .id;
    let ids = (0..n)
        .map(|i| {
            let mut d = CardDraft::new(&sid, CardKind::Proposal, &format!("Karta numer {i}"));
            d.votes = i as i64;
            store.add_card(&d).unwrap().id
        })
        .collect();
    (store, ids)
}

#[test]
fn a_retracted_decision_stays_in_the_log_and_the_earlier_one_counts_again() {
    let (mut s, ids) = store_with(1);
    let card = DecisionTarget::Card(ids[0].clone());
    let draft = DecisionDraft::default();
    s.decide(&card, DecisionOutcome::Postponed, &draft).unwrap();
    let later = s.decide(&card, DecisionOutcome::Adopted, &draft).unwrap();
    assert_eq!(
        s.card(&ids[0]).unwrap().decision,
        Some(DecisionOutcome::Adopted)
    );
    s.retract_decision(&later.id).unwrap();
    assert_eq!(
        s.card(&ids[0]).unwrap().decision,
        Some(DecisionOutcome::Postponed)
    );
    let log = s.decisions().unwrap();
    assert_eq!(log.len(), 2);
    assert!(
        log.iter()
            .any(|d| d.id == later.id && !d.current && d.retracted_at.is_some())
    );
    assert!(log.iter().any(|d| d.id != later.id && d.current));
    assert!(s.retract_decision(&later.id).is_err(), "only once");
    assert_eq!(s.schema_version().unwrap(), 9);
}

#[test]
fn board_state_restores_placements_labels_liveness_and_links() {
    let (mut s, ids) = store_with(4);
    let a = s.create_topic("A").unwrap();
    let b = s.create_topic("B").unwrap();
    s.move_cards(&ids[..2], &a.id, true).unwrap();
    s.move_cards(&ids[2..3], &b.id, false).unwrap();
    let section = s.outline().unwrap()[1].id.clone();
    s.map_section(&section, &narada::model::MapTarget::Topic(b.id.clone()))
        .unwrap();
    let topics = s.live_topic_ids().unwrap();
    let before = s.board_state(&ids, &topics).unwrap();

    s.merge_topics(&b.id, &a.id).unwrap();
    s.rename_topic(&a.id, "AB").unwrap();
    s.move_cards(&ids[3..], &a.id, false).unwrap();
    s.restore_board_state(&before).unwrap();

    assert_eq!(s.topic(&a.id).unwrap().label, "A");
    assert_eq!(s.topic(&b.id).unwrap().size, 1);
    assert!(s.live_topic_ids().unwrap().contains(&b.id));
    let p = s.placements().unwrap();
    assert!(
        p.iter()
            .any(|p| p.card_id == ids[0] && p.pinned && p.topic_id == a.id)
    );
    assert!(!p.iter().any(|p| p.card_id == ids[3]), "unsorted again");
    let row = s
        .outline()
        .unwrap()
        .into_iter()
        .find(|x| x.id == section)
        .unwrap();
    assert_eq!(row.topic_ids, vec![b.id.clone()]);
}

#[test]
fn unmerge_and_unsplit_revive_the_originals_and_keep_the_history() {
    let (mut s, ids) = store_with(3);
    let merged = s
        .merge_cards(&ids[..2], "Razem", VotePolicy::Sum, Some("duplikat"))
        .unwrap();
    let back = s.unmerge_cards(&merged.id).unwrap();
    assert_eq!(back.len(), 2);
    assert!(s.card(&ids[0]).unwrap().superseded_by.is_none());
    assert!(
        s.card(&merged.id).unwrap().deleted_at.is_some(),
        "soft-deleted, kept"
    );
    let h = s.card_history(&ids[0]).unwrap();
    assert_eq!(
        h.iter().map(|e| e.event.as_str()).collect::<Vec<_>>(),
        ["created", "merged_into", "restored"]
    );
    assert!(s.unmerge_cards(&ids[2]).is_err());

    let parts = s
        .split_card(&ids[2], &["Jedna".into(), "Druga".into()], None, None)
        .unwrap();
    s.unsplit_card(&ids[2]).unwrap();
    assert!(s.card(&ids[2]).unwrap().superseded_by.is_none());
    assert!(
        parts
            .iter()
            .all(|p| s.card(&p.id).unwrap().deleted_at.is_some())
    );
}

#[test]
fn a_deleted_section_comes_back_with_its_id() {
    let (mut s, _) = store_with(0);
    let chapter = s.outline().unwrap()[0].clone();
    let new = s.add_section(Some(&chapter.id), "Nowy §").unwrap();
    let removed = s.delete_unit(&new.id, false).unwrap();
    assert!(!s.outline().unwrap().iter().any(|x| x.id == new.id));
    s.restore_units(&removed).unwrap();
    assert!(s.outline().unwrap().iter().any(|x| x.id == new.id));
}
