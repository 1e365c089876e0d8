//! `narada card …`.

use super::output::{card_line, print_cards, print_json};
use super::{CardAddArgs, CardCmd, CardEditArgs, OutputFormat};
use crate::error::{Error, Result};
use crate::model::text::visible;
use crate::model::{
    Capture, Card, CardDraft, CardEvent, CardKind, CardPatch, Lang, Session, Zone,
    describe_decision, describe_event, local_time, parse_capture, parse_capture_with_speaker,
    text::split_tags,
};
use crate::storage::{CardFilter, Store};

/// The setting that remembers the session cards were last added to.
pub const LAST_SESSION: &str = "last_session";

/// The session named on the command line, else the one used last, else the newest.
pub(super) fn pick_session(store: &Store, given: Option<&str>) -> Result<Session> {
    if let Some(s) = given {
        return store.find_session(s);
    }
    if let Some(id) = store.setting(LAST_SESSION)?
        && let Ok(s) = store.session(&id)
    {
        return Ok(s);
    }
    store.newest_session()?.ok_or_else(|| {
        Error::NotFound(
            "no sessions yet; add one first: narada session add \"Szkolenie 1\" --kind training"
                .into(),
        )
    })
}

pub fn run(store: &mut Store, cmd: CardCmd, lang: Lang) -> Result<()> {
    match cmd {
        CardCmd::Add(a) => {
            let session = pick_session(store, a.session.as_deref())?;
            let mut draft = capture_draft(&session.id, &a)?;
            draft.activity = a.activity;
            draft.votes = a.votes;
            draft.external_id = a.id;
            let card = store.add_card(&draft)?;
            store.set_setting(LAST_SESSION, &session.id)?;
            match a.format {
                OutputFormat::Json => print_json(&card),
                OutputFormat::Table => {
                    println!("added {}", card_line(&card));
                    Ok(())
                }
            }
        }
        CardCmd::List(a) => {
            let session_id = a
                .session
                .as_deref()
                .map(|s| store.find_session(s).map(|s| s.id))
                .transpose()?;
            let cards = store.cards(&CardFilter {
                session_id,
                kind: a.kind,
                tag: a.tag,
                include_deleted: a.all,
                only_deleted: a.deleted,
            })?;
            match a.format {
                OutputFormat::Json => print_json(&cards),
                OutputFormat::Table => {
                    print_cards(&cards);
                    let votes: i64 = cards.iter().map(|c| c.votes).sum();
                    eprintln!("{} cards, {votes} votes", cards.len());
                    Ok(())
                }
            }
        }
        CardCmd::Show { card, format } => {
            let card = store.find_card(&card)?;
            let history = store.card_history(&card.id)?;
            match format {
                OutputFormat::Json => print_json(&serde_json::json!({
                    "card": card,
                    "history": history,
                })),
                OutputFormat::Table => show(store, &card, &history, lang),
            }
        }
        CardCmd::Edit(a) => {
            let card = store.find_card(&a.card)?;
            let patch = patch_from(&a);
            if patch.is_empty() {
                return Err(Error::Invalid(
                    "nothing to change: give --text, --kind, --speaker, --activity, --tags or --votes"
                        .into(),
                ));
            }
            let card = store.edit_card(&card.id, &patch)?;
            println!("edited {}", card_line(&card));
            Ok(())
        }
        CardCmd::Vote { card, delta } => {
            let card = store.find_card(&card)?;
            let card = store.vote(&card.id, delta)?;
            println!("{}", card_line(&card));
            Ok(())
        }
        CardCmd::Delete { card, why } => {
            let card = store.find_card(&card)?;
            let card = store.delete_card(&card.id, why.as_deref())?;
            println!(
                "deleted #{} (kept in history; `narada card restore {}` brings it back)",
                card.seq, card.seq
            );
            Ok(())
        }
        CardCmd::Merge {
            cards,
            text,
            votes,
            why,
        } => {
            let ids = super::topics::card_ids(store, &cards)?;
            let text = match text {
                Some(t) => t,
                None => store.card(&ids[0])?.text,
            };
            let merged = store.merge_cards(&ids, &text, votes, why.as_deref())?;
            println!("merged {} cards into {}", ids.len(), card_line(&merged));
            Ok(())
        }
        CardCmd::Split {
            card,
            parts,
            first_votes,
            why,
        } => {
            let original = store.find_card(&card)?;
            let new = store.split_card(&original.id, &parts, first_votes, why.as_deref())?;
            println!("split #{} into:", original.seq);
            for c in &new {
                println!("  {}", card_line(c));
            }
            Ok(())
        }
        CardCmd::Restore { card } => {
            let card = store.find_card(&card)?;
            let card = store.restore_card(&card.id)?;
            println!("restored {}", card_line(&card));
            Ok(())
        }
    }
}

