//! The capture line under the card list: text goes in, Enter saves and stays open,
//! and near-duplicates of what is being typed show above it.

use super::{Effect, Room};
use crate::model::{CardDraft, CardKind, parse_capture};
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::i18n::{T, field_error};
use crate::tui::reader::{HintFor, Read};
use crate::tui::widgets::text_field::TextField;

#[derive(Debug, Clone, PartialEq)]
pub struct CaptureLine {
    pub field: TextField,
    /// Kind for cards without a prefix; Tab cycles it and it stays for the next card.
    pub kind: CardKind,
}

impl CaptureLine {
    pub fn new(kind: CardKind) -> CaptureLine {
        CaptureLine {
            field: TextField::default(),
            kind,
        }
    }
}

fn next_kind(k: CardKind, back: bool) -> CardKind {
    let all = CardKind::ALL;
    let i = all.iter().position(|x| *x == k).unwrap_or(0);
    let n = all.len();
    all[if back { (i + n - 1) % n } else { (i + 1) % n }]
}

impl Room {
    /// Near-duplicates of the card being typed; short texts clear the hints.
    fn capture_hints(&mut self, query: String, ctx: &Ctx) -> Vec<Effect> {
        self.hint_generation += 1;
        if query.chars().count() < crate::tui::hints::MIN_QUERY {
            self.capture_hints.clear();
            return Vec::new();
        }
        vec![Effect::Read(Read::Similar {
            to: HintFor::Capture,
            generation: self.hint_generation,
            version: ctx.corpus_version,
            query,
            exclude: None,
        })]
    }

    pub(super) fn capture_update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        let height = self.list_height(ctx.size);
        let Some(line) = self.capture.as_mut() else {
            return Vec::new();
        };
        match action {
            Action::Key(_) | Action::Paste(_) if line.field.edit(&action) == Some(true) => {
                let query = parse_capture(line.field.text()).text;
                return self.capture_hints(query, ctx);
            }
            Action::NextKind => line.kind = next_kind(line.kind, false),
            Action::PrevKind => line.kind = next_kind(line.kind, true),
            Action::Cancel => {
                self.capture = None;
                self.capture_hints.clear();
            }
            Action::Up => self.list.move_by(-1, height),
            Action::Down => self.list.move_by(1, height),
            Action::Undo => ctx.undo(),
            Action::Save => {
                let parsed = parse_capture(line.field.text());
                let Some(session_id) = ctx.session_id else {
                    ctx.fail_t(T::PickSessionFirst);
                    return Vec::new();
                };
                if !parsed.has_text() {
                    if !line.field.text().trim().is_empty() {
                        // Only a prefix, tags or a role: say so, and select them so the
                        // next text replaces them instead of being glued to them.
                        ctx.fail_t(T::OnlyTags);
                        line.field.select_all();
                    }
                    return Vec::new();
                }
                let mut draft =
                    CardDraft::new(session_id, parsed.kind.unwrap_or(line.kind), &parsed.text);
                draft.tags = parsed.tags;
                draft.speaker = parsed.speaker;
                draft.activity.clone_from(&self.activity);
                // Refused here, with the text kept for fixing, rather than by the store
                // after the line was cleared.
                if let Err(e) = draft.validated() {
                    ctx.fail(field_error(&e, ctx.lang));
                    return Vec::new();
                }
                line.field.clear();
                self.capture_hints.clear();
                return vec![Effect::Add(draft)];
            }
            _ => {}
        }
        Vec::new()
    }
}
