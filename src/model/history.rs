//! A card's history in words: the append-only lineage events the store records
//! (`edited` with the old values as JSON, `merged_into` another card, …) as short
//! sentences in Polish or English, for `narada card show` and the card's detail.

use super::kinds::{CardKind, DecisionOutcome};
use super::lang::Lang;
use serde::Serialize;
use serde_json::Value;
use std::fmt::Write;

/// One recorded event of a card's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CardEvent {
    pub event: String,
    pub related_id: Option<String>,
    /// JSON with what changed (old values on edits, reason on deletes).
    pub detail: Option<String>,
    pub actor: Option<String>,
    pub at: String,
}

impl CardEvent {
    /// The detail as JSON; `Null` when there is none or it is not JSON.
    fn detail_json(&self) -> Value {
        self.detail
            .as_deref()
            .and_then(|d| serde_json::from_str(d).ok())
            .unwrap_or(Value::Null)
    }

    /// The reason given with the event, if any.
    pub fn why(&self) -> Option<String> {
        match self.detail_json().get("why") {
            Some(Value::String(w)) if !w.trim().is_empty() => Some(w.clone()),
            _ => None,
        }
    }
}

/// Picks the word of the language: every sentence here exists in both.
fn tr(lang: Lang, en: &'static str, pl: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Pl => pl,
    }
}

/// The fields an edit records, in the order a card shows them.
const FIELDS: [&str; 6] = ["text", "kind", "speaker", "activity", "tags", "votes"];

fn field_name(field: &str, lang: Lang) -> &str {
    match field {
        "text" => tr(lang, "text", "tekst"),
        "kind" => tr(lang, "kind", "rodzaj"),
        "speaker" => tr(lang, "speaker", "rola"),
        "activity" => tr(lang, "activity", "aktywność"),
        "tags" => tr(lang, "tags", "tagi"),
        "votes" => tr(lang, "votes", "głosy"),
        other => other,
    }
}

/// Longest old text quoted in full; longer ones are cut with `…`.
const QUOTE_CHARS: usize = 60;

fn quote(text: &str, lang: Lang) -> String {
    let mut cut: String = text.chars().take(QUOTE_CHARS).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    match lang {
        Lang::En => format!("\"{cut}\""),
        Lang::Pl => format!("„{cut}”"),
    }
}

/// A field's value before an edit, as the sentence shows it.
fn old_value(field: &str, value: &Value, lang: Lang) -> String {
    let none = tr(lang, "none", "brak");
    match (field, value) {
        ("kind", Value::String(k)) => k
            .parse::<CardKind>()
            .map_or_else(|_| k.clone(), |k| k.name(lang).to_owned()),
        ("tags", Value::Array(tags)) if tags.is_empty() => none.to_owned(),
        ("tags", Value::Array(tags)) => tags
            .iter()
            .map(|t| format!("#{}", t.as_str().unwrap_or_default()))
            .collect::<Vec<_>>()
            .join(" "),
        ("text", Value::String(t)) => quote(t, lang),
        (_, Value::String(s)) => s.clone(),
        (_, Value::Null) => none.to_owned(),
        (_, other) => other.to_string(),
    }
}

/// "edited: text (was "…"), speaker (was none)".
fn edited(detail: &Value, lang: Lang) -> String {
    if let Some(m) = detail.get("merge_conflict") {
        return merge_settled(m, lang);
    }
    if detail.get("import").is_some() {
        return tr(
            lang,
            "updated by a re-import",
            "zaktualizowana ponownym importem",
        )
        .into();
    }
    let was = tr(lang, "was", "było");
    let changes: Vec<String> = FIELDS
        .iter()
        .filter_map(|f| {
            let old = detail.get(*f)?;
            Some(format!(
                "{} ({was}: {})",
                field_name(f, lang),
                old_value(f, old, lang)
            ))
        })
        .collect();
    let verb = tr(lang, "edited", "edytowana");
    if changes.is_empty() {
        verb.to_owned()
    } else {
        format!("{verb}: {}", changes.join(", "))
    }
}

/// A conflict a merge settled: which version stayed and the other side's words, so no
/// text is lost from the database.
fn merge_settled(m: &Value, lang: Lang) -> String {
    let from = m.get("from").and_then(Value::as_str).unwrap_or("?");
    let lost = m
        .get("lost_text")
        .and_then(Value::as_str)
        .map(|t| quote(t, lang))
        .unwrap_or_default();
    let (en, pl) = match m.get("policy").and_then(Value::as_str) {
        Some("theirs") => (
            "edited on both sides, merge with {from} took its version; this one read: {lost}",
            "zmieniona po obu stronach, scalenie z {from} przyjęło tamtą wersję; ta brzmiała: {lost}",
        ),
        Some("both") => (
            "edited on both sides, merge with {from} kept this version and added the other as a copy: {lost}",
            "zmieniona po obu stronach, scalenie z {from} zachowało tę wersję i dodało tamtą jako kopię: {lost}",
        ),
        _ => (
            "edited on both sides, merge with {from} kept this version; the other read: {lost}",
            "zmieniona po obu stronach, scalenie z {from} zachowało tę wersję; tamta brzmiała: {lost}",
        ),
    };
    tr(lang, en, pl)
        .replace("{from}", from)
        .replace("{lost}", &lost)
}

