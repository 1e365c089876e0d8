//! The topic board, decisions, outline and merge dialog driven by keys on the demo
//! database: the state after each step and what the store holds, undo and redo included.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

#[path = "support/driver.rs"]
mod driver_support;
use driver_support::{board_on_first_topic, ctrl, demo, driver, key, screen, store, typed};

use narada::model::DecisionOutcome;
use narada::model::Lang;
use narada::tui::Driver;
use narada::tui::app::Screen;
use narada::tui::board::Modal;
use narada::tui::keymap::Mode;
use ratatui::crossterm::event::KeyCode;
use std::time::Duration;

/// Where a card sits now: `(topic id, source, pinned)`.
fn placement(d: &Driver, card: &str) -> Option<(String, String, bool)> {
    store(d)
        .placements()
        .unwrap()
        .into_iter()
        .find(|p| p.card_id == card)
        .map(|p| (p.topic_id, p.source, p.pinned))
}

#[test]
fn marked_cards_move_to_a_new_topic_and_back_by_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    board_on_first_topic(&mut d);
    let topic = d.app.board.selected_topic().unwrap().clone();
    typed(&mut d, "  ");
    let marked: Vec<String> = d.app.board.marked.iter().cloned().collect();
    assert_eq!(marked.len(), 2);
    typed(&mut d, "m");
    assert_eq!(d.app.mode(), Mode::Picker);
    key(&mut d, KeyCode::Enter); // the first entry: a new topic
    assert_eq!(d.app.mode(), Mode::Prompt);
    typed(&mut d, "Nowy temat testowy");
    key(&mut d, KeyCode::Enter);

    let new = store(&d).find_topic("Nowy temat testowy").unwrap();
    assert_eq!(new.size, 2);
    for c in &marked {
        assert_eq!(
            placement(&d, c),
            Some((new.id.clone(), "hand".into(), false))
        );
    }
    assert!(d.app.board.topics.iter().any(|t| t.id == new.id));
    assert!(d.app.board.marked.is_empty());

    typed(&mut d, "u");
    assert!(store(&d).find_topic("Nowy temat testowy").is_err());
    for c in &marked {
        assert_eq!(placement(&d, c).unwrap().0, topic.id);
    }
    assert!(!d.app.board.topics.iter().any(|t| t.id == new.id));
    ctrl(&mut d, 'r');
    assert_eq!(store(&d).find_topic("Nowy temat testowy").unwrap().size, 2);

    // Moving to an existing topic by typing part of its name in the picker.
    typed(&mut d, " m");
    typed(&mut d, "tryb odw");
    key(&mut d, KeyCode::Enter);
    let appeal = store(&d).find_topic("Tryb odwoławczy").unwrap();
    assert!(
        store(&d)
            .placements()
            .unwrap()
            .iter()
            .filter(|p| p.topic_id == appeal.id)
            .count()
            > 11
    );
}

