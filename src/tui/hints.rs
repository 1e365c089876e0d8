//! Near-duplicate hints: the cards most like a text, by the clustering module's lexical
//! similarity. The corpus texts are read once and kept until a card changes, so a hint
//! costs one similarity pass, run off the interface thread when there is a reader.

use super::loaded::Hint;
use crate::error::Result;
use crate::storage::{CardFilter, Store};

/// At most this many hints are shown.
pub const HINTS: usize = 3;
/// Shorter texts give no hints: one word matches too much.
pub const MIN_QUERY: usize = 8;

#[derive(Debug, Default)]
pub struct HintCache {
    version: Option<u64>,
    cards: Vec<(String, i64, String)>,
}

impl HintCache {
    /// Up to `HINTS` live cards like `query`, leaving out `exclude`. `version` changes
    /// whenever a card was stored, which makes the cache read the texts again.
    pub fn similar(
        &mut self,
        store: &Store,
        version: u64,
        query: &str,
        exclude: Option<&str>,
    ) -> Result<Vec<Hint>> {
        if self.version != Some(version) {
            self.cards = store
                .cards(&CardFilter::default())?
                .into_iter()
                .map(|c| (c.id, c.seq, c.text))
                .collect();
            self.version = Some(version);
        }
        if query.trim().chars().count() < MIN_QUERY {
            return Ok(Vec::new());
        }
        let texts: Vec<&str> = self.cards.iter().map(|(_, _, t)| t.as_str()).collect();
        Ok(crate::cluster::similar(&texts, query, HINTS + 1)
            .into_iter()
            .map(|(i, _)| &self.cards[i])
            .filter(|(id, _, _)| Some(id.as_str()) != exclude)
            .take(HINTS)
            .map(|(id, seq, text)| Hint {
                id: id.clone(),
                seq: *seq,
                text: text.clone(),
            })
            .collect())
    }
}
