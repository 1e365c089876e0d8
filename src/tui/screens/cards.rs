//! The card list (of the current session or the whole consultation) and its keys,
//! including the capture line that opens under it.

use crate::model::{Card, CardDraft, CardKind, parse_capture};
use crate::tui::action::Action;
use crate::tui::app::{App, CaptureLine, Modal, Screen};
use crate::tui::effect::Effect;
use crate::tui::i18n::{Lang, T, kind_badge};
use crate::tui::screens::prompt::{Prompt, PromptKind};
use crate::tui::theme;
use crate::tui::widgets::text_field::TextField;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

fn next_kind(k: CardKind, back: bool) -> CardKind {
    let all = CardKind::ALL;
    let i = all.iter().position(|x| *x == k).unwrap_or(0);
    let n = all.len();
    all[if back { (i + n - 1) % n } else { (i + 1) % n }]
}

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if app.capture.is_some() {
        return capture(app, action);
    }
    let height = app.list_height();
    let page = height.saturating_sub(1).max(1) as isize;
    let selected = app.list.selected_card().map(|c| c.id.clone());
    match action {
        Action::Up => app.list.move_by(-1, height),
        Action::Down => app.list.move_by(1, height),
        Action::PageUp => app.list.move_by(-page, height),
        Action::PageDown => app.list.move_by(page, height),
        Action::Top => app.list.select(0, height),
        Action::Bottom => app.list.select(usize::MAX, height),
        Action::Add => {
            if app.session_id.is_none() {
                app.fail(app.tr(T::PickSessionFirst));
            } else {
                app.capture = Some(CaptureLine {
                    field: TextField::default(),
                    kind: CardKind::Other,
                });
                app.list.follow(app.list_height());
            }
        }
        Action::Search => {
            app.screen = Screen::Search;
        }
        Action::Open => {
            if let Some(card) = app.list.selected_card() {
                app.screen = Screen::Detail(Box::new(card.clone()));
                app.detail_from_search = false;
            }
        }
        Action::Edit => {
            if let Some(card) = app.list.selected_card() {
                app.modal = Some(Modal::CardForm(super::forms::CardForm::new(card)));
            }
        }
        Action::Delete => return with_selected(app, selected, Effect::Delete),
        Action::VoteUp => return with_selected(app, selected, |id| Effect::Vote { id, delta: 1 }),
        Action::VoteDown => {
            return with_selected(app, selected, |id| Effect::Vote { id, delta: -1 });
        }
        Action::Undo => return app.undo(),
        Action::Redo => return app.redo(),
        Action::Sessions => {
            app.screen = Screen::Sessions;
            if let Some(i) = app
                .sessions
                .iter()
                .position(|s| Some(&s.id) == app.session_id.as_ref())
            {
                app.session_cursor = i;
            }
        }
        Action::Projector => app.projector = !app.projector,
        Action::Board => return super::board::open(app),
        Action::Export => {
            let d = super::export_dialog::dialog(app.lang);
            app.modal = Some(Modal::Dialog(Box::new(d)));
        }
        Action::Decisions => {
            app.screen = Screen::Decisions;
            return vec![crate::tui::app::more(
                crate::tui::board_effects::MoreEffect::LoadDecisions,
            )];
        }
        Action::Cancel => {
            app.projector = false;
            app.status = None;
        }
        Action::ToggleScope => {
            app.list.all_sessions = !app.list.all_sessions;
            return app.reload_cards();
        }
        Action::CycleSort => {
            app.list.sort = app.list.sort.next();
            app.list.rebuild(selected.as_deref());
            app.list.follow(height);
        }
        Action::Filter => {
            let field = TextField::new(&app.list.query_text);
            app.modal = Some(Modal::Prompt(Prompt::new(PromptKind::Filter, field)));
        }
        Action::ClearFilter => {
            app.list.query = Default::default();
            app.list.query_text.clear();
            app.list.rebuild(selected.as_deref());
            app.list.follow(height);
        }
        Action::NextActivity => {
            let names: Vec<String> = app
                .session()
                .map(|s| s.activities.iter().map(|a| a.name.clone()).collect())
                .unwrap_or_default();
            let pos = app
                .activity
                .as_ref()
                .and_then(|a| names.iter().position(|n| n == a));
            app.activity = match pos {
                None => names.first().cloned(),
                Some(i) => names.get(i + 1).cloned(),
            };
        }
        Action::TimerToggle => app.timer.toggle(app.now),
        Action::TimerReset => app.timer.reset(),
        Action::TimerSet => {
            let minutes = (app.timer.total.as_secs() / 60).to_string();
            let field = TextField::new(&minutes);
            app.modal = Some(Modal::Prompt(Prompt::new(PromptKind::Timer, field)));
        }
        _ => {}
    }
    Vec::new()
}

