#![allow(clippy::unwrap_used, clippy::expect_used)]
//! One truth about every card's fate: a consultation built through a sequence of work
//! (cards, two merged, one split, one deleted with a reason, decisions adopted, rejected
//! and postponed, topics mapped to §) gives the same fate per card and the same counts in
//! the interface's coverage view, the draft's source table and coverage section, and
//! the consultation report.

#[path = "support/driver.rs"]
mod driver_support;
use driver_support::{driver, screen, typed};

use narada::export::consultation::ConsultationReport;
use narada::export::{DocOptions, Document};
use narada::model::{
    CardDraft, CardKind, DecisionDraft, DecisionOutcome, DecisionTarget, Fate, FateKind, Lang,
    MapTarget, SessionDraft, SessionKind, VotePolicy,
};
use narada::storage::Store;
use narada::tui::app::Screen;
use std::collections::BTreeMap;

struct Built {
    /// Card ids by the name the test gives them.
    ids: BTreeMap<&'static str, String>,
}

fn decide(store: &mut Store, target: DecisionTarget, outcome: DecisionOutcome, why: &str) {
    let draft = DecisionDraft {
        rationale: why.into(),
        ..DecisionDraft::default()
    };
    store.decide(&target, outcome, &draft).unwrap();
}

fn build(store: &mut Store) -> Built {
    let mut session = SessionDraft::new("Szkolenie 1", SessionKind::Training);
    session.date = Some("2026-10-06".into());
    session.place = "Biblioteka".into();
    session.participants = Some(20);
    session.activities = vec!["Praca w grupach".into()];
    let sid = store.add_session(&session).unwrap().id;
    let mut ids = BTreeMap::new();
    for (name, kind, text, votes) in [
        ("pula-a", CardKind::Recommendation, "Pula osiedlowa 40%", 3),
        (
            "pula-b",
            CardKind::Proposal,
            "Pula osiedlowa co najmniej 40%",
            2,
        ),
        ("zielen", CardKind::Recommendation, "Ławki i drzewa", 7),
        ("duplikat", CardKind::Recommendation, "Ławki i drzewa!", 1),
        (
            "wiek",
            CardKind::Recommendation,
            "Głosować mogą tylko dorośli",
            4,
        ),
        ("losowanie", CardKind::Proposal, "Transmisja losowania", 0),
        ("pytanie", CardKind::Question, "Kto liczy głosy?", 1),
        ("plakaty", CardKind::Expectation, "Plakaty w szkołach", 2),
        (
            "otwarte",
            CardKind::Recommendation,
            "Nabór przez cały rok",
            0,
        ),
    ] {
        let mut d = CardDraft::new(&sid, kind, text);
        d.votes = votes;
        ids.insert(name, store.add_card(&d).unwrap().id);
    }
    let pools = store.create_topic("Pule").unwrap().id;
    let green = store.create_topic("Zieleń").unwrap().id;
    store
        .move_cards(
            &[
                ids["pula-a"].clone(),
                ids["pula-b"].clone(),
                ids["pytanie"].clone(),
            ],
            &pools,
            false,
        )
        .unwrap();
    store
        .move_cards(&[ids["zielen"].clone()], &green, false)
        .unwrap();
    let merged = store
        .merge_cards(
            &[ids["pula-a"].clone(), ids["pula-b"].clone()],
            "Pula osiedlowa: co najmniej 40%",
            VotePolicy::Sum,
            Some("to samo"),
        )
        .unwrap();
    ids.insert("scalona", merged.id);
    let parts = store
        .split_card(
            &ids["zielen"],
            &["Ławki".to_owned(), "Drzewa".to_owned()],
            Some(3),
            None,
        )
        .unwrap();
    ids.insert("lawki", parts[0].id.clone());
    ids.insert("drzewa", parts[1].id.clone());
    store
        .delete_card(&ids["duplikat"], Some("duplikat karty #3"))
        .unwrap();
    for (section, topic) in [("§ 3", &pools), ("§ 5", &green)] {
        let s = store.find_section(section).unwrap();
        store
            .map_section(&s.id, &MapTarget::Topic(topic.clone()))
            .unwrap();
    }
    decide(
        store,
        DecisionTarget::Topic(pools),
        DecisionOutcome::Adopted,
        "Zgodnie z art. 5a ust. 6.",
    );
    decide(
        store,
        DecisionTarget::Topic(green),
        DecisionOutcome::AdoptedInPart,
        "Bez limitu.",
    );
    decide(
        store,
        DecisionTarget::Card(ids["wiek"].clone()),
        DecisionOutcome::Rejected,
        "Niezgodne z orzecznictwem.",
    );
    decide(
        store,
        DecisionTarget::Card(ids["losowanie"].clone()),
        DecisionOutcome::Postponed,
        "Wróci po pierwszej edycji.",
    );
    decide(
        store,
        DecisionTarget::Card(ids["plakaty"].clone()),
        DecisionOutcome::Adopted,
        "Dobry pomysł.",
    );
    Built { ids }
}

