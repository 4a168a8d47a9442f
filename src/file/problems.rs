//! The mission's problems ([`crate::domain::problems`]) placed in the
//! file they were read from: each points at the value of the key it names
//! in the table of its visit, day or participant, as the reader's own
//! problems do.

use std::collections::HashMap;
use std::ops::Range;

use super::tree::Table;
use super::{Diagnostic, Parsed, ReadOnly, Report};
use crate::domain::problems::{Anchor, Problem, Problems};
use crate::domain::{Key, Mission};

impl Parsed {
    /// Every problem `itinera check` reports: what reading the file found,
    /// and the problems of the plan, each at its place in the file.
    pub fn check_report(&self) -> Report {
        self.report_with(|_| true)
    }

    /// What reading the file found, and the problems of the plan that
    /// `keep` keeps.
    pub fn report_with(&self, keep: impl Fn(&Problem) -> bool) -> Report {
        report_with(&self.mission, &self.report, self.base.raw(), keep)
    }
}

impl ReadOnly {
    /// [`Parsed::check_report`], for a mission read for reading only.
    pub fn check_report(&self) -> Report {
        self.report_with(|_| true)
    }

    /// [`Parsed::report_with`], for a mission read for reading only.
    pub fn report_with(&self, keep: impl Fn(&Problem) -> bool) -> Report {
        report_with(&self.mission, &self.report, Some(&self.text), keep)
    }
}

/// The reader's report of `mission`, with the plan's problems that `keep`
/// keeps placed in `text` (at the file's start when there is no text).
fn report_with(
    mission: &Mission,
    report: &Report,
    text: Option<&str>,
    keep: impl Fn(&Problem) -> bool,
) -> Report {
    let problems = Problems::build(mission);
    let kept: Vec<&Problem> = problems.iter().filter(|p| keep(p)).collect();
    let mut diagnostics = report.diagnostics.clone();
    if kept.is_empty() {
        return Report::new(diagnostics);
    }
    // The text is parsed again only when there is a problem to place:
    // one pass, about the cost of reading the tree.
    let tree = text.map(|text| (text, toml::de::DeTable::parse_recoverable(text).0));
    let places = tree
        .as_ref()
        .map(|(text, tree)| Places::new(mission, Table::root(tree, text)));
    for problem in kept {
        diagnostics.push(Diagnostic {
            severity: problem.severity,
            span: places
                .as_ref()
                .and_then(|places| places.span(mission, &problem.at))
                .unwrap_or(0..0),
            message: problem.message.clone(),
        });
    }
    Report::new(diagnostics)
}

/// The tables of the file's lists, and which table holds which entity.
struct Places<'a> {
    root: Table<'a>,
    visits: Vec<Table<'a>>,
    participants: Vec<Table<'a>>,
    days: Vec<Table<'a>>,
    visit_tables: HashMap<Key, usize>,
    participant_tables: HashMap<Key, usize>,
}

impl<'a> Places<'a> {
    /// The mission's entities are in the file's order, so the n-th visit is
    /// the n-th `[[visits]]` table.
    fn new(mission: &Mission, root: Table<'a>) -> Self {
        let list = |name: &str| {
            root.get(name)
                .and_then(|item| item.tables())
                .unwrap_or_default()
        };
        Places {
            visits: list("visits"),
            participants: list("participants"),
            days: list("days"),
            visit_tables: mission
                .visits
                .iter()
                .enumerate()
                .map(|(i, v)| (v.key, i))
                .collect(),
            participant_tables: (mission.participants.iter().enumerate())
                .map(|(i, p)| (p.key, i))
                .collect(),
            root,
        }
    }

    /// Where `at` is written: the value of the key it names, or its table.
    fn span(&self, mission: &Mission, at: &Anchor) -> Option<Range<usize>> {
        let at_key = |table: &Table, key: &str| {
            table
                .get(key)
                .and_then(|item| item.span())
                .or(Some(table.span()))
        };
        match *at {
            Anchor::Visit { key, field } => {
                at_key(self.visits.get(*self.visit_tables.get(&key)?)?, field)
            }
            Anchor::Participant(key) => at_key(
                self.participants.get(*self.participant_tables.get(&key)?)?,
                "id",
            ),
            Anchor::Day(date) => match mission.days.iter().position(|d| d.date == date) {
                Some(i) => at_key(self.days.get(i)?, "date"),
                None => Some(self.root.get("mission")?.table()?.span()),
            },
        }
    }
}
