//! Forms the board opens: a decision, merging and splitting cards, a clustering run,
//! merging another trainer's database and resolving its conflicts. Each is a `Form`
//! whose Enter turns into one store effect.

use super::forms::{Field, Form, Value, text};
use crate::model::{Card, DecisionOutcome};
use crate::storage::decisions::{DecisionDraft, DecisionTarget};
use crate::storage::lineage::VotePolicy;
use crate::storage::merge::{ConflictPolicy, MergeConflict};
use crate::tui::action::Action;
use crate::tui::app::{App, Modal, more};
use crate::tui::board_effects::MoreEffect;
use crate::tui::effect::Effect;
use crate::tui::i18n::T;
use crate::tui::screens::cards::truncate;
use crate::tui::theme;
use crate::tui::worker::{ClusterJob, ClusterScope};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Block, Clear, Widget};

#[derive(Debug, Clone, PartialEq)]
pub enum DialogKind {
    Decide(DecisionTarget),
    MergeCards(Vec<String>),
    SplitCard(String),
    /// With the cards of one topic when re-clustering just that topic.
    Cluster(Option<Vec<(String, String)>>),
    MergeDb,
    Conflicts {
        path: String,
        conflicts: Vec<MergeConflict>,
    },
    /// `confirmed`: Enter was pressed once on an existing file; again replaces it.
    Export {
        confirmed: bool,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Dialog {
    pub kind: DialogKind,
    pub form: Form,
    /// What the dialog is about (a card's text, a topic's label), beside the title.
    pub subtitle: String,
}

fn choice(label: T, at: usize, of: usize) -> Field {
    Field {
        label,
        value: Value::Choice(at, of),
    }
}

fn form(title: T, fields: Vec<Field>) -> Form {
    Form {
        title,
        fields,
        focus: 0,
        error: None,
    }
}

impl Dialog {
    pub fn decide(target: DecisionTarget, label: String) -> Dialog {
        let today = crate::model::now_rfc3339()
            .chars()
            .take(10)
            .collect::<String>();
        Dialog {
            kind: DialogKind::Decide(target),
            form: form(
                T::DecideTitle,
                vec![
                    choice(T::Outcome, 0, DecisionOutcome::ALL.len()),
                    text(T::Rationale, ""),
                    text(T::VotesFor, ""),
                    text(T::VotesAgainst, ""),
                    text(T::VotesAbstain, ""),
                    text(T::Date, &today),
                ],
            ),
            subtitle: label,
        }
    }

    pub fn merge_cards(cards: &[&Card]) -> Dialog {
        let joined = cards
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let seqs = cards
            .iter()
            .map(|c| format!("#{}", c.seq))
            .collect::<Vec<_>>()
            .join(" + ");
        Dialog {
            kind: DialogKind::MergeCards(cards.iter().map(|c| c.id.clone()).collect()),
            form: form(
                T::MergeCardsTitle,
                vec![
                    text(T::MergedText, &joined),
                    choice(T::VotePolicy, 0, 3),
                    text(T::Why, ""),
                ],
            ),
            subtitle: seqs,
        }
    }

    pub fn split_card(card: &Card) -> Dialog {
        Dialog {
            kind: DialogKind::SplitCard(card.id.clone()),
            form: form(
                T::SplitCardTitle,
                vec![
                    text(T::Part1, &card.text),
                    text(T::Part2, ""),
                    text(T::Why, ""),
                ],
            ),
            subtitle: format!("#{}", card.seq),
        }
    }

    pub fn cluster(topic: Option<Vec<(String, String)>>) -> Dialog {
        // Re-clustering one topic has its scope fixed; otherwise whole or session.
        let scope = match topic {
            Some(_) => choice(T::Scope, 2, 3),
            None => choice(T::Scope, 0, 2),
        };
        let default_k = if topic.is_some() { "2" } else { "" };
        Dialog {
            kind: DialogKind::Cluster(topic),
            form: form(
                T::ClusterTitle,
                vec![
                    scope,
                    text(T::TopicCount, default_k),
                    choice(T::Seeds, 0, 2),
                ],
            ),
            subtitle: String::new(),
        }
    }

    pub fn merge_db() -> Dialog {
        Dialog {
            kind: DialogKind::MergeDb,
            form: form(T::MergeDbTitle, vec![text(T::DbPath, "")]),
            subtitle: String::new(),
        }
    }

    pub fn conflicts(path: String, conflicts: Vec<MergeConflict>) -> Dialog {
        Dialog {
            subtitle: path.clone(),
            kind: DialogKind::Conflicts { path, conflicts },
            form: form(T::ConflictsTitle, vec![choice(T::OnConflict, 0, 3)]),
        }
    }

    /// The effect Enter asks for, or a message saying what to fix.
    fn submit(&mut self, app: &mut App) -> Result<Effect, String> {
        if let DialogKind::Export { confirmed } = self.kind {
            return super::export_dialog::submit(app, self, confirmed);
        }
        let f = &self.form;
        let number = |i: usize, label: T| -> Result<Option<i64>, String> {
            let s = f.text(i).trim();
            if s.is_empty() {
                return Ok(None);
            }
            s.parse()
                .map(Some)
                .map_err(|_| format!("{}: {}", app.tr(label), app.tr(T::NotANumber)))
        };
        let opt = |i: usize| Some(f.text(i).trim().to_owned()).filter(|s| !s.is_empty());
        let e = match &self.kind {
            DialogKind::Decide(target) => MoreEffect::Decide {
                target: target.clone(),
                outcome: DecisionOutcome::ALL
                    .get(f.choice(0))
                    .copied()
                    .unwrap_or(DecisionOutcome::Postponed),
                draft: DecisionDraft {
                    rationale: f.text(1).trim().to_owned(),
                    votes_for: number(2, T::VotesFor)?,
                    votes_against: number(3, T::VotesAgainst)?,
                    votes_abstain: number(4, T::VotesAbstain)?,
                    decided_on: opt(5),
                },
            },
            DialogKind::MergeCards(ids) => MoreEffect::MergeCards {
                ids: ids.clone(),
                text: f.text(0).to_owned(),
                policy: [VotePolicy::Sum, VotePolicy::Max, VotePolicy::Separate]
                    .get(f.choice(1))
                    .copied()
                    .unwrap_or(VotePolicy::Sum),
                why: opt(2),
            },
            DialogKind::SplitCard(id) => MoreEffect::SplitCard {
                id: id.clone(),
                parts: vec![f.text(0).to_owned(), f.text(1).to_owned()],
                why: opt(2),
            },
            DialogKind::Cluster(topic) => {
                let k = number(1, T::TopicCount)?
                    .map(|k| usize::try_from(k).map_err(|_| app.tr(T::NotANumber).to_owned()))
                    .transpose()?;
                let scope = match (topic, f.choice(0), &app.session_id) {
                    (Some(cards), _, _) => ClusterScope::Topic(cards.clone()),
                    (None, 1, Some(s)) => ClusterScope::Session(s.clone()),
                    _ => ClusterScope::All,
                };
                app.board.clustering = Some("…".into());
                MoreEffect::Cluster(ClusterJob {
                    scope,
                    k,
                    seeds: f.choice(2) == 1,
                })
            }
            DialogKind::MergeDb => match opt(0) {
                Some(path) => MoreEffect::MergeDb { path, policy: None },
                None => return Err(app.tr(T::DbPath).to_owned()),
            },
            DialogKind::Export { .. } => return Err(String::new()),
            DialogKind::Conflicts { path, .. } => MoreEffect::MergeDb {
                path: path.clone(),
                policy: [
                    ConflictPolicy::Mine,
                    ConflictPolicy::Theirs,
                    ConflictPolicy::Both,
                ]
                .get(f.choice(0))
                .copied(),
            },
        };
        Ok(more(e))
    }
}

pub fn update(app: &mut App, mut d: Dialog, action: Action) -> Vec<Effect> {
    let edit = matches!(action, Action::Key(_));
    let input = d.form.input(action);
    if edit && matches!(d.kind, DialogKind::Export { .. }) {
        super::export_dialog::after_input(&mut d);
    }
    match input {
        Some(false) => return Vec::new(),
        Some(true) => match d.submit(app) {
            Ok(effect) => return vec![effect],
            Err(e) => d.form.error = Some(e),
        },
        None => {}
    }
    app.modal = Some(Modal::Dialog(Box::new(d)));
    Vec::new()
}

pub fn render(app: &App, d: &Dialog, screen: Rect, buf: &mut Buffer) {
    if screen.is_empty() {
        return;
    }
    if let DialogKind::Conflicts { conflicts, .. } = &d.kind {
        render_conflicts(app, conflicts, screen, buf);
    }
    d.form.render(app, screen, buf);
    let outer = d.form.outer(screen);
    let used = app.tr(d.form.title).chars().count() as u16 + 2;
    if !d.subtitle.is_empty() && outer.width > used + 4 {
        let room = usize::from(outer.width - used - 3);
        let s = format!(" {} ", truncate(&d.subtitle, room.saturating_sub(2)));
        buf.set_stringn(outer.x + used, outer.y, s, room, theme::dim());
    }
}

/// Mine and theirs of each conflicting card, above the choice.
fn render_conflicts(app: &App, conflicts: &[MergeConflict], screen: Rect, buf: &mut Buffer) {
    let h = (conflicts.len() as u16 * 2 + 2).min(screen.height / 2);
    let area = Rect::new(screen.x, screen.y, screen.width, h);
    Clear.render(area, buf);
    let block = Block::bordered().title(app.tr(T::ConflictsTitle));
    let inner = block.inner(area);
    block.render(area, buf);
    let w = usize::from(inner.width);
    for (n, c) in conflicts.iter().enumerate() {
        let y = inner.y + 2 * n as u16;
        if y >= inner.bottom() {
            break;
        }
        let mine = format!("#{} {}: {}", c.seq, app.tr(T::Mine), c.mine);
        buf.set_stringn(inner.x, y, truncate(&mine, w), w, theme::label());
        if y + 1 < inner.bottom() {
            let theirs = format!("    {}: {}", app.tr(T::Theirs), c.theirs);
            buf.set_stringn(inner.x, y + 1, truncate(&theirs, w), w, theme::dim());
        }
    }
}

pub fn cursor(app: &App, d: &Dialog, screen: Rect) -> Option<Position> {
    d.form.cursor(app, screen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_split_clusters_only_that_topic() {
        let d = Dialog::cluster(Some(vec![("a".into(), "x".into())]));
        assert_eq!(d.form.choice(0), 2);
        assert_eq!(d.form.text(1), "2");
    }
}
