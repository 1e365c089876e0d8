//! Keys of the card list.

use super::{CaptureLine, CardForm, CardsPrompt, Effect, Modal, Room};
use crate::model::CardKind;
use crate::tui::action::Action;
use crate::tui::ctx::{Back, Ctx, Nav};
use crate::tui::i18n::T;
use crate::tui::widgets::prompt::Prompt;

impl Room {
    pub(super) fn list_update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        let height = self.list_height(ctx.size);
        let page = height.saturating_sub(1).max(1) as isize;
        let selected = self.list.selected_card().map(|c| c.id.clone());
        match action {
            Action::Up => self.list.move_by(-1, height),
            Action::Down => self.list.move_by(1, height),
            Action::PageUp => self.list.move_by(-page, height),
            Action::PageDown => self.list.move_by(page, height),
            Action::Top => self.list.select(0, height),
            Action::Bottom => self.list.select(usize::MAX, height),
            Action::Add => {
                if ctx.session_id.is_none() {
                    ctx.fail_t(T::PickSessionFirst);
                } else {
                    self.capture = Some(CaptureLine::new(CardKind::Other));
                    // Cards of a session with activities belong to one from the start.
                    if self.activity.is_none() {
                        self.activity = ctx
                            .session
                            .and_then(|s| s.activities.first())
                            .map(|a| a.name.clone());
                    }
                    self.resized(ctx.size);
                }
            }
            Action::Search => ctx.go(Nav::Search),
            Action::Open => {
                if let Some(card) = self.list.selected_card() {
                    ctx.go(Nav::Detail(Box::new(card.clone()), Back::List));
                }
            }
            Action::Edit => {
                if let Some(card) = self.list.selected_card() {
                    self.modal = Some(Modal::Form(CardForm::new(card, ctx.lang)));
                }
            }
            Action::Delete => return with_selected(ctx, selected, Effect::Delete),
            Action::VoteUp => {
                return with_selected(ctx, selected, |id| Effect::Vote { id, delta: 1 });
            }
            Action::VoteDown => {
                return with_selected(ctx, selected, |id| Effect::Vote { id, delta: -1 });
            }
            Action::Undo => ctx.undo(),
            Action::Redo => ctx.redo(),
            Action::Sessions => ctx.go(Nav::Sessions),
            Action::Projector => self.projector = !self.projector,
            Action::Board => ctx.go(Nav::Board {
                cards: true,
                topics: true,
            }),
            Action::Export => ctx.go(Nav::Export),
            Action::Decisions => ctx.go(Nav::Decisions),
            Action::Cancel => {
                self.projector = false;
                ctx.clear_status();
            }
            Action::ToggleScope => {
                self.list.all_sessions = !self.list.all_sessions;
                return self.reload(ctx.session_id);
            }
            Action::CycleSort => {
                self.list.sort = self.list.sort.next();
                self.list.rebuild(selected.as_deref());
                self.list.follow(height);
            }
            Action::Filter => {
                let p = Prompt::new(CardsPrompt::Filter, &self.list.query_text);
                self.modal = Some(Modal::Prompt(p));
            }
            Action::ClearFilter => {
                self.list.query = crate::model::CardQuery::default();
                self.list.query_text.clear();
                self.list.rebuild(selected.as_deref());
                self.list.follow(height);
            }
            Action::NextActivity => {
                let names: Vec<&str> = ctx
                    .session
                    .map(|s| s.activities.iter().map(|a| a.name.as_str()).collect())
                    .unwrap_or_default();
                let pos = self
                    .activity
                    .as_deref()
                    .and_then(|a| names.iter().position(|n| *n == a));
                let next = match pos {
                    None => names.first(),
                    Some(i) => names.get(i + 1),
                };
                self.activity = next.map(|n| (*n).to_owned());
            }
            Action::TimerToggle => self.timer.toggle(ctx.now),
            Action::TimerReset => self.timer.reset(),
            Action::TimerSet => {
                let minutes = (self.timer.total.as_secs() / 60).to_string();
                self.modal = Some(Modal::Prompt(Prompt::new(CardsPrompt::Timer, &minutes)));
            }
            _ => {}
        }
        Vec::new()
    }
}

fn with_selected(
    ctx: &mut Ctx,
    id: Option<String>,
    effect: impl FnOnce(String) -> Effect,
) -> Vec<Effect> {
    if let Some(id) = id {
        vec![effect(id)]
    } else {
        ctx.fail_t(T::NoCardSelected);
        Vec::new()
    }
}
