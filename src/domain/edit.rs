//! Changes to a mission, each with an exact inverse.
//!
//! Every change the app makes is an [`Edit`]. Applying an edit returns the
//! edit that undoes it, so history is two stacks of edits (see
//! `crate::app::history`). Compound changes (trading two visits' time
//! slots, deleting a participant and the references to them) are a
//! [`Edit::Batch`], applied all or nothing.
//!
//! [`Edit::apply_noting`] also says which dates the edit touched, so the
//! problems of the mission ([`super::problems::Problems`]) are worked out
//! again for those days only.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::{DayInfo, Header, Mission, Participant, Route, Visit};

/// A change to one of the mission's lists.
#[derive(Clone, Debug, PartialEq)]
pub enum ListEdit<T> {
    Insert(usize, T),
    Remove(usize),
    Replace(usize, T),
    /// Take the item at `from` out and insert it so that it ends up at `to`.
    Move {
        from: usize,
        to: usize,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Header(Header),
    Day(ListEdit<DayInfo>),
    Participant(ListEdit<Participant>),
    Visit(ListEdit<Visit>),
    Route(ListEdit<Route>),
    Batch(Vec<Edit>),
}

/// What an edit changed, as far as the mission's problems are concerned:
/// the dates of the visits and days it inserted, removed, replaced or
/// moved (a visit's date and its end date, before and after), or
/// `everything` for a change of the header, the delegation or the routes;
/// and, for the day index, which visits changed in place.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Touched {
    pub dates: BTreeSet<NaiveDate>,
    pub everything: bool,
    /// A visit was inserted, removed or moved: positions in the list of
    /// visits changed.
    pub shifted: bool,
    /// Positions of the visits replaced in place (the same positions
    /// before and after the edit while nothing `shifted`).
    pub replaced: Vec<usize>,
}

impl Touched {
    /// Adds what `other` touched.
    pub fn merge(&mut self, other: &Touched) {
        self.dates.extend(other.dates.iter().copied());
        self.everything |= other.everything;
        self.shifted |= other.shifted;
        self.replaced.extend_from_slice(&other.replaced);
    }

    fn visit(&mut self, visit: &Visit) {
        self.dates.insert(visit.date);
        if let Some(end) = visit.end_date {
            self.dates.insert(end);
        }
    }
}

/// Notes the dates of the items a list edit concerns, before it applies.
trait Dated {
    fn note(&self, touched: &mut Touched);
}

impl Dated for Visit {
    fn note(&self, touched: &mut Touched) {
        touched.visit(self);
    }
}

impl Dated for DayInfo {
    fn note(&self, touched: &mut Touched) {
        touched.dates.insert(self.date);
    }
}

impl Dated for Participant {
    fn note(&self, touched: &mut Touched) {
        touched.everything = true;
    }
}

impl Dated for Route {
    fn note(&self, touched: &mut Touched) {
        touched.everything = true;
    }
}

