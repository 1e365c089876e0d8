//! Editing the outline's units: adding a child or a sibling, moving one up, down or to
//! another parent, deleting one with its children (and putting it back, for undo), and
//! changing its heading or text. Numbers are never stored: they follow from the order.

use super::outline::SectionRow;
use super::{Store, consultation};
use crate::error::{Error, Result};
use crate::model::{SectionLevel, new_id, strip_typed_number, text::clean};
use rusqlite::{Connection, Transaction, params};

/// Where a new unit goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// Last child of this unit (a chapter, or a loose §, at the top when `None`).
    Under(Option<String>),
    /// Right after this unit, at its level.
    After(String),
}

/// One stored unit, as a deletion keeps it so that undo can put it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredUnit {
    pub id: String,
    pub parent_id: Option<String>,
    pub level: SectionLevel,
    pub position: i64,
    pub heading: String,
    pub draft_text: String,
}

/// A deleted unit with its children (parents first) and their mappings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub units: Vec<StoredUnit>,
    /// (section, topic, card) rows of `section_link`.
    pub links: Vec<(String, Option<String>, Option<String>)>,
}

/// What deleting a unit would lose: its own and its children's mappings and drafts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loss {
    pub citation: String,
    /// The unit and all units below it.
    pub units: usize,
    pub topics: usize,
    pub cards: usize,
    /// Units (among `units`) with drafted text.
    pub drafted: usize,
}

impl Loss {
    /// What deleting the unit `id` of the outline `all` (in document order) loses.
    pub fn of(all: &[SectionRow], id: &str) -> Option<Loss> {
        let units = subtree(all, id);
        Some(Loss {
            citation: units.first()?.citation.clone(),
            units: units.len(),
            topics: units.iter().map(|s| s.topic_ids.len()).sum(),
            cards: units.iter().map(|s| s.card_ids.len()).sum(),
            drafted: units
                .iter()
                .filter(|s| !s.draft_text.trim().is_empty())
                .count(),
        })
    }

    /// Whether deleting needs the user's say-so.
    pub fn is_costly(&self) -> bool {
        self.topics + self.cards + self.drafted > 0
    }

    /// "2 mapped topics, 1 mapped card, drafted text in 3 units" (English, for the CLI).
    pub fn describe(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut parts = Vec::new();
        if self.topics > 0 {
            parts.push(plural(self.topics, "mapped topic", "mapped topics"));
        }
        if self.cards > 0 {
            parts.push(plural(self.cards, "mapped card", "mapped cards"));
        }
        if self.drafted > 0 {
            parts.push(format!(
                "drafted text in {}",
                plural(self.drafted, "unit", "units")
            ));
        }
        parts.join(", ")
    }
}

/// Takes a typed number off a heading or a unit's text, so it is not printed twice;
/// each line is tidied, and the lines are kept.
fn without_number(text: &str) -> String {
    strip_typed_number(text)
        .1
        .lines()
        .map(clean)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn find(all: &[SectionRow], id: &str) -> Result<SectionRow> {
    all.iter()
        .find(|s| s.id == id)
        .cloned()
        .ok_or_else(|| Error::NotFound(format!("no outline unit with id {id}")))
}

/// The unit and everything below it, in document order (the unit first).
/// What deleting `id` would lose, or the not-found error for an unknown unit.
fn loss_in(all: &[SectionRow], id: &str) -> Result<Loss> {
    find(all, id)?;
    Loss::of(all, id).ok_or_else(|| Error::NotFound(format!("no unit {id}")))
}

fn subtree<'a>(all: &'a [SectionRow], id: &str) -> Vec<&'a SectionRow> {
    let Some(start) = all.iter().position(|s| s.id == id) else {
        return Vec::new();
    };
    let depth = all[start].depth;
    std::iter::once(&all[start])
        .chain(all[start + 1..].iter().take_while(|s| s.depth > depth))
        .collect()
}

/// Rewrites the positions of `parent`'s children as 0, 1, 2… in the given order.
fn write_positions(tx: &Connection, ids: &[String]) -> rusqlite::Result<()> {
    for (i, id) in ids.iter().enumerate() {
        tx.execute(
            "UPDATE outline_section SET position = ?2 WHERE id = ?1",
            params![id, i as i64],
        )?;
    }
    Ok(())
}

fn sibling_ids(all: &[SectionRow], parent: Option<&str>) -> Vec<String> {
    let mut kids: Vec<&SectionRow> = all
        .iter()
        .filter(|s| s.parent_id.as_deref() == parent)
        .collect();
    kids.sort_by_key(|s| s.position);
    kids.into_iter().map(|s| s.id.clone()).collect()
}

