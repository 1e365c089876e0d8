//! Word (DOCX) rendering of the draft resolution with docx-rs: an A4 page with 2.5 cm
//! margins and page numbers, Times New Roman 12 pt, justified text, Heading styles for
//! chapters and §, literal legal numbers on ust./pkt paragraphs (they stay right when a
//! lawyer edits), one real footnote per provision citing its cards, the undrafted
//! recommendations after the resolution, and a real source table.

use super::document::{Body, Chapter, DocOptions, Document, Provision};
use super::docx_table;
use super::xml_text::clean;
use crate::error::{Error, Result};
use crate::model::ParagraphStyle;
use crate::model::{ExportView, SectionLevel};
use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, Footnote, LineSpacing, PageMargin, PageNum, Paragraph,
    Run, RunFonts, RunProperty, SpecialIndentType, Style, StyleType, VertAlignType,
};
use std::io::{Read, Write};

/// Indent per list level, in twentieths of a point.
const INDENT: i32 = 425;
/// 2.5 cm in twentieths of a point.
pub(crate) const MARGIN: i32 = 1417;
/// A4 in twentieths of a point.
pub(crate) const A4: (u32, u32) = (11906, 16838);
/// The serif the documents are set in; `LibreOffice` substitutes the metric-compatible
/// Liberation Serif where Times New Roman is not installed.
pub(crate) const SERIF: &str = "Times New Roman";

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
    let docx = r.paragraphs.into_iter().fold(
        page(styled(Docx::new(), doc.paragraph_layout)),
        Docx::add_paragraph,
    );
    let mut buf = std::io::Cursor::new(Vec::new());
    docx.pack(&mut buf)
        .map_err(|e| Error::Invalid(format!("could not pack the DOCX file: {e}")))?;
    deflate_entries(
        &buf.into_inner(),
        &docx_table::table_xml(doc, &doc.fixed.sources_heading),
    )
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
        } else if name == "word/footnotes.xml" {
            let mut xml = String::new();
            entry.read_to_string(&mut xml).map_err(|e| err(&e))?;
            output.start_file(name, deflated).map_err(|e| err(&e))?;
            output
                .write_all(numbered_footnotes(&xml).as_bytes())
                .map_err(|e| err(&e))?;
        } else if name == "word/styles.xml" {
            let mut xml = String::new();
            entry.read_to_string(&mut xml).map_err(|e| err(&e))?;
            output.start_file(name, deflated).map_err(|e| err(&e))?;
            output
                .write_all(own_normal_style(&xml).as_bytes())
                .map_err(|e| err(&e))?;
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

/// docx-rs always writes a bare `Normal` style before the document's own styles; Word
/// and `LibreOffice` may take either of two styles with one id, so the bare one goes.
fn own_normal_style(styles: &str) -> String {
    const BARE: &str = "<w:style w:type=\"paragraph\" w:styleId=\"Normal\"><w:name w:val=\"Normal\" />\
                        <w:rPr /><w:pPr><w:rPr /></w:pPr><w:qFormat /></w:style>";
    if styles.matches("w:styleId=\"Normal\"").count() > 1 {
        styles.replacen(BARE, "", 1)
    } else {
        styles.to_string()
    }
}

/// Word prints a footnote's number only where its text has a `w:footnoteRef` mark, which
/// docx-rs does not write: each note paragraph gets the mark and a space after it.
fn numbered_footnotes(footnotes: &str) -> String {
    const STYLED: &str = "<w:pStyle w:val=\"FootnoteText\" /></w:pPr>";
    footnotes.replace(
        STYLED,
        &format!(
            "{STYLED}<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>\
             <w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
        ),
    )
}

/// A4, 2.5 cm margins, the page number centred in the footer.
fn page(docx: Docx) -> Docx {
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .style("Footer")
            .align(AlignmentType::Center)
            .add_page_num(PageNum::new()),
    );
    docx.page_size(A4.0, A4.1)
        .page_margin(
            PageMargin::new()
                .top(MARGIN)
                .bottom(MARGIN)
                .left(MARGIN)
                .right(MARGIN)
                .header(708)
                .footer(708),
        )
        .footer(footer)
}

