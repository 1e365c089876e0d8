//! What the board shows and keeps after a decision, a split, a merge and a clustering
//! proposal: vote totals, badges, what a run leaves in place, and how wide things are.
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

#[test]
fn splitting_a_card_divides_its_votes_and_undo_redo_keep_the_total() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    board_on_first_topic(&mut d);
    let group = d.app.board.group();
    let row = group
        .iter()
        .position(|&i| d.app.board.cards[i].votes >= 2)
        .expect("a card with votes");
    d.app.board.card_row = row;
    let c = d.app.board.selected_card().unwrap().clone();
    let total = |d: &Driver| -> i64 {
        store(d)
            .cards(&narada::storage::CardFilter::default())
            .unwrap()
            .iter()
            .map(|c| c.votes)
            .sum()
    };
    let before = total(&d);
    typed(&mut d, "|");
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "Druga myśl z karty");
    key(&mut d, KeyCode::Tab); // votes to part 1, prefilled with all of them
    ctrl(&mut d, 'u');
    typed(&mut d, &(c.votes + 1).to_string());
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.app.mode(), Mode::Form, "more votes than the card has");
    assert!(store(&d).card(&c.id).unwrap().superseded_by.is_none());
    ctrl(&mut d, 'u');
    typed(&mut d, "1");
    key(&mut d, KeyCode::Enter);
    let parts = |d: &Driver| -> Vec<i64> {
        let first = store(d).card(&c.id).unwrap().superseded_by.unwrap();
        let mut ids: Vec<String> = store(d)
            .card_history(&c.id)
            .unwrap()
            .into_iter()
            .filter(|e| e.event == "split_into")
            .filter_map(|e| e.related_id)
            .filter(|id| store(d).card(id).unwrap().deleted_at.is_none())
            .collect();
        ids.sort_by_key(|id| *id != first);
        ids.iter()
            .map(|id| store(d).card(id).unwrap().votes)
            .collect()
    };
    assert_eq!(parts(&d), vec![1, c.votes - 1]);
    assert_eq!(total(&d), before, "votes divided, not copied");
    typed(&mut d, "u");
    assert_eq!(total(&d), before);
    assert_eq!(store(&d).card(&c.id).unwrap().votes, c.votes);
    ctrl(&mut d, 'r');
    assert_eq!(parts(&d), vec![1, c.votes - 1]);
    assert_eq!(total(&d), before);
}

#[test]
fn the_status_after_merging_cards_says_the_resulting_total() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    board_on_first_topic(&mut d);
    let a = d.app.board.selected_card().unwrap().clone();
    typed(&mut d, " ");
    let b = d.app.board.selected_card().unwrap().clone();
    typed(&mut d, " J");
    key(&mut d, KeyCode::Enter); // the joined text, votes added up
    let status = d.app.status.as_ref().map(|s| s.text.clone()).unwrap();
    assert!(
        status.ends_with(&format!("({})", a.votes + b.votes)),
        "{status}"
    );
}

#[test]
fn a_proposal_says_which_topics_keep_their_cards_and_lists_a_topics_cards() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    board_on_first_topic(&mut d);
    key(&mut d, KeyCode::Tab); // back to the topics pane
    let topic = d.app.board.selected_topic().unwrap().clone();
    typed(&mut d, "r");
    ctrl(&mut d, 'u');
    typed(&mut d, "Renamed by hand");
    key(&mut d, KeyCode::Enter);
    typed(&mut d, "c");
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "3");
    key(&mut d, KeyCode::Enter);
    d.settle(Duration::from_mins(1));
    let Some(Modal::Proposal(p)) = &d.app.board.modal else {
        panic!("expected a proposal, got {:?}", d.app.modal);
    };
    assert!(
        p.plan.stays.iter().any(|s| s.topic_id == topic.id),
        "the renamed topic keeps its cards"
    );
    // A card of the first proposed topic beyond the two representative ones shown.
    let reps = p.record.topics[0].representatives(2);
    let hidden = p.record.topics[0]
        .members
        .iter()
        .find(|m| !reps.contains(&m.0.as_str()))
        .expect("more than two cards")
        .0
        .clone();
    // Its row: the card's number between spaces (the notes list numbers with commas).
    let row = format!(" #{} ", store(&d).card(&hidden).unwrap().seq);
    let shown = screen(&d, 80, 24);
    assert!(shown.contains("Stay: "), "{shown}");
    assert!(!shown.contains(&row), "cards hidden until asked");
    key(&mut d, KeyCode::Tab);
    let shown = screen(&d, 80, 24);
    assert!(shown.contains(&row), "{row} in {shown}");
    key(&mut d, KeyCode::Tab);
    assert!(!screen(&d, 80, 24).contains(&row));
    typed(&mut d, "a");
    assert!(!d.app.has_modal());
    let now = store(&d).topic(&topic.id).unwrap();
    assert_eq!(
        (now.size, now.votes),
        (topic.size, topic.votes),
        "the renamed topic kept all its cards"
    );
}

