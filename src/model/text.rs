//! Text normalisation: NFC for storage, a folded key for search.

use unicode_normalization::UnicodeNormalization;

/// Characters that never belong in a note: control characters other than whitespace
/// (NUL, BEL, ESC — which would let a card retitle or reprogram a terminal) and the
/// bidirectional overrides that make text display in another order than it reads.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && !c.is_whitespace())
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text safe to print on a terminal: unsafe characters (see [`is_unsafe_char`]) are
/// shown as `\u{1b}`-style escapes instead of being sent to the terminal as they are.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_unsafe_char) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe_char(c) {
            out.push_str(&c.escape_unicode().to_string());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Unicode NFC with surrounding whitespace trimmed, inner runs of whitespace
/// (including newlines) collapsed to one space — cards are one-line notes — and unsafe
/// characters (see [`is_unsafe_char`]) dropped.
pub fn clean(s: &str) -> String {
    let nfc: String = match unicode_normalization::is_nfc_quick(s.chars()) {
        unicode_normalization::IsNormalized::Yes => s.to_owned(),
        _ => s.nfc().collect(),
    };
    // Most input is already tidy: skip the split-and-join then.
    let tidy = !nfc.starts_with(' ')
        && !nfc.ends_with(' ')
        && !nfc.contains("  ")
        && !nfc
            .chars()
            .any(|c| (c.is_whitespace() && c != ' ') || is_unsafe_char(c));
    if tidy {
        return nfc;
    }
    let safe: String = nfc.chars().filter(|c| !is_unsafe_char(*c)).collect();
    safe.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Search key: lowercase ASCII via deunicode, which (unlike NFKD or FTS5's
/// `remove_diacritics`) also folds `ł`/`Ł` to `l`.
pub fn fold(s: &str) -> String {
    crate::cluster::fold(s)
}

/// `name`, or else `name (2)`, `name (3)` … up to `name (most)`: the first that
/// `taken` does not hold (`name` itself if all are taken).
pub fn numbered_if_taken(name: &str, most: usize, taken: impl Fn(&str) -> bool) -> String {
    std::iter::once(name.to_string())
        .chain((2..=most).map(|n| format!("{name} ({n})")))
        .find(|l| !taken(l))
        .unwrap_or_else(|| name.to_string())
}

/// A tag as stored: without a leading `#`, NFC, lowercase, inner spaces as `-`.
pub fn normalize_tag(raw: &str) -> String {
    let t = clean(raw.trim().trim_start_matches('#'));
    t.to_lowercase().replace(' ', "-")
}

/// Splits a tag list written as `a; b, c` or `#a #b` into normalised, distinct tags.
pub fn split_tags(raw: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for part in raw.split([';', ',', ' ', '\t']) {
        let tag = normalize_tag(part);
        if !tag.is_empty() && !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// Byte ranges of the words of `text` that a search for `query` matched: words whose
/// folded form starts with one of the folded query words (the FTS prefix rule), so
/// the screen can highlight `Łódź` for the query `lodz`.
pub fn match_ranges(text: &str, query: &str) -> Vec<std::ops::Range<usize>> {
    let folded = fold(query);
    let terms: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let check = |s: usize, e: usize, out: &mut Vec<std::ops::Range<usize>>| {
        let word = fold(&text[s..e]);
        if terms.iter().any(|t| word.starts_with(t)) {
            out.push(s..e);
        }
    };
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                check(s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        check(s, text.len(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_name_gets_the_first_free_number() {
        let taken = ["Park", "Park (2)"];
        assert_eq!(
            numbered_if_taken("Park", 5, |l| taken.contains(&l)),
            "Park (3)"
        );
        assert_eq!(
            numbered_if_taken("Ławki", 5, |l| taken.contains(&l)),
            "Ławki"
        );
        assert_eq!(numbered_if_taken("Park", 2, |l| taken.contains(&l)), "Park");
    }

    #[test]
    fn fold_handles_polish_letters_including_l_stroke() {
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Zażółć gęślą jaźń"), "zazolc gesla jazn");
    }

    #[test]
    fn clean_leaves_tidy_text_alone_and_fixes_any_whitespace() {
        assert_eq!(clean("Już dobrze."), "Już dobrze.");
        assert_eq!(clean("a\tb"), "a b");
        assert_eq!(clean("a\u{a0}b"), "a b");
        assert_eq!(clean("a\n"), "a");
        assert_eq!(clean("x "), "x");
    }

    #[test]
    fn clean_drops_control_and_bidi_characters_and_visible_escapes_them() {
        assert_eq!(clean("\u{1b}]0;PWNED\u{7}Ławka"), "]0;PWNEDŁawka");
        assert_eq!(clean("a\u{0}b\u{7f}c\u{9b}d"), "abcd");
        assert_eq!(clean("abc\u{202e}fed"), "abcfed");
        assert_eq!(clean("a\r\nb"), "a b");
        assert_eq!(visible("ok ą"), "ok ą");
        assert_eq!(visible("x\u{1b}[2Jy"), "x\\u{1b}[2Jy");
        assert_eq!(visible("a\nb"), "a\nb");
    }

    #[test]
    fn clean_composes_and_collapses() {
        // "o" + combining acute becomes the single code point "ó".
        assert_eq!(clean("  mo\u{301}wi\n  dwa  "), "mówi dwa");
    }

    #[test]
    fn tags_are_split_normalised_and_deduplicated() {
        assert_eq!(
            split_tags("Ocena; #terminy, ocena  Dostępność"),
            vec!["ocena", "terminy", "dostępność"]
        );
        assert!(split_tags(" ; ").is_empty());
    }

    #[test]
    fn match_ranges_find_folded_prefixes() {
        let t = "Łódź: więcej ławek, mniej łąk";
        let r = match_ranges(t, "lodz LAWE");
        let words: Vec<&str> = r.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(words, vec!["Łódź", "ławek"]);
        assert!(match_ranges(t, " ").is_empty());
    }
}
