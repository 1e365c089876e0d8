//! The full-screen terminal interface; the only module that uses ratatui/crossterm.
//!
//! Input → `Action` (through the keymap) → `App::update`, which hands it to one room →
//! the room's `Effect`s → `Runner` against the store → `Msg`s → `App::receive` → more
//! effects; drawing reads `&App` only. Each feature is a room (`sessions`, `cards`,
//! `board`, `decisions`, `outline`, `merge`, `export`) owning its state, keys, drawing,
//! effects and undo; rooms see a narrow `Ctx`, never the app or each other.

pub mod action;
pub mod app;
pub mod board;
pub mod cards;
pub mod config;
pub mod ctx;
pub mod decisions;
pub mod effect;
pub mod event;
pub mod export;
pub mod hints;
pub mod i18n;
pub mod keymap;
pub mod keymap_defaults;
pub mod merge;
pub mod msg;
pub mod outline;
pub mod participants;
pub mod reader;
pub mod sessions;
pub mod settings;
pub mod terminal;
pub mod theme;
pub mod timer;
pub mod view;
pub mod widgets;

use crate::error::{Error, Result};
use crate::model::Lang;
use crate::storage::Store;
use action::Action;
use app::{App, AppOptions};
use effect::{Effect, Runner};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How `narada` starts the interface.
#[derive(Debug, Clone, Default)]
pub struct TuiOptions {
    /// `--lang`; else the config file; else the locale.
    pub lang: Option<Lang>,
    /// Where `config.toml` is looked for.
    pub config_dir: Option<PathBuf>,
    /// `narada serve`: the participants' room opens with the interface.
    pub room: Option<RoomOptions>,
}

/// Where `narada serve` listens (`--bind`, `--port`).
#[derive(Debug, Clone, Copy)]
pub struct RoomOptions {
    pub bind: Option<std::net::IpAddr>,
    pub port: u16,
}

/// The app and the runner wired together: what the terminal loop, the tests and the
/// benchmark all drive.
pub struct Driver {
    pub app: App,
    pub runner: Runner,
}

impl Driver {
    /// Builds the app and runs its start effects. `background` reads big lists and
    /// searches on a second thread (see `Runner::new`).
    pub fn new(store: Store, options: AppOptions, background: bool) -> Driver {
        let mut d = Driver {
            app: App::new(options),
            runner: Runner::new(store, background),
        };
        let effects = d.app.start();
        d.run_effects(effects);
        d
    }

    fn run_effects(&mut self, effects: Vec<Effect>) {
        let mut queue: std::collections::VecDeque<Effect> = effects.into();
        while let Some(e) = queue.pop_front() {
            for msg in self.runner.perform(e) {
                queue.extend(self.app.receive(msg));
            }
        }
    }

    /// Feeds in a result as if the runner had produced it.
    pub fn receive(&mut self, msg: msg::Msg) {
        let effects = self.app.receive(msg);
        self.run_effects(effects);
    }

    pub fn act(&mut self, action: Action) {
        let effects = self.app.update(action);
        self.run_effects(effects);
    }

    pub fn key(&mut self, ev: KeyEvent) {
        let effects = self.app.handle_key(ev);
        self.run_effects(effects);
    }

    /// Feeds in what the reader thread has finished; returns whether anything arrived.
    pub fn poll(&mut self) -> bool {
        let results = self.runner.poll();
        let any = !results.is_empty();
        for m in results {
            self.receive(m);
        }
        any
    }

    /// Waits (up to `limit`) until background reads are done; for tests and benches.
    pub fn settle(&mut self, limit: Duration) {
        let t = Instant::now();
        while self.app.busy() {
            if !self.poll() {
                if t.elapsed() > limit {
                    break;
                }
                std::thread::sleep(Duration::from_millis(1));
            }
        }
    }

    /// Draws the app into a fresh buffer of the given size.
    pub fn render(&self, width: u16, height: u16) -> Buffer {
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        ratatui::widgets::Widget::render(&self.app, area, &mut buf);
        buf
    }
}

/// The language: `--lang`, else `lang` in the config file, else the locale.
fn choose_lang(flag: Option<Lang>, config: Option<Lang>) -> Lang {
    flag.or(config)
        .unwrap_or_else(|| Lang::from_locale(|k| std::env::var(k).ok()))
}

/// Loads `config.toml` from `dir` and turns it into app options.
pub fn app_options(dir: Option<&Path>, lang: Option<Lang>) -> Result<AppOptions> {
    let (config, label) = match dir {
        Some(d) => (
            config::Config::load(d)?,
            d.join(config::CONFIG_FILE).display().to_string(),
        ),
        None => (config::Config::default(), String::new()),
    };
    Ok(AppOptions {
        lang: choose_lang(lang, config.lang),
        keymap: config.keymap(&label)?,
    })
}

/// Runs the interface on `store` until the user quits or a signal arrives.
pub fn run(store: Store, options: TuiOptions) -> Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Error::Invalid(
            "the interface needs a terminal; for scripts use a command (narada --help)".into(),
        ));
    }
    // Before any thread starts: the offset cannot be read reliably afterwards.
    let utc_offset = time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC);
    let app_options = app_options(options.config_dir.as_deref(), options.lang)?;
    let mut guard = terminal::Guard::init()?;
    let size = guard
        .terminal
        .size()
        .map_err(|e| Error::io(Path::new("<terminal>"), e))?;
    let mut d = Driver::new(store, app_options, true);
    d.app.utc_offset = utc_offset;
    // The export dialog uses the same template overrides as `narada export`.
    d.runner.templates_dir = options
        .config_dir
        .as_deref()
        .and_then(crate::jobs::templates_dir);
    d.act(Action::Resize(size.width, size.height));
    if let Some(room) = options.room {
        d.runner.room_bind = room.bind;
        d.runner.room_port = room.port;
        d.act(Action::RoomToggle);
    }
    let mut dirty = true;
    loop {
        if dirty {
            guard
                .terminal
                .draw(|f| {
                    f.render_widget(&d.app, f.area());
                    if let Some(p) = view::cursor(&d.app, f.area()) {
                        f.set_cursor_position(p);
                    }
                })
                .map_err(|e| Error::io(Path::new("<terminal>"), e))?;
            dirty = false;
        }
        if d.app.quit || guard.stop_requested() {
            break;
        }
        // Short waits while something is loading or counting down, long ones at rest.
        let busy = d.app.busy() || d.app.cards.timer.running();
        let wait = Duration::from_millis(if busy { 50 } else { 500 });
        let input = event::next(wait).map_err(|e| Error::io(Path::new("<terminal>"), e))?;
        // The clock reaches the state as an action, so the timer reads one time.
        d.act(Action::Tick(Instant::now()));
        match input {
            Some(event::Input::Key(k)) => {
                d.key(k);
                dirty = true;
            }
            Some(event::Input::Action(a)) => {
                d.act(a);
                dirty = true;
            }
            None => {}
        }
        // An open room's queue and tally change without a key: they are asked for on ticks.
        dirty |= d.poll() || d.app.cards.timer.running() || d.app.participants.is_open();
    }
    Ok(())
}
