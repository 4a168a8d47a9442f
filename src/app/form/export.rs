//! The export form: a format, who the export is for, and where it goes.
//!
//! "For" offers the whole mission, the selected day, each participant by
//! name and "everyone, a file each". The path starts next to the mission
//! file, named after it (`japan-2022.md`, `japan-2022-vicini.md`, the
//! folder `japan-2022-agendas/` for a file each), and follows the format
//! and the choice of who it is for until the user types a path of their
//! own, as a visit's end follows its start.

use std::path::Path;

use chrono::NaiveDate;

use super::{Entity, Form, Input, Name, Target, kinds, text};
use crate::app::effects::{ExportRequest, ExportScope};
use crate::domain::Mission;
use crate::export::Format;

/// What the export form knows beside its fields.
pub(crate) struct ExportSetup {
    /// The mission file: default paths go next to it.
    file: String,
    /// The scopes "For" offers, in its order.
    scopes: Vec<ExportScope>,
    /// The user typed in the path: it no longer follows the choices.
    path_edited: bool,
}

/// The path an export goes to when the user gives none: next to the
/// mission `file`, named after it; a folder for a file each.
pub fn default_path(file: &str, format: Format, scope: &ExportScope) -> String {
    let file = Path::new(file);
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "agenda".to_string());
    let ext = format.extension();
    let name = match scope {
        ExportScope::All => format!("{stem}.{ext}"),
        ExportScope::Day(day) => format!("{stem}-{day}.{ext}"),
        ExportScope::Person(id) => format!("{stem}-{id}.{ext}"),
        ExportScope::Everyone => format!("{stem}-agendas/"),
    };
    match file.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(dir) => dir.join(name).to_string_lossy().into_owned(),
        None => name,
    }
}

/// How "For" names a scope.
fn scope_label(mission: &Mission, scope: &ExportScope) -> String {
    match scope {
        ExportScope::All => "the whole mission".to_string(),
        ExportScope::Day(day) => format!("{} only", day.format("%A %-d %B")),
        ExportScope::Person(id) => mission
            .participant(id)
            .map_or_else(|| id.clone(), |p| p.name.clone()),
        ExportScope::Everyone => "everyone, a file each".to_string(),
    }
}

impl Form {
    /// The export form for the mission in `file`, in `format`: for the
    /// whole mission, or for participant `person` (the one selected in
    /// the delegation pane); `day` is the selected day.
    pub fn export(
        mission: &Mission,
        file: &str,
        day: Option<NaiveDate>,
        person: Option<usize>,
        format: Format,
    ) -> Form {
        let person = person
            .and_then(|p| mission.participants.get(p))
            .map(|p| ExportScope::Person(p.id.clone()));
        let request = ExportRequest {
            format,
            scope: person.unwrap_or(ExportScope::All),
            path: String::new(),
            replace: false,
        };
        Form::export_again(mission, file, day, &request)
    }

    /// The export form with the choices of `request`; its path, when it
    /// has one, is the user's own.
    pub fn export_again(
        mission: &Mission,
        file: &str,
        day: Option<NaiveDate>,
        request: &ExportRequest,
    ) -> Form {
        let mut scopes = vec![ExportScope::All];
        scopes.extend(day.map(ExportScope::Day));
        let people = &mission.participants;
        scopes.extend(people.iter().map(|p| ExportScope::Person(p.id.clone())));
        if !people.is_empty() {
            scopes.push(ExportScope::Everyone);
        }
        let format = Input::Choice {
            options: Format::ALL.iter().map(|f| f.name().to_string()).collect(),
            selected: Format::ALL
                .iter()
                .position(|f| *f == request.format)
                .unwrap_or(0),
        };
        let scope = Input::Choice {
            options: scopes.iter().map(|s| scope_label(mission, s)).collect(),
            selected: scopes.iter().position(|s| *s == request.scope).unwrap_or(0),
        };
        let path = match request.path.as_str() {
            "" => default_path(file, request.format, &request.scope),
            path => path.to_string(),
        };
        let mut path_field = kinds::field(Name::Path, "Save to", text(&path, false));
        path_field.hint = "a file; a folder for a file each";
        let fields = vec![
            kinds::field(Name::Format, "Format", format),
            kinds::field(Name::Scope, "For", scope),
            path_field,
        ];
        let mut form = Form::new(Target::Export, Entity::Export, "Export", fields);
        form.export = Some(Box::new(ExportSetup {
            file: file.to_string(),
            scopes,
            path_edited: !request.path.is_empty(),
        }));
        if !request.path.is_empty() {
            form.focus = 2;
            form.refocus();
        }
        form
    }

    /// The export the form describes, once it validated.
    pub fn export_request(&self) -> Option<ExportRequest> {
        let setup = self.export.as_ref()?;
        Some(ExportRequest {
            format: self.export_format()?,
            scope: self.export_scope(setup)?.clone(),
            path: self.text(Name::Path),
            replace: false,
        })
    }

    fn selected(&self, name: Name) -> Option<usize> {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .and_then(|f| match &f.input {
                Input::Choice { selected, .. } => Some(*selected),
                _ => None,
            })
    }

    fn export_format(&self) -> Option<Format> {
        Format::ALL.get(self.selected(Name::Format)?).copied()
    }

    fn export_scope<'s>(&self, setup: &'s ExportSetup) -> Option<&'s ExportScope> {
        setup.scopes.get(self.selected(Name::Scope)?)
    }

    /// After a key in the export form: a path typed stays; otherwise the
    /// path follows the format and the choice of who it is for.
    pub(super) fn export_edited(&mut self, name: Name, before: &str) {
        let typed = name == Name::Path
            && self
                .fields
                .iter()
                .any(|f| f.name == name && f.raw_text() != before);
        if let Some(setup) = self.export.as_deref_mut() {
            setup.path_edited |= typed;
        }
        let Some(setup) = self.export.as_deref() else {
            return;
        };
        if setup.path_edited {
            return;
        }
        let (Some(format), Some(scope)) = (self.export_format(), self.export_scope(setup)) else {
            return;
        };
        let path = default_path(&setup.file, format, scope);
        self.replace_text(Name::Path, &path);
    }

    pub(super) fn validate_export(&mut self) {
        if self.text(Name::Path).is_empty() {
            self.set_error(Name::Path, Some("required: a file, or a folder".into()));
        }
    }
}
