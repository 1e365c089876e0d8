//! Clustering through the binary (`cluster --input`) and through the store (runs keep
//! hand placements).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use assert_cmd::Command;
use narada::cluster::metrics;
use narada::storage::Store;
use narada::storage::runs::{RunRecord, RunTopic};
use std::collections::BTreeMap;

const EASY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/easy-clusters.jsonl"
);

fn cluster_file(extra: &[&str]) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    Command::cargo_bin("narada")
        .unwrap()
        .args([
            "cluster",
            "--input",
            EASY,
            "--output",
            out.to_str().unwrap(),
        ])
        .args(extra)
        .assert()
        .success();
    std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn nmi_against_gold(out: &[serde_json::Value]) -> f64 {
    let gold_text = std::fs::read_to_string(EASY).unwrap();
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    let mut gold = Vec::new();
    let mut pred = Vec::new();
    for (i, (line, o)) in gold_text.lines().zip(out).enumerate() {
        let g: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(g["id"], o["id"], "output keeps input order");
        let n = names.len();
        gold.push(
            *names
                .entry(g["label"].as_str().unwrap().to_owned())
                .or_insert(n),
        );
        // Unsorted items are singletons.
        pred.push(o["cluster"].as_u64().map_or(1000 + i, |c| c as usize));
    }
    metrics::nmi(&gold, &pred)
}

#[test]
fn file_mode_writes_one_line_per_input_in_order_with_labels() {
    let out = cluster_file(&["--k", "4"]);
    assert_eq!(out.len(), 42);
    for o in &out {
        let obj = o.as_object().unwrap();
        assert_eq!(obj.len(), 3, "{o}");
        assert!(o["cluster"].is_u64() || o["cluster"].is_null(), "{o}");
        assert!(o["label"].is_string(), "{o}");
    }
    // Emoji-only and empty texts are unsorted, not a garbage cluster.
    assert!(out[40]["cluster"].is_null());
    assert!(out[41]["cluster"].is_null());
    let nmi = nmi_against_gold(&out);
    assert!(nmi >= 0.8, "NMI {nmi} on an easy fixture");
    // Labels show words, not stems, in their base form ("w bibliotece" →
    // "Biblioteka"; a label's first letter is a capital).
    let labels: Vec<String> = out
        .iter()
        .filter_map(|o| o["label"].as_str())
        .map(str::to_lowercase)
        .collect();
    assert!(
        labels
            .iter()
            .any(|l| l == "biblioteka" || l.starts_with("książk")),
        "{labels:?}"
    );
}

#[test]
fn file_mode_is_deterministic_and_chooses_k_itself() {
    let a = cluster_file(&[]);
    let b = cluster_file(&[]);
    assert_eq!(a, b);
    let topics: std::collections::BTreeSet<u64> =
        a.iter().filter_map(|o| o["cluster"].as_u64()).collect();
    assert!((3..=6).contains(&topics.len()), "{topics:?}");
    assert!(nmi_against_gold(&a) >= 0.7);
}

#[test]
fn bad_input_line_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("bad.jsonl");
    std::fs::write(&file, "{\"id\":1,\"text\":\"a\"}\n{\"text\":\"bez id\"}\n").unwrap();
    Command::cargo_bin("narada")
        .unwrap()
        .args(["cluster", "--input", file.to_str().unwrap()])
        .assert()
        .failure()
        .stderr(predicates::str::contains("bad.jsonl:2:"));
}

fn run_over(store: &Store, groups: &[(&str, &[usize])]) -> RunRecord {
    let cards = store.cluster_input(None).unwrap();
    RunRecord {
        session_id: None,
        params: "{}".into(),
        k: groups.len(),
        k_auto: false,
        lang: "pl".into(),
        topics: groups
            .iter()
            .map(|(label, members)| RunTopic {
                label: (*label).into(),
                keywords: vec![(*label).into()],
                seed_name: None,
                target: None,
                example_card_id: cards[members[0]].0.clone(),
                members: members.iter().map(|&i| (cards[i].0.clone(), 0.5)).collect(),
                central: Vec::new(),
            })
            .collect(),
        unsorted: Vec::new(),
    }
}

