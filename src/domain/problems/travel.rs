//! Changes of city with too little time between them: for each person,
//! two timed visits in a row in different cities, no journey between
//! them, and less time than the route (or the travel buffer) takes.

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeDelta};

use super::day::{Scope, Timed};
use super::info::{Info, Infos, People};
use super::text;
use super::{Anchor, Problem, ProblemKind, Severity};
use crate::domain::Visit;

impl Scope<'_> {
    /// For each person, two timed visits in a row in different cities
    /// (visits without a city skipped, a journey in between clearing it)
    /// with less time between them than the journey takes.
    pub(super) fn city_changes(
        &self,
        infos: &impl Infos,
        date: NaiveDate,
        sorted: &[Timed],
        out: &mut Vec<(usize, Problem)>,
    ) {
        let mut found: BTreeMap<(usize, usize), Change> = BTreeMap::new();
        // Looked up once, not once a person.
        let looked: Vec<Option<&Info>> = sorted.iter().map(|x| infos.info(x.visit)).collect();
        for person in 0..self.context.persons() {
            let mut last: Option<usize> = None;
            for (k, x) in sorted.iter().enumerate() {
                let Some(info) = looked[k].filter(|i| i.people.has(person)) else {
                    continue;
                };
                if info.travel {
                    last = None;
                    continue;
                }
                let Some(city) = &info.city else { continue };
                if let Some(a) = last.map(|a| &sorted[a]).filter(|_| x.date == date) {
                    let from = last.and_then(|a| looked[a]).and_then(|i| i.city.as_deref());
                    if let Some(from) = from.filter(|from| from != city) {
                        let (needed, route) = self.context.needed(from, city);
                        let gap = x.start - a.end;
                        if gap >= TimeDelta::zero() && gap < TimeDelta::minutes(needed.into()) {
                            let change = found.entry((a.visit, x.visit)).or_insert(Change {
                                people: Vec::new(),
                                gap,
                                needed,
                                route,
                            });
                            change.people.push(person);
                        }
                    }
                }
                last = Some(k);
            }
        }
        for ((a, x), change) in found {
            let problem = self.city_change(a, x, change, date);
            out.push((self.rank(x), problem));
        }
    }

    fn city_change(&self, a: usize, x: usize, change: Change, date: NaiveDate) -> Problem {
        let Change {
            people,
            gap,
            needed,
            route,
        } = change;
        let people = if self.context.people.is_empty() {
            People::All
        } else {
            People::Some(people)
        };
        let zone = self.context.zone();
        let (va, vx) = (self.visit(a), self.visit(x));
        let city = |v: &Visit| text::excerpt(v.city.as_deref().unwrap_or("")).into_owned();
        let need = text::format_duration(TimeDelta::minutes(needed.into()));
        let need = if route {
            format!("the route takes {need}")
        } else {
            format!("a change of city takes {need} (travel_buffer)")
        };
        let message = format!(
            "{} from {} to {} between \"{}\" (ends {}) and \"{}\" (starts {}) for {}; {need}",
            text::gap(gap),
            city(va),
            city(vx),
            text::excerpt(&va.title),
            text::ends(va, zone, date),
            text::excerpt(&vx.title),
            text::starts(vx, zone, date),
            self.names(&people)
        );
        let at = Anchor::Visit {
            key: vx.key,
            field: "start",
        };
        Problem::new(
            Severity::Warning,
            ProblemKind::TightCityChange,
            vec![va.key, vx.key],
            date,
            at,
            message,
        )
    }
}

/// Too little time between two visits in different cities.
struct Change {
    /// For whom the two visits follow each other.
    people: Vec<u32>,
    gap: TimeDelta,
    /// The minutes the journey takes, and whether a route says so.
    needed: u32,
    route: bool,
}
