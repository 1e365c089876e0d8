//! Measuring helpers for the benchmarks: peak RSS, process age and a throw-away
//! directory.

use narada::error::{Error, Result};
use std::path::Path;

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

/// Runs `f` in a fresh temporary directory that is removed afterwards, however `f` ends.
pub fn in_temp_dir<T>(tag: &str, f: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
    let dir = std::env::temp_dir().join(format!("narada-bench-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let result = f(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    result
}
