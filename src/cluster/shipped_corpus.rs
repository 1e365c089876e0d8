//! Texts for building word vectors: Pabulib `.pb` files (project names)
//! and plain `.txt` files (one text per line). Kraków is kept out: its
//! files serve for evaluation.

use super::tokenize::fold;

/// Project columns taken as text. `category` and the like are labels, and
/// the vectors are learned without supervision, so they are never read.
const TEXT_COLUMNS: &[&str] = &["name", "title", "description", "short_description"];

/// What one `.pb` file contributes.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PbFile {
    /// META `unit` (city), if given.
    pub unit: Option<String>,
    /// META `language`, if given.
    pub language: Option<String>,
    pub texts: Vec<String>,
}

/// Whether a file belongs to Kraków, by its name or its META unit.
pub fn is_krakow(file_name: &str, unit: Option<&str>) -> bool {
    let folded = fold(file_name);
    let stem = folded.rsplit(['/', '\\']).next().unwrap_or(&folded);
    stem.starts_with("poland_krakow") || unit.is_some_and(|u| fold(u.trim()) == "krakow")
}

/// Parses a `.pb` file: sections `META` (key;value), `PROJECTS` (a header
/// row, then semicolon-separated rows, fields optionally double-quoted) and
/// `VOTES` (ignored). Errors name the 1-based line.
pub fn parse_pb(text: &str) -> Result<PbFile, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = PbFile::default();
    let mut section = "";
    let mut header: Option<Vec<String>> = None;
    let mut columns: Vec<usize> = Vec::new();
    let mut lines = text.lines().enumerate();
    while let Some((i, raw)) = lines.next() {
        let line = raw.trim_end_matches('\r');
        match line.trim() {
            "META" | "PROJECTS" | "VOTES" => {
                section = line.trim();
                header = None;
                continue;
            }
            "" => continue,
            _ => {}
        }
        // A quoted field may run over several lines.
        let mut record = line.to_string();
        let fields = loop {
            if let Some(f) = split_fields(&record) {
                break f;
            }
            let Some((_, next)) = lines.next() else {
                return Err(format!("line {}: unterminated quoted field", i + 1));
            };
            record.push('\n');
            record.push_str(next.trim_end_matches('\r'));
        };
        match (section, &header) {
            ("", _) => return Err(format!("line {}: text before the META section", i + 1)),
            ("VOTES", _) => break,
            (_, None) => {
                let names: Vec<String> = fields.iter().map(|f| f.trim().to_lowercase()).collect();
                if section == "PROJECTS" {
                    columns = names
                        .iter()
                        .enumerate()
                        .filter(|(_, n)| TEXT_COLUMNS.contains(&n.as_str()))
                        .map(|(c, _)| c)
                        .collect();
                    if columns.is_empty() {
                        return Err(format!(
                            "line {}: PROJECTS header has no name column",
                            i + 1
                        ));
                    }
                }
                header = Some(names);
            }
            ("META", Some(_)) => {
                let value = fields.get(1).map(|v| v.trim().to_string());
                match fields[0].trim() {
                    "unit" => out.unit = value,
                    "language" => out.language = value,
                    _ => {}
                }
            }
            (_, Some(names)) => {
                if fields.len() != names.len() {
                    return Err(format!(
                        "line {}: {} fields, the PROJECTS header has {}",
                        i + 1,
                        fields.len(),
                        names.len()
                    ));
                }
                for &c in &columns {
                    let t = fields[c].split_whitespace().collect::<Vec<_>>().join(" ");
                    if !t.is_empty() {
                        out.texts.push(t);
                    }
                }
            }
        }
    }
    Ok(out)
}

/// Splits one record on `;`. A field that starts with `"` is quoted (`""`
/// inside is a quote); elsewhere a quote is an ordinary character, as in the
/// files seen. `None` if a quoted field is still open at the end.
fn split_fields(record: &str) -> Option<Vec<String>> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut chars = record.chars().peekable();
    loop {
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next() {
                    None => return None,
                    Some('"') if chars.peek() == Some(&'"') => {
                        chars.next();
                        cur.push('"');
                    }
                    Some('"') => break,
                    Some(c) => cur.push(c),
                }
            }
        }
        loop {
            match chars.next() {
                None => {
                    fields.push(cur);
                    return Some(fields);
                }
                Some(';') => break,
                Some(c) => cur.push(c),
            }
        }
        fields.push(std::mem::take(&mut cur));
    }
}

/// Exact duplicates (compared folded, spaces collapsed) removed, first kept.
pub fn dedup(texts: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    texts
        .into_iter()
        .filter(|t| seen.insert(fold(t).split_whitespace().collect::<Vec<_>>().join(" ")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PB: &str = "META\nkey;value\nunit;Gdynia\nlanguage;pl\nPROJECTS\r\n\
        project_id;cost;votes;name;category\n\
        1;100;5;\"Park; nowe \"\"drzewa\"\"\";zieleń\n\
        2;100;5;Remont\n  chodnika;drogi\n\
        3;100;5;\"Ławki\nw parku\";zieleń\nVOTES\nvoter_id;vote\n1;1,2\n";

    #[test]
    fn reads_names_not_categories() {
        let p = parse_pb("META\nkey;value\nunit;Gdynia\nlanguage;pl\nPROJECTS\r\nproject_id;cost;votes;name;category\n1;100;5;\"Park; nowe \"\"drzewa\"\"\";zieleń\n2;9;9;Ławki;sport\nVOTES\nv;1\n").unwrap();
        assert_eq!(p.unit.as_deref(), Some("Gdynia"));
        assert_eq!(p.language.as_deref(), Some("pl"));
        assert_eq!(p.texts, ["Park; nowe \"drzewa\"", "Ławki"]);
        let q = parse_pb("META\nkey;value\nPROJECTS\nid;name\n1;Konkurs \" NA OGRÓD\n").unwrap();
        assert_eq!(q.texts, ["Konkurs \" NA OGRÓD"]);
    }

    #[test]
    fn errors_name_the_line() {
        let err = parse_pb(PB).unwrap_err();
        assert!(err.starts_with("line 8:"), "{err}");
        assert!(
            parse_pb("PROJECTS\nid;cost\n")
                .unwrap_err()
                .contains("line 2")
        );
        assert!(parse_pb("junk\n").unwrap_err().contains("line 1"));
    }

    #[test]
    fn krakow_is_recognised_by_name_and_by_unit() {
        assert!(is_krakow("Poland_Krakow_2020_.pb", None));
        assert!(is_krakow("dir/Poland_Kraków_2021.pb", Some("x")));
        assert!(is_krakow("renamed.pb", Some(" Kraków")));
        assert!(is_krakow("renamed.pb", Some("Krakow")));
        assert!(!is_krakow("Poland_Gdynia_2020.pb", Some("Gdynia")));
    }

    #[test]
    fn dedup_folds_case_accents_and_spaces() {
        let t = dedup(vec![
            "Łąka  miejska".into(),
            "laka miejska".into(),
            "Las".into(),
        ]);
        assert_eq!(t, ["Łąka  miejska", "Las"]);
    }
}
