//! The resolution outline: its levels, what its sections can be mapped to, and the
//! default skeleton of the council resolution on participatory-budget requirements
//! (art. 5a ust. 7 u.s.g.), with keywords that let clustering seed one topic per chapter.

use serde::Serialize;

/// Level of an outline unit: rozdział → § → ust. → pkt → lit. → tiret.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionLevel {
    Chapter,
    Paragraph,
    Ust,
    Pkt,
    Lit,
    Tiret,
}

impl SectionLevel {
    pub const ALL: [SectionLevel; 6] = [
        SectionLevel::Chapter,
        SectionLevel::Paragraph,
        SectionLevel::Ust,
        SectionLevel::Pkt,
        SectionLevel::Lit,
        SectionLevel::Tiret,
    ];

    /// The name stored in `outline_section.level`.
    pub fn name(self) -> &'static str {
        match self {
            SectionLevel::Chapter => "chapter",
            SectionLevel::Paragraph => "paragraph",
            SectionLevel::Ust => "ust",
            SectionLevel::Pkt => "pkt",
            SectionLevel::Lit => "lit",
            SectionLevel::Tiret => "tiret",
        }
    }

    /// Reads a stored or typed level name (`ust`, `pkt`, `lit`, `tiret`, `§`, …).
    pub fn parse(name: &str) -> Option<SectionLevel> {
        let n = name.trim().trim_end_matches('.').to_lowercase();
        Some(match n.as_str() {
            "chapter" | "rozdział" | "rozdzial" => SectionLevel::Chapter,
            "paragraph" | "§" | "par" | "paragraf" => SectionLevel::Paragraph,
            "ust" | "sec" | "section" => SectionLevel::Ust,
            "pkt" | "item" | "point" => SectionLevel::Pkt,
            "lit" | "letter" => SectionLevel::Lit,
            "tiret" | "indent" => SectionLevel::Tiret,
            _ => return None,
        })
    }

    /// The level a new child gets: the next one down (a § holds ust.; a § without ust.
    /// may hold pkt directly, which [`SectionLevel::may_hold`] allows).
    pub fn child(self) -> Option<SectionLevel> {
        match self {
            SectionLevel::Chapter => Some(SectionLevel::Paragraph),
            SectionLevel::Paragraph => Some(SectionLevel::Ust),
            SectionLevel::Ust => Some(SectionLevel::Pkt),
            SectionLevel::Pkt => Some(SectionLevel::Lit),
            SectionLevel::Lit => Some(SectionLevel::Tiret),
            SectionLevel::Tiret => None,
        }
    }

    /// Whether a unit of this level may contain one of `child`: the next level down, or
    /// pkt straight in a § (an enumeration in a § that has no ust.).
    pub fn may_hold(self, child: SectionLevel) -> bool {
        self.child() == Some(child)
            || (self == SectionLevel::Paragraph && child == SectionLevel::Pkt)
    }

    /// Units below the § carry text, not a heading of their own.
    pub fn is_text_unit(self) -> bool {
        self > SectionLevel::Paragraph
    }
}

/// What a section can be mapped to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MapTarget {
    Topic(String),
    Card(String),
}

/// One chapter (rozdział) of the default outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chapter {
    pub number: u32,
    pub heading_pl: &'static str,
    pub heading_en: &'static str,
    /// The paragraphs (§) the skeleton starts with: (Polish, English) headings.
    pub paragraphs: &'static [(&'static str, &'static str)],
    /// Words typical of cards about this chapter (surface forms; clustering stems them).
    pub keywords_pl: &'static [&'static str],
    pub keywords_en: &'static [&'static str],
}

