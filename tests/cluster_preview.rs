//! A clustering proposal tells the truth: on a board built through a sequence of work
//! (a run accepted, cards moved by hand, one pinned, a topic decided, one mapped to the
//! outline, new cards added), the plan a preview shows is exactly what accepting
//! changes in the database, card by card — for a whole run, for the marked topics only
//! and for a topic re-clustered into parts; and outline seeds fill existing topics.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

#[path = "support/driver.rs"]
mod driver_support;
use driver_support::{demo, driver, key, screen, store, typed};

use narada::cluster::{ClusterOptions, SeedTopic};
use narada::model::{
    CardDraft, CardKind, DecisionDraft, DecisionOutcome, DecisionTarget, Lang, MapTarget,
    SessionDraft, SessionKind,
};
use narada::storage::run_plan::{Dest, KeptBecause, RunPlan, with_distinct_labels};
use narada::storage::runs::{RunRecord, RunTopic};
use narada::storage::{ConsultationPatch, Store};
use narada::tui::board::Modal;
use ratatui::crossterm::event::KeyCode;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Duration;

const THEMES: [[&str; 6]; 4] = [
    [
        "Więcej ławek w parku miejskim",
        "Nowe drzewa w parku przy szkole",
        "Park potrzebuje więcej zieleni i ławek",
        "Zieleń w parku podlewać latem",
        "Ławki w parku są zniszczone",
        "Posadzić drzewa i krzewy w parku",
    ],
    [
        "Ścieżka rowerowa wzdłuż rzeki",
        "Stojaki rowerowe przy szkole",
        "Bezpieczna ścieżka rowerowa do szkoły",
        "Rowery miejskie przy dworcu",
        "Naprawić ścieżkę rowerową przy rzece",
        "Więcej stojaków rowerowych w centrum",
    ],
    [
        "Głosowanie przez internet i papierowe",
        "Karta do głosowania prostsza",
        "Głosowanie w bibliotece i szkole",
        "Więcej punktów do głosowania",
        "Głosowanie dla młodzieży od 13 lat",
        "Wyniki głosowania ogłosić szybko",
    ],
    [
        "Odwołanie od oceny projektu w 14 dni",
        "Kto rozpatruje odwołanie od oceny",
        "Uzasadnienie oceny projektu publicznie",
        "Odwołanie składać przez internet",
        "Ocena projektu przez niezależny zespół",
        "Termin na odwołanie od oceny za krótki",
    ],
];

/// Where each card sits: card id → (topic id, source, pinned).
type Board = HashMap<String, (String, String, bool)>;

/// `narada --db DB ARGS…` in `dir`'s data directory, which must succeed; the argument
/// groups are joined in order.
fn narada(dir: &Path, db: &Path, args: &[&[&str]]) -> std::process::Output {
    assert_cmd::Command::cargo_bin("narada")
        .unwrap()
        .env("NARADA_DATA_DIR", dir)
        .arg("--db")
        .arg(db)
        .args(args.iter().flat_map(|a| a.iter()))
        .assert()
        .success()
        .get_output()
        .clone()
}

fn board(store: &Store) -> Board {
    store
        .placements()
        .unwrap()
        .into_iter()
        .map(|p| (p.card_id, (p.topic_id, p.source, p.pinned)))
        .collect()
}

fn live(store: &Store) -> HashSet<String> {
    store.live_topic_ids().unwrap().into_iter().collect()
}

/// Checks a stored change against the plan shown before it: every card the plan moves
/// is in its destination, every other card is exactly where it was, topics appear and
/// go as the plan says. `label_of_new` names the topic each new destination gets.
fn check(
    plan: &RunPlan,
    label_of_new: &dyn Fn(usize) -> String,
    before: (&Board, &HashSet<String>),
    after: (&Store, &Board),
) {
    let (was, live_before) = before;
    let (store, now) = after;
    let moved: HashMap<&str, _> = plan.moves.iter().map(|m| (m.card_id.as_str(), m)).collect();
    let cards: HashSet<&String> = was.keys().chain(now.keys()).collect();
    let all: Vec<String> = store
        .cluster_input(None)
        .unwrap()
        .into_iter()
        .map(|c| c.0)
        .collect();
    for card in all.iter().chain(cards) {
        match moved.get(card.as_str()) {
            Some(m) => {
                assert_eq!(
                    was.get(card).map(|p| p.0.clone()),
                    m.from,
                    "the move starts where the card was"
                );
                match m.to {
                    None => assert!(!now.contains_key(card), "{card} back to unsorted"),
                    Some(i) => {
                        let (topic, ..) = &now[card];
                        match &plan.dest[i] {
                            Dest::Existing(id) => assert_eq!(topic, id),
                            Dest::New => {
                                assert!(!live_before.contains(topic), "a new topic");
                                assert_eq!(store.topic(topic).unwrap().label, label_of_new(i));
                            }
                        }
                    }
                }
            }
            None => assert_eq!(was.get(card), now.get(card), "{card} did not move"),
        }
    }
    let live_after = live(store);
    for id in &plan.retired {
        assert!(!live_after.contains(id), "retired as the plan says");
    }
    let gone: Vec<&String> = live_before.difference(&live_after).collect();
    assert_eq!(gone.len(), plan.retired.len(), "no other topic retired");
    assert_eq!(
        live_after.difference(live_before).count(),
        plan.new_topics().len(),
        "the new topics the plan names, no others"
    );
}

