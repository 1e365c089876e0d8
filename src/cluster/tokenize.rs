//! Text → words → terms. Order matters (measured): NFC, lowercase, split on
//! non-letters, drop 1-letter tokens, drop stop words, stem with the
//! diacritics still present, and only then fold to ASCII.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use frostem::{Algorithm, Stemmer};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::{lemma, stopwords};
use crate::model::Lang;

/// FxHash-like hasher for the word caches (hit about a million times at 100k
/// texts; `SipHash` was a visible cost). Only used for lookups: iteration order
/// of these maps never reaches a result.
#[derive(Default)]
pub(super) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(super) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub(super) type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// Lowercase + transliterate to ASCII (`Łódź` → `lodz`); used for search too.
pub fn fold(s: &str) -> String {
    let lower = s.to_lowercase();
    if lower.is_ascii() {
        return lower;
    }
    deunicode::deunicode(&lower).to_lowercase()
}

/// Fold one stemmed token; keeps only ASCII letters/digits so that
/// transliterations with spaces or punctuation stay a single token.
fn fold_token(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    let mut out = deunicode::deunicode(s);
    out.retain(|c| c.is_ascii_alphanumeric());
    out.make_ascii_lowercase();
    out
}

/// One word of a text as the tokeniser saw it.
// Independent facts about one written word, not a state machine.
#[allow(clippy::struct_excessive_bools)]
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Token {
    /// Written with a capital inside a sentence (not all caps): a name, often a place.
    pub mid_cap: bool,
    /// Written in capitals only (an acronym, or a title typed in capitals).
    pub caps: bool,
    /// Written as `#word`: a tag the facilitator typed.
    pub tag: bool,
    /// Punctuation (not just spaces) separates it from the previous word, so the two
    /// do not form a phrase.
    pub broken: bool,
    /// The one-letter word "i" (and), which is no token itself, stands right before
    /// it: "drzewa i krzewy" is one phrase of two nouns.
    pub and_before: bool,
    /// A one-letter preposition (w, z, o, u), which is no token either, stands right
    /// before it: a label shows it ("kosze w parku", "informacja o budżecie").
    pub prep_before: Option<char>,
}

/// Splits `text` into lowercase letter runs of at least two letters and calls
/// `f` with each. Digits, punctuation and emoji separate words and vanish.
pub(super) fn for_each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    for_each_token(text, buf, |w, _| f(w));
}

/// [`for_each_word`] with what the written form says about each word (see [`Token`]).
pub(super) fn for_each_token(text: &str, buf: &mut String, mut f: impl FnMut(&str, Token)) {
    let normalized;
    // Every character below U+0300 (UTF-8 lead bytes below 0xCC: ASCII, Latin-1 and the
    // Polish letters) is NFC as written, so most texts skip the full check.
    let text = if text.bytes().all(|b| b < 0xCC) || is_nfc_quick(text.chars()) == IsNormalized::Yes
    {
        text
    } else {
        normalized = text.nfc().collect::<String>();
        normalized.as_str()
    };
    buf.clear();
    // The current letter run.
    let (mut letters, mut upper, mut first_upper) = (0usize, 0usize, false);
    // The last non-space character before the current word ('a' after a plain space),
    // and whether the previous word was a short lowercase abbreviation ("ul.", "os.").
    let mut before: Option<char> = None;
    let mut prev_short_lower = false;
    let mut seen_word = false;
    let mut last_char: Option<char> = None;
    let mut tok = Token::default();
    // A trailing space ends the last word like any other.
    for c in text.chars().chain(std::iter::once(' ')) {
        let (alpha, is_upper) = if c.is_ascii() {
            (c.is_ascii_alphabetic(), c.is_ascii_uppercase())
        } else {
            let alpha = c.is_alphabetic();
            (alpha, alpha && c.is_uppercase())
        };
        if alpha {
            if letters == 0 {
                first_upper = is_upper;
                tok.tag = last_char == Some('#');
            }
            upper += usize::from(is_upper);
            if c.is_ascii() {
                buf.push(c.to_ascii_lowercase());
            } else {
                buf.extend(c.to_lowercase());
            }
            letters += 1;
            last_char = Some(c);
            continue;
        }
        if letters > 0 {
            if letters >= 2 {
                let sentence_start = match before {
                    None => true,
                    Some('.') => !prev_short_lower,
                    Some(b) => matches!(b, '!' | '?' | ':' | ';' | '"' | '(' | '-' | '–' | '—'),
                };
                tok.mid_cap = first_upper && upper < letters && !sentence_start;
                tok.caps = upper == letters;
                f(buf, tok);
                tok.broken = false;
                tok.and_before = false;
                tok.prep_before = None;
                seen_word = true;
                prev_short_lower = letters <= 3 && upper == 0;
            } else {
                tok.and_before = buf == "i";
                tok.prep_before = buf
                    .chars()
                    .next()
                    .filter(|c| matches!(c, 'w' | 'z' | 'o' | 'u'));
            }
            before = None;
            buf.clear();
            (letters, upper) = (0, 0);
        }
        if !c.is_whitespace() {
            if seen_word && c != '#' {
                tok.broken = true;
            }
            tok.and_before = false;
            tok.prep_before = None;
            before = Some(c);
        } else if before.is_none() && (seen_word || last_char.is_some_and(char::is_alphabetic)) {
            before = Some('a');
        }
        last_char = Some(c);
    }
}

