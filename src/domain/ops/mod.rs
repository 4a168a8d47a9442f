//! Planning operations: each turns the cluster manager's intent ("move this
//! meeting earlier", "everything after lunch runs 15 minutes late") into an
//! [`Edit`], or explains why it cannot.
//!
//! The functions here only compute; the caller applies the edit (and so
//! records it for undo).

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};

use super::{DayIndex, Edit, ListEdit, Mission, Participant, Visit, is_representable};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Earlier,
    Later,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OpError {
    #[error("no visit selected")]
    NoVisit,
    #[error("already the first visit of the day")]
    FirstOfDay,
    #[error("already the last visit of the day")]
    LastOfDay,
    #[error("the mission starts on {0}")]
    MissionStart(NaiveDate),
    #[error("the mission ends on {0}")]
    MissionEnd(NaiveDate),
    #[error("\"{0}\" would start outside its day")]
    LeavesDay(String),
    #[error("\"{0}\" would end after 9999-12-31, the last date a mission file can hold")]
    PastLastDate(String),
    #[error("\"{0}\" has no end time to move (e sets one)")]
    NoEnd(String),
    /// The visit, how long it lasts, and by how many minutes it was to
    /// be shortened.
    #[error("\"{0}\" is too short to shorten by {2} min")]
    TooShort(String, TimeDelta, i64),
    #[error("no timed visit from here to the end of the day")]
    NothingTimed,
}

/// An edit and the visit the selection should follow afterwards.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    pub edit: Edit,
    /// Index in `Mission::visits` of the moved or created visit once the edit
    /// is applied.
    pub visit: usize,
    /// How many visits change their times, for the message that says so
    /// (a resized visit not counted).
    pub moved: usize,
}

/// Moves visit `i` one place earlier or later within its day.
///
/// When both visits involved are timed they trade time slots: the pair keeps
/// its first start time, each visit keeps its duration and the gap between
/// them stays. Untimed visits only change position.
pub fn move_within_day(
    mission: &Mission,
    index: &DayIndex,
    i: usize,
    direction: Direction,
) -> Result<Plan, OpError> {
    let (day, pos) = index.slot(i).ok_or(OpError::NoVisit)?;
    let list = index.visits_on(day);
    let (first, second) = match direction {
        Direction::Earlier if pos == 0 => return Err(OpError::FirstOfDay),
        Direction::Earlier => (list[pos - 1], i),
        Direction::Later if pos + 1 >= list.len() => return Err(OpError::LastOfDay),
        Direction::Later => (i, list[pos + 1]),
    };
    let (a, b) = (&mission.visits[first], &mission.visits[second]);
    // The two visits swap places in the flat list (visits of other days in
    // between stay put), with traded time slots when both are timed.
    let mut edits = Vec::with_capacity(2);
    if let Some((new_b, new_a)) = trade_slots(a, b)? {
        edits.push(Edit::Visit(ListEdit::Replace(first, new_b)));
        edits.push(Edit::Visit(ListEdit::Replace(second, new_a)));
    } else {
        edits.push(Edit::Visit(ListEdit::Replace(first, b.clone())));
        edits.push(Edit::Visit(ListEdit::Replace(second, a.clone())));
    }
    let moved_to = if i == first { second } else { first };
    Ok(Plan {
        edit: Edit::Batch(edits),
        visit: moved_to,
        moved: 2,
    })
}

/// The two visits after `b` takes `a`'s place: `(b', a')`, or `None` when
/// they only swap positions because one of them is untimed.
fn trade_slots(a: &Visit, b: &Visit) -> Result<Option<(Visit, Visit)>, OpError> {
    let (Some(a_start), Some(b_start)) = (a.starts_at(), b.starts_at()) else {
        return Ok(None);
    };
    let a_end = a.ends_at().unwrap_or(a_start);
    // Overlapping visits trade into back-to-back slots, never into a
    // start earlier than the pair's first.
    let gap = (b_start - a_end).max(TimeDelta::zero());
    let b_len = b.duration().unwrap_or_default();
    let new_b = retime(b, a.date, Some(a_start))?;
    let a_new_start = a_start
        .checked_add_signed(b_len)
        .and_then(|t| t.checked_add_signed(gap));
    let new_a = retime(a, a.date, a_new_start)?;
    Ok(Some((new_b, new_a)))
}

/// `visit` moved to start at `start` on `date`, keeping its duration. The
/// start must stay on `date` (`None`: a time past the calendar's end), and
/// the end on a date a mission file can hold.
fn retime(visit: &Visit, date: NaiveDate, start: Option<NaiveDateTime>) -> Result<Visit, OpError> {
    let leaves = || OpError::LeavesDay(visit.title.clone());
    let start = start.filter(|s| s.date() == date).ok_or_else(leaves)?;
    let mut moved = visit.clone();
    moved.date = date;
    moved.start = Some(start.time());
    if let Some(len) = visit.duration() {
        let end = start
            .checked_add_signed(len)
            .filter(|end| is_representable(end.date()))
            .ok_or_else(|| OpError::PastLastDate(visit.title.clone()))?;
        moved.end = Some(end.time());
        moved.end_date = (visit.end_date.is_some() || end.date() != date).then(|| end.date());
    }
    Ok(moved)
}

