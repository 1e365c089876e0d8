//! The store side of the settings dialog: read the consultation with its settings, save
//! both in one transaction.

use crate::error::Result;
use crate::model::{Consultation, ConsultationSettings, SettingKey};
use crate::storage::{ConsultationPatch, Store};

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Load,
    Save {
        patch: ConsultationPatch,
        changes: Vec<(SettingKey, String)>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Done {
    Loaded(Box<Consultation>, ConsultationSettings),
    Saved(Box<Consultation>),
}

pub fn perform(effect: Effect, s: &mut Store) -> Result<Vec<Done>> {
    match effect {
        Effect::Load => Ok(vec![Done::Loaded(
            Box::new(s.consultation()?),
            s.consultation_settings()?,
        )]),
        Effect::Save { patch, changes } => {
            let (c, _) = s.update_consultation_settings(&patch, &changes)?;
            Ok(vec![Done::Saved(Box::new(c))])
        }
    }
}