/// Accepts `run` through the store and checks it against its plan.
fn accept_and_check(store: &mut Store, run: &RunRecord) -> RunPlan {
    let plan = store.plan_cluster_run(run).unwrap();
    // Named as `narada cluster` shows the run before storing it.
    let run = &with_distinct_labels(run, &store.topics().unwrap(), &plan);
    let (was, live_before) = (board(store), live(store));
    store.save_cluster_run(run, true).unwrap();
    let now = board(store);
    let name = |i: usize| {
        let t = &run.topics[i];
        t.seed_name.clone().unwrap_or_else(|| t.label.clone())
    };
    check(&plan, &name, (&was, &live_before), (store, &now));
    plan
}

fn engine_run(store: &Store, k: usize, seeds: Vec<SeedTopic>) -> RunRecord {
    let cards = store.cluster_input(None).unwrap();
    let texts: Vec<&str> = cards.iter().map(|c| c.1.as_str()).collect();
    let opts = ClusterOptions {
        k: Some(k),
        lang: Some(Lang::Pl),
        seeds,
        ..ClusterOptions::default()
    };
    let result = narada::cluster::cluster(&texts, &opts);
    let mut run = narada::jobs::run_record(&cards, &result, &opts, None);
    let names: Vec<String> = opts.seeds.iter().map(|s| s.name.clone()).collect();
    let homes = store.seed_homes(&names).unwrap();
    let by_id: HashMap<&str, &str> = cards.iter().map(|c| (c.0.as_str(), c.1.as_str())).collect();
    narada::jobs::route_seeds(&mut run, &homes, &by_id);
    run
}

/// A board worked on: a run accepted, two cards moved by hand, one pinned, one topic
/// decided, another mapped to the outline, then four new cards.
fn worked_board(path: &Path) -> Store {
    let mut store = Store::open(path).unwrap();
    store
        .update_consultation(&ConsultationPatch {
            title: Some("Zasady budżetu".into()),
            language: Some("pl".into()),
            ..ConsultationPatch::default()
        })
        .unwrap();
    let sid = store
        .add_session(&SessionDraft::new("Warsztat", SessionKind::Training))
        .unwrap()
        .id;
    for theme in &THEMES {
        for text in theme {
            store
                .add_card(&CardDraft::new(&sid, CardKind::Proposal, text))
                .unwrap();
        }
    }
    let first = engine_run(&store, 4, Vec::new());
    accept_and_check(&mut store, &first);
    let topics = store.topics().unwrap();
    assert!(topics.len() >= 4, "{topics:?}");
    let members = |store: &Store, id: &str| -> Vec<String> {
        let mut m: Vec<String> = store
            .placements()
            .unwrap()
            .into_iter()
            .filter(|p| p.topic_id == id)
            .map(|p| p.card_id)
            .collect();
        m.sort();
        m
    };
    let (a, b, c, e) = (&topics[0], &topics[1], &topics[2], &topics[3]);
    // Two cards of the largest topic moved by hand into the fourth, one pinned.
    let moving: Vec<String> = members(&store, &a.id).into_iter().take(2).collect();
    store.move_cards(&moving, &e.id, false).unwrap();
    let pin = members(&store, &a.id)[0].clone();
    store.pin_cards(std::slice::from_ref(&pin), true).unwrap();
    store
        .decide(
            &DecisionTarget::Topic(b.id.clone()),
            DecisionOutcome::Adopted,
            &DecisionDraft::default(),
        )
        .unwrap();
    let section = store.add_section(None, "Zasady ogólne").unwrap();
    store
        .map_section(&section.id, &MapTarget::Topic(c.id.clone()))
        .unwrap();
    for text in [
        "Ławki i drzewa w nowym parku",
        "Ścieżka rowerowa przez park",
        "Głosowanie w szkole dla młodzieży",
        "Zupełnie inna sprawa bez związku",
    ] {
        store
            .add_card(&CardDraft::new(&sid, CardKind::Proposal, text))
            .unwrap();
    }
    store
}