/// Near-duplicates of the card being typed; short texts clear the hints.
fn capture_hints(app: &mut App, query: String) -> Vec<Effect> {
    app.board.hint_generation += 1;
    if query.chars().count() < crate::tui::hints::MIN_QUERY {
        app.capture_hints.clear();
        return Vec::new();
    }
    vec![Effect::Similar {
        generation: app.board.hint_generation,
        version: app.corpus_version,
        query,
        exclude: None,
    }]
}

fn with_selected(
    app: &mut App,
    id: Option<String>,
    effect: impl FnOnce(String) -> Effect,
) -> Vec<Effect> {
    match id {
        Some(id) => vec![effect(id)],
        None => {
            app.fail(app.tr(T::NoCardSelected));
            Vec::new()
        }
    }
}

/// Keys while the capture line is open: text goes in, Enter saves and stays open.
fn capture(app: &mut App, action: Action) -> Vec<Effect> {
    let height = app.list_height();
    let Some(line) = app.capture.as_mut() else {
        return Vec::new();
    };
    match action {
        Action::Key(ev) if line.field.input(&ev) => {
            let query = crate::model::parse_capture(line.field.text()).text;
            return capture_hints(app, query);
        }
        Action::NextKind => line.kind = next_kind(line.kind, false),
        Action::PrevKind => line.kind = next_kind(line.kind, true),
        Action::Cancel => {
            app.capture = None;
            app.capture_hints.clear();
        }
        Action::Up => app.list.move_by(-1, height),
        Action::Down => app.list.move_by(1, height),
        Action::Undo => return app.undo(),
        Action::Save => {
            let parsed = parse_capture(line.field.text());
            let Some(session_id) = app.session_id.clone() else {
                app.fail(app.tr(T::PickSessionFirst));
                return Vec::new();
            };
            if parsed.text.is_empty() {
                return Vec::new();
            }
            let mut draft =
                CardDraft::new(&session_id, parsed.kind.unwrap_or(line.kind), &parsed.text);
            draft.tags = parsed.tags;
            draft.speaker = parsed.speaker;
            draft.activity = app.activity.clone();
            line.field.clear();
            app.capture_hints.clear();
            return vec![Effect::AddCard(draft)];
        }
        _ => {}
    }
    Vec::new()
}

/// One list row: kind badge, votes, text, tags and (for the whole consultation) session.
/// Cells before the text: marker, kind dot and badge, votes.
const ROW_PREFIX: usize = 12;

/// One list row: kind badge, votes, text, then role, tags and (for the whole
/// consultation) session. A long text is cut with `…` so that what follows it stays
/// visible, up to half of the row.
pub fn card_line<'a>(card: &'a Card, lang: Lang, opts: RowOptions) -> Line<'a> {
    let mut suffix: Vec<Span> = Vec::new();
    if let Some(s) = &card.speaker {
        suffix.push(Span::styled(format!(" @{s}"), theme::dim()));
    }
    for t in &card.tags {
        suffix.push(Span::styled(format!(" #{t}"), theme::tag()));
    }
    if opts.with_session {
        suffix.push(Span::styled(format!(" · {}", card.session), theme::dim()));
    }
    let suffix_w: usize = suffix.iter().map(|s| s.content.width()).sum();
    let room = usize::from(opts.width).saturating_sub(ROW_PREFIX);
    let text_room = room.saturating_sub(suffix_w.min(room / 2));
    let mut spans = vec![
        // The marker shows the selection without colour (monochrome, screen readers).
        Span::raw(if opts.selected { "▸" } else { " " }),
        Span::styled("● ", theme::kind(card.kind)),
        Span::styled(kind_badge(card.kind, lang), theme::kind(card.kind)),
        Span::raw(format!(" {:>3} ", card.votes)),
        Span::raw(truncate(&card.text, text_room)),
    ];
    spans.extend(suffix);
    Line::from(spans)
}

