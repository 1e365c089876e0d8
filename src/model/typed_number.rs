//! Numbers a user types in front of a unit's heading or text (`§ 16`, `ust. 1`, `1)`,
//! `a)`, `–`). The outline numbers its units itself, so such a number would be printed
//! twice (`§ 16 ust. 1 ust. 1 …`); it is taken off before the text is stored.

/// Words that open a typed address, each followed by a number (or a letter for lit.).
const WORDS: &[&str] = &[
    "rozdział",
    "rozdzial",
    "chapter",
    "ust",
    "sec",
    "pkt",
    "item",
    "lit",
    "letter",
    "tiret",
    "indent",
    "par",
    "paragraf",
];

/// Splits `text` into the typed numbering it starts with (empty when none) and the rest.
/// Several labels in a row (`§ 16 ust. 1 …`) are all taken off.
pub fn strip_typed_number(text: &str) -> (String, String) {
    let mut rest = text.trim_start();
    let mut taken = Vec::new();
    // A handful of labels at most; the bound keeps a pathological input cheap.
    for _ in 0..6 {
        let Some(len) = one_label(rest) else { break };
        taken.push(rest[..len].trim());
        rest = rest[len..].trim_start();
    }
    if taken.is_empty() {
        return (String::new(), text.trim().to_owned());
    }
    // A dash or colon between the number and the text goes with the number.
    let rest =
        rest.trim_start_matches(|c: char| matches!(c, '–' | '—' | '-' | ':') || c.is_whitespace());
    (taken.join(" "), rest.trim_end().to_owned())
}

/// The byte length of one label at the start of `s`, separators after it included.
fn one_label(s: &str) -> Option<usize> {
    // A tiret marker: a dash standing alone.
    for dash in ['–', '—', '-'] {
        if let Some(after) = s.strip_prefix(dash)
            && (after.is_empty() || after.starts_with(char::is_whitespace))
        {
            return Some(dash.len_utf8());
        }
    }
    if let Some(after) = s.strip_prefix('§') {
        let skip = after.len() - after.trim_start().len();
        let n = number(&after[skip..], false)?;
        return Some('§'.len_utf8() + skip + n);
    }
    for word in WORDS {
        if s.get(..word.len())
            .is_some_and(|w| w.to_lowercase() == *word)
        {
            let after = &s[word.len()..];
            let dot = usize::from(after.starts_with('.'));
            let after = &after[dot..];
            let skip = after.len() - after.trim_start().len();
            if dot + skip == 0 {
                // `Ustalanie`, `Lista`: a word, not a label.
                continue;
            }
            let letters = matches!(*word, "lit" | "letter");
            let roman = matches!(*word, "rozdział" | "rozdzial" | "chapter");
            let n = number(&after[skip..], letters)
                .or_else(|| roman.then(|| numeral(&after[skip..])).flatten())?;
            return Some(word.len() + dot + skip + n);
        }
    }
    // A bare `1.`, `1)` or `a)`: only when punctuation and a space (or the end) follow.
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    let letters = s.chars().take_while(char::is_ascii_lowercase).count();
    let (len, closers): (usize, &[char]) = if digits > 0 {
        (digits, &['.', ')'])
    } else if (1..=2).contains(&letters) {
        (letters, &[')'])
    } else {
        return None;
    };
    let after = &s[len..];
    let close = after.chars().next().filter(|c| closers.contains(c))?;
    let after = &after[close.len_utf8()..];
    (after.is_empty() || after.starts_with(char::is_whitespace)).then_some(len + 1)
}

/// A number (digits, optionally with a letter: `5a`) or, for lit., one or two letters;
/// with a closing `.` or `)`. Must end at a space or the end of the text.
fn number(s: &str, letters: bool) -> Option<usize> {
    let len = if letters {
        s.chars().take_while(char::is_ascii_lowercase).count()
    } else {
        let d = s.chars().take_while(char::is_ascii_digit).count();
        if d == 0 {
            return None;
        }
        d + s[d..]
            .chars()
            .take_while(char::is_ascii_lowercase)
            .count()
            .min(1)
    };
    if len == 0 || (letters && len > 2) {
        return None;
    }
    finish(s, len)
}

/// A Roman chapter number (`II`, `IV.`).
fn numeral(s: &str) -> Option<usize> {
    let len = s.chars().take_while(|c| "IVXLC".contains(*c)).count();
    if len == 0 {
        return None;
    }
    finish(s, len)
}

fn finish(s: &str, len: usize) -> Option<usize> {
    let after = &s[len..];
    let close = usize::from(after.starts_with(['.', ')']));
    let after = &after[close..];
    (after.is_empty() || after.starts_with(char::is_whitespace)).then_some(len + close)
}

#[cfg(test)]
mod tests {
    use super::strip_typed_number;

    fn rest(s: &str) -> String {
        strip_typed_number(s).1
    }

    #[test]
    fn typed_labels_are_taken_off() {
        assert_eq!(
            strip_typed_number("ust. 1 Projekt zgłasza mieszkaniec."),
            (
                "ust. 1".to_owned(),
                "Projekt zgłasza mieszkaniec.".to_owned()
            )
        );
        assert_eq!(rest("§ 16 ust. 2 – Tekst"), "Tekst");
        assert_eq!(rest("§16. Wejście w życie"), "Wejście w życie");
        assert_eq!(rest("1. Zdanie."), "Zdanie.");
        assert_eq!(rest("3) pulę wiejską"), "pulę wiejską");
        assert_eq!(rest("a) gminy"), "gminy");
        assert_eq!(rest("lit. b) gminy"), "gminy");
        assert_eq!(rest("pkt 3 pulę"), "pulę");
        assert_eq!(rest("– dzielnicy"), "dzielnicy");
        assert_eq!(rest("Rozdział II Głosowanie"), "Głosowanie");
        assert_eq!(rest("Chapter 2. Voting"), "Voting");
        assert_eq!(rest("§ 5a. Tekst"), "Tekst");
        assert_eq!(rest("tiret 2 Tekst"), "Tekst");
    }

    #[test]
    fn words_and_numbers_in_text_stay() {
        for s in [
            "Ustalanie wyników",
            "Lista poparcia",
            "Pkt-y",
            "2026 r. jest rokiem",
            "3.5 mln zł",
            "12 podpisów",
            "abc) nie",
            "Wejście w życie",
            "-5 stopni",
            "Łódź",
        ] {
            assert_eq!(strip_typed_number(s), (String::new(), s.to_owned()), "{s}");
        }
    }

    #[test]
    fn only_a_number_leaves_nothing() {
        assert_eq!(
            strip_typed_number("ust. 1"),
            ("ust. 1".to_owned(), String::new())
        );
    }
}
