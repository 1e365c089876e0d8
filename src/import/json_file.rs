//! JSON (an array of objects) and JSON Lines (one object per line). Only `text` is
//! required; unknown keys are ignored.

use super::line_col;
use super::record::{Columns, RawRecord};
use crate::error::{Error, Result};
use serde_json::Value;
use serde_json::value::RawValue;
use std::io::BufRead;

/// An error at `line` and `column` of file `name`.
pub(crate) fn input_err(
    name: &str,
    line: u64,
    column: impl Into<String>,
    message: String,
) -> Error {
    Error::Input {
        file: name.to_owned(),
        line,
        column: column.into(),
        message,
    }
}

fn check_utf8<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str> {
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(bytes, e.valid_up_to());
        input_err(
            name,
            line,
            col.to_string(),
            "invalid UTF-8; save the file as UTF-8".into(),
        )
    })
}

/// The JSON parser's message without its " at line L column C" tail (the error names the
/// place already), and an empty or cut-short input said plainly.
pub(crate) fn json_message(e: &serde_json::Error) -> String {
    if e.is_eof() {
        return "the JSON ends too early (empty or cut short)".into();
    }
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

/// Reads a whole JSON Lines file held in memory.
#[cfg(test)]
pub fn parse_lines(name: &str, bytes: &[u8]) -> Result<Vec<RawRecord>> {
    Lines::new(name, bytes).collect()
}

/// The records of a JSON Lines file, read one line at a time.
pub struct Lines<'a, R> {
    name: &'a str,
    reader: R,
    line: u64,
    buf: Vec<u8>,
}

impl<'a, R: BufRead> Lines<'a, R> {
    pub fn new(name: &'a str, reader: R) -> Self {
        Lines {
            name,
            reader,
            line: 0,
            buf: Vec::new(),
        }
    }

    fn read_one(&mut self) -> Option<Result<RawRecord>> {
        loop {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(input_err(self.name, self.line + 1, "", e.to_string()))),
            }
            self.line += 1;
            let n = self.line;
            let text = match check_utf8(self.name, &self.buf) {
                Ok(t) => t,
                // The position check_utf8 gives is within this line.
                Err(Error::Input { column, .. }) => {
                    return Some(Err(input_err(
                        self.name,
                        n,
                        column,
                        "invalid UTF-8; save the file as UTF-8".into(),
                    )));
                }
                Err(e) => return Some(Err(e)),
            };
            if text.trim().is_empty() {
                continue;
            }
            let value: Value = match serde_json::from_str(text) {
                Ok(v) => v,
                Err(e) => {
                    return Some(Err(input_err(
                        self.name,
                        n,
                        e.column().to_string(),
                        format!("not valid JSON: {}", json_message(&e)),
                    )));
                }
            };
            return Some(from_value(self.name, n, &value));
        }
    }
}

impl<R: BufRead> Iterator for Lines<'_, R> {
    type Item = Result<RawRecord>;

    fn next(&mut self) -> Option<Result<RawRecord>> {
        self.read_one()
    }
}

pub fn parse_array(name: &str, bytes: &[u8]) -> Result<Vec<RawRecord>> {
    let text = check_utf8(name, bytes)?;
    let items: Vec<&RawValue> = serde_json::from_str(text).map_err(|e| {
        input_err(
            name,
            e.line() as u64,
            e.column().to_string(),
            format!("not a JSON array of card objects: {}", json_message(&e)),
        )
    })?;
    let base = text.as_ptr() as usize;
    let mut out = Vec::with_capacity(items.len());
    for raw in items {
        // Each element borrows from `text`, so its address gives its line.
        let offset = (raw.get().as_ptr() as usize).saturating_sub(base);
        let (line, _) = line_col(bytes, offset);
        let value: Value = serde_json::from_str(raw.get())
            .map_err(|e| input_err(name, line, e.column().to_string(), json_message(&e)))?;
        out.push(from_value(name, line, &value)?);
    }
    Ok(out)
}

/// Reads the known keys of one object; strings, numbers and (for tags) arrays are accepted.
fn from_value(name: &str, line: u64, value: &Value) -> Result<RawRecord> {
    let Value::Object(map) = value else {
        return Err(input_err(
            name,
            line,
            "-",
            "expected a JSON object such as {\"text\": \"…\"}".into(),
        ));
    };
    let scalar = |key: &str| -> Result<Option<String>> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(other) => Err(input_err(
                name,
                line,
                key,
                format!("expected a string, found {}", type_name(other)),
            )),
        }
    };
    let tags = match map.get("tags") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .map(|t| match t {
                Value::String(s) => Ok(s.clone()),
                other => Err(input_err(
                    name,
                    line,
                    "tags",
                    format!("expected tag strings, found {}", type_name(other)),
                )),
            })
            .collect::<Result<_>>()?,
        Some(other) => {
            return Err(input_err(
                name,
                line,
                "tags",
                format!("expected a list of strings, found {}", type_name(other)),
            ));
        }
    };
    if map.get("text").is_none() {
        return Err(input_err(name, line, "text", "missing `text`".into()));
    }
    Ok(RawRecord {
        line,
        id: scalar("id")?,
        text: scalar("text")?,
        kind: scalar("kind")?,
        session: scalar("session")?,
        activity: scalar("activity")?,
        speaker: scalar("speaker")?,
        tags,
        votes: scalar("votes")?,
        columns: Columns::json(),
    })
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_lines_skip_blank_lines_and_ignore_unknown_keys() {
        let rows = parse_lines(
            "t.jsonl",
            b"{\"text\":\"a\",\"x\":1}\n\n{\"text\":\"b\",\"id\":7}\n",
        )
        .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].line, 3);
        assert_eq!(rows[1].id.as_deref(), Some("7"));
    }

    #[test]
    fn array_elements_know_their_line() {
        let src = b"[\n  {\"text\": \"a\"},\n  {\"text\": \"b\", \"votes\": true}\n]";
        let err = parse_array("t.json", src).unwrap_err().to_string();
        assert!(err.starts_with("t.json:3: column votes"), "{err}");
    }

    #[test]
    fn broken_json_line_is_reported_with_position() {
        let err = parse_lines("t.jsonl", b"{\"text\":\"a\"}\n{\"text\": \"b\"\n")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("t.jsonl:2:"), "{err}");
        assert!(err.contains("not valid JSON"), "{err}");
    }

    #[test]
    fn missing_text_key_is_named() {
        let err = parse_lines("t.jsonl", b"{\"kind\":\"proposal\"}\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("column text: missing `text`"), "{err}");
    }
}
