#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The demo's DOCX and ODT as pages: converted to PDF by `LibreOffice`, read back with
//! poppler's `pdftotext`, `pdfinfo` and `pdffonts`, and rendered to PNG with `pdftoppm`.
//! Checks what holds on any machine with those tools: a sane page count, one footnote
//! per provision with sources (no card lists run together in the text), the source
//! table's header on every one of its landscape pages, a serif font, pages that render.
//! Ignored unless run with `--include-ignored` (as `.ci/run` does); run so, it fails when
//! a tool is missing instead of passing. Set `NARADA_PAGES_DIR` to keep the PNG pages.

use narada::export::{DocOptions, Document, write_docx, write_odt};
use narada::storage::Store;
use std::path::{Path, PathBuf};
use std::process::Command;

fn tool(names: &[&str]) -> PathBuf {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .flat_map(|d| names.iter().map(move |n| d.join(n)))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "{} is not on PATH, and this test needs it: `apt-get install \
                 --no-install-recommends libreoffice-writer-nogui poppler-utils \
                 fonts-liberation2` (.ci/run installs them), or run without \
                 --include-ignored to skip it",
                names.join(" / ")
            )
        })
}

fn run(program: &Path, args: &[&str]) -> String {
    let out = Command::new(program).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{} {args:?} failed: {}",
        program.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The text of each page (pdftotext separates pages with form feeds).
fn pages(pdf: &Path) -> Vec<String> {
    let text = run(&tool(&["pdftotext"]), &[pdf.to_str().unwrap(), "-"]);
    let mut pages: Vec<String> = text.split('\u{c}').map(String::from).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// Whether each page is wider than it is tall, from `pdfinfo`'s page sizes.
fn landscape(pdf: &Path, count: usize) -> Vec<bool> {
    let info = run(
        &tool(&["pdfinfo"]),
        &["-f", "1", "-l", &count.to_string(), pdf.to_str().unwrap()],
    );
    info.lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size: "))
        .map(|l| {
            let size = l.split(" size: ").nth(1).unwrap();
            let mut dims = size
                .split(" x ")
                .map(|d| d.split_whitespace().next().unwrap().parse::<f64>().unwrap());
            let (w, h) = (dims.next().unwrap(), dims.next().unwrap());
            w > h
        })
        .collect()
}

/// A footnote's first line: `karty bo26-1, bo26-2 — Szkolenie 1, …`, after the note's
/// number when the PDF text puts it on the same line.
fn is_footnote(line: &str) -> bool {
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace());
    (rest.starts_with("karty ") || rest.starts_with("karta ")) && rest.contains(" —")
}

#[test]
#[ignore = "needs LibreOffice and poppler-utils (run with --include-ignored; .ci/run installs them)"]
fn demo_pages_look_like_a_draft_resolution() {
    let office = tool(&["soffice", "libreoffice"]);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    narada::demo::create(&db).unwrap();
    let mut store = Store::open(&db).unwrap();
    let view = store.export_view(None, "2026-12-09").unwrap();
    let doc = Document::build(&view, &DocOptions::default()).unwrap();
    let notes = doc.notes.len();
    assert!(notes > 10, "{notes}");
    let mut docx = Vec::new();
    write_docx(&mut docx, &view, &DocOptions::default()).unwrap();
    let mut odt = Vec::new();
    write_odt(&mut odt, &view, &DocOptions::default()).unwrap();
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.path().join("profile").display()
    );
    let keep = std::env::var_os("NARADA_PAGES_DIR").map(PathBuf::from);

    for (name, bytes) in [("draft-docx.docx", docx), ("draft-odt.odt", odt)] {
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        run(
            &office,
            &[
                &profile,
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                dir.path().to_str().unwrap(),
                file.to_str().unwrap(),
            ],
        );
        let pdf = file.with_extension("pdf");
        assert!(pdf.is_file(), "{name} was not converted");
        let pages = pages(&pdf);
        // About 8 pages of resolution and its undrafted part, the table, the coverage.
        assert!(
            (20..=90).contains(&pages.len()),
            "{name}: {} pages",
            pages.len()
        );

        // The resolution: up to the undrafted part, which starts on a page of its own.
        let part = pages
            .iter()
            .position(|p| p.contains("Rekomendacje do zredagowania\n"))
            .unwrap_or_else(|| panic!("{name}: no undrafted part"));
        let lines: Vec<&str> = pages[..part].iter().flat_map(|p| p.lines()).collect();
        let footnotes = lines.iter().filter(|l| is_footnote(l)).count();
        assert_eq!(
            footnotes, notes,
            "{name}: one footnote per provision with sources"
        );
        // Card numbers appear only in the footnotes, below the text: no card text and no
        // run-together lists of references in the provisions.
        for (i, page) in pages[..part].iter().enumerate() {
            let body: Vec<&str> = page.lines().take_while(|l| !is_footnote(l)).collect();
            assert!(
                !body.iter().any(|l| l.contains("bo26-")),
                "{name}: card references in the text of page {}",
                i + 1
            );
        }
        assert!(
            !pages[..part]
                .iter()
                .any(|p| p.contains("(rekomendacja do zredagowania)")),
            "{name}: raw card text among the provisions"
        );

        // The source table: landscape pages, each with the header row.
        let table = pages
            .iter()
            .position(|p| p.contains("Zestawienie uwag i rekomendacji"))
            .unwrap_or_else(|| panic!("{name}: no source table"));
        let coverage = pages
            .iter()
            .rposition(|p| p.contains("Pokrycie zakresu uchwały"))
            .unwrap();
        assert!(
            coverage > table + 1,
            "{name}: table {table}, coverage {coverage}"
        );
        let wide = landscape(&pdf, pages.len());
        assert_eq!(wide.len(), pages.len());
        for (i, page) in pages.iter().enumerate().take(coverage).skip(table) {
            assert!(
                page.contains("Treść uwagi") && page.contains("Los uwagi"),
                "{name}: page {} of the table has no header row",
                i + 1
            );
            assert!(wide[i], "{name}: table page {} is not landscape", i + 1);
        }
        assert!(
            !wide[0] && !wide[coverage],
            "{name}: text pages are portrait"
        );
        // Page numbers in the footer: the last line of a text page is its number.
        assert_eq!(pages[1].trim_end().lines().last().map(str::trim), Some("2"));

        let fonts = run(&tool(&["pdffonts"]), &[pdf.to_str().unwrap()]);
        assert!(
            fonts.contains("LiberationSerif") || fonts.contains("TimesNewRoman"),
            "{name}: not set in a Times-like serif:\n{fonts}"
        );

        // The first page and a table page render to non-blank images.
        let stem = dir.path().join(name.replace('.', "-"));
        for page in [1, table + 1] {
            let n = page.to_string();
            run(
                &tool(&["pdftoppm"]),
                &[
                    "-r",
                    "40",
                    "-png",
                    "-singlefile",
                    "-f",
                    &n,
                    "-l",
                    &n,
                    pdf.to_str().unwrap(),
                    &format!("{}-{n}", stem.display()),
                ],
            );
            let png = PathBuf::from(format!("{}-{n}.png", stem.display()));
            let bytes = std::fs::read(&png).unwrap();
            assert!(
                bytes.starts_with(b"\x89PNG") && bytes.len() > 5_000,
                "{name} page {n}"
            );
            if let Some(keep) = &keep {
                std::fs::create_dir_all(keep).unwrap();
                std::fs::copy(&png, keep.join(png.file_name().unwrap())).unwrap();
            }
        }
    }
}
