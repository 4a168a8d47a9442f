//! Which visits fall on which day, precomputed.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Mission, Visit};

/// The days a mission shows and the visits of each, in file order.
///
/// The days are every date from the mission's start to its end, plus any
/// other date that has a visit (a visit outside the mission's dates is a
/// warning, not something to hide). Building the index is linear in the
/// number of visits; every lookup after that is constant time or a binary
/// search, so views can ask freely on every frame.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DayIndex {
    dates: Vec<NaiveDate>,
    visits: Vec<Vec<usize>>,
    /// For each visit index: (day, position within the day), `None` for a
    /// visit left out.
    slots: Vec<Option<(usize, usize)>>,
    /// How many visits are indexed.
    count: usize,
}

impl DayIndex {
    pub fn build(mission: &Mission) -> Self {
        DayIndex::build_where(mission, |_| true)
    }

    /// The index of the visits `keep` keeps, over the same days as
    /// [`DayIndex::build`] (so a day is the same day in both).
    pub fn build_where(mission: &Mission, keep: impl Fn(&Visit) -> bool) -> Self {
        let mut by_date: BTreeMap<NaiveDate, Vec<usize>> =
            mission.dates().map(|d| (d, Vec::new())).collect();
        let mut count = 0;
        for (i, visit) in mission.visits.iter().enumerate() {
            let list = by_date.entry(visit.date).or_default();
            if keep(visit) {
                list.push(i);
                count += 1;
            }
        }
        let mut slots = vec![None; mission.visits.len()];
        let (dates, visits): (Vec<_>, Vec<_>) = by_date.into_iter().unzip();
        for (day, list) in visits.iter().enumerate() {
            for (pos, &v) in list.iter().enumerate() {
                slots[v] = Some((day, pos));
            }
        }
        DayIndex {
            dates,
            visits,
            slots,
            count,
        }
    }

    pub fn dates(&self) -> &[NaiveDate] {
        &self.dates
    }

    pub fn len(&self) -> usize {
        self.dates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }

    pub fn date(&self, day: usize) -> Option<NaiveDate> {
        self.dates.get(day).copied()
    }

    /// Indices into `Mission::visits` of the visits on `day`, in file order.
    pub fn visits_on(&self, day: usize) -> &[usize] {
        self.visits.get(day).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn day_of_date(&self, date: NaiveDate) -> Option<usize> {
        self.dates.binary_search(&date).ok()
    }

    /// The day of a visit and its position within that day.
    pub fn slot(&self, visit: usize) -> Option<(usize, usize)> {
        self.slots.get(visit).copied().flatten()
    }

    /// Total number of visits indexed.
    pub fn visit_count(&self) -> usize {
        self.count
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Header, Visit};

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 11, d).expect("date")
    }

    #[test]
    fn days_cover_the_mission_and_stray_visits() {
        let mission = Mission {
            publish: None,
            header: Header::new("T", date(14), date(16)),
            days: vec![],
            participants: vec![],
            visits: vec![
                Visit::new(date(15), "a"),
                Visit::new(date(20), "stray"),
                Visit::new(date(14), "b"),
                Visit::new(date(15), "c"),
            ],
            routes: Vec::new(),
        };
        let index = DayIndex::build(&mission);
        assert_eq!(index.dates(), [date(14), date(15), date(16), date(20)]);
        assert_eq!(index.visits_on(1), [0, 3]);
        assert_eq!(index.visits_on(2), [] as [usize; 0]);
        assert_eq!(index.slot(3), Some((1, 1)));
        assert_eq!(index.day_of_date(date(20)), Some(3));
    }
}
