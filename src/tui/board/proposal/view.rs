//! How the proposal reads on screen: the summary and the notes on what stays and why,
//! one row per proposed topic with its representative (or, opened, all its) cards and
//! each card's fate, and the bordered window that holds them.

use super::Proposal;
use crate::model::Lang;
use crate::storage::run_plan::{Dest, KeptBecause, RunPlan};
use crate::tui::i18n::{Noun, T, count};
use crate::tui::theme;
use crate::tui::widgets::text::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};

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

impl Proposal {
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
                t.seed_name
                    .as_deref()
                    .unwrap_or(self.names.get(i).unwrap_or(&t.label)),
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
