//! What a written word is, as far as a topic label cares: a noun that can head
//! it, a modifier (adjective, adverb) that needs a noun, or a verb that makes a
//! slogan rather than a name ("Postawmy na bezpieczeństwo"). Polish words are
//! looked up in the form table (`lemma`), which has nouns and adjectives only;
//! words it does not know are judged by their endings.

use super::lemma::{self, Kind, Reading};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Noun,
    Modifier,
    Verb,
}

/// Polish adjective and verb endings (no noun of a rule's vocabulary ends so,
/// "opinia" and "kwota" aside), for words the table does not know or other
/// languages.
const MODIFIER_ENDINGS: &[&str] = &[
    "ć", "ny", "na", "ne", "nym", "nej", "nych", "wy", "wa", "we", "wej", "ski", "ska", "skie",
    "cki", "cka", "ący", "ąca", "ące", "ają", "uje", "ują", "ło", "ła", "li", "ły", "ym", "ymi",
];
/// Endings of Polish verb forms (infinitive, imperative, present, past) among
/// words that are no noun or adjective form: the table knows those. A final -ą or
/// -ę is the present's third person plural or first person singular ("widzą",
/// "mówię"): the nouns and adjectives that end so are forms the table has.
const VERB_ENDINGS: &[&str] = &[
    "ć", "c", "my", "cie", "ą", "ę", "uj", "aj", "ij", "yj", "ej", "esz", "isz", "ysz", "emy",
    "imy", "ymy", "ał", "ił", "ył", "ła", "ło", "li", "ły", "łem", "łam", "łeś", "łaś", "śmy",
    "ście",
];
/// Endings of Polish adverbs ("cyfrowo", "bezpiecznie") among words the table
/// does not know.
const ADVERB_ENDINGS: &[&str] = &["o", "ie"];

/// The class of a lowercase written word; `name` when the cards capitalise it
/// mid-sentence (a proper name is a noun whatever its ending).
pub(super) fn class_of(word: &str, name: bool, polish: bool) -> Class {
    if name {
        return Class::Noun;
    }
    if polish {
        if lemma::is_verb_form(word) {
            return Class::Verb;
        }
        let readings = lemma::readings(word);
        // The likeliest reading decides ("polski" is an adjective before it is
        // the genitive of "Polska", which the cards would capitalise).
        if let Some(r) = readings.first() {
            return match r.kind {
                Kind::Noun => Class::Noun,
                Kind::Adjective => Class::Modifier,
            };
        }
        if VERB_ENDINGS.iter().any(|e| word.ends_with(e)) {
            return Class::Verb;
        }
        if ADVERB_ENDINGS.iter().any(|e| word.ends_with(e)) {
            return Class::Modifier;
        }
    }
    if MODIFIER_ENDINGS.iter().any(|e| word.ends_with(e)) {
        Class::Modifier
    } else {
        Class::Noun
    }
}

/// Whether a word is written as a name: a capital, then lower case (not an
/// acronym).
pub(super) fn written_as_name(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase)
}

/// The class most of the weighted written forms of one word give it.
pub(super) fn class_of_forms<'a>(
    forms: impl Iterator<Item = (&'a str, u32)>,
    polish: bool,
) -> Class {
    let mut votes = [0u32; 3];
    for (w, n) in forms {
        let class = class_of(&w.to_lowercase(), written_as_name(w), polish);
        votes[class as usize] += n;
    }
    let best = (0..3).max_by_key(|&i| (votes[i], std::cmp::Reverse(i)));
    match best {
        Some(1) => Class::Modifier,
        Some(2) => Class::Verb,
        _ => Class::Noun,
    }
}

/// Whether a written Polish phrase can be a noun phrase by its first word: a
/// lowercase word the table does not know, before a noun it does, is a verb
/// with its object ("wykluczy osoby") or a foreign word glued to a noun
/// ("streetworkout ćwiczenia"), no name for a topic.
pub(super) fn opens_noun_phrase(form: &str) -> bool {
    let mut words = form.split(' ');
    let Some(first) = words.next() else {
        return true;
    };
    let known = |w: &str| !lemma::readings(&w.to_lowercase()).is_empty();
    first.chars().next().is_some_and(char::is_uppercase)
        || known(first)
        || !words.any(|w| {
            lemma::readings(&w.to_lowercase())
                .first()
                .is_some_and(|r| r.kind == Kind::Noun)
        })
}

