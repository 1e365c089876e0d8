//! Dot-voting rounds of the participants' room (schema v9).
//!
//! API for the interface: [`Store::open_vote_round`] over a [`RoundScope`] (the
//! session's live cards, given cards, or a topic's cards in the session; the list is
//! fixed when the round opens; one open round per session), [`Store::open_round`] for
//! the session's open round, [`Store::round_tally`] for the live tally,
//! [`Store::close_vote_round`] to add the dots to the cards' tallies (each card gets a
//! `voted` event whose detail is `{"from","to","round","dots","devices"}`) and
//! [`Store::reopen_vote_round`] to undo that. Phones use [`Store::round_for_device`]
//! and [`Store::set_dots`].

use super::{Store, events};
use crate::error::{Error, Result};
use crate::model::{CardKind, LIMIT_VOTES, new_id, now_rfc3339};
use rusqlite::{OptionalExtension, Transaction, params};

/// Most dots a device may get in one round.
pub const MAX_DOTS: i64 = 100;

/// Which cards a round is over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundScope {
    /// Every live card of the session.
    Session,
    /// These cards (ids), which must be live cards of the session.
    Cards(Vec<String>),
    /// The live cards of the session in this topic (id).
    Topic(String),
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct VoteRound {
    pub id: String,
    pub session_id: String,
    /// `session`, `cards` or `topic`.
    pub scope: String,
    pub topic_id: Option<String>,
    /// Dots per device.
    pub dots: i64,
    pub open: bool,
    pub opened_at: String,
    pub closed_at: Option<String>,
}

/// A card of a round with its dots so far (all devices) and one device's.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RoundCard {
    pub card_id: String,
    pub seq: i64,
    pub kind: CardKind,
    pub text: String,
    pub dots: i64,
    pub mine: i64,
}

/// What closing a round added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoundResult {
    /// (card id, dots added), cards with no dots left out.
    pub added: Vec<(String, i64)>,
    /// Devices that placed at least one dot.
    pub devices: i64,
}

const ROUND_SELECT: &str = "SELECT id, session_id, scope, topic_id, dots, status, opened_at,
    closed_at FROM vote_round";

fn round_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<VoteRound> {
    let status: String = r.get(5)?;
    Ok(VoteRound {
        id: r.get(0)?,
        session_id: r.get(1)?,
        scope: r.get(2)?,
        topic_id: r.get(3)?,
        dots: r.get(4)?,
        open: status == "open",
        opened_at: r.get(6)?,
        closed_at: r.get(7)?,
    })
}

const LIVE: &str = "c.deleted_at IS NULL AND c.superseded_by IS NULL";

impl Store {
    /// Opens a round with `dots` per device; refused while the session has one open.
    pub fn open_vote_round(
        &mut self,
        session_id: &str,
        scope: &RoundScope,
        dots: i64,
    ) -> Result<VoteRound> {
        if !(1..=MAX_DOTS).contains(&dots) {
            return Err(Error::Invalid(format!(
                "dots per participant must be 1 to {MAX_DOTS}, not {dots}"
            )));
        }
        self.session(session_id)?;
        if self.open_round(session_id)?.is_some() {
            return Err(Error::Invalid(
                "this session already has an open voting round; close it first".into(),
            ));
        }
        let tx = self.conn.transaction()?;
        let cards = scope_cards(&tx, session_id, scope)?;
        if cards.is_empty() {
            return Err(Error::Invalid(
                "the round would have no cards to vote on".into(),
            ));
        }
        let id = new_id();
        let (name, topic) = match scope {
            RoundScope::Session => ("session", None),
            RoundScope::Cards(_) => ("cards", None),
            RoundScope::Topic(t) => ("topic", Some(t.as_str())),
        };
        tx.execute(
            "INSERT INTO vote_round (id, session_id, scope, topic_id, dots, opened_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![id, session_id, name, topic, dots, now_rfc3339()],
        )?;
        {
            let mut st = tx.prepare(
                "INSERT INTO vote_round_card (round_id, card_id, position) VALUES (?1, ?2, ?3)",
            )?;
            for (i, card) in cards.iter().enumerate() {
                st.execute(params![id, card, i as i64])?;
            }
        }
        tx.commit()?;
        self.vote_round(&id)
    }

