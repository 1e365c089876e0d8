//! The export dialog: format, scope and target file; asks before replacing a file and
//! says where the file went. The bytes come from the same writers as `narada export`.

mod effect;

pub use effect::{Done, Effect, ExportJob, perform};

use crate::jobs::{ExportFormat, ReportKind};
use crate::model::Lang;
use crate::tui::action::Action;
use crate::tui::ctx::Ctx;
use crate::tui::i18n::T;
use crate::tui::keymap::Mode;
use crate::tui::widgets::form::{self, Choice, Fields, FormState, Step, form_fields};
use crate::tui::widgets::text_field::TextField;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
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

#[derive(Debug, Clone, PartialEq)]
pub struct ExportForm {
    pub state: FormState,
    pub format: Choice,
    /// The whole consultation, the current session, or the session's report.
    pub scope: Choice,
    pub target: TextField,
    /// Enter was pressed once on an existing file; again replaces it.
    pub confirmed: bool,
}

impl Fields for ExportForm {
    form_fields! {
        T::Format => format,
        T::Scope => scope,
        T::TargetFile => target,
    }
}

fn default_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Pl => "uchwala-projekt.md",
        Lang::En => "draft-resolution.md",
    }
}

/// The file stems the dialog proposes: the draft's and the consultation report's.
const STEMS: [(&str, &str); 2] = [
    ("uchwala-projekt", "raport-z-konsultacji"),
    ("draft-resolution", "consultation-report"),
];

/// The scope choice's position of the consultation report.
const SCOPE_CONSULTATION_REPORT: usize = 3;

impl ExportForm {
    pub fn new(lang: Lang) -> ExportForm {
        let scopes = [
            T::ScopeAll,
            T::ScopeSession,
            T::ScopeReport,
            T::ScopeConsultationReport,
        ]
        .iter()
        .map(|t| t.tr(lang))
        .collect();
        ExportForm {
            state: FormState::dialog(T::ExportTitle),
            format: Choice::new(0, FORMATS.iter().map(|f| f.1).collect()),
            scope: Choice::new(0, scopes),
            target: TextField::prefilled(default_name(lang)),
            confirmed: false,
        }
    }

    /// After a key: the file name follows the chosen format's extension (and a proposed
    /// name follows the scope: draft or consultation report), and any change takes back
    /// an overwrite confirmation.
    fn after_input(&mut self) {
        let ext = FORMATS.get(self.format.at).map_or("md", |f| f.1);
        let path = self.target.text().to_owned();
        if let Some((stem, old)) = path.rsplit_once('.')
            && FORMATS.iter().any(|f| f.1 == old)
        {
            let report = self.scope.at == SCOPE_CONSULTATION_REPORT;
            let stem = STEMS
                .iter()
                .find(|(draft, rep)| stem == *draft || stem == *rep)
                .map_or(stem, |(draft, rep)| if report { rep } else { draft });
            let renamed = format!("{stem}.{ext}");
            if renamed != path {
                self.target = TextField::new(&renamed);
            }
        }
        self.confirmed = false;
    }

    /// The job Enter asks for, or a message saying what to fix.
    fn job(&mut self, ctx: &Ctx) -> Result<ExportJob, String> {
        let format = FORMATS
            .get(self.format.at)
            .map_or(ExportFormat::Md, |x| x.0);
        let session_id = ctx.session_id.map(str::to_owned);
        let (report, session_id) = match self.scope.at {
            0 => (None, None),
            1 => (None, session_id),
            SCOPE_CONSULTATION_REPORT => (Some(ReportKind::Consultation), None),
            _ => (Some(ReportKind::Session), session_id),
        };
        if matches!(self.scope.at, 1 | 2) && session_id.is_none() {
            return Err(ctx.tr(T::PickSessionFirst).to_owned());
        }
        let path = PathBuf::from(self.target.text().trim());
        if path.as_os_str().is_empty() {
            return Err(ctx.tr(T::TargetFile).to_owned());
        }
        if path.exists() && !self.confirmed {
            self.confirmed = true;
            return Err(format!("{} {}", path.display(), ctx.tr(T::AskOverwrite)));
        }
        Ok(ExportJob {
            format,
            report,
            session_id,
            path,
            force: self.confirmed,
        })
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Room {
    pub form: Option<ExportForm>,
}

impl Room {
    pub fn modal_mode(&self) -> Option<Mode> {
        self.form.as_ref().map(|_| Mode::Form)
    }

    pub fn close_modal(&mut self) {
        self.form = None;
    }

    pub fn open(&mut self, lang: Lang) {
        self.form = Some(ExportForm::new(lang));
    }

    pub fn update(&mut self, action: Action, ctx: &mut Ctx) -> Vec<Effect> {
        let Some(mut f) = self.form.take() else {
            return Vec::new();
        };
        let edit = matches!(action, Action::Key(_) | Action::Paste(_));
        let step = form::input(&mut f, action);
        if edit {
            f.after_input();
        }
        match step {
            Step::Cancel => return Vec::new(),
            Step::Save => match f.job(ctx) {
                Ok(job) => return vec![Effect::Export(Box::new(job))],
                Err(e) => f.state.error = Some(e),
            },
            Step::Edited => {}
        }
        self.form = Some(f);
        Vec::new()
    }

    pub fn render_modal(&self, lang: Lang, screen: Rect, buf: &mut Buffer) {
        if let Some(f) = &self.form {
            form::render(f, lang, screen, buf);
        }
    }

    pub fn cursor(&self, lang: Lang, screen: Rect) -> Option<Position> {
        self.form
            .as_ref()
            .and_then(|f| form::cursor(f, lang, screen))
    }
}
