//! What accepting a clustering run changes, card by card, worked out from the board as
//! it is. The proposal shows this plan and storing the run carries out the same plan
//! (worked out again inside its transaction), so a preview cannot promise one thing
//! and accepting do another.

use super::runs::RunRecord;
use super::topics::TopicRow;
use super::undo::Placement;
use crate::model::text::numbered_if_taken;
use serde::Serialize;
use std::collections::HashMap;

/// Why a card the run would move stays where it is. Card reasons come first: a pinned
/// card in a decided topic is reported as pinned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeptBecause {
    Pinned,
    PlacedByHand,
    Decided,
    Mapped,
    /// The topic was made, renamed, split, merged or given cards by hand.
    ByHand,
}

impl KeptBecause {
    pub const ALL: [KeptBecause; 5] = [
        KeptBecause::Pinned,
        KeptBecause::PlacedByHand,
        KeptBecause::Decided,
        KeptBecause::Mapped,
        KeptBecause::ByHand,
    ];

    /// Why `placement` (in `topic`) stays, or `None` when a run may move it.
    fn of(placement: &Placement, topic: &TopicRow) -> Option<KeptBecause> {
        if placement.pinned {
            Some(KeptBecause::Pinned)
        } else if placement.source == "hand" {
            Some(KeptBecause::PlacedByHand)
        } else if topic.decision.is_some() {
            Some(KeptBecause::Decided)
        } else if !topic.sections.is_empty() {
            Some(KeptBecause::Mapped)
        } else if topic.by_hand {
            Some(KeptBecause::ByHand)
        } else {
            None
        }
    }
}

/// Where a proposed topic's cards go.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dest {
    /// Into a topic that exists already (seeded by its name or its outline chapter).
    Existing(String),
    /// Into a topic the run creates.
    New,
}

/// A card accepting moves: from its topic (`None`: unsorted) into a proposed topic
/// (`None`: back to unsorted).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CardMove {
    pub card_id: String,
    pub from: Option<String>,
    pub to: Option<usize>,
}

/// A card the run puts elsewhere that stays in its topic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CardStay {
    pub card_id: String,
    pub topic_id: String,
    /// The proposed topic the run put it in (`None`: unsorted).
    pub proposed: Option<usize>,
    pub because: KeptBecause,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RunPlan {
    /// Per proposed topic.
    pub dest: Vec<Dest>,
    pub moves: Vec<CardMove>,
    pub stays: Vec<CardStay>,
    /// Cards already where the run puts them.
    pub unchanged: usize,
    /// Ids of topics of earlier runs that accepting leaves empty, and so retires.
    pub retired: Vec<String>,
}