    pub fn vote_round(&self, id: &str) -> Result<VoteRound> {
        let sql = format!("{ROUND_SELECT} WHERE id = ?1");
        self.conn
            .query_row(&sql, [id], round_from_row)
            .optional()?
            .ok_or_else(|| Error::NotFound(format!("no voting round with id {id}")))
    }

    /// The session's open round, if any.
    pub fn open_round(&self, session_id: &str) -> Result<Option<VoteRound>> {
        let sql = format!("{ROUND_SELECT} WHERE session_id = ?1 AND status = 'open'");
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row([session_id], round_from_row)
            .optional()?)
    }

    /// The round's cards in order with every device's dots (`mine` is 0).
    pub fn round_tally(&self, round_id: &str) -> Result<Vec<RoundCard>> {
        self.round_cards(round_id, "")
    }

    /// The round's cards with all dots and this device's.
    pub fn round_for_device(&self, round_id: &str, device_id: &str) -> Result<Vec<RoundCard>> {
        self.round_cards(round_id, device_id)
    }

    fn round_cards(&self, round_id: &str, device_id: &str) -> Result<Vec<RoundCard>> {
        let mut st = self.conn.prepare_cached(
            "SELECT c.id, c.seq, c.kind, c.text,
                 (SELECT coalesce(sum(count), 0) FROM room_dot d
                  WHERE d.round_id = rc.round_id AND d.card_id = c.id),
                 (SELECT coalesce(sum(count), 0) FROM room_dot d
                  WHERE d.round_id = rc.round_id AND d.card_id = c.id AND d.device_id = ?2)
             FROM vote_round_card rc JOIN card c ON c.id = rc.card_id
             WHERE rc.round_id = ?1 ORDER BY rc.position",
        )?;
        let rows = st.query_map([round_id, device_id], |r| {
            let kind: String = r.get(2)?;
            Ok(RoundCard {
                card_id: r.get(0)?,
                seq: r.get(1)?,
                kind: kind.parse().unwrap_or(CardKind::Other),
                text: r.get(3)?,
                dots: r.get(4)?,
                mine: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Puts `count` of a device's dots on a card (0 takes them off); returns the dots
    /// the device has left. Refused, writing nothing, when the round is closed, the card
    /// is not in it, or the device's dots would exceed the budget.
    pub fn set_dots(
        &mut self,
        round_id: &str,
        device_id: &str,
        card_id: &str,
        count: i64,
    ) -> Result<i64> {
        let tx = self.conn.transaction()?;
        let (session_id, dots, status): (String, i64, String) = tx
            .query_row(
                "SELECT session_id, dots, status FROM vote_round WHERE id = ?1",
                [round_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?
            .ok_or_else(|| Error::NotFound("no such voting round".into()))?;
        if status != "open" {
            return Err(Error::Invalid("this voting round is closed".into()));
        }
        let enrolled: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM room_device WHERE id = ?1 AND session_id = ?2)",
            [device_id, &session_id],
            |r| r.get(0),
        )?;
        let in_round: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM vote_round_card WHERE round_id = ?1 AND card_id = ?2)",
            [round_id, card_id],
            |r| r.get(0),
        )?;
        if !enrolled || !in_round {
            return Err(Error::Invalid(
                "that card is not in this voting round".into(),
            ));
        }
        if count < 0 {
            return Err(Error::Invalid("dots cannot be negative".into()));
        }
        let elsewhere: i64 = tx.query_row(
            "SELECT coalesce(sum(count), 0) FROM room_dot
             WHERE round_id = ?1 AND device_id = ?2 AND card_id <> ?3",
            [round_id, device_id, card_id],
            |r| r.get(0),
        )?;
        if elsewhere + count > dots {
            return Err(Error::Invalid(format!(
                "only {dots} dots per participant; {} left",
                dots - elsewhere
            )));
        }
        if count == 0 {
            tx.execute(
                "DELETE FROM room_dot WHERE round_id = ?1 AND device_id = ?2 AND card_id = ?3",
                [round_id, device_id, card_id],
            )?;
        } else {
            tx.execute(
                "INSERT INTO room_dot (round_id, device_id, card_id, count) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(round_id, device_id, card_id) DO UPDATE SET count = excluded.count",
                params![round_id, device_id, card_id, count],
            )?;
        }
        tx.commit()?;
        Ok(dots - elsewhere - count)
    }

    /// Closes an open round and adds its dots to the cards' tallies.
    pub fn close_vote_round(&mut self, round_id: &str) -> Result<RoundResult> {
        self.apply_round(round_id, true)
    }

    /// Undoes a close: takes the round's dots off the tallies again (never below zero)
    /// and reopens it, unless the session opened another round since.
    pub fn reopen_vote_round(&mut self, round_id: &str) -> Result<RoundResult> {
        self.apply_round(round_id, false)
    }

    fn apply_round(&mut self, round_id: &str, close: bool) -> Result<RoundResult> {
        let round = self.vote_round(round_id)?;
        if round.open != close {
            let state = if close {
                "already closed"
            } else {
                "still open"
            };
            return Err(Error::Invalid(format!("this voting round is {state}")));
        }
        if !close && self.open_round(&round.session_id)?.is_some() {
            return Err(Error::Invalid(
                "another voting round of this session is open; close it first".into(),
            ));
        }
        let tx = self.conn.transaction()?;
        let result = round_result(&tx, round_id)?;
        let now = now_rfc3339();
        for (card_id, dots) in &result.added {
            let from: i64 =
                tx.query_row("SELECT votes FROM card WHERE id = ?1", [card_id], |r| {
                    r.get(0)
                })?;
            let to = if close {
                (from + dots).min(LIMIT_VOTES)
            } else {
                (from - dots).max(0)
            };
            tx.execute(
                "UPDATE card SET votes = ?2, updated_at = ?3 WHERE id = ?1",
                params![card_id, to, now],
            )?;
            let mut detail = serde_json::json!({
                "from": from, "to": to, "round": round_id, "dots": dots,
                "devices": result.devices,
            });
            if !close {
                detail["why"] = "round reopened".into();
            }
            events::record(&tx, card_id, "voted", None, Some(&detail.to_string()), None)?;
        }
        if close {
            tx.execute(
                "UPDATE vote_round SET status = 'closed', closed_at = ?2 WHERE id = ?1",
                params![round_id, now],
            )?;
        } else {
            tx.execute(
                "UPDATE vote_round SET status = 'open', closed_at = NULL WHERE id = ?1",
                [round_id],
            )?;
        }
        tx.commit()?;
        Ok(result)
    }
}

fn round_result(tx: &Transaction<'_>, round_id: &str) -> Result<RoundResult> {
    let mut st = tx.prepare(
        "SELECT card_id, sum(count) FROM room_dot WHERE round_id = ?1
         GROUP BY card_id ORDER BY card_id",
    )?;
    let added = st
        .query_map([round_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<Vec<(String, i64)>>>()?;
    let devices = tx.query_row(
        "SELECT count(DISTINCT device_id) FROM room_dot WHERE round_id = ?1",
        [round_id],
        |r| r.get(0),
    )?;
    Ok(RoundResult { added, devices })
}

/// The live cards of the session a scope names, in list order; a given card that is
/// not one of them is refused.
fn scope_cards(tx: &Transaction<'_>, session_id: &str, scope: &RoundScope) -> Result<Vec<String>> {
    let ids = |sql: &str, p: &[&dyn rusqlite::ToSql]| -> Result<Vec<String>> {
        let mut st = tx.prepare(sql)?;
        let rows = st.query_map(p, |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    match scope {
        RoundScope::Session => ids(
            &format!("SELECT c.id FROM card c WHERE c.session_id = ?1 AND {LIVE} ORDER BY c.seq"),
            &[&session_id],
        ),
        RoundScope::Topic(topic) => ids(
            &format!(
                "SELECT c.id FROM card c JOIN membership m ON m.card_id = c.id
                 WHERE c.session_id = ?1 AND m.topic_id = ?2 AND {LIVE} ORDER BY c.seq"
            ),
            &[&session_id, topic],
        ),
        RoundScope::Cards(wanted) => {
            let mut out = Vec::new();
            for id in wanted {
                let ok: bool = tx.query_row(
                    &format!(
                        "SELECT EXISTS (SELECT 1 FROM card c WHERE c.id = ?1
                         AND c.session_id = ?2 AND {LIVE})"
                    ),
                    [id, session_id],
                    |r| r.get(0),
                )?;
                if !ok {
                    return Err(Error::Invalid(format!(
                        "card {id} is not a live card of this session"
                    )));
                }
                if !out.contains(id) {
                    out.push(id.clone());
                }
            }
            Ok(out)
        }
    }
}
