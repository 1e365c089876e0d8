#![allow(clippy::unwrap_used, clippy::expect_used)]
//! DOCX and ODT opened back as zip files, their XML parsed: headings, numbering,
//! footnotes and the source table must hold the expected text. Both files are also
//! converted to PDF by `LibreOffice`: that test is ignored unless run with `cargo test --
//! --include-ignored` (as `.ci/run` does), and run so, it fails when `LibreOffice` is
//! missing instead of passing.

#[path = "support/export_fixture.rs"]
mod export_fixture;
#[path = "support/office.rs"]
mod office;
#[path = "support/xml_tree.rs"]
mod xml_tree;

use export_fixture::workshop_fixture;
use narada::export::odt::MIMETYPE;
use narada::export::{DocOptions, write_docx, write_odt};
use office::Office;
use std::io::{Cursor, Read};
use xml_tree::{Node, parse};

fn docx_bytes() -> Vec<u8> {
    let mut out = Vec::new();
    write_docx(&mut out, &workshop_fixture(), &DocOptions::default()).unwrap();
    out
}

fn odt_bytes() -> Vec<u8> {
    let mut out = Vec::new();
    write_odt(&mut out, &workshop_fixture(), &DocOptions::default()).unwrap();
    out
}

fn entry(zip_bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(zip_bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} missing"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

/// (style id, text) of each Word paragraph outside tables and footnotes.
fn docx_paragraphs(body: &Node) -> Vec<(String, String)> {
    fn walk(n: &Node, out: &mut Vec<(String, String)>) {
        for c in &n.children {
            match c.name.as_str() {
                "w:tbl" => {}
                "w:p" => {
                    let style = c
                        .find_all("w:pStyle")
                        .first()
                        .and_then(|s| s.attr("w:val"))
                        .unwrap_or("")
                        .to_string();
                    out.push((style, c.all_text()));
                }
                _ => walk(c, out),
            }
        }
    }
    let mut out = Vec::new();
    walk(body, &mut out);
    out
}

#[test]
fn docx_has_headings_numbers_footnotes_and_table() {
    let bytes = docx_bytes();
    assert!(bytes.starts_with(b"PK"));
    let document = parse(&entry(&bytes, "word/document.xml"));
    let paras = docx_paragraphs(&document);
    let with_style = |s: &str| -> Vec<String> {
        paras
            .iter()
            .filter(|(st, _)| st == s)
            .map(|(_, t)| t.clone())
            .collect()
    };
    assert_eq!(
        with_style("Heading1"),
        [
            "Rozdział 1. Przepisy ogólne",
            "Rozdział 2. Zgłaszanie projektów — wymogi formalne",
            "Rozdział 3. Lista poparcia",
            "Rozdział 4. Głosowanie",
            "Rozdział 5. Postanowienia końcowe",
            "Załączniki",
            "Rekomendacje do zredagowania",
            "Zestawienie uwag i rekomendacji",
            "Pokrycie zakresu uchwały",
        ]
    );
    let h2 = with_style("Heading2");
    assert_eq!(h2[0], "§ 1. Kwota budżetu i pule");
    assert!(h2.contains(&"§ 5. Sposób głosowania".to_string()));
    assert!(h2.contains(&"§ 7.".to_string()), "{h2:?}");
    assert!(with_style("Title")[0].starts_with("Uchwała Nr …/…/… Rady Miejskiej w Reszlu"));
    let texts: Vec<&str> = paras.iter().map(|(_, t)| t.as_str()).collect();
    assert!(texts.contains(&"1.Wysokość środków ustala się corocznie w uchwale budżetowej."));
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("1)pula ogólnomiejska — pula ogólnomiejska"))
    );
    // Undrafted recommendations: a placeholder in the provision, the cards' texts in the
    // part after the resolution.
    assert!(texts.contains(&"2.Pule — [do zredagowania — zob. „Rekomendacje do zredagowania”]"));
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("(rekomendacja do zredagowania)"))
    );
    let part = texts
        .iter()
        .position(|t| *t == "Rekomendacje do zredagowania")
        .unwrap();
    assert!(
        texts[part..]
            .iter()
            .any(|t| t.starts_with("•K-1 (rekomendacja): Pula osiedlowa"))
    );
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("Na podstawie art. 5a ust. 2 i 7"))
    );

    // Footnotes: one per provision with sources, ids matching, naming cards and sessions.
    let refs: Vec<String> = document
        .find_all("w:footnoteReference")
        .iter()
        .map(|r| r.attr("w:id").unwrap().to_string())
        .collect();
    assert_eq!(refs.len(), provisions_with_sources());
    let footnotes = parse(&entry(&bytes, "word/footnotes.xml"));
    let notes: Vec<(String, String)> = footnotes
        .find_all("w:footnote")
        .iter()
        .map(|f| (f.attr("w:id").unwrap().to_string(), f.all_text()))
        .filter(|(id, _)| id.parse::<i64>().unwrap() > 0)
        .collect();
    assert_eq!(notes.iter().map(|n| n.0.clone()).collect::<Vec<_>>(), refs);
    assert_eq!(
        notes[0].1,
        " karty K-1, K-2 — Warsztat 1: zgłaszanie projektów, 14.03.2026"
    );
    assert!(notes.iter().all(|n| !n.1.contains("decyzja")));
    // Word numbers a footnote's text only where it carries the reference mark.
    let marked = footnotes
        .find_all("w:footnote")
        .iter()
        .filter(|f| !f.find_all("w:footnoteRef").is_empty())
        .count();
    assert_eq!(marked, notes.len());
    // No two note references touch: each provision has one, so numbers cannot run together.
    for p in document.find_all("w:p") {
        let runs: Vec<&Node> = p.children.iter().filter(|c| c.name == "w:r").collect();
        for pair in runs.windows(2) {
            let is_ref = |r: &Node| !r.find_all("w:footnoteReference").is_empty();
            assert!(
                !(is_ref(pair[0]) && is_ref(pair[1])),
                "adjacent note references"
            );
        }
    }

    // The source table: header plus one row per card, escaped text intact.
    let tables = document.find_all("w:tbl");
    assert_eq!(tables.len(), 1);
    let rows = tables[0].find_all("w:tr");
    assert_eq!(rows.len(), 11);
    // The header row repeats on every page.
    assert_eq!(rows[0].find_all("w:tblHeader").len(), 1);
    let cells =
        |r: &Node| -> Vec<String> { r.find_all("w:tc").iter().map(|c| c.all_text()).collect() };
    assert_eq!(cells(rows[0])[0], "Nr");
    assert_eq!(cells(rows[0])[6], "Los uwagi");
    let k3 = cells(rows[3]);
    assert_eq!(
        k3[1],
        "Zbieranie podpisów zniechęca seniorów & osoby z niepełnosprawnościami <ważne>"
    );
    assert_eq!(k3[6], "udzielono odpowiedzi", "a concern is answered");
    assert_eq!(cells(rows[4])[6], "wykorzystana w § 4");
    assert!(cells(rows[6])[5].starts_with("odrzucona"));

    let styles = entry(&bytes, "word/styles.xml");
    let styles = parse(&styles);
    let h1 = styles
        .find_all("w:style")
        .into_iter()
        .find(|s| s.attr("w:styleId") == Some("Heading1"))
        .expect("Heading1 style");
    assert!(!h1.find_all("w:outlineLvl").is_empty());
    docx_page_look(&bytes, "center");
}

