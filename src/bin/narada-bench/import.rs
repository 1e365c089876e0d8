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
    /// Import a file of this many copies of the input (each copy's ids made distinct):
    /// `--repeat 10` on the 100k file is the million-line case.
    #[arg(long, default_value_t = 1)]
    repeat: usize,
}

impl crate::Bench for Args {
    fn run(self) -> Result<String> {
        in_temp_dir("import", |dir| run_import(&self.input, self.repeat, dir))
    }
}

/// `repeat` copies of a JSON Lines file, each line's `id` suffixed with its copy.
fn repeated(input: &Path, repeat: usize, dir: &Path) -> Result<PathBuf> {
    use std::io::{BufRead, Write};
    let out_path = dir.join("repeated.jsonl");
    let io = |e: std::io::Error| narada::error::Error::io(&out_path, e);
    let mut out = std::io::BufWriter::new(std::fs::File::create(&out_path).map_err(io)?);
    for copy in 0..repeat {
        let file = std::fs::File::open(input).map_err(|e| narada::error::Error::io(input, e))?;
        for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|e| narada::error::Error::io(input, e))?;
            let Ok(mut value) = serde_json::from_str::<serde_json::Value>(&line) else {
                continue;
            };
            let id = value
                .get("id")
                .and_then(serde_json::Value::as_str)
                .map_or_else(|| format!("line{n}"), str::to_owned);
            value["id"] = format!("{id}-{copy}").into();
            writeln!(out, "{value}").map_err(io)?;
        }
    }
    out.flush().map_err(io)?;
    Ok(out_path)
}

fn run_import(input: &Path, repeat: usize, dir: &Path) -> Result<String> {
    let file = if repeat > 1 {
        repeated(input, repeat, dir)?
    } else {
        input.to_path_buf()
    };
    // What `narada import` does: the file streamed twice (checked whole, then stored).
    let t0 = Instant::now();
    let checked = narada::import::stream_file(&file, None, |total, _| Ok(total))?;
    let check_s = t0.elapsed().as_secs_f64();

    let t1 = Instant::now();
    let mut store = Store::open(&dir.join("bench.db"))?;
    let opts = ImportOptions {
        source: "bench".into(),
        ..ImportOptions::default()
    };
    let sum = narada::import::stream_file(&file, None, |total, records| {
        store.import_each(total, records, &opts, &mut |_, _| {})
    })?;
    drop(store);
    let import_s = t1.elapsed().as_secs_f64();
    let rss = peak_rss_mib();

    let records = narada::import::read_file(&file, None)?;
    let pairs: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r.key.as_str(), r.text.as_str()))
        .collect();
    let t2 = Instant::now();
    baseline::bare_insert(&dir.join("baseline.db"), &pairs)?;
    let base_s = t2.elapsed().as_secs_f64();

    let n = sum.inserted as f64;
    Ok(format!(
        "bench import: {} (×{repeat})\n\
         rows imported:         {}\n\
         check pass alone:      {check_s:.3} s  ({checked} rows; what a bad last line costs)\n\
         import (check, store): {import_s:.3} s  ({:.0} rows/s)\n\
         peak RSS (import):     {}\n\
         baseline bare insert:  {base_s:.3} s  (import is {:.1}× the bare insert)",
        input.display(),
        sum.inserted,
        n / import_s.max(1e-9),
        rss.map_or_else(|| "unknown".into(), |r| format!("{r:.1} MiB")),
        import_s / base_s.max(1e-9),
    ))
}