/// A run that proposes every card elsewhere: three new topics by position, two unsorted.
fn scrambled(store: &Store) -> RunRecord {
    let cards = store.cluster_input(None).unwrap();
    let mut topics: Vec<RunTopic> = (0..3)
        .map(|j| RunTopic {
            label: format!("grupa {j}"),
            keywords: Vec::new(),
            seed_name: None,
            target: None,
            example_card_id: cards[j].0.clone(),
            members: Vec::new(),
            central: Vec::new(),
        })
        .collect();
    let mut unsorted = Vec::new();
    for (i, (id, _)) in cards.iter().enumerate() {
        if i % 11 == 5 {
            unsorted.push((id.clone(), 0.1));
        } else {
            topics[i % 3]
                .members
                .push((id.clone(), 1.0 - i as f32 / 100.0));
        }
    }
    RunRecord {
        session_id: None,
        params: "{}".into(),
        k: 3,
        k_auto: false,
        lang: "pl".into(),
        topics,
        unsorted,
    }
}

#[test]
fn a_previewed_run_changes_exactly_what_its_plan_says() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = worked_board(&dir.path().join("w.db"));
    let run = scrambled(&store);
    let plan = accept_and_check(&mut store, &run);
    let reasons: HashSet<KeptBecause> = plan.stays.iter().map(|s| s.because).collect();
    for r in [
        KeptBecause::Pinned,
        KeptBecause::PlacedByHand,
        KeptBecause::Decided,
        KeptBecause::Mapped,
    ] {
        assert!(reasons.contains(&r), "{r:?} among {reasons:?}");
    }
    assert!(!plan.moves.is_empty());
    assert!(
        plan.moves.iter().any(|m| m.to.is_none()),
        "some go back to unsorted"
    );
    // A real re-cluster of the same board, then of the board it leaves.
    for k in [3, 5] {
        let run = engine_run(&store, k, Vec::new());
        accept_and_check(&mut store, &run);
    }
}

/// Types `text`, with `\t` as Tab and `\n` as Enter.
fn keys(d: &mut narada::tui::Driver, text: &str) {
    for c in text.chars() {
        match c {
            '\t' => key(d, KeyCode::Tab),
            '\n' => key(d, KeyCode::Enter),
            c => typed(d, &c.to_string()),
        }
    }
}

/// The run the interface proposes, accepted by keys (all, or the marked topics only,
/// or a topic split into parts), against the plan the proposal showed.
fn accept_by_keys(path: &Path, setup: &str, marks: &str) {
    let mut d = driver(path, Lang::En);
    keys(&mut d, setup);
    d.settle(Duration::from_mins(1));
    assert!(
        matches!(d.app.board.modal, Some(Modal::Proposal(_))),
        "expected a proposal:\n{}",
        screen(&d, 80, 24)
    );
    let shown = screen(&d, 80, 24);
    assert!(shown.contains("Moves "), "{shown}");
    keys(&mut d, marks);
    let Some(Modal::Proposal(p)) = &d.app.board.modal else {
        panic!("still a proposal");
    };
    let (plan, accepted, split) = (p.plan.clone(), p.accepted(false), p.split_of.is_some());
    assert!(!plan.moves.is_empty(), "a proposal that changes something");
    assert_eq!(split, setup.contains('S'));
    let was = board(store(&d));
    let live_before = live(store(&d));
    key(&mut d, KeyCode::Enter);
    assert!(!d.app.has_modal(), "{:?}", d.app.status);
    let now = board(store(&d));
    let name = |i: usize| {
        let t = &accepted.topics[i];
        t.seed_name.clone().unwrap_or_else(|| t.label.clone())
    };
    check(&plan, &name, (&was, &live_before), (store(&d), &now));
    if split {
        assert!(plan.moves.iter().all(|m| now[&m.card_id].1 == "hand"));
    }
}

#[test]
fn the_interface_accepts_what_its_proposal_shows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    drop(worked_board(&path));
    // All of a run: Enter with every topic marked.
    accept_by_keys(&path, "bc\t4\n", "");
    // The marked topics only: the second one unmarked.
    accept_by_keys(&path, "bc\t3\n", "j ");
    // The largest topic re-clustered into two parts, both kept.
    accept_by_keys(&path, "bjS\n", "");
}

