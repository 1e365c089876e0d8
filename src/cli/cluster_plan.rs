//! What `narada cluster` says before storing a run: each proposed topic with where its
//! cards go and its most representative cards, then exactly what accepting changes —
//! the cards that move (from → to, by number), those that stay and why, the topics
//! made and retired. The counts are the plan's, which storing carries out.

use super::output::truncate;
use crate::storage::run_plan::{Dest, KeptBecause, RunPlan};
use crate::storage::runs::RunRecord;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Representative cards listed under each proposed topic unless all are asked for.
const REPRESENTATIVES: usize = 3;

/// Card numbers and texts, topic labels: what the plan's ids are shown as.
pub struct Names {
    pub cards: HashMap<String, (i64, String)>,
    pub topics: HashMap<String, String>,
}

impl Names {
    fn card(&self, id: &str) -> String {
        self.cards
            .get(id)
            .map_or_else(|| id.to_owned(), |c| format!("#{}", c.0))
    }

    /// A card's text ("" for an id not on the board).
    fn text(&self, id: &str) -> &str {
        self.cards.get(id).map_or("", |c| c.1.as_str())
    }

    fn topic(&self, id: &str) -> String {
        self.topics
            .get(id)
            .map_or_else(|| id.to_owned(), |l| format!("\"{l}\""))
    }

    /// Card numbers in ascending order, comma-separated.
    fn numbers<'a>(&self, ids: impl Iterator<Item = &'a str>) -> String {
        let mut seqs: Vec<(i64, String)> = ids
            .map(|id| (self.cards.get(id).map_or(i64::MAX, |c| c.0), self.card(id)))
            .collect();
        seqs.sort();
        seqs.into_iter().map(|s| s.1).collect::<Vec<_>>().join(", ")
    }
}

/// A proposed topic's name: the existing topic it fills, else its seed's or its label.
fn proposed_name(run: &RunRecord, plan: &RunPlan, names: &Names, i: usize) -> String {
    match &plan.dest[i] {
        Dest::Existing(id) => format!("{} (existing)", names.topic(id)),
        Dest::New => {
            let t = &run.topics[i];
            format!("\"{}\" (new)", t.seed_name.as_deref().unwrap_or(&t.label))
        }
    }
}

/// The proposed topics on stdout: size, where the cards go, representative cards (all
/// with `all_cards`).
pub fn print_topics(run: &RunRecord, plan: &RunPlan, names: &Names, all_cards: bool) {
    for (i, t) in run.topics.iter().enumerate() {
        println!(
            "{:>3}. {:>4} cards  {}",
            i + 1,
            t.members.len(),
            proposed_name(run, plan, names, i)
        );
        let shown: Vec<&str> = if all_cards {
            t.members.iter().map(|m| m.0.as_str()).collect()
        } else {
            t.representatives(REPRESENTATIVES)
        };
        for id in shown {
            let text = names.text(id);
            let card = names.card(id);
            println!("       {card:>5} {}", truncate(text, 70));
        }
    }
    println!("  unsorted: {} cards", run.unsorted.len());
}

fn because(b: KeptBecause) -> &'static str {
    match b {
        KeptBecause::Pinned => "pinned",
        KeptBecause::PlacedByHand => "placed by hand",
        KeptBecause::Decided => "decided",
        KeptBecause::Mapped => "mapped to the outline",
        KeptBecause::ByHand => "worked on by hand",
    }
}

/// Exactly what accepting changes, on stderr.
pub fn print_plan(run: &RunRecord, plan: &RunPlan, names: &Names) {
    let to_name = |to: Option<usize>| match to {
        Some(i) => proposed_name(run, plan, names, i),
        None => "unsorted".to_owned(),
    };
    let from_name =
        |from: Option<&str>| from.map_or_else(|| "unsorted".to_owned(), |f| names.topic(f));
    eprintln!("accepting this run:");
    eprintln!("  moves {} card(s)", plan.moves.len());
    let mut moves: BTreeMap<(String, String), Vec<&str>> = BTreeMap::new();
    for m in &plan.moves {
        moves
            .entry((from_name(m.from.as_deref()), to_name(m.to)))
            .or_default()
            .push(m.card_id.as_str());
    }
    for ((from, to), cards) in &moves {
        eprintln!(
            "    {from} → {to}: {}",
            names.numbers(cards.iter().copied())
        );
    }
    eprintln!("  keeps {} card(s) where they are", plan.stays.len());
    let mut stays: BTreeMap<(KeptBecause, String), Vec<&str>> = BTreeMap::new();
    for s in &plan.stays {
        stays
            .entry((s.because, names.topic(&s.topic_id)))
            .or_default()
            .push(s.card_id.as_str());
    }
    for ((b, topic), cards) in &stays {
        eprintln!(
            "    = in {topic} ({}): {}",
            because(*b),
            names.numbers(cards.iter().copied())
        );
    }
    let new = plan.new_topics();
    if !new.is_empty() {
        let labels: Vec<String> = new
            .iter()
            .map(|&i| {
                let t = &run.topics[i];
                format!("\"{}\"", t.seed_name.as_deref().unwrap_or(&t.label))
            })
            .collect();
        eprintln!("  makes {} new topic(s): {}", new.len(), labels.join(", "));
    }
    if !plan.retired.is_empty() {
        let labels: Vec<String> = plan.retired.iter().map(|id| names.topic(id)).collect();
        eprintln!(
            "  retires {} topic(s) left empty: {}",
            labels.len(),
            labels.join(", ")
        );
    }
    eprintln!("  leaves {} card(s) as they are", plan.unchanged);
}