/// Footnoted provisions of the fixture: § 1 ust. 2, its pkt 1 and 2, § 4, § 5, § 5 pkt 2.
fn provisions_with_sources() -> usize {
    let doc = narada::export::Document::build(&workshop_fixture(), &DocOptions::default()).unwrap();
    assert_eq!(doc.notes.len(), 6);
    doc.notes.len()
}

fn style<'a>(styles: &'a Node, id: &str) -> &'a Node {
    styles
        .find_all("w:style")
        .into_iter()
        .find(|s| s.attr("w:styleId") == Some(id))
        .unwrap_or_else(|| panic!("style {id}"))
}

/// Times New Roman 12 pt, justified text, § aligned as asked, A4 with 2.5 cm margins and
/// the page number in the footer.
fn docx_page_look(bytes: &[u8], paragraph_align: &str) {
    let styles = parse(&entry(bytes, "word/styles.xml"));
    let fonts = styles.find_all("w:rFonts");
    assert!(
        fonts
            .iter()
            .any(|f| f.attr("w:ascii") == Some("Times New Roman")),
        "default font"
    );
    let size = styles.find_all("w:docDefaults")[0].find_all("w:sz")[0].attr("w:val");
    assert_eq!(size, Some("24"), "12 pt");
    let normals = styles
        .find_all("w:style")
        .iter()
        .filter(|s| s.attr("w:styleId") == Some("Normal"))
        .count();
    assert_eq!(normals, 1, "one Normal style");
    let jc = |id: &str| {
        style(&styles, id).find_all("w:jc")[0]
            .attr("w:val")
            .unwrap()
            .to_string()
    };
    assert_eq!(jc("Normal"), "both");
    assert_eq!(jc("Title"), "center");
    assert_eq!(jc("Heading1"), "center");
    assert_eq!(jc("Heading2"), paragraph_align);
    let document = parse(&entry(bytes, "word/document.xml"));
    let margins = document.find_all("w:pgMar");
    assert!(!margins.is_empty());
    for m in margins {
        for side in ["w:top", "w:bottom", "w:left", "w:right"] {
            assert_eq!(m.attr(side), Some("1417"), "{side}: 2.5 cm");
        }
    }
    // The source table sits on landscape pages between two section breaks, and every
    // section shows the page number.
    let sizes = document.find_all("w:pgSz");
    assert_eq!(sizes.len(), 3);
    let landscape: Vec<bool> = sizes
        .iter()
        .map(|s| s.attr("w:orient") == Some("landscape"))
        .collect();
    assert_eq!(landscape, [false, true, false]);
    assert_eq!(document.find_all("w:footerReference").len(), 3);
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let footer = zip
        .file_names()
        .find(|n| n.starts_with("word/footer"))
        .expect("a footer part")
        .to_string();
    let footer = parse(&entry(bytes, &footer));
    assert!(
        footer
            .find_all("w:instrText")
            .iter()
            .any(|t| t.all_text().trim() == "PAGE"),
        "page number field"
    );
}

