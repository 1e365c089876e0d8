//! `narada-bench cluster`: clustering quality and speed on labelled JSON Lines sets, and
//! `narada-bench score`: a scorer for `{"id", "cluster"}` files. Quality is measured
//! against the gold `label` of each line.

use crate::measure::{in_temp_dir, peak_rss_mib};
use narada::cluster::{self, ClusterOptions, metrics};
use narada::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Cluster the labelled sets with k given and automatic over several seeds; print NMI,
/// ARI, largest-cluster share, unsorted share and the chosen k (mean and range), seconds
/// and peak RSS (one process per case).
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, default_value = "../shared/data")]
    data_dir: PathBuf,
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// Random seeds 1..=N per set and mode.
    #[arg(long, default_value_t = 5)]
    seeds: u64,
    /// Draws of the automatic choice of k (its sample, references and restarts) to
    /// try per set: the "k by draw" column, the range of k over draws 0..N (narada
    /// always uses draw 0). 0 leaves the column out.
    #[arg(long, default_value_t = 8)]
    draws: u64,
    /// Only the sets whose name contains one of these (comma-separated), e.g. `workshop`.
    #[arg(long, value_delimiter = ',')]
    sets: Vec<String>,
    /// Skip the 100k-title speed case.
    #[arg(long)]
    no_large: bool,
    /// Skip the scikit-learn baselines run after the speed case (they need `python3`
    /// with scikit-learn: `pip install scikit-learn`).
    #[arg(long)]
    no_baseline: bool,
    /// Measure one labelled file in this process and print it as JSON: what each child
    /// process of the suite runs.
    #[arg(long, hide = true, value_name = "FILE")]
    case: Option<PathBuf>,
    /// The number of topics for --case (default: automatic).
    #[arg(long, hide = true, requires = "case")]
    k: Option<usize>,
    /// The random seed for --case.
    #[arg(long, hide = true, requires = "case", default_value_t = 42)]
    seed: u64,
}