#[test]
fn outline_seeds_fill_the_topics_of_their_chapter_and_are_made_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let mut store = Store::open(&db).unwrap();
    let seeds: Vec<SeedTopic> = narada::model::outline::seed_topics("pl")
        .into_iter()
        .map(|(name, keywords)| SeedTopic { name, keywords })
        .collect();
    let voting = store
        .find_topic("Sposób głosowania i system punktowy")
        .unwrap();
    let run = engine_run(&store, 12, seeds.clone());
    assert!(
        run.topics
            .iter()
            .any(|t| t.target.as_deref() == Some(&voting.id)),
        "the voting chapter's cards go to its mapped topics"
    );
    let plan = accept_and_check(&mut store, &run);
    assert!(plan.moves.iter().any(|m| {
        m.to.is_some_and(|i| plan.dest[i] == Dest::Existing(voting.id.clone()))
    }));
    let labels = |s: &Store| -> Vec<String> {
        let mut l: Vec<String> = s.topics().unwrap().into_iter().map(|t| t.label).collect();
        l.sort();
        l
    };
    let once = labels(&store);
    for chapter in ["Głosowanie", "Tryb odwoławczy", "Lista poparcia"] {
        assert!(
            !once.iter().any(|l| l == chapter) || chapter == "Tryb odwoławczy", // the demo has a topic of that name
            "no {chapter} beside the chapter's topics: {once:?}"
        );
    }
    assert_eq!(once.iter().filter(|l| *l == "Tryb odwoławczy").count(), 1);
    // A theme goes to the topic whose name holds its words.
    assert!(
        once.iter()
            .any(|l| l == "Promocja, edukacja i prosty język")
    );
    assert!(!once.iter().any(|l| l == "Promocja i edukacja"), "{once:?}");
    let again = engine_run(&store, 12, seeds);
    accept_and_check(&mut store, &again);
    let twice = labels(&store);
    for l in &twice {
        assert_eq!(
            twice.iter().filter(|x| *x == l).count(),
            1,
            "{l} twice: {twice:?}"
        );
    }
}

/// The proposal of a re-cluster on the worked board, in both languages, at 80×24 and
/// 20×5, closed and with its first topic opened (every card with what happens to it).
#[test]
fn proposal_screens_say_what_accepting_does() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    drop(worked_board(&path));
    for (lang, code) in [(Lang::Pl, "pl"), (Lang::En, "en")] {
        for (w, h) in [(80u16, 24u16), (20, 5)] {
            let mut d = driver(&path, lang);
            d.act(narada::tui::action::Action::Resize(w, h));
            keys(&mut d, "bc\t3\n");
            d.settle(Duration::from_mins(1));
            insta::assert_snapshot!(format!("plan_{code}_{w}x{h}"), screen(&d, w, h));
            keys(&mut d, "\t");
            insta::assert_snapshot!(format!("plan_open_{code}_{w}x{h}"), screen(&d, w, h));
        }
    }
}

/// `narada cluster --preview` stores nothing and says what the stored run then does:
/// the same plan, printed again before storing, and the cards where it said.
#[test]
fn the_command_line_previews_what_the_run_then_does() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let run = |args: &[&str]| {
        let out = narada(
            dir.path(),
            &db,
            &[&["cluster", "--outline-seeds", "--k", "10"], args],
        );
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let before = board(&Store::open(&db).unwrap());
    let (topics, preview) = run(&["--preview"]);
    assert_eq!(board(&Store::open(&db).unwrap()), before, "nothing stored");
    assert!(topics.contains("(existing)"), "{topics}");
    assert!(preview.contains("moves "), "{preview}");
    assert!(preview.contains("(placed by hand): #"), "{preview}");
    let plan_text = |err: &str| {
        err.lines()
            .skip_while(|l| !l.starts_with("accepting this run:"))
            .take_while(|l| !l.starts_with("run stored") && !l.starts_with("--dry-run"))
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let (_, stored) = run(&[]);
    assert_eq!(plan_text(&stored), plan_text(&preview));
    let (all, _) = run(&["--preview", "--cards", "all"]);
    assert!(all.lines().count() > topics.lines().count());
}

/// Seeded from the outline in the interface, the proposal fills the demo's topics of
/// each chapter and names them, instead of proposing a "Głosowanie" beside them.
#[test]
fn the_interface_seeds_from_the_outline_into_existing_topics() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), Lang::Pl);
    keys(&mut d, "bc\t10\t");
    key(&mut d, KeyCode::Right); // seed with the outline: yes
    key(&mut d, KeyCode::Enter);
    d.settle(Duration::from_mins(1));
    let Some(Modal::Proposal(p)) = &d.app.board.modal else {
        panic!("expected a proposal:\n{}", screen(&d, 80, 24));
    };
    let voting = store(&d)
        .find_topic("Sposób głosowania i system punktowy")
        .unwrap();
    assert!(p.plan.dest.contains(&Dest::Existing(voting.id.clone())));
    assert!(
        !p.record
            .topics
            .iter()
            .zip(&p.plan.dest)
            .any(|(t, d)| *d == Dest::New && t.seed_name.as_deref() == Some("Głosowanie"))
    );
    assert!(screen(&d, 80, 24).contains("→ "), "{}", screen(&d, 80, 24));
}