#[test]
fn rename_merge_split_and_pin_each_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    board_on_first_topic(&mut d);
    key(&mut d, KeyCode::Tab); // back to the topics pane
    let topic = d.app.board.selected_topic().unwrap().clone();

    typed(&mut d, "r");
    ctrl(&mut d, 'u');
    typed(&mut d, "Ocena projektów");
    key(&mut d, KeyCode::Enter);
    assert_eq!(store(&d).topic(&topic.id).unwrap().label, "Ocena projektów");
    typed(&mut d, "u");
    assert_eq!(store(&d).topic(&topic.id).unwrap().label, topic.label);

    // Merge the largest topic into the one the picker offers first.
    typed(&mut d, "M");
    let into = match &d.app.board.modal {
        Some(Modal::Picker(p)) => p.items[0].0.clone().unwrap(),
        other => panic!("expected the picker, got {other:?}"),
    };
    let into_size = store(&d).topic(&into).unwrap().size;
    key(&mut d, KeyCode::Enter);
    assert_eq!(store(&d).topic(&into).unwrap().size, into_size + topic.size);
    assert!(
        store(&d)
            .live_topic_ids()
            .unwrap()
            .iter()
            .all(|t| t != &topic.id)
    );
    typed(&mut d, "u");
    assert_eq!(store(&d).topic(&topic.id).unwrap().size, topic.size);
    assert_eq!(store(&d).topic(&into).unwrap().size, into_size);
    let back = store(&d).topics().unwrap();
    let back = back.iter().find(|t| t.id == topic.id).unwrap();
    assert_eq!(back.sections, topic.sections, "outline links come back");

    // Split: marked cards become a topic of their own.
    key(&mut d, KeyCode::Tab);
    typed(&mut d, " ");
    let card = d.app.board.marked.iter().next().unwrap().clone();
    let home = placement(&d, &card).unwrap().0;
    typed(&mut d, "S");
    typed(&mut d, "Wydzielony");
    key(&mut d, KeyCode::Enter);
    let split = store(&d).find_topic("Wydzielony").unwrap();
    assert_eq!(placement(&d, &card).unwrap().0, split.id);
    typed(&mut d, "u");
    assert_eq!(placement(&d, &card).unwrap().0, home);

    // Pin the selected card, undo unpins.
    let sel = d.app.board.selected_card().unwrap().id.clone();
    typed(&mut d, "p");
    assert!(placement(&d, &sel).unwrap().2);
    assert!(d.app.board.is_pinned(&sel));
    typed(&mut d, "u");
    assert!(!placement(&d, &sel).unwrap().2);
}

#[test]
fn merging_and_splitting_cards_keep_the_originals_with_lineage() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    board_on_first_topic(&mut d);
    let a = d.app.board.selected_card().unwrap().clone();
    typed(&mut d, " ");
    let b = d.app.board.selected_card().unwrap().clone();
    typed(&mut d, " J");
    assert_eq!(d.app.mode(), Mode::Form);
    ctrl(&mut d, 'u');
    typed(&mut d, "Scalona karta o ocenie");
    key(&mut d, KeyCode::Tab); // votes: sum
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "duplikat");
    key(&mut d, KeyCode::Enter);

    let a1 = store(&d).card(&a.id).unwrap();
    let merged_id = a1.superseded_by.clone().expect("original marked as merged");
    let merged = store(&d).card(&merged_id).unwrap();
    assert_eq!(merged.text, "Scalona karta o ocenie");
    assert_eq!(merged.votes, a.votes + b.votes);
    assert_eq!(
        store(&d).card(&b.id).unwrap().superseded_by,
        Some(merged_id.clone())
    );
    let h = store(&d).card_history(&a.id).unwrap();
    assert!(
        h.iter().any(
            |e| e.event == "merged_into" && e.related_id.as_deref() == Some(merged_id.as_str())
        )
    );
    let h = store(&d).card_history(&merged_id).unwrap();
    assert_eq!(h.iter().filter(|e| e.event == "merged_from").count(), 2);
    assert!(h[0].detail.as_deref().unwrap().contains("duplikat"));

    // The detail of the merged card shows where it came from.
    let row = d
        .app
        .board
        .group()
        .iter()
        .position(|&i| d.app.board.cards[i].id == merged_id)
        .unwrap();
    d.app.board.card_row = row;
    key(&mut d, KeyCode::Enter);
    assert!(matches!(d.app.screen, Screen::Detail));
    let shown = d.app.cards.detail.as_ref().unwrap();
    assert_eq!(shown.history.len(), 2);
    assert_eq!(shown.history[0].event, "merged_from");
    assert!(shown.history.iter().any(|l| l.related_seq == Some(a.seq)));
    key(&mut d, KeyCode::Esc);
    assert_eq!(d.app.screen, Screen::Board);

    typed(&mut d, "u");
    assert_eq!(
        d.app.status.as_ref().map(|s| s.text.as_str()),
        Some("Undone")
    );
    assert!(store(&d).card(&a.id).unwrap().superseded_by.is_none());
    assert!(store(&d).card(&merged_id).unwrap().deleted_at.is_some());
    assert!(
        store(&d)
            .card_history(&a.id)
            .unwrap()
            .iter()
            .any(|e| e.event == "restored")
    );

    // Split the selected card into two.
    d.app.board.card_row = 0;
    let c = d.app.board.selected_card().unwrap().clone();
    typed(&mut d, "|");
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "Druga myśl z karty");
    key(&mut d, KeyCode::Enter);
    let c1 = store(&d).card(&c.id).unwrap();
    assert!(c1.superseded_by.is_some(), "original kept, marked split");
    let parts: Vec<String> = store(&d)
        .card_history(&c.id)
        .unwrap()
        .into_iter()
        .filter(|e| e.event == "split_into")
        .filter_map(|e| e.related_id)
        .collect();
    assert_eq!(parts.len(), 2);
    assert_eq!(
        store(&d).card(&parts[1]).unwrap().text,
        "Druga myśl z karty"
    );
    let back = store(&d).card_history(&parts[1]).unwrap();
    assert_eq!(back[0].event, "split_from");
    typed(&mut d, "u");
    assert!(store(&d).card(&c.id).unwrap().superseded_by.is_none());
    assert!(store(&d).card(&parts[0]).unwrap().deleted_at.is_some());
}

