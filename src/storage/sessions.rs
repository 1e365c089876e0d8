//! Sessions and their activities.

use super::{Store, consultation};
use crate::error::{Error, Result};
use crate::model::{Activity, Session, SessionDraft, SessionKind, new_id, now_rfc3339};
use rusqlite::{Connection, OptionalExtension, params};

const SESSION_COLUMNS: &str = "s.id, s.kind, s.title, s.date, s.place, s.facilitator, s.participants,
    (SELECT count(*) FROM card c WHERE c.session_id = s.id AND c.deleted_at IS NULL AND c.superseded_by IS NULL),
    (SELECT coalesce(sum(votes), 0) FROM card c WHERE c.session_id = s.id AND c.deleted_at IS NULL AND c.superseded_by IS NULL)";

fn session_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Session> {
    let kind: String = r.get(1)?;
    Ok(Session {
        id: r.get(0)?,
        kind: kind.parse().unwrap_or(SessionKind::Other),
        title: r.get(2)?,
        date: r.get(3)?,
        place: r.get(4)?,
        facilitator: r.get(5)?,
        participants: r.get(6)?,
        activities: Vec::new(),
        card_count: r.get(7)?,
        vote_total: r.get(8)?,
    })
}

fn activities(conn: &Connection, session_id: &str) -> rusqlite::Result<Vec<Activity>> {
    let mut st = conn.prepare_cached(
        "SELECT id, name, position FROM activity WHERE session_id = ?1 ORDER BY position, name",
    )?;
    st.query_map([session_id], |r| {
        Ok(Activity {
            id: r.get(0)?,
            name: r.get(1)?,
            position: r.get(2)?,
        })
    })?
    .collect()
}

/// Inserts a validated session draft with its activities; the caller owns the transaction.
pub(super) fn insert(conn: &Connection, d: &SessionDraft) -> Result<String> {
    let cid = consultation::ensure(conn)?;
    let exists: Option<String> = conn
        .query_row(
            "SELECT id FROM session WHERE consultation_id = ?1 AND title = ?2",
            params![cid, d.title],
            |r| r.get(0),
        )
        .optional()?;
    if exists.is_some() {
        return Err(Error::Invalid(format!(
            "a session titled {:?} already exists",
            d.title
        )));
    }
    let id = new_id();
    let now = now_rfc3339();
    conn.execute(
        "INSERT INTO session (id, consultation_id, kind, title, date, place, facilitator,
             participants, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            id,
            cid,
            d.kind.as_str(),
            d.title,
            d.date,
            d.place,
            d.facilitator,
            d.participants,
            now
        ],
    )?;
    for name in &d.activities {
        ensure_activity(conn, &id, name)?;
    }
    Ok(id)
}

/// The id of the named activity of a session, created at the end of its list if new.
pub(super) fn ensure_activity(
    conn: &Connection,
    session_id: &str,
    name: &str,
) -> rusqlite::Result<String> {
    let found: Option<String> = conn
        .prepare_cached("SELECT id FROM activity WHERE session_id = ?1 AND name = ?2")?
        .query_row(params![session_id, name], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    let id = new_id();
    conn.prepare_cached(
        "INSERT INTO activity (id, session_id, name, position)
         VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), -1) + 1 FROM activity WHERE session_id = ?2))",
    )?
    .execute(params![id, session_id, name])?;
    Ok(id)
}

/// Finds a session of the current consultation by exact title, returning its id.
pub(super) fn id_by_title(conn: &Connection, title: &str) -> rusqlite::Result<Option<String>> {
    conn.prepare_cached(
        "SELECT s.id FROM session s WHERE s.title = ?1
         AND s.consultation_id = (SELECT id FROM consultation ORDER BY created_at DESC, id DESC LIMIT 1)",
    )?
    .query_row([title], |r| r.get(0))
    .optional()
}

impl Store {
    pub fn add_session(&mut self, draft: &SessionDraft) -> Result<Session> {
        let d = draft.validated().map_err(Error::Invalid)?;
        let tx = self.conn.transaction()?;
        let id = insert(&tx, &d)?;
        tx.commit()?;
        self.session(&id)
    }

