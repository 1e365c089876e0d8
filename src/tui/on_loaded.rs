//! What the app does with results of board-side effects: fills the screens' data,
//! keeps the undo/redo stacks, and reloads what a change made stale.

use super::action::Via;
use super::app::{App, Modal, Screen, more};
use super::board_effects::{BoardChange, MoreEffect};
use super::effect::{Change, Effect};
use super::i18n::T;
use super::loaded::Loaded;
use super::screens::dialogs::Dialog;
use super::screens::proposal::Proposal;
use crate::storage::merge::MergeSummary;

pub fn loaded(app: &mut App, l: Loaded) -> Vec<Effect> {
    match l {
        Loaded::Board {
            topics,
            placements,
            cards,
        } => {
            app.board.set(topics, placements, cards);
            return super::screens::board::ask_hints(app);
        }
        Loaded::Changed { change, via, note } => return changed(app, change, via, note),
        Loaded::Decisions(rows) => app.decision_log.set(rows),
        Loaded::Outline {
            sections,
            sources,
            topics,
        } => app.outline.set(sections, sources, topics),
        Loaded::Coverage(c) => app.coverage.set(c),
        Loaded::History { card_id, lines } => {
            if let Screen::Detail(c) = &app.screen
                && c.id == card_id
            {
                app.history = Some((card_id, lines));
            }
        }
        Loaded::Hints { generation, hints } => {
            if generation == app.board.hint_generation {
                if app.capture.is_some() && app.screen == Screen::Cards {
                    app.capture_hints = hints;
                } else {
                    app.board.hints = hints;
                }
            }
        }
        Loaded::ClusterStage(stage) => {
            app.board.clustering = Some(super::i18n::stage_name(stage, app.lang).to_owned());
        }
        Loaded::Proposal(record) => {
            app.board.clustering = None;
            let split_of = app.board.splitting.take();
            app.modal = Some(Modal::Proposal(Proposal::new(*record, split_of)));
        }
        Loaded::ClusterFailed(e) => {
            app.board.clustering = None;
            let e = if e.is_empty() {
                app.tr(T::NoCards).to_owned()
            } else {
                e
            };
            app.fail(format!("{}: {e}", app.tr(T::ClusterFailed)));
        }
        Loaded::Merged(sum) => {
            app.list_stale = true;
            app.corpus_version += 1;
            let lines = summary_lines(app, &sum);
            app.modal = Some(Modal::Message(T::MergedTitle, lines));
            return reload(app, true, true);
        }
        Loaded::Exported(path) => {
            app.modal = Some(Modal::Message(T::ExportedTitle, vec![path]));
        }
        Loaded::Conflicts { path, conflicts } => {
            app.modal = Some(Modal::Dialog(Box::new(Dialog::conflicts(path, conflicts))));
        }
    }
    Vec::new()
}

fn summary_lines(app: &App, s: &MergeSummary) -> Vec<String> {
    if !s.changed() {
        return vec![app.tr(T::NothingNew).to_owned()];
    }
    [
        (T::SumSessions, s.sessions_added),
        (T::SumCardsAdded, s.cards_added),
        (T::SumCardsUpdated, s.cards_updated),
        (T::SumEvents, s.events_added),
        (T::SumTopics, s.topics_added),
        (T::SumPlacements, s.placements_added),
        (T::SumDecisions, s.decisions_added),
        (T::SumSections, s.sections_added),
    ]
    .iter()
    .map(|(t, n)| format!("{n:>6}  {}", app.tr(*t)))
    .collect()
}

/// A stored change: onto the right stack, a message, and fresh data for the screen.
fn changed(app: &mut App, change: Change, via: Via, note: String) -> Vec<Effect> {
    let touches_cards = matches!(&change, Change::Board(c) if c.touches_cards());
    let topics = !matches!(&change, Change::Board(c) if c.placements_only());
    let what = match &change {
        Change::Board(c) => match **c {
            BoardChange::Topics { .. } => T::BoardSaved,
            BoardChange::MergeCards { .. } => T::CardsMerged,
            BoardChange::SplitCard { .. } => T::CardSplit,
            BoardChange::Decision { .. } => T::Decided,
            BoardChange::Section { .. } => T::OutlineSaved,
        },
        _ => T::Saved,
    };
    let msg = match via {
        Via::New => what,
        Via::Undo => T::Undone,
        Via::Redo => T::Redone,
    };
    let text = if note.is_empty() || via != Via::New {
        app.tr(msg).to_owned()
    } else {
        format!("{} {note}", app.tr(msg))
    };
    app.say(text);
    match via {
        Via::New => {
            app.undo.push(change);
            app.redo.clear();
        }
        Via::Undo => app.redo.push(change),
        Via::Redo => app.undo.push(change),
    }
    if touches_cards {
        app.corpus_version += 1;
        app.board.marked.clear();
    }
    app.list_stale = true;
    reload(app, touches_cards, topics)
}

/// Reloads the data of the screen in view.
fn reload(app: &mut App, cards: bool, topics: bool) -> Vec<Effect> {
    match app.screen {
        Screen::Board => {
            app.board.loading = true;
            vec![more(MoreEffect::LoadBoard { cards, topics })]
        }
        Screen::Decisions => vec![more(MoreEffect::LoadDecisions)],
        Screen::Outline => vec![more(MoreEffect::LoadOutline)],
        Screen::Coverage => vec![more(MoreEffect::LoadCoverage)],
        Screen::Cards => {
            app.list_stale = false;
            app.reload_cards()
        }
        _ => Vec::new(),
    }
}
