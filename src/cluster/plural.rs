//! Number of a Polish label phrase: a noun the cards write mostly in the plural
//! stays plural ("zajęcia sportowe", not "zajęcie sportowe", which names an
//! occupation; "wyniki", "drzewa i krzewy"), read from the number the form
//! table gives each written form, with the adjective beside it or, failing
//! that, the topic's other forms of the head.

use super::base_form::{COORDINATORS, Words, Written, analyse, head};
use super::lemma::{self, Kind, Reading};
use super::tokenize::FastMap;

/// Share of the number-marked occurrences of a phrase's head that must be
/// plural for its label to stay plural: the plural must be the clear usage, as
/// the singular is the dictionary form.
pub(super) const PLURAL_SHARE: f64 = 0.7;
/// Plural occurrences (times written, not weights) a plural label needs at
/// least: one or two plural forms may be a card or two naming several things
/// ("terminy" for two deadlines), too little to leave the dictionary form;
/// from three on, the plural is how the topic speaks of it ("zajęcia sportowe").
pub(super) const MIN_PLURAL: u32 = 3;

/// Whether the noun read as `noun` is plural (`Some(true)`), singular or either
/// (`None`) where it is written as `form`, next to the written `adjective` (which
/// settles "zajęcia sportowe" as plural where "zajęcia" alone could be a
/// genitive singular). A noun opening a card is a title's nominative
/// (`opening`): "Ćwiczenia dla seniorów" is plural.
pub(super) fn number_of(
    form: &str,
    noun: &Reading,
    adjective: Option<&str>,
    opening: bool,
) -> Option<bool> {
    let mut slots: Vec<lemma::Slot> = lemma::readings(form)
        .into_iter()
        .filter(|r| r.kind == Kind::Noun && r.base == noun.base)
        .flat_map(|r| r.slots)
        .collect();
    if opening && slots.iter().any(|s| s.cases & lemma::NOMINATIVE != 0) {
        slots.retain(|s| s.cases & lemma::NOMINATIVE != 0);
    }
    let adjective_slots: Vec<lemma::Slot> = adjective
        .map(lemma::readings)
        .unwrap_or_default()
        .into_iter()
        .filter(|r| r.kind == Kind::Adjective)
        .flat_map(|r| r.slots)
        .collect();
    let agreeing: Vec<&lemma::Slot> = slots
        .iter()
        .filter(|s| {
            adjective_slots.iter().any(|a| {
                a.plural == s.plural && a.cases & s.cases != 0 && a.genders & noun.gender != 0
            })
        })
        .collect();
    let slots: Vec<&lemma::Slot> = if agreeing.is_empty() {
        slots.iter().collect()
    } else {
        agreeing
    };
    let first = slots.first()?.plural;
    slots.iter().all(|s| s.plural == first).then_some(first)
}

/// Whether a phrase's label goes to the plural: the number its written forms
/// (`parsed`: words with their term ids, and (times, times opening a card),
/// weighted by `weight`) give its head where they show one, else the number of
/// all the topic's written forms of the head ([`topic_number`]).
pub(super) fn phrase_is_plural(
    parsed: &[(Words, &(u32, u32))],
    weight: &dyn Fn(&(u32, u32)) -> u32,
    written: &Written,
) -> bool {
    let (mut plural, mut singular, mut times) = (0, 0, 0);
    for (words, counts) in parsed {
        match head_number(words, written, counts.1 > 0) {
            Some(true) => {
                plural += weight(counts);
                times += counts.0;
            }
            Some(false) => singular += weight(counts),
            None => {}
        }
    }
    if plural + singular == 0
        && let Some((words, _)) = parsed.first()
    {
        (plural, singular) = topic_number(words, written);
        times = plural;
    }
    mostly_plural(plural, singular, times)
}

