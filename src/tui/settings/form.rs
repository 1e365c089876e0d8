//! The settings form: the consultation's fields and the settings that fill the draft
//! resolution. Fields a user has not touched show the proposal (the genitive from the
//! city, the council from the organ) and follow the city and organ as they change; only
//! what differs from its proposal is stored.

use crate::model::{
    Consultation, ConsultationSettings, Executive, Lang, ParagraphStyle, SettingKey,
};
use crate::storage::ConsultationPatch;
use crate::tui::i18n::T;
use crate::tui::widgets::form::{self, Choice, Fields, FormState, form_fields};
use crate::tui::widgets::text_field::TextField;

/// The text settings, in the order their proposals depend on each other.
const TEXT_KEYS: [SettingKey; 8] = [
    SettingKey::CityGenitive,
    SettingKey::Council,
    SettingKey::CouncilGenitive,
    SettingKey::ExecutiveDative,
    SettingKey::Number,
    SettingKey::Date,
    SettingKey::Journal,
    SettingKey::Voivodeship,
];

const LANGS: [Lang; 2] = [Lang::Pl, Lang::En];

#[derive(Debug, Clone, PartialEq)]
pub struct SettingsForm {
    pub state: FormState,
    pub title: TextField,
    pub city: TextField,
    pub city_genitive: TextField,
    pub executive: Choice,
    pub council: TextField,
    pub council_genitive: TextField,
    pub executive_dative: TextField,
    pub number: TextField,
    pub date: TextField,
    pub year: TextField,
    pub language: Choice,
    pub journal: TextField,
    pub voivodeship: TextField,
    pub paragraph_style: Choice,
    /// What each text setting's field showed as its proposal (or default): a field
    /// still holding it was not touched.
    proposals: Vec<(SettingKey, String)>,
    /// The organ and layout as stored (`None`: the default, kept unstored if unchanged).
    stored_executive: Option<Executive>,
    stored_style: Option<ParagraphStyle>,
}

impl Fields for SettingsForm {
    form_fields! {
        T::Title => title,
        T::SetCity => city,
        T::SetCityGenitive => city_genitive,
        T::SetExecutive => executive,
        T::SetCouncil => council,
        T::SetCouncilGenitive => council_genitive,
        T::SetExecutiveDative => executive_dative,
        T::SetNumber => number,
        T::SetDate => date,
        T::SetYear => year,
        T::SetTextLang => language,
        T::SetJournal => journal,
        T::SetVoivodeship => voivodeship,
        T::SetParagraphStyle => paragraph_style,
    }
}

fn label(key: SettingKey) -> T {
    match key {
        SettingKey::CityGenitive => T::SetCityGenitive,
        SettingKey::Executive => T::SetExecutive,
        SettingKey::Council => T::SetCouncil,
        SettingKey::CouncilGenitive => T::SetCouncilGenitive,
        SettingKey::ExecutiveDative => T::SetExecutiveDative,
        SettingKey::Number => T::SetNumber,
        SettingKey::Date => T::SetDate,
        SettingKey::Journal => T::SetJournal,
        SettingKey::Voivodeship => T::SetVoivodeship,
        SettingKey::ParagraphStyle => T::SetParagraphStyle,
    }
}

impl SettingsForm {
    pub fn new(c: &Consultation, s: &ConsultationSettings, lang: Lang) -> SettingsForm {
        let resolved = s.resolve(&c.city);
        let exec = s.executive.unwrap_or(Executive::President);
        let style = s.paragraph_style.unwrap_or(ParagraphStyle::Centred);
        let field = |key: SettingKey| TextField::prefilled(&resolved.get(key).value);
        let mut f = SettingsForm {
            state: FormState::new(T::SettingsTitle, T::SettingsHint),
            title: TextField::prefilled(&c.title),
            city: TextField::prefilled(&c.city),
            city_genitive: field(SettingKey::CityGenitive),
            executive: Choice::new(
                Executive::ALL.iter().position(|e| *e == exec).unwrap_or(0),
                Executive::ALL.iter().map(|e| e.name_pl()).collect(),
            ),
            council: field(SettingKey::Council),
            council_genitive: field(SettingKey::CouncilGenitive),
            executive_dative: field(SettingKey::ExecutiveDative),
            number: field(SettingKey::Number),
            date: field(SettingKey::Date),
            year: TextField::prefilled(&c.year.map(|y| y.to_string()).unwrap_or_default()),
            language: Choice::new(
                usize::from(c.language == "en"),
                LANGS.iter().map(|l| l.code()).collect(),
            ),
            journal: field(SettingKey::Journal),
            voivodeship: field(SettingKey::Voivodeship),
            paragraph_style: Choice::new(
                ParagraphStyle::ALL
                    .iter()
                    .position(|p| *p == style)
                    .unwrap_or(0),
                vec![T::StyleCentred.tr(lang), T::StyleInline.tr(lang)],
            ),
            proposals: Vec::new(),
            stored_executive: s.executive,
            stored_style: s.paragraph_style,
        };
        // What was stored is the user's own; the rest are proposals to follow edits.
        f.proposals = TEXT_KEYS
            .iter()
            .filter(|k| s.get(**k).is_none())
            .map(|k| (*k, resolved.get(*k).value.clone()))
            .collect();
        f
    }

