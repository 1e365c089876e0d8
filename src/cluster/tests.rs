//! End-to-end tests of the public API on small generated inputs.

use super::rng::Rng;
use super::*;

const GROUPS: [[&str; 8]; 6] = [
    [
        "drzewa",
        "zieleń",
        "krzewy",
        "kwiaty",
        "trawnik",
        "ogród",
        "łąka",
        "nasadzenia",
    ],
    [
        "rowerowa",
        "ścieżka",
        "jezdnia",
        "przejście",
        "chodnik",
        "parking",
        "autobus",
        "przystanek",
    ],
    [
        "boisko",
        "siłownia",
        "sport",
        "piłka",
        "bieżnia",
        "zawody",
        "trening",
        "basen",
    ],
    [
        "biblioteka",
        "koncert",
        "teatr",
        "kultura",
        "książki",
        "festiwal",
        "muzyka",
        "kino",
    ],
    [
        "szkoła",
        "przedszkole",
        "uczniowie",
        "klasa",
        "nauczyciele",
        "lekcje",
        "żłobek",
        "edukacja",
    ],
    [
        "seniorzy",
        "zdrowie",
        "przychodnia",
        "lekarz",
        "opieka",
        "rehabilitacja",
        "szczepienia",
        "profilaktyka",
    ],
];

/// `per_group` texts of three distinct words from each of the first
/// `groups` groups, shuffled.
fn corpus(groups: usize, per_group: usize, seed: u64) -> (Vec<String>, Vec<usize>) {
    let mut rng = Rng::new(seed);
    let mut items = Vec::new();
    for (g, words) in GROUPS.iter().take(groups).enumerate() {
        for _ in 0..per_group {
            let idx: Vec<usize> = (0..8).collect();
            let pick = rng.sample(&idx, 3);
            let text = pick.iter().map(|&i| words[i]).collect::<Vec<_>>().join(" ");
            items.push((text, g));
        }
    }
    rng.shuffle(&mut items);
    items.into_iter().unzip()
}

fn refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn check_partition(c: &Clustering, n: usize) {
    assert_eq!(c.assignments.len(), n);
    let mut seen = vec![0usize; n];
    for (t, topic) in c.topics.iter().enumerate() {
        assert!(!topic.members.is_empty());
        assert!(topic.members.windows(2).all(|w| w[0] < w[1]));
        assert!(topic.members.contains(&topic.example));
        assert!(!topic.label.is_empty());
        assert_eq!(topic.keywords, topic.label_words);
        assert_eq!(topic.representatives.first(), Some(&topic.example));
        assert!(
            topic
                .representatives
                .iter()
                .all(|r| topic.members.contains(r))
        );
        for &m in &topic.members {
            seen[m] += 1;
            assert_eq!(c.assignments[m].topic, Some(t));
        }
    }
    for &u in &c.unsorted {
        seen[u] += 1;
        assert_eq!(c.assignments[u].topic, None);
    }
    assert!(seen.iter().all(|&s| s == 1), "every index exactly once");
    assert!(
        c.topics
            .windows(2)
            .all(|w| w[0].members.len() >= w[1].members.len())
    );
}

#[test]
fn separated_groups_are_recovered_and_k_is_four() {
    let (texts, gold) = corpus(4, 40, 3);
    // Synthetic groups of unrelated words: the shipped vectors know other ties.
    let opts = ClusterOptions {
        shipped_vectors: false,
        ..ClusterOptions::default()
    };
    let c = cluster(&refs(&texts), &opts);
    assert!(c.k_auto);
    assert_eq!(c.k_chosen, 4);
    let pred: Vec<usize> = c
        .assignments
        .iter()
        .map(|a| a.topic.unwrap_or(99))
        .collect();
    assert!(metrics::ari(&gold, &pred) > 0.95);
    check_partition(&c, texts.len());
}

/// Auto k on well-separated groups finds their number (±1) at several sizes
/// and seeds.
#[test]
fn auto_k_finds_four_and_six_groups() {
    for (groups, per_group, seed) in [(4, 25, 1), (4, 60, 2), (6, 30, 4), (6, 50, 5)] {
        let (texts, gold) = corpus(groups, per_group, seed);
        let opts = ClusterOptions {
            random_seed: seed,
            shipped_vectors: false,
            ..Default::default()
        };
        let c = cluster(&refs(&texts), &opts);
        assert!(c.k_auto);
        // Within one topic: on inputs this small the range reaches n/6 topics.
        assert!(
            c.k_chosen.abs_diff(groups) <= 1,
            "{groups} groups of {per_group}: k {}",
            c.k_chosen
        );
        let pred: Vec<usize> = c
            .assignments
            .iter()
            .map(|a| a.topic.unwrap_or(99))
            .collect();
        assert!(metrics::ari(&gold, &pred) > 0.8);
    }
}

