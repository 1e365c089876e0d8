//! Cards: one input from a participant, as the facilitator typed it.

use super::kinds::{CardKind, DecisionOutcome};
use super::text::{clean, normalize_tag};
use serde::Serialize;

/// Longest card text accepted, in characters (a card is a note, not an essay).
pub const LIMIT_TEXT: usize = 2000;
/// Longest short field (session, activity, speaker, external id), in characters.
pub const LIMIT_FIELD: usize = 200;
/// Longest tag, in characters.
pub const LIMIT_TAG: usize = 50;
/// Most tags on one card.
pub const LIMIT_TAGS: usize = 20;
/// Highest dot-vote tally accepted.
pub const LIMIT_VOTES: i64 = 1_000_000;

/// A stored card as read back, with the names of what it links to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Card {
    pub id: String,
    /// Local running number, handy to type (`#12`); not stable across merged databases.
    pub seq: i64,
    pub external_id: Option<String>,
    pub session_id: String,
    pub session: String,
    pub activity: Option<String>,
    pub kind: CardKind,
    pub text: String,
    pub speaker: Option<String>,
    pub tags: Vec<String>,
    pub votes: i64,
    pub entered_by: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub deleted_at: Option<String>,
    pub topic: Option<String>,
    pub decision: Option<DecisionOutcome>,
    /// The card that replaced this one by a merge or a split; such cards are kept but
    /// hidden from lists.
    pub superseded_by: Option<String>,
    /// Pinned to its topic: clustering runs leave it where it is.
    pub pinned: bool,
}

/// What a form, a capture line or an import row produces before it is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct CardDraft {
    pub session_id: String,
    pub activity: Option<String>,
    pub kind: CardKind,
    pub text: String,
    pub speaker: Option<String>,
    pub tags: Vec<String>,
    pub votes: i64,
    pub external_id: Option<String>,
    pub entered_by: Option<String>,
}

/// A field-level validation failure: which field and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    /// What is wrong, for an interface to say in its own language.
    pub problem: Problem,
    /// The same in English, for the command line and import errors.
    pub message: String,
}

/// What can be wrong with a card's field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    TooLong {
        chars: usize,
        limit: usize,
    },
    TagTooLong {
        tag: String,
        chars: usize,
        limit: usize,
    },
    TooManyTags {
        count: usize,
        limit: usize,
    },
    VotesOutOfRange {
        votes: i64,
        limit: i64,
    },
}

