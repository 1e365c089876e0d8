//! `narada-bench cluster`: clustering quality and speed on labelled JSON Lines sets, and
//! `narada-bench score`: a scorer for `{"id", "cluster"}` files. Quality is measured
//! against the gold `label` of each line.

use crate::measure::peak_rss_mib;
use narada::cluster::{self, ClusterOptions, metrics};
use narada::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Cluster the labelled sets with k given and automatic; print NMI, ARI, V-measure,
/// largest-cluster share, chosen k, seconds and peak RSS (one process per case).
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, default_value = "../shared/data")]
    data_dir: PathBuf,
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// Measure one labelled file in this process and print it as JSON: what each child
    /// process of the suite runs.
    #[arg(long, hide = true, value_name = "FILE")]
    case: Option<PathBuf>,
    /// The number of topics for --case (default: automatic).
    #[arg(long, hide = true, requires = "case")]
    k: Option<usize>,
}

impl crate::Bench for Args {
    fn run(self) -> Result<String> {
        match self.case {
            Some(file) => {
                let r = run_case(&file, self.k, self.threads)?;
                serde_json::to_string(&r).map_err(|e| Error::Invalid(e.to_string()))
            }
            None => suite(&self.data_dir, self.threads),
        }
    }
}

/// Score a clustering ({"id", "cluster"} per line) against the gold labels of a set.
#[derive(Debug, clap::Args)]
pub struct ScoreArgs {
    /// The labelled set (JSON Lines with `id` and `label`).
    #[arg(long)]
    gold: PathBuf,
    /// The clustering to score, e.g. the output of `narada cluster --input`.
    #[arg(long)]
    pred: PathBuf,
}

impl crate::Bench for ScoreArgs {
    fn run(self) -> Result<String> {
        score(&self.gold, &self.pred)
    }
}

#[derive(Debug, Deserialize)]
struct LabelledLine {
    id: serde_json::Value,
    #[serde(default)]
    text: String,
    #[serde(default)]
    label: Option<String>,
}

/// One measured case, printed as a table row (or JSON between processes).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct CaseResult {
    file: String,
    texts: usize,
    gold_labels: usize,
    k_given: Option<usize>,
    k_chosen: usize,
    topics: usize,
    unsorted: usize,
    nmi: f64,
    ari: f64,
    v_measure: f64,
    largest_share: f64,
    /// NMI of a seeded random assignment to the same number of clusters: chance level.
    random_nmi: f64,
    seconds: f64,
    peak_rss_mib: Option<f64>,
}

fn read_labelled(path: &Path) -> Result<Vec<LabelledLine>> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| Error::Input {
                file: path.display().to_string(),
                line: i as u64 + 1,
                column: e.column().to_string(),
                message: e.to_string(),
            })
        })
        .collect()
}

/// Dense ids for string labels, in first-seen order.
fn ids_of<'a>(labels: impl Iterator<Item = &'a str>) -> Vec<usize> {
    let mut map: BTreeMap<&str, usize> = BTreeMap::new();
    labels
        .map(|l| {
            let next = map.len();
            *map.entry(l).or_insert(next)
        })
        .collect()
}

/// Predicted cluster ids where unplaced items become singletons, as the data README asks.
fn with_singletons(pred: &[Option<usize>]) -> Vec<usize> {
    let mut next = pred.iter().flatten().max().map_or(0, |m| m + 1);
    pred.iter()
        .map(|p| {
            p.unwrap_or_else(|| {
                next += 1;
                next - 1
            })
        })
        .collect()
}

/// Clusters one labelled file in this process and measures it.
fn run_case(path: &Path, k: Option<usize>, threads: usize) -> Result<CaseResult> {
    let lines = read_labelled(path)?;
    let gold = ids_of(lines.iter().map(|l| l.label.as_deref().unwrap_or("")));
    let gold_labels = gold.iter().max().map_or(0, |m| m + 1);
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    let opts = ClusterOptions {
        k,
        threads,
        ..ClusterOptions::default()
    };
    let started = Instant::now();
    let result = cluster::cluster(&texts, &opts);
    let seconds = started.elapsed().as_secs_f64();
    let pred = with_singletons(
        &result
            .assignments
            .iter()
            .map(|a| a.topic)
            .collect::<Vec<_>>(),
    );
    // Chance level: the same number of clusters assigned by a fixed pseudo-random walk.
    let kk = result.topics.len().max(1) as u64;
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let random: Vec<usize> = (0..texts.len())
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % kk) as usize
        })
        .collect();
    Ok(CaseResult {
        file: path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        texts: texts.len(),
        gold_labels,
        k_given: k,
        k_chosen: result.k_chosen,
        topics: result.topics.len(),
        unsorted: result.unsorted.len(),
        nmi: metrics::nmi(&gold, &pred),
        ari: metrics::ari(&gold, &pred),
        v_measure: metrics::v_measure(&gold, &pred),
        largest_share: metrics::largest_share(&pred),
        random_nmi: metrics::nmi(&gold, &random),
        seconds,
        peak_rss_mib: peak_rss_mib(),
    })
}

