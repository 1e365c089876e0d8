//! The capture line's mini-syntax: `p: Więcej ławek #zieleń @mieszkanka`.
//!
//! A leading `x:` (a card kind's one-letter key, or its name or an unambiguous
//! beginning of it, in Polish or English) sets the kind, `#tag` words become
//! tags and an `@role` word becomes the speaker. Both markers count only at the start of
//! a word, so e-mail addresses (`jan@example.pl`) and `C#` stay plain text.

use super::kinds::CardKind;
use super::lang::Lang;
use super::text::{clean, fold, normalize_tag};

/// What one capture line means, before it becomes a `CardDraft`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Capture {
    /// Set only when the line starts with a kind prefix.
    pub kind: Option<CardKind>,
    pub text: String,
    pub tags: Vec<String>,
    pub speaker: Option<String>,
}

impl Capture {
    /// Whether anything is left to be a card's text once the kind, tags and role are
    /// taken out: punctuation alone (the `:` of a prefix typed without a kind) is not.
    pub fn has_text(&self) -> bool {
        self.text.chars().any(char::is_alphanumeric)
    }
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

/// A kind prefix such as `p:`, `pyt:` or `pytanie:` at the start of the line.
fn kind_prefix(line: &str) -> Option<(CardKind, &str)> {
    let (head, rest) = line.trim_start().split_once(':')?;
    if head.is_empty() || head.chars().count() > 16 || head.contains(char::is_whitespace) {
        return None;
    }
    // `http://…` or `12:30` must not be taken for a kind.
    if rest.starts_with('/') {
        return None;
    }
    kind_from_prefix(head).map(|k| (k, rest))
}

/// The kind a capture-line prefix (the word before `:`) names: a one-letter key
/// (`r e p c q o`), a spelling [`CardKind`] parses (`rec`, `zastrzeżenie`, …), or any
/// beginning of 2+ letters of a kind's Polish or English name that no other kind's name
/// shares (`pyt`, `rek`, `obaw`, `prop`), in any case, diacritics optional.
pub fn kind_from_prefix(head: &str) -> Option<CardKind> {
    let head = head.trim();
    // One letter is a key, never a name's beginning: `p` alone would be both
    // propozycja and pytanie, and `o` both obawa and oczekiwanie.
    if let Ok(kind) = head.parse::<CardKind>() {
        return Some(kind);
    }
    if head.chars().count() < 2 || !head.chars().all(char::is_alphabetic) {
        return None;
    }
    unique_prefix(&fold(head), &kind_names())
}

/// Every kind with its name in each language.
fn kind_names() -> Vec<(CardKind, &'static str)> {
    CardKind::ALL
        .iter()
        .flat_map(|&k| [Lang::En, Lang::Pl].map(|lang| (k, k.name(lang))))
        .collect()
}

/// The one kind whose names begin with `folded`; `None` when none does or two kinds do.
fn unique_prefix(folded: &str, names: &[(CardKind, &str)]) -> Option<CardKind> {
    let mut found: Option<CardKind> = None;
    for &(kind, name) in names {
        if !fold(name).starts_with(folded) {
            continue;
        }
        match found {
            Some(other) if other != kind => return None,
            _ => found = Some(kind),
        }
    }
    found
}

/// One kind's key on the capture line, for the interface to list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindKey {
    /// The one-letter key: `p` in `p: Więcej ławek`.
    pub key: char,
    pub kind: CardKind,
    /// The kind's name in the language asked for.
    pub name: &'static str,
    /// The shortest beginning of that name the capture line takes as this kind
    /// (`py` for pytanie): Polish users may rather type that than `q`.
    pub prefix: String,
}

/// The one-letter kind keys with the kinds' names in `lang`, in the order of
/// [`CardKind::ALL`]. The keys are the same in both languages — they come from the
/// English names, since Polish ones share first letters (`p`ropozycja, `p`ytanie) —
/// so `o` is *inne* (other) and `p` *propozycja*, never *obawa* or *pytanie*.
pub fn kind_keys(lang: Lang) -> Vec<KindKey> {
    let names = kind_names();
    CardKind::ALL
        .iter()
        .map(|&kind| {
            let name = kind.name(lang);
            let folded = fold(name);
            let prefix = (2..=folded.len())
                .filter_map(|n| folded.get(..n))
                .find(|p| unique_prefix(p, &names) == Some(kind))
                .unwrap_or(&folded)
                .to_owned();
            KindKey {
                key: kind.as_str().chars().next().unwrap_or('?'),
                kind,
                name,
                prefix,
            }
        })
        .collect()
}

/// Parses one capture line. Pure: no validation beyond the syntax (the store checks
/// limits when the card is saved).
pub fn parse_capture(line: &str) -> Capture {
    parse(line, false)
}

/// Parses a capture line whose speaker is given apart (`narada card add --speaker`):
/// its `@role` word then stays in the text, as a second role does, rather than be lost.
pub fn parse_capture_with_speaker(line: &str) -> Capture {
    parse(line, true)
}

