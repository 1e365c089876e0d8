//! Text for XML documents (DOCX and ODT): escaping, and removal of the characters XML 1.0
//! cannot carry at all (most C0 controls), which would make a file unreadable.

/// The text without characters that are not allowed in XML 1.0.
pub(crate) fn clean(text: &str) -> String {
    text.chars().filter(|&c| allowed(c)).collect()
}

/// U+E000 is dropped too: the DOCX writer uses it to mark where its source table goes.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r')
        || (c >= ' ' && !matches!(c, '\u{E000}' | '\u{FFFE}' | '\u{FFFF}'))
}

/// Escaped for XML text and attribute values, with disallowed characters removed.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if allowed(c) => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_controls_and_escapes() {
        assert_eq!(clean("a\u{1}b\tc\u{FFFF}"), "ab\tc");
        assert_eq!(esc("<ż & \"ł\">\u{7}"), "&lt;ż &amp; &quot;ł&quot;&gt;");
    }
}
