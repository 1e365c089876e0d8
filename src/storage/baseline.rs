//! A bare `SQLite` insert, the baseline that import benchmarks are measured against.

use crate::error::Result;
use rusqlite::Connection;
use std::path::Path;

/// Inserts `(key, text)` pairs into a one-table database at `path` in one transaction,
/// with the same durability settings as the store but no indexes, checks or history.
pub fn bare_insert(path: &Path, rows: &[(&str, &str)]) -> Result<()> {
    let mut conn = Connection::open(path)?;
    let _mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.execute_batch("CREATE TABLE t (k TEXT, text TEXT)")?;
    let tx = conn.transaction()?;
    {
        let mut st = tx.prepare("INSERT INTO t (k, text) VALUES (?1, ?2)")?;
        for (k, t) in rows {
            st.execute([k, t])?;
        }
    }
    tx.commit()?;
    Ok(())
}
