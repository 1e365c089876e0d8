//! Tests of topic labels on small hand-written topics.

use super::super::tokenize::{Token, for_each_token};
use super::super::{ClusterOptions, Lang, cluster};

/// The label of `texts` taken as one Polish topic.
fn label_of(texts: &[&str]) -> String {
    labels_of(texts, 1).into_iter().next().unwrap_or_default()
}

/// The labels of `texts` clustered as Polish into `k` topics, largest first.
fn labels_of(texts: &[&str], k: usize) -> Vec<String> {
    let opts = ClusterOptions {
        k: Some(k),
        lang: Some(Lang::Pl),
        ..Default::default()
    };
    cluster(texts, &opts)
        .topics
        .into_iter()
        .map(|t| t.label)
        .collect()
}

/// What `read` takes from each token of `text`, in order.
fn per_token<T>(text: &str, read: impl Fn(&Token) -> T) -> Vec<T> {
    let mut out = Vec::new();
    for_each_token(text, &mut String::new(), |_, tok| out.push(read(&tok)));
    out
}

#[test]
fn a_lone_adjective_brings_the_noun_it_modifies_most() {
    let label = label_of(&[
        "Ścieżka rowerowa przy parku",
        "Nowa ścieżka rowerowa wzdłuż rzeki",
        "Droga rowerowa do szkoły",
        "Stojaki rowerowe przy urzędzie",
        "Rowerowe miasto dla wszystkich",
        "Parking rowerowy na rynku",
        "Rowerowa stolica regionu",
    ]);
    assert_eq!(label, "Ścieżka rowerowa");
}

#[test]
fn a_slogan_loses_to_the_noun_it_is_about() {
    let label = label_of(&[
        "Postawmy na bezpieczeństwo dzieci",
        "Postawmy na bezpieczeństwo pieszych",
        "Postawmy na bezpieczeństwo!",
        "Bezpieczeństwo na przejściu przy szkole",
        "Progi zwalniające dla bezpieczeństwa",
        "Lepsze oświetlenie to bezpieczeństwo",
    ]);
    assert_eq!(label, "Bezpieczeństwo");
}

#[test]
fn a_noun_the_cards_write_in_the_plural_stays_plural() {
    let label = label_of(&[
        "Bezpłatne zajęcia sportowe dla dzieci",
        "Organizacja zajęć sportowych w szkołach",
        "Więcej zajęć sportowych dla seniorów",
        "Zajęcia sportowe na orliku",
        "Nowe zajęcia sportowe w parku",
    ]);
    assert_eq!(label, "Zajęcia sportowe");
}

#[test]
fn nouns_joined_by_and_keep_the_and() {
    let ands = per_token("Drzewa i krzewy, i ławki; ćma i I x", |tok| {
        tok.and_before
    });
    assert_eq!(ands, [false, true, true, false]);
    let label = label_of(&[
        "Nasadzenia drzew i krzewów",
        "Drzewa i krzewy na osiedlu",
        "Posadzenie drzew i krzewów przy szkole",
        "Nowe drzewa i krzewy w parku",
        "Drzewa i krzewy zamiast betonu",
    ]);
    assert_eq!(label, "Drzewa i krzewy");
}

#[test]
fn a_one_letter_preposition_inside_a_label_is_shown() {
    let preps = per_token("Kosze w parku, o tym; z. ławki u lekarza", |tok| {
        tok.prep_before
    });
    assert_eq!(preps, [None, Some('w'), Some('o'), None, Some('u')]);
    let label = label_of(&[
        "Informacja o budżecie w radiu",
        "Więcej informacji o budżecie",
        "Informacja o budżecie dla seniorów",
        "Plakaty z informacją o budżecie",
        "Informacja o budżecie na stronie",
    ]);
    assert_eq!(label, "Informacja o budżecie");
}

#[test]
fn the_tail_of_a_slogan_is_no_label_either() {
    let label = label_of(&[
        "Postawmy na bezpieczeństwo na osiedlu Retkinia",
        "Postawmy na bezpieczeństwo na osiedlu Teofilów",
        "Postawmy na bezpieczeństwo na osiedlu Widzew",
        "Bezpieczeństwo pieszych przy szkole",
        "Monitoring dla bezpieczeństwa mieszkańców",
        "Bezpieczeństwo na przejściach",
    ]);
    assert_eq!(label, "Bezpieczeństwo");
}

#[test]
fn a_place_name_does_not_narrow_the_label() {
    let label = label_of(&[
        "Zakup sprzętu dla OSP Łódź",
        "Doposażenie jednostki OSP Łódź",
        "Remont remizy OSP Łódź",
        "Samochód gaśniczy dla OSP Mileszki",
        "Wyposażenie OSP Wiskitno w drona",
        "Motopompy dla OSP Nowosolna",
    ]);
    assert_eq!(label, "OSP");
}

