//! The DOCX source table written as `WordprocessingML` directly. docx-rs needs over a
//! second for a 10k-row table (every cell is a large value moved and serialised through
//! a generic XML writer), so the document carries a placeholder paragraph that is
//! replaced by this markup while the package is recompressed. It also marks the header
//! row to repeat on every page, which docx-rs cannot express.

use super::document::Document;
use super::xml_text::esc;
use crate::error::{Error, Result};
use std::fmt::Write as _;

/// Text of the placeholder paragraph. U+E000 never survives [`super::xml_text::clean`],
/// so no user text can contain it.
pub(crate) const MARKER: &str = "\u{E000}narada-source-table\u{E000}";
/// Column widths (twips, ≈ 16 cm in total).
const COLUMNS: [usize; 7] = [700, 2600, 1500, 900, 1100, 1500, 800];

pub(crate) fn table_xml(doc: &Document) -> String {
    let words = doc.lang.labels();
    let mut out = String::with_capacity(2048 + doc.sources.len() * 1200);
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
    out
}

fn row(out: &mut String, cells: &[&str], style: &str, header: bool) {
    out.push_str("<w:tr>");
    if header {
        out.push_str("<w:trPr><w:tblHeader/></w:trPr>");
    }
    for (text, w) in cells.iter().zip(COLUMNS) {
        let _ = write!(
            out,
            "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr>\
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
    let mut out = String::with_capacity(document.len() + table.len());
    out.push_str(&document[..start]);
    out.push_str(table);
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
    }
}
