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
/// come — or the controlling terminal has gone without one (SIGHUP ignored, a window
/// closed under a tracer) — the loop gets a grace period to finish; then the process
/// ends. Nothing is lost: every saved card was committed in its own transaction, and
/// `SQLite` ignores a write that was under way.
#[cfg(unix)]
fn spawn_watchdog(stop: Arc<AtomicBool>) {
    std::thread::spawn(move || {
        watch(
            &stop,
            terminal_present,
            std::time::Duration::from_millis(100),
        );
        std::thread::sleep(std::time::Duration::from_secs(2));
        let _ = ratatui::try_restore();
        std::process::exit(129);
    });
}

/// Whether this process still has a controlling terminal it can open.
#[cfg(unix)]
fn terminal_present() -> bool {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .is_ok()
}

/// Returns once `stop` is set, or sets it when `present` turns false after having been
/// true (a process started without a terminal of its own is not stopped for that).
/// `present` is asked every tenth `tick`.
#[cfg(unix)]
fn watch(stop: &AtomicBool, present: impl Fn() -> bool, tick: std::time::Duration) {
    let had_terminal = present();
    let mut ticks = 0u32;
    while !stop.load(Ordering::Relaxed) {
        std::thread::sleep(tick);
        ticks = ticks.wrapping_add(1);
        if had_terminal && ticks.is_multiple_of(10) && !present() {
            stop.store(true, Ordering::Relaxed);
        }
    }
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

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::time::Duration;

    #[test]
    fn a_terminal_that_goes_away_stops_the_loop() {
        let stop = AtomicBool::new(false);
        let asked = AtomicUsize::new(0);
        // Present at start and for two more checks, then gone.
        watch(
            &stop,
            || asked.fetch_add(1, Ordering::Relaxed) < 3,
            Duration::from_millis(1),
        );
        assert!(stop.load(Ordering::Relaxed));
        assert_eq!(asked.load(Ordering::Relaxed), 4);
    }

    #[test]
    fn without_a_terminal_at_start_only_a_signal_stops_it() {
        let stop = Arc::new(AtomicBool::new(false));
        let asked = Arc::new(AtomicUsize::new(0));
        let (s, a) = (Arc::clone(&stop), Arc::clone(&asked));
        let watcher = std::thread::spawn(move || {
            watch(
                &s,
                || {
                    a.fetch_add(1, Ordering::Relaxed);
                    false
                },
                Duration::from_millis(1),
            );
        });
        std::thread::sleep(Duration::from_millis(50));
        assert!(!stop.load(Ordering::Relaxed));
        stop.store(true, Ordering::Relaxed);
        watcher.join().unwrap();
        assert_eq!(asked.load(Ordering::Relaxed), 1, "asked once, at start");
    }
}
