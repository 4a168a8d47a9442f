//! The mission as an iCalendar file (RFC 5545), for phone and desktop
//! calendars.
//!
//! Written by hand rather than with a calendar crate: the format is a
//! sequence of escaped, folded lines, and what matters here (stable UIDs,
//! a VTIMEZONE for every TZID, a fixed DTSTAMP, byte-identical output) is
//! exactly what such crates leave to their callers. See docs/design.md.
//!
//! - Every visit is one VEVENT. A timed visit has `DTSTART`/`DTEND` in the
//!   mission's zone (`TZID`, with its VTIMEZONE in the calendar), or
//!   floating local times when the mission has no zone. A visit without a
//!   start is an all-day event (`VALUE=DATE`, `DTEND` the day after its
//!   last day). A visit with a start and no end has no `DTEND` (an instant),
//!   unless it runs over several days: then it ends at midnight after its
//!   `end_date`.
//! - The `UID` is `VISIT-ID@MISSION-SLUG.itinera`: the visit's id (written
//!   or generated, see `Mission::visit_ids`) and the mission's title as a
//!   slug, so exporting again, or after other edits, updates the same
//!   events in a calendar instead of adding copies. A visit imported from
//!   another calendar's event keeps that event's UID (its `uid`).
//! - [`event`] writes one VEVENT on its own, and [`event_calendar`] one
//!   VCALENDAR around it, for a calendar server that stores each event as
//!   its own resource.

mod content;
mod zone;

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;

use self::content::Lines;
use super::{Scope, capitalized, days_in_scope, place};
use crate::domain::{Kind, Mission, Status, Visit, slugify};

pub use self::content::{LINE_OCTETS, escape, fold};

/// `PRODID` of every calendar itinera writes.
pub const PRODID: &str = concat!("-//itinera//itinera ", env!("CARGO_PKG_VERSION"), "//EN");

/// The calendar for `scope`: one VEVENT per visit in scope, in agenda
/// order, and the VTIMEZONE they refer to. `stamp` is every event's
/// `DTSTAMP` (see [`stamp_from_env`]). Cancelled visits are always in it,
/// with `STATUS:CANCELLED`, whatever `scope.include_cancelled` says: a
/// calendar that imported the event before removes it or marks it so.
pub fn calendar(mission: &Mission, scope: &Scope, stamp: DateTime<Utc>) -> String {
    let ids = mission.visit_ids();
    let visits: Vec<usize> = days_in_scope(mission, &scope.with_cancelled())
        .into_iter()
        .flat_map(|(_, visits)| visits)
        .collect();
    let mut name = mission.header.title.clone();
    if let Some(p) = scope
        .participant
        .as_deref()
        .and_then(|id| mission.participant(id))
    {
        name.push_str(" · ");
        name.push_str(&p.name);
    }
    let mut out = open(&name);
    let timed = visits.iter().map(|&i| &mission.visits[i]);
    write_zone(&mut out, mission, timed);
    for &i in &visits {
        out.text
            .push_str(&event(mission, &mission.visits[i], &ids[i], stamp));
    }
    out.end("VCALENDAR");
    out.text
}

/// One VCALENDAR holding the single event of `visit` (whose id is `id`)
/// and its VTIMEZONE.
pub fn event_calendar(mission: &Mission, visit: &Visit, id: &str, stamp: DateTime<Utc>) -> String {
    let mut out = open(&mission.header.title);
    write_zone(&mut out, mission, std::iter::once(visit));
    out.text.push_str(&event(mission, visit, id, stamp));
    out.end("VCALENDAR");
    out.text
}

fn open(name: &str) -> Lines {
    let mut out = Lines::default();
    out.begin("VCALENDAR");
    out.raw("VERSION", "2.0");
    out.text("PRODID", PRODID);
    out.raw("CALSCALE", "GREGORIAN");
    out.text("X-WR-CALNAME", name);
    out
}

/// The VTIMEZONE of the mission's zone, when any of `visits` is timed.
fn write_zone<'a>(out: &mut Lines, mission: &Mission, visits: impl Iterator<Item = &'a Visit>) {
    let Some(tz) = mission.header.timezone else {
        return;
    };
    // The day after the last one too: an event can end at its midnight.
    let years: BTreeSet<i32> = visits
        .filter(|v| v.is_timed())
        .flat_map(|v| [v.date, day_after(last_day(v))])
        .map(|d| d.year())
        .collect();
    if !years.is_empty() {
        zone::write(out, tz, &years);
    }
}

/// The UID of the visit with id `id`: "osaka-government@clust-er-health-in-japan.itinera".
/// A title without letters or digits gives the slug "mission".
pub fn uid(mission: &Mission, id: &str) -> String {
    let slug = match slugify(&mission.header.title) {
        s if s.is_empty() => "mission".to_string(),
        s => s,
    };
    format!("{id}@{slug}.itinera")
}

