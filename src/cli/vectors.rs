//! `narada vectors build`: word vectors for the clustering engine from a
//! directory of Pabulib `.pb` files and `.txt` files (one text per line).

use crate::cluster::shipped_build::{BuildParams, build};
use crate::cluster::shipped_corpus::{dedup, is_krakow, parse_pb};
use crate::error::{Error, Result};
use crate::model::Lang;
use clap::Subcommand;
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum VectorsCmd {
    /// Build a word-vectors file (the one shipped is assets/vectors/pl.bin) from the
    /// .pb and .txt files of a directory; Kraków files are always left out.
    Build {
        /// Directory with .pb files (project names are read) and .txt files.
        #[arg(long, value_name = "DIR")]
        corpus: PathBuf,
        /// Where to write the vectors file.
        #[arg(long, short, value_name = "FILE")]
        output: PathBuf,
        /// Language of the texts (pl or en); .pb files in another language are skipped.
        #[arg(long, value_name = "pl|en", default_value = "pl", value_parser = parse_lang)]
        text_lang: Lang,
        /// Dimensions of the vectors.
        #[arg(long, default_value_t = BuildParams::default().dim)]
        dim: usize,
        /// At most this many commonest stems.
        #[arg(long, default_value_t = BuildParams::default().max_vocab)]
        max_vocab: usize,
        /// Stems must occur in at least this many texts.
        #[arg(long, default_value_t = BuildParams::default().min_df)]
        min_df: u32,
    },
}

fn parse_lang(s: &str) -> std::result::Result<Lang, String> {
    s.parse()
}

pub fn run(cmd: VectorsCmd) -> Result<()> {
    let VectorsCmd::Build {
        corpus,
        output,
        text_lang,
        dim,
        max_vocab,
        min_df,
    } = cmd;
    let texts = read_corpus(&corpus, text_lang)?;
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let params = BuildParams {
        lang: text_lang,
        min_df,
        max_vocab,
        dim,
        ..BuildParams::default()
    };
    let built =
        build(&refs, &params).map_err(|e| Error::Invalid(format!("{}: {e}", corpus.display())))?;
    std::fs::write(&output, &built.bytes).map_err(|e| Error::io(&output, e))?;
    eprintln!(
        "{}: {} texts → {} stems × {} dims, {} bytes",
        output.display(),
        built.texts,
        built.vocab,
        built.dim,
        built.bytes.len()
    );
    Ok(())
}

/// All texts of the directory's `.pb` and `.txt` files (sorted by file name,
/// so the result does not depend on the file system), duplicates removed.
fn read_corpus(dir: &Path, lang: Lang) -> Result<Vec<String>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "pb" || x == "txt"))
        .collect();
    files.sort();
    let (mut texts, mut skipped, mut used) = (Vec::new(), Vec::new(), 0usize);
    for path in &files {
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let raw = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = String::from_utf8(raw)
            .map_err(|e| Error::Invalid(format!("{}: not UTF-8 ({e})", path.display())))?;
        if path.extension().is_some_and(|x| x == "txt") {
            texts.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from),
            );
            used += 1;
            continue;
        }
        let pb = parse_pb(&text).map_err(|e| Error::Invalid(format!("{}: {e}", path.display())))?;
        let other_lang = pb
            .language
            .as_deref()
            .is_some_and(|l| !l.eq_ignore_ascii_case(&lang.to_string()));
        if is_krakow(&name, pb.unit.as_deref()) || other_lang {
            skipped.push(name);
            continue;
        }
        texts.extend(pb.texts);
        used += 1;
    }
    let all = texts.len();
    let texts = dedup(texts);
    eprintln!(
        "{}: {used} files read, {} skipped (Kraków or another language), {all} texts, {} distinct",
        dir.display(),
        skipped.len(),
        texts.len()
    );
    Ok(texts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn krakow_files_are_left_out_by_name_and_by_unit() {
        let dir = tempfile::tempdir().unwrap();
        let pb = |unit: &str, title: &str| {
            format!("META\nkey;value\nunit;{unit}\nPROJECTS\nproject_id;name\n1;{title}\nVOTES\n")
        };
        let files = [
            (
                "Poland_Krakow_2020_x.pb",
                pb("Krakow", "Tytuł z nazwy pliku"),
            ),
            ("renamed.pb", pb("Kraków", "Tytuł z jednostki")),
            ("Poland_Gdynia_2020.pb", pb("Gdynia", "Nowe drzewa w parku")),
            (
                "rules.txt",
                "Lista poparcia\n\nOdwołanie od oceny\n".to_string(),
            ),
        ];
        for (name, text) in &files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        let texts = read_corpus(dir.path(), Lang::Pl).unwrap();
        assert_eq!(
            texts,
            [
                "Nowe drzewa w parku",
                "Lista poparcia",
                "Odwołanie od oceny"
            ]
        );
    }

    #[test]
    fn a_bad_pb_file_is_named_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.pb");
        std::fs::write(&path, "META\nkey;value\nPROJECTS\nproject_id;name\n1;a;b\n").unwrap();
        let err = read_corpus(dir.path(), Lang::Pl).unwrap_err().to_string();
        assert!(err.contains("bad.pb") && err.contains("line 5"), "{err}");
    }
}