#[test]
fn a_decision_is_recorded_listed_filtered_and_retracted_by_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    typed(&mut d, "b");
    typed(&mut d, "G"); // the smallest topic
    let topic = d.app.board.selected_topic().unwrap().clone();
    let before = store(&d).decisions().unwrap().len();
    typed(&mut d, "d");
    assert_eq!(d.app.mode(), Mode::Form);
    key(&mut d, KeyCode::Right);
    key(&mut d, KeyCode::Right); // adopted → in part → rejected
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "Poza zakresem uchwały");
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "3");
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "7");
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "1");
    key(&mut d, KeyCode::Tab);
    ctrl(&mut d, 'u');
    typed(&mut d, "2026-12-10");
    key(&mut d, KeyCode::Enter);

    let log = store(&d).decisions().unwrap();
    assert_eq!(log.len(), before + 1);
    let row = &log[0];
    assert_eq!(row.target_id, topic.id);
    assert_eq!(row.outcome, DecisionOutcome::Rejected);
    assert_eq!(row.rationale, "Poza zakresem uchwały");
    assert_eq!(
        (row.votes_for, row.votes_against, row.votes_abstain),
        (Some(3), Some(7), Some(1))
    );
    assert_eq!(row.decided_on.as_deref(), Some("2026-12-10"));
    assert_eq!(
        store(&d).topic(&topic.id).unwrap().decision,
        Some(DecisionOutcome::Rejected)
    );
    let shown = d
        .app
        .board
        .topics
        .iter()
        .find(|t| t.id == topic.id)
        .unwrap();
    assert_eq!(shown.decision, Some(DecisionOutcome::Rejected));

    // The log, filtered to rejected decisions.
    typed(&mut d, "L");
    assert_eq!(d.app.screen, Screen::Decisions);
    assert_eq!(d.app.decisions.rows.len(), before + 1);
    typed(&mut d, "fff");
    assert_eq!(d.app.decisions.filter, Some(DecisionOutcome::Rejected));
    assert!(
        d.app
            .decisions
            .visible()
            .iter()
            .all(|r| r.outcome == DecisionOutcome::Rejected)
    );

    // Undo retracts: the row stays in the log, the topic's decision is the earlier one.
    typed(&mut d, "u");
    let log = store(&d).decisions().unwrap();
    assert_eq!(log.len(), before + 1, "nothing deleted");
    assert!(log[0].retracted_at.is_some());
    assert!(!log[0].current);
    assert_eq!(store(&d).topic(&topic.id).unwrap().decision, topic.decision);
    ctrl(&mut d, 'r');
    assert_eq!(
        store(&d).topic(&topic.id).unwrap().decision,
        Some(DecisionOutcome::Rejected)
    );
    key(&mut d, KeyCode::Esc);
    assert_eq!(d.app.screen, Screen::Board);
}

