//! One self-contained, printable HTML file of the draft resolution: inline CSS, real
//! headings, numbered lists for ust. and pkt, one endnote per provision with a back-link,
//! the undrafted recommendations in a part of their own, a source table.

use super::document::{Body, Chapter, DocOptions, Document, Provision};
use crate::error::Result;
use crate::model::{ExportView, SectionLevel};
use std::fmt::Write as _;
use std::io::Write;

pub(crate) const CSS: &str = r#"
body { font-family: "Times New Roman", Georgia, serif; max-width: 52rem; margin: 2rem auto;
  padding: 0 1rem; line-height: 1.45; color: #111; }
h1 { font-size: 1.35rem; text-align: center; }
h2 { font-size: 1.15rem; text-align: center; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-bottom: .4rem; }
.subtitle { text-align: center; font-style: italic; color: #444; }
.label { display: block; }
ol.ust, ol.pkt, ol.lit, ol.tiret { list-style: none; padding-left: 0; }
ol.pkt, ol.lit, ol.tiret { padding-left: 1.8rem; }
ol li > .num { display: inline-block; min-width: 1.8rem; }
.todo { font-style: italic; color: #7a4b00; }
.todo a { color: inherit; }
.to-draft .kind { font-style: italic; }
sup.ref a { text-decoration: none; font-size: .75em; }
table { border-collapse: collapse; width: 100%; font-size: .85rem; }
th, td { border: 1px solid #888; padding: .25rem .4rem; vertical-align: top; text-align: left; }
th { background: #eee; }
.notes li { font-size: .9rem; margin-bottom: .2rem; }
.back { text-decoration: none; }
@media print {
  @page { size: A4; margin: 2cm; }
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr, .notes li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; }
  .back { display: none; }
  .to-draft, .sources, .coverage, .notes { break-before: page; page-break-before: always; }
  .sources { page: wide; }
  @page wide { size: A4 landscape; }
}
"#;

pub fn write_html(w: &mut dyn Write, view: &ExportView, opts: &DocOptions) -> Result<()> {
    let doc = Document::build(view, opts)?;
    w.write_all(render_html(&doc).as_bytes())
        .map_err(super::output_error)
}

pub fn render_html(doc: &Document) -> String {
    let mut r = Renderer {
        doc,
        out: String::with_capacity(8192 + doc.sources.len() * 700),
    };
    r.run();
    r.out
}

/// HTML text escaping; also safe inside attribute values.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(ch),
        }
    }
    out
}

/// Escaped, with line breaks kept as `<br>`.
pub(crate) fn esc_lines(text: &str) -> String {
    text.lines()
        .map(|l| esc(l.trim()))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("<br>")
}

struct Renderer<'a> {
    doc: &'a Document,
    out: String,
}