#[test]
fn auto_k_is_deterministic_and_thread_independent() {
    let (texts, _) = corpus(6, 30, 8);
    let a = cluster(&refs(&texts), &ClusterOptions::default());
    let b = cluster(
        &refs(&texts),
        &ClusterOptions {
            threads: 2,
            ..Default::default()
        },
    );
    assert_eq!(a, b);
}

#[test]
fn deterministic_across_runs_and_threads() {
    let (texts, _) = corpus(4, 30, 9);
    let opts = ClusterOptions {
        k: Some(4),
        ..Default::default()
    };
    let a = cluster(&refs(&texts), &opts);
    let b = cluster(&refs(&texts), &opts);
    assert_eq!(a, b);
    let c = cluster(&refs(&texts), &ClusterOptions { threads: 2, ..opts });
    assert_eq!(a, c);
}

#[test]
fn empty_and_emoji_texts_are_unsorted() {
    let (mut texts, _) = corpus(4, 20, 5);
    let junk = ["", "😀😀", "!!!", "zzzqqq", "12 34"];
    let first = texts.len();
    texts.extend(junk.iter().map(std::string::ToString::to_string));
    let c = cluster(&refs(&texts), &ClusterOptions::default());
    for i in first..texts.len() {
        assert!(c.unsorted.contains(&i), "text {i} should be unsorted");
    }
    check_partition(&c, texts.len());
    let none = cluster(&["", "😀"], &ClusterOptions::default());
    assert!(none.topics.is_empty());
    assert_eq!(none.unsorted, vec![0, 1]);
}

#[test]
fn seeded_topic_collects_its_cards() {
    let (texts, gold) = corpus(4, 30, 11);
    let opts = ClusterOptions {
        k: Some(4),
        seeds: vec![SeedTopic {
            name: "Zieleń".into(),
            keywords: vec!["drzewo".into(), "kwiaty".into()],
        }],
        ..Default::default()
    };
    let c = cluster(&refs(&texts), &opts);
    let seeded: Vec<&Topic> = c.topics.iter().filter(|t| t.seed_name.is_some()).collect();
    assert_eq!(seeded.len(), 1);
    assert_eq!(seeded[0].seed_name.as_deref(), Some("Zieleń"));
    let greens: Vec<usize> = (0..texts.len()).filter(|&i| gold[i] == 0).collect();
    let inside = greens
        .iter()
        .filter(|i| seeded[0].members.contains(i))
        .count();
    assert!(
        inside * 10 >= greens.len() * 9,
        "{inside} of {}",
        greens.len()
    );
    check_partition(&c, texts.len());
}

#[test]
fn labels_use_written_forms_not_stems() {
    let texts: Vec<String> = (0..12)
        .flat_map(|i| {
            [
                format!("Elektroniczne głosowanie nr {i}"),
                format!("Głosowanie elektroniczne w szkole {i}"),
                format!("Nowe drzewa i krzewy w parku {i}"),
            ]
        })
        .collect();
    let c = cluster(
        &refs(&texts),
        &ClusterOptions {
            k: Some(2),
            ..Default::default()
        },
    );
    let words: Vec<&String> = c.topics.iter().flat_map(|t| &t.label_words).collect();
    assert!(words.iter().any(|w| *w == "głosowanie"), "{words:?}");
    assert!(words.iter().any(|w| *w == "elektroniczne"), "{words:?}");
    assert!(
        c.topics
            .iter()
            .all(|t| (1..=5).contains(&t.label_words.len()))
    );
}

