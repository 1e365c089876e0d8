//! The consultation report as format-neutral blocks — headings, notes, tables and
//! charts in reading order — so that every writer says the same thing.

use super::chart::Chart;
use super::consultation::{ConsultationReport, fate_color};

/// The report as a sequence of format-neutral blocks, so every writer says the same.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Level 1 (sections) or 2 (parts of them), 3 (a topic's cards).
    Heading(u8, String),
    Para(String),
    /// Said in italics: a decision under a topic heading, a note on the numbers.
    Note(String),
    Table(Table),
    Chart(Chart),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    /// A colour swatch for a header cell: the legend of the chart above the table.
    pub swatches: Vec<Option<&'static str>>,
    /// Right-aligned columns.
    pub numeric: Vec<bool>,
    /// Relative column widths for the page formats.
    pub weights: Vec<u32>,
    pub rows: Vec<Vec<String>>,
    /// A closing row in bold.
    pub total: Option<Vec<String>>,
}

impl Table {
    fn new(header: Vec<String>, numeric: Vec<bool>) -> Self {
        Table {
            swatches: vec![None; header.len()],
            weights: numeric.iter().map(|n| if *n { 1 } else { 3 }).collect(),
            header,
            numeric,
            rows: Vec::new(),
            total: None,
        }
    }
}

impl ConsultationReport {
    pub fn blocks(&self) -> Vec<Block> {
        let r = self.lang.report_labels();
        let w = self.lang.labels();
        let [cards_chart, votes_chart, outcomes_chart] = self.charts();
        let mut out = vec![Block::Heading(1, r.done.to_owned())];

        let mut t = Table::new(
            [
                r.col_session,
                w.col_kind,
                r.col_date,
                r.col_place,
                r.col_participants,
                r.col_methods,
            ]
            .map(str::to_owned)
            .to_vec(),
            vec![false, false, false, false, true, false],
        );
        t.weights = vec![4, 2, 2, 3, 2, 4];
        let dash = || w.not_used.to_owned();
        let or_dash = |s: &str| {
            if s.trim().is_empty() {
                dash()
            } else {
                s.to_owned()
            }
        };
        for s in &self.sessions {
            t.rows.push(vec![
                s.title.clone(),
                s.kind.clone(),
                or_dash(&s.date),
                or_dash(&s.place),
                s.participants.map_or_else(dash, |n| n.to_string()),
                or_dash(&s.methods),
            ]);
        }
        t.total = Some(vec![
            format!("{}: {}", w.report_total, self.sessions.len()),
            String::new(),
            String::new(),
            String::new(),
            self.participants.to_string(),
            String::new(),
        ]);
        out.push(Block::Table(t));

        out.push(Block::Heading(1, r.said.to_owned()));
        out.push(Block::Note(r.live_note.to_owned()));
        out.push(Block::Heading(2, r.by_kind.to_owned()));
        let mut t = Table::new(
            vec![w.col_kind.to_owned(), w.report_count.to_owned()],
            vec![false, true],
        );
        t.rows = self
            .kinds
            .iter()
            .map(|(k, n)| vec![k.clone(), n.to_string()])
            .collect();
        t.total = Some(vec![w.report_total.to_owned(), self.live_cards.to_string()]);
        out.push(Block::Table(t));
        out.push(Block::Heading(2, r.by_topic.to_owned()));
        if self.topics.is_empty() {
            out.push(Block::Para(w.nothing.to_owned()));
        } else {
            out.push(Block::Chart(cards_chart));
            out.push(Block::Chart(votes_chart));
            let mut t = Table::new(
                vec![
                    w.col_topic.to_owned(),
                    r.col_cards.to_owned(),
                    r.col_votes.to_owned(),
                ],
                vec![false, true, true],
            );
            t.rows = self
                .topics
                .iter()
                .map(|l| vec![l.label.clone(), l.cards.to_string(), l.votes.to_string()])
                .collect();
            t.total = Some(vec![
                w.report_total.to_owned(),
                self.live_cards.to_string(),
                self.live_votes.to_string(),
            ]);
            out.push(Block::Table(t));
        }

        out.push(Block::Heading(1, r.became.to_owned()));
        out.push(Block::Heading(2, r.fates.to_owned()));
        let mut t = Table::new(
            vec![r.fates.to_owned(), w.report_count.to_owned()],
            vec![false, true],
        );
        for k in self.fate_columns() {
            t.rows.push(vec![
                k.name(self.lang).to_owned(),
                self.tally.get(k).to_string(),
            ]);
        }
        t.total = Some(vec![
            w.report_total.to_owned(),
            self.tally.total().to_string(),
        ]);
        out.push(Block::Table(t));
        if !self.topics.is_empty() {
            out.push(Block::Heading(2, r.outcomes.to_owned()));
            out.push(Block::Chart(outcomes_chart));
            let columns = self.fate_columns();
            let mut header = vec![w.col_topic.to_owned()];
            header.extend(columns.iter().map(|k| k.name(self.lang).to_owned()));
            let mut t = Table::new(header, vec![true; columns.len() + 1]);
            t.numeric[0] = false;
            t.weights = vec![2; columns.len() + 1];
            t.weights[0] = 5;
            for (i, k) in columns.iter().enumerate() {
                t.swatches[i + 1] = Some(fate_color(*k));
            }
            t.rows = self
                .topics
                .iter()
                .map(|l| {
                    let mut row = vec![l.label.clone()];
                    row.extend(columns.iter().map(|k| l.tally.get(*k).to_string()));
                    row
                })
                .collect();
            out.push(Block::Table(t));
        }

        out.push(Block::Heading(2, r.per_topic.to_owned()));
        for g in &self.groups {
            out.push(Block::Heading(3, g.topic.clone()));
            if !g.decision.is_empty() {
                out.push(Block::Note(format!("{}: {}", r.topic_decision, g.decision)));
            }
            let mut t = Table::new(
                [
                    w.col_reference,
                    w.col_kind,
                    w.col_text,
                    r.col_votes,
                    r.col_fate,
                ]
                .map(str::to_owned)
                .to_vec(),
                vec![false, false, false, true, false],
            );
            t.weights = vec![2, 3, 8, 2, 6];
            t.rows = g
                .cards
                .iter()
                .map(|c| {
                    vec![
                        c.reference.clone(),
                        c.kind.clone(),
                        c.text.clone(),
                        c.votes.to_string(),
                        c.fate_text.clone(),
                    ]
                })
                .collect();
            out.push(Block::Table(t));
        }
        out
    }
}
