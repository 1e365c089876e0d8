//! The footer: the status message if there is one, else key hints for the current
//! mode taken from the keymap, as many as fit.

use crate::tui::app::App;
use crate::tui::i18n::{T, kind_name};
use crate::tui::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    if let Some(status) = &app.status {
        let style = if status.error {
            theme::error()
        } else {
            theme::ok()
        };
        Line::styled(status.text.as_str(), style).render(area, buf);
        return;
    }
    if let Some(line) = capture_preview(app) {
        line.render(area, buf);
        return;
    }
    let mut spans: Vec<Span> = Vec::new();
    let mut used = 0usize;
    let width = usize::from(area.width);
    for (keys, action) in app.keymap.hints(app.mode()) {
        let label = action.label(app.lang);
        let w = keys.width() + label.width() + 3;
        if used + w > width {
            break;
        }
        used += w;
        spans.push(Span::styled(format!(" {keys} "), theme::footer_key()));
        spans.push(Span::styled(format!("{label} "), theme::footer_label()));
    }
    Line::from(spans).render(area, buf);
}

/// While a card is being typed: how it will be stored (kind, tags, role, activity),
/// so a mistyped `#tag` or prefix shows before Enter.
fn capture_preview(app: &App) -> Option<Line<'_>> {
    let line = app.capture.as_ref()?;
    if line.field.text().trim().is_empty() || app.mode() != crate::tui::keymap::Mode::Capture {
        return None;
    }
    let parsed = crate::model::parse_capture(line.field.text());
    let kind = parsed.kind.unwrap_or(line.kind);
    let mut spans = vec![
        Span::raw(" → "),
        Span::styled(kind_name(kind, app.lang), theme::kind(kind)),
    ];
    for t in &parsed.tags {
        spans.push(Span::styled(format!(" #{t}"), theme::tag()));
    }
    if let Some(s) = &parsed.speaker {
        spans.push(Span::styled(format!(" @{s}"), theme::dim()));
    }
    if let Some(a) = &app.activity {
        spans.push(Span::styled(
            format!(" · {}: {a}", app.tr(T::Activity)),
            theme::dim(),
        ));
    }
    Some(Line::from(spans))
}
