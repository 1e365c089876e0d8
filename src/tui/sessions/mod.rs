//! The session picker: sessions of the consultation with their kind, date and totals;
//! pick one, add one, or edit the selected one.

mod effect;
mod form;
mod view;

pub use effect::{Done, Effect, perform};
pub use form::SessionForm;

use crate::model::Session;
use crate::tui::action::Action;
use crate::tui::ctx::{Ctx, Nav};
use crate::tui::i18n::T;
use crate::tui::keymap::Mode;
use crate::tui::widgets::form::{self as form_widget, Step};
use crate::tui::widgets::prompt::{Prompt, PromptKind, Step as PromptStep};

#[derive(Debug, Clone, Default)]
pub struct Room {
    pub sessions: Vec<Session>,
    /// Index into `sessions`.
    pub cursor: usize,
    pub form: Option<SessionForm>,
    /// The consultation's title, asked for on the first run.
    pub title: Option<Prompt<TitlePrompt>>,
}

/// The prompt for the consultation's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TitlePrompt;

impl PromptKind for TitlePrompt {
    fn title(&self) -> T {
        T::ConsultationTitle
    }

    fn hint(&self) -> Option<T> {
        Some(T::ConsultationTitleHint)
    }
}

impl Room {
    pub fn current(&self, id: Option<&str>) -> Option<&Session> {
        let id = id?;
        self.sessions.iter().find(|s| s.id == id)
    }

    /// Puts the cursor on the session `id`.
    pub fn point_at(&mut self, id: Option<&str>) {
        if let Some(i) = self.sessions.iter().position(|s| Some(s.id.as_str()) == id) {
            self.cursor = i;
        }
    }

    pub fn modal_mode(&self) -> Option<Mode> {
        match (&self.form, &self.title) {
            (Some(_), _) => Some(Mode::Form),
            (None, Some(_)) => Some(Mode::Prompt),
            (None, None) => None,
        }
    }

    pub fn close_modal(&mut self) {
        self.form = None;
        self.title = None;
    }

    /// A new database: the consultation is named first.
    pub fn ask_title(&mut self) {
        self.title = Some(Prompt::new(TitlePrompt, ""));
    }

    /// A session's card count and vote total moved by these amounts.
    pub fn add_totals(&mut self, session_id: &str, cards: i64, votes: i64) {
        if let Some(s) = self.sessions.iter_mut().find(|s| s.id == session_id) {
            s.card_count += cards;
            s.vote_total += votes;
        }
    }

    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        if let Some(mut p) = self.title.take() {
            match p.step(&action) {
                // Without a title the consultation keeps its default one.
                PromptStep::Cancel => return Vec::new(),
                PromptStep::Submit(title) if !title.is_empty() => {
                    return vec![Effect::SetTitle(title)];
                }
                PromptStep::Submit(_) | PromptStep::Edited => {}
            }
            self.title = Some(p);
            return Vec::new();
        }
        if let Some(mut f) = self.form.take() {
            let effects = match form_widget::input(&mut f, action) {
                Step::Cancel => return Vec::new(),
                Step::Edited => Vec::new(),
                Step::Save => match f.draft(ctx.lang) {
                    // The form stays until the store confirms, so an error can be fixed.
                    Ok(draft) => vec![Effect::Save {
                        id: f.id.clone(),
                        draft,
                    }],
                    Err(e) => {
                        f.state.error = Some(e);
                        Vec::new()
                    }
                },
            };
            self.form = Some(f);
            return effects;
        }
        let last = self.sessions.len().saturating_sub(1);
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Top => self.cursor = 0,
            Action::Bottom => self.cursor = last,
            Action::Open => {
                if let Some(s) = self.sessions.get(self.cursor) {
                    ctx.go(Nav::Session(s.id.clone()));
                }
            }
            Action::NewSession => self.form = Some(SessionForm::new(None, ctx.lang)),
            Action::Edit => {
                if let Some(s) = self.sessions.get(self.cursor) {
                    self.form = Some(SessionForm::new(Some(s), ctx.lang));
                }
            }
            Action::Settings => ctx.go(Nav::Settings),
            Action::Cancel if ctx.session_id.is_some() => ctx.go(Nav::Cards),
            _ => {}
        }
        Vec::new()
    }

    pub fn done(&mut self, done: Done, ctx: &mut Ctx) {
        match done {
            Done::Loaded(sessions) => self.set(sessions),
            // Named: the first session comes next.
            Done::Consultation(_) => self.form = Some(SessionForm::new(None, ctx.lang)),
            Done::Saved(session) => {
                self.form = None;
                ctx.say(format!("{}: {}", ctx.tr(T::Saved), session.title));
                self.point_at(Some(&session.id));
            }
        }
    }

    pub fn set(&mut self, sessions: Vec<Session>) {
        self.sessions = sessions;
        self.cursor = self.cursor.min(self.sessions.len().saturating_sub(1));
    }
}
