//! The format-neutral draft resolution built from an export view. Every writer renders
//! this one model, so Markdown, HTML, DOCX and ODT say the same thing.

use super::notes::Note;
use super::prepare::{append_final_provisions, is_final_heading, prepare_sections};
use super::sources::{self, Coverage, SourceRow};
use super::templates::{FixedText, render_fixed_text};
use crate::error::Result;
use crate::model::coverage::assess;
use crate::model::{
    CardView, ExportView, Lang, Numbering, ParagraphStyle, SectionLevel, SectionView,
};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// Caller's choices for a document export.
#[derive(Debug, Clone, Default)]
pub struct DocOptions {
    /// The config directory's `templates/`: a template file there replaces the built-in one.
    pub templates_dir: Option<PathBuf>,
    /// Where a § number stands in DOCX and ODT; `None`: as the consultation's settings say.
    pub paragraph_layout: Option<ParagraphStyle>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub lang: Lang,
    pub fixed: FixedText,
    pub chapters: Vec<Chapter>,
    /// One note per provision that has sources, in reading order.
    pub notes: Vec<Note>,
    /// Adopted recommendations not drafted yet, grouped by the unit they belong to; printed
    /// as a part of their own after the resolution, never inside the numbered provisions.
    pub to_draft: Vec<DraftGroup>,
    pub paragraph_layout: ParagraphStyle,
    /// One row per card in scope, in entry order.
    pub sources: Vec<SourceRow>,
    pub coverage: Coverage,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chapter {
    /// The outline section it renders; `None` for parts the document adds itself.
    pub section_id: Option<String>,
    /// `Rozdział 2`; `None` for § that the outline puts outside any chapter.
    pub label: Option<String>,
    pub heading: String,
    pub body: Body,
    pub provisions: Vec<Provision>,
}

/// A §, ust. or pkt with its legal number.
#[derive(Debug, Clone, PartialEq)]
pub struct Provision {
    /// The outline section it renders; `None` for the fixed final provisions.
    pub section_id: Option<String>,
    pub level: SectionLevel,
    /// `§ 5.`, `2.` or `3)`.
    pub label: String,
    pub heading: String,
    pub body: Body,
    pub children: Vec<Provision>,
}

/// What a chapter or provision prints; `note` is an index into `Document::notes`.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// Nothing to print: the section only groups its children.
    Nothing,
    /// No drafted text and nothing to draft it from (at most questions or concerns):
    /// printed as a placeholder.
    ToComplete { note: Option<usize> },
    /// The secretary's wording, followed by its source note.
    Drafted {
        paragraphs: Vec<String>,
        note: Option<usize>,
    },
    /// Not drafted yet: a short placeholder here, the adopted cards' texts in
    /// `Document::to_draft[group]`.
    ToDraft { group: usize, note: usize },
}

/// The undrafted recommendations of one chapter or provision.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftGroup {
    /// `§ 2`, `§ 15 ust. 2` or `Rozdział 3`.
    pub citation: String,
    pub heading: String,
    pub items: Vec<DraftItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DraftItem {
    pub reference: String,
    /// The card kind as printed (`rekomendacja`).
    pub kind: String,
    pub text: String,
}