#[test]
fn runs_never_move_cards_placed_by_hand_and_retire_empty_topics() {
    let mut store = Store::open_in_memory().unwrap();
    let records = narada::import::parse(
        "t.csv",
        "text,session\nDrzewa w parku,S\nŁawki w parku,S\nŚcieżka rowerowa,S\nStojaki rowerowe,S\n"
            .as_bytes(),
        narada::import::Format::Csv,
    )
    .unwrap();
    store
        .import_records(
            &records,
            &narada::storage::ImportOptions::default(),
            &mut |_, _| {},
        )
        .unwrap();
    let cards = store.cluster_input(None).unwrap();
    let first = store
        .save_cluster_run(
            &run_over(&store, &[("park", &[0, 1]), ("rower", &[2, 3])]),
            true,
        )
        .unwrap();
    assert_eq!((first.assigned, first.kept_by_hand), (4, 0));
    // A person moves card 1 into a topic of their own.
    let mine = store.create_topic("Ławki").unwrap();
    store
        .move_cards(&[cards[1].0.clone()], &mine.id, false)
        .unwrap();
    // A later run would put everything in one topic: the hand placement stays.
    let second = store
        .save_cluster_run(&run_over(&store, &[("wszystko", &[0, 1, 2, 3])]), true)
        .unwrap();
    assert_eq!((second.assigned, second.kept_by_hand), (3, 1));
    assert_eq!(
        store.card(&cards[1].0).unwrap().topic.as_deref(),
        Some("Ławki")
    );
    assert_eq!(
        store.card(&cards[0].0).unwrap().topic.as_deref(),
        Some("wszystko")
    );
    let labels: Vec<String> = store
        .topics()
        .unwrap()
        .into_iter()
        .map(|t| t.label)
        .collect();
    assert_eq!(
        labels,
        vec!["wszystko", "Ławki"],
        "the emptied run topics are retired"
    );
    // A proposal (not applied) is stored but changes no placement.
    store
        .save_cluster_run(&run_over(&store, &[("inne", &[0, 2])]), false)
        .unwrap();
    assert_eq!(
        store.card(&cards[0].0).unwrap().topic.as_deref(),
        Some("wszystko")
    );
}

