//! What exports are made of, as storage reads it: the view of the whole consultation
//! that documents render, and the flat card rows of the CSV/JSON table. Plain data, so
//! that storage fills it and export renders it without either depending on the other.

use super::organs::{Executive, ParagraphStyle};
use super::outline::SectionLevel;
use super::settings::{ConsultationSettings, ResolvedSettings};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportView {
    pub consultation: ConsultationView,
    /// ISO date the document was produced (given by the caller, so output is reproducible).
    pub generated_on: String,
    /// Set for a per-session export or report: only that session's cards are included.
    pub session_scope: Option<String>,
    /// The outline as a tree in document order (children in order too).
    pub sections: Vec<SectionView>,
    pub sessions: Vec<SessionView>,
    pub topics: Vec<TopicView>,
    /// Every card in scope, in entry order: live ones, and those deleted, merged or
    /// split (see [`CardView::gone`]), so that each card's fate can be told.
    pub cards: Vec<CardView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConsultationView {
    pub title: String,
    pub city: String,
    pub year: Option<i64>,
    /// `pl` or `en`: the language of the document's fixed wording.
    pub language: String,
    /// The consultation's settings as the fixed wording uses them.
    pub settings: DocumentSettings,
}

/// The settings, resolved (set, proposed or default), in the forms the documents need.
/// Templates see them as `settings`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentSettings {
    pub city_genitive: String,
    pub council: String,
    /// "Rady Miasta Częstochowy", as in "Uchwała Nr … Rady Miasta Częstochowy".
    pub council_genitive: String,
    /// `prezydent`, `burmistrz` or `wojt`.
    pub executive: String,
    /// "Prezydentowi Miasta Częstochowy", to whom the execution is entrusted.
    pub executive_dative: String,
    /// "Miasta Częstochowy" (or "Gminy …") at the end of the title.
    pub municipality: String,
    pub resolution_number: String,
    pub resolution_date: String,
    /// The Dz. U. reference cited in the legal basis.
    pub journal: String,
    /// "Śląskiego", as in "Dzienniku Urzędowym Województwa Śląskiego".
    pub voivodeship_genitive: String,
    /// Whether § stands centred on a line of its own or inline before its text.
    pub paragraph_style: ParagraphStyle,
    /// English: "City Council of Częstochowa".
    pub council_en: String,
    /// English: "Mayor of the City of Częstochowa".
    pub executive_en: String,
    /// English: "the City of Częstochowa".
    pub municipality_en: String,
    /// English: "Silesian".
    pub voivodeship_en: String,
}

impl DocumentSettings {
    pub fn new(r: &ResolvedSettings, city: &str) -> DocumentSettings {
        let city = if city.trim().is_empty() {
            super::settings::PLACEHOLDER
        } else {
            city.trim()
        };
        let exec = r.executive_kind();
        let council_en = if r.council.value.starts_with("Rada Gminy") {
            format!("Commune Council of {city}")
        } else {
            format!("City Council of {city}")
        };
        let (executive_en, municipality_en) = match exec {
            Executive::President => (
                format!("Mayor of the City of {city}"),
                format!("the City of {city}"),
            ),
            Executive::Mayor => (format!("Mayor of {city}"), format!("the City of {city}")),
            Executive::Wojt => (
                format!("Head of the Commune of {city}"),
                format!("the Commune of {city}"),
            ),
        };
        DocumentSettings {
            city_genitive: r.city_genitive.value.clone(),
            council: r.council.value.clone(),
            council_genitive: r.council_genitive.value.clone(),
            executive: exec.code().to_owned(),
            executive_dative: r.executive_dative.value.clone(),
            municipality: r.municipality.value.clone(),
            resolution_number: r.resolution_number.value.clone(),
            resolution_date: r.resolution_date.value.clone(),
            journal: r.journal.value.clone(),
            voivodeship_genitive: r.voivodeship_genitive(),
            paragraph_style: r
                .paragraph_style
                .value
                .parse()
                .unwrap_or(ParagraphStyle::Centred),
            council_en,
            executive_en,
            municipality_en,
            voivodeship_en: r.voivodeship_english().to_owned(),
        }
    }

    /// What a consultation in `city` with no setting changed gets.
    pub fn for_city(city: &str) -> DocumentSettings {
        DocumentSettings::new(&ConsultationSettings::default().resolve(city), city)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionView {
    pub id: String,
    pub level: SectionLevel,
    pub heading: String,
    /// The secretary's drafted wording; empty when not drafted yet.
    pub draft_text: String,
    /// Topics mapped to this section.
    pub topic_ids: Vec<String>,
    /// Cards mapped here directly or through a topic, whose decision is adopted or
    /// adopted in part: the provision's sources, in entry order.
    pub source_card_ids: Vec<String>,
    pub children: Vec<SectionView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionView {
    pub id: String,
    pub title: String,
    /// `training`, `working_group`, `advisory` or `other`.
    pub kind: String,
    pub date: Option<String>,
    pub place: String,
    pub participants: Option<i64>,
    /// The session's activities (questions, exercises, small groups), in order.
    pub activities: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopicView {
    pub id: String,
    pub label: String,
    pub decision: Option<DecisionView>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardView {
    pub id: String,
    /// Short reference printed in documents: the imported id, else `#` and the number.
    pub reference: String,
    pub text: String,
    /// `recommendation`, `expectation`, `proposal`, `concern`, `question` or `other`.
    pub kind: String,
    pub session_id: String,
    pub topic_id: Option<String>,
    pub votes: i64,
    /// The card's own latest decision, else its topic's.
    pub decision: Option<DecisionView>,
    /// Set when the card is no longer a live input: deleted, merged or split.
    pub gone: Option<Gone>,
}

/// Why a card left the live inputs; references are the printed ones (`#34`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "how", rename_all = "snake_case")]
pub enum Gone {
    Deleted { reason: Option<String> },
    MergedInto { into: String },
    SplitInto { into: Vec<String> },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DecisionView {
    /// `adopted`, `adopted_in_part`, `rejected` or `postponed`.
    pub outcome: String,
    pub rationale: String,
    pub votes_for: Option<i64>,
    pub votes_against: Option<i64>,
    pub votes_abstain: Option<i64>,
    pub decided_on: Option<String>,
}

impl DecisionView {
    pub fn is_adopted(&self) -> bool {
        matches!(self.outcome.as_str(), "adopted" | "adopted_in_part")
    }
}

/// One card of the CSV/JSON card table, with its session, topic and latest decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportRow {
    pub id: String,
    pub number: i64,
    pub external_id: Option<String>,
    pub session: String,
    pub session_kind: Option<String>,
    pub session_date: Option<String>,
    pub activity: Option<String>,
    pub kind: String,
    pub text: String,
    pub speaker: Option<String>,
    pub tags: Vec<String>,
    pub votes: i64,
    pub topic: Option<String>,
    pub decision: Option<String>,
    pub rationale: Option<String>,
    /// Citations of the outline sections the card is a source of ("§ 15").
    pub sections: Vec<String>,
    /// What became of the card, as `model::fate` decides it: `used`, `adopted_unused`,
    /// `answered`, `rejected`, `postponed` or `undecided` (the table lists live cards).
    pub fate: String,
    pub created_at: String,
    pub updated_at: String,
    /// Only filled when the user asks for it (privacy: who typed a card).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entered_by: Option<String>,
}