#[test]
fn interface_draft_and_report_tell_the_same_fate_of_every_card() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fate.db");
    let built = {
        let mut store = Store::open(&db).unwrap();
        build(&mut store)
    };
    let id = |name: &str| built.ids[name].clone();

    // The interface: outline → coverage view.
    let mut d = driver(&db, Lang::Pl);
    typed(&mut d, "b");
    typed(&mut d, "o");
    typed(&mut d, "v");
    assert_eq!(d.app.screen, Screen::Coverage);
    let shown = d
        .app
        .outline
        .coverage
        .data
        .clone()
        .expect("coverage loaded");
    let text = screen(&d, 100, 40);
    assert!(text.contains("Losy kart (12)"), "{text}");
    assert!(
        text.contains("scalone: 2") && text.contains("usunięte: 1"),
        "{text}"
    );

    // The draft and the report, from the same database.
    let mut store = Store::open(&db).unwrap();
    let view = store.export_view(None, "2026-12-01").unwrap();
    let doc = Document::build(&view, &DocOptions::default()).unwrap();
    let report = ConsultationReport::build(&view);

    let interface: BTreeMap<String, Fate> = shown.fates.iter().cloned().collect();
    let draft: BTreeMap<String, Fate> = doc
        .sources
        .iter()
        .map(|r| (r.card_id.clone(), r.fate.clone()))
        .collect();
    let published: BTreeMap<String, Fate> = report
        .fates()
        .map(|(id, f)| (id.to_owned(), f.clone()))
        .collect();
    assert_eq!(interface, draft);
    assert_eq!(interface, published);

    // The card table (CSV/JSON) lists the live cards with the same fate.
    let rows = store.export_rows(None, false).unwrap();
    assert_eq!(rows.len(), 8);
    for r in &rows {
        assert_eq!(r.fate, interface[&r.id].kind().as_str(), "#{}", r.number);
    }

    // What each card's fate is.
    let seq = |name: &str| format!("#{}", store.card(&id(name)).unwrap().seq);
    let expected = [
        (
            "pula-a",
            Fate::MergedInto {
                into: seq("scalona"),
            },
        ),
        (
            "pula-b",
            Fate::MergedInto {
                into: seq("scalona"),
            },
        ),
        (
            "zielen",
            Fate::SplitInto {
                into: vec![seq("lawki"), seq("drzewa")],
            },
        ),
        (
            "duplikat",
            Fate::Deleted {
                reason: Some("duplikat karty #3".into()),
            },
        ),
        (
            "wiek",
            Fate::Rejected {
                rationale: "Niezgodne z orzecznictwem.".into(),
            },
        ),
        (
            "losowanie",
            Fate::Postponed {
                rationale: "Wróci po pierwszej edycji.".into(),
            },
        ),
        (
            "pytanie",
            Fate::Answered {
                outcome: "adopted".into(),
                response: "Zgodnie z art. 5a ust. 6.".into(),
            },
        ),
        ("plakaty", Fate::AdoptedUnused { in_part: false }),
        ("otwarte", Fate::Undecided),
        (
            "scalona",
            Fate::Used {
                citations: vec!["§ 3".into()],
                in_part: false,
            },
        ),
        (
            "lawki",
            Fate::Used {
                citations: vec!["§ 5".into()],
                in_part: true,
            },
        ),
        (
            "drzewa",
            Fate::Used {
                citations: vec!["§ 5".into()],
                in_part: true,
            },
        ),
    ];
    for (name, fate) in &expected {
        assert_eq!(&interface[&id(name)], fate, "{name}");
    }
    assert_eq!(interface.len(), expected.len());

    // The same counts in the three places.
    let c = &doc.coverage;
    assert_eq!(shown.tally, c.tally);
    assert_eq!(shown.tally, report.tally);
    assert_eq!(shown.tally.get(FateKind::Used), 3);
    assert_eq!(shown.tally.get(FateKind::Merged), 2);
    assert_eq!(shown.unused_adopted.len(), c.unused_adopted.len());
    assert_eq!(shown.unused_adopted.len(), 1);
    assert_eq!(shown.undecided.len(), c.undecided.len());
    assert_eq!(shown.undecided.len(), 1);
    assert_eq!(shown.uncovered.len(), c.uncovered.len());
    assert_eq!(shown.empty_provisions.len(), c.empty_provisions.len());
    // Merged and split originals are never "adopted but unused".
    assert_eq!(
        c.unused_adopted,
        [format!("{} — Plakaty w szkołach", seq("plakaty"))]
    );
    // The report counts the live cards (the merge and split results, not their
    // originals, and not the deleted card) and their votes: 3 + 2 merged, 7 split.
    assert_eq!(report.live_cards, 8);
    assert_eq!(report.live_votes, 3 + 2 + 7 + 4 + 1 + 2);

    // The draft's source table and the report say it in words.
    let row = |name: &str| {
        doc.sources
            .iter()
            .find(|r| r.card_id == id(name))
            .unwrap()
            .fate_text
            .clone()
    };
    assert_eq!(row("pula-a"), format!("scalona w {}", seq("scalona")));
    assert_eq!(
        row("zielen"),
        format!("podzielona na {} i {}", seq("lawki"), seq("drzewa"))
    );
    assert_eq!(row("duplikat"), "usunięta: duplikat karty #3");
    assert_eq!(row("lawki"), "wykorzystana częściowo w § 5");
    assert_eq!(row("wiek"), "odrzucona");
    let md = narada::export::consultation_text::report_markdown(&report);
    assert!(md.contains("odrzucona: Niezgodne z orzecznictwem."), "{md}");
    assert!(md.contains("odpowiedź: Zgodnie z art. 5a ust. 6."), "{md}");
}

#[test]
fn undone_merge_leaves_no_trace_in_the_fates() {
    let mut store = Store::open_in_memory().unwrap();
    let sid = store
        .add_session(&SessionDraft::new("S", SessionKind::Other))
        .unwrap()
        .id;
    let a = store
        .add_card(&CardDraft::new(&sid, CardKind::Recommendation, "a"))
        .unwrap()
        .id;
    let b = store
        .add_card(&CardDraft::new(&sid, CardKind::Recommendation, "b"))
        .unwrap()
        .id;
    let merged = store
        .merge_cards(&[a.clone(), b.clone()], "ab", VotePolicy::Sum, None)
        .unwrap();
    store.unmerge_cards(&merged.id).unwrap();
    let cov = store.coverage().unwrap();
    let ids: Vec<&str> = cov.fates.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        [a.as_str(), b.as_str()],
        "the undone result is not listed"
    );
    assert!(cov.fates.iter().all(|(_, f)| *f == Fate::Undecided));
}