impl Document {
    pub fn build(view: &ExportView, opts: &DocOptions) -> Result<Self> {
        let lang = Lang::from_tag(&view.consultation.language).unwrap_or(Lang::Pl);
        let fixed = render_fixed_text(view, lang, opts.templates_dir.as_deref())?;
        let (sections, unplaced) = prepare_sections(&view.sections, &fixed);
        let prepared;
        let view = match sections {
            Some(sections) => {
                prepared = ExportView {
                    sections,
                    ..view.clone()
                };
                &prepared
            }
            None => view,
        };
        let mut numbering = Numbering::new(&view.sections, lang);
        let cards: HashMap<&str, &CardView> =
            view.cards.iter().map(|c| (c.id.as_str(), c)).collect();
        let mut b = Builder {
            view,
            lang,
            numbering: &numbering,
            cards: &cards,
            notes: Vec::new(),
            to_draft: Vec::new(),
        };
        let mut chapters = Vec::new();
        let mut loose = Vec::new();
        for s in &view.sections {
            if s.level == SectionLevel::Chapter {
                if !loose.is_empty() {
                    chapters.push(unnamed_chapter(std::mem::take(&mut loose)));
                }
                chapters.push(b.chapter(s));
            } else {
                loose.push(b.provision(s));
            }
        }
        if !loose.is_empty() {
            chapters.push(unnamed_chapter(loose));
        }
        let (notes, to_draft) = (b.notes, b.to_draft);
        let assessed = assess(view, &numbering, &|h| is_final_heading(h, &fixed));
        let sources = sources::source_rows(view, lang, &assessed);
        let coverage = sources::coverage(view, lang, &numbering, &assessed);
        append_final_provisions(&mut chapters, &fixed, &unplaced, &mut numbering, lang);
        Ok(Document {
            lang,
            fixed,
            chapters,
            notes,
            to_draft,
            paragraph_layout: opts
                .paragraph_layout
                .unwrap_or(view.consultation.settings.paragraph_style),
            sources,
            coverage,
        })
    }
}

/// Whether every unit at the bottom of this one has text.
fn fully_drafted(s: &SectionView) -> bool {
    if s.children.is_empty() {
        !s.draft_text.trim().is_empty()
    } else {
        s.children.iter().all(fully_drafted)
    }
}

/// The body of the last drafted provision in reading order.
fn last_drafted(provisions: &mut [Provision]) -> Option<&mut Body> {
    for p in provisions.iter_mut().rev() {
        if p.children.iter().any(has_drafted) {
            return last_drafted(&mut p.children);
        }
        if matches!(p.body, Body::Drafted { .. }) {
            return Some(&mut p.body);
        }
    }
    None
}

fn has_drafted(p: &Provision) -> bool {
    matches!(p.body, Body::Drafted { .. }) || p.children.iter().any(has_drafted)
}

fn unnamed_chapter(provisions: Vec<Provision>) -> Chapter {
    Chapter {
        section_id: None,
        label: None,
        heading: String::new(),
        body: Body::Nothing,
        provisions,
    }
}

struct Builder<'a> {
    view: &'a ExportView,
    lang: Lang,
    numbering: &'a Numbering,
    cards: &'a HashMap<&'a str, &'a CardView>,
    notes: Vec<Note>,
    to_draft: Vec<DraftGroup>,
}

impl<'a> Builder<'a> {
    fn chapter(&mut self, s: &SectionView) -> Chapter {
        let (body, provisions) = self.unit(s, false);
        Chapter {
            section_id: Some(s.id.clone()),
            label: self.numbering.get(&s.id).map(|n| n.label.clone()),
            heading: s.heading.clone(),
            body,
            provisions,
        }
    }

    fn provision(&mut self, s: &SectionView) -> Provision {
        // A chapter nested where it should not be is still shown, as a plain provision.
        let (body, children) = self.unit(s, s.children.is_empty());
        Provision {
            section_id: Some(s.id.clone()),
            level: s.level,
            label: self
                .numbering
                .get(&s.id)
                .map(|n| n.label.clone())
                .unwrap_or_default(),
            heading: s.heading.clone(),
            body,
            children,
        }
    }

    /// A unit's body and its children. Bodies are built before children so notes are
    /// numbered in reading order. A unit whose wording is drafted wholly in the units
    /// below it (a § drafted as ust.) cites its sources at the end of the last of them,
    /// after their own notes; while a unit below is still undrafted, the unit lists its
    /// sources as still to be drafted.
    fn unit(&mut self, s: &SectionView, leaf: bool) -> (Body, Vec<Provision>) {
        let drafted_below = s.draft_text.trim().is_empty()
            && !s.children.is_empty()
            && s.children.iter().all(fully_drafted);
        if !drafted_below {
            let body = self.body(s, leaf);
            let children = s.children.iter().map(|c| self.provision(c)).collect();
            return (body, children);
        }
        let mut children: Vec<Provision> = s.children.iter().map(|c| self.provision(c)).collect();
        let own = self.sources_of(s);
        if own.is_empty() {
            return (Body::Nothing, children);
        }
        // Still one note per provision: the last drafted unit's note takes the cards of
        // the unit above it too.
        if let Some(Body::Drafted { note, .. }) = last_drafted(&mut children) {
            match *note {
                Some(i) => {
                    let mut cards: Vec<&CardView> = self.notes[i]
                        .card_ids
                        .iter()
                        .filter_map(|id| self.cards.get(id.as_str()).copied())
                        .collect();
                    for c in own {
                        if !cards.iter().any(|x| x.id == c.id) {
                            cards.push(c);
                        }
                    }
                    self.notes[i] = Note::new(i, &cards, &self.view.sessions, self.lang);
                }
                None => *note = self.note(&own),
            }
        }
        (Body::Nothing, children)
    }

