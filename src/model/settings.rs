//! Per-consultation settings that fill the fixed wording of the draft resolution: the
//! city's case forms, the council and the executive organ, the resolution's number and
//! date, the official journal references and how a § is laid out. Stored one row per
//! changed key; a key not stored means its proposal (derived from the city and organ)
//! or its built-in default.

use super::organs::{Executive, ParagraphStyle};
use super::polish_names::{genitive, locative};
use super::text::clean;
use super::voivodeships::{CITY_VOIVODESHIP, VOIVODESHIPS, voivodeship, voivodeship_genitive};
use serde::Serialize;
use std::str::FromStr;

/// The longest value a setting takes (a council's name, a journal reference).
pub const LIMIT_SETTING: usize = 200;
/// What the draft shows where a value is still to be filled in.
pub const PLACEHOLDER: &str = "…";
pub const DEFAULT_NUMBER: &str = "…/…/…";
/// The consolidated text of the act changes every year or two, so the default says
/// what to write rather than guessing which is current: check it in ISAP.
pub const DEFAULT_JOURNAL: &str = "Dz. U. z … r. poz. …";

/// The keys stored in `consultation_setting`, as typed on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SettingKey {
    CityGenitive,
    Executive,
    Council,
    CouncilGenitive,
    ExecutiveDative,
    Number,
    Date,
    Journal,
    Voivodeship,
    ParagraphStyle,
}

impl SettingKey {
    pub const ALL: [SettingKey; 10] = [
        SettingKey::CityGenitive,
        SettingKey::Executive,
        SettingKey::Council,
        SettingKey::CouncilGenitive,
        SettingKey::ExecutiveDative,
        SettingKey::Number,
        SettingKey::Date,
        SettingKey::Journal,
        SettingKey::Voivodeship,
        SettingKey::ParagraphStyle,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SettingKey::CityGenitive => "city_genitive",
            SettingKey::Executive => "executive",
            SettingKey::Council => "council",
            SettingKey::CouncilGenitive => "council_genitive",
            SettingKey::ExecutiveDative => "executive_dative",
            SettingKey::Number => "resolution_number",
            SettingKey::Date => "resolution_date",
            SettingKey::Journal => "journal",
            SettingKey::Voivodeship => "voivodeship",
            SettingKey::ParagraphStyle => "paragraph_style",
        }
    }
}

impl FromStr for SettingKey {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let k = s.trim().replace('-', "_");
        SettingKey::ALL
            .into_iter()
            .find(|x| x.as_str() == k)
            .ok_or_else(|| {
                let names: Vec<_> = SettingKey::ALL.iter().map(|x| x.as_str()).collect();
                format!("unknown setting {s:?} (one of: {})", names.join(", "))
            })
    }
}

/// The settings a user changed; `None` means the proposal or the built-in default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ConsultationSettings {
    pub city_genitive: Option<String>,
    pub executive: Option<Executive>,
    pub council: Option<String>,
    pub council_genitive: Option<String>,
    pub executive_dative: Option<String>,
    pub resolution_number: Option<String>,
    pub resolution_date: Option<String>,
    /// The Dz. U. reference of the consolidated text of the act on municipal
    /// self-government, as cited in the legal basis.
    pub journal: Option<String>,
    /// As written after "województwo": `śląskie`.
    pub voivodeship: Option<&'static str>,
    pub paragraph_style: Option<ParagraphStyle>,
}

/// Checks a text value: cleaned, at most [`LIMIT_SETTING`] characters; empty is `None`.
fn text(key: SettingKey, value: &str) -> Result<Option<String>, String> {
    let v = clean(value);
    if v.chars().count() > LIMIT_SETTING {
        return Err(format!(
            "{} is longer than {LIMIT_SETTING} characters",
            key.as_str()
        ));
    }
    Ok(Some(v).filter(|v| !v.is_empty()))
}

