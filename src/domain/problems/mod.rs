//! What is wrong with the plan: one engine for `itinera check`, the
//! planner and the exports.
//!
//! Each [`Problem`] has a severity, a kind, the visits it concerns (by
//! session key, which edits elsewhere do not change), its day and where it
//! points in the file ([`Anchor`], which the file layer turns into a line
//! and column). The kinds:
//!
//! - *overlap*: two timed visits, not cancelled, whose real time ranges
//!   overlap and that share an attendee (the whole delegation is
//!   everyone);
//! - *tight city change*: for one person, two timed visits in a row in
//!   different cities, no journey (a `travel` visit) between them, and
//!   less time between them than the route between the cities takes (or
//!   the mission's `travel_buffer`, when no route names them);
//! - *empty day*: a day of the mission without a visit (a note);
//! - *idle participant*: someone who attends no visit;
//! - *outside the mission*, *out of order*: a day or visit dated outside
//!   the mission, a timed visit listed below one that starts later;
//! - a time a daylight-saving change *skips* (an error) or *repeats*.
//!
//! [`Problems::build`] works out every day; [`Problems::update`] only the
//! days an edit touched ([`crate::domain::Touched`]) and their neighbours
//! (see [`day`] for which). A change of the header (dates, zones, travel
//! buffer), of the delegation or of the routes works out every day again,
//! as does an update told it changed `everything`; `update` notices such a
//! change by itself. Idle participants are counted from each day's
//! attendance, so they follow any edit in time proportional to the
//! delegation.
//!
//! Building costs time linear in the visits (each day sorts the visits of
//! a window of eight days, and goes through them once per person for the
//! city changes), plus the overlaps found.

mod day;
mod info;
#[cfg(test)]
mod tests;
mod text;
mod travel;

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;

use chrono::{NaiveDate, TimeDelta};

pub use text::{MAX_QUOTED, excerpt, outside_message};

use super::{DayIndex, Key, Mission, Touched};
use day::{AFTER, Attendance, BEFORE, Scope};
use info::{Context, Info, Several};

/// How much a problem matters. An error in the plan (a time that does not
/// exist) makes `itinera check` fail; warnings and notes do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// What kind of problem it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProblemKind {
    Overlap,
    TightCityChange,
    EmptyDay,
    IdleParticipant,
    OutsideMission,
    OutOfOrder,
    SkippedTime,
    RepeatedTime,
}

/// Where a problem points in the mission file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The value of `field` in a visit's table.
    Visit { key: Key, field: &'static str },
    /// A day: the `date` of its `[[days]]` entry, or the `[mission]` table
    /// when it has none.
    Day(NaiveDate),
    /// A participant's `id`.
    Participant(Key),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub kind: ProblemKind,
    /// The visits concerned, the one the problem is shown at last.
    pub visits: Vec<Key>,
    /// The day it belongs to; `None` for an idle participant.
    pub date: Option<NaiveDate>,
    pub at: Anchor,
    pub message: String,
}

impl Problem {
    fn new(
        severity: Severity,
        kind: ProblemKind,
        visits: Vec<Key>,
        date: NaiveDate,
        at: Anchor,
        message: String,
    ) -> Self {
        Problem {
            severity,
            kind,
            visits,
            date: Some(date),
            at,
            message,
        }
    }
}

/// Every problem of a mission, by day and by visit.
#[derive(Clone, Debug, Default)]
pub struct Problems {
    context: Context,
    /// The problems of each day that has some, in the order of its visits.
    days: BTreeMap<NaiveDate, Vec<Problem>>,
    /// Idle participants, in delegation order.
    idle: Vec<Problem>,
    /// Visit -> the days and positions of its problems.
    by_visit: HashMap<Key, Vec<(NaiveDate, usize)>>,
    /// How many problems of each severity the days have.
    counts: [usize; 3],
    /// Dates whose visits end two days after them or later -> the last end.
    reach: BTreeMap<NaiveDate, NaiveDate>,
    attendance: BTreeMap<NaiveDate, Attendance>,
    /// Visits for the whole delegation, and per person, over all days.
    whole: u64,
    attends: Vec<u64>,
}

impl Problems {
    /// The problems of `mission`.
    pub fn build(mission: &Mission) -> Self {
        Problems::build_indexed(mission, &DayIndex::build(mission))
    }

    /// The problems of `mission`, whose day index is `index`.
    pub fn build_indexed(mission: &Mission, index: &DayIndex) -> Self {
        let context = Context::of(mission);
        let infos: Vec<Info> = mission.visits.iter().map(|v| context.info(v)).collect();
        let mut problems = Problems {
            attends: vec![0; mission.participants.len()],
            ..Problems::default()
        };
        for &date in index.dates() {
            problems.set_reach(mission, index, date);
        }
        let entries: HashSet<NaiveDate> = mission.days.iter().map(|d| d.date).collect();
        let dates: BTreeSet<NaiveDate> = index.dates().iter().chain(&entries).copied().collect();
        let scope = Scope {
            mission,
            index,
            context: &context,
            reach: &problems.reach,
            entries: &entries,
        };
        let results: Vec<_> = dates
            .into_iter()
            .map(|date| (date, scope.compute(&infos, date)))
            .collect();
        for (date, result) in results {
            problems.put(date, result.problems, result.attendance);
        }
        problems.context = context;
        problems.find_idle();
        problems
    }

