//! Command-line interface: clap definitions here, implementations in the sibling files.

mod cards;
mod output;
mod run;
mod sessions;

pub use run::run;

use crate::import::Format as ImportFormat;
use crate::model::{CardKind, SessionKind};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "narada",
    version,
    about = "Capture, group and decide on workshop cards — offline, from the keyboard.\n\
             Zbieranie, grupowanie i rozstrzyganie kart z warsztatów — offline, z klawiatury.",
    after_help = "Without a command, narada opens its terminal interface on your database."
)]
pub struct Cli {
    /// Database file to use (default: narada.db in the data directory; env NARADA_DB).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Name or pseudonym recorded as "entered by" on what you add (env NARADA_USER).
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub actor: Option<String>,
    /// Language of the interface: pl or en (default: config.toml, else the locale).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<crate::tui::i18n::Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the data, config and database paths in use.
    Paths,
    /// Create a fresh demo database from the bundled sample data and open it.
    Demo {
        /// Only load the demo database; do not open the interface.
        #[arg(long)]
        no_tui: bool,
    },
    /// Show or change the consultation this database holds.
    #[command(subcommand)]
    Consultation(ConsultationCmd),
    /// Add and list sessions (trainings, working groups, advisory meetings).
    #[command(subcommand)]
    Session(SessionCmd),
    /// Add activities (exercises, groups, questions) to a session.
    #[command(subcommand)]
    Activity(ActivityCmd),
    /// Add, list, show, edit, vote on and delete cards.
    #[command(subcommand)]
    Card(CardCmd),
    /// Full-text search over cards; Polish letters are folded (lodz finds Łódź).
    Search {
        query: String,
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Import cards from CSV, JSON or JSON Lines (all or nothing; re-import updates).
    Import(ImportArgs),
    /// Export cards with their session, topic and decision as CSV or JSON.
    Export(ExportArgs),
    /// Measure performance and print figures.
    #[command(subcommand)]
    Bench(BenchCmd),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum ConsultationCmd {
    /// Show the consultation.
    Show {
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Change its title, city, year or content language.
    Set {
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        city: Option<String>,
        #[arg(long)]
        year: Option<i64>,
        /// Language of the cards: pl or en.
        #[arg(long)]
        lang: Option<String>,
    },
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
}

#[derive(Debug, Args)]
pub struct CardAddArgs {
    pub text: String,
    /// Session title or id (default: the session used last, else the newest).
    #[arg(long, short)]
    pub session: Option<String>,
    #[arg(long, short, default_value = "other", value_parser = parse_card_kind)]
    pub kind: CardKind,
    #[arg(long, short)]
    pub activity: Option<String>,
    /// Speaker's role or pseudonym (not a real name).
    #[arg(long)]
    pub speaker: Option<String>,
    /// A tag; repeat for several.
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
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
}

#[derive(Debug, Subcommand)]
pub enum BenchCmd {
    /// Drive the interface on a 100k-card database (off screen); print latencies and RSS.
    Tui {
        #[arg(long, default_value = "../shared/data/synthetic-100k.jsonl")]
        input: PathBuf,
    },
    /// Used by `bench tui`: measure the interface off screen on an existing --db.
    #[command(hide = true)]
    TuiRun,
    /// Import a JSON Lines file into a fresh file database; print seconds and peak RSS.
    Import {
        #[arg(long, default_value = "../shared/data/synthetic-100k.jsonl")]
        input: PathBuf,
    },
}

fn parse_card_kind(s: &str) -> Result<CardKind, String> {
    s.parse()
}

fn parse_session_kind(s: &str) -> Result<SessionKind, String> {
    s.parse()
}
