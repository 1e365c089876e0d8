//! Schema migrations keyed by `PRAGMA user_version`: step N brings version N-1 to N.

use rusqlite::{Connection, TransactionBehavior};

/// The SQL of each schema version, in order. Never edit a released step; add a new one.
const STEPS: &[&str] = &[
    include_str!("sql/v1.sql"),
    include_str!("sql/v2.sql"),
    include_str!("sql/v3.sql"),
    include_str!("sql/v4.sql"),
    include_str!("sql/v5.sql"),
    include_str!("sql/v6.sql"),
    include_str!("sql/v7.sql"),
    include_str!("sql/v8.sql"),
    include_str!("sql/v9.sql"),
];

/// The schema version this build writes.
pub const LATEST: i64 = STEPS.len() as i64;

/// Marks a file as a narada database (`PRAGMA application_id`, ASCII "NRDA").
pub const APPLICATION_ID: i64 = 0x4E52_4441;

pub fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

pub fn application_id(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "application_id", |r| r.get(0))
}

/// Brings the schema up to `target` in one immediate transaction, so a second process
/// opening the same file waits instead of migrating twice. Returns the version found.
///
/// Foreign keys are off while steps run (a step may rebuild a table others point at, as
/// the documented procedure for changing a table needs) and every reference is
/// checked before the commit instead.
pub fn migrate_to(conn: &mut Connection, target: i64) -> rusqlite::Result<i64> {
    let enforced: bool = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
    conn.pragma_update(None, "foreign_keys", false)?;
    let result = run_steps(conn, target);
    conn.pragma_update(None, "foreign_keys", enforced)?;
    result
}

fn run_steps(conn: &mut Connection, target: i64) -> rusqlite::Result<i64> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = user_version(&tx)?;
    for (i, step) in STEPS.iter().enumerate() {
        let version = i as i64 + 1;
        if version > found && version <= target {
            tx.execute_batch(step)?;
        }
    }
    if target > found {
        let broken: i64 =
            tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })?;
        if broken > 0 {
            return Err(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
                Some(format!(
                    "the schema upgrade would leave {broken} broken references"
                )),
            ));
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", target)?;
    }
    tx.commit()?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables(conn: &Connection) -> Vec<String> {
        let mut st = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap();
        st.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn migrates_from_empty_to_latest() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(migrate_to(&mut conn, LATEST).unwrap(), 0);
        assert_eq!(user_version(&conn).unwrap(), LATEST);
        assert_eq!(application_id(&conn).unwrap(), APPLICATION_ID);
        let t = tables(&conn);
        for name in [
            "card",
            "session",
            "topic",
            "decision",
            "setting",
            "card_event",
        ] {
            assert!(t.contains(&name.to_string()), "{name} missing from {t:?}");
        }
        // v5: session totals come from the index alone.
        let plan: String = conn
            .query_row(
                "EXPLAIN QUERY PLAN SELECT count(*), sum(votes) FROM card
                 WHERE session_id = 's' AND deleted_at IS NULL AND superseded_by IS NULL",
                [],
                |r| r.get(3),
            )
            .unwrap();
        assert!(plan.contains("COVERING INDEX card_session"), "{plan}");
        // Running again is a no-op.
        assert_eq!(migrate_to(&mut conn, LATEST).unwrap(), LATEST);
    }

    #[test]
    fn migrates_from_each_earlier_version_keeping_data() {
        for start in 1..LATEST {
            let mut conn = Connection::open_in_memory().unwrap();
            migrate_to(&mut conn, start).unwrap();
            conn.execute_batch(
                "INSERT INTO consultation VALUES ('c', 'K', '', NULL, 'pl', 't', 't');
                 INSERT INTO session (id, consultation_id, kind, title, created_at, updated_at)
                     VALUES ('s', 'c', 'training', 'S', 't', 't');
                 INSERT INTO card (id, session_id, kind, text, folded, created_at, updated_at)
                     VALUES ('k', 's', 'proposal', 'Łódź', 'lodz', 't', 't');
                 INSERT INTO card_fts (rowid, folded) SELECT seq, folded FROM card;
                 INSERT INTO card_tag (card_id, tag) VALUES ('k', 'x');",
            )
            .unwrap();
            assert_eq!(migrate_to(&mut conn, LATEST).unwrap(), start);
            assert_eq!(user_version(&conn).unwrap(), LATEST);
            let (text, hits): (String, i64) = conn
                .query_row(
                    "SELECT text, (SELECT count(*) FROM card_fts WHERE card_fts MATCH 'lodz') FROM card",
                    [],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap();
            assert_eq!((text.as_str(), hits), ("Łódź", 1), "from version {start}");
            let pos: i64 = conn
                .query_row("SELECT position FROM card_tag", [], |r| r.get(0))
                .unwrap();
            assert_eq!(pos, 0);
        }
    }

    #[test]
    fn v8_keeps_outline_sections_and_what_points_at_them() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", true).unwrap();
        migrate_to(&mut conn, 7).unwrap();
        conn.execute_batch(
            "INSERT INTO consultation VALUES ('c', 'K', '', NULL, 'pl', 't', 't');
             INSERT INTO outline_section (id, consultation_id, parent_id, level, position, heading, draft_text)
                 VALUES ('r1', 'c', NULL, 'chapter', 0, 'Rozdział', ''),
                        ('p1', 'c', 'r1', 'paragraph', 0, 'Definicje', 'Ilekroć mowa'),
                        ('u1', 'c', 'p1', 'ust', 0, '', 'Ust. pierwszy');
             INSERT INTO topic (id, consultation_id, label, origin, section_id, created_at, updated_at)
                 VALUES ('t', 'c', 'Temat', 'manual', 'p1', 't', 't');
             INSERT INTO section_link (section_id, topic_id) VALUES ('p1', 't');",
        )
        .unwrap();
        assert_eq!(migrate_to(&mut conn, LATEST).unwrap(), 7);
        let rows: Vec<(String, String, String)> = conn
            .prepare("SELECT id, level, draft_text FROM outline_section ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].2, "Ilekroć mowa");
        let broken: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(broken, 0);
        // The new levels and the settings table exist.
        conn.execute_batch(
            "INSERT INTO outline_section (id, consultation_id, parent_id, level, position)
                 VALUES ('l1', 'c', 'u1', 'lit', 0), ('x1', 'c', 'l1', 'tiret', 0);
             INSERT INTO consultation_setting VALUES ('c', 'city_genitive', 'Reszla');",
        )
        .unwrap();
        // A dropped-and-renamed table must still be the target of the old references.
        assert!(
            conn.execute("DELETE FROM outline_section WHERE id = 'p1'", [])
                .is_err()
        );
    }
}
