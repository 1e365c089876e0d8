//! The outline's units in the store: adding children and siblings at every level,
//! moving, deleting with children (refused when it would lose work), restoring, and
//! typed numbers taken off.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers may panic

use narada::model::{CardDraft, CardKind, MapTarget, SectionLevel, SessionDraft, SessionKind};
use narada::storage::Store;
use narada::storage::outline::SectionRow;
use narada::storage::outline_units::Place;

fn store() -> Store {
    Store::open_in_memory().unwrap()
}

fn under(id: &str) -> Place {
    Place::Under(Some(id.to_owned()))
}

fn cite(s: &mut Store, id: &str) -> String {
    s.outline()
        .unwrap()
        .into_iter()
        .find(|x| x.id == id)
        .map(|x| x.citation)
        .unwrap_or_default()
}

/// § 1 with ust. 1 and ust. 2; ust. 2 has pkt 1 with lit. a and b; lit. b has two tirets.
fn deep(s: &mut Store) -> Vec<SectionRow> {
    let p = s.find_section("§ 1").unwrap();
    let u1 = s.add_unit(&under(&p.id), None, "Pierwszy ustęp.").unwrap();
    let u2 = s
        .add_unit(&Place::After(u1.id.clone()), None, "Drugi ustęp:")
        .unwrap();
    let k1 = s.add_unit(&under(&u2.id), None, "punkt").unwrap();
    let a = s.add_unit(&under(&k1.id), None, "litera a").unwrap();
    let b = s
        .add_unit(&Place::After(a.id.clone()), None, "litera b")
        .unwrap();
    let t1 = s.add_unit(&under(&b.id), None, "tiret pierwsze").unwrap();
    let t2 = s
        .add_unit(&Place::After(t1.id.clone()), None, "tiret drugie")
        .unwrap();
    vec![p, u1, u2, k1, a, b, t1, t2]
}

#[test]
fn children_and_siblings_get_levels_and_addresses() {
    use SectionLevel::*;
    let mut s = store();
    let u = deep(&mut s);
    let levels: Vec<SectionLevel> = u.iter().map(|x| x.level).collect();
    assert_eq!(levels, [Paragraph, Ust, Ust, Pkt, Lit, Lit, Tiret, Tiret]);
    assert_eq!(u[5].citation, "§ 1 ust. 2 pkt 1 lit. b");
    assert_eq!(u[7].citation, "§ 1 ust. 2 pkt 1 lit. b tiret 2");
    // Units below the § hold text, not a heading.
    assert_eq!(
        (u[1].heading.as_str(), u[1].draft_text.as_str()),
        ("", "Pierwszy ustęp.")
    );
    // A tiret holds nothing.
    assert!(s.add_unit(&under(&u[7].id), None, "x").is_err());
    // A pkt may go straight into a § (no ust.); a lit. may not.
    let p2 = s.find_section("§ 2").unwrap();
    let k = s.add_unit(&under(&p2.id), Some(Pkt), "wprost").unwrap();
    assert_eq!(k.citation, "§ 2 pkt 1");
    let err = s.add_unit(&under(&p2.id), Some(Lit), "nie").unwrap_err();
    assert!(err.to_string().contains("cannot hold a lit"), "{err}");
    // Empty text writes nothing.
    let before = s.outline().unwrap().len();
    assert!(s.add_unit(&under(&p2.id), Some(Pkt), "  2)  ").is_err());
    assert_eq!(s.outline().unwrap().len(), before);
}

#[test]
fn inserting_a_sibling_renumbers_the_ones_after_it() {
    let mut s = store();
    let u = deep(&mut s);
    // A new ust. after ust. 1: the old ust. 2 (and all below it) becomes ust. 3.
    let new = s
        .add_unit(&Place::After(u[1].id.clone()), None, "Nowy.")
        .unwrap();
    assert_eq!(new.citation, "§ 1 ust. 2");
    assert_eq!(cite(&mut s, &u[2].id), "§ 1 ust. 3");
    assert_eq!(cite(&mut s, &u[6].id), "§ 1 ust. 3 pkt 1 lit. b tiret 1");
    // A new § after § 1 shifts every later §.
    let before = s.find_section("§ 2").unwrap();
    s.add_unit(&Place::After(u[0].id.clone()), None, "Nowy §")
        .unwrap();
    assert_eq!(cite(&mut s, &before.id), "§ 3");
    assert_eq!(cite(&mut s, &u[2].id), "§ 1 ust. 3");
}

