//! Joins the input's own word vectors with the shipped ones: each term gets
//! `[own block ; shipped block]`. The own block keeps its relative norms
//! (scaled so an average own vector has length 1); the shipped block is the
//! unit shipped vector times a weight (`weight_for`). A term missing from one side
//! has zeros there, so rare input words known to the shipped vectors still
//! place a text, and input words the shipped vectors lack keep their own.

use super::linalg::normalize;
use super::shipped::ShippedVectors;
use super::vectors::{NO_ROW, WordVectors};
use super::weight::Corpus;

/// Weight of the shipped block against the own block for `n` texts: equal at workshop
/// scale, where 1.5 merged the five-theme cards' topics (NMI 0.805 → 0.790, largest
/// topic 27 % → 36 %, with a trial build of these vectors); half again above
/// `SHIPPED_MORE_ABOVE` texts, whose own vectors know few of their rarer words (seeds
/// 1–5, k given, words seen once kept): budget titles 0.357 / 0.278 → 0.372 / 0.314,
/// headlines 0.266 / 0.194 → 0.277 / 0.209 (1.25 and 1.75 within 0.005 of 1.5 on the
/// headlines).
pub(super) fn weight_for(n: usize) -> f32 {
    if n > super::SHIPPED_MORE_ABOVE {
        1.5
    } else {
        1.0
    }
}

/// Own vectors `own` (ids `0..own.n` of `c`) joined with `sv`, whose unit rows are
/// scaled by `weight`.
pub(super) fn combine(
    own: &WordVectors,
    c: &Corpus,
    sv: &ShippedVectors,
    weight: f32,
) -> WordVectors {
    let (od, sd) = (own.dim, sv.dim);
    let dim = od + sd;
    let own_norms: Vec<f32> = (0..own.n)
        .filter_map(|t| own.get(t))
        .map(|v| v.iter().map(|x| x * x).sum::<f32>().sqrt())
        .collect();
    let mean = own_norms.iter().sum::<f32>() / own_norms.len().max(1) as f32;
    let own_scale = if mean > 0.0 { 1.0 / mean } else { 0.0 };
    let mut rows = vec![NO_ROW; c.n_terms()];
    let mut data = Vec::new();
    let mut n = 0usize;
    let mut ship = vec![0.0f32; sd];
    for (t, key) in c.keys.iter().enumerate() {
        let mine = own.get(t);
        let found = sv.find(key);
        if mine.is_none() && found.is_none() {
            continue;
        }
        match mine {
            Some(v) => data.extend(v.iter().map(|x| x * own_scale)),
            None => data.extend(std::iter::repeat_n(0.0, od)),
        }
        match found {
            Some(i) => {
                sv.row_into(i, &mut ship);
                normalize(&mut ship);
                data.extend(ship.iter().map(|x| x * weight));
            }
            None => data.extend(std::iter::repeat_n(0.0, sd)),
        }
        rows[t] = n as u32;
        n += 1;
    }
    WordVectors { dim, n, data, rows }
}

#[cfg(test)]
mod tests {
    use super::super::shipped::{ShippedVectors, encode, parse};
    use super::super::tokenize::Analyzer;
    use super::super::{ClusterOptions, Lang, cluster_using};
    use std::borrow::Cow;

    /// Shipped vectors for a few words of two themes (trees and lawns, pitches and
    /// gyms), and options asking for two topics.
    fn two_themes() -> (ShippedVectors, ClusterOptions) {
        let an = Analyzer::new(Lang::Pl);
        let key = |w: &str| an.term(w).unwrap_or_default();
        let rows = vec![
            (key("drzewa"), vec![1.0, 0.1, 0.0]),
            (key("trawnik"), vec![0.9, 0.0, 0.1]),
            (key("boisko"), vec![0.0, 1.0, 0.1]),
            (key("siłownia"), vec![0.1, 0.9, 0.0]),
        ];
        let sv = parse(Cow::Owned(encode(Lang::Pl, 3, &rows).unwrap())).unwrap();
        let opts = ClusterOptions {
            k: Some(2),
            lang: Some(Lang::Pl),
            ..ClusterOptions::default()
        };
        (sv, opts)
    }

    /// Two themes whose words never share a card: only shipped vectors
    /// (which put "drzewa"/"trawnik" and "boisko"/"siłownia" together) can
    /// pair them.
    #[test]
    fn related_words_join_only_with_shipped_vectors() {
        let (sv, opts) = two_themes();
        // Each word on two cards (words seen once are left out), never with another.
        let texts = [
            "drzewa",
            "boisko",
            "trawnik",
            "siłownia",
            "drzewa",
            "boisko",
            "trawnik",
            "siłownia",
        ];
        let with = cluster_using(&texts, &opts, Lang::Pl, Some(&sv), &mut |_, _| {});
        let topic = |i: usize| with.assignments[i].topic;
        assert!(topic(0).is_some() && topic(1).is_some());
        assert_eq!(topic(0), topic(2));
        assert_eq!(topic(1), topic(3));
        assert_ne!(topic(0), topic(1));
        // Off: no two words share a card, so trees and lawns never meet.
        let without = cluster_using(&texts, &opts, Lang::Pl, None, &mut |_, _| {});
        let apart = |a: usize, b: usize| {
            let (ta, tb) = (without.assignments[a].topic, without.assignments[b].topic);
            ta.is_none() || tb.is_none() || ta != tb
        };
        assert!(apart(0, 2) || apart(1, 3));
    }

    /// A word on one text only places that text through its shipped vector on
    /// thousands of texts; on workshop cards it stays out and the text is unsorted.
    #[test]
    fn a_word_seen_once_counts_only_above_workshop_scale() {
        let (sv, opts) = two_themes();
        for (copies, placed) in [(600, true), (60, false)] {
            let mut texts = vec!["trawnik"];
            for _ in 0..copies {
                texts.extend(["drzewa zieleń", "boisko piłka"]);
            }
            let c = cluster_using(&texts, &opts, Lang::Pl, Some(&sv), &mut |_, _| {});
            let lawn = c.assignments[0].topic;
            assert_eq!(lawn.is_some(), placed, "{} texts", texts.len());
            if placed {
                assert_eq!(lawn, c.assignments[1].topic);
                assert_ne!(lawn, c.assignments[2].topic);
            }
        }
    }

    #[test]
    fn option_off_skips_shipped_vectors() {
        let texts = ["drzewa w parku", "drzewa przy szkole", "remont chodnika"];
        let opts = ClusterOptions {
            k: Some(2),
            lang: Some(Lang::Pl),
            shipped_vectors: false,
            ..ClusterOptions::default()
        };
        let off = super::super::cluster(&texts, &opts);
        let none = cluster_using(&texts, &opts, Lang::Pl, None, &mut |_, _| {});
        assert_eq!(off, none);
    }
}