impl crate::Bench for Args {
    fn run(self) -> Result<String> {
        match &self.case {
            Some(file) => {
                let r = run_case(file, self.k, self.threads, self.seed)?;
                serde_json::to_string(&r).map_err(|e| Error::Invalid(e.to_string()))
            }
            None => in_temp_dir("cluster", |dir| suite(&self, dir)),
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
fn run_case(path: &Path, k: Option<usize>, threads: usize, seed: u64) -> Result<CaseResult> {
    let lines = read_labelled(path)?;
    let gold = ids_of(lines.iter().map(|l| l.label.as_deref().unwrap_or("")));
    let gold_labels = gold.iter().max().map_or(0, |m| m + 1);
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    let opts = ClusterOptions {
        k,
        threads,
        random_seed: seed,
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

/// The smallest and largest k automatic k chooses for `path` over `draws` draws of
/// the choice. `k_draw_0` is draw 0's k (narada's own) when the suite's runs already
/// made it; the other draws run in this process, and only k is read.
fn k_over_draws(
    path: &Path,
    draws: u64,
    threads: usize,
    k_draw_0: Option<usize>,
) -> Result<(usize, usize)> {
    let lines = read_labelled(path)?;
    let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
    let others = (u64::from(k_draw_0.is_some())..draws).map(|choice_draw| {
        let opts = ClusterOptions {
            threads,
            choice_draw,
            ..ClusterOptions::default()
        };
        cluster::cluster(&texts, &opts).k_chosen
    });
    let ks: Vec<usize> = k_draw_0.into_iter().chain(others).collect();
    let lo = ks.iter().copied().min().unwrap_or(0);
    let hi = ks.iter().copied().max().unwrap_or(0);
    Ok((lo, hi))
}

/// Runs one case in a child process of this binary (so peak RSS is per case).
fn child_case(path: &Path, k: Option<usize>, seed: u64, threads: usize) -> Result<CaseResult> {
    let exe = std::env::current_exe().map_err(|e| Error::io(Path::new("narada-bench"), e))?;
    let mut cmd = std::process::Command::new(&exe);
    cmd.args(["cluster", "--case"])
        .arg(path)
        .args(["--threads", &threads.to_string()])
        .args(["--seed", &seed.to_string()]);
    if let Some(k) = k {
        cmd.args(["--k", &k.to_string()]);
    }
    let output = cmd.output().map_err(|e| Error::io(&exe, e))?;
    let name = path.display();
    if !output.status.success() {
        return Err(Error::Invalid(format!(
            "bench case {name} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    serde_json::from_slice(&output.stdout)
        .map_err(|e| Error::Invalid(format!("bench case {name}: {e}")))
}

/// Mean of `f` over the runs.
fn mean(runs: &[CaseResult], f: impl Fn(&CaseResult) -> f64) -> f64 {
    runs.iter().map(f).sum::<f64>() / runs.len().max(1) as f64
}

/// Every set with k given and automatic, seeds 1..=N, then the 100k-title speed case.
fn suite(args: &Args, tmp: &Path) -> Result<String> {
    let threads = args.threads;
    let wanted =
        |name: &str| args.sets.is_empty() || args.sets.iter().any(|s| name.contains(s.as_str()));
    let sets = crate::cluster_sets::labelled_sets(&args.data_dir, tmp, wanted("demo-worked"))?;
    let mut out = format!(
        "bench cluster (threads {threads}; seeds 1–{}; means over seeds; unsorted items count as \
         singletons; k by draw: automatic k over {} draws of its choice)\n\
         {:<18} {:>6} {:>4} {:>14} {:>6} {:>6} {:>8} {:>9} {:>7} {:>8} {:>7} {:>10}\n",
        args.seeds,
        args.draws,
        "set",
        "texts",
        "k",
        "k chosen",
        "NMI",
        "ARI",
        "largest",
        "unsorted",
        "chance",
        "secs",
        "MiB",
        "k by draw"
    );
    for (name, path, k_gold) in sets {
        if !wanted(name) {
            continue;
        }
        if !path.exists() {
            let _ = writeln!(out, "{name:<18} skipped: {} not found", path.display());
            continue;
        }
        for k in [Some(k_gold), None] {
            let runs = (1..=args.seeds)
                .map(|seed| child_case(&path, k, seed, threads))
                .collect::<Result<Vec<_>>>()?;
            let lo = runs.iter().map(|r| r.k_chosen).min().unwrap_or(0);
            let hi = runs.iter().map(|r| r.k_chosen).max().unwrap_or(0);
            let k_text = k.map_or_else(|| "auto".to_string(), |k| k.to_string());
            let texts = runs.first().map_or(0, |r| r.texts);
            let by_draw = if k.is_none() && args.draws > 0 {
                let k_draw_0 = runs.first().map(|r| r.k_chosen);
                let (lo, hi) = k_over_draws(&path, args.draws, threads, k_draw_0)?;
                format!("{lo}–{hi}")
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "{name:<18} {texts:>6} {k_text:>4} {:>14} {:>6.3} {:>6.3} {:>7.1}% {:>8.1}% {:>7.3} {:>8.3} {:>7.0} {by_draw:>10}",
                format!("{:.1} [{lo}–{hi}]", mean(&runs, |r| r.k_chosen as f64)),
                mean(&runs, |r| r.nmi),
                mean(&runs, |r| r.ari),
                mean(&runs, |r| r.largest_share) * 100.0,
                mean(&runs, |r| r.unsorted as f64 / r.texts.max(1) as f64) * 100.0,
                mean(&runs, |r| r.random_nmi),
                mean(&runs, |r| r.seconds),
                runs.iter()
                    .filter_map(|r| r.peak_rss_mib)
                    .fold(0.0, f64::max),
            );
        }
    }
    let large = args.data_dir.join("synthetic-100k.jsonl");
    if !args.no_large && args.sets.is_empty() {
        if large.exists() {
            // Best of three, as the shared data README times its baselines.
            let runs = (0..SPEED_REPEATS)
                .map(|_| child_case(&large, Some(7), 1, threads))
                .collect::<Result<Vec<_>>>()?;
            let Some(r) = runs
                .into_iter()
                .min_by(|a, b| a.seconds.total_cmp(&b.seconds))
            else {
                return Ok(out);
            };
            let _ = writeln!(
                out,
                "speed: synthetic-100k k 7 seed 1, best of {SPEED_REPEATS}: {:.2} s, peak {} MiB, NMI {:.3}",
                r.seconds,
                r.peak_rss_mib
                    .map_or_else(|| "?".into(), |m| format!("{m:.0}")),
                r.nmi
            );
            if !args.no_baseline {
                crate::sklearn::baselines(&mut out, &large, r.seconds, SPEED_REPEATS);
            }
        } else {
            let _ = writeln!(out, "speed: skipped, {} not found", large.display());
        }
    }
    Ok(out)
}

/// Runs of the speed case (narada and each baseline); the fastest counts.
const SPEED_REPEATS: usize = 3;

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

    /// Four clear themes of ten cards and two stray cards: every draw of the choice
    /// finds four topics, or five (the strays' own).
    #[test]
    fn clear_themes_get_about_the_same_k_in_every_draw() {
        let easy = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/easy-clusters.jsonl");
        let (lo, hi) = k_over_draws(&easy, 4, 1, None).unwrap();
        assert!(lo >= 4 && hi <= 5, "k over draws: {lo}–{hi}");
    }

    #[test]
    fn label_ids_follow_first_appearance() {
        assert_eq!(ids_of(["b", "a", "b", "c"].into_iter()), vec![0, 1, 0, 2]);
    }
}
