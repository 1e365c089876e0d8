//! The card list's data: the loaded cards, the filtered and sorted view of them, and
//! the selection. Kept apart from drawing so the view is rebuilt only when the cards,
//! the filter or the sort change, never per frame (100k cards must scroll smoothly).

use crate::model::{Card, CardQuery};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    #[default]
    Entry,
    Newest,
    Votes,
    Kind,
}

impl Sort {
    #[must_use]
    pub fn next(self) -> Sort {
        match self {
            Sort::Entry => Sort::Newest,
            Sort::Newest => Sort::Votes,
            Sort::Votes => Sort::Kind,
            Sort::Kind => Sort::Entry,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct CardList {
    pub cards: Vec<Card>,
    /// Indexes into `cards`: what the list shows, in order.
    pub view: Vec<usize>,
    pub selected: usize,
    /// First visible row; kept by `update` so scrolling is steady.
    pub offset: usize,
    /// Whole consultation instead of the current session.
    pub all_sessions: bool,
    pub sort: Sort,
    pub query: CardQuery,
    pub query_text: String,
    pub loading: bool,
    /// Results of older loads are ignored.
    pub generation: u64,
    /// Changes stored while a load was under way: the loaded snapshot may predate
    /// them, so they are applied again on top of it.
    pub changed_while_loading: Vec<(Card, bool)>,
}

impl CardList {
    pub fn selected_card(&self) -> Option<&Card> {
        self.view
            .get(self.selected)
            .and_then(|&i| self.cards.get(i))
    }

    pub fn set_cards(&mut self, cards: Vec<Card>) {
        let keep = self.selected_card().map(|c| c.id.clone());
        self.cards = cards;
        self.loading = false;
        for (card, in_scope) in std::mem::take(&mut self.changed_while_loading) {
            self.place(card, in_scope);
        }
        self.rebuild(keep.as_deref());
    }

    /// Puts a card where it belongs in `cards` (entry order), replaces it, or takes it
    /// out when it was deleted or is not in scope.
    fn place(&mut self, card: Card, in_scope: bool) {
        let pos = self.cards.iter().position(|c| c.id == card.id);
        let shown = card.deleted_at.is_none() && card.superseded_by.is_none();
        match (pos, shown && in_scope) {
            (Some(i), true) => self.cards[i] = card,
            (Some(i), false) => {
                self.cards.remove(i);
            }
            (None, true) => {
                // Keep `cards` in entry order, which the default sort relies on.
                let at = self.cards.partition_point(|c| c.seq < card.seq);
                self.cards.insert(at, card);
            }
            (None, false) => {}
        }
    }

    /// Recomputes the view; keeps the selection on `keep` when it is still shown.
    pub fn rebuild(&mut self, keep: Option<&str>) {
        let mut view: Vec<usize> = (0..self.cards.len())
            .filter(|&i| self.query.matches(&self.cards[i]))
            .collect();
        let cards = &self.cards;
        match self.sort {
            Sort::Entry => {}
            Sort::Newest => view.reverse(),
            Sort::Votes => view.sort_by(|&a, &b| {
                cards[b]
                    .votes
                    .cmp(&cards[a].votes)
                    .then(cards[a].seq.cmp(&cards[b].seq))
            }),
            Sort::Kind => view.sort_by_key(|&i| (cards[i].kind, cards[i].seq)),
        }
        self.view = view;
        if let Some(id) = keep
            && let Some(pos) = self.view.iter().position(|&i| self.cards[i].id == id)
        {
            self.selected = pos;
        }
        self.selected = self.selected.min(self.view.len().saturating_sub(1));
    }

    /// Puts a stored card into the list (or takes a deleted one out). `in_scope` says
    /// whether the card belongs to what the list shows.
    pub fn upsert(&mut self, card: Card, in_scope: bool, select: bool) {
        let keep = if select {
            Some(card.id.clone())
        } else {
            self.selected_card().map(|c| c.id.clone())
        };
        if self.loading {
            self.changed_while_loading.push((card.clone(), in_scope));
        }
        self.place(card, in_scope);
        self.rebuild(keep.as_deref());
    }

    pub fn move_by(&mut self, delta: isize, height: usize) {
        let last = self.view.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.follow(height);
    }

    pub fn select(&mut self, index: usize, height: usize) {
        self.selected = index.min(self.view.len().saturating_sub(1));
        self.follow(height);
    }

    /// Scrolls so the selection is among the `height` visible rows.
    pub fn follow(&mut self, height: usize) {
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(self.view.len().saturating_sub(1));
    }
}
