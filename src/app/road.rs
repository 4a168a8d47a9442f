//! On the road: while the mission is under way the planner follows the
//! clock it was opened with, marking the visit on now and the next one and
//! drawing a "now" line in today's timeline.

use chrono::{DateTime, NaiveDateTime, Utc};

use super::App;
use crate::domain::road::{Phase, Road};

impl App {
    /// During the trip, the planner opens on today: the date `now` is in
    /// the mission's time zone (or the computer's, without one), with the
    /// visit on now selected, or else the next one. From then on it marks
    /// them as [`App::now`] moves on.
    pub fn start_on(&mut self, now: DateTime<Utc>) {
        self.now = Some(now);
        self.follows_clock = true;
        let today = self.wall_clock(now).date();
        self.select_date(today);
        if let Some(road) = self.road() {
            let on = road.current.or(road.next).map(|slot| slot.visit);
            if let Some((day, pos)) = on.and_then(|v| self.index().slot(v)) {
                if day == self.view.day {
                    self.view.pos = pos;
                }
            }
        }
    }

    /// `now` as a wall-clock time of the mission's zone (the computer's,
    /// for a mission without one).
    fn wall_clock(&self, now: DateTime<Utc>) -> NaiveDateTime {
        match self.plan.mission().header.timezone {
            Some(tz) => now.with_timezone(&tz).naive_local(),
            None => now.with_timezone(&self.local_offset).naive_local(),
        }
    }

    /// What is on now and next, while the mission is under way and the
    /// planner follows the clock ([`App::start_on`]); `None` otherwise.
    pub fn road(&self) -> Option<Road> {
        if !self.follows_clock {
            return None;
        }
        let now = self.wall_clock(self.now?);
        // Before or after the mission there is nothing to mark: no need to
        // look through its visits at every frame.
        let header = &self.plan.mission().header;
        if !(header.start..=header.end).contains(&now.date()) {
            return None;
        }
        let road = self.plan.road_at(now);
        (road.phase == Phase::During).then_some(road)
    }

    /// The day of the timeline that is today, while on the road.
    pub fn today(&self) -> Option<usize> {
        let road = self.road()?;
        self.plan.index().day_of_date(road.now.date())
    }
}
