//! The consultation settings dialog, opened over the session picker or the outline:
//! title, city and the settings that fill the draft resolution's fixed wording.

mod effect;
mod form;

pub use effect::{Done, Effect, perform};
pub use form::SettingsForm;

use crate::model::Lang;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::i18n::T;
use crate::tui::keymap::Mode;
use crate::tui::widgets::form::{self as form_widget, Step};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Room {
    pub form: Option<SettingsForm>,
}

impl Room {
    pub fn modal_mode(&self) -> Option<Mode> {
        self.form.as_ref().map(|_| Mode::Form)
    }

    pub fn close_modal(&mut self) {
        self.form = None;
    }

    /// The form opens once the store has said what is set.
    pub fn open(&mut self) -> Vec<Effect> {
        vec![Effect::Load]
    }

    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        let Some(mut f) = self.form.take() else {
            return Vec::new();
        };
        let edit = matches!(action, Action::Key(_) | Action::Paste(_));
        let step = form_widget::input(&mut f, action);
        if edit {
            f.refresh();
        }
        f.update_hint();
        let effects = match step {
            Step::Cancel => return Vec::new(),
            Step::Edited => Vec::new(),
            // The form stays until the store confirms, so an error can be fixed.
            Step::Save => match f.request(ctx.lang) {
                Ok((patch, changes)) => vec![Effect::Save { patch, changes }],
                Err(e) => {
                    f.state.error = Some(e);
                    Vec::new()
                }
            },
        };
        self.form = Some(f);
        effects
    }

    pub fn done(&mut self, done: Done, ctx: &mut Ctx) {
        match done {
            Done::Loaded(c, s) => self.form = Some(SettingsForm::new(&c, &s, ctx.lang)),
            Done::Saved(_) => {
                self.form = None;
                ctx.say(ctx.tr(T::SettingsSaved));
            }
        }
    }

    pub fn render_modal(&self, lang: Lang, screen: Rect, buf: &mut Buffer) {
        if let Some(f) = &self.form {
            form_widget::render(f, lang, screen, buf);
        }
    }

    pub fn cursor(&self, lang: Lang, screen: Rect) -> Option<Position> {
        self.form
            .as_ref()
            .and_then(|f| form_widget::cursor(f, lang, screen))
    }
}
