//! `narada-bench tui`: drives the real app off screen (ratatui `TestBackend`) on a
//! 100k-card database and prints latencies. Figures only, never a pass/fail.

use crate::measure::{in_temp_dir, peak_rss_mib, process_age_ms};
use narada::error::{Error, Result};
use narada::storage::{ImportOptions, Store};
use narada::tui::Driver;
use narada::tui::action::Action;
use narada::tui::app::AppOptions;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The off-screen terminal the interface benchmarks draw on.
pub(crate) const WIDTH: u16 = 120;
pub(crate) const HEIGHT: u16 = 40;

pub(crate) fn io(e: impl std::fmt::Display) -> Error {
    Error::Invalid(format!("test backend: {e}"))
}

pub(crate) fn draw(term: &mut Terminal<TestBackend>, d: &Driver) -> Result<()> {
    term.draw(|f| f.render_widget(&d.app, f.area()))
        .map(|_| ())
        .map_err(io)
}

pub(crate) fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

pub(crate) fn code(c: KeyCode) -> KeyEvent {
    KeyEvent::new(c, KeyModifiers::NONE)
}

/// Mean, 95th percentile and maximum of a set of durations, in milliseconds.
pub(crate) fn summary(mut xs: Vec<Duration>) -> String {
    if xs.is_empty() {
        return "no samples".into();
    }
    xs.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean = xs.iter().map(|d| ms(*d)).sum::<f64>() / xs.len() as f64;
    let p95 = xs[(xs.len() * 95 / 100).min(xs.len() - 1)];
    let max = xs[xs.len() - 1];
    format!(
        "mean {mean:.2} ms, p95 {:.2} ms, max {:.2} ms ({} keys)",
        ms(p95),
        ms(max),
        xs.len()
    )
}

/// Drive the interface on a 100k-card database (off screen); print latencies and RSS.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, default_value = "../shared/data/synthetic-100k.jsonl")]
    input: PathBuf,
    /// Measure the interface on this existing database, in this process (the
    /// benchmark runs itself this way, so start-up and RSS are the interface's own).
    #[arg(long, hide = true)]
    measure_db: Option<PathBuf>,
}

impl crate::Bench for Args {
    fn run(self) -> Result<String> {
        match self.measure_db {
            Some(db) => measure_in_process(&db),
            // Builds the database from `input` in a temporary directory and measures.
            None => in_temp_dir("tui", |dir| measure(&self.input, dir)),
        }
    }
}

/// Imports the cards and returns the database path and the card count.
pub fn build_db(input: &Path, dir: &Path) -> Result<(std::path::PathBuf, usize)> {
    let db = dir.join("bench.db");
    let records = narada::import::read_file(input, None)?;
    let mut store = Store::open(&db)?;
    let sum = store.import_records(
        &records,
        &ImportOptions {
            source: "bench".into(),
            ..ImportOptions::default()
        },
        &mut |_, _| {},
    )?;
    store.checkpoint()?;
    Ok((db, sum.inserted))
}

/// Open → first frame → full list drawn, as the terminal loop does it (reader thread).
pub fn startup(db: &Path) -> Result<Startup> {
    let t0 = Instant::now();
    let store = Store::open(db)?;
    let mut d = Driver::new(store, AppOptions::default(), true);
    d.act(Action::Resize(WIDTH, HEIGHT));
    let mut term = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).map_err(io)?;
    draw(&mut term, &d)?;
    let first = t0.elapsed();
    let since_exec = process_age_ms();
    d.settle(Duration::from_mins(2));
    draw(&mut term, &d)?;
    Ok(Startup {
        first,
        since_exec,
        loaded: t0.elapsed(),
        driver: d,
        term,
    })
}

/// What `startup` measured, with the app and terminal to go on with.
pub struct Startup {
    pub first: Duration,
    /// Milliseconds from exec to the first frame, when the OS tells.
    pub since_exec: Option<f64>,
    pub loaded: Duration,
    pub driver: Driver,
    pub term: Terminal<TestBackend>,
}

