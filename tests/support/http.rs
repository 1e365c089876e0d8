//! A minimal HTTP/1.1 client over a plain TCP stream, for the room's tests: one request
//! per connection (`Connection: close`), any bytes as the body, so hostile requests
//! (invalid UTF-8, oversized bodies) can be sent as they are.

#![allow(dead_code)] // each test file uses a different part
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap()
    }
}

pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    let mut stream = TcpStream::connect(addr).unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (n, v) in headers {
        head.push_str(n);
        head.push_str(": ");
        head.push_str(v);
        head.push_str("\r\n");
    }
    if method == "POST" {
        head.push_str("Content-Length: ");
        head.push_str(&body.len().to_string());
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    // The server may answer (413) before reading a large body; a failed write is fine.
    let _ = stream.write_all(body);
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Reply {
        status,
        headers,
        body: body.to_owned(),
    }
}

/// A phone: its cookie and CSRF token once it has read the room's state.
pub struct Phone {
    pub addr: SocketAddr,
    pub base: String,
    pub cookie: String,
    pub csrf: String,
}

impl Phone {
    /// Joins the room at `url` (`http://ADDR/r/CODE/`).
    pub fn join(url: &str) -> Phone {
        let rest = url.strip_prefix("http://").unwrap();
        let (host, path) = rest.split_once('/').unwrap();
        let addr: SocketAddr = host.parse().unwrap();
        let base = format!("/{path}");
        let r = request(addr, "GET", &format!("{base}api/state"), &[], b"");
        assert_eq!(r.status, 200, "{}", r.body);
        let cookie = r
            .header("Set-Cookie")
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let csrf = r.json()["csrf"].as_str().unwrap().to_owned();
        Phone {
            addr,
            base,
            cookie,
            csrf,
        }
    }

    pub fn state(&self) -> serde_json::Value {
        let r = self.get("api/state");
        assert_eq!(r.status, 200, "{}", r.body);
        r.json()
    }

    pub fn get(&self, path: &str) -> Reply {
        request(
            self.addr,
            "GET",
            &format!("{}{path}", self.base),
            &[("Cookie", &self.cookie)],
            b"",
        )
    }

    pub fn post(&self, path: &str, body: &[u8]) -> Reply {
        request(
            self.addr,
            "POST",
            &format!("{}{path}", self.base),
            &[
                ("Cookie", &self.cookie),
                ("X-Narada-Csrf", &self.csrf),
                ("Content-Type", "application/json"),
            ],
            body,
        )
    }

    pub fn send(&self, text: &str) -> Reply {
        self.post(
            "api/cards",
            serde_json::json!({"text": text}).to_string().as_bytes(),
        )
    }

    pub fn dots(&self, round: &str, card: &str, count: i64) -> Reply {
        self.post(
            "api/dots",
            serde_json::json!({"round": round, "card": card, "count": count})
                .to_string()
                .as_bytes(),
        )
    }
}
