//! Command-line interface: clap definitions here, implementations in the sibling files.

mod cards;
pub(crate) mod cluster;
mod decisions;
pub(crate) mod export;
mod outline;
mod output;
mod reliability;
mod run;
mod sessions;
mod topics;

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
    /// Export the draft resolution outline (md, html, docx, odt), a session report, or the
    /// card table (csv, json).
    Export(ExportArgs),
    /// Merge other trainers' databases into this one (by stable id; idempotent).
    Merge {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// How to resolve cards changed in both databases (default: stop and list them).
        #[arg(long, value_enum)]
        on_conflict: Option<crate::storage::merge::ConflictPolicy>,
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
    /// Replace every speaker value with a stable pseudonym (Osoba 1, Osoba 2, …).
    Anonymise {
        /// Show the replacements without writing them.
        #[arg(long)]
        dry_run: bool,
    },
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
    /// Merge near-duplicate cards into one new card; the originals stay, marked.
    Merge {
        #[arg(required = true, num_args = 2..)]
        cards: Vec<String>,
        /// Text of the merged card (default: the first card's text).
        #[arg(long)]
        text: Option<String>,
        /// How the dot votes combine.
        #[arg(long, value_enum, default_value_t = crate::storage::lineage::VotePolicy::Sum)]
        votes: crate::storage::lineage::VotePolicy,
        #[arg(long)]
        why: Option<String>,
    },
    /// Split a card holding several ideas into one card per --part.
    Split {
        card: String,
        #[arg(long = "part", required = true, num_args = 1)]
        parts: Vec<String>,
        #[arg(long)]
        why: Option<String>,
    },
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

#[derive(Debug, Args)]
pub struct ClusterArgs {
    /// Only this session's cards (default: the whole consultation).
    #[arg(long, short)]
    pub session: Option<String>,
    /// Number of topics (default: chosen automatically).
    #[arg(long)]
    pub k: Option<usize>,
    /// Language of the texts (default: the consultation's, else detected).
    #[arg(long, value_parser = parse_lang)]
    pub lang: Option<crate::cluster::Lang>,
    /// Seed one topic per chapter of the default resolution outline.
    #[arg(long)]
    pub outline_seeds: bool,
    /// Known topics from a JSON file: [{"name": "…", "keywords": ["…"]}].
    #[arg(long, value_name = "FILE")]
    pub seeds: Option<PathBuf>,
    /// Print the result without storing it.
    #[arg(long)]
    pub dry_run: bool,
    /// Cluster a JSON Lines file (objects with `id` and `text`) instead of the database.
    #[arg(long, value_name = "FILE.jsonl")]
    pub input: Option<PathBuf>,
    /// With --input: where to write one {"id", "cluster", "label"} line per input line.
    #[arg(long, short, value_name = "FILE.jsonl", requires = "input")]
    pub output: Option<PathBuf>,
    /// Overwrite --output if it exists.
    #[arg(long)]
    pub force: bool,
    /// Seed of the random choices; the same seed gives the same topics.
    #[arg(long, default_value_t = 42)]
    pub random_seed: u64,
    /// Worker threads (0: all cores); the result does not depend on it.
    #[arg(long, default_value_t = 1)]
    pub threads: usize,
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,
}

#[derive(Debug, Subcommand)]
pub enum TopicCmd {
    /// Topics with their size, votes and decision.
    List {
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// A topic with its cards.
    Show {
        topic: String,
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Make an empty topic by hand.
    Create { label: String },
    /// Give a topic a new label.
    Rename { topic: String, label: String },
    /// Move all cards of FROM into INTO and retire FROM.
    Merge { from: String, into: String },
    /// Move some cards of a topic into a new topic.
    Split {
        topic: String,
        /// Label of the new topic.
        #[arg(long)]
        label: String,
        /// Cards to move (numbers, ids); repeat or separate with commas.
        #[arg(long = "card", value_delimiter = ',', required = true)]
        cards: Vec<String>,
    },
    /// Put cards into a topic by hand (later clustering runs keep them there).
    Move {
        /// Target topic; `new:LABEL` creates it.
        #[arg(long)]
        to: String,
        /// Also pin them.
        #[arg(long)]
        pin: bool,
        #[arg(required = true, value_delimiter = ',')]
        cards: Vec<String>,
    },
    /// Pin cards where they are (or --off to unpin).
    Pin {
        #[arg(long)]
        off: bool,
        #[arg(required = true, value_delimiter = ',')]
        cards: Vec<String>,
    },
}

#[derive(Debug, Args)]
pub struct DecideArgs {
    /// The card the decision is about.
    #[arg(long, conflicts_with = "topic", required_unless_present = "topic")]
    pub card: Option<String>,
    /// The topic the decision is about.
    #[arg(long)]
    pub topic: Option<String>,
    /// adopted, adopted-in-part, rejected or postponed.
    #[arg(value_parser = parse_outcome)]
    pub outcome: crate::model::DecisionOutcome,
    /// The rationale.
    #[arg(long)]
    pub why: Option<String>,
    #[arg(long = "for")]
    pub votes_for: Option<i64>,
    #[arg(long)]
    pub against: Option<i64>,
    #[arg(long)]
    pub abstain: Option<i64>,
    /// Date of the decision (YYYY-MM-DD).
    #[arg(long)]
    pub date: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum DecisionCmd {
    /// The decision log, newest first.
    List {
        /// Only this outcome.
        #[arg(long, value_parser = parse_outcome)]
        outcome: Option<crate::model::DecisionOutcome>,
        /// Include decisions replaced by later ones.
        #[arg(long)]
        all: bool,
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
}

#[derive(Debug, Subcommand)]
pub enum OutlineCmd {
    /// The outline (the default skeleton until you change it) with what is mapped where.
    List {
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
    /// Map a topic or a card to a section (`§ 5`, `5`, `rozdział 2`, or a heading).
    Map {
        section: String,
        #[arg(long, conflicts_with = "card", required_unless_present = "card")]
        topic: Option<String>,
        #[arg(long)]
        card: Option<String>,
    },
    /// Remove a mapping.
    Unmap {
        section: String,
        #[arg(long, conflicts_with = "card", required_unless_present = "card")]
        topic: Option<String>,
        #[arg(long)]
        card: Option<String>,
    },
    /// Add a section under PARENT (a chapter when no parent is given).
    Add {
        heading: String,
        #[arg(long)]
        parent: Option<String>,
    },
    /// Rename a section.
    Rename { section: String, heading: String },
    /// Set the drafted wording of a provision.
    Draft { section: String, text: String },
    /// Move a section up or down among its siblings.
    Move {
        section: String,
        #[arg(value_enum)]
        direction: Direction,
    },
    /// Sections without adopted recommendations, and adopted cards not mapped anywhere.
    Coverage {
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Direction {
    Up,
    Down,
}

#[derive(Debug, Subcommand)]
pub enum BundleCmd {
    /// Write this database as one checked file.
    Export {
        file: PathBuf,
        #[arg(long)]
        force: bool,
    },
    /// Check a received bundle and merge it into this database.
    Import {
        file: PathBuf,
        #[arg(long, value_enum)]
        on_conflict: Option<crate::storage::merge::ConflictPolicy>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The draft resolution outline as Markdown (or a session report with --report).
    Md,
    /// The draft outline as one self-contained, printable HTML file.
    Html,
    /// The draft outline as a Word document.
    Docx,
    /// The draft outline as an OpenDocument text (LibreOffice).
    Odt,
    /// The card table: each card with session, topic, decision and where it was used.
    Csv,
    /// The card table as JSON.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportKind {
    /// For one session (--session): counts by kind, top topics, what happened to each card.
    Session,
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
    /// Write a report instead of the outline (md or html).
    #[arg(long, value_enum, requires = "session")]
    pub report: Option<ReportKind>,
}

#[derive(Debug, Subcommand)]
pub enum BenchCmd {
    /// Drive the interface on a 100k-card database (off screen); print latencies and RSS.
    Tui {
        #[arg(long, default_value = "../shared/data/synthetic-100k.jsonl")]
        input: PathBuf,
    },
    /// The topic board on a 10k-card database with 50 topics (off screen): keystroke →
    /// frame while browsing, and moving 1,000 marked cards.
    Board {
        #[arg(long, default_value = "../shared/data/synthetic-100k.jsonl")]
        input: PathBuf,
        #[arg(long, default_value_t = 10_000)]
        cards: usize,
        #[arg(long, default_value_t = 50)]
        topics: usize,
    },
    /// Used by `bench tui`: measure the interface off screen on an existing --db.
    #[command(hide = true)]
    TuiRun,
    /// Cluster the labelled sets with k given and automatic; print NMI, ARI, V-measure,
    /// largest-cluster share, chosen k, seconds and peak RSS (one process per case).
    Cluster {
        #[arg(long, default_value = "../shared/data")]
        data_dir: PathBuf,
        #[arg(long, default_value_t = 1)]
        threads: usize,
    },
    /// Merge two 50k-card databases with edits on both sides; print seconds and conflicts.
    Merge {
        #[arg(long, default_value = "../shared/data/synthetic-100k.jsonl")]
        input: PathBuf,
    },
    /// Export a 10k-card consultation (clustered, decided, mapped) to every format.
    Export {
        #[arg(long, default_value = "../shared/data/synthetic-100k.jsonl")]
        input: PathBuf,
        #[arg(long, default_value_t = 10_000)]
        cards: usize,
    },
    /// One clustering case, printed as JSON (used by `bench cluster`).
    #[command(hide = true)]
    ClusterCase {
        #[arg(long)]
        file: PathBuf,
        #[arg(long)]
        k: Option<usize>,
        #[arg(long, default_value_t = 1)]
        threads: usize,
    },
    /// Score a clustering ({"id", "cluster"} per line) against the gold labels of a set.
    Score {
        /// The labelled set (JSON Lines with `id` and `label`).
        #[arg(long)]
        gold: PathBuf,
        /// The clustering to score, e.g. the output of `narada cluster --input`.
        #[arg(long)]
        pred: PathBuf,
    },
    /// Import a JSON Lines file into a fresh file database; print seconds and peak RSS.
    Import {
        #[arg(long, default_value = "../shared/data/synthetic-100k.jsonl")]
        input: PathBuf,
    },
}

fn parse_outcome(s: &str) -> Result<crate::model::DecisionOutcome, String> {
    s.parse()
}

fn parse_lang(s: &str) -> Result<crate::cluster::Lang, String> {
    s.parse()
}

fn parse_card_kind(s: &str) -> Result<CardKind, String> {
    s.parse()
}

fn parse_session_kind(s: &str) -> Result<SessionKind, String> {
    s.parse()
}
