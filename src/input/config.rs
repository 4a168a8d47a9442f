//! The optional user configuration, `config.toml` in the config directory
//! (`$XDG_CONFIG_HOME/itinera/config.toml` on Linux):
//!
//! ```toml
//! theme = "default"   # or "mono"; NO_COLOR in the environment forces "mono"
//! home_clock = true   # show the home time zone's clock beside the trip's
//! ripple_minutes = 15 # how far + and - shift the rest of a day
//!
//! [keys]              # rebind keys: key = action, or "none" to unbind
//! "ctrl-n" = "next_day"
//! "x" = "none"
//!
//! [keys.form]         # the other modes: form, text, dialog, command,
//! "ctrl-j" = "apply"  # help, schedule
//!
//! [keys.dialog]       # a key may do one of several actions: the open
//! "enter" = ["confirm", "save_over"]  # dialog takes the one it offers
//! ```
//!
//! Each table replaces what its keys did in its mode and leaves the other
//! keys as they are. The action words are those of the help overlay and
//! the README; a mode's table takes only that mode's actions.
//!
//! A broken config never stops the planner: every setting that can be read
//! is used, and every problem is reported in the status bar.

use std::path::Path;

use super::{Action, Binding, Key, KeyMode, Keymap};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ThemeName {
    #[default]
    Default,
    Mono,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub theme: ThemeName,
    pub home_clock: bool,
    /// How far `+` and `-` shift the rest of a day.
    pub ripple_minutes: u16,
    pub keymap: Keymap,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: ThemeName::Default,
            home_clock: true,
            ripple_minutes: 15,
            keymap: Keymap::default(),
        }
    }
}

impl Config {
    /// Reads `path` if it exists. Returns the configuration and the
    /// problems found, each a one-line message naming the file.
    pub fn load(path: &Path, no_color: bool) -> (Config, Vec<String>) {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(err) => {
                let problem = format!("{}: {err}", path.display());
                return (Config::default().no_color(no_color), vec![problem]);
            }
        };
        let (config, problems) = Config::parse(&text, &path.display().to_string());
        (config.no_color(no_color), problems)
    }

    fn no_color(mut self, no_color: bool) -> Self {
        if no_color {
            self.theme = ThemeName::Mono;
        }
        self
    }

    /// Parses config text; `name` is used in problem messages.
    pub fn parse(text: &str, name: &str) -> (Config, Vec<String>) {
        let table: toml::Table = match text.parse() {
            Ok(table) => table,
            Err(err) => {
                // Not TOML at all: nothing in it can be trusted.
                let err: toml::de::Error = err;
                let place = err
                    .span()
                    .map(|s| {
                        let (line, col) = line_col(text, s.start);
                        format!(":{line}:{col}")
                    })
                    .unwrap_or_default();
                let message = err.message().trim_end().to_string();
                return (Config::default(), vec![format!("{name}{place}: {message}")]);
            }
        };
        // Each setting is read on its own: a mistake in one leaves the
        // others in force.
        let mut config = Config::default();
        let mut problems = Vec::new();
        let mut overrides = Vec::new();
        for (key, value) in &table {
            match (key.as_str(), value) {
                ("theme", toml::Value::String(word)) => match word.as_str() {
                    "default" => config.theme = ThemeName::Default,
                    "mono" => config.theme = ThemeName::Mono,
                    other => problems.push(format!(
                        "{name}: theme \"{other}\" is not \"default\" or \"mono\""
                    )),
                },
                ("home_clock", toml::Value::Boolean(on)) => config.home_clock = *on,
                ("ripple_minutes", toml::Value::Integer(m)) if (1..=720).contains(m) => {
                    config.ripple_minutes = *m as u16;
                }
                ("ripple_minutes", _) => problems.push(format!(
                    "{name}: ripple_minutes must be a number of minutes from 1 to 720"
                )),
                ("keys", toml::Value::Table(keys)) => {
                    read_keys(keys, name, &mut overrides, &mut problems);
                }
                ("theme" | "home_clock" | "keys", _) => {
                    let expected = match key.as_str() {
                        "theme" => "a word, \"default\" or \"mono\"",
                        "home_clock" => "true or false",
                        _ => "a table: [keys]",
                    };
                    problems.push(format!("{name}: {key} must be {expected}"));
                }
                (other, _) => {
                    let known = ["theme", "home_clock", "ripple_minutes", "keys"];
                    let hint = crate::domain::suggest(other, known)
                        .map(|k| format!(" (did you mean {k}?)"))
                        .unwrap_or_default();
                    problems.push(format!("{name}: unknown setting {other}{hint}"));
                }
            }
        }
        config.keymap = Keymap::with_overrides(&overrides);
        (config, problems)
    }
}

/// The line and column (from 1, columns in characters) of byte `offset`
/// of `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.matches('\n').count() + 1;
    (line, before[line_start..].chars().count() + 1)
}

/// The `[keys]` table: each entry rebinds a key of the main screen (to an
/// action, a list of actions, or "none" to unbind it); `[keys.form]`,
/// `[keys.dialog]`... do the same for the other modes.
fn read_keys(
    keys: &toml::Table,
    name: &str,
    overrides: &mut Vec<Binding>,
    problems: &mut Vec<String>,
) {
    for (key, value) in keys {
        match (KeyMode::named(key), value) {
            (Some(mode), toml::Value::Table(table)) => {
                read_mode(mode, table, name, overrides, problems);
            }
            (None, toml::Value::Table(_)) => {
                let tables: Vec<&str> = KeyMode::ALL[1..].iter().map(|m| m.table()).collect();
                problems.push(format!(
                    "{name}: there is no key table keys.{key} (the tables are {})",
                    tables.join(", ")
                ));
            }
            _ => read_binding(KeyMode::Normal, key, value, name, overrides, problems),
        }
    }
}