#[test]
fn every_text_gets_exactly_one_assignment() {
    let vocab = [
        "park", "ławka", "rower", "szkoła", "drzewo", "lampa", "😀", "w", "i", "12",
    ];
    let mut rng = Rng::new(77);
    for round in 0..25 {
        let n = rng.below(40);
        let texts: Vec<String> = (0..n)
            .map(|_| {
                let len = rng.below(5);
                (0..len)
                    .map(|_| vocab[rng.below(vocab.len())])
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let k = if round % 2 == 0 {
            None
        } else {
            Some(rng.below(6))
        };
        let opts = ClusterOptions {
            k,
            random_seed: round,
            ..Default::default()
        };
        let c = cluster(&refs(&texts), &opts);
        check_partition(&c, n);
    }
}

#[test]
fn lang_parses_and_displays() {
    assert_eq!("pl".parse::<Lang>(), Ok(Lang::Pl));
    assert_eq!("EN".parse::<Lang>(), Ok(Lang::En));
    assert!("de".parse::<Lang>().is_err());
    assert_eq!(Lang::En.to_string(), "en");
    assert_eq!(fold("Łódź"), "lodz");
}

#[test]
fn identical_texts_form_one_labelled_topic() {
    let texts = vec!["Głosowanie przez internet dla seniorów"; 50];
    let c = cluster(&texts, &ClusterOptions::default());
    check_partition(&c, 50);
    assert!(!c.topics.is_empty());
    let big = &c.topics[0];
    assert!(big.members.len() >= 45, "{:?}", c.topics.len());
    assert!(!big.label.is_empty() && !big.keywords.is_empty());
    // Identical cards are near-duplicates: one representative is enough.
    assert_eq!(big.representatives.len(), 1);
}

/// Cards of a topic about support lists, one about voting age, one about
/// promotion; labels are phrases from the cards, first letter capitalised.
fn rules_cards() -> Vec<&'static str> {
    vec![
        "Lista poparcia z podpisami mieszkańców",
        "Lista poparcia powinna mieć 15 podpisów",
        "Lista poparcia bez numeru PESEL",
        "Kto sprawdza podpisy na liście poparcia?",
        "Lista poparcia do pobrania ze strony",
        "Podpisy na liście poparcia elektronicznie",
        "Granica wieku głosujących 16 lat",
        "Granica wieku głosujących obniżona do 13 lat",
        "Granica wieku głosujących: bez limitu z rodzicem",
        "Czy granica wieku głosujących obejmuje uczniów?",
        "Młodzież od 16 lat głosuje samodzielnie, granica wieku",
        "Granica wieku dla osób zameldowanych",
        "Kampania informacyjna w tramwajach",
        "Kampania informacyjna w szkołach i bibliotekach",
        "Kampania informacyjna przed naborem",
        "Plakaty i ulotki, kampania informacyjna",
        "Kampania informacyjna w mediach lokalnych",
        "Kampania informacyjna dla seniorów",
    ]
}

#[test]
fn labels_are_phrases_from_the_cards_in_their_opening_form() {
    let texts = rules_cards();
    let opts = ClusterOptions {
        k: Some(3),
        ..Default::default()
    };
    let c = cluster(&texts, &opts);
    check_partition(&c, texts.len());
    let mut labels: Vec<&str> = c.topics.iter().map(|t| t.label.as_str()).collect();
    labels.sort_unstable();
    assert!(labels[0].starts_with("Granica wieku"), "{labels:?}");
    assert_eq!(labels[1..], ["Kampania informacyjna", "Lista poparcia"]);
    for t in &c.topics {
        assert!((1..=4).contains(&t.keywords.len()), "{:?}", t.keywords);
        assert!((1..=3).contains(&t.representatives.len()));
        let mut r = t.representatives.clone();
        r.dedup();
        assert_eq!(r.len(), t.representatives.len());
    }
}

/// The same three topics when no card opens with the nominative: the labels are
/// the phrases put into their base form.
#[test]
fn labels_are_in_base_form_when_the_cards_inflect_them() {
    let texts = vec![
        "Elektroniczna wersja listy poparcia",
        "Wzór listy poparcia na stronie",
        "Kto sprawdza dane z listy poparcia?",
        "Bez listy poparcia dla małych projektów",
        "Liczba podpisów dla listy poparcia",
        "Zmiana listy poparcia na formularz",
        "Obniżenie granicy wieku głosujących do 13 lat",
        "Dyskusja o granicy wieku głosujących",
        "Bez granicy wieku głosujących z rodzicem",
        "Podwyższenie granicy wieku głosujących",
        "Uczniowie poniżej granicy wieku głosujących",
        "Więcej promocji projektów w szkołach",
        "Budżet na promocję projektów",
        "Zasady promocji projektów w mediach",
        "Środki na promocję projektów dla autorów",
        "Koszty promocji projektów pokrywa miasto",
    ];
    let opts = ClusterOptions {
        k: Some(3),
        lang: Some(Lang::Pl),
        ..Default::default()
    };
    let c = cluster(&texts, &opts);
    check_partition(&c, texts.len());
    let mut labels: Vec<&str> = c.topics.iter().map(|t| t.label.as_str()).collect();
    labels.sort_unstable();
    assert_eq!(
        labels,
        [
            "Granica wieku głosujących",
            "Lista poparcia",
            "Promocja projektów"
        ]
    );
}
