//! Command-line interface: clap definitions here, implementations in the sibling files.

mod args_capture;
mod args_groups;
mod cards;
pub(crate) mod cluster;
mod cluster_plan;
mod consultation;
mod decisions;
pub(crate) mod export;
mod outline;
mod output;
mod reliability;
mod room;
mod run;
mod sessions;
mod topics;
mod vectors;

pub use args_capture::*;
pub use args_groups::*;
pub use run::run;
pub use vectors::VectorsCmd;

use clap::{Parser, Subcommand, ValueEnum};
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
    /// Database file to use (default: narada.db in the data directory; env `NARADA_DB`).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Name or pseudonym recorded as "entered by" on what you add (env `NARADA_USER`).
    #[arg(long = "as", global = true, value_name = "NAME")]
    pub actor: Option<String>,
    /// Language of the interface: pl or en (default: config.toml, else the locale).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<crate::model::Lang>,
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
    /// Group cards into topics (stored as a run; hand placements are kept), or cluster a
    /// JSON Lines file with --input (no database).
    Cluster(ClusterArgs),
    /// List, rename, merge, split topics and move cards between them.
    #[command(subcommand)]
    Topic(TopicCmd),
    /// Record a working-group decision on a card or a topic.
    Decide(DecideArgs),
    /// The decision log.
    #[command(subcommand)]
    Decision(DecisionCmd),
    /// The resolution outline: sections, mapping of topics and cards, coverage.
    #[command(subcommand)]
    Outline(OutlineCmd),
    /// Import cards from CSV, JSON or JSON Lines (all or nothing; re-import updates).
    Import(ImportArgs),

    /// Export the draft resolution outline (md, html, docx, odt), a session report, the
    /// consultation report with charts, or the card table (csv, json).
    Export(ExportArgs),
    /// Merge other trainers' databases into this one (by stable id; idempotent).
    Merge {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// How to resolve cards changed in both databases (default: stop and list them).
        #[arg(long, value_enum)]
        on_conflict: Option<crate::model::ConflictPolicy>,
    },
    /// One file to e-mail or carry on a USB stick: export this database, or check and
    /// merge one received.
    #[command(subcommand)]
    Bundle(BundleCmd),
    /// Write a consistent copy of the database (default: into backups/ beside it).
    Backup {
        #[arg(long)]
        to: Option<PathBuf>,
    },
    /// Replace the database's content with a backup (the current content is backed up first).
    Restore { file: PathBuf },
    /// Open the participants' room: phones on the local network send cards and dot
    /// votes into a session through this laptop.
    Serve(room::ServeArgs),
    /// The room's queue from the command line: cards sent from phones.
    #[command(subcommand)]
    Room(room::RoomCmd),
    /// Replace every speaker value with a stable pseudonym (Osoba 1, Osoba 2, …).
    Anonymise {
        /// Show the replacements without writing them.
        #[arg(long)]
        dry_run: bool,
        /// What to do with the automatic backups, which still hold the old values:
        /// keep them (and say so), anonymise them alike, or delete them.
        #[arg(long, value_enum, default_value = "keep")]
        backups: BackupsAfterAnonymise,
    },
    /// Build the word vectors the clustering engine ships with (from a corpus directory).
    #[command(subcommand)]
    Vectors(VectorsCmd),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BackupsAfterAnonymise {
    Keep,
    Anonymise,
    Purge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Table,
    Json,
}
