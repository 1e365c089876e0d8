#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The consultation report on the hand-made fixture, read back in each format: Markdown
//! text, HTML with inline SVG charts, DOCX and ODT packages with chart pictures and
//! tables; through the binary on the demo; and converted to PDF by `LibreOffice` (ignored
//! unless run with `--include-ignored`, as `.ci/run` does; it then fails when
//! `LibreOffice` is missing).

#[path = "support/driver.rs"]
mod driver_support;
#[path = "support/export_fixture.rs"]
mod export_fixture;
#[path = "support/office.rs"]
mod office;
#[path = "support/xml_tree.rs"]
mod xml_tree;

use assert_cmd::Command;
use export_fixture::{workshop_fixture, workshop_fixture_en};
use narada::export::consultation::ConsultationReport;
use narada::export::consultation_text::{report_html, report_markdown};
use narada::export::odt::MIMETYPE;
use narada::export::{write_consultation_report_docx, write_consultation_report_odt};
use narada::model::FateKind;
use office::Office;
use std::io::{Cursor, Read};
use xml_tree::parse;

fn docx() -> Vec<u8> {
    let mut out = Vec::new();
    write_consultation_report_docx(&mut out, &workshop_fixture()).unwrap();
    out
}

fn odt() -> Vec<u8> {
    let mut out = Vec::new();
    write_consultation_report_odt(&mut out, &workshop_fixture()).unwrap();
    out
}

fn names(zip_bytes: &[u8]) -> Vec<String> {
    let zip = zip::ZipArchive::new(Cursor::new(zip_bytes)).unwrap();
    zip.file_names().map(str::to_owned).collect()
}

fn entry(zip_bytes: &[u8], name: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(Cursor::new(zip_bytes)).unwrap();
    let mut out = Vec::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} missing"))
        .read_to_end(&mut out)
        .unwrap();
    out
}

fn text(zip_bytes: &[u8], name: &str) -> String {
    String::from_utf8(entry(zip_bytes, name)).unwrap()
}

#[test]
fn report_counts_sessions_kinds_topics_and_fates() {
    let r = ConsultationReport::build(&workshop_fixture());
    assert_eq!(
        r.title,
        "Raport z konsultacji: Budżet obywatelski Reszla 2027 — warsztaty"
    );
    assert_eq!(r.subtitle, "Reszel · 2027 · Stan na 2026-11-24");
    assert_eq!(r.sessions.len(), 3);
    assert_eq!(r.participants, 29);
    assert_eq!(r.sessions[0].methods, "Mapa potrzeb; Głosowanie kropkami");
    assert_eq!(r.live_cards, 10);
    assert_eq!(r.live_votes, 37);
    let topics: Vec<(&str, usize, i64)> = r
        .topics
        .iter()
        .map(|t| (t.label.as_str(), t.cards, t.votes))
        .collect();
    assert_eq!(
        topics,
        [
            ("Głosowanie elektroniczne", 2, 13),
            ("Kwota i pule", 2, 10),
            ("Lista poparcia", 2, 7),
            ("Bez tematu", 4, 7),
        ]
    );
    assert_eq!(r.tally.get(FateKind::Used), 4);
    assert_eq!(r.tally.get(FateKind::Answered), 1);
    assert_eq!(r.tally.total(), 10);
    // Every card once, grouped by topic in the order of the topic table.
    assert_eq!(r.fates().count(), 10);
    assert_eq!(r.groups.len(), r.topics.len());
    let charts = r.charts();
    assert_eq!(charts[0].labels.len(), 4);
    assert_eq!(charts[2].series.len(), r.fate_columns().len());
}

#[test]
fn markdown_has_every_part_and_every_card_with_its_fate() {
    let md = report_markdown(&ConsultationReport::build(&workshop_fixture()));
    for heading in [
        "## Co zrobiliśmy",
        "## Co usłyszeliśmy",
        "### Uwagi według rodzaju",
        "### Uwagi i głosy według tematu",
        "## Co stało się z uwagami",
        "### Rozstrzygnięcia według tematu",
        "#### Lista poparcia",
    ] {
        assert!(md.contains(&format!("\n{heading}\n")), "{heading}\n{md}");
    }
    assert!(md.contains(
        "| Warsztat 1: zgłaszanie projektów | grupa robocza | 2026-03-14 | Sala ratuszowa | 18 | Mapa potrzeb; Głosowanie kropkami |"
    ));
    assert!(md.contains("| **Razem: 3** |  |  |  | **29** |  |"), "{md}");
    assert!(md.contains("| K-6 | rekomendacja | Głosować mogą tylko osoby pełnoletnie. | 9 | odrzucona: Niezgodne z orzecznictwem — ograniczenie kręgu mieszkańców. |"));
    assert!(md.contains("| K-3 | obawa |"), "{md}");
    assert!(md.contains("odpowiedź: Mniej podpisów ułatwi udział seniorom. |"));
    assert!(md.contains("| K-1 | rekomendacja | Pula osiedlowa powinna wynosić co najmniej 40% całej kwoty. | 7 | wykorzystana w § 1 ust. 2 i § 1 ust. 2 pkt 2 |"));
    assert!(md.contains("*Decyzja zespołu: przyjęta (za 6, przeciw 1"));
    assert!(
        !md.contains("<svg"),
        "no charts in Markdown: the tables say it"
    );
}

