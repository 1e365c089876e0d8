//! The session form (create or edit); validation stays in `model`.

use crate::model::Lang;
use crate::model::{Session, SessionDraft, SessionKind};
use crate::tui::i18n::{T, session_kind_name};
use crate::tui::widgets::form::{Choice, Fields, FormState, form_fields};
use crate::tui::widgets::text_field::TextField;

#[derive(Debug, Clone, PartialEq)]
pub struct SessionForm {
    /// `None` for a new session.
    pub id: Option<String>,
    pub state: FormState,
    pub title: TextField,
    pub kind: Choice,
    pub date: TextField,
    pub place: TextField,
    pub facilitator: TextField,
    pub participants: TextField,
    /// Comma-separated activity names.
    pub activities: TextField,
}

impl Fields for SessionForm {
    form_fields! {
        T::Title => title,
        T::Kind => kind,
        T::Date => date,
        T::Place => place,
        T::Facilitator => facilitator,
        T::Participants => participants,
        T::Activities => activities,
    }
}

impl SessionForm {
    pub fn new(session: Option<&Session>, lang: Lang) -> SessionForm {
        let text =
            |f: fn(&Session) -> String| TextField::prefilled(&session.map(f).unwrap_or_default());
        let kind = session.map_or(SessionKind::Training, |s| s.kind);
        let at = SessionKind::ALL
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(0);
        let labels = SessionKind::ALL
            .iter()
            .map(|k| session_kind_name(*k, lang))
            .collect();
        let title = if session.is_some() {
            T::EditSession
        } else {
            T::NewSession
        };
        SessionForm {
            id: session.map(|s| s.id.clone()),
            state: FormState::new(title, T::FormHint),
            title: text(|s| s.title.clone()),
            kind: Choice::new(at, labels),
            date: text(|s| s.date.clone().unwrap_or_default()),
            place: text(|s| s.place.clone()),
            facilitator: text(|s| s.facilitator.clone()),
            participants: text(|s| s.participants.map(|p| p.to_string()).unwrap_or_default()),
            activities: text(|s| {
                s.activities
                    .iter()
                    .map(|a| a.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
        }
    }

    pub fn draft(&self, lang: Lang) -> Result<SessionDraft, String> {
        let kind = self.kind.of(SessionKind::ALL).unwrap_or(SessionKind::Other);
        let mut d = SessionDraft::new(self.title.text(), kind);
        d.date = Some(self.date.text().to_owned());
        self.place.text().clone_into(&mut d.place);
        self.facilitator.text().clone_into(&mut d.facilitator);
        let p = self.participants.text().trim();
        d.participants =
            if p.is_empty() {
                None
            } else {
                Some(p.parse().map_err(|_| {
                    format!("{}: {}", T::Participants.tr(lang), T::NotANumber.tr(lang))
                })?)
            };
        d.activities = self
            .activities
            .text()
            .split(',')
            .map(str::to_owned)
            .collect();
        // The usual mistakes said in the interface's language; the model checks the rest.
        if self.title.text().trim().is_empty() {
            return Err(format!("{}: {}", T::Title.tr(lang), T::Required.tr(lang)));
        }
        let date = self.date.text().trim();
        let fmt = time::macros::format_description!("[year]-[month]-[day]");
        if !date.is_empty() && time::Date::parse(date, &fmt).is_err() {
            return Err(format!("{}: {}", T::Date.tr(lang), T::NotADate.tr(lang)));
        }
        d.validated()
    }
}
