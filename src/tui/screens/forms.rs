//! Forms in a centred box: a session (create or edit) and a card (edit). Fields are
//! text fields or a choice cycled with ←/→/space; validation stays in `model`.

use crate::model::{Card, CardKind, CardPatch, Session, SessionDraft, SessionKind};
use crate::tui::action::Action;
use crate::tui::app::{App, Modal};
use crate::tui::effect::Effect;
use crate::tui::i18n::{Lang, T, kind_name, session_kind_name};
use crate::tui::theme;
use crate::tui::widgets::text_field::TextField;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(TextField),
    /// An index into a fixed list of options.
    Choice(usize, usize),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub label: T,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Form {
    pub title: T,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub error: Option<String>,
}

pub(crate) fn text(label: T, v: &str) -> Field {
    Field {
        label,
        value: Value::Text(TextField::new(v)),
    }
}

impl Form {
    pub fn text(&self, i: usize) -> &str {
        match self.fields.get(i).map(|f| &f.value) {
            Some(Value::Text(t)) => t.text(),
            _ => "",
        }
    }

    pub fn choice(&self, i: usize) -> usize {
        match self.fields.get(i).map(|f| &f.value) {
            Some(Value::Choice(c, _)) => *c,
            _ => 0,
        }
    }

    /// Moves focus or edits the focused field. `Some(true)` asks to save, `Some(false)`
    /// to cancel.
    pub(crate) fn input(&mut self, action: Action) -> Option<bool> {
        let n = self.fields.len();
        match action {
            Action::Save => return Some(true),
            Action::Cancel => return Some(false),
            Action::NextField => self.focus = (self.focus + 1) % n,
            Action::PrevField => self.focus = (self.focus + n - 1) % n,
            Action::Key(ev) => match self.fields.get_mut(self.focus).map(|f| &mut f.value) {
                Some(Value::Text(t)) => {
                    t.input(&ev);
                }
                Some(Value::Choice(c, len)) => match ev.code {
                    KeyCode::Left => *c = (*c + *len - 1) % *len,
                    KeyCode::Right | KeyCode::Char(' ') => *c = (*c + 1) % *len,
                    _ => {}
                },
                None => {}
            },
            _ => {}
        }
        None
    }

