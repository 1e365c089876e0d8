//! The consultation report as `OpenDocument` Text, with the draft's styles: headings,
//! tables (header rows repeated on each page) and each chart as an SVG picture with its
//! labels (a PNG beside it as the fallback image), followed by the table holding its
//! labels and numbers.

use super::consultation::ConsultationReport;
use super::consultation_blocks::{Block, Table};
use super::odt::{MIMETYPE, STYLES};
use super::png::{Png, chart_png};
use super::xml_text::esc;
use crate::error::{Error, Result};
use crate::model::ExportView;
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::{Cursor, Write};
use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

/// Text width of the page, in cm.
const TEXT_CM: f64 = 17.0;
/// A chart picture's width, in cm.
const CHART_CM: f64 = 14.0;

const NAMESPACES: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0""#;

pub fn write_consultation_report_odt(w: &mut dyn Write, view: &ExportView) -> Result<()> {
    let bytes = render_report_odt(&ConsultationReport::build(view))?;
    w.write_all(&bytes).map_err(super::output_error)
}

pub fn render_report_odt(r: &ConsultationReport) -> Result<Vec<u8>> {
    let mut body = String::new();
    let mut images: Vec<(String, Png)> = Vec::new();
    let mut tables = 0;
    let mut swatches = BTreeSet::new();
    let mut columns = String::new();
    let note = r.lang.report_labels().chart_note;
    p(&mut body, "Title", &r.title);
    p(&mut body, "Subtitle", &r.subtitle);
    for b in r.blocks() {
        match b {
            Block::Heading(level, text) => {
                let _ = writeln!(
                    body,
                    "<text:h text:style-name=\"Heading_20_{level}\" text:outline-level=\"{level}\">{}</text:h>",
                    text_xml(&text)
                );
            }
            Block::Para(text) => p(&mut body, "Text_20_body", &text),
            Block::Note(text) => p(&mut body, "Note", &text),
            Block::Chart(c) => {
                // The SVG, with its labels, is what LibreOffice shows; the PNG is the
                // fallback for readers without SVG.
                let (w, h) = c.svg_size();
                let height = CHART_CM * f64::from(h) / f64::from(w.max(1));
                images.push((c.svg(), chart_png(&c)));
                let n = images.len();
                let _ = writeln!(
                    body,
                    "<text:p text:style-name=\"Chart\"><draw:frame draw:name=\"chart{n}\" \
                     text:anchor-type=\"as-char\" svg:width=\"{CHART_CM}cm\" svg:height=\"{height:.2}cm\">\
                     <draw:image xlink:href=\"Pictures/chart{n}.svg\" xlink:type=\"simple\" \
                     xlink:show=\"embed\" xlink:actuate=\"onLoad\" draw:mime-type=\"image/svg+xml\"/>\
                     <draw:image xlink:href=\"Pictures/chart{n}.png\" xlink:type=\"simple\" \
                     xlink:show=\"embed\" xlink:actuate=\"onLoad\" draw:mime-type=\"image/png\"/>\
                     <svg:title>{}</svg:title></draw:frame></text:p>",
                    esc(&c.title)
                );
                p(&mut body, "Note", note);
            }
            Block::Table(t) => {
                tables += 1;
                swatches.extend(t.swatches.iter().flatten().copied());
                columns.push_str(&column_styles(tables, &t));
                table(&mut body, tables, &t);
            }
        }
    }
    let mut content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content {NAMESPACES} \
         office:version=\"1.3\">\n<office:automatic-styles>\n\
         <style:style style:name=\"Report\" style:family=\"table\"><style:table-properties \
         style:width=\"{TEXT_CM}cm\" table:align=\"margins\"/></style:style>\n\
         <style:style style:name=\"Report.cell\" style:family=\"table-cell\"><style:table-cell-properties \
         fo:border=\"0.5pt solid #888888\" fo:padding=\"0.06cm\"/></style:style>\n\
         <style:style style:name=\"Report.head\" style:family=\"table-cell\"><style:table-cell-properties \
         fo:background-color=\"#eeeeee\" fo:border=\"0.5pt solid #888888\" fo:padding=\"0.06cm\"/></style:style>\n\
         <style:style style:name=\"Num\" style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\">\
         <style:paragraph-properties fo:text-align=\"end\"/></style:style>\n\
         <style:style style:name=\"Total\" style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\">\
         <style:text-properties fo:font-weight=\"bold\"/></style:style>\n\
         <style:style style:name=\"NumTotal\" style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\">\
         <style:paragraph-properties fo:text-align=\"end\"/><style:text-properties fo:font-weight=\"bold\"/></style:style>\n\
         <style:style style:name=\"NumHead\" style:family=\"paragraph\" style:parent-style-name=\"Table_20_Heading\">\
         <style:paragraph-properties fo:text-align=\"end\"/></style:style>\n\
         <style:style style:name=\"Note\" style:family=\"paragraph\" style:parent-style-name=\"Text_20_body\">\
         <style:text-properties fo:font-style=\"italic\" fo:font-size=\"10pt\"/></style:style>\n\
         <style:style style:name=\"Chart\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">\
         <style:paragraph-properties fo:text-align=\"center\" fo:keep-with-next=\"always\"/></style:style>\n"
    );
    for c in &swatches {
        let _ = writeln!(
            content,
            "<style:style style:name=\"Swatch{c}\" style:family=\"text\"><style:text-properties fo:color=\"#{c}\"/></style:style>"
        );
    }
    content.push_str(&columns);
    content.push_str("</office:automatic-styles>\n<office:body>\n<office:text>\n");
    content.push_str(&body);
    content.push_str("</office:text>\n</office:body>\n</office:document-content>\n");

    let mut manifest = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<manifest:manifest \
         xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">\n\
         <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>\n\
         <manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n\
         <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n",
    );
    for n in 1..=images.len() {
        let _ = writeln!(
            manifest,
            "<manifest:file-entry manifest:full-path=\"Pictures/chart{n}.svg\" manifest:media-type=\"image/svg+xml\"/>\n\
             <manifest:file-entry manifest:full-path=\"Pictures/chart{n}.png\" manifest:media-type=\"image/png\"/>"
        );
    }
    manifest.push_str("</manifest:manifest>\n");

    let err = |e: &dyn std::fmt::Display| Error::Invalid(format!("could not write ODT: {e}"));
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    // ODF requires `mimetype` first and uncompressed.
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    z.start_file("mimetype", stored).map_err(|e| err(&e))?;
    z.write_all(MIMETYPE.as_bytes()).map_err(|e| err(&e))?;
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("META-INF/manifest.xml".into(), manifest.into_bytes()),
        ("styles.xml".into(), STYLES.into()),
        ("content.xml".into(), content.into_bytes()),
    ];
    for (i, (svg, png)) in images.into_iter().enumerate() {
        let svg = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}\n");
        parts.push((format!("Pictures/chart{}.svg", i + 1), svg.into_bytes()));
        parts.push((format!("Pictures/chart{}.png", i + 1), png.bytes));
    }
    for (name, bytes) in parts {
        z.start_file(name, deflated).map_err(|e| err(&e))?;
        z.write_all(&bytes).map_err(|e| err(&e))?;
    }
    Ok(z.finish().map_err(|e| err(&e))?.into_inner())
}

