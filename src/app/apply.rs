//! An applied form becomes one undoable edit: a visit replaced (and moved
//! to its place when its date or start changed), added after the selected
//! one, a participant updated (with the visits naming them) or added, the
//! mission header or a day's notes replaced.

use chrono::NaiveDate;

use super::App;
use super::form::{Entity, Form, Target};
use crate::domain::{DayInfo, Edit, ListEdit, Participant, Visit, ops, slugify};

impl App {
    /// Turns an applied form into one undoable edit.
    pub(super) fn apply_form(&mut self, form: Form) {
        let built = form.build();
        if built == form.base
            && !matches!(form.target, Target::Visit(None) | Target::Participant(None))
        {
            self.info("No changes.");
            return;
        }
        match (form.target, built) {
            (Target::Visit(Some(i)), Entity::Visit(visit)) => self.replace_visit(i, visit),
            (Target::Visit(None), Entity::Visit(visit)) => self.add_visit(visit),
            (Target::Participant(Some(i)), Entity::Participant(p)) => {
                let (key, name) = (p.key, p.name.clone());
                if let Some(edit) = ops::update_participant(self.plan.mission(), i, p) {
                    self.apply(edit, format!("edit {name}"), Some(key));
                }
            }
            (Target::Participant(None), Entity::Participant(p)) => self.add_participant(p),
            (Target::Mission, Entity::Header(header)) => {
                let focus = self.selected_visit().map(|v| v.key);
                self.apply(Edit::Header(header), "edit the mission", focus);
            }
            (Target::Day(date), Entity::Day(info)) => self.replace_day(date, info),
            _ => {}
        }
    }

    /// Visit `i` as the form left it. A new date, or a new start time that
    /// breaks the day's time order, moves it to its place in the day.
    fn replace_visit(&mut self, i: usize, visit: Visit) {
        let (key, title) = (visit.key, visit.title.clone());
        let (mission, index) = (self.plan.mission(), self.plan.index());
        let Some(old) = mission.visits.get(i) else {
            return;
        };
        let moved_day = old.date != visit.date;
        let retimed = !moved_day
            && old.start != visit.start
            && visit
                .start
                .is_some_and(|s| ops::out_of_order(mission, index, i, s));
        let mut edits = vec![Edit::Visit(ListEdit::Replace(i, visit.clone()))];
        if moved_day || retimed {
            let at = ops::insertion_point(mission, index, visit.date, visit.start);
            let to = if at > i { at - 1 } else { at };
            edits.push(Edit::Visit(ListEdit::Move { from: i, to }));
        }
        self.apply(Edit::Batch(edits), format!("edit \"{title}\""), Some(key));
        if retimed {
            self.info(format!("Moved \"{title}\" to keep the day in time order."));
        }
        self.report_overlaps();
    }

    /// A new visit: after the selected one when on its day, otherwise where
    /// its start time puts it.
    fn add_visit(&mut self, visit: Visit) {
        let (key, title) = (visit.key, visit.title.clone());
        let mission = self.plan.mission();
        let at = match self.selected_index() {
            Some(i) if mission.visits[i].date == visit.date => i + 1,
            _ => ops::insertion_point(mission, self.plan.index(), visit.date, visit.start),
        };
        self.apply(
            Edit::Visit(ListEdit::Insert(at, visit)),
            format!("add \"{title}\""),
            Some(key),
        );
        self.report_overlaps();
    }

    /// A new participant, last in the delegation; without an id, one made
    /// from the name.
    fn add_participant(&mut self, mut p: Participant) {
        let mission = self.plan.mission();
        if p.id.is_empty() {
            let base = match slugify(&p.name) {
                slug if slug.is_empty() => "participant".to_string(),
                slug => slug,
            };
            p.id = ops::unique_id(&base, |id| mission.participant(id).is_some());
        }
        let (key, name) = (p.key, p.name.clone());
        let at = mission.participants.len();
        self.apply(
            Edit::Participant(ListEdit::Insert(at, p)),
            format!("add {name}"),
            Some(key),
        );
    }

    /// The notes of the day `date`, new or replaced.
    fn replace_day(&mut self, date: NaiveDate, info: DayInfo) {
        let focus = self.selected_visit().map(|v| v.key);
        let days = &self.plan.mission().days;
        let edit = match days.iter().position(|d| d.date == date) {
            Some(i) => ListEdit::Replace(i, info),
            None => ListEdit::Insert(days.iter().take_while(|d| d.date < date).count(), info),
        };
        let label = format!("edit {}", date.format("%A %-d %B"));
        self.apply(Edit::Day(edit), label, focus);
    }
}
