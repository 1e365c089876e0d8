//! Consultations, the sessions held within them, and activities inside a session.

use super::kinds::SessionKind;
use serde::{Deserialize, Serialize};

/// The title a new database's consultation has until the user names it.
pub const UNNAMED_CONSULTATION: &str = "Konsultacje";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consultation {
    pub id: String,
    pub title: String,
    pub city: String,
    pub year: Option<i64>,
    /// Language of the content (`pl` or `en`); drives stemming and export wording.
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Session {
    pub id: String,
    pub kind: SessionKind,
    pub title: String,
    /// ISO date (YYYY-MM-DD) when known.
    pub date: Option<String>,
    pub place: String,
    /// A pseudonym or role, never required to be a real name.
    pub facilitator: String,
    pub participants: Option<i64>,
    pub activities: Vec<Activity>,
    /// Cards not deleted, and their dot votes, filled by list queries.
    pub card_count: i64,
    pub vote_total: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Activity {
    pub id: String,
    pub name: String,
    pub position: i64,
}

/// Input for creating a session; `sample-data/consultation.json` uses the same shape.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionDraft {
    pub title: String,
    pub kind: SessionKind,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub facilitator: String,
    #[serde(default)]
    pub participants: Option<i64>,
    #[serde(default)]
    pub activities: Vec<String>,
}

impl SessionDraft {
    pub fn new(title: &str, kind: SessionKind) -> Self {
        SessionDraft {
            title: title.to_owned(),
            kind,
            date: None,
            place: String::new(),
            facilitator: String::new(),
            participants: None,
            activities: Vec::new(),
        }
    }

    /// Checks the draft: a title, an ISO date if any, a non-negative participant count.
    pub fn validated(&self) -> Result<SessionDraft, String> {
        let title = super::text::clean(&self.title);
        if title.is_empty() {
            return Err("a session needs a title".into());
        }
        if title.chars().count() > super::LIMIT_FIELD {
            return Err(format!(
                "session title is over {} characters",
                super::LIMIT_FIELD
            ));
        }
        let date = match self.date.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(d) => {
                let fmt = time::macros::format_description!("[year]-[month]-[day]");
                time::Date::parse(d, &fmt)
                    .map_err(|_| format!("date {d:?} is not a valid YYYY-MM-DD date"))?;
                Some(d.to_owned())
            }
        };
        if let Some(p) = self.participants
            && p < 0
        {
            return Err(format!("participant count {p} is negative"));
        }
        Ok(SessionDraft {
            title,
            kind: self.kind,
            date,
            place: super::text::clean(&self.place),
            facilitator: super::text::clean(&self.facilitator),
            participants: self.participants,
            activities: self
                .activities
                .iter()
                .map(|a| super::text::clean(a))
                .filter(|a| !a.is_empty())
                .collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_draft_checks_title_and_date() {
        let mut d = SessionDraft::new("  Szkolenie 1 ", SessionKind::Training);
        d.date = Some("2026-10-06".into());
        assert_eq!(d.validated().unwrap().title, "Szkolenie 1");
        d.date = Some("2026-13-01".into());
        assert!(d.validated().unwrap_err().contains("YYYY-MM-DD"));
        assert!(
            SessionDraft::new(" ", SessionKind::Other)
                .validated()
                .is_err()
        );
    }
}
