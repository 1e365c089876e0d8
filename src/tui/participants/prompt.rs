//! The queue's prompts: a sent card's text to edit before accepting (capture grammar:
//! `p: … #tag @role`), the card a duplicate joins, and the dots of a new round.

use super::{Decision, Effect, Room};
use crate::model::parse_capture;
use crate::storage::room::Acceptance;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::i18n::T;
use crate::tui::widgets::prompt::{Prompt, PromptKind, Step};

/// Dots per device when the prompt opens.
const DEFAULT_DOTS: &str = "3";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoomPrompt {
    Edit,
    Merge,
    Dots,
}

impl PromptKind for RoomPrompt {
    fn title(&self) -> T {
        match self {
            RoomPrompt::Edit => T::RoomEditTitle,
            RoomPrompt::Merge => T::RoomMergeTitle,
            RoomPrompt::Dots => T::RoundDotsTitle,
        }
    }

    fn hint(&self) -> Option<T> {
        Some(match self {
            RoomPrompt::Edit => T::CaptureHint,
            RoomPrompt::Merge => T::RoomMergeHint,
            RoomPrompt::Dots => T::RoundDotsHint,
        })
    }
}

impl Room {
    /// Opens a prompt; those about a sent card need one selected.
    pub(super) fn ask(&mut self, kind: RoomPrompt, ctx: &mut Ctx) -> Vec<Effect> {
        let text = match kind {
            RoomPrompt::Dots => DEFAULT_DOTS.to_owned(),
            RoomPrompt::Merge => String::new(),
            RoomPrompt::Edit => match self.selected() {
                Some(s) => s.text.clone(),
                None => String::new(),
            },
        };
        if kind != RoomPrompt::Dots && self.selected().is_none() {
            ctx.fail_t(T::QueueEmpty);
            return Vec::new();
        }
        self.prompt = Some(Prompt::new(kind, &text));
        Vec::new()
    }

    pub(super) fn prompt_update(
        &mut self,
        mut p: Prompt<RoomPrompt>,
        action: &Action,
        ctx: &mut Ctx,
    ) -> Vec<Effect> {
        let text = match p.step(action) {
            Step::Cancel => return Vec::new(),
            Step::Edited => {
                self.prompt = Some(p);
                return Vec::new();
            }
            Step::Submit(text) => text,
        };
        match p.kind {
            // A prefix typed here is the facilitator's choice, so it wins over the kind
            // picked on the phone (which wins over a prefix the phone sent).
            RoomPrompt::Edit if !text.is_empty() => self.decide(Decision::Accept(Acceptance {
                kind: parse_capture(&text).kind,
                text: Some(text),
                tags: None,
            })),
            RoomPrompt::Merge if !text.is_empty() => self.decide(Decision::Merge(text)),
            // `3` is the session's cards, `3 #12 #14` only those, `3 Głosowanie` a topic's.
            RoomPrompt::Dots => {
                if let (Some((dots, cards)), Some(session_id)) =
                    (dots_and_cards(&text), self.session_id.clone())
                {
                    return vec![Effect::OpenRound {
                        session_id,
                        dots,
                        cards,
                    }];
                }
                p.error = Some(ctx.tr(T::NotANumber).to_owned());
                self.prompt = Some(p);
                Vec::new()
            }
            // An empty text or card: the prompt stays.
            _ => {
                self.prompt = Some(p);
                Vec::new()
            }
        }
    }
}

/// The dots per phone and the cards named after them.
fn dots_and_cards(text: &str) -> Option<(i64, Vec<String>)> {
    let mut words = text.split_whitespace();
    let dots = words.next()?.parse::<i64>().ok().filter(|d| *d > 0)?;
    Some((dots, words.map(str::to_owned).collect()))
}
