//! The topic board's state: topics, the consultation's cards grouped by topic, the two
//! cursors and the marked cards. Groups are rebuilt when placements arrive, never per
//! key, so moving the cursor over 10k cards costs nothing.

use super::Modal;
use crate::model::Card;
use crate::storage::topics::TopicRow;
use crate::storage::undo::Placement;
use crate::tui::hints::Hint;
use std::collections::{BTreeSet, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Pane {
    #[default]
    Topics,
    Cards,
}

#[derive(Debug, Clone, Default)]
pub struct Room {
    pub topics: Vec<TopicRow>,
    pub cards: Vec<Card>,
    /// Card id → its placement (absent: unsorted).
    pub placement: HashMap<String, Placement>,
    /// Per row of the topic list (0 = unsorted, then `topics`), indexes into `cards`.
    pub groups: Vec<Vec<usize>>,
    /// Row of the topic list; 0 is the unsorted entry.
    pub topic_row: usize,
    pub card_row: usize,
    pub focus: Pane,
    pub marked: BTreeSet<String>,
    pub loading: bool,
    /// The clustering stage while a worker runs.
    pub clustering: Option<String>,
    /// Near-duplicates of the selected card, and the generation they answer.
    pub hints: Vec<Hint>,
    pub hint_generation: u64,
    /// The topic being re-clustered into parts, while its run is under way.
    pub splitting: Option<String>,
    /// A picker, prompt, dialog or clustering proposal open over the board.
    pub modal: Option<Modal>,
    /// The selected topic's keywords are shown under its name (`w`).
    pub keywords: bool,
}

impl Room {
    /// Takes new topics and placements (and cards, when they changed) and regroups.
    pub fn set(
        &mut self,
        topics: Option<Vec<TopicRow>>,
        placements: Vec<Placement>,
        cards: Option<Vec<Card>>,
    ) {
        let keep_topic = self.selected_topic().map(|t| t.id.clone());
        let keep_card = self.selected_card().map(|c| c.id.clone());
        if let Some(t) = topics {
            self.topics = t;
        }
        let new_cards = cards.is_some();
        if let Some(c) = cards {
            self.cards = c;
        }
        self.placement = placements
            .into_iter()
            .map(|p| (p.card_id.clone(), p))
            .collect();
        self.loading = false;
        self.regroup();
        if let Some(id) = keep_topic
            && let Some(i) = self.topics.iter().position(|t| t.id == id)
        {
            self.topic_row = i + 1;
        }
        self.topic_row = self.topic_row.min(self.topics.len());
        // Marks of cards that went away (merged, split) go with them.
        if new_cards && !self.marked.is_empty() {
            let live: BTreeSet<&String> = self.cards.iter().map(|c| &c.id).collect();
            self.marked.retain(|m| live.contains(m));
        }
        let group = self.group();
        self.card_row = keep_card
            .and_then(|id| group.iter().position(|&i| self.cards[i].id == id))
            .unwrap_or(self.card_row)
            .min(group.len().saturating_sub(1));
    }

    fn regroup(&mut self) {
        let row_of: HashMap<&str, usize> = self
            .topics
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.as_str(), i + 1))
            .collect();
        let mut groups = vec![Vec::new(); self.topics.len() + 1];
        for (i, c) in self.cards.iter().enumerate() {
            let row = self
                .placement
                .get(&c.id)
                .and_then(|p| row_of.get(p.topic_id.as_str()))
                .copied()
                .unwrap_or(0);
            groups[row].push(i);
        }
        // Sizes and votes as the board holds them, so they follow a move at once.
        for (t, g) in self.topics.iter_mut().zip(groups.iter().skip(1)) {
            t.size = g.len() as i64;
            t.votes = g.iter().map(|&i| self.cards[i].votes).sum();
        }
        self.groups = groups;
    }

    /// The cards of the selected row.
    pub fn group(&self) -> &[usize] {
        self.groups.get(self.topic_row).map_or(&[], Vec::as_slice)
    }

    /// `None` on the unsorted entry.
    pub fn selected_topic(&self) -> Option<&TopicRow> {
        self.topic_row
            .checked_sub(1)
            .and_then(|i| self.topics.get(i))
    }

    pub fn selected_card(&self) -> Option<&Card> {
        self.group()
            .get(self.card_row)
            .and_then(|&i| self.cards.get(i))
    }

    pub fn is_pinned(&self, card_id: &str) -> bool {
        self.placement.get(card_id).is_some_and(|p| p.pinned)
    }

    /// The marked cards, else the selected card when the cards pane has focus.
    pub fn chosen_cards(&self) -> Vec<String> {
        if !self.marked.is_empty() {
            return self.marked.iter().cloned().collect();
        }
        match (self.focus, self.selected_card()) {
            (Pane::Cards, Some(c)) => vec![c.id.clone()],
            _ => Vec::new(),
        }
    }

    /// Moves the cursor of the focused pane; returns whether the selected card changed.
    pub fn move_by(&mut self, delta: isize) -> bool {
        match self.focus {
            Pane::Topics => {
                let last = self.topics.len();
                let row = self.topic_row.saturating_add_signed(delta).min(last);
                if row != self.topic_row {
                    self.topic_row = row;
                    self.card_row = 0;
                }
                false
            }
            Pane::Cards => {
                let last = self.group().len().saturating_sub(1);
                let row = self.card_row.saturating_add_signed(delta).min(last);
                let moved = row != self.card_row;
                self.card_row = row;
                moved
            }
        }
    }

    pub fn toggle_mark(&mut self) {
        if let Some(id) = self.selected_card().map(|c| c.id.clone())
            && !self.marked.remove(&id)
        {
            self.marked.insert(id);
        }
    }

    /// `(id, text)` of the selected topic's cards, for re-clustering it.
    pub fn topic_texts(&self) -> Vec<(String, String)> {
        self.group()
            .iter()
            .map(|&i| (self.cards[i].id.clone(), self.cards[i].text.clone()))
            .collect()
    }
}
