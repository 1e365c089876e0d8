//! The format-neutral draft resolution built from an export view. Every writer renders
//! this one model, so Markdown, HTML, DOCX and ODT say the same thing.

use super::sources::{self, Coverage, Note, SourceRow};
use super::templates::{FixedText, render_fixed_text};
use crate::error::Result;
use crate::model::outline::DEFAULT_CHAPTERS;
use crate::model::{
    CardView, ExportView, Lang, Numbering, SectionLevel, SectionView, strip_typed_number,
};
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// Caller's choices for a document export.
#[derive(Debug, Clone, Default)]
pub struct DocOptions {
    /// The config directory's `templates/`: a template file there replaces the built-in one.
    pub templates_dir: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub lang: Lang,
    pub fixed: FixedText,
    pub chapters: Vec<Chapter>,
    /// One note per source card, in order of first reference.
    pub notes: Vec<Note>,
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

#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// Nothing to print: the section only groups its children.
    Nothing,
    /// A leaf with neither drafted text nor sources: printed as a placeholder.
    ToComplete,
    /// The secretary's wording, followed by references to its source notes.
    Drafted {
        paragraphs: Vec<String>,
        notes: Vec<usize>,
    },
    /// Not drafted yet: the adopted cards' own texts, each marked as to be drafted.
    ToDraft { items: Vec<DraftItem> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct DraftItem {
    pub text: String,
    /// Index into `Document::notes`.
    pub note: usize,
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
            note_of: HashMap::new(),
            anchors: HashSet::new(),
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
        let notes = b.notes;
        let where_used = sources::where_used(&view.sections, &numbering, &cards);
        let sources = sources::source_rows(view, lang, &where_used);
        let coverage = sources::coverage(
            view,
            &|h| is_final_heading(h, &fixed),
            &numbering,
            &cards,
            &where_used,
        );
        append_final_provisions(&mut chapters, &fixed, &unplaced, &mut numbering, lang);
        Ok(Document {
            lang,
            fixed,
            chapters,
            notes,
            sources,
            coverage,
        })
    }
}

/// Whether a unit or any unit below it has text of its own.
fn has_text(s: &SectionView) -> bool {
    !s.draft_text.trim().is_empty() || s.children.iter().any(has_text)
}

/// Whether every unit at the bottom of this one has text.
fn fully_drafted(s: &SectionView) -> bool {
    if s.children.is_empty() {
        !s.draft_text.trim().is_empty()
    } else {
        s.children.iter().all(fully_drafted)
    }
}

/// Readies the outline for the document; `None` when nothing needed changing. Units
/// below the § stored before numbering was automatic may hold their text as a heading
/// with the number typed in front ("ust. 1 …"): that becomes their text, without it.
/// The final chapter's skeleton § (execution, entry into force) receive the template's
/// sentence when they have no text, so each final provision appears once; a § the user
/// drafted keeps the user's wording. Also returns the template's sentences no § took.
fn prepare_sections(
    sections: &[SectionView],
    fixed: &FixedText,
) -> (Option<Vec<SectionView>>, Vec<String>) {
    fn legacy(s: &mut SectionView, changed: &mut bool) {
        if s.level.is_text_unit() && s.draft_text.trim().is_empty() {
            let (typed, text) = strip_typed_number(&s.heading);
            if !typed.is_empty() {
                s.draft_text = text;
                s.heading.clear();
                *changed = true;
            }
        }
        for c in &mut s.children {
            legacy(c, changed);
        }
    }
    let mut changed = false;
    let mut out = sections.to_vec();
    for s in &mut out {
        legacy(s, &mut changed);
    }
    let mut taken = vec![false; fixed.final_provisions.len()];
    let final_chapter = out
        .iter_mut()
        .rev()
        .find(|s| s.level == SectionLevel::Chapter && is_final_heading(&s.heading, fixed));
    if let Some(chapter) = final_chapter {
        for p in &mut chapter.children {
            let Some(i) =
                final_provision_index(&p.heading).filter(|&i| i < taken.len() && !taken[i])
            else {
                continue;
            };
            taken[i] = true;
            if !has_text(p) {
                p.draft_text.clone_from(&fixed.final_provisions[i]);
                changed = true;
            }
        }
    }
    let unplaced = fixed
        .final_provisions
        .iter()
        .zip(&taken)
        .filter(|(_, t)| !**t)
        .map(|(l, _)| l.clone())
        .collect();
    (changed.then_some(out), unplaced)
}

/// Which of the template's final provisions a § heading names: the default skeleton's
/// final § in order (execution, then entry into force), in either language.
fn final_provision_index(heading: &str) -> Option<usize> {
    let h = strip_typed_number(heading).1.to_lowercase();
    DEFAULT_CHAPTERS.last().and_then(|c| {
        c.paragraphs
            .iter()
            .position(|(pl, en)| pl.to_lowercase() == h || en.to_lowercase() == h)
    })
}

/// Puts the template's final provisions that no § of the outline took into the
/// outline's own final chapter when it has one (same heading), else into a new last
/// chapter; their § continue the count.
fn append_final_provisions(
    chapters: &mut Vec<Chapter>,
    fixed: &FixedText,
    unplaced: &[String],
    numbering: &mut Numbering,
    lang: Lang,
) {
    if unplaced.is_empty() {
        return;
    }
    let has_own = chapters
        .last()
        .is_some_and(|c| c.label.is_some() && is_final_heading(&c.heading, fixed));
    if !has_own {
        let label = numbering.next_chapter(lang);
        chapters.push(Chapter {
            section_id: None,
            label: Some(label),
            heading: fixed.final_chapter.clone(),
            body: Body::Nothing,
            provisions: Vec::new(),
        });
    }
    if let Some(last) = chapters.last_mut() {
        for text in unplaced {
            last.provisions.push(Provision {
                section_id: None,
                level: SectionLevel::Paragraph,
                label: numbering.next_paragraph().label,
                heading: String::new(),
                body: Body::Drafted {
                    paragraphs: vec![text.clone()],
                    notes: Vec::new(),
                },
                children: Vec::new(),
            });
        }
    }
}

/// The template's final-chapter heading, or the default skeleton's in either language
/// (an outline keeps its Polish headings when the document is switched to English).
fn is_final_heading(heading: &str, fixed: &FixedText) -> bool {
    let h = heading.trim().to_lowercase();
    let last = DEFAULT_CHAPTERS.last();
    [
        Some(fixed.final_chapter.as_str()),
        last.map(|c| c.heading_pl),
        last.map(|c| c.heading_en),
    ]
    .into_iter()
    .flatten()
    .any(|name| name.trim().to_lowercase() == h)
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
    note_of: HashMap<String, usize>,
    anchors: HashSet<String>,
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
        let notes: Vec<usize> = self
            .sources_of(s)
            .into_iter()
            .map(|c| self.note(c))
            .collect();
        if let Some(Body::Drafted { notes: last, .. }) = last_drafted(&mut children) {
            for n in notes {
                if !last.contains(&n) {
                    last.push(n);
                }
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
        if !paragraphs.is_empty() {
            let notes = sources.iter().map(|c| self.note(c)).collect();
            Body::Drafted { paragraphs, notes }
        } else if !sources.is_empty() {
            let items = sources
                .iter()
                .map(|c| DraftItem {
                    text: c.text.clone(),
                    note: self.note(c),
                })
                .collect();
            Body::ToDraft { items }
        } else if leaf {
            Body::ToComplete
        } else {
            Body::Nothing
        }
    }

    /// The section's source cards that are in scope, without repeats.
    fn sources_of(&self, s: &SectionView) -> Vec<&'a CardView> {
        let mut seen = HashSet::new();
        s.source_card_ids
            .iter()
            .filter(|id| seen.insert(id.as_str()))
            .filter_map(|id| self.cards.get(id.as_str()).copied())
            .collect()
    }

    fn note(&mut self, card: &CardView) -> usize {
        if let Some(&i) = self.note_of.get(&card.id) {
            self.notes[i].uses += 1;
            return i;
        }
        let note = sources::note_for(self.view, self.lang, card, &mut self.anchors);
        self.notes.push(note);
        self.note_of.insert(card.id.clone(), self.notes.len() - 1);
        self.notes.len() - 1
    }
}

impl Body {
    /// Indices of the notes this body cites, in order.
    pub fn notes(&self) -> Vec<usize> {
        match self {
            Body::Nothing | Body::ToComplete => Vec::new(),
            Body::Drafted { notes, .. } => notes.clone(),
            Body::ToDraft { items } => items.iter().map(|i| i.note).collect(),
        }
    }
}
