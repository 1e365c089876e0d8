//! Proposed case forms of Polish place names: the genitive ("Rady Miasta Częstochowy")
//! and the locative ("Rady Miejskiej w Reszlu"). Rule-based from the common endings, with
//! a short list of names the rules get wrong; the user corrects what is still wrong, so
//! these are proposals, never stored without being shown.

/// Names whose forms no ending rule gives: (nominative, genitive, locative).
const WHOLE_NAMES: &[(&str, &str, &str)] = &[
    ("Białystok", "Białegostoku", "Białymstoku"),
    ("Bydgoszcz", "Bydgoszczy", "Bydgoszczy"),
    ("Bytom", "Bytomia", "Bytomiu"),
    ("Gniezno", "Gniezna", "Gnieźnie"),
    ("Kołobrzeg", "Kołobrzegu", "Kołobrzegu"),
    ("Krosno", "Krosna", "Krośnie"),
    ("Łódź", "Łodzi", "Łodzi"),
    ("Radom", "Radomia", "Radomiu"),
    ("Siedlce", "Siedlec", "Siedlcach"),
    ("Sopot", "Sopotu", "Sopocie"),
    ("Tychy", "Tychów", "Tychach"),
    ("Zakopane", "Zakopanego", "Zakopanem"),
];

/// Nouns inside multi-word names that the rules get wrong.
const WHOLE_WORDS: &[(&str, &str, &str)] = &[
    ("Dwór", "Dworu", "Dworze"),
    ("Sól", "Soli", "Soli"),
    ("Targ", "Targu", "Targu"),
];

/// Words that are adjectives although no adjective ending shows it.
const ADJECTIVES: &[&str] = &[
    "biała", "biały", "białe", "nowa", "nowy", "nowe", "stara", "stary", "stare", "zielona",
    "jelenia", "stalowa", "kamienna", "wielka", "wielki", "mała", "mały", "górna", "górny",
    "dolna", "dolny", "wysokie",
];

const ADJECTIVE_ENDINGS: &[&str] = &[
    "ski", "cki", "dzki", "ska", "cka", "dzka", "skie", "ckie", "dzkie", "czy", "cza", "cze",
];

#[derive(Clone, Copy)]
enum Case {
    Genitive,
    Locative,
}

/// The genitive of a city's name: Częstochowa → Częstochowy, Nowy Sącz → Nowego Sącza.
pub fn genitive(name: &str) -> String {
    decline(name, Case::Genitive)
}

/// The locative of a city's name (after "w"): Reszel → Reszlu, Kraków → Krakowie.
pub fn locative(name: &str) -> String {
    decline(name, Case::Locative)
}

fn decline(name: &str, case: Case) -> String {
    let name = name.trim();
    if let Some(&(_, g, l)) = WHOLE_NAMES.iter().find(|w| w.0 == name) {
        return pick(case, g, l).to_owned();
    }
    let plural = is_plural(name);
    // Words stay apart as typed: "Bielsko-Biała" declines both halves, keeping the dash.
    let mut out = String::with_capacity(name.len() + 8);
    let mut word = String::new();
    for c in name.chars() {
        if c == ' ' || c == '-' {
            out.push_str(&decline_word(&word, case, plural));
            word.clear();
            out.push(c);
        } else {
            word.push(c);
        }
    }
    out.push_str(&decline_word(&word, case, plural));
    out
}

/// Whether a name is plural, so its adjectives decline as plurals: a plural noun in it
/// ("Piekary Śląskie", "Siemianowice Śląskie"), or a lone adjective in -skie/-ckie
/// ("Końskie"); "Wysokie Mazowieckie", with no noun, stays singular.
fn is_plural(name: &str) -> bool {
    let words: Vec<String> = name
        .split([' ', '-'])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let plural_noun = words
        .iter()
        .any(|w| !is_adjective(w) && (w.ends_with('y') || w.ends_with("ki") || w.ends_with("ce")));
    let lone_adjective = words.len() == 1
        && ["skie", "ckie", "dzkie"]
            .iter()
            .any(|e| words[0].ends_with(e));
    plural_noun || lone_adjective
}

