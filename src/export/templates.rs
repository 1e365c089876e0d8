//! The fixed wording of the resolution (title, legal basis, final provisions, headings of
//! the closing parts) rendered from minijinja templates. Built-in templates are embedded;
//! a file with the same name in the user's templates directory replaces one.

use crate::error::{Error, Result};
use crate::model::ExportView;
use crate::model::Lang;
use minijinja::value::Serde;
use minijinja::{Environment, UndefinedBehavior, context};
use std::path::Path;

const DEFAULT_PL: &str = include_str!("templates/document.pl.j2");
const DEFAULT_EN: &str = include_str!("templates/document.en.j2");

/// Everything the templates produce, as plain text (writers escape it for their format).
#[derive(Debug, Clone, PartialEq)]
pub struct FixedText {
    pub title: String,
    pub subtitle: String,
    pub legal_basis: String,
    /// Heading of the chapter that holds the final provisions when the outline has none.
    pub final_chapter: String,
    /// One § each, appended after the outline.
    pub final_provisions: Vec<String>,
    pub annexes_heading: String,
    pub annexes: Vec<String>,
    pub sources_heading: String,
    pub coverage_heading: String,
    pub draft_marker: String,
}

/// The template file name for a language, as it must be named to override the default.
pub fn template_name(lang: Lang) -> String {
    format!("document.{}.j2", lang.code())
}

/// The embedded default template for a language (so users can copy it as a start).
pub fn default_template(lang: Lang) -> &'static str {
    match lang {
        Lang::Pl => DEFAULT_PL,
        Lang::En => DEFAULT_EN,
    }
}