#[test]
fn a_decided_card_shows_its_badge_on_the_board_and_its_decision_in_the_detail() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::En);
    board_on_first_topic(&mut d);
    let card = d.app.board.selected_card().unwrap().clone();
    let topic_decision = card.decision;
    assert_ne!(topic_decision, Some(DecisionOutcome::Rejected));
    typed(&mut d, "d");
    key(&mut d, KeyCode::Right);
    key(&mut d, KeyCode::Right); // adopted → in part → rejected
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "Poza zakresem uchwały");
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "3");
    key(&mut d, KeyCode::Tab);
    typed(&mut d, "7");
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.app.screen, Screen::Board);

    // The board's row of the card carries the ✘ badge at once.
    assert_eq!(
        d.app.board.selected_card().unwrap().decision,
        Some(DecisionOutcome::Rejected)
    );
    let board = screen(&d, 100, 30);
    // The selected card's row: the cards pane's part of the line with its marker.
    let row = board
        .lines()
        .filter_map(|l| l.split_once('│').map(|(_, cards)| cards))
        .find(|cards| cards.starts_with('▸'))
        .unwrap_or_default();
    assert!(row.contains('✘'), "no badge on the card's row:\n{board}");

    // The detail says what was decided, why and by what vote.
    key(&mut d, KeyCode::Enter);
    assert_eq!(d.app.screen, Screen::Detail);
    let detail = screen(&d, 80, 24);
    assert!(detail.contains("Decision: rejected"), "{detail}");
    assert!(
        detail.contains("Rationale: Poza zakresem uchwały"),
        "{detail}"
    );
    assert!(detail.contains("Votes for 3 · Votes against 7"), "{detail}");

    // Undone from the detail: it shows the topic's decision again, not the withdrawn one.
    typed(&mut d, "u");
    let detail = screen(&d, 80, 24);
    assert!(!detail.contains("rejected"), "{detail}");
    assert!(!detail.contains("Poza zakresem"), "{detail}");
    assert_eq!(d.app.detail_card().unwrap().decision, topic_decision);
    if topic_decision.is_some() {
        assert!(detail.contains("for the whole topic"), "{detail}");
    }
    key(&mut d, KeyCode::Esc);
    assert_eq!(
        d.app.board.selected_card().unwrap().decision,
        topic_decision
    );
}

#[test]
fn the_board_gives_topics_what_they_need_and_cards_the_rest_with_the_selected_one_whole() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::Pl);
    board_on_first_topic(&mut d);
    let longest = d
        .app
        .board
        .topics
        .iter()
        .map(|t| t.label.clone())
        .max_by_key(|l| l.chars().count())
        .unwrap();
    // Wide: every label whole, the divider well left of the middle.
    d.act(narada::tui::action::Action::Resize(200, 60));
    let wide = screen(&d, 200, 60);
    assert!(wide.contains(&longest), "{wide}");
    let divider = wide
        .lines()
        .nth(2)
        .unwrap()
        .chars()
        .position(|c| c == '│')
        .unwrap();
    assert!(divider <= 80, "topics take {divider} of 200 columns");
    // At 100 columns the cards get more than half, and the selected card reads whole.
    d.act(narada::tui::action::Action::Resize(100, 30));
    let mid = screen(&d, 100, 30);
    let divider = mid
        .lines()
        .nth(2)
        .unwrap()
        .chars()
        .position(|c| c == '│')
        .unwrap();
    assert!(divider <= 40, "topics take {divider} of 100 columns");
    let card = d.app.board.selected_card().unwrap().text.clone();
    let pane: Vec<String> = mid
        .lines()
        .skip(2)
        .filter_map(|l| l.split_once('│').map(|(_, c)| c.to_owned()))
        .collect();
    let start = pane.iter().position(|l| l.starts_with('▸')).unwrap();
    let mut shown = pane[start].chars().skip(14).collect::<String>();
    for l in &pane[start + 1..] {
        if !l.starts_with("              ") {
            break;
        }
        shown.push(' ');
        shown.push_str(l.trim());
    }
    assert_eq!(shown.trim(), card, "{mid}");
}
