//! `narada-bench export`: a real 10k-card database, clustered into 50 topics, decided
//! and mapped to the outline, then read back and written in every format: the draft
//! resolution and the consultation report.

use narada::cluster::{self, ClusterOptions};
use narada::error::{Error, Result};
use narada::export::{DocOptions, Document};
use narada::model::{
    DecisionDraft, DecisionOutcome, DecisionTarget, ExportView, MapTarget, SectionView,
};
use narada::storage::{ImportOptions, Store};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Export a 10k-card consultation (clustered, decided, mapped) to every format.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, default_value = "../shared/data/synthetic-100k.jsonl")]
    input: PathBuf,
    #[arg(long, default_value_t = 10_000)]
    cards: usize,
}

impl crate::Bench for Args {
    fn run(self) -> Result<String> {
        run(&self.input, self.cards)
    }
}

fn run(input: &Path, cards: usize) -> Result<String> {
    let mut records = narada::import::read_file(input, None)?;
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
    let run = narada::jobs::run_record(&texts, &result, &opts, None);
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
    // What the interface's coverage view and `outline coverage` wait for.
    let started = Instant::now();
    let coverage = store.coverage()?;
    let assessed = started.elapsed().as_secs_f64();
    Ok(format!(
        "bench export: {} cards from {}, 50 topics (4 in 5 adopted) mapped to the outline\n\
         reading the export view from the store: {:.0} ms\n\
         coverage and every card's fate (interface, outline coverage): {:.0} ms, {} fates\n{}",
        view.cards.len(),
        input.display(),
        read * 1000.0,
        assessed * 1000.0,
        coverage.tally.total(),
        bench_formats(&view)
    ))
}

/// Times building the document model and writing each format into memory; returns a
/// table of figures (one line per format).
fn bench_formats(view: &ExportView) -> String {
    type Writer = fn(&mut dyn std::io::Write, &ExportView, &DocOptions) -> Result<()>;
    let opts = DocOptions::default();
    let mut rows: Vec<(&str, usize, Duration)> = Vec::new();
    let started = Instant::now();
    let model = Document::build(view, &opts);
    rows.push(("document model", 0, started.elapsed()));
    if let Err(e) = model {
        return format!("export bench failed: {e}\n");
    }
    let writers: [(&str, Writer); 8] = [
        ("markdown", narada::export::write_markdown),
        ("html", narada::export::write_html),
        ("docx", narada::export::write_docx),
        ("odt", narada::export::write_odt),
        // The consultation report builds its own model (fates, tables, charts).
        ("report markdown", |w, v, _| {
            narada::export::write_consultation_report_markdown(w, v)
        }),
        ("report html", |w, v, _| {
            narada::export::write_consultation_report_html(w, v)
        }),
        ("report docx", |w, v, _| {
            narada::export::write_consultation_report_docx(w, v)
        }),
        ("report odt", |w, v, _| {
            narada::export::write_consultation_report_odt(w, v)
        }),
    ];
    for (name, write) in writers {
        let mut out: Vec<u8> = Vec::new();
        let started = Instant::now();
        let result = write(&mut out, view, &opts);
        let took = started.elapsed();
        if let Err(e) = result {
            return format!("export bench failed writing {name}: {e}\n");
        }
        rows.push((name, out.len(), took));
    }
    let mut table = format!(
        "export of {} cards, {} sections (each format includes building its model)\n\
         {:<16} {:>12} {:>10}\n",
        view.cards.len(),
        count_sections(&view.sections),
        "format",
        "bytes",
        "ms"
    );
    for (name, bytes, took) in rows {
        let bytes = if bytes == 0 {
            "-".to_string()
        } else {
            bytes.to_string()
        };
        let _ = writeln!(
            table,
            "{name:<16} {bytes:>12} {:>10.1}",
            took.as_secs_f64() * 1000.0
        );
    }
    table
}

fn count_sections(sections: &[SectionView]) -> usize {
    sections
        .iter()
        .map(|s| 1 + count_sections(&s.children))
        .sum()
}

#[cfg(test)]
#[path = "../../../tests/support/synthetic_view.rs"]
mod synthetic_view;

#[cfg(test)]
mod tests {
    use super::synthetic_view::synthetic_view;
    use super::*;

    #[test]
    fn synthetic_view_is_consistent() {
        let v = synthetic_view(500);
        assert_eq!(v.cards.len(), 500);
        assert_eq!(v.sections.len(), 8);
        assert_eq!(count_sections(&v.sections), 8 + 24 + 48 + 96);
        let table = bench_formats(&v);
        for name in [
            "document model",
            "markdown",
            "html",
            "docx",
            "odt",
            "report markdown",
            "report docx",
        ] {
            assert!(table.contains(name), "{table}");
        }
    }
}
