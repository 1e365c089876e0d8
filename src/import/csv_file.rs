//! CSV with a header row. Column names are matched case-insensitively, in English or
//! Polish; columns narada does not know (such as those of its own export) are skipped.

use super::record::{Columns, RawRecord};
use crate::error::{Error, Result};
use std::io::{BufRead, Read};

/// The fields a column can feed, with the header names accepted for each.
const KNOWN: &[(&str, &[&str])] = &[
    ("id", &["id", "identyfikator"]),
    ("text", &["text", "tekst", "treść", "tresc", "karta"]),
    ("kind", &["kind", "type", "rodzaj", "typ"]),
    ("session", &["session", "sesja", "spotkanie"]),
    (
        "activity",
        &["activity", "aktywność", "aktywnosc", "ćwiczenie", "grupa"],
    ),
    ("speaker", &["speaker", "role", "rola", "mówca", "mowca"]),
    ("tags", &["tags", "tag", "tagi"]),
    ("votes", &["votes", "głosy", "glosy", "kropki"]),
];

fn field_of(header: &str) -> Option<&'static str> {
    let h = header.trim().to_lowercase();
    KNOWN
        .iter()
        .find(|(_, names)| names.contains(&h.as_str()))
        .map(|(field, _)| *field)
}

/// Reads a whole CSV held in memory.
#[cfg(test)]
pub fn parse(name: &str, bytes: &[u8]) -> Result<Vec<RawRecord>> {
    Records::open(name, bytes)?.collect()
}

/// Counts the quote characters that pass through, for the unclosed-quote check.
struct QuoteCount<R> {
    inner: R,
    quotes: usize,
}

impl<R: Read> Read for QuoteCount<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.quotes += buf[..n].iter().filter(|b| **b == b'"').count();
        Ok(n)
    }
}

/// The records of a CSV file, read one at a time.
pub struct Records<'a, R: Read> {
    name: &'a str,
    rdr: csv::Reader<QuoteCount<R>>,
    slots: Vec<Option<&'static str>>,
    cols: Columns,
    rec: csv::ByteRecord,
    last_line: u64,
}

impl<'a, R: BufRead> Records<'a, R> {
    /// Reads the header row (the delimiter is sniffed from it).
    pub fn open(name: &'a str, mut reader: R) -> Result<Self> {
        let first_line = {
            let buf = reader.fill_buf().map_err(|e| csv_io_error(name, &e))?;
            buf.split(|b| *b == b'\n').next().unwrap_or(buf).to_vec()
        };
        let delimiter = sniff_delimiter(&first_line);
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .delimiter(delimiter)
            .from_reader(QuoteCount {
                inner: reader,
                quotes: 0,
            });
        let headers = rdr.byte_headers().map_err(|e| csv_error(name, &e))?.clone();
        let (slots, cols) = header_slots(name, &headers)?;
        Ok(Records {
            name,
            rdr,
            slots,
            cols,
            rec: csv::ByteRecord::new(),
            last_line: 1,
        })
    }
}

impl<R: Read> Iterator for Records<'_, R> {
    type Item = Result<RawRecord>;

    fn next(&mut self) -> Option<Result<RawRecord>> {
        self.read_one()
    }
}

impl<R: Read> Records<'_, R> {
    fn read_one(&mut self) -> Option<Result<RawRecord>> {
        loop {
            match self.rdr.read_byte_record(&mut self.rec) {
                Ok(false) => return self.check_quotes().err().map(Err),
                Ok(true) => {}
                Err(e) => return Some(Err(csv_error(self.name, &e))),
            }
            let line = self.rec.position().map_or(0, csv::Position::line);
            self.last_line = line;
            if self.rec.len() == 1
                && self
                    .rec
                    .get(0)
                    .is_some_and(|f| f.iter().all(u8::is_ascii_whitespace))
            {
                continue; // a blank line
            }
            return Some(self.raw(line));
        }
    }

    fn raw(&self, line: u64) -> Result<RawRecord> {
        let mut raw = RawRecord {
            line,
            columns: self.cols.clone(),
            ..RawRecord::default()
        };
        for (i, (value, slot)) in self.rec.iter().zip(&self.slots).enumerate() {
            let Some(field) = slot else { continue };
            let value = std::str::from_utf8(value).map_err(|e| Error::Input {
                file: self.name.to_owned(),
                line,
                column: format!("{} ({field})", i + 1),
                message: format!(
                    "invalid UTF-8 after byte {} of the field; save the file as UTF-8",
                    e.valid_up_to()
                ),
            })?;
            let value = formula_guard_removed(value);
            let v = Some(value.to_owned());
            match *field {
                "id" => raw.id = v,
                "text" => raw.text = v,
                "kind" => raw.kind = v,
                "session" => raw.session = v,
                "activity" => raw.activity = v,
                "speaker" => raw.speaker = v,
                "tags" => raw.tags = vec![value.to_owned()],
                _ => raw.votes = v,
            }
        }
        Ok(raw)
    }

    /// The csv reader lets a quoted field that is never closed run to the end of the
    /// file, silently swallowing every later line into one card. Quotes always come in
    /// pairs in well-formed CSV, so an odd count means exactly that.
    fn check_quotes(&self) -> Result<()> {
        if self.rdr.get_ref().quotes % 2 == 1 {
            return Err(Error::Input {
                file: self.name.to_owned(),
                line: self.last_line,
                column: "-".into(),
                message: "a quoted field opened here is never closed (is a closing \" missing?)"
                    .into(),
            });
        }
        Ok(())
    }
}

