//! Topic labels: a short phrase taken from the topic's own cards ("Lista
//! poparcia", "Granica wieku głosujących"), put into its base form for Polish
//! ("listy poparcia" → "Lista poparcia"), and the words most characteristic of
//! the topic as keywords, in the form people wrote them.

use super::lemma::{self, Kind, Reading};
use super::tokenize::{Analyzer, FastMap, for_each_token};
use super::weight::Corpus;

/// Cards of a topic read for phrases at most (the most central ones): bounds the
/// cost on large inputs, where the first few hundred say what the topic is.
const PHRASE_SAMPLE: usize = 200;
/// Content words in a label phrase at most.
const PHRASE_WORDS: usize = 3;
/// A longer phrase must earn its length: its summed word scores are scaled by
/// these (one, two, three content words), so "Lista poparcia" beats "poparcia"
/// only when most cards that say one say the other.
const LENGTH_FACTOR: [f64; 3] = [1.0, 0.8, 0.62];
/// A phrase around the topic's best word is preferred to the word alone when at
/// least this share of the cards with the word use the phrase.
const PHRASE_SHARE: f64 = 0.3;
/// Polish adjective and verb endings (no noun of a rule's vocabulary ends so,
/// "opinia" and "kwota" aside, which these leave alone), and how much a lone
/// word written only with them counts.
const MODIFIER_ENDINGS: &[&str] = &[
    "ć", "ny", "na", "ne", "nym", "nej", "nych", "wy", "wa", "we", "wej", "ski", "ska", "skie",
    "cki", "cka", "ący", "ąca", "ące", "ają", "uje", "ują", "ło", "ła", "li", "ły", "ym", "ymi",
];
const MODIFIER_FACTOR: f64 = 0.4;
/// Stop words that may join a phrase ("karta do głosowania", "prawo do głosu").
const JOINERS: &[&str] = &[
    "do", "z", "ze", "na", "dla", "w", "we", "od", "of", "for", "to",
];

/// How characteristic each term is of a topic: p(t|topic)·ln(p(t|topic)/p(t))
/// (a KL-divergence contribution), times the term's weight (generic words and
/// place names count less). A term must occur in two members unless the topic is
/// tiny. A small share of p(t|topic) is added so that a topic of identical texts,
/// whose words are no more frequent in it than overall, still gets words.
pub(super) fn term_scores(c: &Corpus, members: &[usize]) -> FastMap<u32, f64> {
    let mut counts: FastMap<u32, u32> = FastMap::default();
    for &d in members {
        for &t in c.row(d).0 {
            *counts.entry(t).or_insert(0) += 1;
        }
    }
    let size = members.len().max(1) as f64;
    let n = c.n_docs.max(1) as f64;
    let min_count = if members.len() >= 6 { 2 } else { 1 };
    counts
        .into_iter()
        .filter(|&(_, a)| a >= min_count)
        .map(|(t, a)| {
            let p_in = f64::from(a) / size;
            let p_all = f64::from(c.df[t as usize]) / n;
            let kl = p_in * (p_in / p_all).ln().max(0.0) + 1e-3 * p_in;
            (t, kl * f64::from(c.boost[t as usize]))
        })
        .collect()
}

/// Up to `max` keywords: the best-scored terms in their most frequent written form.
pub(super) fn keywords(c: &Corpus, scores: &FastMap<u32, f64>, max: usize) -> Vec<String> {
    let mut ranked: Vec<(f64, u32)> = scores.iter().map(|(&t, &s)| (s, t)).collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, t) in ranked {
        let w = &c.surface[t as usize];
        if !w.is_empty() && !out.contains(w) {
            out.push(w.clone());
        }
        if out.len() == max {
            break;
        }
    }
    out
}