fn check_holds(parent: Option<&SectionRow>, level: SectionLevel) -> Result<()> {
    let ok = match parent {
        None => matches!(level, SectionLevel::Chapter | SectionLevel::Paragraph),
        Some(p) => p.level.may_hold(level),
    };
    if ok {
        return Ok(());
    }
    Err(Error::Invalid(match parent {
        None => format!("a {} cannot stand outside a §", level.name()),
        Some(p) => format!(
            "{} ({}) cannot hold a {}; it holds {}",
            p.citation,
            p.level.name(),
            level.name(),
            p.level.child().map_or("nothing", SectionLevel::name)
        ),
    }))
}

impl Store {
    /// Adds a unit. Chapters and § take `text` as their heading; ust., pkt, lit. and
    /// tirets as their text. A number typed at its start is taken off. `level` is the
    /// next level down when not given (`pkt` may also go straight into a §).
    pub fn add_unit(
        &mut self,
        place: &Place,
        level: Option<SectionLevel>,
        text: &str,
    ) -> Result<SectionRow> {
        let all = self.outline()?;
        let (parent, level, index) = match place {
            Place::Under(parent) => {
                let parent = parent.as_deref().map(|p| find(&all, p)).transpose()?;
                let level = level
                    .or_else(|| {
                        parent
                            .as_ref()
                            .map_or(Some(SectionLevel::Chapter), |p| p.level.child())
                    })
                    .ok_or_else(|| Error::Invalid("a tiret cannot hold other units".into()))?;
                let count = sibling_ids(&all, parent.as_ref().map(|p| p.id.as_str())).len();
                (parent, level, count)
            }
            Place::After(id) => {
                let me = find(&all, id)?;
                if level.is_some_and(|l| l != me.level) {
                    return Err(Error::Invalid(format!(
                        "a unit after {} is a {}",
                        me.citation,
                        me.level.name()
                    )));
                }
                let parent = me.parent_id.as_deref().map(|p| find(&all, p)).transpose()?;
                let siblings = sibling_ids(&all, me.parent_id.as_deref());
                let at = siblings.iter().position(|s| s == id).unwrap_or(0) + 1;
                (parent, me.level, at)
            }
        };
        check_holds(parent.as_ref(), level)?;
        let text = without_number(text);
        if text.is_empty() {
            return Err(Error::Invalid(if level.is_text_unit() {
                format!("a {} needs its text", level.name())
            } else {
                "a chapter or § needs a heading".into()
            }));
        }
        let (heading, draft) = if level.is_text_unit() {
            ("", text.as_str())
        } else {
            (text.as_str(), "")
        };
        let parent_id = parent.as_ref().map(|p| p.id.clone());
        let mut order = sibling_ids(&all, parent_id.as_deref());
        let id = new_id();
        order.insert(index.min(order.len()), id.clone());
        let tx = self.conn.transaction()?;
        let cid = consultation::ensure(&tx)?;
        tx.execute(
            "INSERT INTO outline_section (id, consultation_id, parent_id, level, position, heading, draft_text)
             VALUES (?1, ?2, ?3, ?4, 0, ?5, ?6)",
            params![id, cid, parent_id, level.name(), heading, draft],
        )?;
        write_positions(&tx, &order)?;
        tx.commit()?;
        find(&self.outline()?, &id)
    }

    /// Adds a unit under `parent` (a chapter at the top level), after its siblings.
    pub fn add_section(&mut self, parent_id: Option<&str>, text: &str) -> Result<SectionRow> {
        self.add_unit(&Place::Under(parent_id.map(String::from)), None, text)
    }

    /// Changes a unit's heading and/or its text. Chapters and § keep a heading; units
    /// below the § may have none. A number typed at the start is taken off.
    pub fn edit_section(
        &mut self,
        id: &str,
        heading: Option<&str>,
        draft: Option<&str>,
    ) -> Result<()> {
        let all = self.outline()?;
        let me = find(&all, id)?;
        let heading = heading.map(without_number);
        if heading.as_deref() == Some("") && !me.level.is_text_unit() {
            return Err(Error::Invalid("a chapter or § needs a heading".into()));
        }
        // A § may hold several drafted ust. as numbered lines; only a unit's own text
        // loses its leading number.
        let draft = draft.map(|d| {
            if me.level.is_text_unit() {
                strip_typed_number(d).1
            } else {
                d.trim().to_owned()
            }
        });
        self.conn.execute(
            "UPDATE outline_section SET heading = coalesce(?2, heading), draft_text = coalesce(?3, draft_text)
             WHERE id = ?1",
            params![id, heading, draft],
        )?;
        Ok(())
    }

