//! `narada serve` (the participants' room) and `narada room` (its queue from the
//! command line).

use super::cards::pick_session;
use crate::error::{Error, Result};
use crate::model::CardKind;
use crate::room::{DEFAULT_PORT, Room, RoomConfig};
use crate::storage::Store;
use crate::storage::room::{Acceptance, Submission};
use crate::storage::room_votes::RoundScope;
use clap::{Args, Subcommand};
use std::net::IpAddr;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Session title or id (default: the session used last, else the newest).
    #[arg(long, short)]
    pub session: Option<String>,
    /// Address to listen on (default: this laptop's address on the local network).
    #[arg(long)]
    pub bind: Option<IpAddr>,
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = DEFAULT_PORT)]
    pub port: u16,
    /// Turn every submission into a card at once (a trusted room); without it, they
    /// wait for the facilitator.
    #[arg(long)]
    pub accept_all: bool,
    /// Print the address, join code and QR code and serve until Ctrl+C or SIGTERM,
    /// without the interface.
    #[arg(long)]
    pub no_tui: bool,
}

#[derive(Debug, Subcommand)]
pub enum RoomCmd {
    /// Cards sent from phones that wait for the facilitator, oldest first.
    Pending {
        #[arg(long, short)]
        session: Option<String>,
    },
    /// Turn a sent card into a card of its session (read with the capture grammar).
    Accept {
        /// The submission's id, or a unique beginning of it (see `room pending`).
        submission: String,
        #[arg(long, short)]
        kind: Option<CardKind>,
        /// Replace the text (capture grammar: `p: … #tag @role`).
        #[arg(long)]
        text: Option<String>,
    },
    /// Refuse a sent card (it stays on record as rejected).
    Reject { submission: String },
    /// Record a sent card as a duplicate of an existing card.
    Merge { submission: String, card: String },
    /// Open a dot-voting round on phones over the session's cards (or the given ones).
    OpenRound {
        #[arg(long, short)]
        session: Option<String>,
        /// Dots per participant.
        #[arg(long, default_value_t = 3)]
        dots: i64,
        /// Only these cards (`#12`, ids).
        cards: Vec<String>,
    },
    /// Close the session's open round and add its dots to the cards' tallies.
    CloseRound {
        #[arg(long, short)]
        session: Option<String>,
    },
}

/// `narada serve` with the interface: the session to open and the accept-all switch
/// are stored, and the interface opens the room on start.
pub fn prepare_interface(store: &mut Store, args: &ServeArgs) -> Result<()> {
    let session = pick_session(store, args.session.as_deref())?;
    store.set_room_accept_all(&session.id, args.accept_all)?;
    store.set_setting(crate::tui::effect::LAST_SESSION, &session.id)
}

pub fn serve(store: &mut Store, db: &Path, args: &ServeArgs) -> Result<()> {
    let session = pick_session(store, args.session.as_deref())?;
    store.set_room_accept_all(&session.id, args.accept_all)?;
    let mut config = RoomConfig::new(db, &session.id);
    config.bind = args.bind;
    config.port = args.port;
    // Signals first: a SIGTERM between start and wait must still close the room.
    let stop = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ] {
        signal_hook::flag::register(sig, Arc::clone(&stop))
            .map_err(|e| Error::Invalid(format!("cannot watch for signals: {e}")))?;
    }
    let room = Room::start_with(&config)?;
    println!("room of session {:?} open", session.title);
    println!("listening on {}", room.bind_note());
    println!("url: {}", room.url());
    println!("join code: {}", room.join_code());
    for line in room.qr_lines() {
        println!("{line}");
    }
    println!(
        "{}; Ctrl+C closes the room",
        if args.accept_all {
            "every card sent becomes a card at once (--accept-all)"
        } else {
            "cards sent wait for you: narada room pending / accept / reject"
        }
    );
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(Duration::from_millis(100));
    }
    room.stop();
    println!(
        "room closed; {} cards wait in the queue",
        store.room_pending_count(&session.id)?
    );
    Ok(())
}

fn find_submission(store: &Store, reference: &str) -> Result<Submission> {
    let r = reference.trim();
    if let Ok(s) = store.room_submission(r) {
        return Ok(s);
    }
    let mut found = Vec::new();
    for session in store.sessions()? {
        found.extend(
            store
                .room_pending(&session.id)?
                .into_iter()
                .filter(|s| r.len() >= 4 && s.id.starts_with(r)),
        );
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(Error::NotFound(format!(
            "no waiting submission matches {r:?} (see `narada room pending`)"
        ))),
        n => Err(Error::Invalid(format!(
            "{r:?} matches {n} submissions; type more of the id"
        ))),
    }
}

pub fn run(store: &mut Store, cmd: RoomCmd) -> Result<()> {
    let lang = store.content_lang()?;
    match cmd {
        RoomCmd::Pending { session } => {
            let session = pick_session(store, session.as_deref())?;
            let pending = store.room_pending(&session.id)?;
            for s in &pending {
                let kind = s
                    .kind
                    .map_or(String::new(), |k| format!("[{}] ", k.as_str()));
                println!(
                    "{}  {}  {}{}",
                    s.id,
                    crate::storage::room::pseudonym(s.device_number, lang),
                    kind,
                    s.text
                );
            }
            println!("{} waiting", pending.len());
        }
        RoomCmd::Accept {
            submission,
            kind,
            text,
        } => {
            let s = find_submission(store, &submission)?;
            let edits = Acceptance {
                kind,
                text,
                tags: None,
            };
            let (_, card) = store.accept_submission(&s.id, &edits)?;
            println!("accepted as card #{}", card.seq);
        }
        RoomCmd::Reject { submission } => {
            let s = find_submission(store, &submission)?;
            store.reject_submission(&s.id)?;
            println!("rejected");
        }
        RoomCmd::Merge { submission, card } => {
            let s = find_submission(store, &submission)?;
            let card = store.find_card(&card)?;
            store.merge_submission(&s.id, &card.id)?;
            println!("recorded as a duplicate of card #{}", card.seq);
        }
        RoomCmd::OpenRound {
            session,
            dots,
            cards,
        } => {
            let session = pick_session(store, session.as_deref())?;
            let scope = if cards.is_empty() {
                RoundScope::Session
            } else {
                let ids = cards
                    .iter()
                    .map(|c| store.find_card(c).map(|c| c.id))
                    .collect::<Result<Vec<_>>>()?;
                RoundScope::Cards(ids)
            };
            let round = store.open_vote_round(&session.id, &scope, dots)?;
            let n = store.round_tally(&round.id)?.len();
            println!("voting round open: {n} cards, {dots} dots per participant");
        }
        RoomCmd::CloseRound { session } => {
            let session = pick_session(store, session.as_deref())?;
            let round = store
                .open_round(&session.id)?
                .ok_or_else(|| Error::NotFound("this session has no open voting round".into()))?;
            let result = store.close_vote_round(&round.id)?;
            let dots: i64 = result.added.iter().map(|(_, d)| d).sum();
            println!(
                "voting round closed: {dots} dots from {} participants added to {} cards",
                result.devices,
                result.added.len()
            );
        }
    }
    Ok(())
}
