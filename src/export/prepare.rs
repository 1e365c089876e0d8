//! Readies the outline for the document: text units stored with a typed number in
//! their heading (before numbering was automatic) get it as their text, and the fixed
//! final provisions of the template find their place — in the final chapter's skeleton §
//! when it has no wording of its own, else appended — so each appears once.

use super::document::{Body, Chapter, Provision};
use super::templates::FixedText;
use crate::model::coverage::is_default_final_chapter;
use crate::model::outline::DEFAULT_CHAPTERS;
use crate::model::{Lang, Numbering, SectionLevel, SectionView, strip_typed_number};

/// Whether a unit or any unit below it has text of its own.
fn has_text(s: &SectionView) -> bool {
    !s.draft_text.trim().is_empty() || s.children.iter().any(has_text)
}

/// Readies the outline for the document; `None` when nothing needed changing. Units
/// below the § stored before numbering was automatic may hold their text as a heading
/// with the number typed in front ("ust. 1 …"): that becomes their text, without it.
/// The final chapter's skeleton § (execution, entry into force) receive the template's
/// sentence when they have no text, so each final provision appears once; a § the user
/// drafted keeps the user's wording. Also returns the template's sentences no § took.
pub(super) fn prepare_sections(
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
pub(super) fn append_final_provisions(
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
                    note: None,
                },
                children: Vec::new(),
            });
        }
    }
}

/// The template's final-chapter heading, or the default skeleton's in either language
/// (an outline keeps its Polish headings when the document is switched to English).
pub(super) fn is_final_heading(heading: &str, fixed: &FixedText) -> bool {
    is_default_final_chapter(heading)
        || heading.trim().to_lowercase() == fixed.final_chapter.trim().to_lowercase()
}
