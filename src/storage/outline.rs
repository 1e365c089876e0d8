//! The resolution outline: chapters, §, ust., pkt, lit. and tirets, and the topics and cards mapped to
//! them. A consultation gets the default skeleton the first time its outline is used.

use super::{Store, consultation};
use crate::error::{Error, Result};
use crate::model::outline::DEFAULT_CHAPTERS;
use crate::model::{Lang, Numbering, SectionLevel, SectionView, new_id};
use rusqlite::{Connection, params};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionRow {
    pub id: String,
    pub parent_id: Option<String>,
    pub level: SectionLevel,
    pub position: i64,
    pub depth: usize,
    /// "Rozdział 2", "§ 5", "§ 5 ust. 1 pkt 2" — computed from the order.
    pub citation: String,
    pub heading: String,
    pub draft_text: String,
    pub topic_ids: Vec<String>,
    pub card_ids: Vec<String>,
}

use crate::model::MapTarget;

fn insert_section(
    conn: &Connection,
    cid: &str,
    parent: Option<&str>,
    level: SectionLevel,
    position: i64,
    heading: &str,
) -> rusqlite::Result<String> {
    let id = new_id();
    conn.execute(
        "INSERT INTO outline_section (id, consultation_id, parent_id, level, position, heading)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, cid, parent, level.name(), position, heading],
    )?;
    Ok(id)
}

/// Creates the default skeleton in the consultation's language if it has no outline yet.
pub(super) fn ensure_skeleton(conn: &Connection) -> rusqlite::Result<String> {
    let cid = consultation::ensure(conn)?;
    let count: i64 = conn.query_row(
        "SELECT count(*) FROM outline_section WHERE consultation_id = ?1",
        [&cid],
        |r| r.get(0),
    )?;
    if count > 0 {
        return Ok(cid);
    }
    let lang: String = conn.query_row(
        "SELECT language FROM consultation WHERE id = ?1",
        [&cid],
        |r| r.get(0),
    )?;
    for (i, ch) in DEFAULT_CHAPTERS.iter().enumerate() {
        let chapter = insert_section(
            conn,
            &cid,
            None,
            SectionLevel::Chapter,
            i as i64,
            ch.heading(&lang),
        )?;
        for (j, heading) in ch.paragraph_headings(&lang).into_iter().enumerate() {
            insert_section(
                conn,
                &cid,
                Some(&chapter),
                SectionLevel::Paragraph,
                j as i64,
                heading,
            )?;
        }
    }
    Ok(cid)
}

/// Loads the outline in document order (depth-first by position).
pub(super) fn load(conn: &Connection, cid: &str, lang: &str) -> rusqlite::Result<Vec<SectionRow>> {
    let mut st = conn.prepare(
        "SELECT id, parent_id, level, position, heading, draft_text FROM outline_section
         WHERE consultation_id = ?1 ORDER BY position, id",
    )?;
    let mut children: BTreeMap<Option<String>, Vec<SectionRow>> = BTreeMap::new();
    for row in st.query_map([cid], |r| {
        let level: String = r.get(2)?;
        Ok(SectionRow {
            id: r.get(0)?,
            parent_id: r.get(1)?,
            level: SectionLevel::parse(&level).unwrap_or(SectionLevel::Pkt),
            position: r.get(3)?,
            depth: 0,
            citation: String::new(),
            heading: r.get(4)?,
            draft_text: r.get(5)?,
            topic_ids: Vec::new(),
            card_ids: Vec::new(),
        })
    })? {
        let row = row?;
        children.entry(row.parent_id.clone()).or_default().push(row);
    }
    let mut links =
        conn.prepare("SELECT section_id, topic_id, card_id FROM section_link ORDER BY rowid")?;
    let mut topic_links: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut card_links: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for link in links.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, Option<String>>(2)?,
        ))
    })? {
        let (section, topic, card) = link?;
        if let Some(t) = topic {
            topic_links.entry(section.clone()).or_default().push(t);
        }
        if let Some(c) = card {
            card_links.entry(section).or_default().push(c);
        }
    }
    let mut out = Vec::new();
    let mut stack: Vec<(SectionRow, usize)> = children
        .remove(&None)
        .unwrap_or_default()
        .into_iter()
        .rev()
        .map(|r| (r, 0))
        .collect();
    while let Some((mut row, depth)) = stack.pop() {
        row.depth = depth;
        row.topic_ids = topic_links.remove(&row.id).unwrap_or_default();
        row.card_ids = card_links.remove(&row.id).unwrap_or_default();
        if let Some(kids) = children.remove(&Some(row.id.clone())) {
            stack.extend(kids.into_iter().rev().map(|k| (k, depth + 1)));
        }
        out.push(row);
    }
    // The document's own numbering, so lists and exports cite sections alike.
    let numbering = Numbering::new(
        &nest(&out, &BTreeMap::new()),
        Lang::from_tag(lang).unwrap_or(Lang::Pl),
    );
    for row in &mut out {
        row.citation = numbering.citation(&row.id).unwrap_or_default().to_owned();
    }
    Ok(out)
}