/// One mode's table, `[keys.form]` and the like.
fn read_mode(
    mode: KeyMode,
    table: &toml::Table,
    name: &str,
    overrides: &mut Vec<Binding>,
    problems: &mut Vec<String>,
) {
    for (key, value) in table {
        read_binding(mode, key, value, name, overrides, problems);
    }
}

/// `key = "action"`, `key = ["action", ...]` or `key = "none"` in the table
/// of `mode`.
fn read_binding(
    mode: KeyMode,
    key: &str,
    value: &toml::Value,
    name: &str,
    overrides: &mut Vec<Binding>,
    problems: &mut Vec<String>,
) {
    let key = match Key::parse(key) {
        Ok(key) => key,
        Err(err) => {
            problems.push(format!("{name}: {err}"));
            return;
        }
    };
    let words: Option<Vec<&str>> = match value {
        toml::Value::String(word) => Some(vec![word.as_str()]),
        toml::Value::Array(items) => items.iter().map(toml::Value::as_str).collect(),
        _ => None,
    };
    let Some(words) = words else {
        problems.push(format!(
            "{name}: the action for key {key} must be a word in quotes"
        ));
        return;
    };
    let mut actions = Vec::new();
    let mut wrong = Vec::new();
    for word in words.into_iter().filter(|w| *w != "none") {
        match action_of(mode, key, word) {
            Ok(action) => actions.push(action),
            Err(why) => wrong.push(format!("{name}: {why}")),
        }
    }
    // A binding with a mistake is left out whole: the key keeps what it did.
    if wrong.is_empty() {
        overrides.push(Binding { mode, key, actions });
    }
    problems.extend(wrong);
}

/// The action `word` names for `key`, if `mode` offers it.
fn action_of(mode: KeyMode, key: Key, word: &str) -> Result<Action, String> {
    let table = mode.table();
    match toml::Value::String(word.to_string()).try_into::<Action>() {
        Ok(action) if mode.offers(action) => Ok(action),
        Ok(_) => Err(format!(
            "\"{word}\" is not an action of [{table}] (key {key}; see the README for each table's actions)"
        )),
        Err(_) if mode == KeyMode::Normal => Err(format!(
            "unknown action \"{word}\" for key {key} (see the README for action names)"
        )),
        Err(_) => Err(format!(
            "unknown action \"{word}\" for key {key} in [{table}] (see the README for action names)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_theme_clock_and_keys() {
        let (config, problems) = Config::parse(
            "theme = \"mono\"\nhome_clock = false\n[keys]\n\"x\" = \"next_day\"\n\"l\" = \"none\"\n",
            "config.toml",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.theme, ThemeName::Mono);
        assert!(!config.home_clock);
        assert_eq!(config.keymap.action(Key::char('x')), Some(Action::NextDay));
        assert_eq!(config.keymap.action(Key::char('l')), None);
    }

    #[test]
    fn no_color_forces_the_mono_theme() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "theme = \"default\"\n").expect("write");
        assert_eq!(Config::load(&path, false).0.theme, ThemeName::Default);
        assert_eq!(Config::load(&path, true).0.theme, ThemeName::Mono);
        let missing = dir.path().join("none.toml");
        assert_eq!(Config::load(&missing, true).0.theme, ThemeName::Mono);
    }

    #[test]
    fn problems_are_reported_and_the_rest_is_used() {
        let (config, problems) = Config::parse(
            "[keys]\n\"x\" = \"nxt_day\"\n\"ctrl-\" = \"help\"\n\"y\" = \"help\"\n",
            "config.toml",
        );
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].contains("unknown key \"ctrl-\""),
            "{problems:?}"
        );
        assert!(
            problems[1].contains("unknown action \"nxt_day\""),
            "{problems:?}"
        );
        assert_eq!(config.keymap.action(Key::char('y')), Some(Action::Help));

        // One mistake leaves every other setting in force.
        let (config, problems) = Config::parse(
            "theme = \"mono\"\nhme_clock = false\nripple_minutes = 30\n[keys]\n\"ctrl-n\" = \"next_day\"\n",
            "config.toml",
        );
        assert_eq!(
            problems,
            ["config.toml: unknown setting hme_clock (did you mean home_clock?)"]
        );
        assert_eq!(config.theme, ThemeName::Mono);
        assert_eq!(config.ripple_minutes, 30);
        assert_eq!(config.keymap.action(Key::ctrl('n')), Some(Action::NextDay));

        let (config, problems) = Config::parse(
            "theme = \"dark\"\nripple_minutes = 0\nhome_clock = \"no\"\n",
            "config.toml",
        );
        assert_eq!(config, Config::default());
        assert_eq!(problems.len(), 3, "{problems:?}");

        let (config, problems) = Config::parse("theme = \n", "config.toml");
        assert_eq!(config, Config::default(), "not TOML: defaults");
        assert!(problems[0].starts_with("config.toml:1:"), "{problems:?}");
    }
}
