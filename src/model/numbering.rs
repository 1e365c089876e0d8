//! Legal numbering of the outline: chapters 1…n, § continuous through the whole act,
//! ust. restarting in each §, pkt restarting in each ust. (or in a § without ust.).

use super::{Lang, SectionLevel, SectionView};
use std::collections::HashMap;

/// The words of a citation that depend on the language. They live with the numbering,
/// not with the document vocabulary, because storage cites sections too.
struct Words {
    chapter: &'static str,
    ust: &'static str,
    pkt: &'static str,
}

fn citation_words(lang: Lang) -> Words {
    match lang {
        Lang::Pl => Words {
            chapter: "Rozdział",
            ust: "ust.",
            pkt: "pkt",
        },
        Lang::En => Words {
            chapter: "Chapter",
            ust: "sec.",
            pkt: "item",
        },
    }
}

/// The number of one section: how it is labelled in the text and how it is cited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbered {
    /// Printed before the provision: `Rozdział 2`, `§ 5.`, `2.`, `3)`.
    pub label: String,
    /// How other parts of the document refer to it: `§ 5 ust. 2 pkt 3` (English
    /// `§ 5 sec. 2 item 3`), or `Rozdział 2` for a chapter.
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

/// Numbers of the enclosing provisions while walking down the tree.
#[derive(Clone, Copy, Default)]
struct Trail {
    paragraph: Option<usize>,
    ust: Option<usize>,
}

impl Numbering {
    pub fn new(sections: &[SectionView], lang: Lang) -> Self {
        let mut n = Numbering::default();
        n.walk(sections, Trail::default(), lang);
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

    fn walk(&mut self, siblings: &[SectionView], trail: Trail, lang: Lang) {
        let words = citation_words(lang);
        // ust. and pkt count among their siblings only, so they restart per parent.
        let (mut ust, mut pkt) = (0, 0);
        for s in siblings {
            let mut inner = trail;
            let numbered = match s.level {
                SectionLevel::Chapter => {
                    self.chapters += 1;
                    inner = Trail::default();
                    let label = format!("{} {}", words.chapter, self.chapters);
                    Numbered {
                        citation: label.clone(),
                        label,
                    }
                }
                SectionLevel::Paragraph => {
                    self.paragraphs += 1;
                    inner = Trail {
                        paragraph: Some(self.paragraphs),
                        ust: None,
                    };
                    Numbered {
                        label: format!("§ {}.", self.paragraphs),
                        citation: format!("§ {}", self.paragraphs),
                    }
                }
                SectionLevel::Ust => {
                    ust += 1;
                    inner.ust = Some(ust);
                    Numbered {
                        label: format!("{ust}."),
                        citation: cite(trail.paragraph, Some(ust), None, lang),
                    }
                }
                SectionLevel::Pkt => {
                    pkt += 1;
                    Numbered {
                        label: format!("{pkt})"),
                        citation: cite(trail.paragraph, trail.ust, Some(pkt), lang),
                    }
                }
            };
            self.by_id.insert(s.id.clone(), numbered);
            self.walk(&s.children, inner, lang);
        }
    }
}

fn cite(paragraph: Option<usize>, ust: Option<usize>, pkt: Option<usize>, lang: Lang) -> String {
    let words = citation_words(lang);
    let mut parts = Vec::with_capacity(3);
    if let Some(p) = paragraph {
        parts.push(format!("§ {p}"));
    }
    if let Some(u) = ust {
        parts.push(format!("{} {u}", words.ust));
    }
    if let Some(k) = pkt {
        parts.push(format!("{} {k}", words.pkt));
    }
    parts.join(" ")
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
}