fn pick<'a>(case: Case, genitive: &'a str, locative: &'a str) -> &'a str {
    match case {
        Case::Genitive => genitive,
        Case::Locative => locative,
    }
}

fn is_adjective(lower: &str) -> bool {
    ADJECTIVES.contains(&lower) || ADJECTIVE_ENDINGS.iter().any(|e| lower.ends_with(e))
}

fn decline_word(word: &str, case: Case, plural: bool) -> String {
    if word.is_empty() {
        return String::new();
    }
    if let Some(&(_, g, l)) = WHOLE_WORDS.iter().find(|w| w.0 == word) {
        return pick(case, g, l).to_owned();
    }
    let lower = word.to_lowercase();
    let rule = if is_adjective(&lower) && plural {
        // Genitive and locative plural alike: Śląskie → Śląskich, Nowe → Nowych.
        ending(&lower, &[("ie", 1, "ch"), ("e", 1, "ych")])
    } else if is_adjective(&lower) {
        adjective_rule(&lower, case)
    } else {
        noun_rule(&lower, case)
    };
    match rule {
        Some((cut, add)) => {
            let keep = word.chars().count().saturating_sub(cut);
            word.chars().take(keep).chain(add.chars()).collect()
        }
        None => word.to_owned(),
    }
}

/// How many letters to cut from the end and what to add.
type Rule = (usize, &'static str);

/// The first matching ending of `table` (longest endings are listed first).
fn ending(lower: &str, table: &[(&str, usize, &'static str)]) -> Option<Rule> {
    table
        .iter()
        .find(|(e, _, _)| lower.ends_with(e))
        .map(|&(_, cut, add)| (cut, add))
}

fn adjective_rule(lower: &str, case: Case) -> Option<Rule> {
    let table: &[(&str, usize, &'static str)] = match case {
        Case::Genitive => &[
            ("ka", 1, "iej"),
            ("ga", 1, "iej"),
            ("ia", 1, "ej"),
            ("a", 1, "ej"),
            ("ie", 1, "ego"),
            ("e", 1, "ego"),
            ("y", 1, "ego"),
            ("i", 0, "ego"),
        ],
        Case::Locative => &[
            ("ka", 1, "iej"),
            ("ga", 1, "iej"),
            ("ia", 1, "ej"),
            ("a", 1, "ej"),
            ("kie", 1, "m"),
            ("gie", 1, "m"),
            ("e", 1, "ym"),
            ("y", 0, "m"),
            ("i", 0, "m"),
        ],
    };
    ending(lower, table)
}

fn noun_rule(lower: &str, case: Case) -> Option<Rule> {
    match case {
        Case::Genitive => ending(lower, GENITIVE),
        Case::Locative => ending(lower, LOCATIVE),
    }
}

/// Genitive endings, longest first within each group.
const GENITIVE: &[(&str, usize, &str)] = &[
    // Plurals: Katowice → Katowic, Kielce → Kielc, Suwałki → Suwałk, Żory → Żor.
    ("ice", 1, ""),
    ("yce", 1, ""),
    ("ce", 1, ""),
    ("ki", 1, ""),
    ("y", 1, ""),
    // Feminine -a: after k/g, i, l, j → -i; else -y.
    ("ka", 1, "i"),
    ("ga", 1, "i"),
    ("ia", 1, ""),
    ("la", 1, "i"),
    ("ja", 1, "i"),
    ("a", 1, "y"),
    // Neuter: Opole → Opola, Gniezno → Gniezna, Bielsko → Bielska.
    ("e", 1, "a"),
    ("o", 1, "a"),
    // Masculine: Kraków → Krakowa, Sosnowiec → Sosnowca, Włocławek → Włocławka,
    // Reszel → Reszla, Wrocław → Wrocławia, Toruń → Torunia, Zamość → Zamościa.
    ("ów", 2, "owa"),
    ("iec", 3, "ca"),
    ("ec", 2, "ca"),
    ("ek", 2, "ka"),
    ("el", 2, "la"),
    ("aw", 0, "ia"),
    ("ń", 1, "nia"),
    ("ść", 1, "cia"),
    ("ć", 1, "cia"),
    ("ś", 1, "sia"),
    ("ź", 1, "zia"),
    ("", 0, "a"),
];

/// Locative endings, longest first within each group.
const LOCATIVE: &[(&str, usize, &str)] = &[
    // Plurals: Katowice → Katowicach, Suwałki → Suwałkach, Żory → Żorach.
    ("ce", 1, "ach"),
    ("ki", 1, "ach"),
    ("y", 1, "ach"),
    // Feminine -a, with the consonant softened before -e.
    ("ka", 2, "ce"),
    ("ga", 2, "dze"),
    ("cha", 3, "sze"),
    ("ia", 1, ""),
    ("la", 1, "i"),
    ("ja", 1, "i"),
    ("ca", 1, "y"),
    ("cza", 1, "y"),
    ("sza", 1, "y"),
    ("rza", 1, "y"),
    ("ża", 1, "y"),
    ("dza", 1, "y"),
    ("ra", 1, "ze"),
    ("ła", 2, "le"),
    ("sta", 3, "ście"),
    ("ta", 2, "cie"),
    ("da", 2, "dzie"),
    ("a", 1, "ie"),
    // Neuter: Opole → Opolu, Bielsko → Bielsku, Leszno → Lesznie.
    ("e", 1, "u"),
    ("ko", 1, "u"),
    ("go", 1, "u"),
    ("cho", 1, "u"),
    ("ro", 1, "ze"),
    ("ło", 2, "le"),
    ("sto", 3, "ście"),
    ("to", 2, "cie"),
    ("do", 2, "dzie"),
    ("o", 1, "ie"),
    // Masculine: velars and soft consonants take -u, hard ones -e with softening.
    ("ów", 2, "owie"),
    ("iec", 3, "cu"),
    ("ec", 2, "cu"),
    ("ek", 2, "ku"),
    ("el", 2, "lu"),
    ("aw", 0, "iu"),
    ("k", 0, "u"),
    ("g", 0, "u"),
    ("ch", 0, "u"),
    ("ń", 1, "niu"),
    ("ść", 1, "ciu"),
    ("ć", 1, "ciu"),
    ("ś", 1, "siu"),
    ("ź", 1, "ziu"),
    ("cz", 0, "u"),
    ("sz", 0, "u"),
    ("rz", 0, "u"),
    ("dz", 0, "u"),
    ("ż", 0, "u"),
    ("c", 0, "u"),
    ("l", 0, "u"),
    ("j", 0, "u"),
    ("r", 0, "ze"),
    ("ł", 1, "le"),
    ("st", 2, "ście"),
    ("t", 1, "cie"),
    ("d", 1, "dzie"),
    ("", 0, "ie"),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Real city names with their genitive and locative as written in resolutions.
    const CITIES: &[(&str, &str, &str)] = &[
        ("Częstochowa", "Częstochowy", "Częstochowie"),
        ("Warszawa", "Warszawy", "Warszawie"),
        ("Kraków", "Krakowa", "Krakowie"),
        ("Rzeszów", "Rzeszowa", "Rzeszowie"),
        ("Katowice", "Katowic", "Katowicach"),
        ("Gliwice", "Gliwic", "Gliwicach"),
        ("Kielce", "Kielc", "Kielcach"),
        ("Suwałki", "Suwałk", "Suwałkach"),
        ("Żory", "Żor", "Żorach"),
        ("Tychy", "Tychów", "Tychach"),
        ("Gdynia", "Gdyni", "Gdyni"),
        ("Ostrołęka", "Ostrołęki", "Ostrołęce"),
        ("Legnica", "Legnicy", "Legnicy"),
        ("Łomża", "Łomży", "Łomży"),
        ("Piła", "Piły", "Pile"),
        ("Opole", "Opola", "Opolu"),
        ("Zabrze", "Zabrza", "Zabrzu"),
        ("Leszno", "Leszna", "Lesznie"),
        ("Gdańsk", "Gdańska", "Gdańsku"),
        ("Lublin", "Lublina", "Lublinie"),
        ("Poznań", "Poznania", "Poznaniu"),
        ("Wrocław", "Wrocławia", "Wrocławiu"),
        ("Sosnowiec", "Sosnowca", "Sosnowcu"),
        ("Włocławek", "Włocławka", "Włocławku"),
        ("Reszel", "Reszla", "Reszlu"),
        ("Elbląg", "Elbląga", "Elblągu"),
        ("Kalisz", "Kalisza", "Kaliszu"),
        ("Zamość", "Zamościa", "Zamościu"),
        ("Olsztyn", "Olsztyna", "Olsztynie"),
        ("Łódź", "Łodzi", "Łodzi"),
        ("Białystok", "Białegostoku", "Białymstoku"),
        ("Nowy Sącz", "Nowego Sącza", "Nowym Sączu"),
        ("Nowy Targ", "Nowego Targu", "Nowym Targu"),
        ("Zielona Góra", "Zielonej Góry", "Zielonej Górze"),
        ("Jelenia Góra", "Jeleniej Góry", "Jeleniej Górze"),
        ("Ruda Śląska", "Rudy Śląskiej", "Rudzie Śląskiej"),
        (
            "Dąbrowa Górnicza",
            "Dąbrowy Górniczej",
            "Dąbrowie Górniczej",
        ),
        ("Stalowa Wola", "Stalowej Woli", "Stalowej Woli"),
        ("Nowa Sól", "Nowej Soli", "Nowej Soli"),
        ("Biała Podlaska", "Białej Podlaskiej", "Białej Podlaskiej"),
        (
            "Gorzów Wielkopolski",
            "Gorzowa Wielkopolskiego",
            "Gorzowie Wielkopolskim",
        ),
        (
            "Piotrków Trybunalski",
            "Piotrkowa Trybunalskiego",
            "Piotrkowie Trybunalskim",
        ),
        ("Bielsko-Biała", "Bielska-Białej", "Bielsku-Białej"),
        (
            "Kędzierzyn-Koźle",
            "Kędzierzyna-Koźla",
            "Kędzierzynie-Koźlu",
        ),
        (
            "Skarżysko-Kamienna",
            "Skarżyska-Kamiennej",
            "Skarżysku-Kamiennej",
        ),
        ("Piekary Śląskie", "Piekar Śląskich", "Piekarach Śląskich"),
        (
            "Siemianowice Śląskie",
            "Siemianowic Śląskich",
            "Siemianowicach Śląskich",
        ),
        ("Końskie", "Końskich", "Końskich"),
    ];

    #[test]
    fn city_names_in_the_genitive_and_locative() {
        let mut wrong = Vec::new();
        for &(name, g, l) in CITIES {
            if genitive(name) != g {
                wrong.push(format!("{name}: genitive {} (want {g})", genitive(name)));
            }
            if locative(name) != l {
                wrong.push(format!("{name}: locative {} (want {l})", locative(name)));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn spaces_and_empty_names() {
        assert_eq!(genitive("  Częstochowa "), "Częstochowy");
        // No plural noun: a singular neuter adjective.
        assert_eq!(genitive("Wysokie Mazowieckie"), "Wysokiego Mazowieckiego");
        assert_eq!(genitive(""), "");
        assert_eq!(locative(""), "");
    }
}
