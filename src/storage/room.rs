//! The participants' room, facilitator and server side alike (schema v9).
//!
//! Devices and submissions; dot-voting rounds are in `room_votes.rs`. Each method is
//! one transaction, and a refused call writes nothing.
//!
//! API for the interface (everything on [`Store`]):
//! - queue: [`Store::room_pending`] (oldest first) and [`Store::room_pending_count`] for
//!   the live count; [`Store::room_submission`] for one;
//! - moderation: [`Store::accept_submission`] (optionally with [`Acceptance`] edits;
//!   the text goes through the capture grammar, `p: … #tag @role`, and the card keeps
//!   its provenance: `entered_by` is the device's pseudonym with "(room)", and its
//!   `created` event's detail is `{"via":"room","device":N,"submission":ID,
//!   "submitted_at":T}`), [`Store::merge_submission`] into an existing card,
//!   [`Store::reject_submission`]; [`Store::reopen_submission`] undoes any of these
//!   (an accepted card is soft-deleted with "undo", as an undone capture is), so the
//!   interface keeps the submission id as the undo inverse and redoes by deciding again;
//! - [`Store::set_room_accept_all`] / [`Store::room_accept_all`]: trusted rooms, where
//!   a submission becomes a card in the same transaction that stores it;
//! - server side: [`Store::room_device`] (find or enrol a phone), [`Store::submit_to_room`],
//!   [`Store::device_submissions`].

use super::cards::insert_card;
use super::{Store, events};
use crate::error::{Error, Result};
use crate::model::{
    Card, CardDraft, CardKind, Lang, clean_text, new_id, now_rfc3339, parse_capture,
};
use rusqlite::{OptionalExtension, Transaction, params};

/// Longest text a phone may send, in characters (a card typed by hand may be longer).
pub const ROOM_TEXT_LIMIT: usize = 500;

/// A phone in the room: a random id (its cookie) and a number within the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomDevice {
    pub id: String,
    pub session_id: String,
    pub number: i64,
}

impl RoomDevice {
    pub fn pseudonym(&self, lang: Lang) -> String {
        pseudonym(self.number, lang)
    }
}

/// "Uczestnik 7" / "Participant 7".
pub fn pseudonym(number: i64, lang: Lang) -> String {
    match lang {
        Lang::Pl => format!("Uczestnik {number}"),
        Lang::En => format!("Participant {number}"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SubmissionStatus {
    Pending,
    Accepted,
    Rejected,
    Merged,
}

impl SubmissionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SubmissionStatus::Pending => "pending",
            SubmissionStatus::Accepted => "accepted",
            SubmissionStatus::Rejected => "rejected",
            SubmissionStatus::Merged => "merged",
        }
    }

    fn parse(s: &str) -> SubmissionStatus {
        match s {
            "accepted" => SubmissionStatus::Accepted,
            "rejected" => SubmissionStatus::Rejected,
            "merged" => SubmissionStatus::Merged,
            _ => SubmissionStatus::Pending,
        }
    }
}

/// A card as a phone sent it, and what the facilitator made of it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Submission {
    pub id: String,
    pub session_id: String,
    pub device_id: String,
    /// The device's number in its session ("Participant 7").
    pub device_number: i64,
    /// As sent (verbatim after trimming and NFC): the capture grammar applies on accept.
    pub text: String,
    /// The kind the participant chose, if any.
    pub kind: Option<CardKind>,
    pub status: SubmissionStatus,
    /// The card it became (accepted) or joined (merged).
    pub card_id: Option<String>,
    /// That card's local number (`#12`).
    pub card_seq: Option<i64>,
    pub submitted_at: String,
    pub decided_at: Option<String>,
}

/// The facilitator's edits when accepting; `None` keeps what was sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Acceptance {
    pub kind: Option<CardKind>,
    /// Replaces the text, read with the capture grammar as the sent text would be.
    pub text: Option<String>,
    /// Replaces the tags the text's `#tags` would give.
    pub tags: Option<Vec<String>>,
}