#[derive(Debug, Clone, Copy)]
pub struct RowOptions {
    pub width: u16,
    pub with_session: bool,
    pub selected: bool,
}

/// `text` cut to `cells` terminal cells, ending in `…` when cut.
pub fn truncate(text: &str, cells: usize) -> std::borrow::Cow<'_, str> {
    if text.width() <= cells {
        return text.into();
    }
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > cells {
            break;
        }
        used += w;
        out.push(c);
    }
    if cells > 0 {
        out.push('…');
    }
    out.into()
}

/// The list body: visible rows only, whatever the list's length.
pub fn render_list(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let list = &app.list;
    if list.view.is_empty() {
        let msg = match (list.loading, list.cards.is_empty()) {
            (true, _) => T::Loading,
            (false, true) => T::NoCards,
            (false, false) => T::NoMatches,
        };
        Line::styled(app.tr(msg), theme::dim()).render(area, buf);
        return;
    }
    let height = usize::from(area.height);
    // The stored offset normally keeps the selection visible; recompute if not.
    let mut offset = list.offset.min(list.view.len().saturating_sub(1));
    if list.selected < offset || list.selected >= offset + height {
        offset = list.selected.saturating_sub(height - 1);
    }
    for (row, &i) in list.view.iter().skip(offset).take(height).enumerate() {
        let y = area.y + row as u16;
        let line_area = Rect::new(area.x, y, area.width, 1);
        let card = &list.cards[i];
        let selected = offset + row == list.selected;
        let opts = RowOptions {
            width: area.width,
            with_session: list.all_sessions,
            selected,
        };
        card_line(card, app.lang, opts).render(line_area, buf);
        if selected {
            buf.set_style(line_area, theme::selected());
        }
    }
}

/// The capture line: the kind the next card gets, then the field.
pub fn render_capture(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(line) = &app.capture else { return };
    if area.is_empty() {
        return;
    }
    let hint_rows = area.height.saturating_sub(1);
    for (n, h) in app
        .capture_hints
        .iter()
        .take(usize::from(hint_rows))
        .enumerate()
    {
        let text = format!("  ≈ #{} {}", h.seq, h.text);
        let w = usize::from(area.width);
        buf.set_stringn(
            area.x,
            area.y + n as u16,
            truncate(&text, w),
            w,
            theme::dim(),
        );
    }
    let badge = format!("{} ▸ ", kind_badge(line.kind, app.lang));
    let w = badge.chars().count() as u16;
    buf.set_stringn(
        area.x,
        area.y + hint_rows,
        &badge,
        usize::from(area.width),
        theme::kind(line.kind),
    );
    let field = capture_field_area(area, w);
    line.field.render(field, buf, Style::default());
    if line.field.text().is_empty() && field.width > 0 {
        buf.set_stringn(
            field.x + 1,
            field.y,
            app.tr(T::CaptureHint),
            usize::from(field.width - 1),
            theme::dim(),
        );
    }
}

/// The field sits on the band's last row; hints take the rows above it.
pub fn capture_field_area(area: Rect, badge_width: u16) -> Rect {
    let w = badge_width.min(area.width);
    let y = area.bottom().saturating_sub(1).max(area.y);
    Rect::new(area.x + w, y, area.width - w, area.height.min(1))
}

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn truncation_counts_cells_and_marks_the_cut() {
        assert_eq!(truncate("Łódź", 4), "Łódź");
        assert_eq!(truncate("Zażółć gęślą", 6), "Zażół…");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("abc", 0), "");
    }
}
