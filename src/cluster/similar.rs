//! Lexical near-duplicate hints: TF-IDF cosine over stemmed, folded terms.

use super::tokenize::{Analyzer, FastMap, detect_lang};
use super::weight::build;

/// The `n` texts most similar to `query` (cosine > 0), best first; ties by
/// index. Every term counts (no minimum frequency): near-duplicates often
/// share exactly their rare words.
pub fn similar(texts: &[&str], query: &str, n: usize) -> Vec<(usize, f32)> {
    let mut probe: Vec<&str> = texts.to_vec();
    probe.push(query);
    let an = Analyzer::new(detect_lang(&probe));
    // The query is a document too, so its words get an idf.
    let mut c = build(&probe, &an, 1);
    c.tfidf();
    let q = texts.len();
    let (qt, qw) = c.row(q);
    let qmap: FastMap<u32, f32> = qt.iter().copied().zip(qw.iter().copied()).collect();
    let mut hits: Vec<(usize, f32)> = (0..q)
        .filter_map(|d| {
            let (t, w) = c.row(d);
            let s: f32 = t
                .iter()
                .zip(w)
                .filter_map(|(t, w)| qmap.get(t).map(|q| q * w))
                .sum();
            (s > 0.0).then_some((d, s))
        })
        .collect();
    hits.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    hits.truncate(n);
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inflected_near_duplicate() {
        let texts = [
            "Nowe ławki w parku Poniatowskiego",
            "Remont chodnika przy szkole",
            "Ławka w parku",
        ];
        let hits = similar(&texts, "nowa ławka w Parku Poniatowskiego", 2);
        assert_eq!(hits[0].0, 0);
        assert_eq!(hits.len(), 2);
        assert_eq!(hits[1].0, 2);
        assert!(similar(&texts, "", 3).is_empty());
    }
}
