//! Drawing the decision log and the decision form.

use super::Room;
use crate::model::Lang;
use crate::storage::decisions::DecisionRow;
use crate::tui::i18n::{T, decision_badge, decision_name};
use crate::tui::theme;
use crate::tui::widgets::form;
use crate::tui::widgets::text::truncate;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Widget;
use std::fmt::Write as _;

fn tr(lang: Lang, t: T) -> &'static str {
    t.tr(lang)
}

impl Room {
    pub fn render_modal(&self, lang: Lang, screen: Rect, buf: &mut Buffer) {
        if let Some(f) = &self.form {
            form::render(f, lang, screen, buf);
            form::subtitle(f, &f.subtitle, lang, screen, buf);
        }
    }

    pub fn cursor(&self, lang: Lang, screen: Rect) -> Option<Position> {
        self.form
            .as_ref()
            .and_then(|f| form::cursor(f, lang, screen))
    }
}

pub fn header(log: &Room, lang: Lang) -> String {
    let f = log
        .filter
        .map_or(T::AllOutcomes.tr(lang), |d| decision_name(d, lang));
    format!("{}: {f} ({})", T::Filter.tr(lang), log.visible().len())
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

pub fn render(log: &Room, lang: Lang, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let rows = log.visible();
    if rows.is_empty() {
        Line::styled(tr(lang, T::NoDecisions), theme::dim()).render(area, buf);
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
            format!(" ({})", tr(lang, T::Retracted))
        } else if !r.current {
            format!(" ({})", tr(lang, T::Superseded))
        } else {
            String::new()
        };
        let what = if r.target_kind == "topic" {
            tr(lang, T::Topic)
        } else {
            tr(lang, T::Detail)
        };
        let mut line = format!(
            "{} {date} {}{state}{} · {what}: {}",
            decision_badge(Some(r.outcome)),
            decision_name(r.outcome, lang),
            votes(r),
            r.target_label
        );
        if !r.rationale.is_empty() {
            let _ = write!(line, " — {}", r.rationale);
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