#[test]
fn docx_paragraph_mark_can_stand_inline() {
    let opts = DocOptions {
        paragraph_layout: Some(narada::model::ParagraphStyle::Inline),
        ..DocOptions::default()
    };
    let mut bytes = Vec::new();
    write_docx(&mut bytes, &workshop_fixture(), &opts).unwrap();
    docx_page_look(&bytes, "left");
    let document = parse(&entry(&bytes, "word/document.xml"));
    let texts: Vec<String> = docx_paragraphs(&document)
        .into_iter()
        .map(|p| p.1)
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.starts_with("§ 4. Liczba podpisów Projekt wymaga poparcia")),
        "{texts:?}"
    );
    let mut odt = Vec::new();
    write_odt(&mut odt, &workshop_fixture(), &opts).unwrap();
    let content = entry(&odt, "content.xml");
    assert!(content.contains("<style:paragraph-properties fo:text-align=\"start\"/>"));
    // The consultation's setting (`consultation set --paragraph-style inline`) gives the
    // same document without any option.
    let mut view = workshop_fixture();
    view.consultation.settings.paragraph_style = narada::model::ParagraphStyle::Inline;
    let mut by_setting = Vec::new();
    write_docx(&mut by_setting, &view, &DocOptions::default()).unwrap();
    assert_eq!(
        entry(&by_setting, "word/document.xml"),
        entry(&bytes, "word/document.xml")
    );
}