    /// Moves a unit up (`-1`) or down (`+1`) among its siblings; its children follow.
    pub fn move_section(&mut self, id: &str, delta: i64) -> Result<()> {
        let all = self.outline()?;
        let me = find(&all, id)?;
        let mut siblings = sibling_ids(&all, me.parent_id.as_deref());
        let at = siblings.iter().position(|s| s == id).unwrap_or(0) as i64;
        let to = (at + delta).clamp(0, siblings.len() as i64 - 1);
        if to == at {
            return Ok(());
        }
        let moved = siblings.remove(at as usize);
        siblings.insert(to as usize, moved);
        let tx = self.conn.transaction()?;
        write_positions(&tx, &siblings)?;
        tx.commit()?;
        Ok(())
    }

    /// Moves a unit (with its children) to the end of another parent that may hold it.
    pub fn move_unit_to(&mut self, id: &str, parent: Option<&str>) -> Result<SectionRow> {
        let all = self.outline()?;
        let me = find(&all, id)?;
        let new_parent = parent.map(|p| find(&all, p)).transpose()?;
        if let Some(p) = &new_parent
            && subtree(&all, id).iter().any(|s| s.id == p.id)
        {
            return Err(Error::Invalid(format!(
                "{} cannot go into itself or its own units",
                me.citation
            )));
        }
        check_holds(new_parent.as_ref(), me.level)?;
        let mut order = sibling_ids(&all, parent);
        order.retain(|s| s != id);
        order.push(id.to_owned());
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE outline_section SET parent_id = ?2 WHERE id = ?1",
            params![id, parent],
        )?;
        write_positions(&tx, &order)?;
        tx.commit()?;
        find(&self.outline()?, id)
    }

    /// What deleting the unit would lose.
    pub fn deletion_loss(&mut self, id: &str) -> Result<Loss> {
        loss_in(&self.outline()?, id)
    }

    /// Deletes a unit with everything below it and their mappings, in one transaction.
    /// Without `force` it refuses when that would lose a mapping or drafted text, and
    /// says what. Returns what was deleted, so that [`Store::restore_units`] can undo it.
    pub fn delete_unit(&mut self, id: &str, force: bool) -> Result<Removed> {
        let all = self.outline()?;
        let loss = loss_in(&all, id)?;
        if loss.is_costly() && !force {
            return Err(Error::Invalid(format!(
                "{} has {}; deleting it (with {} unit(s)) would lose them — repeat with --force",
                loss.citation,
                loss.describe(),
                loss.units
            )));
        }
        let tx = self.conn.transaction()?;
        let mut removed = Removed {
            units: Vec::new(),
            links: Vec::new(),
        };
        for s in subtree(&all, id) {
            let mut st = tx.prepare(
                "SELECT topic_id, card_id FROM section_link WHERE section_id = ?1 ORDER BY rowid",
            )?;
            for link in st.query_map([&s.id], |r| Ok((r.get(0)?, r.get(1)?)))? {
                let (topic, card) = link?;
                removed.links.push((s.id.clone(), topic, card));
            }
            removed.units.push(StoredUnit {
                id: s.id.clone(),
                parent_id: s.parent_id.clone(),
                level: s.level,
                position: s.position,
                heading: s.heading.clone(),
                draft_text: s.draft_text.clone(),
            });
        }
        for u in removed.units.iter().rev() {
            tx.execute("DELETE FROM section_link WHERE section_id = ?1", [&u.id])?;
            tx.execute("DELETE FROM outline_section WHERE id = ?1", [&u.id])?;
        }
        tx.commit()?;
        Ok(removed)
    }

    /// Puts deleted units back where they were, with their ids and mappings.
    pub fn restore_units(&mut self, removed: &Removed) -> Result<()> {
        let Some(root) = removed.units.first() else {
            return Ok(());
        };
        let tx = self.conn.transaction()?;
        let cid = consultation::ensure(&tx)?;
        // Make room among the root's siblings so it comes back at its place.
        tx.execute(
            "UPDATE outline_section SET position = position + 1
             WHERE consultation_id = ?1 AND parent_id IS ?2 AND position >= ?3",
            params![cid, root.parent_id, root.position],
        )?;
        restore_rows(&tx, &cid, removed)?;
        tx.commit()?;
        Ok(())
    }
}

fn restore_rows(tx: &Transaction<'_>, cid: &str, removed: &Removed) -> rusqlite::Result<()> {
    for u in &removed.units {
        tx.execute(
            "INSERT INTO outline_section (id, consultation_id, parent_id, level, position, heading, draft_text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![u.id, cid, u.parent_id, u.level.name(), u.position, u.heading, u.draft_text],
        )?;
    }
    for (section, topic, card) in &removed.links {
        tx.execute(
            "INSERT OR IGNORE INTO section_link (section_id, topic_id, card_id) VALUES (?1, ?2, ?3)",
            params![section, topic, card],
        )?;
    }
    Ok(())
}
