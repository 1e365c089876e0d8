//! Reading cards back: one SELECT shape shared by lists, lookups, search and export.

use crate::model::{Card, CardKind, text::fold};
use rusqlite::Connection;

/// Columns of a card row, joined with its session, activity, topic and latest decision
/// (the card's own decision wins over its topic's).
pub(super) const CARD_SELECT: &str = "SELECT c.id, c.seq, c.external_id, c.session_id, s.title, a.name,
        c.kind, c.text, c.speaker,
        (SELECT group_concat(tag, char(31) ORDER BY position, tag) FROM card_tag WHERE card_id = c.id),
        c.votes, c.entered_by, c.created_at, c.updated_at, c.deleted_at, t.label,
        coalesce(
            (SELECT outcome FROM decision d WHERE d.card_id = c.id AND d.retracted_at IS NULL ORDER BY d.created_at DESC, d.id DESC LIMIT 1),
            (SELECT outcome FROM decision d WHERE d.topic_id = t.id AND d.retracted_at IS NULL ORDER BY d.created_at DESC, d.id DESC LIMIT 1)),
        c.superseded_by, m.pinned
    FROM card c
    JOIN session s ON s.id = c.session_id
    LEFT JOIN activity a ON a.id = c.activity_id
    LEFT JOIN membership m ON m.card_id = c.id
    LEFT JOIN topic t ON t.id = m.topic_id AND t.deleted_at IS NULL";

pub(super) fn card_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Card> {
    let kind: String = r.get(6)?;
    let tags: Option<String> = r.get(9)?;
    let decision: Option<String> = r.get(16)?;
    Ok(Card {
        id: r.get(0)?,
        seq: r.get(1)?,
        external_id: r.get(2)?,
        session_id: r.get(3)?,
        session: r.get(4)?,
        activity: r.get(5)?,
        kind: kind.parse().unwrap_or(CardKind::Other),
        text: r.get(7)?,
        speaker: r.get(8)?,
        tags: tags
            .map(|t| t.split('\u{1f}').map(str::to_owned).collect())
            .unwrap_or_default(),
        votes: r.get(10)?,
        entered_by: r.get(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
        deleted_at: r.get(14)?,
        topic: r.get(15)?,
        decision: decision.and_then(|d| d.parse().ok()),
        superseded_by: r.get(17)?,
        pinned: r.get::<_, Option<bool>>(18)?.unwrap_or(false),
    })
}

/// The folded text indexed by FTS: card text, tags and speaker role.
pub(super) fn folded_key(text: &str, tags: &[String], speaker: Option<&str>) -> String {
    let mut key = fold(text);
    for t in tags {
        key.push(' ');
        key.push_str(&fold(t));
    }
    if let Some(s) = speaker {
        key.push(' ');
        key.push_str(&fold(s));
    }
    key
}

/// Replaces a card's tag rows, keeping the written order.
pub(super) fn write_tags(
    conn: &Connection,
    card_id: &str,
    tags: &[String],
) -> rusqlite::Result<()> {
    conn.prepare_cached("DELETE FROM card_tag WHERE card_id = ?1")?
        .execute([card_id])?;
    let mut ins =
        conn.prepare_cached("INSERT INTO card_tag (card_id, tag, position) VALUES (?1, ?2, ?3)")?;
    for (i, t) in tags.iter().enumerate() {
        ins.execute(rusqlite::params![card_id, t, i as i64])?;
    }
    Ok(())
}

/// Indexes cards added since `after_seq` in one statement (see the note in v1.sql).
pub(super) fn index_new_cards(conn: &Connection, after_seq: i64) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO card_fts (rowid, folded) SELECT seq, folded FROM card WHERE seq > ?1",
    )?
    .execute([after_seq])?;
    Ok(())
}

/// The highest card number so far (0 in an empty database).
pub(super) fn max_seq(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("SELECT coalesce(max(seq), 0) FROM card", [], |r| r.get(0))
}