/// A card as the JSON names it: its number (when known) and id.
#[derive(Serialize)]
struct CardRef<'a> {
    number: Option<i64>,
    id: &'a str,
}

/// A topic of the board as the JSON names it.
#[derive(Serialize)]
struct TopicRef<'a> {
    id: &'a str,
    label: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonMember<'a> {
    #[serde(flatten)]
    card: CardRef<'a>,
    text: &'a str,
    score: f32,
}

#[derive(Serialize)]
struct JsonTopic<'a> {
    /// 1-based, as printed in the text output and used by `to` below.
    index: usize,
    label: &'a str,
    keywords: &'a [String],
    seed: Option<&'a str>,
    /// `null`: the run makes a new topic; else the existing topic that receives the cards.
    existing: Option<TopicRef<'a>>,
    representatives: Vec<CardRef<'a>>,
    cards: Vec<JsonMember<'a>>,
}

#[derive(Serialize)]
struct JsonMove<'a> {
    card: CardRef<'a>,
    /// `null`: from unsorted.
    from: Option<TopicRef<'a>>,
    /// Index of the proposed topic; `null`: back to unsorted.
    to: Option<usize>,
}

#[derive(Serialize)]
struct JsonStay<'a> {
    card: CardRef<'a>,
    topic: TopicRef<'a>,
    proposed: Option<usize>,
    because: KeptBecause,
}

#[derive(Serialize)]
struct JsonAccept<'a> {
    moves: Vec<JsonMove<'a>>,
    stays: Vec<JsonStay<'a>>,
    new_topics: Vec<usize>,
    retired: Vec<TopicRef<'a>>,
    unchanged: usize,
}

/// `narada cluster --format json`: the proposed topics with all their cards and where
/// they go, and what accepting changes — the same plan as the text output.
#[derive(Serialize)]
pub struct PlanJson<'a> {
    k: usize,
    k_auto: bool,
    lang: &'a str,
    topics: Vec<JsonTopic<'a>>,
    unsorted: Vec<CardRef<'a>>,
    accepting: JsonAccept<'a>,
}

impl<'a> PlanJson<'a> {
    pub fn new(run: &'a RunRecord, plan: &'a RunPlan, names: &'a Names) -> Self {
        let card = |id: &'a str| CardRef {
            number: names.cards.get(id).map(|c| c.0),
            id,
        };
        let topic = |id: &'a str| TopicRef {
            id,
            label: names.topics.get(id).map(String::as_str),
        };
        let index = |i: Option<usize>| i.map(|i| i + 1);
        let topics = run
            .topics
            .iter()
            .enumerate()
            .map(|(i, t)| JsonTopic {
                index: i + 1,
                label: &t.label,
                keywords: &t.keywords,
                seed: t.seed_name.as_deref(),
                existing: match &plan.dest[i] {
                    Dest::Existing(id) => Some(topic(id)),
                    Dest::New => None,
                },
                representatives: t
                    .representatives(REPRESENTATIVES)
                    .into_iter()
                    .map(card)
                    .collect(),
                cards: t
                    .members
                    .iter()
                    .map(|(id, score)| JsonMember {
                        card: card(id),
                        text: names.text(id),
                        score: *score,
                    })
                    .collect(),
            })
            .collect();
        let accepting = JsonAccept {
            moves: plan
                .moves
                .iter()
                .map(|m| JsonMove {
                    card: card(&m.card_id),
                    from: m.from.as_deref().map(topic),
                    to: index(m.to),
                })
                .collect(),
            stays: plan
                .stays
                .iter()
                .map(|s| JsonStay {
                    card: card(&s.card_id),
                    topic: topic(&s.topic_id),
                    proposed: index(s.proposed),
                    because: s.because,
                })
                .collect(),
            new_topics: plan.new_topics().into_iter().map(|i| i + 1).collect(),
            retired: plan.retired.iter().map(|id| topic(id)).collect(),
            unchanged: plan.unchanged,
        };
        PlanJson {
            k: run.k,
            k_auto: run.k_auto,
            lang: &run.lang,
            topics,
            unsorted: run.unsorted.iter().map(|(id, _)| card(id)).collect(),
            accepting,
        }
    }
}
