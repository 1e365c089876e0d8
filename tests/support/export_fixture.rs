//! A small hand-made export view used by the writers' tests: Polish text with diacritics
//! and markup characters, chapters with § / ust. / pkt, drafted and undrafted provisions,
//! adopted, rejected, postponed and undecided cards, and a chapter without sources.
#![allow(dead_code)] // each test file uses a different part

use narada::model::{
    CardView, ConsultationView, DecisionView, DocumentSettings, ExportView, SectionLevel,
    SectionView, SessionView, TopicView,
};

fn decision(outcome: &str, rationale: &str, votes: Option<(i64, i64, i64)>) -> DecisionView {
    DecisionView {
        outcome: outcome.into(),
        rationale: rationale.into(),
        votes_for: votes.map(|v| v.0),
        votes_against: votes.map(|v| v.1),
        votes_abstain: votes.map(|v| v.2),
        decided_on: Some("2026-04-02".into()),
    }
}

fn card(
    n: u32,
    kind: &str,
    session: &str,
    topic: Option<&str>,
    votes: i64,
    text: &str,
    decision: Option<DecisionView>,
) -> CardView {
    CardView {
        id: format!("c{n}"),
        reference: format!("K-{n}"),
        text: text.into(),
        kind: kind.into(),
        session_id: session.into(),
        topic_id: topic.map(String::from),
        votes,
        decision,
        gone: None,
    }
}

fn section(
    id: &str,
    level: SectionLevel,
    heading: &str,
    draft: &str,
    sources: &[&str],
    children: Vec<SectionView>,
) -> SectionView {
    SectionView {
        id: id.into(),
        level,
        heading: heading.into(),
        draft_text: draft.into(),
        topic_ids: vec![],
        source_card_ids: sources
            .iter()
            .map(std::string::ToString::to_string)
            .collect(),
        children,
    }
}

/// Reszel is a town: a burmistrz and a "Rada Miejska w Reszlu".
fn reszel_settings() -> DocumentSettings {
    let mut s = narada::model::ConsultationSettings::default();
    s.set(narada::model::SettingKey::Executive, "burmistrz")
        .unwrap();
    DocumentSettings::new(&s.resolve("Reszel"), "Reszel")
}

