//! The mission's problems ([`crate::domain::problems`]) placed in the
//! file they were read from: each points at the value of the key it names
//! in the table of its visit, day or participant, as the reader's own
//! problems do.

use std::ops::Range;

use toml_edit::Document;

use super::{Base, Diagnostic, Parsed, Report};
use crate::domain::problems::{Anchor, Problem, Problems};

impl Parsed {
    /// Every problem `itinera check` reports: what reading the file found,
    /// and the problems of the plan, each at its place in the file.
    pub fn check_report(&self) -> Report {
        self.report_with(|_| true)
    }

    /// What reading the file found, and the problems of the plan that
    /// `keep` keeps.
    pub fn report_with(&self, keep: impl Fn(&Problem) -> bool) -> Report {
        let problems = Problems::build(&self.mission);
        let mut diagnostics = self.report.diagnostics.clone();
        for problem in problems.iter().filter(|p| keep(p)) {
            diagnostics.push(Diagnostic {
                severity: problem.severity,
                span: self.base.span(&problem.at).unwrap_or(0..0),
                message: problem.message.clone(),
            });
        }
        Report::new(diagnostics)
    }
}

impl Base {
    /// Where `at` is written in the file as read; `None` once the document
    /// has been rendered (its spans are gone) or for an entity the file did
    /// not have.
    pub fn span(&self, at: &Anchor) -> Option<Range<usize>> {
        let doc: &Document<String> = self.read.as_deref()?;
        let root = doc.as_table();
        let entry = |list: &str, i: usize| root.get(list)?.as_array_of_tables()?.get(i);
        match *at {
            Anchor::Visit { key, field } => {
                let table = entry("visits", *self.visit_tables.get(&key)?)?;
                table
                    .get(field)
                    .and_then(|item| item.span())
                    .or(table.span())
            }
            Anchor::Participant(key) => {
                let table = entry("participants", *self.participant_tables.get(&key)?)?;
                table
                    .get("id")
                    .and_then(|item| item.span())
                    .or(table.span())
            }
            Anchor::Day(date) => match self.mission.days.iter().position(|d| d.date == date) {
                Some(i) => {
                    let table = entry("days", i)?;
                    table
                        .get("date")
                        .and_then(|item| item.span())
                        .or(table.span())
                }
                None => root.get("mission")?.as_table()?.span(),
            },
        }
    }
}