const SUBMISSION_SELECT: &str = "SELECT s.id, s.session_id, s.device_id, d.number, s.text,
        s.kind, s.status, s.card_id, c.seq, s.submitted_at, s.decided_at
    FROM room_submission s
    JOIN room_device d ON d.id = s.device_id
    LEFT JOIN card c ON c.id = s.card_id";

fn submission_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Submission> {
    let kind: Option<String> = r.get(5)?;
    let status: String = r.get(6)?;
    Ok(Submission {
        id: r.get(0)?,
        session_id: r.get(1)?,
        device_id: r.get(2)?,
        device_number: r.get(3)?,
        text: r.get(4)?,
        kind: kind.and_then(|k| k.parse().ok()),
        status: SubmissionStatus::parse(&status),
        card_id: r.get(7)?,
        card_seq: r.get(8)?,
        submitted_at: r.get(9)?,
        decided_at: r.get(10)?,
    })
}

/// Cleans a text sent from a phone: NFC, trimmed, not empty, at most
/// [`ROOM_TEXT_LIMIT`] characters.
pub fn clean_room_text(text: &str) -> Result<String> {
    let t = clean_text(text).map_err(|e| Error::Invalid(e.to_string()))?;
    let n = t.chars().count();
    if n > ROOM_TEXT_LIMIT {
        return Err(Error::Invalid(format!(
            "the text has {n} characters; at most {ROOM_TEXT_LIMIT} can be sent"
        )));
    }
    Ok(t)
}

impl Store {
    /// The device with this id in this session, or a new one (next number) when the
    /// id is missing, unknown or belongs to another session.
    pub fn room_device(&mut self, session_id: &str, device_id: Option<&str>) -> Result<RoomDevice> {
        if let Some(id) = device_id
            && let Some(d) = self.known_device(session_id, id)?
        {
            return Ok(d);
        }
        self.session(session_id)?;
        let tx = self.conn.transaction()?;
        let number: i64 = tx.query_row(
            "SELECT coalesce(max(number), 0) + 1 FROM room_device WHERE session_id = ?1",
            [session_id],
            |r| r.get(0),
        )?;
        let id = uuid::Uuid::new_v4().simple().to_string();
        tx.execute(
            "INSERT INTO room_device (id, session_id, number, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![id, session_id, number, now_rfc3339()],
        )?;
        tx.commit()?;
        Ok(RoomDevice {
            id,
            session_id: session_id.to_owned(),
            number,
        })
    }

