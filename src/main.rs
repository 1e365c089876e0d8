//! The `narada` binary: parse arguments, run, report errors on stderr.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = narada::cli::Cli::parse();
    match narada::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("narada: {e}");
            ExitCode::FAILURE
        }
    }
}
