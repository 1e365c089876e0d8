//! The topic board: topics (with size, votes, decision, sections) beside the cards of
//! the selected topic; correcting the grouping by hand, clustering runs shown as
//! proposals, and merging and splitting cards.

mod dialogs;
mod effect;
mod keys;
mod lineage;
mod picker;
mod prompt;
mod proposal;
mod state;
mod undo;
mod view;
mod worker;

pub use dialogs::{ClusterForm, MergeCardsForm, SplitCardForm};
pub use effect::{BoardOp, Done, Effect, perform};
pub use lineage::{CardMerge, CardSplit};
pub use picker::{PickPurpose, Picker};
pub use prompt::BoardPrompt;
pub use proposal::Proposal;
pub use state::{Pane, Room};
pub use undo::{Change, undo};
pub use view::{header, render};
pub use worker::{ClusterJob, ClusterScope};

use crate::storage::runs::RunRecord;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::i18n::{T, stage_name};
use crate::tui::keymap::Mode;
use crate::tui::reader::{HintFor, Read, ReadDone};
use crate::tui::widgets::prompt::Prompt;

/// What the board may have open over it.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    Picker(Picker),
    Prompt(Prompt<BoardPrompt>),
    Proposal(Box<Proposal>),
    Cluster(ClusterForm),
    MergeCards(MergeCardsForm),
    SplitCard(SplitCardForm),
}

impl Room {
    pub fn modal_mode(&self) -> Option<Mode> {
        Some(match self.modal.as_ref()? {
            Modal::Picker(_) => Mode::Picker,
            Modal::Prompt(_) => Mode::Prompt,
            Modal::Proposal(_) => Mode::Proposal,
            Modal::Cluster(_) | Modal::MergeCards(_) | Modal::SplitCard(_) => Mode::Form,
        })
    }

    pub fn close_modal(&mut self) {
        self.modal = None;
    }

    /// The effect that reloads the board.
    pub fn load(&mut self, cards: bool, topics: bool) -> Vec<Effect> {
        self.loading = true;
        vec![Effect::Load { cards, topics }]
    }

    /// Asks for near-duplicates of the selected card (answered off the interface thread).
    pub fn ask_hints(&mut self, ctx: &Ctx) -> Vec<Effect> {
        self.hints.clear();
        let Some(card) = self.selected_card() else {
            return Vec::new();
        };
        if self.focus != Pane::Cards {
            return Vec::new();
        }
        let (query, exclude) = (card.text.clone(), Some(card.id.clone()));
        self.hint_generation += 1;
        vec![Effect::Read(Read::Similar {
            to: HintFor::Board,
            generation: self.hint_generation,
            version: ctx.corpus_version,
            query,
            exclude,
        })]
    }

    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        match self.modal.take() {
            Some(Modal::Picker(p)) => self.picker_update(p, action),
            Some(Modal::Prompt(p)) => self.prompt_update(p, action),
            Some(Modal::Proposal(p)) => self.proposal_update(p, action, ctx),
            Some(Modal::Cluster(f)) => self.cluster_form_update(f, action, ctx),
            Some(Modal::MergeCards(f)) => self.merge_cards_update(f, action),
            Some(Modal::SplitCard(f)) => self.split_card_update(f, action, ctx),
            None => self.keys(action, ctx),
        }
    }

    /// Results of the board's effects (changes are the app's: see `Done::Changed`).
    pub fn done(&mut self, done: Done, ctx: &mut Ctx) -> Vec<Effect> {
        match done {
            Done::Loaded {
                topics,
                placements,
                cards,
            } => {
                self.set(topics, placements, cards);
                return self.ask_hints(ctx);
            }
            Done::Stage(stage) => self.clustering = Some(stage_name(stage, ctx.lang).to_owned()),
            Done::Proposal(record) => {
                self.clustering = None;
                let split_of = self.splitting.take();
                let p = self.proposal(*record, split_of);
                self.modal = Some(Modal::Proposal(Box::new(p)));
            }
            Done::ClusterFailed(e) => {
                self.clustering = None;
                let e = if e.is_empty() {
                    ctx.tr(T::NoCards).to_owned()
                } else {
                    e
                };
                ctx.fail(format!("{}: {e}", ctx.tr(T::ClusterFailed)));
            }
            Done::Changed { .. } | Done::Read(_) => {}
        }
        Vec::new()
    }

    /// A run as a proposal, compared with the board as it is: the proposal works out
    /// what accepting does to these cards and topics.
    pub fn proposal(&self, record: RunRecord, split_of: Option<String>) -> Proposal {
        let board = proposal::Board {
            topics: self.topics.clone(),
            placements: self.placement.values().cloned().collect(),
            cards: self
                .cards
                .iter()
                .map(|c| (c.id.clone(), (c.seq, c.text.clone())))
                .collect(),
        };
        Proposal::new(record, split_of, board)
    }

    pub fn read_done(&mut self, done: ReadDone) {
        if let ReadDone::Hints {
            generation, hints, ..
        } = done
            && generation == self.hint_generation
        {
            self.hints = hints;
        }
    }

    /// Something failed: nothing is loading, and a run that could not start must not
    /// keep `c` disabled.
    pub fn failed(&mut self) {
        self.loading = false;
        self.clustering = None;
    }

    /// A change touched the cards themselves: marks of cards that went away go too.
    pub fn cards_changed(&mut self) {
        self.marked.clear();
    }
}
