//! Arguments of the capture commands: consultation, sessions, activities, cards, import
//! and export.

use super::OutputFormat;
use crate::import::Format as ImportFormat;
pub use crate::jobs::{ExportFormat, ReportKind};
use crate::model::{CardKind, SessionKind};
use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum ConsultationCmd {
    /// Show the consultation and its settings (proposed and default values marked).
    Show {
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Change its title, city, year, text language or the settings that fill the
    /// draft resolution's fixed wording. An empty value ("") of a setting restores
    /// its proposal or default.
    Set(Box<ConsultationSetArgs>),
}

#[derive(Debug, Args)]
pub struct ConsultationSetArgs {
    /// The consultation's name, shown in the interface and the documents' subtitle.
    #[arg(long)]
    pub title: Option<String>,
    /// The city in the nominative: Częstochowa.
    #[arg(long)]
    pub city: Option<String>,
    /// Year of the budget's edition.
    #[arg(long)]
    pub year: Option<i64>,
    /// Language of the cards and of the documents: pl or en.
    #[arg(long, value_name = "pl|en", value_parser = parse_lang)]
    pub text_lang: Option<crate::model::Lang>,
    /// The city in the genitive (proposed from --city): Częstochowy.
    #[arg(long, value_name = "TEXT")]
    pub city_genitive: Option<String>,
    /// The executive organ: prezydent, burmistrz or wojt (default prezydent).
    #[arg(long, value_name = "ORGAN")]
    pub executive: Option<String>,
    /// The council's name (proposed: Rada Miasta … / Rada Miejska w … / Rada Gminy …).
    #[arg(long, value_name = "TEXT")]
    pub council: Option<String>,
    /// The council's name in the genitive, as in "Uchwała Nr … Rady Miasta Częstochowy".
    #[arg(long, value_name = "TEXT")]
    pub council_genitive: Option<String>,
    /// The executive in the dative, as in "powierza się Prezydentowi Miasta Częstochowy".
    #[arg(long, value_name = "TEXT")]
    pub executive_dative: Option<String>,
    /// The resolution's number (default …/…/…).
    #[arg(long, value_name = "TEXT")]
    pub resolution_number: Option<String>,
    /// The resolution's date as written in it (default …): "10 kwietnia 2027 r.".
    #[arg(long, value_name = "TEXT")]
    pub resolution_date: Option<String>,
    /// The Dz. U. reference of the act on municipal self-government cited in the legal
    /// basis, e.g. "Dz. U. z 2025 r. poz. 1153" (check the current consolidated text).
    #[arg(long, value_name = "TEXT")]
    pub journal: Option<String>,
    /// The voivodeship whose official journal publishes the resolution: śląskie.
    #[arg(long, value_name = "NAME")]
    pub voivodeship: Option<String>,
    /// How a § is laid out in documents: centred (on its own line) or inline.
    #[arg(long, value_name = "centred|inline")]
    pub paragraph_style: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum SessionCmd {
    /// Add a session.
    Add(SessionAddArgs),
    /// List sessions with their card and vote totals.
    List {
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Show one session with its activities.
    Show {
        /// Title, id, or a unique prefix of either.
        session: String,
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
}

#[derive(Debug, Args)]
pub struct SessionAddArgs {
    pub title: String,
    #[arg(long, default_value = "training", value_parser = parse_session_kind)]
    pub kind: SessionKind,
    /// Date as YYYY-MM-DD.
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long, default_value = "")]
    pub place: String,
    /// Facilitator's pseudonym or role.
    #[arg(long, default_value = "")]
    pub facilitator: String,
    /// Number of participants (a count, never names).
    #[arg(long)]
    pub participants: Option<i64>,
    /// An activity of the session; repeat for several.
    #[arg(long = "activity")]
    pub activities: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum ActivityCmd {
    /// Add an activity to a session.
    Add {
        #[arg(long)]
        session: String,
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum CardCmd {
    /// Add a card.
    Add(CardAddArgs),
    /// List cards (of one session, kind or tag).
    List(CardListArgs),
    /// Show a card with its history.
    Show {
        /// `#12`, an imported id, or a full or unique prefix of a card's uuid.
        card: String,
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Change fields of a card (the old values stay in its history).
    Edit(CardEditArgs),
    /// Add (or with a negative number remove) dot votes.
    Vote {
        card: String,
        #[arg(default_value_t = 1, allow_hyphen_values = true)]
        delta: i64,
    },
    /// Soft-delete a card: it is hidden but kept, with its history.
    Delete {
        card: String,
        /// Why it was deleted (kept in the history).
        #[arg(long)]
        why: Option<String>,
    },
    /// Bring back a deleted card.
    Restore { card: String },
    /// Merge near-duplicate cards into one new card; the originals stay, marked.
    Merge {
        #[arg(required = true, num_args = 2..)]
        cards: Vec<String>,
        /// Text of the merged card (default: the first card's text).
        #[arg(long)]
        text: Option<String>,
        /// How the dot votes combine.
        #[arg(long, value_enum, default_value_t = crate::model::VotePolicy::Sum)]
        votes: crate::model::VotePolicy,
        #[arg(long)]
        why: Option<String>,
    },
    /// Split a card holding several ideas into one card per --part.
    Split {
        card: String,
        #[arg(long = "part", required = true, num_args = 1)]
        parts: Vec<String>,
        /// Votes that go to the first part; the rest go to the second (default: all to
        /// the first). The total stays the card's.
        #[arg(long)]
        first_votes: Option<i64>,
        #[arg(long)]
        why: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct CardAddArgs {
    /// The card as typed on the interface's capture line: `q: Kto liczy głosy? #teren
    /// @mieszkanka` sets the kind, tags and role (see --raw).
    pub text: String,
    /// Store TEXT exactly as given: no kind prefix, #tags or @role taken out of it.
    #[arg(long)]
    pub raw: bool,
    /// Session title or id (default: the session used last, else the newest).
    #[arg(long, short)]
    pub session: Option<String>,
    /// Kind (wins over a prefix in TEXT; default: the prefix, else other).
    #[arg(long, short, value_parser = parse_card_kind)]
    pub kind: Option<CardKind>,
    #[arg(long, short)]
    pub activity: Option<String>,
    /// Speaker's role or pseudonym, not a real name (wins over an @role in TEXT, which
    /// then stays in the text).
    #[arg(long)]
    pub speaker: Option<String>,
    /// A tag; repeat for several (added to the #tags in TEXT).
    #[arg(long = "tag", short)]
    pub tags: Vec<String>,
    #[arg(long, default_value_t = 0)]
    pub votes: i64,
    /// An external id to keep with the card.
    #[arg(long)]
    pub id: Option<String>,
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
}

#[derive(Debug, Args)]
pub struct CardListArgs {
    #[arg(long, short)]
    pub session: Option<String>,
    #[arg(long, short, value_parser = parse_card_kind)]
    pub kind: Option<CardKind>,
    #[arg(long, short)]
    pub tag: Option<String>,
    /// Include deleted cards.
    #[arg(long, conflicts_with = "deleted")]
    pub all: bool,
    /// Only deleted cards.
    #[arg(long)]
    pub deleted: bool,
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
}

#[derive(Debug, Args)]
pub struct CardEditArgs {
    pub card: String,
    #[arg(long)]
    pub text: Option<String>,
    #[arg(long, short, value_parser = parse_card_kind)]
    pub kind: Option<CardKind>,
    #[arg(long, conflicts_with = "no_speaker")]
    pub speaker: Option<String>,
    /// Remove the speaker role.
    #[arg(long)]
    pub no_speaker: bool,
    #[arg(long, conflicts_with = "no_activity")]
    pub activity: Option<String>,
    #[arg(long)]
    pub no_activity: bool,
    /// Replace the tags: `a;b;c` (empty to remove all).
    #[arg(long)]
    pub tags: Option<String>,
    #[arg(long)]
    pub votes: Option<i64>,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    pub file: PathBuf,
    /// csv, json or jsonl (default: from the extension, else the content).
    #[arg(long, value_enum)]
    pub format: Option<ImportFormat>,
    /// Session for rows that name none (created if needed).
    #[arg(long)]
    pub session: Option<String>,
    /// Kind of the sessions this import creates.
    #[arg(long, default_value = "other", value_parser = parse_session_kind)]
    pub session_kind: SessionKind,
    /// Check the file and report, without writing anything.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Only this session's cards.
    #[arg(long)]
    pub session: Option<String>,
    /// Output file (default: standard output).
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Overwrite an existing output file.
    #[arg(long)]
    pub force: bool,
    /// Include who typed each card (left out by default).
    #[arg(long)]
    pub with_entered_by: bool,
    /// CSV: write cells starting with = + - @ as they are (by default they get a
    /// leading ' so a spreadsheet shows them as text instead of running them).
    #[arg(long)]
    pub raw_cells: bool,
    /// Write a report instead of the outline: `session` (with --session; md or html) or
    /// `consultation` (the whole consultation; md, html, docx or odt).
    #[arg(long, value_enum)]
    pub report: Option<ReportKind>,
}

pub(super) fn parse_outcome(s: &str) -> Result<crate::model::DecisionOutcome, String> {
    s.parse()
}

pub(super) fn parse_lang(s: &str) -> Result<crate::model::Lang, String> {
    s.parse()
}

/// A kind as the capture line's prefix takes it (`pyt`, `obaw`, `q`, `question`).
pub(super) fn parse_card_kind(s: &str) -> Result<CardKind, String> {
    s.parse()
        .or_else(|e| crate::model::kind_from_prefix(s).ok_or(e))
}

pub(super) fn parse_session_kind(s: &str) -> Result<SessionKind, String> {
    s.parse()
}