/// narada's CSV export puts `'` before a cell a spreadsheet would run as a formula
/// (`'=…`, `'+…`, `'-…`, `'@…`); reading such a file back takes the mark off again.
fn formula_guard_removed(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => value,
    }
}

/// Which field each column feeds, and each field's column for messages.
fn header_slots(
    name: &str,
    headers: &csv::ByteRecord,
) -> Result<(Vec<Option<&'static str>>, Columns)> {
    let input_err = |column: String, message: String| Error::Input {
        file: name.to_owned(),
        line: 1,
        column,
        message,
    };
    let mut slots: Vec<Option<&'static str>> = Vec::new();
    let mut cols = Columns::default();
    for (i, h) in headers.iter().enumerate() {
        let h = std::str::from_utf8(h)
            .map_err(|_| input_err((i + 1).to_string(), "header is not valid UTF-8".into()))?;
        let field = field_of(h);
        if let Some(f) = field {
            if slots.contains(&Some(f)) {
                return Err(input_err(
                    format!("{} ({h})", i + 1),
                    format!("a second column for {f}"),
                ));
            }
            let desc = format!("{} ({})", i + 1, h.trim());
            match f {
                "id" => cols.id = desc,
                "text" => cols.text = desc,
                "kind" => cols.kind = desc,
                "session" => cols.session = desc,
                "activity" => cols.activity = desc,
                "speaker" => cols.speaker = desc,
                "tags" => cols.tags = desc,
                _ => cols.votes = desc,
            }
        }
        slots.push(field);
    }
    if !slots.contains(&Some("text")) {
        let found: Vec<String> = headers
            .iter()
            .map(|h| String::from_utf8_lossy(h).trim().to_owned())
            .collect();
        return Err(input_err(
            "-".into(),
            format!(
                "no `text` column (found: {}); expected a header row with at least text, \
                 and optionally id, kind, session, activity, speaker, tags, votes",
                found.join(", ")
            ),
        ));
    }
    Ok((slots, cols))
}

fn csv_io_error(name: &str, e: &std::io::Error) -> Error {
    Error::Input {
        file: name.to_owned(),
        line: 1,
        column: String::new(),
        message: e.to_string(),
    }
}

/// Spreadsheets in Polish locales save CSV with `;` (the comma is the decimal mark):
/// take `;` or a tab when the header line has more of them than commas.
fn sniff_delimiter(bytes: &[u8]) -> u8 {
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or(bytes);
    let count = |d: u8| first.iter().filter(|b| **b == d).count();
    let (commas, semis, tabs) = (count(b','), count(b';'), count(b'\t'));
    if tabs > commas && tabs >= semis {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

fn csv_error(name: &str, e: &csv::Error) -> Error {
    let (line, column, message) = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => (
            pos.as_ref().map_or(0, csv::Position::line),
            // The first extra field, or the first missing one.
            format!("{}", (*len).min(*expected_len) + 1),
            format!("{len} fields where the header has {expected_len}"),
        ),
        csv::ErrorKind::Utf8 { pos, err } => (
            pos.as_ref().map_or(0, csv::Position::line),
            format!("{}", err.field() + 1),
            "invalid UTF-8; save the file as UTF-8".to_owned(),
        ),
        csv::ErrorKind::Io(err) => (0, "-".into(), err.to_string()),
        _ => (0, "-".into(), e.to_string()),
    };
    Error::Input {
        file: name.to_owned(),
        line,
        column,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polish_headers_and_semicolons_are_understood() {
        let rows = parse(
            "t.csv",
            "Tekst;Rodzaj;Głosy\nWięcej ławek;propozycja;3\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].text.as_deref(), Some("Więcej ławek"));
        assert_eq!(rows[0].votes.as_deref(), Some("3"));
        assert_eq!(rows[0].line, 2);
    }

    #[test]
    fn wrong_field_count_names_the_line() {
        let err = parse("t.csv", b"text,kind\na,proposal\nb,proposal,extra\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("t.csv:3:"), "{msg}");
        assert!(msg.contains("3 fields where the header has 2"), "{msg}");
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let err = parse("t.csv", b"kind,text\nproposal,ok\nproposal,z\xB3e\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("t.csv:3: column 2 (text)"), "{msg}");
        assert!(msg.contains("UTF-8"), "{msg}");
    }

    #[test]
    fn an_unclosed_quote_is_reported_instead_of_swallowing_lines() {
        let err = parse("t.csv", b"text\nok\n\"stray quote\nnext card\nanother\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("t.csv:3:"), "{msg}");
        assert!(msg.contains("never closed"), "{msg}");
        // Quotes inside a quoted field, doubled, are fine.
        assert!(parse("t.csv", b"text\n\"Say \"\"tak\"\"\"\n").is_ok());
    }

    #[test]
    fn the_export_s_formula_guard_is_taken_off_on_import() {
        let rows = parse("t.csv", b"text,speaker\n'=SUM(A1),'+48\n'ok,x\n").unwrap();
        assert_eq!(rows[0].text.as_deref(), Some("=SUM(A1)"));
        assert_eq!(rows[0].speaker.as_deref(), Some("+48"));
        assert_eq!(rows[1].text.as_deref(), Some("'ok"));
    }

    #[test]
    fn missing_text_column_is_reported() {
        let err = parse("t.csv", b"tekxt,kind\na,b\n").unwrap_err();
        assert!(err.to_string().contains("no `text` column"), "{err}");
    }
}
