//! Full-text search over the folded card key (so `lodz` finds `Łódź`).

use super::Store;
use super::rows::{CARD_SELECT, card_from_row};
use crate::error::Result;
use crate::model::Lang;
use crate::model::{Card, text::fold};
use rusqlite::OptionalExtension;

/// Turns what a user typed into an FTS5 query: every word must occur, as a folded
/// prefix, so search works while the user is still typing; words of four letters or more
/// also match through their stem in `lang`, so `lista` finds `listy` and `głosowanie`
/// finds `głosowania`. Returns `None` when the input has no searchable word.
pub fn fts_query(input: &str, lang: Lang) -> Option<String> {
    let lower = input.to_lowercase();
    let terms: Vec<String> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        // A pasted paragraph would make a query of hundreds of terms, slow to run
        // and no better at finding the card than its first words.
        .take(MAX_TERMS)
        .map(|w| {
            let folded: String = fold(w).chars().filter(|c| c.is_alphanumeric()).collect();
            let stem = (w.chars().count() >= 4)
                .then(|| crate::cluster::stem_key(w, lang))
                .flatten()
                .filter(|s| s.len() >= 3);
            match stem {
                Some(s) if folded.starts_with(&s) => format!("\"{s}\"*"),
                Some(s) => format!("(\"{folded}\"* OR \"{s}\"*)"),
                None => format!("\"{folded}\"*"),
            }
        })
        .filter(|t| !t.contains("\"\""))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Most words of a search that are looked up.
const MAX_TERMS: usize = 16;

/// Shortest term worth ranking: a one- or two-letter prefix matches most cards, so
/// ranking them costs tens of milliseconds on 100k cards and tells nothing.
const RANKED_TERM: usize = 3;

/// Matches looked up beyond the limit, to make up for deleted cards among them.
const MARGIN: i64 = 100;

impl Store {
    /// The language words are stemmed in: the consultation's.
    fn search_lang(&self) -> Lang {
        self.conn
            .query_row(
                "SELECT language FROM consultation ORDER BY created_at DESC, id DESC LIMIT 1",
                [],
                |r| r.get::<_, String>(0),
            )
            .ok()
            .and_then(|l| l.parse().ok())
            .unwrap_or(Lang::Pl)
    }

    /// Cards of the current consultation matching `query`, best match first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Card>> {
        let Some(q) = fts_query(query, self.search_lang()) else {
            return Ok(Vec::new());
        };
        self.hits(
            "SELECT rowid FROM card_fts WHERE card_fts MATCH ?1
             ORDER BY bm25(card_fts), rowid LIMIT ?2",
            &q,
            limit,
        )
    }

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
        let Some(q) = fts_query(query, self.search_lang()) else {
            return Ok(Vec::new());
        };
        self.hits(
            "SELECT rowid FROM card_fts WHERE card_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2",
            &q,
            limit,
        )
    }

    /// Runs an FTS query for card numbers, then reads those cards one by one. Two steps
    /// on purpose: joined in one statement, the planner may walk a whole session's cards
    /// through the session index and probe the matches, which is far slower.
    fn hits(&self, fts_sql: &str, q: &str, limit: usize) -> Result<Vec<Card>> {
        let wanted = i64::try_from(limit).unwrap_or(i64::MAX);
        let seqs: Vec<i64> = self
            .conn
            .prepare_cached(fts_sql)?
            .query_map(rusqlite::params![q, wanted.saturating_add(MARGIN)], |r| {
                r.get(0)
            })?
            .collect::<rusqlite::Result<_>>()?;
        let sql = format!(
            "{CARD_SELECT}
             WHERE c.seq = ?1 AND c.deleted_at IS NULL AND c.superseded_by IS NULL
               AND s.consultation_id = (SELECT id FROM consultation ORDER BY created_at DESC, id DESC LIMIT 1)"
        );
        let mut st = self.conn.prepare_cached(&sql)?;
        let mut out = Vec::new();
        for seq in seqs {
            if out.len() >= limit {
                break;
            }
            if let Some(card) = st.query_row([seq], card_from_row).optional()? {
                out.push(card);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::fts_query;
    use crate::model::Lang;

    #[test]
    fn query_is_folded_quoted_and_prefixed() {
        assert_eq!(
            fts_query("Łódź  głos", Lang::Pl).as_deref(),
            Some("\"lodz\"* \"glos\"*")
        );
        // FTS syntax in user input is neutralised, not interpreted.
        assert_eq!(
            fts_query("a\" OR b*", Lang::Pl).as_deref(),
            Some("\"a\"* \"or\"* \"b\"*")
        );
        assert_eq!(fts_query(" -- ", Lang::Pl), None);
    }

    #[test]
    fn longer_words_also_match_through_their_stem() {
        let q = fts_query("lista głosowanie", Lang::Pl).unwrap_or_default();
        assert!(q.contains("\"list\"*"), "{q}");
        assert!(!q.contains("\"lista\"*") || q.contains(" OR "), "{q}");
        assert!(q.contains("glosowa"), "{q}");
    }
}