#[test]
fn odt_mimetype_is_first_and_stored() {
    let bytes = odt_bytes();
    // The ODF sniffing rule: local header, name `mimetype` at 30, no extra field, the
    // media type itself at 38, uncompressed.
    assert_eq!(&bytes[0..4], b"PK\x03\x04");
    assert_eq!(u16::from_le_bytes([bytes[8], bytes[9]]), 0, "stored");
    assert_eq!(
        u16::from_le_bytes([bytes[28], bytes[29]]),
        0,
        "no extra field"
    );
    assert_eq!(&bytes[30..38], b"mimetype");
    assert_eq!(&bytes[38..38 + MIMETYPE.len()], MIMETYPE.as_bytes());
    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let first = zip.by_index(0).unwrap();
    assert_eq!(first.name(), "mimetype");
    assert_eq!(first.compression(), zip::CompressionMethod::Stored);
    drop(first);
    let names: Vec<&str> = zip.file_names().collect();
    for n in [
        "META-INF/manifest.xml",
        "styles.xml",
        "content.xml",
        "meta.xml",
    ] {
        assert!(names.contains(&n), "{n} in {names:?}");
    }
}

#[test]
fn odt_has_headings_numbers_notes_and_table() {
    let bytes = odt_bytes();
    let manifest = parse(&entry(&bytes, "META-INF/manifest.xml"));
    assert_eq!(manifest.find_all("manifest:file-entry").len(), 4);
    let styles = parse(&entry(&bytes, "styles.xml"));
    assert!(
        styles
            .find_all("style:style")
            .iter()
            .any(|s| s.attr("style:name") == Some("Heading_20_1"))
    );
    let content = parse(&entry(&bytes, "content.xml"));
    let headings = |level: &str| -> Vec<String> {
        content
            .find_all("text:h")
            .iter()
            .filter(|h| h.attr("text:outline-level") == Some(level))
            .map(|h| h.all_text())
            .collect()
    };
    let h1 = headings("1");
    assert_eq!(h1[0], "Rozdział 1. Przepisy ogólne");
    assert_eq!(h1[4], "Rozdział 5. Postanowienia końcowe");
    assert_eq!(
        h1[5..],
        [
            "Załączniki",
            "Rekomendacje do zredagowania",
            "Zestawienie uwag i rekomendacji",
            "Pokrycie zakresu uchwały"
        ]
    );
    let h2 = headings("2");
    assert_eq!(h2[0], "§ 1. Kwota budżetu i pule");
    assert_eq!(h2[6], "§ 7.");

    let notes = content.find_all("text:note");
    assert_eq!(notes.len(), provisions_with_sources());
    for n in &notes {
        assert_eq!(n.attr("text:note-class"), Some("footnote"));
        let body = n.find_all("text:note-body")[0].all_text();
        assert!(body.starts_with("kart"), "{body}");
        assert!(!body.contains("decyzja"), "{body}");
    }
    // Numbered paragraphs: the label, then the text (tabs are elements, not text).
    let paras: Vec<String> = content
        .find_all("text:p")
        .iter()
        .map(|p| {
            let mut p = (*p).clone();
            p.children.retain(|c| c.name != "text:note");
            p.all_text()
        })
        .collect();
    assert!(
        paras
            .contains(&"1.Wysokość środków ustala się corocznie w uchwale budżetowej.".to_string())
    );
    assert!(
        paras
            .iter()
            .any(|p| p == "1)pula ogólnomiejska — pula ogólnomiejska – 60% kwoty;")
    );
    assert!(!content.find_all("text:list").is_empty());

    let tables = content.find_all("table:table");
    assert_eq!(tables.len(), 1);
    assert_eq!(
        tables[0].find_all("table:table-header-rows")[0]
            .find_all("table:table-row")
            .len(),
        1,
        "the header row repeats on every page"
    );
    let rows = tables[0].find_all("table:table-row");
    assert_eq!(rows.len(), 11);
    let row_text = |i: usize| -> Vec<String> {
        rows[i]
            .find_all("table:table-cell")
            .iter()
            .map(|c| c.all_text())
            .collect()
    };
    assert_eq!(row_text(0)[1], "Treść uwagi");
    assert_eq!(
        row_text(2)[1],
        "Podział na pule: ogólnomiejską | osiedlowe, z limitem 200 tys. zł"
    );
    assert_eq!(
        row_text(2)[6],
        "wykorzystana częściowo w § 1 ust. 2 i § 1 ust. 2 pkt 1"
    );
    odt_page_look(&bytes);
}

