//! Text cut to a number of terminal cells.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` cut to `cells` terminal cells, ending in `…` when cut.
pub fn truncate(text: &str, cells: usize) -> std::borrow::Cow<'_, str> {
    if text.width() <= cells {
        return text.into();
    }
    let mut used = 0;
    let mut out = String::new();
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > cells {
            break;
        }
        used += w;
        out.push(c);
    }
    if cells > 0 {
        out.push('…');
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::truncate;

    #[test]
    fn truncation_counts_cells_and_marks_the_cut() {
        assert_eq!(truncate("Łódź", 4), "Łódź");
        assert_eq!(truncate("Zażółć gęślą", 6), "Zażół…");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("abc", 0), "");
    }
}
