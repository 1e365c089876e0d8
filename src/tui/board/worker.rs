//! Clustering off the interface thread: a worker with its own store connection runs the
//! engine and sends back its stages and then the proposal, so keys keep working.

use super::Done;
use crate::cluster::{ClusterOptions, SeedTopic, Stage};
use crate::storage::Store;
use crate::storage::runs::SeedHome;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc::Sender;

/// What to cluster.
#[derive(Debug, Clone, PartialEq)]
pub enum ClusterScope {
    All,
    Session(String),
    /// Re-cluster the cards of one topic (ids and texts taken from the board).
    Topic(Vec<(String, String)>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClusterJob {
    pub scope: ClusterScope,
    /// `None`: chosen automatically.
    pub k: Option<usize>,
    /// Seed with the outline's chapters and themes.
    pub seeds: bool,
}

/// Where the worker reads the cards: the database file (its own connection), or cards
/// read already (an in-memory store, or one topic's cards).
pub enum Source {
    Db(PathBuf),
    Cards(Vec<(String, String)>, String),
}

fn input(
    source: Source,
    job: &ClusterJob,
) -> crate::error::Result<(Vec<(String, String)>, String)> {
    match source {
        Source::Cards(cards, lang) => Ok((cards, lang)),
        Source::Db(path) => {
            let store = Store::open(&path)?;
            let session = match &job.scope {
                ClusterScope::Session(s) => Some(s.as_str()),
                _ => None,
            };
            Ok((
                store.cluster_input(session)?,
                store.consultation()?.language,
            ))
        }
    }
}

fn run(
    source: Source,
    job: &ClusterJob,
    seeds: Vec<SeedTopic>,
    taken_labels: Vec<String>,
    homes: &[SeedHome],
    tx: &Sender<Done>,
) -> crate::error::Result<Done> {
    let (cards, lang) = input(source, job)?;
    if cards.is_empty() {
        // Empty: the app says "no cards" in its own language.
        return Ok(Done::ClusterFailed(String::new()));
    }
    let opts = ClusterOptions {
        k: job.k,
        lang: lang.parse().ok(),
        seeds,
        // All cores: the secretary is waiting for this proposal, and the topics do not
        // depend on the thread count.
        threads: 0,
        taken_labels,
        ..ClusterOptions::default()
    };
    let texts: Vec<&str> = cards.iter().map(|(_, t)| t.as_str()).collect();
    let mut progress = |s: Stage, _: f32| {
        let _ = tx.send(Done::Stage(s));
    };
    let result = crate::cluster::cluster_with_progress(&texts, &opts, &mut progress);
    let session = match &job.scope {
        ClusterScope::Session(s) => Some(s.clone()),
        _ => None,
    };
    let mut record = crate::jobs::run_record(&cards, &result, &opts, session);
    let texts: HashMap<&str, &str> = cards
        .iter()
        .map(|(i, t)| (i.as_str(), t.as_str()))
        .collect();
    crate::jobs::route_seeds(&mut record, homes, &texts);
    Ok(Done::Proposal(Box::new(record)))
}

/// Starts the worker; its messages arrive on `tx`. `seeds` are the outline's seed topics
/// (empty unless the job seeds), `homes` the existing topics they fill and `taken` the
/// names of the topics the board keeps, all read on the interface thread (quick reads).
pub fn spawn(
    source: Source,
    job: ClusterJob,
    seeds: Vec<SeedTopic>,
    homes: Vec<SeedHome>,
    taken: Vec<String>,
    tx: Sender<Done>,
) {
    std::thread::spawn(move || {
        let out = run(source, &job, seeds, taken, &homes, &tx)
            .unwrap_or_else(|e| Done::ClusterFailed(e.to_string()));
        let _ = tx.send(out);
    });
}
