//! Legal numbering of the outline: chapters 1…n, § continuous through the whole act,
//! ust. restarting in each §, pkt restarting in each ust. (or in a § without ust.),
//! lit. a), b)… in each pkt and unnumbered tirets (–) in each lit. Numbers come from the
//! units' order only, so inserting, moving or deleting a unit renumbers the rest.

use super::{Lang, SectionLevel, SectionView};
use std::collections::HashMap;

/// The words of a citation that depend on the language. They live with the numbering,
/// not with the document vocabulary, because storage cites sections too.
struct Words {
    chapter: &'static str,
    ust: &'static str,
    pkt: &'static str,
    lit: &'static str,
    tiret: &'static str,
}

fn citation_words(lang: Lang) -> Words {
    match lang {
        Lang::Pl => Words {
            chapter: "Rozdział",
            ust: "ust.",
            pkt: "pkt",
            lit: "lit.",
            tiret: "tiret",
        },
        Lang::En => Words {
            chapter: "Chapter",
            ust: "sec.",
            pkt: "item",
            lit: "letter",
            tiret: "indent",
        },
    }
}

/// The letter of the n-th lit. (1-based): a…z, then za, zb… as the drafting rules do.
pub fn letter(n: usize) -> String {
    const ABC: &[u8; 26] = b"abcdefghijklmnopqrstuvwxyz";
    let n = n.max(1) - 1;
    let mut out = "z".repeat(n / 26);
    out.push(char::from(ABC[n % 26]));
    out
}

/// The number of one section: how it is labelled in the text and how it is cited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbered {
    /// Printed before the provision: `Rozdział 2`, `§ 5.`, `2.`, `3)`, `b)`, `–`.
    pub label: String,
    /// How other parts of the document refer to it: `§ 5 ust. 2 pkt 3 lit. b` (English
    /// `§ 5 sec. 2 item 3 letter b`), or `Rozdział 2` for a chapter.
    pub citation: String,
}

#[derive(Debug, Clone, Default)]
pub struct Numbering {
    by_id: HashMap<String, Numbered>,
    /// Chapters numbered so far; the next chapter gets `chapters + 1`.
    pub chapters: usize,
    /// § numbered so far; fixed provisions appended after the outline continue from here.
    pub paragraphs: usize,
}

/// The citation of the enclosing unit while walking down the tree.
#[derive(Clone, Default)]
struct Trail {
    citation: String,
}

impl Numbering {
    pub fn new(sections: &[SectionView], lang: Lang) -> Self {
        let mut n = Numbering::default();
        n.walk(sections, &Trail::default(), lang);
        n
    }

    pub fn get(&self, id: &str) -> Option<&Numbered> {
        self.by_id.get(id)
    }

    pub fn citation(&self, id: &str) -> Option<&str> {
        self.by_id.get(id).map(|n| n.citation.as_str())
    }

    /// Label and citation of a § that is not part of the outline (the fixed final
    /// provisions), continuing the § count.
    pub fn next_paragraph(&mut self) -> Numbered {
        self.paragraphs += 1;
        Numbered {
            label: format!("§ {}.", self.paragraphs),
            citation: format!("§ {}", self.paragraphs),
        }
    }

    /// Label of a chapter that is not part of the outline, continuing the count.
    pub fn next_chapter(&mut self, lang: Lang) -> String {
        self.chapters += 1;
        format!("{} {}", citation_words(lang).chapter, self.chapters)
    }

