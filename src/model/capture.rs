//! The capture line's mini-syntax: `p: Więcej ławek #zieleń @mieszkanka`.
//!
//! A leading `x:` (a card-kind short form or name) sets the kind, `#tag` words become
//! tags and an `@role` word becomes the speaker. Both markers count only at the start of
//! a word, so e-mail addresses (`jan@example.pl`) and `C#` stay plain text.

use super::kinds::CardKind;
use super::text::{clean, normalize_tag};

/// What one capture line means, before it becomes a `CardDraft`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Capture {
    /// Set only when the line starts with a kind prefix.
    pub kind: Option<CardKind>,
    pub text: String,
    pub tags: Vec<String>,
    pub speaker: Option<String>,
}

fn is_marker_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// Splits a word that starts with `marker` into the marked name and what follows it
/// (trailing punctuation). `None` when the word is not a marker word.
fn marked(word: &str, marker: char) -> Option<(&str, &str)> {
    let rest = word.strip_prefix(marker)?;
    let end = rest
        .char_indices()
        .find(|(_, c)| !is_marker_char(*c))
        .map_or(rest.len(), |(i, _)| i);
    let name = rest[..end].trim_end_matches(['-', '_']);
    // `#12` is more likely a card number than a tag; a tag needs a letter.
    if !name.chars().any(char::is_alphabetic) {
        return None;
    }
    Some((name, &rest[end..]))
}

/// A kind prefix such as `p:` or `pytanie:` at the start of the line.
fn kind_prefix(line: &str) -> Option<(CardKind, &str)> {
    let (head, rest) = line.trim_start().split_once(':')?;
    if head.is_empty() || head.chars().count() > 16 || head.contains(char::is_whitespace) {
        return None;
    }
    // `http://…` or `12:30` must not be taken for a kind.
    if rest.starts_with('/') {
        return None;
    }
    head.parse::<CardKind>().ok().map(|k| (k, rest))
}

/// Parses one capture line. Pure: no validation beyond the syntax (the store checks
/// limits when the card is saved).
pub fn parse_capture(line: &str) -> Capture {
    let (kind, body) = match kind_prefix(line) {
        Some((k, rest)) => (Some(k), rest),
        None => (None, line),
    };
    let mut words: Vec<String> = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let mut speaker: Option<String> = None;
    for word in body.split_whitespace() {
        let (name, trailing, is_tag) = if let Some((n, t)) = marked(word, '#') {
            (n, t, true)
        } else if let Some((n, t)) = marked(word, '@') {
            (n, t, false)
        } else {
            words.push(word.to_owned());
            continue;
        };
        if is_tag {
            let tag = normalize_tag(name);
            if !tags.contains(&tag) {
                tags.push(tag);
            }
        } else if speaker.is_none() {
            speaker = Some(clean(name));
        } else {
            // A second role is kept as text rather than silently dropped.
            words.push(word.to_owned());
            continue;
        }
        // Punctuation after a marker belongs to the sentence: "ławki #zieleń, fontanna".
        if !trailing.is_empty() {
            match words.last_mut() {
                Some(last) => last.push_str(trailing),
                None => words.push(trailing.to_owned()),
            }
        }
    }
    Capture {
        kind,
        text: clean(&words.join(" ")),
        tags,
        speaker,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_tags_and_role_are_taken_out_of_the_text() {
        let c = parse_capture("p: Więcej ławek w parku #zieleń #Ławki @mieszkanka");
        assert_eq!(c.kind, Some(CardKind::Proposal));
        assert_eq!(c.text, "Więcej ławek w parku");
        assert_eq!(c.tags, vec!["zieleń", "ławki"]);
        assert_eq!(c.speaker.as_deref(), Some("mieszkanka"));
    }

    #[test]
    fn polish_names_and_short_forms_both_set_the_kind() {
        assert_eq!(
            parse_capture("pytanie: kiedy?").kind,
            Some(CardKind::Question)
        );
        assert_eq!(parse_capture("q:kiedy?").text, "kiedy?");
        assert_eq!(parse_capture("Uwaga: to nie kind").kind, None);
        assert_eq!(
            parse_capture("Uwaga: to nie kind").text,
            "Uwaga: to nie kind"
        );
    }

    #[test]
    fn email_urls_times_and_numbers_stay_text() {
        let c = parse_capture("Pisać na rada@lodz.pl o 12:30, zob. #12 i C#");
        assert_eq!(c.text, "Pisać na rada@lodz.pl o 12:30, zob. #12 i C#");
        assert!(c.tags.is_empty());
        assert_eq!(c.speaker, None);
        let url = parse_capture("http://example.org ma mapę");
        assert_eq!(url.kind, None);
        assert_eq!(url.text, "http://example.org ma mapę");
    }

    #[test]
    fn trailing_punctuation_stays_with_the_sentence() {
        let c = parse_capture("Ławki #zieleń, fontanna @radny.");
        assert_eq!(c.text, "Ławki, fontanna.");
        assert_eq!(c.tags, vec!["zieleń"]);
        assert_eq!(c.speaker.as_deref(), Some("radny"));
    }

    #[test]
    fn second_role_and_bare_markers_are_kept() {
        let c = parse_capture("@a @b mówią # i @");
        assert_eq!(c.speaker.as_deref(), Some("a"));
        assert_eq!(c.text, "@b mówią # i @");
    }

    #[test]
    fn hyphenated_polish_tags_work() {
        let c = parse_capture("r: Dłuższe terminy #ścieżki-rowerowe_");
        assert_eq!(c.kind, Some(CardKind::Recommendation));
        assert_eq!(c.tags, vec!["ścieżki-rowerowe"]);
        assert_eq!(c.text, "Dłuższe terminy");
    }
}
