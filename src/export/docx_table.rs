//! The DOCX source table written as `WordprocessingML` directly. docx-rs needs over a
//! second for a 10k-row table (every cell is a large value moved and serialised through
//! a generic XML writer), so the document carries a placeholder paragraph that is
//! replaced by this markup while the package is recompressed. It also marks the header
//! row to repeat on every page and sets the table on landscape pages of its own (section
//! breaks before and after it), which docx-rs cannot express.

use super::document::Document;
use super::docx::{A4, MARGIN};
use super::xml_text::esc;
use crate::error::{Error, Result};
use std::fmt::Write as _;

/// Text of the placeholder paragraph. U+E000 never survives [`super::xml_text::clean`],
/// so no user text can contain it.
pub(crate) const MARKER: &str = "\u{E000}narada-source-table\u{E000}";
/// Column widths (twips, ≈ 24.7 cm in total: landscape A4 less the margins).
const COLUMNS: [usize; 7] = [900, 3400, 1900, 1300, 1450, 3550, 1500];

/// Stands where [`splice`] puts the document's footer reference, so every section shows
/// the page number (`LibreOffice` gives a section without a reference no footer).
const FOOTER_SLOT: &str = "\u{E000}narada-footer\u{E000}";

/// The end of a section: `landscape` for the table's, else the portrait text before it.
fn section_break(landscape: bool) -> String {
    let (w, h) = if landscape { (A4.1, A4.0) } else { A4 };
    let orient = if landscape {
        " w:orient=\"landscape\""
    } else {
        ""
    };
    format!(
        "<w:p><w:pPr><w:sectPr>{FOOTER_SLOT}<w:type w:val=\"nextPage\"/>\
         <w:pgSz w:w=\"{w}\" w:h=\"{h}\"{orient}/>\
         <w:pgMar w:top=\"{MARGIN}\" w:right=\"{MARGIN}\" w:bottom=\"{MARGIN}\" \
         w:left=\"{MARGIN}\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/>\
         </w:sectPr></w:pPr></w:p>"
    )
}

/// The source table under its heading, on landscape pages between two section breaks.
pub(crate) fn table_xml(doc: &Document, heading: &str) -> String {
    let words = doc.lang.labels();
    let mut out = String::with_capacity(2048 + doc.sources.len() * 1200);
    out.push_str(&section_break(false));
    let _ = write!(
        out,
        "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:keepNext/></w:pPr><w:r>\
         <w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        esc(heading)
    );
    let width: usize = COLUMNS.iter().sum();
    let _ = write!(
        out,
        "<w:tbl><w:tblPr><w:tblW w:w=\"{width}\" w:type=\"dxa\"/><w:tblBorders>"
    );
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(
            out,
            "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        );
    }
    out.push_str(
        "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar>\
         <w:left w:w=\"70\" w:type=\"dxa\"/><w:right w:w=\"70\" w:type=\"dxa\"/>\
         </w:tblCellMar></w:tblPr><w:tblGrid>",
    );
    for w in COLUMNS {
        let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
    }
    out.push_str("</w:tblGrid>");
    let header = words.source_columns();
    row(&mut out, &header, "TableHeading", true);
    for r in &doc.sources {
        let cells = r.cells();
        row(&mut out, &cells, "TableText", false);
    }
    out.push_str("</w:tbl>");
    out.push_str(&section_break(true));
    out
}

fn row(out: &mut String, cells: &[&str], style: &str, header: bool) {
    let shade = if header {
        "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"E6E6E6\"/>"
    } else {
        ""
    };
    out.push_str("<w:tr>");
    if header {
        out.push_str("<w:trPr><w:tblHeader/></w:trPr>");
    }
    for (text, w) in cells.iter().zip(COLUMNS) {
        let _ = write!(
            out,
            "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{shade}</w:tcPr>\
             <w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr><w:r>"
        );
        let lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        for (i, line) in lines.enumerate() {
            if i > 0 {
                out.push_str("<w:br/>");
            }
            let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t>", esc(line));
        }
        out.push_str("</w:r></w:p></w:tc>");
    }
    out.push_str("</w:tr>");
}

/// Replaces the paragraph holding [`MARKER`] in `document.xml` with `table`.
pub(crate) fn splice(document: &str, table: &str) -> Result<String> {
    let missing = || Error::Invalid("DOCX: the source table placeholder is missing".into());
    let at = document.find(MARKER).ok_or_else(missing)?;
    let before = &document[..at];
    // The paragraph starts at the last `<w:p>` or `<w:p …>` (not `<w:pPr>`) before it.
    let start = before
        .rmatch_indices("<w:p")
        .map(|(i, _)| i)
        .find(|&i| matches!(before.as_bytes().get(i + 4), Some(b' ' | b'>')))
        .ok_or_else(missing)?;
    let end = document[at..]
        .find("</w:p>")
        .map(|i| at + i + "</w:p>".len())
        .ok_or_else(missing)?;
    let footer = document
        .find("<w:footerReference")
        .and_then(|i| document[i..].find("/>").map(|j| &document[i..i + j + 2]))
        .unwrap_or("");
    let mut out = String::with_capacity(document.len() + table.len());
    out.push_str(&document[..start]);
    out.push_str(&table.replace(FOOTER_SLOT, footer));
    out.push_str(&document[end..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splice_replaces_only_the_placeholder_paragraph() {
        let doc = format!(
            "<w:body><w:p w14:paraId=\"1\"><w:pPr/><w:r><w:t>a</w:t></w:r></w:p>\
             <w:p w14:paraId=\"2\"><w:pPr><w:pStyle w:val=\"Normal\"/></w:pPr><w:r><w:t>{MARKER}</w:t></w:r></w:p>\
             <w:p><w:r><w:t>b</w:t></w:r></w:p></w:body>"
        );
        let out = splice(&doc, "<w:tbl/>").unwrap();
        assert_eq!(
            out,
            "<w:body><w:p w14:paraId=\"1\"><w:pPr/><w:r><w:t>a</w:t></w:r></w:p>\
             <w:tbl/><w:p><w:r><w:t>b</w:t></w:r></w:p></w:body>"
        );
        assert!(splice("<w:body/>", "<w:tbl/>").is_err());
        let with_footer = format!(
            "<w:p><w:r><w:t>{MARKER}</w:t></w:r></w:p>\
             <w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\" /></w:sectPr>"
        );
        let out = splice(&with_footer, &format!("<w:sectPr>{FOOTER_SLOT}</w:sectPr>")).unwrap();
        assert!(out.starts_with(
            "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\" /></w:sectPr>"
        ));
    }
}
