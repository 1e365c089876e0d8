//! Dispatch: resolves paths, opens the store and runs one command.

use super::output::print_json;
use super::{Cli, Command, ImportArgs, OutputFormat};
use crate::error::Result;
use crate::paths::Paths;
use crate::storage::{ImportOptions, Store};
use std::io::IsTerminal;

pub fn run(cli: Cli) -> Result<()> {
    let paths = Paths::resolve(cli.db.as_deref())?;
    // narada's own data directory is made on first use; a directory the user names
    // (--db, NARADA_DB) must exist already.
    let uses_data_dir = match &cli.command {
        Some(Command::Paths | Command::Vectors(_)) => false,
        Some(Command::Demo { .. }) => cli.db.is_none(),
        _ => paths.db_source == "default",
    };
    if uses_data_dir {
        crate::storage::create_private_dir(&paths.data_dir)?;
    }
    // A database error names the file it came from.
    let db = match (&cli.command, &cli.db) {
        (Some(Command::Demo { .. }), None) => paths.demo_db.clone(),
        _ => paths.db.clone(),
    };
    // A command (not the interface) waits long for a lock and says so on stderr.
    if !matches!(cli.command, None | Some(Command::Demo { .. })) {
        crate::storage::waiting::speak_on_command_line();
    }
    dispatch(cli, paths).map_err(|e| match e {
        crate::Error::Sqlite(source)
            if source.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy) =>
        {
            use crate::storage::waiting;
            crate::Error::Invalid(format!(
                "{}: another program kept the database locked for {} s{}; nothing was \
                 written — try again when it has finished",
                db.display(),
                waiting::COMMAND_LIMIT.as_secs(),
                waiting::describe(&waiting::holders(&db))
            ))
        }
        crate::Error::Sqlite(source)
            if source.sqlite_error_code() == Some(rusqlite::ErrorCode::ReadOnly) =>
        {
            crate::Error::Invalid(format!(
                "{}: cannot be written here (the file or its folder is read-only); nothing \
                 was changed — commands that only read it still work",
                db.display()
            ))
        }
        crate::Error::Sqlite(source) => crate::Error::Db {
            path: db.display().to_string(),
            source,
        },
        other => other,
    })
}

/// Commands that only read the database: they also work on a file they cannot write.
fn reads_only(command: &Command) -> bool {
    use super::{
        BundleCmd, CardCmd, ConsultationCmd, DecisionCmd, OutlineCmd, SessionCmd, TopicCmd,
    };
    matches!(
        command,
        Command::Consultation(ConsultationCmd::Show { .. })
            | Command::Session(SessionCmd::List { .. } | SessionCmd::Show { .. })
            | Command::Card(CardCmd::List(_) | CardCmd::Show { .. })
            | Command::Search { .. }
            | Command::Topic(TopicCmd::List { .. } | TopicCmd::Show { .. })
            | Command::Decision(DecisionCmd::List { .. })
            | Command::Outline(OutlineCmd::List { .. } | OutlineCmd::Coverage { .. })
            | Command::Export(_)
            | Command::Bundle(BundleCmd::Export { .. })
            | Command::Backup { to: Some(_) }
    )
}

