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

/// Shortest term worth ranking: a one- or two-letter prefix matches most cards, so
/// ranking them costs tens of milliseconds on 100k cards and tells nothing.
const RANKED_TERM: usize = 3;

impl Store {
    /// Search for a query that is still being typed: one-letter words are left out while
    /// a longer word is there (they would match nearly every card), and while every word
    /// is shorter than three letters the newest matches come first instead of the best.
    pub fn search_as_you_type(&self, query: &str, limit: usize) -> Result<Vec<Card>> {
        let folded = fold(query);
        let words: Vec<&str> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
            .collect();
        let longest = words.iter().map(|w| w.chars().count()).max().unwrap_or(0);
        if longest >= RANKED_TERM {
            let kept: Vec<&str> = words
                .into_iter()
                .filter(|w| w.chars().count() > 1)
                .collect();
            return self.search(&kept.join(" "), limit);
        }
        let Some(q) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let sql = format!(
            "{CARD_SELECT}
             JOIN (SELECT rowid AS hit FROM card_fts WHERE card_fts MATCH ?1
                   ORDER BY rowid DESC LIMIT ?2 + 100) f
               ON f.hit = c.seq
             WHERE c.deleted_at IS NULL
               AND s.consultation_id = (SELECT id FROM consultation ORDER BY created_at DESC, id DESC LIMIT 1)
             ORDER BY c.seq DESC LIMIT ?2"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let rows = st.query_map(rusqlite::params![q, limit as i64], card_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

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