impl Renderer<'_> {
    fn run(&mut self) {
        let doc = self.doc;
        let f = &doc.fixed;
        let _ = write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
            doc.lang.code(),
            esc(&f.title)
        );
        let _ = writeln!(
            self.out,
            "<header>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n</header>\n<p class=\"basis\">{}</p>",
            esc(&f.title),
            esc(&f.subtitle),
            esc(&f.legal_basis)
        );
        for ch in &doc.chapters {
            self.chapter(ch);
        }
        self.closing_parts();
        self.out.push_str("</body>\n</html>\n");
    }

    fn chapter(&mut self, ch: &Chapter) {
        self.out.push_str("<section class=\"chapter\">\n");
        if ch.label.is_some() || !ch.heading.trim().is_empty() {
            self.out.push_str("<h2>");
            if let Some(l) = &ch.label {
                let _ = write!(self.out, "<span class=\"label\">{}</span> ", esc(l));
            }
            let _ = writeln!(self.out, "{}</h2>", esc(ch.heading.trim()));
        }
        self.body(&ch.body, "p");
        let mut i = 0;
        while i < ch.provisions.len() {
            if ch.provisions[i].level == SectionLevel::Paragraph {
                self.paragraph(&ch.provisions[i]);
                i += 1;
            } else {
                // ust./pkt outside a §: keep consecutive ones in one list.
                let start = i;
                while i < ch.provisions.len() && ch.provisions[i].level != SectionLevel::Paragraph {
                    i += 1;
                }
                self.list(&ch.provisions[start..i]);
            }
        }
        self.out.push_str("</section>\n");
    }

    fn paragraph(&mut self, p: &Provision) {
        let _ = write!(
            self.out,
            "<section class=\"paragraph\">\n<h3>{}",
            esc(&p.label)
        );
        if !p.heading.trim().is_empty() {
            let _ = write!(self.out, " {}", esc(p.heading.trim()));
        }
        self.out.push_str("</h3>\n");
        self.body(&p.body, "p");
        self.list(&p.children);
        self.out.push_str("</section>\n");
    }

    fn list(&mut self, items: &[Provision]) {
        if items.is_empty() {
            return;
        }
        let class = match items[0].level {
            SectionLevel::Pkt => "pkt",
            SectionLevel::Lit => "lit",
            SectionLevel::Tiret => "tiret",
            _ => "ust",
        };
        let _ = writeln!(self.out, "<ol class=\"{class}\">");
        for p in items {
            let _ = write!(
                self.out,
                "<li><span class=\"num\">{}</span> ",
                esc(&p.label)
            );
            if !p.heading.trim().is_empty() {
                let dash = if super::docx::joins_text(&p.body) {
                    " —"
                } else {
                    ""
                };
                let _ = write!(self.out, "<em>{}</em>{dash} ", esc(p.heading.trim()));
            }
            self.body(&p.body, "span");
            self.list(&p.children);
            self.out.push_str("</li>\n");
        }
        self.out.push_str("</ol>\n");
    }

    /// `tag` is `p` for text directly under a heading, `span` inside a list item.
    fn body(&mut self, body: &Body, tag: &str) {
        let words = self.doc.lang.labels();
        match body {
            Body::Nothing => {}
            Body::ToComplete { note } => {
                let _ = write!(self.out, "<{tag} class=\"todo\">{}", esc(words.to_complete));
                self.note_ref(*note);
                let _ = writeln!(self.out, "</{tag}>");
            }
            Body::ToDraft { group, note } => {
                let _ = write!(
                    self.out,
                    "<{tag} class=\"todo\"><a href=\"#draft-{}\">{}</a>",
                    group + 1,
                    esc(words.to_draft)
                );
                self.note_ref(Some(*note));
                let _ = writeln!(self.out, "</{tag}>");
            }
            Body::Drafted { paragraphs, note } => {
                for (i, para) in paragraphs.iter().enumerate() {
                    if tag == "span" && i > 0 {
                        self.out.push_str("<br>");
                    }
                    let _ = write!(self.out, "<{tag}>{}", esc(para));
                    if i + 1 == paragraphs.len() {
                        self.note_ref(*note);
                    }
                    let _ = writeln!(self.out, "</{tag}>");
                }
            }
        }
    }

    fn note_ref(&mut self, note: Option<usize>) {
        let Some(n) = note else { return };
        let _ = write!(
            self.out,
            "<sup class=\"ref\"><a id=\"ref-{a}\" href=\"#note-{a}\">{k}</a></sup>",
            a = self.doc.notes[n].anchor,
            k = n + 1
        );
    }

    fn undrafted_part(&mut self) {
        let doc = self.doc;
        if doc.to_draft.is_empty() {
            return;
        }
        let words = doc.lang.labels();
        let _ = writeln!(
            self.out,
            "<section class=\"to-draft\">\n<h2>{}</h2>\n<p>{}</p>",
            esc(words.to_draft_heading),
            esc(words.to_draft_intro)
        );
        for (i, g) in doc.to_draft.iter().enumerate() {
            let _ = writeln!(
                self.out,
                "<h3 id=\"draft-{}\">{}</h3>\n<ul>",
                i + 1,
                esc(&super::document::group_title(g))
            );
            for item in &g.items {
                let _ = writeln!(
                    self.out,
                    "<li>{} <span class=\"kind\">({})</span>: {}</li>",
                    esc(&item.reference),
                    esc(&item.kind),
                    esc_lines(&item.text)
                );
            }
            self.out.push_str("</ul>\n");
        }
        self.out.push_str("</section>\n");
    }

    fn closing_parts(&mut self) {
        let doc = self.doc;
        let f = &doc.fixed;
        let words = doc.lang.labels();
        let _ = writeln!(
            self.out,
            "<section class=\"annexes\">\n<h2>{}</h2>\n<ul>",
            esc(&f.annexes_heading)
        );
        for a in &f.annexes {
            let _ = writeln!(self.out, "<li>{}</li>", esc(a));
        }
        self.out.push_str("</ul>\n</section>\n");
        self.undrafted_part();

        let _ = writeln!(
            self.out,
            "<section class=\"sources\">\n<h2>{}</h2>\n<table>\n<thead><tr>",
            esc(&f.sources_heading)
        );
        for h in words.source_columns() {
            let _ = write!(self.out, "<th>{}</th>", esc(h));
        }
        self.out.push_str("</tr></thead>\n<tbody>\n");
        for r in &doc.sources {
            self.out.push_str("<tr>");
            for c in r.cells() {
                let _ = write!(self.out, "<td>{}</td>", esc_lines(c));
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table>\n</section>\n");

        let c = &doc.coverage;
        let _ = writeln!(
            self.out,
            "<section class=\"coverage\">\n<h2>{}</h2>",
            esc(&f.coverage_heading)
        );
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
            let _ = writeln!(self.out, "<h3>{}</h3>\n<ul>", esc(title));
            if items.is_empty() {
                let _ = writeln!(self.out, "<li>{}</li>", esc(words.nothing));
            }
            for i in items {
                let _ = writeln!(self.out, "<li>{}</li>", esc(i));
            }
            self.out.push_str("</ul>\n");
        }
        self.out.push_str("</section>\n");

        if doc.notes.is_empty() {
            return;
        }
        let _ = writeln!(
            self.out,
            "<section class=\"notes\">\n<h2>{}</h2>\n<ol>",
            esc(words.notes_heading)
        );
        for note in &doc.notes {
            let _ = writeln!(
                self.out,
                "<li id=\"note-{a}\">{} <a class=\"back\" href=\"#ref-{a}\" title=\"{}\">↩</a></li>",
                esc(&note.text),
                esc(words.back_to_text),
                a = note.anchor,
            );
        }
        self.out.push_str("</ol>\n</section>\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("a<b & \"c\" 'd'>"),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;"
        );
        assert_eq!(esc_lines("x\n\n<y>"), "x<br>&lt;y&gt;");
    }
}
