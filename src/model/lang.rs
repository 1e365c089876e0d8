//! The two languages narada speaks: of the interface, of a consultation's documents and
//! of the texts clustering and search stem.
//!
//! [`FromStr`] and [`Lang::from_tag`] say when a value names no language they know, so
//! each caller states its own fallback; only [`Lang::from_locale`] has one built in.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Polish or English; serialised, stored and typed as `pl` / `en`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Pl,
    En,
}

impl Lang {
    /// The ISO 639-1 code, as stored for a consultation.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Pl => "pl",
            Lang::En => "en",
        }
    }

    /// The language of a tag such as `en`, `en-GB` or `pl_PL`, read from its first
    /// subtag, case-insensitively; `None` when that is neither `pl` nor `en`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        match tag.split(['-', '_']).next() {
            Some("pl") => Some(Lang::Pl),
            Some("en") => Some(Lang::En),
            _ => None,
        }
    }

    /// The language a POSIX locale asks for: `pl_PL.UTF-8` → Polish, anything else
    /// (or no locale) English. `LC_ALL` wins over `LC_MESSAGES`, which wins over
    /// `LANG`, as in gettext.
    pub fn from_locale(get: impl Fn(&str) -> Option<String>) -> Lang {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| get(k))
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        if locale.to_lowercase().starts_with("pl") {
            Lang::Pl
        } else {
            Lang::En
        }
    }
}

/// A language given by hand: its code or its English name, in any case.
impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "pl" | "pol" | "polish" => Ok(Lang::Pl),
            "en" | "eng" | "english" => Ok(Lang::En),
            other => Err(format!("unknown language {other:?} (expected pl or en)")),
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsing_names_errs_on_unknown_languages() {
        assert_eq!("pl".parse::<Lang>(), Ok(Lang::Pl));
        assert_eq!(" English ".parse::<Lang>(), Ok(Lang::En));
        assert_eq!(
            "de".parse::<Lang>(),
            Err("unknown language \"de\" (expected pl or en)".to_owned())
        );
        assert!("en-GB".parse::<Lang>().is_err());
    }

    #[test]
    fn tags_are_read_from_their_first_subtag() {
        assert_eq!(Lang::from_tag("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_tag("pl"), Some(Lang::Pl));
        assert_eq!(Lang::from_tag("english"), None);
        assert_eq!(Lang::from_tag("en.UTF-8"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn locale_picks_polish_only_for_pl() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(Lang::from_locale(env(&[("LANG", "pl_PL.UTF-8")])), Lang::Pl);
        assert_eq!(
            Lang::from_locale(env(&[("LC_ALL", "en_GB.UTF-8"), ("LANG", "pl_PL")])),
            Lang::En
        );
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
    }

    #[test]
    fn codes_round_trip_through_serde_and_display() {
        assert_eq!(Lang::En.code(), "en");
        assert_eq!(Lang::Pl.to_string(), "pl");
        assert_eq!(serde_json::to_string(&Lang::En).unwrap(), "\"en\"");
        assert_eq!(serde_json::from_str::<Lang>("\"pl\"").unwrap(), Lang::Pl);
    }
}
