//! Public option and result types.

use serde::{Deserialize, Serialize};

use crate::model::Lang;

/// A topic known before clustering, described by a few keywords.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeedTopic {
    pub name: String,
    pub keywords: Vec<String>,
}

/// Options for [`cluster`](super::cluster).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClusterOptions {
    /// Total number of topics including seeded ones; `None` chooses it by
    /// the gap statistic (see [`cluster_with_progress`](super::cluster_with_progress)).
    /// Capped at the number of placeable texts.
    pub k: Option<usize>,
    /// `None` detects the language from the texts.
    pub lang: Option<Lang>,
    /// Known topics: cards that fit go there, the rest get new topics.
    pub seeds: Vec<SeedTopic>,
    /// Seed of the internal PRNG; equal inputs and options give equal output.
    pub random_seed: u64,
    /// 1 = single thread; 0 = all cores. The result never depends on it.
    pub threads: usize,
    /// Use the word vectors shipped for the language (Polish) beside the
    /// ones learned from the input.
    pub shipped_vectors: bool,
    /// Which draw of the automatic choice of k (its sample, shuffled references
    /// and restarts): 0, what narada always uses; the bench tries others to show
    /// how much the number of topics depends on the draw.
    pub choice_draw: u64,
    /// Names of topics that exist already and stay (decided, mapped, made by hand):
    /// a proposed topic takes its next best label instead, as it does beside a larger
    /// proposed topic with the same one. Not part of what a run records.
    #[serde(skip)]
    pub taken_labels: Vec<String>,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions {
            k: None,
            lang: None,
            seeds: Vec::new(),
            random_seed: 42,
            threads: 1,
            shipped_vectors: true,
            choice_draw: 0,
            taken_labels: Vec::new(),
        }
    }
}

/// One topic of a clustering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    /// A short phrase from the topic's own cards, first letter capitalised
    /// ("Lista poparcia"); the keywords joined with ", " when no phrase recurs.
    /// Never empty for a topic whose cards have words.
    pub label: String,
    /// Up to 4 characteristic words, each in its most frequent written form.
    pub keywords: Vec<String>,
    /// The same as `keywords` (the name stored runs use).
    pub label_words: Vec<String>,
    /// The 2–3 most representative members: highest similarity to the topic's
    /// centre, never two near-duplicates (fewer when the topic has fewer distinct
    /// cards). The first is `example`.
    pub representatives: Vec<usize>,
    /// `Some(name)` for a seeded (known) topic.
    pub seed_name: Option<String>,
    /// Input indices, ascending; never empty.
    pub members: Vec<usize>,
    /// The member closest to the topic centroid.
    pub example: usize,
}

/// Where one input text went.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    /// Index into [`Clustering::topics`]; `None` = unsorted.
    pub topic: Option<usize>,
    /// Cosine similarity to the topic centroid (to the nearest centroid for
    /// unsorted texts that have a vector; 0 for texts without one).
    pub score: f32,
}

/// Result of [`cluster`](super::cluster).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clustering {
    /// Ordered by size (descending), then by first member.
    pub topics: Vec<Topic>,
    /// One per input text, in input order.
    pub assignments: Vec<Assignment>,
    /// Indices of texts that could not be placed, ascending.
    pub unsorted: Vec<usize>,
    /// Number of topics the clustering ran with (seeded + new); empty topics
    /// are dropped, so `topics.len()` may be smaller.
    pub k_chosen: usize,
    /// Whether `k_chosen` was chosen automatically.
    pub k_auto: bool,
    pub lang: Lang,
}

/// Pipeline stages reported to the progress callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Tokenize,
    Vectors,
    ChooseK,
    Cluster,
    Label,
    Done,
}
