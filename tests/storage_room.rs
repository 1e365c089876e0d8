//! The participants' room in the store: devices, submissions and their moderation,
//! voting rounds; each refused call writes nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use narada::model::{CardKind, SessionDraft, SessionKind};
use narada::storage::Store;
use narada::storage::room::{Acceptance, SubmissionStatus};
use narada::storage::room_votes::RoundScope;

fn store() -> (Store, String) {
    let mut s = Store::open_in_memory().unwrap();
    let sid = s
        .add_session(&SessionDraft::new("Szkolenie", SessionKind::Training))
        .unwrap()
        .id;
    (s, sid)
}

fn count(s: &Store, table: &str) -> i64 {
    s.room_table_rows(table).unwrap()
}

#[test]
fn devices_are_numbered_per_session_and_found_again() {
    let (mut s, sid) = store();
    let a = s.room_device(&sid, None).unwrap();
    let b = s.room_device(&sid, Some("not-a-device")).unwrap();
    assert_eq!((a.number, b.number), (1, 2));
    assert_eq!(s.room_device(&sid, Some(&a.id)).unwrap(), a);
    assert_eq!(a.pseudonym(narada::model::Lang::Pl), "Uczestnik 1");
    let other = s
        .add_session(&SessionDraft::new("Inna", SessionKind::Training))
        .unwrap()
        .id;
    // A device of one session is a stranger in another.
    assert_eq!(s.room_device(&other, Some(&a.id)).unwrap().number, 1);
}

#[test]
fn an_accepted_submission_goes_through_the_capture_grammar_and_keeps_its_provenance() {
    let (mut s, sid) = store();
    let dev = s.room_device(&sid, None).unwrap();
    let sub = s
        .submit_to_room(&dev, "  q: Kto liczy głosy? #teren <b>x</b>  ", None)
        .unwrap();
    assert_eq!(sub.status, SubmissionStatus::Pending);
    assert_eq!(sub.text, "q: Kto liczy głosy? #teren <b>x</b>");
    assert_eq!(s.room_pending_count(&sid).unwrap(), 1);
    let (done, card) = s
        .accept_submission(&sub.id, &Acceptance::default())
        .unwrap();
    assert_eq!(done.status, SubmissionStatus::Accepted);
    assert_eq!(done.card_id.as_deref(), Some(card.id.as_str()));
    assert_eq!(card.kind, CardKind::Question);
    assert_eq!(card.text, "Kto liczy głosy? <b>x</b>");
    assert_eq!(card.tags, vec!["teren".to_string()]);
    assert_eq!(card.entered_by.as_deref(), Some("Uczestnik 1 (room)"));
    let created = &s.card_history(&card.id).unwrap()[0];
    let detail: serde_json::Value =
        serde_json::from_str(created.detail.as_deref().unwrap()).unwrap();
    assert_eq!(detail["via"], "room");
    assert_eq!(detail["device"], 1);
    assert_eq!(detail["submission"], sub.id.as_str());
    assert_eq!(s.room_pending_count(&sid).unwrap(), 0);
    // Deciding twice is refused; undo puts it back in the queue and the card away.
    assert!(s.reject_submission(&sub.id).is_err());
    let back = s.reopen_submission(&sub.id).unwrap();
    assert_eq!(back.status, SubmissionStatus::Pending);
    assert!(s.card(&card.id).unwrap().deleted_at.is_some());
}

#[test]
fn the_facilitator_edits_win_and_the_phone_kind_beats_a_prefix() {
    let (mut s, sid) = store();
    let dev = s.room_device(&sid, None).unwrap();
    let sub = s
        .submit_to_room(&dev, "p: Ławki #zieleń", Some(CardKind::Concern))
        .unwrap();
    let (_, card) = s
        .accept_submission(&sub.id, &Acceptance::default())
        .unwrap();
    assert_eq!(card.kind, CardKind::Concern);
    let sub = s.submit_to_room(&dev, "Więcej drzew", None).unwrap();
    let edits = Acceptance {
        kind: Some(CardKind::Recommendation),
        text: Some("Więcej drzew w parku #zieleń".into()),
        tags: Some(vec!["park".into()]),
    };
    let (_, card) = s.accept_submission(&sub.id, &edits).unwrap();
    assert_eq!(
        (card.kind, card.text.as_str(), card.tags.clone()),
        (
            CardKind::Recommendation,
            "Więcej drzew w parku",
            vec!["park".to_string()]
        )
    );
}

#[test]
fn reject_merge_and_accept_all() {
    let (mut s, sid) = store();
    let dev = s.room_device(&sid, None).unwrap();
    let first = s.submit_to_room(&dev, "Ławki", None).unwrap();
    let (_, card) = s
        .accept_submission(&first.id, &Acceptance::default())
        .unwrap();
    let dup = s.submit_to_room(&dev, "Więcej ławek", None).unwrap();
    let merged = s.merge_submission(&dup.id, &card.id).unwrap();
    assert_eq!(merged.status, SubmissionStatus::Merged);
    assert_eq!(merged.card_seq, Some(card.seq));
    let junk = s.submit_to_room(&dev, "asdf", None).unwrap();
    assert_eq!(
        s.reject_submission(&junk.id).unwrap().status,
        SubmissionStatus::Rejected
    );
    s.set_room_accept_all(&sid, true).unwrap();
    let auto = s.submit_to_room(&dev, "o: Od razu", None).unwrap();
    assert_eq!(auto.status, SubmissionStatus::Accepted);
    let mine = s.device_submissions(&dev.id).unwrap();
    assert_eq!(mine.len(), 4);
    assert_eq!(mine[0].id, auto.id, "newest first");
}

