//! The words of a card as the label phrase search sees them: shown as a label
//! would show them (names capitalised, acronyms in capitals), with their term
//! ids, the stop words that may join a phrase, punctuation breaks and the "i"
//! (and) before a word.

use std::sync::OnceLock;

use super::label::capitalised;
use super::lemma::{self, Kind};
use super::stopwords::{NOT_IN_LABELS_POLISH, words};
use super::tokenize::{Analyzer, FastMap, FastSet, fold, for_each_token};

/// Stop words that may join a phrase ("karta do głosowania", "prawo do głosu").
/// "oraz" coordinates ("drzewa oraz krzewy"); so does the one-letter "i", which
/// is no token (see [`Word::and_before`]).
const JOINERS: &[&str] = &[
    "do", "z", "ze", "na", "dla", "w", "we", "o", "u", "od", "of", "for", "to", "oraz",
];

/// One word of a card as the phrase search sees it.
pub(super) struct Word {
    /// As it should appear in a label: lowercase, except names and acronyms.
    pub shown: String,
    /// Term id of a content word; `None` for stop words and rare words.
    pub term: Option<u32>,
    pub joiner: bool,
    /// Punctuation between it and the word before, or a tag on either side.
    pub broken: bool,
    /// The word "i" (and) right before it: two nouns so joined make one label
    /// ("drzewa i krzewy"), which shows the "i".
    pub and_before: bool,
}

/// Whether a word is one no label shows (see [`NOT_IN_LABELS_POLISH`]), matched
/// folded like stop words ("wzdluz" = "wzdłuż").
pub(super) fn not_in_labels(word: &str) -> bool {
    static SET: OnceLock<FastSet<String>> = OnceLock::new();
    SET.get_or_init(|| words(NOT_IN_LABELS_POLISH).map(fold).collect())
        .contains(fold(word).as_str())
}

/// Longest acronym kept in capitals ("OSP", "RODO", "PESEL").
const ACRONYM_LETTERS: usize = 5;

/// The words of `text` (those of two letters or more) as the phrase search reads
/// them; `ids` gives the term ids of content words.
pub(super) fn words_of(
    text: &str,
    an: &Analyzer,
    ids: &FastMap<&str, u32>,
    buf: &mut String,
) -> Vec<Word> {
    let mut out = Vec::new();
    let mut tokens = Vec::new();
    for_each_token(text, buf, |w, tok| tokens.push((w.to_string(), tok)));
    // A card typed in capitals has no acronyms to tell apart.
    let shouting = 2 * tokens.iter().filter(|(_, t)| t.caps).count() > tokens.len();
    // Tags are the facilitator's keywords, not running text: no phrase reaches into
    // or out of one ("#dostępność #punkty" is no "Dostępność punkty").
    let mut after_tag = false;
    for (w, tok) in tokens {
        // A one-letter preposition is no token, but a label that spans it shows it.
        if let Some(p) = tok.prep_before.filter(|_| !tok.broken && !tok.tag) {
            out.push(Word {
                shown: p.to_string(),
                term: None,
                joiner: true,
                broken: after_tag,
                and_before: false,
            });
        }
        // A preposition the clustering keeps is no content word of a phrase.
        let key = an.term(&w).filter(|_| !not_in_labels(&w));
        // Names keep their capital and acronyms their capitals; anything else (a
        // title typed in capitals too) is shown in lower case.
        let shown = if tok.caps && !shouting && w.chars().count() <= ACRONYM_LETTERS {
            w.to_uppercase()
        } else if tok.mid_cap {
            capitalised(&w)
        } else {
            w.clone()
        };
        out.push(Word {
            shown,
            term: key.as_deref().and_then(|k| ids.get(k).copied()),
            joiner: key.is_none() && JOINERS.contains(&w.as_str()),
            broken: tok.broken || tok.tag || after_tag,
            and_before: tok.and_before,
        });
        after_tag = tok.tag;
    }
    out
}

/// Written forms of a phrase with (times, times opening a card).
pub(super) type Forms = FastMap<String, (u32, u32)>;

/// For a label that is a lone adjective (term `adjective`): the two-word
/// phrases in which the cards (the topic's sample as words, most central first)
/// write it beside a noun it agrees with ("tablica informacyjna"), even a noun on
/// one card only and so outside the vocabulary, with (times, times opening a
/// card); the commonest such noun's phrases only, ties going to the more central
/// card.
pub(super) fn noun_beside(cards: &[Vec<Word>], adjective: u32) -> Forms {
    // Noun base form → (times, first seen, phrases as written).
    let mut nouns: FastMap<String, (u32, usize, Forms)> = FastMap::default();
    for (rank, words) in cards.iter().enumerate() {
        for (i, w) in words.iter().enumerate() {
            if w.term != Some(adjective) {
                continue;
            }
            let adjectives = lemma::readings(&w.shown.to_lowercase());
            // Only a word right beside it, no "i" (and) between.
            let apart = |w: &Word| w.broken || w.and_before;
            let before = (i > 0 && !apart(w)).then(|| i - 1);
            let after = words.get(i + 1).filter(|n| !apart(n)).map(|_| i + 1);
            for j in before.into_iter().chain(after) {
                let other = &words[j];
                let lower = other.shown.to_lowercase();
                if other.joiner || not_in_labels(&lower) {
                    continue;
                }
                let readings = lemma::readings(&lower);
                let Some(noun) = readings.first().filter(|r| r.kind == Kind::Noun) else {
                    continue;
                };
                if !adjectives.iter().any(|a| a.agrees_with(noun)) {
                    continue;
                }
                let (first, second) = if j < i { (other, w) } else { (w, other) };
                let phrase = format!("{} {}", first.shown, second.shown);
                let entry = nouns
                    .entry(noun.base.clone())
                    .or_insert((0, rank, FastMap::default()));
                entry.0 += 1;
                let form = entry.2.entry(phrase).or_insert((0, 0));
                form.0 += 1;
                form.1 += u32::from(j.min(i) == 0);
            }
        }
    }
    nouns
        .into_values()
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|n| n.2)
        .unwrap_or_default()
}