#[test]
fn clustering_from_the_board_keeps_hand_placements_and_pins() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    board_on_first_topic(&mut d);
    let pinned = d.app.board.selected_card().unwrap().id.clone();
    typed(&mut d, "p");
    let before = store(&d).placements().unwrap();
    let unsorted_before = d.app.board.groups[0].len();
    assert!(unsorted_before > 0);

    typed(&mut d, "c");
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "6");
    key(&mut d, KeyCode::Enter);
    assert!(d.app.board.clustering.is_some(), "runs on a worker");
    assert_eq!(d.app.mode(), Mode::Board, "keys keep working meanwhile");
    typed(&mut d, "k");
    d.settle(Duration::from_mins(1));
    let Some(Modal::Proposal(p)) = &d.app.board.modal else {
        panic!("expected a proposal, got {:?}", d.app.modal);
    };
    assert!(!p.record.topics.is_empty());
    assert_eq!(
        store(&d).placements().unwrap(),
        before,
        "nothing stored yet"
    );
    typed(&mut d, "a");
    assert!(!d.app.has_modal());

    let after = store(&d).placements().unwrap();
    for p in &before {
        let now = after.iter().find(|a| a.card_id == p.card_id).unwrap();
        assert_eq!(now.topic_id, p.topic_id, "hand placement kept");
    }
    assert!(after.iter().any(|p| p.card_id == pinned && p.pinned));
    assert!(
        d.app.board.groups[0].len() < unsorted_before,
        "unsorted cards placed"
    );

    // Undo takes the whole run back.
    typed(&mut d, "u");
    let mut again = store(&d).placements().unwrap();
    let mut want = before.clone();
    again.sort_by(|a, b| a.card_id.cmp(&b.card_id));
    want.sort_by(|a, b| a.card_id.cmp(&b.card_id));
    assert_eq!(again, want);
}

#[test]
fn a_proposal_accepted_in_part_applies_only_the_marked_topics() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    typed(&mut d, "b");
    let topics_before = store(&d).live_topic_ids().unwrap().len();
    typed(&mut d, "c");
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "4");
    key(&mut d, KeyCode::Enter);
    d.settle(Duration::from_mins(1));
    let first = match &d.app.board.modal {
        Some(Modal::Proposal(p)) => p.record.topics[0].clone(),
        other => panic!("expected a proposal, got {other:?}"),
    };
    let n = match &d.app.board.modal {
        Some(Modal::Proposal(p)) => p.record.topics.len(),
        _ => 0,
    };
    assert!(n >= 2);
    let placed_before: std::collections::HashMap<String, _> = store(&d)
        .placements()
        .unwrap()
        .into_iter()
        .map(|p| (p.card_id.clone(), p))
        .collect();
    // Keep only the first proposed topic.
    typed(&mut d, "j");
    for _ in 1..n {
        typed(&mut d, " j");
    }
    key(&mut d, KeyCode::Enter);
    let topics_after = store(&d).live_topic_ids().unwrap().len();
    let placed_after: std::collections::HashMap<String, _> = store(&d)
        .placements()
        .unwrap()
        .into_iter()
        .map(|p| (p.card_id.clone(), p))
        .collect();
    let in_first: std::collections::HashSet<&str> =
        first.members.iter().map(|m| m.0.as_str()).collect();
    // Cards outside the accepted topic are exactly where they were.
    for (card, p) in &placed_before {
        if !in_first.contains(card.as_str()) {
            assert_eq!(placed_after.get(card), Some(p), "card {card} moved");
        }
    }
    assert!(
        placed_after
            .keys()
            .all(|c| placed_before.contains_key(c) || in_first.contains(c.as_str())),
        "only the accepted topic's cards were newly placed"
    );
    // The accepted topic's cards that were not placed by hand or pinned now share one
    // topic, and that is the only topic the run added.
    let free: Vec<&str> = first
        .members
        .iter()
        .map(|m| m.0.as_str())
        .filter(|c| {
            placed_before
                .get(*c)
                .is_none_or(|p| p.source == "run" && !p.pinned)
        })
        .collect();
    assert!(!free.is_empty(), "the accepted topic moves some card");
    let homes: std::collections::HashSet<&str> = free
        .iter()
        .map(|c| placed_after[*c].topic_id.as_str())
        .collect();
    assert_eq!(homes.len(), 1, "{homes:?}");
    assert!(
        topics_after <= topics_before + 1,
        "{topics_before} → {topics_after}"
    );

    // Discarding stores nothing.
    typed(&mut d, "c");
    key(&mut d, KeyCode::Enter);
    d.settle(Duration::from_mins(1));
    let placements = store(&d).placements().unwrap();
    typed(&mut d, "x");
    assert!(!d.app.has_modal());
    assert_eq!(store(&d).placements().unwrap(), placements);
}

