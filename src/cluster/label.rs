//! Topic labels: a short phrase taken from the topic's own cards ("Lista
//! poparcia", "Granica wieku głosujących"), put into its base form for Polish
//! ("listy poparcia" → "Lista poparcia"), and the words most characteristic of
//! the topic as keywords, in the form people wrote them.

use super::base_form::{Written, polish_form};
use super::label_words::{Forms, Word, not_in_labels, noun_beside, words_of};
use super::plain_letters;
use super::tokenize::{Analyzer, FastMap};
use super::weight::Corpus;
use super::word_class::{
    Class, class_of, class_of_forms, opens_noun_phrase, runs_on_past_noun, written_as_name,
};

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
/// How much a lone modifier (adjective, adverb, verb) counts when phrases are
/// ranked: it names no topic, but may point to the phrase that does.
const MODIFIER_FACTOR: f64 = 0.4;
/// Candidates tried when the best ones are labels of other topics already.
const LABEL_TRIES: usize = 6;

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

/// Up to `max` keywords: the best-scored terms in their most frequent written
/// form, leaving out words no label shows.
pub(super) fn keywords(c: &Corpus, scores: &FastMap<u32, f64>, max: usize) -> Vec<String> {
    let mut ranked: Vec<(f64, u32)> = scores.iter().map(|(&t, &s)| (s, t)).collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<String> = Vec::new();
    for (_, t) in ranked {
        let w = &c.surface[t as usize];
        if !w.is_empty() && !out.contains(w) && !not_in_labels(w) {
            out.push(w.clone());
        }
        if out.len() == max {
            break;
        }
    }
    out
}

/// Occurrences of one candidate phrase.
#[derive(Default)]
struct Seen {
    cards: u32,
    /// Written forms: (times, times at the start of a card).
    forms: Forms,
}

