//! Building the entity a form describes, keeping every value the form
//! left untouched exactly as it was.

use chrono_tz::Tz;

use super::{Entity, Form, Input, Name};
use crate::domain::{DayInfo, Header, Kind, Participant, Status, Visit};
use crate::domain::{parse_date, parse_time};

impl Form {
    /// Whether text field `name` was edited.
    fn changed(&self, name: Name) -> bool {
        self.fields.iter().any(|f| {
            f.name == name
                && matches!(&f.input, Input::Text { area, .. } if area.lines().join("\n") != f.initial)
        })
    }

    /// Field `name` as an optional value: `base` when untouched.
    fn kept(&self, name: Name, base: &Option<String>) -> Option<String> {
        if self.changed(name) {
            self.optional(name)
        } else {
            base.clone()
        }
    }

    /// Field `name` parsed with `parse`: `base` when untouched.
    fn parsed<T: Clone>(
        &self,
        name: Name,
        base: &Option<T>,
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        if self.changed(name) {
            parse(&self.text(name))
        } else {
            base.clone()
        }
    }

    /// The visit the form describes, based on `base` (which supplies the
    /// key and every value the form left untouched).
    /// The entity the form describes. Call after [`Form::validate`]
    /// succeeded.
    pub fn build(&self) -> Entity {
        match &self.base {
            Entity::Visit(v) => Entity::Visit(self.build_visit(v)),
            Entity::Participant(p) => Entity::Participant(self.build_participant(p)),
            Entity::Header(h) => Entity::Header(self.build_header(h)),
            Entity::Day(d) => Entity::Day(self.build_day(d)),
        }
    }

    fn build_visit(&self, base: &Visit) -> Visit {
        let date = parse_date;
        let mut visit = base.clone();
        visit.title = self
            .kept(Name::Title, &Some(base.title.clone()))
            .unwrap_or_default();
        visit.date = self
            .parsed(Name::Date, &Some(base.date), date)
            .unwrap_or(base.date);
        visit.end_date = self.parsed(Name::EndDate, &base.end_date, date);
        visit.start = self.parsed(Name::Start, &base.start, parse_time);
        visit.end = self.parsed(Name::End, &base.end, parse_time);
        visit.kind = Kind::parse(self.choice(Name::Kind)).unwrap_or(base.kind);
        visit.status = Status::parse(self.choice(Name::Status)).unwrap_or(base.status);
        visit.city = self.kept(Name::City, &base.city);
        visit.venue = self.kept(Name::Venue, &base.venue);
        visit.address = self.kept(Name::Address, &base.address);
        visit.host = self.kept(Name::Host, &base.host);
        visit.contact = self.kept(Name::Contact, &base.contact);
        visit.id = self.kept(Name::Id, &base.id);
        visit.notes = self.kept(Name::Notes, &base.notes);
        if self.changed(Name::Tags) {
            visit.tags = self
                .text(Name::Tags)
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect();
        }
        let attendees = self.fields.iter().find_map(|f| match &f.input {
            Input::Checklist { whole, items, .. } => Some((*whole, items)),
            _ => None,
        });
        if let Some((whole, items)) = attendees {
            let chosen: Vec<String> = items
                .iter()
                .filter(|(_, _, chosen)| *chosen)
                .map(|(id, _, _)| id.clone())
                .collect();
            visit.participants = match (&base.participants, whole) {
                (_, true) => None,
                // The people already listed stay in the file's order; the
                // newly ticked follow, in delegation order.
                (Some(old), false) => Some(
                    old.iter()
                        .filter(|id| chosen.contains(id))
                        .chain(chosen.iter().filter(|id| !old.contains(id)))
                        .cloned()
                        .collect(),
                ),
                (None, false) => Some(chosen),
            };
        }
        visit
    }

    fn build_participant(&self, base: &Participant) -> Participant {
        Participant {
            key: base.key,
            id: self
                .kept(Name::Id, &Some(base.id.clone()))
                .unwrap_or_default(),
            name: self
                .kept(Name::Name, &Some(base.name.clone()))
                .unwrap_or_default(),
            organization: self.kept(Name::Organization, &base.organization),
            region: self.kept(Name::Region, &base.region),
            role: self.kept(Name::Role, &base.role),
            email: self.kept(Name::Email, &base.email),
            phone: self.kept(Name::Phone, &base.phone),
            notes: self.kept(Name::Notes, &base.notes),
        }
    }

    fn build_header(&self, base: &Header) -> Header {
        let date = parse_date;
        let zone = |s: &str| s.parse::<Tz>().ok();
        Header {
            title: self
                .kept(Name::Title, &Some(base.title.clone()))
                .unwrap_or_default(),
            start: self
                .parsed(Name::FirstDay, &Some(base.start), date)
                .unwrap_or(base.start),
            end: self
                .parsed(Name::LastDay, &Some(base.end), date)
                .unwrap_or(base.end),
            timezone: self.parsed(Name::Timezone, &base.timezone, zone),
            home_timezone: self.parsed(Name::HomeTimezone, &base.home_timezone, zone),
            organizer: self.kept(Name::Organizer, &base.organizer),
            summary: self.kept(Name::Summary, &base.summary),
        }
    }

    fn build_day(&self, base: &DayInfo) -> DayInfo {
        DayInfo {
            date: base.date,
            city: self.kept(Name::City, &base.city),
            lodging: self.kept(Name::Lodging, &base.lodging),
            notes: self.kept(Name::Notes, &base.notes),
        }
    }
}
