//! A finished clustering run shown as a proposal: accept all of it, only the marked
//! topics, or discard it. Nothing is stored until it is accepted. The proposal shows the
//! plan accepting carries out (`storage::run_plan`): how many cards move and stay and
//! why (pinned, placed by hand, in a decided, mapped or hand-made topic), the topics made
//! and retired, each proposed topic with where its cards go and its two most
//! representative cards; Tab lists all its cards, each with what happens to it.

use super::{BoardOp, Effect, Modal, Room};
use crate::storage::run_plan::{Dest, KeptBecause, RunPlan, plan_run, with_distinct_labels};
use crate::storage::runs::RunRecord;
use crate::storage::topics::TopicRow;
use crate::storage::undo::Placement;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::i18n::T;
use std::collections::HashMap;

mod view;

/// The board a proposal is compared with.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Board {
    pub topics: Vec<TopicRow>,
    pub placements: Vec<Placement>,
    /// Card id → (number, text).
    pub cards: HashMap<String, (i64, String)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub record: RunRecord,
    /// One per proposed topic: whether accepting applies it.
    pub chosen: Vec<bool>,
    pub cursor: usize,
    /// Set when the run re-clustered one topic: accepting splits that topic by hand.
    pub split_of: Option<String>,
    board: Board,
    /// What Enter (the marked topics) does; its topic indices are `marked`'s.
    pub plan: RunPlan,
    /// Record index of each topic of `plan`.
    pub marked: Vec<usize>,
    /// What `a` (all topics) does, indexed like `record.topics`.
    pub plan_all: RunPlan,
    /// The proposed topic whose cards are all listed under it.
    pub open: Option<usize>,
    /// Indexes into `plan_all`, so drawing a long opened topic stays quick: card id →
    /// its move or its stay, and per proposed topic the cards moving in and staying.
    move_of: HashMap<String, usize>,
    stay_of: HashMap<String, usize>,
    counts: Vec<(usize, usize)>,
    /// Each topic's keywords are listed under its row (`w`).
    pub keywords: bool,
    /// Each proposed topic's name as accepting the marked topics would store it.
    pub names: Vec<String>,
}

/// The plan of a split: the first part stays in the topic, the others become new
/// topics made by hand, which moves every card of theirs but pinned ones.
fn split_plan(record: &RunRecord, topic: &str, board: &Board) -> RunPlan {
    let pinned = |c: &str| board.placements.iter().any(|p| p.card_id == c && p.pinned);
    let mut plan = RunPlan {
        dest: (0..record.topics.len()).map(|_| Dest::New).collect(),
        ..RunPlan::default()
    };
    for (i, t) in record.topics.iter().enumerate() {
        if i == 0 {
            plan.dest[0] = Dest::Existing(topic.to_owned());
            plan.unchanged += t.members.len();
            continue;
        }
        for (card, _) in &t.members {
            if pinned(card) {
                plan.stays.push(crate::storage::run_plan::CardStay {
                    card_id: card.clone(),
                    topic_id: topic.to_owned(),
                    proposed: Some(i),
                    because: KeptBecause::Pinned,
                });
            } else {
                plan.moves.push(crate::storage::run_plan::CardMove {
                    card_id: card.clone(),
                    from: Some(topic.to_owned()),
                    to: Some(i),
                });
            }
        }
    }
    plan
}

impl Proposal {
    pub fn new(record: RunRecord, split_of: Option<String>, board: Board) -> Proposal {
        let mut p = Proposal {
            chosen: vec![true; record.topics.len()],
            record,
            cursor: 0,
            split_of,
            board,
            plan: RunPlan::default(),
            marked: Vec::new(),
            plan_all: RunPlan::default(),
            open: None,
            move_of: HashMap::new(),
            stay_of: HashMap::new(),
            counts: Vec::new(),
            keywords: false,
            names: Vec::new(),
        };
        p.plan_all = p.plan_of(&p.accepted(true));
        // Shown and stored under names no kept topic has (see `with_distinct_labels`).
        p.record = with_distinct_labels(&p.record, &p.board.topics, &p.plan_all);
        p.index();
        p.replan();
        p
    }

    fn index(&mut self) {
        let all = &self.plan_all;
        let mut counts = vec![(0, 0); self.record.topics.len()];
        for (n, m) in all.moves.iter().enumerate() {
            self.move_of.insert(m.card_id.clone(), n);
            if let Some(c) = m.to.and_then(|i| counts.get_mut(i)) {
                c.0 += 1;
            }
        }
        for (n, s) in all.stays.iter().enumerate() {
            self.stay_of.insert(s.card_id.clone(), n);
            if let Some(c) = s.proposed.and_then(|i| counts.get_mut(i)) {
                c.1 += 1;
            }
        }
        self.counts = counts;
    }

    fn plan_of(&self, record: &RunRecord) -> RunPlan {
        match &self.split_of {
            Some(topic) => split_plan(record, topic, &self.board),
            None => plan_run(record, &self.board.topics, &self.board.placements),
        }
    }

