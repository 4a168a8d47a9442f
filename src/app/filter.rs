//! Filters: the timeline and the all-days view show only the visits of a
//! participant, in a city, of a kind, with a status or a tag (each one
//! optional, all of them together). `f` opens the filter picker, one row a
//! filter, whose values are the ones the mission has; `F` clears them all.
//! The filter only hides visits: edits, undo and saving work on the whole
//! mission, and the header names what is filtered.

use super::search::fold;
use super::{App, Mode, Msg};
use crate::domain::{Kind, Mission, Status, Visit};
use crate::input::{Action, KeyMode};

/// What the timeline shows; empty shows everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// A participant id.
    pub participant: Option<String>,
    pub city: Option<String>,
    pub kind: Option<Kind>,
    pub status: Option<Status>,
    pub tag: Option<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        *self == Filter::default()
    }

    pub fn keeps(&self, visit: &Visit) -> bool {
        let same = |a: &str, b: &str| fold(a.trim()) == fold(b.trim());
        self.participant
            .as_deref()
            .is_none_or(|p| visit.attended_by(p))
            && self
                .city
                .as_deref()
                .is_none_or(|c| visit.city.as_deref().is_some_and(|v| same(v, c)))
            && self.kind.is_none_or(|k| visit.kind == k)
            && self.status.is_none_or(|s| visit.status == s)
            && self
                .tag
                .as_deref()
                .is_none_or(|t| visit.tags.iter().any(|v| same(v, t)))
    }

    /// "participant Sauro Vicini · city Osaka", for the header.
    pub fn label(&self, mission: &Mission) -> String {
        let mut parts = Vec::new();
        if let Some(id) = &self.participant {
            let name = mission.participant(id).map_or(id.as_str(), |p| &p.name);
            parts.push(format!("participant {name}"));
        }
        if let Some(city) = &self.city {
            parts.push(format!("city {city}"));
        }
        if let Some(kind) = self.kind {
            parts.push(format!("kind {}", kind.as_str()));
        }
        if let Some(status) = self.status {
            parts.push(format!("status {}", status.as_str()));
        }
        if let Some(tag) = &self.tag {
            parts.push(format!("tag {tag}"));
        }
        parts.join(" · ")
    }
}

/// The filter picker: one row a filter, each a choice among "any" and the
/// values the mission has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FilterPicker {
    /// Each row: its label, its choices (shown text, value), the chosen.
    pub rows: Vec<PickerRow>,
    pub focus: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickerRow {
    pub label: &'static str,
    /// Shown text and value of each choice; the first is "any".
    pub choices: Vec<(String, String)>,
    pub chosen: usize,
}

fn row(label: &'static str, values: Vec<(String, String)>, current: Option<&str>) -> PickerRow {
    let mut choices = vec![("any".to_string(), String::new())];
    for value in values {
        if !choices.iter().any(|(_, v)| fold(v) == fold(&value.1)) {
            choices.push(value);
        }
    }
    let chosen = current
        .and_then(|c| choices.iter().position(|(_, v)| v == c))
        .unwrap_or(0);
    PickerRow {
        label,
        choices,
        chosen,
    }
}

impl FilterPicker {
    pub fn new(mission: &Mission, filter: &Filter) -> Self {
        let people = mission
            .participants
            .iter()
            .map(|p| (p.name.clone(), p.id.clone()))
            .collect();
        let mut cities: Vec<(String, String)> = mission
            .visits
            .iter()
            .filter_map(|v| v.city.as_deref().map(str::trim).filter(|c| !c.is_empty()))
            .map(|c| (c.to_string(), c.to_string()))
            .collect();
        cities.sort_by_key(|(c, _)| fold(c));
        let kinds = Kind::ALL
            .iter()
            .map(|k| (k.as_str().to_string(), k.as_str().to_string()))
            .collect();
        let statuses = Status::ALL
            .iter()
            .map(|s| (s.as_str().to_string(), s.as_str().to_string()))
            .collect();
        let mut tags: Vec<(String, String)> = mission
            .visits
            .iter()
            .flat_map(|v| v.tags.iter())
            .map(|t| (t.clone(), t.clone()))
            .collect();
        tags.sort_by_key(|(t, _)| fold(t));
        FilterPicker {
            rows: vec![
                row("Participant", people, filter.participant.as_deref()),
                row("City", cities, filter.city.as_deref()),
                row("Kind", kinds, filter.kind.map(Kind::as_str)),
                row("Status", statuses, filter.status.map(Status::as_str)),
                row("Tag", tags, filter.tag.as_deref()),
            ],
            focus: 0,
        }
    }