/// Whether a written Polish phrase runs on past its noun: the first noun is
/// followed by an adjective that agrees with it in neither number nor gender
/// and is no genitive complement ("parku zielona" of "w parku zielona strefa",
/// "park zielone"): two phrases side by side, no one name.
pub(super) fn runs_on_past_noun(form: &str) -> bool {
    let lower: Vec<String> = form.split(' ').map(str::to_lowercase).collect();
    let Some((i, nouns)) = lower.iter().enumerate().find_map(|(i, w)| {
        let readings = lemma::readings(w);
        let noun = readings.first().is_some_and(|r| r.kind == Kind::Noun);
        noun.then_some((i, readings))
    }) else {
        return false;
    };
    let Some(next) = lower.get(i + 1) else {
        return false;
    };
    let readings = lemma::readings(next);
    readings.first().is_some_and(|r| r.kind == Kind::Adjective)
        && !readings
            .iter()
            .any(|a| nouns.iter().any(|n| a.agrees_but_for_case(n)))
        && !readings.iter().any(Reading::can_be_genitive)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_tells_nouns_from_adjectives() {
        assert_eq!(class_of("ścieżka", false, true), Class::Noun);
        assert_eq!(class_of("zajęcia", false, true), Class::Noun);
        assert_eq!(class_of("rowerowe", false, true), Class::Modifier);
        assert_eq!(class_of("informacyjna", false, true), Class::Modifier);
        assert_eq!(class_of("bezpieczne", false, true), Class::Modifier);
        assert_eq!(class_of("bezpieczeństwo", false, true), Class::Noun);
    }

    #[test]
    fn unknown_words_go_by_their_endings_and_names_are_nouns() {
        assert_eq!(class_of("postawmy", false, true), Class::Verb);
        assert_eq!(class_of("oddać", false, true), Class::Verb);
        assert_eq!(class_of("zadbajmy", false, true), Class::Verb);
        assert_eq!(class_of("cyfrowo", false, true), Class::Modifier);
        assert_eq!(class_of("polski", true, true), Class::Noun);
        assert_eq!(class_of("informacyjna", false, false), Class::Modifier);
        assert_eq!(class_of("park", false, false), Class::Noun);
    }

    #[test]
    fn verb_forms_are_verbs_though_the_table_has_them_as_nouns() {
        for verb in [
            "mamy",
            "działa",
            "warto",
            "chcemy",
            "potrzebujemy",
            "zróbmy",
            "budujemy",
            "widzą",
            "mówię",
            "widziałem",
            "zrobiliśmy",
        ] {
            assert_eq!(class_of(verb, false, true), Class::Verb, "{verb}");
        }
        // Their noun readings stay for other forms and nouns.
        assert_eq!(class_of("mama", false, true), Class::Noun);
        assert_eq!(class_of("problemy", false, true), Class::Noun);
        assert_eq!(class_of("programy", false, true), Class::Noun);
        assert_eq!(class_of("drogą", false, true), Class::Noun);
        assert_eq!(class_of("drogę", false, true), Class::Noun);
        assert_eq!(class_of("zieloną", false, true), Class::Modifier);
    }

    #[test]
    fn an_unknown_word_before_a_noun_opens_no_noun_phrase() {
        assert!(!opens_noun_phrase("wykluczy osoby"));
        assert!(!opens_noun_phrase("streetworkout ćwiczenia dla seniorów"));
        assert!(opens_noun_phrase("ćwiczenia dla seniorów"));
        assert!(opens_noun_phrase("OSP Łódź"));
        assert!(opens_noun_phrase("nowe ławki"));
        assert!(opens_noun_phrase("pumptrack"));
    }

    #[test]
    fn an_adjective_that_does_not_agree_ends_the_phrase() {
        assert!(runs_on_past_noun("parku zielona"));
        assert!(runs_on_past_noun("park zielone"));
        assert!(!runs_on_past_noun("zajęcia sportowe"));
        assert!(!runs_on_past_noun("nowe zajęcia sportowe"));
        assert!(!runs_on_past_noun("droga rowerową"));
        assert!(!runs_on_past_noun("granicy wieku głosujących"));
        assert!(!runs_on_past_noun("ochrona miejskich drzew"));
        assert!(!runs_on_past_noun("park"));
    }

    #[test]
    fn the_commoner_forms_decide() {
        let forms = [("Polski", 5), ("polski", 2)];
        assert_eq!(class_of_forms(forms.into_iter(), true), Class::Noun);
        let forms = [("Polski", 1), ("polski", 2), ("polska", 2)];
        assert_eq!(class_of_forms(forms.into_iter(), true), Class::Modifier);
    }
}