/// Inflectional endings as typed without diacritics, and as written, longest
/// first (the first that ends a word is restored): genitive plural -ów,
/// infinitives, present participles, -ość nouns, the past tense's -ł and the
/// present's -ją. Left out, measured: -aca and -ec (present "zwraca", nouns in
/// "-niec") and -ala (present "pozwala").
const DIACRITIC_ENDINGS: &[(&str, &str)] = &[
    ("acych", "ących"),
    ("acymi", "ącymi"),
    ("acego", "ącego"),
    ("acemu", "ącemu"),
    ("oscia", "ością"),
    ("acym", "ącym"),
    ("acej", "ącej"),
    ("osci", "ości"),
    ("alem", "ałem"),
    ("ilem", "iłem"),
    ("ylem", "yłem"),
    ("ace", "ące"),
    ("acy", "ący"),
    ("osc", "ość"),
    ("ela", "eła"),
    ("alo", "ało"),
    ("aly", "ały"),
    ("ila", "iła"),
    ("ilo", "iło"),
    ("ily", "iły"),
    ("yla", "yła"),
    ("ylo", "yło"),
    ("yly", "yły"),
    ("aja", "ają"),
    ("esc", "eść"),
    ("ow", "ów"),
    ("ac", "ać"),
    ("ic", "ić"),
    ("yc", "yć"),
    ("al", "ał"),
    ("il", "ił"),
    ("yl", "ył"),
];
/// Restored endings must leave a stem of at least this many letters.
const MIN_RESTORED_STEM: usize = 3;

/// Language-specific part of the pipeline: stop words and stemmer.
pub(super) struct Analyzer {
    stemmer: Stemmer,
    stop: FastSet<String>,
    lang: Lang,
}

impl Analyzer {
    pub(super) fn new(lang: Lang) -> Self {
        let alg = match lang {
            Lang::Pl => Algorithm::Polish,
            Lang::En => Algorithm::English,
        };
        // Both lists always: Polish cards quote English and vice versa.
        let stop = stopwords::words(stopwords::POLISH)
            .chain(stopwords::words(stopwords::ENGLISH))
            .map(fold)
            .collect();
        Analyzer {
            stemmer: Stemmer::new(alg),
            stop,
            lang,
        }
    }

    /// The term key of a lowercase word: `None` for stop words, otherwise the
    /// folded stem. Stop words are matched folded so "sie" = "się".
    pub(super) fn term(&self, word: &str) -> Option<String> {
        if self.stop.contains(fold_token(word).as_str()) {
            return None;
        }
        let stem = match self.lang {
            Lang::Pl => self.polish_stem(word),
            Lang::En => self.stemmer.stem(word).into_owned(),
        };
        let key = fold_token(&stem);
        (key.len() >= 2).then_some(key)
    }

    /// The stem of a Polish word. A word typed without diacritics ("glosow",
    /// "zglaszajacych", common when typing fast) keeps endings the stemmer only
    /// knows with them, so it would not meet the same word typed with them
    /// ("głosów" → "głos"): when the form table does not know the word as
    /// written, its ending gets its diacritics back before stemming, unless that
    /// leaves a stem too short to be a word.
    fn polish_stem(&self, word: &str) -> String {
        let plain = self.stemmer.stem(word);
        if !word.is_ascii() {
            return plain.into_owned();
        }
        // The ending first: most words have none of these, so most skip the table lookup.
        let Some((ascii, marked)) = DIACRITIC_ENDINGS
            .iter()
            .find(|(ascii, _)| word.len() > ascii.len() + 2 && word.ends_with(ascii))
        else {
            return plain.into_owned();
        };
        if lemma::is_known(word) {
            return plain.into_owned();
        }
        let restored = format!("{}{marked}", &word[..word.len() - ascii.len()]);
        let stem = self.stemmer.stem(&restored);
        if stem.chars().count() >= MIN_RESTORED_STEM {
            stem.into_owned()
        } else {
            plain.into_owned()
        }
    }

    /// All term keys of a text, in order (used for seeds and queries).
    pub(super) fn terms(&self, text: &str) -> Vec<String> {
        let mut buf = String::new();
        let mut out = Vec::new();
        for_each_word(text, &mut buf, |w| out.extend(self.term(w)));
        out
    }
}