    /// Works out again what Enter does, after the marks changed.
    fn replan(&mut self) {
        self.marked = (0..self.chosen.len()).filter(|&i| self.chosen[i]).collect();
        let accepted = self.accepted(false);
        self.plan = self.plan_of(&accepted);
        self.names = self.record.topics.iter().map(|t| t.label.clone()).collect();
        for (&i, t) in self.marked.iter().zip(&accepted.topics) {
            self.names[i].clone_from(&t.label);
        }
    }

    /// The op that applies the accepted part: a run, or for a re-clustered topic its
    /// split, where the largest chosen part stays and the others become new topics by
    /// hand (so hand-placed cards move too; pinned ones stay).
    fn op(&self, all: bool) -> BoardOp {
        let record = self.accepted(all);
        match &self.split_of {
            None => BoardOp::ApplyRun(Box::new(record)),
            Some(topic) => BoardOp::SplitByRun {
                topic: topic.clone(),
                parts: record
                    .topics
                    .iter()
                    .skip(1)
                    .map(|t| {
                        let label = t.seed_name.clone().unwrap_or_else(|| t.label.clone());
                        (label, t.members.iter().map(|m| m.0.clone()).collect())
                    })
                    .collect(),
            },
        }
    }

    /// The run restricted to the chosen topics. A partial run leaves cards outside
    /// them alone, so its unsorted list is dropped too.
    pub fn accepted(&self, all: bool) -> RunRecord {
        let mut r = self.record.clone();
        if !all && self.chosen.iter().any(|c| !c) {
            r.topics = r
                .topics
                .into_iter()
                .zip(&self.chosen)
                .filter(|(_, c)| **c)
                .map(|(t, _)| t)
                .collect();
            r.unsorted.clear();
            // Accepting only part can keep alive an earlier topic that accepting all
            // would retire; a new topic named like it then takes a number.
            let plan = self.plan_of(&r);
            r = with_distinct_labels(&r, &self.board.topics, &plan);
        }
        r
    }
}

impl Room {
    pub(super) fn proposal_update(
        &mut self,
        mut p: Box<Proposal>,
        action: Action,
        ctx: &mut Ctx,
    ) -> Vec<Effect> {
        let last = p.chosen.len().saturating_sub(1);
        match action {
            Action::Up => p.cursor = p.cursor.saturating_sub(1),
            Action::Down => p.cursor = (p.cursor + 1).min(last),
            Action::Mark => {
                if let Some(c) = p.chosen.get_mut(p.cursor) {
                    *c = !*c;
                }
                p.replan();
            }
            Action::Keywords => p.keywords = !p.keywords,
            Action::Open => {
                p.open = if p.open == Some(p.cursor) {
                    None
                } else {
                    Some(p.cursor)
                };
            }
            Action::Discard => {
                ctx.say(ctx.tr(T::Discarded));
                return Vec::new();
            }
            Action::Accept | Action::AcceptAll => {
                let all = action == Action::AcceptAll;
                if !all && !p.chosen.iter().any(|c| *c) {
                    ctx.fail_t(T::NothingChosen);
                } else {
                    return vec![Effect::Op(p.op(all))];
                }
            }
            _ => {}
        }
        self.modal = Some(Modal::Proposal(p));
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::runs::RunTopic;

    fn run_topic(label: &str, card: &str) -> RunTopic {
        RunTopic {
            label: label.into(),
            keywords: Vec::new(),
            seed_name: None,
            target: None,
            example_card_id: card.into(),
            members: vec![(card.into(), 0.5)],
            central: Vec::new(),
        }
    }

    /// An earlier run's "Autor" holds two cards; the new run puts them in a new "Autor"
    /// and in "Inne". Accepting all retires the old topic, so the new one keeps the
    /// name; accepting "Autor" alone leaves the old one a card, so the new one is
    /// "Autor (2)".
    #[test]
    fn a_partly_accepted_run_names_its_topics_against_what_stays() {
        let old = TopicRow {
            id: "t1".into(),
            label: "Autor".into(),
            keywords: Vec::new(),
            origin: "run".into(),
            run_id: None,
            size: 2,
            votes: 0,
            example_card_id: None,
            decision: None,
            sections: Vec::new(),
            by_hand: false,
        };
        let placed = |card: &str| Placement {
            card_id: card.into(),
            topic_id: "t1".into(),
            source: "run".into(),
            pinned: false,
        };
        let board = Board {
            topics: vec![old],
            placements: vec![placed("c1"), placed("c2")],
            cards: HashMap::new(),
        };
        let record = RunRecord {
            session_id: None,
            params: "{}".into(),
            k: 2,
            k_auto: false,
            lang: "pl".into(),
            topics: vec![run_topic("Autor", "c1"), run_topic("Inne", "c2")],
            unsorted: Vec::new(),
        };
        let mut p = Proposal::new(record, None, board);
        let labels = |r: &RunRecord| r.topics.iter().map(|t| t.label.clone()).collect::<Vec<_>>();
        assert_eq!(labels(&p.accepted(true)), ["Autor", "Inne"]);
        p.chosen = vec![true, false];
        assert_eq!(labels(&p.accepted(false)), ["Autor (2)"]);
        // The list shows the name accepting stores.
        p.replan();
        assert_eq!(p.names, ["Autor (2)", "Inne"]);
    }
}
