//! `narada session …` and `narada activity …`.

use super::output::{print_json, session_line};
use super::{ActivityCmd, OutputFormat, SessionCmd};
use crate::error::Result;
use crate::model::SessionDraft;
use crate::storage::Store;

pub fn run(store: &mut Store, cmd: SessionCmd) -> Result<()> {
    match cmd {
        SessionCmd::Add(a) => {
            let s = store.add_session(&SessionDraft {
                title: a.title,
                kind: a.kind,
                date: a.date,
                place: a.place,
                facilitator: a.facilitator,
                participants: a.participants,
                activities: a.activities,
            })?;
            println!("session added: {}", session_line(&s));
            Ok(())
        }
        SessionCmd::List { format } => {
            let list = store.sessions()?;
            match format {
                OutputFormat::Json => print_json(&list),
                OutputFormat::Table => {
                    for s in &list {
                        println!("{}", session_line(s));
                    }
                    if list.is_empty() {
                        eprintln!(
                            "no sessions yet: narada session add \"Szkolenie 1\" --kind training"
                        );
                    }
                    Ok(())
                }
            }
        }
        SessionCmd::Show { session, format } => {
            let s = store.find_session(&session)?;
            match format {
                OutputFormat::Json => print_json(&s),
                OutputFormat::Table => {
                    println!("{}", s.title);
                    println!("kind: {}", s.kind);
                    println!("date: {}", s.date.as_deref().unwrap_or("-"));
                    println!("place: {}", s.place);
                    println!("facilitator: {}", s.facilitator);
                    let participants = s.participants.map(|p| p.to_string());
                    println!("participants: {}", participants.as_deref().unwrap_or("-"));
                    println!("cards: {}, votes: {}", s.card_count, s.vote_total);
                    for a in &s.activities {
                        println!("  activity: {}", a.name);
                    }
                    println!("id: {}", s.id);
                    Ok(())
                }
            }
        }
    }
}

pub fn run_activity(store: &mut Store, cmd: ActivityCmd) -> Result<()> {
    match cmd {
        ActivityCmd::Add { session, name } => {
            let s = store.find_session(&session)?;
            let a = store.add_activity(&s.id, &name)?;
            println!("activity {:?} in session {:?}", a.name, s.title);
            Ok(())
        }
    }
}