    fn text_mut(&mut self, key: SettingKey) -> &mut TextField {
        match key {
            SettingKey::CityGenitive => &mut self.city_genitive,
            SettingKey::Council => &mut self.council,
            SettingKey::CouncilGenitive => &mut self.council_genitive,
            SettingKey::ExecutiveDative => &mut self.executive_dative,
            SettingKey::Number => &mut self.number,
            SettingKey::Date => &mut self.date,
            SettingKey::Journal => &mut self.journal,
            // The organ and the layout are choices, never asked for as text.
            SettingKey::Voivodeship | SettingKey::Executive | SettingKey::ParagraphStyle => {
                &mut self.voivodeship
            }
        }
    }

    fn text(&self, key: SettingKey) -> &str {
        match key {
            SettingKey::CityGenitive => self.city_genitive.text(),
            SettingKey::Council => self.council.text(),
            SettingKey::CouncilGenitive => self.council_genitive.text(),
            SettingKey::ExecutiveDative => self.executive_dative.text(),
            SettingKey::Number => self.number.text(),
            SettingKey::Date => self.date.text(),
            SettingKey::Journal => self.journal.text(),
            SettingKey::Voivodeship | SettingKey::Executive | SettingKey::ParagraphStyle => {
                self.voivodeship.text()
            }
        }
    }

    /// The text setting of the focused field, if it is one (found by its label, so the
    /// field list's order stays the one place that says where a field stands).
    fn focused_key(&self) -> Option<SettingKey> {
        let focused = self.fields().get(self.state.focus)?.0;
        TEXT_KEYS.into_iter().find(|k| label(*k) == focused)
    }

    /// The hint says when the focused field still holds a proposal or a placeholder,
    /// so the user knows it is there to be checked.
    pub fn update_hint(&mut self) {
        let untouched = self.focused_key().and_then(|key| {
            self.proposals
                .iter()
                .find(|(k, p)| *k == key && p == self.text(key))
        });
        self.state.hint = match untouched {
            Some((_, p)) if p.contains(crate::model::PLACEHOLDER) => T::SettingsDefaultHint,
            Some(_) => T::SettingsProposedHint,
            None => T::SettingsHint,
        };
    }

    fn chosen_executive(&self) -> Executive {
        self.executive
            .of(&Executive::ALL)
            .unwrap_or(Executive::President)
    }

    /// The settings as the form holds them, with untouched proposals left unset; each
    /// untouched field is brought up to date with the proposal from what is typed.
    pub fn refresh(&mut self) {
        let mut s = ConsultationSettings {
            executive: Some(self.chosen_executive()),
            ..ConsultationSettings::default()
        };
        let city = self.city.text().to_owned();
        for key in TEXT_KEYS {
            let proposal = s.resolve(&city).get(key).value.clone();
            let shown = self.proposals.iter().position(|(k, _)| *k == key);
            match shown {
                Some(i) if self.text(key) == self.proposals[i].1 => {
                    if self.text(key) != proposal {
                        *self.text_mut(key) = TextField::new(&proposal);
                    }
                    self.proposals[i].1 = proposal;
                }
                _ => {
                    // Touched: the user's value counts for the proposals after it.
                    let _shown_on_save = s.set(key, self.text(key));
                }
            }
        }
    }

    /// The consultation's changes and the settings to store, or what to fix.
    pub fn request(
        &self,
        lang: Lang,
    ) -> Result<(ConsultationPatch, Vec<(SettingKey, String)>), String> {
        let title = self.title.text().trim();
        if title.is_empty() {
            return Err(format!("{}: {}", T::Title.tr(lang), T::Required.tr(lang)));
        }
        let year = form::number(&self.year, T::SetYear, lang)?;
        let patch = ConsultationPatch {
            title: Some(title.to_owned()),
            city: Some(self.city.text().trim().to_owned()),
            year,
            language: self.language.of(&LANGS).map(|l| l.code().to_owned()),
        };
        let mut changes = Vec::new();
        for key in TEXT_KEYS {
            let text = self.text(key).trim();
            let untouched = self
                .proposals
                .iter()
                .any(|(k, p)| *k == key && p.trim() == text);
            let value = if untouched { "" } else { text };
            let mut check = ConsultationSettings::default();
            if check.set(key, value).is_err() {
                let why = if key == SettingKey::Voivodeship {
                    T::UnknownVoivodeship
                } else {
                    T::TooLong
                };
                return Err(format!("{}: {}", label(key).tr(lang), why.tr(lang)));
            }
            changes.push((key, value.to_owned()));
        }
        let exec = self.chosen_executive();
        if self.stored_executive.is_some() || exec != Executive::President {
            changes.push((SettingKey::Executive, exec.code().to_owned()));
        }
        let style = self
            .paragraph_style
            .of(&ParagraphStyle::ALL)
            .unwrap_or(ParagraphStyle::Centred);
        if self.stored_style.is_some() || style != ParagraphStyle::Centred {
            changes.push((SettingKey::ParagraphStyle, style.code().to_owned()));
        }
        Ok((patch, changes))
    }
}
