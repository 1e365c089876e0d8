//! Forms in a centred box. Each form is a typed struct whose fields have names
//! (`votes_for`, `rationale`); `form_fields!` lists them once, in the order shown, so
//! reordering the list changes what the user sees and never which value is read.

use crate::model::Lang;
use crate::tui::action::Action;
use crate::tui::i18n::T;
use crate::tui::theme;
use crate::tui::widgets::text::truncate;
use crate::tui::widgets::text_field::TextField;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};

/// One of a fixed list of options, cycled with ←/→/space. The labels are taken in
/// the interface's language when the form opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub at: usize,
    pub labels: Vec<&'static str>,
}

impl Choice {
    pub fn new(at: usize, labels: Vec<&'static str>) -> Choice {
        Choice { at, labels }
    }

    /// The option chosen among `options` (which the labels were made from).
    pub fn of<V: Copy>(&self, options: &[V]) -> Option<V> {
        options.get(self.at).copied()
    }

    fn step(&mut self, back: bool) {
        let n = self.labels.len().max(1);
        self.at = if back {
            (self.at + n - 1) % n
        } else {
            (self.at + 1) % n
        };
    }
}

/// A text field drawn over several rows, wrapped, for a text too long to read on one
/// line (a card's text being split or merged).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LongText(pub TextField);

/// Rows a long text takes in a form.
const LONG_ROWS: u16 = 3;

impl std::ops::Deref for LongText {
    type Target = TextField;
    fn deref(&self) -> &TextField {
        &self.0
    }
}

pub enum FieldRef<'a> {
    Text(&'a TextField),
    Long(&'a TextField),
    Choice(&'a Choice),
}

impl FieldRef<'_> {
    fn rows(&self) -> u16 {
        match self {
            FieldRef::Long(_) => LONG_ROWS,
            FieldRef::Text(_) | FieldRef::Choice(_) => 1,
        }
    }
}

/// Rows the fields take, together.
fn field_rows(fields: &[(T, FieldRef<'_>)]) -> usize {
    fields.iter().map(|f| usize::from(f.1.rows())).sum()
}

pub enum FieldMut<'a> {
    Text(&'a mut TextField),
    Choice(&'a mut Choice),
}

impl<'a> From<&'a LongText> for FieldRef<'a> {
    fn from(t: &'a LongText) -> Self {
        FieldRef::Long(&t.0)
    }
}

impl<'a> From<&'a mut LongText> for FieldMut<'a> {
    fn from(t: &'a mut LongText) -> Self {
        FieldMut::Text(&mut t.0)
    }
}

impl<'a> From<&'a TextField> for FieldRef<'a> {
    fn from(t: &'a TextField) -> Self {
        FieldRef::Text(t)
    }
}

impl<'a> From<&'a Choice> for FieldRef<'a> {
    fn from(c: &'a Choice) -> Self {
        FieldRef::Choice(c)
    }
}

impl<'a> From<&'a mut TextField> for FieldMut<'a> {
    fn from(t: &'a mut TextField) -> Self {
        FieldMut::Text(t)
    }
}

impl<'a> From<&'a mut Choice> for FieldMut<'a> {
    fn from(c: &'a mut Choice) -> Self {
        FieldMut::Choice(c)
    }
}

/// A form's fields with their labels, in the order shown, and its `FormState`.
pub trait Fields {
    fn fields(&self) -> Vec<(T, FieldRef<'_>)>;
    fn fields_mut(&mut self) -> Vec<FieldMut<'_>>;
    fn state(&self) -> &FormState;
    fn state_mut(&mut self) -> &mut FormState;
}

/// Implements `Fields` from one list of `label => field` pairs; the form's
/// `FormState` is its field `state`.
macro_rules! form_fields {
    ($($label:expr => $field:ident),+ $(,)?) => {
        fn state(&self) -> &$crate::tui::widgets::form::FormState {
            &self.state
        }

        fn state_mut(&mut self) -> &mut $crate::tui::widgets::form::FormState {
            &mut self.state
        }

        fn fields(&self) -> Vec<(
            $crate::tui::i18n::T,
            $crate::tui::widgets::form::FieldRef<'_>,
        )> {
            vec![$(($label, (&self.$field).into())),+]
        }

        fn fields_mut(&mut self) -> Vec<$crate::tui::widgets::form::FieldMut<'_>> {
            vec![$((&mut self.$field).into()),+]
        }
    };
}
pub(crate) use form_fields;

/// What every form has besides its fields.
#[derive(Debug, Clone, PartialEq)]
pub struct FormState {
    pub title: T,
    /// The line under the fields when there is no error.
    pub hint: T,
    pub focus: usize,
    pub error: Option<String>,
}

impl FormState {
    pub fn new(title: T, hint: T) -> FormState {
        FormState {
            title,
            hint,
            focus: 0,
            error: None,
        }
    }

    /// A dialog's state: its hint says ←/→ picks a choice.
    pub fn dialog(title: T) -> FormState {
        FormState::new(title, T::DialogHint)
    }
}

/// What a key did to a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Focus moved or a field changed (or nothing happened).
    Edited,
    Save,
    Cancel,
}

/// Moves focus or edits the focused field.
pub fn input(form: &mut impl Fields, action: Action) -> Step {
    let n = form.fields_mut().len().max(1);
    let focus = form.state().focus;
    match action {
        Action::Save => return Step::Save,
        Action::Cancel => return Step::Cancel,
        Action::NextField => form.state_mut().focus = (focus + 1) % n,
        Action::PrevField => form.state_mut().focus = (focus + n - 1) % n,
        Action::Paste(s) => {
            if let Some(FieldMut::Text(t)) = form.fields_mut().into_iter().nth(focus) {
                t.paste(&s);
            }
        }
        Action::Key(ev) => match form.fields_mut().into_iter().nth(focus) {
            Some(FieldMut::Text(t)) => {
                t.input(&ev);
            }
            Some(FieldMut::Choice(c)) => match ev.code {
                KeyCode::Left => c.step(true),
                KeyCode::Right | KeyCode::Char(' ') => c.step(false),
                _ => {}
            },
            None => {}
        },
        _ => {}
    }
    Step::Edited
}

