//! Export benchmark on a real 10k-card database: clustered into 50 topics, decided,
//! and mapped to the outline, then read back and written in every format.

use crate::cluster::{self, ClusterOptions};
use crate::error::{Error, Result};
use crate::model::{DecisionDraft, DecisionOutcome, DecisionTarget, MapTarget};
use crate::storage::{ImportOptions, Store};
use std::path::Path;
use std::time::Instant;

pub fn run(input: &Path, cards: usize) -> Result<String> {
    let mut records = crate::import::read_file(input, None)?;
    records.truncate(cards);
    let mut store = Store::open_in_memory()?;
    store.import_records(&records, &ImportOptions::default(), &mut |_, _| {})?;
    let texts: Vec<(String, String)> = store.cluster_input(None)?;
    let refs: Vec<&str> = texts.iter().map(|(_, t)| t.as_str()).collect();
    let opts = ClusterOptions {
        k: Some(50),
        ..ClusterOptions::default()
    };
    let result = cluster::cluster(&refs, &opts);
    let run = crate::jobs::run_record(&texts, &result, &opts, None);
    store.save_cluster_run(&run, true)?;
    let paragraphs: Vec<String> = store
        .outline()?
        .into_iter()
        .filter(|s| s.depth == 1)
        .map(|s| s.id)
        .collect();
    for (i, t) in store.topics()?.into_iter().enumerate() {
        let outcome = if i % 5 == 4 {
            DecisionOutcome::Rejected
        } else {
            DecisionOutcome::Adopted
        };
        store.decide(
            &DecisionTarget::Topic(t.id.clone()),
            outcome,
            &DecisionDraft::default(),
        )?;
        if let Some(section) = paragraphs.get(i % paragraphs.len().max(1)) {
            store.map_section(section, &MapTarget::Topic(t.id))?;
        }
    }
    let started = Instant::now();
    let view = store.export_view(None, "2026-12-09")?;
    let read = started.elapsed().as_secs_f64();
    if view.cards.len() != records.len() {
        return Err(Error::Invalid("the export view lost cards".into()));
    }
    Ok(format!(
        "bench export: {} cards from {}, 50 topics (4 in 5 adopted) mapped to the outline\n\
         reading the export view from the store: {:.0} ms\n{}",
        view.cards.len(),
        input.display(),
        read * 1000.0,
        crate::export::bench::bench_formats(&view)
    ))
}
