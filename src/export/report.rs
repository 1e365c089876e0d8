//! The per-session report: what one workshop produced — counts by kind, its most
//! frequent topics, and what happened to each of its cards — in Markdown or HTML.

use super::html::{CSS, esc, esc_lines};
use super::lang::KINDS;
use super::markdown::{cell, inline};
use super::sources::{SourceRow, decision_text, session_label, source_rows};
use crate::error::{Error, Result};
use crate::model::coverage::{assess, is_default_final_chapter};
use crate::model::{CardView, ExportView, Lang, Numbering, SessionView};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;

/// Topics listed in the report at most.
const TOP_TOPICS: usize = 10;

/// The report's content, shared by both formats.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionReport {
    pub lang: Lang,
    pub title: String,
    /// Kind, date, place and participants on one line.
    pub details: String,
    pub consultation: String,
    /// (translated kind, count), kinds with no cards left out.
    pub counts: Vec<(String, usize)>,
    pub total: usize,
    /// (topic, cards of this session in it, the topic's decision).
    pub topics: Vec<(String, usize, String)>,
    pub cards: Vec<SourceRow>,
}

impl SessionReport {
    pub fn build(view: &ExportView, session_id: &str) -> Result<Self> {
        let lang = Lang::from_tag(&view.consultation.language).unwrap_or(Lang::Pl);
        let words = lang.labels();
        let session: &SessionView = view
            .sessions
            .iter()
            .find(|s| s.id == session_id)
            .ok_or_else(|| Error::NotFound(format!("no session {session_id} in the export")))?;
        // Counts are of the live cards, as the session's totals elsewhere; the list at
        // the end also has the deleted, merged and split ones with their fates.
        let mine: Vec<&CardView> = view
            .cards
            .iter()
            .filter(|c| c.session_id == session_id && c.gone.is_none())
            .collect();

        let mut details = vec![session_label(Some(session), lang)];
        if !session.place.trim().is_empty() {
            details.push(session.place.trim().to_string());
        }
        if let Some(n) = session.participants {
            details.push(format!("{n} {}", words.report_participants));
        }

        // Known kinds in their usual order, then any other stored kind as it is.
        let mut kinds: Vec<&str> = KINDS.to_vec();
        for c in &mine {
            if !kinds.contains(&c.kind.as_str()) {
                kinds.push(&c.kind);
            }
        }
        let counts: Vec<(String, usize)> = kinds
            .iter()
            .map(|k| (lang.kind(k), mine.iter().filter(|c| c.kind == *k).count()))
            .filter(|(_, n)| *n > 0)
            .collect();

        let mut per_topic: HashMap<&str, usize> = HashMap::new();
        for c in &mine {
            if let Some(t) = c.topic_id.as_deref() {
                *per_topic.entry(t).or_default() += 1;
            }
        }
        let mut topics: Vec<(String, usize, String)> = view
            .topics
            .iter()
            .filter_map(|t| {
                per_topic
                    .get(t.id.as_str())
                    .map(|&n| (t.label.clone(), n, decision_text(t.decision.as_ref(), lang)))
            })
            .collect();
        // Most cards first; ties alphabetically so the report is stable.
        topics.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        topics.truncate(TOP_TOPICS);

        let numbering = Numbering::new(&view.sections, lang);
        let by_id: HashMap<&str, &CardView> =
            view.cards.iter().map(|c| (c.id.as_str(), c)).collect();
        let assessed = assess(view, &numbering, &is_default_final_chapter);
        let cards = source_rows(view, lang, &assessed)
            .into_iter()
            .filter(|r| {
                by_id
                    .get(r.card_id.as_str())
                    .is_some_and(|c| c.session_id == session_id)
            })
            .collect();

        Ok(SessionReport {
            lang,
            title: format!("{}: {}", words.report_title, session.title),
            details: details.join(" · "),
            consultation: view.consultation.title.clone(),
            counts,
            total: mine.len(),
            topics,
            cards,
        })
    }
}

