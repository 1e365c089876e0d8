//! The consultation report (raport z konsultacji), the document a city publishes after a
//! consultation: what was done (sessions, dates, places, participants, methods), what
//! was said (comments by kind and topic, votes) and what became of it (every card's fate
//! from `model::fate`, grouped by topic). Built once here, rendered by
//! [`super::consultation_text`] (Markdown, HTML), [`super::consultation_docx`] and
//! [`super::consultation_odt`].

use super::chart::{Chart, Series};
use super::lang::KINDS;
use super::sources::decision_text;
use crate::model::coverage::{assess, is_default_final_chapter};
use crate::model::{CardView, ExportView, Fate, FateKind, FateTally, Lang, Numbering};
use std::collections::HashMap;

/// Topics drawn in a chart at most (the tables list them all).
pub const CHART_TOPICS: usize = 30;

#[derive(Debug, Clone, PartialEq)]
pub struct ConsultationReport {
    pub lang: Lang,
    pub title: String,
    /// City and the date the report was made.
    pub subtitle: String,
    pub sessions: Vec<SessionLine>,
    /// Sum of the participant counts given.
    pub participants: i64,
    /// (kind in words, live cards), kinds with none left out.
    pub kinds: Vec<(String, usize)>,
    pub live_cards: usize,
    pub live_votes: i64,
    /// Topics with any card, most live cards first; cards without one last.
    pub topics: Vec<TopicLine>,
    /// Fates of all cards.
    pub tally: FateTally,
    /// Every card with its fate, one group per line of `topics`, in the same order.
    pub groups: Vec<CardGroup>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SessionLine {
    pub title: String,
    pub kind: String,
    pub date: String,
    pub place: String,
    pub participants: Option<i64>,
    /// The session's activities, joined.
    pub methods: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicLine {
    pub label: String,
    pub cards: usize,
    pub votes: i64,
    /// Fates of all the topic's cards (live or not).
    pub tally: FateTally,
    /// The topic's decision in words, empty for cards without a topic.
    pub decision: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CardGroup {
    pub topic: String,
    pub decision: String,
    pub cards: Vec<CardLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CardLine {
    pub card_id: String,
    pub reference: String,
    pub kind: String,
    pub text: String,
    pub votes: i64,
    pub fate: Fate,
    /// The fate in full: citations, references, reasons, rationale or response.
    pub fate_text: String,
}

/// A colour per fate for the charts (Okabe–Ito, told apart with colour-blindness too).
pub fn fate_color(kind: FateKind) -> &'static str {
    match kind {
        FateKind::Used => "009E73",
        FateKind::AdoptedUnused => "56B4E9",
        FateKind::Answered => "F0E442",
        FateKind::Rejected => "D55E00",
        FateKind::Postponed => "E69F00",
        FateKind::Undecided => "BBBBBB",
        FateKind::Merged => "CC79A7",
        FateKind::Split => "0072B2",
        FateKind::Deleted => "555555",
    }
}

impl ConsultationReport {
    pub fn build(view: &ExportView) -> Self {
        let lang = Lang::from_tag(&view.consultation.language).unwrap_or(Lang::Pl);
        let words = lang.report_labels();
        let numbering = Numbering::new(&view.sections, lang);
        let assessed = assess(view, &numbering, &is_default_final_chapter);
        let live: Vec<&CardView> = view.cards.iter().filter(|c| c.gone.is_none()).collect();

        let sessions: Vec<SessionLine> = view
            .sessions
            .iter()
            .map(|s| SessionLine {
                title: s.title.clone(),
                kind: lang.session_kind(&s.kind),
                date: s.date.clone().unwrap_or_default(),
                place: s.place.trim().to_owned(),
                participants: s.participants,
                methods: s.activities.join("; "),
            })
            .collect();

        let mut kind_names: Vec<&str> = KINDS.to_vec();
        for c in &live {
            if !kind_names.contains(&c.kind.as_str()) {
                kind_names.push(&c.kind);
            }
        }
        let kinds = kind_names
            .iter()
            .map(|k| (lang.kind(k), live.iter().filter(|c| c.kind == *k).count()))
            .filter(|(_, n)| *n > 0)
            .collect();

        // Group every card under its topic (None: no topic), keeping entry order.
        let mut by_topic: HashMap<Option<&str>, Vec<(&CardView, &Fate)>> = HashMap::new();
        for (c, f) in view.cards.iter().zip(&assessed.fates) {
            by_topic
                .entry(c.topic_id.as_deref())
                .or_default()
                .push((c, f));
        }
        let mut order: Vec<(TopicLine, Option<&str>)> = view
            .topics
            .iter()
            .filter_map(|t| {
                let cards = by_topic.get(&Some(t.id.as_str()))?;
                Some((
                    topic_line(&t.label, cards, decision_text(t.decision.as_ref(), lang)),
                    Some(t.id.as_str()),
                ))
            })
            .collect();
        // Most live cards first; ties by label so the report is stable.
        order.sort_by(|a, b| {
            b.0.cards
                .cmp(&a.0.cards)
                .then_with(|| a.0.label.cmp(&b.0.label))
        });
        if let Some(cards) = by_topic.get(&None) {
            order.push((topic_line(words.no_topic, cards, String::new()), None));
        }
        let groups = order
            .iter()
            .map(|(line, id)| CardGroup {
                topic: line.label.clone(),
                decision: line.decision.clone(),
                cards: by_topic
                    .get(id)
                    .map(|cards| {
                        cards
                            .iter()
                            .map(|(c, f)| CardLine {
                                card_id: c.id.clone(),
                                reference: c.reference.clone(),
                                kind: lang.kind(&c.kind),
                                text: c.text.clone(),
                                votes: c.votes,
                                fate: (*f).clone(),
                                fate_text: lang.fate_full(f),
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            })
            .collect();

        let mut subtitle = Vec::new();
        if !view.consultation.city.trim().is_empty() {
            subtitle.push(view.consultation.city.trim().to_owned());
        }
        if let Some(y) = view.consultation.year {
            subtitle.push(y.to_string());
        }
        subtitle.push(format!("{} {}", words.as_of, view.generated_on));
        ConsultationReport {
            lang,
            title: format!("{}: {}", words.title, view.consultation.title),
            subtitle: subtitle.join(" · "),
            participants: sessions.iter().filter_map(|s| s.participants).sum(),
            sessions,
            kinds,
            live_cards: live.len(),
            live_votes: live.iter().map(|c| c.votes).sum(),
            topics: order.into_iter().map(|(t, _)| t).collect(),
            tally: assessed.coverage.tally,
            groups,
        }
    }

    /// Every card's id and fate, in the order the report lists them.
    pub fn fates(&self) -> impl Iterator<Item = (&str, &Fate)> {
        self.groups
            .iter()
            .flat_map(|g| &g.cards)
            .map(|c| (c.card_id.as_str(), &c.fate))
    }

    /// The fates that occur, in the documents' order: the outcome table's columns.
    pub fn fate_columns(&self) -> Vec<FateKind> {
        FateKind::ALL
            .into_iter()
            .filter(|k| self.tally.get(*k) > 0)
            .collect()
    }

    /// Cards per topic, votes per topic and fates per topic, over the first
    /// [`CHART_TOPICS`] topics.
    pub fn charts(&self) -> [Chart; 3] {
        let words = self.lang.report_labels();
        let shown = &self.topics[..self.topics.len().min(CHART_TOPICS)];
        let labels: Vec<String> = shown.iter().map(|t| t.label.clone()).collect();
        let one = |title: &str, name: &str, color, values: Vec<u64>| Chart {
            title: title.to_owned(),
            labels: labels.clone(),
            series: vec![Series {
                name: name.to_owned(),
                color,
                values,
            }],
        };
        [
            one(
                words.chart_cards,
                words.col_cards,
                "0072B2",
                shown.iter().map(|t| t.cards as u64).collect(),
            ),
            one(
                words.chart_votes,
                words.col_votes,
                "E69F00",
                shown.iter().map(|t| t.votes.max(0) as u64).collect(),
            ),
            Chart {
                title: words.chart_outcomes.to_owned(),
                labels: labels.clone(),
                series: self
                    .fate_columns()
                    .into_iter()
                    .map(|k| Series {
                        name: k.name(self.lang).to_owned(),
                        color: fate_color(k),
                        values: shown.iter().map(|t| t.tally.get(k) as u64).collect(),
                    })
                    .collect(),
            },
        ]
    }
}

fn topic_line(label: &str, cards: &[(&CardView, &Fate)], decision: String) -> TopicLine {
    let live = cards.iter().filter(|(c, _)| c.gone.is_none());
    TopicLine {
        label: label.to_owned(),
        cards: live.clone().count(),
        votes: live.map(|(c, _)| c.votes).sum(),
        tally: FateTally::of(&cards.iter().map(|(_, f)| (*f).clone()).collect::<Vec<_>>()),
        decision,
    }
}

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
