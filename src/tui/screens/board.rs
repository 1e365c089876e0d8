//! The topic board: topics (with size, votes, decision, sections) beside the cards of
//! the selected topic, and the keys that correct the grouping by hand.

use super::board_state::Pane;
use super::dialogs::Dialog;
use super::picker::{PickPurpose, Picker};
use super::prompt::{Prompt, PromptKind};
use crate::storage::decisions::DecisionTarget;
use crate::tui::action::Action;
use crate::tui::app::{App, Modal, Screen, more};
use crate::tui::board_effects::{BoardOp, MoreEffect};
use crate::tui::effect::Effect;
use crate::tui::i18n::{Noun, T, count, decision_badge, decision_name, kind_badge};
use crate::tui::screens::cards::truncate;
use crate::tui::theme;
use crate::tui::widgets::text_field::TextField;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// Opens the board from the card list.
pub fn open(app: &mut App) -> Vec<Effect> {
    app.screen = Screen::Board;
    app.board.loading = true;
    vec![more(MoreEffect::LoadBoard {
        cards: true,
        topics: true,
    })]
}

/// Asks for near-duplicates of the selected card (answered off the interface thread).
pub fn ask_hints(app: &mut App) -> Vec<Effect> {
    app.board.hints.clear();
    let Some(card) = app.board.selected_card() else {
        return Vec::new();
    };
    if app.board.focus != Pane::Cards {
        return Vec::new();
    }
    let (query, exclude) = (card.text.clone(), Some(card.id.clone()));
    app.board.hint_generation += 1;
    vec![Effect::Similar {
        generation: app.board.hint_generation,
        version: app.corpus_version,
        query,
        exclude,
    }]
}

fn board_op(op: BoardOp) -> Vec<Effect> {
    vec![more(MoreEffect::Board(op))]
}

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let page = (usize::from(app.size.1.saturating_sub(4)).max(1)) as isize;
    let b = &mut app.board;
    match action {
        Action::Up
        | Action::Down
        | Action::PageUp
        | Action::PageDown
        | Action::Top
        | Action::Bottom => {
            let delta = match action {
                Action::Up => -1,
                Action::Down => 1,
                Action::PageUp => -page,
                Action::PageDown => page,
                Action::Top => isize::MIN / 2,
                _ => isize::MAX / 2,
            };
            if b.move_by(delta) {
                return ask_hints(app);
            }
        }
        Action::SwitchPane => {
            b.focus = match b.focus {
                Pane::Topics => Pane::Cards,
                Pane::Cards => Pane::Topics,
            };
            return ask_hints(app);
        }
        Action::Open => match b.focus {
            Pane::Topics => {
                b.focus = Pane::Cards;
                return ask_hints(app);
            }
            Pane::Cards => {
                if let Some(c) = b.selected_card() {
                    app.screen = Screen::Detail(Box::new(c.clone()));
                    app.detail_from_board = true;
                    app.detail_from_search = false;
                }
            }
        },
        Action::Mark if b.focus == Pane::Cards => {
            b.toggle_mark();
            b.move_by(1);
        }
        Action::Move => {
            let cards = b.chosen_cards();
            if cards.is_empty() {
                app.fail(app.tr(T::NoCardSelected));
            } else {
                let items = topic_items(app, None, true);
                app.modal = Some(Modal::Picker(Picker::new(
                    PickPurpose::MoveTo(cards),
                    items,
                )));
            }
        }
        Action::Rename => match b.selected_topic() {
            Some(t) => {
                let kind = PromptKind::RenameTopic(t.id.clone());
                let field = TextField::new(&t.label);
                app.modal = Some(Modal::Prompt(Prompt::new(kind, field)));
            }
            None => app.fail(app.tr(T::PickTopicFirst)),
        },
        Action::MergeTopics => match b.selected_topic().map(|t| t.id.clone()) {
            Some(id) => {
                let items = topic_items(app, Some(&id), false);
                app.modal = Some(Modal::Picker(Picker::new(
                    PickPurpose::MergeInto(id),
                    items,
                )));
            }
            None => app.fail(app.tr(T::PickTopicFirst)),
        },
        Action::SplitTopic => match b.selected_topic().map(|t| t.id.clone()) {
            // Marked cards become a new topic; with none marked, re-cluster the topic.
            Some(id) if !b.marked.is_empty() => {
                let cards = b.marked.iter().cloned().collect();
                let kind = PromptKind::SplitTopic(id, cards);
                app.modal = Some(Modal::Prompt(Prompt::new(kind, TextField::default())));
            }
            Some(id) => {
                b.splitting = Some(id);
                let texts = b.topic_texts();
                app.modal = Some(Modal::Dialog(Box::new(Dialog::cluster(Some(texts)))));
            }
            None => app.fail(app.tr(T::PickTopicFirst)),
        },
        Action::Pin => {
            let cards = b.chosen_cards();
            if let Some(first) = cards.first() {
                let pinned = !b.is_pinned(first);
                return board_op(BoardOp::Pin { cards, pinned });
            }
            app.fail(app.tr(T::NoCardSelected));
        }
        Action::Cluster if b.clustering.is_none() => {
            b.splitting = None;
            app.modal = Some(Modal::Dialog(Box::new(Dialog::cluster(None))));
        }
        Action::MergeCards => {
            if b.marked.len() < 2 {
                app.fail(app.tr(T::MarkTwoCards));
            } else {
                let cards: Vec<&crate::model::Card> = b
                    .cards
                    .iter()
                    .filter(|c| b.marked.contains(&c.id))
                    .collect();
                app.modal = Some(Modal::Dialog(Box::new(Dialog::merge_cards(&cards))));
            }
        }
        Action::SplitCard => match (b.focus, b.selected_card()) {
            (Pane::Cards, Some(c)) => {
                app.modal = Some(Modal::Dialog(Box::new(Dialog::split_card(c))));
            }
            _ => app.fail(app.tr(T::NoCardSelected)),
        },
        Action::Decide => {
            let target = match (b.focus, b.selected_topic(), b.selected_card()) {
                (Pane::Cards, _, Some(c)) => {
                    Some((DecisionTarget::Card(c.id.clone()), c.text.clone()))
                }
                (Pane::Topics, Some(t), _) => {
                    Some((DecisionTarget::Topic(t.id.clone()), t.label.clone()))
                }
                _ => None,
            };
            match target {
                Some((t, label)) => {
                    app.modal = Some(Modal::Dialog(Box::new(Dialog::decide(t, label))));
                }
                None => app.fail(app.tr(T::PickTopicFirst)),
            }
        }
        Action::Decisions => {
            app.screen = Screen::Decisions;
            return vec![more(MoreEffect::LoadDecisions)];
        }
        Action::Outline => {
            app.outline.target = match (b.focus, b.selected_topic(), b.selected_card()) {
                (Pane::Cards, _, Some(c)) => Some((
                    crate::storage::outline::MapTarget::Card(c.id.clone()),
                    format!("#{} {}", c.seq, c.text),
                )),
                (Pane::Topics, Some(t), _) => Some((
                    crate::storage::outline::MapTarget::Topic(t.id.clone()),
                    t.label.clone(),
                )),
                _ => None,
            };
            app.screen = Screen::Outline;
            return vec![more(MoreEffect::LoadOutline)];
        }
        Action::Coverage => {
            app.screen = Screen::Coverage;
            return vec![more(MoreEffect::LoadCoverage)];
        }
        Action::MergeDb => app.modal = Some(Modal::Dialog(Box::new(Dialog::merge_db()))),
        Action::Export => {
            let d = super::export_dialog::dialog(app.lang);
            app.modal = Some(Modal::Dialog(Box::new(d)));
        }
        Action::Undo => return app.undo(),
        Action::Redo => return app.redo(),
        Action::Cancel => {
            app.screen = Screen::Cards;
            if app.list_stale {
                app.list_stale = false;
                return app.reload_cards();
            }
        }
        _ => {}
    }
    Vec::new()
}