impl Problem {
    fn english(&self) -> String {
        match self {
            Problem::Empty => "empty text".into(),
            Problem::TooLong { chars, limit } => {
                format!("{chars} characters, over the limit of {limit}")
            }
            Problem::TagTooLong { tag, chars, limit } => {
                format!("tag {tag:?} has {chars} characters, over the limit of {limit}")
            }
            Problem::TooManyTags { count, limit } => {
                format!("{count} tags, over the limit of {limit}")
            }
            Problem::VotesOutOfRange { votes, limit } => {
                format!("{votes} is outside 0..={limit}")
            }
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

fn field_err(field: &'static str, problem: Problem) -> FieldError {
    FieldError {
        field,
        message: problem.english(),
        problem,
    }
}

/// Cleans an optional short field: NFC, collapsed whitespace, empty becomes `None`.
pub fn clean_opt(field: &'static str, v: Option<&str>) -> Result<Option<String>, FieldError> {
    let Some(v) = v else { return Ok(None) };
    let v = clean(v);
    if v.is_empty() {
        return Ok(None);
    }
    let n = v.chars().count();
    if n > LIMIT_FIELD {
        return Err(field_err(
            field,
            Problem::TooLong {
                chars: n,
                limit: LIMIT_FIELD,
            },
        ));
    }
    Ok(Some(v))
}

/// Cleans and checks a card text.
pub fn clean_text(v: &str) -> Result<String, FieldError> {
    let v = clean(v);
    if v.is_empty() {
        return Err(field_err("text", Problem::Empty));
    }
    let n = v.chars().count();
    if n > LIMIT_TEXT {
        return Err(field_err(
            "text",
            Problem::TooLong {
                chars: n,
                limit: LIMIT_TEXT,
            },
        ));
    }
    Ok(v)
}

/// Normalises and checks a tag list.
pub fn clean_tags(tags: &[String]) -> Result<Vec<String>, FieldError> {
    let mut out: Vec<String> = Vec::new();
    for t in tags {
        let t = normalize_tag(t);
        if t.is_empty() || out.contains(&t) {
            continue;
        }
        let n = t.chars().count();
        if n > LIMIT_TAG {
            return Err(field_err(
                "tags",
                Problem::TagTooLong {
                    tag: t,
                    chars: n,
                    limit: LIMIT_TAG,
                },
            ));
        }
        out.push(t);
    }
    if out.len() > LIMIT_TAGS {
        return Err(field_err(
            "tags",
            Problem::TooManyTags {
                count: out.len(),
                limit: LIMIT_TAGS,
            },
        ));
    }
    Ok(out)
}

pub fn check_votes(votes: i64) -> Result<i64, FieldError> {
    if (0..=LIMIT_VOTES).contains(&votes) {
        Ok(votes)
    } else {
        Err(field_err(
            "votes",
            Problem::VotesOutOfRange {
                votes,
                limit: LIMIT_VOTES,
            },
        ))
    }
}

impl CardDraft {
    pub fn new(session_id: &str, kind: CardKind, text: &str) -> Self {
        CardDraft {
            session_id: session_id.to_owned(),
            activity: None,
            kind,
            text: text.to_owned(),
            speaker: None,
            tags: Vec::new(),
            votes: 0,
            external_id: None,
            entered_by: None,
        }
    }

    /// Returns the draft as it will be stored (NFC, trimmed, tags normalised) or the
    /// first field that is not acceptable.
    pub fn validated(&self) -> Result<CardDraft, FieldError> {
        Ok(CardDraft {
            session_id: self.session_id.clone(),
            activity: clean_opt("activity", self.activity.as_deref())?,
            kind: self.kind,
            text: clean_text(&self.text)?,
            speaker: clean_opt("speaker", self.speaker.as_deref())?,
            tags: clean_tags(&self.tags)?,
            votes: check_votes(self.votes)?,
            external_id: clean_opt("id", self.external_id.as_deref())?,
            entered_by: clean_opt("entered_by", self.entered_by.as_deref())?,
        })
    }
}

/// A partial edit: `None` leaves a field as it is; `Some(None)` clears an optional field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CardPatch {
    pub text: Option<String>,
    pub kind: Option<CardKind>,
    pub speaker: Option<Option<String>>,
    pub activity: Option<Option<String>>,
    pub tags: Option<Vec<String>>,
    pub votes: Option<i64>,
}

impl CardPatch {
    pub fn is_empty(&self) -> bool {
        *self == CardPatch::default()
    }

    pub fn validated(&self) -> Result<CardPatch, FieldError> {
        let opt = |field, v: &Option<Option<String>>| -> Result<_, FieldError> {
            v.as_ref()
                .map(|inner| clean_opt(field, inner.as_deref()))
                .transpose()
        };
        Ok(CardPatch {
            text: self.text.as_deref().map(clean_text).transpose()?,
            kind: self.kind,
            speaker: opt("speaker", &self.speaker)?,
            activity: opt("activity", &self.activity)?,
            tags: self.tags.as_deref().map(clean_tags).transpose()?,
            votes: self.votes.map(check_votes).transpose()?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draft_is_cleaned_and_checked() {
        let mut d = CardDraft::new("s", CardKind::Proposal, "  Więcej   ławek \n");
        d.tags = vec!["#Ławki".into(), "ławki".into()];
        d.speaker = Some("  ".into());
        let v = d.validated().unwrap();
        assert_eq!(v.text, "Więcej ławek");
        assert_eq!(v.tags, vec!["ławki"]);
        assert_eq!(v.speaker, None);
    }

    #[test]
    fn empty_and_oversized_texts_are_refused() {
        let d = CardDraft::new("s", CardKind::Other, " \t ");
        assert_eq!(d.validated().unwrap_err().field, "text");
        let d = CardDraft::new("s", CardKind::Other, &"ż".repeat(LIMIT_TEXT + 1));
        assert!(d.validated().unwrap_err().message.contains("limit"));
        let mut d = CardDraft::new("s", CardKind::Other, "ok");
        d.votes = -1;
        assert_eq!(d.validated().unwrap_err().field, "votes");
    }

    #[test]
    fn patch_can_clear_optional_fields() {
        let p = CardPatch {
            speaker: Some(None),
            ..CardPatch::default()
        };
        assert_eq!(p.validated().unwrap().speaker, Some(None));
        assert!(CardPatch::default().is_empty());
    }
}