/// `narada card show`: the card, then its history oldest first, in words, each event at
/// local time; the working group's decisions on the card itself join the history.
fn show(store: &Store, card: &Card, history: &[CardEvent], lang: Lang) -> Result<()> {
    let t = |en: &'static str, pl: &'static str| if lang == Lang::Pl { pl } else { en };
    let when = |at: &str| local_time(at, Zone::Local);
    // Built whole, then printed with control characters made visible (card text is
    // the user's, and may hold terminal escapes from an old import).
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(card_line(card));
    line(format!("id: {}", card.id));
    if let Some(x) = &card.external_id {
        line(format!("{}: {x}", t("imported id", "id z importu")));
    }
    line(format!("{}: {}", t("session", "sesja"), card.session));
    if let Some(a) = &card.activity {
        line(format!("{}: {a}", t("activity", "aktywność")));
    }
    line(format!(
        "{}: {}",
        t("topic", "temat"),
        card.topic.as_deref().unwrap_or("-")
    ));
    let decision = card.decision.map_or("-", |d| d.name(lang));
    line(format!("{}: {decision}", t("decision", "decyzja")));
    line(format!(
        "{}: {}  {}: {}",
        t("created", "utworzona"),
        when(&card.created_at),
        t("updated", "zmieniona"),
        when(&card.updated_at)
    ));
    if let Some(by) = &card.superseded_by {
        let by = store.card(by)?;
        line(format!(
            "{}: #{} {}",
            t("replaced by", "zastąpiona przez"),
            by.seq,
            by.text
        ));
    }
    // (time, who, what), merged in time order; events keep their recorded order.
    let mut lines: Vec<(&str, Option<&str>, String)> = Vec::new();
    for e in history {
        let related = e
            .related_id
            .as_deref()
            .and_then(|r| store.card(r).ok())
            .map(|c| c.seq);
        lines.push((&e.at, e.actor.as_deref(), describe_event(e, related, lang)));
    }
    let decisions = store.decisions()?;
    for d in decisions
        .iter()
        .rev()
        .filter(|d| d.target_kind == "card" && d.target_id == card.id)
    {
        let what = describe_decision(d.outcome, &d.rationale, d.retracted_at.is_some(), lang);
        lines.push((&d.created_at, d.entered_by.as_deref(), what));
    }
    lines.sort_by(|a, b| a.0.cmp(b.0));
    line(format!("{}:", t("history", "historia")));
    for (at, who, what) in lines {
        let who = who.map(|w| format!("[{w}] ")).unwrap_or_default();
        line(format!("  {}  {who}{what}", when(at)));
    }
    print!("{}", visible(&out));
    Ok(())
}

/// The card `narada card add` means: TEXT read as the interface's capture line reads it
/// (unless --raw), with the flags winning over what the text says; tags add up, since
/// they never contradict each other.
fn capture_draft(session_id: &str, a: &CardAddArgs) -> Result<CardDraft> {
    let line = if a.raw {
        Capture {
            text: a.text.clone(),
            ..Capture::default()
        }
    } else if a.speaker.is_some() {
        parse_capture_with_speaker(&a.text)
    } else {
        parse_capture(&a.text)
    };
    if !line.has_text() && !a.text.trim().is_empty() {
        return Err(Error::Invalid(format!(
            "{:?} leaves no text once its kind, #tags and @role are taken out; \
             add --raw to store it as typed",
            a.text
        )));
    }
    let kind = a.kind.or(line.kind).unwrap_or(CardKind::Other);
    let mut draft = CardDraft::new(session_id, kind, &line.text);
    draft.speaker = a.speaker.clone().or(line.speaker);
    let mut tags: Vec<String> = a.tags.iter().flat_map(|t| split_tags(t)).collect();
    for tag in line.tags {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    draft.tags = tags;
    Ok(draft)
}

fn patch_from(a: &CardEditArgs) -> CardPatch {
    CardPatch {
        text: a.text.clone(),
        kind: a.kind,
        speaker: if a.no_speaker {
            Some(None)
        } else {
            a.speaker.clone().map(Some)
        },
        activity: if a.no_activity {
            Some(None)
        } else {
            a.activity.clone().map(Some)
        },
        tags: a.tags.as_deref().map(split_tags),
        votes: a.votes,
    }
}
