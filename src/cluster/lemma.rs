//! Polish base forms for topic labels: a form → base-form table (nouns and
//! adjectives with their case, number and gender), shipped compressed in the
//! binary, and the rules that put a short noun phrase into its dictionary form
//! ("granicy wieku głosujących" → "granica wieku głosujących").
//!
//! The table (`assets/lemmas/pl.tsv.gz`, built by `scripts/build-lemmas.sh`, see
//! `assets/lemmas/SOURCES.md`) has one line per lowercase form, sorted by bytes:
//! `form TAB reading (SPACE reading)*`, likelier readings first. A reading is
//! `KIND STRIP ADD / GENDER / SLOTS`:
//! - KIND `N` (noun, gerund) or `A` (adjective, participle);
//! - the base form is the form less its last STRIP letters, plus ADD: a noun's
//!   nominative singular (nominative plural for plural-only nouns), an
//!   adjective's masculine nominative singular;
//! - GENDER of a noun: `h` m1 (persons), `z` m2 (animals), `m` m3, `f`, `n`, or
//!   `p` for plural-only nouns; empty for adjectives;
//! - SLOTS, comma-separated: number (`s`, `p`), cases (`n g d a i l v`:
//!   nominative … vocative) and, for adjectives, `.` and the genders.

use super::tokenize::FastMap;
use std::io::Read;
use std::sync::OnceLock;

const TABLE_GZ: &[u8] = include_bytes!("../../assets/lemmas/pl.tsv.gz");

const CASES: &str = "ngdailv";
pub(super) const NOMINATIVE: u8 = 0b1;
const GENITIVE: u8 = 0b10;
const GENDERS: &str = "hzmfn";
/// Gender bit of persons (m1).
const PERSONAL: u8 = 0b1;
/// Gender bits of a plural-only noun: any but persons (agrees like "dane osobowe").
const PLURAL_ONLY: u8 = 0b11110;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Noun,
    Adjective,
}

/// One number-case-gender combination a form can stand for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Slot {
    pub plural: bool,
    /// Bit i: case i of `CASES`.
    pub cases: u8,
    /// Bit i: gender i of `GENDERS`.
    pub genders: u8,
}

/// One reading of a form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Reading {
    pub kind: Kind,
    pub base: String,
    /// A noun's gender (one bit, or [`PLURAL_ONLY`]); 0 for adjectives.
    pub gender: u8,
    pub plural_only: bool,
    pub slots: Vec<Slot>,
}

impl Reading {
    /// Whether the form can be a nominative (a base form, or a plural's).
    pub(super) fn can_be_nominative(&self) -> bool {
        self.slots.iter().any(|s| s.cases & NOMINATIVE != 0)
    }

    /// Whether the form can be a genitive (a complement: "lista poparcia").
    pub(super) fn can_be_genitive(&self) -> bool {
        self.slots.iter().any(|s| s.cases & GENITIVE != 0)
    }

    /// Whether the form can be a nominative plural: of a noun, or of an adjective
    /// agreeing with a noun of gender bits `gender`.
    pub(super) fn can_be_nominative_plural(&self, gender: u8) -> bool {
        self.slots.iter().any(|s| {
            s.plural
                && s.cases & NOMINATIVE != 0
                && (self.kind == Kind::Noun || s.genders & gender != 0)
        })
    }

    /// Whether a noun names persons (m1), whose plural adjectives are irregular.
    pub(super) fn is_personal(&self) -> bool {
        self.kind == Kind::Noun && self.gender == PERSONAL
    }

    /// Whether an adjective read as `self` has the noun's number and gender but
    /// none of its cases: a slip ("droga rowerową") when it follows the noun.
    pub(super) fn agrees_but_for_case(&self, noun: &Reading) -> bool {
        self.kind == Kind::Adjective
            && noun.kind == Kind::Noun
            && self.slots.iter().any(|a| {
                noun.slots
                    .iter()
                    .any(|n| a.plural == n.plural && a.genders & noun.gender != 0)
            })
    }

    /// Whether an adjective read as `self` agrees with the noun read as `noun`:
    /// same number, a shared case, the noun's gender.
    pub(super) fn agrees_with(&self, noun: &Reading) -> bool {
        self.kind == Kind::Adjective
            && noun.kind == Kind::Noun
            && self.slots.iter().any(|a| {
                noun.slots.iter().any(|n| {
                    a.plural == n.plural && a.cases & n.cases != 0 && a.genders & noun.gender != 0
                })
            })
    }
}

/// The decompressed table, as bytes: a lookup compares forms byte by byte, so
/// neither a UTF-8 check of the whole text nor an index of its lines is needed
/// (building them took a third of the table's share of clustering 2,000 titles).
pub(super) fn table() -> Option<&'static [u8]> {
    static TABLE: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            let mut text = Vec::new();
            flate2::read::GzDecoder::new(TABLE_GZ)
                .read_to_end(&mut text)
                .ok()?;
            Some(text)
        })
        .as_deref()
}