    /// Works out again the problems of the days `touched` names (and of
    /// the days next to them that their visits concern), after an edit.
    /// `index` is the day index of `mission` as it is now. A change of the
    /// header, the delegation or the routes (or `touched.everything`)
    /// works out every day.
    pub fn update(&mut self, mission: &Mission, index: &DayIndex, touched: &Touched) {
        if touched.everything || !self.context.matches(mission) {
            *self = Problems::build_indexed(mission, index);
            return;
        }
        let mut dates: BTreeSet<NaiveDate> = BTreeSet::new();
        for &date in &touched.dates {
            let before = self.reach.get(&date).copied();
            self.set_reach(mission, index, date);
            let last = before.max(self.reach.get(&date).copied()).unwrap_or(date);
            // The days whose windows hold `date`, and those its visits
            // run on to (and two more).
            let from = date.checked_sub_signed(TimeDelta::days(AFTER));
            let to = date
                .checked_add_signed(TimeDelta::days(BEFORE))
                .max(last.checked_add_signed(TimeDelta::days(2)));
            let (Some(from), Some(to)) = (from, to) else {
                continue;
            };
            dates.extend(from.iter_days().take_while(|d| *d <= to));
        }
        let entries: HashSet<NaiveDate> = mission.days.iter().map(|d| d.date).collect();
        let scope = Scope {
            mission,
            index,
            context: &self.context,
            reach: &self.reach,
            entries: &entries,
        };
        let candidates: Vec<usize> = dates
            .iter()
            .filter(|d| scope.exists(**d))
            .flat_map(|&date| scope.candidates(date))
            .collect();
        let infos = Several::of(&candidates, |i| self.context.info(&mission.visits[i]));
        let results: Vec<_> = dates
            .iter()
            .map(|&date| {
                (
                    date,
                    scope.exists(date).then(|| scope.compute(&infos, date)),
                )
            })
            .collect();
        for (date, result) in results {
            self.remove(date);
            if let Some(result) = result {
                self.put(date, result.problems, result.attendance);
            }
        }
        self.find_idle();
    }

    /// Notes how far the visits of `date` run, when it is two days or more.
    fn set_reach(&mut self, mission: &Mission, index: &DayIndex, date: NaiveDate) {
        let visits = index
            .day_of_date(date)
            .map_or(&[][..], |d| index.visits_on(d));
        let last = visits
            .iter()
            .filter_map(|&i| mission.visits[i].end_date)
            .max()
            .filter(|&last| (last - date).num_days() >= 2);
        match last {
            Some(last) => self.reach.insert(date, last),
            None => self.reach.remove(&date),
        };
    }

    fn remove(&mut self, date: NaiveDate) {
        if let Some(old) = self.days.remove(&date) {
            for problem in &old {
                self.counts[problem.severity as usize] -= 1;
                for key in &problem.visits {
                    if let Some(list) = self.by_visit.get_mut(key) {
                        list.retain(|(d, _)| *d != date);
                        if list.is_empty() {
                            self.by_visit.remove(key);
                        }
                    }
                }
            }
        }
        if let Some(old) = self.attendance.remove(&date) {
            self.whole -= old.whole;
            for (p, n) in old.people {
                if let Some(total) = self.attends.get_mut(p as usize) {
                    *total -= n;
                }
            }
        }
    }

    fn put(&mut self, date: NaiveDate, problems: Vec<Problem>, attendance: Attendance) {
        self.whole += attendance.whole;
        for &(p, n) in &attendance.people {
            if let Some(total) = self.attends.get_mut(p as usize) {
                *total += n;
            }
        }
        if attendance != Attendance::default() {
            self.attendance.insert(date, attendance);
        }
        if problems.is_empty() {
            return;
        }
        for (at, problem) in problems.iter().enumerate() {
            self.counts[problem.severity as usize] += 1;
            for key in &problem.visits {
                // Kept in order, whatever order the days are worked out in.
                let list = self.by_visit.entry(*key).or_default();
                let place = list.partition_point(|entry| *entry < (date, at));
                if list.get(place) != Some(&(date, at)) {
                    list.insert(place, (date, at));
                }
            }
        }
        self.days.insert(date, problems);
    }

    fn find_idle(&mut self) {
        let whole = self.whole;
        self.idle = self
            .context
            .people
            .iter()
            .zip(&self.attends)
            .filter(|(_, n)| whole == 0 && **n == 0)
            .map(|((key, id, name), _)| Problem {
                severity: Severity::Warning,
                kind: ProblemKind::IdleParticipant,
                visits: Vec::new(),
                date: None,
                at: Anchor::Participant(*key),
                message: format!("{} ({}) attends no visit", excerpt(name), excerpt(id)),
            })
            .collect();
    }

    /// The problems of `date`, in the order of its visits (the day's own
    /// first).
    pub fn on(&self, date: NaiveDate) -> &[Problem] {
        self.days.get(&date).map_or(&[], Vec::as_slice)
    }

    /// The problems that concern visit `key`, by day and in each day's
    /// order.
    pub fn of_visit(&self, key: Key) -> impl Iterator<Item = &Problem> + '_ {
        self.by_visit
            .get(&key)
            .into_iter()
            .flatten()
            .filter_map(|(date, at)| self.days.get(date)?.get(*at))
    }

    /// Whether visit `key` has a problem.
    pub fn has_visit(&self, key: Key) -> bool {
        self.by_visit.contains_key(&key)
    }

    /// The problems that belong to no day: idle participants.
    pub fn general(&self) -> &[Problem] {
        &self.idle
    }

    /// The dates that have problems, in order.
    pub fn dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.days.keys().copied()
    }

    /// Every problem: by day, then those of no day.
    pub fn iter(&self) -> impl Iterator<Item = &Problem> + '_ {
        self.days.values().flatten().chain(&self.idle)
    }

    /// How many problems have `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        let idle = if severity == Severity::Warning {
            self.idle.len()
        } else {
            0
        };
        self.counts[severity as usize] + idle
    }

    pub fn len(&self) -> usize {
        self.counts.iter().sum::<usize>() + self.idle.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