/// Topics to choose from (all but `except`), optionally after a "new topic" entry.
fn topic_items(app: &App, except: Option<&str>, with_new: bool) -> Vec<(Option<String>, String)> {
    let mut items = Vec::new();
    if with_new {
        items.push((None, app.tr(T::NewTopic).to_owned()));
    }
    items.extend(
        app.board
            .topics
            .iter()
            .filter(|t| Some(t.id.as_str()) != except)
            .map(|t| (Some(t.id.clone()), t.label.clone())),
    );
    items
}

/// Header text: topic count, unsorted count, clustering stage.
pub fn header(app: &App) -> String {
    let b = &app.board;
    let mut s = format!(
        "{} · {} {}",
        count(b.topics.len() as i64, Noun::Topic, app.lang),
        b.groups.first().map_or(0, Vec::len),
        app.tr(T::Unsorted)
    );
    if let Some(stage) = &b.clustering {
        s.push_str(&format!(" │ ⟳ {}: {stage}…", app.tr(T::Clustering)));
    }
    s
}

fn topic_line(app: &App, row: usize, width: usize) -> Line<'static> {
    let b = &app.board;
    let (label, size, votes, decision, sections) = match row.checked_sub(1) {
        None => (
            app.tr(T::Unsorted).to_owned(),
            b.groups.first().map_or(0, Vec::len) as i64,
            b.groups
                .first()
                .map_or(0, |g| g.iter().map(|&i| b.cards[i].votes).sum()),
            None,
            String::new(),
        ),
        Some(i) => {
            let t = &b.topics[i];
            (
                t.label.clone(),
                t.size,
                t.votes,
                t.decision,
                t.sections.join(","),
            )
        }
    };
    // Fixed-width columns so that the numbers line up under each other.
    let tail = format!(
        " {size:>4} {votes:>4} {} {:<5}",
        decision_badge(decision),
        truncate(&sections, 5)
    );
    let room = width.saturating_sub(tail.width().min(width / 2) + 1);
    let marker = if row == b.topic_row { "▸" } else { " " };
    Line::from(vec![
        Span::raw(marker),
        Span::raw(format!("{:<room$}", truncate(&label, room))),
        Span::styled(tail, theme::dim()),
    ])
}

