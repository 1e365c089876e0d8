//! The participants' room: a small web server on the room's local network through which
//! phones send cards and place dot votes into the session's database.
//!
//! [`Room::start`] opens it and returns a [`RoomHandle`] (URL, join code, QR code as
//! text lines); dropping the handle or [`RoomHandle::stop`] closes the listener and
//! waits for the workers. Each worker has its own `SQLite` connection to the same file
//! (WAL; a busy writer is waited for), so a submission is stored before the phone gets
//! its OK, whatever the interface is doing. What the interface does with submissions
//! and rounds is in `storage::room` and `storage::room_votes`.
//!
//! Only `/r/JOINCODE/` (the page, its script and style) and `/r/JOINCODE/api/…` are
//! served; see `security.rs` for the checks every request passes.

mod api;
mod net;
mod page;
mod security;

pub use net::lan_address;

use crate::error::{Error, Result};
use security::Guard;
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

/// How the room is served; [`RoomConfig::new`] gives the defaults.
#[derive(Debug, Clone)]
pub struct RoomConfig {
    pub db_path: PathBuf,
    pub session_id: String,
    /// `None`: the laptop's LAN address ([`lan_address`]).
    pub bind: Option<IpAddr>,
    /// 0 lets the system pick a free port.
    pub port: u16,
    /// Threads answering requests, each with its own database connection.
    pub workers: usize,
    /// Cards one device may send per minute.
    pub cards_per_minute: usize,
    /// Dot moves one device may make per minute.
    pub dots_per_minute: usize,
}

impl RoomConfig {
    pub fn new(db_path: &Path, session_id: &str) -> RoomConfig {
        RoomConfig {
            db_path: db_path.to_path_buf(),
            session_id: session_id.to_owned(),
            bind: None,
            port: DEFAULT_PORT,
            workers: 4,
            cards_per_minute: 20,
            dots_per_minute: 240,
        }
    }
}

/// The port tried when none is given.
pub const DEFAULT_PORT: u16 = 8765;

/// How many times a stopping room checks that its listener is closed.
const CLOSE_CHECKS: usize = 400;

/// How often an idle worker looks whether the room is closing.
const POLL: Duration = Duration::from_millis(100);

pub struct Room;

impl Room {
    /// Opens the room of a session of the database at `db_path`, on `bind` (default:
    /// the LAN address) and `port` (0: any free one).
    pub fn start(
        db_path: &Path,
        session_id: &str,
        bind: Option<IpAddr>,
        port: u16,
    ) -> Result<RoomHandle> {
        let mut config = RoomConfig::new(db_path, session_id);
        config.bind = bind;
        config.port = port;
        Self::start_with(&config)
    }

    pub fn start_with(config: &RoomConfig) -> Result<RoomHandle> {
        if !config.db_path.is_file() {
            return Err(Error::NotFound(format!(
                "{}: no such database",
                config.db_path.display()
            )));
        }
        // Checks the file and the session before anything listens.
        let store = crate::storage::Store::open(&config.db_path)?;
        store.session(&config.session_id)?;
        drop(store);
        let (ip, bind_note) = if let Some(ip) = config.bind {
            (ip, format!("{ip} (as asked)"))
        } else {
            let (ip, name) = lan_address()?;
            (ip, format!("{ip} (network interface {name})"))
        };
        let server = tiny_http::Server::http(SocketAddr::new(ip, config.port)).map_err(|e| {
            Error::Invalid(format!(
                "cannot listen on {ip} port {}: {e} (try another --port or --bind)",
                config.port
            ))
        })?;
        let addr = server
            .server_addr()
            .to_ip()
            .ok_or_else(|| Error::Invalid("the room's listener has no IP address".into()))?;
        let server = Arc::new(server);
        let guard = Arc::new(Guard::new(config));
        let stop = Arc::new(AtomicBool::new(false));
        let mut workers = Vec::new();
        for n in 0..config.workers.max(1) {
            let store = crate::storage::Store::open(&config.db_path)?;
            let (server, guard, stop) =
                (Arc::clone(&server), Arc::clone(&guard), Arc::clone(&stop));
            let worker = std::thread::Builder::new()
                .name(format!("room-{n}"))
                .spawn(move || serve(&server, store, &guard, &stop))
                .map_err(|e| Error::Invalid(format!("cannot start the room's workers: {e}")))?;
            workers.push(worker);
        }
        let url = format!("http://{addr}/r/{}/", guard.code());
        Ok(RoomHandle {
            url,
            join_code: guard.code().to_owned(),
            addr,
            bind_note,
            stop,
            workers,
            server: Some(server),
        })
    }
}

fn serve(
    server: &tiny_http::Server,
    mut store: crate::storage::Store,
    guard: &Guard,
    stop: &AtomicBool,
) {
    while !stop.load(Ordering::Relaxed) {
        match server.recv_timeout(POLL) {
            Ok(Some(request)) => api::handle(&mut store, guard, request),
            Ok(None) => {}
            // A broken connection concerns that phone only.
            Err(_) => std::thread::sleep(POLL),
        }
    }
    // Folds the WAL when no other connection is busy; another may do it later.
    let _ = store.close();
}

/// An open room; closes when stopped or dropped.
pub struct RoomHandle {
    url: String,
    join_code: String,
    addr: SocketAddr,
    bind_note: String,
    stop: Arc<AtomicBool>,
    workers: Vec<JoinHandle<()>>,
    server: Option<Arc<tiny_http::Server>>,
}

impl std::fmt::Debug for RoomHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RoomHandle")
            .field("url", &self.url)
            .finish_non_exhaustive()
    }
}

impl RoomHandle {
    /// The address to open on a phone, join code included.
    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn join_code(&self) -> &str {
        &self.join_code
    }

    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Where it listens and why that address (to show the user).
    pub fn bind_note(&self) -> &str {
        &self.bind_note
    }

    /// The URL as a QR code in text: two modules per character cell (`▀▄█` and space),
    /// dark on light, with its quiet zone. Empty if the URL cannot be encoded.
    pub fn qr_lines(&self) -> Vec<String> {
        qr_lines(&self.url)
    }

    /// Closes the listener and waits for requests in progress.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        for w in self.workers.drain(..) {
            // A worker that panicked has nothing left to clean up.
            let _ = w.join();
        }
        // The last reference: dropping the server tells its accept thread to close the
        // listening socket, which it does as it wakes; wait until it has, so that a
        // stopped room is closed when this returns.
        if self.server.take().is_some() {
            for _ in 0..CLOSE_CHECKS {
                if TcpStream::connect_timeout(&self.addr, POLL).is_err() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(5));
            }
        }
    }
}

impl Drop for RoomHandle {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// A QR code of `text` as lines of text (see [`RoomHandle::qr_lines`]).
pub fn qr_lines(text: &str) -> Vec<String> {
    use qrcode::render::unicode::Dense1x2;
    match qrcode::QrCode::new(text.as_bytes()) {
        Ok(code) => code
            .render::<Dense1x2>()
            .dark_color(Dense1x2::Light)
            .light_color(Dense1x2::Dark)
            .quiet_zone(true)
            .build()
            .lines()
            .map(str::to_owned)
            .collect(),
        Err(_) => Vec::new(),
    }
}
