//! GitHub-flavoured Markdown rendering of the draft resolution: headings for chapters and
//! §, nested lists for ust. and pkt, one footnote per provision for its sources, the
//! undrafted recommendations in a part of their own, a pipe table for the sources.

use super::document::{Body, Chapter, DocOptions, Document, Provision};
use super::notes::Note;
use crate::error::Result;
use crate::model::{ExportView, SectionLevel};
use std::fmt::Write as _;
use std::io::Write;

pub fn write_markdown(w: &mut dyn Write, view: &ExportView, opts: &DocOptions) -> Result<()> {
    let doc = Document::build(view, opts)?;
    w.write_all(render_markdown(&doc).as_bytes())
        .map_err(super::output_error)
}

pub fn render_markdown(doc: &Document) -> String {
    let mut out = String::with_capacity(4096 + doc.sources.len() * 400);
    let f = &doc.fixed;
    let _ = writeln!(out, "# {}\n", inline(&f.title));
    let _ = writeln!(out, "*{}*\n", inline(&f.subtitle));
    let _ = writeln!(out, "{}\n", block(&f.legal_basis));
    for ch in &doc.chapters {
        chapter(&mut out, doc, ch);
    }
    closing_parts(&mut out, doc);
    out
}

fn chapter(out: &mut String, doc: &Document, ch: &Chapter) {
    let title = match (&ch.label, ch.heading.trim()) {
        (Some(l), "") => l.clone(),
        (Some(l), h) => format!("{l}. {h}"),
        (None, h) => h.to_string(),
    };
    if !title.is_empty() {
        let _ = writeln!(out, "## {}\n", inline(&title));
    }
    for b in body_blocks(doc, &ch.body) {
        let _ = writeln!(out, "{b}\n");
    }
    for p in &ch.provisions {
        if p.level == SectionLevel::Paragraph {
            paragraph(out, doc, p);
        } else {
            list_item(out, doc, p, "");
            out.push('\n');
        }
    }
}

/// A § is a heading; its own text follows as paragraphs and its ust./pkt as lists.
fn paragraph(out: &mut String, doc: &Document, p: &Provision) {
    let title = if p.heading.trim().is_empty() {
        p.label.clone()
    } else {
        format!("{} {}", p.label, p.heading.trim())
    };
    let _ = writeln!(out, "### {}\n", inline(&title));
    for b in body_blocks(doc, &p.body) {
        let _ = writeln!(out, "{b}\n");
    }
    if !p.children.is_empty() {
        for c in &p.children {
            list_item(out, doc, c, "");
        }
        out.push('\n');
    }
}

/// One ust. or pkt as a list item with an explicit number; its children nest under it.
/// Markdown has no list marker for `a)` or `–`, so a lit. or tiret is a paragraph of
/// its own inside the pkt's item, led by its label.
fn list_item(out: &mut String, doc: &Document, p: &Provision, indent: &str) {
    let mut blocks = body_blocks(doc, &p.body);
    if !p.heading.trim().is_empty() {
        let heading = format!("*{}*", inline(&p.heading));
        // The heading leads the text on one line; a list of cards goes below it.
        match blocks.first_mut() {
            Some(first) if !first.starts_with("- ") => *first = format!("{heading} — {first}"),
            _ => blocks.insert(0, heading),
        }
    }
    let paragraph = matches!(p.level, SectionLevel::Lit | SectionLevel::Tiret);
    if paragraph {
        // A blank line ends the text above, so this starts a paragraph of the item.
        out.push('\n');
    }
    // `1.` and `1)` are both list markers; the content lines up after marker and space.
    let inner = if paragraph {
        indent.to_owned()
    } else {
        format!("{indent}{}", " ".repeat(p.label.len() + 1))
    };
    let mut first = true;
    for b in blocks {
        for line in b.lines() {
            if first {
                let _ = writeln!(out, "{indent}{} {line}", p.label);
                first = false;
            } else {
                let _ = writeln!(out, "{inner}{line}");
            }
        }
    }
    if first {
        let _ = writeln!(out, "{indent}{}", p.label);
    }
    for c in &p.children {
        list_item(out, doc, c, &inner);
    }
}

