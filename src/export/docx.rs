//! Word (DOCX) rendering of the draft resolution with docx-rs: Heading styles for
//! chapters and §, literal legal numbers on ust./pkt paragraphs (they stay right when a
//! lawyer edits), one real footnote per source reference, and a real source table.

use super::document::{Body, Chapter, DocOptions, Document, Provision};
use super::docx_table;
use super::xml_text::clean;
use crate::error::{Error, Result};
use crate::model::{ExportView, SectionLevel};
use docx_rs::{
    AlignmentType, BreakType, Docx, Footnote, Paragraph, Run, RunProperty, SpecialIndentType,
    Style, StyleType, VertAlignType,
};
use std::io::{Read, Write};

/// Indent per list level, in twentieths of a point.
const INDENT: i32 = 425;

pub fn write_docx(w: &mut dyn Write, view: &ExportView, opts: &DocOptions) -> Result<()> {
    let doc = Document::build(view, opts)?;
    let bytes = render_docx(&doc)?;
    w.write_all(&bytes).map_err(super::output_error)
}

pub fn render_docx(doc: &Document) -> Result<Vec<u8>> {
    let mut r = Renderer {
        doc,
        paragraphs: Vec::new(),
        next_footnote: 1,
    };
    r.run();
    // Docx methods take `self` by value: folding at the end moves it once per paragraph.
    let docx = r
        .paragraphs
        .into_iter()
        .fold(styled(Docx::new()), Docx::add_paragraph);
    let mut buf = std::io::Cursor::new(Vec::new());
    docx.pack(&mut buf)
        .map_err(|e| Error::Invalid(format!("could not pack the DOCX file: {e}")))?;
    deflate_entries(&buf.into_inner(), &docx_table::table_xml(doc))
}

/// docx-rs stores every part uncompressed, which makes a large source table tens of
/// megabytes; the package is rewritten with each entry deflated, in the same order, and
/// the source table is spliced into `word/document.xml` on the way.
fn deflate_entries(stored: &[u8], table: &str) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let err =
        |e: &dyn std::fmt::Display| Error::Invalid(format!("could not pack the DOCX file: {e}"));
    let mut input = zip::ZipArchive::new(std::io::Cursor::new(stored)).map_err(|e| err(&e))?;
    let mut output =
        zip::ZipWriter::new(std::io::Cursor::new(Vec::with_capacity(stored.len() / 8)));
    let deflated = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1));
    for i in 0..input.len() {
        let mut entry = input.by_index(i).map_err(|e| err(&e))?;
        let name = entry.name().to_string();
        if entry.is_dir() {
            output.add_directory(name, deflated).map_err(|e| err(&e))?;
        } else if name == "word/document.xml" {
            let mut xml = String::new();
            entry.read_to_string(&mut xml).map_err(|e| err(&e))?;
            let xml = docx_table::splice(&xml, table)?;
            output.start_file(name, deflated).map_err(|e| err(&e))?;
            output.write_all(xml.as_bytes()).map_err(|e| err(&e))?;
        } else {
            output.start_file(name, deflated).map_err(|e| err(&e))?;
            std::io::copy(&mut entry, &mut output).map_err(|e| err(&e))?;
        }
    }
    Ok(output.finish().map_err(|e| err(&e))?.into_inner())
}

fn styled(docx: Docx) -> Docx {
    let heading = |id: &str, name: &str, level: usize, size: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .outline_lvl(level)
            .size(size)
            .bold()
    };
    let mut note_ref =
        Style::new("FootnoteReference", StyleType::Character).name("footnote reference");
    note_ref.run_property = RunProperty::new().vert_align(VertAlignType::SuperScript);
    docx.default_size(22)
        .add_style(Style::new("Normal", StyleType::Paragraph).name("Normal"))
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .size(30)
                .bold()
                .align(AlignmentType::Center),
        )
        .add_style(
            Style::new("Subtitle", StyleType::Paragraph)
                .name("Subtitle")
                .based_on("Normal")
                .italic()
                .align(AlignmentType::Center),
        )
        .add_style(heading("Heading1", "heading 1", 0, 26).align(AlignmentType::Center))
        .add_style(heading("Heading2", "heading 2", 1, 23))
        .add_style(heading("Heading3", "heading 3", 2, 22))
        .add_style(
            Style::new("FootnoteText", StyleType::Paragraph)
                .name("footnote text")
                .based_on("Normal")
                .size(18),
        )
        .add_style(note_ref)
        .add_style(
            Style::new("TableText", StyleType::Paragraph)
                .name("Table Contents")
                .based_on("Normal")
                .size(18),
        )
        .add_style(
            Style::new("TableHeading", StyleType::Paragraph)
                .name("Table Heading")
                .based_on("TableText")
                .bold(),
        )
}

/// Text runs with line breaks turned into real breaks.
fn runs(text: &str) -> Vec<Run> {
    let mut out = Vec::new();
    for (i, line) in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        let mut run = Run::new();
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        out.push(run.add_text(clean(line)));
    }
    out
}

fn para_with(style: &str, text: &str) -> Paragraph {
    runs(text)
        .into_iter()
        .fold(Paragraph::new().style(style), Paragraph::add_run)
}

/// Whether a ust./pkt heading runs on into the body's first line (not into a list).
pub(crate) fn joins_text(body: &Body) -> bool {
    matches!(body, Body::Drafted { .. } | Body::ToComplete)
}

struct Renderer<'a> {
    doc: &'a Document,
    paragraphs: Vec<Paragraph>,
    next_footnote: usize,
}

