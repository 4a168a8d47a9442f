//! The four forms and their fields: a visit, a participant, the mission
//! header and a day.

use chrono::NaiveTime;
use chrono_tz::Tz;

use super::{Entity, Field, Form, Input, Name, Target, text};
use crate::domain::{DayInfo, Header, Kind, Mission, Participant, Status, Visit};
use crate::present::format_time;

fn field(name: Name, label: &'static str, input: Input) -> Field {
    let initial = match &input {
        Input::Text { area, .. } => area.lines().join("\n"),
        _ => String::new(),
    };
    Field {
        name,
        label,
        input,
        initial,
        error: None,
        hint: "",
        offset: 0,
    }
}

fn opt(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("")
}

fn choice<T: PartialEq + Copy>(all: &[T], current: T, name: impl Fn(T) -> &'static str) -> Input {
    Input::Choice {
        options: all.iter().map(|v| name(*v)).collect(),
        selected: all.iter().position(|v| *v == current).unwrap_or(0),
    }
}

impl Form {
    pub fn visit(mission: &Mission, visit: &Visit, index: Option<usize>) -> Form {
        let time = |t: Option<NaiveTime>| t.map(format_time).unwrap_or_default();
        let items = mission
            .participants
            .iter()
            .map(|p| {
                let chosen = visit
                    .participants
                    .as_ref()
                    .is_some_and(|ids| ids.contains(&p.id));
                (p.id.clone(), p.name_and_organization(), chosen)
            })
            .collect();
        let mut fields = vec![
            field(Name::Title, "Title", text(&visit.title, false)),
            field(Name::Date, "Date", text(&visit.date.to_string(), false)),
            field(Name::Start, "Start", text(&time(visit.start), false)),
            field(Name::End, "End", text(&time(visit.end), false)),
            field(
                Name::EndDate,
                "Ends on",
                text(
                    &visit.end_date.map(|d| d.to_string()).unwrap_or_default(),
                    false,
                ),
            ),
            field(
                Name::Kind,
                "Kind",
                choice(&Kind::ALL, visit.kind, Kind::as_str),
            ),
            field(
                Name::Status,
                "Status",
                choice(&Status::ALL, visit.status, Status::as_str),
            ),
            field(Name::City, "City", text(opt(&visit.city), false)),
            field(Name::Venue, "Venue", text(opt(&visit.venue), false)),
            field(Name::Address, "Address", text(opt(&visit.address), false)),
            field(Name::Host, "Host", text(opt(&visit.host), false)),
            field(Name::Contact, "Contact", text(opt(&visit.contact), false)),
            field(
                Name::Attendees,
                "Attendees",
                Input::Checklist {
                    whole: visit.participants.is_none(),
                    items,
                    cursor: 0,
                },
            ),
            field(Name::Tags, "Tags", text(&visit.tags.join(", "), false)),
            field(Name::Id, "Id", text(opt(&visit.id), false)),
            field(Name::Notes, "Notes", text(opt(&visit.notes), true)),
        ];
        hint(&mut fields, Name::Date, "YYYY-MM-DD");
        hint(&mut fields, Name::Start, "HH:MM, or empty if not known");
        hint(&mut fields, Name::End, "HH:MM");
        hint(
            &mut fields,
            Name::EndDate,
            "YYYY-MM-DD, for items past midnight",
        );
        hint(&mut fields, Name::Tags, "comma-separated");
        hint(&mut fields, Name::Id, "optional: letters, digits, - and _");
        let title = match index {
            Some(_) => "Edit visit",
            None => "New visit",
        };
        Form::new(
            Target::Visit(index),
            Entity::Visit(visit.clone()),
            title,
            fields,
        )
    }

    pub fn participant(p: &Participant, index: Option<usize>) -> Form {
        let fields = vec![
            field(Name::Name, "Name", text(&p.name, false)),
            field(Name::Id, "Id", text(&p.id, false)),
            field(
                Name::Organization,
                "Organization",
                text(opt(&p.organization), false),
            ),
            field(Name::Region, "Region", text(opt(&p.region), false)),
            field(Name::Role, "Role", text(opt(&p.role), false)),
            field(Name::Email, "Email", text(opt(&p.email), false)),
            field(Name::Phone, "Phone", text(opt(&p.phone), false)),
            field(Name::Notes, "Notes", text(opt(&p.notes), true)),
        ];
        let title = match index {
            Some(_) => "Edit participant",
            None => "New participant",
        };
        let mut form = Form::new(
            Target::Participant(index),
            Entity::Participant(p.clone()),
            title,
            fields,
        );
        let id_hint = match index {
            Some(_) => "letters, digits, - and _; visits name people by id",
            None => "leave empty to make one from the name",
        };
        hint(&mut form.fields, Name::Id, id_hint);
        form
    }

    pub fn mission(header: &Header) -> Form {
        let zone = |tz: Option<Tz>| tz.map(|t| t.name().to_string()).unwrap_or_default();
        let mut fields = vec![
            field(Name::Title, "Title", text(&header.title, false)),
            field(
                Name::FirstDay,
                "First day",
                text(&header.start.to_string(), false),
            ),
            field(
                Name::LastDay,
                "Last day",
                text(&header.end.to_string(), false),
            ),
            field(
                Name::Timezone,
                "Time zone",
                text(&zone(header.timezone), false),
            ),
            field(
                Name::HomeTimezone,
                "Home zone",
                text(&zone(header.home_timezone), false),
            ),
            field(
                Name::Organizer,
                "Organizer",
                text(opt(&header.organizer), false),
            ),
            field(Name::Summary, "Summary", text(opt(&header.summary), true)),
        ];
        hint(&mut fields, Name::Timezone, "IANA name, e.g. Asia/Tokyo");
        hint(
            &mut fields,
            Name::HomeTimezone,
            "IANA name, e.g. Europe/Rome",
        );
        Form::new(
            Target::Mission,
            Entity::Header(header.clone()),
            "Edit mission",
            fields,
        )
    }

    pub fn day(info: &DayInfo) -> Form {
        let fields = vec![
            field(Name::City, "City", text(opt(&info.city), false)),
            field(Name::Lodging, "Lodging", text(opt(&info.lodging), false)),
            field(Name::Notes, "Notes", text(opt(&info.notes), true)),
        ];
        let title = format!("Edit {}", info.date.format("%A %-d %B"));
        Form::new(
            Target::Day(info.date),
            Entity::Day(info.clone()),
            &title,
            fields,
        )
    }
}

fn hint(fields: &mut [Field], name: Name, hint: &'static str) {
    if let Some(field) = fields.iter_mut().find(|f| f.name == name) {
        field.hint = hint;
    }
}