#[test]
fn english_report_wording() {
    let md = report_markdown(&ConsultationReport::build(&workshop_fixture_en()));
    assert!(md.starts_with("# Consultation report: "));
    assert!(md.contains("## What was said"));
    assert!(md.contains("| used in provisions | 4 |"), "{md}");
    assert!(md.contains("postponed: Wróci na kolejnym spotkaniu."));
}

#[test]
fn html_draws_the_charts_as_svg_with_escaped_labels() {
    let mut view = workshop_fixture();
    view.topics[0].label = "Lista <b>poparcia</b> & \"podpisy\"".into();
    let html = report_html(&ConsultationReport::build(&view));
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<svg ").count(), 3, "cards, votes, outcomes");
    assert!(html.contains("Lista &lt;b&gt;poparcia&lt;/b&gt; &amp; &quot;podpisy&quot;"));
    assert!(!html.contains("<b>poparcia"));
    assert!(html.contains("<title>Liczba głosów w tematach</title>"));
    // The numbers the bars show are also in the tables.
    assert!(html.contains(
        "<td>Głosowanie elektroniczne</td><td class=\"num\">2</td><td class=\"num\">13</td>"
    ));
    // Every SVG is well-formed XML.
    for svg in html.split("<svg ").skip(1) {
        let end = svg.find("</svg>").unwrap();
        parse(&format!("<svg {}</svg>", &svg[..end]));
    }
}

#[test]
fn docx_holds_chart_pictures_and_tables() {
    let bytes = docx();
    let files = names(&bytes);
    for part in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/styles.xml",
        "word/_rels/document.xml.rels",
        "word/media/chart1.png",
        "word/media/chart3.png",
    ] {
        assert!(files.iter().any(|f| f == part), "{part} in {files:?}");
    }
    assert!(entry(&bytes, "word/media/chart2.png").starts_with(b"\x89PNG\r\n\x1a\n"));
    let rels = parse(&text(&bytes, "word/_rels/document.xml.rels"));
    let targets: Vec<&str> = rels
        .find_all("Relationship")
        .iter()
        .filter_map(|r| r.attr("Target"))
        .collect();
    assert!(targets.contains(&"media/chart3.png"), "{targets:?}");
    let doc = parse(&text(&bytes, "word/document.xml"));
    let blips: Vec<&str> = doc
        .find_all("a:blip")
        .iter()
        .filter_map(|b| b.attr("r:embed"))
        .collect();
    assert_eq!(blips, ["rIdChart1", "rIdChart2", "rIdChart3"]);
    let tables = doc.find_all("w:tbl");
    // Sessions, kinds, topics, fates, outcomes, then one per topic group.
    assert_eq!(tables.len(), 5 + 4);
    let all = doc.all_text();
    assert!(all.contains("Co stało się z uwagami"));
    assert!(all.contains("odrzucona: Niezgodne z orzecznictwem"));
    let types = parse(&text(&bytes, "[Content_Types].xml"));
    assert!(
        types
            .find_all("Default")
            .iter()
            .any(|d| d.attr("Extension") == Some("png"))
    );
}

#[test]
fn odt_holds_chart_pictures_and_tables() {
    let bytes = odt();
    let files = names(&bytes);
    assert_eq!(files[0], "mimetype");
    assert_eq!(text(&bytes, "mimetype"), MIMETYPE);
    assert!(
        files.iter().any(|f| f == "Pictures/chart1.png"),
        "{files:?}"
    );
    assert!(entry(&bytes, "Pictures/chart3.png").starts_with(b"\x89PNG"));
    let manifest = parse(&text(&bytes, "META-INF/manifest.xml"));
    assert!(
        manifest
            .find_all("manifest:file-entry")
            .iter()
            .any(
                |e| e.attr("manifest:full-path") == Some("Pictures/chart2.png")
                    && e.attr("manifest:media-type") == Some("image/png")
            )
    );
    let content = parse(&text(&bytes, "content.xml"));
    let images: Vec<&str> = content
        .find_all("draw:image")
        .iter()
        .filter_map(|i| i.attr("xlink:href"))
        .collect();
    // Each chart is an SVG with its labels, and a PNG as the fallback image.
    assert_eq!(
        images,
        [
            "Pictures/chart1.svg",
            "Pictures/chart1.png",
            "Pictures/chart2.svg",
            "Pictures/chart2.png",
            "Pictures/chart3.svg",
            "Pictures/chart3.png"
        ]
    );
    let svg = parse(&text(&bytes, "Pictures/chart1.svg"));
    assert!(svg.all_text().contains("Lista poparcia"));
    assert_eq!(content.find_all("table:table").len(), 9);
    assert_eq!(content.find_all("table:table-header-rows").len(), 9);
    assert!(content.all_text().contains("wykorzystana w § 4"));
    parse(&text(&bytes, "styles.xml"));
}