#[test]
fn clustering_the_demo_database_stores_topics() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let run = |args: &[&str]| {
        Command::cargo_bin("narada")
            .unwrap()
            .env("NARADA_DATA_DIR", dir.path())
            .args(["--db", db.to_str().unwrap()])
            .args(args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    run(&["demo", "--no-tui"]);
    run(&["cluster", "--outline-seeds", "--k", "10"]);
    let topics: serde_json::Value =
        serde_json::from_slice(&run(&["topic", "list", "--format", "json"])).unwrap();
    let topics = topics.as_array().unwrap();
    assert!(topics.len() >= 8, "{topics:?}");
    // The voting chapter's cards go to the demo's topics mapped to it, not to a
    // "Głosowanie" topic beside them; a theme no topic covers gets its topic once.
    assert!(
        !topics.iter().any(|t| t["label"] == "Głosowanie"),
        "{topics:?}"
    );
    assert!(
        topics
            .iter()
            .any(|t| t["label"] == "Dostępność" && t["origin"] == "seed"),
        "{topics:?}"
    );
    // Running again reuses the seeded topics instead of piling up copies.
    run(&["cluster", "--outline-seeds", "--k", "10"]);
    let again: serde_json::Value =
        serde_json::from_slice(&run(&["topic", "list", "--format", "json"])).unwrap();
    assert_eq!(again.as_array().unwrap().len(), topics.len());
}

/// Six cards in three run topics of two cards each ("a", "b", "c").
fn store_with_three_run_topics() -> (Store, Vec<String>) {
    let mut store = Store::open_in_memory().unwrap();
    let records = narada::import::parse(
        "t.csv",
        "text,session\nJeden,S\nDwa,S\nTrzy,S\nCztery,S\nPięć,S\nSześć,S\n".as_bytes(),
        narada::import::Format::Csv,
    )
    .unwrap();
    store
        .import_records(
            &records,
            &narada::storage::ImportOptions::default(),
            &mut |_, _| {},
        )
        .unwrap();
    let run = run_over(&store, &[("a", &[0, 1]), ("b", &[2, 3]), ("c", &[4, 5])]);
    store.save_cluster_run(&run, true).unwrap();
    let ids = store
        .cluster_input(None)
        .unwrap()
        .into_iter()
        .map(|c| c.0)
        .collect();
    (store, ids)
}

fn topic_of(store: &Store, card: &str) -> Option<String> {
    store.card(card).unwrap().topic
}

fn topic_id(store: &Store, label: &str) -> String {
    store
        .topics()
        .unwrap()
        .into_iter()
        .find(|t| t.label == label)
        .unwrap()
        .id
}

/// Records that the working group adopted the topic called `label`.
fn adopt(store: &mut Store, label: &str) {
    use narada::model::{DecisionDraft, DecisionOutcome, DecisionTarget};
    store
        .decide(
            &DecisionTarget::Topic(topic_id(store, label)),
            DecisionOutcome::Adopted,
            &DecisionDraft::default(),
        )
        .unwrap();
}

#[test]
fn runs_keep_the_cards_of_decided_mapped_and_renamed_topics() {
    use narada::model::MapTarget;
    let (mut store, ids) = store_with_three_run_topics();
    // "a" is decided, "b" mapped to a section, "c" renamed; none has a hand placement.
    adopt(&mut store, "a");
    let section = store.add_section(None, "Paragraf").unwrap();
    store
        .map_section(&section.id, &MapTarget::Topic(topic_id(&store, "b")))
        .unwrap();
    let c = topic_id(&store, "c");
    store.rename_topic(&c, "Ce").unwrap();
    let before: Vec<_> = store.topics().unwrap();
    let run = run_over(&store, &[("x", &[0, 2, 4]), ("y", &[1, 3])]);
    let mut run = run;
    run.unsorted = vec![(ids[5].clone(), 0.1)];
    let plan = store.plan_cluster_run(&run).unwrap();
    let labels: std::collections::HashMap<String, String> = before
        .iter()
        .map(|t| (t.id.clone(), t.label.clone()))
        .collect();
    let mut kept: Vec<(String, usize)> = Vec::new();
    for s in &plan.stays {
        let label = labels[&s.topic_id].clone();
        match kept.iter_mut().find(|k| k.0 == label) {
            Some(k) => k.1 += 1,
            None => kept.push((label, 1)),
        }
    }
    kept.sort();
    assert_eq!(
        kept,
        vec![("Ce".into(), 2), ("a".into(), 2), ("b".into(), 2)]
    );
    assert!(plan.moves.is_empty());
    let sum = store.save_cluster_run(&run, true).unwrap();
    assert_eq!(
        (sum.assigned, sum.kept_by_hand, sum.kept_with_topic),
        (0, 0, 6)
    );
    for (i, label) in ["a", "a", "b", "b", "Ce", "Ce"].iter().enumerate() {
        assert_eq!(
            topic_of(&store, &ids[i]).as_deref(),
            Some(*label),
            "card {i}"
        );
    }
    // Counts and votes of the kept topics are what they were; the run's topics are empty
    // and nothing was lost.
    let after = store.topics().unwrap();
    for t in &before {
        let now = after.iter().find(|x| x.id == t.id).unwrap();
        assert_eq!((now.size, now.votes), (t.size, t.votes), "{}", t.label);
    }
    let total: i64 = after.iter().map(|t| t.size).sum();
    assert_eq!(total, 6);
}

#[test]
fn runs_still_recluster_untouched_topics_and_keep_hand_made_ones() {
    let (mut store, ids) = store_with_three_run_topics();
    // "b" receives a card by hand; "c" stays as the run made it.
    let b = topic_id(&store, "b");
    store.move_cards(&ids[0..1], &b, false).unwrap();
    let made = store.create_topic("Ręczny").unwrap();
    let run = run_over(&store, &[("x", &[1, 2, 3, 4, 5])]);
    let sum = store.save_cluster_run(&run, true).unwrap();
    // Card 1 (run topic "a") and cards 4, 5 ("c") move; 2, 3 stay in "b"; 0 was moved
    // by hand.
    assert_eq!(
        (sum.assigned, sum.kept_by_hand, sum.kept_with_topic),
        (3, 0, 2)
    );
    assert_eq!(topic_of(&store, &ids[1]).as_deref(), Some("x"));
    assert_eq!(topic_of(&store, &ids[4]).as_deref(), Some("x"));
    assert_eq!(topic_of(&store, &ids[2]).as_deref(), Some("b"));
    assert_eq!(topic_of(&store, &ids[0]).as_deref(), Some("b"));
    let labels: Vec<String> = store
        .topics()
        .unwrap()
        .into_iter()
        .map(|t| t.label)
        .collect();
    assert!(
        labels.contains(&made.label),
        "an empty hand-made topic stays"
    );
    assert!(
        !labels.contains(&"c".to_owned()),
        "the emptied run topic is retired"
    );
}

/// A later run never makes a topic named like one the board keeps (case aside): beside
/// the decided "a", a new "A" is "A (2)" and a new "a" is "a (3)", while a run topic it
/// empties gives up its name ("b").
#[test]
fn a_new_topic_never_takes_the_name_of_a_kept_one() {
    use narada::storage::run_plan::with_distinct_labels;
    let (mut store, _) = store_with_three_run_topics();
    adopt(&mut store, "a");
    let run = run_over(&store, &[("A", &[2]), ("b", &[3, 4]), ("a", &[5])]);
    // As `narada cluster` and the board's proposal name the run before showing it.
    let plan = store.plan_cluster_run(&run).unwrap();
    let run = with_distinct_labels(&run, &store.topics().unwrap(), &plan);
    store.save_cluster_run(&run, true).unwrap();
    let mut labels: Vec<String> = store
        .topics()
        .unwrap()
        .into_iter()
        .map(|t| t.label)
        .collect();
    labels.sort();
    assert_eq!(labels, ["A (2)", "a", "a (3)", "b"]);
}
