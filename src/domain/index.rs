//! Which visits fall on which day, precomputed.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Mission, Touched, Visit};

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

    /// Brings the index of every visit ([`DayIndex::build`]) up to date
    /// after an edit: day by day when the edit only replaced visits in
    /// place, so that retiming or editing a visit costs its days, not the
    /// mission; from scratch when visits were inserted, removed or moved,
    /// or the mission's dates changed.
    pub fn refresh(&mut self, mission: &Mission, touched: &Touched) {
        let in_place = !touched.shifted
            && !touched.everything
            && self.count == mission.visits.len()
            && self.slots.len() == mission.visits.len();
        if !(in_place
            && touched
                .replaced
                .iter()
                .all(|&p| self.move_to_its_day(mission, p)))
        {
            *self = DayIndex::build(mission);
        }
    }

    /// Moves visit `p` to the day of its date, if it changed; `false` when
    /// that needs a new index (its date is a day the index lacks, or it
    /// leaves a day outside the mission's dates empty, which then goes).
    fn move_to_its_day(&mut self, mission: &Mission, p: usize) -> bool {
        let (Some(visit), Some(Some((from, pos)))) = (mission.visits.get(p), self.slots.get(p))
        else {
            return false;
        };
        let (from, pos) = (*from, *pos);
        if self.dates[from] == visit.date {
            return true;
        }
        let Some(to) = self.day_of_date(visit.date) else {
            return false;
        };
        let date = self.dates[from];
        let inside = mission.header.start <= date && date <= mission.header.end;
        if !inside && self.visits[from].len() == 1 {
            return false;
        }
        self.visits[from].remove(pos);
        let list = &mut self.visits[to];
        let at = list.partition_point(|&v| v < p);
        list.insert(at, p);
        for day in [from, to] {
            for (pos, &v) in self.visits[day].iter().enumerate() {
                self.slots[v] = Some((day, pos));
            }
        }
        true
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

    /// A mission of 14–16 November with `visits`.
    fn mission_of(visits: Vec<Visit>) -> Mission {
        Mission {
            publish: None,
            header: Header::new("T", date(14), date(16)),
            days: vec![],
            participants: vec![],
            visits,
            routes: Vec::new(),
        }
    }

    #[test]
    fn days_cover_the_mission_and_stray_visits() {
        let mission = mission_of(vec![
            Visit::new(date(15), "a"),
            Visit::new(date(20), "stray"),
            Visit::new(date(14), "b"),
            Visit::new(date(15), "c"),
        ]);
        let index = DayIndex::build(&mission);
        assert_eq!(index.dates(), [date(14), date(15), date(16), date(20)]);
        assert_eq!(index.visits_on(1), [0, 3]);
        assert_eq!(index.visits_on(2), [] as [usize; 0]);
        assert_eq!(index.slot(3), Some((1, 1)));
        assert_eq!(index.day_of_date(date(20)), Some(3));
    }

    /// Applies `edit` and refreshes `index`, which must then be what a
    /// new index of the mission is.
    fn refreshed(mission: &mut Mission, index: &mut DayIndex, edit: crate::domain::Edit) {
        let mut touched = Touched::default();
        edit.apply_noting(mission, &mut touched).expect("applies");
        index.refresh(mission, &touched);
        assert_eq!(*index, DayIndex::build(mission), "after {touched:?}");
    }

    #[test]
    fn a_refreshed_index_is_the_index_built_again() {
        use crate::domain::{Edit, ListEdit};
        let mut mission = mission_of(vec![
            Visit::new(date(15), "a"),
            Visit::new(date(20), "stray"),
            Visit::new(date(14), "b"),
            Visit::new(date(15), "c"),
            Visit::new(date(16), "d"),
        ]);
        let mut index = DayIndex::build(&mission);
        let on = |m: &Mission, i: usize, d: u32| {
            let mut v: Visit = m.visits[i].clone();
            v.date = date(d);
            Edit::Visit(ListEdit::Replace(i, v))
        };
        // Between days of the mission, both ways, and within one.
        let edit = on(&mission, 0, 16);
        refreshed(&mut mission, &mut index, edit);
        let edit = on(&mission, 4, 14);
        refreshed(&mut mission, &mut index, edit);
        let edit = Edit::Batch(vec![on(&mission, 2, 15), on(&mission, 3, 15)]);
        refreshed(&mut mission, &mut index, edit);
        // To a stray day, to a new day, and leaving a stray day empty.
        let edit = on(&mission, 3, 20);
        refreshed(&mut mission, &mut index, edit);
        let edit = on(&mission, 2, 25);
        refreshed(&mut mission, &mut index, edit);
        assert_eq!(index.day_of_date(date(25)), Some(4));
        let edit = Edit::Batch(vec![on(&mission, 1, 14), on(&mission, 3, 14)]);
        refreshed(&mut mission, &mut index, edit);
        assert_eq!(index.day_of_date(date(20)), None);
        // Moves and removals shift positions.
        refreshed(
            &mut mission,
            &mut index,
            Edit::Visit(ListEdit::Move { from: 0, to: 4 }),
        );
        refreshed(&mut mission, &mut index, Edit::Visit(ListEdit::Remove(1)));
    }

    #[test]
    fn a_visit_is_found_near_its_hint_or_anywhere() {
        let visits: Vec<Visit> = (0..1000)
            .map(|i| Visit::new(date(14), i.to_string()))
            .collect();
        let keys: Vec<_> = visits.iter().map(|v| v.key).collect();
        let mission = mission_of(visits);
        for (want, hint) in [(500, 500), (510, 490), (999, 0), (0, 999), (3, 5000)] {
            assert_eq!(mission.visit_index_near(keys[want], hint), Some(want));
        }
        let other = Visit::new(date(14), "elsewhere").key;
        assert_eq!(mission.visit_index_near(other, 10), None);
    }
}
