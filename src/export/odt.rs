//! `OpenDocument` Text rendering of the draft resolution, written directly as a zip:
//! `mimetype` first and stored, then the manifest, styles, metadata and content. Chapters
//! and § are `text:h` with outline levels, ust./pkt numbered paragraphs, one `text:note`
//! footnote per provision citing its cards, the undrafted recommendations after the
//! resolution, the source table a `table:table` whose header row repeats on every page.
//! Page, fonts and paragraph styles are in `odt_styles.xml`.

use super::document::{Body, Chapter, DocOptions, Document, Provision};
use super::xml_text::esc;
use crate::error::{Error, Result};
use crate::model::ParagraphStyle;
use crate::model::{ExportView, SectionLevel};
use std::fmt::Write as _;
use std::io::{Cursor, Write};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

pub const MIMETYPE: &str = "application/vnd.oasis.opendocument.text";
pub(crate) const STYLES: &str = include_str!("odt_styles.xml");
/// Source table column widths in cm (24.7 cm: landscape A4 less the margins).
const COLUMNS: [&str; 7] = ["1.6", "6.0", "3.4", "2.3", "2.6", "6.2", "2.6"];

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"#;

const NAMESPACES: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0""#;

pub fn write_odt(w: &mut dyn Write, view: &ExportView, opts: &DocOptions) -> Result<()> {
    let doc = Document::build(view, opts)?;
    let bytes = render_odt(&doc)?;
    w.write_all(&bytes).map_err(super::output_error)
}

pub fn render_odt(doc: &Document) -> Result<Vec<u8>> {
    let zip_err = |e: zip::result::ZipError| Error::Invalid(format!("could not write ODT: {e}"));
    let io_err = |e: std::io::Error| Error::Invalid(format!("could not write ODT: {e}"));
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    // ODF requires `mimetype` as the first entry, uncompressed, so tools can sniff it.
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    z.start_file("mimetype", stored).map_err(zip_err)?;
    z.write_all(MIMETYPE.as_bytes()).map_err(io_err)?;
    let parts = [
        ("META-INF/manifest.xml", MANIFEST.to_string()),
        ("styles.xml", STYLES.to_string()),
        ("meta.xml", meta_xml(doc)),
        ("content.xml", content_xml(doc)),
    ];
    for (name, body) in parts {
        z.start_file(name, deflated).map_err(zip_err)?;
        z.write_all(body.as_bytes()).map_err(io_err)?;
    }
    Ok(z.finish().map_err(zip_err)?.into_inner())
}

fn meta_xml(doc: &Document) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-meta \
         xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
         xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.3\">\
         <office:meta><meta:generator>narada</meta:generator><dc:title>{}</dc:title>\
         <dc:language>{}</dc:language></office:meta></office:document-meta>\n",
        esc(&doc.fixed.title),
        doc.lang.code()
    )
}

/// The document body as `content.xml`.
pub fn content_xml(doc: &Document) -> String {
    let mut r = Renderer {
        doc,
        out: String::with_capacity(16384 + doc.sources.len() * 900),
        next_note: 1,
    };
    r.run();
    r.out
}

/// Escaped text with line breaks and tabs as ODF elements.
fn text(s: &str) -> String {
    s.lines()
        .map(|l| esc(l.trim()).replace('\t', "<text:tab/>"))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("<text:line-break/>")
}

struct Renderer<'a> {
    doc: &'a Document,
    out: String,
    next_note: usize,
}

