//! A finished clustering run shown as a proposal: accept all of it, only the marked
//! topics, or discard it. Nothing is stored until it is accepted; cards placed by hand
//! or pinned, and the cards of decided, mapped or hand-made topics, stay where they are
//! either way (the store sees to it). The proposal says so first, and Tab lists a
//! proposed topic's cards under it, so nothing is accepted unseen.

use super::{BoardOp, Effect, Modal, Room};
use crate::model::Lang;
use crate::storage::runs::{KeptBecause, RunPreview, RunRecord};
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
    /// The topics whose cards the run leaves alone, and what still changes in them.
    pub preview: RunPreview,
    /// Per proposed topic, its cards' texts (shown on request), each marked when the
    /// card stays where it is.
    pub texts: Vec<Vec<(bool, String)>>,
    /// Per proposed topic, how many of its cards stay where they are.
    pub staying: Vec<usize>,
    /// The proposed topic whose cards are listed under it.
    pub open: Option<usize>,
}

/// At most this many card texts are listed under an opened topic.
const SHOWN_CARDS: usize = 12;

impl Proposal {
    /// `texts` are the cards' texts by id (cards missing there are listed by id).
    pub fn new(
        record: RunRecord,
        split_of: Option<String>,
        preview: RunPreview,
        texts: &std::collections::HashMap<&str, &str>,
    ) -> Proposal {
        let texts: Vec<Vec<(bool, String)>> = record
            .topics
            .iter()
            .map(|t| {
                t.members
                    .iter()
                    .map(|(id, _)| {
                        let text = texts.get(id.as_str()).map_or(id.as_str(), |t| t);
                        (preview.staying.contains(id), text.to_owned())
                    })
                    .collect()
            })
            .collect();
        let staying = texts
            .iter()
            .map(|t| t.iter().filter(|c| c.0).count())
            .collect();
        Proposal {
            chosen: vec![true; record.topics.len()],
            record,
            cursor: 0,
            split_of,
            preview,
            texts,
            staying,
            open: None,
        }
    }

    /// The lines that say what the run leaves alone before the topics are listed.
    fn notes(&self, lang: Lang) -> Vec<String> {
        if self.split_of.is_some() {
            return Vec::new();
        }
        let p = &self.preview;
        let mut out = Vec::new();
        if p.kept.is_empty() && p.added.is_empty() {
            out.push(T::KeptNone.tr(lang).to_owned());
        }
        if !p.kept.is_empty() {
            let cards: usize = p.kept.iter().map(|k| k.cards).sum();
            out.push(format!(
                "{}: {} · {}",
                T::KeptTopics.tr(lang),
                count(p.kept.len() as i64, Noun::Topic, lang),
                count(cards as i64, Noun::Card, lang)
            ));
        }
        for k in &p.kept {
            let why: Vec<&str> = k
                .because
                .iter()
                .map(|b| match b {
                    KeptBecause::Decided => T::KeptDecided.tr(lang),
                    KeptBecause::Mapped => T::KeptMapped.tr(lang),
                    KeptBecause::ByHand => T::KeptByHand.tr(lang),
                })
                .collect();
            out.push(format!(
                "= {} · {} · {}",
                k.label,
                count(k.cards as i64, Noun::Card, lang),
                why.join(", ")
            ));
        }
        for (label, n) in &p.added {
            out.push(format!(
                "{} {label}: +{}",
                T::AddsTo.tr(lang),
                count(*n as i64, Noun::Card, lang)
            ));
        }
        out
    }

    /// The rows of the topic list: `(topic index, text)`, a card row carrying its
    /// topic's index too.
    fn rows(&self, lang: Lang) -> Vec<(usize, bool, String)> {
        let mut rows = Vec::new();
        for (i, t) in self.record.topics.iter().enumerate() {
            let name = t.seed_name.as_deref().unwrap_or(&t.label);
            let mark = if self.chosen[i] { "x" } else { " " };
            let size = match self.staying[i] {
                0 => t.members.len().to_string(),
                n => format!("{} · {n} {}", t.members.len(), T::StayPut.tr(lang)),
            };
            rows.push((i, true, format!("[{mark}] {name} ({size})")));
            if self.open == Some(i) {
                let texts = &self.texts[i];
                for (stays, text) in texts.iter().take(SHOWN_CARDS) {
                    let bullet = if *stays { '=' } else { '·' };
                    rows.push((i, false, format!("    {bullet} {text}")));
                }
                if texts.len() > SHOWN_CARDS {
                    let more = (texts.len() - SHOWN_CARDS) as i64;
                    rows.push((
                        i,
                        false,
                        format!(
                            "    {} {}",
                            T::MoreCards.tr(lang),
                            count(more, Noun::Card, lang)
                        ),
                    ));
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
        let w = screen.width.min(70);
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
