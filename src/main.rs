//! The `narada` binary: parse arguments, run, report errors on stderr.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    restore_sigpipe();
    let cli = narada::cli::Cli::parse();
    match narada::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("narada: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Rust ignores SIGPIPE, which makes `println!` panic when the reader of a pipe
/// (`narada card list | head`) goes away; the default action ends the process quietly,
/// as other command-line tools do.
#[allow(unsafe_code)] // the one unsafe call in narada (`unsafe_code` is denied elsewhere)
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: setting a signal disposition to its default before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
