//! The resolution outline: chapters and § with citations, what is mapped to each and
//! how many adopted sources feed it. Maps the topic or card selected on the board;
//! renames, adds and reorders sections and edits their draft text.

use super::prompt::{Prompt, PromptKind};
use crate::storage::outline::{MapTarget, SectionRow};
use crate::tui::action::Action;
use crate::tui::app::{App, Modal, Screen, more};
use crate::tui::board_effects::{MoreEffect, SectionOp};
use crate::tui::effect::Effect;
use crate::tui::i18n::T;
use crate::tui::screens::cards::truncate;
use crate::tui::theme;
use crate::tui::widgets::text_field::TextField;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct OutlineView {
    pub sections: Vec<SectionRow>,
    pub sources: BTreeMap<String, Vec<String>>,
    pub topic_labels: BTreeMap<String, String>,
    pub cursor: usize,
    /// What `m` maps: the board's selection when the outline was opened, with its label.
    pub target: Option<(MapTarget, String)>,
}

impl OutlineView {
    pub fn set(
        &mut self,
        sections: Vec<SectionRow>,
        sources: BTreeMap<String, Vec<String>>,
        topics: BTreeMap<String, String>,
    ) {
        let keep = self.selected().map(|s| s.id.clone());
        self.sections = sections;
        self.sources = sources;
        self.topic_labels = topics;
        if let Some(id) = keep
            && let Some(i) = self.sections.iter().position(|s| s.id == id)
        {
            self.cursor = i;
        }
        self.cursor = self.cursor.min(self.sections.len().saturating_sub(1));
    }

    pub fn selected(&self) -> Option<&SectionRow> {
        self.sections.get(self.cursor)
    }
}

fn section_op(op: SectionOp) -> Vec<Effect> {
    vec![more(MoreEffect::Section(op))]
}

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let o = &mut app.outline;
    let last = o.sections.len().saturating_sub(1);
    let Some(sel) = o.selected().cloned() else {
        if action == Action::Cancel {
            app.screen = Screen::Board;
        }
        return Vec::new();
    };
    match action {
        Action::Up => o.cursor = o.cursor.saturating_sub(1),
        Action::Down => o.cursor = (o.cursor + 1).min(last),
        Action::Map | Action::Unmap => match o.target.clone() {
            Some((target, _)) => {
                let section = sel.id;
                return section_op(if action == Action::Map {
                    SectionOp::Map { section, target }
                } else {
                    SectionOp::Unmap { section, target }
                });
            }
            None => app.fail(app.tr(T::NothingToMap)),
        },
        Action::Rename => {
            let kind = PromptKind::SectionHeading(sel.id);
            app.modal = Some(Modal::Prompt(Prompt::new(
                kind,
                TextField::new(&sel.heading),
            )));
        }
        Action::Edit => {
            let kind = PromptKind::SectionDraft(sel.id);
            let field = TextField::new(&sel.draft_text);
            app.modal = Some(Modal::Prompt(Prompt::new(kind, field)));
        }
        Action::NewSection => {
            // A sibling of the selected section.
            let kind = PromptKind::NewSection(sel.parent_id);
            app.modal = Some(Modal::Prompt(Prompt::new(kind, TextField::default())));
        }
        Action::MoveUp => {
            return section_op(SectionOp::Move {
                id: sel.id,
                delta: -1,
            });
        }
        Action::MoveDown => {
            return section_op(SectionOp::Move {
                id: sel.id,
                delta: 1,
            });
        }
        Action::Coverage => {
            app.screen = Screen::Coverage;
            return vec![more(MoreEffect::LoadCoverage)];
        }
        Action::Undo => return app.undo(),
        Action::Redo => return app.redo(),
        Action::Cancel => {
            app.screen = Screen::Board;
            return vec![more(MoreEffect::LoadBoard {
                cards: false,
                topics: true,
            })];
        }
        _ => {}
    }
    Vec::new()
}

fn is_mapped(s: &SectionRow, target: &MapTarget) -> bool {
    match target {
        MapTarget::Topic(t) => s.topic_ids.contains(t),
        MapTarget::Card(c) => s.card_ids.contains(c),
    }
}

pub fn header(app: &App) -> String {
    match &app.outline.target {
        Some((_, label)) => format!("{}: {label}", app.tr(T::Mapping)),
        None => String::new(),
    }
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let o = &app.outline;
    // The selected section's draft and mapped topics below the list, when there is room.
    let detail_h = if area.height >= 12 { 5 } else { 0 };
    let list_h = area.height - detail_h;
    let h = usize::from(list_h);
    let w = usize::from(area.width);
    let off = o.cursor.saturating_sub(h.saturating_sub(1));
    for (n, (i, s)) in o.sections.iter().enumerate().skip(off).take(h).enumerate() {
        let adopted = o.sources.get(&s.id).map_or(0, Vec::len);
        let here = o.target.as_ref().is_some_and(|(t, _)| is_mapped(s, t));
        let counts = format!(
            "  [{}t {}k {}✔]",
            s.topic_ids.len(),
            s.card_ids.len(),
            adopted
        );
        let line = format!(
            "{}{}{} {} {}",
            if here { "◆" } else { " " },
            "  ".repeat(s.depth),
            s.citation,
            s.heading,
            counts
        );
        let style = if i == o.cursor {
            theme::selected()
        } else if adopted == 0 {
            theme::dim()
        } else {
            Style::default()
        };
        buf.set_stringn(area.x, area.y + n as u16, truncate(&line, w), w, style);
    }
    if detail_h == 0 {
        return;
    }
    let Some(s) = o.selected() else { return };
    let y = area.y + list_h;
    buf.set_stringn(area.x, y, "─".repeat(w), w, theme::dim());
    let mapped: Vec<&str> = s
        .topic_ids
        .iter()
        .filter_map(|t| o.topic_labels.get(t).map(String::as_str))
        .collect();
    let mut text = format!(
        "{}: {}",
        app.tr(T::Mapped),
        if mapped.is_empty() {
            app.tr(T::None).to_owned()
        } else {
            mapped.join("; ")
        }
    );
    if !s.draft_text.is_empty() {
        text.push_str(&format!("\n{}: {}", app.tr(T::SectionDraft), s.draft_text));
    }
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(Rect::new(area.x, y + 1, area.width, detail_h - 1), buf);
}
