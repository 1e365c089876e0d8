//! The card list's filter line: `k:p #zieleń s:szkolenie t:transport d:przyjęta ławki`.
//!
//! Each word narrows the list: `k:`/`kind:`/`rodzaj:` a kind, `#tag` or `tag:` a tag,
//! `s:`/`session:`/`sesja:` a session title, `t:`/`topic:`/`temat:` a topic label,
//! `d:`/`decision:`/`decyzja:` a decision; any other word must occur in the text.
//! Names are matched folded (`lodz` = `Łódź`), titles and labels by substring.

use super::card::Card;
use super::kinds::{CardKind, DecisionOutcome};
use super::text::{fold, normalize_tag};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CardQuery {
    pub kinds: Vec<CardKind>,
    pub tags: Vec<String>,
    pub session: Option<String>,
    pub topic: Option<String>,
    pub decision: Option<DecisionOutcome>,
    /// Folded words the text must contain.
    pub words: Vec<String>,
}

impl CardQuery {
    pub fn is_empty(&self) -> bool {
        *self == CardQuery::default()
    }

    /// Parses a filter line; an unknown kind or decision is an error naming it.
    pub fn parse(line: &str) -> Result<CardQuery, String> {
        let mut q = CardQuery::default();
        for word in line.split_whitespace() {
            if let Some(tag) = word.strip_prefix('#') {
                q.tags.push(normalize_tag(tag));
                continue;
            }
            let Some((key, value)) = word.split_once(':') else {
                q.words.push(fold(word));
                continue;
            };
            match key.to_lowercase().as_str() {
                "k" | "kind" | "rodzaj" => q.kinds.push(value.parse()?),
                "tag" => q.tags.push(normalize_tag(value)),
                "s" | "session" | "sesja" => q.session = Some(fold(value)),
                "t" | "topic" | "temat" => q.topic = Some(fold(value)),
                "d" | "decision" | "decyzja" => q.decision = Some(value.parse()?),
                _ => q.words.push(fold(word)),
            }
        }
        q.tags.retain(|t| !t.is_empty());
        Ok(q)
    }

    pub fn matches(&self, card: &Card) -> bool {
        if !self.kinds.is_empty() && !self.kinds.contains(&card.kind) {
            return false;
        }
        if !self.tags.iter().all(|t| card.tags.contains(t)) {
            return false;
        }
        if let Some(s) = &self.session
            && !fold(&card.session).contains(s.as_str())
        {
            return false;
        }
        if let Some(t) = &self.topic
            && !card
                .topic
                .as_deref()
                .is_some_and(|l| fold(l).contains(t.as_str()))
        {
            return false;
        }
        if self.decision.is_some() && card.decision != self.decision {
            return false;
        }
        if self.words.is_empty() {
            return true;
        }
        let text = fold(&card.text);
        self.words.iter().all(|w| text.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(kind: CardKind, text: &str, tags: &[&str]) -> Card {
        Card {
            id: "x".into(),
            seq: 1,
            external_id: None,
            session_id: "s".into(),
            session: "Szkolenie Łódź".into(),
            activity: None,
            kind,
            text: text.into(),
            speaker: None,
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            votes: 0,
            entered_by: None,
            created_at: String::new(),
            updated_at: String::new(),
            deleted_at: None,
            topic: Some("Zieleń".into()),
            decision: Some(DecisionOutcome::Adopted),
            superseded_by: None,
            pinned: false,
        }
    }

    #[test]
    fn each_word_narrows_the_list() {
        let c = card(CardKind::Proposal, "Więcej ławek", &["zieleń"]);
        let ok = |q: &str| CardQuery::parse(q).unwrap().matches(&c);
        assert!(ok(""));
        assert!(ok("k:p #Zieleń s:lodz t:ziel d:przyjęta lawek"));
        assert!(ok("rodzaj:propozycja kind:q"));
        assert!(!ok("k:q"));
        assert!(!ok("#ławki"));
        assert!(!ok("d:rejected"));
        assert!(!ok("s:grupa"));
        assert!(!ok("fontanna"));
    }

    #[test]
    fn unknown_kind_is_an_error() {
        assert!(CardQuery::parse("k:wish").unwrap_err().contains("wish"));
        assert!(CardQuery::parse(" ").unwrap().is_empty());
    }
}