fn dispatch(cli: Cli, paths: Paths) -> Result<()> {
    let actor = cli
        .actor
        .clone()
        .or_else(|| std::env::var("NARADA_USER").ok());
    let tui_options = crate::tui::TuiOptions {
        lang: cli.lang,
        config_dir: Some(paths.config_dir.clone()),
        room: None,
    };
    let read_only = cli.command.as_ref().is_some_and(reads_only);
    let open = || -> Result<Store> {
        let new = !paths.db.exists();
        let mut store = if read_only {
            Store::open_for_reading(&paths.db)?
        } else {
            Store::open(&paths.db)?
        };
        if new {
            eprintln!("narada: created a new database {}", paths.db.display());
        }
        store.set_actor(actor.clone());
        Ok(store)
    };
    match cli.command {
        None => interface(open()?, tui_options, &paths.db),
        Some(Command::Paths) => {
            println!("data directory:   {}", paths.data_dir.display());
            println!("config directory: {}", paths.config_dir.display());
            println!(
                "database:         {} (from {})",
                paths.db.display(),
                paths.db_source
            );
            println!("demo database:    {}", paths.demo_db.display());
            // The WAL companions belong to the database; copying the .db alone while
            // narada runs could miss the latest cards.
            let db = paths.db.display();
            println!("database files:   {db}, and while narada runs {db}-wal and {db}-shm");
            println!("                  (folded into {db} when narada quits: keep them together)");
            println!(
                "to carry it:      narada bundle export FILE (a checked copy to send or import)"
            );
            Ok(())
        }
        Some(Command::Demo { no_tui }) => {
            let target = cli.db.clone().unwrap_or_else(|| paths.demo_db.clone());
            let summary = crate::demo::create(&target)?;
            println!(
                "demo database {}: {} sessions, {} cards",
                target.display(),
                summary.sessions,
                summary.cards
            );
            // Without a terminal (a script, a pipe) the demo only loads, as with --no-tui.
            if no_tui || !std::io::stdout().is_terminal() {
                println!("try: narada --db {} card list", target.display());
                return Ok(());
            }
            let mut store = Store::open(&target)?;
            store.set_actor(actor.clone());
            interface(store, tui_options, &target)
        }
        Some(Command::Consultation(cmd)) => with_store(open, |s| super::consultation::run(s, cmd)),
        Some(Command::Session(cmd)) => with_store(open, |s| super::sessions::run(s, cmd)),
        Some(Command::Activity(cmd)) => with_store(open, |s| super::sessions::run_activity(s, cmd)),
        Some(Command::Card(cmd)) => {
            let lang = words_lang(cli.lang, &paths.config_dir);
            with_store(open, |s| super::cards::run(s, cmd, lang))
        }
        Some(Command::Search {
            query,
            limit,
            format,
        }) => with_store(open, |store| {
            let hits = store.search(&query, limit)?;
            match format {
                OutputFormat::Json => print_json(&hits),
                OutputFormat::Table => {
                    super::output::print_cards(&hits);
                    eprintln!("{} found", hits.len());
                    Ok(())
                }
            }
        }),
        Some(Command::Cluster(args)) => match &args.input {
            Some(input) => {
                let opts = super::cluster::options(&args, None, None)?;
                super::cluster::run_file(input, args.output.as_deref(), args.force, &opts)
            }
            None => with_store(open, |s| super::cluster::run_db(s, &args)),
        },
        Some(Command::Vectors(cmd)) => super::vectors::run(cmd),
        Some(Command::Topic(cmd)) => with_store(open, |s| super::topics::run(s, cmd)),
        Some(Command::Decide(args)) => with_store(open, |s| super::decisions::decide(s, &args)),
        Some(Command::Decision(cmd)) => with_store(open, |s| super::decisions::run(s, cmd)),
        Some(Command::Outline(cmd)) => with_store(open, |s| super::outline::run(s, cmd)),
        Some(Command::Import(args)) => with_store(open, |s| import(s, &args)),
        Some(Command::Export(args)) => with_store(open, |s| super::export::run(s, &args, &paths)),
        Some(Command::Merge { files, on_conflict }) => {
            with_store(open, |s| super::reliability::merge(s, &files, on_conflict))
        }
        Some(Command::Bundle(cmd)) => with_store(open, |s| super::reliability::bundle(s, cmd)),
        Some(Command::Backup { to }) => {
            with_store(open, |s| super::reliability::backup(s, to.as_deref()))
        }
        Some(Command::Restore { file }) => {
            with_store(open, |s| super::reliability::restore(s, &file))
        }
        Some(Command::Serve(args)) if !args.no_tui => {
            let mut store = open()?;
            super::room::prepare_interface(&mut store, &args)?;
            let options = crate::tui::TuiOptions {
                room: Some(crate::tui::RoomOptions {
                    bind: args.bind,
                    port: args.port,
                }),
                ..tui_options
            };
            interface(store, options, &paths.db)
        }
        Some(Command::Serve(args)) => {
            let db = paths.db.clone();
            with_store(open, |s| super::room::serve(s, &db, &args))
        }
        Some(Command::Room(cmd)) => with_store(open, |s| super::room::run(s, cmd)),
        Some(Command::Anonymise { dry_run, backups }) => {
            with_store(open, |s| super::reliability::anonymise(s, dry_run, backups))
        }
    }
}

