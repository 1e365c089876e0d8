//! `narada bench …`: figures, not pass/fail checks.

pub mod cluster;
pub mod export;
pub mod merge;

use crate::error::{Error, Result};
use crate::storage::{ImportOptions, Store, baseline};
use std::path::Path;
use std::time::Instant;

/// Peak resident set size of this process in MiB (Linux `VmHWM`), if known.
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Milliseconds since this process started (Linux: kernel start time in clock ticks,
/// usually 10 ms), if known.
pub fn process_age_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let after = stat.rsplit_once(')')?.1;
    let start_ticks: f64 = after.split_whitespace().nth(19)?.parse().ok()?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    // CLK_TCK is 100 on every Linux configuration narada is likely to meet.
    Some((uptime - start_ticks / 100.0) * 1000.0)
}

/// `narada bench tui`: the interface on a database built from `input`.
pub fn tui(input: &Path) -> Result<String> {
    crate::tui::bench::run(input)
}

/// Imports `input` into a fresh file database in a temporary directory and reports the
/// time of each phase, with a bare one-table insert of the same rows as the baseline.
pub fn import(input: &Path) -> Result<String> {
    in_temp_dir("import", |dir| run_import(input, dir))
}

/// Runs `f` in a fresh temporary directory that is removed afterwards, however `f` ends.
pub fn in_temp_dir<T>(tag: &str, f: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
    let dir = std::env::temp_dir().join(format!("narada-bench-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let result = f(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn run_import(input: &Path, dir: &Path) -> Result<String> {
    let t0 = Instant::now();
    let records = crate::import::read_file(input, None)?;
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
