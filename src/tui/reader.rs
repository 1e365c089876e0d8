//! Reads that can be slow on a large database (the card list, search, near-duplicate
//! hints) go to reader threads with connections of their own, so typing never waits.
//! Without a reader (tests, benchmarks, in-memory stores) they run inline.

use super::hints::{Hint, HintCache};
use crate::model::Card;
use crate::storage::{CardFilter, Store};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};

/// Most search hits shown; enough to pick from, cheap to rank and draw.
pub const SEARCH_LIMIT: usize = 200;

/// Who asked for near-duplicate hints: the capture line or the board.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintFor {
    Capture,
    Board,
}

/// A read for a reader thread.
#[derive(Debug, Clone, PartialEq)]
pub enum Read {
    Cards {
        generation: u64,
        session_id: Option<String>,
    },
    Search {
        generation: u64,
        query: String,
    },
    /// Cards like `query`; `version` invalidates the cached texts.
    Similar {
        to: HintFor,
        generation: u64,
        version: u64,
        query: String,
        exclude: Option<String>,
    },
}

/// What a read found; a failed read comes back as an error message.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadDone {
    Cards {
        generation: u64,
        cards: Vec<Card>,
    },
    Search {
        generation: u64,
        query: String,
        cards: Vec<Card>,
    },
    Hints {
        to: HintFor,
        generation: u64,
        hints: Vec<Hint>,
    },
    Failed(String),
}

fn read(store: &Store, hints: &mut HintCache, job: Read) -> ReadDone {
    let done =
        match job {
            Read::Similar {
                to,
                generation,
                version,
                query,
                exclude,
            } => hints
                .similar(store, version, &query, exclude.as_deref())
                .map(|hints| ReadDone::Hints {
                    to,
                    generation,
                    hints,
                }),
            Read::Cards {
                generation,
                session_id,
            } => store
                .cards(&CardFilter {
                    session_id,
                    ..CardFilter::default()
                })
                .map(|cards| ReadDone::Cards { generation, cards }),
            Read::Search { generation, query } => store
                .search_as_you_type(&query, SEARCH_LIMIT)
                .map(|cards| ReadDone::Search {
                    generation,
                    query,
                    cards,
                }),
        };
    done.unwrap_or_else(|e| ReadDone::Failed(e.to_string()))
}

/// Reader thread: runs jobs in order, but of several queued jobs of one kind only the
/// newest, since an older search or load would be overtaken anyway.
fn reader_loop(path: PathBuf, jobs: Receiver<Read>, results: Sender<ReadDone>) {
    let store = match Store::open(&path) {
        Ok(s) => s,
        Err(e) => {
            let _ = results.send(ReadDone::Failed(e.to_string()));
            return;
        }
    };
    let mut hints = HintCache::default();
    while let Ok(first) = jobs.recv() {
        let mut cards = None;
        let mut search = None;
        let mut similar = None;
        let mut next = Some(first);
        while let Some(job) = next {
            match job {
                j @ Read::Cards { .. } => cards = Some(j),
                j @ Read::Search { .. } => search = Some(j),
                j @ Read::Similar { .. } => similar = Some(j),
            }
            next = jobs.try_recv().ok();
        }
        for job in [cards, search, similar].into_iter().flatten() {
            if results.send(read(&store, &mut hints, job)).is_err() {
                return;
            }
        }
    }
}

struct Threads {
    jobs: Sender<Read>,
    /// Near-duplicate hints get a thread of their own, so a search typed right after a
    /// capture never waits behind a hint computed over every card.
    hint_jobs: Sender<Read>,
    results: Receiver<ReadDone>,
}

pub struct Reader {
    threads: Option<Threads>,
    /// Hints computed inline when there is no reader thread.
    hints: HintCache,
}

impl Reader {
    /// Threads reading `path`, or `None` for inline reads.
    pub fn new(path: Option<PathBuf>) -> Reader {
        let threads = path.map(|path| {
            let (jobs_tx, jobs_rx) = mpsc::channel();
            let (hint_tx, hint_rx) = mpsc::channel();
            let (res_tx, res_rx) = mpsc::channel();
            let hint_path = path.clone();
            let hint_res = res_tx.clone();
            std::thread::spawn(move || reader_loop(path, jobs_rx, res_tx));
            std::thread::spawn(move || reader_loop(hint_path, hint_rx, hint_res));
            Threads {
                jobs: jobs_tx,
                hint_jobs: hint_tx,
                results: res_rx,
            }
        });
        Reader {
            threads,
            hints: HintCache::default(),
        }
    }

    pub fn is_background(&self) -> bool {
        self.threads.is_some()
    }

    /// Sends `job` to a thread (its answer comes through `poll`), or reads it now.
    pub fn read(&mut self, store: &Store, job: Read) -> Option<ReadDone> {
        match &self.threads {
            Some(t) => {
                let queue = match job {
                    Read::Similar { .. } => &t.hint_jobs,
                    _ => &t.jobs,
                };
                match queue.send(job) {
                    Ok(()) => None,
                    // A thread that died (it could not open the file) answers inline.
                    Err(mpsc::SendError(job)) => Some(read(store, &mut self.hints, job)),
                }
            }
            None => Some(read(store, &mut self.hints, job)),
        }
    }

    /// Answers the threads have finished since the last call.
    pub fn poll(&self) -> Vec<ReadDone> {
        self.threads
            .as_ref()
            .map(|t| t.results.try_iter().collect())
            .unwrap_or_default()
    }
}
