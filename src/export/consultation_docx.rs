//! The consultation report as Word (DOCX), written as `WordprocessingML` directly: docx-rs
//! is built without its image support (it pulls in a whole image-decoding stack), and a
//! report needs little more than headings, tables and the chart pictures. Each chart is
//! a PNG from [`super::png`], followed by the table holding its labels and numbers.

use super::consultation::ConsultationReport;
use super::consultation_blocks::{Block, Table};
use super::png::{Png, chart_png};
use super::xml_text::esc;
use crate::error::{Error, Result};
use crate::model::ExportView;
use std::fmt::Write as _;
use std::io::{Cursor, Write};
use zip::write::{SimpleFileOptions, ZipWriter};

/// Text width of an A4 page with 2 cm margins, in twentieths of a point.
const TEXT_TWIPS: u32 = 9638;
/// A chart picture's width on the page, in EMU (14 cm).
const CHART_EMU: u64 = 5_040_000;

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:sz w:val="22"/><w:lang w:val="pl-PL"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="30"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:i/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="360"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="200"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:i/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Contents"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/></w:pPr><w:rPr><w:i/><w:sz w:val="18"/></w:rPr></w:style></w:styles>
"#;

const DOCUMENT_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture""#;

pub fn write_consultation_report_docx(w: &mut dyn Write, view: &ExportView) -> Result<()> {
    let bytes = render_report_docx(&ConsultationReport::build(view))?;
    w.write_all(&bytes).map_err(super::output_error)
}

pub fn render_report_docx(r: &ConsultationReport) -> Result<Vec<u8>> {
    let mut body = String::new();
    para(&mut body, "Title", &r.title);
    para(&mut body, "Subtitle", &r.subtitle);
    let mut images: Vec<Png> = Vec::new();
    let note = r.lang.report_labels().chart_note;
    for b in r.blocks() {
        match b {
            Block::Heading(level, text) => para(&mut body, &format!("Heading{level}"), &text),
            Block::Para(text) => para(&mut body, "Normal", &text),
            Block::Note(text) => para(&mut body, "Caption", &text),
            Block::Chart(c) => {
                let png = chart_png(&c);
                images.push(png);
                let n = images.len();
                para(&mut body, "Heading3", &c.title);
                picture(&mut body, n, &images[n - 1], &c.title);
                para(&mut body, "Caption", note);
            }
            Block::Table(t) => table(&mut body, &t),
        }
    }
    let mut rels = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships \
         xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>",
    );
    for n in 1..=images.len() {
        let _ = write!(
            rels,
            "<Relationship Id=\"rIdChart{n}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/chart{n}.png\"/>"
        );
    }
    rels.push_str("</Relationships>\n");
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document {DOCUMENT_NS}>\
         <w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" \
         w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"709\" w:footer=\"709\" \
         w:gutter=\"0\"/></w:sectPr></w:body></w:document>\n"
    );
    let err =
        |e: &dyn std::fmt::Display| Error::Invalid(format!("could not write the DOCX file: {e}"));
    let mut z = ZipWriter::new(Cursor::new(Vec::new()));
    let deflated =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), CONTENT_TYPES.into()),
        ("_rels/.rels".into(), PACKAGE_RELS.into()),
        ("word/_rels/document.xml.rels".into(), rels.into_bytes()),
        ("word/styles.xml".into(), STYLES.into()),
        ("word/document.xml".into(), document.into_bytes()),
    ];
    for (i, png) in images.into_iter().enumerate() {
        parts.push((format!("word/media/chart{}.png", i + 1), png.bytes));
    }
    for (name, bytes) in parts {
        z.start_file(name, deflated).map_err(|e| err(&e))?;
        z.write_all(&bytes).map_err(|e| err(&e))?;
    }
    Ok(z.finish().map_err(|e| err(&e))?.into_inner())
}

/// A paragraph of `style`, its lines joined by breaks.
fn para(out: &mut String, style: &str, text: &str) {
    let _ = write!(out, "<w:p><w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>");
    runs(out, text, false);
    out.push_str("</w:p>");
}

fn runs(out: &mut String, text: &str, bold: bool) {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    let _ = write!(out, "<w:r>{props}");
    for (i, line) in text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
    {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t>", esc(line));
    }
    out.push_str("</w:r>");
}

/// The `n`th chart picture, inline and centred, 14 cm wide.
fn picture(out: &mut String, n: usize, png: &Png, title: &str) {
    let cx = CHART_EMU;
    let cy = CHART_EMU * u64::from(png.height) / u64::from(png.width.max(1));
    let _ = write!(
        out,
        "<w:p><w:pPr><w:keepNext/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>\
         <wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/>\
         <wp:docPr id=\"{n}\" name=\"chart{n}\" descr=\"{alt}\"/><wp:cNvGraphicFramePr>\
         <a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic>\
         <a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>\
         <pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"chart{n}.png\" descr=\"{alt}\"/><pic:cNvPicPr/></pic:nvPicPr>\
         <pic:blipFill><a:blip r:embed=\"rIdChart{n}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
         <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
         <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData>\
         </a:graphic></wp:inline></w:drawing></w:r></w:p>",
        alt = esc(title)
    );
}

fn table(out: &mut String, t: &Table) {
    let sum: u32 = t.weights.iter().sum::<u32>().max(1);
    let widths: Vec<u32> = t.weights.iter().map(|w| TEXT_TWIPS * w / sum).collect();
    let _ = write!(
        out,
        "<w:tbl><w:tblPr><w:tblW w:w=\"{TEXT_TWIPS}\" w:type=\"dxa\"/><w:tblBorders>"
    );
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        let _ = write!(
            out,
            "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"888888\"/>"
        );
    }
    out.push_str(
        "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"70\" \
         w:type=\"dxa\"/><w:right w:w=\"70\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>",
    );
    for w in &widths {
        let _ = write!(out, "<w:gridCol w:w=\"{w}\"/>");
    }
    out.push_str("</w:tblGrid>");
    row(out, t, &widths, &t.header, Kind::Header);
    for r in &t.rows {
        row(out, t, &widths, r, Kind::Body);
    }
    if let Some(total) = &t.total {
        row(out, t, &widths, total, Kind::Total);
    }
    out.push_str("</w:tbl><w:p/>");
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Header,
    Body,
    Total,
}

fn row(out: &mut String, t: &Table, widths: &[u32], cells: &[String], kind: Kind) {
    out.push_str("<w:tr>");
    if kind == Kind::Header {
        out.push_str("<w:trPr><w:tblHeader/></w:trPr>");
    }
    for (i, (text, w)) in cells.iter().zip(widths).enumerate() {
        let shade = if kind == Kind::Header {
            "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EEEEEE\"/>"
        } else {
            ""
        };
        let align = if t.numeric.get(i).copied().unwrap_or(false) {
            "<w:jc w:val=\"right\"/>"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/>{shade}</w:tcPr><w:p><w:pPr>\
             <w:pStyle w:val=\"TableText\"/>{align}</w:pPr>"
        );
        if let (Kind::Header, Some(color)) = (kind, t.swatches.get(i).copied().flatten()) {
            let _ = write!(
                out,
                "<w:r><w:rPr><w:color w:val=\"{color}\"/></w:rPr><w:t xml:space=\"preserve\">■ </w:t></w:r>"
            );
        }
        runs(out, text, kind != Kind::Body);
        out.push_str("</w:p></w:tc>");
    }
    out.push_str("</w:tr>");
}
