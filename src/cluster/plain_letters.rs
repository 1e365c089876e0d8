//! Words typed without Polish letters ("odwolania" for "odwołania", common when
//! cards are typed fast): the form of the table a plain-letter word stands for, so
//! that labels read it, and show it, as the word it is ([`with_polish_letters`]).

use super::base_form::{Written, is_acronym, with_case_of};
use super::lemma::{self, find_line, table};
use super::tokenize::{Analyzer, FastMap};

/// Most Polish letters a form typed in plain letters is looked up with.
const MAX_RESTORED: usize = 3;

/// The form of the table that a plain-letter word was typed for: the one with the
/// fewest letters given back their diacritics (at most [`MAX_RESTORED`]), the first
/// in a fixed order on ties; remembered per word, since labels ask for the same
/// words many times.
pub(super) fn typed_for(word: &str) -> Option<String> {
    thread_local! {
        static SEEN: std::cell::RefCell<FastMap<String, Option<String>>> =
            std::cell::RefCell::new(FastMap::default());
    }
    SEEN.with_borrow_mut(|seen| {
        seen.entry(word.to_string())
            .or_insert_with(|| restore(word))
            .clone()
    })
}

/// The letters a plain letter may stand for in Polish.
fn marked(c: char) -> &'static [char] {
    match c {
        'a' => &['ą'],
        'c' => &['ć'],
        'e' => &['ę'],
        'l' => &['ł'],
        'n' => &['ń'],
        'o' => &['ó'],
        's' => &['ś'],
        'z' => &['ż', 'ź'],
        _ => &[],
    }
}

/// See [`typed_for`]: tries 1, 2, … [`MAX_RESTORED`] letters changed, positions
/// from the left.
fn restore(word: &str) -> Option<String> {
    let t = table()?;
    let mut chars: Vec<char> = word.chars().collect();
    let open: Vec<usize> = (0..chars.len())
        .filter(|&i| !marked(chars[i]).is_empty())
        .collect();
    (1..=MAX_RESTORED.min(open.len())).find_map(|n| search(t, &mut chars, &open, 0, n))
}

/// [`restore`]'s search: every choice of `left` more of the `open` positions from
/// `from` on, each with each of its letters; the first form the table knows.
fn search(
    t: &[u8],
    chars: &mut [char],
    open: &[usize],
    from: usize,
    left: usize,
) -> Option<String> {
    if left == 0 {
        let form: String = chars.iter().collect();
        return find_line(t, form.as_bytes()).is_some().then_some(form);
    }
    for p in from..open.len() {
        let i = open[p];
        let plain = chars[i];
        for &m in marked(plain) {
            chars[i] = m;
            let found = search(t, chars, open, p + 1, left - 1);
            chars[i] = plain;
            if found.is_some() {
                return found;
            }
        }
    }
    None
}

/// A Polish label with the Polish letters of words typed without them, where the
/// topic's cards write that word with them in some form ("Odwolanie" when one card
/// says "odwołania"): some cards typed fast should not decide the spelling.
/// Acronyms stay as they are.
pub(super) fn with_polish_letters(
    label: &str,
    an: &Analyzer,
    ids: &FastMap<&str, u32>,
    written: &Written,
) -> String {
    // The base forms the cards' forms with Polish letters have, for the word's term.
    let marked_bases = |w: &str| -> Vec<String> {
        an.term(w)
            .and_then(|k| ids.get(k.as_str()))
            .and_then(|t| written.get(t))
            .map(|forms| {
                forms
                    .keys()
                    .filter(|f| !f.is_ascii())
                    .flat_map(|f| lemma::readings(f).into_iter().map(|r| r.base))
                    .collect()
            })
            .unwrap_or_default()
    };
    label
        .split(' ')
        .map(|w| {
            if is_acronym(w) || !w.is_ascii() {
                return w.to_string();
            }
            let lower = w.to_lowercase();
            // Only a word that, as typed, is no form of what those cards write:
            // "informacja" stays, "odwolanie" (a rare noun's plural) and
            // "odwolania" (no form at all) do not.
            let bases = marked_bases(&lower);
            let of_bases = |f: &str| lemma::readings(f).iter().any(|r| bases.contains(&r.base));
            let fits_as_typed = lemma::is_known(&lower) && of_bases(&lower);
            typed_for(&lower)
                .filter(|f| !fits_as_typed && of_bases(f))
                .map_or_else(|| w.to_string(), |f| with_case_of(w, &f))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::super::lemma;
    use super::*;

    /// A form typed in plain letters is read as the form it stands for; a word no
    /// Polish form is typed so stays unknown.
    #[test]
    fn a_form_typed_without_polish_letters_is_read_as_written_with_them() {
        assert_eq!(typed_for("odwolania").as_deref(), Some("odwołania"));
        assert_eq!(typed_for("zrodla").as_deref(), Some("źródła"));
        assert_eq!(lemma::readings("odwolania")[0].base, "odwołanie");
        assert!(lemma::readings("bike").is_empty());
        assert_eq!(typed_for("bike"), None);
    }
}