    /// A device already enrolled in this session.
    pub fn known_device(&self, session_id: &str, device_id: &str) -> Result<Option<RoomDevice>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT id, session_id, number FROM room_device WHERE id = ?1 AND session_id = ?2",
            )?
            .query_row([device_id, session_id], |r| {
                Ok(RoomDevice {
                    id: r.get(0)?,
                    session_id: r.get(1)?,
                    number: r.get(2)?,
                })
            })
            .optional()?)
    }

    /// Stores what a phone sent (accepting it at once in an accept-all room). The
    /// caller answers OK only after this returns.
    pub fn submit_to_room(
        &mut self,
        device: &RoomDevice,
        text: &str,
        kind: Option<CardKind>,
    ) -> Result<Submission> {
        let text = clean_room_text(text)?;
        let accept_all = self.room_accept_all(&device.session_id)?;
        let lang = self.content_lang()?;
        let tx = self.conn.transaction()?;
        let id = new_id();
        tx.execute(
            "INSERT INTO room_submission (id, session_id, device_id, text, kind, submitted_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                id,
                device.session_id,
                device.id,
                text,
                kind.map(CardKind::as_str),
                now_rfc3339()
            ],
        )?;
        if accept_all {
            accept_in(&tx, &id, &Acceptance::default(), lang)?;
        }
        tx.commit()?;
        self.room_submission(&id)
    }

    pub fn room_submission(&self, id: &str) -> Result<Submission> {
        let sql = format!("{SUBMISSION_SELECT} WHERE s.id = ?1");
        self.conn
            .query_row(&sql, [id], submission_from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no room submission with id {id}")))
    }

    /// The session's submissions waiting for the facilitator, oldest first.
    pub fn room_pending(&self, session_id: &str) -> Result<Vec<Submission>> {
        let sql = format!(
            "{SUBMISSION_SELECT} WHERE s.session_id = ?1 AND s.status = 'pending'
             ORDER BY s.submitted_at, s.id"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([session_id], submission_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn room_pending_count(&self, session_id: &str) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM room_submission WHERE session_id = ?1 AND status = 'pending'",
            )?
            .query_row([session_id], |r| r.get(0))?)
    }

    /// What one device sent, newest first.
    pub fn device_submissions(&self, device_id: &str) -> Result<Vec<Submission>> {
        let sql = format!(
            "{SUBMISSION_SELECT} WHERE s.device_id = ?1 ORDER BY s.submitted_at DESC, s.id DESC"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map([device_id], submission_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Turns a pending submission into a card of its session; returns both.
    pub fn accept_submission(
        &mut self,
        id: &str,
        edits: &Acceptance,
    ) -> Result<(Submission, Card)> {
        let lang = self.content_lang()?;
        let tx = self.conn.transaction()?;
        let card_id = accept_in(&tx, id, edits, lang)?;
        tx.commit()?;
        Ok((self.room_submission(id)?, self.card(&card_id)?))
    }

    pub fn reject_submission(&mut self, id: &str) -> Result<Submission> {
        let tx = self.conn.transaction()?;
        pending_in(&tx, id)?;
        tx.execute(
            "UPDATE room_submission SET status = 'rejected', decided_at = ?2 WHERE id = ?1",
            params![id, now_rfc3339()],
        )?;
        tx.commit()?;
        self.room_submission(id)
    }

    /// Records a pending submission as a duplicate of an existing, live card of the
    /// same session; the card is left as it is.
    pub fn merge_submission(&mut self, id: &str, card_id: &str) -> Result<Submission> {
        let card = self.card(card_id)?;
        let tx = self.conn.transaction()?;
        let session_id = pending_in(&tx, id)?;
        if card.session_id != session_id {
            return Err(Error::Invalid(format!(
                "card #{} is in another session; a room's card can join only its own session's",
                card.seq
            )));
        }
        if card.deleted_at.is_some() || card.superseded_by.is_some() {
            return Err(Error::Invalid(format!(
                "card #{} is deleted or replaced; pick a live card",
                card.seq
            )));
        }
        tx.execute(
            "UPDATE room_submission SET status = 'merged', card_id = ?2, decided_at = ?3
             WHERE id = ?1",
            params![id, card.id, now_rfc3339()],
        )?;
        tx.commit()?;
        self.room_submission(id)
    }

    /// Undoes a decision: the submission is pending again, and the card it became (if
    /// accepted) is soft-deleted as an undone capture is.
    pub fn reopen_submission(&mut self, id: &str) -> Result<Submission> {
        let sub = self.room_submission(id)?;
        let tx = self.conn.transaction()?;
        if sub.status == SubmissionStatus::Accepted
            && let Some(card_id) = &sub.card_id
        {
            let now = now_rfc3339();
            let n = tx.execute(
                "UPDATE card SET deleted_at = ?2, updated_at = ?2
                 WHERE id = ?1 AND deleted_at IS NULL",
                params![card_id, now],
            )?;
            if n > 0 {
                events::record(
                    &tx,
                    card_id,
                    "deleted",
                    None,
                    Some(r#"{"why":"undo"}"#),
                    None,
                )?;
            }
        }
        tx.execute(
            "UPDATE room_submission SET status = 'pending', card_id = NULL, decided_at = NULL
             WHERE id = ?1",
            [id],
        )?;
        tx.commit()?;
        self.room_submission(id)
    }

    pub fn room_accept_all(&self, session_id: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT accept_all FROM room_setting WHERE session_id = ?1")?
            .query_row([session_id], |r| r.get(0))
            .optional()?
            .unwrap_or(false))
    }

    /// Turns accept-all on or off; turning it on does not touch the pending queue.
    pub fn set_room_accept_all(&mut self, session_id: &str, on: bool) -> Result<()> {
        self.session(session_id)?;
        self.conn.execute(
            "INSERT INTO room_setting (session_id, accept_all) VALUES (?1, ?2)
             ON CONFLICT(session_id) DO UPDATE SET accept_all = excluded.accept_all",
            params![session_id, on],
        )?;
        Ok(())
    }

    /// Rows in one of the room's tables (`room_device`, `room_submission`, `vote_round`,
    /// `room_dot`), for tests and the load benchmark.
    pub fn room_table_rows(&self, table: &str) -> Result<i64> {
        if !["room_device", "room_submission", "vote_round", "room_dot"].contains(&table) {
            return Err(Error::Invalid(format!("{table} is not a room table")));
        }
        Ok(self
            .conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
    }

    /// The consultation's language (cards, pseudonyms); Polish when none is set up.
    pub fn content_lang(&self) -> Result<Lang> {
        let code: Option<String> = self
            .conn
            .query_row("SELECT language FROM consultation LIMIT 1", [], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(code.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::Pl))
    }
}

/// The session of a pending submission, or why it cannot be decided.
fn pending_in(tx: &Transaction<'_>, id: &str) -> Result<String> {
    let row: Option<(String, String)> = tx
        .query_row(
            "SELECT session_id, status FROM room_submission WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match row {
        None => Err(Error::NotFound(format!("no room submission with id {id}"))),
        Some((session, status)) if status == "pending" => Ok(session),
        Some((_, status)) => Err(Error::Invalid(format!(
            "this submission was already {status}"
        ))),
    }
}

/// Makes the card of a pending submission; returns the card's id.
fn accept_in(tx: &Transaction<'_>, id: &str, edits: &Acceptance, lang: Lang) -> Result<String> {
    let session_id = pending_in(tx, id)?;
    let (text, sent_kind, number, submitted_at): (String, Option<String>, i64, String) = tx
        .query_row(
            "SELECT s.text, s.kind, d.number, s.submitted_at FROM room_submission s
             JOIN room_device d ON d.id = s.device_id WHERE s.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
    let capture = parse_capture(edits.text.as_deref().unwrap_or(&text));
    if !capture.has_text() {
        return Err(Error::Invalid(
            "the card would have no text once its kind, tags and role are taken out".into(),
        ));
    }
    // The facilitator's choice wins, then the kind picked on the phone, then a prefix.
    let kind = edits
        .kind
        .or_else(|| sent_kind.and_then(|k| k.parse().ok()))
        .or(capture.kind)
        .unwrap_or(CardKind::Other);
    let mut draft = CardDraft::new(&session_id, kind, &capture.text);
    draft.tags = edits.tags.clone().unwrap_or(capture.tags);
    draft.speaker = capture.speaker;
    let draft = draft
        .validated()
        .map_err(|e| Error::Invalid(e.to_string()))?;
    let actor = format!("{} (room)", pseudonym(number, lang));
    let detail = serde_json::json!({
        "via": "room",
        "device": number,
        "submission": id,
        "submitted_at": submitted_at,
    })
    .to_string();
    let card_id = insert_card(tx, &session_id, &draft, Some(&actor), Some(&detail))?;
    tx.execute(
        "UPDATE room_submission SET status = 'accepted', card_id = ?2, decided_at = ?3
         WHERE id = ?1",
        params![id, card_id, now_rfc3339()],
    )?;
    Ok(card_id)
}
