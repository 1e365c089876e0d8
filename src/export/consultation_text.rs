//! The consultation report as Markdown (tables only) and as one self-contained HTML page
//! (tables, with the charts drawn inline as SVG).

use super::consultation::ConsultationReport;
use super::consultation_blocks::{Block, Table};
use super::html::{CSS, esc, esc_lines};
use super::markdown::{cell, inline};
use crate::error::Result;
use crate::model::ExportView;
use std::fmt::Write as _;
use std::io::Write;

/// Additions to the documents' style sheet for the report.
const REPORT_CSS: &str = "
td.num, th.num { text-align: right; }
tr.total td { font-weight: bold; }
figure.chart { margin: 1rem 0; overflow-x: auto; }
.note { font-style: italic; color: #444; }
.swatch { display: inline-block; width: .8em; height: .8em; margin-right: .3em; border: 1px solid #555; }
";

pub fn write_consultation_report_markdown(w: &mut dyn Write, view: &ExportView) -> Result<()> {
    let r = ConsultationReport::build(view);
    w.write_all(report_markdown(&r).as_bytes())
        .map_err(super::output_error)
}

pub fn write_consultation_report_html(w: &mut dyn Write, view: &ExportView) -> Result<()> {
    let r = ConsultationReport::build(view);
    w.write_all(report_html(&r).as_bytes())
        .map_err(super::output_error)
}

pub fn report_markdown(r: &ConsultationReport) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n\n{}\n", inline(&r.title), inline(&r.subtitle));
    for b in r.blocks() {
        match b {
            Block::Heading(level, text) => {
                let _ = writeln!(
                    out,
                    "{} {}\n",
                    "#".repeat(usize::from(level) + 1),
                    inline(&text)
                );
            }
            Block::Para(text) => {
                let _ = writeln!(out, "{}\n", inline(&text));
            }
            Block::Note(text) => {
                let _ = writeln!(out, "*{}*\n", inline(&text));
            }
            // Markdown has no charts: the table after them holds the same numbers.
            Block::Chart(_) => {}
            Block::Table(t) => markdown_table(&mut out, &t),
        }
    }
    out
}

fn markdown_table(out: &mut String, t: &Table) {
    let header: Vec<String> = t.header.iter().map(|h| cell(h)).collect();
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let rule: Vec<&str> = t
        .numeric
        .iter()
        .map(|n| if *n { "---:" } else { "---" })
        .collect();
    let _ = writeln!(out, "|{}|", rule.join("|"));
    for row in &t.rows {
        let cells: Vec<String> = row.iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    if let Some(total) = &t.total {
        let cells: Vec<String> = total
            .iter()
            .map(|c| {
                if c.is_empty() {
                    String::new()
                } else {
                    format!("**{}**", cell(c))
                }
            })
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

pub fn report_html(r: &ConsultationReport) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{}</title>\n<style>{CSS}{REPORT_CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n\
         <p class=\"subtitle\">{}</p>\n",
        r.lang.code(),
        esc(&r.title),
        esc(&r.title),
        esc(&r.subtitle)
    );
    for b in r.blocks() {
        match b {
            Block::Heading(level, text) => {
                let h = level + 1;
                let _ = writeln!(out, "<h{h}>{}</h{h}>", esc(&text));
            }
            Block::Para(text) => {
                let _ = writeln!(out, "<p>{}</p>", esc(&text));
            }
            Block::Note(text) => {
                let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(&text));
            }
            Block::Chart(c) => {
                let _ = writeln!(out, "<figure class=\"chart\">{}</figure>", c.svg());
            }
            Block::Table(t) => html_table(&mut out, &t),
        }
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn html_table(out: &mut String, t: &Table) {
    let class = |i: usize| {
        if t.numeric.get(i).copied().unwrap_or(false) {
            " class=\"num\""
        } else {
            ""
        }
    };
    out.push_str("<table>\n<thead><tr>");
    for (i, h) in t.header.iter().enumerate() {
        let swatch = t
            .swatches
            .get(i)
            .copied()
            .flatten()
            .map_or_else(String::new, |c| {
                format!("<span class=\"swatch\" style=\"background:#{c}\"></span>")
            });
        let _ = write!(out, "<th{}>{swatch}{}</th>", class(i), esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let mut row = |cells: &[String], tr: &str| {
        let _ = write!(out, "<tr{tr}>");
        for (i, c) in cells.iter().enumerate() {
            let _ = write!(out, "<td{}>{}</td>", class(i), esc_lines(c));
        }
        out.push_str("</tr>\n");
    };
    for r in &t.rows {
        row(r, "");
    }
    if let Some(total) = &t.total {
        row(total, " class=\"total\"");
    }
    out.push_str("</tbody>\n</table>\n");
}