    fn body(&mut self, s: &SectionView, leaf: bool) -> Body {
        let sources = self.sources_of(s);
        let paragraphs: Vec<String> = s
            .draft_text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect();
        let note = self.note(&sources);
        // Sources are rule cards only (see `sources_of`): each can wait to be drafted.
        let items: Vec<DraftItem> = sources
            .iter()
            .map(|c| DraftItem {
                reference: c.reference.clone(),
                kind: self.lang.kind(&c.kind),
                text: c.text.clone(),
            })
            .collect();
        match note {
            _ if !paragraphs.is_empty() => Body::Drafted { paragraphs, note },
            Some(note) => {
                self.to_draft.push(DraftGroup {
                    citation: self
                        .numbering
                        .citation(&s.id)
                        .unwrap_or_default()
                        .to_string(),
                    heading: s.heading.trim().to_string(),
                    items,
                });
                Body::ToDraft {
                    group: self.to_draft.len() - 1,
                    note,
                }
            }
            None if leaf => Body::ToComplete { note: None },
            None => Body::Nothing,
        }
    }

    /// The section's source cards that are in scope and can be sources (live adopted
    /// rules, see `model::fate::is_source`), without repeats.
    fn sources_of(&self, s: &SectionView) -> Vec<&'a CardView> {
        let mut seen = HashSet::new();
        s.source_card_ids
            .iter()
            .filter(|id| seen.insert(id.as_str()))
            .filter_map(|id| self.cards.get(id.as_str()).copied())
            .filter(|c| crate::model::fate::is_source(c))
            .collect()
    }

    /// One note for all of a section's sources, or none when it has none.
    fn note(&mut self, sources: &[&CardView]) -> Option<usize> {
        if sources.is_empty() {
            return None;
        }
        let note = Note::new(self.notes.len(), sources, &self.view.sessions, self.lang);
        self.notes.push(note);
        Some(self.notes.len() - 1)
    }
}

impl Body {
    /// The note this body cites, if any.
    pub fn note(&self) -> Option<usize> {
        match self {
            Body::Nothing => None,
            Body::ToComplete { note } | Body::Drafted { note, .. } => *note,
            Body::ToDraft { note, .. } => Some(*note),
        }
    }
}

