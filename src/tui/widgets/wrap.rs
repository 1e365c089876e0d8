//! Word-wrapping to a width measured in terminal cells (so `ż` counts one cell and a
//! CJK character two): the rows themselves, and how many there are (to size blocks).

use unicode_width::UnicodeWidthChar;

/// `text` word-wrapped to `width` cells, a word longer than a row broken over rows.
pub fn wrap_lines(text: &str, width: u16) -> Vec<String> {
    let width = usize::from(width.max(1));
    let mut rows = vec![String::new()];
    let mut used = 0usize;
    for word in text.split_whitespace() {
        let w: usize = word.chars().map(|c| c.width().unwrap_or(0)).sum();
        if used > 0 && used + 1 + w <= width {
            if let Some(r) = rows.last_mut() {
                r.push(' ');
            }
            used += 1;
        } else if used > 0 {
            rows.push(String::new());
            used = 0;
        }
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if used + cw > width && used > 0 {
                rows.push(String::new());
                used = 0;
            }
            if let Some(r) = rows.last_mut() {
                r.push(c);
            }
            used += cw;
        }
    }
    rows
}

/// How many rows `wrap_lines` gives (the count once kept its own tally, which missed
/// the row a word filling rows exactly leaves full).
pub fn wrapped_rows(text: &str, width: u16) -> u16 {
    u16::try_from(wrap_lines(text, width).len()).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn counts_rows_by_display_width() {
        assert_eq!(wrapped_rows("", 10), 1);
        assert_eq!(wrapped_rows("Zażółć gęślą jaźń", 12), 2);
        assert_eq!(wrapped_rows("Zażółć gęślą jaźń", 17), 1);
        assert_eq!(wrapped_rows("abcdefghij", 4), 3);
        assert_eq!(wrapped_rows("abcdefgh x", 4), 3);
    }

    #[test]
    fn wrapped_lines_fit_and_match_the_count() {
        assert_eq!(
            wrap_lines("Zażółć gęślą jaźń", 12),
            ["Zażółć gęślą", "jaźń"]
        );
        assert_eq!(wrap_lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap_lines("", 5), [""]);
        let text = "Nabór projektów powinien trwać co najmniej sześć tygodni, żeby \
                    mieszkańcy zdążyli zebrać podpisy — bardzodługiesłowobezspacji x";
        for w in [1u16, 3, 7, 10, 19, 40, 200] {
            let rows = wrap_lines(text, w);
            assert_eq!(rows.len(), usize::from(wrapped_rows(text, w)), "width {w}");
            assert!(
                rows.iter().all(|r| r.width() <= usize::from(w)),
                "width {w}"
            );
        }
    }
}
