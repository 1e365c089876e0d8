//! Printing for the command line: plain aligned text, or JSON for scripts.

use crate::error::{Error, Result};
use crate::model::text::visible;
use crate::model::{Card, Session};
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

pub fn print_json<T: Serialize + ?Sized>(value: &T) -> Result<()> {
    let s = serde_json::to_string_pretty(value)
        .map_err(|e| Error::Invalid(format!("cannot write JSON: {e}")))?;
    println!("{s}");
    Ok(())
}

/// Pads to a display width (Polish letters are one column, CJK two).
pub fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    if w >= width {
        s.to_owned()
    } else {
        format!("{s}{}", " ".repeat(width - w))
    }
}

/// Shortens to at most `width` display columns, ending with `…` when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_owned();
    }
    let mut out = String::new();
    for ch in s.chars() {
        if out.width() + ch.to_string().width() + 1 > width {
            break;
        }
        out.push(ch);
    }
    out.push('…');
    out
}

pub fn card_line(c: &Card) -> String {
    let tags: String = c.tags.iter().flat_map(|t| [" #", t.as_str()]).collect();
    let speaker = c
        .speaker
        .as_deref()
        .map(|s| format!(" @{s}"))
        .unwrap_or_default();
    let deleted = if c.deleted_at.is_some() {
        " [deleted]"
    } else {
        ""
    };
    let line = format!(
        "{:>5}  {} {:>3}  {}{speaker}{tags}  ({}){deleted}",
        format!("#{}", c.seq),
        pad(c.kind.as_str(), 14),
        c.votes,
        c.text,
        truncate(&c.session, 30)
    );
    // Card text is the user's and may hold terminal escapes from an old import.
    visible(&line).into_owned()
}

pub fn print_cards(cards: &[Card]) {
    for c in cards {
        println!("{}", card_line(c));
    }
}

pub fn session_line(s: &Session) -> String {
    let line = format!(
        "{}  {} {}  {:>4} cards {:>5} votes",
        pad(s.date.as_deref().unwrap_or("----------"), 10),
        pad(s.kind.as_str(), 13),
        pad(&truncate(&s.title, 50), 50),
        s.card_count,
        s.vote_total
    );
    visible(&line).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pad_and_truncate_use_display_width() {
        assert_eq!(pad("żółw", 6), "żółw  ");
        assert_eq!(truncate("Zażółć gęślą", 6), "Zażół…");
        assert_eq!(truncate("abc", 6), "abc");
    }
}
