//! Effects: what `update` asks for; the runner does it against the store and feeds the
//! results back as actions. Reads that can be slow on a large database (the card list,
//! search) go to a reader thread with its own connection, so typing never waits.

use super::action::{Action, Via};
use super::hints::HintCache;
use super::loaded::Loaded;
use crate::error::Result;
use crate::model::{Card, CardDraft, CardPatch, SessionDraft};
use crate::storage::{CardFilter, Store};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};

/// The setting `narada card add` also uses: the session the user worked in last.
pub const LAST_SESSION: &str = "last_session";
/// Most search hits shown; enough to pick from, cheap to rank and draw.
pub const SEARCH_LIMIT: usize = 200;

/// One undoable change to a card, as it was applied.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Add(String),
    Delete(String),
    Edit {
        id: String,
        before: Box<CardPatch>,
        after: Box<CardPatch>,
    },
    Vote {
        id: String,
        delta: i64,
    },
    /// Board, decision and outline changes (see `board_effects.rs`).
    Board(Box<super::board_effects::BoardChange>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Sessions and the one to open first.
    Start,
    LoadSessions,
    LoadCards {
        generation: u64,
        session_id: Option<String>,
    },
    Search {
        generation: u64,
        query: String,
    },
    AddCard(CardDraft),
    EditCard {
        id: String,
        patch: CardPatch,
    },
    Vote {
        id: String,
        delta: i64,
    },
    Delete(String),
    /// Apply the inverse of a change (undo) or the change again (redo).
    Revert(Change),
    Reapply(Change),
    SaveSession {
        id: Option<String>,
        draft: SessionDraft,
    },
    Remember(String),
    /// Board, decision, outline, clustering and merge work (see `board_effects.rs`).
    More(Box<super::board_effects::MoreEffect>),
    /// Cards like `query` (near-duplicate hints); `version` invalidates the cached texts.
    Similar {
        generation: u64,
        version: u64,
        query: String,
        exclude: Option<String>,
    },
}

/// A read for the reader thread.
enum Read {
    Similar {
        generation: u64,
        version: u64,
        query: String,
        exclude: Option<String>,
    },
    Cards {
        generation: u64,
        session_id: Option<String>,
    },
    Search {
        generation: u64,
        query: String,
    },
}

struct Reader {
    jobs: Sender<Read>,
    /// Near-duplicate hints get a thread of their own, so a search typed right after a
    /// capture never waits behind a hint computed over every card.
    hint_jobs: Sender<Read>,
    results: Receiver<Action>,
}

pub struct Runner {
    pub(super) store: Store,
    reader: Option<Reader>,
    /// Hints computed inline when there is no reader thread.
    hints: HintCache,
    /// Messages of clustering workers.
    pub(super) worker_tx: Sender<Action>,
    worker_rx: Receiver<Action>,
    /// User overrides of the export templates (`templates/` in the config directory).
    pub(super) templates_dir: Option<std::path::PathBuf>,
}

/// The patch that sets every field an edit touched back to `card`'s values.
fn patch_from(card: &Card, like: &CardPatch) -> CardPatch {
    CardPatch {
        text: like.text.as_ref().map(|_| card.text.clone()),
        kind: like.kind.map(|_| card.kind),
        speaker: like.speaker.as_ref().map(|_| card.speaker.clone()),
        activity: like.activity.as_ref().map(|_| card.activity.clone()),
        tags: like.tags.as_ref().map(|_| card.tags.clone()),
        votes: like.votes.map(|_| card.votes),
    }
}

fn read(store: &Store, hints: &mut HintCache, job: Read) -> Action {
    match job {
        Read::Similar {
            generation,
            version,
            query,
            exclude,
        } => match hints.similar(store, version, &query, exclude.as_deref()) {
            Ok(hints) => Action::Loaded(Box::new(Loaded::Hints { generation, hints })),
            Err(e) => Action::Failed(e.to_string()),
        },
        Read::Cards {
            generation,
            session_id,
        } => match store.cards(&CardFilter {
            session_id,
            ..CardFilter::default()
        }) {
            Ok(cards) => Action::CardsLoaded { generation, cards },
            Err(e) => Action::Failed(e.to_string()),
        },
        Read::Search { generation, query } => {
            match store.search_as_you_type(&query, SEARCH_LIMIT) {
                Ok(cards) => Action::SearchResults {
                    generation,
                    query,
                    cards,
                },
                Err(e) => Action::Failed(e.to_string()),
            }
        }
    }
}

