//! Full-text search over the folded card key (so `lodz` finds `Łódź`).

use super::Store;
use super::rows::{CARD_SELECT, card_from_row};
use crate::error::Result;
use crate::model::{Card, text::fold};

/// Turns what a user typed into an FTS5 query: every folded word must occur, as a
/// prefix, so search works while the user is still typing. Returns `None` when the
/// input has no searchable word.
pub fn fts_query(input: &str) -> Option<String> {
    let folded = fold(input);
    let terms: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| format!("\"{t}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

impl Store {
    /// Cards of the current consultation matching `query`, best match first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Card>> {
        let Some(q) = fts_query(query) else {
            return Ok(Vec::new());
        };
        // Rank and cut inside FTS first: the card SELECT (tags, topic, decision) then
        // runs for the best rows only, not for every match of a one-letter prefix. The
        // margin leaves room for deleted cards among the best.
        let sql = format!(
            "{CARD_SELECT}
             JOIN (SELECT rowid AS hit, bm25(card_fts) AS rank FROM card_fts WHERE card_fts MATCH ?1
                   ORDER BY rank LIMIT ?2 + 100) f
               ON f.hit = c.seq
             WHERE c.deleted_at IS NULL
               AND s.consultation_id = (SELECT id FROM consultation ORDER BY created_at DESC, id DESC LIMIT 1)
             ORDER BY f.rank, c.seq LIMIT ?2"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params![q, limit as i64], card_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;

    #[test]
    fn query_is_folded_quoted_and_prefixed() {
        assert_eq!(
            fts_query("Łódź  głos").as_deref(),
            Some("\"lodz\"* \"glos\"*")
        );
        // FTS syntax in user input is neutralised, not interpreted.
        assert_eq!(
            fts_query("a\" OR b*").as_deref(),
            Some("\"a\"* \"or\"* \"b\"*")
        );
        assert_eq!(fts_query(" -- "), None);
    }
}