/// The UID of `visit`, whose id is `id`: the UID of the event it was
/// imported from (its `uid`), or [`uid`].
pub fn visit_uid(mission: &Mission, visit: &Visit, id: &str) -> String {
    match visit
        .uid
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
    {
        Some(uid) => uid.to_string(),
        None => uid(mission, id),
    }
}

/// The VEVENT of `visit`, whose id (written or generated) is `id`, with
/// `stamp` as its DTSTAMP. Folded lines, each ended by CRLF.
pub fn event(mission: &Mission, visit: &Visit, id: &str, stamp: DateTime<Utc>) -> String {
    let mut out = Lines::default();
    out.begin("VEVENT");
    out.text("UID", &visit_uid(mission, visit, id));
    out.raw("DTSTAMP", &stamp.format("%Y%m%dT%H%M%SZ").to_string());
    let (start, end) = times(visit, mission.header.timezone);
    out.raw(&start.0, &start.1);
    if let Some((name, value)) = end {
        out.raw(&name, &value);
    }
    out.text("SUMMARY", &visit.title);
    let location = place(visit);
    if !location.is_empty() {
        out.text("LOCATION", &location);
    }
    let description = description(mission, visit);
    if !description.is_empty() {
        out.text("DESCRIPTION", &description);
    }
    out.raw(
        "STATUS",
        match visit.status {
            Status::Confirmed => "CONFIRMED",
            Status::Tentative => "TENTATIVE",
            Status::Cancelled => "CANCELLED",
        },
    );
    let kind = capitalized(visit.kind.as_str());
    let categories: Vec<&str> = (visit.kind != Kind::Other)
        .then_some(kind.as_str())
        .into_iter()
        .chain(visit.tags.iter().map(String::as_str))
        .collect();
    out.text_list("CATEGORIES", &categories);
    out.end("VEVENT");
    out.text
}

type Property = (String, String);

/// `DTSTART` and `DTEND` (name with parameters, and value) of a visit.
fn times(visit: &Visit, tz: Option<Tz>) -> (Property, Option<Property>) {
    let date_time = |name: &str, at: NaiveDateTime| -> Property {
        let value = at.format("%Y%m%dT%H%M%S").to_string();
        match tz {
            Some(tz) => (format!("{name};TZID={}", tz.name()), value),
            None => (name.to_string(), value),
        }
    };
    let date = |name: &str, d: NaiveDate| -> Property {
        (format!("{name};VALUE=DATE"), d.format("%Y%m%d").to_string())
    };
    let last_day = last_day(visit);
    match (visit.starts_at(), visit.ends_at()) {
        (Some(start), Some(end)) => (date_time("DTSTART", start), Some(date_time("DTEND", end))),
        (Some(start), None) if last_day > visit.date => (
            date_time("DTSTART", start),
            Some(date_time(
                "DTEND",
                day_after(last_day).and_time(NaiveTime::MIN),
            )),
        ),
        (Some(start), None) => (date_time("DTSTART", start), None),
        (None, _) => (
            date("DTSTART", visit.date),
            Some(date("DTEND", day_after(last_day))),
        ),
    }
}

fn last_day(visit: &Visit) -> NaiveDate {
    visit.end_date.unwrap_or(visit.date)
}

fn day_after(date: NaiveDate) -> NaiveDate {
    date.succ_opt().unwrap_or(date)
}

/// Host, contact and attendees, one a line, then the notes after a blank
/// line.
fn description(mission: &Mission, visit: &Visit) -> String {
    let mut lines = Vec::new();
    if let Some(host) = &visit.host {
        lines.push(format!("Host: {host}"));
    }
    if let Some(contact) = &visit.contact {
        lines.push(format!("Contact: {contact}"));
    }
    if !mission.participants.is_empty() {
        let who = match &visit.participants {
            None => "whole delegation".to_string(),
            Some(_) => {
                let names: Vec<&str> = mission.attendees(visit).map(|p| p.name.as_str()).collect();
                if names.is_empty() {
                    "nobody yet".to_string()
                } else {
                    names.join(", ")
                }
            }
        };
        lines.push(format!("Attendees: {who}"));
    }
    let mut text = lines.join("\n");
    if let Some(notes) = visit
        .notes
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(notes);
    }
    text
}

/// The `DTSTAMP` to write: `SOURCE_DATE_EPOCH` (seconds since 1970, UTC)
/// when it is set and not empty, so that exports can be reproduced byte
/// for byte; otherwise `now`.
pub fn stamp_from_env(value: Option<&str>, now: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    match value.map(str::trim) {
        None | Some("") => Ok(now),
        Some(text) => text
            .parse::<i64>()
            .ok()
            .and_then(|secs| DateTime::from_timestamp(secs, 0))
            .ok_or_else(|| {
                format!(
                    "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not \"{text}\""
                )
            }),
    }
}

#[cfg(test)]
mod tests;