/// Guesses the language from up to 2,000 texts: Polish diacritics and
/// Polish-only stop words vote for Polish, English-only stop words for
/// English. Ties (e.g. no evidence) go to Polish, the app's main language.
pub(super) fn detect_lang(texts: &[&str]) -> Lang {
    let pl: FastSet<&str> = stopwords::words(stopwords::POLISH).collect();
    let en: FastSet<&str> = stopwords::words(stopwords::ENGLISH).collect();
    let (mut pl_votes, mut en_votes) = (0usize, 0usize);
    let mut buf = String::new();
    for t in texts.iter().take(2000) {
        pl_votes += t
            .chars()
            .filter(|c| "ąćęłńóśźżĄĆĘŁŃÓŚŹŻ".contains(*c))
            .count();
        for_each_word(t, &mut buf, |w| match (pl.contains(w), en.contains(w)) {
            (true, false) => pl_votes += 1,
            (false, true) => en_votes += 1,
            _ => {}
        });
    }
    if en_votes > pl_votes {
        Lang::En
    } else {
        Lang::Pl
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_strips_diacritics() {
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("ZAŻÓŁĆ gęślą"), "zazolc gesla");
    }

    /// Typed without Polish letters, a word meets the same word typed with them;
    /// a known form typed that way is left alone ("plac" is no infinitive, and
    /// "pozwala" no past tense).
    #[test]
    fn words_typed_without_diacritics_meet_their_written_form() {
        let a = Analyzer::new(Lang::Pl);
        for (written, typed) in [
            ("głosów", "glosow"),
            ("kosztów", "kosztow"),
            ("głosujących", "glosujacych"),
            ("głosować", "glosowac"),
            ("zgłosił", "zglosil"),
            ("możliwości", "mozliwosci"),
            ("odwołanie", "odwolanie"),
        ] {
            assert_eq!(a.term(written), a.term(typed), "{written} / {typed}");
        }
        for (word, term) in [("plac", "plac"), ("praca", "prac"), ("pozwala", "pozwal")] {
            assert_eq!(a.term(word).as_deref(), Some(term), "{word}");
        }
    }

    /// On real workshop cards, nearly every word keeps its term when the card is
    /// typed without Polish letters (without restoring endings: 78 % of the
    /// words with diacritics, on a larger mixed sample).
    #[test]
    fn cards_typed_without_diacritics_keep_their_terms() {
        let a = Analyzer::new(Lang::Pl);
        let cards = include_str!("../../tests/data/workshop-rules.jsonl");
        let (mut words, mut kept) = (0usize, 0usize);
        let mut buf = String::new();
        for line in cards.lines() {
            let card: serde_json::Value = serde_json::from_str(line).expect("JSON line");
            let text = card["text"].as_str().expect("text");
            for_each_word(text, &mut buf, |w| {
                if !w.is_ascii() {
                    words += 1;
                    kept += usize::from(a.term(w) == a.term(&fold(w)));
                }
            });
        }
        assert!(words > 300, "{words}");
        assert!(kept * 100 >= words * 95, "{kept} of {words}");
    }

    #[test]
    fn polish_inflections_share_a_stem() {
        let a = Analyzer::new(Lang::Pl);
        let k: Vec<_> = ["głosowanie", "głosowania", "głosowaniu"]
            .iter()
            .map(|w| a.term(w).unwrap_or_default())
            .collect();
        assert_eq!(k[0], k[1]);
        assert_eq!(k[1], k[2]);
        assert!(k[0].is_ascii() && !k[0].is_empty());
        assert_eq!(a.terms("Łódź"), a.terms("łodz"));
    }

    #[test]
    fn stop_words_digits_and_short_tokens_dropped() {
        let a = Analyzer::new(Lang::Pl);
        let t = a.terms("Remont ul. Piotrkowskiej 12 i się w 2024 r. oraz 😀");
        assert_eq!(t.len(), 2, "{t:?}");
        assert!(a.terms("sie ze oraz w na").is_empty());
    }

    #[test]
    fn words_are_lowercased_and_split() {
        let mut buf = String::new();
        let mut out = Vec::new();
        for_each_word("ZIELONY-skwer,SP114 x", &mut buf, |w| {
            out.push(w.to_string());
        });
        assert_eq!(out, vec!["zielony", "skwer", "sp"]);
    }

    #[test]
    fn detects_language() {
        assert_eq!(
            detect_lang(&["Nowe drzewa przy szkole", "Remont chodnika"]),
            Lang::Pl
        );
        assert_eq!(
            detect_lang(&["New trees for the school", "Fix the road"]),
            Lang::En
        );
    }
}