/// How a merge combined the dot votes, from the `votes` the event records.
fn vote_policy(detail: &Value, lang: Lang) -> Option<&'static str> {
    Some(match detail.get("votes")?.as_str()? {
        "sum" => tr(lang, "votes added up", "głosy zsumowane"),
        "max" => tr(
            lang,
            "the highest tally kept",
            "zachowana najwyższa liczba głosów",
        ),
        "separate" => tr(lang, "votes kept apart", "głosy osobno"),
        _ => return None,
    })
}

/// A reason narada itself records when it undoes something, in words; `None` for a
/// reason a person typed (shown as typed).
fn undo_reason(why: &str, lang: Lang) -> Option<&'static str> {
    Some(match why {
        "merge undone" => tr(lang, "merge undone", "scalenie cofnięte"),
        "split undone" => tr(lang, "split undone", "podział cofnięty"),
        "undo" => tr(lang, "adding undone", "dodanie cofnięte"),
        _ => return None,
    })
}

/// One history event as a sentence in `lang`: "edited: text (was "…")", "merged into
/// #12 (votes added up) — duplikat", "deleted — powtórzenie". `related` is the number
/// of the card the event links to (merges, splits), which the caller looks up.
pub fn describe_event(e: &CardEvent, related: Option<i64>, lang: Lang) -> String {
    let detail = e.detail_json();
    let card = related.map_or_else(|| "#?".to_owned(), |n| format!("#{n}"));
    let mut why = e.why();
    let mut s = match e.event.as_str() {
        "created" => match detail.get("conflict_copy_of") {
            Some(_) => {
                let from = detail.get("from").and_then(Value::as_str).unwrap_or("?");
                let words = tr(
                    lang,
                    "created as a copy of {card} from {from} (edited on both sides)",
                    "utworzona jako kopia {card} z {from} (zmieniona po obu stronach)",
                );
                words.replace("{card}", &card).replace("{from}", from)
            }
            None => tr(lang, "created", "utworzona").into(),
        },
        "imported" => tr(lang, "imported", "zaimportowana").into(),
        "edited" => edited(&detail, lang),
        "voted" => {
            let n = |k: &str| detail.get(k).map_or_else(|| "?".into(), Value::to_string);
            format!(
                "{}: {} → {}",
                tr(lang, "votes", "głosy"),
                n("from"),
                n("to")
            )
        }
        "deleted" | "restored" => {
            let mut s = if e.event == "deleted" {
                tr(lang, "deleted", "usunięta").to_owned()
            } else {
                tr(lang, "restored", "przywrócona").to_owned()
            };
            if let Some(reason) = why.as_deref().and_then(|w| undo_reason(w, lang)) {
                let _ = write!(s, ": {reason}");
                if related.is_some() {
                    let _ = write!(s, " ({card})");
                }
                why = None;
            }
            s
        }
        "merged_into" => format!("{} {card}", tr(lang, "merged into", "scalona w")),
        "merged_from" => format!("{} {card}", tr(lang, "merged from", "powstała ze scalenia")),
        "split_into" => format!("{} {card}", tr(lang, "split into", "podzielona na")),
        "split_from" => format!("{} {card}", tr(lang, "split from", "wydzielona z")),
        other => other.replace('_', " "),
    };
    if e.event.starts_with("merged_")
        && let Some(policy) = vote_policy(&detail, lang)
    {
        let _ = write!(s, " ({policy})");
    }
    if let Some(w) = why {
        let _ = write!(s, " — {w}");
    }
    s
}

