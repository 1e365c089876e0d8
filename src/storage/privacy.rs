//! Replacing speaker values with stable pseudonyms, everywhere they are stored.

use super::Store;
use super::rows::folded_key;
use crate::error::Result;
use rusqlite::params;
use std::collections::BTreeMap;

/// The pseudonym word for a content language.
fn word(lang: &str) -> &'static str {
    if lang == "en" { "Person" } else { "Osoba" }
}

/// Number of an existing pseudonym such as "Osoba 3", so reruns keep it.
fn pseudonym_number(value: &str, word: &str) -> Option<u32> {
    value.strip_prefix(word)?.trim().parse().ok()
}

impl Store {
    /// Replaces every speaker value with "Osoba N" (English: "Person N"): the same value
    /// always gets the same pseudonym, numbered by first appearance; values that already
    /// are pseudonyms stay. Old values are also removed from card histories. Returns the
    /// mapping (old → new); with `dry_run` nothing is written.
    pub fn anonymise(&mut self, dry_run: bool) -> Result<Vec<(String, String)>> {
        self.anonymise_with(&BTreeMap::new(), dry_run)
    }

    /// As [`Store::anonymise`], with some pseudonyms given: `seed` maps old values to the
    /// pseudonyms another database (whose backup this is) already gave them, so a
    /// person is "Osoba 3" in the database and in its backups alike.
    pub fn anonymise_with(
        &mut self,
        seed: &BTreeMap<String, String>,
        dry_run: bool,
    ) -> Result<Vec<(String, String)>> {
        let w = word(&self.consultation()?.language);
        let mut st = self.conn.prepare(
            "SELECT speaker FROM card WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY min(seq)",
        )?;
        let values: Vec<String> = st
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        drop(st);
        let mut next = values
            .iter()
            .chain(seed.values())
            .filter_map(|v| pseudonym_number(v, w))
            .max()
            .unwrap_or(0);
        let mut map: BTreeMap<String, String> = BTreeMap::new();
        let mut order = Vec::new();
        for v in values {
            if pseudonym_number(&v, w).is_some() {
                continue;
            }
            let p = seed.get(&v).cloned().unwrap_or_else(|| {
                next += 1;
                format!("{w} {next}")
            });
            order.push((v.clone(), p.clone()));
            map.insert(v, p);
        }
        if dry_run || map.is_empty() {
            return Ok(order);
        }
        let cards: Vec<(String, String, String)> = {
            let mut st = self
                .conn
                .prepare("SELECT id, text, speaker FROM card WHERE speaker IS NOT NULL")?;
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        let tx = self.conn.transaction()?;
        for (id, text, speaker) in &cards {
            let Some(p) = map.get(speaker) else { continue };
            let tags: Vec<String> = {
                let mut st = tx.prepare_cached(
                    "SELECT tag FROM card_tag WHERE card_id = ?1 ORDER BY position",
                )?;
                st.query_map([id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?
            };
            tx.execute(
                "UPDATE card SET speaker = ?2, folded = ?3 WHERE id = ?1",
                params![id, p, folded_key(text, &tags, Some(p))],
            )?;
        }
        // Edit history keeps old field values as JSON: replace old speakers there too.
        let events: Vec<(String, String)> = {
            let mut st =
                tx.prepare("SELECT id, detail FROM card_event WHERE detail LIKE '%\"speaker\"%'")?;
            st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        for (id, detail) in events {
            let Ok(mut value) = serde_json::from_str::<serde_json::Value>(&detail) else {
                continue;
            };
            if let Some(old) = value
                .get("speaker")
                .and_then(|s| s.as_str())
                .map(str::to_owned)
            {
                if pseudonym_number(&old, w).is_some() {
                    continue;
                }
                // A value no card holds any more still must not survive in the history.
                let new = map.get(&old).cloned().unwrap_or_else(|| format!("{w} ?"));
                value["speaker"] = new.into();
                tx.execute(
                    "UPDATE card_event SET detail = ?2 WHERE id = ?1",
                    params![id, value.to_string()],
                )?;
            }
        }
        tx.commit()?;
        self.scrub()?;
        Ok(order)
    }

    /// Leaves no trace of replaced values in the file: the search index is rebuilt from
    /// the cards (its old segments still held the old tokens), `VACUUM` rewrites the file
    /// without the free pages that held old rows, and the WAL is emptied.
    fn scrub(&mut self) -> Result<()> {
        self.conn
            .execute("INSERT INTO card_fts(card_fts) VALUES ('rebuild')", [])?;
        self.conn.execute_batch("VACUUM")?;
        self.checkpoint()
    }
}
