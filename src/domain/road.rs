//! On the road: what is on now and what comes next, at a wall-clock time
//! of the mission's zone (the zone its visits' times are written in).
//!
//! Only timed visits that are not cancelled count, and with a participant
//! only the visits they attend. A visit is on from its start until its end;
//! one without an end until the next counted visit of its day starts, or
//! the day ends. When two overlap, the one that started last is the one on
//! now (the earlier one is usually the long block it interrupts).

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use super::{DayIndex, Mission, Status, Visit};

/// Where an instant falls against the mission's dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Before,
    During,
    After,
}

/// A visit with the range it is on for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    /// Index into `Mission::visits`.
    pub visit: usize,
    pub start: NaiveDateTime,
    /// Its end, or where a visit without one stops counting.
    pub end: NaiveDateTime,
}

/// What is on at an instant, and what comes next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Road {
    pub now: NaiveDateTime,
    pub phase: Phase,
    pub current: Option<Slot>,
    pub next: Option<Slot>,
}

impl Road {
    /// Time left of the current visit.
    pub fn left(&self) -> Option<TimeDelta> {
        self.current.map(|slot| slot.end - self.now)
    }

    /// Time until the next visit starts.
    pub fn until_next(&self) -> Option<TimeDelta> {
        self.next.map(|slot| slot.start - self.now)
    }
}

/// What is on at `now` (a wall-clock time in the mission's zone), for
/// `participant` or the whole delegation. Looks at the days up to `now`'s
/// for the current visit and from `now`'s on for the next, stopping at the
/// first day that has one.
pub fn road(
    mission: &Mission,
    index: &DayIndex,
    now: NaiveDateTime,
    participant: Option<&str>,
) -> Road {
    let phase = if now.date() < mission.header.start {
        Phase::Before
    } else if now.date() > mission.header.end {
        Phase::After
    } else {
        Phase::During
    };
    let dates = index.dates();
    let today = dates.partition_point(|d| *d <= now.date());
    let mut current: Option<Slot> = None;
    for day in (0..today).rev() {
        for slot in slots(mission, index, day, participant) {
            let on = slot.start <= now && now < slot.end;
            if on && current.is_none_or(|c| slot.start > c.start) {
                current = Some(slot);
            }
        }
    }
    let mut next: Option<Slot> = None;
    let first = today.saturating_sub(1);
    for day in first..dates.len() {
        for slot in slots(mission, index, day, participant) {
            if slot.start > now && next.is_none_or(|n| slot.start < n.start) {
                next = Some(slot);
            }
        }
        // Visits of a later day start later than any of this one.
        if next.is_some() {
            break;
        }
    }
    Road {
        now,
        phase,
        current,
        next,
    }
}

fn counts(visit: &Visit, participant: Option<&str>) -> bool {
    visit.status != Status::Cancelled
        && visit.start.is_some()
        && participant.is_none_or(|p| visit.attended_by(p))
}

/// The counted visits of `day` with the ranges they are on for.
/// Times are wall-clock times in the mission's zone: a visit in a zone of
/// its own (a flight that lands elsewhere) is read in its zones first.
fn slots(mission: &Mission, index: &DayIndex, day: usize, participant: Option<&str>) -> Vec<Slot> {
    let zone = mission.header.timezone;
    let counted: Vec<(usize, NaiveDateTime)> = index
        .visits_on(day)
        .iter()
        .filter(|&&v| counts(&mission.visits[v], participant))
        .filter_map(|&v| Some((v, mission.visits[v].start_in_mission_zone(zone)?)))
        .collect();
    counted
        .iter()
        .map(|&(v, start)| {
            let end = mission.visits[v]
                .end_in_mission_zone(zone)
                .unwrap_or_else(|| {
                    counted
                        .iter()
                        .map(|&(_, s)| s)
                        .filter(|s| *s > start)
                        .min()
                        .unwrap_or_else(|| end_of(start.date()))
                });
            Slot {
                visit: v,
                start,
                end,
            }
        })
        .collect()
}

