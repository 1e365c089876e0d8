//! The consultation settings dialog driven by keys: proposals that follow the city and
//! the organ, corrections kept, one store call on Enter, bad values refused in the
//! form; snapshots at 80×24 and 20×5 in both languages.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

#[path = "support/driver.rs"]
mod driver;

use driver::{ctrl, demo, key, screen, typed};
use narada::model::{Executive, Lang, SessionDraft, SessionKind, SettingKey};
use narada::storage::{ConsultationPatch, Store};
use narada::tui::Driver;
use narada::tui::action::Action;
use narada::tui::app::{AppOptions, RoomId};
use narada::tui::i18n::T;
use narada::tui::keymap::Keymap;
use narada::tui::settings::SettingsForm;
use ratatui::crossterm::event::KeyCode;

/// A named consultation with one session, on the session picker.
fn picker(lang: Lang, city: &str) -> Driver {
    let mut store = Store::open_in_memory().unwrap();
    store
        .update_consultation_settings(
            &ConsultationPatch {
                title: Some("Budżet obywatelski 2027".into()),
                city: Some(city.into()),
                year: Some(2027),
                ..ConsultationPatch::default()
            },
            &[],
        )
        .unwrap();
    store
        .add_session(&SessionDraft::new("Szkolenie 1", SessionKind::Training))
        .unwrap();
    let options = AppOptions {
        lang,
        keymap: Keymap::default(),
    };
    let mut d = Driver::new(store, options, false);
    d.act(Action::Resize(80, 24));
    typed(&mut d, "s");
    d
}

fn form(d: &Driver) -> &SettingsForm {
    match &d.app.settings.form {
        Some(f) => f,
        None => panic!("expected the settings dialog, got {:?}", d.app.modal),
    }
}

/// Moves the focus to the field `n` (0 is the title).
fn focus(d: &mut Driver, n: usize) {
    while form(d).state.focus != n {
        key(d, KeyCode::Tab);
    }
}

fn store(d: &Driver) -> &Store {
    d.runner.store()
}

#[test]
fn proposals_follow_the_city_and_corrections_are_kept() {
    let mut d = picker(Lang::Pl, "");
    typed(&mut d, "S");
    assert_eq!(d.app.modal, Some(RoomId::Settings));
    assert_eq!(form(&d).city_genitive.text(), "…");
    assert_eq!(form(&d).council_genitive.text(), "Rady Miasta …");

    focus(&mut d, 1);
    typed(&mut d, "Hel");
    // The rules drop the e of Hel as of Reszel (Reszla); the user corrects it.
    assert_eq!(form(&d).city_genitive.text(), "Hla");
    assert_eq!(form(&d).executive_dative.text(), "Prezydentowi Miasta Hla");
    focus(&mut d, 2);
    assert_eq!(form(&d).state.hint, T::SettingsProposedHint);
    ctrl(&mut d, 'u');
    typed(&mut d, "Helu");
    assert_eq!(form(&d).state.hint, T::SettingsHint);
    focus(&mut d, 3);
    key(&mut d, KeyCode::Right); // prezydent → burmistrz
    let f = form(&d);
    assert_eq!(f.council.text(), "Rada Miejska w Hlu");
    assert_eq!(f.executive_dative.text(), "Burmistrzowi Miasta Helu");
    focus(&mut d, 4);
    ctrl(&mut d, 'u');
    typed(&mut d, "Rada Miejska w Helu");
    assert_eq!(form(&d).council_genitive.text(), "Rady Miejskiej w Helu");
    focus(&mut d, 11);
    ctrl(&mut d, 'u');
    typed(&mut d, "Dz. U. z 2025 r. poz. 1153");
    key(&mut d, KeyCode::Enter);

    assert_eq!(d.app.modal, None);
    assert_eq!(
        d.app.status.as_ref().map(|s| s.text.as_str()),
        Some("Zapisano ustawienia konsultacji")
    );
    assert_eq!(d.app.consultation.as_ref().unwrap().city, "Hel");
    let s = store(&d).consultation_settings().unwrap();
    assert_eq!(s.city_genitive.as_deref(), Some("Helu"));
    assert_eq!(s.council.as_deref(), Some("Rada Miejska w Helu"));
    assert_eq!(s.executive, Some(Executive::Mayor));
    assert_eq!(s.journal.as_deref(), Some("Dz. U. z 2025 r. poz. 1153"));
    // Untouched proposals and defaults stay unstored, so they follow later changes.
    assert_eq!(s.council_genitive, None);
    assert_eq!(s.executive_dative, None);
    assert_eq!(s.resolution_number, None);
    assert_eq!(s.paragraph_style, None);
    assert_eq!(store(&d).consultation().unwrap().year, Some(2027));

    typed(&mut d, "S");
    assert_eq!(form(&d).council_genitive.text(), "Rady Miejskiej w Helu");
    assert_eq!(form(&d).executive_dative.text(), "Burmistrzowi Miasta Helu");
    key(&mut d, KeyCode::Esc);
    assert_eq!(d.app.modal, None);
}

