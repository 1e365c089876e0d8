//! Reading cards from CSV, JSON and JSON Lines files.
//!
//! Parsing is pure and all-or-nothing: the whole file is checked first and the first
//! bad line is reported with the file, line and column; only then does the store write
//! the records, in one transaction.

mod csv_file;
mod json_file;
mod record;

pub(crate) use json_file::{input_err, json_message};
pub use record::{ImportRecord, RawRecord};

use crate::error::{Error, Result};
use std::collections::HashMap;
use std::io::BufRead;
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

/// Reads and checks a whole file into memory (benchmarks and tests; `narada import`
/// streams with [`stream_file`]).
pub fn read_file(path: &Path, format: Option<Format>) -> Result<Vec<ImportRecord>> {
    let bytes = crate::files::read_input(path)?;
    let format = format.unwrap_or_else(|| detect_format(path, &bytes));
    parse(&path.display().to_string(), &bytes, format)
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Parses file contents; `name` is used in error messages.
pub fn parse(name: &str, bytes: &[u8], format: Format) -> Result<Vec<ImportRecord>> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let file_hash = fnv1a(FNV_START, bytes);
    let records: Vec<ImportRecord> =
        Checked::new(name, raw_records(name, bytes, format)?, file_hash, true)
            .collect::<Result<_>>()?;
    if records.is_empty() {
        return Err(no_cards(name));
    }
    Ok(records)
}

/// Reads a file without holding it in memory: after a pass that fingerprints it, every
/// record is checked (a bad line anywhere stops the import before anything is written,
/// and counts are known), then `store` receives the checked records one at a time.
pub fn stream_file<T>(
    path: &Path,
    format: Option<Format>,
    store: impl FnOnce(usize, &mut dyn Iterator<Item = Result<ImportRecord>>) -> Result<T>,
) -> Result<T> {
    crate::files::check_input(path)?;
    let name = path.display().to_string();
    let open = || -> Result<std::io::BufReader<std::fs::File>> {
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
        let head = reader.fill_buf().map_err(|e| Error::io(path, e))?;
        if head.starts_with(BOM) {
            reader.consume(BOM.len());
        }
        Ok(reader)
    };
    let mut file_hash = FNV_START;
    let detected: Format;
    {
        // The fingerprint pass also detects the format from the file's first bytes.
        let mut reader = open()?;
        let head = reader.fill_buf().map_err(|e| Error::io(path, e))?;
        detected = format.unwrap_or_else(|| detect_format(path, head));
        loop {
            let chunk = reader.fill_buf().map_err(|e| Error::io(path, e))?;
            if chunk.is_empty() {
                break;
            }
            file_hash = fnv1a(file_hash, chunk);
            let n = chunk.len();
            reader.consume(n);
        }
    }
    let mut total = 0;
    for record in Checked::new(
        &name,
        raw_records(&name, open()?, detected)?,
        file_hash,
        true,
    ) {
        record?;
        total += 1;
    }
    if total == 0 {
        return Err(no_cards(&name));
    }
    let mut records = Checked::new(
        &name,
        raw_records(&name, open()?, detected)?,
        file_hash,
        false,
    );
    store(total, &mut records)
}

fn no_cards(name: &str) -> Error {
    Error::Input {
        file: name.to_owned(),
        line: 1,
        column: "-".into(),
        message: "the file holds no cards".into(),
    }
}

/// Ends a record reader after its first error, so a caller that goes on asking never
/// reads past a bad line.
struct UntilError<I> {
    inner: I,
    done: bool,
}

impl<I: Iterator<Item = Result<RawRecord>>> Iterator for UntilError<I> {
    type Item = Result<RawRecord>;

    fn next(&mut self) -> Option<Result<RawRecord>> {
        if self.done {
            return None;
        }
        let item = self.inner.next();
        self.done = !matches!(item, Some(Ok(_)));
        item
    }
}

fn until_error<'a, I>(inner: I) -> Box<dyn Iterator<Item = Result<RawRecord>> + 'a>
where
    I: Iterator<Item = Result<RawRecord>> + 'a,
{
    Box::new(UntilError { inner, done: false })
}

/// The raw records of a file in `format`, one at a time (a JSON array is read whole).
fn raw_records<'a, R: BufRead + 'a>(
    name: &'a str,
    mut reader: R,
    format: Format,
) -> Result<Box<dyn Iterator<Item = Result<RawRecord>> + 'a>> {
    Ok(match format {
        Format::Csv => until_error(csv_file::Records::open(name, reader)?),
        Format::Jsonl => until_error(json_file::Lines::new(name, reader)),
        Format::Json => {
            let mut bytes = Vec::new();
            reader.read_to_end(&mut bytes).map_err(|e| Error::Input {
                file: name.to_owned(),
                line: 1,
                column: String::new(),
                message: e.to_string(),
            })?;
            Box::new(json_file::parse_array(name, &bytes)?.into_iter().map(Ok))
        }
    })
}