fn measure(input: &Path, dir: &Path) -> Result<String> {
    let t = Instant::now();
    let (db, n) = build_db(input, dir)?;
    let build_s = t.elapsed().as_secs_f64();
    // The interface runs in a fresh process, so that start-up time and peak RSS are
    // its own and not the import's.
    let exe = std::env::current_exe().map_err(|e| Error::io(Path::new("narada"), e))?;
    let out = std::process::Command::new(exe)
        .args(["tui", "--measure-db"])
        .arg(&db)
        .output()
        .map_err(|e| Error::io(Path::new("narada-bench tui --measure-db"), e))?;
    if !out.status.success() {
        return Err(Error::Invalid(format!(
            "narada-bench tui --measure-db failed: {}",
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    Ok(format!(
        "bench tui: {} ({n} cards, database built in {build_s:.1} s)\n{}",
        input.display(),
        String::from_utf8_lossy(&out.stdout).trim_end()
    ))
}

/// The measuring process: the app as `narada` starts it (reader thread included), on
/// an existing database, driven by key events and drawn on a `TestBackend`.
pub fn measure_in_process(db: &Path) -> Result<String> {
    let Startup {
        first,
        since_exec,
        loaded,
        driver: mut d,
        mut term,
    } = startup(db)?;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "screen:                          {WIDTH}×{HEIGHT} TestBackend"
    );
    if let Some(ms) = since_exec {
        let _ = writeln!(
            out,
            "process start → first frame:     {ms:.0} ms (±10 ms, kernel start time)"
        );
    }
    let _ = writeln!(
        out,
        "open → first frame:              {:.1} ms (the list loads on the reader thread)",
        first.as_secs_f64() * 1000.0
    );
    let _ = writeln!(
        out,
        "open → {} cards listed:     {:.1} ms",
        d.app.cards.list.view.len(),
        loaded.as_secs_f64() * 1000.0
    );

    // Typing on the capture line.
    d.key(key('a'));
    let mut typing = Vec::new();
    for c in "q: Więcej ławek przy ścieżkach rowerowych w parku #zieleń @mieszkanka".chars() {
        let t = Instant::now();
        d.key(key(c));
        draw(&mut term, &d)?;
        typing.push(t.elapsed());
    }
    let t = Instant::now();
    d.key(code(KeyCode::Enter));
    draw(&mut term, &d)?;
    let save = t.elapsed();
    let _ = writeln!(out, "keystroke → redraw, typing:      {}", summary(typing));
    let _ = writeln!(
        out,
        "Enter → card saved and redrawn:  {:.2} ms (one transaction, fsync)",
        save.as_secs_f64() * 1000.0
    );

    // A 10,000-character paste: one edit, drawn once; Enter refuses it (over the
    // limit) and keeps it; typing a key into it costs what a key costs.
    let pasted = "Więcej ławek przy ścieżkach rowerowych w parku. ".repeat(210);
    let n = pasted.chars().count();
    let t = Instant::now();
    d.act(Action::Paste(pasted.clone()));
    draw(&mut term, &d)?;
    let paste = t.elapsed();
    let t = Instant::now();
    d.key(code(KeyCode::Enter));
    draw(&mut term, &d)?;
    let refuse = t.elapsed();
    let t = Instant::now();
    d.key(key('x'));
    draw(&mut term, &d)?;
    let after = t.elapsed();
    let _ = writeln!(
        out,
        "paste {n} chars → redraw:      {:.2} ms; Enter (refused, text kept) {:.2} ms; \
         next key {:.2} ms",
        paste.as_secs_f64() * 1000.0,
        refuse.as_secs_f64() * 1000.0,
        after.as_secs_f64() * 1000.0
    );
    d.key(code(KeyCode::Esc));

    // The same paste into search: one query, on the reader thread.
    d.key(key('/'));
    let t = Instant::now();
    d.act(Action::Paste(pasted));
    d.settle(Duration::from_secs(30));
    draw(&mut term, &d)?;
    let _ = writeln!(
        out,
        "paste {n} chars into search → results: {:.1} ms ({} found)",
        t.elapsed().as_secs_f64() * 1000.0,
        d.app.cards.search.results.len()
    );
    d.key(code(KeyCode::Esc));

    // Scrolling the whole list.
    let mut scrolling = Vec::new();
    for i in 0..600 {
        let ev = if i % 3 == 0 {
            code(KeyCode::PageDown)
        } else {
            key('j')
        };
        let t = Instant::now();
        d.key(ev);
        draw(&mut term, &d)?;
        scrolling.push(t.elapsed());
    }
    let _ = writeln!(
        out,
        "keystroke → redraw, scrolling:   {}",
        summary(scrolling)
    );

    // Search as you type: key → query on the reader thread → results drawn.
    d.key(key('/'));
    let mut searching = Vec::new();
    let mut per_key = String::new();
    for c in "lawki przy park".chars() {
        let t = Instant::now();
        d.key(key(c));
        d.settle(Duration::from_secs(10));
        draw(&mut term, &d)?;
        let dt = t.elapsed();
        searching.push(dt);
        let _ = write!(
            per_key,
            " {}:{:.0}",
            d.app
                .cards
                .search
                .field
                .text()
                .trim_end()
                .rsplit(' ')
                .next()
                .unwrap_or(""),
            dt.as_secs_f64() * 1000.0
        );
    }
    let _ = writeln!(
        out,
        "search as you type (to results): {}",
        summary(searching)
    );
    let _ = writeln!(out, "  per key (word typed so far: ms):{per_key}");
    let _ = writeln!(
        out,
        "peak RSS:                        {}",
        peak_rss_mib().map_or_else(|| "unknown".into(), |r| format!("{r:.1} MiB"))
    );
    Ok(out)
}