/// `§ 2 — Wysokość budżetu`: how a group of undrafted recommendations is headed.
pub fn group_title(g: &DraftGroup) -> String {
    match (g.citation.trim(), g.heading.trim()) {
        (c, "") => c.to_string(),
        ("", h) => h.to_string(),
        (c, h) => format!("{c} — {h}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ConsultationView, DecisionView, SessionView};

    fn card(n: u32, kind: &str, session: &str) -> CardView {
        CardView {
            id: format!("c{n}"),
            reference: format!("#{n}"),
            text: format!("Treść karty {n}"),
            kind: kind.into(),
            session_id: session.into(),
            topic_id: None,
            votes: 1,
            decision: Some(DecisionView {
                outcome: "adopted".into(),
                rationale: "Długie uzasadnienie tematu, które nie trafia do przypisów.".into(),
                votes_for: None,
                votes_against: None,
                votes_abstain: None,
                decided_on: None,
            }),
            gone: None,
        }
    }

    fn section(id: &str, level: SectionLevel, draft: &str, sources: &[&str]) -> SectionView {
        SectionView {
            id: id.into(),
            level,
            heading: format!("Nagłówek {id}"),
            draft_text: draft.into(),
            topic_ids: vec![],
            source_card_ids: sources.iter().map(|s| (*s).to_string()).collect(),
            children: vec![],
        }
    }

    fn view() -> ExportView {
        let session = |id: &str, title: &str, date: &str| SessionView {
            id: id.into(),
            title: title.into(),
            kind: "training".into(),
            date: Some(date.into()),
            place: String::new(),
            participants: None,
            activities: vec![],
        };
        let mut chapter = section("ch", SectionLevel::Chapter, "", &[]);
        chapter.children = vec![
            // Drafted, six sources from two sessions.
            section(
                "p1",
                SectionLevel::Paragraph,
                "Tekst przepisu.",
                &["c4", "c8", "c9", "c12", "c13", "c14"],
            ),
            // Undrafted: a recommendation, a proposal, a question and a concern.
            section("p2", SectionLevel::Paragraph, "", &["c1", "c2", "c3", "c5"]),
            // Only a question: nothing to draft from.
            section("p3", SectionLevel::Paragraph, "", &["c3"]),
        ];
        ExportView {
            consultation: ConsultationView {
                title: "Test".into(),
                city: "Reszel".into(),
                year: Some(2027),
                language: "pl".into(),
                settings: crate::model::DocumentSettings::for_city("Reszel"),
            },
            generated_on: "2026-11-28".into(),
            session_scope: None,
            sessions: vec![
                session("s1", "Szkolenie 1", "2026-10-06"),
                session("s2", "Zespół roboczy", "2026-10-20"),
            ],
            topics: vec![],
            cards: vec![
                card(1, "recommendation", "s1"),
                card(2, "proposal", "s1"),
                card(3, "question", "s1"),
                card(4, "recommendation", "s1"),
                card(5, "concern", "s2"),
                card(8, "expectation", "s1"),
                card(9, "proposal", "s1"),
                card(12, "recommendation", "s2"),
                card(13, "recommendation", "s2"),
                card(14, "recommendation", "s2"),
            ],
            sections: vec![chapter],
        }
    }

    #[test]
    fn one_short_note_per_provision() {
        let doc = Document::build(&view(), &DocOptions::default()).unwrap();
        let p = &doc.chapters[0].provisions;
        // The question-only § cites nothing: questions are answered, never sources.
        assert_eq!(doc.notes.len(), 2);
        let Body::Drafted { note: Some(n), .. } = p[0].body else {
            panic!("{:?}", p[0].body)
        };
        assert_eq!(
            doc.notes[n].text,
            "karty #4, #8, #9 — Szkolenie 1, 6.10.2026; #12, #13, #14 — Zespół roboczy, 20.10.2026"
        );
        assert_eq!(doc.notes[n].card_ids.len(), 6);
        assert!(doc.notes.iter().all(|n| !n.text.contains("uzasadnienie")));
    }

    #[test]
    fn undrafted_recommendations_wait_outside_the_provisions() {
        let doc = Document::build(&view(), &DocOptions::default()).unwrap();
        let p = &doc.chapters[0].provisions;
        let Body::ToDraft { group, note } = p[1].body else {
            panic!("{:?}", p[1].body)
        };
        // The question and the concern are answered in the source table, not cited here.
        assert_eq!(doc.notes[note].card_ids, ["c1", "c2"]);
        let g = &doc.to_draft[group];
        assert_eq!(group_title(g), "§ 2 — Nagłówek p2");
        let refs: Vec<&str> = g.items.iter().map(|i| i.reference.as_str()).collect();
        // Nor are they ever offered as provision text.
        assert_eq!(refs, ["#1", "#2"]);
        assert_eq!(g.items[1].kind, "propozycja");
        assert_eq!(doc.to_draft.len(), 1);
        // A provision with only a question stays to be completed.
        assert_eq!(p[2].body, Body::ToComplete { note: None });
        assert_eq!(doc.paragraph_layout, ParagraphStyle::Centred);
    }
}
