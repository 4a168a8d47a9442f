//! The mission's problems ([`crate::domain::problems`]) placed in the
//! file they were read from: each points at the value of the key it names
//! in the table of its visit, day or participant, as the reader's own
//! problems do.

use std::collections::HashMap;
use std::ops::Range;

use super::dto::{EntryDto, MissionDto};
use super::tree::Table;
use super::{Diagnostic, Parsed, ReadOnly, Report};
use crate::domain::problems::{Anchor, Problem, Problems};
use crate::domain::schema::{DAY, PARTICIPANT, VISIT};
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
        let problems = Problems::build(&self.mission);
        let kept: Vec<&Problem> = problems.iter().filter(|p| keep(p)).collect();
        // Placed where the reading found them, without reading again.
        let spans: Option<Vec<Range<usize>>> = (kept.iter())
            .map(|p| self.spots.span(&self.mission, &p.at))
            .collect();
        match spans {
            Some(spans) => {
                let mut diagnostics = self.report.diagnostics.clone();
                diagnostics.extend(kept.iter().zip(spans).map(|(problem, span)| Diagnostic {
                    severity: problem.severity,
                    span,
                    message: problem.message.clone(),
                }));
                Report::new(diagnostics)
            }
            None => report_with(&self.mission, &self.report, Some(&self.text), keep),
        }
    }
}

/// Where the entities of a mission read for reading only are written,
/// noted as it was read: the tables of its visits, days and participants
/// and the values the plan's problems point at (a visit's date, start and
/// end, a day's date, a participant's id), so that `itinera check` places
/// them without parsing the text a second time.
#[derive(Clone, Debug, Default)]
pub(super) struct Spots {
    mission: Range<usize>,
    /// Each `[[visits]]` table, then the values of [`PLACED`].
    visits: Vec<[Range<usize>; 1 + PLACED.len()]>,
    /// Each `[[days]]` entry's date (its table without one).
    days: Vec<Range<usize>>,
    /// Each `[[participants]]` entry's id (its table without one).
    participants: Vec<Range<usize>>,
    /// The keys of the visits and participants and the dates of the days
    /// read from these tables, in their order.
    visit_keys: Vec<Key>,
    participant_keys: Vec<Key>,
    day_dates: Vec<chrono::NaiveDate>,
    /// Visit keys to tables, made the first time a visit is looked for.
    tables: std::cell::OnceCell<HashMap<Key, usize>>,
}

/// The fields of a visit the plan's problems point at.
const PLACED: [&str; 3] = ["date", "start", "end"];

impl Spots {
    pub fn of(dto: &MissionDto) -> Self {
        let at = |entry: &EntryDto, index: usize| {
            entry
                .get(index)
                .map_or_else(|| entry.span.clone(), |value| value.span.clone())
        };
        let day_date = DAY.at("date");
        let participant_id = PARTICIPANT.at("id");
        let placed = PLACED.map(|key| VISIT.at(key));
        Spots {
            mission: dto.header.as_ref().map_or(0..0, |h| h.span.clone()),
            visits: (dto.visits.iter())
                .map(|v| {
                    let mut spans: [Range<usize>; 1 + PLACED.len()] = Default::default();
                    spans[0] = v.span.clone();
                    for (span, &index) in spans[1..].iter_mut().zip(&placed) {
                        *span = at(v, index);
                    }
                    spans
                })
                .collect(),
            days: dto.days.iter().map(|d| at(d, day_date)).collect(),
            participants: (dto.participants.iter())
                .map(|p| at(p, participant_id))
                .collect(),
            ..Spots::default()
        }
    }

