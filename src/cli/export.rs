//! `narada export`: the draft resolution outline, session reports and the card table.

use super::{ExportArgs, ExportFormat, ReportKind};
use crate::error::{Error, Result};
use crate::export::{self, DocOptions};
use crate::paths::Paths;
use crate::storage::Store;
use std::io::Write;
use std::path::Path;

/// Today's date (local when the offset is known), the "generated on" of documents.
pub fn today() -> String {
    let now = time::OffsetDateTime::now_local().unwrap_or_else(|_| time::OffsetDateTime::now_utc());
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    now.format(&fmt).unwrap_or_default()
}

/// Template overrides live in `templates/` in the config directory, when it exists.
pub fn doc_options(paths: &Paths) -> DocOptions {
    let dir = paths.config_dir.join("templates");
    DocOptions {
        templates_dir: dir.is_dir().then_some(dir),
    }
}

/// What writes one export into a file or standard output.
pub type WriteBody = Box<dyn FnOnce(&mut dyn Write) -> std::io::Result<()>>;

fn io(e: Error) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

pub fn run(store: &mut Store, args: &ExportArgs, paths: &Paths) -> Result<()> {
    let session_id = args
        .session
        .as_deref()
        .map(|s| store.find_session(s).map(|s| s.id))
        .transpose()?;
    let binary = matches!(args.format, ExportFormat::Docx | ExportFormat::Odt);
    if binary && args.output.is_none() {
        return Err(Error::Invalid("docx and odt need --output FILE".into()));
    }
    let write = body(
        store,
        args.format,
        args.report,
        session_id,
        args.with_entered_by,
        doc_options(paths),
    )?;
    match &args.output {
        None => {
            write(&mut std::io::stdout().lock()).map_err(|e| Error::io(Path::new("<stdout>"), e))
        }
        Some(path) => {
            export::write_atomically(path, args.force, write)?;
            eprintln!("written: {}", path.display());
            Ok(())
        }
    }
}

/// Reads what an export needs and returns the writer of its bytes (the command line
/// and the interface's export dialog both use it).
pub fn body(
    store: &mut Store,
    format: ExportFormat,
    report: Option<ReportKind>,
    session_id: Option<String>,
    with_entered_by: bool,
    opts: DocOptions,
) -> Result<WriteBody> {
    if report.is_some() && session_id.is_none() {
        return Err(Error::Invalid("a session report needs a session".into()));
    }
    Ok(match (format, report) {
        (ExportFormat::Csv | ExportFormat::Json, Some(_))
        | (ExportFormat::Docx | ExportFormat::Odt, Some(_)) => {
            return Err(Error::Invalid(
                "a session report is written as md or html".into(),
            ));
        }
        (ExportFormat::Csv, None) => {
            let rows = store.export_rows(session_id.as_deref(), with_entered_by)?;
            Box::new(move |w| export::write_cards_csv(w, &rows, with_entered_by))
        }
        (ExportFormat::Json, None) => {
            let rows = store.export_rows(session_id.as_deref(), with_entered_by)?;
            Box::new(move |w| export::write_cards_json(w, &rows))
        }
        (format, report) => {
            let view = store.export_view(session_id.as_deref(), &today())?;
            let session = session_id.clone().unwrap_or_default();
            Box::new(move |w| {
                match (format, report) {
                    (ExportFormat::Md, Some(ReportKind::Session)) => {
                        export::write_session_report_markdown(w, &view, &session)
                    }
                    (_, Some(ReportKind::Session)) => {
                        export::write_session_report_html(w, &view, &session)
                    }
                    (ExportFormat::Md, None) => export::write_markdown(w, &view, &opts),
                    (ExportFormat::Html, None) => export::write_html(w, &view, &opts),
                    (ExportFormat::Docx, None) => export::write_docx(w, &view, &opts),
                    (_, None) => export::write_odt(w, &view, &opts),
                }
                .map_err(io)
            })
        }
    })
}