/// The number of a phrase's head noun as written (see [`number_of`]),
/// read with the adjective right after or before it; `opening` when the phrase
/// opens cards.
fn head_number(words: &[(&str, Option<u32>)], written: &Written, opening: bool) -> Option<bool> {
    let (lower, chosen) = analyse(words, written);
    let (head, noun) = head(&chosen)?;
    let is_adjective = |i: usize| {
        chosen
            .get(i)
            .is_some_and(|r| r.as_ref().is_some_and(|r| r.kind == Kind::Adjective))
    };
    let adjective = [head + 1, head.wrapping_sub(1)]
        .into_iter()
        .find(|&i| is_adjective(i))
        .map(|i| lower[i].as_str());
    number_of(&lower[head], noun, adjective, opening && head == 0).or_else(|| {
        // "drzewa" may be singular; "drzewa i krzewy" is not.
        let c = (head + 1..words.len()).find(|&i| !is_adjective(i))?;
        COORDINATORS
            .contains(&lower[c].as_str())
            .then(|| head_number(&words[c + 1..], written, false))?
    })
}

/// Plural and singular counts of the head noun of a phrase among all the
/// topic's written forms of its term: what decides when no form of the phrase
/// shows the number ("ćwiczenia dla seniorów", where "ćwiczenia" may be a
/// genitive singular).
fn topic_number(words: &[(&str, Option<u32>)], written: &Written) -> (u32, u32) {
    let (_, chosen) = analyse(words, written);
    let Some((head, noun)) = head(&chosen) else {
        return (0, 0);
    };
    let Some(forms) = words[head].1.and_then(|t| written.get(&t)) else {
        return (0, 0);
    };
    let (mut plural, mut singular) = (0, 0);
    for (form, &n) in forms {
        match number_of(form, noun, None, false) {
            Some(true) => plural += n,
            Some(false) => singular += n,
            None => {}
        }
    }
    (plural, singular)
}

/// Whether plural and singular weights make a phrase plural, `times` being
/// how often a plural form was written (see [`MIN_PLURAL`]).
pub(super) fn mostly_plural(plural: u32, singular: u32, times: u32) -> bool {
    times >= MIN_PLURAL
        && plural > 0
        && f64::from(plural) >= PLURAL_SHARE * f64::from(plural + singular)
}

/// The nominative plural of the noun read as `noun`: a form the topic's cards
/// wrote (`written`, commonest first) or one made from the base form by the
/// regular endings, either way confirmed by the form table. `None` if neither is.
pub(super) fn nominative_plural(
    noun: &Reading,
    written: Option<&FastMap<String, u32>>,
) -> Option<String> {
    let mut seen: Vec<(&String, &u32)> = written.map(|w| w.iter().collect()).unwrap_or_default();
    seen.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let confirmed = |form: &str| {
        lemma::readings(form).iter().any(|r| {
            r.kind == Kind::Noun && r.base == noun.base && r.can_be_nominative_plural(noun.gender)
        })
    };
    seen.into_iter()
        .map(|(f, _)| f.clone())
        .chain(regular_plurals(&noun.base))
        .find(|f| confirmed(f))
}

/// Candidate nominative plurals of a noun's base form by the regular endings
/// ("park" → "parki", "drzewo" → "drzewa", "stół" → "stoły").
fn regular_plurals(base: &str) -> Vec<String> {
    let mut out = Vec::new();
    let stem_of = |end: char| base.strip_suffix(end);
    if let Some(stem) = stem_of('a') {
        out.extend(["y", "i", "e"].map(|e| format!("{stem}{e}")));
    } else if let Some(stem) = stem_of('o').or_else(|| stem_of('e')) {
        out.push(format!("{stem}a"));
    } else if let Some(stem) = base.strip_suffix("um") {
        out.push(format!("{stem}a"));
    } else if let Some(stem) = stem_of('ę') {
        out.extend(["ęta", "iona"].map(|e| format!("{stem}{e}")));
    } else {
        // A consonant: with the vowel change of a last "ó" ("stół" → "stoły").
        let mut bases = vec![base.to_string()];
        if let Some(i) = base.rfind('ó') {
            bases.push(format!("{}o{}", &base[..i], &base[i + 'ó'.len_utf8()..]));
        }
        for b in bases {
            out.extend(["y", "i", "e", "owie"].map(|e| format!("{b}{e}")));
        }
    }
    out
}

