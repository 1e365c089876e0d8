//! Seed topics taken from the consultation's own outline rather than the bare skeleton:
//! a chapter the secretary renamed still seeds its cards under its new heading (so they
//! go to the topics mapped to it, not to a new topic named after the old heading), and a
//! chapter the secretary added seeds a topic of its own.

use super::Lang;
use super::outline::{Chapter, DEFAULT_CHAPTERS, THEMES};

/// A chapter of the stored outline: its heading and the headings of its §.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutlineChapter {
    pub heading: String,
    pub paragraphs: Vec<String>,
}

/// The skeleton chapter holding the final provisions: cards rarely address it, so it
/// seeds nothing, renamed or not.
const FINAL_PROVISIONS: u32 = 8;

/// (name, keywords) seeds for clustering. With no chapters stored this is
/// [`super::outline::seed_topics`]. Otherwise each skeleton chapter is found in the
/// stored outline — same heading; else most of its § headings kept; else a heading
/// holding every word of the skeleton's (inflected or not) — and seeds under the stored
/// heading with the skeleton's keywords and the heading's own words. A skeleton chapter
/// not found keeps its skeleton name; stored chapters matching no skeleton chapter seed
/// with the words of their heading and § headings. The themes follow.
pub fn seeds(chapters: &[OutlineChapter], lang: &str) -> Vec<(String, Vec<String>)> {
    let text_lang: Lang = lang.parse().unwrap_or(Lang::Pl);
    let mut taken = vec![false; chapters.len()];
    let mut out = Vec::new();
    for ch in DEFAULT_CHAPTERS {
        let found = find(ch, chapters, &taken, lang, text_lang);
        if let Some(i) = found {
            taken[i] = true;
        }
        if ch.number == FINAL_PROVISIONS {
            continue;
        }
        let mut keywords: Vec<String> = ch.keywords(lang).iter().map(|k| (*k).to_owned()).collect();
        let name = match found {
            Some(i) => {
                if !same_name(&chapters[i].heading, ch.heading(lang)) {
                    add_words(&mut keywords, &chapters[i].heading);
                }
                chapters[i].heading.clone()
            }
            None => ch.heading(lang).to_owned(),
        };
        out.push((name, keywords));
    }
    for (i, ch) in chapters.iter().enumerate() {
        if taken[i] {
            continue;
        }
        let mut keywords = Vec::new();
        add_words(&mut keywords, &ch.heading);
        for p in &ch.paragraphs {
            add_words(&mut keywords, p);
        }
        if !keywords.is_empty() {
            out.push((ch.heading.clone(), keywords));
        }
    }
    out.extend(THEMES.iter().map(|t| {
        let keywords = t.keywords(lang).iter().map(|k| (*k).to_owned()).collect();
        (t.heading(lang).to_owned(), keywords)
    }));
    out
}

/// The stored chapter that skeleton chapter `ch` became, among those not taken yet.
fn find(
    ch: &Chapter,
    chapters: &[OutlineChapter],
    taken: &[bool],
    lang: &str,
    text_lang: Lang,
) -> Option<usize> {
    let free = || (0..chapters.len()).filter(|&i| !taken[i]);
    let heading = ch.heading(lang);
    if let Some(i) = free().find(|&i| same_name(&chapters[i].heading, heading)) {
        return Some(i);
    }
    // Renamed, § kept: the chapter keeping most (at least half) of the skeleton's §.
    let skeleton = ch.paragraph_headings(lang);
    let kept = |i: usize| {
        skeleton
            .iter()
            .filter(|s| chapters[i].paragraphs.iter().any(|p| same_name(p, s)))
            .count()
    };
    if let Some(i) = free()
        .filter(|&i| !skeleton.is_empty() && 2 * kept(i) >= skeleton.len() && kept(i) > 0)
        .max_by_key(|&i| (kept(i), std::cmp::Reverse(i)))
    {
        return Some(i);
    }
    let words = stems(heading, text_lang);
    free().find(|&i| names_all(&chapters[i].heading, &words, text_lang))
}

