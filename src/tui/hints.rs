//! Near-duplicate hints: the cards most like a text, by the clustering module's lexical
//! similarity. The corpus texts are read once and kept until a card changes, so a hint
//! costs one similarity pass, run off the interface thread when there is a reader.

use crate::error::Result;
use crate::storage::Store;

/// At most this many hints are shown.
pub const HINTS: usize = 3;
/// Shorter texts give no hints: one word matches too much.
pub const MIN_QUERY: usize = 8;
/// The newest cards compared: a similarity pass stays well under a second even on a
/// 100k-card consultation, and duplicates are nearly always among recent cards.
pub const CORPUS: usize = 20_000;

/// A card that looks like the one being typed or selected.
#[derive(Debug, Clone, PartialEq)]
pub struct Hint {
    pub id: String,
    pub seq: i64,
    pub text: String,
}

#[derive(Debug, Default)]
pub struct HintCache {
    version: Option<u64>,
    /// `(id, text)` of live cards, oldest first.
    cards: Vec<(String, String)>,
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
            let mut cards = store.cluster_input(None)?;
            let old = cards.len().saturating_sub(CORPUS);
            cards.drain(..old);
            self.cards = cards;
            self.version = Some(version);
        }
        if query.trim().chars().count() < MIN_QUERY {
            return Ok(Vec::new());
        }
        let texts: Vec<&str> = self.cards.iter().map(|(_, t)| t.as_str()).collect();
        crate::cluster::similar(&texts, query, HINTS + 1)
            .into_iter()
            .map(|(i, _)| &self.cards[i])
            .filter(|(id, _)| Some(id.as_str()) != exclude)
            .take(HINTS)
            .map(|(id, text)| {
                Ok(Hint {
                    id: id.clone(),
                    seq: store.card(id)?.seq,
                    text: text.clone(),
                })
            })
            .collect()
    }
}
