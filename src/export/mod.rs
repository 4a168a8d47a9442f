//! Exports: pure functions from a mission and a [`Scope`] to text.
//!
//! One module per format: [`agenda`] (plain text), [`markdown`], [`ics`]
//! (iCalendar) and [`json`]. Each takes the mission and a scope and returns
//! the whole output; none reads the clock, the environment or the disk
//! (the iCalendar writer is handed its `DTSTAMP`).

pub mod ics;
pub mod json;
pub mod markdown;
mod text;

pub(crate) use text::Agenda;
pub use text::agenda;

use chrono::NaiveDate;

use crate::domain::{DayIndex, DayInfo, Mission, Participant, Status, Visit};

/// Which part of the mission an export covers, and how wide it may be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    /// Only the visits this participant attends.
    pub participant: Option<String>,
    /// Only this day.
    pub day: Option<NaiveDate>,
    /// Maximum line width in terminal columns.
    pub width: usize,
    /// List cancelled visits too. The agendas (text and Markdown) leave
    /// them out without it; the iCalendar and JSON exports always keep
    /// them (see [`Scope::with_cancelled`]).
    pub include_cancelled: bool,
}

impl Default for Scope {
    fn default() -> Self {
        Scope {
            participant: None,
            day: None,
            width: 80,
            include_cancelled: false,
        }
    }
}

impl Scope {
    /// The same scope with cancelled visits in it: what a calendar needs
    /// to mark an event it already holds as cancelled.
    pub fn with_cancelled(&self) -> Scope {
        Scope {
            include_cancelled: true,
            ..self.clone()
        }
    }
}

/// The days a scope covers, each with the indices (into `Mission::visits`)
/// of its visits in scope, in file order. Every day of the mission is
/// listed, also one without visits; `scope.day` keeps only that day.
pub(crate) fn days_in_scope(mission: &Mission, scope: &Scope) -> Vec<(NaiveDate, Vec<usize>)> {
    let index = DayIndex::build(mission);
    index
        .dates()
        .iter()
        .enumerate()
        .filter(|(_, date)| scope.day.is_none_or(|d| d == **date))
        .map(|(day, &date)| {
            let visits = index
                .visits_on(day)
                .iter()
                .copied()
                .filter(|&i| in_scope(&mission.visits[i], scope))
                .collect();
            (date, visits)
        })
        .collect()
}

/// Whether a visit belongs to a scope: its participant's (any visit,
/// without one), and not cancelled unless the scope includes those. The
/// day is checked by [`days_in_scope`].
pub(crate) fn in_scope(visit: &Visit, scope: &Scope) -> bool {
    (scope.include_cancelled || visit.status != Status::Cancelled)
        && scope
            .participant
            .as_deref()
            .is_none_or(|id| visit.attended_by(id))
}

/// Who attends, when it is not the whole delegation (`None` then):
/// "Attendees: …" in the delegation's agenda, "With: …" (the others who
/// come) in the agenda of `person`. `name` writes a participant's name
/// (escaped, for Markdown).
pub(crate) fn attendance(
    mission: &Mission,
    visit: &Visit,
    person: Option<&Participant>,
    name: impl Fn(&str) -> String,
) -> Option<String> {
    let attendees: Vec<&Participant> = mission.attendees(visit).collect();
    if visit.participants.is_none() || attendees.len() == mission.participants.len() {
        return None;
    }
    let names = |people: &[&Participant]| -> String {
        let names: Vec<String> = people.iter().map(|p| name(&p.name)).collect();
        names.join(", ")
    };
    Some(match person {
        None if attendees.is_empty() => "Attendees: nobody yet".to_string(),
        None => format!("Attendees: {}", names(&attendees)),
        Some(me) => {
            let others: Vec<&Participant> =
                attendees.into_iter().filter(|p| p.id != me.id).collect();
            if others.is_empty() {
                "With: nobody else from the delegation".to_string()
            } else {
                format!("With: {}", names(&others))
            }
        }
    })
}

/// The line an agenda says once, near the top, instead of "whole
/// delegation" on every visit; `None` for a mission without participants.
pub(crate) fn attendance_rule(mission: &Mission, person: bool) -> Option<&'static str> {
    if mission.participants.is_empty() {
        return None;
    }
    Some(if person {
        "Visits are with the whole delegation unless they say who comes."
    } else {
        "Visits are for the whole delegation unless they name who attends."
    })
}

/// A day's lodging as lines: "Lodging: NAME", its address, "Phone: …";
/// without a name the first line that there is gets the label. Empty
/// when the day has none of the three.
pub(crate) fn lodging_lines(info: &DayInfo) -> Vec<String> {
    let given = |text: &Option<String>| {
        text.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    };
    let mut lines: Vec<String> = [
        given(&info.lodging),
        given(&info.lodging_address),
        given(&info.lodging_phone).map(|phone| format!("Phone: {phone}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(first) = lines.first_mut() {
        first.insert_str(0, "Lodging: ");
    }
    lines
}

/// "day 2 of 5", when `date` is one of the dates of a mission of several
/// days.
pub(crate) fn day_number(mission: &Mission, date: NaiveDate) -> Option<String> {
    let (start, end) = (mission.header.start, mission.header.end);
    (start < end && (start..=end).contains(&date)).then(|| {
        format!(
            "day {} of {}",
            (date - start).num_days() + 1,
            (end - start).num_days() + 1
        )
    })
}

/// "Venue, address, city": the parts a visit has, the city left out when
/// the venue or the address already names it as a word ("3-1-1 Otemachi,
/// Oita" names Oita; "Oitagawa Bridge" does not).
pub fn place(visit: &Visit) -> String {
    let mut parts: Vec<&str> = [&visit.venue, &visit.address]
        .into_iter()
        .filter_map(|s| s.as_deref())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let city = visit.city.as_deref().map(str::trim).unwrap_or_default();
    if !city.is_empty() && !parts.iter().any(|p| names_word(p, city)) {
        parts.push(city);
    }
    parts.join(", ")
}

/// "Meeting" for "meeting".
pub(crate) fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether `word` occurs in `text` with no letter or digit right before or
/// after it.
fn names_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_city_is_left_out_when_the_venue_or_address_names_it() {
        let mut visit = Visit::new(d(2022, 11, 15), "Oita Prefectural Government");
        visit.city = Some("Oita".into());
        assert_eq!(place(&visit), "Oita");
        visit.address = Some("3-1-1 Otemachi, Oita".into());
        assert_eq!(place(&visit), "3-1-1 Otemachi, Oita");
        visit.venue = Some("Oita Prefectural Government".into());
        assert_eq!(
            place(&visit),
            "Oita Prefectural Government, 3-1-1 Otemachi, Oita"
        );
        visit.address = None;
        visit.venue = Some("Oitagawa Bridge".into());
        assert_eq!(place(&visit), "Oitagawa Bridge, Oita");
        visit.city = Some("  ".into());
        assert_eq!(place(&visit), "Oitagawa Bridge");
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }
}