    /// These spots, naming the entities of `mission`, the mission read
    /// from their tables (nothing when it does not have one entity per
    /// table, as a mission that loaded has).
    pub fn of_mission(self, mission: &Mission) -> Self {
        let one_each = self.visits.len() == mission.visits.len()
            && self.days.len() == mission.days.len()
            && self.participants.len() == mission.participants.len();
        if !one_each {
            return Spots::default();
        }
        Spots {
            visit_keys: mission.visits.iter().map(|v| v.key).collect(),
            participant_keys: mission.participants.iter().map(|p| p.key).collect(),
            day_dates: mission.days.iter().map(|d| d.date).collect(),
            ..self
        }
    }

    /// Where `at` is written, as [`Places::span`] finds it; `None` when
    /// it names something not noted here (or the mission is not the one
    /// these were noted from).
    fn span(&self, mission: &Mission, at: &Anchor) -> Option<Range<usize>> {
        match *at {
            Anchor::Visit { key, field } => {
                let tables = self.tables.get_or_init(|| {
                    (self.visit_keys.iter().enumerate())
                        .map(|(i, &key)| (key, i))
                        .collect()
                });
                let spans = self.visits.get(*tables.get(&key)?)?;
                let field = PLACED.iter().position(|f| *f == field)?;
                Some(spans[1 + field].clone())
            }
            Anchor::Participant(key) => {
                let i = self.participant_keys.iter().position(|&k| k == key)?;
                self.participants.get(i).cloned()
            }
            // A day the mission has now but the file had not is placed as
            // [`Places::span`] places it only if the file had no entry.
            Anchor::Day(date) => match self.day_dates.iter().position(|&d| d == date) {
                Some(i) => self.days.get(i).cloned(),
                None if mission.day_info(date).is_none() => Some(self.mission.clone()),
                None => None,
            },
        }
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

#[cfg(test)]
mod tests {
    use crate::file::{parse_bytes, read_bytes};

    /// The problems `check` places from what the reading noted are where
    /// reading the text again places them, and where they were found for
    /// every kind of problem.
    #[test]
    fn spots_noted_while_reading_are_where_the_tree_puts_them() {
        let dir = env!("CARGO_MANIFEST_DIR");
        for name in ["problems", "features", "cjk", "small"] {
            let path = format!("{dir}/tests/fixtures/valid/{name}.toml");
            let bytes = std::fs::read(&path).expect("fixture");
            let read = read_bytes(bytes.clone()).expect("loads");
            let parsed = parse_bytes(&bytes).expect("loads");
            let noted = read.check_report();
            assert_eq!(
                noted.diagnostics,
                parsed.check_report().diagnostics,
                "{name}"
            );
            if name == "problems" {
                assert!(noted.diagnostics.len() >= 8, "{noted:?}");
            }
        }
        // The sample, with a visit retimed to overlap another.
        let sample = std::fs::read_to_string(format!("{dir}/data/clust-er-health-japan-2022.toml"))
            .expect("sample");
        let changed = sample.replacen("start = 14:00", "start = 09:30", 1);
        assert_ne!(changed, sample, "the sample has a visit at 14:00");
        let read = read_bytes(changed.clone().into_bytes()).expect("loads");
        let parsed = parse_bytes(changed.as_bytes()).expect("loads");
        let noted = read.check_report().diagnostics;
        assert!(!noted.is_empty(), "the retimed visit overlaps");
        assert_eq!(noted, parsed.check_report().diagnostics);
    }

    /// A mission changed after reading places what it can from the
    /// reading and reads the text again for the rest.
    #[test]
    fn a_visit_added_after_reading_is_placed_by_reading_again() {
        let dir = env!("CARGO_MANIFEST_DIR");
        let bytes =
            std::fs::read(format!("{dir}/tests/fixtures/valid/problems.toml")).expect("fixture");
        let mut read = read_bytes(bytes).expect("loads");
        let before = read.check_report().diagnostics;
        let copy = read.mission.visits[2].clone();
        read.mission.visits.push(crate::domain::Visit {
            key: crate::domain::Key::fresh(),
            ..copy
        });
        let after = read.check_report().diagnostics;
        assert!(after.len() > before.len(), "{after:?}");
    }
}