    fn choice_label(&self, label: T, c: usize, lang: Lang) -> &'static str {
        let pick = |options: &[T]| options.get(c).map_or("", |t| t.tr(lang));
        match label {
            T::Outcome => crate::tui::i18n::decision_name(
                crate::model::DecisionOutcome::ALL
                    .get(c)
                    .copied()
                    .unwrap_or(crate::model::DecisionOutcome::Postponed),
                lang,
            ),
            T::VotePolicy => pick(&[T::PolicySum, T::PolicyMax, T::PolicySeparate]),
            T::Seeds => pick(&[T::No, T::Yes]),
            T::OnConflict => pick(&[T::KeepMine, T::KeepTheirs, T::KeepBoth]),
            T::Format => super::export_dialog::FORMATS.get(c).map_or("", |f| f.1),
            T::Scope if self.title == T::ExportTitle => {
                pick(&[T::ScopeAll, T::ScopeSession, T::ScopeReport])
            }
            T::Scope => pick(&[T::ScopeAll, T::ScopeSession, T::ScopeTopic]),
            T::Kind if self.title == T::EditCard => kind_name(
                CardKind::ALL.get(c).copied().unwrap_or(CardKind::Other),
                lang,
            ),
            _ => session_kind_name(
                SessionKind::ALL
                    .get(c)
                    .copied()
                    .unwrap_or(SessionKind::Other),
                lang,
            ),
        }
    }

    pub(crate) fn outer(&self, screen: Rect) -> Rect {
        let h = (self.fields.len() as u16 + 3).min(screen.height);
        let w = screen.width.min(72);
        let x = screen.x + (screen.width - w) / 2;
        let y = screen.y + (screen.height - h) / 2;
        Rect::new(x, y, w, h)
    }

    /// Width of the label column, at most half the box.
    fn label_width(&self, app: &App, inner: Rect) -> u16 {
        let longest = self
            .fields
            .iter()
            .map(|f| app.tr(f.label).chars().count())
            .max()
            .unwrap_or(0) as u16
            + 2;
        longest.min(inner.width / 2)
    }

    pub fn render(&self, app: &App, screen: Rect, buf: &mut Buffer) {
        if screen.is_empty() {
            return;
        }
        let outer = self.outer(screen);
        Clear.render(outer, buf);
        let block = Block::bordered().title(app.tr(self.title));
        let inner = block.inner(outer);
        block.render(outer, buf);
        let lw = self.label_width(app, inner);
        for (i, f) in self.fields.iter().enumerate() {
            let y = inner.y + i as u16;
            if y >= inner.bottom() {
                break;
            }
            let style = if i == self.focus {
                theme::label()
            } else {
                theme::dim()
            };
            buf.set_stringn(inner.x, y, app.tr(f.label), usize::from(lw), style);
            let area = Rect::new(inner.x + lw, y, inner.width - lw, 1);
            match &f.value {
                Value::Text(t) => t.render(area, buf, Style::default()),
                Value::Choice(c, _) => {
                    let s = format!("◂ {} ▸", self.choice_label(f.label, *c, app.lang));
                    buf.set_stringn(area.x, y, s, usize::from(area.width), theme::label());
                }
            }
        }
        let last = inner.y + self.fields.len() as u16;
        if last < inner.bottom() {
            let (msg, style) = match &self.error {
                Some(e) => (e.clone(), theme::error()),
                None => {
                    // Card and session forms cycle a kind; the board's dialogs a choice.
                    let hint = match self.title {
                        T::EditCard | T::NewSession | T::EditSession => T::FormHint,
                        _ => T::DialogHint,
                    };
                    (app.tr(hint).to_owned(), theme::dim())
                }
            };
            buf.set_stringn(inner.x, last, msg, usize::from(inner.width), style);
        }
    }

    pub fn cursor(&self, app: &App, screen: Rect) -> Option<Position> {
        if screen.is_empty() {
            return None;
        }
        let inner = Block::bordered().inner(self.outer(screen));
        let lw = self.label_width(app, inner);
        let y = inner.y + self.focus as u16;
        if y >= inner.bottom() || inner.width <= lw {
            return None;
        }
        match &self.fields.get(self.focus)?.value {
            Value::Text(t) => t.cursor_position(Rect::new(inner.x + lw, y, inner.width - lw, 1)),
            Value::Choice(..) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SessionForm {
    pub id: Option<String>,
    pub form: Form,
}

impl SessionForm {
    pub fn new(session: Option<&Session>) -> SessionForm {
        let get = |f: fn(&Session) -> String| session.map(f).unwrap_or_default();
        let kind = session.map_or(SessionKind::Training, |s| s.kind);
        let kind_index = SessionKind::ALL
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(0);
        SessionForm {
            id: session.map(|s| s.id.clone()),
            form: Form {
                title: if session.is_some() {
                    T::EditSession
                } else {
                    T::NewSession
                },
                fields: vec![
                    text(T::Title, &get(|s| s.title.clone())),
                    Field {
                        label: T::Kind,
                        value: Value::Choice(kind_index, SessionKind::ALL.len()),
                    },
                    text(T::Date, &get(|s| s.date.clone().unwrap_or_default())),
                    text(T::Place, &get(|s| s.place.clone())),
                    text(T::Facilitator, &get(|s| s.facilitator.clone())),
                    text(
                        T::Participants,
                        &get(|s| s.participants.map(|p| p.to_string()).unwrap_or_default()),
                    ),
                    text(
                        T::Activities,
                        &get(|s| {
                            s.activities
                                .iter()
                                .map(|a| a.name.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        }),
                    ),
                ],
                focus: 0,
                error: None,
            },
        }
    }

    fn draft(&self, app: &App) -> Result<SessionDraft, String> {
        let f = &self.form;
        let kind = SessionKind::ALL
            .get(f.choice(1))
            .copied()
            .unwrap_or(SessionKind::Other);
        let mut d = SessionDraft::new(f.text(0), kind);
        d.date = Some(f.text(2).to_owned());
        d.place = f.text(3).to_owned();
        d.facilitator = f.text(4).to_owned();
        let p = f.text(5).trim();
        d.participants =
            if p.is_empty() {
                None
            } else {
                Some(p.parse().map_err(|_| {
                    format!("{}: {}", app.tr(T::Participants), app.tr(T::NotANumber))
                })?)
            };
        d.activities = f.text(6).split(',').map(str::to_owned).collect();
        d.validated()
    }
}

pub fn session_form(app: &mut App, mut sf: SessionForm, action: Action) -> Vec<Effect> {
    match sf.form.input(action) {
        Some(false) => return Vec::new(),
        Some(true) => match sf.draft(app) {
            Ok(draft) => {
                let id = sf.id.clone();
                // The form stays until the store confirms, so an error can be fixed.
                app.modal = Some(Modal::SessionForm(sf));
                return vec![Effect::SaveSession { id, draft }];
            }
            Err(e) => sf.form.error = Some(e),
        },
        None => {}
    }
    app.modal = Some(Modal::SessionForm(sf));
    Vec::new()
}

#[derive(Debug, Clone, PartialEq)]
pub struct CardForm {
    pub id: String,
    pub form: Form,
}

impl CardForm {
    pub fn new(card: &Card) -> CardForm {
        let kind_index = CardKind::ALL
            .iter()
            .position(|k| *k == card.kind)
            .unwrap_or(0);
        CardForm {
            id: card.id.clone(),
            form: Form {
                title: T::EditCard,
                fields: vec![
                    text(T::Text, &card.text),
                    Field {
                        label: T::Kind,
                        value: Value::Choice(kind_index, CardKind::ALL.len()),
                    },
                    text(T::Speaker, card.speaker.as_deref().unwrap_or("")),
                    text(T::Tags, &card.tags.join(" ")),
                    text(T::Activity, card.activity.as_deref().unwrap_or("")),
                ],
                focus: 0,
                error: None,
            },
        }
    }

    fn patch(&self) -> CardPatch {
        let f = &self.form;
        let opt = |s: &str| Some(Some(s.to_owned()).filter(|s| !s.trim().is_empty()));
        CardPatch {
            text: Some(f.text(0).to_owned()),
            kind: CardKind::ALL.get(f.choice(1)).copied(),
            speaker: opt(f.text(2)),
            tags: Some(crate::model::text::split_tags(f.text(3))),
            activity: opt(f.text(4)),
            votes: None,
        }
    }
}

pub fn card_form(app: &mut App, mut cf: CardForm, action: Action) -> Vec<Effect> {
    match cf.form.input(action) {
        Some(false) => return Vec::new(),
        Some(true) => match cf.patch().validated() {
            Ok(patch) => {
                return vec![Effect::EditCard {
                    id: cf.id.clone(),
                    patch,
                }];
            }
            Err(e) => cf.form.error = Some(e.to_string()),
        },
        None => {}
    }
    app.modal = Some(Modal::CardForm(cf));
    Vec::new()
}