/// Nests the flat, depth-annotated outline into a tree.
pub(super) fn nest(
    rows: &[SectionRow],
    sources: &BTreeMap<String, Vec<String>>,
) -> Vec<SectionView> {
    fn build(
        rows: &[SectionRow],
        at: &mut usize,
        depth: usize,
        sources: &BTreeMap<String, Vec<String>>,
    ) -> Vec<SectionView> {
        let mut out = Vec::new();
        while *at < rows.len() && rows[*at].depth == depth {
            let r = &rows[*at];
            *at += 1;
            let children = build(rows, at, depth + 1, sources);
            out.push(SectionView {
                id: r.id.clone(),
                level: r.level,
                heading: r.heading.clone(),
                draft_text: r.draft_text.clone(),
                topic_ids: r.topic_ids.clone(),
                source_card_ids: sources.get(&r.id).cloned().unwrap_or_default(),
                children,
            });
        }
        out
    }
    let mut at = 0;
    build(rows, &mut at, 0, sources)
}

/// Normalises a typed reference: lower case, no spaces or dots, `§`/`par` unified.
fn ref_key(s: &str) -> String {
    s.to_lowercase()
        .replace("paragraf", "§")
        .replace("rozdział", "r")
        .replace("rozdzial", "r")
        .replace("chapter", "r")
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect()
}

impl Store {
    /// The outline of the current consultation, creating the default skeleton if needed.
    pub fn outline(&mut self) -> Result<Vec<SectionRow>> {
        // A file opened read-only shows the outline it has; the skeleton waits for a
        // writing command.
        if self.conn.is_readonly(rusqlite::MAIN_DB)? {
            let c = self.consultation()?;
            return Ok(load(&self.conn, &c.id, &c.language)?);
        }
        let tx = self.conn.transaction()?;
        let cid = ensure_skeleton(&tx)?;
        tx.commit()?;
        let lang = self.consultation()?.language;
        Ok(load(&self.conn, &cid, &lang)?)
    }

    /// Resolves a typed section reference: `§ 5`, `5` (the § with that number),
    /// `rozdział 2`/`r2`/`chapter 2`, `§5 ust. 2`, a heading prefix, or an id prefix.
    pub fn find_section(&mut self, reference: &str) -> Result<SectionRow> {
        let all = self.outline()?;
        let key = ref_key(reference);
        let wanted = if key.chars().all(|c| c.is_ascii_digit()) {
            format!("§{key}")
        } else {
            key.clone()
        };
        let by_citation: Vec<&SectionRow> = all
            .iter()
            .filter(|s| ref_key(&s.citation) == wanted)
            .collect();
        if let [one] = by_citation.as_slice() {
            return Ok((*one).clone());
        }
        let lower = reference.trim().to_lowercase();
        let matches: Vec<&SectionRow> = all
            .iter()
            .filter(|s| {
                (lower.len() >= 4 && s.id.starts_with(reference.trim()))
                    || s.heading.to_lowercase().starts_with(&lower)
            })
            .collect();
        match matches.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(Error::NotFound(format!(
                "no outline section matches {reference:?} (see `narada outline list`)"
            ))),
            many => Err(Error::Invalid(format!(
                "{reference:?} matches {} sections: {}",
                many.len(),
                many.iter()
                    .map(|s| s.citation.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// Maps a topic or a card to a section (idempotent).
    pub fn map_section(&mut self, section_id: &str, target: &MapTarget) -> Result<()> {
        let (topic, card) = match target {
            MapTarget::Topic(t) => (Some(self.topic(t)?.id), None),
            MapTarget::Card(c) => (None, Some(self.card(c)?.id)),
        };
        self.conn.execute(
            "INSERT OR IGNORE INTO section_link (section_id, topic_id, card_id) VALUES (?1, ?2, ?3)",
            params![section_id, topic, card],
        )?;
        Ok(())
    }

    pub fn unmap_section(&mut self, section_id: &str, target: &MapTarget) -> Result<usize> {
        let n = match target {
            MapTarget::Topic(t) => self.conn.execute(
                "DELETE FROM section_link WHERE section_id = ?1 AND topic_id = ?2",
                params![section_id, t],
            )?,
            MapTarget::Card(c) => self.conn.execute(
                "DELETE FROM section_link WHERE section_id = ?1 AND card_id = ?2",
                params![section_id, c],
            )?,
        };
        Ok(n)
    }
}
