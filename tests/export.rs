#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The draft-resolution writers on a hand-made fixture: golden Markdown and HTML,
//! traceability (every adopted card in the source table, every § listing its sources),
//! language, templates and scope; and the per-session report.

#[path = "support/export_fixture.rs"]
mod export_fixture;
#[path = "support/synthetic_view.rs"]
mod synthetic_view;

use export_fixture::{workshop_fixture, workshop_fixture_en};
use narada::export::document::{Body, Chapter, Document, Provision};
use narada::export::report::{SessionReport, report_html, report_markdown};
use narada::export::{DocOptions, write_html, write_markdown, write_session_report_markdown};
use narada::model::{ExportView, FateKind, SectionView};
use std::collections::HashMap;

fn markdown(view: &ExportView, opts: &DocOptions) -> String {
    let mut out = Vec::new();
    write_markdown(&mut out, view, opts).unwrap();
    String::from_utf8(out).unwrap()
}

fn html(view: &ExportView) -> String {
    let mut out = Vec::new();
    write_html(&mut out, view, &DocOptions::default()).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn markdown_golden_polish() {
    insta::assert_snapshot!(markdown(&workshop_fixture(), &DocOptions::default()));
}

#[test]
fn markdown_golden_english() {
    insta::assert_snapshot!(markdown(&workshop_fixture_en(), &DocOptions::default()));
}

#[test]
fn html_golden_polish() {
    insta::assert_snapshot!(html(&workshop_fixture()));
}

#[test]
fn html_is_self_contained_and_escaped() {
    let h = html(&workshop_fixture());
    assert!(h.starts_with("<!DOCTYPE html>"));
    assert!(h.contains("<style>") && h.contains("@media print"));
    assert!(!h.contains("<link") && !h.contains("<script") && !h.contains("src="));
    assert!(h.contains("seniorów &amp; osoby z niepełnosprawnościami &lt;ważne&gt;"));
    assert!(!h.contains("<ważne>"));
    // Each provision's one reference links to its note, and the note links back.
    assert!(h.contains("<sup class=\"ref\"><a id=\"ref-n1\" href=\"#note-n1\">1</a></sup>"));
    assert!(h.contains("<li id=\"note-n1\">karty K-1, K-2 — Warsztat 1: zgłaszanie projektów, 14.03.2026 <a class=\"back\" href=\"#ref-n1\""));
    assert_eq!(h.matches("<li id=\"note-").count(), 6);
    // A placeholder links to its group of undrafted recommendations.
    assert!(h.contains("<a href=\"#draft-3\">[do zredagowania"));
    assert!(h.contains("<h3 id=\"draft-3\">§ 5 — Sposób głosowania</h3>"));
    // Five chapters, annexes, undrafted part, source table, coverage and notes.
    assert_eq!(h.matches("<h2>").count(), 10);
}

/// Every section of the view, with its rendered provision or chapter notes.
fn notes_by_section(doc: &Document) -> HashMap<String, Vec<String>> {
    fn provision(p: &Provision, doc: &Document, out: &mut HashMap<String, Vec<String>>) {
        if let Some(id) = &p.section_id {
            out.insert(id.clone(), card_ids(&p.body, doc));
        }
        for c in &p.children {
            provision(c, doc, out);
        }
    }
    fn card_ids(body: &Body, doc: &Document) -> Vec<String> {
        body.note()
            .map(|n| doc.notes[n].card_ids.clone())
            .unwrap_or_default()
    }
    let mut out = HashMap::new();
    for ch in &doc.chapters {
        let Chapter {
            section_id, body, ..
        } = ch;
        if let Some(id) = section_id {
            out.insert(id.clone(), card_ids(body, doc));
        }
        for p in &ch.provisions {
            provision(p, doc, &mut out);
        }
    }
    out
}

/// (unit, its last drafted unit) for each unit without a body whose units below are
/// drafted, top down.
fn carried_notes(doc: &Document) -> Vec<(String, String)> {
    fn drafted(p: &Provision) -> bool {
        matches!(p.body, Body::Drafted { .. }) || p.children.iter().any(drafted)
    }
    fn last(ps: &[Provision]) -> Option<String> {
        let p = ps.iter().rev().find(|p| drafted(p))?;
        last(&p.children).or_else(|| {
            matches!(p.body, Body::Drafted { .. })
                .then(|| p.section_id.clone())
                .flatten()
        })
    }
    fn walk(ps: &[Provision], out: &mut Vec<(String, String)>) {
        for p in ps {
            if p.body == Body::Nothing
                && let (Some(id), Some(l)) = (&p.section_id, last(&p.children))
            {
                out.push((id.clone(), l));
            }
            walk(&p.children, out);
        }
    }
    let mut out = Vec::new();
    for ch in &doc.chapters {
        if ch.body == Body::Nothing
            && let (Some(id), Some(l)) = (&ch.section_id, last(&ch.provisions))
        {
            out.push((id.clone(), l));
        }
        walk(&ch.provisions, &mut out);
    }
    out
}

fn all_sections(sections: &[SectionView]) -> Vec<&SectionView> {
    let mut out = Vec::new();
    for s in sections {
        out.push(s);
        out.extend(all_sections(&s.children));
    }
    out
}

fn assert_traceable(view: &ExportView) {
    let doc = Document::build(view, &DocOptions::default()).unwrap();
    // Every card is a row; every adopted card in particular, with its decision.
    let rows: HashMap<&str, _> = doc
        .sources
        .iter()
        .map(|r| (r.card_id.as_str(), r))
        .collect();
    assert_eq!(rows.len(), view.cards.len());
    for c in &view.cards {
        let row = rows.get(c.id.as_str()).expect("card in the source table");
        assert_eq!(row.reference, c.reference);
        if narada::model::fate::is_source(c) {
            assert!(
                matches!(row.fate.kind(), FateKind::Used | FateKind::AdoptedUnused),
                "{:?}",
                row.fate
            );
        }
    }
    // Every section lists exactly its sources in scope (a session export leaves out the
    // other sessions' cards), and the table says where each was used.
    let mut rendered = notes_by_section(&doc);
    let expected_of = |s: &SectionView| -> Vec<String> {
        s.source_card_ids
            .iter()
            .filter(|id| rows.contains_key(id.as_str()))
            .filter(|id| {
                view.cards
                    .iter()
                    .any(|c| &c.id == *id && narada::model::fate::is_source(c))
            })
            .cloned()
            .collect()
    };
    // A unit drafted in the units below it cites its sources after the last of them:
    // take those notes off that unit first (outermost last in its list, so top down).
    let by_id: HashMap<&str, &SectionView> = all_sections(&view.sections)
        .into_iter()
        .map(|s| (s.id.as_str(), s))
        .collect();
    for (unit, last) in carried_notes(&doc) {
        let expected = expected_of(by_id[unit.as_str()]);
        let notes = rendered.get_mut(&last).unwrap();
        assert!(notes.ends_with(&expected), "{unit} cited after {last}");
        notes.truncate(notes.len() - expected.len());
        rendered.insert(unit, expected);
    }
    for s in all_sections(&view.sections) {
        let listed = rendered.get(&s.id).expect("section rendered");
        let expected = expected_of(s);
        assert_eq!(listed, &expected, "sources of section {}", s.id);
        for card in &expected {
            assert_eq!(
                rows[card.as_str()].fate.kind(),
                FateKind::Used,
                "{card} used in {}",
                s.id
            );
        }
    }
}

#[test]
fn traceability_on_the_fixture() {
    let view = workshop_fixture();
    assert_traceable(&view);
    let md = markdown(&view, &DocOptions::default());
    // Every adopted card is in the Markdown source table, and every § cites its sources.
    for c in view.cards.iter().filter(|c| {
        c.decision
            .as_ref()
            .is_some_and(narada::model::DecisionView::is_adopted)
    }) {
        assert!(
            md.contains(&format!("\n| {} | ", c.reference)),
            "{} in table",
            c.reference
        );
    }
    let section_4 = md
        .split("### § 4.")
        .nth(1)
        .unwrap()
        .split("## ")
        .next()
        .unwrap();
    // One note per provision: its cards grouped by session, no card text or rationale;
    // K-3 is a concern: answered (with its response in the table), never a source.
    assert!(section_4.contains("elektronicznie.[^n4]\n"), "{section_4}");
    assert!(md.contains("\n[^n4]: karta K-4 — Szkolenie dla liderów osiedli, 21.03.2026\n"));
    assert!(md.contains("| odpowiedź: Mniej podpisów") || md.contains("| udzielono odpowiedzi |"));
    assert_eq!(md.matches("[^n4]").count(), 2);
    // Undrafted provisions point to the part after the resolution, which lists the
    // adopted rules by unit and never a question or concern.
    let (resolution, rest) = md.split_once("## Rekomendacje do zredagowania").unwrap();
    assert!(!resolution.contains("rekomendacja do zredagowania"));
    assert!(
        resolution.contains("*\\[do zredagowania — zob. „Rekomendacje do zredagowania”\\]*[^n5]")
    );
    let part = rest.split("\n## ").next().unwrap();
    assert!(part.contains("### § 5 — Sposób głosowania\n\n- K-7 (rekomendacja): Głosowanie"));
    assert!(!part.contains("K-3") && !part.contains("obawa"), "{part}");
    // The adopted card that no section uses is reported.
    assert!(md.contains("- K-9 — Ocena merytoryczna z udziałem rady osiedla."));
}

#[test]
fn traceability_on_a_large_synthetic_view() {
    assert_traceable(&synthetic_view::synthetic_view(2_000));
}

#[test]
fn english_wording_and_citations() {
    let md = markdown(&workshop_fixture_en(), &DocOptions::default());
    assert!(md.starts_with("# Resolution No …/…/…"));
    assert!(md.contains("## Chapter 1. Przepisy ogólne"));
    assert!(md.contains("## Recommendations to be drafted"));
    assert!(md.contains("*\\[to be drafted — see “Recommendations to be drafted”\\]*[^n"));
    assert!(md.contains("| used in part in § 1 sec. 2 and § 1 sec. 2 item 1 |"));
    assert!(md.contains("adopted in part (for 4, against 2, abstaining 1)"));
    assert!(md.contains("14 days after its publication"));
}

#[test]
fn user_templates_replace_the_fixed_wording() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("document.pl.j2"),
        "{% extends \"default/document.pl.j2\" %}\
         {% block legal_basis %}Na podstawie art. 5a ust. 7 (wersja gminy {{ consultation.city }}):{% endblock %}",
    )
    .unwrap();
    let opts = DocOptions {
        templates_dir: Some(dir.path().to_path_buf()),
        ..DocOptions::default()
    };
    let md = markdown(&workshop_fixture(), &opts);
    assert!(md.contains("\nNa podstawie art. 5a ust. 7 (wersja gminy Reszel):\n"));
    assert!(md.starts_with("# Uchwała Nr"));

    std::fs::write(
        dir.path().join("document.pl.j2"),
        "{% block title %}{{ x.y }}{% endblock %}",
    )
    .unwrap();
    let mut out = Vec::new();
    let err = write_markdown(&mut out, &workshop_fixture(), &opts).unwrap_err();
    assert!(err.to_string().contains("document.pl.j2:1"), "{err}");
}

