//! The steps the command line and the interface share, between the store and the pure
//! modules: turning a clustering into a run to store, and preparing an export.

use crate::cluster::{ClusterOptions, Clustering};
use crate::error::{Error, Result};
use crate::export::{self, DocOptions};
use crate::storage::Store;
use crate::storage::runs::{RunRecord, RunTopic, SeedHome};
use clap::ValueEnum;
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The draft resolution outline as Markdown (or a session report with --report).
    Md,
    /// The draft outline as one self-contained, printable HTML file.
    Html,
    /// The draft outline as a Word document.
    Docx,
    /// The draft outline as an `OpenDocument` text (`LibreOffice`).
    Odt,
    /// The card table: each card with session, topic, decision and where it was used.
    Csv,
    /// The card table as JSON.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportKind {
    /// For one session (--session): counts by kind, top topics, what happened to each card.
    Session,
    /// The consultation report to publish (md, html, docx, odt): sessions, what was said,
    /// what became of every card, with charts.
    Consultation,
}

/// Today's date (local when the offset is known), the "generated on" of documents.
pub fn today() -> String {
    let now = time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    now.format(&fmt).unwrap_or_default()
}

/// Template overrides live in `templates/` in the config directory, when it exists.
pub fn templates_dir(config_dir: &Path) -> Option<PathBuf> {
    let dir = config_dir.join("templates");
    dir.is_dir().then_some(dir)
}

/// What writes one export into a file or standard output.
pub type WriteBody = Box<dyn FnOnce(&mut dyn Write) -> std::io::Result<()>>;

fn io(e: Error) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

/// Reads what an export needs and returns the writer of its bytes (the command line
/// and the interface's export dialog both use it).
pub fn export_body(
    store: &mut Store,
    format: ExportFormat,
    report: Option<ReportKind>,
    session_id: Option<String>,
    table: export::TableOptions,
    opts: DocOptions,
) -> Result<WriteBody> {
    match (report, &session_id) {
        (Some(ReportKind::Session), None) => {
            return Err(Error::Invalid("a session report needs a session".into()));
        }
        (Some(ReportKind::Consultation), Some(_)) => {
            return Err(Error::Invalid(
                "the consultation report covers the whole consultation; leave out the session"
                    .into(),
            ));
        }
        _ => {}
    }
    Ok(match (format, report) {
        (ExportFormat::Csv | ExportFormat::Json, Some(_))
        | (ExportFormat::Docx | ExportFormat::Odt, Some(ReportKind::Session)) => {
            return Err(Error::Invalid(match report {
                Some(ReportKind::Consultation) => {
                    "the consultation report is written as md, html, docx or odt".into()
                }
                _ => "a session report is written as md or html".into(),
            }));
        }
        (ExportFormat::Csv, None) => {
            let rows = store.export_rows(session_id.as_deref(), table.with_entered_by)?;
            Box::new(move |w| export::write_cards_csv(w, &rows, table))
        }
        (ExportFormat::Json, None) => {
            let rows = store.export_rows(session_id.as_deref(), table.with_entered_by)?;
            Box::new(move |w| export::write_cards_json(w, &rows))
        }
        (format, report) => {
            let view = store.export_view(session_id.as_deref(), &today())?;
            let session = session_id.clone().unwrap_or_default();
            Box::new(move |w| {
                match (format, report) {
                    (ExportFormat::Md, Some(ReportKind::Session)) => {
                        export::write_session_report_markdown(w, &view, &session)
                    }
                    (_, Some(ReportKind::Session)) => {
                        export::write_session_report_html(w, &view, &session)
                    }
                    (ExportFormat::Md, Some(ReportKind::Consultation)) => {
                        export::write_consultation_report_markdown(w, &view)
                    }
                    (ExportFormat::Html, Some(ReportKind::Consultation)) => {
                        export::write_consultation_report_html(w, &view)
                    }
                    (ExportFormat::Docx, Some(ReportKind::Consultation)) => {
                        export::write_consultation_report_docx(w, &view)
                    }
                    (_, Some(ReportKind::Consultation)) => {
                        export::write_consultation_report_odt(w, &view)
                    }
                    (ExportFormat::Md, None) => export::write_markdown(w, &view, &opts),
                    (ExportFormat::Html, None) => export::write_html(w, &view, &opts),
                    (ExportFormat::Docx, None) => export::write_docx(w, &view, &opts),
                    (_, None) => export::write_odt(w, &view, &opts),
                }
                .map_err(io)
            })
        }
    })
}

