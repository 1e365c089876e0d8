//! `narada-bench merge`: two trainers' databases of 50k cards each that share history,
//! with edits on both sides (some conflicting).

use crate::measure::{in_temp_dir, peak_rss_mib};
use narada::error::{Error, Result};
use narada::import::ImportRecord;
use narada::model::{CardPatch, ConflictPolicy};
use narada::storage::{ImportOptions, Store};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Merge two 50k-card databases with edits on both sides; print seconds and conflicts.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, default_value = "../shared/data/synthetic-100k.jsonl")]
    input: PathBuf,
}

impl crate::Bench for Args {
    fn run(self) -> Result<String> {
        in_temp_dir("merge", |dir| scenario(&self.input, dir))
    }
}

fn import(store: &mut Store, records: &[ImportRecord]) -> Result<()> {
    store.import_records(records, &ImportOptions::default(), &mut |_, _| {})?;
    Ok(())
}

/// Edits the texts of the cards with the given numbers.
fn edit(store: &mut Store, numbers: impl Iterator<Item = usize>, mark: &str) -> Result<()> {
    for n in numbers {
        let card = store.find_card(&format!("#{n}"))?;
        let patch = CardPatch {
            text: Some(format!("{} ({mark})", card.text)),
            ..CardPatch::default()
        };
        store.edit_card(&card.id, &patch)?;
    }
    Ok(())
}

fn scenario(input: &Path, dir: &Path) -> Result<String> {
    let records = narada::import::read_file(input, None)?;
    if records.len() < 75_000 {
        return Err(Error::Invalid(format!(
            "{}: the merge bench needs at least 75,000 lines",
            input.display()
        )));
    }
    let (a_path, b_path) = (dir.join("a.db"), dir.join("b.db"));
    let mut a = Store::open(&a_path)?;
    import(&mut a, &records[..50_000])?;
    a.backup_to(&b_path)?;
    let mut b = Store::open(&b_path)?;
    // The other trainer: 25k new cards, 1,000 edited; 200 of those edited here too.
    import(&mut b, &records[50_000..75_000])?;
    edit(&mut b, 1..=1000, "B")?;
    edit(&mut a, 801..=1000, "A")?;
    edit(&mut a, 2001..=2100, "A")?;
    drop(b);
    let started = Instant::now();
    let sum = a.merge_from(&b_path, Some(ConflictPolicy::Theirs))?;
    let first = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let again = a.merge_from(&b_path, Some(ConflictPolicy::Theirs))?;
    let second = started.elapsed().as_secs_f64();
    Ok(format!(
        "bench merge: A = 50,000 cards, 300 edited (200 of them also edited in B); \
         B = A + 25,000 new cards, 1,000 edited\n\
         first merge:   {first:.2} s  — {} cards new, {} updated, {} conflicts detected (resolved: theirs)\n\
         second merge:  {second:.2} s  — changed nothing: {}\n\
         integrity:     {}\n\
         peak RSS:      {}",
        sum.cards_added,
        sum.cards_updated,
        sum.conflicts.len(),
        !again.changed(),
        a.integrity_check()?,
        peak_rss_mib().map_or_else(|| "unknown".into(), |m| format!("{m:.0} MiB")),
    ))
}
