//! `narada-bench import`: a JSON Lines file imported into a fresh file database, timed
//! phase by phase against a bare one-table insert of the same rows.

use crate::measure::{in_temp_dir, peak_rss_mib};
use narada::error::Result;
use narada::storage::{ImportOptions, Store, baseline};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Import a JSON Lines file into a fresh file database; print seconds and peak RSS.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, default_value = "../shared/data/synthetic-100k.jsonl")]
    input: PathBuf,
}

impl crate::Bench for Args {
    fn run(self) -> Result<String> {
        in_temp_dir("import", |dir| run_import(&self.input, dir))
    }
}

fn run_import(input: &Path, dir: &Path) -> Result<String> {
    let t0 = Instant::now();
    let records = narada::import::read_file(input, None)?;
    let parse_s = t0.elapsed().as_secs_f64();

    let t1 = Instant::now();
    let mut store = Store::open(&dir.join("bench.db"))?;
    let sum = store.import_records(
        &records,
        &ImportOptions {
            source: "bench".into(),
            ..ImportOptions::default()
        },
        &mut |_, _| {},
    )?;
    drop(store);
    let store_s = t1.elapsed().as_secs_f64();
    let rss = peak_rss_mib();

    let pairs: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r.key.as_str(), r.text.as_str()))
        .collect();
    let t2 = Instant::now();
    baseline::bare_insert(&dir.join("baseline.db"), &pairs)?;
    let base_s = t2.elapsed().as_secs_f64();

    let total = parse_s + store_s;
    let n = sum.inserted as f64;
    Ok(format!(
        "bench import: {}\n\
         rows imported:        {}\n\
         read + check:         {parse_s:.3} s\n\
         store (one tx, FTS):  {store_s:.3} s\n\
         total:                {total:.3} s  ({:.0} rows/s)\n\
         peak RSS:             {}\n\
         baseline bare insert: {base_s:.3} s  (store is {:.1}× the bare insert)",
        input.display(),
        sum.inserted,
        n / total.max(1e-9),
        rss.map_or_else(|| "unknown".into(), |r| format!("{r:.1} MiB")),
        store_s / base_s.max(1e-9),
    ))
}