fn parse(line: &str, speaker_given: bool) -> Capture {
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
        } else if speaker.is_none() && !speaker_given {
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
    fn kind_prefixes_keys_names_and_their_unambiguous_beginnings() {
        use CardKind::{Concern, Expectation, Other, Proposal, Question, Recommendation};
        let table: &[(&str, Option<CardKind>)] = &[
            // The one-letter English keys, as before.
            ("r", Some(Recommendation)),
            ("e", Some(Expectation)),
            ("p", Some(Proposal)),
            ("c", Some(Concern)),
            ("q", Some(Question)),
            ("o", Some(Other)),
            ("P", Some(Proposal)),
            // Other one letters are no keys, even where a name begins so.
            ("i", None),
            ("k", None),
            ("x", None),
            // Beginnings of 2+ letters of the Polish names…
            ("rek", Some(Recommendation)),
            ("re", Some(Recommendation)),
            ("rekomendacja", Some(Recommendation)),
            ("oc", Some(Expectation)),
            ("oczek", Some(Expectation)),
            ("pr", Some(Proposal)),
            ("prop", Some(Proposal)),
            ("propozycja", Some(Proposal)),
            ("ob", Some(Concern)),
            ("obaw", Some(Concern)),
            ("obawa", Some(Concern)),
            ("py", Some(Question)),
            ("pyt", Some(Question)),
            ("pytanie", Some(Question)),
            ("in", Some(Other)),
            ("inne", Some(Other)),
            // …and of the English ones,
            ("rec", Some(Recommendation)),
            ("ex", Some(Expectation)),
            ("expect", Some(Expectation)),
            ("proposal", Some(Proposal)),
            ("co", Some(Concern)),
            ("conc", Some(Concern)),
            ("qu", Some(Question)),
            ("quest", Some(Question)),
            ("ot", Some(Other)),
            ("other", Some(Other)),
            // in any case, diacritics optional,
            ("PYT", Some(Question)),
            ("Rekomendacja", Some(Recommendation)),
            ("Óbaw", Some(Concern)),
            ("pytąnie", Some(Question)),
            // and the spellings `--kind` takes stay.
            ("zastrzeżenie", Some(Concern)),
            ("inna", Some(Other)),
            // Not a beginning of a name: the text stays literal.
            ("pytania", None),
            ("propozycje", None),
            ("uwaga", None),
            ("ob1", None),
            ("re-", None),
            ("12", None),
        ];
        for (head, want) in table {
            assert_eq!(kind_from_prefix(head), *want, "{head:?}");
            let line = format!("{head}: Więcej ławek");
            let c = parse_capture(&line);
            assert_eq!(c.kind, *want, "{line:?}");
            let text = if want.is_some() {
                "Więcej ławek"
            } else {
                &line
            };
            assert_eq!(c.text, text, "{line:?}");
        }
    }

    #[test]
    fn a_beginning_two_kinds_share_is_no_prefix() {
        use CardKind::{Concern, Other};
        let names = [(Concern, "obawa"), (Other, "obce"), (Other, "inne")];
        assert_eq!(unique_prefix("ob", &names), None);
        assert_eq!(unique_prefix("oba", &names), Some(Concern));
        assert_eq!(unique_prefix("obc", &names), Some(Other));
        // Two names of one kind do not make it ambiguous.
        let names = [(Other, "other"), (Other, "otherwise")];
        assert_eq!(unique_prefix("ot", &names), Some(Other));
        // No two kinds' real names share a beginning of two letters.
        for (_, name) in kind_names() {
            assert!(unique_prefix(&name[..2], &kind_names()).is_some(), "{name}");
        }
    }

    #[test]
    fn kind_keys_are_the_english_letters_with_names_in_each_language() {
        let pl = kind_keys(Lang::Pl);
        let listed: Vec<(char, &str, &str)> = pl
            .iter()
            .map(|k| (k.key, k.name, k.prefix.as_str()))
            .collect();
        assert_eq!(
            listed,
            vec![
                ('r', "rekomendacja", "re"),
                ('e', "oczekiwanie", "oc"),
                ('p', "propozycja", "pr"),
                ('c', "obawa", "ob"),
                ('q', "pytanie", "py"),
                ('o', "inne", "in"),
            ]
        );
        let en: Vec<char> = kind_keys(Lang::En).iter().map(|k| k.key).collect();
        assert_eq!(en, vec!['r', 'e', 'p', 'c', 'q', 'o']);
        for lang in [Lang::Pl, Lang::En] {
            for k in kind_keys(lang) {
                assert_eq!(kind_from_prefix(&k.key.to_string()), Some(k.kind));
                assert_eq!(kind_from_prefix(&k.prefix), Some(k.kind));
            }
        }
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
    fn a_role_given_apart_leaves_the_line_s_role_in_the_text() {
        let c = parse_capture_with_speaker("q: Kto liczy? @mieszkanka #teren");
        assert_eq!(c.kind, Some(CardKind::Question));
        assert_eq!(c.text, "Kto liczy? @mieszkanka");
        assert_eq!(c.speaker, None);
        assert_eq!(c.tags, vec!["teren"]);
    }

    #[test]
    fn hyphenated_polish_tags_work() {
        let c = parse_capture("r: Dłuższe terminy #ścieżki-rowerowe_");
        assert_eq!(c.kind, Some(CardKind::Recommendation));
        assert_eq!(c.tags, vec!["ścieżki-rowerowe"]);
        assert_eq!(c.text, "Dłuższe terminy");
    }
}
