//! Importing calendar events from the planner: `i` asks for an `.ics`
//! file; the runner reads it and works out what its events change
//! ([`Effect::Import`]), and the app applies that as one undoable step and
//! says what became of the events. Nothing is saved: the import is an
//! edit like any other, for `u` to take back and `Ctrl-S` to keep.

use super::{App, Effect, Imported, Report};

impl App {
    /// The import prompt was answered with `path`.
    pub(super) fn import_from(&mut self, path: &str) {
        if path.is_empty() {
            self.info("Nothing imported.");
            return;
        }
        self.effect(Effect::Import {
            path: path.to_string(),
        });
    }

    /// The reports of an import.
    pub(super) fn report_import(&mut self, report: Report) {
        match report {
            Report::Imported(imported) => self.imported(*imported),
            Report::ImportFailed { problem } => self.error(format!("Nothing imported: {problem}.")),
            _ => {}
        }
    }

    fn imported(&mut self, imported: Imported) {
        let changed = imported.added + imported.updated > 0;
        let label = format!("import {}", imported.source);
        if changed && !self.apply(imported.edit.clone(), label, None) {
            return;
        }
        let text = summary(&imported);
        if imported.outside > 0 || !imported.other.is_empty() {
            self.warn(text);
        } else {
            self.info(text);
        }
    }
}

/// "Imported x.ics: 2 added, 1 updated, 17 unchanged; 1 outside the
/// mission's dates; 1 not imported (line 40: it repeats …)."
fn summary(imported: &Imported) -> String {
    let Imported {
        source,
        added,
        updated,
        unchanged,
        outside,
        other,
        ..
    } = imported;
    let mut text = if added + updated > 0 {
        format!("Imported {source}: {added} added, {updated} updated, {unchanged} unchanged")
    } else {
        format!("Nothing to import from {source}: {unchanged} unchanged")
    };
    if *outside > 0 {
        text.push_str(&format!("; {outside} outside the mission's dates"));
    }
    if let Some(first) = other.first() {
        let more = match other.len() {
            1 => String::new(),
            n => format!(", and {} more", n - 1),
        };
        text.push_str(&format!("; {} not imported ({first}{more})", other.len()));
    }
    text.push('.');
    text
}
