//! `narada consultation show|set`: the consultation and the settings that fill the
//! draft resolution's fixed wording.

use super::output::{pad, print_json};
use super::{ConsultationCmd, ConsultationSetArgs, OutputFormat};
use crate::error::Result;
use crate::model::{Consultation, ConsultationSettings, ResolvedSettings, SettingKey, Source};
use crate::storage::{ConsultationPatch, Store};
use serde::Serialize;

pub fn run(store: &mut Store, cmd: ConsultationCmd) -> Result<()> {
    match cmd {
        ConsultationCmd::Show { format } => {
            let c = store.consultation()?;
            let s = store.consultation_settings()?;
            show(&c, &s, format)
        }
        ConsultationCmd::Set(args) => {
            let (patch, changes) = request(*args);
            let (c, s) = store.update_consultation_settings(&patch, &changes)?;
            show(&c, &s, OutputFormat::Table)
        }
    }
}

/// The fields and settings a `set` changes.
fn request(a: ConsultationSetArgs) -> (ConsultationPatch, Vec<(SettingKey, String)>) {
    let patch = ConsultationPatch {
        title: a.title,
        city: a.city,
        year: a.year,
        language: a.text_lang.map(|l| l.code().to_owned()),
    };
    let changes = [
        (SettingKey::CityGenitive, a.city_genitive),
        (SettingKey::Executive, a.executive),
        (SettingKey::Council, a.council),
        (SettingKey::CouncilGenitive, a.council_genitive),
        (SettingKey::ExecutiveDative, a.executive_dative),
        (SettingKey::Number, a.resolution_number),
        (SettingKey::Date, a.resolution_date),
        (SettingKey::Journal, a.journal),
        (SettingKey::Voivodeship, a.voivodeship),
        (SettingKey::ParagraphStyle, a.paragraph_style),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k, v)))
    .collect();
    (patch, changes)
}

/// The flag that sets a key, as `show` names it.
fn flag(key: SettingKey) -> String {
    key.as_str().replace('_', "-")
}

#[derive(Serialize)]
struct Shown<'a> {
    #[serde(flatten)]
    consultation: &'a Consultation,
    settings: &'a ResolvedSettings,
}

fn show(c: &Consultation, s: &ConsultationSettings, format: OutputFormat) -> Result<()> {
    let resolved = s.resolve(&c.city);
    if format == OutputFormat::Json {
        return print_json(&Shown {
            consultation: c,
            settings: &resolved,
        });
    }
    let width = SettingKey::ALL
        .iter()
        .map(|k| flag(*k).len())
        .max()
        .unwrap_or(0)
        + 2;
    println!("{}", c.title);
    println!("{}{}", pad("city", width), c.city);
    let year = c.year.map(|y| y.to_string()).unwrap_or_default();
    println!("{}{year}", pad("year", width));
    println!("{}{}", pad("text-lang", width), c.language);
    println!("{}{}", pad("id", width), c.id);
    println!("settings (set with --KEY VALUE; --KEY \"\" restores the proposal or default):");
    for key in SettingKey::ALL {
        let r = resolved.get(key);
        let mark = match r.source {
            Source::Set => "",
            Source::Proposed => "  (proposed)",
            Source::Default => "  (default)",
        };
        println!("  {}{}{mark}", pad(&flag(key), width), r.value);
    }
    Ok(())
}
