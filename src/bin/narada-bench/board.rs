//! `narada-bench board`: the topic board on a 10k-card database with 50 topics, off
//! screen (ratatui `TestBackend`): keystroke → frame while browsing, and moving 1,000
//! marked cards to another topic (store, undo capture, reload, frame). Figures only.

use crate::measure::{in_temp_dir, peak_rss_mib};
use crate::tui::{HEIGHT, WIDTH, code, draw, io, key, summary};
use narada::error::Result;
use narada::storage::{ImportOptions, Store};
use narada::tui::Driver;
use narada::tui::app::AppOptions;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::KeyCode;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How many marked cards the move measures.
const MOVED: usize = 1_000;

/// The first `cards` records of `input` in a fresh database, dealt round-robin into
/// `topics` hand-made topics.
fn build(input: &Path, db: &Path, cards: usize, topics: usize) -> Result<()> {
    let mut records = narada::import::read_file(input, None)?;
    records.truncate(cards);
    let mut store = Store::open(db)?;
    let opts = ImportOptions {
        source: "bench".into(),
        ..ImportOptions::default()
    };
    store.import_records(&records, &opts, &mut |_, _| {})?;
    let ids: Vec<String> = store
        .cluster_input(None)?
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    for t in 0..topics.max(1) {
        let topic = store.create_topic(&format!("Temat {:02}", t + 1))?;
        let mine: Vec<String> = ids.iter().skip(t).step_by(topics.max(1)).cloned().collect();
        store.move_cards(&mine, &topic.id, false)?;
    }
    store.checkpoint()?;
    Ok(())
}

/// The topic board on a 10k-card database with 50 topics (off screen): keystroke →
/// frame while browsing, and moving 1,000 marked cards.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, default_value = "../shared/data/synthetic-100k.jsonl")]
    input: PathBuf,
    #[arg(long, default_value_t = 10_000)]
    cards: usize,
    #[arg(long, default_value_t = 50)]
    topics: usize,
}

impl crate::Bench for Args {
    fn run(self) -> Result<String> {
        run(&self.input, self.cards, self.topics)
    }
}

fn run(input: &Path, cards: usize, topics: usize) -> Result<String> {
    in_temp_dir("board", |dir| {
        let db = dir.join("board.db");
        let t = Instant::now();
        build(input, &db, cards, topics)?;
        let built = t.elapsed();
        let mut out = format!(
            "bench board: {cards} cards in {topics} topics (database built in {:.1} s)\n",
            built.as_secs_f64()
        );
        measure(&db, &mut out)?;
        Ok(out)
    })
}

fn measure(db: &Path, out: &mut String) -> Result<()> {
    let mut d = Driver::new(Store::open(db)?, AppOptions::default(), true);
    d.act(narada::tui::action::Action::Resize(WIDTH, HEIGHT));
    let mut term = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).map_err(io)?;
    let t = Instant::now();
    d.key(key('b'));
    draw(&mut term, &d)?;
    let _ = writeln!(
        out,
        "open board → first frame:        {:.1} ms ({} topics, {} cards)",
        t.elapsed().as_secs_f64() * 1000.0,
        d.app.board.topics.len(),
        d.app.board.cards.len()
    );
    // Browsing: down the topics, into a topic's cards and down them, back.
    let mut browsing = Vec::new();
    for i in 0..600 {
        let ev = match i % 40 {
            0 | 20 => code(KeyCode::Tab),
            _ => key('j'),
        };
        let t = Instant::now();
        d.key(ev);
        draw(&mut term, &d)?;
        browsing.push(t.elapsed());
        d.poll();
    }
    let _ = writeln!(
        out,
        "keystroke → frame, browsing:     {}",
        summary(browsing)
    );

    // Move 1,000 marked cards into the first topic through the picker.
    let first = d.app.board.topics.first().map(|t| t.id.clone());
    let chosen: Vec<String> = d
        .app
        .board
        .cards
        .iter()
        .filter(|c| d.app.board.placement.get(&c.id).map(|p| &p.topic_id) != first.as_ref())
        .take(MOVED)
        .map(|c| c.id.clone())
        .collect();
    d.app.board.marked = chosen.iter().cloned().collect();
    d.app.board.focus = narada::tui::board::Pane::Cards;
    d.key(key('m'));
    d.key(code(KeyCode::Down)); // past "new topic" to the first topic
    let t = Instant::now();
    d.key(code(KeyCode::Enter));
    draw(&mut term, &d)?;
    let moved = t.elapsed();
    let in_first = chosen
        .iter()
        .filter(|c| d.app.board.placement.get(*c).map(|p| &p.topic_id) == first.as_ref())
        .count();
    let _ = writeln!(
        out,
        "move {MOVED} marked cards → frame:  {:.1} ms ({in_first} now in the target topic; \
         one transaction, undo capture, reload)",
        moved.as_secs_f64() * 1000.0
    );
    let t = Instant::now();
    d.key(key('u'));
    draw(&mut term, &d)?;
    let _ = writeln!(
        out,
        "undo that move → frame:          {:.1} ms",
        t.elapsed().as_secs_f64() * 1000.0
    );
    // Where the move's time goes: the store parts on their own.
    if let Some(target) = &first {
        let s = d.runner.store_mut();
        let t = Instant::now();
        s.move_cards(&chosen, target, false)?;
        let mv = t.elapsed();
        let t = Instant::now();
        let topics = s.live_topic_ids()?;
        let _ = s.board_state(&chosen, &topics)?;
        let cap = t.elapsed();
        let t = Instant::now();
        let _ = s.topics()?;
        let reload = t.elapsed();
        let t = Instant::now();
        let placements = s.placements()?;
        let read_placements = t.elapsed();
        let mut board = d.app.board.clone();
        let t = Instant::now();
        board.set(None, placements, None);
        let regroup = t.elapsed();
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        let _ = writeln!(
            out,
            "  of which: move_cards {:.1} ms, one undo capture {:.1} ms, topics {:.1} ms, \
             placements {:.1} ms, regroup {:.1} ms",
            ms(mv),
            ms(cap),
            ms(reload),
            ms(read_placements),
            ms(regroup)
        );
    }
    d.settle(Duration::from_secs(5));
    let _ = writeln!(
        out,
        "peak RSS:                        {}",
        peak_rss_mib().map_or_else(|| "unknown".into(), |r| format!("{r:.1} MiB"))
    );
    Ok(())
}
