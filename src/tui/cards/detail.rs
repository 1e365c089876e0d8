//! One card in full: wrapped text and every field, its lineage, with vote, edit and
//! delete keys.

use super::{CardForm, Effect, Modal, Room};
use crate::model::Lang;
use crate::model::{Card, Zone, local_time};
use crate::storage::decisions::DecisionRow;
use crate::tui::action::Action;
use crate::tui::ctx::{Back, Ctx, Nav};
use crate::tui::i18n::{T, decision_name, kind_name};
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use std::fmt::Write as _;
use time::UtcOffset;

/// One line of a card's lineage, with the other card's number resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryLine {
    pub event: String,
    pub related_seq: Option<i64>,
    pub actor: Option<String>,
    pub at: String,
    pub why: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub card: Card,
    /// Where Esc returns.
    pub back: Back,
    /// The card whose lineage was asked for, and the lineage once it came.
    pub history_for: Option<String>,
    pub history: Vec<HistoryLine>,
    /// The decision that counts for the card, read with its lineage.
    pub decision: Option<DecisionRow>,
}

impl Detail {
    pub fn new(card: Card, back: Back) -> Detail {
        Detail {
            card,
            back,
            history_for: None,
            history: Vec::new(),
            decision: None,
        }
    }
}

impl Room {
    pub(super) fn detail_update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        let Some(d) = self.detail.as_mut() else {
            return Vec::new();
        };
        let id = d.card.id.clone();
        match action {
            Action::Cancel => ctx.go(match d.back {
                Back::Search => Nav::Search,
                Back::Board => Nav::Board {
                    cards: false,
                    topics: false,
                },
                Back::List => Nav::Cards,
            }),
            Action::Edit => self.modal = Some(Modal::Form(CardForm::new(&d.card, ctx.lang))),
            Action::VoteUp => return vec![Effect::Vote { id, delta: 1 }],
            Action::VoteDown => return vec![Effect::Vote { id, delta: -1 }],
            Action::Delete => {
                ctx.go(Nav::Cards);
                return vec![Effect::Delete(id)];
            }
            Action::Undo => ctx.undo(),
            Action::Redo => ctx.redo(),
            // j/k walk through the list without going back to it.
            Action::Down | Action::Up if d.back == Back::List => {
                let h = self.list_height(ctx.size);
                self.list
                    .move_by(if action == Action::Down { 1 } else { -1 }, h);
                if let (Some(c), Some(d)) = (self.list.selected_card(), self.detail.as_mut()) {
                    d.card = c.clone();
                }
            }
            _ => {}
        }
        Vec::new()
    }
}

fn field(label: &str, value: String) -> Line<'_> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme::label()),
        Span::raw(value),
    ])
}

/// A lineage event as "merged into #12 (who, when): why"; other events are left out.
fn history_line(lang: Lang, offset: UtcOffset, h: &HistoryLine) -> Option<Line<'static>> {
    let what = match h.event.as_str() {
        "merged_into" => T::MergedInto,
        "merged_from" => T::MergedFrom,
        "split_into" => T::SplitInto,
        "split_from" => T::SplitFrom,
        "restored" | "deleted" if h.why.as_deref() == Some("merge undone") => T::Unmerged,
        "restored" | "deleted" if h.why.as_deref() == Some("split undone") => T::Unsplit,
        _ => return None,
    };
    let mut s = format!("  {}", what.tr(lang));
    if let Some(seq) = h.related_seq {
        let _ = write!(s, " #{seq}");
    }
    let when = local_time(&h.at, Zone::Fixed(offset));
    match &h.actor {
        Some(a) => {
            let _ = write!(s, " ({a}, {when})");
        }
        None => {
            let _ = write!(s, " ({when})");
        }
    }
    if let Some(w) = h.why.as_deref().filter(|w| !w.ends_with(" undone")) {
        let _ = write!(s, ": {w}");
    }
    Some(Line::raw(s))
}

/// The outcome, and once read, its date, whether it was the topic's, the rationale
/// and the vote.
fn decision_lines(d: &Detail, lang: Lang, lines: &mut Vec<Line<'_>>) {
    let Some(outcome) = d.card.decision else {
        return;
    };
    let mut head = decision_name(outcome, lang).to_owned();
    let Some(r) = d.decision.as_ref().filter(|r| r.outcome == outcome) else {
        lines.push(field(tr(lang, T::Decision), head));
        return;
    };
    if let Some(on) = &r.decided_on {
        let _ = write!(head, " · {on}");
    }
    if r.target_kind == "topic" {
        let _ = write!(head, " · {}", tr(lang, T::ForTopic));
    }
    lines.push(field(tr(lang, T::Decision), head));
    if !r.rationale.is_empty() {
        lines.push(field(tr(lang, T::Rationale), r.rationale.clone()));
    }
    let votes: Vec<String> = [
        (T::VotesFor, r.votes_for),
        (T::VotesAgainst, r.votes_against),
        (T::VotesAbstain, r.votes_abstain),
    ]
    .into_iter()
    .filter_map(|(t, n)| n.map(|n| format!("{} {n}", tr(lang, t))))
    .collect();
    if !votes.is_empty() {
        lines.push(Line::raw(votes.join(" · ")));
    }
}

pub fn render(d: &Detail, lang: Lang, offset: UtcOffset, area: Rect, buf: &mut Buffer) {
    let card = &d.card;
    if area.is_empty() {
        return;
    }
    let block = Block::bordered()
        .title(format!(" {} #{} ", tr(lang, T::Detail), card.seq))
        .border_style(theme::kind(card.kind));
    let inner = block.inner(area);
    block.render(area, buf);
    let mut lines = vec![
        Line::styled(card.text.as_str(), theme::label()),
        Line::raw(""),
        Line::from(vec![
            Span::styled(format!("{}: ", tr(lang, T::Kind)), theme::label()),
            Span::styled(kind_name(card.kind, lang), theme::kind(card.kind)),
            Span::raw(format!("   {}: {}", tr(lang, T::Votes), card.votes)),
        ]),
        field(tr(lang, T::Session), card.session.clone()),
    ];
    let optional = [
        (T::Activity, card.activity.clone()),
        (T::Speaker, card.speaker.clone()),
        (
            T::Tags,
            (!card.tags.is_empty()).then(|| {
                card.tags
                    .iter()
                    .map(|t| format!("#{t}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            }),
        ),
        (T::Topic, card.topic.clone()),
    ];
    for (label, value) in optional {
        if let Some(v) = value {
            lines.push(field(tr(lang, label), v));
        }
    }
    decision_lines(d, lang, &mut lines);
    lines.push(field(
        tr(lang, T::Created),
        local_time(&card.created_at, Zone::Fixed(offset)),
    ));
    if card.pinned {
        lines.push(Line::styled(tr(lang, T::Pinned), theme::dim()));
    }
    let history: &[HistoryLine] = if d.history_for.as_deref() == Some(card.id.as_str()) {
        &d.history
    } else {
        &[]
    };
    let lineage: Vec<Line> = history
        .iter()
        .filter_map(|h| history_line(lang, offset, h))
        .collect();
    if !lineage.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(tr(lang, T::History), theme::label()));
        lines.extend(lineage);
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}

fn tr(lang: Lang, t: T) -> &'static str {
    t.tr(lang)
}