/// Sizes are in half-points; spacing in twentieths of a point.
fn styled(docx: Docx, layout: ParagraphStyle) -> Docx {
    let spacing = |before: u32, after: u32| LineSpacing::new().before(before).after(after);
    let heading = |id: &str, name: &str, level: usize, size: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .outline_lvl(level)
            .size(size)
            .bold()
            .line_spacing(spacing(240, 120))
    };
    let paragraph_align = match layout {
        ParagraphStyle::Centred => AlignmentType::Center,
        ParagraphStyle::Inline => AlignmentType::Left,
    };
    let mut note_ref =
        Style::new("FootnoteReference", StyleType::Character).name("footnote reference");
    note_ref.run_property = RunProperty::new().vert_align(VertAlignType::SuperScript);
    let serif = RunFonts::new()
        .ascii(SERIF)
        .hi_ansi(SERIF)
        .cs(SERIF)
        .east_asia(SERIF);
    docx.default_fonts(serif)
        .default_size(24)
        .add_style(
            Style::new("Normal", StyleType::Paragraph)
                .name("Normal")
                .align(AlignmentType::Both)
                .line_spacing(spacing(0, 120)),
        )
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .size(28)
                .bold()
                .align(AlignmentType::Center)
                .line_spacing(spacing(0, 120)),
        )
        .add_style(
            Style::new("Subtitle", StyleType::Paragraph)
                .name("Subtitle")
                .based_on("Normal")
                .size(22)
                .italic()
                .align(AlignmentType::Center)
                .line_spacing(spacing(0, 360)),
        )
        .add_style(heading("Heading1", "heading 1", 0, 24).align(AlignmentType::Center))
        .add_style(heading("Heading2", "heading 2", 1, 24).align(paragraph_align))
        .add_style(heading("Heading3", "heading 3", 2, 24).align(AlignmentType::Left))
        .add_style(
            Style::new("FootnoteText", StyleType::Paragraph)
                .name("footnote text")
                .based_on("Normal")
                .size(20)
                .align(AlignmentType::Left)
                .line_spacing(spacing(0, 0)),
        )
        .add_style(note_ref)
        .add_style(
            Style::new("Footer", StyleType::Paragraph)
                .name("footer")
                .based_on("Normal")
                .size(20)
                .align(AlignmentType::Center),
        )
        .add_style(
            Style::new("TableText", StyleType::Paragraph)
                .name("Table Contents")
                .based_on("Normal")
                .size(18)
                .align(AlignmentType::Left)
                .line_spacing(spacing(0, 0)),
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
    // A heading never ends a page without the text it heads.
    let p = Paragraph::new()
        .style(style)
        .keep_next(style.starts_with("Heading"));
    runs(text).into_iter().fold(p, Paragraph::add_run)
}

/// Whether a ust./pkt heading runs on into a first line of the body.
pub(crate) fn joins_text(body: &Body) -> bool {
    !matches!(body, Body::Nothing)
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
            match self.doc.paragraph_layout {
                ParagraphStyle::Centred => {
                    self.add(para_with("Heading2", title.trim_end()));
                    self.body(&p.body, 0, None);
                }
                ParagraphStyle::Inline => {
                    let lead = Run::new()
                        .bold()
                        .add_text(clean(&format!("{} ", title.trim())));
                    self.body(&p.body, 0, Some(vec![lead]));
                }
            }
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
            Body::ToComplete { note } => {
                self.placeholder(start(depth), doc.lang.labels().to_complete, *note);
            }
            Body::ToDraft { note, .. } => {
                self.placeholder(start(depth), doc.lang.labels().to_draft, Some(*note));
            }
            Body::Drafted { paragraphs, note } => {
                for (i, text) in paragraphs.iter().enumerate() {
                    let mut p = start(depth).add_run(Run::new().add_text(clean(text)));
                    if i + 1 == paragraphs.len()
                        && let Some(n) = note
                    {
                        p = p.add_run(self.footnote(*n));
                    }
                    self.add(p);
                }
            }
        }
    }

    fn placeholder(&mut self, p: Paragraph, text: &str, note: Option<usize>) {
        let mut p = p.add_run(Run::new().italic().add_text(clean(text)));
        if let Some(n) = note {
            p = p.add_run(self.footnote(n));
        }
        self.add(p);
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

    /// The undrafted recommendations on pages of their own, by the unit they belong to.
    fn undrafted_part(&mut self) {
        let doc = self.doc;
        if doc.to_draft.is_empty() {
            return;
        }
        let words = doc.lang.labels();
        self.add(para_with("Heading1", words.to_draft_heading).page_break_before(true));
        self.add(
            Paragraph::new()
                .style("Normal")
                .add_run(Run::new().italic().add_text(words.to_draft_intro)),
        );
        for g in &doc.to_draft {
            self.add(para_with("Heading3", &super::document::group_title(g)));
            for item in &g.items {
                let p = Self::indented(1)
                    .add_run(Run::new().add_text("•").add_tab())
                    .add_run(Run::new().bold().add_text(clean(&item.reference)))
                    .add_run(
                        Run::new()
                            .italic()
                            .add_text(format!(" ({}): ", clean(&item.kind))),
                    );
                self.add(runs(&item.text).into_iter().fold(p, Paragraph::add_run));
            }
        }
    }

    fn closing_parts(&mut self) {
        let doc = self.doc;
        let f = &doc.fixed;
        let words = doc.lang.labels();
        self.add(para_with("Heading1", &f.annexes_heading));
        for a in &f.annexes {
            self.add(para_with("Normal", a));
        }
        self.undrafted_part();

        // Filled in by `docx_table` while the package is recompressed: the heading and the
        // table on landscape pages of their own.
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
