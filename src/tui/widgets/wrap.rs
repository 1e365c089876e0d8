//! How many rows a text needs when word-wrapped to a width, measured in terminal
//! cells (so `ż` counts one cell and a CJK character two). Used to size blocks.

use unicode_width::UnicodeWidthStr;

pub fn wrapped_rows(text: &str, width: u16) -> u16 {
    let width = usize::from(width.max(1));
    let mut rows = 1usize;
    let mut used = 0usize;
    for word in text.split_whitespace() {
        let w = word.width();
        let need = if used == 0 { w } else { used + 1 + w };
        if need <= width {
            used = need;
        } else if used == 0 {
            // A word longer than the line is broken over several rows.
            rows += (w - 1) / width;
            used = w % width;
        } else {
            rows += 1 + w.saturating_sub(1) / width;
            used = if w > width { w % width } else { w };
        }
    }
    u16::try_from(rows).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_rows_by_display_width() {
        assert_eq!(wrapped_rows("", 10), 1);
        assert_eq!(wrapped_rows("Zażółć gęślą jaźń", 12), 2);
        assert_eq!(wrapped_rows("Zażółć gęślą jaźń", 17), 1);
        assert_eq!(wrapped_rows("abcdefghij", 4), 3);
    }
}
