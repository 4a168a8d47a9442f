//! The problems of one day: worked out from the visits of that day and of
//! the days around it, so that an edit needs only its own days worked out
//! again.
//!
//! A day's result depends on the visits dated from [`BEFORE`] days before
//! it to [`AFTER`] days after it, and on the visits of earlier days that
//! run on to two days before it or later (listed in the scope's `reach`).
//! Zones are at most 26 hours apart, so a visit of another date outside
//! that window cannot start in the day's real time; a problem between two
//! visits belongs to the day of the one that starts later (in real time,
//! then by date, then in file order).

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};

use super::info::{Context, Infos, People};
use super::text;
use super::{Anchor, Problem, ProblemKind, Severity};
use crate::domain::{DayIndex, Local, Mission, Visit};

/// How many days before a day its visits may concern it.
pub(super) const BEFORE: i64 = 5;
/// How many days after a day its visits may concern it.
pub(super) const AFTER: i64 = 2;

/// What a day's problems are worked out from.
pub(super) struct Scope<'a> {
    pub mission: &'a Mission,
    pub index: &'a DayIndex,
    pub context: &'a Context,
    /// For each date whose visits end two days after it or later: the last
    /// date they end on.
    pub reach: &'a BTreeMap<NaiveDate, NaiveDate>,
    /// The dates of the `[[days]]` entries.
    pub entries: &'a HashSet<NaiveDate>,
}

/// How many visits (not cancelled) of a day each person attends.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Attendance {
    /// Visits for the whole delegation.
    pub whole: u64,
    /// Other visits, by person.
    pub people: Vec<(u32, u64)>,
}

/// A day's problems, in the order the day lists them, and who attends.
pub(super) struct DayResult {
    pub problems: Vec<Problem>,
    pub attendance: Attendance,
}

fn days(n: i64) -> TimeDelta {
    TimeDelta::days(n)
}