/// The nominative plural of an adjective (base form `adjective`) agreeing with
/// the noun read as `noun`; for persons only as the cards wrote it ("nowi",
/// "polscy" do not follow one ending).
pub(super) fn plural_adjective(
    adjective: &str,
    noun: &Reading,
    written: Option<&FastMap<String, u32>>,
) -> Option<String> {
    if !noun.is_personal() {
        return Some(lemma::plural_of_adjective(adjective));
    }
    written?
        .keys()
        .filter(|f| {
            lemma::readings(f).iter().any(|r| {
                r.kind == Kind::Adjective
                    && r.base == adjective
                    && r.can_be_nominative_plural(noun.gender)
            })
        })
        .min()
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn noun(word: &str) -> Reading {
        lemma::readings(word)
            .into_iter()
            .find(|r| r.kind == Kind::Noun)
            .unwrap_or_else(|| panic!("no noun reading of {word}"))
    }

    #[test]
    fn the_number_comes_from_the_form_and_the_adjective_by_it() {
        let zajecie = noun("zajęcie");
        assert_eq!(number_of("zajęć", &zajecie, None, false), Some(true));
        assert_eq!(number_of("zajęcie", &zajecie, None, false), Some(false));
        // "zajęcia" alone may be a genitive singular; "sportowe" rules that out.
        assert_eq!(number_of("zajęcia", &zajecie, None, false), None);
        assert_eq!(
            number_of("zajęcia", &zajecie, Some("sportowe"), false),
            Some(true)
        );
        assert_eq!(number_of("zajęcia", &zajecie, None, true), Some(true));
        assert!(mostly_plural(8, 2, 8));
        assert!(!mostly_plural(5, 5, 5));
        assert!(!mostly_plural(0, 0, 0));
    }

    #[test]
    fn one_or_two_plural_forms_are_not_enough() {
        // Two cards opening with "Terminy" weigh 6, all plural, but are two
        // writings: the label stays singular.
        assert!(!mostly_plural(6, 0, 2));
        assert!(mostly_plural(9, 0, 3));
        let mut written = Written::default();
        written
            .entry(5)
            .or_default()
            .insert("terminy".to_string(), 2);
        let words: Words = vec![("terminy", Some(5))];
        let parsed = [(words, &(2, 2))];
        let weight = |f: &(u32, u32)| 2 * f.1 + f.0;
        assert!(!phrase_is_plural(&parsed, &weight, &written));
        let words: Words = vec![("terminy", Some(5))];
        let parsed = [(words, &(3, 3))];
        assert!(phrase_is_plural(&parsed, &weight, &written));
    }

    #[test]
    fn the_topic_decides_a_number_the_phrase_leaves_open() {
        let mut written = Written::default();
        written
            .entry(3)
            .or_default()
            .extend([("ćwiczeń".to_string(), 3), ("ćwiczenia".to_string(), 4)]);
        let words = [("ćwiczenia", Some(3)), ("dla", None), ("seniorów", None)];
        assert_eq!(head_number(&words, &written, false), None);
        assert_eq!(topic_number(&words, &written), (3, 0));
        written
            .entry(3)
            .or_default()
            .insert("ćwiczenie".to_string(), 5);
        assert_eq!(topic_number(&words, &written), (3, 5));
    }

    #[test]
    fn nominative_plurals_from_the_cards_or_regular_endings() {
        let mut written = FastMap::default();
        written.insert("wyników".to_string(), 3);
        written.insert("wyniki".to_string(), 1);
        assert_eq!(
            nominative_plural(&noun("wynik"), Some(&written)).as_deref(),
            Some("wyniki")
        );
        assert_eq!(
            nominative_plural(&noun("drzewo"), None).as_deref(),
            Some("drzewa")
        );
        assert_eq!(
            nominative_plural(&noun("stół"), None).as_deref(),
            Some("stoły")
        );
        assert_eq!(
            nominative_plural(&noun("ławka"), None).as_deref(),
            Some("ławki")
        );
    }

    #[test]
    fn plural_adjectives_agree_and_persons_take_only_written_forms() {
        assert_eq!(
            plural_adjective("sportowy", &noun("zajęcie"), None).as_deref(),
            Some("sportowe")
        );
        let mieszkaniec = noun("mieszkaniec");
        assert_eq!(plural_adjective("nowy", &mieszkaniec, None), None);
        let mut written = FastMap::default();
        written.insert("nowi".to_string(), 2);
        written.insert("nowych".to_string(), 3);
        assert_eq!(
            plural_adjective("nowy", &mieszkaniec, Some(&written)).as_deref(),
            Some("nowi")
        );
    }
}