pub fn write_session_report_markdown(
    w: &mut dyn Write,
    view: &ExportView,
    session_id: &str,
) -> Result<()> {
    let r = SessionReport::build(view, session_id)?;
    w.write_all(report_markdown(&r).as_bytes())
        .map_err(super::output_error)
}

pub fn write_session_report_html(
    w: &mut dyn Write,
    view: &ExportView,
    session_id: &str,
) -> Result<()> {
    let r = SessionReport::build(view, session_id)?;
    w.write_all(report_html(&r).as_bytes())
        .map_err(super::output_error)
}

fn card_header(lang: Lang) -> [&'static str; 6] {
    let w = lang.labels();
    [
        w.col_reference,
        w.col_text,
        w.col_kind,
        w.col_topic,
        w.col_decision,
        w.col_fate,
    ]
}

fn card_cells(r: &SourceRow) -> [&str; 6] {
    [
        &r.reference,
        &r.text,
        &r.kind,
        &r.topic,
        &r.decision,
        &r.fate_text,
    ]
}

pub fn report_markdown(r: &SessionReport) -> String {
    let w = r.lang.labels();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(&r.title));
    let _ = writeln!(out, "{}\n", inline(&r.details));
    let _ = writeln!(out, "*{}*\n", inline(&r.consultation));

    let _ = writeln!(out, "## {}\n", inline(w.report_counts));
    let _ = writeln!(out, "| {} | {} |\n|---|---:|", w.col_kind, w.report_count);
    for (kind, n) in &r.counts {
        let _ = writeln!(out, "| {} | {n} |", cell(kind));
    }
    let _ = writeln!(out, "| **{}** | **{}** |\n", w.report_total, r.total);

    let _ = writeln!(out, "## {}\n", inline(w.report_topics));
    if r.topics.is_empty() {
        let _ = writeln!(out, "{}\n", w.nothing);
    } else {
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n|---|---:|---|",
            w.col_topic, w.report_count, w.col_decision
        );
        for (topic, n, decision) in &r.topics {
            let _ = writeln!(out, "| {} | {n} | {} |", cell(topic), cell(decision));
        }
        out.push('\n');
    }

    let _ = writeln!(out, "## {}\n", inline(w.report_cards));
    let header = card_header(r.lang);
    let _ = writeln!(out, "| {} |\n|{}", header.join(" | "), "---|".repeat(6));
    for row in &r.cards {
        let cells: Vec<String> = card_cells(row).iter().map(|c| cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}

pub fn report_html(r: &SessionReport) -> String {
    let w = r.lang.labels();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n\
         <p class=\"subtitle\">{}</p>\n<p class=\"subtitle\">{}</p>\n",
        r.lang.code(),
        esc(&r.title),
        esc(&r.title),
        esc(&r.details),
        esc(&r.consultation)
    );
    let _ = write!(
        out,
        "<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        esc(w.report_counts),
        esc(w.col_kind),
        esc(w.report_count)
    );
    for (kind, n) in &r.counts {
        let _ = writeln!(out, "<tr><td>{}</td><td>{n}</td></tr>", esc(kind));
    }
    let _ = write!(
        out,
        "<tr><th>{}</th><th>{}</th></tr>\n</tbody>\n</table>\n<h2>{}</h2>\n",
        esc(w.report_total),
        r.total,
        esc(w.report_topics)
    );
    if r.topics.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(w.nothing));
    } else {
        let _ = writeln!(
            out,
            "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            esc(w.col_topic),
            esc(w.report_count),
            esc(w.col_decision)
        );
        for (topic, n, decision) in &r.topics {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{n}</td><td>{}</td></tr>",
                esc(topic),
                esc(decision)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    let _ = write!(
        out,
        "<h2>{}</h2>\n<table>\n<thead><tr>",
        esc(w.report_cards)
    );
    for h in card_header(r.lang) {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &r.cards {
        out.push_str("<tr>");
        for c in card_cells(row) {
            let _ = write!(out, "<td>{}</td>", esc_lines(c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}
