//! The card table as CSV or JSON: every card with its session, topic and decision.
//! The CSV columns are a superset of the import columns, so an export can be re-imported.

use crate::model::ExportRow;
use std::io::Write;

const CSV_HEADER: &[&str] = &[
    "id",
    "uuid",
    "number",
    "session",
    "session_kind",
    "session_date",
    "activity",
    "kind",
    "speaker",
    "tags",
    "votes",
    "topic",
    "decision",
    "rationale",
    "sections",
    "fate",
    "created_at",
    "updated_at",
    "text",
];

/// What the card table holds and how its cells are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TableOptions {
    /// Include who typed each card.
    pub with_entered_by: bool,
    /// Write cells exactly as stored, even those a spreadsheet would run as a formula.
    pub raw_cells: bool,
}

/// A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or a tab or
/// carriage return before one) gets a leading `'`, as OWASP advises for CSV files:
/// a card reading `=HYPERLINK(…)` must stay text when the secretary opens the table.
fn neutralised(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell
    }
}

pub fn write_cards_csv<W: Write>(
    w: W,
    rows: &[ExportRow],
    opts: TableOptions,
) -> std::io::Result<()> {
    let with_entered_by = opts.with_entered_by;
    let mut out = csv::Writer::from_writer(w);
    let mut header: Vec<&str> = CSV_HEADER.to_vec();
    if with_entered_by {
        header.push("entered_by");
    }
    out.write_record(&header)?;
    for r in rows {
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        // `id` is what re-import keys on: the imported id when there is one, else the uuid.
        let mut rec = vec![
            r.external_id.clone().unwrap_or_else(|| r.id.clone()),
            r.id.clone(),
            r.number.to_string(),
            r.session.clone(),
            opt(&r.session_kind),
            opt(&r.session_date),
            opt(&r.activity),
            r.kind.clone(),
            opt(&r.speaker),
            r.tags.join(";"),
            r.votes.to_string(),
            opt(&r.topic),
            opt(&r.decision),
            opt(&r.rationale),
            r.sections.join("; "),
            r.fate.clone(),
            r.created_at.clone(),
            r.updated_at.clone(),
            r.text.clone(),
        ];
        if with_entered_by {
            rec.push(opt(&r.entered_by));
        }
        if !opts.raw_cells {
            rec = rec.into_iter().map(neutralised).collect();
        }
        out.write_record(&rec)?;
    }
    out.flush()
}

pub fn write_cards_json<W: Write>(mut w: W, rows: &[ExportRow]) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut w, rows)?;
    writeln!(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> ExportRow {
        ExportRow {
            id: "0192-abc".into(),
            number: 1,
            external_id: None,
            session: "Szkolenie, 1".into(),
            session_kind: Some("training".into()),
            session_date: None,
            activity: None,
            kind: "proposal".into(),
            text: "Więcej \"ławek\"".into(),
            speaker: None,
            tags: vec!["a".into(), "b".into()],
            votes: 2,
            topic: None,
            decision: None,
            rationale: None,
            sections: vec!["§ 3".into()],
            fate: "used".into(),
            created_at: "t".into(),
            updated_at: "t".into(),
            entered_by: Some("Ala".into()),
        }
    }

    #[test]
    fn csv_quotes_and_leaves_out_entered_by_unless_asked() {
        let mut buf = Vec::new();
        write_cards_csv(&mut buf, &[row()], TableOptions::default()).unwrap();
        let s = String::from_utf8(buf).unwrap();
        assert!(s.contains("\"Szkolenie, 1\""), "{s}");
        assert!(s.contains("\"Więcej \"\"ławek\"\"\""), "{s}");
        assert!(s.contains("a;b"), "{s}");
        assert!(!s.contains("Ala"), "{s}");
        let mut buf = Vec::new();
        let opts = TableOptions {
            with_entered_by: true,
            ..TableOptions::default()
        };
        write_cards_csv(&mut buf, &[row()], opts).unwrap();
        assert!(String::from_utf8(buf).unwrap().contains("Ala"));
    }

    #[test]
    fn cells_a_spreadsheet_would_run_are_written_as_text_unless_asked() {
        let mut r = row();
        r.text = "=cmd|' /C calc'!A0".into();
        r.speaker = Some("+1+1".into());
        r.rationale = Some("-2".into());
        r.topic = Some("@SUM(A1)".into());
        r.activity = Some("\t=1".into());
        let write = |raw_cells: bool| {
            let mut buf = Vec::new();
            let opts = TableOptions {
                raw_cells,
                ..TableOptions::default()
            };
            write_cards_csv(&mut buf, std::slice::from_ref(&r), opts).unwrap();
            let mut rdr = csv::Reader::from_reader(buf.as_slice());
            rdr.records().next().unwrap().unwrap()
        };
        let safe = write(false);
        for cell in &safe {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t']), "{cell:?}");
        }
        assert!(safe.iter().any(|c| c == "'=cmd|' /C calc'!A0"));
        assert!(safe.iter().any(|c| c == "'+1+1"));
        let raw = write(true);
        assert!(raw.iter().any(|c| c == "=cmd|' /C calc'!A0"));
    }
}
