//! `narada outline …`.

use super::output::{print_json, truncate};
use super::{Direction, OutlineCmd, OutputFormat};
use crate::error::{Error, Result};
use crate::model::{MapTarget, strip_typed_number};
use crate::storage::Store;
use crate::storage::outline::SectionRow;
use crate::storage::outline_units::Place;

fn target(store: &Store, topic: Option<&str>, card: Option<&str>) -> Result<MapTarget> {
    match (topic, card) {
        (Some(t), _) => Ok(MapTarget::Topic(store.find_topic(t)?.id)),
        (None, Some(c)) => Ok(MapTarget::Card(store.find_card(c)?.id)),
        (None, None) => Err(Error::Invalid("give --topic or --card".into())),
    }
}

/// Says so when the user typed a number the outline gives itself.
fn tell_numbering(text: &str) {
    let (typed, _) = strip_typed_number(text);
    if !typed.is_empty() {
        eprintln!("note: units are numbered automatically; {typed:?} was left out of the text");
    }
}

/// `§ 5 Heading` for a chapter or §, `§ 5 ust. 2: its text` for a unit below.
fn unit_line(s: &SectionRow) -> String {
    if s.level.is_text_unit() {
        let text = if s.heading.is_empty() {
            s.draft_text.lines().next().unwrap_or_default().to_owned()
        } else {
            // Units added before numbering was automatic may carry "ust. 1" in front.
            strip_typed_number(&s.heading).1
        };
        format!("{}: {}", s.citation, truncate(&text, 70))
    } else {
        format!("{} {}", s.citation, s.heading)
    }
}

pub fn run(store: &mut Store, cmd: OutlineCmd) -> Result<()> {
    match cmd {
        OutlineCmd::List { format } => {
            let sections = store.outline()?;
            let sources = store.section_sources()?;
            match format {
                OutputFormat::Json => {
                    let rows: Vec<_> = sections
                        .iter()
                        .map(|s| serde_json::json!({"section": s, "sources": sources.get(&s.id)}))
                        .collect();
                    print_json(&rows)
                }
                OutputFormat::Table => {
                    let topics = store.topics()?;
                    for s in &sections {
                        let n = sources.get(&s.id).map_or(0, Vec::len);
                        let mapped: Vec<String> = s
                            .topic_ids
                            .iter()
                            .filter_map(|t| topics.iter().find(|x| &x.id == t))
                            .map(|t| format!("«{}»", t.label))
                            .chain(s.card_ids.iter().map(|_| "card".to_owned()))
                            .collect();
                        let src = if n > 0 {
                            format!("  [{n} adopted]")
                        } else {
                            String::new()
                        };
                        let map = if mapped.is_empty() {
                            String::new()
                        } else {
                            format!("  ← {}", mapped.join(", "))
                        };
                        println!("{}{}{src}{map}", "  ".repeat(s.depth), unit_line(s));
                        if !s.draft_text.is_empty() && !s.level.is_text_unit() {
                            println!(
                                "{}    „{}”",
                                "  ".repeat(s.depth),
                                truncate(&s.draft_text, 70)
                            );
                        }
                    }
                    Ok(())
                }
            }
        }
        OutlineCmd::Map {
            section,
            topic,
            card,
        } => {
            let s = store.find_section(&section)?;
            let t = target(store, topic.as_deref(), card.as_deref())?;
            store.map_section(&s.id, &t)?;
            println!("mapped to {} {}", s.citation, s.heading);
            Ok(())
        }
        OutlineCmd::Unmap {
            section,
            topic,
            card,
        } => {
            let s = store.find_section(&section)?;
            let t = target(store, topic.as_deref(), card.as_deref())?;
            let n = store.unmap_section(&s.id, &t)?;
            println!("{n} mapping removed from {}", s.citation);
            Ok(())
        }
        OutlineCmd::Add {
            text,
            parent,
            after,
            level,
        } => {
            tell_numbering(&text);
            let place = match (parent, after) {
                (_, Some(a)) => Place::After(store.find_section(&a)?.id),
                (Some(p), None) => Place::Under(Some(store.find_section(&p)?.id)),
                (None, None) => Place::Under(None),
            };
            let s = store.add_unit(&place, level, &text)?;
            println!("added {}", unit_line(&s));
            Ok(())
        }
        OutlineCmd::Rename { section, heading } => {
            let s = store.find_section(&section)?;
            tell_numbering(&heading);
            store.edit_section(&s.id, Some(&heading), None)?;
            println!("{} renamed", s.citation);
            Ok(())
        }
        OutlineCmd::Draft { section, text } => {
            let s = store.find_section(&section)?;
            if s.level.is_text_unit() {
                tell_numbering(&text);
            }
            store.edit_section(&s.id, None, Some(&text))?;
            println!("text of {} saved", s.citation);
            Ok(())
        }
        OutlineCmd::Move {
            section,
            direction,
            to,
        } => {
            let s = store.find_section(&section)?;
            if let Some(to) = to {
                let parent = store.find_section(&to)?;
                let moved = store.move_unit_to(&s.id, Some(&parent.id))?;
                println!("{} is now {}", s.citation, moved.citation);
                return Ok(());
            }
            let delta = if direction == Some(Direction::Up) {
                -1
            } else {
                1
            };
            store.move_section(&s.id, delta)?;
            let moved = store.outline()?.into_iter().find(|x| x.id == s.id);
            println!(
                "{} is now {}",
                s.citation,
                moved.map(|m| m.citation).unwrap_or_default()
            );
            Ok(())
        }
        OutlineCmd::Delete { section, force } => {
            let s = store.find_section(&section)?;
            let removed = store.delete_unit(&s.id, force)?;
            let below = removed.units.len() - 1;
            if below > 0 {
                println!("deleted {} and {below} unit(s) below it", s.citation);
            } else {
                println!("deleted {}", s.citation);
            }
            Ok(())
        }
        OutlineCmd::Coverage { format } => {
            let cov = store.coverage()?;
            match format {
                OutputFormat::Json => print_json(&cov),
                OutputFormat::Table => {
                    println!(
                        "sections without adopted recommendations ({}):",
                        cov.uncovered.len()
                    );
                    for s in &cov.uncovered {
                        println!("  {} {}", s.citation, s.heading);
                    }
                    println!(
                        "provisions with neither text nor sources ({}):",
                        cov.empty_provisions.len()
                    );
                    for s in &cov.empty_provisions {
                        println!("  {} {}", s.citation, s.heading);
                    }
                    for (title, cards) in [
                        (
                            "adopted cards not used in any provision",
                            &cov.unused_adopted,
                        ),
                        ("cards without a decision", &cov.undecided),
                    ] {
                        println!("{title} ({}):", cards.len());
                        for c in cards {
                            println!("  {} {}", c.reference, c.text.replace('\n', " "));
                        }
                    }
                    println!(
                        "fates of {} cards: {}",
                        cov.tally.total(),
                        cov.tally.summary(crate::model::Lang::En)
                    );
                    Ok(())
                }
            }
        }
    }
}
