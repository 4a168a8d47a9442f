//! What the problems need to know about the mission as a whole (its
//! zone, the delegation, the routes) and about each visit (its real time,
//! city and attendees), worked out once per visit.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::domain::{Header, Key, Kind, Mission, Route, Status, Visit, city_key};

/// The parts of the mission every day's problems depend on. When one of
/// them changes, every day is worked out again.
#[derive(Clone, Debug, Default)]
pub(super) struct Context {
    pub header: Option<Header>,
    /// Each participant's key, id and name, in delegation order.
    pub people: Vec<(Key, String, String)>,
    pub routes: Vec<Route>,
    /// Participant id -> position in `people`.
    ids: HashMap<String, u32>,
    /// The minutes of each route, by its two cities' keys in order.
    minutes: HashMap<(String, String), u32>,
}

impl Context {
    pub fn of(mission: &Mission) -> Self {
        let people: Vec<(Key, String, String)> = mission
            .participants
            .iter()
            .map(|p| (p.key, p.id.clone(), p.name.clone()))
            .collect();
        let ids = people
            .iter()
            .enumerate()
            .map(|(i, (_, id, _))| (id.clone(), i as u32))
            .collect();
        let minutes = mission
            .routes
            .iter()
            .map(|r| {
                (
                    pair(&city_key(&r.between[0]), &city_key(&r.between[1])),
                    r.minutes,
                )
            })
            .collect();
        Context {
            header: Some(mission.header.clone()),
            people,
            routes: mission.routes.clone(),
            ids,
            minutes,
        }
    }

    /// Whether `mission` has the header, delegation and routes this
    /// context was made from.
    pub fn matches(&self, mission: &Mission) -> bool {
        self.header.as_ref() == Some(&mission.header)
            && self.routes == mission.routes
            && self.people.len() == mission.participants.len()
            && self
                .people
                .iter()
                .zip(&mission.participants)
                .all(|((key, id, name), p)| *key == p.key && *id == p.id && *name == p.name)
    }

    pub fn zone(&self) -> Option<Tz> {
        self.header.as_ref().and_then(|h| h.timezone)
    }

    /// How many people the checks go through: the delegation, or one
    /// stand-in for it when no participant is listed (visits for the
    /// whole delegation still concern somebody).
    pub fn persons(&self) -> u32 {
        (self.people.len() as u32).max(1)
    }

    /// The minutes a journey between two cities (as [`city_key`]s) needs:
    /// its route's, else the travel buffer; 0 for no check.
    pub fn needed(&self, a: &str, b: &str) -> (u32, bool) {
        match self.minutes.get(&pair(a, b)) {
            Some(minutes) => (*minutes, true),
            None => (self.header.as_ref().map_or(0, Header::travel_buffer), false),
        }
    }

    /// The info of `visit`.
    pub fn info(&self, visit: &Visit) -> Info {
        let zone = self.zone();
        let range = visit.real_range(zone);
        let people = match &visit.participants {
            None => People::All,
            Some(ids) => {
                let mut list: Vec<u32> = ids
                    .iter()
                    .filter_map(|id| self.ids.get(id))
                    .copied()
                    .collect();
                list.sort_unstable();
                list.dedup();
                People::Some(list)
            }
        };
        Info {
            date: visit.date,
            last: visit.end_date.unwrap_or(visit.date).max(visit.date),
            range,
            city: visit
                .city
                .as_deref()
                .map(city_key)
                .filter(|c| !c.is_empty()),
            travel: visit.kind == Kind::Travel,
            cancelled: visit.status == Status::Cancelled,
            people,
        }
    }
}

fn pair(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

/// Who attends a visit, as positions in the delegation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum People {
    /// The whole delegation.
    All,
    /// These people, sorted.
    Some(Vec<u32>),
}

impl People {
    pub fn has(&self, person: u32) -> bool {
        match self {
            People::All => true,
            People::Some(list) => list.binary_search(&person).is_ok(),
        }
    }

    /// The people both attend.
    pub fn shared(&self, other: &People) -> People {
        match (self, other) {
            (People::All, p) | (p, People::All) => p.clone(),
            (People::Some(a), People::Some(b)) => {
                let (mut i, mut j, mut out) = (0, 0, Vec::new());
                while i < a.len() && j < b.len() {
                    match a[i].cmp(&b[j]) {
                        std::cmp::Ordering::Less => i += 1,
                        std::cmp::Ordering::Greater => j += 1,
                        std::cmp::Ordering::Equal => {
                            out.push(a[i]);
                            i += 1;
                            j += 1;
                        }
                    }
                }
                People::Some(out)
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, People::Some(list) if list.is_empty())
    }
}

/// A visit as the checks look at it.
#[derive(Clone, Debug)]
pub(super) struct Info {
    pub date: NaiveDate,
    /// Its end date (its date when it has none).
    pub last: NaiveDate,
    /// Its real time, when it is timed and not cancelled.
    pub range: Option<(DateTime<Utc>, DateTime<Utc>)>,
    /// Its city, as a [`city_key`].
    pub city: Option<String>,
    pub travel: bool,
    pub cancelled: bool,
    pub people: People,
}

/// The infos of visits, by their index in the mission.
pub(super) trait Infos {
    fn info(&self, visit: usize) -> Option<&Info>;
}

impl Infos for Vec<Info> {
    fn info(&self, visit: usize) -> Option<&Info> {
        self.get(visit)
    }
}

/// The infos of some visits: by offset from the first when they are close
/// together in the file (the visits of a few neighbouring days usually
/// are), by a map when they are scattered.
pub(super) enum Several {
    Near {
        first: usize,
        infos: Vec<Option<Info>>,
    },
    Scattered(HashMap<usize, Info>),
}

impl Several {
    /// The infos of `visits` (in any order, repeats allowed), made by `info`.
    pub fn of(visits: &[usize], info: impl Fn(usize) -> Info) -> Self {
        let (Some(&first), Some(&last)) = (visits.iter().min(), visits.iter().max()) else {
            return Several::Scattered(HashMap::new());
        };
        if last - first >= 4 * visits.len() + 64 {
            let mut map = HashMap::with_capacity(visits.len());
            for &v in visits {
                map.entry(v).or_insert_with(|| info(v));
            }
            return Several::Scattered(map);
        }
        let mut infos: Vec<Option<Info>> = Vec::new();
        infos.resize_with(last - first + 1, || None);
        for &v in visits {
            infos[v - first].get_or_insert_with(|| info(v));
        }
        Several::Near { first, infos }
    }
}

impl Infos for Several {
    fn info(&self, visit: usize) -> Option<&Info> {
        match self {
            Several::Near { first, infos } => infos.get(visit.checked_sub(*first)?)?.as_ref(),
            Several::Scattered(map) => map.get(&visit),
        }
    }
}