impl Renderer<'_> {
    fn run(&mut self) {
        let doc = self.doc;
        let f = &doc.fixed;
        let _ = write!(
            self.out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content {NAMESPACES} \
             office:version=\"1.3\">\n<office:automatic-styles>\n\
             <style:style style:name=\"Sources\" style:family=\"table\">\
             <style:table-properties style:width=\"24.7cm\" table:align=\"margins\" \
             table:border-model=\"collapsing\"/></style:style>\n\
             <style:style style:name=\"Paragraph_20_mark\" style:display-name=\"Paragraph mark\" \
             style:family=\"paragraph\" style:parent-style-name=\"Heading_20_2\">\
             <style:paragraph-properties fo:text-align=\"{align}\"/></style:style>\n\
             <style:style style:name=\"Part_20_heading\" style:display-name=\"Part heading\" \
             style:family=\"paragraph\" style:parent-style-name=\"Heading_20_1\" \
             style:master-page-name=\"Standard\"/>\n\
             <style:style style:name=\"Landscape_20_heading\" style:display-name=\"Landscape heading\" \
             style:family=\"paragraph\" style:parent-style-name=\"Heading_20_1\" \
             style:master-page-name=\"Landscape\"/>\n",
            align = match doc.paragraph_layout {
                ParagraphStyle::Centred => "center",
                ParagraphStyle::Inline => "start",
            }
        );
        for (i, w) in COLUMNS.iter().enumerate() {
            let _ = writeln!(
                self.out,
                "<style:style style:name=\"Sources.C{i}\" style:family=\"table-column\">\
                 <style:table-column-properties style:column-width=\"{w}cm\"/></style:style>"
            );
        }
        self.out.push_str(
            "<style:style style:name=\"Sources.cell\" style:family=\"table-cell\">\
             <style:table-cell-properties fo:border=\"0.5pt solid #000000\" fo:padding=\"0.06cm\"/>\
             </style:style>\n\
             <style:style style:name=\"Sources.head\" style:family=\"table-cell\">\
             <style:table-cell-properties fo:border=\"0.5pt solid #000000\" fo:padding=\"0.06cm\" \
             fo:background-color=\"#e6e6e6\"/></style:style>\n</office:automatic-styles>\n<office:body>\n<office:text>\n",
        );
        self.p("Title", &text(&f.title));
        self.p("Subtitle", &text(&f.subtitle));
        self.p("Text_20_body", &text(&f.legal_basis));
        for ch in &doc.chapters {
            self.chapter(ch);
        }
        self.closing_parts();
        self.out
            .push_str("</office:text>\n</office:body>\n</office:document-content>\n");
    }

    fn p(&mut self, style: &str, inner: &str) {
        let _ = writeln!(
            self.out,
            "<text:p text:style-name=\"{style}\">{inner}</text:p>"
        );
    }

    fn h(&mut self, level: usize, inner: &str) {
        self.h_styled(&format!("Heading_20_{level}"), level, inner);
    }

    fn h_styled(&mut self, style: &str, level: usize, inner: &str) {
        let _ = writeln!(
            self.out,
            "<text:h text:style-name=\"{style}\" text:outline-level=\"{level}\">{inner}</text:h>"
        );
    }

    fn chapter(&mut self, ch: &Chapter) {
        let title = match (&ch.label, ch.heading.trim()) {
            (Some(l), "") => l.clone(),
            (Some(l), h) => format!("{l}. {h}"),
            (None, h) => h.to_string(),
        };
        if !title.is_empty() {
            self.h(1, &text(&title));
        }
        self.body(&ch.body, 0, String::new());
        for p in &ch.provisions {
            self.provision(p, 0);
        }
    }

    fn provision(&mut self, p: &Provision, depth: usize) {
        if p.level == SectionLevel::Paragraph {
            let title = format!("{} {}", p.label, p.heading.trim());
            match self.doc.paragraph_layout {
                ParagraphStyle::Centred => {
                    self.h_styled("Paragraph_20_mark", 2, &text(title.trim_end()));
                    self.body(&p.body, 0, String::new());
                }
                ParagraphStyle::Inline => {
                    let lead = format!(
                        "<text:span text:style-name=\"Strong\">{}</text:span> ",
                        text(title.trim())
                    );
                    self.body(&p.body, 0, lead);
                }
            }
            for c in &p.children {
                self.provision(c, 0);
            }
            return;
        }
        let mut lead = format!("{}<text:tab/>", esc(&p.label));
        if !p.heading.trim().is_empty() {
            let _ = write!(
                lead,
                "<text:span text:style-name=\"Emphasis\">{}</text:span>",
                text(&p.heading)
            );
            if super::docx::joins_text(&p.body) {
                lead.push_str(" — ");
            }
        }
        self.body(&p.body, depth + 1, lead);
        for c in &p.children {
            self.provision(c, depth + 1);
        }
    }

    fn style(depth: usize) -> String {
        if depth == 0 {
            "Text_20_body".into()
        } else {
            format!("Provision_20_{}", depth.min(4))
        }
    }

    /// `lead` (number and heading of a ust./pkt, already XML) starts the first paragraph.
    fn body(&mut self, body: &Body, depth: usize, lead: String) {
        let doc = self.doc;
        let style = Self::style(depth);
        match body {
            Body::Nothing => {
                if !lead.is_empty() {
                    self.p(&style, &lead);
                }
            }
            Body::ToComplete { note } => {
                let inner = self.placeholder(lead, doc.lang.labels().to_complete, *note);
                self.p(&style, &inner);
            }
            Body::ToDraft { note, .. } => {
                let inner = self.placeholder(lead, doc.lang.labels().to_draft, Some(*note));
                self.p(&style, &inner);
            }
            Body::Drafted { paragraphs, note } => {
                let mut lead = lead;
                for (i, para) in paragraphs.iter().enumerate() {
                    let mut inner = std::mem::take(&mut lead);
                    inner.push_str(&text(para));
                    if i + 1 == paragraphs.len()
                        && let Some(n) = note
                    {
                        inner.push_str(&self.note(*n));
                    }
                    self.p(&style, &inner);
                }
            }
        }
    }

    fn placeholder(&mut self, lead: String, words: &str, note: Option<usize>) -> String {
        let mut inner = format!(
            "{lead}<text:span text:style-name=\"Emphasis\">{}</text:span>",
            esc(words)
        );
        if let Some(n) = note {
            inner.push_str(&self.note(n));
        }
        inner
    }

    fn note(&mut self, n: usize) -> String {
        let id = self.next_note;
        self.next_note += 1;
        format!(
            "<text:note text:id=\"ftn{id}\" text:note-class=\"footnote\">\
             <text:note-citation>{id}</text:note-citation><text:note-body>\
             <text:p text:style-name=\"Footnote\">{}</text:p></text:note-body></text:note>",
            text(&self.doc.notes[n].text)
        )
    }

    /// The undrafted recommendations on pages of their own, by the unit they belong to.
    fn undrafted_part(&mut self) {
        let doc = self.doc;
        if doc.to_draft.is_empty() {
            return;
        }
        let words = doc.lang.labels();
        self.h_styled("Part_20_heading", 1, &esc(words.to_draft_heading));
        self.p(
            "Text_20_body",
            &format!(
                "<text:span text:style-name=\"Emphasis\">{}</text:span>",
                esc(words.to_draft_intro)
            ),
        );
        for g in &doc.to_draft {
            self.h(3, &text(&super::document::group_title(g)));
            self.out
                .push_str("<text:list text:style-name=\"Bullets\">\n");
            for item in &g.items {
                let _ = writeln!(
                    self.out,
                    "<text:list-item><text:p text:style-name=\"List_20_Contents\">\
                     <text:span text:style-name=\"Strong\">{}</text:span> \
                     <text:span text:style-name=\"Emphasis\">({})</text:span>: {}</text:p></text:list-item>",
                    esc(&item.reference),
                    esc(&item.kind),
                    text(&item.text)
                );
            }
            self.out.push_str("</text:list>\n");
        }
    }

    fn list(&mut self, items: &[String]) {
        self.out
            .push_str("<text:list text:style-name=\"Bullets\">\n");
        for i in items {
            let _ = writeln!(
                self.out,
                "<text:list-item><text:p text:style-name=\"List_20_Contents\">{}</text:p></text:list-item>",
                text(i)
            );
        }
        self.out.push_str("</text:list>\n");
    }

    fn closing_parts(&mut self) {
        let doc = self.doc;
        let f = &doc.fixed;
        let words = doc.lang.labels();
        self.h(1, &text(&f.annexes_heading));
        self.list(&f.annexes);
        self.undrafted_part();

        // The wide table gets landscape pages; the coverage returns to portrait.
        self.h_styled("Landscape_20_heading", 1, &text(&f.sources_heading));
        self.out
            .push_str("<table:table table:name=\"Sources\" table:style-name=\"Sources\">\n");
        for i in 0..COLUMNS.len() {
            let _ = writeln!(
                self.out,
                "<table:table-column table:style-name=\"Sources.C{i}\"/>"
            );
        }
        self.out.push_str("<table:table-header-rows>\n");
        let header = words.source_columns();
        self.row(&header, "Sources.head", "Table_20_Heading");
        self.out.push_str("</table:table-header-rows>\n");
        for r in &doc.sources {
            let cells = r.cells();
            self.row(&cells, "Sources.cell", "Table_20_Contents");
        }
        self.out.push_str("</table:table>\n");

        let c = &doc.coverage;
        self.h_styled("Part_20_heading", 1, &text(&f.coverage_heading));
        let undecided = vec![c.undecided.join(", ")];
        let undecided = if c.undecided.is_empty() {
            &c.undecided
        } else {
            &undecided
        };
        let nothing = vec![words.nothing.to_string()];
        for (title, items) in [
            (words.uncovered, &c.uncovered),
            (words.empty_provisions, &c.empty_provisions),
            (words.unused_adopted, &c.unused_adopted),
            (words.card_fates, &c.fates),
            (words.undecided_cards, undecided),
        ] {
            self.h(2, &text(title));
            self.list(if items.is_empty() { &nothing } else { items });
        }
    }

    fn row(&mut self, cells: &[&str], cell_style: &str, style: &str) {
        self.out.push_str("<table:table-row>");
        for c in cells {
            let _ = write!(
                self.out,
                "<table:table-cell table:style-name=\"{cell_style}\" office:value-type=\"string\">\
                 <text:p text:style-name=\"{style}\">{}</text:p></table:table-cell>",
                text(c)
            );
        }
        self.out.push_str("</table:table-row>\n");
    }
}