impl RunPlan {
    /// Cards that stay, by reason, in the order of `KeptBecause::ALL`.
    pub fn stays_by_reason(&self) -> Vec<(KeptBecause, usize)> {
        KeptBecause::ALL
            .iter()
            .map(|&b| (b, self.stays.iter().filter(|s| s.because == b).count()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// Proposed topics that become new topics (those that receive cards).
    pub fn new_topics(&self) -> Vec<usize> {
        let mut gets = vec![false; self.dest.len()];
        for i in self.moves.iter().filter_map(|m| m.to) {
            gets[i] = true;
        }
        (0..self.dest.len())
            .filter(|&i| gets[i] && self.dest[i] == Dest::New)
            .collect()
    }

    /// Moves into proposed topic `i`.
    pub fn moves_into(&self, i: usize) -> usize {
        self.moves.iter().filter(|m| m.to == Some(i)).count()
    }
}

/// Where proposed topic `t` goes: the live topic it was routed to, else a live topic
/// made by hand or seeded with its seed's name, else a new topic.
fn dest_of(run: &RunRecord, i: usize, topics: &[TopicRow]) -> Dest {
    let t = &run.topics[i];
    if let Some(id) = &t.target
        && topics.iter().any(|x| &x.id == id)
    {
        return Dest::Existing(id.clone());
    }
    if let Some(name) = &t.seed_name
        && let Some(x) = topics
            .iter()
            .find(|x| &x.label == name && x.origin != "run")
    {
        return Dest::Existing(x.id.clone());
    }
    Dest::New
}

/// The plan of accepting `run` on a board with these live `topics` and `placements`.
pub fn plan_run(run: &RunRecord, topics: &[TopicRow], placements: &[Placement]) -> RunPlan {
    let topic: HashMap<&str, &TopicRow> = topics.iter().map(|t| (t.id.as_str(), t)).collect();
    let placed: HashMap<&str, (&Placement, &TopicRow)> = placements
        .iter()
        .filter_map(|p| Some((p.card_id.as_str(), (p, *topic.get(p.topic_id.as_str())?))))
        .collect();
    let mut plan = RunPlan {
        dest: (0..run.topics.len())
            .map(|i| dest_of(run, i, topics))
            .collect(),
        ..RunPlan::default()
    };
    let proposed = run
        .topics
        .iter()
        .enumerate()
        .flat_map(|(i, t)| t.members.iter().map(move |m| (Some(i), &m.0)))
        .chain(run.unsorted.iter().map(|m| (None, &m.0)));
    for (to, card) in proposed {
        let now = placed.get(card.as_str());
        let same = match (to, now) {
            (None, None) => true,
            (Some(i), Some((p, _))) => plan.dest[i] == Dest::Existing(p.topic_id.clone()),
            _ => false,
        };
        if same {
            plan.unchanged += 1;
            continue;
        }
        if let Some((p, t)) = now
            && let Some(because) = KeptBecause::of(p, t)
        {
            plan.stays.push(CardStay {
                card_id: card.clone(),
                topic_id: p.topic_id.clone(),
                proposed: to,
                because,
            });
            continue;
        }
        plan.moves.push(CardMove {
            card_id: card.clone(),
            from: now.map(|(p, _)| p.topic_id.clone()),
            to,
        });
    }
    // Topics of earlier runs that end up empty are retired (unless decided or mapped).
    let mut left: HashMap<&str, i64> = HashMap::new();
    for p in placements {
        *left.entry(p.topic_id.as_str()).or_default() += 1;
    }
    for m in &plan.moves {
        if let Some(from) = &m.from {
            *left.entry(from.as_str()).or_default() -= 1;
        }
        if let Some(Dest::Existing(id)) = m.to.map(|i| &plan.dest[i]) {
            *left.entry(id.as_str()).or_default() += 1;
        }
    }
    plan.retired = topics
        .iter()
        .filter(|t| may_retire(t) && left.get(t.id.as_str()).copied().unwrap_or(0) <= 0)
        .map(|t| t.id.clone())
        .collect();
    plan
}

/// Whether a run retires `topic` once it leaves it empty: a topic an earlier run (or
/// a seed) made, neither decided nor mapped to the outline.
fn may_retire(topic: &TopicRow) -> bool {
    (topic.origin == "run" || topic.origin == "seed")
        && topic.decision.is_none()
        && topic.sections.is_empty()
}

/// Names of the `topics` a run leaves as they are: those it never retires, and
/// those worked on by hand. A run labels its own topics otherwise.
pub fn kept_labels(topics: &[TopicRow]) -> Vec<String> {
    topics
        .iter()
        .filter(|t| !may_retire(t) || t.by_hand)
        .map(|t| t.label.clone())
        .collect()
}

/// The run's topics with labels that no topic the board keeps after accepting `plan`
/// has, nor an earlier new one of the run (case aside): a clash gets a number
/// ("Głosowanie (2)"), so a decided "Głosowanie" and a new topic are never both called
/// so. Only topics the run creates, without a seed, are renamed (a seed names its
/// topic). The proposal and `narada cluster` rename before they show the run, and
/// store what they showed.
pub fn with_distinct_labels(run: &RunRecord, topics: &[TopicRow], plan: &RunPlan) -> RunRecord {
    let mut taken: Vec<String> = topics
        .iter()
        .filter(|t| !plan.retired.contains(&t.id))
        .map(|t| t.label.to_lowercase())
        .collect();
    let created = plan.new_topics();
    let mut out = run.clone();
    for (i, t) in out.topics.iter_mut().enumerate() {
        if !created.contains(&i) || t.seed_name.is_some() {
            continue;
        }
        let label = numbered_if_taken(&t.label, taken.len() + 1, |l| {
            taken.contains(&l.to_lowercase())
        });
        taken.push(label.to_lowercase());
        t.label = label;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DecisionOutcome;
    use crate::storage::runs::RunTopic;

    fn topic(id: &str, origin: &str) -> TopicRow {
        TopicRow {
            id: id.into(),
            label: id.into(),
            keywords: Vec::new(),
            origin: origin.into(),
            run_id: None,
            size: 0,
            votes: 0,
            example_card_id: None,
            decision: None,
            sections: Vec::new(),
            by_hand: false,
        }
    }

    fn at(card: &str, topic: &str, source: &str, pinned: bool) -> Placement {
        Placement {
            card_id: card.into(),
            topic_id: topic.into(),
            source: source.into(),
            pinned,
        }
    }

    #[test]
    fn each_card_moves_stays_for_its_reason_or_is_left_as_it_is() {
        let mut decided = topic("decided", "run");
        decided.decision = Some(DecisionOutcome::Adopted);
        let topics = [topic("old", "run"), decided, topic("Zieleń", "seed")];
        let placements = [
            at("free", "old", "run", false),
            at("hand", "old", "hand", false),
            at("pin", "old", "hand", true),
            at("kept", "decided", "run", false),
            at("there", "Zieleń", "run", false),
        ];
        let members = |ids: &[&str]| ids.iter().map(|c| ((*c).to_owned(), 0.5)).collect();
        let run = RunRecord {
            session_id: None,
            params: String::new(),
            k: 2,
            k_auto: false,
            lang: "pl".into(),
            topics: vec![
                RunTopic {
                    label: "nowy".into(),
                    keywords: Vec::new(),
                    seed_name: None,
                    target: None,
                    example_card_id: "free".into(),
                    members: members(&["free", "hand", "pin", "new"]),
                    central: Vec::new(),
                },
                RunTopic {
                    label: "zieleń, park".into(),
                    keywords: Vec::new(),
                    seed_name: Some("Zieleń".into()),
                    target: None,
                    example_card_id: "there".into(),
                    members: members(&["there"]),
                    central: Vec::new(),
                },
            ],
            unsorted: members(&["kept"]),
        };
        let plan = plan_run(&run, &topics, &placements);
        assert_eq!(plan.dest, vec![Dest::New, Dest::Existing("Zieleń".into())]);
        let moved: Vec<(&str, Option<&str>, Option<usize>)> = plan
            .moves
            .iter()
            .map(|m| (m.card_id.as_str(), m.from.as_deref(), m.to))
            .collect();
        assert_eq!(
            moved,
            vec![("free", Some("old"), Some(0)), ("new", None, Some(0))]
        );
        let stays: Vec<(&str, KeptBecause)> = plan
            .stays
            .iter()
            .map(|s| (s.card_id.as_str(), s.because))
            .collect();
        assert_eq!(
            stays,
            vec![
                ("hand", KeptBecause::PlacedByHand),
                ("pin", KeptBecause::Pinned),
                ("kept", KeptBecause::Decided)
            ]
        );
        assert_eq!(plan.unchanged, 1, "already in the seeded topic");
        assert!(plan.retired.is_empty(), "old keeps its hand-placed cards");
        assert_eq!(plan.new_topics(), vec![0]);
    }
}