    /// Sessions of the current consultation, oldest first (by date, then creation).
    pub fn sessions(&self) -> Result<Vec<Session>> {
        let cid = consultation::ensure(&self.conn)?;
        let sql = format!(
            "SELECT {SESSION_COLUMNS} FROM session s WHERE s.consultation_id = ?1
             ORDER BY s.date IS NULL, s.date, s.created_at, s.id"
        );
        let mut st = self.conn.prepare(&sql)?;
        let mut list: Vec<Session> = st
            .query_map([cid], session_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        for s in &mut list {
            s.activities = activities(&self.conn, &s.id)?;
        }
        Ok(list)
    }

    pub fn session(&self, id: &str) -> Result<Session> {
        let sql = format!("SELECT {SESSION_COLUMNS} FROM session s WHERE s.id = ?1");
        let mut s = self
            .conn
            .query_row(&sql, [id], session_from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no session with id {id}")))?;
        s.activities = activities(&self.conn, &s.id)?;
        Ok(s)
    }

    /// Resolves what a user typed: an exact title (any case), a full id, or a unique
    /// prefix of a title or id.
    pub fn find_session(&self, reference: &str) -> Result<Session> {
        let all = self.sessions()?;
        let s = super::pick_one(
            &all,
            reference,
            |s| &s.id,
            |s| &s.title,
            "session",
            "narada session list",
        )?;
        Ok(s.clone())
    }

    /// Adds (or finds) an activity of a session.
    pub fn add_activity(&mut self, session_id: &str, name: &str) -> Result<Activity> {
        let name = crate::model::clean_opt("activity", Some(name))
            .map_err(|e| Error::Invalid(e.to_string()))?
            .ok_or_else(|| Error::Invalid("an activity needs a name".into()))?;
        let session = self.session(session_id)?;
        let tx = self.conn.transaction()?;
        let id = ensure_activity(&tx, &session.id, &name)?;
        tx.commit()?;
        activities(&self.conn, &session.id)?
            .into_iter()
            .find(|a| a.id == id)
            .ok_or_else(|| Error::NotFound(format!("activity {name:?} vanished")))
    }

    /// The newest session, used when nothing else says which one to open.
    pub fn newest_session(&self) -> Result<Option<Session>> {
        let cid = consultation::ensure(&self.conn)?;
        let id: Option<String> = self
            .conn
            .query_row(
                "SELECT id FROM session WHERE consultation_id = ?1
                 ORDER BY created_at DESC, id DESC LIMIT 1",
                [cid],
                |r| r.get(0),
            )
            .optional()?;
        id.map(|id| self.session(&id)).transpose()
    }

    /// Replaces a session's descriptive fields; activities named in the draft are added
    /// (existing ones are kept, since cards may refer to them).
    pub fn update_session(&mut self, id: &str, draft: &SessionDraft) -> Result<Session> {
        let d = draft.validated().map_err(Error::Invalid)?;
        let old = self.session(id)?;
        let tx = self.conn.transaction()?;
        let clash: Option<String> = tx
            .query_row(
                "SELECT id FROM session WHERE title = ?1 AND id <> ?2
                 AND consultation_id = (SELECT consultation_id FROM session WHERE id = ?2)",
                params![d.title, old.id],
                |r| r.get(0),
            )
            .optional()?;
        if clash.is_some() {
            return Err(Error::Invalid(format!(
                "a session titled {:?} already exists",
                d.title
            )));
        }
        tx.execute(
            "UPDATE session SET kind = ?2, title = ?3, date = ?4, place = ?5, facilitator = ?6,
                 participants = ?7, updated_at = ?8 WHERE id = ?1",
            params![
                old.id,
                d.kind.as_str(),
                d.title,
                d.date,
                d.place,
                d.facilitator,
                d.participants,
                now_rfc3339()
            ],
        )?;
        for name in &d.activities {
            ensure_activity(&tx, &old.id, name)?;
        }
        tx.commit()?;
        self.session(&old.id)
    }
}
