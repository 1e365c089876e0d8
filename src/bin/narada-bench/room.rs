//! `narada-bench room`: 200 simulated phones on 127.0.0.1 send cards and move dots
//! through the participants' room for a while; requests per second, latency, and
//! whether every submission answered OK is in the database.
//!
//! Meanwhile the interface runs in the same process on the same database, off screen
//! (as `bench tui` drives it): a key every 50 ms and a tick every 250 ms (the room's
//! queue count is read on ticks), each drawn, for the keystroke → frame figure.

use crate::measure::in_temp_dir;
use narada::error::Result;
use narada::model::{CardDraft, CardKind, SessionDraft, SessionKind};
use narada::room::{Room, RoomConfig};
use narada::storage::Store;
use narada::storage::room_votes::RoundScope;
use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::path::Path;
use std::time::{Duration, Instant};

/// Phones sending cards and moving dots through the room on loopback.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How long the phones keep going.
    #[arg(long, default_value_t = 60)]
    seconds: u64,
    #[arg(long, default_value_t = 200)]
    phones: usize,
    /// Pause of each phone between two requests, in milliseconds (a person reading).
    #[arg(long, default_value_t = 250)]
    think_ms: u64,
}

impl crate::Bench for Args {
    fn run(self) -> Result<String> {
        in_temp_dir("room", |dir| scenario(&self, dir))
    }
}

/// What one phone saw.
#[derive(Default)]
struct Tally {
    latencies_us: Vec<u64>,
    cards_ok: u64,
    refused: u64,
    over_budget: u64,
    failed: u64,
}

fn scenario(args: &Args, dir: &Path) -> Result<String> {
    let db = dir.join("room.db");
    let mut store = Store::open(&db)?;
    let session = store
        .add_session(&SessionDraft::new("Warsztat", SessionKind::Training))?
        .id;
    for i in 0..20 {
        store.add_card(&CardDraft::new(
            &session,
            CardKind::Proposal,
            &format!("Propozycja numer {i}"),
        ))?;
    }
    let round = store.open_vote_round(&session, &RoundScope::Session, 5)?;
    let cards: Vec<String> = store
        .round_tally(&round.id)?
        .into_iter()
        .map(|c| c.card_id)
        .collect();
    drop(store);

    let mut config = RoomConfig::new(&db, &session);
    config.bind = Some(IpAddr::V4(Ipv4Addr::LOCALHOST));
    config.port = 0;
    let room = Room::start_with(&config)?;
    let url = room.url().to_owned();
    let started = Instant::now();
    let until = started + Duration::from_secs(args.seconds);
    let think = Duration::from_millis(args.think_ms);
    let (tallies, frames): (Vec<Tally>, Result<Vec<Duration>>) = std::thread::scope(|s| {
        let handles: Vec<_> = (0..args.phones)
            .map(|n| {
                let (url, round, cards) = (&url, &round.id, &cards);
                s.spawn(move || phone(n, url, round, cards, until, think))
            })
            .collect();
        let frames = interface_under_load(&db, until);
        let tallies = handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect();
        (tallies, frames)
    });
    let frames = frames?;
    let elapsed = started.elapsed().as_secs_f64();
    room.stop();

    let mut latencies: Vec<u64> = tallies
        .iter()
        .flat_map(|t| t.latencies_us.iter().copied())
        .collect();
    latencies.sort_unstable();
    let cards_ok: u64 = tallies.iter().map(|t| t.cards_ok).sum();
    let refused: u64 = tallies.iter().map(|t| t.refused).sum();
    let over_budget: u64 = tallies.iter().map(|t| t.over_budget).sum();
    let failed: u64 = tallies.iter().map(|t| t.failed).sum();
    let store = Store::open(&db)?;
    let stored = store.room_table_rows("room_submission")? as u64;
    let pct = |p: f64| -> f64 {
        latencies
            .get(((latencies.len() as f64 - 1.0) * p).round() as usize)
            .map_or(0.0, |us| *us as f64 / 1000.0)
    };
    Ok(format!(
        "room: {phones} phones on 127.0.0.1 for {elapsed:.1} s ({think} ms between requests)\n\
         requests: {n} ({rps:.0}/s), p50 {p50:.1} ms, p99 {p99:.1} ms, max {max:.1} ms\n\
         cards answered OK: {cards_ok}; in the database: {stored}; lost: {lost}\n\
         dot moves refused as over the budget (phones try to overspend): {over_budget}\n\
         other refusals: {refused}; failed (no answer or 5xx): {failed}\n\
         interface keystroke → frame during the load (ms): {frames}",
        phones = args.phones,
        think = args.think_ms,
        n = latencies.len(),
        rps = latencies.len() as f64 / elapsed,
        p50 = pct(0.5),
        p99 = pct(0.99),
        max = pct(1.0),
        lost = cards_ok.saturating_sub(stored),
        frames = crate::tui::summary(frames),
    ))
}

