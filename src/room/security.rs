//! What every request must carry, and the per-device limits.
//!
//! - The join code is part of every path (`/r/CODE/…`): without it, 403 and nothing is
//!   read or written. It comes from the system's random source, 8 characters of an
//!   alphabet without look-alikes (about 40 bits), new each time a room opens.
//! - A device is its cookie (a random id, `HttpOnly`, `SameSite=Strict`, scoped to the
//!   room's path); posts also need the device's CSRF token in a header, which a page of
//!   another site cannot send without a CORS preflight the room never answers.
//! - Bodies over [`BODY_LIMIT`] are refused before they are read; texts over
//!   `ROOM_TEXT_LIMIT` characters, invalid UTF-8 and malformed JSON get a clear message.
//! - Each device may send `cards_per_minute` cards and make `dots_per_minute` dot moves
//!   per minute (sliding window, in memory).
//! - At most [`MAX_NEW_DEVICES`] phones join one opened room, so a holder of the join
//!   code cannot grow the database without bound by dropping its cookie.

use super::RoomConfig;
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Largest request body read, in bytes.
pub const BODY_LIMIT: usize = 8 * 1024;

const CODE_ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
const CODE_LEN: usize = 8;
const WINDOW: Duration = Duration::from_mins(1);
/// Phones that may join one opened room: far above a workshop (25–40) and the load
/// bench (200), low enough that cookie-less requests cannot flood the device table.
pub const MAX_NEW_DEVICES: usize = 1_000;

/// What a device may do at most per minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    Cards,
    Dots,
}

pub struct Guard {
    code: String,
    session_id: String,
    cards_per_minute: usize,
    dots_per_minute: usize,
    /// Device id → its CSRF token, made when the device first reads the room's state.
    csrf: Mutex<HashMap<String, String>>,
    recent: Mutex<HashMap<(String, bool), VecDeque<Instant>>>,
    /// Phones that joined since the room opened.
    joined: AtomicUsize,
}

fn random_token() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

fn join_code() -> String {
    let bytes = uuid::Uuid::new_v4().into_bytes();
    bytes
        .iter()
        .take(CODE_LEN)
        .map(|b| char::from(CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()]))
        .collect()
}

/// Compares without stopping at the first difference, so timing tells nothing.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl Guard {
    pub fn new(config: &RoomConfig) -> Guard {
        Guard {
            code: join_code(),
            session_id: config.session_id.clone(),
            cards_per_minute: config.cards_per_minute,
            dots_per_minute: config.dots_per_minute,
            csrf: Mutex::new(HashMap::new()),
            recent: Mutex::new(HashMap::new()),
            joined: AtomicUsize::new(0),
        }
    }

    pub fn code(&self) -> &str {
        &self.code
    }

    pub fn session_id(&self) -> &str {
        &self.session_id
    }

    /// The part of `path` after `/r/CODE/`, or `None` when the code is wrong or missing.
    pub fn inside<'a>(&self, path: &'a str) -> Option<&'a str> {
        let rest = path.strip_prefix("/r/")?;
        let (code, rest) = rest.split_once('/').unwrap_or((rest, ""));
        same(code, &self.code).then_some(rest)
    }

    /// The cookie that names a device, for `Set-Cookie`.
    pub fn device_cookie(&self, device_id: &str) -> String {
        format!(
            "narada_device={device_id}; Path=/r/{}/; HttpOnly; SameSite=Strict; Max-Age=86400",
            self.code
        )
    }

    /// The device's CSRF token, made on first use.
    pub fn csrf_for(&self, device_id: &str) -> String {
        let mut map = self
            .csrf
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        map.entry(device_id.to_owned())
            .or_insert_with(random_token)
            .clone()
    }

    pub fn csrf_ok(&self, device_id: &str, token: Option<&str>) -> bool {
        let map = self
            .csrf
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match (map.get(device_id), token) {
            (Some(expected), Some(given)) => same(expected, given),
            _ => false,
        }
    }

    /// Counts one new phone; false once [`MAX_NEW_DEVICES`] have joined (then not counted).
    pub fn allow_new_device(&self) -> bool {
        self.joined
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                (n < MAX_NEW_DEVICES).then_some(n + 1)
            })
            .is_ok()
    }

    /// Counts one action of a device; false when it is over its limit (then not counted).
    pub fn allow(&self, device_id: &str, what: Limit) -> bool {
        let max = match what {
            Limit::Cards => self.cards_per_minute,
            Limit::Dots => self.dots_per_minute,
        };
        let now = Instant::now();
        let mut map = self
            .recent
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let times = map
            .entry((device_id.to_owned(), what == Limit::Cards))
            .or_default();
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= WINDOW)
        {
            times.pop_front();
        }
        if times.len() >= max {
            return false;
        }
        times.push_back(now);
        true
    }
}

/// The device id in a `Cookie` header value.
pub fn device_from_cookie(header: &str) -> Option<&str> {
    header
        .split(';')
        .filter_map(|part| part.trim().strip_prefix("narada_device="))
        .find(|v| !v.is_empty() && v.len() <= 64 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_cookies() {
        let g = Guard::new(&RoomConfig::new(std::path::Path::new("x"), "s"));
        assert_eq!(g.code().len(), CODE_LEN);
        let good = format!("/r/{}/api/state", g.code());
        assert_eq!(g.inside(&good), Some("api/state"));
        assert_eq!(g.inside("/r/wrong/api/state"), None);
        assert_eq!(g.inside("/"), None);
        assert_eq!(device_from_cookie("a=1; narada_device=ab12"), Some("ab12"));
        assert_eq!(device_from_cookie("narada_device=<x>"), None);
    }

    #[test]
    fn an_opened_room_takes_a_bounded_number_of_new_phones() {
        let g = Guard::new(&RoomConfig::new(std::path::Path::new("x"), "s"));
        assert!((0..MAX_NEW_DEVICES).all(|_| g.allow_new_device()));
        assert!(!g.allow_new_device());
        assert!(!g.allow_new_device());
    }
}
