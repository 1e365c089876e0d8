//! One source note per provision: which cards it was drawn from, grouped by session —
//! `karty #4, #8 — Szkolenie 1, 6.10.2026; #12 — Zespół roboczy, 20.10.2026`. A card's
//! text, session and decision are printed once, in the source table, not in every note.

use crate::model::{CardView, Lang, SessionView};

/// A footnote citing the source cards of one provision.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The cited cards' ids, in the section's source order.
    pub card_ids: Vec<String>,
    /// Markdown footnote label and HTML id: `n1`, `n2`, … in reading order.
    pub anchor: String,
    /// The citation as one line of plain text.
    pub text: String,
}

impl Note {
    /// The note numbered `index` (from 0) citing `cards`.
    pub(crate) fn new(
        index: usize,
        cards: &[&CardView],
        sessions: &[SessionView],
        lang: Lang,
    ) -> Self {
        Note {
            card_ids: cards.iter().map(|c| c.id.clone()).collect(),
            anchor: format!("n{}", index + 1),
            text: note_text(cards, sessions, lang),
        }
    }
}

/// `karty #4, #8 — Szkolenie 1, 6.10.2026; #12 — Zespół roboczy`: sessions in the
/// consultation's order (unknown ones last), cards in source order within each.
pub(crate) fn note_text(cards: &[&CardView], sessions: &[SessionView], lang: Lang) -> String {
    let position = |id: &str| {
        sessions
            .iter()
            .position(|s| s.id == id)
            .unwrap_or(sessions.len())
    };
    let mut groups: Vec<(usize, &str, Vec<&str>)> = Vec::new();
    for c in cards {
        match groups.iter_mut().find(|g| g.1 == c.session_id) {
            Some(g) => g.2.push(&c.reference),
            None => groups.push((position(&c.session_id), &c.session_id, vec![&c.reference])),
        }
    }
    groups.sort_by_key(|g| g.0);
    let parts: Vec<String> = groups
        .iter()
        .map(|(_, id, refs)| {
            let session = sessions
                .iter()
                .find(|s| s.id == *id)
                .map_or_else(|| "?".to_string(), |s| session_short(s, lang));
            format!("{} — {session}", refs.join(", "))
        })
        .collect();
    let word = match (lang, cards.len()) {
        (Lang::Pl, 1) => "karta",
        (Lang::Pl, _) => "karty",
        (Lang::En, 1) => "card",
        (Lang::En, _) => "cards",
    };
    format!("{word} {}", parts.join("; "))
}

/// `Szkolenie 1, 6.10.2026`: the title and, when known, the date as the language writes it.
fn session_short(s: &SessionView, lang: Lang) -> String {
    match s.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => format!("{}, {}", s.title.trim(), date(d, lang)),
        None => s.title.trim().to_string(),
    }
}

/// An ISO date (`2026-10-06`) as `6.10.2026` in Polish; anything else as stored.
pub(crate) fn date(iso: &str, lang: Lang) -> String {
    let parts: Vec<&str> = iso.split('-').collect();
    let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
    match (lang, numbers.as_deref()) {
        (Lang::Pl, Some([y, m, d])) if parts[0].len() == 4 => format!("{d}.{m:02}.{y}"),
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(id: &str, title: &str, date: Option<&str>) -> SessionView {
        SessionView {
            id: id.into(),
            title: title.into(),
            kind: "training".into(),
            date: date.map(String::from),
            place: String::new(),
            participants: None,
            activities: vec![],
        }
    }

    fn card(reference: &str, session: &str) -> CardView {
        CardView {
            id: format!("id-{reference}"),
            reference: reference.into(),
            text: "a long text that the note must not repeat".into(),
            kind: "recommendation".into(),
            session_id: session.into(),
            topic_id: None,
            votes: 3,
            decision: None,
            gone: None,
        }
    }

    #[test]
    fn cards_are_grouped_by_session_in_the_consultations_order() {
        let sessions = [
            session("s1", "Szkolenie 1", Some("2026-10-06")),
            session("s2", "Zespół roboczy", Some("2026-10-20")),
        ];
        let cards = [
            card("#12", "s2"),
            card("#4", "s1"),
            card("#8", "s1"),
            card("#9", "s1"),
        ];
        let refs: Vec<&CardView> = cards.iter().collect();
        assert_eq!(
            note_text(&refs, &sessions, Lang::Pl),
            "karty #4, #8, #9 — Szkolenie 1, 6.10.2026; #12 — Zespół roboczy, 20.10.2026"
        );
        assert_eq!(
            note_text(&refs, &sessions, Lang::En),
            "cards #4, #8, #9 — Szkolenie 1, 2026-10-06; #12 — Zespół roboczy, 2026-10-20"
        );
        let one = [&cards[0]];
        assert_eq!(
            note_text(&one, &sessions, Lang::Pl),
            "karta #12 — Zespół roboczy, 20.10.2026"
        );
        let note = Note::new(4, &refs, &sessions, Lang::Pl);
        assert_eq!(note.anchor, "n5");
        assert_eq!(note.card_ids[0], "id-#12");
        assert!(!note.text.contains("long text"));
    }

    #[test]
    fn unknown_sessions_and_dates_are_kept_as_they_are() {
        let sessions = [session("s1", "Warsztat", None)];
        let cards = [card("K-2", "gone"), card("K-1", "s1")];
        let refs: Vec<&CardView> = cards.iter().collect();
        assert_eq!(
            note_text(&refs, &sessions, Lang::Pl),
            "karty K-1 — Warsztat; K-2 — ?"
        );
        assert_eq!(date("2026-3-4", Lang::Pl), "4.03.2026");
        assert_eq!(date("marzec 2026", Lang::Pl), "marzec 2026");
    }
}