/// Moves visit `i` to the previous or next date. A timed visit keeps its
/// times and lands among the target day's visits in time order; an untimed
/// one goes last.
pub fn move_to_day(
    mission: &Mission,
    index: &DayIndex,
    i: usize,
    direction: Direction,
) -> Result<Plan, OpError> {
    let visit = mission.visits.get(i).ok_or(OpError::NoVisit)?;
    let (start, end) = (mission.header.start, mission.header.end);
    let target = match direction {
        Direction::Earlier => visit
            .date
            .pred_opt()
            .filter(|d| *d >= start || visit.date > end),
        Direction::Later => visit
            .date
            .succ_opt()
            .filter(|d| *d <= end || visit.date < start),
    };
    let target = target.ok_or(match direction {
        Direction::Earlier => OpError::MissionStart(start),
        Direction::Later => OpError::MissionEnd(end),
    })?;
    let shift = target - visit.date;
    let mut moved = visit.clone();
    moved.date = target;
    moved.end_date = match visit.end_date {
        Some(d) => Some(
            d.checked_add_signed(shift)
                .ok_or(OpError::LeavesDay(visit.title.clone()))?,
        ),
        None => None,
    };

    let insert_at = insertion_point(mission, index, target, moved.start);
    let to = if insert_at > i {
        insert_at - 1
    } else {
        insert_at
    };
    Ok(Plan {
        edit: Edit::Batch(vec![
            Edit::Visit(ListEdit::Replace(i, moved)),
            Edit::Visit(ListEdit::Move { from: i, to }),
        ]),
        visit: to,
        moved: 1,
    })
}

/// Where in `Mission::visits` (insert-before index) a visit on `date`
/// starting at `start` belongs: before the first timed visit of that day
/// that starts later, else after the day's last visit. On an empty day it
/// goes after the last visit of an earlier date.
pub fn insertion_point(
    mission: &Mission,
    index: &DayIndex,
    date: NaiveDate,
    start: Option<NaiveTime>,
) -> usize {
    if let Some(day) = index.day_of_date(date) {
        let list = index.visits_on(day);
        if let Some(start) = start {
            if let Some(&later) = list
                .iter()
                .find(|&&v| mission.visits[v].start.is_some_and(|s| s > start))
            {
                return later;
            }
        }
        if let Some(&last) = list.last() {
            return last + 1;
        }
    }
    mission
        .visits
        .iter()
        .rposition(|v| v.date < date)
        .map_or(0, |p| p + 1)
}

/// Whether visit `i`, starting at `start`, would break the time order of
/// the timed visits of its day.
pub fn out_of_order(mission: &Mission, index: &DayIndex, i: usize, start: NaiveTime) -> bool {
    let Some((day, pos)) = index.slot(i) else {
        return false;
    };
    let list = index.visits_on(day);
    let start_of = |v: &usize| mission.visits[*v].start;
    let before = list[..pos].iter().rev().find_map(start_of);
    let after = list[pos + 1..].iter().find_map(start_of);
    before.is_some_and(|b| b > start) || after.is_some_and(|a| a < start)
}

/// Shifts visit `i` and every later timed visit of its day by `minutes`
/// (negative: earlier). Untimed visits stay as they are. Refused when a
/// start would leave its day or an end pass the last date a file holds.
pub fn ripple(
    mission: &Mission,
    index: &DayIndex,
    i: usize,
    minutes: i64,
) -> Result<Plan, OpError> {
    let (day, pos) = index.slot(i).ok_or(OpError::NoVisit)?;
    let edits = shift(mission, &index.visits_on(day)[pos..], minutes)?;
    if edits.is_empty() {
        return Err(OpError::NothingTimed);
    }
    Ok(Plan {
        moved: edits.len(),
        edit: Edit::Batch(edits),
        visit: i,
    })
}