/// A label phrase for the topic whose members are `ranked` (most central first):
/// the phrase of one to three content words (stop words such as "do" may join
/// them) that the most cards share, weighed by how characteristic its words are.
/// It is shown in the form that most often opens a card, else the commonest form;
/// Polish phrases (`polish`) in their base form (see [`base_form`]), the cards'
/// own wording first when some card already says it so. A phrase `taken` says
/// another topic has yields to the next best. `None` if no phrase qualifies.
pub(super) fn phrase(
    texts: &[&str],
    ranked: &[usize],
    an: &Analyzer,
    ids: &FastMap<&str, u32>,
    scores: &FastMap<u32, f64>,
    polish: bool,
    taken: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let sample = &ranked[..ranked.len().min(PHRASE_SAMPLE)];
    let mut seen: FastMap<Vec<u32>, Seen> = FastMap::default();
    let mut written: Written = FastMap::default();
    // Per term: (times seen, times written as a name, capitalised mid-sentence).
    let mut names: FastMap<u32, (u32, u32)> = FastMap::default();
    let mut buf = String::new();
    // A verb may open a phrase (a slogan, known as such) but ends a noun
    // phrase: "nietoperze mamy" is no name.
    let verb = |w: &Word| {
        polish && class_of(&w.shown.to_lowercase(), written_as_name(&w.shown), true) == Class::Verb
    };
    // The sample's cards as words, read once (a lone adjective reads them again
    // for the noun beside it).
    let cards: Vec<Vec<Word>> = sample
        .iter()
        .map(|&d| words_of(texts[d], an, ids, &mut buf))
        .collect();
    for words in &cards {
        // Once per word: a phrase starting at each of the words before it asks.
        let verbs: Vec<bool> = words.iter().map(verb).collect();
        for w in words {
            let Some(t) = w.term else { continue };
            let name = names.entry(t).or_insert((0, 0));
            name.0 += 1;
            name.1 += u32::from(written_as_name(&w.shown));
            if polish {
                *written
                    .entry(t)
                    .or_default()
                    .entry(w.shown.to_lowercase())
                    .or_insert(0) += 1;
            }
        }
        let mut in_card: Vec<Vec<u32>> = Vec::new();
        for i in 0..words.len() {
            let Some(t0) = words[i].term else { continue };
            let mut terms = vec![t0];
            let mut j = i;
            loop {
                let key = terms.clone();
                let mut shown = words[i].shown.clone();
                for w in &words[i + 1..=j] {
                    shown.push_str(if w.and_before { " i " } else { " " });
                    shown.push_str(&w.shown);
                }
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
                // Only nouns are coordinated ("drzewa i krzewy", not "nowe i
                // stare"): a clause joined by "i" is no phrase.
                let coordinated =
                    words[k - 1].shown == "oraz" || words.get(k).is_some_and(|w| w.and_before);
                if coordinated
                    && class_of_forms([(words[j].shown.as_str(), 1)].into_iter(), polish)
                        != Class::Noun
                {
                    break;
                }
                match words.get(k) {
                    Some(w) if !w.broken && terms.len() < PHRASE_WORDS && !verbs[k] => {
                        match w.term {
                            Some(t) if !terms.contains(&t) => {
                                terms.push(t);
                                j = k;
                            }
                            _ => break,
                        }
                    }
                    _ => break,
                }
            }
        }
    }
    let size = sample.len().max(1) as f64;
    let min_cards = if sample.len() >= 4 { 2 } else { 1 };
    // What each candidate is: a lone modifier or a verb-first phrase (a slogan)
    // makes a poor label. Only candidates that can score are classified.
    let kind_of = |terms: &[u32], s: &Seen| -> Class {
        let first_words = s.forms.iter().map(|(f, n)| {
            let w = f.split(' ').next().unwrap_or("");
            (w, n.0)
        });
        let commonest = s
            .forms
            .iter()
            .max_by(|a, b| a.1.0.cmp(&b.1.0).then_with(|| b.0.cmp(a.0)));
        match class_of_forms(first_words, polish) {
            Class::Noun | Class::Modifier
                if polish
                    && terms.len() > 1
                    && commonest.is_some_and(|(f, _)| !opens_noun_phrase(f)) =>
            {
                Class::Verb
            }
            // Two phrases side by side ("park zielone") name nothing: ranked as
            // a lone modifier, it yields to a noun phrase.
            Class::Noun | Class::Modifier
                if polish
                    && terms.len() > 1
                    && commonest.is_some_and(|(f, _)| runs_on_past_noun(f)) =>
            {
                Class::Modifier
            }
            Class::Modifier if terms.len() > 1 => Class::Noun,
            c => c,
        }
    };
    // Each candidate with its score (see above); every word must be characteristic.
    let mut scored: Vec<(f64, &Vec<u32>, Class)> = Vec::new();
    for (terms, s) in &seen {
        if s.cards < min_cards {
            continue;
        }
        let Some(sum) = terms
            .iter()
            .map(|t| scores.get(t).copied().filter(|&w| w > 0.0))
            .sum::<Option<f64>>()
        else {
            continue;
        };
        let kind = kind_of(terms, s);
        let noun = if kind == Class::Noun {
            1.0
        } else {
            MODIFIER_FACTOR
        };
        let score = f64::from(s.cards) / size * sum * LENGTH_FACTOR[terms.len() - 1] * noun;
        scored.push((score, terms, kind));
    }
    // A name added to the best word narrows the topic to one place or body
    // ("OSP Łódź" for fire brigades of several districts).
    let is_name = |t: &u32| names.get(t).is_some_and(|&(n, caps)| 2 * caps >= n);
    // The rest of a slogan, by the cards that say it ("na bezpieczeństwo na
    // osiedlu" of "Postawmy na bezpieczeństwo na osiedlu"): a phrase said
    // mostly there is the slogan's tail, not a name of its own.
    let mut slogan_tails: FastMap<&[u32], u32> = FastMap::default();
    for &(_, terms, kind) in &scored {
        if kind == Class::Verb && terms.len() > 1 {
            let tail = slogan_tails.entry(&terms[1..]).or_insert(0);
            *tail = (*tail).max(seen.get(terms).map_or(0, |s| s.cards));
        }
    }
    let in_slogans =
        |terms: &[u32], s: &Seen| slogan_tails.get(terms).is_some_and(|&n| 2 * n > s.cards);
    // A label another topic already has is no name for this one: the next best
    // candidate gets its turn.
    let mut banned: Vec<&Vec<u32>> = Vec::new();
    for _ in 0..LABEL_TRIES {
        let pick = |allowed: &dyn Fn(&[u32], &Seen, Class) -> bool| -> Option<(f64, &Vec<u32>)> {
            let mut best: Option<(f64, &Vec<u32>)> = None;
            for &(score, terms, kind) in &scored {
                if banned.contains(&terms)
                    || !seen.get(terms).is_some_and(|s| allowed(terms, s, kind))
                {
                    continue;
                }
                if best
                    .is_none_or(|(b, bt)| score.total_cmp(&b).then_with(|| bt.cmp(terms)).is_gt())
                {
                    best = Some((score, terms));
                }
            }
            best
        };
        let best = pick(&|_, _, _| true)?;
        let best_kind = scored
            .iter()
            .find(|c| c.1 == best.1)
            .map_or(Class::Noun, |c| c.2);
        // A label reads better as a phrase: the best phrase around the best word wins
        // when a good share of the cards with that word say it; around a lone
        // modifier ("rowerowe") any noun phrase does ("ścieżki rowerowe").
        let head_cards = best
            .1
            .iter()
            .filter_map(|t| seen.get(&vec![*t]))
            .map(|s| s.cards)
            .max()
            .unwrap_or(0);
        let share = if best_kind == Class::Noun {
            PHRASE_SHARE
        } else {
            0.0
        };
        let around = pick(&|terms, s, kind| {
            terms.len() > 1
                && kind == Class::Noun
                && best.1.iter().all(|t| terms.contains(t))
                && terms.iter().all(|t| best.1.contains(t) || !is_name(t))
                && f64::from(s.cards) >= share * f64::from(head_cards)
                && !in_slogans(terms, s)
        });
        // Failing that, a noun or noun phrase beats a modifier or a slogan.
        let best = around
            .or_else(|| (best_kind != Class::Noun).then(|| pick(&|_, _, k| k == Class::Noun))?)
            .unwrap_or(best);
        let (_, terms) = best;
        let mut forms = &seen.get(terms)?.forms;
        let weight = |f: &(u32, u32)| 2 * f.1 + f.0;
        // A lone adjective ("informacyjna") takes the noun it agrees with on the
        // cards, though that noun is on too few of them to be a term.
        let beside;
        if polish
            && let [t] = terms[..]
            && scored
                .iter()
                .any(|c| c.1 == terms && c.2 == Class::Modifier)
        {
            beside = noun_beside(&cards, t);
            if !beside.is_empty() {
                forms = &beside;
            }
        }
        let label = if polish {
            plain_letters::with_polish_letters(
                &polish_form(forms, &weight, an, ids, &written)?,
                an,
                ids,
                &written,
            )
        } else {
            let (form, _) = forms.iter().max_by(|a, b| {
                let key = |f: &(&String, &(u32, u32))| (weight(f.1), std::cmp::Reverse(f.0.len()));
                key(a).cmp(&key(b)).then_with(|| b.0.cmp(a.0))
            })?;
            form.clone()
        };
        let label = capitalised(&label);
        if !taken(&label) {
            return Some(label);
        }
        banned.push(terms);
    }
    None
}

/// `s` with its first letter in upper case.
pub(super) fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
#[path = "label_tests.rs"]
mod tests;
