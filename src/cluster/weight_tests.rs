//! Tests of the vocabulary, weights and extra features on small hand-written cards.

use super::*;
use crate::model::Lang;

fn rich(texts: &[&str]) -> Corpus {
    let an = Analyzer::new(Lang::Pl);
    let lex = Lexicon::new(Lang::Pl, &an);
    let generic = super::super::stopwords::generic(Lang::Pl, &an);
    let feat = Features {
        lexicon: Some(&lex),
        rich: true,
        phrases: true,
        generic: Some(&generic),
        keep_rare: None,
    };
    build_with(texts, &an, 2, &feat)
}

fn weight_of(c: &Corpus, surface: &str) -> f32 {
    let t = c
        .surface
        .iter()
        .position(|s| s == surface)
        .unwrap_or(usize::MAX);
    c.boost.get(t).copied().unwrap_or(f32::NAN)
}

#[test]
fn tags_are_strong_features_of_their_own() {
    let c = rich(&["Młodzież głosuje #wiek", "Szesnastolatki #wiek", "wiek"]);
    let tag = c.keys.iter().position(|k| k.starts_with('#'));
    let tag = tag.unwrap_or(usize::MAX);
    assert_eq!(c.kind.get(tag), Some(&Kind::Tag));
    assert_eq!(c.df[tag], 2, "the plain word is not a tag");
    assert!(c.boost[tag] > 1.0);
}

#[test]
fn generic_words_and_place_names_weigh_less() {
    let c = rich(&[
        "Lista poparcia na Bałutach",
        "Głosowanie na Bałutach, lista",
        "Park na Widzewie",
        "Drzewa na Widzewie i park",
    ]);
    assert!(weight_of(&c, "lista") < 0.5);
    assert!(weight_of(&c, "bałutach") < 0.5);
    assert!(weight_of(&c, "widzewie") < 0.5);
    assert!((weight_of(&c, "park") - 1.0).abs() < 1e-6);
}

#[test]
fn a_capital_at_a_sentence_start_is_no_name() {
    let c = rich(&["Park. Park nad rzeką", "Park i rzeka", "Rzeka obok"]);
    assert!((weight_of(&c, "park") - 1.0).abs() < 1e-6);
}

#[test]
fn synonyms_meet_in_a_concept_and_phrases_recur() {
    let c = rich(&[
        "Odwołanie od oceny",
        "Protest autora",
        "Karta do głosowania",
        "karta do głosowania papierowa",
    ]);
    let concept = |k: &str| c.keys.iter().position(|x| x == k);
    // Both appeal cards carry the same concept, though no word is shared.
    let appeal =
        c.keys.iter().enumerate().find(|(i, k)| {
            k.starts_with('@') && c.df[*i] == 2 && c.row(0).0.contains(&(*i as u32))
        });
    let appeal = appeal.map_or(u32::MAX, |(i, _)| i as u32);
    assert!(c.row(1).0.contains(&appeal));
    assert!(concept("kart glosowan").is_some(), "{:?}", c.keys);
}

#[test]
fn min_df_and_surface_forms() {
    let an = Analyzer::new(Lang::Pl);
    let texts = [
        "Głosowanie elektroniczne",
        "głosowania w szkole",
        "Głosowanie, park",
    ];
    let mut c = build(&texts, &an, 2);
    assert_eq!(c.n_terms(), 1);
    assert_eq!(c.df, vec![3]);
    assert_eq!(c.surface[0], "głosowanie");
    c.tfidf();
    let (t, w) = c.row(1);
    assert_eq!(t, &[0]);
    assert!((w[0] - 1.0).abs() < 1e-6);
}

/// Words seen once are dropped unless the caller keeps them; phrases and the
/// like never are, and the kept words come after every word seen twice.
#[test]
fn words_seen_once_kept_only_when_asked() {
    let an = Analyzer::new(Lang::Pl);
    let texts = ["triathlon w parku", "bieg w parku", "park nocą"];
    let keep = |key: &str| key == an.term("triathlon").unwrap_or_default();
    let feat = Features {
        phrases: true,
        keep_rare: Some(&keep),
        ..Features::PLAIN
    };
    let c = build_with(&texts, &an, 2, &feat);
    assert_eq!(
        c.surface,
        vec!["parku".to_string(), "triathlon".to_string()]
    );
    assert_eq!(c.df, vec![3, 1]);
    assert_eq!(c.kind, vec![Kind::Word, Kind::Word]);
    let without = build_with(
        &texts,
        &an,
        2,
        &Features {
            phrases: true,
            ..Features::PLAIN
        },
    );
    assert_eq!(without.n_terms(), 1);
}
