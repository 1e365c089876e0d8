//! `narada-bench`: performance benchmarks that print figures and never fail on time.
//! A binary of its own, so that none of this is compiled into `narada` or its library.

mod board;
mod cluster;
mod cluster_sets;
mod export;
mod import;
mod measure;
mod merge;
mod room;
mod sklearn;
mod tui;

use clap::{Parser, Subcommand};
use narada::error::Result;
use std::process::ExitCode;

/// One benchmark: a clap `Args` struct (its doc comment is the subcommand's help) that
/// runs and returns the figures to print.
trait Bench {
    fn run(self) -> Result<String>;
}

/// Declares the subcommands, one `Name(Args)` line per benchmark, and runs the chosen one.
macro_rules! benches {
    ($($name:ident($args:ty)),* $(,)?) => {
        #[derive(Debug, Subcommand)]
        enum Cmd {
            $($name($args),)*
        }

        impl Cmd {
            fn run(self) -> Result<String> {
                match self {
                    $(Cmd::$name(args) => Bench::run(args),)*
                }
            }
        }
    };
}

benches! {
    Import(import::Args),
    Cluster(cluster::Args),
    Score(cluster::ScoreArgs),
    Export(export::Args),
    Merge(merge::Args),
    Tui(tui::Args),
    Board(board::Args),
    Room(room::Args),
}

#[derive(Debug, Parser)]
#[command(
    name = "narada-bench",
    version,
    about = "narada's benchmarks: figures (seconds, peak RSS, quality), never pass/fail."
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

fn main() -> ExitCode {
    match Cli::parse().command.run() {
        Ok(report) => {
            println!("{report}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("narada-bench: {e}");
            ExitCode::FAILURE
        }
    }
}
