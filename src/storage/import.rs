//! Writing checked import records: one transaction for the whole file.

use super::rows::{folded_key, index_new_cards, max_seq, write_tags};
use super::{Store, events, sessions};
use crate::error::Result;
use crate::import::ImportRecord;
use crate::model::{SessionDraft, SessionKind, new_id, now_rfc3339};
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Session for records that name none; without it such records go to a session
    /// named after the file.
    pub default_session: Option<String>,
    /// Kind given to sessions the import creates.
    pub new_session_kind: Option<SessionKind>,
    /// Label used for the fallback session and in events (usually the file name).
    pub source: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ImportSummary {
    pub records: usize,
    pub inserted: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub sessions_created: Vec<String>,
    pub activities_created: usize,
}

/// Caches of ids resolved during one import.
#[derive(Default)]
struct Resolved {
    sessions: HashMap<String, String>,
    activities: HashMap<(String, String), String>,
}

impl Store {
    /// Stores checked records in one transaction: all of them, or (on error) none.
    /// A record whose key is already stored updates that card instead of adding one.
    pub fn import_records(
        &mut self,
        records: &[ImportRecord],
        opts: &ImportOptions,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportSummary> {
        let mut each = records.iter().cloned().map(Ok);
        self.import_each(records.len(), &mut each, opts, progress)
    }

    /// As [`Store::import_records`], taking the `total` records one at a time (a file
    /// streamed from disk, so a million lines never sit in memory at once). An error
    /// from `records` rolls everything back.
    pub fn import_each(
        &mut self,
        total: usize,
        records: &mut dyn Iterator<Item = Result<ImportRecord>>,
        opts: &ImportOptions,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<ImportSummary> {
        let actor = self.actor.clone();
        let tx = self.conn.transaction()?;
        let mut sum = ImportSummary {
            records: total,
            ..ImportSummary::default()
        };
        let mut cache = Resolved::default();
        let fallback = match (&opts.default_session, opts.source.trim()) {
            (Some(s), _) => s.clone(),
            (None, "") => "Import".to_owned(),
            (None, source) => format!("Import: {source}"),
        };
        let kind = opts.new_session_kind.unwrap_or(SessionKind::Other);
        let now = now_rfc3339();
        let before = max_seq(&tx)?;
        for (i, rec) in records.enumerate() {
            let rec = &rec?;
            let title = rec.session.as_deref().unwrap_or(&fallback);
            let session_id = resolve_session(&tx, &mut cache, &mut sum, title, kind)?;
            let activity_id = match &rec.activity {
                Some(a) => Some(resolve_activity(&tx, &mut cache, &mut sum, &session_id, a)?),
                None => None,
            };
            write_record(
                &tx,
                rec,
                &session_id,
                activity_id.as_deref(),
                &Ctx {
                    now: &now,
                    actor: actor.as_deref(),
                    fresh: before == 0,
                },
                &mut sum,
            )?;
            if i % 1000 == 999 {
                progress(i + 1, total);
            }
        }
        index_new_cards(&tx, before)?;
        // One history row per new card, written in bulk; the id derives from the card's
        // (a card is created once, so the id stays unique across merged databases).
        tx.execute(
            "INSERT INTO card_event (id, card_id, event, actor, at)
             SELECT id || '.imported', id, 'imported', ?2, created_at FROM card WHERE seq > ?1",
            params![before, actor],
        )?;
        tx.commit()?;
        progress(total, total);
        Ok(sum)
    }
}

fn resolve_session(
    tx: &Transaction<'_>,
    cache: &mut Resolved,
    sum: &mut ImportSummary,
    title: &str,
    kind: SessionKind,
) -> Result<String> {
    if let Some(id) = cache.sessions.get(title) {
        return Ok(id.clone());
    }
    // Stored titles are cleaned (NFC, single spaces): look them up the same way.
    let clean_title = crate::model::text::clean(title);
    let id = if let Some(id) = sessions::id_by_title(tx, &clean_title)? {
        id
    } else {
        let draft = SessionDraft::new(title, kind)
            .validated()
            .map_err(crate::Error::Invalid)?;
        sum.sessions_created.push(draft.title.clone());
        sessions::insert(tx, &draft)?
    };
    cache.sessions.insert(title.to_owned(), id.clone());
    Ok(id)
}

fn resolve_activity(
    tx: &Transaction<'_>,
    cache: &mut Resolved,
    sum: &mut ImportSummary,
    session_id: &str,
    name: &str,
) -> Result<String> {
    let key = (session_id.to_owned(), name.to_owned());
    if let Some(id) = cache.activities.get(&key) {
        return Ok(id.clone());
    }
    let before: i64 = tx.query_row(
        "SELECT count(*) FROM activity WHERE session_id = ?1",
        [session_id],
        |r| r.get(0),
    )?;
    let id = sessions::ensure_activity(tx, session_id, name)?;
    let after: i64 = tx.query_row(
        "SELECT count(*) FROM activity WHERE session_id = ?1",
        [session_id],
        |r| r.get(0),
    )?;
    sum.activities_created += (after - before) as usize;
    cache.activities.insert(key, id.clone());
    Ok(id)
}

/// What every record of one import shares.
struct Ctx<'a> {
    now: &'a str,
    actor: Option<&'a str>,
    /// The database held no card when the import began, so no record can match one
    /// (the parser already refused duplicate keys within the file).
    fresh: bool,
}

fn write_record(
    tx: &Transaction<'_>,
    rec: &ImportRecord,
    session_id: &str,
    activity_id: Option<&str>,
    ctx: &Ctx<'_>,
    sum: &mut ImportSummary,
) -> Result<()> {
    let (now, actor) = (ctx.now, ctx.actor);
    let folded = folded_key(&rec.text, &rec.tags, rec.speaker.as_deref());
    let existing = if ctx.fresh {
        None
    } else {
        find_existing(tx, rec)?
    };
    let Some(id) = existing else {
        let id = new_id();
        tx.prepare_cached(
            "INSERT INTO card (id, session_id, activity_id, kind, text, folded, speaker, votes,
                 external_id, import_key, entered_by, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12)",
        )?
        .execute(params![
            id,
            session_id,
            activity_id,
            rec.kind.as_str(),
            rec.text,
            folded,
            rec.speaker,
            rec.votes,
            rec.external_id,
            rec.key,
            actor,
            now
        ])?;
        if !rec.tags.is_empty() {
            write_tags(tx, &id, &rec.tags)?;
        }
        sum.inserted += 1;
        return Ok(());
    };
    // Only touch the row (and its history) when something really differs.
    let changed = tx
        .prepare_cached(
            "UPDATE card SET session_id = ?2, activity_id = ?3, kind = ?4, text = ?5, folded = ?6,
                 speaker = ?7, votes = ?8, import_key = ?9, updated_at = ?10
             WHERE id = ?1 AND (session_id IS NOT ?2 OR activity_id IS NOT ?3 OR kind IS NOT ?4
                 OR text IS NOT ?5 OR folded IS NOT ?6 OR speaker IS NOT ?7 OR votes IS NOT ?8)",
        )?
        .execute(params![
            id,
            session_id,
            activity_id,
            rec.kind.as_str(),
            rec.text,
            folded,
            rec.speaker,
            rec.votes,
            rec.key,
            now
        ])?;
    if changed > 0 {
        write_tags(tx, &id, &rec.tags)?;
        events::record(tx, &id, "edited", None, Some("{\"import\":true}"), actor)?;
        sum.updated += 1;
    } else {
        sum.unchanged += 1;
    }
    Ok(())
}

/// The stored card a record re-imports onto: same import key, else (for records with
/// an id) a card with that external id or that uuid. Separate indexed lookups: an OR
/// across columns would scan the table for every row.
fn find_existing(tx: &Transaction<'_>, rec: &ImportRecord) -> rusqlite::Result<Option<String>> {
    let mut queries = vec![(
        "SELECT id FROM card WHERE import_key = ?1",
        rec.key.as_str(),
    )];
    if let Some(x) = rec.external_id.as_deref() {
        queries.push(("SELECT id FROM card WHERE external_id = ?1", x));
        // Only a uuid can name a card of this database (e.g. narada's own CSV export).
        if uuid::Uuid::parse_str(x).is_ok() {
            queries.push(("SELECT id FROM card WHERE id = ?1", x));
        }
    }
    for (sql, value) in queries {
        let found = tx
            .prepare_cached(sql)?
            .query_row([value], |r| r.get(0))
            .optional()?;
        if found.is_some() {
            return Ok(found);
        }
    }
    Ok(None)
}
