//! One card in full: wrapped text and every field, with vote, edit and delete keys.

use super::forms::CardForm;
use crate::model::Card;
use crate::tui::action::Action;
use crate::tui::app::{App, Modal, Screen};
use crate::tui::effect::Effect;
use crate::tui::i18n::{T, decision_name, kind_name};
use crate::tui::loaded::HistoryLine;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let Screen::Detail(card) = &app.screen else {
        return Vec::new();
    };
    let id = card.id.clone();
    match action {
        Action::Cancel if app.detail_from_search => app.screen = Screen::Search,
        Action::Cancel if app.detail_from_board => {
            app.detail_from_board = false;
            app.screen = Screen::Board;
        }
        Action::Cancel => app.screen = Screen::Cards,
        Action::Edit => app.modal = Some(Modal::CardForm(CardForm::new(card))),
        Action::VoteUp => return vec![Effect::Vote { id, delta: 1 }],
        Action::VoteDown => return vec![Effect::Vote { id, delta: -1 }],
        Action::Delete => {
            app.screen = Screen::Cards;
            return vec![Effect::Delete(id)];
        }
        Action::Undo => return app.undo(),
        Action::Redo => return app.redo(),
        // j/k walk through the list without going back to it.
        Action::Down | Action::Up if !app.detail_from_search && !app.detail_from_board => {
            let h = app.list_height();
            app.list
                .move_by(if action == Action::Down { 1 } else { -1 }, h);
            if let Some(c) = app.list.selected_card() {
                app.screen = Screen::Detail(Box::new(c.clone()));
            }
        }
        _ => {}
    }
    Vec::new()
}

fn field<'a>(label: &'a str, value: String) -> Line<'a> {
    Line::from(vec![
        Span::styled(format!("{label}: "), theme::label()),
        Span::raw(value),
    ])
}

/// A lineage event as "merged into #12 (who, when): why"; other events are left out.
fn history_line<'a>(app: &App, h: &'a HistoryLine) -> Option<Line<'a>> {
    let what = match h.event.as_str() {
        "merged_into" => T::MergedInto,
        "merged_from" => T::MergedFrom,
        "split_into" => T::SplitInto,
        "split_from" => T::SplitFrom,
        "restored" | "deleted" if h.why.as_deref() == Some("merge undone") => T::Unmerged,
        "restored" | "deleted" if h.why.as_deref() == Some("split undone") => T::Unsplit,
        _ => return None,
    };
    let mut s = format!("  {}", app.tr(what));
    if let Some(seq) = h.related_seq {
        s.push_str(&format!(" #{seq}"));
    }
    let when: String = h.at.chars().take(16).collect::<String>().replace('T', " ");
    match &h.actor {
        Some(a) => s.push_str(&format!(" ({a}, {when})")),
        None => s.push_str(&format!(" ({when})")),
    }
    if let Some(w) = h.why.as_deref().filter(|w| !w.ends_with(" undone")) {
        s.push_str(&format!(": {w}"));
    }
    Some(Line::raw(s))
}

pub fn render(app: &App, card: &Card, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let block = Block::bordered()
        .title(format!(" {} #{} ", app.tr(T::Detail), card.seq))
        .border_style(theme::kind(card.kind));
    let inner = block.inner(area);
    block.render(area, buf);
    let mut lines = vec![
        Line::styled(card.text.as_str(), theme::label()),
        Line::raw(""),
        Line::from(vec![
            Span::styled(format!("{}: ", app.tr(T::Kind)), theme::label()),
            Span::styled(kind_name(card.kind, app.lang), theme::kind(card.kind)),
            Span::raw(format!("   {}: {}", app.tr(T::Votes), card.votes)),
        ]),
        field(app.tr(T::Session), card.session.clone()),
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
        (
            T::Decision,
            card.decision.map(|d| decision_name(d, app.lang).to_owned()),
        ),
    ];
    for (label, value) in optional {
        if let Some(v) = value {
            lines.push(field(app.tr(label), v));
        }
    }
    lines.push(field(app.tr(T::Created), card.created_at.clone()));
    if card.pinned {
        lines.push(Line::styled(app.tr(T::Pinned), theme::dim()));
    }
    let history = app
        .history
        .as_ref()
        .filter(|(id, _)| id == &card.id)
        .map(|(_, h)| h.as_slice())
        .unwrap_or(&[]);
    let lineage: Vec<Line> = history
        .iter()
        .filter_map(|h| history_line(app, h))
        .collect();
    if !lineage.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(app.tr(T::History), theme::label()));
        lines.extend(lineage);
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}
