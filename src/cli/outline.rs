//! `narada outline …`.

use super::output::{print_json, truncate};
use super::{Direction, OutlineCmd, OutputFormat};
use crate::error::{Error, Result};
use crate::model::MapTarget;
use crate::storage::Store;

fn target(store: &Store, topic: Option<&str>, card: Option<&str>) -> Result<MapTarget> {
    match (topic, card) {
        (Some(t), _) => Ok(MapTarget::Topic(store.find_topic(t)?.id)),
        (None, Some(c)) => Ok(MapTarget::Card(store.find_card(c)?.id)),
        (None, None) => Err(Error::Invalid("give --topic or --card".into())),
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
                        println!(
                            "{}{} {}{src}{map}",
                            "  ".repeat(s.depth),
                            s.citation,
                            s.heading
                        );
                        if !s.draft_text.is_empty() {
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
        OutlineCmd::Add { heading, parent } => {
            let parent = parent.map(|p| store.find_section(&p)).transpose()?;
            let s = store.add_section(parent.as_ref().map(|p| p.id.as_str()), &heading)?;
            println!("added {} {}", s.citation, s.heading);
            Ok(())
        }
        OutlineCmd::Rename { section, heading } => {
            let s = store.find_section(&section)?;
            store.edit_section(&s.id, Some(&heading), None)?;
            println!("{} is now {heading:?}", s.citation);
            Ok(())
        }
        OutlineCmd::Draft { section, text } => {
            let s = store.find_section(&section)?;
            store.edit_section(&s.id, None, Some(&text))?;
            println!("draft of {} saved", s.citation);
            Ok(())
        }
        OutlineCmd::Move { section, direction } => {
            let s = store.find_section(&section)?;
            let delta = if direction == Direction::Up { -1 } else { 1 };
            store.move_section(&s.id, delta)?;
            let moved = store.outline()?.into_iter().find(|x| x.id == s.id);
            println!(
                "{} is now {}",
                s.heading,
                moved.map(|m| m.citation).unwrap_or_default()
            );
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