/// The box: the fields' rows, one for the hint or error, and the border.
pub fn outer(rows: usize, screen: Rect) -> Rect {
    let h = (rows as u16 + 3).min(screen.height);
    let w = screen.width.min(72);
    let x = screen.x + (screen.width - w) / 2;
    let y = screen.y + (screen.height - h) / 2;
    Rect::new(x, y, w, h)
}

/// Width of the label column, at most half the box.
fn label_width(labels: impl Iterator<Item = T>, lang: Lang, inner: Rect) -> u16 {
    let longest = labels
        .map(|t| t.tr(lang).chars().count())
        .max()
        .unwrap_or(0) as u16
        + 2;
    longest.min(inner.width / 2)
}

/// The first field drawn: on a screen too low for the whole form, it scrolls so that
/// the focused field is always in view.
fn first_shown(fields: &[(T, FieldRef<'_>)], focus: usize, height: u16) -> usize {
    let focus = focus.min(fields.len().saturating_sub(1));
    let mut start = 0;
    while start < focus && field_rows(&fields[start..=focus]) > usize::from(height) {
        start += 1;
    }
    start
}

pub fn render(form: &impl Fields, lang: Lang, screen: Rect, buf: &mut Buffer) {
    if screen.is_empty() {
        return;
    }
    let state = form.state();
    let fields = form.fields();
    let outer = outer(field_rows(&fields), screen);
    Clear.render(outer, buf);
    let block = Block::bordered().title(state.title.tr(lang));
    let inner = block.inner(outer);
    block.render(outer, buf);
    let lw = label_width(fields.iter().map(|f| f.0), lang, inner);
    let start = first_shown(&fields, state.focus, inner.height);
    let mut y = inner.y;
    for (i, (label, value)) in fields.iter().enumerate().skip(start) {
        if y >= inner.bottom() {
            break;
        }
        let style = if i == state.focus {
            theme::label()
        } else {
            theme::dim()
        };
        buf.set_stringn(inner.x, y, label.tr(lang), usize::from(lw), style);
        let rows = value.rows().min(inner.bottom() - y);
        let area = Rect::new(inner.x + lw, y, inner.width - lw, rows);
        match value {
            FieldRef::Text(t) => t.render(area, buf, Style::default()),
            FieldRef::Long(t) => t.render_wrapped(area, buf, Style::default()),
            FieldRef::Choice(c) => {
                let name = c.labels.get(c.at).copied().unwrap_or("");
                let s = format!("◂ {name} ▸");
                buf.set_stringn(area.x, y, s, usize::from(area.width), theme::label());
            }
        }
        y += rows;
    }
    let last = inner.y + field_rows(&fields) as u16;
    if last < inner.bottom() {
        let (msg, style) = match &state.error {
            Some(e) => (e.clone(), theme::error()),
            None => (state.hint.tr(lang).to_owned(), theme::dim()),
        };
        buf.set_stringn(inner.x, last, msg, usize::from(inner.width), style);
    }
}

pub fn cursor(form: &impl Fields, lang: Lang, screen: Rect) -> Option<Position> {
    if screen.is_empty() {
        return None;
    }
    let state = form.state();
    let fields = form.fields();
    let inner = Block::bordered().inner(outer(field_rows(&fields), screen));
    let lw = label_width(fields.iter().map(|f| f.0), lang, inner);
    let focus = state.focus.min(fields.len());
    let start = first_shown(&fields, focus, inner.height).min(focus);
    let y = inner.y + field_rows(&fields[start..focus]) as u16;
    if y >= inner.bottom() || inner.width <= lw {
        return None;
    }
    let field = &fields.get(state.focus)?.1;
    let area = Rect::new(
        inner.x + lw,
        y,
        inner.width - lw,
        field.rows().min(inner.bottom() - y),
    );
    match field {
        FieldRef::Text(t) => t.cursor_position(area),
        FieldRef::Long(t) => t.cursor_wrapped(area),
        FieldRef::Choice(_) => None,
    }
}

/// A number typed into a field: empty is `None`, anything else must parse.
pub fn number(field: &TextField, label: T, lang: Lang) -> Result<Option<i64>, String> {
    let s = field.text().trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.parse()
        .map(Some)
        .map_err(|_| format!("{}: {}", label.tr(lang), T::NotANumber.tr(lang)))
}

/// A field's trimmed text, or `None` when it is empty.
pub fn optional(field: &TextField) -> Option<String> {
    Some(field.text().trim().to_owned()).filter(|s| !s.is_empty())
}

/// What a dialog is about (a card's text, a topic's label), beside its title.
pub fn subtitle(form: &impl Fields, text: &str, lang: Lang, screen: Rect, buf: &mut Buffer) {
    if screen.is_empty() {
        return;
    }
    let outer = outer(field_rows(&form.fields()), screen);
    let used = form.state().title.tr(lang).chars().count() as u16 + 2;
    if !text.is_empty() && outer.width > used + 4 {
        let room = usize::from(outer.width - used - 3);
        let s = format!(" {} ", truncate(text, room.saturating_sub(2)));
        buf.set_stringn(outer.x + used, outer.y, s, room, theme::dim());
    }
}