/// Notes what `edit` touches in `list`, the list it applies to.
fn note<T: Dated>(edit: &ListEdit<T>, list: &[T], touched: &mut Touched) {
    let at = |i: usize, touched: &mut Touched| {
        if let Some(item) = list.get(i) {
            item.note(touched);
        }
    };
    match edit {
        ListEdit::Insert(_, item) => item.note(touched),
        ListEdit::Remove(i) | ListEdit::Move { from: i, .. } => at(*i, touched),
        ListEdit::Replace(i, item) => {
            at(*i, touched);
            item.note(touched);
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("no {what} at position {index} (there are {len})")]
    OutOfRange {
        what: &'static str,
        index: usize,
        len: usize,
    },
}

impl<T> ListEdit<T> {
    fn apply(self, list: &mut Vec<T>, what: &'static str) -> Result<ListEdit<T>, EditError> {
        let len = list.len();
        let check = |index: usize, limit: usize| {
            if index < limit {
                Ok(())
            } else {
                Err(EditError::OutOfRange { what, index, len })
            }
        };
        Ok(match self {
            ListEdit::Insert(i, item) => {
                check(i, len + 1)?;
                list.insert(i, item);
                ListEdit::Remove(i)
            }
            ListEdit::Remove(i) => {
                check(i, len)?;
                ListEdit::Insert(i, list.remove(i))
            }
            ListEdit::Replace(i, item) => {
                check(i, len)?;
                ListEdit::Replace(i, std::mem::replace(&mut list[i], item))
            }
            ListEdit::Move { from, to } => {
                check(from, len)?;
                check(to, len)?;
                let item = list.remove(from);
                list.insert(to, item);
                ListEdit::Move { from: to, to: from }
            }
        })
    }
}

impl Edit {
    /// Applies the edit and returns its inverse. On error the mission is
    /// unchanged, also for a batch that fails part way.
    pub fn apply(self, mission: &mut Mission) -> Result<Edit, EditError> {
        self.apply_noting(mission, &mut Touched::default())
    }

    /// [`Edit::apply`], adding to `touched` what the edit changed (also
    /// for a batch that fails part way: a superset does no harm).
    pub fn apply_noting(
        self,
        mission: &mut Mission,
        touched: &mut Touched,
    ) -> Result<Edit, EditError> {
        Ok(match self {
            Edit::Header(header) => {
                touched.everything = true;
                Edit::Header(std::mem::replace(&mut mission.header, header))
            }
            Edit::Day(e) => {
                note(&e, &mission.days, touched);
                Edit::Day(e.apply(&mut mission.days, "day")?)
            }
            Edit::Participant(e) => {
                note(&e, &mission.participants, touched);
                Edit::Participant(e.apply(&mut mission.participants, "participant")?)
            }
            Edit::Visit(e) => {
                note(&e, &mission.visits, touched);
                match &e {
                    ListEdit::Replace(i, _) => touched.replaced.push(*i),
                    _ => touched.shifted = true,
                }
                Edit::Visit(e.apply(&mut mission.visits, "visit")?)
            }
            Edit::Route(e) => {
                note(&e, &mission.routes, touched);
                Edit::Route(e.apply(&mut mission.routes, "route")?)
            }
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply_noting(mission, touched) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(err) => {
                            for inverse in inverses.into_iter().rev() {
                                // Inverses of edits that just succeeded
                                // cannot fail.
                                let _ = inverse.apply(mission);
                            }
                            return Err(err);
                        }
                    }
                }
                inverses.reverse();
                Edit::Batch(inverses)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn mission() -> Mission {
        let d = NaiveDate::from_ymd_opt(2022, 11, 14).expect("date");
        Mission {
            publish: None,
            header: Header::new("T", d, d),
            days: vec![],
            participants: vec![Participant::new("a", "A")],
            visits: vec![
                Visit::new(d, "one"),
                Visit::new(d, "two"),
                Visit::new(d, "three"),
            ],
            routes: vec![Route::new("Osaka", "Suita", 40)],
        }
    }

    fn titles(m: &Mission) -> Vec<&str> {
        m.visits.iter().map(|v| v.title.as_str()).collect()
    }

    #[test]
    fn every_edit_undoes_exactly() {
        let original = mission();
        let d = original.header.start;
        let edits = vec![
            Edit::Visit(ListEdit::Insert(1, Visit::new(d, "new"))),
            Edit::Visit(ListEdit::Remove(0)),
            Edit::Visit(ListEdit::Replace(2, Visit::new(d, "changed"))),
            Edit::Visit(ListEdit::Move { from: 0, to: 2 }),
            Edit::Visit(ListEdit::Move { from: 2, to: 0 }),
            Edit::Participant(ListEdit::Remove(0)),
            Edit::Route(ListEdit::Replace(0, Route::new("Osaka", "Suita", 50))),
            Edit::Route(ListEdit::Insert(1, Route::new("Kyoto", "Nara", 45))),
            Edit::Route(ListEdit::Remove(0)),
            Edit::Header(Header {
                title: "Other".into(),
                ..original.header.clone()
            }),
        ];
        for edit in edits {
            let mut m = original.clone();
            let inverse = edit.clone().apply(&mut m).expect("applies");
            assert_ne!(m, original, "{edit:?} changed nothing");
            inverse.apply(&mut m).expect("inverse applies");
            assert_eq!(m, original, "{edit:?} did not undo");
        }
    }

    #[test]
    fn an_edit_notes_the_dates_it_touches() {
        let mut m = mission();
        let d = m.header.start;
        let (e15, e16) = (day(15), day(16));
        let mut moved = m.visits[1].clone();
        moved.date = e15;
        moved.end_date = Some(e16);
        let mut touched = Touched::default();
        Edit::Batch(vec![
            Edit::Visit(ListEdit::Replace(1, moved)),
            Edit::Visit(ListEdit::Remove(0)),
        ])
        .apply_noting(&mut m, &mut touched)
        .expect("applies");
        assert_eq!(touched.dates.into_iter().collect::<Vec<_>>(), [d, e15, e16]);
        assert!(!touched.everything);

        let mut touched = Touched::default();
        Edit::Route(ListEdit::Remove(0))
            .apply_noting(&mut m, &mut touched)
            .expect("applies");
        assert!(touched.everything);
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 11, d).expect("date")
    }

    #[test]
    fn move_puts_the_item_at_the_target_position() {
        let mut m = mission();
        Edit::Visit(ListEdit::Move { from: 0, to: 2 })
            .apply(&mut m)
            .expect("applies");
        assert_eq!(titles(&m), ["two", "three", "one"]);
    }

    #[test]
    fn failing_batch_leaves_mission_unchanged() {
        let original = mission();
        let mut m = original.clone();
        let batch = Edit::Batch(vec![
            Edit::Visit(ListEdit::Remove(0)),
            Edit::Visit(ListEdit::Remove(10)),
        ]);
        let err = batch.apply(&mut m).expect_err("out of range");
        assert!(matches!(err, EditError::OutOfRange { index: 10, .. }));
        assert_eq!(m, original);
    }
}