/// Whether a name holds every word (stem) of `words`, inflected or not: "Promocja,
/// edukacja i prosty język" names the seed "Promocja i edukacja".
pub(crate) fn names_all(name: &str, words: &[String], lang: Lang) -> bool {
    let have = stems(name, lang);
    !words.is_empty() && words.iter().all(|w| have.contains(w))
}

/// Names equal but for case, surrounding space and Polish letters.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    crate::cluster::fold(&a.trim().to_lowercase()) == crate::cluster::fold(&b.trim().to_lowercase())
}

/// The stems of a heading's words, stop words left out, as clustering stems them:
/// "Promocja i edukacja" → {promocj, edukacj}.
pub(crate) fn stems(name: &str, lang: Lang) -> Vec<String> {
    name.split(|c: char| !c.is_alphabetic())
        .filter_map(|w| crate::cluster::stem_key(w, lang))
        .collect()
}

/// Adds a heading's words of three letters or more, lower-cased, once each.
fn add_words(keywords: &mut Vec<String>, heading: &str) {
    for w in heading.split(|c: char| !c.is_alphabetic()) {
        let w = w.to_lowercase();
        if w.chars().count() >= 3 && !keywords.contains(&w) {
            keywords.push(w);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::outline::seed_topics;

    fn skeleton(lang: &str) -> Vec<OutlineChapter> {
        DEFAULT_CHAPTERS
            .iter()
            .map(|c| OutlineChapter {
                heading: c.heading(lang).to_owned(),
                paragraphs: c
                    .paragraph_headings(lang)
                    .into_iter()
                    .map(str::to_owned)
                    .collect(),
            })
            .collect()
    }

    fn names(seeds: &[(String, Vec<String>)]) -> Vec<&str> {
        seeds.iter().map(|s| s.0.as_str()).collect()
    }

    #[test]
    fn the_untouched_skeleton_and_no_outline_seed_as_before() {
        for lang in ["pl", "en"] {
            assert_eq!(seeds(&skeleton(lang), lang), seed_topics(lang));
            assert_eq!(seeds(&[], lang), seed_topics(lang));
        }
    }

    #[test]
    fn a_renamed_chapter_seeds_under_its_new_heading_with_the_old_keywords() {
        let plain = seed_topics("pl");
        let voting = plain.iter().position(|s| s.0 == "Głosowanie").unwrap();
        let mut outline = skeleton("pl");
        let at = outline
            .iter()
            .position(|c| c.heading == "Głosowanie")
            .unwrap();
        // § kept, heading rewritten entirely.
        outline[at].heading = "Wybór projektów przez mieszkańców".into();
        let got = seeds(&outline, "pl");
        assert_eq!(got.len(), plain.len());
        assert_eq!(got[voting].0, "Wybór projektów przez mieszkańców");
        assert!(plain[voting].1.iter().all(|k| got[voting].1.contains(k)));
        assert!(got[voting].1.contains(&"mieszkańców".to_owned()));
    }

    #[test]
    fn a_chapter_renamed_with_its_word_kept_is_found_without_its_paragraphs() {
        let mut outline = skeleton("pl");
        let at = outline
            .iter()
            .position(|c| c.heading == "Głosowanie")
            .unwrap();
        outline[at].heading = "Zasady głosowania".into();
        outline[at].paragraphs.clear();
        let got = seeds(&outline, "pl");
        assert!(names(&got).contains(&"Zasady głosowania"));
        assert!(!names(&got).contains(&"Głosowanie"));
    }

    #[test]
    fn an_added_chapter_seeds_a_topic_and_the_final_provisions_never_do() {
        let mut outline = skeleton("pl");
        let last = outline.len() - 1;
        outline[last].heading = "Postanowienia końcowe i przejściowe".into();
        outline.insert(
            2,
            OutlineChapter {
                heading: "Budżet młodzieżowy".into(),
                paragraphs: vec!["Szkoły ponadpodstawowe".into()],
            },
        );
        let got = seeds(&outline, "pl");
        let young = got.iter().find(|s| s.0 == "Budżet młodzieżowy").unwrap();
        assert!(young.1.contains(&"szkoły".to_owned()));
        assert_eq!(got.len(), seed_topics("pl").len() + 1);
        assert!(!names(&got).iter().any(|n| n.contains("końcowe")));
    }
}
