//! `narada demo`: a fresh database with the bundled sample consultation.
//!
//! The sample files are embedded at build time, so the demo works from any directory.

use crate::error::{Error, Result};
use crate::model::SessionDraft;
use crate::storage::{ConsultationPatch, ImportOptions, Store};
use serde::Deserialize;
use std::path::{Path, PathBuf};

const CONSULTATION_JSON: &str = include_str!("../sample-data/consultation.json");
const CARDS_CSV: &str = include_str!("../sample-data/cards.csv");
const WORKED_EXAMPLE: &str = include_str!("../sample-data/worked-example.json");

/// The setting that marks a database as a demo, which `narada demo` may replace.
const DEMO_MARK: &str = "demo";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleFile {
    consultation: SampleConsultation,
    sessions: Vec<SessionDraft>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleConsultation {
    title: String,
    city: String,
    year: i64,
    language: String,
    /// Consultation settings by their stored names (`executive`, `voivodeship`, …).
    #[serde(default)]
    settings: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DemoSummary {
    pub sessions: usize,
    pub cards: usize,
}

/// Builds the demo database in a temporary sibling file and renames it over `target`.
/// An existing `target` is replaced only if it is an earlier demo (or an empty database).
pub fn create(target: &Path) -> Result<DemoSummary> {
    if target.exists() {
        let store = Store::open(target)?;
        let is_demo = store.setting(DEMO_MARK)?.is_some();
        let empty = store.sessions()?.is_empty();
        if !is_demo && !empty {
            return Err(Error::Invalid(format!(
                "{} holds your own data, not a demo; the demo needs a file of its own \
                 (leave out --db to use demo.db in the data directory)",
                target.display()
            )));
        }
    }
    let tmp = sibling(target, "building");
    crate::storage::remove_db_files(&tmp)?;
    let summary = fill(&tmp).inspect_err(|_| {
        let _ = crate::storage::remove_db_files(&tmp);
    })?;
    crate::storage::remove_db_files(target)?;
    std::fs::rename(&tmp, target).map_err(|e| Error::io(target, e))?;
    Ok(summary)
}

fn fill(path: &Path) -> Result<DemoSummary> {
    let sample: SampleFile = serde_json::from_str(CONSULTATION_JSON)
        .map_err(|e| Error::Invalid(format!("sample-data/consultation.json: {e}")))?;
    let mut store = Store::open(path)?;
    store.set_setting(DEMO_MARK, "1")?;
    let c = &sample.consultation;
    let settings = c
        .settings
        .iter()
        .map(|(k, v)| {
            k.parse::<crate::model::SettingKey>()
                .map(|key| (key, v.clone()))
                .map_err(|e| Error::Invalid(format!("sample-data/consultation.json: {e}")))
        })
        .collect::<Result<Vec<_>>>()?;
    store.update_consultation_settings(
        &ConsultationPatch {
            title: Some(c.title.clone()),
            city: Some(c.city.clone()),
            year: Some(c.year),
            language: Some(c.language.clone()),
        },
        &settings,
    )?;
    for s in &sample.sessions {
        store.add_session(s)?;
    }
    let records = crate::import::parse(
        "sample-data/cards.csv",
        CARDS_CSV.as_bytes(),
        crate::import::Format::Csv,
    )?;
    let sum = store.import_records(
        &records,
        &ImportOptions {
            source: "cards.csv".into(),
            ..ImportOptions::default()
        },
        &mut |_, _| {},
    )?;
    apply_worked_example(&mut store, WORKED_EXAMPLE)?;
    // Start the interface on the first session, as a trainer would.
    if let Some(first) = store.sessions()?.first() {
        store.set_setting("last_session", &first.id)?;
    }
    // Fold the WAL back so the single file can be renamed into place.
    store.checkpoint()?;
    Ok(DemoSummary {
        sessions: sample.sessions.len(),
        cards: sum.inserted,
    })
}

/// The working group's part of the sample: topics, decisions, outline mapping, drafts.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkedExample {
    decided_on: Option<String>,
    topics: Vec<ExampleTopic>,
    #[serde(default)]
    card_decisions: Vec<ExampleCardDecision>,
    #[serde(default)]
    drafts: Vec<ExampleDraft>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleTopic {
    label: String,
    cards: Vec<String>,
    section: Option<String>,
    decision: Option<ExampleDecision>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleDecision {
    outcome: String,
    #[serde(default)]
    rationale: String,
    #[serde(rename = "for")]
    votes_for: Option<i64>,
    against: Option<i64>,
    abstain: Option<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleCardDecision {
    card: String,
    outcome: String,
    #[serde(default)]
    rationale: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleDraft {
    section: String,
    /// The provision's own text.
    #[serde(default)]
    text: String,
    /// Its units (ust. of a §, pkt of a ust.…), each with its own units.
    #[serde(default)]
    units: Vec<ExampleUnit>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleUnit {
    text: String,
    #[serde(default)]
    units: Vec<ExampleUnit>,
}

/// Adds `units` under `parent`, each followed by its own units.
fn add_units(store: &mut Store, parent: &str, units: &[ExampleUnit]) -> Result<()> {
    use crate::storage::outline_units::Place;
    for u in units {
        let added = store.add_unit(&Place::Under(Some(parent.to_owned())), None, &u.text)?;
        add_units(store, &added.id, &u.units)?;
    }
    Ok(())
}

/// Replays a worked example through the same store operations a secretary would use.
pub fn apply_worked_example(store: &mut Store, json: &str) -> Result<()> {
    use crate::model::{DecisionDraft, DecisionTarget, MapTarget};
    let ex: WorkedExample = serde_json::from_str(json)
        .map_err(|e| Error::Invalid(format!("sample-data/worked-example.json: {e}")))?;
    let outcome = |o: &str| o.parse().map_err(Error::Invalid);
    for t in &ex.topics {
        let topic = store.create_topic(&t.label)?;
        let ids = t
            .cards
            .iter()
            .map(|c| store.find_card(c).map(|c| c.id))
            .collect::<Result<Vec<_>>>()?;
        store.move_cards(&ids, &topic.id, false)?;
        if let Some(d) = &t.decision {
            store.decide(
                &DecisionTarget::Topic(topic.id.clone()),
                outcome(&d.outcome)?,
                &DecisionDraft {
                    rationale: d.rationale.clone(),
                    votes_for: d.votes_for,
                    votes_against: d.against,
                    votes_abstain: d.abstain,
                    decided_on: ex.decided_on.clone(),
                },
            )?;
        }
        if let Some(section) = &t.section {
            let s = store.find_section(section)?;
            store.map_section(&s.id, &MapTarget::Topic(topic.id.clone()))?;
        }
    }
    for d in &ex.card_decisions {
        let card = store.find_card(&d.card)?;
        store.decide(
            &DecisionTarget::Card(card.id),
            outcome(&d.outcome)?,
            &DecisionDraft {
                rationale: d.rationale.clone(),
                decided_on: ex.decided_on.clone(),
                ..DecisionDraft::default()
            },
        )?;
    }
    for d in &ex.drafts {
        let s = store.find_section(&d.section)?;
        if !d.text.is_empty() {
            store.edit_section(&s.id, None, Some(&d.text))?;
        }
        add_units(store, &s.id, &d.units)?;
    }
    Ok(())
}

fn sibling(path: &Path, tag: &str) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "demo.db".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!("{name}.{tag}"))
}
