//! Rows of the all-days agenda, precomputed so that scrolling and
//! hit-testing never walk the whole mission.

use crate::domain::DayIndex;

/// Rows a visit takes in the timeline and the agenda.
pub const VISIT_ROWS: usize = 2;

/// Row positions in the all-days agenda: each day is a heading row
/// followed by [`VISIT_ROWS`] rows per visit, or one "nothing scheduled"
/// row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AgendaRows {
    starts: Vec<usize>,
    /// Number of visits on the days before each day.
    visits_before: Vec<usize>,
    total: usize,
}

impl AgendaRows {
    pub fn build(index: &DayIndex) -> Self {
        let mut starts = Vec::with_capacity(index.len());
        let mut visits_before = Vec::with_capacity(index.len());
        let (mut total, mut visits) = (0, 0);
        for day in 0..index.len() {
            starts.push(total);
            visits_before.push(visits);
            let n = index.visits_on(day).len();
            total += 1 + (n * VISIT_ROWS).max(1);
            visits += n;
        }
        AgendaRows {
            starts,
            visits_before,
            total,
        }
    }

    pub fn visits_before(&self, day: usize) -> usize {
        self.visits_before.get(day).copied().unwrap_or(0)
    }

    /// The (day, position) of the `n`th visit of the whole mission, counted
    /// in day order.
    pub fn visit_at(&self, n: usize) -> Option<(usize, usize)> {
        // The last day that has fewer than n+1 visits before it.
        let day = self
            .visits_before
            .partition_point(|&b| b <= n)
            .checked_sub(1)?;
        Some((day, n - self.visits_before[day]))
    }

    pub fn total(&self) -> usize {
        self.total
    }

    /// The row of a day's heading.
    pub fn heading(&self, day: usize) -> usize {
        self.starts.get(day).copied().unwrap_or(self.total)
    }

    /// The day whose block contains `row`, and the row's offset within it
    /// (0 is the heading).
    pub fn locate(&self, row: usize) -> Option<(usize, usize)> {
        if row >= self.total {
            return None;
        }
        let day = self.starts.partition_point(|&s| s <= row).checked_sub(1)?;
        Some((day, row - self.starts[day]))
    }
}
