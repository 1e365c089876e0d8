//! Polish label phrases in their base form: the head noun to its nominative
//! singular, agreeing adjectives to its gender, everything else as written
//! ("granicy wieku głosujących" → "granica wieku głosujących"), with the topic's
//! own written forms deciding between readings. The form table is `lemma`.

use super::label::capitalised;
use super::lemma::{self, Kind, Reading};
use super::plain_letters;
use super::plural;
use super::tokenize::{Analyzer, FastMap};
use super::word_class::{Class, class_of, written_as_name};

/// Lowercase written forms of each term in a topic's cards, with counts: which
/// lemma an ambiguous form is ("listy" among "lista", "listę" is "lista").
pub(super) type Written = FastMap<u32, FastMap<String, u32>>;

/// The words of a written phrase, each with its term id if it has one.
pub(super) type Words<'a> = Vec<(&'a str, Option<u32>)>;

/// The base form of one phrase: among the base forms some card wrote itself, the
/// one written most (each form counts with its `weight`); when no card wrote one,
/// the base form that the written forms point to most.
pub(super) fn polish_form(
    forms: &FastMap<String, (u32, u32)>,
    weight: &dyn Fn(&(u32, u32)) -> u32,
    an: &Analyzer,
    ids: &FastMap<&str, u32>,
    written: &Written,
) -> Option<String> {
    let parsed: Vec<(Words, &(u32, u32))> = forms
        .iter()
        .map(|(form, counts)| {
            let words = form
                .split(' ')
                .map(|w| {
                    let term = an.term(&w.to_lowercase());
                    (w, term.and_then(|k| ids.get(k.as_str()).copied()))
                })
                .collect();
            (words, counts)
        })
        .collect();
    // A term can be a noun in some cards and a verb in others ("widzów", "widzą"): the
    // label names the noun, so forms opening with a verb give way when others do not.
    let opens_with_verb = |words: &Words| {
        words.first().is_some_and(|(w, _)| {
            class_of(&w.to_lowercase(), written_as_name(w), true) == Class::Verb
        })
    };
    let mut parsed = parsed;
    if parsed.iter().any(|(words, _)| !opens_with_verb(words)) {
        parsed.retain(|(words, _)| !opens_with_verb(words));
    }
    let plural = plural::phrase_is_plural(&parsed, weight, written);
    // Base form → (weight of the forms written so, weight of all forms pointing to it).
    let mut bases: FastMap<String, (u32, u32)> = FastMap::default();
    for (words, counts) in &parsed {
        let (base, as_written) = base_form(words, written, plural);
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
fn reading_of(word: &str, term: Option<u32>, written: &Written, name: bool) -> Option<Reading> {
    let mut readings = lemma::readings(word);
    // A word typed in plain letters, where other cards write its term with Polish
    // letters, may be that word so written ("odwolanie" is also a rare noun's plural).
    let mixed = term
        .and_then(|t| written.get(&t))
        .is_some_and(|forms| forms.keys().any(|f| !f.is_ascii()));
    if mixed
        && word.is_ascii()
        && let Some(form) = plain_letters::typed_for(word)
    {
        readings.extend(lemma::readings(&form));
    }
    // A name is a noun: "Polski" mid-sentence is the genitive of "Polska".
    if name && readings.iter().any(|r| r.kind == Kind::Noun) {
        readings.retain(|r| r.kind == Kind::Noun);
    }
    // Each written form of the term read once, not once per candidate reading.
    let forms: Vec<(Vec<Reading>, u32)> = term
        .and_then(|t| written.get(&t))
        .map(|forms| {
            forms
                .iter()
                .map(|(f, &n)| (lemma::readings(f), n))
                .collect()
        })
        .unwrap_or_default();
    let support = |r: &Reading| -> u32 {
        forms
            .iter()
            .filter(|(of, _)| of.iter().any(|o| o.kind == r.kind && o.base == r.base))
            .map(|(_, n)| n)
            .sum()
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

/// The lowercase words of a phrase and the reading chosen for each (none for
/// acronyms such as "OSP", which are no inflected forms, nor for verb forms such
/// as "mamy", which the table gives no reading: see `lemma::readings`).
pub(super) fn analyse(
    words: &[(&str, Option<u32>)],
    written: &Written,
) -> (Vec<String>, Vec<Option<Reading>>) {
    let lower: Vec<String> = words.iter().map(|(w, _)| w.to_lowercase()).collect();
    let chosen = lower
        .iter()
        .zip(words)
        .map(|(l, (w, t))| {
            let acronym = is_acronym(w);
            let name = w.chars().next().is_some_and(char::is_uppercase);
            (!acronym)
                .then(|| reading_of(l, *t, written, name))
                .flatten()
        })
        .collect();
    (lower, chosen)
}

/// The head of a phrase whose words were read as `chosen`: its first noun, with
/// its position.
pub(super) fn head(chosen: &[Option<Reading>]) -> Option<(usize, &Reading)> {
    chosen
        .iter()
        .enumerate()
        .find_map(|(i, r)| r.as_ref().filter(|r| r.kind == Kind::Noun).map(|r| (i, r)))
}

/// Words that join two nouns into one label ("drzewa i krzewy").
pub(super) const COORDINATORS: &[&str] = &["i", "oraz"];

/// The position of the first coordinator after `from` with words after it.
fn coordinator(lower: &[String], from: usize) -> Option<usize> {
    (from + 1..lower.len().saturating_sub(1)).find(|&i| COORDINATORS.contains(&lower[i].as_str()))
}

/// Whether the first noun of `rest` can be in a case the head, written `form`
/// and read as `noun`, is in: then the two are coordinated ("drzew i krzewów"),
/// else the second belongs to a complement ("budowa chodnika i parkingu").
fn same_case(form: &str, noun: &Reading, rest: &[(&str, Option<u32>)], written: &Written) -> bool {
    let cases = |form: &str, base: &str| {
        lemma::readings(form)
            .iter()
            .filter(|r| r.kind == Kind::Noun && r.base == base)
            .flat_map(|r| r.slots.iter().map(|s| s.cases))
            .fold(0, |a, c| a | c)
    };
    let (lower, chosen) = analyse(rest, written);
    let Some((i, other)) = head(&chosen) else {
        return false;
    };
    cases(form, &noun.base) & cases(&lower[i], &other.base) != 0
}

/// A Polish phrase (words as shown, with their term ids) in its base form, and
/// whether it was already so. The head, its first noun, goes to its nominative
/// singular; adjectives right before or after it that agree with it follow its
/// gender ("zespole oceniającym" → "zespół oceniający"); everything else, such as
/// genitive complements ("granicy wieku głosujących" → "granica wieku
/// głosujących") and words the table does not know, stays as written. A phrase
/// without a noun stays as written, a lone adjective aside. With `plural` the
/// head goes to its nominative plural instead, when the table confirms one.
fn base_form(words: &[(&str, Option<u32>)], written: &Written, plural: bool) -> (String, bool) {
    plural
        .then(|| render(words, written, true))
        .flatten()
        .unwrap_or_else(|| render(words, written, false).unwrap_or_default())
}

/// [`base_form`] in one number; `None` if the plural cannot be made.
fn render(
    words: &[(&str, Option<u32>)],
    written: &Written,
    plural: bool,
) -> Option<(String, bool)> {
    let as_is = words.iter().map(|w| w.0).collect::<Vec<_>>().join(" ");
    let (lower, chosen) = analyse(words, written);
    let Some((head, noun)) = head(&chosen) else {
        // No noun: a lone adjective not in the nominative ("odrzuconym") goes to
        // its base form; a nominative one ("informacyjna") and anything else stay.
        return Some(match (words, chosen.first()) {
            ([(w, _)], Some(Some(r))) if r.kind == Kind::Adjective => {
                let readings = lemma::readings(&lower[0]);
                if readings.iter().any(Reading::can_be_nominative) {
                    (as_is, true)
                } else {
                    (with_case_of(w, &r.base), false)
                }
            }
            _ => (as_is, false),
        });
    };
    // A plural-only noun's base form is plural already.
    let plural = plural && !noun.plural_only;
    let forms_of = |i: usize| words[i].1.and_then(|t| written.get(&t));
    let head_form = if plural {
        plural::nominative_plural(noun, forms_of(head))?
    } else {
        noun.base.clone()
    };
    // An adjective right after the head in another case but its gender and
    // number is a slip ("droga rowerową"): it is made to agree too.
    let slipped = lower.get(head + 1).is_some_and(|w| {
        let readings = lemma::readings(w);
        !readings.iter().any(|r| r.agrees_with(noun))
            && readings.iter().any(|r| r.agrees_but_for_case(noun))
    });
    if lower[head] == head_form && !plural && !slipped && coordinator(&lower, head).is_none() {
        return Some((as_is, true));
    }
    // An agreeing adjective; `Err` for one whose plural cannot be made.
    let agreeing = |i: usize| -> Option<Result<String, ()>> {
        let r = lemma::readings(&lower[i]).into_iter().find(|r| {
            r.agrees_with(noun) || (slipped && i == head + 1 && r.agrees_but_for_case(noun))
        })?;
        let form = if plural {
            plural::plural_adjective(&r.base, noun, forms_of(i)).ok_or(())
        } else {
            Ok(lemma::agree(&r.base, noun))
        };
        Some(form.map(|f| with_case_of(words[i].0, &f)))
    };
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    for i in 0..head {
        // A word before the head that is no agreeing adjective ("wykluczy osoby")
        // makes the noun an object, not a head: the phrase stays as written.
        match agreeing(i) {
            Some(a) => out.push(a.ok()?),
            None => return Some((as_is, false)),
        }
    }
    out.push(with_case_of(words[head].0, &head_form));
    let mut i = head + 1;
    while let Some(a) = (i < words.len()).then(|| agreeing(i)).flatten() {
        out.push(a.ok()?);
        i += 1;
    }
    // A second noun in the head's case joined by "i" goes to the same form
    // ("drzew i krzewów" → "drzewa i krzewy").
    if i + 1 < words.len()
        && COORDINATORS.contains(&lower[i].as_str())
        && same_case(&lower[head], noun, &words[i + 1..], written)
    {
        out.push(lower[i].clone());
        out.push(render(&words[i + 1..], written, plural)?.0);
        let out = out.join(" ");
        let as_written = out == as_is;
        return Some((out, as_written));
    }
    // A noun right after that cannot be a genitive complement makes a list
    // ("ławki kosze"), not a head and its complement: as written.
    if let Some(Some(next)) = chosen.get(i)
        && next.kind == Kind::Noun
        && !lemma::readings(&lower[i])
            .iter()
            .any(Reading::can_be_genitive)
    {
        return Some((as_is, false));
    }
    out.extend(words[i..].iter().map(|w| w.0.to_string()));
    let out = out.join(" ");
    let as_written = out == as_is;
    Some((out, as_written))
}

/// Whether a written word is an acronym ("OSP", "UM"): no inflected form.
pub(super) fn is_acronym(w: &str) -> bool {
    w.chars().count() > 1 && w.chars().all(char::is_uppercase)
}

/// `base` with the capital of the written word `w` (names: "Łodzi" → "Łódź").
pub(super) fn with_case_of(w: &str, base: &str) -> String {
    if w.chars().next().is_some_and(char::is_uppercase) {
        capitalised(base)
    } else {
        base.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `base_form` of a phrase written as `text`, with no other cards to weigh.
    fn base(text: &str) -> String {
        let words: Vec<(&str, Option<u32>)> = text.split(' ').map(|w| (w, None)).collect();
        base_form(&words, &Written::default(), false).0
    }

    /// `base_form` of a phrase the cards write mostly in the plural.
    fn plural_base(text: &str) -> String {
        let words: Vec<(&str, Option<u32>)> = text.split(' ').map(|w| (w, None)).collect();
        base_form(&words, &Written::default(), true).0
    }

    #[test]
    fn coordinated_nouns_take_the_same_form() {
        assert_eq!(plural_base("drzew i krzewów"), "drzewa i krzewy");
        assert_eq!(plural_base("drzewa oraz krzewy"), "drzewa oraz krzewy");
        assert_eq!(base("ławki i kosza"), "ławka i kosz");
        // The second noun of a complement stays a complement.
        assert_eq!(
            base("budowy chodnika i parkingu"),
            "budowa chodnika i parkingu"
        );
    }

    #[test]
    fn a_mostly_plural_phrase_goes_to_the_nominative_plural() {
        assert_eq!(plural_base("zajęć sportowych"), "zajęcia sportowe");
        assert_eq!(plural_base("wyników"), "wyniki");
        assert_eq!(plural_base("nowych ławek"), "nowe ławki");
        assert_eq!(plural_base("miejsc parkingowych"), "miejsca parkingowe");
        assert_eq!(plural_base("drzwiach"), "drzwi");
        // Persons' adjectives come only from the cards: singular without them.
        assert_eq!(plural_base("nowych mieszkańców"), "nowy mieszkaniec");
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
        // A name keeps its capital, and is a noun ("Polski" read as "polski" would
        // be an adjective here).
        assert_eq!(base("Łodzi"), "Łódź");
        let mut written = Written::default();
        written.entry(1).or_default().extend(
            [
                ("polski", 2),
                ("polskiego", 2),
                ("polsce", 1),
                ("polską", 1),
                ("polskę", 1),
            ]
            .map(|(f, n)| (f.to_string(), n)),
        );
        let words = [("Polski", Some(1))];
        assert_eq!(base_form(&words, &written, false).0, "Polska");
    }

    #[test]
    fn adjectives_agree_with_the_head() {
        assert_eq!(base("zespole oceniającym"), "zespół oceniający");
        assert_eq!(base("roślin cebulowych"), "roślina cebulowa");
        assert_eq!(base("nowej ławki"), "nowa ławka");
        assert_eq!(base("miejsca parkingowe"), "miejsce parkingowe");
        assert_eq!(base("kampanii informacyjnej"), "kampania informacyjna");
        // A slip in the adjective's case is mended.
        assert_eq!(base("droga rowerową"), "droga rowerowa");
        assert_eq!(base("drogę rowerowej"), "droga rowerowa");
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
        // The base form "listy" takes when its term was written in `forms`.
        let base_among = |forms: [(&str, u32); 2]| {
            let mut written = Written::default();
            written
                .entry(7)
                .or_default()
                .extend(forms.map(|(f, n)| (f.to_string(), n)));
            reading_of("listy", Some(7), &written, false).map(|r| r.base)
        };
        assert_eq!(
            base_among([("listy", 3), ("listę", 2)]).as_deref(),
            Some("lista")
        );
        assert_eq!(
            base_among([("listy", 3), ("listu", 2)]).as_deref(),
            Some("list")
        );
    }
}
