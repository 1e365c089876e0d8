//! The domain: pure types and rules, no IO.

mod capture;
mod card;
mod clock;
pub mod coverage;
mod decision;
mod export_view;
pub mod fate;
mod history;
mod kinds;
mod lang;
mod lineage;
mod merge;
mod numbering;
mod organs;
pub mod outline;
pub mod outline_seeds;
pub mod polish_names;
mod query;
mod session;
mod settings;
pub mod text;
mod typed_number;
mod voivodeships;

pub use capture::{
    Capture, KindKey, kind_from_prefix, kind_keys, parse_capture, parse_capture_with_speaker,
};
pub use card::{
    Card, CardDraft, CardPatch, FieldError, LIMIT_FIELD, LIMIT_TAG, LIMIT_TAGS, LIMIT_TEXT,
    LIMIT_VOTES, Problem, check_votes, clean_opt, clean_tags, clean_text,
};
pub use clock::{Zone, local_time};
pub use decision::{DecisionDraft, DecisionTarget};
pub use export_view::{
    CardView, ConsultationView, DecisionView, DocumentSettings, ExportRow, ExportView, Gone,
    SectionView, SessionView, TopicView,
};
pub use fate::{Fate, FateKind, FateTally};
pub use history::{CardEvent, describe_decision, describe_event};
pub use kinds::{CardKind, DecisionOutcome, SessionKind};
pub use lang::Lang;
pub use lineage::VotePolicy;
pub use merge::{ConflictPolicy, MergeConflict};
pub use numbering::{Numbered, Numbering, letter};
pub use organs::{Executive, ParagraphStyle};
pub use outline::{MapTarget, SectionLevel};
pub use query::CardQuery;
pub use session::{Activity, Consultation, Session, SessionDraft, UNNAMED_CONSULTATION};
pub use settings::{
    ConsultationSettings, LIMIT_SETTING, PLACEHOLDER, Resolved, ResolvedSettings, SettingKey,
    Source, council_in_genitive,
};
pub use typed_number::strip_typed_number;
pub use voivodeships::{VOIVODESHIPS, voivodeship, voivodeship_genitive};

/// Current time as RFC 3339 UTC with fixed millisecond precision, so that stored
/// timestamps sort as text in time order.
pub fn now_rfc3339() -> String {
    let now = time::OffsetDateTime::now_utc();
    let fmt = time::macros::format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:3]Z"
    );
    now.format(&fmt)
        .unwrap_or_else(|_| now.unix_timestamp().to_string())
}

/// A new time-ordered id (`UUIDv7`) as its canonical string.
pub fn new_id() -> String {
    uuid::Uuid::now_v7().to_string()
}