#[test]
fn a_foreign_word_glued_to_a_noun_phrase_is_left_out() {
    let label = label_of(&[
        "Streetworkout siłownia dla seniorów w parku",
        "Streetworkout siłownia dla seniorów przy szkole",
        "Streetworkout siłownia dla seniorów na skwerze",
        "Siłownia dla seniorów w klubie",
        "Bezpłatna siłownia dla seniorów",
    ]);
    assert_eq!(label, "Siłownia dla seniorów");
}

#[test]
fn an_adverb_alone_gives_way_to_a_noun() {
    let label = label_of(&[
        "Pomoc dla osób wykluczonych cyfrowo",
        "Materiały dostępne cyfrowo i na papierze",
        "Cyfrowo i bez barier: dostępność dla niewidomych",
        "Dostępność punktów obsługi",
        "Cyfrowo podpisane wnioski",
    ]);
    assert_eq!(label, "Dostępność");
}

#[test]
fn tags_written_side_by_side_are_no_phrase() {
    let label = label_of(&[
        "Punkty do głosowania dostępne dla wózków #dostępność #punkty",
        "Pętla indukcyjna w punktach #dostępność #punkty",
        "Strona zgodna z WCAG #dostępność #punkty",
        "Duża czcionka na kartach #dostępność #punkty",
        "Tłumacz migowy na spotkaniach #dostępność",
    ]);
    assert_ne!(label, "Dostępność punkty");
    assert!(
        !label.contains(' ') || label.contains("głosowania"),
        "{label}"
    );
}

#[test]
fn two_plural_forms_leave_the_label_singular() {
    let label = label_of(&[
        "Terminy naboru są za krótkie",
        "Terminy głosowania w wakacje",
        "Komisja ocenia wnioski za długo",
        "Spotkanie w sprawie harmonogramu",
    ]);
    assert_eq!(label, "Termin");
}

#[test]
fn a_preposition_is_no_word_of_a_label() {
    use super::super::label_words::{not_in_labels, words_of};
    use super::super::tokenize::{Analyzer, FastMap};
    let an = Analyzer::new(Lang::Pl);
    let keys: Vec<String> = ["wzdłuż", "rzeki", "wokół", "parku"]
        .iter()
        .filter_map(|w| an.term(w))
        .collect();
    let ids: FastMap<&str, u32> = keys.iter().map(String::as_str).zip(0..).collect();
    let words = words_of("Wzdłuż rzeki i wokół parku", &an, &ids, &mut String::new());
    let terms: Vec<bool> = words.iter().map(|w| w.term.is_some()).collect();
    assert_eq!(terms, [false, true, false, true]);
    assert!(not_in_labels("wzdluz") && not_in_labels("naprzeciwko"));
    assert!(!not_in_labels("rzeka"));
    let label = label_of(&[
        "Ścieżka rowerowa wzdłuż rzeki",
        "Rowerowy szlak wzdłuż rzeki",
        "Rowerowy wzdłuż torów",
        "Rowerowy wzdłuż parku",
        "Oświetlenie wzdłuż rowerowej trasy",
        "Ławki wzdłuż alejki",
    ]);
    assert!(!label.to_lowercase().contains("wzdłuż"), "{label}");
}

#[test]
fn a_verb_the_table_reads_as_a_noun_heads_no_label() {
    let label = label_of(&[
        "Mamy nietoperze – nie mamy komarów",
        "Mamy nietoperze nad stawem",
        "Mamy nietoperze na osiedlu",
        "Nietoperze mamy przy stawie",
        "Budki dla nietoperzy",
    ]);
    assert_eq!(label, "Nietoperze");
    // Auxiliaries and modals are stop words: no term, so never a label word.
    let an = super::super::tokenize::Analyzer::new(Lang::Pl);
    for verb in ["jest", "są", "będzie", "można", "trzeba", "mają", "mogą"] {
        assert_eq!(an.term(verb), None, "{verb}");
    }
}

#[test]
fn a_lone_adjective_takes_a_noun_it_agrees_with_on_one_card() {
    let label = label_of(&[
        "Kampania informacyjna w szkołach",
        "Tablica informacyjna przy urzędzie",
        "Akcja informacyjna dla seniorów",
        "Broszura informacyjna o głosowaniu",
        "Informacyjna ulotka w skrzynkach",
    ]);
    // Each noun is on one card: the most central card's wins.
    let nouns = ["Kampania", "Tablica", "Akcja", "Broszura"];
    assert!(
        nouns.iter().any(|n| label == format!("{n} informacyjna"))
            || label == "Informacyjna ulotka",
        "{label}"
    );
}

