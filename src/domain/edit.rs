//! Changes to a mission, each with an exact inverse.
//!
//! Every change the app makes is an [`Edit`]. Applying an edit returns the
//! edit that undoes it, so history is two stacks of edits (see
//! `crate::app::history`). Compound changes (trading two visits' time
//! slots, deleting a participant and the references to them) are a
//! [`Edit::Batch`], applied all or nothing.

use super::{DayInfo, Header, Mission, Participant, Visit};

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
    Batch(Vec<Edit>),
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
        Ok(match self {
            Edit::Header(header) => Edit::Header(std::mem::replace(&mut mission.header, header)),
            Edit::Day(e) => Edit::Day(e.apply(&mut mission.days, "day")?),
            Edit::Participant(e) => {
                Edit::Participant(e.apply(&mut mission.participants, "participant")?)
            }
            Edit::Visit(e) => Edit::Visit(e.apply(&mut mission.visits, "visit")?),
            Edit::Batch(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(mission) {
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