    /// The filter the rows choose.
    pub fn filter(&self) -> Filter {
        let value = |i: usize| {
            let row = &self.rows[i];
            Some(row.choices[row.chosen].1.clone()).filter(|v| !v.is_empty())
        };
        Filter {
            participant: value(0),
            city: value(1),
            kind: value(2).and_then(|k| Kind::parse(&k)),
            status: value(3).and_then(|s| Status::parse(&s)),
            tag: value(4),
        }
    }

    fn turn(&mut self, by: isize) {
        let row = &mut self.rows[self.focus];
        let n = row.choices.len() as isize;
        row.chosen = (row.chosen as isize + by).rem_euclid(n) as usize;
    }

    fn move_focus(&mut self, by: isize) {
        let n = self.rows.len() as isize;
        self.focus = (self.focus as isize + by).rem_euclid(n) as usize;
    }
}

impl App {
    /// The filter in use.
    pub fn filter(&self) -> &Filter {
        self.plan.filter()
    }

    /// Shows only what `filter` keeps, keeping the selected visit when it
    /// is still shown.
    pub fn set_filter(&mut self, filter: Filter) {
        let selected = self.selected_index();
        self.plan.set_filter(filter);
        self.clamp_selection();
        if let Some((day, pos)) = selected.and_then(|v| self.index().slot(v)) {
            self.view.day = day;
            self.view.pos = pos;
        } else if self.day_visits().is_empty() {
            // The first shown visit from this day on, else the first one.
            let from = self.agenda().visits_before(self.view.day);
            let total = self.index().visit_count();
            let first = (from < total).then_some(from).or((total > 0).then_some(0));
            if let Some((day, pos)) = first.and_then(|n| self.agenda().visit_at(n)) {
                self.select(day, pos);
            }
        }
    }

    pub(super) fn open_filter(&mut self) {
        let picker = FilterPicker::new(self.plan.mission(), self.plan.filter());
        self.mode = Mode::Filter(Box::new(picker));
    }

    pub(super) fn clear_filter(&mut self) {
        if self.filter().is_empty() {
            self.info("No filter to clear.");
        } else {
            self.set_filter(Filter::default());
            self.info("Filter cleared: every visit is shown.");
        }
    }

    /// The picker reads the keys of a form: up and down between rows,
    /// left and right through the choices, Enter applies, Esc cancels.
    pub(super) fn update_filter(&mut self, msg: Msg) {
        let Msg::Key(key) = msg else { return };
        let actions = self.config.keymap.actions_in(KeyMode::Form, key);
        let Mode::Filter(picker) = &mut self.mode else {
            return;
        };
        for action in actions {
            match action {
                Action::Up | Action::PrevField => picker.move_focus(-1),
                Action::Down | Action::NextField => picker.move_focus(1),
                Action::PreviousChoice => picker.turn(-1),
                Action::NextChoice => picker.turn(1),
                Action::Apply => {
                    let filter = picker.filter();
                    self.mode = Mode::Normal;
                    let shown = filter.label(self.plan.mission());
                    self.set_filter(filter);
                    if shown.is_empty() {
                        self.info("Every visit is shown.");
                    } else {
                        let n = self.index().visit_count();
                        self.info(format!("Showing {n} visits: {shown}."));
                    }
                }
                Action::Cancel => self.mode = Mode::Normal,
                _ => continue,
            }
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_city_filter_ignores_case_and_accents() {
        let mut visit = Visit::new(chrono::NaiveDate::MIN, "Talk");
        visit.city = Some("Réunion".into());
        let filter = Filter {
            city: Some("reunion".into()),
            ..Filter::default()
        };
        assert!(filter.keeps(&visit));
        visit.city = Some("Osaka".into());
        assert!(!filter.keeps(&visit));
    }
}