fn card_line(app: &App, i: usize, selected: bool, width: usize) -> Line<'static> {
    let b = &app.board;
    let c = &b.cards[i];
    let mark = if b.marked.contains(&c.id) { "■" } else { " " };
    let pin = if b.is_pinned(&c.id) { "⌖" } else { " " };
    let prefix = format!(
        "{}{mark}{pin}{} {:>3} ",
        if selected { "▸" } else { " " },
        kind_badge(c.kind, app.lang),
        c.votes
    );
    let room = width.saturating_sub(prefix.width());
    Line::from(vec![
        Span::styled(prefix, theme::kind(c.kind)),
        Span::raw(truncate(&c.text, room).into_owned()),
    ])
}

/// Rows `offset..offset+height` that keep `selected` in view.
fn window(selected: usize, height: usize) -> usize {
    selected.saturating_sub(height.saturating_sub(1))
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let b = &app.board;
    if b.loading && b.cards.is_empty() {
        Line::styled(app.tr(T::Loading), theme::dim()).render(area, buf);
        return;
    }
    let left_w = (area.width / 2).max(area.width.min(12));
    let left = Rect::new(area.x, area.y, left_w, area.height);
    let right = Rect::new(
        area.x + left_w + 1,
        area.y,
        area.width.saturating_sub(left_w + 1),
        area.height,
    );
    for y in area.y..area.bottom() {
        if left.right() < area.right() {
            buf.set_string(left.right(), y, "│", theme::dim());
        }
    }
    // Topics: the unsorted entry, then the topics.
    let h = usize::from(left.height);
    let rows = b.topics.len() + 1;
    let off = window(b.topic_row, h);
    for (n, row) in (off..rows).take(h).enumerate() {
        let r = Rect::new(left.x, left.y + n as u16, left.width, 1);
        topic_line(app, row, usize::from(left.width)).render(r, buf);
        if row == b.topic_row {
            let style = if b.focus == Pane::Topics {
                theme::selected()
            } else {
                theme::label()
            };
            buf.set_style(r, style);
        }
    }
    if b.topics.is_empty() && h > 1 {
        let r = Rect::new(left.x, left.y + 1, left.width, left.height - 1);
        ratatui::widgets::Paragraph::new(app.tr(T::NoTopics))
            .style(theme::dim())
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(r, buf);
    }
    render_cards(app, right, buf);
}

fn render_cards(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let b = &app.board;
    // The selected topic's decision and sections head the pane.
    let title = match b.selected_topic() {
        Some(t) => {
            let mut s = t.label.clone();
            if let Some(d) = t.decision {
                s.push_str(&format!(" · {}", decision_name(d, app.lang)));
            }
            if !t.sections.is_empty() {
                s.push_str(&format!(" · {}", t.sections.join(", ")));
            }
            s
        }
        None => app.tr(T::Unsorted).to_owned(),
    };
    buf.set_stringn(
        area.x,
        area.y,
        truncate(&title, usize::from(area.width)),
        usize::from(area.width),
        theme::label(),
    );
    let hints = if b.focus == Pane::Cards {
        b.hints.len()
    } else {
        0
    };
    let hint_h = if hints > 0 && area.height > 6 {
        hints as u16 + 1
    } else {
        0
    };
    let list = Rect::new(
        area.x,
        area.y + 1.min(area.height),
        area.width,
        area.height.saturating_sub(1 + hint_h),
    );
    let group = b.group();
    if group.is_empty() && !list.is_empty() {
        Line::styled(app.tr(T::NoCardsInTopic), theme::dim()).render(list, buf);
    }
    let h = usize::from(list.height);
    let off = window(b.card_row, h);
    for (n, (row, &i)) in group.iter().enumerate().skip(off).take(h).enumerate() {
        let r = Rect::new(list.x, list.y + n as u16, list.width, 1);
        let selected = row == b.card_row;
        card_line(
            app,
            i,
            selected && b.focus == Pane::Cards,
            usize::from(list.width),
        )
        .render(r, buf);
        if selected && b.focus == Pane::Cards {
            buf.set_style(r, theme::selected());
        }
    }
    if hint_h > 0 {
        let y = list.bottom();
        buf.set_stringn(
            area.x,
            y,
            format!("{}:", app.tr(T::Similar)),
            usize::from(area.width),
            theme::label(),
        );
        for (n, hint) in b.hints.iter().enumerate() {
            let line = format!("  #{} {}", hint.seq, hint.text);
            buf.set_stringn(
                area.x,
                y + 1 + n as u16,
                truncate(&line, usize::from(area.width)),
                usize::from(area.width),
                theme::dim(),
            );
        }
    }
}
