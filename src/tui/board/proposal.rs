//! A finished clustering run shown as a proposal: accept all of it, only the marked
//! topics, or discard it. Nothing is stored until it is accepted. The proposal shows the
//! plan accepting carries out (`storage::run_plan`): how many cards move and stay and
//! why (pinned, placed by hand, in a decided, mapped or hand-made topic), the topics made
//! and retired, each proposed topic with where its cards go and its two most
//! representative cards; Tab lists all its cards, each with what happens to it.

use super::{BoardOp, Effect, Modal, Room};
use crate::model::Lang;
use crate::storage::run_plan::{Dest, KeptBecause, RunPlan, plan_run};
use crate::storage::runs::RunRecord;
use crate::storage::topics::TopicRow;
use crate::storage::undo::Placement;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::i18n::{Noun, T, count};
use crate::tui::theme;
use crate::tui::widgets::text::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};
use std::collections::HashMap;

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
}

/// Representative cards listed under each proposed topic until it is opened.
const REPRESENTATIVES: usize = 2;

/// What happens to one card of a proposed topic.
enum Fate<'a> {
    Moves(Option<&'a str>),
    Stays(&'a str, KeptBecause),
    Unchanged,
}

fn because(b: KeptBecause) -> T {
    match b {
        KeptBecause::Pinned => T::KeptPinned,
        KeptBecause::PlacedByHand => T::KeptPlaced,
        KeptBecause::Decided => T::KeptDecided,
        KeptBecause::Mapped => T::KeptMapped,
        KeptBecause::ByHand => T::KeptByHand,
    }
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
        };
        p.plan_all = p.plan_of(&p.accepted(true));
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
        self.plan = self.plan_of(&self.accepted(false));
    }

    fn card(&self, id: &str) -> (String, &str) {
        self.board.cards.get(id).map_or_else(
            || (id.to_owned(), ""),
            |c| (format!("#{}", c.0), c.1.as_str()),
        )
    }

    fn topic_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.board
            .topics
            .iter()
            .find(|t| t.id == id)
            .map_or(id, |t| t.label.as_str())
    }

    /// Card numbers, ascending, comma-separated.
    fn numbers<'a>(&self, ids: impl Iterator<Item = &'a str>) -> String {
        let mut seqs: Vec<i64> = ids
            .filter_map(|id| self.board.cards.get(id).map(|c| c.0))
            .collect();
        seqs.sort_unstable();
        seqs.iter()
            .map(|n| format!("#{n}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// "Moves 57 cards · Stay: 40 · new topics: 5 · retired topics: 2".
    fn summary(plan: &RunPlan, lang: Lang) -> String {
        if plan.moves.is_empty() && plan.stays.is_empty() {
            return T::PlanNothing.tr(lang).to_owned();
        }
        let mut parts = vec![
            format!(
                "{} {}",
                T::PlanMoves.tr(lang),
                count(plan.moves.len() as i64, Noun::Card, lang)
            ),
            format!("{}: {}", T::PlanStay.tr(lang), plan.stays.len()),
        ];
        let new = plan.new_topics().len();
        if new > 0 {
            parts.push(format!("{}: {new}", T::PlanNew.tr(lang)));
        }
        if !plan.retired.is_empty() {
            parts.push(format!(
                "{}: {}",
                T::PlanRetired.tr(lang),
                plan.retired.len()
            ));
        }
        parts.join(" · ")
    }

    /// The lines above the topics: what Enter does (and `a`, when they differ), why
    /// cards stay, by card number, and the cards that go back to unsorted.
    fn notes(&self, lang: Lang) -> Vec<String> {
        let p = &self.plan;
        let mut out = vec![Self::summary(p, lang)];
        if self.marked.len() < self.chosen.len() {
            out.push(format!(
                "{}: {}",
                T::PlanAll.tr(lang),
                Self::summary(&self.plan_all, lang)
            ));
        }
        for (b, _) in p.stays_by_reason() {
            let cards = p
                .stays
                .iter()
                .filter(|s| s.because == b)
                .map(|s| s.card_id.as_str());
            out.push(format!(
                "= {}: {}",
                because(b).tr(lang),
                self.numbers(cards)
            ));
        }
        let back: Vec<&str> = p
            .moves
            .iter()
            .filter(|m| m.to.is_none())
            .map(|m| m.card_id.as_str())
            .collect();
        if !back.is_empty() {
            out.push(format!(
                "{}: {}",
                T::ToUnsorted.tr(lang),
                self.numbers(back.into_iter())
            ));
        }
        out
    }

    fn fate(&self, card: &str) -> Fate<'_> {
        let p = &self.plan_all;
        if let Some(m) = self.move_of.get(card).map(|&n| &p.moves[n]) {
            return Fate::Moves(m.from.as_deref());
        }
        match self.stay_of.get(card).map(|&n| &p.stays[n]) {
            Some(s) => Fate::Stays(&s.topic_id, s.because),
            None => Fate::Unchanged,
        }
    }

    /// A card's row under its opened topic: what happens to it, then its text.
    fn card_row(&self, id: &str, lang: Lang) -> String {
        let (n, text) = self.card(id);
        match self.fate(id) {
            Fate::Moves(from) => {
                let from = from.map_or(T::Unsorted.tr(lang), |f| self.topic_label(f));
                format!("    + {n} ← {from}: {text}")
            }
            Fate::Stays(topic, b) => format!(
                "    = {n} {} ({}): {text}",
                self.topic_label(topic),
                because(b).tr(lang)
            ),
            Fate::Unchanged => format!("    · {n} {text}"),
        }
    }

    /// A proposed topic's row: its name (the existing topic it fills, or new), size,
    /// cards moving in and staying put.
    fn topic_row(&self, i: usize, lang: Lang) -> String {
        let t = &self.record.topics[i];
        let mark = if self.chosen[i] { "x" } else { " " };
        let (moves_in, stays) = self.counts.get(i).copied().unwrap_or_default();
        let name = match &self.plan_all.dest[i] {
            Dest::Existing(id) => format!("→ {}", self.topic_label(id)),
            // A new topic no card moves into is not made (the store retires it).
            Dest::New => format!(
                "{} ({})",
                t.seed_name.as_deref().unwrap_or(&t.label),
                if moves_in > 0 {
                    T::NewMark.tr(lang)
                } else {
                    T::NotMade.tr(lang)
                }
            ),
        };
        let mut size = format!(
            "{} · +{moves_in}",
            count(t.members.len() as i64, Noun::Card, lang)
        );
        if stays > 0 {
            size = format!("{size} · {stays} {}", T::StayPut.tr(lang));
        }
        format!("[{mark}] {name} · {size}")
    }

    /// The rows of the topic list: `(topic index, is the topic's row, text)`.
    fn rows(&self, lang: Lang) -> Vec<(usize, bool, String)> {
        let mut rows = Vec::new();
        for (i, t) in self.record.topics.iter().enumerate() {
            rows.push((i, true, self.topic_row(i, lang)));
            if self.keywords && !t.keywords.is_empty() {
                let words = t.keywords.join(", ");
                rows.push((
                    i,
                    false,
                    format!("      {}: {words}", T::ActKeywords.tr(lang)),
                ));
            }
            if self.open == Some(i) {
                for (id, _) in &t.members {
                    rows.push((i, false, self.card_row(id, lang)));
                }
            } else {
                for id in t.representatives(REPRESENTATIVES) {
                    let (n, text) = self.card(id);
                    rows.push((i, false, format!("      {n} {text}")));
                }
            }
        }
        rows
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

impl Proposal {
    pub fn render(&self, lang: Lang, screen: Rect, buf: &mut Buffer) {
        let p = self;
        if screen.is_empty() {
            return;
        }
        let notes = p.notes(lang);
        let rows = p.rows(lang);
        let w = screen.width.min(78);
        let want = notes.len() + rows.len() + 3;
        let h = u16::try_from(want).unwrap_or(u16::MAX).min(screen.height);
        let area = Rect::new(
            screen.x + (screen.width - w) / 2,
            screen.y + (screen.height - h) / 2,
            w,
            h,
        );
        Clear.render(area, buf);
        let title = format!(
            " {} · {} · k={} ",
            T::Proposal.tr(lang),
            count(p.record.topics.len() as i64, Noun::Topic, lang),
            p.record.k
        );
        let block = Block::bordered().title(title);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return;
        }
        let width = usize::from(inner.width);
        let body = usize::from(inner.height.saturating_sub(1));
        // The notes come first but leave the topics what they need, up to half the room
        // (one row when tiny); a cut list of notes keeps its first, summing-up line and
        // ends with "…".
        let list_min = rows.len().min(body.div_ceil(2)).max(1).min(body);
        let note_h = notes.len().min(body - list_min);
        let mut y = inner.y;
        for (n, line) in notes.iter().take(note_h).enumerate() {
            let line = if n > 0 && n + 1 == note_h && note_h < notes.len() {
                "…"
            } else {
                line.as_str()
            };
            buf.set_stringn(inner.x, y, truncate(line, width), width, theme::dim());
            y += 1;
        }
        let list_h = body - note_h;
        // Keep the cursor in view and, when its topic is open, as many of its cards.
        let at = rows
            .iter()
            .position(|r| r.0 == p.cursor && r.1)
            .unwrap_or(0);
        let end = if p.open == Some(p.cursor) {
            rows.iter().rposition(|r| r.0 == p.cursor).unwrap_or(at)
        } else {
            at
        };
        let off = end.saturating_sub(list_h.saturating_sub(1)).min(at);
        for (i, is_topic, line) in rows.iter().skip(off).take(list_h) {
            let style = if *is_topic && *i == p.cursor {
                theme::selected()
            } else if *is_topic {
                Style::default()
            } else {
                theme::dim()
            };
            buf.set_stringn(inner.x, y, truncate(line, width), width, style);
            y += 1;
        }
        let foot = format!(
            "{}: {} · {}",
            T::Unsorted.tr(lang),
            p.record.unsorted.len(),
            T::ProposalCards.tr(lang)
        );
        buf.set_stringn(
            inner.x,
            inner.bottom() - 1,
            truncate(&foot, width),
            width,
            theme::dim(),
        );
    }
}
