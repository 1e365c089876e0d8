//! Answers one request: the page's assets, or the JSON API.
//!
//! - `GET  api/state`: the device (enrolled on first call, cookie set), its CSRF token,
//!   the consultation's language, the device's sent cards with their status, and the
//!   open voting round with the device's dots;
//! - `POST api/cards` `{"text": …, "kind": …?}`: a card sent to the facilitator;
//! - `POST api/dots` `{"round": …, "card": …, "count": N}`: dots on a card.
//!
//! Errors are `{"error": CODE, "message": …}` with a fitting status; the page words
//! them from the code in its own language.

use super::page;
use super::security::{BODY_LIMIT, Guard, Limit, device_from_cookie};
use crate::error::Error;
use crate::model::CardKind;
use crate::storage::Store;
use crate::storage::room::{ROOM_TEXT_LIMIT, RoomDevice};
use serde_json::{Value, json};
use std::io::{Cursor, Read};
use tiny_http::{Header, Method, Request, Response};

type Reply = Response<Cursor<Vec<u8>>>;

fn header(name: &str, value: &str) -> Option<Header> {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
}

fn with_headers(mut r: Reply, content_type: &str) -> Reply {
    for (name, value) in [
        ("Content-Type", content_type),
        ("Content-Security-Policy", page::CSP),
        ("X-Content-Type-Options", "nosniff"),
        // The join code is in the URL: no page the room links to may learn it.
        ("Referrer-Policy", "no-referrer"),
        ("Cache-Control", "no-store"),
        ("X-Frame-Options", "DENY"),
    ] {
        if let Some(h) = header(name, value) {
            r = r.with_header(h);
        }
    }
    r
}

fn json_reply(status: u16, body: &Value) -> Reply {
    with_headers(
        Response::from_data(body.to_string().into_bytes()).with_status_code(status),
        "application/json; charset=utf-8",
    )
}

fn error(status: u16, code: &str, message: &str) -> Reply {
    json_reply(status, &json!({"error": code, "message": message}))
}

fn store_error(e: &Error) -> Reply {
    match e {
        Error::Invalid(m) if m.contains("closed") => error(409, "closed", m),
        Error::Invalid(m) if m.contains("dots per participant") => error(409, "budget", m),
        Error::Invalid(m) | Error::NotFound(m) => error(400, "refused", m),
        _ => error(503, "busy", "the room could not store that; try again"),
    }
}

pub fn handle(store: &mut Store, guard: &Guard, mut request: Request) {
    let reply = answer(store, guard, &mut request);
    // A phone that went away before its answer needs nothing more.
    let _ = request.respond(reply);
}

fn answer(store: &mut Store, guard: &Guard, request: &mut Request) -> Reply {
    let url = request.url().to_owned();
    let path = url.split_once('?').map_or(url.as_str(), |(p, _)| p);
    let Some(inside) = guard.inside(path) else {
        return error(403, "code", "wrong or missing join code");
    };
    let method = request.method().clone();
    match (&method, inside) {
        (Method::Get, "api/state") => state(store, guard, request),
        (Method::Post, "api/cards" | "api/dots") => {
            let route = inside.to_owned();
            match post(store, guard, request) {
                Ok((device, body)) if route == "api/cards" => {
                    send_card(store, guard, &device, &body)
                }
                Ok((device, body)) => place_dots(store, guard, &device, &body),
                Err(reply) => reply,
            }
        }
        (Method::Get, asset) => match page::asset(asset) {
            Some((body, content_type)) => {
                with_headers(Response::from_data(body.as_bytes().to_vec()), content_type)
            }
            None => error(404, "not_found", "nothing here"),
        },
        _ => error(405, "method", "not allowed"),
    }
}

fn header_value<'a>(request: &'a Request, name: &'static str) -> Option<&'a str> {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
}

fn known_device(store: &Store, guard: &Guard, request: &Request) -> Option<RoomDevice> {
    let id = header_value(request, "Cookie").and_then(device_from_cookie)?;
    store.known_device(guard.session_id(), id).ok().flatten()
}

fn state(store: &mut Store, guard: &Guard, request: &Request) -> Reply {
    let known = known_device(store, guard, request);
    let enrolled = known.is_none();
    let device = match known {
        Some(d) => d,
        None if !guard.allow_new_device() => {
            return error(
                429,
                "full",
                "this room has taken as many phones as it can; ask the facilitator to reopen it",
            );
        }
        None => match store.room_device(guard.session_id(), None) {
            Ok(d) => d,
            Err(e) => return store_error(&e),
        },
    };
    match state_body(store, guard, &device) {
        Ok(body) => {
            let mut reply = json_reply(200, &body);
            if enrolled && let Some(h) = header("Set-Cookie", &guard.device_cookie(&device.id)) {
                reply = reply.with_header(h);
            }
            reply
        }
        Err(e) => store_error(&e),
    }
}

