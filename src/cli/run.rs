//! Dispatch: resolves paths, opens the store and runs one command.

use super::output::{print_json, print_table_or_json};
use super::{Cli, Command, ConsultationCmd, ImportArgs, OutputFormat};
use crate::error::Result;
use crate::paths::Paths;
use crate::storage::{ConsultationPatch, ImportOptions, Store};
use std::io::IsTerminal;

pub fn run(cli: Cli) -> Result<()> {
    let paths = Paths::resolve(cli.db.as_deref())?;
    // A database error names the file it came from.
    let db = match (&cli.command, &cli.db) {
        (Some(Command::Demo { .. }), None) => paths.demo_db.clone(),
        _ => paths.db.clone(),
    };
    dispatch(cli, paths).map_err(|e| match e {
        crate::Error::Sqlite(source) => crate::Error::Db {
            path: db.display().to_string(),
            source,
        },
        other => other,
    })
}

fn dispatch(cli: Cli, paths: Paths) -> Result<()> {
    let actor = cli
        .actor
        .clone()
        .or_else(|| std::env::var("NARADA_USER").ok());
    let tui_options = crate::tui::TuiOptions {
        lang: cli.lang,
        config_dir: Some(paths.config_dir.clone()),
    };
    let open = || -> Result<Store> {
        let mut store = Store::open(&paths.db)?;
        store.set_actor(actor.clone());
        Ok(store)
    };
    match cli.command {
        None => crate::tui::run(open()?, tui_options),
        Some(Command::Paths) => {
            println!("data directory:   {}", paths.data_dir.display());
            println!("config directory: {}", paths.config_dir.display());
            println!(
                "database:         {} (from {})",
                paths.db.display(),
                paths.db_source
            );
            println!("demo database:    {}", paths.demo_db.display());
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
            crate::tui::run(store, tui_options)
        }
        Some(Command::Consultation(cmd)) => {
            let mut store = open()?;
            match cmd {
                ConsultationCmd::Show { format } => {
                    let c = store.consultation()?;
                    print_table_or_json(format, &c, || {
                        format!(
                            "{}\ncity: {}\nyear: {}\nlanguage: {}\nid: {}",
                            c.title,
                            c.city,
                            c.year.map(|y| y.to_string()).unwrap_or_default(),
                            c.language,
                            c.id
                        )
                    })
                }
                ConsultationCmd::Set {
                    title,
                    city,
                    year,
                    lang,
                } => {
                    let c = store.update_consultation(&ConsultationPatch {
                        title,
                        city,
                        year,
                        language: lang,
                    })?;
                    println!("consultation: {} ({}, {})", c.title, c.city, c.language);
                    Ok(())
                }
            }
        }
        Some(Command::Session(cmd)) => super::sessions::run(&mut open()?, cmd),
        Some(Command::Activity(cmd)) => super::sessions::run_activity(&mut open()?, cmd),
        Some(Command::Card(cmd)) => super::cards::run(&mut open()?, cmd),
        Some(Command::Search {
            query,
            limit,
            format,
        }) => {
            let store = open()?;
            let hits = store.search(&query, limit)?;
            match format {
                OutputFormat::Json => print_json(&hits),
                OutputFormat::Table => {
                    super::output::print_cards(&hits);
                    eprintln!("{} found", hits.len());
                    Ok(())
                }
            }
        }
        Some(Command::Cluster(args)) => match &args.input {
            Some(input) => {
                let opts = super::cluster::options(&args, None)?;
                super::cluster::run_file(input, args.output.as_deref(), args.force, &opts)
            }
            None => super::cluster::run_db(&mut open()?, &args),
        },
        Some(Command::Topic(cmd)) => super::topics::run(&mut open()?, cmd),
        Some(Command::Decide(args)) => super::decisions::decide(&mut open()?, &args),
        Some(Command::Decision(cmd)) => super::decisions::run(&open()?, cmd),
        Some(Command::Outline(cmd)) => super::outline::run(&mut open()?, cmd),
        Some(Command::Import(args)) => import(&mut open()?, &args),
        Some(Command::Export(args)) => super::export::run(&mut open()?, &args, &paths),
        Some(Command::Merge { files, on_conflict }) => {
            super::reliability::merge(&mut open()?, &files, on_conflict)
        }
        Some(Command::Bundle(cmd)) => super::reliability::bundle(&mut open()?, cmd),
        Some(Command::Backup { to }) => super::reliability::backup(&open()?, to.as_deref()),
        Some(Command::Restore { file }) => super::reliability::restore(&mut open()?, &file),
        Some(Command::Anonymise { dry_run }) => {
            super::reliability::anonymise(&mut open()?, dry_run)
        }
    }
}

fn import(store: &mut Store, args: &ImportArgs) -> Result<()> {
    let label = args.file.display().to_string();
    let records = crate::import::read_file(&args.file, args.format)?;
    if args.dry_run {
        println!(
            "{label}: {} cards checked, nothing written (--dry-run)",
            records.len()
        );
        return Ok(());
    }
    let opts = ImportOptions {
        default_session: args.session.clone(),
        new_session_kind: Some(args.session_kind),
        source: args
            .file
            .file_name()
            .map_or_else(|| label.clone(), |n| n.to_string_lossy().into_owned()),
    };
    let show = records.len() > 5000;
    let tty = std::io::stderr().is_terminal();
    let mut progress = |done: usize, total: usize| {
        if show && (tty || done.is_multiple_of(20_000) || done == total) {
            let end = if tty && done < total { "\r" } else { "\n" };
            eprint!("importing {done}/{total}{end}");
        }
    };
    if !store
        .cards(&crate::storage::CardFilter::default())?
        .is_empty()
        && let Some(saved) = store.auto_backup("before-import")?
    {
        eprintln!("backup: {}", saved.display());
    }
    let sum = store.import_records(&records, &opts, &mut progress)?;
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
