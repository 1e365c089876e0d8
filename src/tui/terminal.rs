//! Terminal setup and restore on every way out: normal quit and `?` errors (the guard's
//! `Drop`), panics (ratatui's hook restores before the message is printed), Ctrl-C
//! (a key in raw mode, bound to quit) and SIGTERM/SIGHUP/SIGINT (flags the loop polls).

use crate::error::{Error, Result};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

fn io(e: std::io::Error) -> Error {
    Error::io(Path::new("<terminal>"), e)
}

/// Owns the terminal while the app runs; dropping it restores the terminal.
pub struct Guard {
    pub terminal: DefaultTerminal,
    stop: Arc<AtomicBool>,
}

impl Guard {
    /// Raw mode, alternate screen, mouse wheel, panic hook, signal flags.
    pub fn init() -> Result<Guard> {
        let stop = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        for sig in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
        ] {
            signal_hook::flag::register(sig, Arc::clone(&stop)).map_err(io)?;
        }
        #[cfg(unix)]
        spawn_watchdog(Arc::clone(&stop));
        let terminal = ratatui::try_init().map_err(io)?;
        let guard = Guard { terminal, stop };
        execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste).map_err(io)?;
        Ok(guard)
    }

    /// Whether a signal asked the app to stop.
    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

/// crossterm keeps reading a hung-up terminal in a busy loop and never returns to the
/// app's loop (seen after `tmux kill-server`: 100 % CPU for ever). Once a stop signal has
/// come, the loop gets a grace period to finish; then the process ends. Nothing is lost:
/// every saved card was committed in its own transaction, and `SQLite` ignores a write that
/// was under way.
#[cfg(unix)]
fn spawn_watchdog(stop: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        while !stop.load(Ordering::Relaxed) {
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        std::thread::sleep(std::time::Duration::from_secs(2));
        let _ = ratatui::try_restore();
        std::process::exit(129);
    });
}

impl Drop for Guard {
    fn drop(&mut self) {
        // During a panic the hook has restored already; doing it again after the
        // message would scroll the message away.
        if std::thread::panicking() {
            return;
        }
        let _ = execute!(
            std::io::stdout(),
            DisableMouseCapture,
            DisableBracketedPaste
        );
        if let Err(e) = ratatui::try_restore() {
            eprintln!("narada: could not restore the terminal: {e}");
        }
    }
}