/// The fixture in Polish; [`workshop_fixture_en`] switches only the language.
pub fn workshop_fixture() -> ExportView {
    use SectionLevel::*;
    let adopted = |r: &str| Some(decision("adopted", r, Some((6, 1, 0))));
    ExportView {
        consultation: ConsultationView {
            title: "Budżet obywatelski Reszla 2027 — warsztaty".into(),
            city: "Reszel".into(),
            year: Some(2027),
            language: "pl".into(),
            settings: reszel_settings(),
        },
        generated_on: "2026-11-24".into(),
        session_scope: None,
        sessions: vec![
            SessionView {
                id: "s1".into(),
                title: "Warsztat 1: zgłaszanie projektów".into(),
                kind: "working_group".into(),
                date: Some("2026-03-14".into()),
                place: "Sala ratuszowa".into(),
                participants: Some(18),
                activities: vec!["Mapa potrzeb".into(), "Głosowanie kropkami".into()],
            },
            SessionView {
                id: "s2".into(),
                title: "Szkolenie dla liderów osiedli".into(),
                kind: "training".into(),
                date: Some("2026-03-21".into()),
                place: "Dom Kultury".into(),
                participants: Some(11),
                activities: vec![],
            },
            SessionView {
                id: "s3".into(),
                title: "Zespół doradczy".into(),
                kind: "advisory".into(),
                date: None,
                place: String::new(),
                participants: None,
                activities: vec![],
            },
        ],
        topics: vec![
            TopicView {
                id: "t1".into(),
                label: "Lista poparcia".into(),
                decision: adopted("Mniej podpisów ułatwi udział seniorom."),
            },
            TopicView {
                id: "t2".into(),
                label: "Głosowanie elektroniczne".into(),
                decision: None,
            },
            TopicView {
                id: "t3".into(),
                label: "Kwota i pule".into(),
                decision: adopted("Zgodnie z art. 5a ust. 6."),
            },
        ],
        cards: vec![
            card(
                1,
                "recommendation",
                "s1",
                Some("t3"),
                7,
                "Pula osiedlowa powinna wynosić co najmniej 40% całej kwoty.",
                adopted("Zgodnie z art. 5a ust. 6."),
            ),
            card(
                2,
                "proposal",
                "s1",
                Some("t3"),
                3,
                "Podział na pule: ogólnomiejską | osiedlowe, z limitem 200 tys. zł",
                Some(decision(
                    "adopted_in_part",
                    "Bez limitu kwotowego.",
                    Some((4, 2, 1)),
                )),
            ),
            card(
                3,
                "concern",
                "s1",
                Some("t1"),
                5,
                "Zbieranie podpisów zniechęca seniorów & osoby z niepełnosprawnościami <ważne>",
                adopted("Mniej podpisów ułatwi udział seniorom."),
            ),
            card(
                4,
                "expectation",
                "s2",
                Some("t1"),
                2,
                "Lista poparcia: najwyżej 15 podpisów.\nPodpisy także przez internet.",
                adopted("Mniej podpisów ułatwi udział seniorom."),
            ),
            card(
                5,
                "question",
                "s2",
                None,
                0,
                "Czy osoby poniżej 16 lat mogą głosować?",
                None,
            ),
            card(
                6,
                "recommendation",
                "s2",
                Some("t2"),
                9,
                "Głosować mogą tylko osoby pełnoletnie.",
                Some(decision(
                    "rejected",
                    "Niezgodne z orzecznictwem — ograniczenie kręgu mieszkańców.",
                    Some((1, 7, 0)),
                )),
            ),
            card(
                7,
                "recommendation",
                "s3",
                Some("t2"),
                4,
                "Głosowanie elektroniczne i papierowe, żeby nikt nie został wykluczony.",
                Some(decision("adopted", "Jak w Łodzi.", None)),
            ),
            card(
                8,
                "proposal",
                "s3",
                None,
                1,
                "Losowanie przy remisie – transmisja na żywo.",
                Some(decision("postponed", "Wróci na kolejnym spotkaniu.", None)),
            ),
            card(
                9,
                "recommendation",
                "s1",
                None,
                6,
                "Ocena merytoryczna z udziałem rady osiedla.",
                adopted("Dobra praktyka z Kołobrzegu."),
            ),
            card(
                10,
                "other",
                "s1",
                None,
                0,
                "Źle działający mikrofon *w sali*",
                None,
            ),
        ],
        sections: vec![
            section(
                "r1",
                Chapter,
                "Przepisy ogólne",
                "",
                &[],
                vec![
                    section(
                        "p1",
                        Paragraph,
                        "Kwota budżetu i pule",
                        "",
                        &[],
                        vec![
                            section(
                                "p1u1",
                                Ust,
                                "",
                                "Wysokość środków ustala się corocznie w uchwale budżetowej.",
                                &[],
                                vec![],
                            ),
                            section(
                                "p1u2",
                                Ust,
                                "Pule",
                                "",
                                &["c1", "c2"],
                                vec![
                                    section(
                                        "p1u2k1",
                                        Pkt,
                                        "pula ogólnomiejska",
                                        "pula ogólnomiejska – 60% kwoty;",
                                        &["c2"],
                                        vec![],
                                    ),
                                    section("p1u2k2", Pkt, "pule osiedlowe", "", &["c1"], vec![]),
                                ],
                            ),
                        ],
                    ),
                    section("p2", Paragraph, "Definicje", "", &[], vec![]),
                ],
            ),
            section(
                "r2",
                Chapter,
                "Zgłaszanie projektów — wymogi formalne",
                "",
                &[],
                vec![section(
                    "p3",
                    Paragraph,
                    "Formularz zgłoszenia",
                    "",
                    &[],
                    vec![],
                )],
            ),
            section(
                "r3",
                Chapter,
                "Lista poparcia",
                "",
                &[],
                vec![section(
                    "p4",
                    Paragraph,
                    "Liczba podpisów",
                    "Projekt wymaga poparcia co najmniej 15 mieszkańców obszaru puli.\n\
                     Podpisy można składać także elektronicznie.",
                    &["c3", "c4"],
                    vec![],
                )],
            ),
            section(
                "r4",
                Chapter,
                "Głosowanie",
                "",
                &[],
                vec![section(
                    "p5",
                    Paragraph,
                    "Sposób głosowania",
                    "",
                    &["c7"],
                    vec![
                        section(
                            "p5k1",
                            Pkt,
                            "",
                            "w punktach do głosowania, na karcie papierowej;",
                            &[],
                            vec![],
                        ),
                        section("p5k2", Pkt, "", "", &["c7"], vec![]),
                    ],
                )],
            ),
            section("r5", Chapter, "Postanowienia końcowe", "", &[], vec![]),
        ],
    }
}

/// The same fixture with English fixed wording.
pub fn workshop_fixture_en() -> ExportView {
    let mut v = workshop_fixture();
    v.consultation.language = "en".into();
    v
}