/// One word of a card as the phrase search sees it.
struct Word {
    /// As it should appear in a label: lowercase, except names and acronyms.
    shown: String,
    /// Term id of a content word; `None` for stop words and rare words.
    term: Option<u32>,
    joiner: bool,
    /// Punctuation between it and the word before.
    broken: bool,
}

/// Longest acronym kept in capitals ("OSP", "RODO", "PESEL").
const ACRONYM_LETTERS: usize = 5;

fn words_of(text: &str, an: &Analyzer, ids: &FastMap<&str, u32>, buf: &mut String) -> Vec<Word> {
    let mut out = Vec::new();
    let mut tokens = Vec::new();
    for_each_token(text, buf, |w, tok| tokens.push((w.to_string(), tok)));
    // A card typed in capitals has no acronyms to tell apart.
    let shouting = 2 * tokens.iter().filter(|(_, t)| t.caps).count() > tokens.len();
    for (w, tok) in tokens {
        let key = an.term(&w);
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
            broken: tok.broken,
        });
    }
    out
}

/// Occurrences of one candidate phrase.
#[derive(Default)]
struct Seen {
    cards: u32,
    /// Written forms: (times, times at the start of a card).
    forms: FastMap<String, (u32, u32)>,
}

/// A label phrase for the topic whose members are `ranked` (most central first):
/// the phrase of one to three content words (stop words such as "do" may join
/// them) that the most cards share, weighed by how characteristic its words are.
/// It is shown in the form that most often opens a card, else the commonest form;
/// Polish phrases (`polish`) in their base form (see [`base_form`]), the cards'
/// own wording first when some card already says it so. `None` if no phrase
/// qualifies.
pub(super) fn phrase(
    texts: &[&str],
    ranked: &[usize],
    an: &Analyzer,
    ids: &FastMap<&str, u32>,
    scores: &FastMap<u32, f64>,
    polish: bool,
) -> Option<String> {
    let sample = &ranked[..ranked.len().min(PHRASE_SAMPLE)];
    let mut seen: FastMap<Vec<u32>, Seen> = FastMap::default();
    let mut written: Written = FastMap::default();
    let mut buf = String::new();
    for &d in sample {
        let words = words_of(texts[d], an, ids, &mut buf);
        if polish {
            for w in &words {
                if let Some(t) = w.term {
                    *written
                        .entry(t)
                        .or_default()
                        .entry(w.shown.to_lowercase())
                        .or_insert(0) += 1;
                }
            }
        }
        let mut in_card: Vec<Vec<u32>> = Vec::new();
        for i in 0..words.len() {
            let Some(t0) = words[i].term else { continue };
            let mut terms = vec![t0];
            let mut j = i;
            loop {
                let key = terms.clone();
                let shown = words[i..=j]
                    .iter()
                    .map(|w| w.shown.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                let entry = seen.entry(key.clone()).or_default();
                if !in_card.contains(&key) {
                    entry.cards += 1;
                    in_card.push(key);
                }
                let form = entry.forms.entry(shown).or_insert((0, 0));
                form.0 += 1;
                form.1 += u32::from(i == 0);
                // Extend by an optional joiner and one more content word.
                let mut k = j + 1;
                if k < words.len() && words[k].joiner && !words[k].broken {
                    k += 1;
                }
                match words.get(k) {
                    Some(w) if !w.broken && terms.len() < PHRASE_WORDS => match w.term {
                        Some(t) if !terms.contains(&t) => {
                            terms.push(t);
                            j = k;
                        }
                        _ => break,
                    },
                    _ => break,
                }
            }
        }
    }
    let size = sample.len().max(1) as f64;
    let min_cards = if sample.len() >= 4 { 2 } else { 1 };
    // Each candidate with its score (see above); every word must be characteristic.
    let score_of = |terms: &[u32], s: &Seen| -> Option<f64> {
        if s.cards < min_cards {
            return None;
        }
        let mut sum = 0.0;
        for t in terms {
            let w = scores.get(t).copied().unwrap_or(0.0);
            if w <= 0.0 {
                return None;
            }
            sum += w;
        }
        // A lone adjective or verb ("informacyjna", "głosować") names no topic.
        let lone_modifier = terms.len() == 1
            && s.forms
                .keys()
                .all(|f| MODIFIER_ENDINGS.iter().any(|e| f.ends_with(e)));
        let noun = if lone_modifier { MODIFIER_FACTOR } else { 1.0 };
        Some(f64::from(s.cards) / size * sum * LENGTH_FACTOR[terms.len() - 1] * noun)
    };
    let pick = |allowed: &dyn Fn(&[u32], &Seen) -> bool| -> Option<(f64, &Vec<u32>)> {
        let mut best: Option<(f64, &Vec<u32>)> = None;
        for (terms, s) in &seen {
            let Some(score) = score_of(terms, s).filter(|_| allowed(terms, s)) else {
                continue;
            };
            if best.is_none_or(|(b, bt)| score.total_cmp(&b).then_with(|| bt.cmp(terms)).is_gt()) {
                best = Some((score, terms));
            }
        }
        best
    };
    let best = pick(&|_, _| true)?;
    // A label reads better as a phrase: the best phrase around the best word wins
    // when a good share of the cards with that word say it.
    let head_cards = best
        .1
        .iter()
        .filter_map(|t| seen.get(&vec![*t]))
        .map(|s| s.cards)
        .max()
        .unwrap_or(0);
    let around = pick(&|terms, s| {
        terms.len() > 1
            && best.1.iter().all(|t| terms.contains(t))
            && f64::from(s.cards) >= PHRASE_SHARE * f64::from(head_cards)
    });
    let best = around.unwrap_or(best);
    let (_, terms) = best;
    let forms = &seen.get(terms)?.forms;
    let weight = |f: &(u32, u32)| 2 * f.1 + f.0;
    if polish {
        return Some(capitalised(&polish_form(
            forms, &weight, an, ids, &written,
        )?));
    }
    let (form, _) = forms.iter().max_by(|a, b| {
        let key = |f: &(&String, &(u32, u32))| (weight(f.1), std::cmp::Reverse(f.0.len()));
        key(a).cmp(&key(b)).then_with(|| b.0.cmp(a.0))
    })?;
    Some(capitalised(form))
}

/// Lowercase written forms of each term in a topic's cards, with counts: which
/// lemma an ambiguous form is ("listy" among "lista", "listę" is "lista").
type Written = FastMap<u32, FastMap<String, u32>>;

/// The base form of one phrase: among the base forms some card wrote itself, the
/// one written most (each form counts with its `weight`); when no card wrote one,
/// the base form that the written forms point to most.
fn polish_form(
    forms: &FastMap<String, (u32, u32)>,
    weight: &dyn Fn(&(u32, u32)) -> u32,
    an: &Analyzer,
    ids: &FastMap<&str, u32>,
    written: &Written,
) -> Option<String> {
    // Base form → (weight of the forms written so, weight of all forms pointing to it).
    let mut bases: FastMap<String, (u32, u32)> = FastMap::default();
    for (form, counts) in forms {
        let words: Vec<(&str, Option<u32>)> = form
            .split(' ')
            .map(|w| {
                let term = an.term(&w.to_lowercase());
                (w, term.and_then(|k| ids.get(k.as_str()).copied()))
            })
            .collect();
        let (base, as_written) = base_form(&words, written);
        let entry = bases.entry(base).or_insert((0, 0));
        if as_written {
            entry.0 += weight(counts);
        }
        entry.1 += weight(counts);
    }
    let any_written = bases.values().any(|b| b.0 > 0);
    bases
        .into_iter()
        .max_by(|a, b| {
            let key = |f: &(String, (u32, u32))| {
                let w = if any_written { f.1.0 } else { f.1.1 };
                (w, std::cmp::Reverse(f.0.len()))
            };
            key(a).cmp(&key(b)).then_with(|| b.0.cmp(&a.0))
        })
        .map(|b| b.0)
}

/// The reading of a written word that the topic's cards support best: the one
/// whose base form explains the most written forms of the word's term (ties: the
/// table's order, likelier first).
fn reading_of(word: &str, term: Option<u32>, written: &Written) -> Option<Reading> {
    let readings = lemma::readings(word);
    let forms = term.and_then(|t| written.get(&t));
    let support = |r: &Reading| -> u32 {
        forms.map_or(0, |forms| {
            forms
                .iter()
                .filter(|(f, _)| {
                    lemma::readings(f)
                        .iter()
                        .any(|o| o.kind == r.kind && o.base == r.base)
                })
                .map(|(_, &n)| n)
                .sum()
        })
    };
    let mut best: Option<(u32, Reading)> = None;
    for r in readings {
        let s = support(&r);
        if best.as_ref().is_none_or(|(b, _)| s > *b) {
            best = Some((s, r));
        }
    }
    best.map(|(_, r)| r)
}

/// A Polish phrase (words as shown, with their term ids) in its base form, and
/// whether it was already so. The head, its first noun, goes to its nominative
/// singular; adjectives right before or after it that agree with it follow its
/// gender ("zespole oceniającym" → "zespół oceniający"); everything else, such as
/// genitive complements ("granicy wieku głosujących" → "granica wieku
/// głosujących") and words the table does not know, stays as written. A phrase
/// without a noun stays as written, a lone adjective aside.
fn base_form(words: &[(&str, Option<u32>)], written: &Written) -> (String, bool) {
    let as_is = words.iter().map(|w| w.0).collect::<Vec<_>>().join(" ");
    let lower: Vec<String> = words.iter().map(|(w, _)| w.to_lowercase()).collect();
    // Acronyms ("OSP") are no inflected forms.
    let chosen: Vec<Option<Reading>> = lower
        .iter()
        .zip(words)
        .map(|(l, (w, t))| {
            let acronym = w.chars().count() > 1 && w.chars().all(char::is_uppercase);
            (!acronym).then(|| reading_of(l, *t, written)).flatten()
        })
        .collect();
    let head = chosen
        .iter()
        .position(|r| r.as_ref().is_some_and(|r| r.kind == Kind::Noun));
    let noun = head.and_then(|h| chosen[h].as_ref());
    let (Some(head), Some(noun)) = (head, noun) else {
        // No noun: a lone adjective not in the nominative ("odrzuconym") goes to
        // its base form; a nominative one ("informacyjna") and anything else stay.
        return match (words, chosen.first()) {
            ([(w, _)], Some(Some(r))) if r.kind == Kind::Adjective => {
                let readings = lemma::readings(&lower[0]);
                if readings.iter().any(Reading::can_be_nominative) {
                    (as_is.clone(), true)
                } else {
                    (with_case_of(w, &r.base), false)
                }
            }
            _ => (as_is.clone(), false),
        };
    };
    if lower[head] == noun.base {
        return (as_is.clone(), true);
    }
    let agreeing = |i: usize| -> Option<String> {
        lemma::readings(&lower[i])
            .into_iter()
            .find(|r| r.agrees_with(noun))
            .map(|r| with_case_of(words[i].0, &lemma::agree(&r.base, noun)))
    };
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for i in 0..head {
        // A word before the head that is no agreeing adjective ("wykluczy osoby")
        // makes the noun an object, not a head: the phrase stays as written.
        match agreeing(i) {
            Some(a) => out.push(a),
            None => return (as_is.clone(), false),
        }
    }
    out.push(with_case_of(words[head].0, &noun.base));
    let mut i = head + 1;
    while i < words.len() {
        match agreeing(i) {
            Some(a) => out.push(a),
            None => break,
        }
        i += 1;
    }
    // A noun right after that cannot be a genitive complement makes a list
    // ("ławki kosze"), not a head and its complement: as written.
    if let Some(Some(next)) = chosen.get(i)
        && next.kind == Kind::Noun
        && !lemma::readings(&lower[i])
            .iter()
            .any(Reading::can_be_genitive)
    {
        return (as_is.clone(), false);
    }
    out.extend(words[i..].iter().map(|w| w.0.to_string()));
    (out.join(" "), false)
}

/// `base` with the capital of the written word `w` (names: "Łodzi" → "Łódź").
fn with_case_of(w: &str, base: &str) -> String {
    if w.chars().next().is_some_and(char::is_uppercase) {
        capitalised(base)
    } else {
        base.to_string()
    }
}

/// `s` with its first letter in upper case.
pub(super) fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `base_form` of a phrase written as `text`, with no other cards to weigh.
    fn base(text: &str) -> String {
        let words: Vec<(&str, Option<u32>)> = text.split(' ').map(|w| (w, None)).collect();
        base_form(&words, &Written::default()).0
    }

    #[test]
    fn the_head_noun_goes_to_its_base_form_and_complements_stay() {
        assert_eq!(
            base("granicy wieku głosujących"),
            "granica wieku głosujących"
        );
        assert_eq!(base("listy poparcia"), "lista poparcia");
        assert_eq!(base("promocji projektów"), "promocja projektów");
        assert_eq!(base("zgłaszaniu projektów"), "zgłaszanie projektów");
        assert_eq!(base("parku"), "park");
        assert_eq!(base("oceny"), "ocena");
        // A name keeps its capital.
        assert_eq!(base("Łodzi"), "Łódź");
    }

    #[test]
    fn adjectives_agree_with_the_head() {
        assert_eq!(base("zespole oceniającym"), "zespół oceniający");
        assert_eq!(base("roślin cebulowych"), "roślina cebulowa");
        assert_eq!(base("nowej ławki"), "nowa ławka");
        assert_eq!(base("miejsca parkingowe"), "miejsce parkingowe");
        assert_eq!(base("kampanii informacyjnej"), "kampania informacyjna");
        // Plural-only nouns stay plural.
        assert_eq!(base("drzwiach"), "drzwi");
        // A lone adjective: to its base form unless it is a nominative already.
        assert_eq!(base("odrzuconym"), "odrzucony");
        assert_eq!(base("informacyjna"), "informacyjna");
    }

    #[test]
    fn unknown_words_acronyms_and_non_phrases_stay_as_written() {
        assert_eq!(base("kwiatuszkowości"), "kwiatuszkowości");
        assert_eq!(base("kwiatuszkowości poparcia"), "kwiatuszkowości poparcia");
        assert_eq!(base("OSP Łódź"), "OSP Łódź");
        assert_eq!(base("dane RODO"), "dane RODO");
        // A verb and its object, a list of nouns, a head already in base form.
        assert_eq!(base("wykluczy osoby"), "wykluczy osoby");
        assert_eq!(base("ławki kosze"), "ławki kosze");
        assert_eq!(
            base("Centrum Zdrowego Aktywnego"),
            "Centrum Zdrowego Aktywnego"
        );
    }

    #[test]
    fn the_cards_decide_between_lemmas() {
        // "listy" alone could be "list" (letters); cards that say "listę" settle it.
        let mut written = Written::default();
        written
            .entry(7)
            .or_default()
            .extend([("listy".to_string(), 3), ("listę".to_string(), 2)]);
        let r = reading_of("listy", Some(7), &written);
        assert_eq!(r.map(|r| r.base).as_deref(), Some("lista"));
        written.clear();
        written
            .entry(7)
            .or_default()
            .extend([("listy".to_string(), 3), ("listu".to_string(), 2)]);
        let r = reading_of("listy", Some(7), &written);
        assert_eq!(r.map(|r| r.base).as_deref(), Some("list"));
    }
}