/// Raw records checked into import records, with imported ids that repeat refused.
/// Ids are remembered by a 128-bit hash and their line, not as strings, so a million
/// ids fit in a few dozen megabytes.
struct Checked<'a, I> {
    name: &'a str,
    raws: I,
    file_hash: u64,
    seen: Option<HashMap<u128, u64>>,
}

impl<'a, I> Checked<'a, I> {
    fn new(name: &'a str, raws: I, file_hash: u64, check_ids: bool) -> Self {
        Checked {
            name,
            raws,
            file_hash,
            seen: check_ids.then(HashMap::new),
        }
    }
}

impl<I: Iterator<Item = Result<RawRecord>>> Iterator for Checked<'_, I> {
    type Item = Result<ImportRecord>;

    fn next(&mut self) -> Option<Result<ImportRecord>> {
        let raw = match self.raws.next()? {
            Ok(raw) => raw,
            Err(e) => return Some(Err(e)),
        };
        let rec = match raw.validate(self.name, self.file_hash) {
            Ok(rec) => rec,
            Err(e) => return Some(Err(e)),
        };
        if let (Some(seen), Some(id)) = (&mut self.seen, &rec.external_id)
            && let Some(first) = seen.insert(wide_hash(id), rec.line)
        {
            return Some(Err(Error::Input {
                file: self.name.to_owned(),
                line: rec.line,
                column: "id".into(),
                message: format!("id {id:?} already used on line {first}"),
            }));
        }
        Some(Ok(rec))
    }
}

/// Two independent 64-bit hashes side by side: a collision between different ids in
/// one file is out of reach (about 2^-64 for a million ids).
fn wide_hash(s: &str) -> u128 {
    use std::hash::{Hash, Hasher};
    let half = |salt: u8| {
        let mut h = std::hash::DefaultHasher::new();
        salt.hash(&mut h);
        s.hash(&mut h);
        h.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
}

/// 64-bit FNV-1a: a stable fingerprint of the file, part of the re-import key of
/// cards that carry no id (std's hasher may change between Rust releases).
/// Where an FNV-1a fingerprint starts.
const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// Continues a fingerprint from `h` (`FNV_START` at first), chunk by chunk.
fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
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

    /// Streams `content` from a file the way `narada import` does.
    fn streamed(name: &str, content: &[u8]) -> Result<Vec<ImportRecord>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        stream_file(&path, None, |total, records| {
            let all: Vec<ImportRecord> = records.collect::<Result<_>>()?;
            assert_eq!(all.len(), total);
            Ok(all)
        })
    }

    #[test]
    fn streaming_reads_what_parsing_in_memory_reads() {
        let cases: [(&str, &[u8], Format); 3] = [
            (
                "a.csv",
                b"\xEF\xBB\xBFtext;kind;tags\nWi\xC4\x99cej \"\"\xC5\x82awek\"\";proposal;a b\n\nDrugi;;\n",
                Format::Csv,
            ),
            (
                "a.jsonl",
                b"{\"text\":\"a\",\"id\":\"x1\"}\r\n\n{\"text\":\"b\"}\n",
                Format::Jsonl,
            ),
            ("a.json", b"[{\"text\":\"a\"},\n{\"text\":\"b\"}]", Format::Json),
        ];
        for (name, content, format) in cases {
            let whole = parse(name, content, format).unwrap();
            assert_eq!(streamed(name, content).unwrap(), whole, "{name}");
            assert_eq!(whole.len(), 2, "{name}");
        }
    }

    #[test]
    fn streaming_refuses_a_bad_last_line_a_repeated_id_and_an_empty_file() {
        let err = streamed("b.jsonl", b"{\"text\":\"a\"}\n{\"text\": oops}\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("b.jsonl:2: column 10"), "{err}");
        let err = streamed("d.csv", b"id,text\nx,a\ny,b\nx,c\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("id \"x\" already used on line 2"), "{err}");
        let err = streamed("e.csv", b"text\n").unwrap_err().to_string();
        assert!(err.contains("holds no cards"), "{err}");
        let err = streamed("q.csv", b"text\nok\n\"open\nnext\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("never closed"), "{err}");
    }

    #[test]
    fn line_col_counts_characters() {
        let s = "ab\nżółw x".as_bytes();
        let off = s.len() - 1;
        assert_eq!(line_col(s, off), (2, 6));
        assert_eq!(line_col(s, 0), (1, 1));
    }
}