    fn walk(&mut self, siblings: &[SectionView], trail: &Trail, lang: Lang) {
        let words = citation_words(lang);
        // Units below the § count among their siblings of the same level only, so they
        // restart in each parent.
        let mut counts: HashMap<SectionLevel, usize> = HashMap::new();
        for s in siblings {
            let n = counts.entry(s.level).or_default();
            *n += 1;
            let n = *n;
            let within = |word: &str, number: &str| {
                if trail.citation.is_empty() {
                    format!("{word} {number}")
                } else {
                    format!("{} {word} {number}", trail.citation)
                }
            };
            let numbered = match s.level {
                SectionLevel::Chapter => {
                    self.chapters += 1;
                    let label = format!("{} {}", words.chapter, self.chapters);
                    self.by_id.insert(
                        s.id.clone(),
                        Numbered {
                            citation: label.clone(),
                            label,
                        },
                    );
                    // A chapter is not part of a §'s address.
                    self.walk(&s.children, &Trail::default(), lang);
                    continue;
                }
                SectionLevel::Paragraph => {
                    self.paragraphs += 1;
                    Numbered {
                        label: format!("§ {}.", self.paragraphs),
                        citation: format!("§ {}", self.paragraphs),
                    }
                }
                SectionLevel::Ust => Numbered {
                    label: format!("{n}."),
                    citation: within(words.ust, &n.to_string()),
                },
                SectionLevel::Pkt => Numbered {
                    label: format!("{n})"),
                    citation: within(words.pkt, &n.to_string()),
                },
                SectionLevel::Lit => {
                    let l = letter(n);
                    Numbered {
                        label: format!("{l})"),
                        citation: within(words.lit, &l),
                    }
                }
                SectionLevel::Tiret => Numbered {
                    label: "–".to_owned(),
                    citation: within(words.tiret, &n.to_string()),
                },
            };
            let inner = Trail {
                citation: numbered.citation.clone(),
            };
            self.by_id.insert(s.id.clone(), numbered);
            self.walk(&s.children, &inner, lang);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sec(id: &str, level: SectionLevel, children: Vec<SectionView>) -> SectionView {
        SectionView {
            id: id.into(),
            level,
            heading: String::new(),
            draft_text: String::new(),
            topic_ids: vec![],
            source_card_ids: vec![],
            children,
        }
    }

    fn tree() -> Vec<SectionView> {
        use SectionLevel::*;
        vec![
            sec(
                "r1",
                Chapter,
                vec![
                    sec("p1", Paragraph, vec![]),
                    sec(
                        "p2",
                        Paragraph,
                        vec![
                            sec("p2u1", Ust, vec![]),
                            sec(
                                "p2u2",
                                Ust,
                                vec![sec("p2u2k1", Pkt, vec![]), sec("p2u2k2", Pkt, vec![])],
                            ),
                            sec("p2u3", Ust, vec![sec("p2u3k1", Pkt, vec![])]),
                        ],
                    ),
                ],
            ),
            sec("r2", Chapter, vec![]),
            sec(
                "r3",
                Chapter,
                vec![sec(
                    "p3",
                    Paragraph,
                    vec![sec("p3k1", Pkt, vec![]), sec("p3k2", Pkt, vec![])],
                )],
            ),
        ]
    }

    #[test]
    fn polish_numbers_and_citations() {
        let n = Numbering::new(&tree(), Lang::Pl);
        let c = |id: &str| n.citation(id).unwrap().to_string();
        assert_eq!(c("r1"), "Rozdział 1");
        assert_eq!(c("r3"), "Rozdział 3");
        assert_eq!(c("p1"), "§ 1");
        assert_eq!(c("p2"), "§ 2");
        // § keeps counting across chapters.
        assert_eq!(c("p3"), "§ 3");
        assert_eq!(c("p2u1"), "§ 2 ust. 1");
        assert_eq!(c("p2u2k2"), "§ 2 ust. 2 pkt 2");
        // pkt restarts in each ust.
        assert_eq!(c("p2u3k1"), "§ 2 ust. 3 pkt 1");
        // pkt directly in a § without ust.
        assert_eq!(c("p3k2"), "§ 3 pkt 2");
        assert_eq!(n.get("p2u2").unwrap().label, "2.");
        assert_eq!(n.get("p3k1").unwrap().label, "1)");
        assert_eq!(n.get("p2").unwrap().label, "§ 2.");
        assert_eq!((n.chapters, n.paragraphs), (3, 3));
        assert_eq!(n.citation("missing"), None);
    }

    #[test]
    fn english_citations_and_continuation() {
        let mut n = Numbering::new(&tree(), Lang::En);
        assert_eq!(n.citation("r2"), Some("Chapter 2"));
        assert_eq!(n.citation("p2u2k1"), Some("§ 2 sec. 2 item 1"));
        assert_eq!(n.next_paragraph().citation, "§ 4");
        assert_eq!(n.next_chapter(Lang::En), "Chapter 4");
    }

    #[test]
    fn ust_restarts_in_each_paragraph() {
        use SectionLevel::*;
        let t = vec![
            sec(
                "a",
                Paragraph,
                vec![sec("a1", Ust, vec![]), sec("a2", Ust, vec![])],
            ),
            sec("b", Paragraph, vec![sec("b1", Ust, vec![])]),
        ];
        let n = Numbering::new(&t, Lang::Pl);
        assert_eq!(n.citation("a2"), Some("§ 1 ust. 2"));
        assert_eq!(n.citation("b1"), Some("§ 2 ust. 1"));
    }

    fn deep() -> Vec<SectionView> {
        use SectionLevel::*;
        vec![sec(
            "p",
            Paragraph,
            vec![
                sec("u1", Ust, vec![]),
                sec(
                    "u2",
                    Ust,
                    vec![sec(
                        "k1",
                        Pkt,
                        vec![
                            sec("a", Lit, vec![]),
                            sec(
                                "b",
                                Lit,
                                vec![sec("t1", Tiret, vec![]), sec("t2", Tiret, vec![])],
                            ),
                        ],
                    )],
                ),
            ],
        )]
    }

    #[test]
    fn every_level_has_a_label_and_a_full_address() {
        let n = Numbering::new(&deep(), Lang::Pl);
        let label = |id: &str| n.get(id).unwrap().label.clone();
        assert_eq!(label("u2"), "2.");
        assert_eq!(label("k1"), "1)");
        assert_eq!(label("b"), "b)");
        assert_eq!(label("t2"), "–");
        assert_eq!(n.citation("b"), Some("§ 1 ust. 2 pkt 1 lit. b"));
        assert_eq!(n.citation("t2"), Some("§ 1 ust. 2 pkt 1 lit. b tiret 2"));
        let en = Numbering::new(&deep(), Lang::En);
        assert_eq!(
            en.citation("t1"),
            Some("§ 1 sec. 2 item 1 letter b indent 1")
        );
    }

    #[test]
    fn insert_move_and_delete_renumber() {
        use SectionLevel::*;
        let mut t = deep();
        // Insert a lit. before a): the old a) becomes b), b) becomes c).
        t[0].children[1].children[0]
            .children
            .insert(0, sec("new", Lit, vec![]));
        let n = Numbering::new(&t, Lang::Pl);
        assert_eq!(n.citation("new"), Some("§ 1 ust. 2 pkt 1 lit. a"));
        assert_eq!(n.citation("a"), Some("§ 1 ust. 2 pkt 1 lit. b"));
        assert_eq!(n.citation("t1"), Some("§ 1 ust. 2 pkt 1 lit. c tiret 1"));
        // Move ust. 2 above ust. 1: everything under it follows.
        t[0].children.swap(0, 1);
        let n = Numbering::new(&t, Lang::Pl);
        assert_eq!(n.citation("u2"), Some("§ 1 ust. 1"));
        assert_eq!(n.citation("k1"), Some("§ 1 ust. 1 pkt 1"));
        assert_eq!(n.citation("u1"), Some("§ 1 ust. 2"));
        // Delete the first ust. (with its units): the other is ust. 1 again.
        t[0].children.remove(0);
        let n = Numbering::new(&t, Lang::Pl);
        assert_eq!(n.citation("u1"), Some("§ 1 ust. 1"));
        assert_eq!(n.citation("k1"), None);
        // A new § before it shifts the § number.
        t.insert(0, sec("p0", Paragraph, vec![]));
        let n = Numbering::new(&t, Lang::Pl);
        assert_eq!(n.citation("u1"), Some("§ 2 ust. 1"));
    }

    #[test]
    fn letters_run_past_z() {
        assert_eq!(letter(1), "a");
        assert_eq!(letter(26), "z");
        assert_eq!(letter(27), "za");
        assert_eq!(letter(28), "zb");
    }
}