/// Lengthens visit `i` by `minutes` (negative: shortens it), and shifts
/// every later timed visit of its day by as much: the meeting that runs
/// late pushes the rest of the day. The visit needs a start and an end,
/// and must still last a while.
pub fn resize(
    mission: &Mission,
    index: &DayIndex,
    i: usize,
    minutes: i64,
) -> Result<Plan, OpError> {
    let (day, pos) = index.slot(i).ok_or(OpError::NoVisit)?;
    let visit = &mission.visits[i];
    let (Some(start), Some(end)) = (visit.starts_at(), visit.ends_at()) else {
        return Err(OpError::NoEnd(visit.title.clone()));
    };
    let new_end = end
        .checked_add_signed(TimeDelta::minutes(minutes))
        .ok_or_else(|| OpError::PastLastDate(visit.title.clone()))?;
    if new_end <= start {
        return Err(OpError::TooShort(
            visit.title.clone(),
            end - start,
            -minutes,
        ));
    }
    if !is_representable(new_end.date()) {
        return Err(OpError::PastLastDate(visit.title.clone()));
    }
    let mut resized = visit.clone();
    resized.end = Some(new_end.time());
    resized.end_date = (new_end.date() != visit.date).then(|| new_end.date());
    let later = shift(mission, &index.visits_on(day)[pos + 1..], minutes)?;
    let moved = later.len();
    let mut edits = vec![Edit::Visit(ListEdit::Replace(i, resized))];
    edits.extend(later);
    Ok(Plan {
        edit: Edit::Batch(edits),
        visit: i,
        moved,
    })
}

/// The edits that shift each timed visit of `visits` by `minutes`.
fn shift(mission: &Mission, visits: &[usize], minutes: i64) -> Result<Vec<Edit>, OpError> {
    let delta = TimeDelta::minutes(minutes);
    let mut edits = Vec::new();
    for &v in visits {
        let visit = &mission.visits[v];
        if let Some(start) = visit.starts_at() {
            let moved = retime(visit, visit.date, start.checked_add_signed(delta))?;
            edits.push(Edit::Visit(ListEdit::Replace(v, moved)));
        }
    }
    Ok(edits)
}

/// A new visit for `date`, starting when `after` ends (when it has an end
/// time), lasting an hour, in the day's city.
pub fn new_visit(mission: &Mission, date: NaiveDate, after: Option<&Visit>) -> Visit {
    let mut visit = Visit::new(date, "New visit");
    visit.city = mission.day_info(date).and_then(|d| d.city.clone());
    if let Some(start) = after.and_then(Visit::ends_at).filter(|s| s.date() == date) {
        visit.start = Some(start.time());
        if let Some(end) = start.checked_add_signed(TimeDelta::hours(1)) {
            visit.end = Some(end.time());
            visit.end_date = (end.date() != date).then(|| end.date());
        }
    }
    visit
}

/// The name of a copy: "Copy of …", first, so that it stays in view where
/// a long title is cut short.
pub fn copy_name(name: &str) -> String {
    format!("Copy of {name}")
}

/// A copy of `visit` with a fresh key and, when it had one, a new unique id.
pub fn duplicate_visit(mission: &Mission, visit: &Visit) -> Visit {
    let mut copy = visit.clone();
    copy.key = super::Key::fresh();
    copy.title = copy_name(&visit.title);
    copy.id = visit.id.as_ref().map(|id| {
        unique_id(id, |candidate| {
            mission
                .visits
                .iter()
                .any(|v| v.id.as_deref() == Some(candidate))
        })
    });
    copy
}

/// `base`, or `base-2`, `base-3`... whichever is not taken.
pub fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_string())
}

/// The number of visits that name participant `id` explicitly.
pub fn references(mission: &Mission, id: &str) -> usize {
    mission
        .visits
        .iter()
        .filter(|v| {
            v.participants
                .as_ref()
                .is_some_and(|ids| ids.iter().any(|p| p == id))
        })
        .count()
}

/// Removes participant `p` and every visit's reference to them.
pub fn delete_participant(mission: &Mission, p: usize) -> Option<Edit> {
    let id = &mission.participants.get(p)?.id;
    let mut edits = rewrite_references(mission, id, None);
    edits.push(Edit::Participant(ListEdit::Remove(p)));
    Some(Edit::Batch(edits))
}

/// Replaces participant `p`; when the id changes, visits that named the old
/// id name the new one.
pub fn update_participant(mission: &Mission, p: usize, updated: Participant) -> Option<Edit> {
    let old = &mission.participants.get(p)?.id;
    let mut edits = if *old != updated.id {
        rewrite_references(mission, old, Some(&updated.id))
    } else {
        Vec::new()
    };
    edits.push(Edit::Participant(ListEdit::Replace(p, updated)));
    Some(Edit::Batch(edits))
}

fn rewrite_references(mission: &Mission, id: &str, replacement: Option<&str>) -> Vec<Edit> {
    mission
        .visits
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let ids = v.participants.as_ref()?;
            if !ids.iter().any(|p| p == id) {
                return None;
            }
            let mut changed = v.clone();
            changed.participants = Some(
                ids.iter()
                    .filter_map(|p| match (p == id, replacement) {
                        (false, _) => Some(p.clone()),
                        (true, Some(new)) => Some(new.to_string()),
                        (true, None) => None,
                    })
                    .collect(),
            );
            Some(Edit::Visit(ListEdit::Replace(i, changed)))
        })
        .collect()
}

#[cfg(test)]
mod tests;
