//! Arguments of the working-group and maintenance commands: clustering, topics,
//! decisions, the outline and bundles.

use super::OutputFormat;
use super::args_capture::{parse_lang, parse_outcome};
use crate::model::SectionLevel;
use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

/// How many of a proposed topic's cards `narada cluster` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ShownCards {
    Representative,
    All,
}

#[derive(Debug, Args)]
// Independent on/off command-line flags, not a state machine.
#[allow(clippy::struct_excessive_bools)]
pub struct ClusterArgs {
    /// Only this session's cards (default: the whole consultation).
    #[arg(long, short)]
    pub session: Option<String>,
    /// Number of topics, 1 or more (default: chosen automatically).
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
    pub k: Option<u32>,
    /// Language of the texts (default: the consultation's, else detected). The
    /// interface's language is the global --lang.
    #[arg(long, value_name = "pl|en", value_parser = parse_lang)]
    pub text_lang: Option<crate::model::Lang>,
    /// Seed one topic per chapter of the default resolution outline.
    #[arg(long)]
    pub outline_seeds: bool,
    /// Known topics from a JSON file: `[{"name": "…", "keywords": ["…"]}]`.
    #[arg(long, value_name = "FILE")]
    pub seeds: Option<PathBuf>,
    /// Print the proposed topics and exactly what accepting would change, without
    /// storing anything.
    #[arg(long, visible_alias = "preview")]
    pub dry_run: bool,
    /// Cards listed under each proposed topic: its 3 most representative, or all.
    #[arg(long, value_enum, default_value_t = ShownCards::Representative)]
    pub cards: ShownCards,
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
    #[arg(long, default_value_t = 0)]
    pub threads: usize,
    /// Use only word vectors learned from these texts, not the shipped Polish ones.
    #[arg(long)]
    pub no_shipped_vectors: bool,
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
    /// Add a unit: a chapter (no --parent/--after), or under --parent the next level
    /// down (§ → ust. → pkt → lit. → tiret), or right after --after at its level.
    /// Units are numbered automatically: "ust. 1" or "1)" typed in front is left out.
    Add {
        /// The heading of a chapter or §; the text of a ust., pkt, lit. or tiret.
        text: String,
        /// Add a unit one level down inside this one (`§ 16`, `§ 16 ust. 2`).
        #[arg(long, conflicts_with = "after")]
        parent: Option<String>,
        /// Add a sibling right after this unit (`§ 5 ust. 2`).
        #[arg(long)]
        after: Option<String>,
        /// The level, when not the next one down: `pkt` goes straight into a § too.
        #[arg(long, value_parser = parse_level)]
        level: Option<SectionLevel>,
    },
    /// Rename a chapter or § (a unit below the § may have an empty heading).
    Rename { section: String, heading: String },
    /// Set the text of a provision (`§ 5`, `§ 5 ust. 2 pkt 1`); several lines allowed.
    Draft { section: String, text: String },
    /// Move a unit up or down among its siblings, or with --to to the end of another
    /// unit that may hold it; its units move with it and everything is renumbered.
    Move {
        section: String,
        #[arg(value_enum, required_unless_present = "to")]
        direction: Option<Direction>,
        #[arg(long, conflicts_with = "direction")]
        to: Option<String>,
    },
    /// Delete a unit with all units below it. Refused when it or a unit below has
    /// mapped topics or cards or drafted text, unless --force.
    Delete {
        section: String,
        #[arg(long)]
        force: bool,
    },
    /// Sections without adopted recommendations, and adopted cards not mapped anywhere.
    Coverage {
        #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
        format: OutputFormat,
    },
}

fn parse_level(s: &str) -> Result<SectionLevel, String> {
    SectionLevel::parse(s).ok_or_else(|| {
        format!("unknown level {s:?}: chapter, paragraph (§), ust, pkt, lit or tiret")
    })
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
        on_conflict: Option<crate::model::ConflictPolicy>,
    },
}
