//! The mission as JSON, for scripts: every field of the header, the days,
//! the delegation and the visits, each visit with the id it is known by.
//! The shape is described by docs/mission.schema.json and
//! docs/json-export.md; [`FORMAT_VERSION`] changes when it changes in a
//! way that can break a reader.
//!
//! Every key is always present: a field the file leaves out is `null` (or
//! an empty list for tags), so a script never has to test for a key.

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use super::{Scope, days_in_scope};
use crate::domain::{DayInfo, Mission, Participant, Visit};

/// Version of the JSON shape, written as `format_version`.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    format_version: u32,
    scope: ScopeJson<'a>,
    mission: HeaderJson<'a>,
    days: Vec<DayJson<'a>>,
    participants: Vec<ParticipantJson<'a>>,
    visits: Vec<VisitJson<'a>>,
}

#[derive(Serialize)]
struct ScopeJson<'a> {
    participant: Option<&'a str>,
    day: Option<String>,
}

#[derive(Serialize)]
struct HeaderJson<'a> {
    title: &'a str,
    start: String,
    end: String,
    timezone: Option<&'static str>,
    home_timezone: Option<&'static str>,
    organizer: Option<&'a str>,
    summary: Option<&'a str>,
}

#[derive(Serialize)]
struct DayJson<'a> {
    date: String,
    city: Option<&'a str>,
    lodging: Option<&'a str>,
    notes: Option<&'a str>,
}

#[derive(Serialize)]
struct ParticipantJson<'a> {
    id: &'a str,
    name: &'a str,
    organization: Option<&'a str>,
    region: Option<&'a str>,
    role: Option<&'a str>,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    notes: Option<&'a str>,
}

#[derive(Serialize)]
struct VisitJson<'a> {
    id: &'a str,
    id_generated: bool,
    date: String,
    end_date: Option<String>,
    start: Option<String>,
    end: Option<String>,
    title: &'a str,
    kind: &'static str,
    status: &'static str,
    city: Option<&'a str>,
    venue: Option<&'a str>,
    address: Option<&'a str>,
    host: Option<&'a str>,
    contact: Option<&'a str>,
    participants: Option<&'a [String]>,
    attendees: Vec<&'a str>,
    tags: &'a [String],
    notes: Option<&'a str>,
}

/// The mission as pretty-printed JSON, ending with a newline. The scope
/// keeps only its participant's visits and only its day (and that day's
/// entry in `days`); the header and the whole delegation are always
/// there, and `scope` says what was left out.
pub fn export(mission: &Mission, scope: &Scope) -> Result<String, serde_json::Error> {
    let ids = mission.visit_ids();
    let mut days = Vec::new();
    let mut visits = Vec::new();
    for (date, in_day) in days_in_scope(mission, scope) {
        days.push((date, mission.day_info(date)));
        for i in in_day {
            visits.push(visit(mission, &mission.visits[i], &ids[i]));
        }
    }
    // A [[days]] entry outside the mission's dates, on a date without
    // visits, is no day of the agenda but still part of the mission.
    for info in &mission.days {
        let wanted = scope.day.is_none_or(|d| d == info.date);
        if wanted && !days.iter().any(|(d, _)| *d == info.date) {
            days.push((info.date, Some(info)));
        }
    }
    days.sort_by_key(|(d, _)| *d);
    let header = &mission.header;
    let document = Document {
        format_version: FORMAT_VERSION,
        scope: ScopeJson {
            participant: scope.participant.as_deref(),
            day: scope.day.map(date),
        },
        mission: HeaderJson {
            title: &header.title,
            start: date(header.start),
            end: date(header.end),
            timezone: header.timezone.map(|tz| tz.name()),
            home_timezone: header.home_timezone.map(|tz| tz.name()),
            organizer: header.organizer.as_deref(),
            summary: header.summary.as_deref(),
        },
        days: days.into_iter().map(|(d, info)| day(d, info)).collect(),
        participants: mission.participants.iter().map(participant).collect(),
        visits,
    };
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn time(t: NaiveTime) -> String {
    t.format("%H:%M:%S").to_string()
}

/// A day of the mission, with its `[[days]]` entry if it has one.
fn day(d: NaiveDate, info: Option<&DayInfo>) -> DayJson<'_> {
    DayJson {
        date: date(d),
        city: info.and_then(|i| i.city.as_deref()),
        lodging: info.and_then(|i| i.lodging.as_deref()),
        notes: info.and_then(|i| i.notes.as_deref()),
    }
}

fn participant(p: &Participant) -> ParticipantJson<'_> {
    ParticipantJson {
        id: &p.id,
        name: &p.name,
        organization: p.organization.as_deref(),
        region: p.region.as_deref(),
        role: p.role.as_deref(),
        email: p.email.as_deref(),
        phone: p.phone.as_deref(),
        notes: p.notes.as_deref(),
    }
}

fn visit<'a>(mission: &'a Mission, v: &'a Visit, id: &'a str) -> VisitJson<'a> {
    VisitJson {
        id,
        id_generated: v.id.is_none(),
        date: date(v.date),
        end_date: v.end_date.map(date),
        start: v.start.map(time),
        end: v.end.map(time),
        title: &v.title,
        kind: v.kind.as_str(),
        status: v.status.as_str(),
        city: v.city.as_deref(),
        venue: v.venue.as_deref(),
        address: v.address.as_deref(),
        host: v.host.as_deref(),
        contact: v.contact.as_deref(),
        participants: v.participants.as_deref(),
        attendees: mission.attendees(v).map(|p| p.id.as_str()).collect(),
        tags: &v.tags,
        notes: v.notes.as_deref(),
    }
}