#[test]
fn moving_renumbers_and_children_follow() {
    let mut s = store();
    let u = deep(&mut s);
    s.move_section(&u[2].id, -1).unwrap();
    assert_eq!(cite(&mut s, &u[2].id), "§ 1 ust. 1");
    assert_eq!(cite(&mut s, &u[4].id), "§ 1 ust. 1 pkt 1 lit. a");
    assert_eq!(cite(&mut s, &u[1].id), "§ 1 ust. 2");
    // Moving past the edge changes nothing.
    s.move_section(&u[2].id, -1).unwrap();
    assert_eq!(cite(&mut s, &u[2].id), "§ 1 ust. 1");
    // To another parent of the right level: the ust. goes to § 3, at its end.
    let p3 = s.find_section("§ 3").unwrap();
    let moved = s.move_unit_to(&u[2].id, Some(&p3.id)).unwrap();
    assert_eq!(moved.citation, "§ 3 ust. 1");
    assert_eq!(cite(&mut s, &u[7].id), "§ 3 ust. 1 pkt 1 lit. b tiret 2");
    assert_eq!(cite(&mut s, &u[1].id), "§ 1 ust. 1");
    // Not into a level that cannot hold it, nor into its own units.
    assert!(s.move_unit_to(&u[2].id, Some(&u[4].id)).is_err());
    assert!(s.move_unit_to(&u[3].id, Some(&u[5].id)).is_err());
}

#[test]
fn deleting_takes_the_children_and_refuses_to_lose_work_without_force() {
    let mut s = store();
    let u = deep(&mut s);
    let sid = s
        .add_session(&SessionDraft::new("Grupa", SessionKind::WorkingGroup))
        .unwrap()
        .id;
    let card = s
        .add_card(&CardDraft::new(&sid, CardKind::Proposal, "Ławki"))
        .unwrap();
    s.map_section(&u[5].id, &MapTarget::Card(card.id.clone()))
        .unwrap();
    let loss = s.deletion_loss(&u[2].id).unwrap();
    assert_eq!((loss.units, loss.cards, loss.drafted), (6, 1, 6));
    let before = s.outline().unwrap();
    let err = s.delete_unit(&u[2].id, false).unwrap_err().to_string();
    assert!(
        err.contains("§ 1 ust. 2") && err.contains("1 mapped card"),
        "{err}"
    );
    assert!(err.contains("--force"), "{err}");
    assert_eq!(s.outline().unwrap(), before, "nothing written");
    let removed = s.delete_unit(&u[2].id, true).unwrap();
    assert_eq!(removed.units.len(), 6);
    let after = s.outline().unwrap();
    assert!(u[2..].iter().all(|x| !after.iter().any(|a| a.id == x.id)));
    // Restoring puts back the same units, mapping included.
    s.restore_units(&removed).unwrap();
    let back = s.outline().unwrap();
    assert_eq!(back, before);
    // An empty unit goes without --force.
    let empty = s.add_unit(&under(&u[0].id), None, "x").unwrap();
    s.edit_section(&empty.id, None, Some("")).unwrap();
    s.delete_unit(&empty.id, false).unwrap();
}

#[test]
fn a_typed_number_is_taken_off_text_and_headings() {
    let mut s = store();
    let p = s.find_section("§ 16").unwrap();
    let u = s
        .add_unit(&under(&p.id), None, "ust. 1 Głosowanie trwa 14 dni.")
        .unwrap();
    assert_eq!(u.citation, "§ 16 ust. 1");
    assert_eq!(u.draft_text, "Głosowanie trwa 14 dni.");
    let k = s.add_unit(&under(&u.id), None, "1) w punktach").unwrap();
    assert_eq!(k.draft_text, "w punktach");
    let ch = s
        .add_unit(&Place::Under(None), None, "Rozdział 9 Inne")
        .unwrap();
    assert_eq!(ch.heading, "Inne");
    s.edit_section(&u.id, None, Some("2. Głosowanie trwa 7 dni."))
        .unwrap();
    assert_eq!(cite(&mut s, &u.id), "§ 16 ust. 1");
    let text = s.find_section("§ 16 ust. 1").unwrap().draft_text;
    assert_eq!(text, "Głosowanie trwa 7 dni.");
    // A § keeps its numbered lines (drafted ust. in one text).
    s.edit_section(&p.id, None, Some("1. Jeden.\n2. Dwa."))
        .unwrap();
    assert_eq!(
        s.find_section("§ 16").unwrap().draft_text,
        "1. Jeden.\n2. Dwa."
    );
    s.edit_section(&p.id, Some("§ 16 Czas głosowania"), None)
        .unwrap();
    assert_eq!(s.find_section("§ 16").unwrap().heading, "Czas głosowania");
    assert!(s.edit_section(&p.id, Some("§ 16"), None).is_err());
}