impl Renderer<'_> {
    fn add(&mut self, p: Paragraph) {
        self.paragraphs.push(p);
    }

    fn run(&mut self) {
        let doc = self.doc;
        let f = &doc.fixed;
        self.add(para_with("Title", &f.title));
        self.add(para_with("Subtitle", &f.subtitle));
        self.add(para_with("Normal", &f.legal_basis));
        for ch in &doc.chapters {
            self.chapter(ch);
        }
        self.closing_parts();
    }

    fn chapter(&mut self, ch: &Chapter) {
        let title = match (&ch.label, ch.heading.trim()) {
            (Some(l), "") => l.clone(),
            (Some(l), h) => format!("{l}. {h}"),
            (None, h) => h.to_string(),
        };
        if !title.is_empty() {
            self.add(para_with("Heading1", &title));
        }
        self.body(&ch.body, 0, None);
        for p in &ch.provisions {
            self.provision(p, 0);
        }
    }

    fn provision(&mut self, p: &Provision, depth: i32) {
        if p.level == SectionLevel::Paragraph {
            let title = format!("{} {}", p.label, p.heading.trim());
            self.add(para_with("Heading2", title.trim_end()));
            self.body(&p.body, 0, None);
            for c in &p.children {
                self.provision(c, 0);
            }
            return;
        }
        let mut lead = vec![Run::new().add_text(&p.label).add_tab()];
        if !p.heading.trim().is_empty() {
            lead.push(Run::new().italic().add_text(clean(p.heading.trim())));
            if joins_text(&p.body) {
                lead.push(Run::new().add_text(" — "));
            }
        }
        self.body(&p.body, depth + 1, Some(lead));
        for c in &p.children {
            self.provision(c, depth + 1);
        }
    }

    fn indented(depth: i32) -> Paragraph {
        let p = Paragraph::new().style("Normal");
        if depth == 0 {
            return p;
        }
        p.indent(
            Some(INDENT * depth),
            Some(SpecialIndentType::Hanging(INDENT)),
            None,
            None,
        )
    }

    /// `lead` is the number (and heading) of a ust./pkt, written before its first line.
    fn body(&mut self, body: &Body, depth: i32, lead: Option<Vec<Run>>) {
        let doc = self.doc;
        let mut lead = lead;
        let mut start = |depth: i32| {
            let p = Self::indented(depth);
            match lead.take() {
                Some(runs) => runs.into_iter().fold(p, Paragraph::add_run),
                None => p,
            }
        };
        match body {
            Body::Nothing => {
                let p = start(depth);
                if !p.children().is_empty() {
                    self.add(p);
                }
            }
            Body::ToComplete => {
                let p = start(depth)
                    .add_run(Run::new().italic().add_text(doc.lang.labels().to_complete));
                self.add(p);
            }
            Body::Drafted { paragraphs, notes } => {
                for (i, text) in paragraphs.iter().enumerate() {
                    let mut p = start(depth).add_run(Run::new().add_text(clean(text)));
                    if i + 1 == paragraphs.len() {
                        for &n in notes {
                            p = p.add_run(self.footnote(n));
                        }
                    }
                    self.add(p);
                }
            }
            Body::ToDraft { items } => {
                let head = start(depth);
                if !head.children().is_empty() {
                    self.add(head);
                }
                for item in items {
                    let mut p = Self::indented(depth + 1)
                        .add_run(Run::new().add_text("•").add_tab())
                        .add_run(
                            Run::new()
                                .italic()
                                .add_text(format!("({}) ", clean(&doc.fixed.draft_marker))),
                        );
                    p = runs(&item.text).into_iter().fold(p, Paragraph::add_run);
                    p = p.add_run(self.footnote(item.note));
                    self.add(p);
                }
            }
        }
    }

    fn footnote(&mut self, n: usize) -> Run {
        let note = &self.doc.notes[n];
        let id = self.next_footnote;
        self.next_footnote += 1;
        let content = Paragraph::new()
            .style("FootnoteText")
            .add_run(Run::new().add_text(clean(&note.text)));
        Run::new().add_footnote_reference(Footnote {
            id,
            content: vec![content],
        })
    }

    fn closing_parts(&mut self) {
        let doc = self.doc;
        let f = &doc.fixed;
        let words = doc.lang.labels();
        self.add(para_with("Heading1", &f.annexes_heading));
        for a in &f.annexes {
            self.add(para_with("Normal", a));
        }

        self.add(para_with("Heading1", &f.sources_heading));
        // Filled in by `docx_table` while the package is recompressed.
        self.add(Paragraph::new().add_run(Run::new().add_text(docx_table::MARKER)));

        let c = &doc.coverage;
        self.add(para_with("Heading1", &f.coverage_heading));
        let undecided = vec![c.undecided.join(", ")];
        let undecided = if c.undecided.is_empty() {
            &c.undecided
        } else {
            &undecided
        };
        for (title, items) in [
            (words.uncovered, &c.uncovered),
            (words.empty_provisions, &c.empty_provisions),
            (words.unused_adopted, &c.unused_adopted),
            (words.card_fates, &c.fates),
            (words.undecided_cards, undecided),
        ] {
            self.add(para_with("Heading2", title));
            if items.is_empty() {
                self.add(para_with("Normal", words.nothing));
            }
            for i in items {
                let p = Self::indented(1).add_run(Run::new().add_text("•").add_tab());
                self.add(runs(i).into_iter().fold(p, Paragraph::add_run));
            }
        }
    }
}