impl Scope<'_> {
    /// The visits dated `date`, in file order.
    pub fn own(&self, date: NaiveDate) -> &[usize] {
        match self.index.day_of_date(date) {
            Some(day) => self.index.visits_on(day),
            None => &[],
        }
    }

    /// Whether `date` is a day of the mission, of a visit or of a
    /// `[[days]]` entry: a day that can have problems.
    pub fn exists(&self, date: NaiveDate) -> bool {
        self.index.day_of_date(date).is_some() || self.entries.contains(&date)
    }

    /// The visits the problems of `date` are worked out from.
    pub fn candidates(&self, date: NaiveDate) -> Vec<usize> {
        let mut out = Vec::new();
        for offset in -BEFORE..=AFTER {
            if let Some(d) = date.checked_add_signed(days(offset)) {
                out.extend_from_slice(self.own(d));
            }
        }
        let (Some(first), Some(floor)) = (
            date.checked_sub_signed(days(BEFORE)),
            date.checked_sub_signed(days(2)),
        ) else {
            return out;
        };
        for (&earlier, &last) in self.reach.range(..first) {
            if last >= floor {
                out.extend(self.own(earlier).iter().copied().filter(|&i| {
                    let v = &self.mission.visits[i];
                    v.end_date.is_some_and(|end| end >= floor)
                }));
            }
        }
        out
    }

    /// The problems of `date`. `infos` holds the info of every candidate.
    pub fn compute(&self, infos: &impl Infos, date: NaiveDate) -> DayResult {
        let own = self.own(date);
        let mut ranked: Vec<(usize, Problem)> = Vec::new();
        self.outside(date, own, &mut ranked);
        self.in_file_order(own, &mut ranked);
        self.zones(own, &mut ranked);
        let candidates = self.candidates(date);
        let empty = self.is_empty(infos, date, own, &candidates);
        if empty {
            let problem = Problem::new(
                Severity::Note,
                ProblemKind::EmptyDay,
                Vec::new(),
                date,
                Anchor::Day(date),
                text::empty_day(date),
            );
            ranked.push((0, problem));
        }
        let sorted = timed(infos, &candidates);
        self.overlaps(infos, date, &sorted, &mut ranked);
        self.city_changes(infos, date, &sorted, &mut ranked);
        ranked.sort_by_key(|(rank, _)| *rank);
        DayResult {
            problems: ranked.into_iter().map(|(_, p)| p).collect(),
            attendance: attendance(infos, own),
        }
    }

    /// The rank of visit `i` among the day's problems: after the day's own.
    pub(super) fn rank(&self, i: usize) -> usize {
        self.index.slot(i).map_or(usize::MAX, |(_, pos)| pos + 1)
    }

    pub(super) fn visit(&self, i: usize) -> &Visit {
        &self.mission.visits[i]
    }

    fn outside(&self, date: NaiveDate, own: &[usize], out: &mut Vec<(usize, Problem)>) {
        let header = &self.mission.header;
        if date >= header.start && date <= header.end {
            return;
        }
        let message = |what| text::outside_message(what, date, header.start, header.end);
        if self.entries.contains(&date) {
            let at = Anchor::Day(date);
            let problem = Problem::new(
                Severity::Warning,
                ProblemKind::OutsideMission,
                Vec::new(),
                date,
                at,
                message("day"),
            );
            out.push((0, problem));
        }
        for &i in own {
            let key = self.visit(i).key;
            let at = Anchor::Visit { key, field: "date" };
            let problem = Problem::new(
                Severity::Warning,
                ProblemKind::OutsideMission,
                vec![key],
                date,
                at,
                message("visit"),
            );
            out.push((self.rank(i), problem));
        }
    }

    /// A timed visit listed below one that starts later (in real time:
    /// a call at 08:00 in Rome comes after a meeting at 09:30 in Tokyo).
    fn in_file_order(&self, own: &[usize], out: &mut Vec<(usize, Problem)>) {
        let zone = self.context.zone();
        let mut above: Option<(&Visit, DateTime<Utc>)> = None;
        for &i in own {
            let visit = self.visit(i);
            let Some(start) = visit.real_start(zone) else {
                continue;
            };
            if let Some((above, _)) = above.filter(|(_, s)| start < *s) {
                let problem = Problem::new(
                    Severity::Warning,
                    ProblemKind::OutOfOrder,
                    vec![above.key, visit.key],
                    visit.date,
                    Anchor::Visit {
                        key: visit.key,
                        field: "start",
                    },
                    text::out_of_order(visit, above, zone),
                );
                out.push((self.rank(i), problem));
            }
            above = Some((visit, start));
        }
    }

    /// Times a daylight-saving change skips (errors) or repeats.
    fn zones(&self, own: &[usize], out: &mut Vec<(usize, Problem)>) {
        let zone = self.context.zone();
        for &i in own {
            let visit = self.visit(i);
            let ends = [
                ("start", visit.starts_at(), visit.start_zone(zone)),
                ("end", visit.ends_at(), visit.end_zone(zone)),
            ];
            for (field, local, tz) in ends {
                let (Some(local), Some(tz)) = (local, tz) else {
                    continue;
                };
                let (severity, kind, message) = match crate::domain::resolve(Some(tz), local) {
                    Local::Once(_) => continue,
                    Local::Skipped(skip) => (
                        Severity::Error,
                        ProblemKind::SkippedTime,
                        text::skipped(local, tz, &skip),
                    ),
                    Local::Twice(repeat) => (
                        Severity::Warning,
                        ProblemKind::RepeatedTime,
                        text::repeated(local, tz, &repeat),
                    ),
                };
                let at = Anchor::Visit {
                    key: visit.key,
                    field,
                };
                let problem =
                    Problem::new(severity, kind, vec![visit.key], visit.date, at, message);
                out.push((self.rank(i), problem));
            }
        }
    }

    /// A day of the mission with no visit that is not cancelled, dated on
    /// it or running through it.
    fn is_empty(
        &self,
        infos: &impl Infos,
        date: NaiveDate,
        own: &[usize],
        candidates: &[usize],
    ) -> bool {
        let header = &self.mission.header;
        let in_mission = date >= header.start && date <= header.end;
        let planned = |i: &usize| infos.info(*i).is_some_and(|v| !v.cancelled);
        in_mission
            && !own.iter().any(planned)
            && !candidates.iter().any(|i| {
                planned(i)
                    && infos
                        .info(*i)
                        .is_some_and(|v| v.date < date && v.last >= date)
            })
    }

    /// Timed visits sharing people at the same time; each pair once, on
    /// the day of the one that starts later.
    fn overlaps(
        &self,
        infos: &impl Infos,
        date: NaiveDate,
        sorted: &[Timed],
        out: &mut Vec<(usize, Problem)>,
    ) {
        let mut active: Vec<usize> = Vec::new();
        for (k, x) in sorted.iter().enumerate() {
            active.retain(|&a| sorted[a].end > x.start);
            if x.date == date {
                for &a in &active {
                    let a = &sorted[a];
                    if !(a.start < x.end && x.start < a.end) {
                        continue;
                    }
                    let (Some(ia), Some(ix)) = (infos.info(a.visit), infos.info(x.visit)) else {
                        continue;
                    };
                    let shared = ia.people.shared(&ix.people);
                    if shared.is_empty() {
                        continue;
                    }
                    let problem = self.overlap(a.visit, x.visit, &shared, date);
                    out.push((self.rank(x.visit), problem));
                }
            }
            active.push(k);
        }
    }

    fn overlap(&self, a: usize, x: usize, shared: &People, date: NaiveDate) -> Problem {
        let zone = self.context.zone();
        let (va, vx) = (self.visit(a), self.visit(x));
        let message = format!(
            "\"{}\" ({}) overlaps \"{}\" ({}) for {}",
            text::excerpt(&vx.title),
            text::times(vx, zone, date),
            text::excerpt(&va.title),
            text::times(va, zone, date),
            self.names(shared)
        );
        let at = Anchor::Visit {
            key: vx.key,
            field: "start",
        };
        Problem::new(
            Severity::Warning,
            ProblemKind::Overlap,
            vec![va.key, vx.key],
            date,
            at,
            message,
        )
    }

    /// "the whole delegation", or the names of `people`.
    pub(super) fn names(&self, people: &People) -> String {
        let all = &self.context.people;
        match people {
            People::All => text::people(&[], true),
            People::Some(list) => {
                let names: Vec<&str> = list
                    .iter()
                    .filter_map(|&p| all.get(p as usize).map(|(_, _, name)| name.as_str()))
                    .collect();
                text::people(&names, !all.is_empty() && names.len() == all.len())
            }
        }
    }
}

/// A timed visit that is not cancelled, in real time.
pub(super) struct Timed {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub date: NaiveDate,
    pub visit: usize,
}

/// The timed candidates, in the order problems between them are owned:
/// by start, then date, then file order.
fn timed(infos: &impl Infos, candidates: &[usize]) -> Vec<Timed> {
    let mut sorted: Vec<Timed> = candidates
        .iter()
        .filter_map(|&visit| {
            let info = infos.info(visit)?;
            let (start, end) = info.range?;
            Some(Timed {
                start,
                end,
                date: info.date,
                visit,
            })
        })
        .collect();
    sorted.sort_by_key(|t| (t.start, t.date, t.visit));
    sorted
}

fn attendance(infos: &impl Infos, own: &[usize]) -> Attendance {
    let mut whole = 0;
    let mut people: BTreeMap<u32, u64> = BTreeMap::new();
    for info in own.iter().filter_map(|&i| infos.info(i)) {
        if info.cancelled {
            continue;
        }
        match &info.people {
            People::All => whole += 1,
            People::Some(list) => {
                for &p in list {
                    *people.entry(p).or_default() += 1;
                }
            }
        }
    }
    Attendance {
        whole,
        people: people.into_iter().collect(),
    }
}