/// Runs each case in a child process of this binary (so peak RSS is per case) and
/// formats a table.
fn suite(data_dir: &Path, threads: usize) -> Result<String> {
    let exe = std::env::current_exe().map_err(|e| Error::io(Path::new("narada-bench"), e))?;
    let mut cases: Vec<(String, Option<usize>)> = Vec::new();
    for (file, k) in [("dev-clustering.jsonl", 7), ("dev-8tags.jsonl", 8)] {
        cases.push((file.into(), Some(k)));
        cases.push((file.into(), None));
    }
    cases.push(("synthetic-100k.jsonl".into(), Some(7)));
    let mut out = format!(
        "bench cluster (threads {threads}; unsorted items count as singletons)\n\
         {:<22} {:>7} {:>5} {:>6} {:>6} {:>6} {:>6} {:>8} {:>8} {:>7} {:>9}\n",
        "file",
        "texts",
        "k",
        "topics",
        "NMI",
        "ARI",
        "V",
        "largest",
        "unsorted",
        "secs",
        "peak MiB"
    );
    for (file, k) in cases {
        let path = data_dir.join(&file);
        if !path.exists() {
            let _ = writeln!(out, "{file:<22} skipped: {} not found", path.display());
            continue;
        }
        let mut cmd = std::process::Command::new(&exe);
        cmd.args(["cluster", "--case"])
            .arg(&path)
            .args(["--threads", &threads.to_string()]);
        if let Some(k) = k {
            cmd.args(["--k", &k.to_string()]);
        }
        let output = cmd.output().map_err(|e| Error::io(&exe, e))?;
        if !output.status.success() {
            return Err(Error::Invalid(format!(
                "bench case {file} failed: {}",
                String::from_utf8_lossy(&output.stderr)
            )));
        }
        let r: CaseResult = serde_json::from_slice(&output.stdout)
            .map_err(|e| Error::Invalid(format!("bench case {file}: {e}")))?;
        let k_text = match r.k_given {
            Some(k) => k.to_string(),
            None => format!("auto {}", r.k_chosen),
        };
        let _ = writeln!(
            out,
            "{:<22} {:>7} {:>5} {:>6} {:>6.3} {:>6.3} {:>6.3} {:>7.1}% {:>8} {:>7.2} {:>9}",
            r.file,
            r.texts,
            k_text,
            r.topics,
            r.nmi,
            r.ari,
            r.v_measure,
            r.largest_share * 100.0,
            r.unsorted,
            r.seconds,
            r.peak_rss_mib
                .map_or_else(|| "?".into(), |m| format!("{m:.0}"))
        );
        let _ = writeln!(
            out,
            "{:<22} chance level (random assignment to {} clusters): NMI {:.3}",
            "", r.topics, r.random_nmi
        );
    }
    Ok(out)
}

#[derive(Debug, Deserialize)]
struct PredLine {
    id: serde_json::Value,
    #[serde(default)]
    cluster: Option<serde_json::Value>,
}

/// Scores a `{"id", "cluster"}` JSON Lines file against the gold `label`s.
fn score(gold_path: &Path, pred_path: &Path) -> Result<String> {
    let gold_lines = read_labelled(gold_path)?;
    let text = std::fs::read_to_string(pred_path).map_err(|e| Error::io(pred_path, e))?;
    let mut pred_of: BTreeMap<String, String> = BTreeMap::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let p: PredLine = serde_json::from_str(line).map_err(|e| Error::Input {
            file: pred_path.display().to_string(),
            line: i as u64 + 1,
            column: e.column().to_string(),
            message: e.to_string(),
        })?;
        if let Some(c) = p.cluster.filter(|c| !c.is_null()) {
            pred_of.insert(p.id.to_string(), c.to_string());
        }
    }
    let gold = ids_of(gold_lines.iter().map(|l| l.label.as_deref().unwrap_or("")));
    let cluster_names: Vec<Option<&str>> = gold_lines
        .iter()
        .map(|l| pred_of.get(&l.id.to_string()).map(String::as_str))
        .collect();
    let placed = ids_of(cluster_names.iter().flatten().copied());
    let mut it = placed.into_iter();
    let pred = with_singletons(
        &cluster_names
            .iter()
            .map(|c| c.and_then(|_| it.next()))
            .collect::<Vec<_>>(),
    );
    let missing = cluster_names.iter().filter(|c| c.is_none()).count();
    Ok(format!(
        "items {}  unplaced (singletons) {missing}\nNMI {:.4}  ARI {:.4}  V {:.4}  largest {:.1}%",
        gold.len(),
        metrics::nmi(&gold, &pred),
        metrics::ari(&gold, &pred),
        metrics::v_measure(&gold, &pred),
        metrics::largest_share(&pred) * 100.0
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unplaced_items_become_distinct_singletons() {
        assert_eq!(
            with_singletons(&[Some(0), None, Some(1), None]),
            vec![0, 2, 1, 3]
        );
    }

    #[test]
    fn label_ids_follow_first_appearance() {
        assert_eq!(ids_of(["b", "a", "b", "c"].into_iter()), vec![0, 1, 0, 2]);
    }
}
