//! The store side of the export dialog: the same document writers as `narada export`,
//! written atomically.

use crate::error::Result;
use crate::jobs::{ExportFormat, ReportKind};
use crate::storage::Store;
use std::path::{Path, PathBuf};

/// What the export writes.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportJob {
    pub format: ExportFormat,
    pub report: Option<ReportKind>,
    pub session_id: Option<String>,
    pub path: PathBuf,
    /// Replace an existing file (the user confirmed).
    pub force: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Export(Box<ExportJob>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Done {
    /// Where the file went.
    Exported(String),
}

/// `templates_dir`: user overrides of the document templates.
pub fn perform(effect: Effect, s: &mut Store, templates_dir: Option<&Path>) -> Result<Vec<Done>> {
    let Effect::Export(job) = effect;
    let body = crate::jobs::export_body(
        s,
        job.format,
        job.report,
        job.session_id.clone(),
        crate::export::TableOptions::default(),
        crate::export::DocOptions {
            templates_dir: templates_dir.map(Path::to_path_buf),
            ..crate::export::DocOptions::default()
        },
    )?;
    crate::export::write_atomically(&job.path, job.force, body)?;
    let shown = std::path::absolute(&job.path).unwrap_or_else(|_| job.path.clone());
    Ok(vec![Done::Exported(shown.display().to_string())])
}
