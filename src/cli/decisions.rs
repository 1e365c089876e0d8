//! `narada decide` and `narada decision list`.

use super::output::{print_json, truncate};
use super::{DecideArgs, DecisionCmd, OutputFormat};
use crate::error::Result;
use crate::model::{DecisionDraft, DecisionTarget};
use crate::storage::Store;
use crate::storage::decisions::DecisionRow;

fn decision_line(d: &DecisionRow) -> String {
    let votes = match (d.votes_for, d.votes_against, d.votes_abstain) {
        (None, None, None) => String::new(),
        (f, a, s) => format!(
            " ({}/{}/{})",
            f.unwrap_or(0),
            a.unwrap_or(0),
            s.unwrap_or(0)
        ),
    };
    let why = if d.rationale.is_empty() {
        String::new()
    } else {
        format!(" — {}", truncate(&d.rationale, 60))
    };
    let old = if d.current { "" } else { " [replaced]" };
    format!(
        "{}  {:<16}{votes} {} {:?}{why}{old}",
        d.decided_on
            .as_deref()
            .unwrap_or(&d.created_at[..10.min(d.created_at.len())]),
        d.outcome.as_str(),
        d.target_kind,
        truncate(&d.target_label, 50)
    )
}

pub fn decide(store: &mut Store, a: &DecideArgs) -> Result<()> {
    let target = match (&a.card, &a.topic) {
        (Some(c), _) => DecisionTarget::Card(store.find_card(c)?.id),
        (None, Some(t)) => DecisionTarget::Topic(store.find_topic(t)?.id),
        (None, None) => unreachable_target()?,
    };
    let d = store.decide(
        &target,
        a.outcome,
        &DecisionDraft {
            rationale: a.why.clone().unwrap_or_default(),
            votes_for: a.votes_for,
            votes_against: a.against,
            votes_abstain: a.abstain,
            decided_on: a.date.clone(),
        },
    )?;
    println!("decided: {}", decision_line(&d));
    Ok(())
}

/// clap requires --card or --topic; this keeps the match total without a panic.
fn unreachable_target() -> Result<DecisionTarget> {
    Err(crate::Error::Invalid("give --card or --topic".into()))
}

pub fn run(store: &Store, cmd: DecisionCmd) -> Result<()> {
    match cmd {
        DecisionCmd::List {
            outcome,
            all,
            format,
        } => {
            let list: Vec<DecisionRow> = store
                .decisions()?
                .into_iter()
                .filter(|d| all || d.current)
                .filter(|d| outcome.is_none_or(|o| o == d.outcome))
                .collect();
            match format {
                OutputFormat::Json => print_json(&list),
                OutputFormat::Table => {
                    for d in &list {
                        println!("{}", decision_line(d));
                    }
                    eprintln!("{} decisions", list.len());
                    Ok(())
                }
            }
        }
    }
}
