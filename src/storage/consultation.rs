//! The consultation a database holds. A database normally holds one; the newest is current.

use super::Store;
use crate::error::{Error, Result};
use crate::model::{
    Consultation, ConsultationSettings, SettingKey, new_id, now_rfc3339, text::clean,
};
use rusqlite::{Connection, OptionalExtension};

/// Changes to the consultation's descriptive fields; `None` keeps a field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConsultationPatch {
    pub title: Option<String>,
    pub city: Option<String>,
    pub year: Option<i64>,
    pub language: Option<String>,
}

pub(super) fn current_id(conn: &Connection) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT id FROM consultation ORDER BY created_at DESC, id DESC LIMIT 1",
        [],
        |r| r.get(0),
    )
    .optional()
}

/// The current consultation's id, creating a default one in an empty database.
pub(super) fn ensure(conn: &Connection) -> rusqlite::Result<String> {
    if let Some(id) = current_id(conn)? {
        return Ok(id);
    }
    let id = new_id();
    let now = now_rfc3339();
    conn.execute(
        "INSERT INTO consultation (id, title, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
        rusqlite::params![id, crate::model::UNNAMED_CONSULTATION, now],
    )?;
    Ok(id)
}

fn check_language(lang: &str) -> Result<()> {
    match lang {
        "pl" | "en" => Ok(()),
        other => Err(Error::Invalid(format!(
            "language {other:?} is not supported (expected pl or en)"
        ))),
    }
}

impl Store {
    /// The current consultation (created with default values if the database is new).
    pub fn consultation(&self) -> Result<Consultation> {
        let id = ensure(&self.conn)?;
        Ok(self.conn.query_row(
            "SELECT id, title, city, year, language FROM consultation WHERE id = ?1",
            [&id],
            |r| {
                Ok(Consultation {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    city: r.get(2)?,
                    year: r.get(3)?,
                    language: r.get(4)?,
                })
            },
        )?)
    }

    pub fn update_consultation(&mut self, patch: &ConsultationPatch) -> Result<Consultation> {
        Ok(self.update_consultation_settings(patch, &[])?.0)
    }

    /// The current consultation's stored settings (what is not stored is a proposal or
    /// a default: see [`ConsultationSettings::resolve`]).
    pub fn consultation_settings(&self) -> Result<ConsultationSettings> {
        let Some(id) = current_id(&self.conn)? else {
            return Ok(ConsultationSettings::default());
        };
        read_settings(&self.conn, &id)
    }

    /// Changes the consultation's fields and settings in one transaction. Each change
    /// is a setting's new text; an empty text removes it (back to the proposal or the
    /// default). Everything is checked first: a bad value writes nothing.
    pub fn update_consultation_settings(
        &mut self,
        patch: &ConsultationPatch,
        changes: &[(SettingKey, String)],
    ) -> Result<(Consultation, ConsultationSettings)> {
        if let Some(lang) = &patch.language {
            check_language(lang)?;
        }
        let title = patch.title.as_deref().map(clean);
        if title.as_deref() == Some("") {
            return Err(Error::Invalid("a consultation needs a title".into()));
        }
        let mut stored = Vec::with_capacity(changes.len());
        for (key, text) in changes {
            let mut one = ConsultationSettings::default();
            one.set(*key, text).map_err(Error::Invalid)?;
            stored.push((key.as_str(), one.get(*key)));
        }
        let tx = self.conn.transaction()?;
        let id = ensure(&tx)?;
        tx.execute(
            "UPDATE consultation SET title = coalesce(?2, title), city = coalesce(?3, city),
                 year = coalesce(?4, year), language = coalesce(?5, language), updated_at = ?6
             WHERE id = ?1",
            rusqlite::params![
                id,
                title,
                patch.city.as_deref().map(clean),
                patch.year,
                patch.language,
                now_rfc3339()
            ],
        )?;
        for (key, value) in stored {
            match value {
                Some(v) => tx.execute(
                    "INSERT INTO consultation_setting (consultation_id, key, value)
                     VALUES (?1, ?2, ?3)
                     ON CONFLICT(consultation_id, key) DO UPDATE SET value = excluded.value",
                    rusqlite::params![id, key, v],
                )?,
                None => tx.execute(
                    "DELETE FROM consultation_setting WHERE consultation_id = ?1 AND key = ?2",
                    rusqlite::params![id, key],
                )?,
            };
        }
        tx.commit()?;
        Ok((self.consultation()?, self.consultation_settings()?))
    }
}

/// The settings stored for a consultation. A key this version does not know, or a value
/// it cannot read (both written by a newer narada), counts as not set.
pub(super) fn read_settings(conn: &Connection, id: &str) -> Result<ConsultationSettings> {
    let mut stmt =
        conn.prepare("SELECT key, value FROM consultation_setting WHERE consultation_id = ?1")?;
    let rows = stmt.query_map([id], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
    })?;
    let mut settings = ConsultationSettings::default();
    for row in rows {
        let (key, value) = row?;
        if let Ok(key) = key.parse::<SettingKey>() {
            let _unreadable = settings.set(key, &value);
        }
    }
    Ok(settings)
}