/// Escaped text with line breaks as ODF elements.
fn text_xml(s: &str) -> String {
    s.lines()
        .map(|l| esc(l.trim()))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("<text:line-break/>")
}

fn p(out: &mut String, style: &str, text: &str) {
    let _ = writeln!(
        out,
        "<text:p text:style-name=\"{style}\">{}</text:p>",
        text_xml(text)
    );
}

/// Column widths of the `n`th table as automatic styles `Report{n}.C{i}`.
fn column_styles(n: usize, t: &Table) -> String {
    let sum: u32 = t.weights.iter().sum::<u32>().max(1);
    let mut out = String::new();
    for (i, w) in t.weights.iter().enumerate() {
        let cm = TEXT_CM * f64::from(*w) / f64::from(sum);
        let _ = writeln!(
            out,
            "<style:style style:name=\"Report{n}.C{i}\" style:family=\"table-column\">\
             <style:table-column-properties style:column-width=\"{cm:.2}cm\"/></style:style>"
        );
    }
    out
}

fn table(out: &mut String, n: usize, t: &Table) {
    let _ = writeln!(
        out,
        "<table:table table:name=\"Table{n}\" table:style-name=\"Report\">"
    );
    for i in 0..t.header.len() {
        let _ = writeln!(
            out,
            "<table:table-column table:style-name=\"Report{n}.C{i}\"/>"
        );
    }
    out.push_str("<table:table-header-rows>");
    row(out, t, &t.header, Row::Header);
    out.push_str("</table:table-header-rows>\n");
    for r in &t.rows {
        row(out, t, r, Row::Body);
    }
    if let Some(total) = &t.total {
        row(out, t, total, Row::Total);
    }
    out.push_str("</table:table>\n");
}

#[derive(Clone, Copy, PartialEq)]
enum Row {
    Header,
    Body,
    Total,
}

fn row(out: &mut String, t: &Table, cells: &[String], kind: Row) {
    out.push_str("<table:table-row>");
    for (i, c) in cells.iter().enumerate() {
        let numeric = t.numeric.get(i).copied().unwrap_or(false);
        let (cell, style) = match (kind, numeric) {
            (Row::Header, false) => ("Report.head", "Table_20_Heading"),
            (Row::Header, true) => ("Report.head", "NumHead"),
            (Row::Body, false) => ("Report.cell", "Table_20_Contents"),
            (Row::Body, true) => ("Report.cell", "Num"),
            (Row::Total, false) => ("Report.cell", "Total"),
            (Row::Total, true) => ("Report.cell", "NumTotal"),
        };
        let swatch = match (kind, t.swatches.get(i).copied().flatten()) {
            (Row::Header, Some(color)) => {
                format!("<text:span text:style-name=\"Swatch{color}\">■</text:span> ")
            }
            _ => String::new(),
        };
        let _ = write!(
            out,
            "<table:table-cell table:style-name=\"{cell}\" office:value-type=\"string\">\
             <text:p text:style-name=\"{style}\">{swatch}{}</text:p></table:table-cell>",
            text_xml(c)
        );
    }
    out.push_str("</table:table-row>\n");
}