#[test]
fn units_and_the_numeral_one_are_no_label() {
    // Headlines about money share "tys." and "mln" more than any topical word.
    let label = label_of(&[
        "Programista zarabia 12 tys. zł miesięcznie",
        "Średnie zarobki w Polsce to 6 tys. zł",
        "Firma zatrudni 2 tys. osób w nowym zakładzie",
        "Wynagrodzenie kierowcy wzrosło do 8 tys. zł",
        "Zarobki lekarzy rezydentów: 5 tys. zł",
        "Budowa hali kosztowała 40 mln zł",
    ]);
    assert!(!label.to_lowercase().starts_with("tys"), "{label}");
    let label = label_of(&[
        "Jedna z największych fabryk w Europie",
        "Jedna z największych katastrof kolejowych",
        "To jedna z największych bitew wojny",
        "Jedna z największych firm w kraju",
    ]);
    assert!(!label.to_lowercase().starts_with("jedn"), "{label}");
}

/// However many topics the cards are split into, no two topics get the same
/// label: the smaller one takes its next best phrase (before, "Książka w
/// bibliotece" named two topics of these cards, and "Spotkanie" two of these).
#[test]
fn no_two_topics_share_a_label() {
    for set in [
        include_str!("../../tests/data/easy-clusters.jsonl"),
        include_str!("../../tests/data/workshop-five-themes.jsonl"),
        include_str!("../../tests/data/workshop-rules-heldout.jsonl"),
    ] {
        let texts: Vec<String> = set
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("JSON line");
                v["text"].as_str().expect("text").to_string()
            })
            .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        for k in [8, 13, 20] {
            let mut labels: Vec<String> = labels_of(&texts, k)
                .iter()
                .map(|l| l.to_lowercase())
                .collect();
            let n = labels.len();
            labels.sort();
            labels.dedup();
            assert_eq!(labels.len(), n, "k {k}: {labels:?}");
        }
    }
}

/// Three cards on the voting age and four on voting by internet.
const AGE_AND_INTERNET: [&str; 7] = [
    "Głosowanie od 16 lat",
    "Głosowanie od 16 lat",
    "Głosowanie od 16 lat",
    "Głosowanie przez internet w aplikacji",
    "Głosowanie przez internet bez logowania",
    "Głosowanie przez internet dla wszystkich",
    "Głosowanie przez internet na telefonie",
];

/// "lat" after a number is an age, no topic: beside cards on internet voting,
/// these three were labelled "Roki" ("lat" read as years, base form "rok").
#[test]
fn years_of_age_are_no_label() {
    let texts = AGE_AND_INTERNET;
    assert_eq!(labels_of(&texts, 2), ["Internet", "Głosowanie"]);
}

/// Cards that write a word both with Polish letters and without get the label
/// with them ("Odwolanin", a rare noun's base form, before).
#[test]
fn a_label_has_the_polish_letters_some_card_writes() {
    let label = label_of(&[
        "odwolania - za krotko",
        "Odwolanie rozpatruje ten sam urzednik co odrzucil",
        "Termin na odwolania za krotki",
        "Czy jak odwolanie jest uwzglednione to projekt dostaje czas",
        "Rozpatrzenie odwołania po głosowaniu",
    ]);
    assert_eq!(label, "Odwołanie");
}

/// A label an existing topic has (case aside) goes to the next best phrase, as it
/// would beside a larger proposed topic.
#[test]
fn a_label_an_existing_topic_has_is_not_proposed_again() {
    let texts = AGE_AND_INTERNET;
    let opts = ClusterOptions {
        k: Some(2),
        lang: Some(Lang::Pl),
        taken_labels: vec!["internet".into()],
        ..Default::default()
    };
    let labels: Vec<String> = cluster(&texts, &opts)
        .topics
        .into_iter()
        .map(|t| t.label)
        .collect();
    // The internet cards take their next phrase, and the age cards, whose only phrase
    // that is, a number.
    assert_eq!(labels, ["Głosowanie", "Głosowanie (2)"]);
}

/// A stem shared by a noun and a verb ("widzów", "widzą") is labelled by the noun,
/// though the cards write the verb more often.
#[test]
fn a_term_that_is_also_a_verb_is_named_by_its_noun() {
    let label = label_of(&[
        "Widzą dym nad lasem",
        "Widzą pożar przy drodze",
        "Widzą strażaków w akcji",
        "Widzów było wielu",
        "Widzów przybywa",
        "Widzą to widzowie",
    ]);
    assert_eq!(label, "Widz");
}
