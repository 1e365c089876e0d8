//! `narada cluster` (on the database, or on a JSON Lines file) and `narada topic list`.

use super::cluster_plan::{Names, PlanJson, print_plan, print_topics};
use super::output::print_json;
use super::{ClusterArgs, OutputFormat};
use crate::cluster::{self, ClusterOptions, Clustering, SeedTopic, Stage};
use crate::error::{Error, Result};
use crate::model::Lang;
use crate::storage::{CardFilter, Store};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

/// Inputs above this size report progress on stderr.
const PROGRESS_FROM: usize = 10_000;

/// The engine's options from the arguments. `--outline-seeds` seeds from the outline of
/// `store`'s consultation (renamed and added chapters included), or from the skeleton
/// when there is no database (`--input`).
pub fn options(
    args: &ClusterArgs,
    default_lang: Option<Lang>,
    store: Option<&Store>,
) -> Result<ClusterOptions> {
    let mut seeds: Vec<SeedTopic> = Vec::new();
    if args.outline_seeds {
        let lang = args
            .text_lang
            .or(default_lang)
            .unwrap_or(Lang::Pl)
            .to_string();
        match store {
            Some(store) => seeds.extend(store.outline_seeds(&lang)?),
            None => seeds.extend(
                crate::model::outline::seed_topics(&lang)
                    .into_iter()
                    .map(|(name, keywords)| SeedTopic { name, keywords }),
            ),
        }
    }
    if let Some(path) = &args.seeds {
        seeds.extend(read_seeds(path)?);
    }
    Ok(ClusterOptions {
        k: args.k.map(|k| k as usize),
        lang: args.text_lang.or(default_lang),
        seeds,
        random_seed: args.random_seed,
        threads: args.threads,
        shipped_vectors: !args.no_shipped_vectors,
        ..ClusterOptions::default()
    })
}

/// Seed topics from a JSON file: `[{"name": "Głosowanie", "keywords": ["głos", "karta"]}]`.
fn read_seeds(path: &Path) -> Result<Vec<SeedTopic>> {
    let bytes = crate::files::read_input(path)?;
    let text = String::from_utf8(bytes).map_err(|e| Error::Input {
        file: path.display().to_string(),
        line: 1,
        column: String::new(),
        message: format!("invalid UTF-8 ({e}); save the file as UTF-8"),
    })?;
    serde_json::from_str(&text).map_err(|e| Error::Input {
        file: path.display().to_string(),
        line: e.line() as u64,
        column: e.column().to_string(),
        message: format!("expected a list of {{\"name\": …, \"keywords\": […]}} objects: {e}"),
    })
}

/// Runs the engine, reporting stages on stderr for large inputs.
pub fn run_engine(texts: &[&str], opts: &ClusterOptions) -> Clustering {
    let show = texts.len() > PROGRESS_FROM;
    let started = std::time::Instant::now();
    let mut progress = |stage: Stage, _: f32| {
        if show {
            eprintln!(
                "clustering {} texts: {stage:?} ({:.1} s)",
                texts.len(),
                started.elapsed().as_secs_f64()
            );
        }
    };
    cluster::cluster_with_progress(texts, opts, &mut progress)
}

#[derive(Debug, Deserialize)]
struct InputLine {
    id: serde_json::Value,
    text: String,
}

#[derive(Debug, Serialize)]
struct OutputLine<'a> {
    id: &'a serde_json::Value,
    cluster: Option<usize>,
    label: &'a str,
}

/// `narada cluster --input FILE.jsonl`: no database; one output line per input line.
pub fn run_file(
    input: &Path,
    output: Option<&Path>,
    force: bool,
    opts: &ClusterOptions,
) -> Result<()> {
    let bytes = crate::files::read_input(input)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let name = input.display().to_string();
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, col) = crate::import::line_col(bytes, e.valid_up_to());
        crate::import::input_err(&name, line, col.to_string(), "invalid UTF-8".into())
    })?;
    let mut items: Vec<InputLine> = Vec::new();
    // Each id's line, so a repeated id is refused: the output is read back by id.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        let at = |column: String, message: String| {
            crate::import::input_err(&name, i as u64 + 1, column, message)
        };
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            continue;
        }
        // serde would read an array as the object's fields in order, and then complain
        // about a field's type; say what the line should be instead.
        if !trimmed.starts_with('{') {
            return Err(at(
                (line.len() - trimmed.len() + 1).to_string(),
                "expected an object with `id` and `text`".into(),
            ));
        }
        let item: InputLine = serde_json::from_str(line).map_err(|e| {
            at(
                e.column().to_string(),
                format!(
                    "expected an object with `id` and `text`: {}",
                    crate::import::json_message(&e)
                ),
            )
        })?;
        if !(item.id.is_string() || item.id.is_number()) {
            return Err(at(
                "1".into(),
                format!("`id` must be a string or a number, not {}", item.id),
            ));
        }
        if let Some(first) = seen.insert(item.id.to_string(), i + 1) {
            return Err(at(
                "1".into(),
                format!(
                    "id {} is used again (first on line {first}); every line needs its own id",
                    item.id
                ),
            ));
        }
        items.push(item);
    }
    if items.is_empty() {
        return Err(Error::Invalid(format!(
            "{name}: no texts to cluster (the file has no JSON lines)"
        )));
    }
    let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
    let result = run_engine(&texts, opts);
    let write = |w: &mut dyn Write| -> std::io::Result<()> {
        for (item, a) in items.iter().zip(&result.assignments) {
            let label = a.topic.map_or("", |t| result.topics[t].label.as_str());
            serde_json::to_writer(
                &mut *w,
                &OutputLine {
                    id: &item.id,
                    cluster: a.topic,
                    label,
                },
            )?;
            writeln!(w)?;
        }
        Ok(())
    };
    match output {
        Some(path) => crate::export::write_atomically(path, force, write)?,
        None => {
            write(&mut std::io::stdout().lock())
                .map_err(|e| Error::io(Path::new("<stdout>"), e))?;
        }
    }
    eprintln!(
        "{} → {} ({}; language {}), {} unsorted",
        counted(items.len(), "text"),
        counted(result.topics.len(), "topic"),
        how_k(&result),
        result.lang,
        result.unsorted.len()
    );
    Ok(())
}