/// Reader thread: runs jobs in order, but of several queued jobs of one kind only the
/// newest, since an older search or load would be overtaken anyway.
fn reader_loop(path: PathBuf, jobs: Receiver<Read>, results: Sender<Action>) {
    let store = match Store::open(&path) {
        Ok(s) => s,
        Err(e) => {
            let _ = results.send(Action::Failed(e.to_string()));
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

impl Runner {
    /// With `background`, a file database is read on a second thread; otherwise (tests,
    /// benchmarks, in-memory stores) every effect runs inline.
    pub fn new(store: Store, background: bool) -> Runner {
        let reader = match (background, store.path()) {
            (true, Some(path)) => {
                let (jobs_tx, jobs_rx) = mpsc::channel();
                let (hint_tx, hint_rx) = mpsc::channel();
                let (res_tx, res_rx) = mpsc::channel();
                let (path, hint_path) = (path.to_path_buf(), path.to_path_buf());
                let hint_res = res_tx.clone();
                std::thread::spawn(move || reader_loop(path, jobs_rx, res_tx));
                std::thread::spawn(move || reader_loop(hint_path, hint_rx, hint_res));
                Some(Reader {
                    jobs: jobs_tx,
                    hint_jobs: hint_tx,
                    results: res_rx,
                })
            }
            _ => None,
        };
        let (worker_tx, worker_rx) = mpsc::channel();
        Runner {
            templates_dir: None,
            store,
            reader,
            hints: HintCache::default(),
            worker_tx,
            worker_rx,
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Results the reader thread has finished since the last call.
    pub fn poll(&self) -> Vec<Action> {
        let mut out: Vec<Action> = self
            .reader
            .as_ref()
            .map(|r| r.results.try_iter().collect())
            .unwrap_or_default();
        out.extend(self.worker_rx.try_iter());
        out
    }

    /// Whether a reader thread exists (then results arrive later, through `poll`).
    pub fn is_background(&self) -> bool {
        self.reader.is_some()
    }

    /// Runs one effect; what it yields at once comes back as actions.
    pub fn perform(&mut self, effect: Effect) -> Vec<Action> {
        match self.try_perform(effect) {
            Ok(actions) => actions,
            Err(e) => vec![Action::Failed(e.to_string())],
        }
    }

    fn send_or_read(&mut self, job: Read) -> Vec<Action> {
        match &self.reader {
            Some(r) => match match job {
                Read::Similar { .. } => r.hint_jobs.send(job),
                _ => r.jobs.send(job),
            } {
                Ok(()) => Vec::new(),
                Err(mpsc::SendError(job)) => vec![read(&self.store, &mut self.hints, job)],
            },
            None => vec![read(&self.store, &mut self.hints, job)],
        }
    }

    /// The stored card, and how its session's totals moved: worked out from the card
    /// before and after rather than recounted, which would read the whole session.
    fn stored(before: Option<&Card>, card: Card, change: Change, via: Via) -> Result<Vec<Action>> {
        let weight = |c: &Card| {
            if c.deleted_at.is_none() && c.superseded_by.is_none() {
                (1, c.votes)
            } else {
                (0, 0)
            }
        };
        let (c0, v0) = before.map_or((0, 0), weight);
        let (c1, v1) = weight(&card);
        Ok(vec![
            Action::Totals {
                session_id: card.session_id.clone(),
                cards: c1 - c0,
                votes: v1 - v0,
            },
            Action::Stored {
                card: Box::new(card),
                change,
                via,
            },
        ])
    }

    /// The id a change is about.
    fn change_id(change: &Change) -> &str {
        match change {
            Change::Add(id) | Change::Delete(id) => id,
            Change::Edit { id, .. } | Change::Vote { id, .. } => id,
            Change::Board(_) => "",
        }
    }

    fn try_perform(&mut self, effect: Effect) -> Result<Vec<Action>> {
        let s = &mut self.store;
        match effect {
            Effect::Start => {
                let sessions = s.sessions()?;
                let last = s
                    .setting(LAST_SESSION)?
                    .filter(|id| sessions.iter().any(|x| &x.id == id));
                let current = match last {
                    Some(id) => Some(id),
                    None => s.newest_session()?.map(|x| x.id),
                };
                Ok(vec![Action::Started { sessions, current }])
            }
            Effect::LoadSessions => Ok(vec![Action::SessionsLoaded(s.sessions()?)]),
            Effect::LoadCards {
                generation,
                session_id,
            } => Ok(self.send_or_read(Read::Cards {
                generation,
                session_id,
            })),
            Effect::Search { generation, query } => {
                Ok(self.send_or_read(Read::Search { generation, query }))
            }
            Effect::AddCard(draft) => {
                // The session was remembered when it was opened (`Effect::Remember`).
                let card = s.add_card(&draft)?;
                let change = Change::Add(card.id.clone());
                Self::stored(None, card, change, Via::New)
            }
            Effect::EditCard { id, patch } => {
                let old = s.card(&id)?;
                let before = Box::new(patch_from(&old, &patch));
                let card = s.edit_card(&id, &patch)?;
                let after = Box::new(patch_from(&card, &patch));
                Self::stored(
                    Some(&old),
                    card,
                    Change::Edit { id, before, after },
                    Via::New,
                )
            }
            Effect::Vote { id, delta } => {
                let old = s.card(&id)?;
                let card = s.vote(&id, delta)?;
                let delta = card.votes - old.votes;
                Self::stored(Some(&old), card, Change::Vote { id, delta }, Via::New)
            }
            Effect::Delete(id) => {
                let old = s.card(&id)?;
                let card = s.delete_card(&id, None)?;
                Self::stored(Some(&old), card, Change::Delete(id), Via::New)
            }
            Effect::Revert(Change::Board(c)) => self.undo_board(*c, Via::Undo),
            Effect::Reapply(Change::Board(c)) => self.undo_board(*c, Via::Redo),
            Effect::More(e) => self.more(*e),
            Effect::Similar {
                generation,
                version,
                query,
                exclude,
            } => Ok(self.send_or_read(Read::Similar {
                generation,
                version,
                query,
                exclude,
            })),
            Effect::Revert(change) => {
                let old = s.card(Self::change_id(&change))?;
                let card = match &change {
                    Change::Add(id) => s.delete_card(id, Some("undo"))?,
                    Change::Delete(id) => s.restore_card(id)?,
                    Change::Edit { id, before, .. } => s.edit_card(id, before)?,
                    Change::Vote { id, delta } => s.vote(id, -delta)?,
                    Change::Board(c) => return self.undo_board(*c.clone(), Via::Undo),
                };
                Self::stored(Some(&old), card, change, Via::Undo)
            }
            Effect::Reapply(change) => {
                let old = s.card(Self::change_id(&change))?;
                let card = match &change {
                    Change::Add(id) => s.restore_card(id)?,
                    Change::Delete(id) => s.delete_card(id, None)?,
                    Change::Edit { id, after, .. } => s.edit_card(id, after)?,
                    Change::Vote { id, delta } => s.vote(id, *delta)?,
                    Change::Board(c) => return self.undo_board(*c.clone(), Via::Redo),
                };
                Self::stored(Some(&old), card, change, Via::Redo)
            }
            Effect::SaveSession { id, draft } => {
                let session = match id {
                    Some(id) => s.update_session(&id, &draft)?,
                    None => s.add_session(&draft)?,
                };
                Ok(vec![
                    Action::SessionsLoaded(s.sessions()?),
                    Action::SessionSaved(Box::new(session)),
                ])
            }
            Effect::Remember(id) => {
                s.set_setting(LAST_SESSION, &id)?;
                Ok(Vec::new())
            }
        }
    }
}
