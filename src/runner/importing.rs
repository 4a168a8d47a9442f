//! The planner's import on disk: the `.ics` file read and matched with
//! the visits by the code `itinera import` uses (`crate::import`); the
//! app applies the resulting edit. Nothing is written here.

use crate::app::{Imported, Report};
use crate::domain::Mission;
use crate::import::{Outcome, ReadFailure, plan, read};
use crate::store::expand_home;

/// What the events of the file at `path` (as typed) do to `mission`.
pub(super) fn import(mission: &Mission, path: &str) -> Report {
    let source = path.trim();
    let events = match read(&expand_home(source)) {
        Ok(events) => events,
        Err(ReadFailure::File(problem)) => return Report::ImportFailed { problem },
        Err(ReadFailure::Text { line, col, message }) => {
            return Report::ImportFailed {
                problem: format!("{source}:{line}:{col}: {message}"),
            };
        }
    };
    let plan = plan(mission, &events);
    let count = |f: fn(&Outcome) -> bool| plan.entries.iter().filter(|e| f(&e.outcome)).count();
    let other = plan
        .entries
        .iter()
        .filter_map(|e| match &e.outcome {
            Outcome::Skipped {
                reason,
                outside: false,
            } => Some(format!("line {}: {reason}", e.line)),
            _ => None,
        })
        .collect();
    Report::Imported(Box::new(Imported {
        source: source.to_string(),
        added: count(|o| matches!(o, Outcome::Added { .. })),
        updated: count(|o| matches!(o, Outcome::Updated { .. })),
        unchanged: count(|o| matches!(o, Outcome::Unchanged { .. })),
        outside: count(|o| matches!(o, Outcome::Skipped { outside: true, .. })),
        other,
        edit: plan.edit,
    }))
}
