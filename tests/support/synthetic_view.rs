//! A synthetic consultation of any size as an export view, with no database: for the
//! traceability test on a large document and the unit test of `narada-bench export`.

use narada::model::outline::DEFAULT_CHAPTERS;
use narada::model::{
    CardView, ConsultationView, DecisionView, DocumentSettings, ExportView, SectionLevel,
    SectionView, SessionView, TopicView,
};

const KINDS: &[&str] = &[
    "recommendation",
    "recommendation",
    "expectation",
    "proposal",
    "concern",
    "question",
    "other",
];

const PHRASES: &[&str] = &[
    "Pula osiedlowa powinna być większa niż ogólnomiejska",
    "formularz zgłoszenia ma być krótszy i dostępny także na papierze",
    "lista poparcia nie może wymagać więcej niż 15 podpisów",
    "ocena projektów powinna być jawna, z uzasadnieniem każdej decyzji",
    "odwołanie rozpatruje zespół w ciągu 7 dni roboczych",
    "głosowanie elektroniczne i w punktach stacjonarnych przez dwa tygodnie",
    "przy remisie decyduje publiczne losowanie",
    "wyniki ogłasza się w BIP, na stronie i na tablicy ogłoszeń",
    "zadania muszą być ogólnodostępne & realizowane na gruncie gminy",
    "szkolenia dla projektodawców <przed naborem> w każdej dzielnicy",
];

/// A consultation with `cards` cards over the eight default chapters (each with § / ust. /
/// pkt), about 60 % of cards adopted and mapped, some drafted text, some cards unused.
pub fn synthetic_view(cards: usize) -> ExportView {
    let sessions: Vec<SessionView> = (0..cards.div_ceil(50).max(1))
        .map(|i| SessionView {
            id: format!("s{i}"),
            title: format!("Warsztat {} — grupa {}", i + 1, (i % 4) + 1),
            kind: ["working_group", "training", "advisory", "other"][i % 4].into(),
            date: Some(format!("2026-{:02}-{:02}", 1 + (i / 28) % 12, 1 + i % 28)),
            place: "Sala ratuszowa".into(),
            participants: Some(10 + (i % 15) as i64),
            activities: vec!["Praca w grupach".into()],
        })
        .collect();
    let topics: Vec<TopicView> = (0..40)
        .map(|i| TopicView {
            id: format!("t{i}"),
            label: format!("Temat {i}: {}", PHRASES[i % PHRASES.len()]),
            decision: None,
        })
        .collect();
    let mut all_cards = Vec::with_capacity(cards);
    for i in 0..cards {
        let outcome = match i % 20 {
            0..=9 => Some("adopted"),
            10..=11 => Some("adopted_in_part"),
            12..=14 => Some("rejected"),
            15..=16 => Some("postponed"),
            _ => None,
        };
        all_cards.push(CardView {
            id: format!("c{i}"),
            reference: format!("K-{}", i + 1),
            text: format!(
                "{} (uwaga {}); {}.",
                PHRASES[i % PHRASES.len()],
                i + 1,
                PHRASES[(i * 7 + 3) % PHRASES.len()]
            ),
            kind: KINDS[i % KINDS.len()].into(),
            session_id: sessions[i % sessions.len()].id.clone(),
            topic_id: Some(topics[i % topics.len()].id.clone()),
            votes: (i % 13) as i64,
            decision: outcome.map(|o| DecisionView {
                outcome: o.into(),
                rationale: format!("Uzasadnienie zespołu nr {}: {}.", i % 9, PHRASES[i % 4]),
                votes_for: Some(5 + (i % 4) as i64),
                votes_against: Some((i % 3) as i64),
                votes_abstain: Some((i % 2) as i64),
                decided_on: Some("2026-04-02".into()),
            }),
            gone: None,
        });
    }
    let mut sections = skeleton();
    let mut leaves = Vec::new();
    collect_leaves(&mut sections, &mut leaves);
    // Every 10th adopted card stays unused, so the coverage section has something to say.
    let adopted = all_cards
        .iter()
        .filter(|c| c.decision.as_ref().is_some_and(DecisionView::is_adopted))
        .filter(|c| narada::model::fate::is_rule_kind(&c.kind))
        .enumerate()
        .filter(|(n, _)| n % 10 != 9)
        .map(|(_, c)| c.id.clone());
    let mut mapped: Vec<Vec<String>> = vec![Vec::new(); leaves.len()];
    for (n, id) in adopted.enumerate() {
        mapped[n % leaves.len()].push(id);
    }
    fill_leaves(&mut sections, &mut mapped.into_iter());
    ExportView {
        consultation: ConsultationView {
            title: format!("Syntetyczna konsultacja ({cards} uwag)"),
            city: "Przykładowo".into(),
            year: Some(2027),
            language: "pl".into(),
            settings: DocumentSettings::for_city("Przykładowo"),
        },
        generated_on: "2026-11-24".into(),
        session_scope: None,
        sections,
        sessions,
        topics,
        cards: all_cards,
    }
}

fn node(
    id: String,
    level: SectionLevel,
    heading: String,
    children: Vec<SectionView>,
) -> SectionView {
    SectionView {
        id,
        level,
        heading,
        draft_text: String::new(),
        topic_ids: vec![],
        source_card_ids: vec![],
        children,
    }
}

/// Eight chapters × 3 § × 3 ust. × 2 pkt; the last § of each chapter has no ust.
fn skeleton() -> Vec<SectionView> {
    DEFAULT_CHAPTERS
        .iter()
        .map(|ch| {
            let c = ch.number;
            let paragraphs = (1..=3)
                .map(|p| {
                    let ust = if p == 3 {
                        vec![]
                    } else {
                        (1..=3)
                            .map(|u| {
                                let pkt = (1..=2)
                                    .map(|k| {
                                        let id = format!("r{c}p{p}u{u}k{k}");
                                        node(id, SectionLevel::Pkt, String::new(), vec![])
                                    })
                                    .collect();
                                node(
                                    format!("r{c}p{p}u{u}"),
                                    SectionLevel::Ust,
                                    String::new(),
                                    pkt,
                                )
                            })
                            .collect()
                    };
                    let heading = format!("Przepis {p} rozdziału {c}");
                    node(format!("r{c}p{p}"), SectionLevel::Paragraph, heading, ust)
                })
                .collect();
            node(
                format!("r{c}"),
                SectionLevel::Chapter,
                ch.heading_pl.into(),
                paragraphs,
            )
        })
        .collect()
}

fn collect_leaves(sections: &mut [SectionView], out: &mut Vec<String>) {
    for s in sections {
        if s.children.is_empty() && s.level != SectionLevel::Chapter {
            out.push(s.id.clone());
        }
        collect_leaves(&mut s.children, out);
    }
}

/// Gives each leaf its cards (same order as `collect_leaves`); every third gets a draft.
fn fill_leaves(sections: &mut [SectionView], mapped: &mut impl Iterator<Item = Vec<String>>) {
    for s in sections {
        if s.children.is_empty() && s.level != SectionLevel::Chapter {
            s.source_card_ids = mapped.next().unwrap_or_default();
            if s.id.len() % 3 == 0 {
                s.draft_text = format!("Treść przepisu {} zredagowana przez sekretarza.", s.id);
            }
        }
        fill_leaves(&mut s.children, mapped);
    }
}