#[test]
fn the_binary_writes_the_report_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    narada::demo::create(&db).unwrap();
    let run = |args: &[&str]| {
        Command::cargo_bin("narada")
            .unwrap()
            .env("NARADA_CONFIG_DIR", dir.path().join("config"))
            .args(["--db", db.to_str().unwrap()])
            .args(args)
            .assert()
    };
    for format in ["md", "html", "docx", "odt"] {
        let out = dir.path().join(format!("raport.{format}"));
        run(&[
            "export",
            "--format",
            format,
            "--report",
            "consultation",
            "-o",
            out.to_str().unwrap(),
        ])
        .success();
        let bytes = std::fs::read(&out).unwrap();
        match format {
            "md" => assert!(
                String::from_utf8(bytes)
                    .unwrap()
                    .contains("## Co usłyszeliśmy")
            ),
            "html" => assert!(String::from_utf8(bytes).unwrap().contains("<svg ")),
            _ => assert!(names(&bytes).iter().any(|n| n.ends_with("chart1.png"))),
        }
    }
    run(&["export", "--format", "csv", "--report", "consultation"])
        .failure()
        .stderr(predicates::str::contains("md, html, docx or odt"));
    run(&[
        "export",
        "--format",
        "md",
        "--report",
        "consultation",
        "--session",
        "Szkolenie 2",
    ])
    .failure()
    .stderr(predicates::str::contains("whole consultation"));
    run(&["export", "--format", "md", "--report", "session"])
        .failure()
        .stderr(predicates::str::contains("needs a session"));
}

#[test]
fn the_export_dialog_offers_the_consultation_report() {
    use driver_support::{ctrl, demo, driver, key, typed};
    use ratatui::crossterm::event::KeyCode;
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver(&demo(dir.path()), narada::model::Lang::Pl);
    typed(&mut d, "E");
    let path_of = |d: &narada::tui::Driver| {
        d.app
            .export
            .form
            .as_ref()
            .map(|f| f.target.text().to_owned())
    };
    key(&mut d, KeyCode::Right); // md → docx
    key(&mut d, KeyCode::Tab);
    for _ in 0..3 {
        key(&mut d, KeyCode::Right); // whole consultation → … → consultation report
    }
    assert_eq!(path_of(&d).unwrap(), "raport-z-konsultacji.docx");
    key(&mut d, KeyCode::Left); // back to the session report: the draft's name again
    assert_eq!(path_of(&d).unwrap(), "uchwala-projekt.docx");
    key(&mut d, KeyCode::Right);
    key(&mut d, KeyCode::Tab);
    let target = dir.path().join("raport.docx");
    ctrl(&mut d, 'u');
    typed(&mut d, target.to_str().unwrap());
    key(&mut d, KeyCode::Enter);
    assert!(path_of(&d).is_none(), "the dialog closed");
    let bytes = std::fs::read(&target).unwrap();
    let files = names(&bytes);
    assert!(
        files.iter().any(|f| f == "word/media/chart1.png"),
        "{files:?}"
    );
    assert!(text(&bytes, "word/document.xml").contains("Raport z konsultacji"));
}

#[test]
#[ignore = "needs LibreOffice (run with --include-ignored; .ci/run installs it)"]
fn libreoffice_converts_the_report_to_pdf_with_its_pictures() {
    let dir = tempfile::tempdir().unwrap();
    let office = Office::new(dir.path());
    for (name, bytes) in [("report.docx", docx()), ("report-odt.odt", odt())] {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let (pdf, said) = office.convert(&file, "pdf", dir.path());
        let pdf = std::fs::read(&pdf)
            .unwrap_or_else(|e| panic!("{name} was not converted ({e}): {said}"));
        assert!(pdf.starts_with(b"%PDF"), "{name}: bad PDF");
    }
    // The DOCX's three chart pictures made it into the PDF as images (the ODT's SVG
    // charts become drawing operations instead, checked below).
    let pdf = std::fs::read(dir.path().join("report.pdf")).unwrap();
    let count = |needle: &[u8]| pdf.windows(needle.len()).filter(|w| *w == needle).count();
    let images = count(b"/Subtype/Image") + count(b"/Subtype /Image");
    assert!(images >= 3, "{images} images in the PDF of the DOCX");
    // LibreOffice reads the ODT's chart pictures: saved again, the three are still there.
    let out_dir = dir.path().join("roundtrip");
    office.convert(&dir.path().join("report-odt.odt"), "odt", &out_dir);
    let again = std::fs::read(out_dir.join("report-odt.odt")).unwrap();
    let content = parse(&text(&again, "content.xml"));
    let frames = content
        .find_all("draw:frame")
        .into_iter()
        .filter(|f| !f.find_all("draw:image").is_empty())
        .count();
    assert_eq!(frames, 3, "chart pictures after LibreOffice saved the ODT");
    let pictures = names(&again)
        .into_iter()
        .filter(|n| n.starts_with("Pictures/"))
        .count();
    assert!(pictures >= 3, "LibreOffice kept {pictures} pictures");
}