fn body_blocks(doc: &Document, body: &Body) -> Vec<String> {
    let words = doc.lang.labels();
    let placeholder = |text: &str| format!("*{}*{}", inline(text), note_ref(doc, body.note()));
    match body {
        Body::Nothing => vec![],
        Body::ToComplete { .. } => vec![placeholder(words.to_complete)],
        Body::ToDraft { .. } => vec![placeholder(words.to_draft)],
        Body::Drafted { paragraphs, note } => {
            let mut blocks: Vec<String> = paragraphs.iter().map(|p| block(p)).collect();
            if let Some(last) = blocks.last_mut() {
                last.push_str(&note_ref(doc, *note));
            }
            blocks
        }
    }
}

fn note_ref(doc: &Document, note: Option<usize>) -> String {
    note.and_then(|n| doc.notes.get(n))
        .map(|n: &Note| format!("[^{}]", n.anchor))
        .unwrap_or_default()
}

/// The undrafted recommendations, grouped under the unit they belong to.
fn undrafted_part(out: &mut String, doc: &Document) {
    if doc.to_draft.is_empty() {
        return;
    }
    let words = doc.lang.labels();
    let _ = writeln!(
        out,
        "## {}
",
        inline(words.to_draft_heading)
    );
    let _ = writeln!(out, "{}\n", block(words.to_draft_intro));
    for g in &doc.to_draft {
        let _ = writeln!(out, "### {}\n", inline(&super::document::group_title(g)));
        for i in &g.items {
            let _ = writeln!(
                out,
                "- {} ({}): {}",
                inline(&i.reference),
                inline(&i.kind),
                inline(&i.text)
            );
        }
        out.push('\n');
    }
}

fn closing_parts(out: &mut String, doc: &Document) {
    let f = &doc.fixed;
    let words = doc.lang.labels();
    let _ = writeln!(out, "## {}\n", inline(&f.annexes_heading));
    for a in &f.annexes {
        let _ = writeln!(out, "- {}", inline(a));
    }
    out.push('\n');
    undrafted_part(out, doc);

    let _ = writeln!(out, "## {}\n", inline(&f.sources_heading));
    let header = words.source_columns();
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(header.len()));
    for r in &doc.sources {
        let cells = r.cells();
        let cells: Vec<String> = cells.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');

    let c = &doc.coverage;
    let _ = writeln!(out, "## {}\n", inline(&f.coverage_heading));
    for (title, items) in [
        (words.uncovered, &c.uncovered),
        (words.empty_provisions, &c.empty_provisions),
        (words.unused_adopted, &c.unused_adopted),
        (words.card_fates, &c.fates),
    ] {
        let _ = writeln!(out, "### {}\n", inline(title));
        if items.is_empty() {
            let _ = writeln!(out, "- {}", words.nothing);
        }
        for i in items {
            let _ = writeln!(out, "- {}", inline(i));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "### {}\n", inline(words.undecided_cards));
    if c.undecided.is_empty() {
        let _ = writeln!(out, "{}\n", words.nothing);
    } else {
        let _ = writeln!(out, "{}\n", inline(&c.undecided.join(", ")));
    }

    for n in &doc.notes {
        let _ = writeln!(out, "[^{}]: {}", n.anchor, inline(&n.text));
    }
}

/// Text on one line: Markdown syntax characters escaped, line breaks folded to spaces.
pub(crate) fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for ch in word.chars() {
            if matches!(
                ch,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#'
            ) {
                out.push('\\');
            }
            out.push(ch);
        }
    }
    out
}

/// A paragraph of its own: like [`inline`], and a leading list or heading marker is
/// escaped so the text stays a paragraph.
fn block(text: &str) -> String {
    let s = inline(text);
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    let after = s[digits..].chars().next();
    if digits > 0 && matches!(after, Some('.' | ')')) {
        format!("{}\\{}", &s[..digits], &s[digits..])
    } else if s.starts_with(['-', '+', '=']) {
        format!("\\{s}")
    } else {
        s
    }
}

/// A table cell: pipes escaped and line breaks kept as `<br>`.
pub(crate) fn cell(text: &str) -> String {
    text.lines()
        .map(inline)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("<br>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping() {
        assert_eq!(inline("a | b *c*\nd"), "a \\| b \\*c\\* d");
        assert_eq!(block("12. rok"), "12\\. rok");
        assert_eq!(block("- nie lista"), "\\- nie lista");
        assert_eq!(cell("jeden | dwa\ntrzy"), "jeden \\| dwa<br>trzy");
    }
}
