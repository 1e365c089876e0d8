//! The decision log: every decision on cards and topics, newest first, filterable by
//! outcome; superseded and retracted ones stay listed, marked.

use crate::model::DecisionOutcome;
use crate::storage::decisions::DecisionRow;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen, more};
use crate::tui::board_effects::MoreEffect;
use crate::tui::effect::Effect;
use crate::tui::i18n::{T, decision_badge, decision_name};
use crate::tui::screens::cards::truncate;
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct DecisionLog {
    pub rows: Vec<DecisionRow>,
    /// Only this outcome, or all.
    pub filter: Option<DecisionOutcome>,
    /// Index into `visible()`.
    pub cursor: usize,
}

impl DecisionLog {
    pub fn set(&mut self, rows: Vec<DecisionRow>) {
        self.rows = rows;
        self.cursor = self.cursor.min(self.visible().len().saturating_sub(1));
    }

    pub fn visible(&self) -> Vec<&DecisionRow> {
        self.rows
            .iter()
            .filter(|r| self.filter.is_none_or(|f| r.outcome == f))
            .collect()
    }

    /// All → each outcome in turn → all.
    fn next_filter(&mut self) {
        let all = DecisionOutcome::ALL;
        self.filter = match self.filter {
            None => all.first().copied(),
            Some(f) => all
                .iter()
                .position(|x| *x == f)
                .and_then(|i| all.get(i + 1))
                .copied(),
        };
        self.cursor = 0;
    }
}

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let n = app.decision_log.visible().len();
    let log = &mut app.decision_log;
    match action {
        Action::Up => log.cursor = log.cursor.saturating_sub(1),
        Action::Down => log.cursor = (log.cursor + 1).min(n.saturating_sub(1)),
        Action::Filter => log.next_filter(),
        Action::Undo => return app.undo(),
        Action::Redo => return app.redo(),
        Action::Cancel => {
            // Back where the log was opened from: the board if it was loaded.
            if app.board.cards.is_empty() {
                app.screen = Screen::Cards;
                if app.list_stale {
                    app.list_stale = false;
                    return app.reload_cards();
                }
            } else {
                app.screen = Screen::Board;
                return vec![more(MoreEffect::LoadBoard {
                    cards: false,
                    topics: true,
                })];
            }
        }
        _ => {}
    }
    Vec::new()
}

pub fn header(app: &App) -> String {
    let f = app
        .decision_log
        .filter
        .map_or(app.tr(T::AllOutcomes), |d| decision_name(d, app.lang));
    format!(
        "{}: {f} ({})",
        app.tr(T::Filter),
        app.decision_log.visible().len()
    )
}

fn votes(r: &DecisionRow) -> String {
    match (r.votes_for, r.votes_against, r.votes_abstain) {
        (None, None, None) => String::new(),
        (f, a, s) => {
            let n = |v: Option<i64>| v.map_or("-".to_owned(), |v| v.to_string());
            format!(" {}/{}/{}", n(f), n(a), n(s))
        }
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let log = &app.decision_log;
    let rows = log.visible();
    if rows.is_empty() {
        Line::styled(app.tr(T::NoDecisions), theme::dim()).render(area, buf);
        return;
    }
    let h = usize::from(area.height);
    let off = log.cursor.saturating_sub(h.saturating_sub(1));
    let w = usize::from(area.width);
    for (n, (i, r)) in rows.iter().enumerate().skip(off).take(h).enumerate() {
        let date = r
            .decided_on
            .clone()
            .unwrap_or_else(|| r.created_at.chars().take(10).collect());
        let state = if r.retracted_at.is_some() {
            format!(" ({})", app.tr(T::Retracted))
        } else if !r.current {
            format!(" ({})", app.tr(T::Superseded))
        } else {
            String::new()
        };
        let what = if r.target_kind == "topic" {
            app.tr(T::Topic)
        } else {
            app.tr(T::Detail)
        };
        let mut line = format!(
            "{} {date} {}{state}{} · {what}: {}",
            decision_badge(Some(r.outcome)),
            decision_name(r.outcome, app.lang),
            votes(r),
            r.target_label
        );
        if !r.rationale.is_empty() {
            line.push_str(&format!(" — {}", r.rationale));
        }
        let style = if i == log.cursor {
            theme::selected()
        } else if r.current {
            ratatui::style::Style::default()
        } else {
            theme::dim()
        };
        let y = area.y + n as u16;
        buf.set_stringn(area.x, y, truncate(&line, w), w, style);
    }
}
