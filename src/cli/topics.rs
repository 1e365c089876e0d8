//! `narada topic …`.

use super::output::{card_line, print_cards, print_json};
use super::{OutputFormat, TopicCmd};
use crate::error::Result;
use crate::storage::topics::TopicRow;
use crate::storage::{CardFilter, Store};

fn topic_line(t: &TopicRow) -> String {
    let decision = t.decision.map(|d| format!(" [{d}]")).unwrap_or_default();
    let sections = if t.sections.is_empty() {
        String::new()
    } else {
        format!(" → {}", t.sections.join(", "))
    };
    format!(
        "{:>4} cards {:>4} votes  {} ({}){decision}{sections}",
        t.size, t.votes, t.label, t.origin
    )
}

/// Card references as typed (numbers, imported ids, uuid prefixes) → card ids.
pub fn card_ids(store: &Store, refs: &[String]) -> Result<Vec<String>> {
    refs.iter()
        .map(|r| store.find_card(r).map(|c| c.id))
        .collect()
}

pub fn run(store: &mut Store, cmd: TopicCmd) -> Result<()> {
    match cmd {
        TopicCmd::List { format } => {
            let topics = store.topics()?;
            match format {
                OutputFormat::Json => print_json(&topics),
                OutputFormat::Table => {
                    for t in &topics {
                        println!("{}", topic_line(t));
                    }
                    let placed: i64 = topics.iter().map(|t| t.size).sum();
                    let all = store.cards(&CardFilter::default())?.len() as i64;
                    println!("unsorted: {} cards", all - placed);
                    Ok(())
                }
            }
        }
        TopicCmd::Show { topic, format } => {
            let t = store.find_topic(&topic)?;
            let cards: Vec<_> = store
                .cards(&CardFilter::default())?
                .into_iter()
                .filter(|c| c.topic.as_deref() == Some(t.label.as_str()))
                .collect();
            match format {
                OutputFormat::Json => print_json(&serde_json::json!({"topic": t, "cards": cards})),
                OutputFormat::Table => {
                    println!("{}", topic_line(&t));
                    if !t.keywords.is_empty() {
                        println!("keywords: {}", t.keywords.join(", "));
                    }
                    print_cards(&cards);
                    Ok(())
                }
            }
        }
        TopicCmd::Create { label } => {
            let t = store.create_topic(&label)?;
            println!("created {}", topic_line(&t));
            Ok(())
        }
        TopicCmd::Rename { topic, label } => {
            let t = store.find_topic(&topic)?;
            let t = store.rename_topic(&t.id, &label)?;
            println!("renamed: {}", topic_line(&t));
            Ok(())
        }
        TopicCmd::Merge { from, into } => {
            let (from, into) = (store.find_topic(&from)?, store.find_topic(&into)?);
            let t = store.merge_topics(&from.id, &into.id)?;
            println!("merged {:?} into {}", from.label, topic_line(&t));
            Ok(())
        }
        TopicCmd::Split {
            topic,
            label,
            cards,
        } => {
            let t = store.find_topic(&topic)?;
            let ids = card_ids(store, &cards)?;
            let new = store.split_topic(&t.id, &ids, &label)?;
            println!("new topic {}", topic_line(&new));
            Ok(())
        }
        TopicCmd::Move { to, pin, cards } => {
            let ids = card_ids(store, &cards)?;
            let target = match to.strip_prefix("new:") {
                Some(label) => store.create_topic(label)?,
                None => store.find_topic(&to)?,
            };
            let n = store.move_cards(&ids, &target.id, pin)?;
            println!(
                "{n} cards moved to {}",
                topic_line(&store.topic(&target.id)?)
            );
            for id in &ids {
                println!("  {}", card_line(&store.card(id)?));
            }
            Ok(())
        }
        TopicCmd::Pin { off, cards } => {
            let ids = card_ids(store, &cards)?;
            let n = store.pin_cards(&ids, !off)?;
            let state = if off { "unpinned" } else { "pinned" };
            println!("{n} cards {state}");
            Ok(())
        }
    }
}