pub const DEFAULT_CHAPTERS: &[Chapter] = &[
    Chapter {
        number: 1,
        heading_pl: "Przepisy ogólne",
        heading_en: "General provisions",
        paragraphs: &[
            ("Definicje", "Definitions"),
            (
                "Wysokość budżetu obywatelskiego",
                "Amount of the participatory budget",
            ),
            ("Podział na pule", "Division into pools"),
            (
                "Etapy budżetu obywatelskiego",
                "Stages of the participatory budget",
            ),
        ],
        keywords_pl: &[
            "pula",
            "kwota",
            "dzielnica",
            "osiedle",
            "ogólnomiejska",
            "budżet",
            "limit",
            "koszt",
        ],
        keywords_en: &[
            "pool", "amount", "district", "citywide", "budget", "limit", "cost",
        ],
    },
    Chapter {
        number: 2,
        heading_pl: "Zgłaszanie projektów — wymogi formalne",
        heading_en: "Submitting projects — formal requirements",
        paragraphs: &[
            ("Kto może zgłosić projekt", "Who may submit a project"),
            ("Formularz zgłoszenia projektu", "Project application form"),
            (
                "Sposób i termin składania projektów",
                "How and when projects are submitted",
            ),
        ],
        keywords_pl: &[
            "zgłaszanie",
            "zgłoszenie",
            "formularz",
            "wniosek",
            "projektodawca",
            "nabór",
            "dane",
        ],
        keywords_en: &[
            "submission",
            "submit",
            "form",
            "application",
            "proposer",
            "deadline",
        ],
    },
    Chapter {
        number: 3,
        heading_pl: "Lista poparcia",
        heading_en: "Support list",
        paragraphs: &[
            (
                "Liczba podpisów poparcia",
                "Number of supporting signatures",
            ),
            ("Wzór listy poparcia", "Support list template"),
        ],
        keywords_pl: &["lista", "poparcie", "podpis", "podpisy", "popierających"],
        keywords_en: &["support", "signature", "signatures", "list"],
    },
    Chapter {
        number: 4,
        heading_pl: "Ocena projektów",
        heading_en: "Evaluation of projects",
        paragraphs: &[
            ("Ocena formalna", "Formal evaluation"),
            ("Ocena merytoryczna", "Merit evaluation"),
            (
                "Publikacja wyników oceny",
                "Publication of the evaluation results",
            ),
        ],
        keywords_pl: &[
            "ocena",
            "weryfikacja",
            "kosztorys",
            "wykonalność",
            "zespół",
            "opinia",
            "poprawki",
        ],
        keywords_en: &[
            "evaluation",
            "assessment",
            "feasibility",
            "estimate",
            "review",
        ],
    },
    Chapter {
        number: 5,
        heading_pl: "Tryb odwoławczy",
        heading_en: "Appeals",
        paragraphs: &[(
            "Odwołanie od decyzji o niedopuszczeniu projektu do głosowania",
            "Appeal against not admitting a project to the vote",
        )],
        keywords_pl: &[
            "odwołanie",
            "protest",
            "odrzucenie",
            "uzasadnienie",
            "odwoławczy",
        ],
        keywords_en: &["appeal", "appeals", "rejection", "reasons"],
    },
    Chapter {
        number: 6,
        heading_pl: "Głosowanie",
        heading_en: "Voting",
        paragraphs: &[
            ("Uprawnieni do głosowania", "Who may vote"),
            ("Sposób głosowania", "How the vote is held"),
            ("Ważność głosu", "Validity of votes"),
        ],
        keywords_pl: &[
            "głosowanie",
            "głos",
            "głosować",
            "karta",
            "elektroniczne",
            "punkty",
            "wiek",
        ],
        keywords_en: &["vote", "voting", "ballot", "electronic", "points"],
    },
    Chapter {
        number: 7,
        heading_pl: "Ustalanie wyników i podanie ich do publicznej wiadomości",
        heading_en: "Results and their publication",
        paragraphs: &[
            ("Ustalanie wyników", "Determining the results"),
            (
                "Podanie wyników do publicznej wiadomości",
                "Publication of the results",
            ),
        ],
        keywords_pl: &[
            "wyniki",
            "ranking",
            "remis",
            "losowanie",
            "protokół",
            "ogłoszenie",
            "publikacja",
        ],
        keywords_en: &["results", "ranking", "tie", "lots", "report", "publication"],
    },
    Chapter {
        number: 8,
        heading_pl: "Postanowienia końcowe",
        heading_en: "Final provisions",
        paragraphs: &[
            ("Wykonanie uchwały", "Execution of the resolution"),
            ("Wejście w życie", "Entry into force"),
        ],
        keywords_pl: &[
            "wykonanie",
            "wejście",
            "harmonogram",
            "realizacja",
            "zarządzenie",
        ],
        keywords_en: &["implementation", "schedule", "entry", "force"],
    },
];

/// Cross-cutting themes that are not chapters of their own but that cards often raise.
pub const THEMES: &[Chapter] = &[
    Chapter {
        number: 0,
        heading_pl: "Promocja i edukacja",
        heading_en: "Promotion and education",
        paragraphs: &[],
        keywords_pl: &[
            "promocja",
            "kampania",
            "informacja",
            "spotkania",
            "media",
            "edukacja",
            "ulotki",
        ],
        keywords_en: &[
            "promotion",
            "campaign",
            "information",
            "meetings",
            "media",
            "education",
        ],
    },
    Chapter {
        number: 0,
        heading_pl: "Dostępność",
        heading_en: "Accessibility",
        paragraphs: &[],
        keywords_pl: &[
            "dostępność",
            "niepełnosprawność",
            "seniorzy",
            "bariery",
            "uniwersalne",
            "tłumacz",
        ],
        keywords_en: &[
            "accessibility",
            "disability",
            "seniors",
            "barriers",
            "universal",
        ],
    },
];

impl Chapter {
    pub fn paragraph_headings(&self, lang: &str) -> Vec<&'static str> {
        self.paragraphs
            .iter()
            .map(|(pl, en)| if lang == "en" { *en } else { *pl })
            .collect()
    }

    pub fn heading(&self, lang: &str) -> &'static str {
        if lang == "en" {
            self.heading_en
        } else {
            self.heading_pl
        }
    }

    pub fn keywords(&self, lang: &str) -> &'static [&'static str] {
        if lang == "en" {
            self.keywords_en
        } else {
            self.keywords_pl
        }
    }
}

/// The chapters (without the final provisions, which cards rarely address) and the
/// themes, as (name, keywords) pairs for seeding topic clustering.
pub fn seed_topics(lang: &str) -> Vec<(String, Vec<String>)> {
    DEFAULT_CHAPTERS
        .iter()
        .filter(|c| c.number != 8)
        .chain(THEMES)
        .map(|c| {
            (
                c.heading(lang).to_owned(),
                c.keywords(lang).iter().map(|k| (*k).to_owned()).collect(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeleton_has_eight_numbered_chapters_and_seeds_in_both_languages() {
        let numbers: Vec<u32> = DEFAULT_CHAPTERS.iter().map(|c| c.number).collect();
        assert_eq!(numbers, (1..=8).collect::<Vec<_>>());
        let pl = seed_topics("pl");
        assert_eq!(pl.len(), 9);
        assert!(pl.iter().all(|(_, k)| !k.is_empty()));
        assert_eq!(seed_topics("en")[5].0, "Voting");
    }
}