/// Times New Roman (Liberation Serif declared as its stand-in) 12 pt, justified text, a
/// centred §, 2.5 cm side margins and the page number in the footer.
fn odt_page_look(bytes: &[u8]) {
    let styles = parse(&entry(bytes, "styles.xml"));
    let faces: Vec<&str> = styles
        .find_all("style:font-face")
        .iter()
        .filter_map(|f| f.attr("style:name"))
        .collect();
    assert_eq!(faces, ["Times New Roman", "Liberation Serif"]);
    let default = styles.find_all("style:default-style")[0].find_all("style:text-properties")[0];
    assert_eq!(default.attr("style:font-name"), Some("Times New Roman"));
    assert_eq!(default.attr("fo:font-size"), Some("12pt"));
    let standard = styles
        .find_all("style:style")
        .into_iter()
        .find(|s| s.attr("style:name") == Some("Standard"))
        .unwrap();
    let props = standard.find_all("style:paragraph-properties")[0];
    assert_eq!(props.attr("fo:text-align"), Some("justify"));
    let page = styles.find_all("style:page-layout-properties")[0];
    assert_eq!(page.attr("fo:margin-left"), Some("2.5cm"));
    assert_eq!(page.attr("fo:margin-right"), Some("2.5cm"));
    assert_eq!(page.attr("fo:margin-top"), Some("2.5cm"));
    let footers = styles.find_all("style:footer");
    assert_eq!(footers.len(), 2, "portrait and landscape pages");
    assert!(
        footers
            .iter()
            .all(|f| f.find_all("text:page-number").len() == 1)
    );
    let content = entry(bytes, "content.xml");
    assert!(content.contains(
        "style:parent-style-name=\"Heading_20_2\"><style:paragraph-properties fo:text-align=\"center\"/>"
    ));
    // The source table's heading starts landscape pages; the coverage returns to portrait.
    assert!(content.contains(
        "<text:h text:style-name=\"Landscape_20_heading\" text:outline-level=\"1\">Zestawienie"
    ));
    assert!(
        content.contains(
            "<text:h text:style-name=\"Part_20_heading\" text:outline-level=\"1\">Pokrycie"
        )
    );
}

#[test]
#[ignore = "needs LibreOffice (run with --include-ignored; .ci/run installs it)"]
fn libreoffice_converts_docx_and_odt_to_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let office = Office::new(dir.path());
    for (name, bytes) in [("draft.docx", docx_bytes()), ("draft-odt.odt", odt_bytes())] {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let (pdf, said) = office.convert(&file, "pdf", dir.path());
        assert!(pdf.is_file(), "{name} was not converted: {said}");
        let head = std::fs::read(&pdf).unwrap();
        assert!(
            head.starts_with(b"%PDF") && head.len() > 5_000,
            "{name}: bad PDF"
        );
    }
    // LibreOffice must also read the DOCX structure as structure: outline headings,
    // real footnotes and a table, not just text that looks like them.
    let out_dir = dir.path().join("roundtrip");
    let (odt, said) = office.convert(&dir.path().join("draft.docx"), "odt", &out_dir);
    let odt = std::fs::read(&odt).unwrap_or_else(|e| panic!("DOCX to ODT failed ({e}): {said}"));
    let content = parse(&entry(&odt, "content.xml"));
    let chapters: Vec<String> = content
        .find_all("text:h")
        .iter()
        .filter(|h| h.attr("text:outline-level") == Some("1"))
        .map(|h| h.all_text())
        .collect();
    assert_eq!(chapters[0], "Rozdział 1. Przepisy ogólne");
    assert_eq!(chapters.len(), 9, "{chapters:?}");
    assert_eq!(
        content.find_all("text:note").len(),
        provisions_with_sources()
    );
    assert_eq!(content.find_all("table:table").len(), 1);
}

