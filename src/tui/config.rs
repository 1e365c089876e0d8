//! `config.toml` in the config directory: language and key-binding overrides.
//!
//! A missing file means defaults; a file with an unknown setting, mode, action or key
//! stops start-up with the file's path and the reason, rather than being half-applied.

use super::action::Action;
use super::keymap::{Key, Keymap, Mode};
use crate::error::{Error, Result};
use crate::model::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

pub const CONFIG_FILE: &str = "config.toml";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `pl` or `en`; `--lang` wins over it, and it wins over the locale.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// `[keys.list]` `"x" = "delete"`: per mode, key → action.
    #[serde(default)]
    pub keys: BTreeMap<Mode, BTreeMap<String, Action>>,
}

impl Config {
    pub fn parse(label: &str, text: &str) -> Result<Config> {
        toml::from_str(text).map_err(|e| Error::Invalid(format!("{label}: {e}")))
    }

    /// Reads the config file of a directory; no file gives the defaults.
    pub fn load(dir: &Path) -> Result<Config> {
        let path = dir.join(CONFIG_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Config::parse(&path.display().to_string(), &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(Error::io(&path, e)),
        }
    }

    /// The default keymap with this file's overrides applied.
    pub fn keymap(&self, label: &str) -> Result<Keymap> {
        let mut km = Keymap::default();
        for (mode, table) in &self.keys {
            for (key, action) in table {
                let k = Key::parse(key).map_err(|e| Error::Invalid(format!("{label}: {e}")))?;
                km.bind(*mode, k, action.clone());
            }
        }
        Ok(km)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn overrides_replace_and_add_bindings() {
        let c = Config::parse(
            "c.toml",
            "lang = \"pl\"\n[keys.list]\nx = \"delete\"\n\"ctrl-s\" = \"search\"\n",
        )
        .unwrap();
        assert_eq!(c.lang, Some(Lang::Pl));
        let km = c.keymap("c.toml").unwrap();
        let x = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(km.lookup(Mode::List, &x), Some(Action::Delete));
        let cs = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(km.lookup(Mode::List, &cs), Some(Action::Search));
    }

    #[test]
    fn unknown_names_are_refused_with_the_path() {
        for bad in [
            "colour = 1",
            "[keys.lists]\nx = \"delete\"",
            "[keys.list]\nx = \"explode\"",
            "[keys.list]\nx = \"key\"",
        ] {
            let err = Config::parse("/home/a/config.toml", bad).unwrap_err();
            assert!(err.to_string().starts_with("/home/a/config.toml"), "{err}");
        }
        let c = Config::parse("f", "[keys.list]\n\"hyper-x\" = \"delete\"").unwrap();
        assert!(c.keymap("f").unwrap_err().to_string().contains("hyper-x"));
    }
}
