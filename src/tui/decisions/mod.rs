//! Decisions: the form that records what the working group decided on a card or a
//! topic, and the decision log — every decision, newest first, filterable by outcome;
//! superseded and retracted ones stay listed, marked.

mod effect;
mod form;
mod view;

pub use effect::{Change, Done, Effect, perform, undo};
pub use form::DecisionForm;
pub use view::{header, render};

use crate::model::DecisionTarget;
use crate::model::{DecisionOutcome, Lang};
use crate::storage::decisions::DecisionRow;
use crate::tui::action::Action;
use crate::tui::ctx::{Ctx, Nav};
use crate::tui::keymap::Mode;
use crate::tui::widgets::form::{self as form_widget, Step};

/// Where Esc on the log returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OpenedFrom {
    #[default]
    Cards,
    Board,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Room {
    pub rows: Vec<DecisionRow>,
    /// Only this outcome, or all.
    pub filter: Option<DecisionOutcome>,
    /// Index into `visible()`.
    pub cursor: usize,
    pub from: OpenedFrom,
    pub form: Option<DecisionForm>,
}

impl Room {
    pub fn modal_mode(&self) -> Option<Mode> {
        self.form.as_ref().map(|_| Mode::Form)
    }

    pub fn close_modal(&mut self) {
        self.form = None;
    }

    /// Opens the log (from the board or the card list) and reads it.
    pub fn open(&mut self, from: OpenedFrom) -> Vec<Effect> {
        self.from = from;
        vec![Effect::Load]
    }

    /// Opens the decision form for a card or a topic.
    pub fn open_form(&mut self, target: DecisionTarget, label: String, lang: Lang) {
        self.form = Some(DecisionForm::new(target, label, lang));
    }

    pub fn set(&mut self, rows: Vec<DecisionRow>) {
        self.rows = rows;
        self.cursor = self.cursor.min(self.visible().len().saturating_sub(1));
    }

    pub fn visible(&self) -> Vec<&DecisionRow> {
        self.rows
            .iter()
            .filter(|r| self.filter.is_none_or(|f| r.outcome == f))
            .collect()
    }

    /// All → each outcome in turn → all.
    fn next_filter(&mut self) {
        let all = DecisionOutcome::ALL;
        self.filter = match self.filter {
            None => all.first().copied(),
            Some(f) => all
                .iter()
                .position(|x| *x == f)
                .and_then(|i| all.get(i + 1))
                .copied(),
        };
        self.cursor = 0;
    }

    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        if let Some(mut f) = self.form.take() {
            match form_widget::input(&mut f, action) {
                Step::Cancel => {}
                Step::Save => match f.effect(ctx.lang) {
                    Ok(e) => return vec![e],
                    Err(e) => {
                        f.state.error = Some(e);
                        self.form = Some(f);
                    }
                },
                Step::Edited => self.form = Some(f),
            }
            return Vec::new();
        }
        let n = self.visible().len();
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(n.saturating_sub(1)),
            Action::Filter => self.next_filter(),
            Action::Undo => ctx.undo(),
            Action::Redo => ctx.redo(),
            Action::Cancel => ctx.go(match self.from {
                OpenedFrom::Cards => Nav::Cards,
                OpenedFrom::Board => Nav::Board {
                    cards: false,
                    topics: true,
                },
            }),
            _ => {}
        }
        Vec::new()
    }

    pub fn done(&mut self, done: Done) {
        match done {
            Done::Loaded(rows) => self.set(rows),
            Done::Changed { .. } => {}
        }
    }
}
