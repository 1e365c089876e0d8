//! The export dialog: format, scope and target file; asks before replacing a file and
//! says where the file went. The bytes come from the same writers as `narada export`.

use super::dialogs::{Dialog, DialogKind};
use super::forms::{Field, Form, Value, text};
use crate::jobs::{ExportFormat, ReportKind};
use crate::tui::app::{App, more};
use crate::tui::board_effects::MoreEffect;
use crate::tui::effect::Effect;
use crate::tui::i18n::{Lang, T};
use std::path::PathBuf;

/// The formats offered, in the order of the choice, with their file extensions.
pub const FORMATS: [(ExportFormat, &str); 6] = [
    (ExportFormat::Md, "md"),
    (ExportFormat::Docx, "docx"),
    (ExportFormat::Odt, "odt"),
    (ExportFormat::Html, "html"),
    (ExportFormat::Csv, "csv"),
    (ExportFormat::Json, "json"),
];

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

fn default_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Pl => "uchwala-projekt.md",
        Lang::En => "draft-resolution.md",
    }
}

pub fn dialog(lang: Lang) -> Dialog {
    Dialog {
        kind: DialogKind::Export { confirmed: false },
        form: Form {
            title: T::ExportTitle,
            fields: vec![
                Field {
                    label: T::Format,
                    value: Value::Choice(0, FORMATS.len()),
                },
                Field {
                    label: T::Scope,
                    value: Value::Choice(0, 3),
                },
                text(T::TargetFile, default_name(lang)),
            ],
            focus: 0,
            error: None,
        },
        subtitle: String::new(),
    }
}

/// After a key: the file name follows the chosen format's extension, and any change
/// takes back an overwrite confirmation.
pub fn after_input(d: &mut Dialog) {
    let ext = FORMATS.get(d.form.choice(0)).map_or("md", |f| f.1);
    if let Some(Field {
        value: Value::Text(t),
        ..
    }) = d.form.fields.get_mut(2)
    {
        let path = t.text().to_owned();
        if let Some((stem, old)) = path.rsplit_once('.')
            && old != ext
            && FORMATS.iter().any(|f| f.1 == old)
        {
            *t = crate::tui::widgets::text_field::TextField::new(&format!("{stem}.{ext}"));
        }
    }
    d.kind = DialogKind::Export { confirmed: false };
}

pub fn submit(app: &App, d: &mut Dialog, confirmed: bool) -> Result<Effect, String> {
    let f = &d.form;
    let format = FORMATS.get(f.choice(0)).map_or(ExportFormat::Md, |x| x.0);
    let (report, session_id) = match f.choice(1) {
        0 => (None, None),
        1 => (None, app.session_id.clone()),
        _ => (Some(ReportKind::Session), app.session_id.clone()),
    };
    if f.choice(1) > 0 && session_id.is_none() {
        return Err(app.tr(T::PickSessionFirst).to_owned());
    }
    let path = PathBuf::from(f.text(2).trim());
    if path.as_os_str().is_empty() {
        return Err(app.tr(T::TargetFile).to_owned());
    }
    if path.exists() && !confirmed {
        d.kind = DialogKind::Export { confirmed: true };
        return Err(format!("{} {}", path.display(), app.tr(T::AskOverwrite)));
    }
    Ok(more(MoreEffect::Export(Box::new(ExportJob {
        format,
        report,
        session_id,
        path,
        force: confirmed,
    }))))
}
