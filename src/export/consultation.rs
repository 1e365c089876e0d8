//! The consultation report (raport z konsultacji), the document a city publishes after a
//! consultation: what was done (sessions, dates, places, participants, methods), what
//! was said (comments by kind and topic, votes) and what became of it (every card's fate
//! from `model::fate`, grouped by topic). Built once here, rendered by
//! [`super::consultation_text`] (Markdown, HTML), [`super::consultation_docx`] and
//! [`super::consultation_odt`] from the blocks of [`super::consultation_blocks`].

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