fn state_body(store: &Store, guard: &Guard, device: &RoomDevice) -> crate::error::Result<Value> {
    let lang = store.content_lang()?;
    let session = store.session(guard.session_id())?;
    let sent: Vec<Value> = store
        .device_submissions(&device.id)?
        .into_iter()
        .take(100)
        .map(|s| {
            json!({
                "text": s.text,
                "kind": s.kind.map(CardKind::as_str),
                "status": s.status.as_str(),
                "card": s.card_seq,
            })
        })
        .collect();
    let round = match store.open_round(guard.session_id())? {
        Some(r) => {
            let cards = store.round_for_device(&r.id, &device.id)?;
            let used: i64 = cards.iter().map(|c| c.mine).sum();
            let cards: Vec<Value> = cards
                .into_iter()
                .map(|c| json!({"id": c.card_id, "seq": c.seq, "kind": c.kind.as_str(), "text": c.text, "mine": c.mine}))
                .collect();
            json!({"id": r.id, "dots": r.dots, "left": r.dots - used, "cards": cards})
        }
        None => Value::Null,
    };
    Ok(json!({
        "lang": lang.code(),
        "session": session.title,
        "device": device.number,
        "csrf": guard.csrf_for(&device.id),
        "text_limit": ROOM_TEXT_LIMIT,
        "sent": sent,
        "round": round,
    }))
}

/// The device, CSRF token and JSON body of a post, or the refusal.
fn post(store: &Store, guard: &Guard, request: &mut Request) -> Result<(RoomDevice, Value), Reply> {
    let Some(device) = known_device(store, guard, request) else {
        return Err(error(403, "device", "open the room's page again to join"));
    };
    if !guard.csrf_ok(&device.id, header_value(request, "X-Narada-Csrf")) {
        return Err(error(
            403,
            "csrf",
            "missing or stale page token; reload the page",
        ));
    }
    let too_big = || {
        error(
            413,
            "too_big",
            &format!("the request is over {BODY_LIMIT} bytes"),
        )
    };
    if request.body_length().is_some_and(|n| n > BODY_LIMIT) {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    if request
        .as_reader()
        .take(BODY_LIMIT as u64 + 1)
        .read_to_end(&mut bytes)
        .is_err()
    {
        return Err(error(400, "body", "the request could not be read"));
    }
    if bytes.len() > BODY_LIMIT {
        return Err(too_big());
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return Err(error(400, "utf8", "the request is not valid UTF-8 text"));
    };
    match serde_json::from_str(&text) {
        Ok(v @ Value::Object(_)) => Ok((device, v)),
        _ => Err(error(400, "json", "the request is not a JSON object")),
    }
}

fn send_card(store: &mut Store, guard: &Guard, device: &RoomDevice, body: &Value) -> Reply {
    let Some(text) = body.get("text").and_then(Value::as_str) else {
        return error(400, "empty", "the card has no text");
    };
    let kind = match body.get("kind") {
        None | Some(Value::Null) => None,
        Some(Value::String(k)) if k.is_empty() => None,
        Some(Value::String(k)) => match k.parse::<CardKind>() {
            Ok(kind) => Some(kind),
            Err(_) => return error(400, "kind", "unknown kind of card"),
        },
        Some(_) => return error(400, "kind", "unknown kind of card"),
    };
    let chars = text.trim().chars().count();
    if chars == 0 {
        return error(400, "empty", "the card has no text");
    }
    if chars > ROOM_TEXT_LIMIT {
        return error(
            400,
            "too_long",
            &format!("the text has {chars} characters; at most {ROOM_TEXT_LIMIT}"),
        );
    }
    if !guard.allow(&device.id, Limit::Cards) {
        return error(429, "rate", "too many cards in a minute; wait a little");
    }
    match store.submit_to_room(device, text, kind) {
        Ok(s) => json_reply(
            200,
            &json!({"ok": true, "status": s.status.as_str(), "card": s.card_seq}),
        ),
        Err(e) => store_error(&e),
    }
}

fn place_dots(store: &mut Store, guard: &Guard, device: &RoomDevice, body: &Value) -> Reply {
    let (Some(round), Some(card), Some(count)) = (
        body.get("round").and_then(Value::as_str),
        body.get("card").and_then(Value::as_str),
        body.get("count").and_then(Value::as_i64),
    ) else {
        return error(400, "json", "round, card and count are needed");
    };
    if !guard.allow(&device.id, Limit::Dots) {
        return error(429, "rate", "too many dot moves in a minute; wait a little");
    }
    match store.set_dots(round, &device.id, card, count) {
        Ok(left) => json_reply(200, &json!({"ok": true, "left": left})),
        Err(e) => store_error(&e),
    }
}
