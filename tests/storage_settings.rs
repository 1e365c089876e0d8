//! Consultation settings: round trips on in-memory and file databases, one transaction
//! per save, bad values refused with nothing written.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use narada::model::{ConsultationSettings, Executive, ParagraphStyle, SettingKey, Source};
use narada::storage::{ConsultationPatch, Store};

fn city(name: &str) -> ConsultationPatch {
    ConsultationPatch {
        city: Some(name.into()),
        ..ConsultationPatch::default()
    }
}

fn changes(pairs: &[(SettingKey, &str)]) -> Vec<(SettingKey, String)> {
    pairs.iter().map(|(k, v)| (*k, (*v).to_owned())).collect()
}

fn round_trip(store: &mut Store) {
    assert_eq!(
        store.consultation_settings().unwrap(),
        ConsultationSettings::default()
    );
    let (c, s) = store
        .update_consultation_settings(
            &city("Częstochowa"),
            &changes(&[
                (SettingKey::Executive, "prezydent"),
                (SettingKey::Journal, "Dz. U. z 2025 r. poz. 1153"),
                (SettingKey::Voivodeship, "Slaskie"),
                (SettingKey::ParagraphStyle, "inline"),
                (SettingKey::Number, "XII/345/2027"),
            ]),
        )
        .unwrap();
    assert_eq!(c.city, "Częstochowa");
    assert_eq!(s.executive, Some(Executive::President));
    assert_eq!(s.voivodeship, Some("śląskie"));
    assert_eq!(s.paragraph_style, Some(ParagraphStyle::Inline));
    assert_eq!(store.consultation_settings().unwrap(), s);
    let r = s.resolve(&c.city);
    assert_eq!(r.council_genitive.value, "Rady Miasta Częstochowy");
    assert_eq!(r.council_genitive.source, Source::Proposed);
    assert_eq!(r.journal.source, Source::Set);

    // An empty value goes back to the default; other keys stay.
    let (_, s) = store
        .update_consultation_settings(
            &ConsultationPatch::default(),
            &changes(&[(SettingKey::Number, ""), (SettingKey::CityGenitive, "Cz-y")]),
        )
        .unwrap();
    assert_eq!(s.resolution_number, None);
    assert_eq!(s.city_genitive.as_deref(), Some("Cz-y"));
    assert_eq!(s.journal.as_deref(), Some("Dz. U. z 2025 r. poz. 1153"));
}

#[test]
fn settings_round_trip_in_memory() {
    round_trip(&mut Store::open_in_memory().unwrap());
}

#[test]
fn settings_round_trip_in_a_file_and_survive_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("n.db");
    let saved = {
        let mut store = Store::open(&path).unwrap();
        round_trip(&mut store);
        store.consultation_settings().unwrap()
    };
    let store = Store::open(&path).unwrap();
    assert_eq!(store.consultation_settings().unwrap(), saved);
}

#[test]
fn a_bad_value_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let err = store
        .update_consultation_settings(
            &city("Reszel"),
            &changes(&[
                (SettingKey::Journal, "Dz. U. z 2025 r. poz. 1153"),
                (SettingKey::Voivodeship, "Bawaria"),
            ]),
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("voivodeship"), "{err}");
    assert_eq!(
        store.consultation_settings().unwrap(),
        ConsultationSettings::default()
    );
    assert_eq!(store.consultation().unwrap().city, "");
    let err = store
        .update_consultation_settings(
            &ConsultationPatch {
                language: Some("de".into()),
                ..ConsultationPatch::default()
            },
            &changes(&[(SettingKey::Executive, "wojt")]),
        )
        .unwrap_err();
    assert!(err.to_string().contains("language"), "{err}");
    assert_eq!(store.consultation_settings().unwrap().executive, None);
}

#[test]
fn merging_brings_settings_this_file_lacks_and_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let mut mine = Store::open(&dir.path().join("mine.db")).unwrap();
    mine.update_consultation_settings(
        &city("Częstochowa"),
        &changes(&[(SettingKey::CityGenitive, "Częstochowy (moje)")]),
    )
    .unwrap();
    {
        let mut theirs = Store::open(&dir.path().join("theirs.db")).unwrap();
        theirs
            .update_consultation_settings(
                &city("Częstochowa"),
                &changes(&[
                    (SettingKey::CityGenitive, "Częstochowy (ich)"),
                    (SettingKey::Journal, "Dz. U. z 2025 r. poz. 1153"),
                ]),
            )
            .unwrap();
    }
    let sum = mine
        .merge_from(&dir.path().join("theirs.db"), None)
        .unwrap();
    assert_eq!(sum.settings_added, 1);
    let s = mine.consultation_settings().unwrap();
    assert_eq!(s.city_genitive.as_deref(), Some("Częstochowy (moje)"));
    assert_eq!(s.journal.as_deref(), Some("Dz. U. z 2025 r. poz. 1153"));
    // Merging again changes nothing.
    let again = mine
        .merge_from(&dir.path().join("theirs.db"), None)
        .unwrap();
    assert_eq!(again.settings_added, 0);
    assert!(!again.changed());
}

#[test]
fn a_bundle_carries_the_settings() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = dir.path().join("bundle.narada");
    {
        let mut trainer = Store::open(&dir.path().join("t.db")).unwrap();
        trainer
            .update_consultation_settings(
                &city("Reszel"),
                &changes(&[(SettingKey::Executive, "burmistrz")]),
            )
            .unwrap();
        trainer.backup_to(&bundle).unwrap();
    }
    let mut secretary = Store::open(&dir.path().join("s.db")).unwrap();
    secretary.merge_from(&bundle, None).unwrap();
    assert_eq!(
        secretary.consultation_settings().unwrap().executive,
        Some(Executive::Mayor)
    );
}
