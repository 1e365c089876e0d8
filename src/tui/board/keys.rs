//! Keys on the board: moving, marking, and the dialogs and rooms they open.

use super::{
    BoardOp, BoardPrompt, ClusterForm, Effect, MergeCardsForm, Modal, Pane, PickPurpose, Picker,
    Room, SplitCardForm,
};
use crate::model::DecisionTarget;
use crate::tui::action::Action;
use crate::tui::ctx::{Back, Ctx, Nav};
use crate::tui::i18n::T;
use crate::tui::widgets::prompt::Prompt;

impl Room {
    /// Keys on the board itself (no dialog open).
    pub(super) fn keys(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        let page = (usize::from(ctx.size.1.saturating_sub(4)).max(1)) as isize;
        let b = self;
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
                    return b.ask_hints(ctx);
                }
            }
            Action::SwitchPane => {
                b.focus = match b.focus {
                    Pane::Topics => Pane::Cards,
                    Pane::Cards => Pane::Topics,
                };
                return b.ask_hints(ctx);
            }
            Action::Open => match b.focus {
                Pane::Topics => {
                    b.focus = Pane::Cards;
                    return b.ask_hints(ctx);
                }
                Pane::Cards => {
                    if let Some(c) = b.selected_card() {
                        ctx.go(Nav::Detail(Box::new(c.clone()), Back::Board));
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
                    ctx.fail_t(T::NoCardSelected);
                } else {
                    let items = b.topic_items(ctx, None, true);
                    b.modal = Some(Modal::Picker(Picker::new(
                        PickPurpose::MoveTo(cards),
                        items,
                    )));
                }
            }
            Action::Keywords => b.keywords = !b.keywords,
            Action::Rename => match b.selected_topic() {
                Some(t) => {
                    let p = Prompt::new(BoardPrompt::RenameTopic(t.id.clone()), &t.label);
                    b.modal = Some(Modal::Prompt(p));
                }
                None => ctx.fail_t(T::PickTopicFirst),
            },
            Action::MergeTopics => match b.selected_topic().map(|t| t.id.clone()) {
                Some(id) => {
                    let items = b.topic_items(ctx, Some(&id), false);
                    b.modal = Some(Modal::Picker(Picker::new(
                        PickPurpose::MergeInto(id),
                        items,
                    )));
                }
                None => ctx.fail_t(T::PickTopicFirst),
            },
            Action::SplitTopic => match b.selected_topic().map(|t| t.id.clone()) {
                // Marked cards become a new topic; with none marked, re-cluster the topic.
                Some(id) if !b.marked.is_empty() => {
                    let cards = b.marked.iter().cloned().collect();
                    let p = Prompt::new(BoardPrompt::SplitTopic(id, cards), "");
                    b.modal = Some(Modal::Prompt(p));
                }
                Some(id) => {
                    b.splitting = Some(id);
                    let texts = b.topic_texts();
                    b.modal = Some(Modal::Cluster(ClusterForm::new(Some(texts), ctx.lang)));
                }
                None => ctx.fail_t(T::PickTopicFirst),
            },
            Action::Pin => {
                let cards = b.chosen_cards();
                if let Some(first) = cards.first() {
                    let pinned = !b.is_pinned(first);
                    return vec![Effect::Op(BoardOp::Pin { cards, pinned })];
                }
                ctx.fail_t(T::NoCardSelected);
            }
            Action::Cluster if b.clustering.is_none() => {
                b.splitting = None;
                b.modal = Some(Modal::Cluster(ClusterForm::new(None, ctx.lang)));
            }
            Action::MergeCards => {
                if b.marked.len() < 2 {
                    ctx.fail_t(T::MarkTwoCards);
                } else {
                    let cards: Vec<&crate::model::Card> = b
                        .cards
                        .iter()
                        .filter(|c| b.marked.contains(&c.id))
                        .collect();
                    let form = MergeCardsForm::new(&cards, ctx.lang);
                    b.modal = Some(Modal::MergeCards(form));
                }
            }
            Action::SplitCard => match (b.focus, b.selected_card()) {
                (Pane::Cards, Some(c)) => {
                    b.modal = Some(Modal::SplitCard(SplitCardForm::new(c, ctx.lang)));
                }
                _ => ctx.fail_t(T::NoCardSelected),
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
                    Some((t, label)) => ctx.go(Nav::Decide(t, label)),
                    None => ctx.fail_t(T::PickTopicFirst),
                }
            }
            Action::Decisions => ctx.go(Nav::Decisions),
            Action::Outline => {
                let target = match (b.focus, b.selected_topic(), b.selected_card()) {
                    (Pane::Cards, _, Some(c)) => Some((
                        crate::model::MapTarget::Card(c.id.clone()),
                        format!("#{} {}", c.seq, c.text),
                    )),
                    (Pane::Topics, Some(t), _) => Some((
                        crate::model::MapTarget::Topic(t.id.clone()),
                        t.label.clone(),
                    )),
                    _ => None,
                };
                ctx.go(Nav::Outline(target));
            }
            Action::Coverage => ctx.go(Nav::Coverage),
            Action::MergeDb => ctx.go(Nav::MergeDb),
            Action::Export => ctx.go(Nav::Export),
            Action::Undo => ctx.undo(),
            Action::Redo => ctx.redo(),
            Action::Cancel => ctx.go(Nav::Cards),
            _ => {}
        }
        Vec::new()
    }

    /// Topics to choose from (all but `except`), optionally after a "new topic" entry.
    fn topic_items(
        &self,
        ctx: &Ctx,
        except: Option<&str>,
        with_new: bool,
    ) -> Vec<(Option<String>, String)> {
        let mut items = Vec::new();
        if with_new {
            items.push((None, ctx.tr(T::NewTopic).to_owned()));
        }
        items.extend(
            self.topics
                .iter()
                .filter(|t| Some(t.id.as_str()) != except)
                .map(|t| (Some(t.id.clone()), t.label.clone())),
        );
        items
    }
}
