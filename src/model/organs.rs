//! The choices among the settings: the municipality's executive organ (which also
//! decides the proposed council and the forms the draft uses) and the layout of a §.

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// The executive organ of the municipality, to whom the resolution's execution is
/// entrusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Executive {
    /// Prezydent Miasta: cities with county rights and other large towns.
    President,
    /// Burmistrz: other towns.
    Mayor,
    /// Wójt: rural municipalities.
    Wojt,
}

impl Executive {
    pub const ALL: [Executive; 3] = [Executive::President, Executive::Mayor, Executive::Wojt];

    pub fn code(self) -> &'static str {
        match self {
            Executive::President => "prezydent",
            Executive::Mayor => "burmistrz",
            Executive::Wojt => "wojt",
        }
    }

    /// The organ's Polish name: Prezydent Miasta, Burmistrz, Wójt.
    pub fn name_pl(self) -> &'static str {
        match self {
            Executive::President => "Prezydent Miasta",
            Executive::Mayor => "Burmistrz",
            Executive::Wojt => "Wójt",
        }
    }

    /// The council of a municipality with this organ, in the nominative, from the
    /// city's genitive and locative.
    pub(super) fn council(self, city_genitive: &str, city_locative: &str) -> String {
        match self {
            Executive::President => format!("Rada Miasta {city_genitive}"),
            Executive::Mayor => format!("Rada Miejska w {city_locative}"),
            Executive::Wojt => format!("Rada Gminy {city_genitive}"),
        }
    }

    /// "Prezydentowi Miasta Częstochowy": to whom the execution is entrusted.
    pub(super) fn dative(self, city_genitive: &str) -> String {
        match self {
            Executive::President => format!("Prezydentowi Miasta {city_genitive}"),
            Executive::Mayor => format!("Burmistrzowi Miasta {city_genitive}"),
            Executive::Wojt => format!("Wójtowi Gminy {city_genitive}"),
        }
    }

    /// The municipality in the title, in the genitive: "Miasta Częstochowy".
    pub(super) fn municipality(self, city_genitive: &str) -> String {
        match self {
            Executive::President | Executive::Mayor => format!("Miasta {city_genitive}"),
            Executive::Wojt => format!("Gminy {city_genitive}"),
        }
    }
}

impl fmt::Display for Executive {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Executive {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match crate::cluster::fold(s.trim()).as_str() {
            "prezydent" | "prezydent miasta" | "president" => Ok(Executive::President),
            "burmistrz" | "mayor" => Ok(Executive::Mayor),
            "wojt" => Ok(Executive::Wojt),
            _ => Err(format!(
                "executive {s:?} is not known (expected prezydent, burmistrz or wojt)"
            )),
        }
    }
}

/// How a § is laid out: its sign centred on a line of its own, the drafting
/// convention of most councils, or inline before the provision's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphStyle {
    Centred,
    Inline,
}

impl ParagraphStyle {
    pub const ALL: [ParagraphStyle; 2] = [ParagraphStyle::Centred, ParagraphStyle::Inline];

    pub fn code(self) -> &'static str {
        match self {
            ParagraphStyle::Centred => "centred",
            ParagraphStyle::Inline => "inline",
        }
    }
}

impl FromStr for ParagraphStyle {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match crate::cluster::fold(s.trim()).as_str() {
            "centred" | "centered" | "center" | "centre" | "srodek" => Ok(ParagraphStyle::Centred),
            "inline" | "w linii" | "w-linii" => Ok(ParagraphStyle::Inline),
            _ => Err(format!(
                "paragraph style {s:?} is not known (expected centred or inline)"
            )),
        }
    }
}
