//! Reading cards from CSV, JSON and JSON Lines files.
//!
//! Parsing is pure and all-or-nothing: the whole file is checked first and the first
//! bad line is reported with the file, line and column; only then does the store write
//! the records, in one transaction.

mod csv_file;
mod json_file;
mod record;

pub use record::{ImportRecord, RawRecord};

use crate::error::{Error, Result};
use std::path::Path;

/// File formats `narada import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Csv,
    Json,
    Jsonl,
}

/// Picks the format from the extension, else from the first non-blank byte.
pub fn detect_format(path: &Path, bytes: &[u8]) -> Format {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    match ext.as_deref() {
        Some("csv" | "tsv" | "txt") => Format::Csv,
        Some("jsonl" | "ndjson") => Format::Jsonl,
        Some("json") => Format::Json,
        _ => match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'[') => Format::Json,
            Some(b'{') => Format::Jsonl,
            _ => Format::Csv,
        },
    }
}

/// Reads and checks a whole file.
pub fn read_file(path: &Path, format: Option<Format>) -> Result<Vec<ImportRecord>> {
    let bytes = crate::files::read_input(path)?;
    let format = format.unwrap_or_else(|| detect_format(path, &bytes));
    parse(&path.display().to_string(), &bytes, format)
}

/// Parses file contents; `name` is used in error messages.
pub fn parse(name: &str, bytes: &[u8], format: Format) -> Result<Vec<ImportRecord>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let file_hash = fnv1a(bytes);
    let raws = match format {
        Format::Csv => csv_file::parse(name, bytes)?,
        Format::Json => json_file::parse_array(name, bytes)?,
        Format::Jsonl => json_file::parse_lines(name, bytes)?,
    };
    let mut out = Vec::with_capacity(raws.len());
    let mut seen: std::collections::HashMap<String, u64> = std::collections::HashMap::new();
    for raw in raws {
        let rec = raw.validate(name, file_hash)?;
        if let Some(first) = seen.insert(rec.key.clone(), rec.line) {
            return Err(Error::Input {
                file: name.to_owned(),
                line: rec.line,
                column: "id".into(),
                message: format!(
                    "id {:?} already used on line {first}",
                    rec.external_id.as_deref().unwrap_or(&rec.key)
                ),
            });
        }
        out.push(rec);
    }
    if out.is_empty() {
        return Err(Error::Input {
            file: name.to_owned(),
            line: 1,
            column: "-".into(),
            message: "the file holds no cards".into(),
        });
    }
    Ok(out)
}

/// 64-bit FNV-1a: a stable fingerprint of the file, part of the re-import key of
/// cards that carry no id (std's hasher may change between Rust releases).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Line (1-based) and column (1-based, in characters) of a byte offset.
pub fn line_col(bytes: &[u8], offset: usize) -> (u64, u64) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() as u64 + 1;
    let start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let col = String::from_utf8_lossy(&before[start..]).chars().count() as u64 + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_is_detected_by_extension_then_content() {
        assert_eq!(detect_format(Path::new("a.CSV"), b"["), Format::Csv);
        assert_eq!(detect_format(Path::new("a.ndjson"), b""), Format::Jsonl);
        assert_eq!(detect_format(Path::new("a"), b"  [{}]"), Format::Json);
        assert_eq!(
            detect_format(Path::new("a"), b"{\"text\":1}"),
            Format::Jsonl
        );
        assert_eq!(detect_format(Path::new("a"), b"text\nx"), Format::Csv);
    }

    #[test]
    fn line_col_counts_characters() {
        let s = "ab\nżółw x".as_bytes();
        let off = s.len() - 1;
        assert_eq!(line_col(s, off), (2, 6));
        assert_eq!(line_col(s, 0), (1, 1));
    }
}
