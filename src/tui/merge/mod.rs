//! Merging another trainer's database: the dialog asking for its path, the conflicts
//! it reports (mine and theirs side by side, and the policy to resolve them), and the
//! summary of what came in.

mod effect;
mod view;

pub use effect::{Done, Effect, perform};

use crate::model::Lang;
use crate::model::{ConflictPolicy, MergeConflict};
use crate::storage::merge::MergeSummary;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::i18n::T;
use crate::tui::keymap::Mode;
use crate::tui::widgets::form::{self, Choice, Fields, FormState, Step, form_fields, optional};
use crate::tui::widgets::text_field::TextField;

/// The policies offered for conflicts, in the order of the choice.
const POLICIES: [ConflictPolicy; 3] = [
    ConflictPolicy::Mine,
    ConflictPolicy::Theirs,
    ConflictPolicy::Both,
];

#[derive(Debug, Clone, PartialEq)]
pub struct PathForm {
    pub state: FormState,
    pub path: TextField,
}

impl Fields for PathForm {
    form_fields! {
        T::DbPath => path,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ConflictsForm {
    pub path: String,
    pub conflicts: Vec<MergeConflict>,
    pub state: FormState,
    pub policy: Choice,
}

impl Fields for ConflictsForm {
    form_fields! {
        T::OnConflict => policy,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    Path(PathForm),
    Conflicts(ConflictsForm),
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Room {
    pub modal: Option<Modal>,
}

impl Room {
    pub fn modal_mode(&self) -> Option<Mode> {
        self.modal.as_ref().map(|_| Mode::Form)
    }

    pub fn close_modal(&mut self) {
        self.modal = None;
    }

    pub fn open(&mut self) {
        self.modal = Some(Modal::Path(PathForm {
            state: FormState::dialog(T::MergeDbTitle),
            path: TextField::default(),
        }));
    }

    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        match self.modal.take() {
            None => Vec::new(),
            Some(Modal::Path(mut f)) => match form::input(&mut f, action) {
                Step::Cancel => Vec::new(),
                Step::Save => {
                    if let Some(path) = optional(&f.path) {
                        vec![Effect::Merge { path, policy: None }]
                    } else {
                        f.state.error = Some(ctx.tr(T::DbPath).to_owned());
                        self.modal = Some(Modal::Path(f));
                        Vec::new()
                    }
                }
                Step::Edited => {
                    self.modal = Some(Modal::Path(f));
                    Vec::new()
                }
            },
            Some(Modal::Conflicts(mut f)) => match form::input(&mut f, action) {
                Step::Cancel => Vec::new(),
                Step::Save => vec![Effect::Merge {
                    path: f.path.clone(),
                    policy: f.policy.of(&POLICIES),
                }],
                Step::Edited => {
                    self.modal = Some(Modal::Conflicts(f));
                    Vec::new()
                }
            },
        }
    }

    /// Conflicts open their dialog; a summary is the app's to show.
    pub fn done(&mut self, done: Done, lang: Lang) {
        if let Done::Conflicts { path, conflicts } = done {
            let labels = [T::KeepMine, T::KeepTheirs, T::KeepBoth]
                .iter()
                .map(|t| t.tr(lang))
                .collect();
            self.modal = Some(Modal::Conflicts(ConflictsForm {
                path,
                conflicts,
                state: FormState::dialog(T::ConflictsTitle),
                policy: Choice::new(0, labels),
            }));
        }
    }
}

/// What a merge brought in, a line per kind of row.
pub fn summary_lines(s: &MergeSummary, lang: Lang) -> Vec<String> {
    if !s.changed() {
        return vec![T::NothingNew.tr(lang).to_owned()];
    }
    [
        (T::SumSessions, s.sessions_added),
        (T::SumCardsAdded, s.cards_added),
        (T::SumCardsUpdated, s.cards_updated),
        (T::SumEvents, s.events_added),
        (T::SumTopics, s.topics_added),
        (T::SumPlacements, s.placements_added),
        (T::SumDecisions, s.decisions_added),
        (T::SumSections, s.sections_added),
        (T::SumSettings, s.settings_added),
    ]
    .iter()
    .map(|(t, n)| format!("{n:>6}  {}", t.tr(lang)))
    .collect()
}
