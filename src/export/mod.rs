//! Exports: pure functions from a mission and a [`Scope`] to text.
//!
//! One module per format: [`agenda`] (plain text), [`markdown`], [`ics`]
//! (iCalendar) and [`json`]. Each takes the mission and a scope and returns
//! the whole output; none reads the clock, the environment or the disk
//! (the iCalendar writer is handed its `DTSTAMP`). [`render`] picks the
//! format; `itinera export` and the planner's export both call it.

mod formats;
pub mod ics;
pub mod json;
pub mod markdown;
mod text;

pub use formats::{Format, PersonFile, RenderError, each_participant, render};
pub(crate) use text::Agenda;
pub use text::agenda;

use chrono::NaiveDate;

use crate::domain::{DayIndex, Mission, Visit};

/// Which part of the mission an export covers, and how wide it may be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    /// Only the visits this participant attends.
    pub participant: Option<String>,
    /// Only this day.
    pub day: Option<NaiveDate>,
    /// Maximum line width in terminal columns.
    pub width: usize,
}

impl Default for Scope {
    fn default() -> Self {
        Scope {
            participant: None,
            day: None,
            width: 80,
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

/// Whether a visit belongs to a scope's participant (any visit, without
/// one). The day is checked by [`days_in_scope`].
pub(crate) fn in_scope(visit: &Visit, scope: &Scope) -> bool {
    scope
        .participant
        .as_deref()
        .is_none_or(|id| visit.attended_by(id))
}

/// "Venue, address, city": the parts a visit has, the city left out when
/// the venue or the address already names it as a word ("3-1-1 Otemachi,
/// Oita" names Oita; "Oitagawa Bridge" does not).
pub(crate) fn place(visit: &Visit) -> String {
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
