//! The store side of the cards room: saving, editing, voting, deleting, each with
//! what undoes it, and a card's lineage for the detail.

use super::HistoryLine;
use crate::error::Result;
use crate::model::{Card, CardDraft, CardPatch};
use crate::storage::Store;
use crate::storage::decisions::DecisionRow;
use crate::tui::ctx::Via;
use crate::tui::reader::{Read, ReadDone, Reader};

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// The list, a search, near-duplicate hints (on a reader thread when there is one).
    Read(Read),
    Add(CardDraft),
    Edit {
        id: String,
        patch: CardPatch,
    },
    Vote {
        id: String,
        delta: i64,
    },
    Delete(String),
    /// The lineage of a card, for its detail.
    History(String),
}

/// One undoable change to a card, as it was applied.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Add(String),
    Delete(String),
    Edit {
        id: String,
        before: Box<CardPatch>,
        after: Box<CardPatch>,
    },
    Vote {
        id: String,
        delta: i64,
    },
}

impl Change {
    /// The card the change is about.
    fn id(&self) -> &str {
        match self {
            Change::Add(id)
            | Change::Delete(id)
            | Change::Edit { id, .. }
            | Change::Vote { id, .. } => id,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Done {
    /// A change reached the store; `via` says whether it was new, an undo or a redo.
    Stored {
        card: Box<Card>,
        change: Change,
        via: Via,
    },
    /// A session's card count and vote total changed by these amounts.
    Totals {
        session_id: String,
        cards: i64,
        votes: i64,
    },
    /// A card's lineage and the decision that counts for it, for its detail.
    History {
        card_id: String,
        lines: Vec<HistoryLine>,
        decision: Option<Box<DecisionRow>>,
    },
    Read(ReadDone),
}

/// The patch that sets every field an edit touched back to `card`'s values.
fn patch_from(card: &Card, like: &CardPatch) -> CardPatch {
    CardPatch {
        text: like.text.as_ref().map(|_| card.text.clone()),
        kind: like.kind.map(|_| card.kind),
        speaker: like.speaker.as_ref().map(|_| card.speaker.clone()),
        activity: like.activity.as_ref().map(|_| card.activity.clone()),
        tags: like.tags.as_ref().map(|_| card.tags.clone()),
        votes: like.votes.map(|_| card.votes),
    }
}

/// The stored card, and how its session's totals moved: worked out from the card
/// before and after rather than recounted, which would read the whole session.
fn stored(before: Option<&Card>, card: Card, change: Change, via: Via) -> Vec<Done> {
    let weight = |c: &Card| {
        if c.deleted_at.is_none() && c.superseded_by.is_none() {
            (1, c.votes)
        } else {
            (0, 0)
        }
    };
    let (c0, v0) = before.map_or((0, 0), weight);
    let (c1, v1) = weight(&card);
    vec![
        Done::Totals {
            session_id: card.session_id.clone(),
            cards: c1 - c0,
            votes: v1 - v0,
        },
        Done::Stored {
            card: Box::new(card),
            change,
            via,
        },
    ]
}

pub fn perform(effect: Effect, s: &mut Store, reader: &mut Reader) -> Result<Vec<Done>> {
    Ok(match effect {
        Effect::Read(job) => reader.read(s, job).map(Done::Read).into_iter().collect(),
        Effect::Add(draft) => {
            let card = s.add_card(&draft)?;
            let change = Change::Add(card.id.clone());
            stored(None, card, change, Via::New)
        }
        Effect::Edit { id, patch } => {
            let old = s.card(&id)?;
            let before = Box::new(patch_from(&old, &patch));
            let card = s.edit_card(&id, &patch)?;
            let after = Box::new(patch_from(&card, &patch));
            stored(
                Some(&old),
                card,
                Change::Edit { id, before, after },
                Via::New,
            )
        }
        Effect::Vote { id, delta } => {
            let old = s.card(&id)?;
            let card = s.vote(&id, delta)?;
            let delta = card.votes - old.votes;
            stored(Some(&old), card, Change::Vote { id, delta }, Via::New)
        }
        Effect::Delete(id) => {
            let old = s.card(&id)?;
            let card = s.delete_card(&id, None)?;
            stored(Some(&old), card, Change::Delete(id), Via::New)
        }
        Effect::History(card_id) => vec![history(s, card_id)?],
    })
}

/// Applies the inverse of `change` (undo) or the change again (redo).
pub fn undo(change: Change, s: &mut Store, via: Via) -> Result<Vec<Done>> {
    let old = s.card(change.id())?;
    let card = match (&change, via == Via::Undo) {
        (Change::Add(id), true) => s.delete_card(id, Some("undo"))?,
        (Change::Add(id), false) | (Change::Delete(id), true) => s.restore_card(id)?,
        (Change::Delete(id), false) => s.delete_card(id, None)?,
        (Change::Edit { id, before, .. }, true) => s.edit_card(id, before)?,
        (Change::Edit { id, after, .. }, false) => s.edit_card(id, after)?,
        (Change::Vote { id, delta }, true) => s.vote(id, -delta)?,
        (Change::Vote { id, delta }, false) => s.vote(id, *delta)?,
    };
    Ok(stored(Some(&old), card, change, via))
}

fn history(s: &Store, card_id: String) -> Result<Done> {
    let mut lines = Vec::new();
    for e in s.card_history(&card_id)? {
        let related_seq = match &e.related_id {
            Some(r) => s.card(r).ok().map(|c| c.seq),
            None => None,
        };
        let why = e
            .detail
            .as_deref()
            .and_then(|d| serde_json::from_str::<serde_json::Value>(d).ok())
            .and_then(|v| v.get("why").and_then(|w| w.as_str()).map(str::to_owned));
        lines.push(HistoryLine {
            event: e.event,
            related_seq,
            actor: e.actor,
            at: e.at,
            why,
        });
    }
    let decision = s.card_decision(&card_id)?.map(Box::new);
    Ok(Done::History {
        card_id,
        lines,
        decision,
    })
}
