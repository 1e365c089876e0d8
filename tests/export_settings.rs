#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The consultation's settings fill the title, legal basis and final provisions of the
//! draft in every format: from the store, through the export view, to Markdown, HTML,
//! DOCX and ODT (the last two opened back and their XML parsed).

#[allow(dead_code)] // the tree's attributes are not needed here
#[path = "support/xml_tree.rs"]
mod xml_tree;

use narada::export::{DocOptions, write_docx, write_html, write_markdown, write_odt};
use narada::model::{ExportView, ParagraphStyle, SettingKey};
use narada::storage::{ConsultationPatch, Store};
use std::io::{Cursor, Read};

fn view(changes: &[(SettingKey, &str)]) -> ExportView {
    let mut store = Store::open_in_memory().unwrap();
    let changes: Vec<_> = changes.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
    store
        .update_consultation_settings(
            &ConsultationPatch {
                city: Some("Częstochowa".into()),
                year: Some(2027),
                ..ConsultationPatch::default()
            },
            &changes,
        )
        .unwrap();
    store.export_view(None, "2026-11-28").unwrap()
}

fn entry(zip_bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(zip_bytes)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The text of every paragraph and heading of each format, one string per format.
fn texts(view: &ExportView) -> Vec<(&'static str, String)> {
    let opts = DocOptions::default();
    let mut md = Vec::new();
    write_markdown(&mut md, view, &opts).unwrap();
    let mut html = Vec::new();
    write_html(&mut html, view, &opts).unwrap();
    let mut docx = Vec::new();
    write_docx(&mut docx, view, &opts).unwrap();
    let mut odt = Vec::new();
    write_odt(&mut odt, view, &opts).unwrap();
    let docx_paragraphs: Vec<String> = xml_tree::parse(&entry(&docx, "word/document.xml"))
        .find_all("w:p")
        .iter()
        .map(|p| p.all_text())
        .collect();
    let content = xml_tree::parse(&entry(&odt, "content.xml"));
    let odt_paragraphs: Vec<String> = ["text:p", "text:h"]
        .iter()
        .flat_map(|n| content.find_all(n))
        .map(xml_tree::Node::all_text)
        .collect();
    vec![
        ("md", String::from_utf8(md).unwrap()),
        ("html", String::from_utf8(html).unwrap()),
        ("docx", docx_paragraphs.join("\n")),
        ("odt", odt_paragraphs.join("\n")),
    ]
}

#[test]
fn proposals_from_the_city_reach_every_format() {
    let view = view(&[(SettingKey::Journal, "Dz. U. z 2025 r. poz. 1153")]);
    assert_eq!(
        view.consultation.settings.paragraph_style,
        ParagraphStyle::Centred
    );
    for (format, text) in texts(&view) {
        for want in [
            "Uchwała Nr …/…/… Rady Miasta Częstochowy z dnia …",
            "budżetu obywatelskiego Miasta Częstochowy",
            "o samorządzie gminnym (Dz. U. z 2025 r. poz. 1153) uchwala się",
            "Wykonanie uchwały powierza się Prezydentowi Miasta Częstochowy.",
            "Dzienniku Urzędowym Województwa Śląskiego.",
        ] {
            assert!(text.contains(want), "{format} lacks {want:?}:\n{text}");
        }
        for wrong in ["Burmistrzowi", "Rady Miejskiej w …", "Miasta Częstochowa"] {
            assert!(!text.contains(wrong), "{format} has {wrong:?}");
        }
    }
}

#[test]
fn corrected_settings_reach_every_format() {
    let view = view(&[
        (SettingKey::Executive, "burmistrz"),
        (SettingKey::CouncilGenitive, "Rady Miejskiej w Częstochowie"),
        (SettingKey::Number, "XII/345/2027"),
        (SettingKey::Date, "10 kwietnia 2027 r."),
        (SettingKey::Journal, "Dz. U. z 2024 r. poz. 1465"),
        (SettingKey::Voivodeship, "opolskie"),
        (SettingKey::ParagraphStyle, "inline"),
    ]);
    assert_eq!(
        view.consultation.settings.paragraph_style,
        ParagraphStyle::Inline
    );
    for (format, text) in texts(&view) {
        for want in [
            "Uchwała Nr XII/345/2027 Rady Miejskiej w Częstochowie z dnia 10 kwietnia 2027 r.",
            "(Dz. U. z 2024 r. poz. 1465)",
            "powierza się Burmistrzowi Miasta Częstochowy.",
            "Województwa Opolskiego.",
        ] {
            assert!(text.contains(want), "{format} lacks {want:?}:\n{text}");
        }
    }
}
