//! `narada merge`, `bundle`, `backup`, `restore` and `anonymise`.

use super::BundleCmd;
use crate::error::{Error, Result};
use crate::model::ConflictPolicy;
use crate::storage::Store;
use crate::storage::merge::MergeSummary;
use std::path::Path;

fn report(file: &Path, s: &MergeSummary) {
    if !s.changed() && s.conflicts.is_empty() {
        println!("{}: nothing new (already merged)", file.display());
        return;
    }
    println!(
        "{}: {} sessions, {} activities, {} cards new; {} cards updated; {} history events; \
         {} topics, {} placements, {} decisions, {} outline sections, {} settings",
        file.display(),
        s.sessions_added,
        s.activities_added,
        s.cards_added,
        s.cards_updated,
        s.events_added,
        s.topics_added,
        s.placements_added,
        s.decisions_added,
        s.sections_added,
        s.settings_added
    );
    for c in &s.conflicts {
        println!(
            "  conflict on #{}: mine {:?} / theirs {:?}",
            c.seq, c.mine, c.theirs
        );
    }
}

pub fn merge(
    store: &mut Store,
    files: &[std::path::PathBuf],
    policy: Option<ConflictPolicy>,
) -> Result<()> {
    // A file that cannot be merged is refused before the backup: failed attempts must
    // not push good backups out of the rotation.
    for f in files {
        crate::files::check_input(f)?;
        crate::storage::check_header(f)?;
    }
    if let Some(saved) = store.auto_backup("before-merge")? {
        eprintln!("backup: {}", saved.display());
    }
    for f in files {
        let started = std::time::Instant::now();
        let sum = store.merge_from(f, policy)?;
        report(f, &sum);
        eprintln!("merged in {:.2} s", started.elapsed().as_secs_f64());
    }
    Ok(())
}

pub fn bundle(store: &mut Store, cmd: BundleCmd) -> Result<()> {
    match cmd {
        BundleCmd::Export { file, force } => {
            crate::files::check_output(&file)?;
            if file.exists() {
                if !force {
                    return Err(Error::Invalid(format!(
                        "{} already exists; add --force to overwrite it",
                        file.display()
                    )));
                }
                std::fs::remove_file(&file).map_err(|e| Error::io(&file, e))?;
            }
            store.backup_to(&file)?;
            // Check what was written, as the receiver will.
            Store::open_checked_readonly(&file)?;
            let n = store.cards(&crate::storage::CardFilter::default())?.len();
            println!(
                "bundle {} written ({n} cards); send it to the secretary",
                file.display()
            );
            Ok(())
        }
        BundleCmd::Import { file, on_conflict } => merge(store, &[file], on_conflict),
    }
}

pub fn backup(store: &Store, to: Option<&Path>) -> Result<()> {
    let dest = match to {
        Some(p) => {
            crate::files::check_output(p)?;
            store.backup_to(p)?;
            p.to_path_buf()
        }
        None => store
            .auto_backup("manual")?
            .ok_or_else(|| Error::Invalid("an in-memory database has no file to back up".into()))?,
    };
    println!("backup written: {}", dest.display());
    Ok(())
}

pub fn restore(store: &mut Store, file: &Path) -> Result<()> {
    let saved = store.restore_from(file)?;
    println!("restored from {}", file.display());
    if let Some(s) = saved {
        println!("the previous content was saved to {}", s.display());
    }
    Ok(())
}

pub fn anonymise(
    store: &mut Store,
    dry_run: bool,
    backups: super::BackupsAfterAnonymise,
) -> Result<()> {
    use super::BackupsAfterAnonymise as B;
    let map = store.anonymise(dry_run)?;
    for (old, new) in &map {
        println!("{old:?} → {new}");
    }
    let verb = if dry_run {
        "would be replaced (--dry-run: nothing written)"
    } else {
        "replaced"
    };
    println!("{} speaker values {verb}", map.len());
    let files = store
        .path()
        .map(crate::storage::backup::automatic_backups)
        .transpose()?
        .unwrap_or_default();
    if files.is_empty() || dry_run {
        return Ok(());
    }
    match backups {
        B::Keep => eprintln!(
            "note: {} automatic backup(s) in {} still hold the old values; run again with \
             --backups anonymise (or --backups purge) to treat them too",
            files.len(),
            files[0]
                .parent()
                .map_or_else(String::new, |d| d.display().to_string())
        ),
        B::Purge => {
            for f in &files {
                crate::storage::remove_db_files(f)?;
            }
            println!("{} automatic backup(s) deleted", files.len());
        }
        B::Anonymise => {
            let seed: std::collections::BTreeMap<String, String> = map.into_iter().collect();
            for f in &files {
                let mut backup = Store::open_without_backup(f)?;
                let n = backup.anonymise_with(&seed, false)?.len();
                backup.close()?;
                println!("{}: {n} speaker values replaced", f.display());
            }
        }
    }
    Ok(())
}