#[test]
fn session_scope_is_named_in_the_subtitle() {
    let mut view = workshop_fixture();
    view.session_scope = Some("s2".into());
    view.cards.retain(|c| c.session_id == "s2");
    let md = markdown(&view, &DocOptions::default());
    assert!(md.contains("(tylko spotkanie: Szkolenie dla liderów osiedli)"));
    assert_traceable(&view);
}

#[test]
fn sections_outside_chapters_and_no_final_chapter() {
    use narada::model::SectionLevel;
    let mut view = workshop_fixture();
    view.sections.retain(|s| s.id != "r5");
    let loose = SectionView {
        id: "loose".into(),
        level: SectionLevel::Paragraph,
        heading: "Przepis luźny".into(),
        draft_text: String::new(),
        topic_ids: vec![],
        source_card_ids: vec!["c9".into(), "missing-card".into()],
        children: vec![],
    };
    view.sections.insert(0, loose);
    let md = markdown(&view, &DocOptions::default());
    assert!(md.contains("### § 1. Przepis luźny"));
    assert!(md.contains("## Rozdział 1. Przepisy ogólne\n\n### § 2. Kwota budżetu i pule"));
    // The final provisions get a chapter of their own, numbered after the outline.
    assert!(md.contains("## Rozdział 5. Postanowienia końcowe\n\n### § 7.\n"));
    assert!(!md.contains("K-9 — Ocena merytoryczna"), "K-9 is used now");
}

