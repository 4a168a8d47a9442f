//! Exports: pure functions from a mission and a [`Scope`] to text.

mod text;

pub(crate) use text::Agenda;
pub use text::agenda;

use chrono::NaiveDate;

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

/// "14–18 November 2022", "30 March – 2 April 2026", or across years in
/// full.
pub fn date_range(start: NaiveDate, end: NaiveDate) -> String {
    use chrono::Datelike;
    if start == end {
        start.format("%-d %B %Y").to_string()
    } else if start.year() != end.year() {
        format!(
            "{} – {}",
            start.format("%-d %B %Y"),
            end.format("%-d %B %Y")
        )
    } else if start.month() != end.month() {
        format!("{} – {}", start.format("%-d %B"), end.format("%-d %B %Y"))
    } else {
        format!("{}–{}", start.format("%-d"), end.format("%-d %B %Y"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn date_ranges_read_naturally() {
        assert_eq!(
            date_range(d(2022, 11, 14), d(2022, 11, 18)),
            "14–18 November 2022"
        );
        assert_eq!(
            date_range(d(2026, 3, 30), d(2026, 4, 2)),
            "30 March – 2 April 2026"
        );
        assert_eq!(
            date_range(d(2026, 12, 30), d(2027, 1, 2)),
            "30 December 2026 – 2 January 2027"
        );
        assert_eq!(
            date_range(d(2022, 11, 14), d(2022, 11, 14)),
            "14 November 2022"
        );
    }
}