/// The readings field of the line whose form is `word`, by binary search over
/// byte offsets of the sorted lines: each probe backs up to the start of the line
/// it lands in.
pub(super) fn find_line<'t>(t: &'t [u8], word: &[u8]) -> Option<&'t [u8]> {
    find_span(t, word).and_then(|(a, b)| t.get(a..b))
}

/// Where in `t` [`find_line`]'s answer lies.
fn find_span(t: &[u8], word: &[u8]) -> Option<(usize, usize)> {
    // `lo` and `hi` are always line starts (or the end), and `word` lies between.
    let (mut lo, mut hi) = (0, t.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = t[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let line = &t[start..hi];
        let tab = line
            .iter()
            .position(|&b| b == b'\t' || b == b'\n')
            .unwrap_or(line.len());
        // The rest of the line is read only when it is the answer or lies before it.
        let end = || {
            line[tab..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(hi, |i| start + tab + i)
        };
        match line[..tab].cmp(word) {
            std::cmp::Ordering::Less => lo = end() + 1,
            std::cmp::Ordering::Greater => hi = start,
            std::cmp::Ordering::Equal => return Some((start + tab + 1, end())),
        }
    }
    None
}

/// Frequent verb forms the form table, which has no verbs, reads as nouns or
/// adjectives ("mamy": "we have", not "mums"; "warto", "działa", "rośnie"):
/// in a card they are nearly always the verb. Other verb forms ("chcemy",
/// "budujemy", "zróbmy") the table does not know, and the verb endings of
/// `word_class` tell them; auxiliaries ("jest", "są", "mają", "można") are stop
/// words and reach no label. Found by looking up common 1st- and 3rd-person
/// forms in the table.
const VERB_FORMS: &[&str] = &[
    "mamy", "macie", "miały", "damy", "gramy", "gracie", "idzie", "działa", "stoi", "leży",
    "płynie", "rośnie", "sadzi", "mieszka", "warto",
];

/// Whether a lowercase Polish word is a verb form the table takes for a noun or
/// adjective form (see [`VERB_FORMS`]): [`readings`] gives it none.
pub(super) fn is_verb_form(word: &str) -> bool {
    VERB_FORMS.contains(&word)
}

/// The readings field of `word` in the table, remembered per thread: labels look up
/// the same words on many cards (22,000 lookups on 100k titles, about 4 % of the run
/// as binary searches).
fn lookup(word: &str) -> Option<&'static [u8]> {
    thread_local! {
        static FOUND: std::cell::RefCell<FastMap<String, Option<(usize, usize)>>> =
            std::cell::RefCell::new(FastMap::default());
    }
    let t = table()?;
    let span = FOUND.with_borrow_mut(|found| {
        if let Some(&span) = found.get(word) {
            return span;
        }
        let span = find_span(t, word.as_bytes());
        found.insert(word.to_string(), span);
        span
    });
    span.and_then(|(a, b)| t.get(a..b))
}

/// Whether the form table knows a lowercase word (as a noun or adjective form).
pub(super) fn is_known(word: &str) -> bool {
    lookup(word).is_some()
}

/// The readings of a lowercase word, likelier first; empty if the table does not
/// know it (or is not a noun or adjective form), and for [`VERB_FORMS`].
pub(super) fn readings(word: &str) -> Vec<Reading> {
    if is_verb_form(word) {
        return Vec::new();
    }
    let Some(fields) = lookup(word) else {
        // A form typed without Polish letters ("odwolania") reads as the one it stands for.
        return match word
            .is_ascii()
            .then(|| super::plain_letters::typed_for(word))
            .flatten()
        {
            Some(form) => readings(&form),
            None => Vec::new(),
        };
    };
    std::str::from_utf8(fields)
        .unwrap_or("")
        .split(' ')
        .filter_map(|r| parse_reading(word, r))
        .collect()
}

fn parse_reading(form: &str, r: &str) -> Option<Reading> {
    let mut chars = r.chars();
    let kind = match chars.next()? {
        'N' => Kind::Noun,
        'A' => Kind::Adjective,
        _ => return None,
    };
    let mut parts = chars.as_str().split('/');
    let change = parts.next()?;
    let digits = change.bytes().take_while(u8::is_ascii_digit).count();
    let strip: usize = change[..digits].parse().ok()?;
    let keep = form.chars().count().checked_sub(strip)?;
    let mut base: String = form.chars().take(keep).collect();
    base.push_str(&change[digits..]);
    let gender_code = parts.next()?;
    let plural_only = gender_code == "p";
    let gender = if plural_only {
        PLURAL_ONLY
    } else {
        bits(gender_code, GENDERS)
    };
    let slots = parts
        .next()?
        .split(',')
        .filter_map(|s| {
            let (cases, genders) = s.split_once('.').unwrap_or((s, ""));
            let plural = cases.starts_with('p');
            Some(Slot {
                plural,
                cases: bits(cases.get(1..)?, CASES),
                genders: bits(genders, GENDERS),
            })
        })
        .collect();
    Some(Reading {
        kind,
        base,
        gender,
        plural_only,
        slots,
    })
}

fn bits(letters: &str, alphabet: &str) -> u8 {
    letters
        .chars()
        .filter_map(|c| alphabet.find(c))
        .fold(0, |acc, i| acc | (1 << i))
}

/// An adjective's base form (masculine nominative singular) made to agree with
/// a noun's base form: feminine -a, neuter and plural-only -e ("cebulowy" →
/// "cebulowa", "polski" → "polskie", "ostatni" → "ostatnia").
pub(super) fn agree(adjective: &str, noun: &Reading) -> String {
    let feminine = noun.gender == bits("f", GENDERS) && !noun.plural_only;
    let neuter = noun.gender == bits("n", GENDERS) || noun.plural_only;
    if !feminine && !neuter {
        return adjective.to_string();
    }
    let (stem, ending) = if let Some(stem) = adjective.strip_suffix('y') {
        (stem, if feminine { "a" } else { "e" })
    } else if let Some(stem) = adjective.strip_suffix('i') {
        // "-ki", "-gi" harden in the feminine ("polska"); other "-i" stay soft.
        let hard = stem.ends_with('k') || stem.ends_with('g');
        (
            stem,
            if !feminine {
                "ie"
            } else if hard {
                "a"
            } else {
                "ia"
            },
        )
    } else {
        return adjective.to_string();
    };
    format!("{stem}{ending}")
}

/// An adjective's base form in the nominative plural for a noun that does not
/// name persons ("sportowy" → "sportowe", "polski" → "polskie").
pub(super) fn plural_of_adjective(adjective: &str) -> String {
    if let Some(stem) = adjective.strip_suffix('y') {
        format!("{stem}e")
    } else if adjective.ends_with('i') {
        format!("{adjective}e")
    } else {
        adjective.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_of_the_table_is_found_and_no_other() {
        let t = table().expect("table");
        let mut n = 0;
        for line in t.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            let tab = line.iter().position(|&b| b == b'\t').expect("tab");
            assert_eq!(find_line(t, &line[..tab]), Some(&line[tab + 1..]));
            n += 1;
        }
        assert!(n > 100_000, "{n} lines");
        for absent in ["", "a", "ąąąą", "zzzzzzzz", "żżżżżż", "park\t", "parkk"] {
            assert_eq!(find_line(t, absent.as_bytes()), None, "{absent}");
        }
        // A tiny table, to reach both ends and a last line without a newline.
        let small = b"b\tx\nc\nd\ty\nf\tz";
        assert_eq!(find_line(small, b"c"), None, "a line without readings");
        assert_eq!(find_line(small, b"d"), Some(&b"y"[..]));
        assert_eq!(find_line(small, b"b"), Some(&b"x"[..]));
        assert_eq!(find_line(small, b"f"), Some(&b"z"[..]));
        for absent in ["a", "bb", "e", "g"] {
            assert_eq!(find_line(small, absent.as_bytes()), None);
        }
    }

    fn first_noun(word: &str) -> Reading {
        readings(word)
            .into_iter()
            .find(|r| r.kind == Kind::Noun)
            .unwrap_or_else(|| panic!("no noun reading of {word}"))
    }

    #[test]
    fn looks_up_forms_with_case_and_gender() {
        let r = first_noun("granicy");
        assert_eq!(r.base, "granica");
        assert_eq!(r.gender, bits("f", GENDERS));
        assert_eq!(
            r.slots[0],
            Slot {
                plural: false,
                cases: GENITIVE,
                genders: 0
            }
        );
        let listy: Vec<String> = readings("listy").into_iter().map(|r| r.base).collect();
        assert!(listy.contains(&"lista".to_string()), "{listy:?}");
        assert_eq!(first_noun("lista").slots[0].cases, 1);
        assert_eq!(first_noun("zgłaszaniu").base, "zgłaszanie");
        assert_eq!(first_noun("parku").base, "park");
        assert!(readings("xqzwy").is_empty());
        assert!(readings("").is_empty());
    }

    #[test]
    fn adjectives_agree_in_case_number_and_gender() {
        let zespole = first_noun("zespole");
        let adj = readings("oceniającym");
        assert!(adj.iter().any(|a| a.agrees_with(&zespole)));
        let roslin = first_noun("roślin");
        assert!(
            readings("cebulowych")
                .iter()
                .any(|a| a.agrees_with(&roslin))
        );
        // "wieku" (singular) and "głosujących" (plural) do not agree.
        let wieku = first_noun("wieku");
        assert!(
            !readings("głosujących")
                .iter()
                .any(|a| a.agrees_with(&wieku))
        );
    }

    #[test]
    fn adjective_endings_follow_the_gender() {
        let f = first_noun("kampania");
        let n = first_noun("boisko");
        let m = first_noun("park");
        assert_eq!(agree("cebulowy", &f), "cebulowa");
        assert_eq!(agree("cebulowy", &n), "cebulowe");
        assert_eq!(agree("cebulowy", &m), "cebulowy");
        assert_eq!(agree("polski", &f), "polska");
        assert_eq!(agree("polski", &n), "polskie");
        assert_eq!(agree("ostatni", &f), "ostatnia");
        assert_eq!(agree("ostatni", &n), "ostatnie");
    }
}