impl ConsultationSettings {
    /// The stored text of one setting.
    pub fn get(&self, key: SettingKey) -> Option<String> {
        match key {
            SettingKey::CityGenitive => self.city_genitive.clone(),
            SettingKey::Executive => self.executive.map(|e| e.code().to_owned()),
            SettingKey::Council => self.council.clone(),
            SettingKey::CouncilGenitive => self.council_genitive.clone(),
            SettingKey::ExecutiveDative => self.executive_dative.clone(),
            SettingKey::Number => self.resolution_number.clone(),
            SettingKey::Date => self.resolution_date.clone(),
            SettingKey::Journal => self.journal.clone(),
            SettingKey::Voivodeship => self.voivodeship.map(str::to_owned),
            SettingKey::ParagraphStyle => self.paragraph_style.map(|p| p.code().to_owned()),
        }
    }

    /// Sets one setting from text, checked; an empty value goes back to the default.
    pub fn set(&mut self, key: SettingKey, value: &str) -> Result<(), String> {
        let blank = value.trim().is_empty();
        match key {
            SettingKey::CityGenitive => self.city_genitive = text(key, value)?,
            SettingKey::Council => self.council = text(key, value)?,
            SettingKey::CouncilGenitive => self.council_genitive = text(key, value)?,
            SettingKey::ExecutiveDative => self.executive_dative = text(key, value)?,
            SettingKey::Number => self.resolution_number = text(key, value)?,
            SettingKey::Date => self.resolution_date = text(key, value)?,
            SettingKey::Journal => self.journal = text(key, value)?,
            SettingKey::Executive if blank => self.executive = None,
            SettingKey::Executive => self.executive = Some(value.parse()?),
            SettingKey::ParagraphStyle if blank => self.paragraph_style = None,
            SettingKey::ParagraphStyle => self.paragraph_style = Some(value.parse()?),
            SettingKey::Voivodeship if blank => self.voivodeship = None,
            SettingKey::Voivodeship => {
                self.voivodeship = Some(voivodeship(value).ok_or_else(|| {
                    format!(
                        "voivodeship {value:?} is not known (one of: {})",
                        VOIVODESHIPS.map(|v| v.0).join(", ")
                    )
                })?);
            }
        }
        Ok(())
    }

    /// Every stored setting as `(key, text)`, in [`SettingKey::ALL`] order.
    pub fn pairs(&self) -> Vec<(SettingKey, String)> {
        SettingKey::ALL
            .into_iter()
            .filter_map(|k| self.get(k).map(|v| (k, v)))
            .collect()
    }

    /// Every value the documents use: set, proposed from the city and the organ, or
    /// the default.
    pub fn resolve(&self, city: &str) -> ResolvedSettings {
        let city = clean(city);
        let has_city = !city.is_empty();
        let proposal = |value: String| Resolved {
            value,
            source: if has_city {
                Source::Proposed
            } else {
                Source::Default
            },
        };
        let placeholder = || PLACEHOLDER.to_owned();
        let city_genitive = or(self.city_genitive.as_ref(), || {
            proposal(if has_city {
                genitive(&city)
            } else {
                placeholder()
            })
        });
        let exec = self.executive.unwrap_or(Executive::President);
        let executive = Resolved {
            value: exec.code().to_owned(),
            source: if self.executive.is_some() {
                Source::Set
            } else {
                Source::Default
            },
        };
        let gen_form = &city_genitive.value;
        let city_locative = if has_city {
            locative(&city)
        } else {
            placeholder()
        };
        let council = or(self.council.as_ref(), || {
            proposal(exec.council(gen_form, &city_locative))
        });
        let council_genitive = or(self.council_genitive.as_ref(), || {
            proposal(council_in_genitive(&council.value))
        });
        let executive_dative = or(self.executive_dative.as_ref(), || {
            proposal(exec.dative(gen_form))
        });
        let municipality = proposal(exec.municipality(gen_form));
        let voivodeship = match self.voivodeship {
            Some(v) => Resolved {
                value: v.to_owned(),
                source: Source::Set,
            },
            None => CITY_VOIVODESHIP
                .iter()
                .find(|(c, _)| *c == city)
                .map_or_else(
                    || Resolved {
                        value: placeholder(),
                        source: Source::Default,
                    },
                    |(_, v)| proposal((*v).to_owned()),
                ),
        };
        let fixed = |v: Option<&String>, default: &str| {
            or(v, || Resolved {
                value: default.to_owned(),
                source: Source::Default,
            })
        };
        ResolvedSettings {
            city_genitive,
            executive,
            council,
            council_genitive,
            executive_dative,
            municipality,
            resolution_number: fixed(self.resolution_number.as_ref(), DEFAULT_NUMBER),
            resolution_date: fixed(self.resolution_date.as_ref(), PLACEHOLDER),
            journal: fixed(self.journal.as_ref(), DEFAULT_JOURNAL),
            voivodeship,
            paragraph_style: Resolved {
                value: self
                    .paragraph_style
                    .unwrap_or(ParagraphStyle::Centred)
                    .code()
                    .to_owned(),
                source: if self.paragraph_style.is_some() {
                    Source::Set
                } else {
                    Source::Default
                },
            },
        }
    }
}