/// `narada cluster --format json` gives the plan, not the engine's raw result: every
/// card once (in a proposed topic or unsorted), where each proposed topic goes, and
/// moves and stays that the stored run then carries out card by card.
#[test]
fn the_json_output_is_the_plan_the_run_carries_out() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let run = |args: &[&str]| -> serde_json::Value {
        let cluster = [
            "cluster",
            "--outline-seeds",
            "--k",
            "10",
            "--format",
            "json",
        ];
        serde_json::from_slice(&narada(dir.path(), &db, &[&cluster, args]).stdout).unwrap()
    };
    let before = board(&Store::open(&db).unwrap());
    let preview = run(&["--preview"]);
    assert_eq!(board(&Store::open(&db).unwrap()), before, "nothing stored");
    let topics = preview["topics"].as_array().unwrap();
    let mut seen: Vec<&str> = topics
        .iter()
        .flat_map(|t| t["cards"].as_array().unwrap())
        .chain(preview["unsorted"].as_array().unwrap())
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    let n = seen.len();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), n, "a card in two proposed topics");
    let live = Store::open(&db).unwrap().cluster_input(None).unwrap();
    assert_eq!(n, live.len());
    assert!(topics.iter().any(|t| t["existing"]["label"].is_string()));
    for t in topics {
        assert!(!t["representatives"].as_array().unwrap().is_empty(), "{t}");
        assert!(t["cards"][0]["number"].is_i64(), "{t}");
    }
    let accepting = &preview["accepting"];
    assert!(!accepting["moves"].as_array().unwrap().is_empty());
    assert!(!accepting["stays"].as_array().unwrap().is_empty());

    // The same run stored: each move into an existing topic lands there, each stay stays.
    assert_eq!(run(&[]), preview);
    let after = board(&Store::open(&db).unwrap());
    for m in accepting["moves"].as_array().unwrap() {
        let card = m["card"]["id"].as_str().unwrap();
        match m["to"].as_u64() {
            Some(i) => {
                let dest = &topics[i as usize - 1]["existing"]["id"];
                if let Some(id) = dest.as_str() {
                    assert_eq!(after[card].0, id, "{m}");
                }
                assert_ne!(
                    after.get(card).map(|p| &p.0),
                    before.get(card).map(|p| &p.0)
                );
            }
            None => assert!(!after.contains_key(card), "{m}"),
        }
    }
    for s in accepting["stays"].as_array().unwrap() {
        let card = s["card"]["id"].as_str().unwrap();
        assert_eq!(after[card].0, s["topic"]["id"].as_str().unwrap(), "{s}");
    }
}

/// A chapter the secretary renamed still seeds its cards into the topics mapped to it,
/// under its new heading, instead of a new topic named after the skeleton's heading.
#[test]
fn outline_seeds_follow_a_renamed_chapter() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path());
    let rename = ["outline", "rename", "rozdział 4", "Weryfikacja zgłoszeń"];
    narada(dir.path(), &db, &[&rename]);
    let cluster = [
        "cluster",
        "--outline-seeds",
        "--k",
        "10",
        "--preview",
        "--format",
        "json",
    ];
    let out = narada(dir.path(), &db, &[&cluster]);
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let topics = plan["topics"].as_array().unwrap();
    let seeded = |name: &str| topics.iter().find(|t| t["seed"] == name);
    assert!(seeded("Ocena projektów").is_none(), "{plan:#}");
    let renamed = seeded("Weryfikacja zgłoszeń").expect("the renamed chapter seeds");
    let home = renamed["existing"]["label"].as_str().unwrap_or_default();
    assert!(
        home.starts_with("Ocena") || home.starts_with("Publikacja"),
        "{renamed:#}"
    );
}
