//! A finished clustering run shown as a proposal: accept all of it, only the marked
//! topics, or discard it. Nothing is stored until it is accepted; cards placed by hand
//! or pinned stay where they are either way (the store sees to it).

use super::{BoardOp, Effect, Modal, Room};
use crate::model::Lang;
use crate::storage::topics::RunRecord;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::i18n::{Noun, T, count};
use crate::tui::theme;
use crate::tui::widgets::text::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};

#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub record: RunRecord,
    /// One per proposed topic: whether accepting applies it.
    pub chosen: Vec<bool>,
    pub cursor: usize,
    /// Set when the run re-clustered one topic: accepting splits that topic by hand.
    pub split_of: Option<String>,
}

impl Proposal {
    pub fn new(record: RunRecord, split_of: Option<String>) -> Proposal {
        Proposal {
            chosen: vec![true; record.topics.len()],
            record,
            cursor: 0,
            split_of,
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
        }
        r
    }
}

impl Room {
    pub(super) fn proposal_update(
        &mut self,
        mut p: Proposal,
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
        let w = screen.width.min(70);
        let h = (p.chosen.len() as u16 + 3).min(screen.height);
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
        let list_h = usize::from(inner.height.saturating_sub(1));
        let off = p.cursor.saturating_sub(list_h.saturating_sub(1));
        for (n, (i, t)) in p
            .record
            .topics
            .iter()
            .enumerate()
            .skip(off)
            .take(list_h)
            .enumerate()
        {
            let name = t.seed_name.as_deref().unwrap_or(&t.label);
            let line = format!(
                "[{}] {} ({})",
                if p.chosen[i] { "x" } else { " " },
                name,
                t.members.len()
            );
            let style = if i == p.cursor {
                theme::selected()
            } else {
                Style::default()
            };
            buf.set_stringn(
                inner.x,
                inner.y + n as u16,
                truncate(&line, width),
                width,
                style,
            );
        }
        let foot = format!("{}: {}", T::Unsorted.tr(lang), p.record.unsorted.len());
        buf.set_stringn(inner.x, inner.bottom() - 1, foot, width, theme::dim());
    }
}