/// `narada cluster` on the database: the proposed topics, then exactly what accepting
/// changes, and (unless `--dry-run`/`--preview`) the run stored by carrying that out.
pub fn run_db(store: &mut Store, args: &ClusterArgs) -> Result<()> {
    let consultation = store.consultation()?;
    let session = args
        .session
        .as_deref()
        .map(|s| store.find_session(s))
        .transpose()?;
    let default_lang = consultation.language.parse().ok();
    let mut opts = options(args, default_lang, Some(store))?;
    // Read once: planning the run writes nothing, so this list holds until it is stored.
    let topics = store.topics()?;
    opts.taken_labels = crate::storage::run_plan::kept_labels(&topics);
    let cards = store.cluster_input(session.as_ref().map(|s| s.id.as_str()))?;
    if cards.is_empty() {
        return Err(Error::Invalid("no cards to cluster".into()));
    }
    let texts: Vec<&str> = cards.iter().map(|(_, t)| t.as_str()).collect();
    let result = run_engine(&texts, &opts);
    let mut record = crate::jobs::run_record(
        &cards,
        &result,
        &opts,
        session.as_ref().map(|s| s.id.clone()),
    );
    let seed_names: Vec<String> = opts.seeds.iter().map(|s| s.name.clone()).collect();
    let homes = store.seed_homes(&seed_names)?;
    let by_id: HashMap<&str, &str> = cards
        .iter()
        .map(|(i, t)| (i.as_str(), t.as_str()))
        .collect();
    crate::jobs::route_seeds(&mut record, &homes, &by_id);
    let plan = store.plan_cluster_run(&record)?;
    let record = crate::storage::run_plan::with_distinct_labels(&record, &topics, &plan);
    let names = Names {
        cards: store
            .cards(&CardFilter::default())?
            .into_iter()
            .map(|c| (c.id, (c.seq, c.text)))
            .collect(),
        topics: topics.into_iter().map(|t| (t.id, t.label)).collect(),
    };
    if args.format == OutputFormat::Json {
        print_json(&PlanJson::new(&record, &plan, &names))?;
    } else {
        println!(
            "{} → {} ({}; language {})",
            counted(texts.len(), "card"),
            counted(record.topics.len(), "topic"),
            how_k(&result),
            result.lang
        );
        print_topics(&record, &plan, &names, args.cards == super::ShownCards::All);
    }
    print_plan(&record, &plan, &names);
    if args.dry_run {
        eprintln!("--dry-run: nothing stored");
        return Ok(());
    }
    let sum = store.save_cluster_run(&record, true)?;
    eprintln!(
        "run stored: {} topics; {} cards placed, {} kept where they were put by hand, {} kept in their decided, mapped or hand-made topics, {} unsorted",
        sum.topics, sum.assigned, sum.kept_by_hand, sum.kept_with_topic, sum.unsorted
    );
    Ok(())
}

/// "1 topic", "2 topics": the summary lines count in English.
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// k and how it came about, and — when identical or near-identical texts left some of
/// the k groups empty — how many, so "2 topics (k 3 …)" does not read as a mistake; or
/// why nothing could be placed, which k-means never ran for ("k 0" read as a mistake).
fn how_k(result: &Clustering) -> String {
    if result.k_chosen == 0 && !result.assignments.is_empty() {
        return "no two texts share a word, so none could be placed".to_owned();
    }
    let how = if result.k_auto {
        "chosen automatically"
    } else {
        "given"
    };
    let k = result.k_chosen;
    match k.saturating_sub(result.topics.len()) {
        0 => format!("k {k} {how}"),
        1 => format!("k {k} {how}, 1 group came out empty"),
        n => format!("k {k} {how}, {n} groups came out empty"),
    }
}