#[test]
fn session_report_counts_topics_and_fates() {
    let r = SessionReport::build(&workshop_fixture(), "s1").unwrap();
    assert_eq!(
        r.title,
        "Raport ze spotkania: Warsztat 1: zgłaszanie projektów"
    );
    assert!(r.details.contains("Sala ratuszowa") && r.details.contains("18 uczestników"));
    assert_eq!(r.total, 5);
    assert_eq!(
        r.counts,
        [
            ("rekomendacja".to_string(), 2),
            ("propozycja".to_string(), 1),
            ("obawa".to_string(), 1),
            ("inne".to_string(), 1),
        ]
    );
    assert_eq!(r.topics[0].0, "Kwota i pule");
    assert_eq!(r.topics[0].1, 2);
    let refs: Vec<&str> = r.cards.iter().map(|c| c.reference.as_str()).collect();
    assert_eq!(refs, ["K-1", "K-2", "K-3", "K-9", "K-10"]);
    assert_eq!(
        r.cards[0].fate_text,
        "wykorzystana w § 1 ust. 2 i § 1 ust. 2 pkt 2"
    );

    let md = report_markdown(&r);
    assert!(md.contains("| obawa | 1 |"));
    assert!(md.contains("| **Razem** | **5** |"));
    assert!(md.contains(
        "| K-10 | Źle działający mikrofon \\*w sali\\* | inne | — | brak decyzji | brak decyzji |"
    ));
    let html = report_html(&r);
    assert!(html.contains("<td>Zbieranie podpisów zniechęca seniorów &amp; osoby z niepełnosprawnościami &lt;ważne&gt;</td>"));
}

#[test]
fn session_report_of_an_unknown_session_is_an_error() {
    let mut out = Vec::new();
    let err = write_session_report_markdown(&mut out, &workshop_fixture(), "nope");
    assert!(err.unwrap_err().to_string().contains("nope"));
}
