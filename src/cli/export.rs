//! `narada export`: the draft resolution outline, session reports and the card table.

use super::{ExportArgs, ExportFormat};
use crate::error::{Error, Result};
use crate::export::{self, DocOptions};
use crate::jobs;
use crate::paths::Paths;
use crate::storage::Store;
use std::path::Path;

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
    let write = jobs::export_body(
        store,
        args.format,
        args.report,
        session_id,
        export::TableOptions {
            with_entered_by: args.with_entered_by,
            raw_cells: args.raw_cells,
        },
        DocOptions {
            templates_dir: jobs::templates_dir(&paths.config_dir),
            ..DocOptions::default()
        },
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