#[test]
fn bad_values_stay_in_the_form_and_write_nothing() {
    let mut d = picker(Lang::En, "Częstochowa");
    typed(&mut d, "S");
    assert_eq!(form(&d).voivodeship.text(), "śląskie");
    focus(&mut d, 12);
    ctrl(&mut d, 'u');
    typed(&mut d, "Bavaria");
    key(&mut d, KeyCode::Enter);
    assert_eq!(
        form(&d).state.error.as_deref(),
        Some("Voivodeship: unknown (e.g. śląskie)")
    );
    focus(&mut d, 9);
    ctrl(&mut d, 'u');
    typed(&mut d, "next year");
    key(&mut d, KeyCode::Enter);
    assert_eq!(
        form(&d).state.error.as_deref(),
        Some("Edition year: not a number")
    );
    focus(&mut d, 0);
    ctrl(&mut d, 'u');
    key(&mut d, KeyCode::Enter);
    assert_eq!(form(&d).state.error.as_deref(), Some("Title: required"));
    key(&mut d, KeyCode::Esc);
    assert_eq!(
        store(&d).consultation_settings().unwrap(),
        narada::model::ConsultationSettings::default()
    );
    assert_eq!(
        store(&d).consultation().unwrap().title,
        "Budżet obywatelski 2027"
    );
}

#[test]
fn the_layout_and_language_choices_are_stored() {
    let mut d = picker(Lang::En, "Częstochowa");
    typed(&mut d, "S");
    focus(&mut d, 10);
    key(&mut d, KeyCode::Right); // pl → en
    focus(&mut d, 13);
    key(&mut d, KeyCode::Right); // centred → inline
    key(&mut d, KeyCode::Enter);
    assert_eq!(store(&d).consultation().unwrap().language, "en");
    let s = store(&d).consultation_settings().unwrap();
    assert_eq!(s.get(SettingKey::ParagraphStyle).as_deref(), Some("inline"));
    assert_eq!(s.executive, None, "an unchanged default stays unstored");
}

#[test]
fn the_outline_opens_the_settings_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = driver::driver(&demo(dir.path()), Lang::Pl);
    typed(&mut d, "bo");
    typed(&mut d, "S");
    assert_eq!(d.app.modal, Some(RoomId::Settings));
    key(&mut d, KeyCode::Esc);
    assert_eq!(d.app.modal, None);
}

#[test]
fn settings_dialog_snapshots() {
    for (lang, code) in [(Lang::Pl, "pl"), (Lang::En, "en")] {
        for (w, h) in [(80u16, 24u16), (20, 5)] {
            let mut d = picker(lang, "Częstochowa");
            d.act(Action::Resize(w, h));
            insta::assert_snapshot!(format!("sessions_{code}_{w}x{h}"), screen(&d, w, h));
            typed(&mut d, "S");
            insta::assert_snapshot!(format!("settings_{code}_{w}x{h}"), screen(&d, w, h));
            focus(&mut d, 2);
            insta::assert_snapshot!(
                format!("settings_genitive_{code}_{w}x{h}"),
                screen(&d, w, h)
            );
        }
    }
}

#[test]
fn on_a_low_screen_the_form_scrolls_to_the_focused_field() {
    let mut d = picker(Lang::En, "Częstochowa");
    d.act(Action::Resize(60, 8));
    typed(&mut d, "S");
    // Back from the first field is the last one.
    key(&mut d, KeyCode::BackTab);
    assert!(form(&d).state.focus > 10);
    let shown = screen(&d, 60, 8);
    assert!(shown.contains("§ layout"), "{shown}");
    assert!(
        !shown.contains("Title"),
        "scrolled past the first field:\n{shown}"
    );
    // Forward again wraps to the first field, in view again.
    key(&mut d, KeyCode::Tab);
    assert_eq!(form(&d).state.focus, 0);
    assert!(screen(&d, 60, 8).contains("Title"));
}
