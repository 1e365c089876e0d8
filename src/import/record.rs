//! One imported card: the raw strings as read, and the checked record.

use crate::error::{Error, Result};
use crate::model::{CardKind, clean_opt, text::split_tags};

/// Field values as found in the file, before any checks. `columns` names, for each
/// field, where it was found (a CSV column number and header, or a JSON key).
#[derive(Debug, Clone, Default)]
pub struct RawRecord {
    pub line: u64,
    pub id: Option<String>,
    pub text: Option<String>,
    pub kind: Option<String>,
    pub session: Option<String>,
    pub activity: Option<String>,
    pub speaker: Option<String>,
    pub tags: Vec<String>,
    pub votes: Option<String>,
    pub columns: Columns,
}

/// Where each field sits, for error messages.
#[derive(Debug, Clone, Default)]
pub struct Columns {
    pub id: String,
    pub text: String,
    pub kind: String,
    pub session: String,
    pub activity: String,
    pub speaker: String,
    pub tags: String,
    pub votes: String,
}

impl Columns {
    /// JSON: every field is named by its key.
    pub fn json() -> Self {
        Columns {
            id: "id".into(),
            text: "text".into(),
            kind: "kind".into(),
            session: "session".into(),
            activity: "activity".into(),
            speaker: "speaker".into(),
            tags: "tags".into(),
            votes: "votes".into(),
        }
    }
}

/// A checked card ready to be stored.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRecord {
    pub line: u64,
    pub external_id: Option<String>,
    pub text: String,
    pub kind: CardKind,
    pub session: Option<String>,
    pub activity: Option<String>,
    pub speaker: Option<String>,
    pub tags: Vec<String>,
    pub votes: i64,
    /// What makes re-importing idempotent: the id if given, else the file and line.
    pub key: String,
}

impl RawRecord {
    pub fn validate(self, file: &str, file_hash: u64) -> Result<ImportRecord> {
        let line = self.line;
        let err = |column: &str, message: String| Error::Input {
            file: file.to_owned(),
            line,
            column: column.to_owned(),
            message,
        };
        let c = &self.columns;
        let field = |col: &str, name: &'static str, v: Option<&str>| {
            clean_opt(name, v).map_err(|e| err(col, e.message))
        };
        let text = crate::model::clean_text(self.text.as_deref().unwrap_or(""))
            .map_err(|e| err(&c.text, e.message))?;
        let kind = match self.kind.as_deref().map(str::trim) {
            None | Some("") => CardKind::Other,
            Some(k) => k.parse().map_err(|m| err(&c.kind, m))?,
        };
        let votes = match self.votes.as_deref().map(str::trim) {
            None | Some("") => 0,
            Some(v) => {
                let n: i64 = v
                    .parse()
                    .map_err(|_| err(&c.votes, format!("votes {v:?} is not a whole number")))?;
                crate::model::check_votes(n).map_err(|e| err(&c.votes, e.message))?
            }
        };
        let mut tags = Vec::new();
        for t in &self.tags {
            tags.extend(split_tags(t));
        }
        let tags = crate::model::clean_tags(&tags).map_err(|e| err(&c.tags, e.message))?;
        let external_id = field(&c.id, "id", self.id.as_deref())?;
        let key = match &external_id {
            Some(id) => format!("id:{id}"),
            None => format!("file:{file_hash:016x}:{line}"),
        };
        Ok(ImportRecord {
            line,
            session: field(&c.session, "session", self.session.as_deref())?,
            activity: field(&c.activity, "activity", self.activity.as_deref())?,
            speaker: field(&c.speaker, "speaker", self.speaker.as_deref())?,
            external_id,
            text,
            kind,
            tags,
            votes,
            key,
        })
    }
}
