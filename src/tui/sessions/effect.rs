//! The store side of the session picker.

use crate::error::Result;
use crate::model::{Consultation, Session, SessionDraft};
use crate::storage::{ConsultationPatch, Store};

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Load,
    Save {
        id: Option<String>,
        draft: SessionDraft,
    },
    /// Name the consultation.
    SetTitle(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Done {
    Loaded(Vec<Session>),
    Saved(Box<Session>),
    Consultation(Box<Consultation>),
}

pub fn perform(effect: Effect, s: &mut Store) -> Result<Vec<Done>> {
    match effect {
        Effect::Load => Ok(vec![Done::Loaded(s.sessions()?)]),
        Effect::SetTitle(title) => {
            let patch = ConsultationPatch {
                title: Some(title),
                ..ConsultationPatch::default()
            };
            Ok(vec![Done::Consultation(Box::new(
                s.update_consultation(&patch)?,
            ))])
        }
        Effect::Save { id, draft } => {
            let session = match id {
                Some(id) => s.update_session(&id, &draft)?,
                None => s.add_session(&draft)?,
            };
            Ok(vec![
                Done::Loaded(s.sessions()?),
                Done::Saved(Box::new(session)),
            ])
        }
    }
}