/// A working-group decision on the card, as a history line: "decision: adopted in part
/// — rationale", marked when it was withdrawn.
pub fn describe_decision(
    outcome: DecisionOutcome,
    rationale: &str,
    retracted: bool,
    lang: Lang,
) -> String {
    let mut s = format!(
        "{}: {}",
        tr(lang, "decision", "decyzja"),
        outcome.name(lang)
    );
    if !rationale.trim().is_empty() {
        let _ = write!(s, " — {}", rationale.trim());
    }
    if retracted {
        let _ = write!(s, " ({})", tr(lang, "withdrawn", "wycofana"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    // (event, detail, related card, English, Polish)
    type Row = (
        &'static str,
        Option<&'static str>,
        Option<i64>,
        &'static str,
        &'static str,
    );

    fn ev(event: &str, detail: Option<&str>) -> CardEvent {
        CardEvent {
            event: event.into(),
            related_id: None,
            detail: detail.map(str::to_owned),
            actor: None,
            at: "2026-11-28T06:40:53.002Z".into(),
        }
    }

    #[test]
    fn every_event_reads_as_words_in_both_languages() {
        let edit = r#"{"speaker":null,"text":"Więcej ławek","kind":"proposal","tags":["a","b"],"votes":3}"#;
        let table: &[Row] = &[
            ("created", None, None, "created", "utworzona"),
            ("imported", None, None, "imported", "zaimportowana"),
            (
                "edited",
                Some(r#"{"speaker":null}"#),
                None,
                "edited: speaker (was: none)",
                "edytowana: rola (było: brak)",
            ),
            (
                "edited",
                Some(edit),
                None,
                "edited: text (was: \"Więcej ławek\"), kind (was: proposal), \
                 speaker (was: none), tags (was: #a #b), votes (was: 3)",
                "edytowana: tekst (było: „Więcej ławek”), rodzaj (było: propozycja), \
                 rola (było: brak), tagi (było: #a #b), głosy (było: 3)",
            ),
            (
                "edited",
                Some(r#"{"import":true}"#),
                None,
                "updated by a re-import",
                "zaktualizowana ponownym importem",
            ),
            (
                "voted",
                Some(r#"{"from":1,"to":4}"#),
                None,
                "votes: 1 → 4",
                "głosy: 1 → 4",
            ),
            ("deleted", None, None, "deleted", "usunięta"),
            (
                "deleted",
                Some(r#"{"why":"powtórzenie"}"#),
                None,
                "deleted — powtórzenie",
                "usunięta — powtórzenie",
            ),
            (
                "deleted",
                Some(r#"{"why":"undo"}"#),
                None,
                "deleted: adding undone",
                "usunięta: dodanie cofnięte",
            ),
            (
                "restored",
                Some(r#"{"why":"merge undone"}"#),
                Some(12),
                "restored: merge undone (#12)",
                "przywrócona: scalenie cofnięte (#12)",
            ),
            ("restored", None, None, "restored", "przywrócona"),
            (
                "merged_into",
                Some(r#"{"votes":"sum","why":"duplikat"}"#),
                Some(12),
                "merged into #12 (votes added up) — duplikat",
                "scalona w #12 (głosy zsumowane) — duplikat",
            ),
            (
                "merged_from",
                Some(r#"{"votes":"max"}"#),
                Some(3),
                "merged from #3 (the highest tally kept)",
                "powstała ze scalenia #3 (zachowana najwyższa liczba głosów)",
            ),
            (
                "split_into",
                Some("{}"),
                Some(7),
                "split into #7",
                "podzielona na #7",
            ),
            ("split_from", None, None, "split from #?", "wydzielona z #?"),
            (
                "created",
                Some(r#"{"conflict_copy_of":"x","from":"b.db"}"#),
                Some(5),
                "created as a copy of #5 from b.db (edited on both sides)",
                "utworzona jako kopia #5 z b.db (zmieniona po obu stronach)",
            ),
            (
                "some_new_event",
                Some("not json"),
                None,
                "some new event",
                "some new event",
            ),
        ];
        for (event, detail, related, en, pl) in table {
            let e = ev(event, *detail);
            assert_eq!(
                describe_event(&e, *related, Lang::En),
                *en,
                "{event} {detail:?}"
            );
            assert_eq!(
                describe_event(&e, *related, Lang::Pl),
                *pl,
                "{event} {detail:?}"
            );
        }
    }

    #[test]
    fn long_old_texts_are_cut() {
        let long = "ą".repeat(100);
        let e = ev("edited", Some(&format!(r#"{{"text":"{long}"}}"#)));
        let s = describe_event(&e, None, Lang::En);
        assert!(s.ends_with("…\")"), "{s}");
        assert_eq!(s.matches('ą').count(), QUOTE_CHARS);
    }

    #[test]
    fn decisions_read_as_words() {
        assert_eq!(
            describe_decision(DecisionOutcome::AdoptedInPart, "", false, Lang::En),
            "decision: adopted in part"
        );
        assert_eq!(
            describe_decision(DecisionOutcome::Rejected, " Za drogo ", true, Lang::Pl),
            "decyzja: odrzucona — Za drogo (wycofana)"
        );
    }

    #[test]
    fn why_is_read_from_the_detail() {
        assert_eq!(
            ev("deleted", Some(r#"{"why":"x"}"#)).why().as_deref(),
            Some("x")
        );
        assert_eq!(ev("deleted", Some(r#"{"why":" "}"#)).why(), None);
        assert_eq!(ev("deleted", None).why(), None);
    }
}