fn or(stored: Option<&String>, otherwise: impl FnOnce() -> Resolved) -> Resolved {
    match stored {
        Some(v) => Resolved {
            value: v.clone(),
            source: Source::Set,
        },
        None => otherwise(),
    }
}

/// "Rada Miasta X" → "Rady Miasta X", "Rada Miejska w X" → "Rady Miejskiej w X": the
/// council's own words decline, the city's stay as they are.
pub fn council_in_genitive(council: &str) -> String {
    let words = [
        ("Rada ", "Rady "),
        ("Miejska ", "Miejskiej "),
        ("Gminy ", "Gminy "),
        ("Miasta ", "Miasta "),
    ];
    let mut rest = council.trim();
    let mut out = String::new();
    for (nom, gen_form) in words {
        if let Some(r) = rest.strip_prefix(nom) {
            out.push_str(gen_form);
            rest = r;
        }
    }
    out.push_str(rest);
    out
}

/// Where a value came from, so `consultation show` and the settings screen can mark
/// what the user has not confirmed yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Set,
    Proposed,
    Default,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Resolved {
    pub value: String,
    pub source: Source,
}

/// Every value of the settings as the documents use them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResolvedSettings {
    pub city_genitive: Resolved,
    /// The organ's code (`prezydent`, `burmistrz`, `wojt`).
    pub executive: Resolved,
    pub council: Resolved,
    pub council_genitive: Resolved,
    pub executive_dative: Resolved,
    /// Derived, not a setting: "Miasta Częstochowy" in the title.
    pub municipality: Resolved,
    pub resolution_number: Resolved,
    pub resolution_date: Resolved,
    pub journal: Resolved,
    /// As written after "województwo", or the placeholder.
    pub voivodeship: Resolved,
    pub paragraph_style: Resolved,
}

impl ResolvedSettings {
    /// The value of one setting.
    pub fn get(&self, key: SettingKey) -> &Resolved {
        match key {
            SettingKey::CityGenitive => &self.city_genitive,
            SettingKey::Executive => &self.executive,
            SettingKey::Council => &self.council,
            SettingKey::CouncilGenitive => &self.council_genitive,
            SettingKey::ExecutiveDative => &self.executive_dative,
            SettingKey::Number => &self.resolution_number,
            SettingKey::Date => &self.resolution_date,
            SettingKey::Journal => &self.journal,
            SettingKey::Voivodeship => &self.voivodeship,
            SettingKey::ParagraphStyle => &self.paragraph_style,
        }
    }

    /// "Śląskiego" for the journal's name, or the placeholder.
    pub fn voivodeship_genitive(&self) -> String {
        if self.voivodeship.value == PLACEHOLDER {
            PLACEHOLDER.to_owned()
        } else {
            voivodeship_genitive(&self.voivodeship.value)
        }
    }