#[test]
fn re_clustering_one_topic_splits_it_by_hand_and_undo_joins_it_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    typed(&mut d, "bj");
    let topic = d.app.board.selected_topic().unwrap().clone();
    let before = store(&d).live_topic_ids().unwrap().len();
    typed(&mut d, "S");
    assert_eq!(d.app.mode(), Mode::Form, "no marks: re-cluster the topic");
    key(&mut d, KeyCode::Enter); // k = 2
    d.settle(Duration::from_mins(1));
    let Some(Modal::Proposal(p)) = &d.app.board.modal else {
        panic!("expected a proposal, got {:?}", d.app.modal);
    };
    assert_eq!(p.split_of.as_deref(), Some(topic.id.as_str()));
    let parts = p.record.topics.len();
    assert!(parts >= 2);
    typed(&mut d, "a");
    let after = store(&d).live_topic_ids().unwrap().len();
    assert_eq!(
        after,
        before + parts - 1,
        "each part but the first is a new topic"
    );
    assert!(store(&d).topic(&topic.id).unwrap().size < topic.size);
    typed(&mut d, "u");
    assert_eq!(store(&d).live_topic_ids().unwrap().len(), before);
    assert_eq!(store(&d).topic(&topic.id).unwrap().size, topic.size);
}

/// `w` lists the keywords of each proposed topic in the proposal and of the selected
/// topic on the board, and hides them again.
#[test]
fn keywords_are_shown_on_demand_in_the_proposal_and_on_the_board() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    board_on_first_topic(&mut d);
    typed(&mut d, "c");
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "4");
    key(&mut d, KeyCode::Enter);
    d.settle(Duration::from_mins(1));
    let Some(Modal::Proposal(p)) = &d.app.board.modal else {
        panic!("expected a proposal, got {:?}", d.app.modal);
    };
    let first = p.record.topics[0].keywords.join(", ");
    assert!(!first.is_empty());
    let shown = |d: &Driver| screen(d, 120, 40).contains(&format!("keywords: {first}"));
    assert!(!shown(&d));
    typed(&mut d, "w");
    assert!(shown(&d), "{}", screen(&d, 120, 40));
    typed(&mut d, "w");
    assert!(!shown(&d));
    typed(&mut d, "a");
    assert!(!d.app.has_modal());

    // On the board: a topic the run made carries its keywords.
    let row = 1 + d
        .app
        .board
        .topics
        .iter()
        .position(|t| !t.keywords.is_empty())
        .expect("a topic with keywords");
    if d.app.board.focus == narada::tui::board::Pane::Cards {
        key(&mut d, KeyCode::Tab);
    }
    typed(&mut d, "g");
    for _ in 0..row {
        typed(&mut d, "j");
    }
    assert_eq!(d.app.board.topic_row, row);
    let words = d.app.board.selected_topic().unwrap().keywords.join(", ");
    let on_board = |d: &Driver| screen(d, 120, 40).contains(&format!("keywords: {words}"));
    assert!(!on_board(&d));
    typed(&mut d, "w");
    assert!(on_board(&d), "{}", screen(&d, 120, 40));
    typed(&mut d, "w");
    assert!(!on_board(&d));
}
