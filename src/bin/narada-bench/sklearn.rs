//! The scikit-learn baselines of `narada-bench cluster`'s speed case, run through
//! `scripts/sklearn_baseline.py` in the same run as narada.

use serde::Deserialize;
use std::fmt::Write as _;
use std::path::Path;

/// What `scripts/sklearn_baseline.py` prints.
#[derive(Debug, Deserialize)]
struct Baseline {
    seconds: f64,
    peak_rss_mib: f64,
    nmi: f64,
}

/// The scikit-learn TF-IDF + `MiniBatchKMeans` pipelines on the speed case, in this run,
/// each the fastest of `repeats` runs against narada's `ours` seconds; a line saying
/// why when Python or scikit-learn is missing. The first is the shared data README's
/// reference for its timing inputs (word 1–2-grams); the second a lighter one (single
/// words seen in two texts), the third character 3–5-grams.
pub fn baselines(out: &mut String, file: &Path, ours: f64, repeats: usize) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/sklearn_baseline.py");
    for (analyzer, name) in [
        ("word12", "word 1–2-grams, the data README's reference"),
        ("word", "single words"),
        ("char_wb", "character 3–5-grams"),
    ] {
        let run = std::process::Command::new("python3")
            .arg(&script)
            .arg(file)
            .args(["--k", "7", "--seed", "1", "--analyzer", analyzer])
            .args(["--repeat", &repeats.to_string()])
            .output();
        let parsed = match run {
            Ok(o) if o.status.success() => serde_json::from_slice::<Baseline>(&o.stdout)
                .map_err(|e| format!("unreadable output: {e}")),
            Ok(o) => Err(String::from_utf8_lossy(&o.stderr)
                .lines()
                .last()
                .unwrap_or("failed")
                .to_owned()),
            Err(e) => Err(format!("python3: {e}")),
        };
        let _ = match parsed {
            Ok(b) => writeln!(
                out,
                "  scikit-learn TF-IDF ({name}) + MiniBatchKMeans, same input, one thread, best of \
                 {repeats}: \
                 {:.2} s, peak {:.0} MiB, NMI {:.3} — narada {:.1}× its speed",
                b.seconds,
                b.peak_rss_mib,
                b.nmi,
                b.seconds / ours.max(1e-9)
            ),
            Err(why) => writeln!(
                out,
                "  scikit-learn baseline ({name}) skipped: {why} (pip install scikit-learn)"
            ),
        };
    }
}