#[test]
fn bad_texts_are_refused_and_nothing_is_written() {
    let (mut s, sid) = store();
    let dev = s.room_device(&sid, None).unwrap();
    for text in ["", "   ", &"x".repeat(501)] {
        let err = s.submit_to_room(&dev, text, None).unwrap_err().to_string();
        assert!(!err.is_empty());
    }
    assert_eq!(count(&s, "room_submission"), 0);
    assert!(s.submit_to_room(&dev, &"ż".repeat(500), None).is_ok());
}

#[test]
fn dots_stay_within_the_budget_and_closing_adds_them_with_lineage() {
    let (mut s, sid) = store();
    let dev = s.room_device(&sid, None).unwrap();
    let other = s.room_device(&sid, None).unwrap();
    let mut cards = Vec::new();
    for t in ["Ławki", "Drzewa", "Lampy"] {
        let sub = s.submit_to_room(&dev, t, None).unwrap();
        cards.push(
            s.accept_submission(&sub.id, &Acceptance::default())
                .unwrap()
                .1,
        );
    }
    s.vote(&cards[0].id, 2).unwrap(); // counted by hand before
    let round = s
        .open_vote_round(
            &sid,
            &RoundScope::Cards(vec![cards[0].id.clone(), cards[1].id.clone()]),
            3,
        )
        .unwrap();
    assert!(s.open_vote_round(&sid, &RoundScope::Session, 3).is_err());
    assert_eq!(s.set_dots(&round.id, &dev.id, &cards[0].id, 2).unwrap(), 1);
    // Beyond the budget, on a card outside the round, negative: refused.
    assert!(s.set_dots(&round.id, &dev.id, &cards[1].id, 2).is_err());
    assert!(s.set_dots(&round.id, &dev.id, &cards[2].id, 1).is_err());
    assert!(s.set_dots(&round.id, &dev.id, &cards[1].id, -1).is_err());
    // Moving: take one off the first card, put two on the second.
    assert_eq!(s.set_dots(&round.id, &dev.id, &cards[0].id, 1).unwrap(), 2);
    assert_eq!(s.set_dots(&round.id, &dev.id, &cards[1].id, 2).unwrap(), 0);
    assert_eq!(
        s.set_dots(&round.id, &other.id, &cards[1].id, 3).unwrap(),
        0
    );
    let tally = s.round_tally(&round.id).unwrap();
    assert_eq!(tally.iter().map(|c| c.dots).collect::<Vec<_>>(), vec![1, 5]);
    let mine = s.round_for_device(&round.id, &dev.id).unwrap();
    assert_eq!(mine.iter().map(|c| c.mine).collect::<Vec<_>>(), vec![1, 2]);

    let result = s.close_vote_round(&round.id).unwrap();
    assert_eq!(result.devices, 2);
    assert_eq!(s.card(&cards[0].id).unwrap().votes, 3);
    assert_eq!(s.card(&cards[1].id).unwrap().votes, 5);
    let voted = s.card_history(&cards[1].id).unwrap().pop().unwrap();
    assert_eq!(voted.event, "voted");
    let d: serde_json::Value = serde_json::from_str(voted.detail.as_deref().unwrap()).unwrap();
    assert_eq!(
        (
            d["round"].as_str(),
            d["dots"].as_i64(),
            d["devices"].as_i64()
        ),
        (Some(round.id.as_str()), Some(5), Some(2))
    );
    // A closed round takes no dots and cannot be closed twice.
    let dots_before = count(&s, "room_dot");
    assert!(s.set_dots(&round.id, &dev.id, &cards[0].id, 0).is_err());
    assert!(s.close_vote_round(&round.id).is_err());
    assert_eq!(count(&s, "room_dot"), dots_before);
    // Undo of the close.
    s.reopen_vote_round(&round.id).unwrap();
    assert_eq!(s.card(&cards[0].id).unwrap().votes, 2);
    assert_eq!(s.card(&cards[1].id).unwrap().votes, 0);
    assert!(s.open_round(&sid).unwrap().is_some());
}

#[test]
fn a_round_needs_cards_and_a_sane_budget() {
    let (mut s, sid) = store();
    assert!(s.open_vote_round(&sid, &RoundScope::Session, 3).is_err());
    assert!(s.open_vote_round(&sid, &RoundScope::Session, 0).is_err());
    assert!(
        s.open_vote_round(&sid, &RoundScope::Cards(vec!["nope".into()]), 3)
            .is_err()
    );
    assert_eq!(count(&s, "vote_round"), 0);
}