    /// The voivodeship's English name, or the placeholder.
    pub fn voivodeship_english(&self) -> &'static str {
        VOIVODESHIPS
            .iter()
            .find(|v| v.0 == self.voivodeship.value)
            .map_or(PLACEHOLDER, |v| v.1)
    }

    pub fn executive_kind(&self) -> Executive {
        self.executive.value.parse().unwrap_or(Executive::President)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proposals_follow_the_city_and_the_organ() {
        let s = ConsultationSettings::default().resolve("Częstochowa");
        assert_eq!(s.city_genitive.value, "Częstochowy");
        assert_eq!(s.city_genitive.source, Source::Proposed);
        assert_eq!(s.council.value, "Rada Miasta Częstochowy");
        assert_eq!(s.council_genitive.value, "Rady Miasta Częstochowy");
        assert_eq!(s.executive_dative.value, "Prezydentowi Miasta Częstochowy");
        assert_eq!(s.municipality.value, "Miasta Częstochowy");
        assert_eq!(s.voivodeship.value, "śląskie");
        assert_eq!(s.voivodeship_genitive(), "Śląskiego");
        assert_eq!(s.journal.value, DEFAULT_JOURNAL);
        assert_eq!(s.journal.source, Source::Default);

        let mut m = ConsultationSettings::default();
        m.set(SettingKey::Executive, "Burmistrz").unwrap();
        let r = m.resolve("Reszel");
        assert_eq!(r.council.value, "Rada Miejska w Reszlu");
        assert_eq!(r.council_genitive.value, "Rady Miejskiej w Reszlu");
        assert_eq!(r.executive_dative.value, "Burmistrzowi Miasta Reszla");
        m.set(SettingKey::Executive, "wójt").unwrap();
        let r = m.resolve("Kłomnice");
        assert_eq!(r.council_genitive.value, "Rady Gminy Kłomnic");
        assert_eq!(r.executive_dative.value, "Wójtowi Gminy Kłomnic");
        assert_eq!(r.municipality.value, "Gminy Kłomnic");
    }

    #[test]
    fn a_corrected_genitive_flows_into_the_proposals() {
        let mut s = ConsultationSettings::default();
        s.set(SettingKey::CityGenitive, " Kłomnic ").unwrap();
        let r = s.resolve("Kłomnice");
        assert_eq!(r.city_genitive.source, Source::Set);
        assert_eq!(r.council.value, "Rada Miasta Kłomnic");
        s.set(SettingKey::Council, "Rada Miasta i Gminy Kłomnice")
            .unwrap();
        let r = s.resolve("Kłomnice");
        assert_eq!(r.council_genitive.value, "Rady Miasta i Gminy Kłomnice");
    }

    #[test]
    fn without_a_city_every_name_is_a_placeholder() {
        let r = ConsultationSettings::default().resolve("");
        assert_eq!(r.council_genitive.value, "Rady Miasta …");
        assert_eq!(r.executive_dative.value, "Prezydentowi Miasta …");
        assert_eq!(r.council.source, Source::Default);
        assert_eq!(r.voivodeship.value, PLACEHOLDER);
        assert_eq!(r.voivodeship_genitive(), PLACEHOLDER);
        let mut m = ConsultationSettings::default();
        m.set(SettingKey::Executive, "burmistrz").unwrap();
        assert_eq!(m.resolve("").council.value, "Rada Miejska w …");
    }

    #[test]
    fn values_are_checked() {
        let mut s = ConsultationSettings::default();
        assert!(s.set(SettingKey::Executive, "król").is_err());
        assert!(s.set(SettingKey::ParagraphStyle, "diagonal").is_err());
        let err = s.set(SettingKey::Voivodeship, "bawarskie").unwrap_err();
        assert!(err.contains("śląskie"), "{err}");
        assert!(s.set(SettingKey::Journal, &"x".repeat(201)).is_err());
        assert_eq!(s, ConsultationSettings::default());
        s.set(SettingKey::Voivodeship, "Województwo Slaskie")
            .unwrap();
        assert_eq!(s.voivodeship, Some("śląskie"));
        s.set(SettingKey::Voivodeship, "Kujawsko-Pomorskiego")
            .unwrap();
        assert_eq!(s.voivodeship, Some("kujawsko-pomorskie"));
        assert_eq!(
            voivodeship_genitive("kujawsko-pomorskie"),
            "Kujawsko-Pomorskiego"
        );
        s.set(SettingKey::Voivodeship, "").unwrap();
        assert_eq!(s.voivodeship, None);
        s.set(SettingKey::ParagraphStyle, "inline").unwrap();
        assert_eq!(s.get(SettingKey::ParagraphStyle).as_deref(), Some("inline"));
        assert_eq!("resolution-number".parse(), Ok(SettingKey::Number));
        assert!("colour".parse::<SettingKey>().is_err());
    }
}
