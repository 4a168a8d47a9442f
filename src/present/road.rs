//! "What is on now, and what comes next", in words short enough for a
//! status line: `itinera next` prints it, and the planner marks the same
//! visits.
//!
//! ```text
//! Now: Lunch until 13:00 (25 min left) · Next: 14:00 KENTO (in 1h25)
//! Next: Tue 15 09:00 Kansai International Airport (in 15h30)
//! Now: Farewell dinner until 21:00 (1h left) · then nothing planned
//! Nothing more planned; the mission ends on Friday 18 November
//! The mission ended on Friday 18 November
//! ```

use chrono::{Datelike, NaiveDateTime, TimeDelta};
use unicode_width::UnicodeWidthStr;

use crate::domain::Mission;
use crate::domain::road::{Phase, Road, Slot};

use super::{format_duration, format_time, long_date};

/// The fewest columns a title is cut to while the next visit is shown too.
const MIN_TITLE: usize = 8;

/// The line for `road`, at most `width` columns wide: the titles are cut
/// (with "…") to make room, the current one and the next one sharing it.
pub fn road_line(mission: &Mission, road: &Road, width: usize) -> String {
    let title = |slot: &Slot| mission.visits[slot.visit].title.trim().to_string();
    let now_part = road.current.map(|slot| {
        let left = format_wait(slot.end - road.now);
        let until = when(road.now, slot.end);
        (
            "Now: ".to_string(),
            title(&slot),
            format!(" until {until} ({left} left)"),
        )
    });
    let next_part = road.next.map(|slot| {
        let wait = format_wait(slot.start - road.now);
        let at = when(road.now, slot.start);
        (
            format!("Next: {at} "),
            title(&slot),
            format!(" (in {wait})"),
        )
    });
    let long = |date| long_date(&mission.header, date);
    match (now_part, next_part) {
        (None, None) => match road.phase {
            Phase::After => format!("The mission ended on {}", long(mission.header.end)),
            Phase::Before => format!(
                "Nothing planned; the mission starts on {}",
                long(mission.header.start)
            ),
            Phase::During => format!(
                "Nothing more planned; the mission ends on {}",
                long(mission.header.end)
            ),
        },
        (Some(now), None) => {
            let tail = " · then nothing planned";
            let room = width.saturating_sub(now.0.width() + now.2.width() + tail.width());
            format!("{}{}{}{tail}", now.0, cut(&now.1, room.max(1)), now.2)
        }
        (None, Some(next)) => {
            let room = width.saturating_sub(next.0.width() + next.2.width());
            format!("{}{}{}", next.0, cut(&next.1, room.max(1)), next.2)
        }
        (Some(now), Some(next)) => {
            let joint = " · ";
            let fixed = now.0.width() + now.2.width() + joint.width() + next.0.width();
            let room = width.saturating_sub(fixed + next.2.width());
            if room < 2 * MIN_TITLE {
                // Too narrow for both: what is on now matters more.
                let room = width.saturating_sub(now.0.width() + now.2.width());
                return format!("{}{}{}", now.0, cut(&now.1, room.max(1)), now.2);
            }
            let (a, b) = share(now.1.width(), next.1.width(), room);
            format!(
                "{}{}{}{joint}{}{}{}",
                now.0,
                cut(&now.1, a.max(1)),
                now.2,
                next.0,
                cut(&next.1, b.max(1)),
                next.2
            )
        }
    }
}

/// "14:00" on the day of `now`, "Tue 15 09:00" on another day of its
/// month, "Tue 1 Dec 09:00" in another month.
fn when(now: NaiveDateTime, at: NaiveDateTime) -> String {
    let time = format_time(at.time());
    if at.date() == now.date() {
        time
    } else if (at.year(), at.month()) == (now.year(), now.month()) {
        format!("{} {time}", at.format("%a %-d"))
    } else {
        format!("{} {time}", at.format("%a %-d %b"))
    }
}

/// "25 min", "1h25", "2d 3h": a wait or what is left, to the minute
/// (rounded up, so "1 min left" until the very end).
pub fn format_wait(d: TimeDelta) -> String {
    let minutes = (d.num_seconds() + 59).div_euclid(60).max(0);
    let days = minutes / (24 * 60);
    if days == 0 {
        return format_duration(TimeDelta::minutes(minutes));
    }
    match (minutes % (24 * 60)) / 60 {
        0 => format!("{days}d"),
        hours => format!("{days}d {hours}h"),
    }
}

/// Columns for two titles of `a` and `b` columns within `room`: each gets
/// what it needs when both fit, else half, the shorter one's spare going
/// to the other.
fn share(a: usize, b: usize, room: usize) -> (usize, usize) {
    if a + b <= room {
        return (a, b);
    }
    let half = room / 2;
    if a <= half {
        (a, room - a)
    } else if b <= room - half {
        (room - b, b)
    } else {
        (half, room - half)
    }
}

/// `text` in at most `width` columns, "…" marking a cut.
fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    // Cut between words when that keeps at least half of the room.
    if let Some(at) = out.rfind(' ').filter(|&at| out[..at].width() * 2 >= width) {
        out.truncate(at);
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_read_as_a_clock_does() {
        assert_eq!(format_wait(TimeDelta::seconds(30)), "1 min");
        assert_eq!(format_wait(TimeDelta::minutes(85)), "1h25");
        assert_eq!(format_wait(TimeDelta::minutes(24 * 60 + 61)), "1d 1h");
        assert_eq!(format_wait(TimeDelta::minutes(48 * 60)), "2d");
    }

    #[test]
    fn titles_share_the_room() {
        assert_eq!(share(10, 10, 30), (10, 10));
        assert_eq!(share(5, 40, 30), (5, 25));
        assert_eq!(share(40, 5, 30), (25, 5));
        assert_eq!(share(40, 40, 30), (15, 15));
        assert_eq!(cut("Osaka Prefectural Government", 10), "Osaka…");
        assert_eq!(cut("大阪府庁舎", 5), "大阪…");
    }
}