/// The language a card's history is told in: the interface's — `--lang`, else `lang`
/// in config.toml, else the locale — so `narada card show` says what the card's detail
/// says. A config file the interface would refuse does not stop a command: the locale
/// decides then. The rest of the command line prints English.
fn words_lang(
    flag: Option<crate::model::Lang>,
    config_dir: &std::path::Path,
) -> crate::model::Lang {
    flag.or_else(|| {
        crate::tui::config::Config::load(config_dir)
            .ok()
            .and_then(|c| c.lang)
    })
    .unwrap_or_else(|| crate::model::Lang::from_locale(|k| std::env::var(k).ok()))
}

/// Runs one command on a freshly opened store, then closes it, folding the WAL into the
/// `.db` file so the file stands alone after every command (failed ones too: what they
/// committed before failing is in the database). The command's own error comes first.
fn with_store<T>(
    open: impl FnOnce() -> Result<Store>,
    command: impl FnOnce(&mut Store) -> Result<T>,
) -> Result<T> {
    let mut store = open()?;
    let result = command(&mut store);
    let closed = store.close();
    let value = result?;
    closed?;
    Ok(value)
}

/// Runs the interface, then folds the WAL into the `.db` file: the interface's store
/// is consumed by it, and its reader threads may outlive it by a moment, so the fold
/// goes through a connection of its own.
fn interface(store: Store, options: crate::tui::TuiOptions, db: &std::path::Path) -> Result<()> {
    let result = crate::tui::run(store, options);
    crate::storage::fold_wal(db);
    result
}

fn import(store: &mut Store, args: &ImportArgs) -> Result<()> {
    let label = args.file.display().to_string();
    let opts = ImportOptions {
        default_session: args.session.clone(),
        new_session_kind: Some(args.session_kind),
        source: args
            .file
            .file_name()
            .map_or_else(|| label.clone(), |n| n.to_string_lossy().into_owned()),
    };
    let tty = std::io::stderr().is_terminal();
    // The file is checked whole before the backup and before anything is written.
    let sum = crate::import::stream_file(&args.file, args.format, |total, records| {
        if args.dry_run {
            println!("{label}: {total} cards checked, nothing written (--dry-run)");
            return Ok(None);
        }
        if store.has_cards()?
            && let Some(saved) = store.auto_backup("before-import")?
        {
            eprintln!("backup: {}", saved.display());
        }
        let show = total > 5000;
        let mut progress = |done: usize, total: usize| {
            if show && (tty || done.is_multiple_of(20_000) || done == total) {
                let end = if tty && done < total { "\r" } else { "\n" };
                eprint!("importing {done}/{total}{end}");
            }
        };
        store
            .import_each(total, records, &opts, &mut progress)
            .map(Some)
    })?;
    let Some(sum) = sum else { return Ok(()) };
    println!(
        "{label}: {} cards read — {} new, {} updated, {} unchanged",
        sum.records, sum.inserted, sum.updated, sum.unchanged
    );
    if !sum.sessions_created.is_empty() {
        println!("sessions created: {}", sum.sessions_created.join("; "));
    }
    if sum.activities_created > 0 {
        println!("activities created: {}", sum.activities_created);
    }
    Ok(())
}