fn end_of(date: NaiveDate) -> NaiveDateTime {
    date.succ_opt()
        .unwrap_or(date)
        .and_time(chrono::NaiveTime::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Header, Participant};
    use chrono::NaiveTime;

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 11, d).expect("date")
    }

    fn at(d: u32, h: u32, m: u32) -> NaiveDateTime {
        date(d).and_hms_opt(h, m, 0).expect("time")
    }

    fn visit(d: u32, title: &str, start: (u32, u32), end: Option<(u32, u32)>) -> Visit {
        let mut v = Visit::new(date(d), title);
        v.start = NaiveTime::from_hms_opt(start.0, start.1, 0);
        v.end = end.and_then(|(h, m)| NaiveTime::from_hms_opt(h, m, 0));
        v
    }

    fn mission(visits: Vec<Visit>) -> (Mission, DayIndex) {
        let mission = Mission {
            routes: Vec::new(),
            header: Header::new("Trip", date(14), date(15)),
            days: Vec::new(),
            participants: vec![Participant::new("ana", "Ana"), Participant::new("bo", "Bo")],
            visits,
            publish: None,
        };
        let index = DayIndex::build(&mission);
        (mission, index)
    }

    fn titles(mission: &Mission, road: &Road) -> (Option<String>, Option<String>) {
        let title = |s: Option<Slot>| s.map(|s| mission.visits[s.visit].title.clone());
        (title(road.current), title(road.next))
    }

    fn pair(current: Option<&str>, next: Option<&str>) -> (Option<String>, Option<String>) {
        (current.map(String::from), next.map(String::from))
    }

    #[test]
    fn before_during_between_and_after() {
        let (m, i) = mission(vec![
            visit(14, "Talk", (10, 0), Some((11, 0))),
            visit(14, "Lunch", (12, 0), Some((13, 0))),
            visit(15, "Plant", (9, 0), Some((10, 0))),
        ]);
        let r = road(&m, &i, at(13, 20, 0), None);
        assert_eq!(r.phase, Phase::Before);
        assert_eq!(titles(&m, &r), pair(None, Some("Talk")));
        let r = road(&m, &i, at(14, 10, 15), None);
        assert_eq!(r.phase, Phase::During);
        assert_eq!(titles(&m, &r), pair(Some("Talk"), Some("Lunch")));
        assert_eq!(r.left(), Some(TimeDelta::minutes(45)));
        assert_eq!(r.until_next(), Some(TimeDelta::minutes(105)));
        let r = road(&m, &i, at(14, 11, 0), None);
        assert_eq!(titles(&m, &r), pair(None, Some("Lunch")), "an end is free");
        let r = road(&m, &i, at(14, 18, 0), None);
        assert_eq!(titles(&m, &r), pair(None, Some("Plant")), "next day");
        let r = road(&m, &i, at(15, 10, 0), None);
        assert_eq!(titles(&m, &r), pair(None, None));
        let r = road(&m, &i, at(16, 8, 0), None);
        assert_eq!(r.phase, Phase::After);
    }

    #[test]
    fn a_visit_without_an_end_lasts_until_the_next_or_midnight() {
        let (m, i) = mission(vec![
            visit(14, "Drinks", (18, 0), None),
            visit(14, "Dinner", (19, 30), Some((21, 0))),
            visit(14, "Walk", (21, 30), None),
        ]);
        let r = road(&m, &i, at(14, 19, 0), None);
        assert_eq!(titles(&m, &r), pair(Some("Drinks"), Some("Dinner")));
        assert_eq!(r.left(), Some(TimeDelta::minutes(30)));
        let r = road(&m, &i, at(14, 23, 0), None);
        assert_eq!(titles(&m, &r), pair(Some("Walk"), None));
        assert_eq!(r.left(), Some(TimeDelta::minutes(60)));
    }

    #[test]
    fn an_overnight_visit_is_on_the_next_morning() {
        let mut night = visit(14, "Night train", (22, 0), Some((6, 30)));
        night.end_date = Some(date(15));
        let (m, i) = mission(vec![night, visit(15, "Breakfast", (7, 0), Some((8, 0)))]);
        let r = road(&m, &i, at(15, 5, 0), None);
        assert_eq!(titles(&m, &r), pair(Some("Night train"), Some("Breakfast")));
    }

    #[test]
    fn cancelled_untimed_and_others_visits_do_not_count() {
        let mut cancelled = visit(14, "Cancelled", (10, 0), Some((11, 0)));
        cancelled.status = Status::Cancelled;
        let mut bos = visit(14, "Bo's meeting", (10, 0), Some((11, 0)));
        bos.participants = Some(vec!["bo".into()]);
        let untimed = Visit::new(date(14), "Sometime");
        let (m, i) = mission(vec![
            cancelled,
            bos,
            untimed,
            visit(14, "Everyone", (12, 0), Some((13, 0))),
        ]);
        let r = road(&m, &i, at(14, 10, 30), Some("ana"));
        assert_eq!(titles(&m, &r), pair(None, Some("Everyone")));
        let r = road(&m, &i, at(14, 10, 30), Some("bo"));
        assert_eq!(titles(&m, &r), pair(Some("Bo's meeting"), Some("Everyone")));
    }

    #[test]
    fn of_two_overlapping_visits_the_later_start_is_on() {
        let (m, i) = mission(vec![
            visit(14, "Fair", (9, 0), Some((17, 0))),
            visit(14, "Keynote", (11, 0), Some((12, 0))),
        ]);
        let r = road(&m, &i, at(14, 11, 30), None);
        assert_eq!(titles(&m, &r), pair(Some("Keynote"), None));
    }
}