/// A clustering result over `(card id, text)` pairs as a run to store (the command
/// line and the interface's board both build it here).
pub fn run_record(
    cards: &[(String, String)],
    result: &Clustering,
    opts: &ClusterOptions,
    session_id: Option<String>,
) -> RunRecord {
    RunRecord {
        session_id,
        params: serde_json::to_string(opts).unwrap_or_default(),
        k: result.k_chosen,
        k_auto: result.k_auto,
        lang: result.lang.to_string(),
        topics: result
            .topics
            .iter()
            .map(|t| RunTopic {
                label: t.label.clone(),
                keywords: t.keywords.clone(),
                seed_name: t.seed_name.clone(),
                target: None,
                example_card_id: cards[t.example].0.clone(),
                central: t
                    .representatives
                    .iter()
                    .map(|&i| cards[i].0.clone())
                    .collect(),
                members: t
                    .members
                    .iter()
                    .map(|&i| (cards[i].0.clone(), result.assignments[i].score))
                    .collect(),
            })
            .collect(),
        unsorted: result
            .unsorted
            .iter()
            .map(|&i| (cards[i].0.clone(), result.assignments[i].score))
            .collect(),
    }
}

/// Card × chapter-card comparisons `route_seeds` makes at most per seeded topic.
const ROUTING_BUDGET: usize = 200_000;

/// Sends each seeded topic's cards to the existing topics of its name or outline
/// chapter (`homes`, from `Store::seed_homes`) instead of a new topic beside them.
/// With several such topics each card goes to the one whose cards it resembles most
/// (lexically), else to the largest. `texts` are the cards' texts by id.
pub fn route_seeds<S: std::hash::BuildHasher>(
    run: &mut RunRecord,
    homes: &[SeedHome],
    texts: &HashMap<&str, &str, S>,
) {
    let mut routed = Vec::with_capacity(run.topics.len());
    for t in std::mem::take(&mut run.topics) {
        let home = t
            .seed_name
            .as_deref()
            .and_then(|name| homes.iter().find(|h| h.name == name))
            .filter(|h| !h.topics.is_empty());
        let Some(home) = home else {
            routed.push(t);
            continue;
        };
        let mut parts: Vec<Vec<(String, f32)>> = vec![Vec::new(); home.topics.len()];
        let pool_size: usize = home.topics.iter().map(|h| h.texts.len()).sum();
        // One lexical comparison per card over the chapter's cards: at workshop scale;
        // beyond it the cards go to the largest topic, which `Store::seed_homes` lists
        // first.
        if home.topics.len() == 1 || t.members.len() * pool_size > ROUTING_BUDGET {
            parts[0].clone_from(&t.members);
        } else {
            let (owner, pool): (Vec<usize>, Vec<&str>) = home
                .topics
                .iter()
                .enumerate()
                .flat_map(|(i, h)| h.texts.iter().map(move |x| (i, x.as_str())))
                .unzip();
            for m in &t.members {
                let query = texts.get(m.0.as_str()).copied().unwrap_or_default();
                let mut score = vec![0.0_f32; home.topics.len()];
                for (at, s) in crate::cluster::similar(&pool, query, 5) {
                    score[owner[at]] += s;
                }
                let best = (0..score.len())
                    .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)))
                    .unwrap_or(0);
                parts[best].push(m.clone());
            }
        }
        for (h, members) in home.topics.iter().zip(parts) {
            if members.is_empty() {
                continue;
            }
            let mut part = RunTopic {
                target: Some(h.id.clone()),
                members,
                ..t.clone()
            };
            part.example_card_id = part
                .representatives(1)
                .first()
                .map_or_else(|| t.example_card_id.clone(), |id| (*id).to_owned());
            routed.push(part);
        }
    }
    run.topics = routed;
}