#[test]
fn empty_and_odd_views_still_give_well_formed_files() {
    let mut empty = workshop_fixture();
    empty.sections.clear();
    empty.cards.clear();
    let mut odd = workshop_fixture();
    // A control character (not allowed in XML) and markup in user text.
    odd.cards[0].text = "Pula\u{1} <b>&amp;</b> \"cytat\" ]]>".into();
    odd.sections[0].heading = "Przepisy <ogólne> & \u{7}".into();
    for view in [empty, odd] {
        let mut docx = Vec::new();
        write_docx(&mut docx, &view, &DocOptions::default()).unwrap();
        let mut odt = Vec::new();
        write_odt(&mut odt, &view, &DocOptions::default()).unwrap();
        for part in ["word/document.xml", "word/styles.xml"] {
            parse(&entry(&docx, part));
        }
        let content = parse(&entry(&odt, "content.xml"));
        let h1: Vec<String> = content
            .find_all("text:h")
            .iter()
            .map(|h| h.all_text())
            .collect();
        // The final provisions always get a chapter.
        assert!(
            h1.iter().any(|h| h.ends_with("Postanowienia końcowe")),
            "{h1:?}"
        );
        if view.cards.is_empty() {
            assert_eq!(content.find_all("table:table-row").len(), 1);
        } else {
            assert_eq!(h1[0].trim_end(), "Rozdział 1. Przepisy <ogólne> &");
            let text = content.all_text();
            assert!(text.contains("Pula <b>&amp;</b> \"cytat\" ]]>"), "{text}");
        }
    }
}

/// A § with ust., pkt, lit. and tirets, from the store.
fn units_view() -> narada::model::ExportView {
    use narada::storage::outline_units::Place;
    let mut store = narada::storage::Store::open_in_memory().unwrap();
    let p = store.find_section("§ 3").unwrap();
    let under = |id: &str| Place::Under(Some(id.to_owned()));
    let u = store.add_unit(&under(&p.id), None, "Ustęp:").unwrap();
    let k = store.add_unit(&under(&u.id), None, "punkt:").unwrap();
    let a = store.add_unit(&under(&k.id), None, "litera:").unwrap();
    store.add_unit(&under(&a.id), None, "tiret").unwrap();
    store.export_view(None, "2026-12-09").unwrap()
}

#[test]
fn every_level_has_its_label_and_goes_deeper_in_docx_and_odt() {
    let view = units_view();
    let mut docx = Vec::new();
    write_docx(&mut docx, &view, &DocOptions::default()).unwrap();
    let document = parse(&entry(&docx, "word/document.xml"));
    let mut indents = Vec::new();
    for p in document.find_all("w:p") {
        let text = p.all_text();
        for label in ["1.Ustęp:", "1)punkt:", "a)litera:", "–tiret"] {
            if text == label {
                let left = p
                    .find_all("w:ind")
                    .first()
                    .and_then(|i| i.attr("w:left"))
                    .and_then(|l| l.parse::<i32>().ok())
                    .unwrap_or(0);
                indents.push((label, left));
            }
        }
    }
    assert_eq!(indents.len(), 4, "{indents:?}");
    assert!(indents.windows(2).all(|w| w[0].1 < w[1].1), "{indents:?}");

    let mut odt = Vec::new();
    write_odt(&mut odt, &view, &DocOptions::default()).unwrap();
    let content = parse(&entry(&odt, "content.xml"));
    let styled: Vec<(String, String)> = content
        .find_all("text:p")
        .iter()
        .map(|p| {
            (
                p.attr("text:style-name").unwrap_or("").to_owned(),
                p.all_text(),
            )
        })
        .filter(|(s, _)| s.starts_with("Provision"))
        .collect();
    for (style, text) in [
        ("Provision_20_1", "1.Ustęp:"),
        ("Provision_20_2", "1)punkt:"),
        ("Provision_20_3", "a)litera:"),
        ("Provision_20_4", "–tiret"),
    ] {
        assert!(
            styled.contains(&(style.to_owned(), text.to_owned())),
            "{style} {text}: {styled:?}"
        );
    }
}
