//! Workshop cards on the rules of a participatory budget (tests/data/workshop-rules.jsonl,
//! 247 cards in 13 topics): quality with k given and a stable automatic k.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use narada::cluster::{self, ClusterOptions, metrics};
use std::collections::BTreeMap;

const WORKSHOP: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/workshop-rules.jsonl"
);

fn load() -> (Vec<String>, Vec<usize>) {
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    let mut texts = Vec::new();
    let mut gold = Vec::new();
    for line in std::fs::read_to_string(WORKSHOP).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        texts.push(v["text"].as_str().unwrap().to_owned());
        let n = names.len();
        gold.push(
            *names
                .entry(v["label"].as_str().unwrap().to_owned())
                .or_insert(n),
        );
    }
    (texts, gold)
}

fn predicted(c: &cluster::Clustering) -> Vec<usize> {
    c.assignments
        .iter()
        .enumerate()
        .map(|(i, a)| a.topic.unwrap_or(1000 + i))
        .collect()
}

#[test]
fn workshop_cards_with_k_given_are_well_above_chance() {
    let (texts, gold) = load();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let opts = ClusterOptions {
        k: Some(13),
        random_seed: 1,
        ..ClusterOptions::default()
    };
    let c = cluster::cluster(&refs, &opts);
    let pred = predicted(&c);
    // Chance on 247 cards in 13 clusters is NMI ≈ 0.13, ARI ≈ 0; measured 0.81 / 0.73.
    let (nmi, ari) = (metrics::nmi(&gold, &pred), metrics::ari(&gold, &pred));
    assert!(nmi >= 0.6 && ari >= 0.45, "NMI {nmi:.3} ARI {ari:.3}");
    assert!(metrics::largest_share(&pred) <= 0.2);
    assert!(c.topics.iter().all(|t| !t.label.is_empty()));
}

#[test]
fn automatic_k_is_stable_across_seeds_and_near_the_topics() {
    let (texts, _) = load();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let ks: Vec<usize> = (1..=5)
        .map(|seed| {
            let opts = ClusterOptions {
                random_seed: seed,
                ..ClusterOptions::default()
            };
            cluster::cluster(&refs, &opts).k_chosen
        })
        .collect();
    let (lo, hi) = (ks.iter().min().unwrap(), ks.iter().max().unwrap());
    assert!(hi - lo <= 2, "k within ±1 across seeds: {ks:?}");
    assert!(
        (9..=17).contains(lo) && (9..=17).contains(hi),
        "13 topics: {ks:?}"
    );
}
