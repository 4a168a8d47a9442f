//! Exporting from the planner: `x` opens the export form; applying it asks
//! the runner to write the export ([`Effect::Export`]), which renders it
//! with the same code as `itinera export`. A file that is there is
//! replaced only after the user says so; the status bar says where the
//! export went, or why it did not.

use super::form::Form;
use super::{App, Confirm, Effect, ExportRequest, ExportScope, Mode, Pane, Report};
use crate::export::Format;

impl App {
    /// `x`: the export form, for the participant selected in the
    /// delegation pane when it has the focus, else the whole mission.
    pub(super) fn open_export(&mut self) {
        let person = (self.view.focus == Pane::Participants).then_some(self.view.participant);
        let day = self.plan.index().date(self.view.day);
        let file = self.file.to_string_lossy().into_owned();
        let format = self.export_format.unwrap_or(Format::Markdown);
        let form = Form::export(self.plan.mission(), &file, day, person, format);
        self.mode = Mode::Form(Box::new(form));
    }

    /// The export form again, with the choices of `request`, to give
    /// another path.
    fn export_again(&mut self, request: &ExportRequest) {
        let day = self.plan.index().date(self.view.day);
        let file = self.file.to_string_lossy().into_owned();
        let form = Form::export_again(self.plan.mission(), &file, day, request);
        self.mode = Mode::Form(Box::new(form));
    }

    /// The export form was applied.
    pub(super) fn export_form_applied(&mut self, form: &Form) {
        if let Some(request) = form.export_request() {
            self.export_format = Some(request.format);
            self.effect(Effect::Export(request));
        }
    }

    /// The answer to "replace the file that is there?".
    pub(super) fn answer_replace_export(&mut self, request: ExportRequest, replace: Option<bool>) {
        match replace {
            Some(true) => self.effect(Effect::Export(ExportRequest {
                replace: true,
                ..request
            })),
            Some(false) => self.export_again(&request),
            None => self.info("Not exported."),
        }
    }

    /// The reports of an export.
    pub(super) fn report_export(&mut self, report: Report) {
        match report {
            Report::Exported {
                request,
                files,
                new_folder,
            } => {
                let text = self.exported(&request, files, new_folder);
                self.info(text);
            }
            Report::ExportExists {
                request,
                existing,
                files,
            } => {
                self.mode = Mode::Confirm(Confirm::ReplaceExport {
                    request,
                    existing,
                    files,
                });
            }
            Report::ExportFailed { request, problem } => {
                self.export_again(&request);
                self.error(format!("Not exported: {problem}."));
            }
            other => self.report_publish(other),
        }
    }

    /// "Exported the agenda for everyone to japan.md".
    fn exported(&self, request: &ExportRequest, files: usize, new_folder: bool) -> String {
        let path = &request.path;
        let replaced = if request.replace {
            ", replacing what was there"
        } else {
            ""
        };
        match &request.scope {
            ExportScope::All => format!("Exported the agenda for everyone to {path}{replaced}."),
            ExportScope::Day(day) => format!(
                "Exported the agenda for {} to {path}{replaced}.",
                day.format("%A %-d %B")
            ),
            ExportScope::Person(id) => {
                let name = self
                    .plan
                    .mission()
                    .participant(id)
                    .map_or(id.as_str(), |p| p.name.as_str());
                format!("Exported {name}'s agenda to {path}{replaced}.")
            }
            ExportScope::Everyone => {
                let folder = if new_folder { " (a new folder)" } else { "" };
                format!(
                    "Exported {files} agendas, one per participant, to {path}{folder}{replaced}."
                )
            }
        }
    }
}