/// Drives the interface on `db` until `until`: moves in the list and ticks, drawing each
/// time; returns each key's time to its frame.
fn interface_under_load(db: &Path, until: Instant) -> Result<Vec<Duration>> {
    use crate::tui::{HEIGHT, WIDTH, code, draw, io};
    use narada::tui::Driver;
    use narada::tui::action::Action;
    use narada::tui::app::AppOptions;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::KeyCode;

    let mut d = Driver::new(Store::open(db)?, AppOptions::default(), true);
    d.act(Action::Resize(WIDTH, HEIGHT));
    let mut term = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).map_err(io)?;
    d.settle(Duration::from_secs(30));
    draw(&mut term, &d)?;
    let mut frames = Vec::new();
    let mut next_tick = Instant::now();
    let mut down = true;
    while Instant::now() < until {
        let t = Instant::now();
        d.key(code(if down { KeyCode::Down } else { KeyCode::Up }));
        d.poll();
        draw(&mut term, &d)?;
        frames.push(t.elapsed());
        down = !down;
        if Instant::now() >= next_tick {
            d.act(Action::Tick(Instant::now()));
            d.poll();
            draw(&mut term, &d)?;
            next_tick += Duration::from_millis(250);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    Ok(frames)
}

fn phone(
    n: usize,
    url: &str,
    round: &str,
    cards: &[String],
    until: Instant,
    think: Duration,
) -> Tally {
    let mut t = Tally::default();
    let Some((addr, base)) = split_url(url) else {
        t.failed += 1;
        return t;
    };
    let Ok((status, cookie, body)) = call(addr, &format!("GET {base}api/state"), &[], "") else {
        t.failed += 1;
        return t;
    };
    let csrf = serde_json::from_str::<serde_json::Value>(&body)
        .ok()
        .and_then(|v| v["csrf"].as_str().map(str::to_owned));
    let (Some(cookie), Some(csrf), 200) = (cookie, csrf, status) else {
        t.failed += 1;
        return t;
    };
    let headers = [
        ("Cookie", cookie.as_str()),
        ("X-Narada-Csrf", csrf.as_str()),
    ];
    // Within the room's 20 cards a minute per device.
    let card_every = Duration::from_secs(3) + Duration::from_millis(100);
    let mut next_card = Instant::now() + Duration::from_millis((n as u64 * 15) % 3000);
    let mut step = n;
    while Instant::now() < until {
        step += 1;
        let (line, body) = if Instant::now() >= next_card {
            next_card += card_every;
            (
                format!("POST {base}api/cards"),
                serde_json::json!({"text": format!("p: Karta z telefonu {n}, krok {step} #test")})
                    .to_string(),
            )
        } else if step.is_multiple_of(3) {
            (format!("GET {base}api/state"), String::new())
        } else {
            let card = &cards[step % cards.len()];
            (
                format!("POST {base}api/dots"),
                serde_json::json!({"round": round, "card": card, "count": step % 3}).to_string(),
            )
        };
        let sent = Instant::now();
        match call(addr, &line, &headers, &body) {
            Ok((status, _, _)) => {
                t.latencies_us.push(sent.elapsed().as_micros() as u64);
                match status {
                    200 if line.ends_with("api/cards") => t.cards_ok += 1,
                    200 => {}
                    409 => t.over_budget += 1,
                    400..=499 => t.refused += 1,
                    _ => t.failed += 1,
                }
            }
            Err(_) => t.failed += 1,
        }
        std::thread::sleep(think);
    }
    t
}

fn split_url(url: &str) -> Option<(SocketAddr, String)> {
    let (host, path) = url.strip_prefix("http://")?.split_once('/')?;
    Some((host.parse().ok()?, format!("/{path}")))
}

/// One request on its own connection; (status, cookie set, body).
fn call(
    addr: SocketAddr,
    line: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> std::io::Result<(u16, Option<String>, String)> {
    let mut stream = TcpStream::connect(addr)?;
    let mut head = format!("{line} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (name, value) in headers {
        head.push_str(name);
        head.push_str(": ");
        head.push_str(value);
        head.push_str("\r\n");
    }
    if line.starts_with("POST") {
        head.push_str("Content-Type: application/json\r\nContent-Length: ");
        head.push_str(&body.len().to_string());
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    head.push_str(body);
    stream.write_all(head.as_bytes())?;
    let mut raw = String::new();
    stream.read_to_string(&mut raw)?;
    let (head, body) = raw
        .split_once("\r\n\r\n")
        .ok_or_else(|| std::io::Error::other("no HTTP answer"))?;
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other("no HTTP status"))?;
    let cookie = head
        .lines()
        .find_map(|l| l.strip_prefix("Set-Cookie: "))
        .and_then(|c| c.split(';').next())
        .map(str::to_owned);
    Ok((status, cookie, body.to_owned()))
}
