//! Pure writers over export views: no database access here.
//!
//! The draft resolution is built once as a format-neutral [`Document`] (numbering from
//! [`Numbering`](crate::model::Numbering), fixed wording from the templates in [`templates`], source notes, source
//! table and coverage from [`sources`], one source note per provision from [`notes`]) and rendered by [`write_markdown`], [`write_html`],
//! [`write_docx`] and [`write_odt`], so every format says the same thing. The fixed
//! wording can be overridden by `document.pl.j2` / `document.en.j2` in the directory
//! given as [`DocOptions::templates_dir`]; such a file may `{% extends
//! "default/document.pl.j2" %}` and replace single blocks.

mod cards;
pub mod chart;
pub mod consultation;
pub mod consultation_blocks;
pub mod consultation_docx;
pub mod consultation_odt;
pub mod consultation_text;
pub mod document;
pub mod docx;
mod docx_table;
mod fate_words;
pub mod html;
pub mod lang;
pub mod markdown;
pub mod notes;
pub mod odt;
pub mod png;
mod prepare;
pub mod report;
pub mod sources;
pub mod templates;
mod xml_text;

pub use cards::{TableOptions, write_cards_csv, write_cards_json};
pub use consultation_docx::write_consultation_report_docx;
pub use consultation_odt::write_consultation_report_odt;
pub use consultation_text::{write_consultation_report_html, write_consultation_report_markdown};
pub use document::{DocOptions, Document};
pub use docx::write_docx;
pub use html::write_html;
pub use markdown::write_markdown;
pub use odt::write_odt;
pub use report::{write_session_report_html, write_session_report_markdown};

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// Writes a file through a temporary sibling that is renamed into place, so a failed
/// export never leaves a half-written file. Refuses to replace a file unless `force`.
pub fn write_atomically(
    path: &Path,
    force: bool,
    body: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    crate::files::check_output(path)?;
    if path.exists() && !force {
        return Err(Error::Invalid(format!(
            "{} already exists; add --force to overwrite it",
            path.display()
        )));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.tmp{}", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let file = std::fs::File::create(&tmp)?;
        let mut w = std::io::BufWriter::new(file);
        body(&mut w)?;
        let file = w
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::io(path, e));
    }
    Ok(())
}

/// Writers take any `Write`; its failures have no path of their own.
pub(crate) fn output_error(e: std::io::Error) -> Error {
    Error::io(Path::new("(export output)"), e)
}
