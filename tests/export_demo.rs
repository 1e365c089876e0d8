//! The draft outline of the bundled sample consultation, end to end: golden Markdown and
//! HTML, traceability against the store, and every format through the binary.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use assert_cmd::Command;
use narada::export::{DocOptions, write_html, write_markdown};
use narada::storage::Store;

fn demo_store(dir: &std::path::Path) -> Store {
    let path = dir.join("demo.db");
    narada::demo::create(&path).unwrap();
    Store::open(&path).unwrap()
}

#[test]
fn sample_outline_markdown_and_html_are_stable() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_store(dir.path());
    let view = store.export_view(None, "2026-12-09").unwrap();
    let mut md = Vec::new();
    write_markdown(&mut md, &view, &DocOptions::default()).unwrap();
    let md = String::from_utf8(md).unwrap();
    insta::assert_snapshot!("sample_outline_md", md);
    let mut html = Vec::new();
    write_html(&mut html, &view, &DocOptions::default()).unwrap();
    insta::assert_snapshot!("sample_outline_html", String::from_utf8(html).unwrap());
}

#[test]
fn every_adopted_card_is_traced_and_every_provision_lists_its_sources() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_store(dir.path());
    let view = store.export_view(None, "2026-12-09").unwrap();
    let mut md = Vec::new();
    write_markdown(&mut md, &view, &DocOptions::default()).unwrap();
    let md = String::from_utf8(md).unwrap();
    let sources = store.section_sources().unwrap();
    let outline = store.outline().unwrap();
    // One footnote per provision; it names every source card of the provision once.
    let notes: Vec<&str> = md.lines().filter(|l| l.starts_with("[^n")).collect();
    let mut checked = 0;
    for s in outline.iter().filter(|s| s.depth == 1) {
        let refs: Vec<String> = sources[&s.id]
            .iter()
            .map(|card| store.card(card).unwrap().external_id.unwrap())
            .collect();
        if refs.is_empty() {
            continue;
        }
        let note = notes
            .iter()
            .find(|n| refs.iter().all(|r| n.contains(r.as_str())))
            .unwrap_or_else(|| panic!("{} has no note naming {refs:?}", s.citation));
        assert!(!note.contains("decyzja"), "{note}");
        checked += refs.len();
    }
    assert!(checked > 100, "{checked}");
    // The source table has one row per card, adopted or not.
    for c in &view.cards {
        assert!(
            md.contains(&format!("| {} |", c.reference)),
            "{} not in the source table",
            c.reference
        );
    }
}

#[test]
fn all_formats_through_the_binary() {
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
    for format in ["md", "html", "docx", "odt", "csv", "json"] {
        let out = dir.path().join(format!("uchwala.{format}"));
        run(&["export", "--format", format, "-o", out.to_str().unwrap()]).success();
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.len() > 1000, "{format}: {} bytes", bytes.len());
        if format == "docx" || format == "odt" {
            assert_eq!(&bytes[..2], b"PK", "{format} is a zip package");
        }
        run(&["export", "--format", format, "-o", out.to_str().unwrap()])
            .failure()
            .stderr(predicates::str::contains("--force"));
    }
    let csv = std::fs::read_to_string(dir.path().join("uchwala.csv")).unwrap();
    assert!(csv.lines().next().unwrap().contains("sections"));
    assert!(csv.contains("§ 15"), "cards carry the § they were used in");
    run(&["export", "--format", "docx"])
        .failure()
        .stderr(predicates::str::contains("--output"));
    run(&[
        "export",
        "--format",
        "md",
        "--session",
        "Szkolenie 2",
        "--report",
        "session",
    ])
    .success()
    .stdout(predicates::str::contains("Szkolenie 2"));
    // A user template in the config directory changes the fixed wording.
    let templates = dir.path().join("config/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("document.pl.j2"),
        "{% extends \"default/document.pl.j2\" %}{% block legal_basis %}Podstawa prawna: art. 5a ust. 7 u.s.g.{% endblock %}",
    )
    .unwrap();
    run(&["export", "--format", "md"])
        .success()
        .stdout(predicates::str::contains(
            "Podstawa prawna: art. 5a ust. 7 u.s.g.",
        ));
}

fn markdown(store: &mut Store) -> String {
    let view = store.export_view(None, "2026-12-09").unwrap();
    let mut md = Vec::new();
    write_markdown(&mut md, &view, &DocOptions::default()).unwrap();
    String::from_utf8(md).unwrap()
}

#[test]
fn each_final_provision_appears_once_and_the_users_wording_wins() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_store(dir.path());
    let md = markdown(&mut store);
    let execution = "Wykonanie uchwały powierza się";
    let force = "Uchwała wchodzi w życie po upływie 14 dni";
    assert_eq!(md.matches(execution).count(), 1, "{md}");
    assert_eq!(md.matches(force).count(), 1, "{md}");
    assert!(md.contains("### § 19. Wykonanie uchwały\n\nWykonanie uchwały powierza się"));
    assert!(md.contains("### § 20. Wejście w życie\n\nUchwała wchodzi w życie"));
    assert!(!md.contains("### § 21"), "no § after the final ones");
    // Neither final § is reported as empty.
    assert!(!md.contains("- § 19 — Wykonanie uchwały"));

    // The user's own wording replaces the template's sentence.
    let own = "Uchwała wchodzi w życie z dniem 1 stycznia 2027 r.";
    let s = store.find_section("§ 20").unwrap();
    store.edit_section(&s.id, None, Some(own)).unwrap();
    let md = markdown(&mut store);
    assert_eq!(md.matches(own).count(), 1);
    assert!(!md.contains(force), "the template's sentence is gone");
    assert_eq!(md.matches(execution).count(), 1);

    // Without the skeleton's § the sentence is appended, still once.
    let s = store.find_section("§ 19").unwrap();
    store.delete_unit(&s.id, false).unwrap();
    let md = markdown(&mut store);
    assert_eq!(md.matches(execution).count(), 1, "{md}");
    assert!(md.contains("### § 19. Wejście w życie"), "renumbered");
    assert!(md.contains("### § 20.\n\nWykonanie uchwały powierza się"));
}

#[test]
fn units_print_their_labels_at_every_level() {
    use narada::storage::outline_units::Place;
    let mut store = Store::open_in_memory().unwrap();
    let p = store.find_section("§ 3").unwrap();
    let under = |id: &str| Place::Under(Some(id.to_owned()));
    let u1 = store
        .add_unit(&under(&p.id), None, "Środki dzieli się na:")
        .unwrap();
    let k1 = store
        .add_unit(&under(&u1.id), None, "pule dzielnicowe, w tym:")
        .unwrap();
    let a = store.add_unit(&under(&k1.id), None, "miejskie,").unwrap();
    store
        .add_unit(&Place::After(a.id.clone()), None, "wiejskie:")
        .unwrap();
    let b = store.find_section("§ 3 ust. 1 pkt 1 lit. b").unwrap();
    store.add_unit(&under(&b.id), None, "sołeckie,").unwrap();
    store.add_unit(&under(&b.id), None, "– osiedlowe;").unwrap();
    store
        .add_unit(&under(&p.id), None, "2. Drugi ustęp.")
        .unwrap();
    let md = markdown(&mut store);
    let expected = "### § 3. Podział na pule\n\n\
        1. Środki dzieli się na:\n   \
        1) pule dzielnicowe, w tym:\n\n      \
        a) miejskie,\n\n      \
        b) wiejskie:\n\n      \
        – sołeckie,\n\n      \
        – osiedlowe;\n\
        2. Drugi ustęp.\n";
    assert!(md.contains(expected), "{md}");
}