pub fn render_fixed_text(
    view: &ExportView,
    lang: Lang,
    templates_dir: Option<&Path>,
) -> Result<FixedText> {
    let name = template_name(lang);
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    // Defaults stay reachable under `default/…` so an override can extend them.
    for l in [Lang::Pl, Lang::En] {
        env.add_template_owned(format!("default/{}", template_name(l)), default_template(l))
            .map_err(|e| template_error(&e, None))?;
    }
    let user_file = templates_dir.map(|d| d.join(&name)).filter(|p| p.is_file());
    let source = match &user_file {
        Some(path) => std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?,
        None => default_template(lang).to_string(),
    };
    let dir = user_file.as_ref().and_then(|p| p.parent());
    env.add_template_owned(name.clone(), source)
        .map_err(|e| template_error(&e, dir))?;

    let session = view.session_scope.as_ref().map(|id| {
        view.sessions
            .iter()
            .find(|s| &s.id == id)
            .map_or_else(|| id.clone(), |s| s.title.clone())
    });
    let ctx = context! {
        consultation => Serde(&view.consultation),
        settings => Serde(&view.consultation.settings),
        generated_on => view.generated_on.clone(),
        session_scope => session,
    };
    let tmpl = env
        .get_template(&name)
        .map_err(|e| template_error(&e, dir))?;
    let mut captured = tmpl
        .render_captured(ctx)
        .map_err(|e| template_error(&e, dir))?;
    let mut block = |b: &str| -> Result<String> {
        captured
            .with_state_mut(|s| s.render_block(b))
            .map(|s| s.trim().to_string())
            .map_err(|e| template_error(&e, dir))
    };
    Ok(FixedText {
        title: block("title")?,
        subtitle: block("subtitle")?,
        legal_basis: block("legal_basis")?,
        final_chapter: block("final_chapter")?,
        final_provisions: lines(&block("final_provisions")?),
        annexes_heading: block("annexes_heading")?,
        annexes: lines(&block("annexes")?),
        sources_heading: block("sources_heading")?,
        coverage_heading: block("coverage_heading")?,
        draft_marker: block("draft_marker")?,
    })
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

/// Names the template file (with the user's directory when it is theirs) and the line.
fn template_error(e: &minijinja::Error, user_dir: Option<&Path>) -> Error {
    let name = e.name().unwrap_or("template");
    let file = match user_dir {
        Some(d) if !name.starts_with("default/") => d.join(name).display().to_string(),
        _ => format!("built-in {name}"),
    };
    let line = e.line().map(|l| format!(":{l}")).unwrap_or_default();
    let detail = e
        .detail()
        .map_or_else(|| e.kind().to_string(), String::from);
    Error::Invalid(format!("{file}{line}: template error: {detail}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ConsultationView, DocumentSettings};

    fn view(lang: &str) -> ExportView {
        ExportView {
            consultation: ConsultationView {
                title: "BO Reszel 2027".into(),
                city: "Reszel".into(),
                year: Some(2027),
                language: lang.into(),
                settings: DocumentSettings::for_city("Reszel"),
            },
            generated_on: "2026-11-24".into(),
            session_scope: None,
            sections: vec![],
            sessions: vec![],
            topics: vec![],
            cards: vec![],
        }
    }

    #[test]
    fn defaults_render_in_both_languages() {
        let pl = render_fixed_text(&view("pl"), Lang::Pl, None).unwrap();
        assert!(
            pl.title
                .starts_with("Uchwała Nr …/…/… Rady Miasta Reszla z dnia …")
        );
        assert!(pl.title.ends_with("Miasta Reszla"));
        assert!(
            pl.legal_basis
                .starts_with("Na podstawie art. 5a ust. 2 i 7")
        );
        assert!(pl.legal_basis.contains("(Dz. U. z … r. poz. …)"));
        assert_eq!(pl.final_provisions.len(), 2);
        assert_eq!(
            pl.final_provisions[0],
            "Wykonanie uchwały powierza się Prezydentowi Miasta Reszla."
        );
        assert!(pl.final_provisions[1].contains("14 dni"));
        assert!(pl.final_provisions[1].ends_with("Województwa …."));
        assert_eq!(pl.annexes.len(), 4);
        assert_eq!(pl.draft_marker, "rekomendacja do zredagowania");
        let en = render_fixed_text(&view("en"), Lang::En, None).unwrap();
        assert_eq!(en.draft_marker, "recommendation to be drafted");
        assert!(en.final_provisions[1].contains("14 days"));
        assert!(en.title.contains("of the City Council of Reszel of …"));
    }

    #[test]
    fn settings_fill_the_title_legal_basis_and_final_provisions() {
        use crate::model::{ConsultationSettings, SettingKey};
        let mut s = ConsultationSettings::default();
        for (k, v) in [
            (SettingKey::Executive, "burmistrz"),
            (SettingKey::Number, "XL/419/2027"),
            (SettingKey::Date, "30 sierpnia 2027 r."),
            (SettingKey::Journal, "Dz. U. z 2025 r. poz. 1153"),
            (SettingKey::Voivodeship, "warmińsko-mazurskie"),
        ] {
            s.set(k, v).unwrap();
        }
        let mut v = view("pl");
        v.consultation.settings = DocumentSettings::new(&s.resolve("Reszel"), "Reszel");
        let pl = render_fixed_text(&v, Lang::Pl, None).unwrap();
        assert_eq!(
            pl.title,
            "Uchwała Nr XL/419/2027 Rady Miejskiej w Reszlu z dnia 30 sierpnia 2027 r. \
             w sprawie wymagań, jakie powinien spełniać projekt budżetu obywatelskiego \
             Miasta Reszla"
        );
        assert!(
            pl.legal_basis
                .contains("(Dz. U. z 2025 r. poz. 1153) uchwala się")
        );
        assert_eq!(
            pl.final_provisions,
            [
                "Wykonanie uchwały powierza się Burmistrzowi Miasta Reszla.",
                "Uchwała wchodzi w życie po upływie 14 dni od dnia ogłoszenia w Dzienniku \
                 Urzędowym Województwa Warmińsko-Mazurskiego."
            ]
        );
        let en = render_fixed_text(&v, Lang::En, None).unwrap();
        assert!(en.final_provisions[0].contains("entrusted to the Mayor of Reszel."));
        assert!(en.final_provisions[1].contains("Journal of the Warmian-Masurian Voivodeship"));
        assert!(en.legal_basis.contains("(Dz. U. z 2025 r. poz. 1153)"));
    }

    #[test]
    fn user_file_wins_and_can_extend_the_default() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("document.pl.j2"),
            "{% extends \"default/document.pl.j2\" %}\n\
             {% block title %}Uchwała dla {{ consultation.city }}{% endblock %}",
        )
        .unwrap();
        let t = render_fixed_text(&view("pl"), Lang::Pl, Some(dir.path())).unwrap();
        assert_eq!(t.title, "Uchwała dla Reszel");
        assert!(t.legal_basis.starts_with("Na podstawie"));
        // The English template is not overridden.
        let en = render_fixed_text(&view("en"), Lang::En, Some(dir.path())).unwrap();
        assert!(en.title.starts_with("Resolution No"));
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("document.pl.j2");
        std::fs::write(
            &path,
            "{% block title %}\nok\n{{ nope.missing }}{% endblock %}",
        )
        .unwrap();
        let err = render_fixed_text(&view("pl"), Lang::Pl, Some(dir.path()))
            .unwrap_err()
            .to_string();
        assert!(err.contains(&path.display().to_string()), "{err}");
        assert!(err.contains(":3"), "{err}");

        std::fs::write(&path, "{% block title %}\n{% if %}{% endblock %}").unwrap();
        let err = render_fixed_text(&view("pl"), Lang::Pl, Some(dir.path()))
            .unwrap_err()
            .to_string();
        assert!(err.contains("document.pl.j2:2"), "{err}");
    }
}
